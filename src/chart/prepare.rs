//! Chart data from a run's tables and its comparison. Each function returns the chart, or the
//! reason there is nothing to draw; names are shortened the same way everywhere.

use crate::columns;
use std::collections::BTreeMap;

use polars::prelude::{DataFrame, PolarsResult};

use super::bars::{BarRow, RankedBars, StackedBars};
use super::canvas::{PALETTE, short_name};
use super::uncertainty::Intervals;
use super::{Dendrogram, FramingMap, Heatmap};
use crate::compare::{Comparison, Level, numbers, strings};

pub use super::Prepared;

/// Rows above this many are not drawn in one bar chart, dendrogram or heatmap (they would be
/// unreadable); the tables hold the numbers.
pub const MAX_ROWS: usize = 40;

/// Stacked bars from (row, segment, amount) triples: segments ordered by total, those past the
/// palette folded into "other"; rows in the order first seen.
pub fn stacked(title: &str, subtitle: &str, entries: &[(String, String, f64)], unit: &str) -> StackedBars {
    let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
    for (_, segment, amount) in entries {
        *totals.entry(segment).or_default() += amount;
    }
    // Segments nobody uses would only crowd the legend.
    let mut order: Vec<(&str, f64)> = totals.into_iter().filter(|(_, total)| *total > 0.0).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let shown = if order.len() > PALETTE.len() { PALETTE.len() - 1 } else { order.len() };
    let mut segments: Vec<String> = order[..shown].iter().map(|(s, _)| s.to_string()).collect();
    if order.len() > shown {
        segments.push("other".into());
    }
    let mut rows: Vec<BarRow> = Vec::new();
    for (row, segment, amount) in entries {
        let at = rows.iter().position(|r| &r.label == row).unwrap_or_else(|| {
            rows.push(BarRow { label: row.clone(), values: vec![0.0; segments.len()], note: String::new() });
            rows.len() - 1
        });
        if *amount <= 0.0 {
            continue;
        }
        let column = segments.iter().position(|s| s == segment).unwrap_or(segments.len() - 1);
        rows[at].values[column] += amount;
    }
    for row in &mut rows {
        let total: f64 = row.values.iter().sum();
        row.note = if total <= 0.0 {
            format!("no {unit}")
        } else if total == 1.0 {
            format!("n = 1 {}", unit.strip_suffix('s').unwrap_or(unit))
        } else {
            format!("n = {total:.0} {unit}")
        };
    }
    StackedBars { title: title.into(), subtitle: subtitle.into(), segments, rows }
}

/// Rows a stacked chart of `entries` would have.
fn distinct_rows(entries: &[(String, String, f64)]) -> usize {
    entries.iter().map(|e| &e.0).collect::<std::collections::BTreeSet<_>>().len()
}

/// One chart per concept: label shares by outlet, own voice and quoted side by side.
pub fn word_choice(frame: &DataFrame) -> PolarsResult<Vec<(String, Prepared<StackedBars>)>> {
    let (outlet, concept, label, voice) = (
        strings(frame, columns::OUTLET)?,
        strings(frame, columns::CONCEPT)?,
        strings(frame, columns::LABEL)?,
        strings(frame, columns::VOICE)?,
    );
    let count = numbers(frame, columns::COUNT)?;
    let mut concepts: BTreeMap<&str, Vec<(String, String, f64)>> = BTreeMap::new();
    for i in 0..outlet.len() {
        let row = format!("{} ({})", short_name(&outlet[i]), voice[i]);
        concepts.entry(&concept[i]).or_default().push((row, label[i].clone(), count[i].unwrap_or(0.0)));
    }
    Ok(concepts
        .into_iter()
        .map(|(name, entries)| {
            let chart = if entries.iter().all(|e| e.2 == 0.0) {
                Err(format!("no outlet uses a label of `{name}`"))
            } else if distinct_rows(&entries) > MAX_ROWS {
                Err(format!("`{name}` has too many outlet rows to draw readably (see word_choice.csv)"))
            } else {
                Ok(stacked(
                    &format!("Word choice: {}", name.replace('_', " ")),
                    "share of each label among the concept's mentions, own voice vs inside quotations",
                    &entries,
                    "mentions",
                ))
            };
            (name.to_string(), chart)
        })
        .collect())
}

/// Outlets ranked by the connotation score of their own-voice labels, with the evidence count
/// and, where `intervals` has one, the score's 95% interval.
pub fn loadedness(features: &DataFrame, intervals: &Intervals) -> PolarsResult<Prepared<RankedBars>> {
    let outlet = strings(features, columns::OUTLET)?;
    let score = numbers(features, columns::WC_CONNOTATION_OWN)?;
    let matches = numbers(features, columns::WC_MATCHES_OWN)?;
    let loaded = numbers(features, columns::WC_LOADED_SHARE_OWN)?;
    type Row = ((String, f64, String), Option<(f64, f64)>);
    let mut rows: Vec<Row> = (0..outlet.len())
        .filter_map(|i| {
            let s = score[i]?;
            let note =
                format!("{:.0} matches, {:.0}% loaded", matches[i].unwrap_or(0.0), loaded[i].unwrap_or(0.0) * 100.0);
            Some(((short_name(&outlet[i]), s, note), intervals.bounds(&outlet[i], columns::WC_CONNOTATION_OWN)))
        })
        .collect();
    if rows.is_empty() {
        return Ok(Err("no outlet has own-voice label matches".into()));
    }
    if rows.len() > MAX_ROWS {
        return Ok(Err("too many outlets to draw readably (see outlet_features.csv)".into()));
    }
    rows.sort_by(|a, b| a.0.1.total_cmp(&b.0.1).then(a.0.0.cmp(&b.0.0)));
    let whiskers = rows.iter().any(|r| r.1.is_some());
    let subtitle = "mean connotation of the labels each outlet uses itself (−1 all negative, +1 all positive)";
    Ok(Ok(RankedBars {
        title: "Loadedness of own-voice word choice".into(),
        subtitle: if whiskers { format!("{subtitle}; 95% intervals") } else { subtitle.into() },
        axis: "connotation score".into(),
        intervals: if whiskers { rows.iter().map(|r| r.1).collect() } else { Vec::new() },
        rows: rows.into_iter().map(|r| r.0).collect(),
    }))
}

/// Quoted words by speaker group per outlet.
pub fn voices(frame: &DataFrame) -> PolarsResult<Prepared<StackedBars>> {
    let (level, outlet, group) =
        (strings(frame, columns::LEVEL)?, strings(frame, columns::OUTLET)?, strings(frame, columns::GROUP)?);
    let words = numbers(frame, columns::WORDS)?;
    let entries: Vec<(String, String, f64)> = (0..level.len())
        .filter(|&i| level[i] == "group")
        .map(|i| (short_name(&outlet[i]), group[i].replace('_', " "), words[i].unwrap_or(0.0)))
        .collect();
    if entries.iter().all(|e| e.2 == 0.0) {
        return Ok(Err("no attributed words in any outlet".into()));
    }
    if distinct_rows(&entries) > MAX_ROWS {
        return Ok(Err("too many outlets to draw readably (see voices.csv)".into()));
    }
    Ok(Ok(stacked("Quoted voices", "share of attributed words by speaker group", &entries, "words")))
}

/// Own-voice loaded language per outlet: the mix of classes among its flags, each bar noted with
/// the outlet's flags per 1,000 own-voice words (from the `loaded` table).
pub fn loaded(frame: &DataFrame) -> PolarsResult<Prepared<StackedBars>> {
    let what = ("Loaded language", "own voice: classes of loaded words and scare quotes", "flags");
    own_voice_classes(
        frame,
        ("loaded", columns::CLASS, columns::FLAGS),
        what,
        "no loaded language in any outlet's own voice",
    )
}

/// How each outlet names people in its own voice: names after a courtesy title and after a
/// title of office, each bar noted with the outlet's titled names per 1,000 own-voice words
/// (from the `naming` table).
pub fn naming(frame: &DataFrame) -> PolarsResult<Prepared<StackedBars>> {
    let what = ("Naming", "own voice: names after a courtesy title (\"Mr.\") or a title of office", "names");
    own_voice_classes(
        frame,
        ("naming", columns::FORM, columns::NAMES),
        what,
        "no titled name in any outlet's own voice",
    )
}

/// Stacked bars of a signal `table` of outlet × class × voice (`loaded`, `naming`): the own voice's
/// counts by class, each bar noted with the outlet's count per 1,000 own-voice words.
fn own_voice_classes(
    frame: &DataFrame,
    (table, class_column, count_column): (&str, &str, &str),
    (title, subtitle, unit): (&str, &str, &str),
    empty: &str,
) -> PolarsResult<Prepared<StackedBars>> {
    let (outlet, class, voice) =
        (strings(frame, columns::OUTLET)?, strings(frame, class_column)?, strings(frame, columns::VOICE)?);
    let (counts, per_1k) = (numbers(frame, count_column)?, numbers(frame, columns::PER_1K)?);
    let own: Vec<usize> = (0..outlet.len()).filter(|&i| voice[i] == "own").collect();
    let entries: Vec<(String, String, f64)> =
        own.iter().map(|&i| (short_name(&outlet[i]), class[i].replace('_', " "), counts[i].unwrap_or(0.0))).collect();
    if entries.iter().all(|e| e.2 == 0.0) {
        return Ok(Err(empty.into()));
    }
    if distinct_rows(&entries) > MAX_ROWS {
        return Ok(Err(format!("too many outlets to draw readably (see {table}.csv)")));
    }
    let mut bars = stacked(title, subtitle, &entries, unit);
    for row in &mut bars.rows {
        let rate: f64 = own.iter().filter(|&&i| short_name(&outlet[i]) == row.label).filter_map(|&i| per_1k[i]).sum();
        row.note = format!("{rate:.1} per 1,000 words · {}", row.note);
    }
    Ok(Ok(bars))
}

/// Attributions by reporting-cue class per outlet, each bar noted with the outlet's hedges per
/// 1,000 own-voice words and its credits to other media (from `features`).
pub fn attribution(attribution: &DataFrame, features: &DataFrame) -> PolarsResult<Prepared<StackedBars>> {
    let (outlet, class) = (strings(attribution, columns::OUTLET)?, strings(attribution, columns::CUE_CLASS)?);
    let count = numbers(attribution, columns::ATTRIBUTIONS)?;
    let mut counts: BTreeMap<(String, String), f64> = BTreeMap::new();
    for i in 0..outlet.len() {
        let class = if class[i] == "none" { "no cue".to_string() } else { class[i].clone() };
        *counts.entry((short_name(&outlet[i]), class)).or_default() += count[i].unwrap_or(0.0);
    }
    if counts.is_empty() {
        return Ok(Err("no attributions found".into()));
    }
    if counts.keys().map(|(o, _)| o).collect::<std::collections::BTreeSet<_>>().len() > MAX_ROWS {
        return Ok(Err("too many outlets to draw readably (see attribution.csv)".into()));
    }
    let entries: Vec<(String, String, f64)> = counts.into_iter().map(|((o, c), n)| (o, c, n)).collect();
    let mut bars = stacked(
        "Attribution style",
        "reporting-cue classes (neutral “said”, distancing “claimed”, …); hedges per 1,000 own words; media credits",
        &entries,
        "attributions",
    );
    let names: Vec<String> = strings(features, columns::OUTLET)?.iter().map(|o| short_name(o)).collect();
    // Each note is left out when its signal was not measured (`--signals`).
    let present = |column: &str| features.get_column_names().iter().any(|c| c.as_str() == column);
    let hedges =
        present(columns::HEDGE_PER_1K_OWN).then(|| numbers(features, columns::HEDGE_PER_1K_OWN)).transpose()?;
    let credits = present(columns::MEDIA_CREDITS).then(|| numbers(features, columns::MEDIA_CREDITS)).transpose()?;
    for row in &mut bars.rows {
        if let Some(i) = names.iter().position(|n| *n == row.label) {
            if let Some(hedges) = &hedges {
                row.note = format!("{} · {:.1} hedges", row.note, hedges[i].unwrap_or(0.0));
            }
            if let Some(credits) = &credits {
                row.note = format!("{} · {:.0} credits", row.note, credits[i].unwrap_or(0.0));
            }
        }
    }
    Ok(Ok(bars))
}

/// Facts (rows) by outlet (columns): how often each outlet reports each fact of the story.
pub fn coverage(frame: &DataFrame) -> PolarsResult<Prepared<Heatmap>> {
    let (outlet, fact) = (strings(frame, columns::OUTLET)?, strings(frame, columns::FACT)?);
    let mentions = numbers(frame, columns::MENTIONS)?;
    if outlet.is_empty() {
        return Ok(Err("the lexicons define no facts to look for, so there is no coverage matrix".into()));
    }
    let mut outlets: Vec<&String> = Vec::new();
    let mut facts: Vec<&String> = Vec::new();
    for i in 0..outlet.len() {
        if !outlets.contains(&&outlet[i]) {
            outlets.push(&outlet[i]);
        }
        if !facts.contains(&&fact[i]) {
            facts.push(&fact[i]);
        }
    }
    if facts.len() > MAX_ROWS || outlets.len() > MAX_ROWS {
        return Ok(Err("too many facts or outlets to draw (see coverage.csv)".into()));
    }
    let cell = |f: &String, o: &String| {
        (0..outlet.len()).find(|&i| &outlet[i] == o && &fact[i] == f).and_then(|i| mentions[i])
    };
    Ok(Ok(Heatmap {
        title: "Coverage of facts".into(),
        subtitle: "mentions of each fact of the story, by outlet (0: the outlet leaves it out)".into(),
        rows: facts.iter().map(|f| f.replace('_', " ")).collect(),
        columns: outlets.iter().map(|o| short_name(o)).collect(),
        values: facts.iter().map(|f| outlets.iter().map(|o| cell(f, o)).collect()).collect(),
        digits: 0,
    }))
}

/// The PCA map with cluster colours.
pub fn framing_map(c: &Comparison) -> Prepared<FramingMap> {
    let map = c.map.as_ref().ok_or("no map (see the notes)")?;
    let clusters = c.kmeans.as_ref().map(|k| &k.labels);
    let points = c
        .matrix
        .names
        .iter()
        .enumerate()
        .map(|(i, n)| (short_name(n), map.coords[i].0, map.coords[i].1, clusters.map(|l| l[i])))
        .collect();
    Ok(FramingMap {
        title: "Framing map".into(),
        subtitle: format!(
            "{} on the first two principal components of {} standardised features",
            unit(c),
            c.matrix.columns.len()
        ),
        axes: (
            format!("PC1 ({:.0}% of variance)", map.explained.0 * 100.0),
            format!("PC2 ({:.0}% of variance)", map.explained.1 * 100.0),
        ),
        points,
    })
}

fn unit(c: &Comparison) -> &'static str {
    match c.options.level {
        Level::Outlet => "outlets",
        Level::Article => "articles",
    }
}

/// The hierarchical merge tree, leaves coloured by the cut clusters.
pub fn dendrogram(c: &Comparison) -> Prepared<Dendrogram> {
    if c.tree.is_empty() || c.kmeans.is_none() {
        return Err("no hierarchical clustering (see the notes)".into());
    }
    if c.matrix.rows() > MAX_ROWS {
        return Err(format!("{} rows are too many to label in a dendrogram", c.matrix.rows()));
    }
    Ok(Dendrogram {
        title: "Hierarchical clustering".into(),
        subtitle: format!("{}; the dashed line cuts the tree into the k-means number of clusters", unit(c)),
        names: c.matrix.names.iter().map(|n| short_name(n)).collect(),
        steps: c.tree.clone(),
        clusters: c.hierarchical.clone(),
    })
}

/// Euclidean distances between outlets on standardised features, values in the cells.
pub fn distance_heatmap(c: &Comparison) -> Prepared<Heatmap> {
    let n = c.matrix.rows();
    if n < 2 || c.matrix.columns.is_empty() {
        return Err("fewer than two rows or no varying feature".into());
    }
    if n > MAX_ROWS {
        return Err(format!("{n} rows are too many for a heatmap (see distances.csv)"));
    }
    let names: Vec<String> = c.matrix.names.iter().map(|s| short_name(s)).collect();
    Ok(Heatmap {
        title: "Distances between outlets".into(),
        subtitle: "Euclidean distance on standardised features (darker = frames the story more differently)".into(),
        rows: names.clone(),
        columns: names,
        values: (0..n).map(|i| (0..n).map(|j| Some(c.euclidean[[i, j]])).collect()).collect(),
        digits: 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(row: &str, segment: &str, n: f64) -> (String, String, f64) {
        (row.into(), segment.into(), n)
    }

    #[test]
    fn stacked_orders_segments_by_total_and_notes_counts() {
        let bars = stacked(
            "t",
            "s",
            &[
                entry("A", "x", 1.0),
                entry("A", "y", 3.0),
                entry("B", "x", 1.0),
                entry("C", "y", 0.0),
                entry("C", "z", 0.0),
            ],
            "mentions",
        );
        assert_eq!(bars.segments, vec!["y", "x"], "z is used by nobody");
        assert_eq!(bars.rows[0].values, vec![3.0, 1.0]);
        assert_eq!(bars.rows[0].note, "n = 4 mentions");
        assert_eq!(bars.rows[2].note, "no mentions");
    }

    #[test]
    fn too_many_outlets_is_a_note_not_an_unreadable_chart() {
        use crate::table::FrameBuilder;
        let outlets: Vec<String> = (0..=MAX_ROWS).map(|i| format!("Outlet {i}")).collect();
        let frame = FrameBuilder::default()
            .text("level", &vec!["group"; outlets.len()])
            .text("outlet", &outlets)
            .text("group", &vec!["government"; outlets.len()])
            .count("words", vec![10; outlets.len()])
            .build();
        assert!(voices(&frame).unwrap().unwrap_err().contains("too many outlets"));
        let fewer = FrameBuilder::default()
            .text("level", &["group", "group"])
            .text("outlet", &["A", "B"])
            .text("group", &["government", "military"])
            .count("words", vec![10, 5])
            .build();
        assert_eq!(voices(&fewer).unwrap().unwrap().rows.len(), 2);
    }

    #[test]
    fn segments_past_the_palette_fold_into_other() {
        let entries: Vec<_> = (0..10).map(|i| entry("A", &format!("s{i}"), f64::from(10 - i))).collect();
        let bars = stacked("t", "s", &entries, "words");
        assert_eq!(bars.segments.len(), PALETTE.len());
        assert_eq!(bars.segments.last().unwrap(), "other");
        assert_eq!(bars.rows[0].values.last(), Some(&(3.0 + 2.0 + 1.0)));
    }
}
