//! EVALUATE: scoring framelens against annotated data. Owns reading brat standoff annotations
//! (the PolNeAR layout) and scoring attributions by content overlap, source and cue.

mod attributions;
mod brat;

pub use attributions::{ArticleToScore, AttributionScores, Counts, Scores, score_corpus};
pub use brat::{GoldAttribution, read_ann};
