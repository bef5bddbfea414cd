//! Counting candidate terms: unigrams to trigrams of one voice, per group (outlet), with their
//! surface forms, an example sentence per group, and the contexts they occur in.

use std::collections::BTreeMap;

use crate::quotes::{Voice, VoiceMap, find_quote_spans};
use crate::text::{Document, Stemmer, TextOptions, Token, TokenKind};

/// English function words: never a whole term, never the first or last word of one.
static STOP_WORDS: &str = include_str!("stopwords.txt");

/// True for a function word.
pub fn is_stop_word(key: &str) -> bool {
    STOP_WORDS.lines().any(|w| w == key)
}

/// Which words are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VoiceFilter {
    /// Only the outlet's own voice (outside quotation marks): what the outlet chose to write.
    Own,
    /// Own voice and quotations.
    All,
}

/// Everything counted about one term.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TermStats {
    /// Words in the term (1 to 3).
    pub n: usize,
    /// Uses per group, in group order.
    pub uses: Vec<u32>,
    /// Lower-case surface forms and how often each was written.
    pub surfaces: BTreeMap<String, u32>,
    /// First sentence each group used it in.
    pub examples: Vec<Option<String>>,
    /// Context features (words one and two to the left and right) and their counts.
    pub contexts: BTreeMap<String, f64>,
    /// Uses per (story, group), by index into [`TermTable::stories`] and the groups.
    pub by_story: BTreeMap<(usize, usize), u32>,
}

impl TermStats {
    /// Uses by every group.
    pub fn total(&self) -> u32 {
        self.uses.iter().sum()
    }

    /// The surface form written most often (the alphabetically first on ties).
    pub fn surface(&self) -> &str {
        self.surfaces.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map_or("", |(s, _)| s.as_str())
    }
}

/// Term counts of a corpus, by group.
#[derive(Debug, Clone, Default)]
pub struct TermTable {
    /// Group names (outlets), in order of first appearance.
    pub groups: Vec<String>,
    /// Terms by key (stems joined with spaces).
    pub terms: BTreeMap<String, TermStats>,
    /// `totals[n - 1][group]`: uses of all terms of length n by the group.
    pub totals: [Vec<f64>; 3],
    /// Articles per group.
    pub articles: Vec<u32>,
    /// Stories (strata), in order of first appearance; one empty name when none is given.
    pub stories: Vec<String>,
    /// `story_totals[(story, group)][n - 1]`: uses of all terms of length n by the group in
    /// the story.
    pub story_totals: BTreeMap<(usize, usize), [f64; 3]>,
}

/// Longest sentence kept as an example, in characters.
const EXAMPLE_CHARS: usize = 280;

impl TermTable {
    fn group_index(&mut self, group: &str) -> usize {
        if let Some(i) = self.groups.iter().position(|g| g == group) {
            return i;
        }
        self.groups.push(group.to_string());
        for stats in self.terms.values_mut() {
            stats.uses.push(0);
            stats.examples.push(None);
        }
        for total in &mut self.totals {
            total.push(0.0);
        }
        self.articles.push(0);
        self.groups.len() - 1
    }

    fn story_index(&mut self, story: &str) -> usize {
        if let Some(i) = self.stories.iter().position(|s| s == story) {
            return i;
        }
        self.stories.push(story.to_string());
        self.stories.len() - 1
    }

    /// Count the terms of one article of `group` in `story` (the stratum its contrasts are
    /// computed within; the same for every article when there is none).
    pub fn add_article(
        &mut self,
        story: &str,
        group: &str,
        text: &str,
        voice: VoiceFilter,
        options: TextOptions,
        stemmer: &Stemmer,
    ) {
        let g = self.group_index(group);
        let s = self.story_index(story);
        self.articles[g] += 1;
        self.story_totals.entry((s, g)).or_default();
        let doc = Document::parse(text, options);
        let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
        let voices = VoiceMap::new(&quotes);
        let stems: Vec<String> = doc.tokens.iter().map(|t| stemmer.stem(&t.key).to_string()).collect();
        for sentence in &doc.sentences {
            let range = sentence.tokens.clone();
            let counted = |t: &Token| {
                t.kind == TokenKind::Word && (voice == VoiceFilter::All || voices.voice_of(t.span) == Voice::Own)
            };
            let words: Vec<usize> = range.clone().filter(|&i| doc.tokens[i].is_wordlike()).collect();
            let sentence_text: String = sentence.span.slice(doc.text).chars().take(EXAMPLE_CHARS).collect();
            for (w, n, start, last) in word_runs(&words) {
                let tokens = &doc.tokens[start..=last];
                if !tokens.iter().all(counted) || is_stop_word(&tokens[0].key) || is_stop_word(&tokens[n - 1].key) {
                    continue;
                }
                let key = stems[start..=last].join(" ");
                let surface = tokens.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
                let context = contexts(&words, w, n, &stems, s);
                self.count((s, g), key, n, surface, &sentence_text, context);
            }
        }
    }

    fn count(
        &mut self,
        (s, g): (usize, usize),
        key: String,
        n: usize,
        surface: String,
        sentence: &str,
        context: Vec<String>,
    ) {
        let groups = self.groups.len();
        let stats = self.terms.entry(key).or_insert_with(|| TermStats {
            n,
            uses: vec![0; groups],
            examples: vec![None; groups],
            ..TermStats::default()
        });
        stats.uses[g] += 1;
        *stats.by_story.entry((s, g)).or_default() += 1;
        *stats.surfaces.entry(surface).or_default() += 1;
        if stats.examples[g].is_none() {
            stats.examples[g] = Some(sentence.to_string());
        }
        for feature in context {
            *stats.contexts.entry(feature).or_default() += 1.0;
        }
        self.totals[n - 1][g] += 1.0;
        self.story_totals.entry((s, g)).or_default()[n - 1] += 1.0;
    }
}

/// Longest term, in words.
pub(super) const MAX_TERM_WORDS: usize = 3;

/// The runs of one to [`MAX_TERM_WORDS`] words of a sentence (`words`: its word tokens) with no
/// punctuation inside, each as (position of its first word in `words`, its number of words, its
/// first token, its last token).
pub(super) fn word_runs(words: &[usize]) -> impl Iterator<Item = (usize, usize, usize, usize)> + '_ {
    words.iter().enumerate().flat_map(move |(w, &start)| {
        (1..=MAX_TERM_WORDS).map_while(move |n| {
            let &last = words.get(w + n - 1)?;
            (last - start == n - 1).then_some((w, n, start, last))
        })
    })
}

/// Context features of the term covering words `w..w + n` of a sentence: the stems one and two
/// words to the left and right, alone and as pairs ("L1=to", "L2=vote L1=to"). In story `s`
/// after the first, each feature carries the story ("3|L1=to"), so that two terms fill the same
/// slot only where they do so within one story: "voted to ___ troops" in a story on Iraq is
/// not the same slot as in a story on another country.
fn contexts(words: &[usize], w: usize, n: usize, stems: &[String], s: usize) -> Vec<String> {
    let stem = |i: Option<usize>| i.and_then(|i| words.get(i)).map(|&t| stems[t].as_str());
    let (l1, l2) = (w.checked_sub(1).and_then(|i| stem(Some(i))), w.checked_sub(2).and_then(|i| stem(Some(i))));
    let (r1, r2) = (stem(Some(w + n)), stem(Some(w + n + 1)));
    let mut out = Vec::new();
    if let Some(l1) = l1 {
        out.push(format!("L1={l1}"));
        if let Some(l2) = l2 {
            out.push(format!("L2={l2} L1={l1}"));
        }
    }
    if let Some(r1) = r1 {
        out.push(format!("R1={r1}"));
        if let Some(r2) = r2 {
            out.push(format!("R1={r1} R2={r2}"));
        }
    }
    if s > 0 {
        for feature in &mut out {
            *feature = format!("{s}|{feature}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(articles: &[(&str, &str)], voice: VoiceFilter) -> TermTable {
        let mut t = TermTable::default();
        let stemmer = Stemmer::default();
        for (group, text) in articles {
            t.add_article("", group, text, voice, TextOptions::default(), &stemmer);
        }
        t
    }

    #[test]
    fn counts_ngrams_without_stop_word_edges_or_punctuation_inside() {
        let t = table(&[("A", "Parliament voted to expel the troops, quickly.")], VoiceFilter::Own);
        assert!(t.terms.contains_key("expel"));
        assert!(t.terms.contains_key("parliament vote"));
        assert!(t.terms.contains_key("expel the troop"), "inner stop words are fine");
        assert!(!t.terms.contains_key("to expel"), "no stop word at an edge");
        assert!(!t.terms.contains_key("troop quick"), "the comma breaks the phrase");
        assert_eq!(t.terms["vote"].surface(), "voted");
        assert_eq!(t.terms["expel"].examples[0].as_deref(), Some("Parliament voted to expel the troops, quickly."));
    }

    #[test]
    fn own_voice_leaves_quotations_out() {
        let text = "Officials called it a “political assassination” on Friday.";
        let own = table(&[("A", text)], VoiceFilter::Own);
        assert!(!own.terms.contains_key("assassin") && !own.terms.contains_key("polit assassin"));
        assert!(own.terms.contains_key("offici"));
        let all = table(&[("A", text)], VoiceFilter::All);
        assert!(all.terms.contains_key("polit assassin"));
    }

    #[test]
    fn groups_and_contexts_are_counted_separately() {
        let t = table(
            &[("A", "They voted to expel foreign troops."), ("B", "They voted to eject foreign troops.")],
            VoiceFilter::Own,
        );
        assert_eq!(t.groups, vec!["A", "B"]);
        assert_eq!(t.terms["expel"].uses, vec![1, 0]);
        assert_eq!(t.terms["eject"].uses, vec![0, 1]);
        assert_eq!(
            t.terms["expel"].contexts.keys().collect::<Vec<_>>(),
            ["L1=to", "L2=vote L1=to", "R1=foreign", "R1=foreign R2=troop"]
        );
        assert_eq!(t.totals[0], vec![4.0, 4.0], "voted, expel/eject, foreign, troops");
    }
}
