//! Word choice: which label an article uses for each concept, in its own voice and in quotes.

use std::collections::BTreeMap;

use crate::lexicon::{LabelMatch, Referent};
use crate::quotes::{Voice, VoiceMap};
use crate::text::{Document, Span};

/// A (concept, label, voice) cell, as indices into the [`LexiconSet`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LabelKey {
    /// Concept index.
    pub concept: usize,
    /// Label index within the concept.
    pub label: usize,
    /// Own or quoted.
    pub voice: Voice,
}

/// How often a label occurs.
pub type LabelCount = BTreeMap<LabelKey, u32>;

/// One match, with what a reader needs to check it.
#[derive(Clone, Debug, PartialEq)]
pub struct Evidence {
    /// Concept index.
    pub concept: usize,
    /// Label index.
    pub label: usize,
    /// Own or quoted.
    pub voice: Voice,
    /// The matched bytes.
    pub span: Span,
    /// The matched text as written.
    pub matched: String,
    /// The sentence around it.
    pub sentence: Span,
    /// Index of its paragraph among the kept paragraphs.
    pub paragraph: usize,
    /// Whether it names its concept's referent (anchored labels only); unanchored matches are
    /// not counted.
    pub referent: Referent,
}

/// Word choice of one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WordChoice {
    /// Counts per (concept, label, voice).
    pub counts: LabelCount,
    /// Every match.
    pub evidence: Vec<Evidence>,
}

impl WordChoice {
    /// Count `matches` in `doc`, each in the voice `voices` gives it; a match whose `referents`
    /// entry is unanchored is kept as evidence and not counted.
    pub fn measure(doc: &Document, matches: &[LabelMatch], referents: &[Referent], voices: &VoiceMap) -> WordChoice {
        let mut choice = WordChoice::default();
        for (m, &referent) in matches.iter().zip(referents) {
            let voice = voices.voice_of(m.span);
            if referent.counts() {
                *choice.counts.entry(LabelKey { concept: m.concept, label: m.label, voice }).or_default() += 1;
            }
            let sentence = doc.sentence_of(m.tokens.start);
            choice.evidence.push(Evidence {
                concept: m.concept,
                label: m.label,
                voice,
                span: m.span,
                matched: m.span.slice(doc.text).to_string(),
                sentence: sentence.map_or(m.span, |s| s.span),
                paragraph: sentence.map_or(0, |s| s.paragraph),
                referent,
            });
        }
        choice
    }
}
