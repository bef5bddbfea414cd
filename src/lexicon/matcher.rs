//! `LexiconMatcher`: every label and exclusion of every concept compiled into one trie over
//! token stems, with token-aligned, leftmost-longest selection.
//!
//! Why stems: "stem" labels then match by construction, and "exact" or case-sensitive labels
//! are stem matches whose surface is checked afterwards. Because that check can reject a longer
//! candidate, every candidate is reported (overlapping ones included) and the leftmost-longest
//! choice is made among the verified ones.
//!
//! Why a trie of whole stems rather than a byte automaton: a token whose stem begins no phrase
//! costs one hash lookup, where a byte automaton steps through every byte of every stem; and
//! the trie builds in one pass over the phrases, however many there are.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::model::{Case, Inflect, LexiconSet};
use super::tokens::phrase_tokens;
use crate::text::{Document, Span, Stemmer, stem_hash};

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
    trie: StemTrie,
    patterns: Vec<Pattern>,
    /// The family of each concept: matches compete (leftmost-longest) only within a family, so
    /// independent phrase sets can share one pass.
    families: Vec<usize>,
}

impl LexiconMatcher {
    /// Compile every concept of `set`; all compete with each other.
    pub fn new(set: &LexiconSet) -> LexiconMatcher {
        LexiconMatcher::with_families(set, vec![0; set.concepts.len()])
    }

    /// Compile every concept of `set`, concept `c` in family `families[c]`.
    pub fn with_families(set: &LexiconSet, families: Vec<usize>) -> LexiconMatcher {
        let stemmer = Stemmer::default();
        let mut trie = StemTrie::default();
        let mut patterns = Vec::new();
        let mut add = |phrase: &str, concept: usize, label: Option<usize>, inflect: Inflect, case: Case| {
            let (normalized, tokens) = phrase_tokens(phrase);
            if tokens.is_empty() {
                return;
            }
            trie.insert(tokens.iter().map(|t| stemmer.stem(&t.key)), patterns.len() as u32);
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
        LexiconMatcher { trie, patterns, families }
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
        self.find_in_where(doc, stream, |_| true)
    }

    /// Like [`LexiconMatcher::find_in`], with only the concepts `keep` accepts: the others'
    /// labels and exclusions are never found, so they take no words from the ones kept.
    pub fn find_in_where(&self, doc: &Document, stream: &StemStream, keep: impl Fn(usize) -> bool) -> Vec<LabelMatch> {
        if self.patterns.is_empty() || doc.tokens.is_empty() {
            return Vec::new();
        }
        let mut labels = Vec::new();
        let mut exclusions = Vec::new();
        self.trie.each_match(stream, |tokens, pattern| {
            let pattern = &self.patterns[pattern as usize];
            if !keep(pattern.concept) || !self.verify(pattern, doc, tokens.clone()) {
                return;
            }
            match pattern.label {
                Some(label) => labels.push((tokens, pattern.concept, label)),
                None => exclusions.push((tokens, pattern.concept)),
            }
        });
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

/// The phrases of a matcher as a trie over stems: node 0 is the root, and a phrase of `n`
/// tokens ends at the node `n` edges below it.
#[derive(Debug)]
struct StemTrie {
    /// Every stem of any phrase, numbered.
    ids: FxHashMap<Box<str>, u32>,
    /// [`stem_hash`] of each numbered stem to its number, so a token is looked up by the hash
    /// its stream computed once; the stem itself is compared only on a hit.
    by_hash: FxHashMap<u64, u32>,
    /// The numbered stems, in number order.
    stems: Vec<Box<str>>,
    /// Whether two stems share a hash: then tokens are looked up by their text.
    collided: bool,
    /// Bit `hash >> 48` is set for the hash of every numbered stem: most tokens' stems are in
    /// no phrase, and one bit test turns them away before any hash-map lookup.
    filter: Vec<u64>,
    /// `(node, stem number)` to the child node.
    edges: FxHashMap<(u32, u32), u32>,
    /// The phrases (pattern numbers) that end at each node.
    ends: Vec<Vec<u32>>,
}

/// A stem that no phrase holds.
const NO_STEM: u32 = u32::MAX;

/// Words of [`StemTrie::filter`]: one bit for each value of a hash's top 16 bits.
const FILTER_WORDS: usize = (1 << 16) / 64;

impl Default for StemTrie {
    /// A trie of no phrases: the root alone.
    fn default() -> StemTrie {
        StemTrie {
            ids: FxHashMap::default(),
            by_hash: FxHashMap::default(),
            stems: Vec::new(),
            collided: false,
            filter: vec![0; FILTER_WORDS],
            edges: FxHashMap::default(),
            ends: vec![Vec::new()],
        }
    }
}

impl StemTrie {
    fn insert(&mut self, stems: impl Iterator<Item = Box<str>>, pattern: u32) {
        let mut node = 0;
        for stem in stems {
            let id = match self.ids.get(&stem) {
                Some(&id) => id,
                None => {
                    let id = self.stems.len() as u32;
                    let hash = stem_hash(&stem);
                    self.collided |= self.by_hash.insert(hash, id).is_some();
                    let bit = (hash >> 48) as usize;
                    self.filter[bit / 64] |= 1 << (bit % 64);
                    self.ids.insert(stem.clone(), id);
                    self.stems.push(stem);
                    id
                }
            };
            let next_node = self.ends.len() as u32;
            node = *self.edges.entry((node, id)).or_insert(next_node);
            if node == next_node {
                self.ends.push(Vec::new());
            }
        }
        self.ends[node as usize].push(pattern);
    }

    /// The number of a token's stem, or [`NO_STEM`].
    #[inline]
    fn id(&self, stem: &str, hash: u64) -> u32 {
        let bit = (hash >> 48) as usize;
        if self.filter[bit / 64] & (1 << (bit % 64)) == 0 {
            return NO_STEM;
        }
        if self.collided {
            return self.ids.get(stem).copied().unwrap_or(NO_STEM);
        }
        match self.by_hash.get(&hash) {
            Some(&id) if *self.stems[id as usize] == *stem => id,
            _ => NO_STEM,
        }
    }

    /// Calls `found(tokens, pattern)` for every phrase at every token of `stream`, overlapping
    /// ones included, never across a paragraph break.
    fn each_match(&self, stream: &StemStream, mut found: impl FnMut(Range<usize>, u32)) {
        if self.stems.is_empty() {
            return;
        }
        // The child of `node` along the stem of `e`, if the trie has one.
        let step = |node: u32, e: &StemEntry| {
            let id = self.id(&stream.text[e.from..e.to], e.hash);
            if id == NO_STEM { None } else { self.edges.get(&(node, id)).copied() }
        };
        for paragraph in &stream.paragraphs {
            let entries = &stream.entries[paragraph.clone()];
            for (start, first) in entries.iter().enumerate() {
                // Most tokens' stems begin no phrase: one bit test, and on to the next token.
                let Some(mut node) = step(0, first) else { continue };
                for (end, entry) in entries.iter().enumerate().skip(start) {
                    if end > start {
                        let Some(child) = step(node, entry) else { break };
                        node = child;
                    }
                    for &pattern in &self.ends[node as usize] {
                        found(first.token..entry.token + 1, pattern);
                    }
                }
            }
        }
    }
}

/// One token of a [`StemStream`].
struct StemEntry {
    token: usize,
    /// Where its stem lies in the stream's text.
    from: usize,
    to: usize,
    /// [`stem_hash`] of the stem.
    hash: u64,
}

/// An article's token stems, paragraph by paragraph, for the matchers. Build once per article
/// and share across matchers.
pub struct StemStream {
    /// The stems, one after another.
    text: String,
    /// The tokens, in text order.
    entries: Vec<StemEntry>,
    /// The entries of each paragraph: no phrase matches across them.
    paragraphs: Vec<Range<usize>>,
}

impl StemStream {
    /// The stream of `doc`.
    pub fn new(doc: &Document, stemmer: &Stemmer) -> StemStream {
        let mut text = String::with_capacity(doc.text.len());
        let mut entries = Vec::with_capacity(doc.tokens.len());
        let mut paragraphs = Vec::with_capacity(doc.paragraphs.len());
        stemmer.with_stems(|stems| {
            for paragraph in &doc.paragraphs {
                let first = entries.len();
                for i in paragraph.tokens.clone() {
                    let from = text.len();
                    let hash = stems.push(&doc.tokens[i].key, &mut text);
                    entries.push(StemEntry { token: i, from, to: text.len(), hash });
                }
                paragraphs.push(first..entries.len());
            }
        });
        StemStream { text, entries, paragraphs }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Source, load};
    use crate::text::TextOptions;

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
        let doc = Document::parse(text, TextOptions::KEEP_ALL);
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
    fn every_phrase_at_every_token_is_a_candidate() {
        let mut trie = StemTrie::default();
        for (p, phrase) in
            [&["drone", "strike"][..], &["strike"], &["drone", "strike"], &["strike", "back"]].iter().enumerate()
        {
            trie.insert(phrase.iter().map(|&s| s.into()), p as u32);
        }
        let doc = Document::parse("a drone strike back\nstrike", TextOptions::KEEP_ALL);
        let stream = StemStream::new(&doc, &Stemmer::default());
        let mut found = Vec::new();
        trie.each_match(&stream, |tokens, p| found.push((tokens, p)));
        found.sort_by_key(|(t, p)| (t.start, t.end, *p));
        // Both copies of "drone strike", the "strike" inside it, "strike back", and the
        // "strike" of the next paragraph; nothing crosses the paragraph break.
        assert_eq!(found, [(1..3, 0), (1..3, 2), (2..3, 1), (2..4, 3), (4..5, 1)]);
    }

    #[test]
    fn a_stem_is_found_by_its_hash_only_when_its_text_agrees() {
        let mut trie = StemTrie::default();
        trie.insert(["strike".into()].into_iter(), 0);
        assert_eq!(trie.id("strike", stem_hash("strike")), 0);
        assert_eq!(trie.id("strikes", stem_hash("strikes")), NO_STEM);
        assert_eq!(trie.id("drone", stem_hash("strike")), NO_STEM, "a hash shared with a phrase's stem is not enough");
        // With two stems on one hash the trie looks stems up by their text, and finds the same.
        let text = "a drone strike and a political assassination; strike a deal";
        let before = matches(text);
        assert!(!before.is_empty());
        let loaded = load(&[Source { name: "test.toml".into(), text: LEXICON.into() }]);
        let mut matcher = LexiconMatcher::new(&loaded.set);
        matcher.trie.collided = true;
        let doc = Document::parse(text, TextOptions::KEEP_ALL);
        let after: Vec<(String, String)> = matcher
            .find(&doc, &Stemmer::default())
            .into_iter()
            .map(|m| (loaded.set.concepts[m.concept].labels[m.label].text.clone(), m.span.slice(text).to_string()))
            .collect();
        assert_eq!(before, after);
    }

    #[test]
    fn curly_apostrophes_and_no_break_spaces_do_not_block() {
        assert_eq!(matches("the Islamic\u{a0}State’s fighters"), pairs(&[("Islamic State", "Islamic\u{a0}State’s")]));
    }
}
