//! The shapes against the regexes they replace, on lines generated from fragments chosen to sit
//! on every edge of the patterns: repeat limits, case folds, non-ASCII word characters, word
//! boundaries and line feeds.

use super::*;
use regex::Regex;

const CREDIT: &str = r"^\((?:[A-Z0-9][\w .&'-]{1,40} )?(?:with|via|from|and) [A-Za-z][\w .,&'-]{1,80}\)$|^\((?:AFP|AP|Reuters|REUTERS|dpa|ANSA|EFE)\)$";
const BIO: &str = r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3} (is|was) (a|an|the) [\w ,-]{0,60}(reporter|journalist|correspondent|editor|writer|columnist|contributor|producer)(?-u:\b)";
const UPDATE: &str = r"(?i)^(this (article|story|post) (has been|was) updated(?-u:\b).*|updated:?|updated (at|on) [\w .:,/]{1,40}|last updated(?-u:\b).{0,40}|published:?|first published(?-u:\b).{0,60})$";

/// A small deterministic generator (xorshift), so a failure names a line that reproduces.
struct Lines(u64);

impl Lines {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// A line made of one entry of each slot in turn, where an entry of "~" is a run of one
    /// character whose length sits near a repeat limit; then, one time in three, one character
    /// replaced, dropped or doubled.
    fn line(&mut self, slots: &[&[&str]]) -> String {
        let mut line = String::new();
        for slot in slots {
            match slot[self.below(slot.len())] {
                "~" => {
                    let c = ['a', 'x', ' ', 'é', '-', ',', '’', '\u{17f}'][self.below(8)];
                    let length = [0, 1, 2, 38, 39, 40, 41, 58, 59, 60, 61, 79, 80, 81][self.below(14)];
                    line.extend(std::iter::repeat_n(c, length));
                }
                piece => line.push_str(piece),
            }
        }
        let chars: Vec<char> = line.chars().collect();
        if chars.is_empty() || self.below(3) > 0 {
            return line;
        }
        let at = self.below(chars.len());
        let odd = [' ', '\n', '_', 'é', 'K', '\u{212a}', '\u{17f}', '(', ')', '.', '9', 'a'][self.below(12)];
        let mut mutated: Vec<char> = chars[..at].to_vec();
        match self.below(3) {
            0 => mutated.push(odd),
            1 => {}
            _ => mutated.extend([chars[at], chars[at]]),
        }
        mutated.extend(&chars[at + 1..]);
        mutated.into_iter().collect()
    }
}

/// Runs `shape` and `pattern` on generated lines and on `edges`, each with its "~" replaced by
/// runs of 0 to 85 of several characters; both must agree on each line, and both answers must
/// occur often enough among the generated lines for the comparison to mean something.
fn agree(pattern: &str, shape: fn(&str) -> bool, edges: &[&str], mut make: impl FnMut(&mut Lines) -> String) {
    let regex = Regex::new(pattern).expect("reference pattern compiles");
    let check = |line: &str| {
        let expected = regex.is_match(line);
        assert_eq!(shape(line), expected, "{line:?}");
        expected
    };
    for edge in edges {
        for c in ["a", " ", "é", "-", ",", "\u{17f}", "\n"] {
            for length in 0..=85 {
                check(&edge.replace('~', &c.repeat(length)));
            }
        }
    }
    let mut lines = Lines(0x9e37_79b9_7f4a_7c15);
    let cases = 20_000;
    let matched = (0..cases).filter(|_| check(&make(&mut lines))).count();
    assert!(matched > cases / 50 && matched < cases - cases / 50, "{matched} of {cases} matched");
}

#[test]
fn credit_line_matches_its_regex() {
    let slots: [&[&str]; 7] = [
        &["(", "(", "(", ""],
        &["", "", "FRANCE 24", "CNN", "9", "Émile Zola", "a b", "AFP", "~", "E~"],
        &[" ", " ", "", "  "],
        &["with ", "via ", "from ", "and ", "With ", "with", "AFP", "dpa", "by "],
        &["AFP", "AP, Reuters", "a", "é", "x&y", "O'Neil-Smith", "~", "b~", "", "Reuters"],
        &["", "", " and AP", ", AP and REUTERS", "_", "~"],
        &[")", ")", ")", "", "))"],
    ];
    agree(CREDIT, credit_line, &["(E~ with AFP)", "(with A~)", "(A~ and B~)"], |g| g.line(&slots));
}

#[test]
fn author_bio_matches_its_regex() {
    let slots: [&[&str]; 7] = [
        &["Jack", "Ana María", "O'Neil", "J.", "jack", "A", "Émile", "Jo Ann Lee Kim", "Jo Ann Lee Kim Wu", "Tom  Li"],
        &[" Phillips", "", " López", " Q.", " Smith-Jones", " x"],
        &[" is ", " was ", " is", " are ", " is  "],
        &["a ", "an ", "the ", "a", "one ", ""],
        &["", "", "breaking news ", "senior, ", "~", "x~", "-", "news"],
        &["reporter", "reporters", "reporter_", "reporterä", "editor.", "writer ", "columnist", "producer9", "chef"],
        &["", "", " for the Times", "\n", ".", " and editor"],
    ];
    agree(BIO, author_bio, &["Jack Lee is a ~reporter", "Jack is the ~editor"], |g| g.line(&slots));
}

#[test]
fn update_note_matches_its_regex() {
    let slots: [&[&str]; 6] = [
        &["this ", "This ", "THIS ", "thi\u{17f} ", "", "", "", "last ", "Last ", "first ", "FIRST ", "new "],
        &["article ", "ARTICLE ", "story ", "\u{17f}tory ", "post ", "", "", "", "page "],
        &["has been ", "was ", "", "", "", "is "],
        &["updated", "Updated", "UPDATED", "upda", "published", "PUBLISHED", "publi\u{17f}hed", "Updated:", "updates"],
        &["", "", ":", " at ", " on ", " AT ", " ", "_", "d", " \u{212a}"],
        &["", "", "5", "11 a.m.", "Jan 5, 2020/3:30", "~", "x~", "with details", "é", "\n", "5\n"],
    ];
    agree(
        UPDATE,
        update_note,
        &["Updated at 5~", "Last updated~", "first published ~", "This post was updated~"],
        |g| g.line(&slots),
    );
}

#[test]
fn only_the_kelvin_sign_and_long_s_fold_to_ascii_letters() {
    // The case-insensitive class of ASCII letters, as the regex parser builds it: every
    // character beyond ASCII in it must be one `strip_folded` knows.
    let hir = regex_syntax::parse("(?i)[a-z]").expect("parses");
    let regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(class)) = hir.kind() else {
        panic!("a Unicode class: {hir:?}");
    };
    let beyond: Vec<char> =
        class.ranges().iter().flat_map(|range| range.start()..=range.end()).filter(|c| !c.is_ascii()).collect();
    assert_eq!(beyond, ['\u{17f}', '\u{212a}']);
    assert_eq!(strip_folded("\u{212a}ILLED", "killed"), Some(""));
    assert_eq!(strip_folded("Upda\u{17f}", "updas"), Some(""));
    assert_eq!(strip_folded("Updat", "updated"), None);
}
