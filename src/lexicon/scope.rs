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

use super::anchors::AnchorSets;
use super::model::{LexiconSet, StoryEntries, StoryLexicon};
use super::stories::MIN_ANCHORS;

/// The story lexicons of a run, compiled to decide each article's scope. Build once per run.
#[derive(Debug, Default)]
pub struct StoryScopes {
    stories: Vec<StoryLexicon>,
    /// Their anchors.
    anchors: AnchorSets,
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
        let lists: Vec<&[String]> = set.stories.iter().map(|s| s.anchors.as_slice()).collect();
        let anchors = AnchorSets::new(&lists, |anchors| MIN_ANCHORS.min(anchors));
        StoryScopes { stories: set.stories.clone(), anchors, chosen: vec![false; set.stories.len()] }
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
        let named = self.anchors.named(text);
        scope((0..self.stories.len() as u32).filter(|&s| named[s as usize]).collect())
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
        match StoryLexicon::defining(self.stories, kind, index) {
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
