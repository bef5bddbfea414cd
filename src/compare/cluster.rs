//! Clustering: k-means (linfa) with k chosen by silhouette, agglomerative clustering with its
//! merge tree (average linkage, kodama: the library linfa-hierarchical wraps, used directly for
//! the tree), and the 2-D PCA map (linfa). Every random choice comes from an explicit seed.

use linfa::DatasetBase;
use linfa::traits::{Fit, Predict};
use linfa_clustering::KMeans;
use linfa_reduction::Pca;
use ndarray::Array2;
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::SeedableRng;

use super::agreement::silhouette;

/// Independent k-means starts per fit; the best (lowest inertia) is kept.
const KMEANS_RUNS: usize = 10;
/// Largest k tried when k is chosen by silhouette.
pub const MAX_K: usize = 10;

/// Cluster labels renumbered in order of first appearance, so that the same partition always
/// gets the same labels (the first row is in cluster 0).
pub fn canonical_labels(labels: &[usize]) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    labels
        .iter()
        .map(|l| match seen.iter().position(|s| s == l) {
            Some(i) => i,
            None => {
                seen.push(*l);
                seen.len() - 1
            }
        })
        .collect()
}

/// k-means labels for `k` clusters (canonical order), or why it could not run.
pub fn kmeans(values: &Array2<f64>, k: usize, seed: u64) -> Result<Vec<usize>, String> {
    if k < 2 || k > values.nrows() {
        return Err(format!("k = {k} needs between 2 and {} rows", values.nrows()));
    }
    let data = DatasetBase::from(values.clone());
    let model = KMeans::params_with_rng(k, Xoshiro256Plus::seed_from_u64(seed))
        .n_runs(KMEANS_RUNS)
        .max_n_iterations(300)
        .tolerance(1e-8)
        .fit(&data)
        .map_err(|e| format!("k-means did not converge: {e}"))?;
    let labels = model.predict(values);
    Ok(canonical_labels(&labels.to_vec()))
}

/// A k-means clustering and how k was chosen.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansChoice {
    /// The number of clusters used.
    pub k: usize,
    /// Cluster of each row.
    pub labels: Vec<usize>,
    /// Silhouette of the chosen clustering.
    pub silhouette: Option<f64>,
    /// Every k tried with its silhouette (only `k` itself when it was given).
    pub tried: Vec<(usize, f64)>,
}

/// k-means with the given `k`, or with the k in 2..=min(rows − 1, [`MAX_K`]) of highest mean
/// silhouette (the smaller k on ties).
pub fn kmeans_choosing_k(
    values: &Array2<f64>,
    distances: &Array2<f64>,
    k: Option<usize>,
    seed: u64,
) -> Result<KMeansChoice, String> {
    let candidates: Vec<usize> = match k {
        Some(k) => vec![k],
        None => (2..=MAX_K.min(values.nrows().saturating_sub(1))).collect(),
    };
    if candidates.is_empty() {
        return Err(format!("{} rows are too few to choose k", values.nrows()));
    }
    let mut best: Option<KMeansChoice> = None;
    let mut tried = Vec::new();
    for k in candidates {
        let labels = kmeans(values, k, seed)?;
        let score = silhouette(distances, &labels).unwrap_or(f64::NEG_INFINITY);
        tried.push((k, score));
        if best.as_ref().is_none_or(|b| score > b.silhouette.unwrap_or(f64::NEG_INFINITY) + 1e-12) {
            best = Some(KMeansChoice { k, labels, silhouette: score.is_finite().then_some(score), tried: Vec::new() });
        }
    }
    let mut best = best.expect("at least one k tried");
    best.tried = tried;
    Ok(best)
}

/// One merge of the hierarchical clustering. Rows are clusters `0..n`; merge `i` creates
/// cluster `n + i`.
#[derive(Debug, Clone, PartialEq)]
pub struct MergeStep {
    /// The smaller cluster id merged.
    pub left: usize,
    /// The other cluster id merged.
    pub right: usize,
    /// Average-linkage distance at which they merge.
    pub distance: f64,
    /// Rows in the merged cluster.
    pub size: usize,
}

/// Average-linkage agglomerative clustering on a distance matrix.
pub fn hierarchical(distances: &Array2<f64>) -> Vec<MergeStep> {
    let n = distances.nrows();
    let mut condensed = Vec::with_capacity(n * n.saturating_sub(1) / 2);
    for i in 0..n {
        for j in (i + 1)..n {
            condensed.push(distances[[i, j]]);
        }
    }
    if n < 2 {
        return Vec::new();
    }
    let dendrogram = kodama::linkage(&mut condensed, n, kodama::Method::Average);
    dendrogram
        .steps()
        .iter()
        .map(|s| MergeStep { left: s.cluster1, right: s.cluster2, distance: s.dissimilarity, size: s.size })
        .collect()
}

/// Cut the merge tree into `k` clusters (canonical labels): undo the last `k − 1` merges.
pub fn cut_tree(steps: &[MergeStep], rows: usize, k: usize) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..rows + steps.len()).collect();
    let keep = steps.len().saturating_sub(k.saturating_sub(1));
    for (i, step) in steps.iter().take(keep).enumerate() {
        parent[step.left] = rows + i;
        parent[step.right] = rows + i;
    }
    let root = |mut c: usize| {
        while parent[c] != c {
            c = parent[c];
        }
        c
    };
    canonical_labels(&(0..rows).map(root).collect::<Vec<_>>())
}

/// Rows placed on the first two principal components.
#[derive(Debug, Clone, PartialEq)]
pub struct PcaMap {
    /// (PC1, PC2) of each row.
    pub coords: Vec<(f64, f64)>,
    /// Share of the total variance each component explains.
    pub explained: (f64, f64),
}

/// The 2-D PCA map, or why there is none (fewer than three rows or two features). Component
/// signs are fixed so that each component's largest loading is positive.
pub fn pca_map(values: &Array2<f64>) -> Result<PcaMap, String> {
    if values.nrows() < 3 || values.ncols() < 2 {
        return Err(format!(
            "a map needs at least 3 rows and 2 varying features ({} and {})",
            values.nrows(),
            values.ncols()
        ));
    }
    if values.iter().any(|v| !v.is_finite()) {
        return Err("a map needs finite feature values".into());
    }
    let centred = values - &values.mean_axis(ndarray::Axis(0)).expect("rows exist");
    let total: f64 = centred.iter().map(|v| v * v).sum();
    if total <= f64::EPSILON * values.len() as f64 {
        return Err("the rows do not vary, so there is nothing to map".into());
    }
    let data = DatasetBase::from(values.clone());
    let pca = Pca::params(2).fit(&data).map_err(|e| format!("PCA failed: {e}"))?;
    let projected: Array2<f64> = pca.predict(values);
    if projected.ncols() == 0 || projected.iter().any(|v| !v.is_finite()) {
        return Err("PCA found no direction of variation (the rows are nearly identical)".into());
    }
    let components = pca.components();
    // Rows that vary along a single direction lie on a line: PC2 is 0 for all of them.
    let second = |r: ndarray::ArrayView1<f64>| if r.len() > 1 { r[1] } else { 0.0 };
    let mut coords: Vec<(f64, f64)> = projected.rows().into_iter().map(|r| (r[0], second(r))).collect();
    for (c, row) in components.rows().into_iter().enumerate() {
        let largest = row.iter().copied().fold(0.0f64, |m, v| if v.abs() > m.abs() { v } else { m });
        if largest < 0.0 {
            for point in &mut coords {
                if c == 0 { point.0 = -point.0 } else { point.1 = -point.1 }
            }
        }
    }
    let sigma = pca.singular_values();
    let share = |i: usize| match sigma.get(i) {
        Some(s) if total > 0.0 => (s * s / total).min(1.0),
        _ => 0.0,
    };
    Ok(PcaMap { coords, explained: (share(0), share(1)) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::distance::euclidean;
    use ndarray::array;

    /// Three tight groups of three rows, far apart.
    fn three_groups() -> Array2<f64> {
        array![
            [0.0, 0.0, 0.1],
            [0.2, 0.1, 0.0],
            [0.1, 0.2, 0.2],
            [10.0, 0.0, 0.0],
            [10.2, 0.1, 0.1],
            [10.1, 0.2, 0.0],
            [0.0, 10.0, 5.0],
            [0.1, 10.2, 5.1],
            [0.2, 10.1, 5.2],
        ]
    }

    #[test]
    fn kmeans_recovers_known_groups_and_chooses_k_3() {
        let m = three_groups();
        let choice = kmeans_choosing_k(&m, &euclidean(&m), None, 7).unwrap();
        assert_eq!(choice.k, 3);
        assert_eq!(choice.labels, vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
        assert!(choice.silhouette.unwrap() > 0.9);
        assert_eq!(choice.tried.len(), 7, "k = 2..=8 for 9 rows");
    }

    #[test]
    fn kmeans_is_deterministic_for_a_seed() {
        let m = three_groups();
        let d = euclidean(&m);
        assert_eq!(kmeans_choosing_k(&m, &d, Some(4), 11), kmeans_choosing_k(&m, &d, Some(4), 11));
    }

    #[test]
    fn hierarchical_merges_close_rows_first_and_cuts_into_known_groups() {
        let m = three_groups();
        let steps = hierarchical(&euclidean(&m));
        assert_eq!(steps.len(), 8);
        assert!(steps.windows(2).all(|w| w[0].distance <= w[1].distance));
        assert_eq!(steps.last().unwrap().size, 9);
        assert_eq!(cut_tree(&steps, 9, 3), vec![0, 0, 0, 1, 1, 1, 2, 2, 2]);
        assert_eq!(cut_tree(&steps, 9, 1), vec![0; 9]);
        assert_eq!(cut_tree(&steps, 9, 9), (0..9).collect::<Vec<_>>());
    }

    #[test]
    fn pca_map_separates_groups_and_reports_explained_variance() {
        let m = three_groups();
        let map = pca_map(&m).unwrap();
        assert_eq!(map, pca_map(&m).unwrap(), "deterministic");
        assert!(map.explained.0 + map.explained.1 > 0.99, "three groups lie in a plane");
        assert!(map.explained.0 >= map.explained.1);
        let gap = |a: usize, b: usize| {
            ((map.coords[a].0 - map.coords[b].0).powi(2) + (map.coords[a].1 - map.coords[b].1).powi(2)).sqrt()
        };
        assert!(gap(0, 1) < 1.0 && gap(0, 3) > 5.0 && gap(3, 6) > 5.0);
    }

    #[test]
    fn degenerate_inputs_give_reasons_not_panics() {
        let two = array![[0.0, 1.0], [1.0, 0.0]];
        assert!(pca_map(&two).unwrap_err().contains("at least 3 rows"));
        let on_a_line = array![[0.0, 0.0], [1.0, 2.0], [1.0, 2.0], [2.0, 4.0]];
        let line = pca_map(&on_a_line).unwrap();
        assert!(line.coords.iter().all(|c| c.1.abs() < 1e-9), "one direction of variation: PC2 is 0");
        assert!((line.explained.0 - 1.0).abs() < 1e-9);
        let same = array![[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]];
        assert!(pca_map(&same).unwrap_err().contains("do not vary"));
        assert!(pca_map(&array![[f64::NAN, 0.0], [1.0, 2.0], [0.0, 1.0]]).unwrap_err().contains("finite"));
        assert!(kmeans_choosing_k(&two, &euclidean(&two), None, 1).unwrap_err().contains("too few"));
        assert!(kmeans(&two, 3, 1).unwrap_err().contains("between 2 and 2"));
        assert!(hierarchical(&array![[0.0]]).is_empty());
    }
}
