//! Tables and feature columns of the signals beyond word choice and voices. Each signal of the
//! registry (`features::SIGNALS`) supplies its columns and its table as plain values; this module
//! turns them into frames. The `attribution` table (cue class by speaker group) comes from the
//! voices. Columns are fixed by the lexicons, so per-article tables can stream.

use polars::prelude::DataFrame;

use super::frame::FrameBuilder;
use super::{Group, Totals};
use crate::columns;
use crate::features::{Column, RowTotals, SignalSet};
use crate::lexicon::LexiconSet;

/// The feature columns of the signals in `signals`, in registry order.
pub fn signal_columns(totals: &[&Totals], set: &LexiconSet, signals: SignalSet) -> Vec<Column> {
    let rows: Vec<RowTotals> = totals.iter().map(|t| t.row()).collect();
    signals.entries().flat_map(|signal| (signal.columns)(&rows, set)).collect()
}

/// The per-outlet tables of the signals in `signals`, named, in registry order.
pub fn signal_tables(groups: &[Group], set: &LexiconSet, signals: SignalSet) -> Vec<(&'static str, DataFrame)> {
    let outlets: Vec<(&str, RowTotals)> = groups.iter().map(|g| (outlet(g), g.totals.row())).collect();
    signals
        .entries()
        .filter_map(|signal| signal.table)
        .map(|(name, table)| {
            let frame = table(&outlets, set).iter().fold(FrameBuilder::default(), FrameBuilder::plain).build();
            (name, frame)
        })
        .collect()
}

fn outlet(g: &Group) -> &str {
    g.keys[0].1.as_str()
}

/// `attribution`: outlet × cue class × speaker group → attributions.
pub fn attribution_table(groups: &[Group]) -> DataFrame {
    let rows: Vec<(&str, &str, &str, u64)> = groups
        .iter()
        .flat_map(|g| {
            g.totals.voices.by_cue_and_group.iter().map(move |((c, grp), n)| (outlet(g), *c, grp.as_str(), *n))
        })
        .collect();
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::CUE_CLASS, &rows.iter().map(|r| if r.1.is_empty() { "none" } else { r.1 }).collect::<Vec<_>>())
        .text(columns::GROUP, &rows.iter().map(|r| r.2).collect::<Vec<_>>())
        .count(columns::ATTRIBUTIONS, rows.iter().map(|r| r.3).collect())
        .build()
}
