//! Three boilerplate line shapes written as code instead of regexes.
//!
//! Each function matches exactly the lines its regex (kept in the tests, which compare the two
//! on generated lines) would match. As regexes, their bounded repeats of Unicode word classes
//! (`[\w .&'-]{1,40}` and the like) compile into large automata: about 0.47 billion
//! instructions at start-up, more than a run over a thousand articles spends applying them.
//!
//! Regex semantics kept here: `\w` is Unicode's word class ([`is_word_character`]); `.`
//! is any character but a line feed; a repeat counts characters, not bytes; `(?-u:\b)` after
//! an ASCII letter is a boundary unless an ASCII letter, digit or underscore follows; and a
//! case-insensitive ASCII letter also matches the non-ASCII characters it folds with.

use regex_syntax::is_word_character;

/// `^\((?:[A-Z0-9][\w .&'-]{1,40} )?(?:with|via|from|and) [A-Za-z][\w .,&'-]{1,80}\)$`
/// or `^\((?:AFP|AP|Reuters|REUTERS|dpa|ANSA|EFE)\)$`: an agency credit such as
/// "(FRANCE 24 with AFP, AP and REUTERS)".
pub fn credit_line(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    if matches!(inner, "AFP" | "AP" | "Reuters" | "REUTERS" | "dpa" | "ANSA" | "EFE") {
        return true;
    }
    let credited = |rest: &str| {
        let mut chars = rest.chars();
        chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && run_of(chars.as_str(), 1, 80, |c| is_word_character(c) || " .,&'-".contains(c))
    };
    let crediting = |name: &str| {
        let mut chars = name.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && run_of(chars.as_str(), 1, 40, |c| is_word_character(c) || " .&'-".contains(c))
    };
    // The joining word opens the text or follows a space that ends the crediting name.
    let mut openings = std::iter::once(0).chain(inner.match_indices(' ').map(|(at, _)| at + 1));
    openings.any(|at| {
        ["with ", "via ", "from ", "and "].iter().any(|joint| inner[at..].strip_prefix(joint).is_some_and(credited))
            && (at == 0 || crediting(&inner[..at - 1]))
    })
}

/// The job words that end the biography shape.
const JOBS: [&str; 8] =
    ["reporter", "journalist", "correspondent", "editor", "writer", "columnist", "contributor", "producer"];

/// `^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3} (is|was) (a|an|the) [\w ,-]{0,60}` followed by a job
/// word at an ASCII word boundary: "Jack Phillips is a breaking news reporter …".
pub fn author_bio(text: &str) -> bool {
    let name_word = |word: &str| {
        let mut chars = word.chars();
        chars.next().is_some_and(|c| c.is_ascii_uppercase())
            && run_of(chars.as_str(), 1, usize::MAX, |c| is_word_character(c) || "'.-".contains(c))
    };
    // Name words hold no space, and "is" or "was" cannot be one, so the words before the verb
    // are the name.
    let mut rest = text;
    let mut names = 0;
    loop {
        let Some((word, after)) = rest.split_once(' ') else {
            return false;
        };
        rest = after;
        if names > 0 && matches!(word, "is" | "was") {
            break;
        }
        if names == 4 || !name_word(word) {
            return false;
        }
        names += 1;
    }
    let Some(mut gap) = ["a ", "an ", "the "].iter().find_map(|article| rest.strip_prefix(article)) else {
        return false;
    };
    for step in 0..=60 {
        if JOBS.iter().any(|job| gap.strip_prefix(job).is_some_and(ascii_word_ends)) {
            return true;
        }
        if step == 60 {
            break;
        }
        let mut chars = gap.chars();
        match chars.next() {
            Some(c) if is_word_character(c) || " ,-".contains(c) => gap = chars.as_str(),
            _ => return false,
        }
    }
    false
}

/// `(?i)^(this (article|story|post) (has been|was) updated(?-u:\b).*|updated:?|updated (at|on)
/// [\w .:,/]{1,40}|last updated(?-u:\b).{0,40}|published:?|first published(?-u:\b).{0,60})$`:
/// "This article has been updated …", "Updated at 11 a.m.", "Last updated 5 minutes ago".
pub fn update_note(text: &str) -> bool {
    let tail = |rest: &str, most: usize| ascii_word_ends(rest) && run_of(rest, 0, most, |c| c != '\n');
    if let Some(rest) = strip_folded(text, "this ") {
        return ["article ", "story ", "post "]
            .iter()
            .filter_map(|noun| strip_folded(rest, noun))
            .flat_map(|rest| ["has been ", "was "].into_iter().filter_map(move |verb| strip_folded(rest, verb)))
            .filter_map(|rest| strip_folded(rest, "updated"))
            .any(|rest| tail(rest, usize::MAX));
    }
    if let Some(rest) = strip_folded(text, "updated") {
        return matches!(rest, "" | ":")
            || [" at ", " on "]
                .iter()
                .filter_map(|when| strip_folded(rest, when))
                .any(|rest| run_of(rest, 1, 40, |c| is_word_character(c) || " .:,/".contains(c)));
    }
    if let Some(rest) = strip_folded(text, "published") {
        return matches!(rest, "" | ":");
    }
    strip_folded(text, "last updated").is_some_and(|rest| tail(rest, 40))
        || strip_folded(text, "first published").is_some_and(|rest| tail(rest, 60))
}

/// Whether `text` is `least` to `most` characters, each in `class`.
fn run_of(text: &str, least: usize, most: usize, class: impl Fn(char) -> bool) -> bool {
    let mut count = 0;
    for c in text.chars() {
        if !class(c) || count == most {
            return false;
        }
        count += 1;
    }
    count >= least
}

/// Whether an ASCII word that ends just before `rest` ends at a word boundary: no ASCII letter,
/// digit or underscore follows.
fn ascii_word_ends(rest: &str) -> bool {
    !rest.as_bytes().first().is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
}

/// `text` without a leading `literal` (ASCII) as a case-insensitive regex matches it: ASCII case
/// ignored, and "k" and "s" also matched by the Kelvin sign and the long s that fold to them.
fn strip_folded<'a>(text: &'a str, literal: &str) -> Option<&'a str> {
    let mut rest = text;
    for expected in literal.chars() {
        let mut chars = rest.chars();
        let c = chars.next()?;
        let folds = match expected.to_ascii_lowercase() {
            'k' => c == '\u{212a}',
            's' => c == '\u{17f}',
            _ => false,
        };
        if !(c.eq_ignore_ascii_case(&expected) || folds) {
            return None;
        }
        rest = chars.as_str();
    }
    Some(rest)
}

#[cfg(test)]
#[path = "shapes_tests.rs"]
mod tests;
