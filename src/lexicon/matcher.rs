//! `LexiconMatcher`: every label and exclusion of every concept compiled into one Aho-Corasick
//! automaton over a stream of token stems, with token-aligned, leftmost-longest selection.
//!
//! Why a stem stream: "stem" labels then match by construction, and "exact" or case-sensitive
//! labels are stem matches whose surface is checked afterwards. Because that check can reject
//! a longer candidate, the automaton reports overlapping matches and the leftmost-longest choice
//! is made among the verified ones.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::model::{Case, Inflect, LexiconSet};
use super::tokens::phrase_tokens;
use crate::text::{Document, Span, Stemmer};

/// A label found in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelMatch {
    /// Index of the concept in [`LexiconSet::concepts`].
    pub concept: usize,
    /// Index of the label in the concept.
    pub label: usize,
    /// The matched tokens.
    pub tokens: Range<usize>,
    /// Original bytes from the first to the last matched token.
    pub span: Span,
}

/// What a surface check compares.
#[derive(Debug)]
enum Check {
    /// Stems agree: nothing more to check.
    Stem,
    /// Lower-cased token keys must equal these.
    Keys(Vec<String>),
    /// Normalised surfaces must equal these, letter case included.
    Surface(Vec<String>),
}

#[derive(Debug)]
struct Pattern {
    concept: usize,
    /// `None` for an exclusion.
    label: Option<usize>,
    check: Check,
}

/// The compiled lexicons. Build once per run and share across threads.
#[derive(Debug)]
pub struct LexiconMatcher {
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    /// The family of each concept: matches compete (leftmost-longest) only within a family, so
    /// independent phrase sets can share one automaton pass.
    families: Vec<usize>,
}

/// Lexicon keys up to which the label automaton is a DFA (see [`LexiconMatcher::new`]).
const DFA_MAX_KEYS: usize = 5_000;

/// Stands between paragraphs in the stem stream so no phrase matches across them.
const BREAK: &str = "\u{b6}";

impl LexiconMatcher {
    /// Compile every concept of `set`; all compete with each other.
    pub fn new(set: &LexiconSet) -> LexiconMatcher {
        LexiconMatcher::with_families(set, vec![0; set.concepts.len()])
    }

    /// Compile every concept of `set`, concept `c` in family `families[c]`.
    pub fn with_families(set: &LexiconSet, families: Vec<usize>) -> LexiconMatcher {
        let stemmer = Stemmer::default();
        let mut keys = Vec::new();
        let mut patterns = Vec::new();
        let mut add = |phrase: &str, concept: usize, label: Option<usize>, inflect: Inflect, case: Case| {
            let (normalized, tokens) = phrase_tokens(phrase);
            if tokens.is_empty() {
                return;
            }
            keys.push(stream_key(tokens.iter().map(|t| stemmer.stem(&t.key))));
            let check = match (case, inflect) {
                (Case::Sensitive, _) => {
                    Check::Surface(tokens.iter().map(|t| t.norm.slice(&normalized).to_string()).collect())
                }
                (Case::Insensitive, Inflect::Exact) => Check::Keys(tokens.iter().map(|t| t.key.to_string()).collect()),
                (Case::Insensitive, Inflect::Stem) => Check::Stem,
            };
            patterns.push(Pattern { concept, label, check });
        };
        for (c, concept) in set.concepts.iter().enumerate() {
            for (l, label) in concept.labels.iter().enumerate() {
                add(&label.text, c, Some(l), label.inflect, label.case);
                for form in &label.forms {
                    add(form, c, Some(l), Inflect::Exact, label.case);
                }
            }
            for phrase in &concept.exclude {
                add(phrase, c, None, Inflect::Stem, Case::Insensitive);
            }
        }
        // A DFA is the fastest scan but its build time and memory grow with patterns × alphabet;
        // past a few thousand keys the contiguous NFA scans nearly as fast and builds in a blink.
        let kind = if keys.len() <= DFA_MAX_KEYS { AhoCorasickKind::DFA } else { AhoCorasickKind::ContiguousNFA };
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(kind))
            .build(&keys)
            .expect("lexicon patterns are short enough for an automaton");
        LexiconMatcher { automaton, patterns, families }
    }

    /// Every label match in `doc`, in text order, non-overlapping.
    pub fn find(&self, doc: &Document, stemmer: &Stemmer) -> Vec<LabelMatch> {
        if self.patterns.is_empty() || doc.tokens.is_empty() {
            return Vec::new();
        }
        self.find_in(doc, &StemStream::new(doc, stemmer))
    }

    /// Like [`LexiconMatcher::find`], on a stem stream already built for `doc` (several
    /// matchers can share one).
    pub fn find_in(&self, doc: &Document, stream: &StemStream) -> Vec<LabelMatch> {
        if self.patterns.is_empty() || doc.tokens.is_empty() {
            return Vec::new();
        }
        let mut labels = Vec::new();
        let mut exclusions = Vec::new();
        for found in self.automaton.find_overlapping_iter(&stream.text) {
            let pattern = &self.patterns[found.pattern().as_usize()];
            let tokens = stream.tokens(found.start(), found.end());
            if !self.verify(pattern, doc, tokens.clone()) {
                continue;
            }
            match pattern.label {
                Some(label) => labels.push((tokens, pattern.concept, label)),
                None => exclusions.push((tokens, pattern.concept)),
            }
        }
        // An exclusion overlapping a label starts at most its own length before the label, so
        // sorted by start only a short stretch of them is looked at (linear in long articles).
        exclusions.sort_by_key(|(ex, _)| ex.start);
        let longest = exclusions.iter().map(|(ex, _)| ex.len()).max().unwrap_or(0);
        labels.retain(|(tokens, concept, _)| {
            let from = exclusions.partition_point(|(ex, _)| ex.start + longest <= tokens.start);
            !exclusions[from..]
                .iter()
                .take_while(|(ex, _)| ex.start < tokens.end)
                .any(|(ex, c)| c == concept && tokens.start < ex.end)
        });
        if self.families.iter().all(|f| *f == 0) {
            return leftmost_longest(labels, doc);
        }
        let mut by_family: std::collections::BTreeMap<usize, Vec<_>> = std::collections::BTreeMap::new();
        for label in labels {
            by_family.entry(self.families[label.1]).or_default().push(label);
        }
        by_family.into_values().flat_map(|found| leftmost_longest(found, doc)).collect()
    }

    fn verify(&self, pattern: &Pattern, doc: &Document, tokens: Range<usize>) -> bool {
        let found = &doc.tokens[tokens];
        match &pattern.check {
            Check::Stem => true,
            Check::Keys(keys) => found.iter().zip(keys).all(|(t, k)| &*t.key == k),
            Check::Surface(surfaces) => {
                let text = doc.normalized.as_str();
                found.iter().zip(surfaces).all(|(t, s)| t.norm.slice(text) == s)
            }
        }
    }
}

/// Leftmost first; among those starting together, longest first; then lexicon order.
fn leftmost_longest(mut found: Vec<(Range<usize>, usize, usize)>, doc: &Document) -> Vec<LabelMatch> {
    found.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)).then((a.1, a.2).cmp(&(b.1, b.2))));
    let mut chosen = Vec::new();
    let mut free_from = 0;
    for (tokens, concept, label) in found {
        if tokens.start < free_from {
            continue;
        }
        free_from = tokens.end;
        let span = Span::new(doc.tokens[tokens.start].span.start, doc.tokens[tokens.end - 1].span.end);
        chosen.push(LabelMatch { concept, label, tokens, span });
    }
    chosen
}

/// `" k1 k2 k3 "`: the key of a phrase in the stem stream. Leading and trailing spaces make
/// every match start and end on token boundaries.
fn stream_key(stems: impl Iterator<Item = Box<str>>) -> String {
    let mut key = String::from(" ");
    for stem in stems {
        key.push_str(&stem);
        key.push(' ');
    }
    key
}

/// An article as one string of stems, with the offset where each token's stem starts.
/// An article's token stems as one string, paragraphs separated, for the automata. Build once
/// per article and share across matchers.
pub struct StemStream {
    text: String,
    /// `(offset of the space before the token, token index)`; `usize::MAX` marks a break.
    starts: Vec<(usize, usize)>,
    /// For every offset of `text` (and its end), the first entry of `starts` at or after it:
    /// a match's tokens in two lookups (an article has thousands of overlapping candidates).
    first_start_from: Vec<u32>,
}

impl StemStream {
    /// The stream of `doc`.
    pub fn new(doc: &Document, stemmer: &Stemmer) -> StemStream {
        let mut text = String::with_capacity(doc.text.len() + 16);
        let mut starts = Vec::with_capacity(doc.tokens.len() + doc.paragraphs.len());
        text.push(' ');
        stemmer.with_stems(|stems| {
            for paragraph in &doc.paragraphs {
                for i in paragraph.tokens.clone() {
                    starts.push((text.len() - 1, i));
                    stems.push(&doc.tokens[i].key, &mut text);
                    text.push(' ');
                }
                starts.push((text.len() - 1, usize::MAX));
                text.push_str(BREAK);
                text.push(' ');
            }
        });
        let first_start_from = first_start_from(&starts, text.len());
        StemStream { text, starts, first_start_from }
    }

    /// Token range of a match from stream offset `start` (its leading space) to `end`.
    fn tokens(&self, start: usize, end: usize) -> Range<usize> {
        let first = self.first_start_from[start] as usize;
        let last = self.first_start_from[end - 1] as usize;
        self.starts[first].1..self.starts[last - 1].1 + 1
    }
}

/// `table[o]` = how many `starts` lie before offset `o`, for `o` in `0..=len`.
fn first_start_from(starts: &[(usize, usize)], len: usize) -> Vec<u32> {
    // Entry `offset` counts the starts before it: offsets up to the first start hold 0, those
    // after it up to the second hold 1, and so on, so the table is filled a run at a time.
    let mut table = Vec::with_capacity(len + 1);
    for (k, &(start, _)) in starts.iter().enumerate() {
        let upto = (start + 1).min(len + 1);
        if upto > table.len() {
            table.resize(upto, k as u32);
        }
    }
    table.resize(len + 1, starts.len() as u32);
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Source, load};
    use crate::text::TextOptions;

    #[test]
    fn start_table_counts_the_starts_before_each_offset() {
        for starts in [vec![0, 4, 9, 10, 17], vec![3, 3, 8], vec![], vec![20]] {
            let pairs: Vec<(usize, usize)> = starts.iter().map(|&s| (s, 0)).collect();
            let table = first_start_from(&pairs, 20);
            let counted: Vec<u32> = (0..=20).map(|o| starts.iter().filter(|&&s| s < o).count() as u32).collect();
            assert_eq!(table, counted, "{starts:?}");
        }
    }

    const LEXICON: &str = r#"
[lexicon]
id = "test"
version = "1"
[frames]
violence = "x"
[[concept]]
id = "strike"
labels = [
  { text = "strike", connotation = "neutral" },
  { text = "drone strike", connotation = "neutral" },
  { text = "assassination", connotation = "negative", frames = ["violence"] },
  { text = "political assassination", connotation = "negative" },
]
exclude = ["strike a deal"]
[[concept]]
id = "isis"
labels = [
  { text = "IS", connotation = "neutral", case = "sensitive" },
  { text = "Islamic State", connotation = "neutral" },
  { text = "Daesh", connotation = "negative", inflect = "exact" },
]
"#;

    fn matches(text: &str) -> Vec<(String, String)> {
        let loaded = load(&[Source { name: "test.toml".into(), text: LEXICON.into() }]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let matcher = LexiconMatcher::new(&loaded.set);
        let doc = Document::parse(text, TextOptions { remove_boilerplate: false });
        matcher
            .find(&doc, &Stemmer::default())
            .into_iter()
            .map(|m| (loaded.set.concepts[m.concept].labels[m.label].text.clone(), m.span.slice(text).to_string()))
            .collect()
    }

    fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
        expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
    }

    #[test]
    fn longest_phrase_wins() {
        assert_eq!(
            matches("a drone strike and a political assassination"),
            pairs(&[("drone strike", "drone strike"), ("political assassination", "political assassination")])
        );
    }

    #[test]
    fn stems_match_inflections() {
        assert_eq!(
            matches("two strikes, assassinations"),
            pairs(&[("strike", "strikes"), ("assassination", "assassinations")])
        );
    }

    #[test]
    fn exact_labels_refuse_inflections() {
        assert_eq!(matches("Daesh and Daeshes"), pairs(&[("Daesh", "Daesh")]));
    }

    #[test]
    fn case_sensitive_labels_need_the_case() {
        assert_eq!(matches("it is IS, not is"), pairs(&[("IS", "IS")]));
    }

    #[test]
    fn matches_are_token_aligned() {
        assert!(matches("strikers struck").is_empty());
        assert_eq!(matches("US-led strike"), pairs(&[("strike", "strike")]));
    }

    #[test]
    fn punctuation_and_paragraphs_break_phrases() {
        assert_eq!(matches("drone, strike"), pairs(&[("strike", "strike")]));
        assert_eq!(matches("a drone\nstrike"), pairs(&[("strike", "strike")]));
    }

    #[test]
    fn exclusions_block_their_concept() {
        assert!(matches("they may strike a deal").is_empty());
    }

    #[test]
    fn curly_apostrophes_and_no_break_spaces_do_not_block() {
        assert_eq!(matches("the Islamic\u{a0}State’s fighters"), pairs(&[("Islamic State", "Islamic\u{a0}State’s")]));
    }
}
