//! The speaker book an article's attributions are described with. A story lexicon's `[[voice]]`
//! and `[[role]]` entries belong to its story ("the resolution" is the Iraqi parliament's,
//! "Washington" the US government's): an article about another story is described without them,
//! like its word choice ([`crate::lexicon::Scope`]). Each set of story lexicons that measures
//! some article gets its book, built the first time it is needed.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use crate::lexicon::{LexiconSet, Scope, StoryEntries};
use crate::quotes::SpeakerBook;

/// The speaker books of a run. Share by reference across threads.
pub(super) struct SpeakerBooks {
    /// The book of every entry: the only one in a run without story lexicons.
    all: Arc<SpeakerBook>,
    /// Books by the story lexicons that measure an article.
    scoped: Mutex<BTreeMap<Vec<u32>, Arc<SpeakerBook>>>,
}

impl SpeakerBooks {
    pub(super) fn new(set: &LexiconSet) -> SpeakerBooks {
        SpeakerBooks { all: Arc::new(SpeakerBook::new(set)), scoped: Mutex::new(BTreeMap::new()) }
    }

    /// The book for an article measured by `scope`'s story lexicons.
    pub(super) fn of(&self, set: &LexiconSet, scope: &Scope) -> Arc<SpeakerBook> {
        if set.stories.is_empty() {
            return Arc::clone(&self.all);
        }
        let mut books = self.scoped.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let book = books.entry(scope.measured_by().to_vec()).or_insert_with(|| {
            let keep = |kind, i: &usize| scope.keeps(kind, *i);
            let voices = (0..set.voices.len()).filter(|i| keep(StoryEntries::Voices, i));
            let roles = (0..set.roles.len()).filter(|i| keep(StoryEntries::Roles, i));
            let entries = LexiconSet {
                voices: voices.map(|i| set.voices[i].clone()).collect(),
                roles: roles.map(|i| set.roles[i].clone()).collect(),
                outlets: set.outlets.clone(),
                ..LexiconSet::default()
            };
            Arc::new(SpeakerBook::new(&entries))
        });
        Arc::clone(book)
    }
}
