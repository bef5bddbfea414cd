//! Signals of a story lexicon (facts, actors) in a run with several stories: each story's
//! phrases form their own families, so phrases of different stories never compete for the same
//! words, and an article keeps only the matches of the stories that measure it
//! ([`crate::lexicon::Scope`]).

use crate::lexicon::{Inflect, LabelMatch, LexiconSet, Scope, StoryEntries};

/// The entries of `kind` (`count` of them) grouped by the story lexicon that defines them, in
/// entry order: one group per story lexicon, one for the rest; empty groups left out.
pub(super) fn groups(set: &LexiconSet, kind: StoryEntries, count: usize) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); set.stories.len() + 1];
    for entry in 0..count {
        groups[set.story_of(kind, entry).unwrap_or(set.stories.len())].push(entry);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// One phrase family per group: the patterns of its entries.
pub(super) fn families(groups: &[Vec<usize>], patterns: &[Vec<String>]) -> Vec<(Vec<Vec<String>>, Inflect)> {
    groups.iter().map(|g| (g.iter().map(|&e| patterns[e].clone()).collect(), Inflect::Stem)).collect()
}

/// The matches of the groups' families with `concept` set to the entry number, only entries the
/// article's `scope` keeps, in text order.
pub(super) fn in_scope(
    groups: &[Vec<usize>],
    matches: &[Vec<LabelMatch>],
    scope: &Scope,
    kind: StoryEntries,
) -> Vec<LabelMatch> {
    let mut found: Vec<LabelMatch> = groups
        .iter()
        .zip(matches)
        .flat_map(|(group, found)| found.iter().map(|m| LabelMatch { concept: group[m.concept], ..m.clone() }))
        .filter(|m| scope.keeps(kind, m.concept))
        .collect();
    if groups.len() > 1 {
        found.sort_by_key(|m| (m.tokens.start, m.tokens.end, m.concept));
    }
    found
}
