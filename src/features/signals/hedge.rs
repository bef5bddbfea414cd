//! Hedges ("reportedly", "allegedly", "are believed to"): the distance an outlet takes from what
//! it reports, counted in its own voice and inside quotations. The forms come from the
//! lexicons' `[[hedge]]` entries.

use super::{ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sums, Values, ratio};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Hedge,
    name: "hedge",
    description: "Epistemic hedges (\"reportedly\", \"are believed to\"), own voice and quoted.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), hit.voice.as_str().to_string()),
    columns: feature_columns,
    table: Some(("hedges", table)),
};

struct Hedges {
    /// Each hedge's forms.
    forms: Vec<Vec<String>>,
    /// Each hedge's name (its first form).
    names: Vec<String>,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    Box::new(Hedges {
        forms: set.hedges.iter().map(|h| h.forms.clone()).collect(),
        names: set.hedges.iter().map(|h| h.text.clone()).collect(),
    })
}

impl Signal for Hedges {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        vec![(self.forms.clone(), Inflect::Exact)]
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        for m in &matches[0] {
            let subject = self.names[m.concept].clone();
            let form = m.span.slice(article.doc.text).to_lowercase();
            out.push(Place::of(article.doc, m.tokens.start, m.span).hit(
                SignalKind::Hedge,
                subject,
                form,
                article.voices,
            ));
        }
    }
}

/// Each hedge with its own-voice and quoted uses, in hedge order.
pub(super) fn by_hedge(sums: &Sums) -> Vec<(&str, u64, u64)> {
    let mut out: Vec<(&str, u64, u64)> = Vec::new();
    for ((hedge, voice), sum) in sums {
        if out.last().is_none_or(|last| last.0 != hedge) {
            out.push((hedge, 0, 0));
        }
        let last = out.last_mut().expect("pushed above");
        if voice == "own" { last.1 += sum.count } else { last.2 += sum.count }
    }
    out
}

/// Own-voice hedges.
pub(super) fn own(sums: &Sums) -> u64 {
    sums.iter().filter(|((_, voice), _)| voice == "own").map(|(_, s)| s.count).sum()
}

fn feature_columns(rows: &[RowTotals], _set: &LexiconSet) -> Vec<Column> {
    let per_1k = rows.iter().map(|r| Ratio::new(r.signals.own_hedges() as f64 * 1000.0, r.own_words as f64)).collect();
    vec![Column::new(columns::HEDGE_PER_1K_OWN, Values::Ratio(per_1k))]
}

/// `hedges`: outlet × hedge → own-voice and quoted uses, and own-voice uses per 1,000 own words.
fn table(outlets: &[(&str, RowTotals)], _set: &LexiconSet) -> Vec<Column> {
    let rows: Vec<(&str, &RowTotals, (&str, u64, u64))> = outlets
        .iter()
        .flat_map(|(outlet, t)| by_hedge(t.signals.of(SignalKind::Hedge)).into_iter().map(move |h| (*outlet, t, h)))
        .collect();
    vec![
        Column::new(columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(columns::HEDGE, Values::Text(rows.iter().map(|r| r.2.0.to_string()).collect())),
        Column::new(columns::OWN, Values::Count(rows.iter().map(|r| r.2.1).collect())),
        Column::new(columns::QUOTED, Values::Count(rows.iter().map(|r| r.2.2).collect())),
        Column::new(
            columns::OWN_PER_1K,
            Values::Measure(rows.iter().map(|r| ratio(r.2.1 as f64 * 1000.0, r.1.own_words as f64)).collect()),
        ),
    ]
}
