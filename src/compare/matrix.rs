//! The feature matrix: which columns of a feature table take part, how missing values are filled,
//! and standardisation. Columns with no variance are dropped with a note.

use crate::columns;
use std::collections::BTreeSet;

use ndarray::Array2;

/// One numeric feature column as read from a features table (`None`: undefined, e.g. a share of
/// nothing).
#[derive(Debug, Clone, PartialEq)]
pub struct FeatureValues {
    /// Column name, e.g. `wc__soleimani_strike__assassination__own_share`.
    pub name: String,
    /// One value per row.
    pub values: Vec<Option<f64>>,
}

/// The rows to compare (outlets or articles) and their numeric features.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeatureTable {
    /// Row names: outlet names, or article ids.
    pub names: Vec<String>,
    /// The outlet of each row (the row name itself at outlet level).
    pub outlets: Vec<String>,
    /// Numeric feature columns.
    pub columns: Vec<FeatureValues>,
}

/// The feature group of a column.
pub fn feature_group(column: &str) -> &str {
    columns::GROUP_PREFIXES
        .iter()
        .find(|(prefix, _)| column.starts_with(prefix))
        .map(|(_, group)| *group)
        .unwrap_or_else(|| column.split('_').next().unwrap_or(column))
}

/// The groups present in a table, sorted.
pub fn groups_present(table: &FeatureTable) -> Vec<String> {
    let groups: BTreeSet<&str> = table.columns.iter().map(|c| feature_group(&c.name)).collect();
    groups.into_iter().map(str::to_string).collect()
}

/// Standardised features, one row per compared unit, ready for distances and clustering.
/// Every value is finite.
#[derive(Debug, Clone)]
pub struct FeatureMatrix {
    /// Row names.
    pub names: Vec<String>,
    /// The outlet of each row.
    pub outlets: Vec<String>,
    /// Column names, in table order.
    pub columns: Vec<String>,
    /// z-scores: (value − column mean) / column standard deviation.
    pub values: Array2<f64>,
    /// Columns left out because they do not vary across rows.
    pub constant: Vec<String>,
    /// Columns with missing values, and how many were filled with the column mean.
    pub imputed: Vec<(String, usize)>,
}

impl FeatureMatrix {
    /// Select the columns of `groups` (all when empty), fill missing values with the column mean,
    /// drop constant columns and standardise the rest.
    pub fn build(table: &FeatureTable, groups: &[String]) -> FeatureMatrix {
        let chosen =
            table.columns.iter().filter(|c| groups.is_empty() || groups.iter().any(|g| g == feature_group(&c.name)));
        let mut columns = Vec::new();
        let mut kept: Vec<Vec<f64>> = Vec::new();
        let mut constant = Vec::new();
        let mut imputed = Vec::new();
        for column in chosen {
            let Some((filled, missing)) = fill_missing(&column.values) else {
                constant.push(column.name.clone()); // nothing defined at all
                continue;
            };
            let Some(z) = standardise(&filled) else {
                constant.push(column.name.clone());
                continue;
            };
            if missing > 0 {
                imputed.push((column.name.clone(), missing));
            }
            columns.push(column.name.clone());
            kept.push(z);
        }
        let rows = table.names.len();
        let values = Array2::from_shape_fn((rows, kept.len()), |(r, c)| kept[c][r]);
        FeatureMatrix { names: table.names.clone(), outlets: table.outlets.clone(), columns, values, constant, imputed }
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.names.len()
    }
}

/// Values with missing and non-finite entries replaced by the mean of the others, and how many
/// were replaced; `None` when no value is defined.
fn fill_missing(values: &[Option<f64>]) -> Option<(Vec<f64>, usize)> {
    let defined: Vec<f64> = values.iter().flatten().copied().filter(|v| v.is_finite()).collect();
    if defined.is_empty() {
        return None;
    }
    let mean = defined.iter().sum::<f64>() / defined.len() as f64;
    let missing = values.len() - defined.len();
    let filled = values.iter().map(|v| v.filter(|x| x.is_finite()).unwrap_or(mean)).collect();
    Some((filled, missing))
}

/// Relative spread below which a column counts as constant (guards against rounding noise).
const MIN_STD: f64 = 1e-9;

/// z-scores with the population standard deviation; `None` for a constant column.
pub fn standardise(values: &[f64]) -> Option<Vec<f64>> {
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let variance = values.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / n;
    let std = variance.sqrt();
    (std > MIN_STD * mean.abs().max(1.0)).then(|| values.iter().map(|v| (v - mean) / std).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn column(name: &str, values: &[Option<f64>]) -> FeatureValues {
        FeatureValues { name: name.into(), values: values.to_vec() }
    }

    fn table(columns: Vec<FeatureValues>) -> FeatureTable {
        let names: Vec<String> = ["A", "B", "C"].map(String::from).to_vec();
        FeatureTable { outlets: names.clone(), names, columns }
    }

    #[test]
    fn groups_come_from_prefixes_and_unknown_prefixes_name_their_own_group() {
        assert_eq!(feature_group("wc__strike__assassination__own_share"), "word_choice");
        assert_eq!(feature_group("voice__militia__words_share"), "voices");
        assert_eq!(feature_group("quoted_share"), "voices");
        assert_eq!(feature_group("att_anonymous_share"), "attribution");
        assert_eq!(feature_group("tone_us_own"), "tone");
    }

    #[test]
    fn constant_columns_are_dropped_and_missing_values_take_the_mean() {
        let t = table(vec![
            column("wc_a", &[Some(1.0), Some(1.0), Some(1.0)]),
            column("wc_b", &[Some(0.0), None, Some(1.0)]),
            column("att_c", &[None, None, None]),
        ]);
        let m = FeatureMatrix::build(&t, &[]);
        assert_eq!(m.columns, vec!["wc_b"]);
        assert_eq!(m.constant, vec!["wc_a", "att_c"]);
        assert_eq!(m.imputed, vec![("wc_b".to_string(), 1)]);
        let z: Vec<f64> = m.values.column(0).to_vec();
        assert!((z[0] + 1.224_744_871).abs() < 1e-6 && z[1].abs() < 1e-12 && (z[2] - 1.224_744_871).abs() < 1e-6);
    }

    #[test]
    fn only_selected_groups_take_part() {
        let t = table(vec![
            column("wc_a", &[Some(0.0), Some(1.0), Some(2.0)]),
            column("att_b", &[Some(3.0), Some(1.0), Some(2.0)]),
        ]);
        assert_eq!(FeatureMatrix::build(&t, &["attribution".to_string()]).columns, vec!["att_b"]);
        assert_eq!(groups_present(&t), vec!["attribution", "word_choice"]);
    }

    #[test]
    fn non_finite_values_never_reach_the_matrix() {
        let t = table(vec![column("wc_a", &[Some(f64::NAN), Some(1.0), Some(f64::INFINITY)])]);
        let m = FeatureMatrix::build(&t, &[]);
        assert!(m.values.iter().all(|v| v.is_finite()));
        assert_eq!(m.constant, vec!["wc_a"]);
    }
}
