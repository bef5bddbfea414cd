//! ANALYSE: quotations and attributions. Owns which text is inside quotation marks
//! ([`find_quote_spans`]), whose voice a span speaks in ([`Voice`]), who is credited with which
//! words ([`find_attributions`]), and who those speakers are ([`SpeakerBook`], with the role an article introduced them with:
//! [`introduce`]).

mod attribute;
mod gender;
mod introduction;
mod learned;
mod marks;
mod mention;
mod speaker;
mod tokens;
mod voice;

pub use attribute::{Attribution, CueIndex, Extent, FoundBy, Kind, RULES, Rule, RuleInfo, RuleKind, find_attributions};
pub use introduction::introduce;
pub use learned::{
    CueModel, Example, ModelError, SHIPPED_PATH as SHIPPED_CUE_MODEL, Training, features as cue_features,
    is_candidate as is_cue_candidate, train as train_cue_model,
};
pub use marks::{QuoteMark, QuoteSpan, find_quote_spans};
pub use mention::surname_key;
pub use speaker::{ANONYMOUS, FORMER_OFFICIAL, Speaker, SpeakerBook, UNCLASSIFIED, UNRESOLVED};
pub use tokens::is_title;
pub use voice::{Voice, VoiceMap};
