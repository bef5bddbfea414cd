//! `duplicates` (one row per copy) and `copies` (copy counts per outlet).

use polars::prelude::DataFrame;

use super::frame::FrameBuilder;
use crate::columns;
use crate::copies::{Found, OutletCopies};

/// `duplicates`: one row per article that copies an earlier one.
pub fn duplicates_table(rows: &[Found]) -> DataFrame {
    let text = |f: fn(&Found) -> &String| rows.iter().map(|r| f(r).as_str()).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::ARTICLE, &text(|r| &r.article))
        .text(columns::OUTLET, &text(|r| &r.outlet))
        .text(columns::COPY_OF, &text(|r| &r.copy_of))
        .text(columns::COPY_OF_OUTLET, &text(|r| &r.copy_of_outlet))
        .measure(columns::SIMILARITY, rows.iter().map(|r| Some((r.similarity * 1000.0).round() / 1000.0)).collect())
        .build()
}

/// `copies`: per outlet, its articles, the copies among them and its wire dependence.
pub fn copies_table(rows: &[OutletCopies]) -> DataFrame {
    let count = |f: fn(&OutletCopies) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    let share = |f: fn(&OutletCopies) -> u64| {
        rows.iter().map(|r| (r.articles > 0).then(|| f(r) as f64 / r.articles as f64)).collect::<Vec<_>>()
    };
    FrameBuilder::default()
        .text(columns::OUTLET, &rows.iter().map(|r| r.outlet.as_str()).collect::<Vec<_>>())
        .count(columns::ARTICLES, count(|r| r.articles))
        .count(columns::COPIES, count(|r| r.copies))
        .count(columns::COPIES_OF_OTHER_OUTLETS, count(|r| r.copies_of_other_outlets))
        .measure(columns::COPY_SHARE, share(|r| r.copies))
        .count(columns::WIRE_DEPENDENT, count(|r| r.wire_dependent))
        .measure(columns::WIRE_DEPENDENCE, share(|r| r.wire_dependent))
        .build()
}
