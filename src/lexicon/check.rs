//! The state of checking one lexicon file, shared by the concept checks (`load`) and the
//! signal, voice and outlet checks (`check_signals`).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::model::{ActorEntry, EventEntry, FactEntry, HedgeEntry, LoadedEntry};
use super::problem::{Locator, Problem};
use crate::text::Stemmer;

/// What a file adds besides concepts, voices and cues.
#[derive(Default)]
pub(super) struct Signals {
    pub(super) hedges: Vec<HedgeEntry>,
    pub(super) facts: Vec<FactEntry>,
    pub(super) events: Vec<EventEntry>,
    pub(super) actors: Vec<ActorEntry>,
    pub(super) loaded: Vec<LoadedEntry>,
}

pub(super) fn strings(values: &[toml::Spanned<String>]) -> Vec<String> {
    values.iter().map(|v| v.get_ref().trim().to_string()).collect()
}

pub(super) fn lower(values: &[toml::Spanned<String>]) -> Vec<String> {
    values.iter().map(|v| v.get_ref().trim().to_lowercase()).collect()
}

/// Checks of one file.
pub(super) struct FileCheck<'a> {
    pub(super) locator: &'a Locator<'a>,
    pub(super) frames: &'a BTreeMap<String, String>,
    pub(super) stemmer: &'a Stemmer,
    pub(super) problems: Vec<Problem>,
    /// The file's labels give way to labels of other files with the same words.
    pub(super) defers: bool,
}

impl FileCheck<'_> {
    pub(super) fn error(&mut self, offset: usize, message: String, fix: &str) {
        self.problems.push(self.locator.error(offset, message, fix));
    }
}

pub(super) fn is_snake_case(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z][a-z0-9_]*$").expect("valid"));
    RE.is_match(s)
}
