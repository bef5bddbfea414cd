//! Small tests and conversions over a document's tokens that the attribution rules, gender
//! inference and the signals share: spans of token ranges, capitals, punctuation, titles.

use crate::text::Document;
use crate::text::Span;
use crate::text::TokenKind;
use crate::text::english;
use std::ops::Range;

pub(crate) fn token_span(doc: &Document, tokens: Range<usize>) -> Span {
    Span::new(doc.tokens[tokens.start].span.start, doc.tokens[tokens.end - 1].span.end)
}

/// A headline written in Title Case ("Ruth Okafor Says She Has Already Started Writing …"),
/// where a capitalised cue word is still a verb: most words of the sentence are capitalised.
pub(crate) fn in_title_case_sentence(doc: &Document, i: usize) -> bool {
    let Some(sentence) = doc.sentence_of(i) else {
        return false;
    };
    let words = sentence.tokens.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word);
    let (count, capitalised) = words.fold((0, 0), |(n, c), t| (n + 1, c + usize::from(is_capitalized(doc, t))));
    count >= 4 && capitalised * 4 >= count * 3
}

/// A sentence of at least four words, every one capitalised or a small word of titles ("of",
/// "to"): a Title Case headline ("White House Used Bill Clinton to Ask Sestak to Drop Out"),
/// stricter than [`in_title_case_sentence`], which a short sentence of names may pass
/// ("Mexican President Felipe Calderon said Monday").
pub(crate) fn in_title_case_headline(doc: &Document, i: usize) -> bool {
    let Some(sentence) = doc.sentence_of(i) else {
        return false;
    };
    let mut count = 0;
    for t in sentence.tokens.clone().filter(|&t| doc.tokens[t].kind == TokenKind::Word) {
        count += 1;
        if !is_capitalized(doc, t) && !english().title_small_words.contains(&&*doc.tokens[t].key) {
            return false;
        }
    }
    count >= 4
}

/// "self-described", "so-called", "long-said": the word is joined to the one before it by a
/// hyphen, so it is part of a compound adjective, not a reporting verb.
pub(crate) fn hyphen_joined(doc: &Document, i: usize) -> bool {
    i > 0
        && doc.text[..doc.tokens[i].span.start].ends_with('-')
        && doc.tokens[i - 1].span.end + 1 == doc.tokens[i].span.start
}

/// Token range of the tokens lying inside `span`.
pub(crate) fn tokens_in(doc: &Document, span: Span) -> Range<usize> {
    let start = doc.tokens.partition_point(|t| t.span.start < span.start);
    let end = doc.tokens.partition_point(|t| t.span.end <= span.end);
    start..end.max(start)
}

pub(crate) fn surface<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.tokens[i].norm.slice(doc.normalized.as_str())
}

/// The matching key of token `i`, or "" past the last token.
pub(crate) fn key_at<'d>(doc: &'d Document, i: usize) -> &'d str {
    doc.tokens.get(i).map_or("", |t| &*t.key)
}

/// The normalised text of token `i`, or "" past the last token.
pub(crate) fn surface_at<'d>(doc: &'d Document, i: usize) -> &'d str {
    if i < doc.tokens.len() { surface(doc, i) } else { "" }
}

/// A dash (the normalised view writes every dash as `-`; some texts double it).
pub(crate) fn is_dash(doc: &Document, i: usize) -> bool {
    matches!(surface(doc, i), "-" | "--")
}

/// Word and number tokens in `range` (punctuation not counted).
pub(crate) fn words_in(doc: &Document, range: Range<usize>) -> usize {
    range.filter(|&i| !is_punct(doc, i)).count()
}

pub(crate) fn is_punct(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Punct
}

/// Whether token `i` starts with an upper-case letter (read from its first byte when ASCII).
#[inline]
pub(crate) fn is_capitalized(doc: &Document, i: usize) -> bool {
    let surface = surface(doc, i);
    match surface.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => surface.chars().next().is_some_and(char::is_uppercase),
    }
}

/// A full stop that ends a title or an initial ("Mr.", "Harry B. Harris"), not a sentence.
pub(crate) fn abbreviation_dot(doc: &Document, i: usize) -> bool {
    initial_dot(doc, i)
        || i > 0 && surface(doc, i) == "." && english().title_abbreviations.contains(&&*doc.tokens[i - 1].key)
}

/// The full stop of an initial ("Harry B. Harris").
pub(crate) fn initial_dot(doc: &Document, i: usize) -> bool {
    if i == 0 || surface(doc, i) != "." {
        return false;
    }
    let before = surface(doc, i - 1);
    before.len() == 1 && before.chars().all(|c| c.is_ascii_uppercase())
}

/// "say stricter rules would help": a finite verb after the cue makes its words a clause.
pub(crate) fn has_finite_verb(doc: &Document, range: Range<usize>) -> bool {
    range.into_iter().any(|i| english().finite_verbs.contains(&&*doc.tokens[i].key))
}

pub(crate) fn trim_punct(doc: &Document, range: Range<usize>) -> Range<usize> {
    let (mut start, mut end) = (range.start, range.end);
    while start < end && is_punct(doc, start) {
        start += 1;
    }
    while end > start && is_punct(doc, end - 1) {
        end -= 1;
    }
    start..end
}

/// A short Title Case quote ("Face the Nation") names a work, not words someone said: at most six
/// words, every one capitalised or a small word ("the", "of"), and no exclamation or question.
pub fn is_title(doc: &Document, inner: Range<usize>, words: usize) -> bool {
    // `chanted “USA! USA!”`: an exclamation or a question is speech, not a title.
    let exclaims = inner.clone().any(|i| matches!(surface(doc, i), "!" | "?"));
    words <= 6
        && !exclaims
        && inner
            .clone()
            .filter(|&i| !is_punct(doc, i))
            .all(|i| is_capitalized(doc, i) || english().title_small_words.contains(&&*doc.tokens[i].key))
        && inner.clone().filter(|&i| !is_punct(doc, i)).any(|i| is_capitalized(doc, i))
}
