//! One comparison run: the feature matrix, distances, clusterings, map, stability and agreement
//! for outlets or articles, with a note for everything that was skipped and why.

use std::collections::BTreeMap;

use ndarray::Array2;

use super::agreement::adjusted_rand_index;
use super::cluster::{KMeansChoice, MergeStep, PcaMap, cut_tree, hierarchical, kmeans_choosing_k, pca_map};
use super::distance::{LabelCounts, cosine, euclidean, jensen_shannon_matrix};
use super::matrix::{FeatureMatrix, FeatureTable};
use super::stability::{Stability, bootstrap};

/// What is compared: outlets, or single articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// One row per outlet.
    #[default]
    Outlet,
    /// One row per article.
    Article,
}

/// Choices that shape a comparison; all recorded in its output.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct CompareOptions {
    /// Outlets or articles.
    pub level: Level,
    /// Feature groups to use (all when empty).
    pub groups: Vec<String>,
    /// Number of clusters; chosen by silhouette when `None`.
    pub k: Option<usize>,
    /// Seed for k-means and the bootstrap.
    pub seed: u64,
    /// Bootstrap rounds for cluster stability (0: none).
    pub bootstrap: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions { level: Level::Outlet, groups: Vec::new(), k: None, seed: 42, bootstrap: 200 }
    }
}

/// Everything the comparison needs, read from a run's tables.
#[derive(Debug, Clone, Default)]
pub struct CompareInput {
    /// Features of the rows to compare (outlets or articles, per the level).
    pub rows: FeatureTable,
    /// Own-voice label counts of each row, for Jensen–Shannon distances.
    pub label_counts: Vec<LabelCounts>,
    /// Article-level features (for the bootstrap at outlet level).
    pub articles: Option<FeatureTable>,
    /// Story of each row, where known (for agreement at article level).
    pub stories: Option<Vec<String>>,
}

/// Comparisons above this many rows skip the pairwise distance table (it grows with the square).
pub const MAX_DISTANCE_ROWS: usize = 2000;

/// The result of comparing.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The options used.
    pub options: CompareOptions,
    /// The standardised features.
    pub matrix: FeatureMatrix,
    /// Euclidean distances on standardised features.
    pub euclidean: Array2<f64>,
    /// Cosine distances on standardised features.
    pub cosine: Array2<f64>,
    /// Mean Jensen–Shannon divergence of own-voice label distributions, with the number of
    /// concepts averaged.
    pub jensen_shannon: Array2<Option<(f64, usize)>>,
    /// k-means clustering, when there were enough rows.
    pub kmeans: Option<KMeansChoice>,
    /// The hierarchical merge tree.
    pub tree: Vec<MergeStep>,
    /// The tree cut into the k-means number of clusters.
    pub hierarchical: Option<Vec<usize>>,
    /// The 2-D PCA map.
    pub map: Option<PcaMap>,
    /// Bootstrap stability of the outlet clustering.
    pub stability: Option<Stability>,
    /// Adjusted Rand index of k-means clusters against outlets (article level).
    pub outlet_agreement: Option<f64>,
    /// Adjusted Rand index of k-means clusters against stories (article level).
    pub story_agreement: Option<f64>,
    /// What was skipped or adjusted, in sentences.
    pub notes: Vec<String>,
}

/// Compare the rows of `input`.
pub fn compare(input: &CompareInput, options: &CompareOptions) -> Comparison {
    let mut notes = Vec::new();
    let matrix = FeatureMatrix::build(&input.rows, &options.groups);
    note_matrix(&matrix, &mut notes);
    let rows = matrix.rows();
    let (euclidean, cosine) = (euclidean(&matrix.values), cosine(&matrix.values));
    let jensen_shannon = jensen_shannon_matrix(&input.label_counts);
    let mut comparison = Comparison {
        options: options.clone(),
        euclidean,
        cosine,
        jensen_shannon,
        kmeans: None,
        tree: Vec::new(),
        hierarchical: None,
        map: None,
        stability: None,
        outlet_agreement: None,
        story_agreement: None,
        notes: Vec::new(),
        matrix,
    };
    if rows < 3 {
        notes.push(format!(
            "No clustering and no map: {rows} {} are too few (clustering needs at least 3); distances are still reported.",
            unit(options.level)
        ));
    } else if comparison.matrix.columns.is_empty() {
        notes.push(format!("No clustering and no map: no feature varies across the {} compared.", unit(options.level)));
    } else {
        cluster(&mut comparison, input, &mut notes);
    }
    comparison.notes = notes;
    comparison
}

fn unit(level: Level) -> &'static str {
    match level {
        Level::Outlet => "outlets",
        Level::Article => "articles",
    }
}

fn note_matrix(matrix: &FeatureMatrix, notes: &mut Vec<String>) {
    if !matrix.constant.is_empty() {
        notes.push(format!(
            "{} features with no variance (or no values) were left out, e.g. {}.",
            matrix.constant.len(),
            examples(&matrix.constant)
        ));
    }
    if !matrix.imputed.is_empty() {
        let names: Vec<String> = matrix.imputed.iter().map(|(n, _)| n.clone()).collect();
        let cells: usize = matrix.imputed.iter().map(|(_, c)| c).sum();
        notes.push(format!(
            "{cells} undefined values in {} features (e.g. a label share where the concept is never mentioned) were set to the feature's mean, e.g. {}.",
            names.len(),
            examples(&names)
        ));
    }
}

fn examples(names: &[String]) -> String {
    let shown: Vec<&str> = names.iter().take(3).map(String::as_str).collect();
    format!("`{}`", shown.join("`, `"))
}

fn cluster(c: &mut Comparison, input: &CompareInput, notes: &mut Vec<String>) {
    let options = &c.options;
    match kmeans_choosing_k(&c.matrix.values, &c.euclidean, options.k, options.seed) {
        Ok(choice) => c.kmeans = Some(choice),
        Err(why) => notes.push(format!("No k-means clustering: {why}.")),
    }
    c.tree = hierarchical(&c.euclidean);
    if let Some(choice) = &c.kmeans {
        c.hierarchical = Some(cut_tree(&c.tree, c.matrix.rows(), choice.k));
    }
    match pca_map(&c.matrix.values) {
        Ok(map) => c.map = Some(map),
        Err(why) => notes.push(format!("No framing map: {why}.")),
    }
    let Some(choice) = c.kmeans.clone() else { return };
    match options.level {
        Level::Outlet => stability(c, input, choice.k, notes),
        Level::Article => {
            c.outlet_agreement = adjusted_rand_index(&choice.labels, &c.matrix.outlets);
            c.story_agreement = input.stories.as_ref().and_then(|s| adjusted_rand_index(&choice.labels, s));
        }
    }
}

fn stability(c: &mut Comparison, input: &CompareInput, k: usize, notes: &mut Vec<String>) {
    if c.options.bootstrap == 0 {
        return;
    }
    let Some(articles) = &input.articles else {
        notes.push("No stability estimate: no article-level features were given.".into());
        return;
    };
    let index: BTreeMap<&str, usize> = c.matrix.names.iter().enumerate().map(|(i, n)| (n.as_str(), i)).collect();
    let kept: Vec<usize> =
        (0..articles.names.len()).filter(|&a| index.contains_key(articles.outlets[a].as_str())).collect();
    let article_outlet: Vec<usize> = kept.iter().map(|&a| index[articles.outlets[a].as_str()]).collect();
    let values = raw_columns(articles, &kept, &c.matrix.columns);
    match bootstrap(&values, &article_outlet, c.matrix.rows(), k, c.options.bootstrap, c.options.seed) {
        Ok(s) => c.stability = Some(s),
        Err(why) => notes.push(format!("No stability estimate: {why}.")),
    }
}

/// The named columns of `table` for the given rows, missing values set to the column mean.
fn raw_columns(table: &FeatureTable, rows: &[usize], columns: &[String]) -> Array2<f64> {
    let mut out = Array2::zeros((rows.len(), columns.len()));
    for (c, name) in columns.iter().enumerate() {
        let Some(column) = table.columns.iter().find(|f| &f.name == name) else { continue };
        let defined: Vec<f64> = rows.iter().filter_map(|&r| column.values[r]).filter(|v| v.is_finite()).collect();
        let mean = if defined.is_empty() { 0.0 } else { defined.iter().sum::<f64>() / defined.len() as f64 };
        for (i, &r) in rows.iter().enumerate() {
            out[[i, c]] = column.values[r].filter(|v| v.is_finite()).unwrap_or(mean);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::matrix::FeatureValues;

    fn outlets(values: &[[f64; 2]]) -> CompareInput {
        let names: Vec<String> = (0..values.len()).map(|i| format!("Outlet {i}")).collect();
        let column = |c: usize, name: &str| FeatureValues {
            name: name.into(),
            values: values.iter().map(|v| Some(v[c])).collect(),
        };
        CompareInput {
            rows: FeatureTable { outlets: names.clone(), names, columns: vec![column(0, "wc_a"), column(1, "att_b")] },
            label_counts: vec![LabelCounts::new(); values.len()],
            articles: None,
            stories: None,
        }
    }

    #[test]
    fn one_outlet_gets_a_note_and_no_clusters() {
        let c = compare(&outlets(&[[1.0, 2.0]]), &CompareOptions::default());
        assert!(c.kmeans.is_none() && c.map.is_none());
        assert!(c.notes.iter().any(|n| n.contains("1 outlets are too few")), "{:?}", c.notes);
    }

    #[test]
    fn identical_outlets_get_a_note_not_a_panic() {
        let c = compare(&outlets(&[[1.0, 2.0], [1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]), &CompareOptions::default());
        assert!(c.kmeans.is_none());
        assert!(c.notes.iter().any(|n| n.contains("no feature varies")), "{:?}", c.notes);
        assert!(c.notes.iter().any(|n| n.contains("2 features with no variance")), "{:?}", c.notes);
        assert!(c.euclidean.iter().all(|d| *d == 0.0));
    }

    #[test]
    fn two_camps_of_outlets_are_found_at_outlet_level() {
        let c = compare(
            &outlets(&[[0.0, 0.1], [0.1, 0.0], [0.05, 0.05], [5.0, 5.0], [5.1, 4.9]]),
            &CompareOptions::default(),
        );
        let k = c.kmeans.as_ref().unwrap();
        assert_eq!((k.k, k.labels.clone()), (2, vec![0, 0, 0, 1, 1]));
        assert_eq!(c.hierarchical, Some(vec![0, 0, 0, 1, 1]));
        assert!(c.notes.iter().any(|n| n.contains("No stability estimate")));
    }
}
