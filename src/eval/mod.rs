//! EVALUATE: scoring framelens against annotated data. Owns reading brat standoff annotations
//! (the PolNeAR layout) and scoring attributions by content overlap, source and cue; and scoring
//! lexicon suggestions against word-choice annotations (the NewsWCL50 layout); and scoring
//! loaded-language flags against experts' spans of biased wording (the BASIL layout).

mod attributions;
mod brat;
mod loaded;
mod suggestions;

pub use attributions::{ArticleToScore, AttributionScores, Counts, Disagreement, Scores, disagreements, score_corpus};
pub use brat::{GoldAttribution, read_ann};
pub use loaded::{AnnotatedSpan, EntryShare, Flag, FlagShare, LoadedScores, Recall, read_spans, score_loaded};
pub use suggestions::{
    Mention, StoryRecall, differing_labels, mention_key, merged_candidates, read_mentions, story_recall,
};
