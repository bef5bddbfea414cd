//! `PhraseMatcher`: groups of plain phrases (hedges, fact patterns, media names, event words)
//! compiled with the same token-aligned, leftmost-longest matcher as labels. Phrases written in
//! capitals ("US", "AP") match only in capitals, so that "us" and "ap" do not.

use super::matcher::{LabelMatch, LexiconMatcher, StemStream};
use super::model::{Case, Concept, Connotation, Inflect, Label, LexiconSet};
use crate::text::{Document, Stemmer};

/// Compiled phrase groups. `LabelMatch::concept` is the group, `label` the phrase.
#[derive(Debug)]
pub struct PhraseMatcher {
    matcher: LexiconMatcher,
}

/// True for an acronym or a capitalised abbreviation ("US", "U.S.", "AP").
fn all_capitals(phrase: &str) -> bool {
    let letters: Vec<char> = phrase.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

impl PhraseMatcher {
    /// Compile `groups` of phrases, each matched by stems or exactly.
    pub fn new(groups: &[Vec<String>], inflect: Inflect) -> PhraseMatcher {
        let concepts = groups
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
                        at: (0, 0),
                    })
                    .collect(),
                exclude: Vec::new(),
                file: String::new(),
                at: (0, 0),
            })
            .collect();
        let set = LexiconSet { concepts, ..LexiconSet::default() };
        PhraseMatcher { matcher: LexiconMatcher::new(&set) }
    }

    /// Every match in `doc`, in text order, non-overlapping.
    pub fn find(&self, doc: &Document, stemmer: &Stemmer) -> Vec<LabelMatch> {
        self.matcher.find(doc, stemmer)
    }

    /// Every match, on a stem stream already built for `doc`.
    pub fn find_in(&self, doc: &Document, stream: &StemStream) -> Vec<LabelMatch> {
        self.matcher.find_in(doc, stream)
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
}
