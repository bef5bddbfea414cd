//! Coverage: which facts of the story each outlet reports, in how many articles, and how early.
//! The facts and their patterns are the story lexicon's `[[fact]]` entries.

use super::{
    ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sum, Sums, Values, ratio, story,
};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet, StoryEntries};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Fact,
    name: "fact",
    description: "Facts of the story an article reports, and the earliest paragraph that does.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), String::new()),
    columns: feature_columns,
    table: Some(("coverage", table)),
};

struct Facts {
    patterns: Vec<Vec<String>>,
    ids: Vec<String>,
    /// The facts by the story lexicon that defines them (see [`story`]).
    groups: Vec<Vec<usize>>,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    Box::new(Facts {
        patterns: set.facts.iter().map(|f| f.patterns.clone()).collect(),
        ids: set.facts.iter().map(|f| f.id.clone()).collect(),
        groups: story::groups(set, StoryEntries::Facts, set.facts.len()),
    })
}

impl Signal for Facts {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        story::families(&self.groups, &self.patterns)
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        for m in &story::in_scope(&self.groups, matches, article.scope, StoryEntries::Facts) {
            let subject = self.ids[m.concept].clone();
            let text = m.span.slice(article.doc.text).to_string();
            out.push(Place::of(article.doc, m.tokens.start, m.span).hit(
                SignalKind::Fact,
                subject,
                text,
                article.voices,
            ));
        }
    }
}

/// A fact's sums, when it was reported.
pub(super) fn of<'s>(sums: &'s Sums, fact: &str) -> Option<&'s Sum> {
    sums.get(&(fact.to_string(), String::new()))
}

fn feature_columns(rows: &[RowTotals], set: &LexiconSet) -> Vec<Column> {
    set.facts
        .iter()
        .enumerate()
        .map(|(f, fact)| {
            let story = set.story_of(StoryEntries::Facts, f);
            let share = rows.iter().map(|r| {
                let articles = of(r.signals.of(SignalKind::Fact), &fact.id).map_or(0, |s| s.articles);
                Ratio::new(articles as f64, r.articles_about(story) as f64)
            });
            Column::new(columns::coverage_share(&fact.id), Values::Ratio(share.collect()))
        })
        .collect()
}

/// `coverage`: outlet × fact → mentions, articles mentioning it, the articles its story lexicon
/// measured and the share of them that mention it, and the earliest paragraph (empty when never
/// mentioned); every fact listed for every outlet.
fn table(outlets: &[(&str, RowTotals)], set: &LexiconSet) -> Vec<Column> {
    let rows: Vec<(&str, &str, Option<&Sum>, u64)> = outlets
        .iter()
        .flat_map(|(outlet, t)| {
            set.facts.iter().enumerate().map(move |(f, fact)| {
                let about = t.articles_about(set.story_of(StoryEntries::Facts, f));
                (*outlet, fact.id.as_str(), of(t.signals.of(SignalKind::Fact), &fact.id), about)
            })
        })
        .collect();
    let articles = |r: &(&str, &str, Option<&Sum>, u64)| r.2.map_or(0, |s| s.articles);
    vec![
        Column::new(columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(columns::FACT, Values::Text(rows.iter().map(|r| r.1.to_string()).collect())),
        Column::new(columns::MENTIONS, Values::Count(rows.iter().map(|r| r.2.map_or(0, |s| s.count)).collect())),
        Column::new(columns::ARTICLES, Values::Count(rows.iter().map(articles).collect())),
        Column::new(columns::STORY_ARTICLES, Values::Count(rows.iter().map(|r| r.3).collect())),
        Column::new(
            columns::ARTICLES_SHARE,
            Values::Measure(rows.iter().map(|r| ratio(articles(r) as f64, r.3 as f64)).collect()),
        ),
        Column::new(
            columns::FIRST_PARAGRAPH,
            Values::MaybeCount(rows.iter().map(|r| r.2.map(|s| s.first_paragraph)).collect()),
        ),
    ]
}
