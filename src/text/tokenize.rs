//! Tokens of the normalised text: words, numbers and punctuation, each with its original span.
//!
//! Owns what counts as one word. Hyphens between letters split words ("Iran-backed" is `iran`
//! `backed`), so "asylum-seeker" and "asylum seeker" meet the same lexicon entry; apostrophes between
//! letters stay inside ("Kata'ib", "they've"), as do ampersands between capitals ("P&G"); a possessive `'s` is dropped from the key only.

use compact_str::CompactString;

use super::{Normalized, Span};

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Contains at least one letter.
    Word,
    /// Digits, possibly with `.` or `,` inside ("5,000").
    Number,
    /// One punctuation mark (a run of dots is one token).
    Punct,
}

/// One token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes in the original text.
    pub span: Span,
    /// Bytes in the normalised text.
    pub norm: Span,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// Lower-cased normalised form with a possessive `'s` removed: what lexicons match on.
    pub key: CompactString,
}

impl Token {
    /// True for words and numbers.
    pub fn is_wordlike(&self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// Tokenise the normalised bytes `range` of `normalized`.
pub fn tokenize(normalized: &Normalized, range: Span, out: &mut Vec<Token>) {
    let text = normalized.as_str();
    let bytes = text.as_bytes();
    let mut at = range.start;
    while at < range.end {
        let (c, width) = char_at(text, at);
        let next = at + width;
        if c.is_whitespace() {
            at = next;
        } else if c.is_alphanumeric() {
            let end = word_end(text, at, range.end);
            out.push(make_token(normalized, Span::new(at, end)));
            at = end;
        } else if c == '-' && joins_words(text, at, range) {
            at = next;
        } else {
            let end = if c == '.' { run_end(bytes, at, range.end, b'.') } else { next };
            out.push(make_token(normalized, Span::new(at, end)));
            at = end;
        }
    }
}

/// The character at byte `at` and its width, without decoding when it is ASCII (most are).
#[inline]
fn char_at(text: &str, at: usize) -> (char, usize) {
    let b = text.as_bytes()[at];
    if b.is_ascii() {
        return (b as char, 1);
    }
    let c = text[at..].chars().next().expect("offset inside text");
    (c, c.len_utf8())
}

fn run_end(bytes: &[u8], mut at: usize, end: usize, byte: u8) -> usize {
    while at < end && bytes[at] == byte {
        at += 1;
    }
    at
}

/// A hyphen with a letter or digit directly on both sides joins two words: it separates tokens.
fn joins_words(text: &str, at: usize, range: Span) -> bool {
    let before = text[range.start..at].chars().next_back();
    let after = text[at + 1..range.end].chars().next();
    matches!((before, after), (Some(b), Some(a)) if b.is_alphanumeric() && a.is_alphanumeric())
}

/// End of the word starting at `start`: letters and digits, plus inner apostrophes, abbreviation
/// dots (U.S.) and number separators (5,000 and 3.5).
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let mut end = start;
    let mut single_letter_run = true;
    let mut letters_since_dot = 0;
    let mut seen_dot = false;
    let mut prev: Option<char> = None;
    let mut at = start;
    while at < limit {
        let (c, width) = char_at(text, at);
        if c.is_alphanumeric() {
            at += width;
            end = at;
            letters_since_dot += 1;
            prev = Some(c);
            continue;
        }
        let following = (at + width < limit).then(|| char_at(text, at + width).0);
        let inner = matches!(following, Some(n) if n.is_alphanumeric());
        let keep = match c {
            '\'' => inner && prev.is_some_and(char::is_alphabetic),
            ',' => inner && prev.is_some_and(|p| p.is_ascii_digit()) && following.is_some_and(|n| n.is_ascii_digit()),
            // "P&G", "AT&T", "S&P": an ampersand between capitals is inside a name.
            '&' => prev.is_some_and(|p| p.is_ascii_uppercase()) && following.is_some_and(|n| n.is_ascii_uppercase()),
            // An ellipsis ("é...") is punctuation, never an abbreviation dot.
            '.' if following == Some('.') => false,
            '.' => {
                let digits = prev.is_some_and(|p| p.is_ascii_digit()) && following.is_some_and(|n| n.is_ascii_digit());
                single_letter_run &= letters_since_dot == 1;
                digits || (single_letter_run && (inner || seen_dot))
            }
            _ => false,
        };
        if !keep {
            break;
        }
        seen_dot |= c == '.';
        at += width;
        end = at;
        letters_since_dot = 0;
        prev = Some(c);
    }
    end
}

fn make_token(normalized: &Normalized, norm: Span) -> Token {
    let surface = norm.slice(normalized.as_str());
    let first = surface.chars().next().unwrap_or(' ');
    let kind = if !first.is_alphanumeric() {
        TokenKind::Punct
    } else if surface.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else {
        TokenKind::Number
    };
    Token { span: normalized.to_original(norm), norm, kind, key: token_key(surface) }
}

/// A word or name without its possessive `'s` or `’s` ("Ryan’s" is "Ryan"); a bare "'s" stays.
pub fn strip_possessive(written: &str) -> &str {
    match written.strip_suffix("'s").or_else(|| written.strip_suffix("’s")) {
        Some(stem) if !stem.is_empty() => stem,
        _ => written,
    }
}

/// The matching key of a surface form: lower case, possessive `'s` removed. Short keys (almost
/// all words) live inline, without a heap allocation.
pub fn token_key(surface: &str) -> CompactString {
    let surface = match surface.strip_suffix("'s") {
        Some(stem) if !stem.is_empty() => stem,
        _ => surface,
    };
    if surface.is_ascii() {
        let mut key = CompactString::from(surface);
        key.make_ascii_lowercase();
        key
    } else {
        CompactString::from(surface.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize;

    fn keys(text: &str) -> Vec<String> {
        let n = normalize(text);
        let mut tokens = Vec::new();
        tokenize(&n, Span::new(0, n.as_str().len()), &mut tokens);
        tokens.iter().map(|t| t.key.to_string()).collect()
    }

    #[test]
    fn hyphen_between_letters_splits_words() {
        assert_eq!(keys("Iran-backed militias"), ["iran", "backed", "militias"]);
    }

    #[test]
    fn dash_between_spaces_is_punctuation() {
        assert_eq!(keys("killing — strike"), ["killing", "-", "strike"]);
    }

    #[test]
    fn inner_apostrophes_stay_and_possessives_drop() {
        assert_eq!(
            keys("Kata’ib they’ve Soleimani’s CBS’ show"),
            ["kata'ib", "they've", "soleimani", "cbs", "'", "show"]
        );
    }

    #[test]
    fn abbreviations_and_numbers_are_one_token() {
        assert_eq!(
            keys("the U.S. sent 5,000 troops at 3.5 p.m. Gen. Seely"),
            ["the", "u.s.", "sent", "5,000", "troops", "at", "3.5", "p.m.", "gen", ".", "seely"]
        );
    }

    #[test]
    fn ampersand_between_capitals_is_inside_a_word() {
        assert_eq!(
            keys("P&G and AT&T, salt & pepper, R&d"),
            ["p&g", "and", "at&t", ",", "salt", "&", "pepper", ",", "r", "&", "d"]
        );
    }

    #[test]
    fn ellipsis_after_a_letter_is_not_an_abbreviation_dot() {
        assert_eq!(keys("é…al and U.S... then"), ["é", "...", "al", "and", "u.s", "...", "then"]);
    }

    #[test]
    fn sentence_final_period_is_its_own_token() {
        assert_eq!(keys("the vote. Then"), ["the", "vote", ".", "then"]);
    }

    #[test]
    fn token_spans_point_into_the_original() {
        let original = "“Assassination,” he said\u{a0}today";
        let n = normalize(original);
        let mut tokens = Vec::new();
        tokenize(&n, Span::new(0, n.as_str().len()), &mut tokens);
        let slices: Vec<&str> = tokens.iter().map(|t| t.span.slice(original)).collect();
        assert_eq!(slices, ["“", "Assassination", ",", "”", "he", "said", "today"]);
    }
}
