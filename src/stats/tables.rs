//! The `outlet_intervals` and `differences` tables.

use polars::prelude::DataFrame;

use super::{Difference, Interval};
use crate::columns;
use crate::table::FrameBuilder;

/// `outlet_intervals`: long, one row per outlet × feature with a value.
pub fn intervals_table(rows: &[Interval]) -> DataFrame {
    let text = |f: fn(&Interval) -> &str| rows.iter().map(f).collect::<Vec<_>>();
    let measure = |f: fn(&Interval) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::OUTLET, &text(|r| &r.outlet))
        .text(columns::FEATURE, &text(|r| &r.feature))
        .measure(columns::VALUE, measure(|r| Some(r.value)))
        .measure(columns::LOW, measure(|r| r.bounds.map(|b| b.0)))
        .measure(columns::HIGH, measure(|r| r.bounds.map(|b| b.1)))
        .count(columns::ARTICLES, rows.iter().map(|r| r.articles).collect())
        .measure(columns::UNITS, measure(|r| Some(r.units)))
        .text(columns::METHOD, &text(|r| &r.method))
        .build()
}

/// `differences`: one row per feature × comparison (each outlet against the rest, then the
/// pairs asked for).
pub fn differences_table(rows: &[Difference]) -> DataFrame {
    let text = |f: fn(&Difference) -> &str| rows.iter().map(f).collect::<Vec<_>>();
    let measure = |f: fn(&Difference) -> Option<f64>| rows.iter().map(f).collect::<Vec<_>>();
    let defined = |v: f64| (!v.is_nan()).then_some(v);
    FrameBuilder::default()
        .text(columns::FEATURE, &text(|r| &r.feature))
        .text(columns::OUTLET, &text(|r| &r.outlet))
        .text(columns::VERSUS, &text(|r| &r.versus))
        .measure(columns::VALUE, rows.iter().map(|r| defined(r.value)).collect())
        .measure(columns::VALUE_VERSUS, rows.iter().map(|r| defined(r.value_versus)).collect())
        .measure(columns::DIFFERENCE, rows.iter().map(|r| defined(r.difference)).collect())
        .measure(columns::LOW, measure(|r| r.bounds.map(|b| b.0)))
        .measure(columns::HIGH, measure(|r| r.bounds.map(|b| b.1)))
        .measure(columns::P, measure(|r| r.test.map(|t| t.p)))
        .measure(columns::Q, measure(|r| r.q))
        .measure(columns::EFFECT_SIZE, measure(|r| r.effect))
        .text(columns::EFFECT_MEASURE, &text(|r| r.effect_measure))
        .count(columns::ARTICLES, rows.iter().map(|r| r.articles.0).collect())
        .count(columns::ARTICLES_VERSUS, rows.iter().map(|r| r.articles.1).collect())
        .maybe_count(columns::PERMUTATIONS, rows.iter().map(|r| r.test.map(|t| t.permutations)).collect())
        .text(columns::NOTE, &text(|r| &r.note))
        .build()
}
