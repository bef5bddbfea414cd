//! Labels tied to their referent. A word often names several things in one story: "strike" is the
//! US strike that killed Soleimani and Iran's retaliatory missile strike; "terrorist" is said of
//! Soleimani and, in Iranian statements, of Americans. A concept can list `anchors`, the phrases
//! that name its referent, and a label marked `anchored` then counts only in a sentence that holds
//! one of them. Other matches stay in the evidence, marked unanchored, so that they can be checked,
//! and are left out of counts and shares.

use std::collections::BTreeSet;

use super::matcher::{LabelMatch, StemStream};
use super::model::LexiconSet;
use super::phrases::PhraseMatcher;
use super::schema::Inflect;
use crate::text::Document;

/// Whether a match names its concept's referent.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Referent {
    /// The label is not anchored: every match counts.
    #[default]
    Free,
    /// An anchored label in a sentence that names the referent: it counts.
    Anchored,
    /// An anchored label in a sentence that does not: kept as evidence, not counted.
    Unanchored,
}

impl Referent {
    /// Name used in tables (empty for labels that are not anchored).
    pub fn as_str(self) -> &'static str {
        match self {
            Referent::Free => "",
            Referent::Anchored => "anchored",
            Referent::Unanchored => "unanchored",
        }
    }

    /// Whether the match counts toward counts and shares.
    pub fn counts(self) -> bool {
        self != Referent::Unanchored
    }
}

/// The anchors of every concept, compiled once per run.
pub struct AnchorMatcher {
    /// One group of phrases per concept with anchors; `None` when no label is anchored.
    phrases: Option<PhraseMatcher>,
    /// The concept of each group.
    concept_of_group: Vec<usize>,
}

impl AnchorMatcher {
    /// Compile the anchors of the concepts of `set` that have anchored labels.
    pub fn new(set: &LexiconSet) -> AnchorMatcher {
        let anchored = |c: &&super::model::Concept| c.labels.iter().any(|l| l.anchored) && !c.anchors.is_empty();
        let concepts: Vec<usize> =
            set.concepts.iter().enumerate().filter(|(_, c)| anchored(c)).map(|(i, _)| i).collect();
        if concepts.is_empty() {
            return AnchorMatcher { phrases: None, concept_of_group: Vec::new() };
        }
        let groups: Vec<Vec<String>> = concepts.iter().map(|&c| set.concepts[c].anchors.clone()).collect();
        AnchorMatcher { phrases: Some(PhraseMatcher::new(&groups, Inflect::Stem)), concept_of_group: concepts }
    }

    /// The referent of each of `matches` (label matches of `set` in `doc`), in the same order.
    pub fn referents(
        &self,
        set: &LexiconSet,
        doc: &Document,
        stream: &StemStream,
        matches: &[LabelMatch],
    ) -> Vec<Referent> {
        let Some(phrases) = &self.phrases else { return vec![Referent::Free; matches.len()] };
        let sentence = |token: usize| doc.sentences.partition_point(|s| s.tokens.end <= token);
        let named: BTreeSet<(usize, usize)> = phrases
            .find_by_family(doc, stream)
            .into_iter()
            .flatten()
            .map(|m| (self.concept_of_group[m.concept], sentence(m.tokens.start)))
            .collect();
        matches
            .iter()
            .map(|m| {
                if !set.concepts[m.concept].labels[m.label].anchored {
                    Referent::Free
                } else if named.contains(&(m.concept, sentence(m.tokens.start))) {
                    Referent::Anchored
                } else {
                    Referent::Unanchored
                }
            })
            .collect()
    }
}
