//! SUGGEST: drafting a story lexicon. Owns counting candidate terms per outlet, ranking them by
//! one-vs-rest weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn
//! 2008), grouping alternative labels that fill the same slot, the most-quoted people in no
//! voice group, and the draft TOML.

mod anchors;
mod disagree;
mod draft;
mod log_odds;
mod rank;
mod slots;
mod style;
mod terms;
mod voices;

pub use anchors::AnchorCounter;
pub use disagree::{Disagreement, disagreement};
pub use draft::{DraftSource, concept_id, draft_toml, lexicon_terms, slot_groups_table, suggestions_table};
pub use log_odds::{LogOdds, Prior, TermCounts, log_odds};
pub use rank::{Candidate, SuggestOptions, rank};
pub use slots::{SlotGroup, slot_groups};
pub use style::{Style, StyleRules, Styled, style_table};
pub use terms::{TermStats, TermTable, VoiceFilter, is_stop_word};
pub use voices::{VoiceCandidate, VoiceCounter};
