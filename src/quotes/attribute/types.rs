//! The attribution record and its small enums: what every rule produces.

use super::rules::Rule;
use crate::text::Span;
use std::ops::Range;

/// Direct (inside quotation marks) or indirect (reported speech).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// The content is inside quotation marks.
    Direct,
    /// The content is the writer's paraphrase.
    Indirect,
}

impl Kind {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Direct => "direct",
            Kind::Indirect => "indirect",
        }
    }
}

/// How much of the sentence a direct quote is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Extent {
    /// A whole sentence or more in the speaker's words.
    Full,
    /// A few words lifted into the writer's sentence.
    Fragment,
}

impl Extent {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Extent::Full => "full",
            Extent::Fragment => "fragment",
        }
    }
}

/// What found an attribution: the hand-written patterns or the learned cue model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FoundBy {
    /// The patterns of this module and the cue lexicon.
    Rules,
    /// A cue the learned model scored (opt-in: `--learned-cues`).
    Model,
}

impl FoundBy {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Rules => "rules",
            FoundBy::Model => "model",
        }
    }
}

/// One attribution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Direct or indirect.
    pub kind: Kind,
    /// Full or fragment (direct quotes only).
    pub extent: Option<Extent>,
    /// The attributed words (quotation marks excluded).
    pub content: Span,
    /// The reporting cue, when one was found.
    pub cue: Option<Span>,
    /// Index of the cue in the lexicon's cue list.
    pub cue_entry: Option<usize>,
    /// The speaker as written next to the cue (a pronoun stays a pronoun here).
    pub source: Option<Span>,
    /// For pronouns and continued quotes: the earlier mention the speaker was resolved to.
    pub resolved: Option<Span>,
    /// For a fragment: the writer's clause that carries it ("called the killing a “political
    /// assassination”"), the span annotation schemes such as PolNeAR mark as the content.
    pub clause: Option<Span>,
    /// Index of the sentence holding the content's start.
    pub sentence: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
    /// Rules or the learned model.
    pub found_by: FoundBy,
    /// The rule that found it (see [`RULES`](super::rules::RULES)).
    pub rule: Rule,
    /// The rules that shaped it afterwards, in the order they applied.
    pub steps: Vec<Rule>,
}

impl Attribution {
    /// The mention naming the speaker: the resolved one when there is one.
    pub fn speaker_span(&self) -> Option<Span> {
        self.resolved.or(self.source)
    }
}

/// A cue found for a quote: its tokens, the speaker's tokens when there is one, and the cue's
/// index in the lexicon.
pub(super) type CueFound = (Range<usize>, Option<Range<usize>>, usize);

/// A reporting cue found in a document: its tokens and its entry in the lexicon's cue list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct CueHit {
    /// The cue's tokens ("according to" is two).
    pub(super) tokens: Range<usize>,
    /// Index of the cue in the lexicon's cue list.
    pub(super) entry: usize,
}
