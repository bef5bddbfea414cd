//! Fuzz targets, one per parser, run with proptest on stable Rust: the text layer, quotation
//! marks, HTML, corpus manifests, lexicon TOML, and JSONL and CSV rows. Inputs are built from
//! the pieces each format is made of (delimiters, quotes, escapes, line ends, formula starts,
//! odd Unicode) mixed with arbitrary strings. Properties: no panic; every span on char
//! boundaries inside the text; every error names its file (and line, where it has one).
//!
//! `cargo test` runs 64 cases per target. `.ci/run` runs many more (`PROPTEST_CASES`). A case
//! that ever fails is kept by proptest in `tests/fuzz.proptest-regressions` and replayed first
//! on every run; the shrunk inputs are also pinned as plain tests at the end of this file.

use std::fs;
use std::path::Path;

use framelens::corpus::{self, Article, OutletGuesser, ReadOptions, extract_main_text};
use framelens::lexicon::{LexiconMatcher, Source, load, shipped_sources};
use framelens::quotes::find_quote_spans;
use framelens::text::{Document, Stemmer, TextOptions, normalize};
use proptest::prelude::*;

#[path = "common/text.rs"]
mod common;
use common::{PIECES, assert_span};
use proptest::test_runner::FileFailurePersistence;

/// Cases per target: `PROPTEST_CASES`, or 64.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    }
}

/// Text made of `pieces`, or an arbitrary string, or both.
fn made_of(pieces: Vec<&'static str>, most: usize) -> impl Strategy<Value = String> {
    let built = prop::collection::vec(prop::sample::select(pieces), 0..most).prop_map(|p| p.concat());
    prop_oneof![
        4 => built.clone(),
        1 => any::<String>(),
        2 => (built, any::<String>(), 0usize..4).prop_map(|(a, b, at)| if at % 2 == 0 { a + &b } else { b + &a }),
    ]
}

/// Pieces of prose beyond the shared ones: more quotation marks, control and combining
/// characters, references, site furniture, formula starts and markup.
const PROSE_EXTRA: &[&str] = &[
    "``",
    "„",
    "‹",
    "›",
    "「",
    "」",
    "\u{feff}",
    "\u{202e}",
    "\r",
    "\0",
    "? ",
    "e\u{301}",
    "👩‍👩‍👧",
    "&amp;",
    "&#8217;",
    "&#x",
    "&",
    ";",
    "Read more: ",
    "Photo: ",
    "Advertisement\n",
    "Sputnik ",
    "(Reuters) - ",
    "=SUM(A1)",
    "@",
    "+",
    "<p>",
    "</p>",
];

/// The shared pieces with [`PROSE_EXTRA`].
fn prose() -> Vec<&'static str> {
    PIECES.iter().chain(PROSE_EXTRA).copied().collect()
}

const HTML: &[&str] = &[
    "<html>",
    "</html>",
    "<body>",
    "<p>",
    "</p>",
    "<div class=\"article\">",
    "</div>",
    "<script>",
    "</script>",
    "<style>",
    "</style>",
    "<!--",
    "-->",
    "<br/>",
    "<a href=\"x\">",
    "</a>",
    "<h1>",
    "</h1>",
    "<article>",
    "</article>",
    "<",
    ">",
    "/",
    "=",
    "\"",
    "'",
    "&amp;",
    "amp;",
    "😀",
    "&lt;",
    "&#",
    "&#x1F600;",
    "&#1114112;",
    "&nbsp;",
    "text ",
    "He said “no”. ",
    "<nav>",
    "</nav>",
    "<![CDATA[",
    "]]>",
    "<meta property=\"og:site_name\" content=\"CNN\">",
    "\n",
    "\0",
    "é",
];

const TOML: &[&str] = &[
    "[lexicon]\n",
    "id = \"x\"\n",
    "kind = \"story\"\n",
    "[[concept]]\n",
    "[[concepts]]\n",
    "id = \"a\"\n",
    "id = \"a\"\n",
    "[[concept.label]]\n",
    "[[concepts.labels]]\n",
    "text = \"",
    "forms = [\"",
    "\", \"",
    "\"]\n",
    "\"\n",
    "connotation = \"loaded\"\n",
    "polarity = -1\n",
    "= ",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'''",
    "\\u0000",
    "\\",
    ".*",
    "“”",
    "killing",
    "strike",
    "\n",
    "# c\n",
    "=x",
    "1e400",
    "-0",
    "é",
];

const ROWS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"text\": ",
    "\"id\": ",
    "\"outlet\": ",
    "\"story\": ",
    "\"title\": ",
    "\"",
    "\\\"",
    "\\u0000",
    "\\ud800",
    ", ",
    ":",
    "null",
    "1e999",
    "true",
    "\n",
    "\r\n",
    "\r",
    "text,outlet,id\n",
    "id,text\n",
    ",",
    "\"\"",
    "=cmd|' /C calc'!A0",
    "+1",
    "-1",
    "@x",
    "He said “no”. ",
    "é",
    "\u{feff}",
    "\0",
    "a",
    "b",
];

const MANIFEST: &[&str] = &[
    "file,outlet,story\n",
    "file = ",
    "[[article]]\n",
    "[[articles]]\n",
    "outlet = \"CNN\"\n",
    "a.txt",
    "b.txt",
    "../secret.txt",
    "/etc/passwd",
    "sub/c.txt",
    ",",
    "\"",
    "\n",
    "\r\n",
    "CNN",
    "=HYPERLINK(1)",
    "story",
    " ",
    "\0",
    "é",
    "[",
    "]",
    "= 3\n",
    "file = \"a.txt\"\n",
    "file = \"a.txt\"\n",
];

/// Read a corpus at `path` to the end: every article or error, with no panic; every error
/// names `named`.
fn read_all(path: &Path, named: &str) -> Vec<Article> {
    let guesser = OutletGuesser::new(&[]);
    let stream = match corpus::read(path, &ReadOptions::default(), &guesser) {
        Ok(stream) => stream,
        Err(e) => {
            assert!(e.to_string().contains(named), "error does not name {named}: {e}");
            return Vec::new();
        }
    };
    let mut articles = Vec::new();
    for item in stream {
        match item {
            Ok(article) => articles.push(article),
            Err(e) => assert!(e.to_string().contains(named), "error does not name {named}: {e}"),
        }
    }
    articles
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn text_layer(text in made_of(prose(), 120)) {
        let doc = Document::parse(&text, TextOptions::default());
        let mut previous_end = 0;
        for token in &doc.tokens {
            assert_span(&text, token.span, "token");
            prop_assert!(token.span.start >= previous_end, "tokens overlap in {:?}", text);
            previous_end = token.span.end;
        }
        for sentence in &doc.sentences {
            assert_span(&text, sentence.span, "sentence");
        }
        for removed in &doc.removed {
            assert_span(&text, removed.span, "removed line");
        }
        let once = normalize(&text).as_str().to_string();
        let twice = normalize(&once);
        prop_assert_eq!(twice.as_str(), once.as_str());
    }

    #[test]
    fn quote_marks(text in made_of(prose(), 160)) {
        let doc = Document::parse(&text, TextOptions::default());
        for q in find_quote_spans(&text, &doc.paragraph_spans()) {
            assert_span(&text, q.span, "quote");
            prop_assert!(q.span.contains(q.inner));
        }
    }

    #[test]
    fn html(page in made_of(HTML.to_vec(), 120)) {
        let (_title, text) = extract_main_text(&page);
        let doc = Document::parse(&text, TextOptions::default());
        for token in &doc.tokens {
            assert_span(&text, token.span, "token");
        }
    }

    #[test]
    fn lexicon_toml(text in made_of(TOML.to_vec(), 60)) {
        let loaded = load(&[Source { name: "fuzzed.toml".into(), text }]);
        for problem in &loaded.problems {
            prop_assert!(problem.to_string().contains("fuzzed.toml"), "{}", problem);
        }
        // Whatever loaded can be matched against text.
        let matcher = LexiconMatcher::new(&loaded.set);
        let doc = Document::parse("the killing and the strike", TextOptions::default());
        for m in matcher.find(&doc, &Stemmer::default()) {
            assert_span("the killing and the strike", m.span, "match");
        }
    }

    #[test]
    fn jsonl_rows(body in made_of(ROWS.to_vec(), 80)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fuzzed.jsonl");
        fs::write(&path, &body).unwrap();
        for article in read_all(&path, "fuzzed.jsonl") {
            prop_assert!(!article.text.is_empty());
        }
    }

    #[test]
    fn csv_rows(body in made_of(ROWS.to_vec(), 80)) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fuzzed.csv");
        fs::write(&path, &body).unwrap();
        read_all(&path, "fuzzed.csv");
    }

    #[test]
    fn manifests(body in made_of(MANIFEST.to_vec(), 40), toml in any::<bool>()) {
        let dir = tempfile::tempdir().unwrap();
        let name = if toml { "manifest.toml" } else { "manifest.csv" };
        fs::write(dir.path().join(name), &body).unwrap();
        fs::write(dir.path().join("a.txt"), "Officials said the vote was held.").unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("sub/c.txt"), "He said “no”.").unwrap();
        let guesser = OutletGuesser::new(&[]);
        if let Ok(stream) = corpus::read(dir.path(), &ReadOptions::default(), &guesser) {
            for item in stream {
                if let Err(e) = item {
                    let message = e.to_string();
                    prop_assert!(
                        message.contains(name) || message.contains(".txt"),
                        "error names neither the manifest nor a file: {}", message
                    );
                }
            }
        }
    }
}

#[test]
fn shipped_lexicons_are_a_valid_fuzz_seed() {
    // The TOML target starts from pieces of real lexicons; the real ones load cleanly.
    assert!(!load(&shipped_sources()).has_errors());
}

// Cases the fuzzer found, shrunk, pinned as plain tests.

#[test]
fn found_an_entity_scan_window_ending_inside_a_character() {
    // The HTML reader looked for `;` in the next 12 bytes by slicing the string there, which
    // panicked when byte 12 fell inside a multi-byte character.
    let (_, text) = extract_main_text("&#x1F600;<p>é");
    assert_eq!(text, "😀\n\né");
}
