//! Chart data with uncertainty, from the `outlet_intervals` and `differences` tables: the share
//! and rate charts as dots with 95% whiskers, and the forest plot of the differences that
//! survive the tests. A chart is only offered when at least one whisker can be drawn; otherwise
//! the caller keeps the stacked bars.

use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::{DataFrame, PolarsResult};

use super::Prepared;
use super::canvas::short_name;
use super::dots::{Dot, DotRow, IntervalDots, Panel, Scale};
use crate::columns;
use crate::compare::{numbers, strings};

/// Most panels in one chart (more would be too narrow to read); the rest are in the table.
pub const MAX_PANELS: usize = 6;

/// Most differences in the forest plot; the rest are in `differences.csv`.
pub const MAX_DIFFERENCES: usize = 20;

/// The `outlet_intervals` table by outlet and feature.
#[derive(Debug, Clone, Default)]
pub struct Intervals {
    cells: BTreeMap<(String, String), (Dot, u64)>,
    outlets: Vec<String>,
}

impl Intervals {
    /// Read the long table (outlet, feature, value, low, high, articles).
    pub fn from_table(frame: &DataFrame) -> PolarsResult<Intervals> {
        let (outlet, feature) = (strings(frame, columns::OUTLET)?, strings(frame, columns::FEATURE)?);
        let (value, low, high) =
            (numbers(frame, columns::VALUE)?, numbers(frame, columns::LOW)?, numbers(frame, columns::HIGH)?);
        let articles = numbers(frame, columns::ARTICLES)?;
        let mut out = Intervals::default();
        for i in 0..outlet.len() {
            let Some(v) = value[i] else { continue };
            if !out.outlets.contains(&outlet[i]) {
                out.outlets.push(outlet[i].clone());
            }
            let bounds = low[i].zip(high[i]);
            let n = articles[i].unwrap_or(0.0) as u64;
            out.cells.insert((outlet[i].clone(), feature[i].clone()), (Dot { value: v, bounds }, n));
        }
        Ok(out)
    }

    fn get(&self, outlet: &str, feature: &str) -> Option<(Dot, u64)> {
        self.cells.get(&(outlet.to_string(), feature.to_string())).copied()
    }

    /// The interval of one outlet's feature, when there is one.
    pub fn bounds(&self, outlet: &str, feature: &str) -> Option<(f64, f64)> {
        self.get(outlet, feature).and_then(|(d, _)| d.bounds)
    }

    /// Feature names with any value, in name order.
    fn features(&self) -> BTreeSet<&str> {
        self.cells.keys().map(|(_, f)| f.as_str()).collect()
    }

    /// `features` ordered by their mean value over outlets, largest first, at most `keep`;
    /// features that are 0 everywhere are left out (no outlet uses the label, group or class).
    fn largest(&self, features: Vec<String>, keep: usize) -> Vec<String> {
        let mean = |f: &str| {
            let values: Vec<f64> = self.outlets.iter().filter_map(|o| self.get(o, f)).map(|(d, _)| d.value).collect();
            values.iter().sum::<f64>() / values.len().max(1) as f64
        };
        let mut ranked: Vec<(f64, String)> =
            features.into_iter().map(|f| (mean(&f), f)).filter(|(m, _)| *m > 0.0).collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.into_iter().take(keep).map(|(_, f)| f).collect()
    }
}

/// A row of the grid: its label, its outlet, and what goes in the `{voice}` of its features.
struct RowSpec {
    label: String,
    outlet: String,
    voice: &'static str,
}

/// Dots for `rows` × `panels`, the feature of a cell given by `feature(panel, voice)`; `None`
/// when no cell has an interval.
fn grid(
    iv: &Intervals,
    (title, subtitle): (String, String),
    panels: Vec<Panel>,
    rows: Vec<RowSpec>,
    feature: impl Fn(usize, &str) -> String,
) -> Option<IntervalDots> {
    let rows: Vec<DotRow> = rows
        .into_iter()
        .filter_map(|r| {
            let cells: Vec<Option<(Dot, u64)>> =
                (0..panels.len()).map(|p| iv.get(&r.outlet, &feature(p, r.voice))).collect();
            let articles = cells.iter().flatten().map(|c| c.1).max()?;
            let mut note = if articles == 1 { "1 article".to_string() } else { format!("{articles} articles") };
            if cells.iter().flatten().all(|c| c.0.bounds.is_none()) {
                note.push_str(", no interval");
            }
            Some(DotRow { label: r.label, cells: cells.into_iter().map(|c| c.map(|c| c.0)).collect(), note })
        })
        .collect();
    let whiskers = rows.iter().flat_map(|r| &r.cells).flatten().any(|d| d.bounds.is_some());
    (whiskers && !panels.is_empty()).then_some(IntervalDots { title, subtitle, panels, rows })
}

fn outlet_rows(iv: &Intervals) -> Vec<RowSpec> {
    iv.outlets.iter().map(|o| RowSpec { label: short_name(o), outlet: o.clone(), voice: "own" }).collect()
}

fn of_how_many(shown: usize, all: usize, what: &str) -> String {
    if all > shown { format!("; the {shown} largest of {all} {what}") } else { String::new() }
}

/// One concept's label shares, own voice and quoted, with intervals.
pub fn word_choice(iv: &Intervals, concept: &str) -> Option<IntervalDots> {
    let prefix = format!("wc__{concept}__");
    let mut slugs: Vec<String> = Vec::new();
    let mut quoted = false;
    for feature in iv.features() {
        let Some(rest) = feature.strip_prefix(&prefix) else { continue };
        let (slug, voice) = if let Some(s) = rest.strip_suffix("__own_share") {
            (s, "own")
        } else if let Some(s) = rest.strip_suffix("__quoted_share") {
            (s, "quoted")
        } else {
            continue;
        };
        quoted |= voice == "quoted";
        if !slugs.iter().any(|x| x == slug) {
            slugs.push(slug.to_string());
        }
    }
    let own = |slug: &str| columns::label_share(concept, slug, "own");
    let used = iv.largest(slugs.iter().map(|s| own(s)).collect(), usize::MAX);
    let all = used.len();
    let ranked: Vec<String> = used.into_iter().take(MAX_PANELS).collect();
    let slugs: Vec<String> =
        ranked.iter().map(|f| f[prefix.len()..f.len() - "__own_share".len()].to_string()).collect();
    let panels = slugs.iter().map(|s| Panel { title: s.replace('_', " "), scale: Scale::Share }).collect();
    let mut rows = Vec::new();
    for o in &iv.outlets {
        rows.push(RowSpec { label: format!("{} (own)", short_name(o)), outlet: o.clone(), voice: "own" });
        if quoted {
            rows.push(RowSpec { label: format!("{} (quoted)", short_name(o)), outlet: o.clone(), voice: "quoted" });
        }
    }
    let title = format!("Word choice: {}", concept.replace('_', " "));
    let subtitle = format!(
        "share of each label among the concept's mentions, with 95% intervals{}",
        of_how_many(slugs.len(), all, "labels")
    );
    grid(iv, (title, subtitle), panels, rows, |p, voice| columns::label_share(concept, &slugs[p], voice))
}

/// Features named `{prefix}{name}{suffix}`, as (feature, name).
fn family(iv: &Intervals, prefix: &str, suffix: &str) -> Vec<String> {
    iv.features()
        .into_iter()
        .filter(|f| f.len() > prefix.len() + suffix.len() && f.starts_with(prefix) && f.ends_with(suffix))
        .map(str::to_string)
        .collect()
}

fn middle<'a>(feature: &'a str, prefix: &str, suffix: &str) -> &'a str {
    &feature[prefix.len()..feature.len() - suffix.len()]
}

/// Shares of attributed words by speaker group.
pub fn voices(iv: &Intervals) -> Option<IntervalDots> {
    let (prefix, suffix) = ("voice__", "__words_share");
    let used = iv.largest(family(iv, prefix, suffix), usize::MAX);
    let all = used.len();
    let shown: Vec<String> = used.into_iter().take(MAX_PANELS).collect();
    let panels = shown
        .iter()
        .map(|f| Panel { title: middle(f, prefix, suffix).replace('_', " "), scale: Scale::Share })
        .collect();
    let subtitle = format!(
        "share of attributed words by speaker group, with 95% intervals{}",
        of_how_many(shown.len(), all, "groups")
    );
    grid(iv, ("Quoted voices".into(), subtitle), panels, outlet_rows(iv), |p, _| shown[p].clone())
}

/// Cue-class shares of attributions, hedges per 1,000 own words and the share of media credits.
pub fn attribution(iv: &Intervals) -> Option<IntervalDots> {
    let (prefix, suffix) = ("att_cue__", "_share");
    let mut shown = iv.largest(family(iv, prefix, suffix), MAX_PANELS - 2);
    let mut panels: Vec<Panel> = shown
        .iter()
        .map(|f| Panel { title: format!("{} cues", middle(f, prefix, suffix)), scale: Scale::Share })
        .collect();
    for (feature, title, scale) in [
        (columns::HEDGE_PER_1K_OWN, "hedges per 1,000 own words", Scale::Rate),
        (columns::MEDIA_CREDITED_SHARE, "credited to other media", Scale::Share),
    ] {
        if iv.features().contains(feature) {
            shown.push(feature.to_string());
            panels.push(Panel { title: title.into(), scale });
        }
    }
    let subtitle = "share of attributions by reporting-cue class, hedges and media credits, with 95% intervals";
    grid(iv, ("Attribution style".into(), subtitle.into()), panels, outlet_rows(iv), |p, _| shown[p].clone())
}

/// Own-voice loaded language per 1,000 words, in all and by class.
pub fn loaded(iv: &Intervals) -> Option<IntervalDots> {
    let (prefix, suffix) = ("loaded__", "__per_1k_own");
    let total = columns::loaded_per_1k(None, "own");
    let mut shown: Vec<String> = Vec::new();
    let mut panels = Vec::new();
    if iv.features().contains(total.as_str()) {
        shown.push(total);
        panels.push(Panel { title: "all loaded language".into(), scale: Scale::Rate });
    }
    for f in iv.largest(family(iv, prefix, suffix), MAX_PANELS - shown.len()) {
        panels.push(Panel { title: middle(&f, prefix, suffix).replace('_', " "), scale: Scale::Rate });
        shown.push(f);
    }
    let subtitle = "own voice: flags per 1,000 words, in all and by class, with 95% intervals";
    grid(iv, ("Loaded language".into(), subtitle.into()), panels, outlet_rows(iv), |p, _| shown[p].clone())
}

/// Own-voice names after a courtesy title and after a title of office per 1,000 words, and the
/// courtesy share of titled names.
pub fn naming(iv: &Intervals) -> Option<IntervalDots> {
    let (prefix, suffix) = ("naming__", "__per_1k_own");
    let mut shown = family(iv, prefix, suffix);
    let mut panels: Vec<Panel> = shown
        .iter()
        .map(|f| Panel {
            title: format!("{} per 1,000 words", naming_form(middle(f, prefix, suffix))),
            scale: Scale::Rate,
        })
        .collect();
    if iv.features().contains(columns::NAMING_COURTESY_SHARE_OWN) {
        shown.push(columns::NAMING_COURTESY_SHARE_OWN.to_string());
        panels.push(Panel { title: "courtesy share of titled names".into(), scale: Scale::Share });
    }
    let subtitle = "own voice: names after a courtesy title or a title of office, with 95% intervals";
    grid(iv, ("Naming".into(), subtitle.into()), panels, outlet_rows(iv), |p, _| shown[p].clone())
}

/// A form of naming as a reader says it: `courtesy` is "courtesy titles", `title` "titles of office".
fn naming_form(form: &str) -> &'static str {
    if form == "courtesy" { "courtesy titles" } else { "titles of office" }
}

/// A feature name as a reader says it: `wc__trade__free_trade__own_share` becomes
/// "trade: free trade (own)".
pub fn feature_label(feature: &str) -> String {
    let words = |s: &str| s.replace('_', " ");
    let parts: Vec<&str> = feature.split("__").collect();
    match parts.as_slice() {
        ["wc", concept, label, share] => {
            format!("{}: {} ({})", words(concept), words(label), share.trim_end_matches("_share"))
        }
        ["voice", group, "words_share"] => format!("words quoted from {}", words(group)),
        ["att_cue", class] => format!("{} cues", words(class.trim_end_matches("_share"))),
        ["loaded", class, rate] => format!("{} per 1k words ({})", words(class), rate.trim_start_matches("per_1k_")),
        ["naming", form, rate] => {
            format!("{} per 1k words ({})", naming_form(form), rate.trim_start_matches("per_1k_"))
        }
        ["naming_courtesy_share_own"] => "courtesy titles among titled names (own)".into(),
        ["cov", fact] => format!("articles reporting {}", words(fact.trim_end_matches("_share"))),
        ["tone", actor, voice] => format!("tone toward {} ({})", words(actor), words(voice)),
        ["agency", event, class] => format!("{}: {}", words(event), words(class.trim_end_matches("_share"))),
        _ => parts.iter().map(|p| words(p)).collect::<Vec<_>>().join(": "),
    }
}

/// Longest feature name in a forest-plot row; longer ones are cut, so rows leave room for the plot.
const FEATURE_CHARS: usize = 40;

fn cut(text: &str) -> String {
    if text.chars().count() <= FEATURE_CHARS {
        return text.to_string();
    }
    text.chars().take(FEATURE_CHARS - 1).chain(std::iter::once('…')).collect()
}

/// The forest plot: differences with q < `alpha`, strongest (smallest q, then largest effect)
/// first, one panel per kind of number (shares, rates, means).
pub fn forest(differences: &DataFrame, alpha: f64) -> PolarsResult<Prepared<IntervalDots>> {
    let (feature, outlet, versus) = (
        strings(differences, columns::FEATURE)?,
        strings(differences, columns::OUTLET)?,
        strings(differences, columns::VERSUS)?,
    );
    let measure = strings(differences, columns::EFFECT_MEASURE)?;
    let (difference, low, high) = (
        numbers(differences, columns::DIFFERENCE)?,
        numbers(differences, columns::LOW)?,
        numbers(differences, columns::HIGH)?,
    );
    let (q, effect) = (numbers(differences, columns::Q)?, numbers(differences, columns::EFFECT_SIZE)?);
    let mut found: Vec<usize> = (0..feature.len()).filter(|&i| q[i].is_some_and(|q| q < alpha)).collect();
    if found.is_empty() {
        return Ok(Err(format!("no difference has q < {alpha}")));
    }
    found.sort_by(|&a, &b| {
        let strength = |i: usize| effect[i].map_or(0.0, f64::abs);
        q[a].unwrap_or(1.0).total_cmp(&q[b].unwrap_or(1.0)).then(strength(b).total_cmp(&strength(a)))
    });
    let total = found.len();
    found.truncate(MAX_DIFFERENCES);
    let kind = |i: usize| {
        if measure[i] == "cohen_h" {
            0
        } else if feature[i].contains("per_1k") {
            1
        } else {
            2
        }
    };
    let kinds: BTreeSet<usize> = found.iter().map(|&i| kind(i)).collect();
    let all_panels = [
        Panel { title: "shares (percentage points)".into(), scale: Scale::Difference { percent: true } },
        Panel { title: "rates (per 1,000 words)".into(), scale: Scale::Difference { percent: false } },
        Panel { title: "means".into(), scale: Scale::Difference { percent: false } },
    ];
    let order: Vec<usize> = kinds.into_iter().collect();
    let panels = order.iter().map(|&k| all_panels[k].clone()).collect();
    let rows = found
        .iter()
        .map(|&i| {
            let dot = difference[i].map(|value| Dot { value, bounds: low[i].zip(high[i]) });
            let mut cells = vec![None; order.len()];
            cells[order.iter().position(|&k| k == kind(i)).expect("kind listed")] = dot;
            let label = format!("{} · {} vs {}", cut(&feature_label(&feature[i])), short_name(&outlet[i]), versus[i]);
            let q = q[i].unwrap_or(1.0);
            let note = if q < 0.001 { "q < 0.001".to_string() } else { format!("q = {q:.3}") };
            DotRow { label, cells, note }
        })
        .collect();
    let subtitle = format!(
        "difference (outlet minus the other side) with its 95% interval; {} of {total} differences with q < {alpha}",
        found.len().min(total)
    );
    Ok(Ok(IntervalDots { title: "Outlet differences".into(), subtitle, panels, rows }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::FrameBuilder;

    type Row<'a> = (&'a str, &'a str, f64, Option<(f64, f64)>, u64);

    fn intervals(rows: &[Row]) -> Intervals {
        let frame = FrameBuilder::default()
            .text(columns::OUTLET, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
            .text(columns::FEATURE, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
            .measure(columns::VALUE, rows.iter().map(|r| Some(r.2)).collect())
            .measure(columns::LOW, rows.iter().map(|r| r.3.map(|b| b.0)).collect())
            .measure(columns::HIGH, rows.iter().map(|r| r.3.map(|b| b.1)).collect())
            .count(columns::ARTICLES, rows.iter().map(|r| r.4).collect())
            .build();
        Intervals::from_table(&frame).unwrap()
    }

    #[test]
    fn word_choice_dots_show_used_labels_in_both_voices_and_need_a_whisker() {
        let iv = intervals(&[
            ("A", "wc__strike__killing__own_share", 0.75, Some((0.5, 1.0)), 6),
            ("A", "wc__strike__assassination__own_share", 0.25, Some((0.0, 0.5)), 6),
            ("A", "wc__strike__raid__own_share", 0.0, Some((0.0, 0.0)), 6),
            ("A", "wc__strike__killing__quoted_share", 1.0, None, 1),
            ("B", "wc__strike__killing__own_share", 0.5, None, 1),
            ("B", "wc__other__x__own_share", 1.0, Some((1.0, 1.0)), 4),
        ]);
        let dots = word_choice(&iv, "strike").unwrap();
        let titles: Vec<&str> = dots.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(titles, ["killing", "assassination"], "largest first; never-used raid left out");
        let labels: Vec<&str> = dots.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(labels, ["A (own)", "A (quoted)", "B (own)"], "B has no quoted value, so no quoted row");
        assert_eq!(dots.rows[0].cells[0], Some(Dot { value: 0.75, bounds: Some((0.5, 1.0)) }));
        assert_eq!(dots.rows[2].note, "1 article, no interval");
        let no_whiskers = intervals(&[("B", "wc__strike__killing__own_share", 0.5, None, 1)]);
        assert!(word_choice(&no_whiskers, "strike").is_none(), "stacked bars stay when nothing has an interval");
    }

    fn differences(rows: &[(&str, &str, f64, f64, &str)]) -> DataFrame {
        FrameBuilder::default()
            .text(columns::FEATURE, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
            .text(columns::OUTLET, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
            .text(columns::VERSUS, &vec!["rest"; rows.len()])
            .measure(columns::DIFFERENCE, rows.iter().map(|r| Some(r.2)).collect())
            .measure(columns::LOW, rows.iter().map(|r| Some(r.2 - 0.1)).collect())
            .measure(columns::HIGH, rows.iter().map(|r| Some(r.2 + 0.1)).collect())
            .measure(columns::Q, rows.iter().map(|r| Some(r.3)).collect())
            .measure(columns::EFFECT_SIZE, rows.iter().map(|r| Some(r.2 * 2.0)).collect())
            .text(columns::EFFECT_MEASURE, &rows.iter().map(|r| r.4).collect::<Vec<_>>())
            .build()
    }

    #[test]
    fn the_forest_plot_holds_only_surviving_differences_each_in_its_kind_of_panel() {
        let frame = differences(&[
            ("quoted_share", "A", -0.2, 0.01, "cohen_h"),
            ("hedge_per_1k_own", "B", 1.5, 0.004, "cohen_d"),
            ("voice__police__words_share", "C", 0.3, 0.01, "cohen_h"),
            ("media_wire_share", "A", 0.9, 0.2, "cohen_h"),
        ]);
        let forest = forest(&frame, 0.05).unwrap().unwrap();
        let panels: Vec<&str> = forest.panels.iter().map(|p| p.title.as_str()).collect();
        assert_eq!(panels, ["shares (percentage points)", "rates (per 1,000 words)"]);
        let labels: Vec<&str> = forest.rows.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(
            labels,
            ["hedge per 1k own · B vs rest", "words quoted from police · C vs rest", "quoted share · A vs rest"],
            "smallest q first, then the larger effect; q = 0.2 left out"
        );
        assert_eq!(forest.rows[0].cells, vec![None, Some(Dot { value: 1.5, bounds: Some((1.4, 1.6)) })]);
        assert_eq!(forest.rows[0].note, "q = 0.004");
        assert!(super::forest(&frame, 0.001).unwrap().is_err(), "nothing below 0.001: no chart");
    }

    #[test]
    fn feature_names_read_as_words() {
        assert_eq!(feature_label("wc__trade__free_trade__own_share"), "trade: free trade (own)");
        assert_eq!(feature_label("att_cue__distancing_share"), "distancing cues");
        assert_eq!(feature_label("loaded__attack_verb__per_1k_own"), "attack verb per 1k words (own)");
        assert_eq!(feature_label("tone__iraqi_government__own"), "tone toward iraqi government (own)");
        assert_eq!(feature_label("cov__oil_price_share"), "articles reporting oil price");
    }
}
