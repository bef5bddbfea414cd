//! Which story lexicons measure an article. A story lexicon's concepts, facts, events and actors
//! describe one story; counted in an article about another story they measure nonsense ("threats"
//! in a summit story counted for the caravan's). So in a run with story lexicons, each article is
//! measured only by the ones about its story:
//!
//! 1. the story lexicon whose id equals the article's `story`, and no other;
//! 2. else, for an article without a `story` in a run with one story lexicon, that one, when the
//!    user named it (not when the run chose it from the corpus, see [`StoryScopes::chosen`]);
//! 3. else each story lexicon whose anchors the text names, at least [`MIN_ANCHORS`] different
//!    ones (all of them when the lexicon has fewer), as whole words without regard to case,
//!    the test that chooses a story lexicon for a corpus ([`super::choose_stories`]). This
//!    decides for articles whose `story` names no story lexicon ("event06") and for articles
//!    without one in a run with several.
//!
//! General lexicons, and story lexicons without anchors, measure every article.

use aho_corasick::{AhoCorasick, MatchKind};

use super::model::{LexiconSet, StoryEntries, StoryLexicon};
use super::stories::MIN_ANCHORS;

/// The story lexicons of a run, compiled to decide each article's scope. Build once per run.
#[derive(Debug, Default)]
pub struct StoryScopes {
    stories: Vec<StoryLexicon>,
    /// Every distinct anchor (and its curly-apostrophe form) of every story lexicon.
    automaton: Option<AhoCorasick>,
    /// For each distinct anchor (pattern number / 2): the (story, anchor number) pairs it is.
    owners: Vec<Vec<(usize, usize)>>,
    /// Story lexicons the run chose from the corpus (by its `story` column or its text), not
    /// named by the user.
    chosen: Vec<bool>,
}

/// The story lexicons that measure one article.
#[derive(Clone, Debug, Default)]
pub struct Scope<'a> {
    stories: &'a [StoryLexicon],
    /// Numbers (in [`LexiconSet::stories`]) of the story lexicons that measure it, ascending.
    measured_by: Vec<u32>,
}

impl StoryScopes {
    /// The scopes of the story lexicons in `set`.
    pub fn new(set: &LexiconSet) -> StoryScopes {
        let mut distinct: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        for (s, story) in set.stories.iter().enumerate() {
            for (a, anchor) in story.anchors.iter().enumerate() {
                let key = anchor.to_ascii_lowercase();
                match distinct.iter().position(|d| *d == key) {
                    Some(at) => owners[at].push((s, a)),
                    None => {
                        distinct.push(key);
                        owners.push(vec![(s, a)]);
                    }
                }
            }
        }
        let patterns = distinct.iter().flat_map(|a| [a.clone(), a.replace('\'', "\u{2019}")]);
        let automaton = (!distinct.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns)
            })
            .and_then(Result::ok);
        StoryScopes { stories: set.stories.clone(), automaton, owners, chosen: vec![false; set.stories.len()] }
    }

    /// Mark the story lexicons with these ids as chosen by the run from the corpus (by its
    /// `story` column or its text), not named by the user: they measure no article without a
    /// `story` unless it names their anchors.
    pub fn chosen(mut self, ids: &[&str]) -> StoryScopes {
        for (story, chosen) in self.stories.iter().zip(&mut self.chosen) {
            *chosen = ids.contains(&story.id.as_str());
        }
        self
    }

    /// True when the run has no story lexicon with anchors: every article is measured by all.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// The scope of an article whose story column says `story` and whose text is `text`.
    pub fn of(&self, story: &str, text: &str) -> Scope<'_> {
        let scope = |measured_by| Scope { stories: &self.stories, measured_by };
        if self.stories.is_empty() {
            return scope(Vec::new());
        }
        let named: Vec<u32> =
            (0..self.stories.len() as u32).filter(|&s| self.stories[s as usize].id == story).collect();
        if !named.is_empty() {
            return scope(named);
        }
        if story.is_empty() && self.stories.len() == 1 && !self.chosen[0] {
            return scope(vec![0]);
        }
        scope(self.by_anchors(text))
    }

    /// The story lexicons whose anchors `text` names often enough.
    fn by_anchors(&self, text: &str) -> Vec<u32> {
        let Some(automaton) = &self.automaton else { return Vec::new() };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let wanted = |s: usize| MIN_ANCHORS.min(self.stories[s].anchors.len());
        let mut seen: Vec<Vec<bool>> = self.stories.iter().map(|s| vec![false; s.anchors.len()]).collect();
        let mut named = vec![0; self.stories.len()];
        // Stories still short of their anchors: reading stops when none is.
        let mut short = (0..self.stories.len()).filter(|&s| wanted(s) > 0).count();
        for m in automaton.find_iter(text) {
            if short == 0 {
                break;
            }
            if word(text[..m.start()].chars().next_back()) || word(text[m.end()..].chars().next()) {
                continue;
            }
            for &(s, a) in &self.owners[m.pattern().as_usize() / 2] {
                if !std::mem::replace(&mut seen[s][a], true) {
                    named[s] += 1;
                    short -= usize::from(named[s] == wanted(s));
                }
            }
        }
        (0..self.stories.len()).filter(|&s| named[s] >= wanted(s)).map(|s| s as u32).collect()
    }
}

impl<'a> Scope<'a> {
    /// A scope that keeps every entry (a run without story lexicons, or a caller that does not
    /// scope).
    pub fn everything() -> Scope<'static> {
        Scope { stories: &[], measured_by: Vec::new() }
    }

    /// Whether entry `index` of `kind` measures this article: it belongs to no story lexicon, or
    /// to one that measures it.
    pub fn keeps(&self, kind: StoryEntries, index: usize) -> bool {
        match self.stories.iter().position(|s| s.range(kind).contains(&index)) {
            None => true,
            Some(story) => self.measured_by.binary_search(&(story as u32)).is_ok(),
        }
    }

    /// The numbers of the story lexicons that measure the article, ascending.
    pub fn measured_by(&self) -> &[u32] {
        &self.measured_by
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set() -> LexiconSet {
        let story = |id: &str, anchors: &[&str], concepts| StoryLexicon {
            id: id.into(),
            anchors: anchors.iter().map(|a| a.to_string()).collect(),
            concepts,
            ..StoryLexicon::default()
        };
        LexiconSet {
            stories: vec![
                story("flood", &["Ravel River", "Millbrook", "Dam 4"], 1..3),
                story("vote", &["Okafor"], 3..4),
            ],
            ..LexiconSet::default()
        }
    }

    #[test]
    fn the_story_column_decides_before_the_text() {
        let scopes = StoryScopes::new(&set());
        let text = "The Ravel River rose and Millbrook was evacuated; Ms. Okafor voted.";
        assert_eq!(scopes.of("vote", text).measured_by(), [1]);
        assert_eq!(scopes.of("flood", "Officials met.").measured_by(), [0]);
        // A story column naming no story lexicon leaves the choice to the text, as does a
        // missing story in a run with several story lexicons.
        assert_eq!(scopes.of("event-17", text).measured_by(), [0, 1]);
        assert_eq!(scopes.of("", text).measured_by(), [0, 1]);
        assert_eq!(scopes.of("", "Officials met.").measured_by(), [] as [u32; 0]);
    }

    #[test]
    fn the_only_story_lexicon_measures_articles_without_a_story() {
        let mut one = set();
        one.stories.truncate(1);
        let scopes = StoryScopes::new(&one);
        assert_eq!(scopes.of("", "Officials met.").measured_by(), [0]);
        assert_eq!(scopes.of("event-17", "Officials met.").measured_by(), [] as [u32; 0]);
        assert_eq!(scopes.of("event-17", "Millbrook and Dam 4").measured_by(), [0]);
        // Chosen from the corpus, it reads the anchors of articles without a story.
        let scopes = StoryScopes::new(&one).chosen(&["flood"]);
        assert_eq!(scopes.of("", "Officials met.").measured_by(), [] as [u32; 0]);
        assert_eq!(scopes.of("", "Millbrook and Dam 4").measured_by(), [0]);
    }

    #[test]
    fn the_text_must_name_two_anchors_or_all_of_fewer() {
        let scopes = StoryScopes::new(&set());
        // One flood anchor is not enough; the vote lexicon has only one, so one is.
        assert_eq!(scopes.of("", "Millbrook was calm. Okafor spoke.").measured_by(), [1]);
        // Whole words only, without regard to case; a repeated anchor counts once.
        assert_eq!(scopes.of("", "MILLBROOK, millbrook and Millbrooks").measured_by(), [] as [u32; 0]);
        assert_eq!(scopes.of("", "millbrook near the ravel river").measured_by(), [0]);
    }

    #[test]
    fn entries_of_other_stories_are_left_out_and_general_ones_kept() {
        let set = set();
        let scopes = StoryScopes::new(&set);
        let scope = scopes.of("vote", "");
        let kept: Vec<usize> = (0..5).filter(|&c| scope.keeps(StoryEntries::Concepts, c)).collect();
        assert_eq!(kept, [0, 3, 4]);
        assert!(Scope::everything().keeps(StoryEntries::Concepts, 1));
        assert!(StoryScopes::new(&LexiconSet::default()).is_empty());
    }
}
