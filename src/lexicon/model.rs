//! The checked lexicon model: concepts, labels, frames and known outlets, ready to compile.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;
use serde::Serialize;

pub use super::schema::{Case, Connotation, CueClass, Inflect};

/// Where a lexicon came from: a path (or `<shipped>/…` for the embedded defaults) and its text.
#[derive(Clone, Debug)]
pub struct Source {
    /// The name used in messages and in the run manifest.
    pub name: String,
    /// The TOML text.
    pub text: String,
}

/// Identity of one loaded lexicon file, for the run manifest.
#[derive(Clone, Debug, Serialize, serde::Deserialize)]
pub struct LexiconInfo {
    /// `[lexicon].id`, or the file name for files without a header (`frames.toml`).
    pub id: String,
    /// `[lexicon].version` ("" without a header).
    pub version: String,
    /// Where it was read from.
    pub source: String,
    /// SHA-256 of the file's bytes.
    pub sha256: String,
    /// `[lexicon].description`.
    pub description: String,
    /// `[lexicon].sources`: where the lexicon's judgements come from.
    pub sources: Vec<String>,
    /// `[lexicon].anchors`: names that identify a story lexicon's story in a text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anchors: Vec<String>,
}

/// A referent and its alternative labels.
#[derive(Clone, Debug)]
pub struct Concept {
    /// Unique id across all loaded lexicons.
    pub id: String,
    /// Id of the lexicon that defines it.
    pub lexicon: String,
    /// What the referent is.
    pub description: String,
    /// Its labels, in file order.
    pub labels: Vec<Label>,
    /// Phrases that block this concept's labels where they overlap.
    pub exclude: Vec<String>,
    /// Phrases that name the referent ("Soleimani", "the Baghdad airport strike"): an anchored
    /// label counts only in a sentence that holds one of them.
    pub anchors: Vec<String>,
    /// The file that defines it, as named in messages.
    pub file: String,
    /// 1-based line and column of its `[[concept]]` table.
    pub at: (usize, usize),
}

/// One way of naming a concept.
#[derive(Clone, Debug)]
pub struct Label {
    /// The label as written in the lexicon.
    pub text: String,
    /// Its connotation.
    pub connotation: Connotation,
    /// Frame tags.
    pub frames: Vec<String>,
    /// Stem or exact matching.
    pub inflect: Inflect,
    /// Case sensitivity.
    pub case: Case,
    /// Extra surface forms matched exactly.
    pub forms: Vec<String>,
    /// The author's note on the label.
    pub note: String,
    /// The label counts only in a sentence that names the concept's referent (an anchor); other
    /// matches are kept as evidence, marked unanchored, and left out of shares.
    pub anchored: bool,
    /// 1-based line and column of its text in the lexicon file.
    pub at: (usize, usize),
}

/// A news organisation the tool knows by name, alias and web domain.
#[derive(Clone, Debug)]
pub struct OutletEntry {
    /// Canonical name ("The Associated Press").
    pub name: String,
    /// Other names ("AP", "Associated Press").
    pub aliases: Vec<String>,
    /// Web domains ("apnews.com").
    pub domains: Vec<String>,
    /// True for wire agencies.
    pub wire: bool,
}

impl OutletEntry {
    /// Its name, then its aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A reporting cue: a verb or phrase that attributes content to a source.
#[derive(Clone, Debug)]
pub struct CueEntry {
    /// The lemma ("say").
    pub text: String,
    /// Its class.
    pub class: CueClass,
    /// Surface forms, lower case ("said", "says", "according to").
    pub forms: Vec<String>,
    /// True when the cue attributes only quotations next to it (`“…,” she continued`), never
    /// the writer's words after it ("the fighting continued for days").
    pub quotes_only: bool,
}

/// A known speaker and the group they speak for.
#[derive(Clone, Debug)]
pub struct VoiceEntry {
    /// Full name.
    pub name: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Voice group.
    pub group: String,
}

/// A role or title phrase that puts a speaker in a group ("secretary of state" → government).
#[derive(Clone, Debug)]
pub struct RoleEntry {
    /// The phrase, lower case.
    pub text: String,
    /// Voice group.
    pub group: String,
    /// True when it comes from a story lexicon (wins ties over general roles).
    pub story: bool,
}

/// The gender a pronoun, a title or a given name marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// He, Mr., John.
    Male,
    /// She, Mrs., Ms., Jane.
    Female,
}

/// Given names (lower case) by the gender they mark, from the lexicons' `[given_names]` tables.
#[derive(Clone, Debug, Default)]
pub struct GivenNames {
    names: FxHashMap<String, Gender>,
}

impl GivenNames {
    /// Add `name` (lower case); a later file's entry replaces an earlier one, so a story lexicon
    /// can correct the general list.
    pub fn insert(&mut self, name: String, gender: Gender) {
        self.names.insert(name, gender);
    }

    /// The gender `key` (a lower-case word) marks as a given name.
    pub fn gender(&self, key: &str) -> Option<Gender> {
        self.names.get(key).copied()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// True when no name is listed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// An epistemic hedge and its surface forms (lower case).
#[derive(Clone, Debug)]
pub struct HedgeEntry {
    /// The hedge as listed ("reportedly").
    pub text: String,
    /// Surface forms matched exactly, the text included.
    pub forms: Vec<String>,
}

/// A loaded word or phrase, independent of any story: how an outlet's own words charge what they
/// describe ("slammed", "scheme", "reckless").
#[derive(Clone, Debug)]
pub struct LoadedEntry {
    /// The word as listed ("slammed").
    pub text: String,
    /// Its class.
    pub class: LoadedClass,
    /// The light it casts.
    pub polarity: Connotation,
    /// Surface forms matched exactly (lower case), the text included.
    pub forms: Vec<String>,
    /// The file that lists it, as named in messages.
    pub file: String,
    /// 1-based line and column of its text.
    pub at: (usize, usize),
}

/// The classes of loaded language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LoadedClass {
    /// Pejorative labels for people and groups ("thugs", "cronies").
    Pejorative,
    /// Attack and conflict verbs used of speech or politics ("slammed", "blasted").
    AttackVerb,
    /// Exaggeration and intensifiers ("utterly", "massive").
    Intensifier,
    /// Emotive and evaluative adjectives ("reckless", "phony").
    Evaluative,
    /// Loaded nouns ("scheme", "shenanigans").
    LoadedNoun,
    /// A short quoted fragment with no speaker, distancing the writer from a word (the so-called
    /// “reform”). Found from quotation marks, not listed.
    ScareQuote,
}

impl LoadedClass {
    /// Every class, in table order.
    pub const ALL: [LoadedClass; 6] = [
        LoadedClass::Pejorative,
        LoadedClass::AttackVerb,
        LoadedClass::Intensifier,
        LoadedClass::Evaluative,
        LoadedClass::LoadedNoun,
        LoadedClass::ScareQuote,
    ];

    /// Name used in lexicons and tables.
    pub fn as_str(self) -> &'static str {
        match self {
            LoadedClass::Pejorative => "pejorative",
            LoadedClass::AttackVerb => "attack_verb",
            LoadedClass::Intensifier => "intensifier",
            LoadedClass::Evaluative => "evaluative",
            LoadedClass::LoadedNoun => "loaded_noun",
            LoadedClass::ScareQuote => "scare_quote",
        }
    }

    /// The class a name stands for.
    pub fn named(name: &str) -> Option<LoadedClass> {
        LoadedClass::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

/// Something found by any of its patterns (matched by stems): a fact of the story, or an actor.
#[derive(Clone, Debug)]
pub struct PatternEntry {
    /// snake_case id.
    pub id: String,
    /// What the fact is, or who the actor is.
    pub description: String,
    /// Phrases that report the fact or name the actor.
    pub patterns: Vec<String>,
}

/// A fact of the story an outlet may report or leave out.
pub type FactEntry = PatternEntry;

/// An actor whose tone is measured.
pub type ActorEntry = PatternEntry;

/// A key event whose mentions are classified by agency.
#[derive(Clone, Debug)]
pub struct EventEntry {
    /// snake_case id.
    pub id: String,
    /// What the event is.
    pub description: String,
    /// Verb forms, matched exactly.
    pub verbs: Vec<String>,
    /// Nouns, matched exactly.
    pub nouns: Vec<String>,
    /// Words one of which the sentence must contain.
    pub targets: Vec<String>,
    /// Words that name the agent.
    pub agents: Vec<String>,
}

/// Every lexicon loaded for a run, checked.
#[derive(Clone, Debug, Default)]
pub struct LexiconSet {
    /// The files used, in load order.
    pub files: Vec<LexiconInfo>,
    /// Frame tag → description.
    pub frames: BTreeMap<String, String>,
    /// All concepts, in load order.
    pub concepts: Vec<Concept>,
    /// Known outlets.
    pub outlets: Vec<OutletEntry>,
    /// Reporting cues.
    pub cues: Vec<CueEntry>,
    /// Known speakers.
    pub voices: Vec<VoiceEntry>,
    /// Role and title phrases.
    pub roles: Vec<RoleEntry>,
    /// Epistemic hedges.
    pub hedges: Vec<HedgeEntry>,
    /// Facts of the story.
    pub facts: Vec<FactEntry>,
    /// Key events for agency.
    pub events: Vec<EventEntry>,
    /// Actors for tone.
    pub actors: Vec<ActorEntry>,
    /// Loaded words and phrases (`[[loaded]]`).
    pub loaded: Vec<LoadedEntry>,
    /// Given names by gender, for resolving "he" and "she".
    pub given_names: GivenNames,
    /// The story lexicons with anchors, each with the entries it added: they measure only the
    /// articles about their story (see `lexicon::StoryScopes`).
    pub stories: Vec<StoryLexicon>,
}

/// A story lexicon with `[lexicon] anchors`, and the ranges of the set's entries it defines.
#[derive(Clone, Debug, Default)]
pub struct StoryLexicon {
    /// `[lexicon].id`.
    pub id: String,
    /// Names that identify its story in a text.
    pub anchors: Vec<String>,
    /// Its concepts, in [`LexiconSet::concepts`].
    pub concepts: std::ops::Range<usize>,
    /// Its facts, in [`LexiconSet::facts`].
    pub facts: std::ops::Range<usize>,
    /// Its events, in [`LexiconSet::events`].
    pub events: std::ops::Range<usize>,
    /// Its actors, in [`LexiconSet::actors`].
    pub actors: std::ops::Range<usize>,
    /// Its known speakers, in [`LexiconSet::voices`].
    pub voices: std::ops::Range<usize>,
    /// Its role phrases, in [`LexiconSet::roles`].
    pub roles: std::ops::Range<usize>,
}

/// The kinds of entry a story lexicon's scope covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoryEntries {
    /// Concepts (word choice).
    Concepts,
    /// Facts (coverage).
    Facts,
    /// Events (agency).
    Events,
    /// Actors (tone).
    Actors,
    /// Known speakers (voice groups).
    Voices,
    /// Role phrases (voice groups).
    Roles,
}

impl StoryLexicon {
    /// The range of its entries of one kind.
    pub fn range(&self, kind: StoryEntries) -> &std::ops::Range<usize> {
        match kind {
            StoryEntries::Concepts => &self.concepts,
            StoryEntries::Facts => &self.facts,
            StoryEntries::Events => &self.events,
            StoryEntries::Actors => &self.actors,
            StoryEntries::Voices => &self.voices,
            StoryEntries::Roles => &self.roles,
        }
    }
}

impl LexiconSet {
    /// The story lexicon (its number in [`LexiconSet::stories`]) that defines entry `index` of
    /// `kind`; `None` for entries of the general lexicons and of story lexicons without anchors.
    pub fn story_of(&self, kind: StoryEntries, index: usize) -> Option<usize> {
        StoryLexicon::defining(&self.stories, kind, index)
    }
}

impl StoryLexicon {
    /// Which of `stories` defines entry `index` of `kind`, if one does.
    pub fn defining(stories: &[StoryLexicon], kind: StoryEntries, index: usize) -> Option<usize> {
        stories.iter().position(|s| s.range(kind).contains(&index))
    }
}
