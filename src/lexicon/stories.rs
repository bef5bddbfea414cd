//! Which shipped story lexicons apply to a corpus, and why. A story lexicon measures word choice,
//! agency, tone and coverage for one story; applied to another story it measures nonsense, so it
//! never applies silently. Without lexicons named by the user, a shipped story lexicon applies
//! when the corpus says it is about that story (a `story` column or manifest field equal to the
//! lexicon's id), or when its text does: at least [`MIN_MATCHING_SHARE`] of the articles read
//! ([`ARTICLES_READ`] at most) mention at least [`MIN_ANCHORS`] of its anchors, the names that
//! identify its story (`[lexicon] anchors`, such as "Soleimani" and "Iraqi parliament"). Concept
//! labels are no evidence of a story: "threats", "supporters" or "strike" occur in any news.
//! Anchors are found in the raw text, as whole words without regard to case, so that deciding
//! costs little beside measuring.

use std::collections::BTreeMap;

use serde::Serialize;

use super::anchors::AnchorSets;

/// How many articles, from the start of the corpus, the content rule reads.
pub const ARTICLES_READ: usize = 2000;
/// How many different anchors of a story an article must mention to count as about it.
pub const MIN_ANCHORS: usize = 2;
/// The share of articles read that must be about a story for its lexicon to apply.
pub const MIN_MATCHING_SHARE: f64 = 0.5;

/// Why a story lexicon applied or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StoryReason {
    /// The user named it (`--story-lexicon`).
    Named,
    /// Articles' `story` equals its id.
    StoryColumn,
    /// Enough articles match enough of its concepts.
    Content,
    /// Enough articles of one story of the corpus (by its `story` column) match: in a corpus of
    /// several stories, the lexicon then measures the articles about its story only.
    StoryContent,
    /// Not enough articles match it.
    TooFewMatches,
    /// The user named their own lexicons (`--lexicon`), so no shipped story was added.
    OtherLexiconsNamed,
    /// The user named other story lexicons (`--story-lexicon`).
    OtherStoryNamed,
}

/// The decision for one shipped story lexicon.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct StoryChoice {
    /// The story lexicon's id.
    pub id: String,
    /// Whether it applies.
    pub applied: bool,
    /// Why.
    pub reason: StoryReason,
    /// Articles read by the content rule (0 when it did not run).
    pub articles_read: usize,
    /// Of those, articles mentioning at least [`MIN_ANCHORS`] of its anchors.
    pub articles_matching: usize,
    /// Articles whose `story` equals its id.
    pub articles_with_story: usize,
    /// The corpus story whose articles match best (by share, then number), with its articles
    /// read and matching, when one does; empty without a `story` column.
    #[serde(default, skip_serializing_if = "StoryMatch::is_empty")]
    pub best_story: StoryMatch,
}

/// A story of the corpus (a `story` value) and how many of its articles name a lexicon's anchors.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct StoryMatch {
    /// The `story` value.
    pub story: String,
    /// Its articles read.
    pub articles_read: usize,
    /// Of those, articles mentioning at least [`MIN_ANCHORS`] of the lexicon's anchors.
    pub articles_matching: usize,
}

impl StoryMatch {
    /// No story matched (or the corpus has no `story` column).
    pub fn is_empty(&self) -> bool {
        self.articles_matching == 0
    }

    /// Whether enough of the story's articles match for the lexicon to apply.
    fn enough(&self) -> bool {
        self.articles_matching > 0 && self.articles_matching as f64 >= MIN_MATCHING_SHARE * self.articles_read as f64
    }
}

impl StoryChoice {
    /// One line for people: the id, applied or left out, and why.
    pub fn describe(&self) -> String {
        let verdict = match (self.applied, self.reason) {
            (true, _) => "applied",
            (false, StoryReason::OtherLexiconsNamed) => "not added by name",
            (false, _) => "left out",
        };
        let why = match self.reason {
            StoryReason::Named => "named with --story-lexicon".to_string(),
            StoryReason::StoryColumn => format!("{} articles have story = {}", self.articles_with_story, self.id),
            StoryReason::Content | StoryReason::TooFewMatches => format!(
                "{} of {} articles read mention at least {MIN_ANCHORS} of its anchors; it applies from {:.0}%",
                self.articles_matching,
                self.articles_read,
                MIN_MATCHING_SHARE * 100.0
            ),
            StoryReason::StoryContent => format!(
                "{} of the {} articles read of story `{}` mention at least {MIN_ANCHORS} of its anchors; it measures \
                 the articles about its story only",
                self.best_story.articles_matching, self.best_story.articles_read, self.best_story.story
            ),
            StoryReason::OtherLexiconsNamed => "the lexicons are the files named with --lexicon".to_string(),
            StoryReason::OtherStoryNamed => "another story lexicon was named with --story-lexicon".to_string(),
        };
        format!("{}: {verdict} ({why})", self.id)
    }
}

/// A shipped story lexicon to decide on: its id and its anchors.
pub struct StoryCandidate {
    /// The story's id.
    pub id: String,
    /// Names that identify the story (`[lexicon] anchors`); without any, only the story column
    /// or the user's naming applies the lexicon.
    pub anchors: Vec<String>,
}

/// Decide, by the story column and then by content, which `candidates` apply to `articles`
/// (text and story of each, in corpus order; only the first [`ARTICLES_READ`] are read).
pub fn choose_stories<'a>(
    articles: impl Iterator<Item = (&'a str, &'a str)>,
    candidates: &[StoryCandidate],
) -> Vec<StoryChoice> {
    let lists: Vec<&[String]> = candidates.iter().map(|c| c.anchors.as_slice()).collect();
    let anchors = AnchorSets::new(&lists, |_| MIN_ANCHORS);
    let mut read = 0;
    let mut matching = vec![0; candidates.len()];
    let mut with_story = vec![0; candidates.len()];
    // Per candidate: each corpus story's (articles read, articles matching).
    let mut by_story: Vec<BTreeMap<&str, (usize, usize)>> = vec![BTreeMap::new(); candidates.len()];
    for (text, story) in articles.take(ARTICLES_READ) {
        read += 1;
        let named = anchors.named(text);
        for (i, candidate) in candidates.iter().enumerate() {
            if story == candidate.id {
                with_story[i] += 1;
            }
            let matched = named[i];
            matching[i] += usize::from(matched);
            if !story.is_empty() {
                let counts = by_story[i].entry(story).or_default();
                counts.0 += 1;
                counts.1 += usize::from(matched);
            }
        }
    }
    candidates
        .iter()
        .enumerate()
        .map(|(i, candidate)| {
            let by_content = read > 0 && matching[i] as f64 >= MIN_MATCHING_SHARE * read as f64;
            let best_story = best_story(&by_story[i]);
            let (applied, reason) = if with_story[i] > 0 {
                (true, StoryReason::StoryColumn)
            } else if by_content {
                (true, StoryReason::Content)
            } else if best_story.enough() {
                (true, StoryReason::StoryContent)
            } else {
                (false, StoryReason::TooFewMatches)
            };
            StoryChoice {
                id: candidate.id.clone(),
                applied,
                reason,
                articles_read: read,
                articles_matching: matching[i],
                articles_with_story: with_story[i],
                best_story,
            }
        })
        .collect()
}

/// The story whose articles match best: the highest share, then the most articles, then the
/// first name.
fn best_story(stories: &BTreeMap<&str, (usize, usize)>) -> StoryMatch {
    let share = |(read, matching): (usize, usize)| matching as f64 / read as f64;
    let mut best: Option<(&str, (usize, usize))> = None;
    for (&story, &counts) in stories.iter().filter(|(_, c)| c.1 > 0) {
        let better =
            best.is_none_or(|(_, b)| share(counts) > share(b) || (share(counts) == share(b) && counts.1 > b.1));
        if better {
            best = Some((story, counts));
        }
    }
    best.map_or_else(StoryMatch::default, |(story, (read, matching))| StoryMatch {
        story: story.to_string(),
        articles_read: read,
        articles_matching: matching,
    })
}

/// The choices when the user named the stories (`--story-lexicon`) or their own lexicons.
pub fn named_stories(all: &[&str], named: &[&str], lexicons_named: bool) -> Vec<StoryChoice> {
    all.iter()
        .map(|id| {
            let applied = named.contains(id);
            let reason = match (applied, lexicons_named) {
                (true, _) => StoryReason::Named,
                (false, true) => StoryReason::OtherLexiconsNamed,
                (false, false) => StoryReason::OtherStoryNamed,
            };
            StoryChoice {
                id: id.to_string(),
                applied,
                reason,
                articles_read: 0,
                articles_matching: 0,
                articles_with_story: 0,
                best_story: StoryMatch::default(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(id: &str, anchors: &[&str]) -> StoryCandidate {
        StoryCandidate { id: id.to_string(), anchors: anchors.iter().map(|a| a.to_string()).collect() }
    }

    #[test]
    fn a_story_applies_by_content_by_story_column_or_not_at_all() {
        let flood = candidate("flood", &["Ravel River", "Millbrook", "Dam 4"]);
        let vote = candidate("vote", &["Senate", "Ms. Okafor"]);
        let texts = [
            ("The Ravel River rose overnight and Millbrook was evacuated at dawn.", ""),
            ("Crews at Dam 4 opened the gates to spare Millbrook.", ""),
            ("The Ravel River was calm by noon.", ""),
            ("Officials counted every ballot by hand.", "vote"),
        ];
        let choices = choose_stories(texts.iter().copied(), &[flood, vote]);
        // Two of four articles mention two flood anchors: half, which is enough.
        assert_eq!(
            (choices[0].applied, choices[0].reason, choices[0].articles_matching),
            (true, StoryReason::Content, 2)
        );
        // No article mentions two vote anchors, but one says it is about the vote.
        assert_eq!((choices[1].applied, choices[1].reason), (true, StoryReason::StoryColumn));
        // Common words are no anchors, and one anchor alone is not enough.
        let unrelated = [("Markets rose on Tuesday near the river.", ""), ("Millbrook was calm.", "")];
        let choices = choose_stories(unrelated.iter().copied(), &[candidate("flood", &["Ravel River", "Millbrook"])]);
        assert_eq!((choices[0].applied, choices[0].reason), (false, StoryReason::TooFewMatches));
        assert!(
            choices[0].describe().starts_with("flood: left out (0 of 2 articles read"),
            "{}",
            choices[0].describe()
        );
        // A lexicon without anchors applies only by name or story column.
        let choices = choose_stories(texts.iter().copied(), &[candidate("flood", &[])]);
        assert!(!choices[0].applied);
    }

    #[test]
    fn a_story_applies_for_the_articles_of_one_story_that_name_its_anchors() {
        let flood = candidate("flood", &["Ravel River", "Millbrook"]);
        let texts = [
            ("The Ravel River rose and Millbrook was evacuated.", "e1"),
            ("Millbrook by the Ravel River was calm.", "e1"),
            ("The Ravel River ran low.", "e1"),
            ("Officials counted the ballots.", "e2"),
            ("The count went on.", "e2"),
            ("Millbrook voted; the Ravel River was not mentioned.", "e2"),
        ];
        // Half the articles read match: by content over the whole corpus.
        let choices = choose_stories(texts.iter().copied(), std::slice::from_ref(&flood));
        assert_eq!(choices[0].reason, StoryReason::Content);
        // A third match, half of one story's articles (1 of 2 of e1, 1 of 3 of e2): by that story.
        let choices = choose_stories(texts[1..].iter().copied().chain([("Rain.", "e3")]), &[flood]);
        assert_eq!((choices[0].applied, choices[0].reason), (true, StoryReason::StoryContent));
        let best = &choices[0].best_story;
        assert_eq!((best.story.as_str(), best.articles_read, best.articles_matching), ("e1", 2, 1));
        assert!(choices[0].describe().contains("1 of the 2 articles read of story `e1`"), "{}", choices[0].describe());
        // Without a story column no story can carry it.
        let unlabelled = texts.iter().map(|(t, _)| (*t, "")).skip(2);
        let choices = choose_stories(unlabelled, &[candidate("flood", &["Ravel River", "Millbrook"])]);
        assert_eq!((choices[0].applied, choices[0].best_story.is_empty()), (false, true));
    }

    #[test]
    fn named_stories_apply_and_the_others_say_why_not() {
        let choices = named_stories(&["a", "b"], &["b"], false);
        assert_eq!((choices[0].applied, choices[1].applied, choices[1].reason), (false, true, StoryReason::Named));
        assert_eq!(choices[0].reason, StoryReason::OtherStoryNamed);
        let choices = named_stories(&["a"], &[], true);
        assert_eq!(choices[0].reason, StoryReason::OtherLexiconsNamed);
    }
}
