//! The comparison files of a report: `clusters`, `distances`, `merge_tree`, `cluster_stability`
//! tables, `comparison.json` (options, seed, k and its silhouettes, explained variance, notes)
//! and the charts under `charts/`. Works on the run's tables in memory ([`RunTables`]): `report`
//! hands over what the pipeline built; `compare` reads them from a report folder first.

use crate::columns;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use serde::Serialize;

use super::write::{Formats, ReportError, write_table_as};
use crate::chart::uncertainty::{self, Intervals};
use crate::chart::{self, ChartFormat, ChartSize, Shares, StackedBars, prepare};
use crate::compare::{self, CompareInput, CompareOptions, Comparison, Level, MAX_DISTANCE_ROWS, groups_present};
use crate::table::RunTables;

/// The comparison's tables.
pub const COMPARISON_TABLES: &[&str] = &["clusters", "distances", "merge_tree", "cluster_stability"];

/// Whether `file` (relative to a report folder) is one that a comparison writes: a chart,
/// `comparison.json` or a comparison table. `compare` replaces exactly these.
pub fn is_comparison_file(file: &str) -> bool {
    let stem = file.split('.').next().unwrap_or_default();
    file.starts_with("charts/") || file == "comparison.json" || COMPARISON_TABLES.contains(&stem)
}

/// How to compare and draw.
#[derive(Debug, Clone)]
pub struct CompareSettings {
    /// Comparison options.
    pub options: CompareOptions,
    /// Chart image format.
    pub format: ChartFormat,
    /// Chart size.
    pub size: ChartSize,
    /// The q-value below which a difference goes into the forest plot.
    pub alpha: f64,
}

impl Default for CompareSettings {
    fn default() -> Self {
        CompareSettings {
            options: CompareOptions::default(),
            format: ChartFormat::default(),
            size: ChartSize::default(),
            alpha: 0.05,
        }
    }
}

/// A chart that was written, or skipped with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOutcome {
    /// Short name, e.g. `framing_map` or `word_choice_soleimani_strike`.
    pub name: String,
    /// Path relative to the report folder, when written.
    pub file: Option<String>,
    /// Why it was not drawn, when skipped.
    pub skipped: Option<String>,
}

/// What the comparison produced, for the report text.
#[derive(Debug, Clone)]
pub struct ComparisonFiles {
    /// The comparison itself.
    pub comparison: Comparison,
    /// Every chart, written or skipped.
    pub charts: Vec<ChartOutcome>,
    /// Attribution-style chart data (for findings), when there were attributions.
    pub attribution: Option<StackedBars>,
    /// Feature groups present in the features table.
    pub groups: Vec<String>,
    /// Every file written, relative to the folder (tables, `comparison.json`, charts).
    pub written: Vec<String>,
}

/// A comparison could not be made or written.
#[derive(Debug, thiserror::Error)]
pub enum CompareFilesError {
    /// A table could not be read.
    #[error(transparent)]
    Load(#[from] compare::LoadError),
    /// A table had an unexpected shape.
    #[error("table {table}: {message}")]
    Table {
        /// The table.
        table: String,
        /// What was wrong.
        message: String,
    },
    /// A file could not be written.
    #[error(transparent)]
    Write(#[from] ReportError),
    /// A chart could not be drawn.
    #[error(transparent)]
    Chart(#[from] chart::ChartError),
    /// An option named something that does not exist.
    #[error("{0}")]
    Option(String),
}

impl CompareFilesError {
    /// What to do about it.
    pub fn fix(&self) -> &str {
        match self {
            CompareFilesError::Load(e) => e.fix(),
            CompareFilesError::Table { .. } => "extract the report again with this version of framelens",
            CompareFilesError::Write(e) => e.fix(),
            CompareFilesError::Chart(e) => e.fix(),
            CompareFilesError::Option(_) => "see `framelens compare --help` for the choices",
        }
    }
}

fn shape(table: &str) -> impl Fn(polars::error::PolarsError) -> CompareFilesError + '_ {
    move |e| CompareFilesError::Table { table: table.to_string(), message: e.to_string() }
}

/// Compare the rows of `tables`, and write the comparison tables (as `formats` says), the
/// summary and the charts into `dir`.
pub fn write_comparison(
    dir: &Path,
    settings: &CompareSettings,
    tables: &RunTables,
    formats: Formats,
) -> Result<ComparisonFiles, CompareFilesError> {
    let options = &settings.options;
    let (features_name, key, wc_name) = match options.level {
        Level::Outlet => ("outlet_features", "outlet", "word_choice"),
        Level::Article => ("article_features", "article", "article_word_choice"),
    };
    let article_level = || {
        tables
            .article_level
            .as_ref()
            .ok_or_else(|| CompareFilesError::Option("an article-level comparison needs the per-article tables".into()))
    };
    let (features, word_choice) = match options.level {
        Level::Outlet => (&tables.outlet_features, &tables.word_choice),
        Level::Article => (&tables.article_features, &article_level()?.word_choice),
    };
    let rows = compare::feature_table(features, key).map_err(shape(features_name))?;
    let groups = groups_present(&rows);
    if let Some(unknown) = options.groups.iter().find(|g| !groups.contains(g)) {
        return Err(CompareFilesError::Option(format!(
            "unknown feature group `{unknown}` in --groups (this report has: {})",
            groups.join(", ")
        )));
    }
    let label_counts = compare::own_label_counts(word_choice, key, &rows.names).map_err(shape(wc_name))?;
    let articles = match options.level {
        Level::Outlet => Some(
            compare::feature_table(&tables.article_features, columns::ARTICLE).map_err(shape("article_features"))?,
        ),
        Level::Article => None,
    };
    let stories = match options.level {
        Level::Article => {
            let by_id = compare::article_stories(&article_level()?.articles).map_err(shape("articles"))?;
            Some(rows.names.iter().map(|id| by_id.get(id).cloned().unwrap_or_default()).collect::<Vec<_>>())
        }
        Level::Outlet => None,
    };
    let stories = stories.filter(|s| s.iter().any(|x| !x.is_empty()));
    let input = CompareInput { rows, label_counts, articles, stories };
    let comparison = compare::compare(&input, options);
    let mut written = write_tables(dir, &comparison, formats)?;
    write_summary(dir, &comparison)?;
    written.push("comparison.json".into());
    let (charts, attribution) = write_charts(dir, &comparison, settings, tables)?;
    written.extend(charts.iter().filter_map(|c| c.file.clone()));
    Ok(ComparisonFiles { comparison, charts, attribution, groups, written })
}

/// The comparison's tables; returns the files written.
fn write_tables(dir: &Path, c: &Comparison, formats: Formats) -> Result<Vec<String>, ReportError> {
    let mut tables = vec![("clusters", compare::clusters_table(c))];
    if c.matrix.rows() <= MAX_DISTANCE_ROWS {
        tables.push(("distances", compare::distances_table(c)));
    }
    tables.push(("merge_tree", compare::merge_tree_table(c)));
    if let Some(stability) = compare::stability_table(c) {
        tables.push(("cluster_stability", stability));
    }
    let mut written = Vec::new();
    for (name, mut frame) in tables {
        write_table_as(dir, name, &mut frame, formats)?;
        written.extend(formats.files(name));
    }
    Ok(written)
}

/// `comparison.json`: everything needed to read and reproduce the clustering.
#[derive(Serialize)]
struct Summary<'a> {
    options: &'a CompareOptions,
    rows: usize,
    features_used: &'a [String],
    features_constant: &'a [String],
    features_imputed: BTreeMap<&'a str, usize>,
    k: Option<usize>,
    silhouette: Option<f64>,
    silhouette_by_k: Vec<(usize, f64)>,
    pca_explained_variance: Option<(f64, f64)>,
    bootstrap_rounds: Option<usize>,
    adjusted_rand_index_vs_outlet: Option<f64>,
    adjusted_rand_index_vs_story: Option<f64>,
    notes: &'a [String],
}

/// Round for JSON so that the file does not change with the last bits of floating point.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn write_summary(dir: &Path, c: &Comparison) -> Result<(), ReportError> {
    let summary = Summary {
        options: &c.options,
        rows: c.matrix.rows(),
        features_used: &c.matrix.columns,
        features_constant: &c.matrix.constant,
        features_imputed: c.matrix.imputed.iter().map(|(n, k)| (n.as_str(), *k)).collect(),
        k: c.kmeans.as_ref().map(|k| k.k),
        silhouette: c.kmeans.as_ref().and_then(|k| k.silhouette).map(round6),
        silhouette_by_k: c
            .kmeans
            .as_ref()
            .map_or(Vec::new(), |k| k.tried.iter().map(|(k, s)| (*k, round6(*s))).collect()),
        pca_explained_variance: c.map.as_ref().map(|m| (round6(m.explained.0), round6(m.explained.1))),
        bootstrap_rounds: c.stability.as_ref().map(|s| s.rounds),
        adjusted_rand_index_vs_outlet: c.outlet_agreement.map(round6),
        adjusted_rand_index_vs_story: c.story_agreement.map(round6),
        notes: &c.notes,
    };
    let path = dir.join("comparison.json");
    let text = serde_json::to_string_pretty(&summary).expect("summary serialises") + "\n";
    fs::write(&path, text).map_err(|e| ReportError::write(&path, e))
}

type ChartsAndAttribution = (Vec<ChartOutcome>, Option<StackedBars>);

fn write_charts(
    dir: &Path,
    c: &Comparison,
    settings: &CompareSettings,
    tables: &RunTables,
) -> Result<ChartsAndAttribution, CompareFilesError> {
    let folder = dir.join("charts");
    fs::create_dir_all(&folder).map_err(|e| ReportError::write(&folder, e))?;
    let mut out = Charts { dir, settings, outcomes: Vec::new() };
    let mut attribution = None;
    if c.options.level == Level::Outlet {
        let iv = match &tables.outlet_intervals {
            Some(frame) => Intervals::from_table(frame).map_err(shape("outlet_intervals"))?,
            None => Intervals::default(),
        };
        for (concept, chart) in prepare::word_choice(&tables.word_choice).map_err(shape("word_choice"))? {
            out.draw(
                &format!("word_choice_{concept}"),
                with_whiskers(chart, || uncertainty::word_choice(&iv, &concept)),
            )?;
        }
        let features = &tables.outlet_features;
        out.draw("loadedness", prepare::loadedness(features, &iv).map_err(shape("outlet_features"))?)?;
        let voices = prepare::voices(&tables.voices).map_err(shape("voices"))?;
        out.draw("voices", with_whiskers(voices, || uncertainty::voices(&iv)))?;
        let prepared = prepare::attribution(&tables.attribution, features).map_err(shape("attribution"))?;
        attribution = prepared.as_ref().ok().cloned();
        out.draw("attribution_style", with_whiskers(prepared, || uncertainty::attribution(&iv)))?;
        if let Some(loaded) = &tables.loaded {
            let prepared = prepare::loaded(loaded).map_err(shape("loaded"))?;
            out.draw("loaded_language", with_whiskers(prepared, || uncertainty::loaded(&iv)))?;
        }
        if let Some(naming) = &tables.naming {
            let prepared = prepare::naming(naming).map_err(shape("naming"))?;
            out.draw("naming", with_whiskers(prepared, || uncertainty::naming(&iv)))?;
        }
        if let Some(differences) = &tables.differences {
            let forest = uncertainty::forest(differences, settings.alpha).map_err(shape("differences"))?;
            out.draw("outlet_differences", forest)?;
        }
    }
    out.draw("framing_map", prepare::framing_map(c))?;
    out.draw("dendrogram", prepare::dendrogram(c))?;
    if c.options.level == Level::Outlet {
        out.draw("distances", prepare::distance_heatmap(c))?;
        if let Some(coverage) = &tables.coverage {
            out.draw("coverage", prepare::coverage(coverage).map_err(shape("coverage"))?)?;
        }
    }
    Ok((out.outcomes, attribution))
}

/// The dot-and-whisker version of a share or rate chart when the run has intervals for it, the
/// stacked bars otherwise; a chart with nothing to draw stays skipped.
fn with_whiskers(
    stacked: prepare::Prepared<StackedBars>,
    dots: impl FnOnce() -> Option<chart::IntervalDots>,
) -> prepare::Prepared<Shares> {
    let stacked = stacked?;
    Ok(dots().map_or(Shares::Stacked(stacked), Shares::Dots))
}

struct Charts<'a> {
    dir: &'a Path,
    settings: &'a CompareSettings,
    outcomes: Vec<ChartOutcome>,
}

impl Charts<'_> {
    fn draw<C: chart::Chart>(&mut self, name: &str, prepared: prepare::Prepared<C>) -> Result<(), CompareFilesError> {
        let outcome = match prepared {
            Ok(data) => {
                let file = format!("charts/{name}.{}", self.settings.format.extension());
                chart::render(&data, &self.dir.join(&file), self.settings.format, self.settings.size)?;
                ChartOutcome { name: name.to_string(), file: Some(file), skipped: None }
            }
            Err(why) => ChartOutcome { name: name.to_string(), file: None, skipped: Some(why) },
        };
        self.outcomes.push(outcome);
        Ok(())
    }
}
