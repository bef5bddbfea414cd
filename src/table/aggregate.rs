//! Totals per group (an outlet, or a single article), summed from article rows as they stream by.

use std::collections::BTreeMap;

use super::ArticleRow;
use crate::features::LabelCount;

/// Sums over the articles of one group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Totals {
    /// Articles.
    pub articles: u64,
    /// Words in kept text.
    pub words: u64,
    /// Words outside quotation marks.
    pub own_words: u64,
    /// Label counts.
    pub counts: LabelCount,
}

impl Totals {
    /// Add one article.
    pub fn add(&mut self, row: &ArticleRow) {
        self.articles += 1;
        self.words += row.words;
        self.own_words += row.own_words;
        for (key, n) in &row.counts {
            *self.counts.entry(*key).or_default() += n;
        }
    }

    /// Words inside quotation marks.
    pub fn quoted_words(&self) -> u64 {
        self.words - self.own_words
    }
}

/// A named group and its totals: key columns (name, value) first.
#[derive(Clone, Debug)]
pub struct Group {
    /// Key columns, e.g. `[("outlet", "HuffPost")]` or `[("article", id), ("outlet", o)]`.
    pub keys: Vec<(&'static str, String)>,
    /// The sums.
    pub totals: Totals,
}

/// Outlet groups, sorted by outlet name.
pub fn group_by_outlet(outlets: &BTreeMap<String, Totals>) -> Vec<Group> {
    outlets
        .iter()
        .map(|(outlet, totals)| Group { keys: vec![("outlet", outlet.clone())], totals: totals.clone() })
        .collect()
}
