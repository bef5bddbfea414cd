//! ANALYSE: lexicons. Owns the TOML format (`schema`), loading and checking (`load`: every
//! problem reported at once with file and line), the checked model (`model`), and the compiled
//! matcher (`matcher`). Does not count or aggregate matches: that is `features`.

mod advice;
mod anchors;
mod check;
mod check_signals;
mod load;
mod matcher;
mod model;
mod phrases;
mod problem;
mod referents;
mod schema;
mod scope;
mod shipped;
mod stories;
mod tokens;

pub use advice::{loaded_duplicates, shadowed_labels};
pub use load::{Loaded, MAX_LABELS, load, load_at_most};
pub use matcher::{LabelMatch, LexiconMatcher, StemStream};
pub use model::{
    ActorEntry, Case, Concept, Connotation, CueClass, CueEntry, EventEntry, FactEntry, Gender, GivenNames, HedgeEntry,
    Inflect, Label, LexiconInfo, LexiconSet, LoadedClass, LoadedEntry, OutletEntry, PatternEntry, RoleEntry, Source,
    StoryEntries, StoryLexicon, VoiceEntry,
};
pub use phrases::PhraseMatcher;
pub use problem::{Locator, Problem, Severity};
pub use referents::{AnchorMatcher, Referent};
pub use scope::{Scope, StoryScopes};
pub use shipped::{
    DEFAULT_STORY, read_sources, shipped_sources, shipped_stories, shipped_with_stories, story_candidates,
};
pub use stories::{
    ARTICLES_READ, MIN_ANCHORS, MIN_MATCHING_SHARE, StoryCandidate, StoryChoice, StoryMatch, StoryReason,
    choose_stories, named_stories,
};
pub use tokens::label_key;
