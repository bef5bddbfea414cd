//! Reading a run's tables back for comparison: numeric feature columns and label counts.
//! The comparison reads what `extract` wrote, so it can run again on an existing report.

use crate::columns;
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use super::comparison::Level;
use super::distance::LabelCounts;
use super::matrix::{FeatureTable, FeatureValues};
use crate::table::{ArticleTables, RunTables};

/// A table could not be read back.
#[derive(Debug, thiserror::Error)]
#[error("cannot read {}: {message} (run `framelens extract` into this folder first)", path.display())]
pub struct LoadError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub message: String,
}

impl LoadError {
    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        "run `framelens extract` or `framelens report` into this folder first"
    }
}

/// Read `dir/NAME.parquet`.
pub fn read_table(dir: &Path, name: &str) -> Result<DataFrame, LoadError> {
    let path = dir.join(format!("{name}.parquet"));
    let fail = |e: &dyn std::fmt::Display| LoadError { path: path.clone(), message: e.to_string() };
    let file = File::open(&path).map_err(|e| fail(&e))?;
    ParquetReader::new(file).finish().map_err(|e| fail(&e))
}

/// The tables a comparison at `level` reads, from the report folder `dir`.
pub fn read_run_tables(dir: &Path, level: Level) -> Result<RunTables, LoadError> {
    let article_level = match level {
        Level::Article => Some(ArticleTables {
            word_choice: read_table(dir, "article_word_choice")?,
            articles: read_table(dir, "articles")?,
        }),
        Level::Outlet => None,
    };
    Ok(RunTables {
        outlet_features: read_table(dir, "outlet_features")?,
        word_choice: read_table(dir, "word_choice")?,
        voices: read_table(dir, "voices")?,
        attribution: read_table(dir, "attribution")?,
        coverage: read_table(dir, "coverage").ok(),
        loaded: read_table(dir, "loaded").ok(),
        naming: read_table(dir, "naming").ok(),
        article_features: read_table(dir, "article_features")?,
        article_level,
        outlet_intervals: read_table(dir, "outlet_intervals").ok(),
        differences: read_table(dir, "differences").ok(),
    })
}

/// A column as text (missing values as empty strings).
pub fn strings(frame: &DataFrame, column: &str) -> PolarsResult<Vec<String>> {
    let values = frame.column(column)?.str()?;
    Ok((0..values.len()).map(|i| values.get(i).unwrap_or_default().to_string()).collect())
}

/// A column as numbers (cast to floating point).
pub fn numbers(frame: &DataFrame, column: &str) -> PolarsResult<Vec<Option<f64>>> {
    let cast = frame.column(column)?.cast(&DataType::Float64)?;
    let values = cast.f64()?;
    Ok((0..values.len()).map(|i| values.get(i)).collect())
}

/// The Float64 columns of a features table, with row names from `name_column` and outlets from
/// `outlet`. Counts (integer columns) stay out: they grow with article length.
pub fn feature_table(frame: &DataFrame, name_column: &str) -> PolarsResult<FeatureTable> {
    let names = strings(frame, name_column)?;
    let outlets = strings(frame, columns::OUTLET)?;
    let columns = frame
        .columns()
        .iter()
        .filter(|c| c.dtype() == &DataType::Float64)
        .map(|c| {
            let values = c.f64()?;
            Ok(FeatureValues { name: c.name().to_string(), values: (0..values.len()).map(|i| values.get(i)).collect() })
        })
        .collect::<PolarsResult<Vec<_>>>()?;
    Ok(FeatureTable { names, outlets, columns })
}

/// Own-voice label counts per row key (`outlet` or `article`) from a word-choice table, aligned
/// per concept so that every row lists a concept's labels in the same order.
pub fn own_label_counts(frame: &DataFrame, key_column: &str, keys: &[String]) -> PolarsResult<Vec<LabelCounts>> {
    let key = strings(frame, key_column)?;
    let concept = strings(frame, columns::CONCEPT)?;
    let label = strings(frame, columns::LABEL)?;
    let voice = strings(frame, columns::VOICE)?;
    let counts = frame.column(columns::COUNT)?.cast(&DataType::UInt64)?;
    let counts = counts.u64()?;
    let count: Vec<u64> = (0..counts.len()).map(|i| counts.get(i).unwrap_or(0)).collect();
    let mut labels: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for i in 0..key.len() {
        let known = labels.entry(&concept[i]).or_default();
        if !known.contains(&label[i].as_str()) {
            known.push(&label[i]);
        }
    }
    let index: BTreeMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut rows = vec![LabelCounts::new(); keys.len()];
    for i in (0..key.len()).filter(|&i| voice[i] == "own" && count[i] > 0) {
        let Some(&row) = index.get(key[i].as_str()) else { continue };
        let order = &labels[concept[i].as_str()];
        let counts = rows[row].entry(concept[i].clone()).or_insert_with(|| vec![0.0; order.len()]);
        let at = order.iter().position(|l| *l == label[i]).expect("label indexed above");
        counts[at] += count[i] as f64;
    }
    Ok(rows)
}

/// Story of each article id, from the articles table.
pub fn article_stories(frame: &DataFrame) -> PolarsResult<BTreeMap<String, String>> {
    Ok(strings(frame, columns::ARTICLE)?.into_iter().zip(strings(frame, columns::STORY)?).collect())
}
