//! `PhraseMatcher`: groups of plain phrases (hedges, fact patterns, media names, event words)
//! compiled with the same token-aligned, leftmost-longest matcher as labels. Phrases written in
//! capitals ("US", "AP") match only in capitals, so that "us" and "ap" do not.

use super::matcher::{LabelMatch, LexiconMatcher, StemStream};
use super::model::{Case, Concept, Connotation, Inflect, Label, LexiconSet};
use crate::text::{Document, Stemmer};

/// Compiled phrase groups, in families that are matched independently in one pass.
/// `LabelMatch::concept` is the group within its family, `label` the phrase.
#[derive(Debug)]
pub struct PhraseMatcher {
    matcher: LexiconMatcher,
    /// Global index of each family's first group, and one past the last.
    bounds: Vec<usize>,
}

/// True for an acronym or a capitalised abbreviation ("US", "U.S.", "AP").
fn all_capitals(phrase: &str) -> bool {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl PhraseMatcher {
    /// Compile `groups` of phrases, each matched by stems or exactly (one family).
    pub fn new(groups: &[Vec<String>], inflect: Inflect) -> PhraseMatcher {
        PhraseMatcher::families(&[(groups.to_vec(), inflect)])
    }

    /// Compile several families of groups: a match in one family never hides one in another.
    pub fn families(families: &[(Vec<Vec<String>>, Inflect)]) -> PhraseMatcher {
        let mut bounds = vec![0];
        let mut concepts = Vec::new();
        let mut family_of = Vec::new();
        for (f, (groups, inflect)) in families.iter().enumerate() {
            concepts.extend(Self::concepts(groups, *inflect));
            family_of.extend(std::iter::repeat_n(f, groups.len()));
            bounds.push(concepts.len());
        }
        let set = LexiconSet { concepts, ..LexiconSet::default() };
        PhraseMatcher { matcher: LexiconMatcher::with_families(&set, family_of), bounds }
    }

    fn concepts(groups: &[Vec<String>], inflect: Inflect) -> Vec<Concept> {
        groups
            .iter()
            .enumerate()
            .map(|(g, phrases)| Concept {
                id: format!("group_{g}"),
                lexicon: String::new(),
                description: String::new(),
                labels: phrases
                    .iter()
                    .map(|p| Label {
                        text: p.clone(),
                        connotation: Connotation::Neutral,
                        frames: Vec::new(),
                        inflect,
                        case: if all_capitals(p) { Case::Sensitive } else { Case::Insensitive },
                        forms: Vec::new(),
                        note: String::new(),
                        anchored: false,
                        at: (0, 0),
                    })
                    .collect(),
                exclude: Vec::new(),
                anchors: Vec::new(),
                file: String::new(),
                at: (0, 0),
            })
            .collect()
    }

    /// Every match in `doc`, in text order, non-overlapping.
    pub fn find(&self, doc: &Document, stemmer: &Stemmer) -> Vec<LabelMatch> {
        self.matcher.find(doc, stemmer)
    }

    /// Every match, on a stem stream already built for `doc` (all families together).
    pub fn find_in(&self, doc: &Document, stream: &StemStream) -> Vec<LabelMatch> {
        self.matcher.find_in(doc, stream)
    }

    /// Each family's matches, in text order, groups numbered within the family.
    pub fn find_by_family(&self, doc: &Document, stream: &StemStream) -> Vec<Vec<LabelMatch>> {
        let mut out = vec![Vec::new(); self.bounds.len() - 1];
        for mut m in self.matcher.find_in(doc, stream) {
            let family = self.bounds.partition_point(|&b| b <= m.concept) - 1;
            m.concept -= self.bounds[family];
            out[family].push(m);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextOptions;

    #[test]
    fn capitals_match_only_capitals_and_groups_are_kept_apart() {
        let m = PhraseMatcher::new(&[vec!["US".into(), "American".into()], vec!["reportedly".into()]], Inflect::Exact);
        let text = "Let us see: the US reportedly agreed, Americans said.";
        let doc = Document::parse(text, TextOptions::default());
        let found: Vec<(usize, &str)> =
            m.find(&doc, &Stemmer::default()).iter().map(|f| (f.concept, f.span.slice(text))).collect();
        assert_eq!(found, [(0, "US"), (1, "reportedly")]);
    }

    #[test]
    fn families_match_independently_in_one_pass() {
        let m = PhraseMatcher::families(&[
            (vec![vec!["drone strike".into()]], Inflect::Exact),
            (vec![vec!["strike".into()], vec!["drone".into()]], Inflect::Exact),
        ]);
        let text = "A drone strike hit.";
        let doc = Document::parse(text, TextOptions::default());
        let stream = StemStream::new(&doc, &Stemmer::default());
        let found: Vec<Vec<(usize, &str)>> = m
            .find_by_family(&doc, &stream)
            .iter()
            .map(|f| f.iter().map(|x| (x.concept, x.span.slice(text))).collect())
            .collect();
        assert_eq!(found, vec![vec![(0, "drone strike")], vec![(1, "drone"), (0, "strike")]]);
    }
}
