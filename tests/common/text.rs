//! Shared by the invariant and fuzz tests: the pieces of text that break news parsers, and the
//! check that a span lies on character boundaries inside its text.

use framelens::text::Span;

/// Characters and words that break news parsers: curly and straight quotes, apostrophes,
/// dashes, no-break and zero-width spaces, CR LF, accents, emoji, abbreviations, markup.
pub const PIECES: &[&str] = &[
    "the ",
    "US ",
    "said ",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "''",
    " — ",
    "-",
    "\u{a0}",
    "\u{200b}",
    "\r\n",
    "\n\n",
    ". ",
    ", ",
    ": ",
    "é",
    "İ",
    "ß",
    "😀",
    "Gen. ",
    "U.S. ",
    "5,000 ",
    "assassination ",
    "expel ",
    "he ",
    "told CNN ",
    "according to ",
    "…",
    "«",
    "»",
    "<tweet id=\"1\">",
    "Abdul-Mahdi ",
    "al-Sadr ",
    "\t",
    "  ",
];

/// Panic unless `span` lies inside `text` on character boundaries.
pub fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} outside {text:?}");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} splits a char in {text:?}"
    );
}
