//! The lexicon file format as serde sees it: raw structs, unknown fields refused, spans kept for
//! line numbers. Checking values is `validate`'s job, not this file's.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

/// One lexicon file. Every table is optional, so one format serves story lexicons, the frame
/// vocabulary (`frames.toml`) and the general lexicons (`media.toml`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFile {
    pub lexicon: Option<Spanned<RawHeader>>,
    #[serde(default)]
    pub frames: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub concept: Vec<Spanned<RawConcept>>,
    #[serde(default)]
    pub outlet: Vec<Spanned<RawOutlet>>,
    #[serde(default)]
    pub cue: Vec<Spanned<RawCue>>,
    #[serde(default)]
    pub voice: Vec<Spanned<RawVoice>>,
    #[serde(default)]
    pub role: Vec<Spanned<RawRole>>,
    #[serde(default)]
    pub hedge: Vec<Spanned<RawHedge>>,
    #[serde(default)]
    pub fact: Vec<Spanned<RawPatterns>>,
    #[serde(default)]
    pub event: Vec<Spanned<RawEvent>>,
    #[serde(default)]
    pub actor: Vec<Spanned<RawPatterns>>,
    #[serde(default)]
    pub loaded: Vec<Spanned<RawLoaded>>,
    pub given_names: Option<RawGivenNames>,
}

/// A loaded word or phrase (`[[loaded]]`): its class, its polarity and its surface forms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLoaded {
    pub text: Spanned<String>,
    pub class: Spanned<String>,
    pub polarity: Connotation,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
}

/// Given names that tell a person's gender, so that "he" and "she" resolve to a speaker who fits.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGivenNames {
    #[serde(default)]
    pub male: Vec<Spanned<String>>,
    #[serde(default)]
    pub female: Vec<Spanned<String>>,
}

/// An epistemic hedge ("reportedly"): matched by exact surface forms.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHedge {
    pub text: Spanned<String>,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
}

/// Something found by any of its patterns: a fact of the story an outlet may report or leave
/// out (`[[fact]]`), or an actor whose tone is measured (`[[actor]]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPatterns {
    pub id: Spanned<String>,
    #[serde(default)]
    pub description: String,
    pub patterns: Vec<Spanned<String>>,
}

/// A key event whose mentions are classified by agency.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: Spanned<String>,
    #[serde(default)]
    pub description: String,
    /// Verb forms, matched exactly ("killed", "kills").
    pub verbs: Vec<Spanned<String>>,
    /// Nouns naming the event, matched exactly ("killing", "assassination").
    #[serde(default)]
    pub nouns: Vec<Spanned<String>>,
    /// Words that must occur in the sentence for a mention to be this event ("Soleimani").
    pub targets: Vec<Spanned<String>>,
    /// Words that name the agent ("US", "American", "Trump").
    pub agents: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCue {
    pub text: Spanned<String>,
    pub class: CueClass,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub quotes_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawVoice {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub group: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub text: Spanned<String>,
    pub group: Spanned<String>,
}

/// How a reporting cue presents what it attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CueClass {
    /// Reports without judging: said, told, according to.
    Neutral,
    /// Presents the content as true: confirmed, revealed, noted.
    Endorsing,
    /// Casts doubt: claimed, alleged, insisted.
    Distancing,
    /// Emotive or charged: slammed, vowed, threatened.
    Loaded,
    /// Thoughts and wishes: believes, wants, hopes.
    Cognitive,
}

impl CueClass {
    /// Every class, in table order.
    pub const ALL: [CueClass; 5] =
        [CueClass::Neutral, CueClass::Endorsing, CueClass::Distancing, CueClass::Loaded, CueClass::Cognitive];

    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            CueClass::Neutral => "neutral",
            CueClass::Endorsing => "endorsing",
            CueClass::Distancing => "distancing",
            CueClass::Loaded => "loaded",
            CueClass::Cognitive => "cognitive",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: Spanned<String>,
    pub version: Spanned<String>,
    #[serde(default = "english")]
    pub language: Spanned<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub anchors: Vec<Spanned<String>>,
    /// Its labels give way to other lexicons' labels with the same words (a general lexicon of
    /// contested labels, under the story lexicons).
    #[serde(default)]
    pub defer: bool,
    #[serde(default)]
    pub defaults: RawDefaults,
}

fn english() -> Spanned<String> {
    Spanned::new(0..0, "en".to_string())
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDefaults {
    pub inflect: Option<Inflect>,
    pub case: Option<Case>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawConcept {
    pub id: Spanned<String>,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub labels: Vec<Spanned<RawLabel>>,
    #[serde(default)]
    pub exclude: Vec<Spanned<String>>,
    #[serde(default)]
    pub anchors: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLabel {
    pub text: Spanned<String>,
    pub connotation: Connotation,
    #[serde(default)]
    pub frames: Vec<Spanned<String>>,
    pub inflect: Option<Inflect>,
    pub case: Option<Case>,
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub anchored: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOutlet {
    pub name: Spanned<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub domains: Vec<String>,
    #[serde(default)]
    pub wire: bool,
}

/// How a label matches inflected words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Inflect {
    /// Snowball stems compared word by word: "killings" matches "killing".
    Stem,
    /// Normalised surface forms only (plus any `forms`).
    Exact,
}

/// Whether letter case matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Case {
    /// "IS" matches "is" (the default).
    Insensitive,
    /// "IS" matches only "IS": needed for acronyms that are also words.
    Sensitive,
}

/// The charge a label carries, as the lexicon author judged it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Connotation {
    /// Casts the referent (or its agent) in a bad light.
    Negative,
    /// The plain, descriptive term.
    Neutral,
    /// Casts the referent (or its agent) in a good light.
    Positive,
}

impl Connotation {
    /// -1, 0 or +1.
    pub fn score(self) -> f64 {
        match self {
            Connotation::Negative => -1.0,
            Connotation::Neutral => 0.0,
            Connotation::Positive => 1.0,
        }
    }

    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Connotation::Negative => "negative",
            Connotation::Neutral => "neutral",
            Connotation::Positive => "positive",
        }
    }
}
