//! How good a clustering is: silhouette (cohesion against separation) and the adjusted Rand
//! index (agreement with known groups, corrected for chance).

use std::collections::BTreeMap;

use ndarray::Array2;

/// Mean silhouette of a clustering, from a distance matrix. Rows alone in their cluster score 0
/// (Rousseeuw's convention). `None` with fewer than two clusters.
pub fn silhouette(distances: &Array2<f64>, labels: &[usize]) -> Option<f64> {
    let n = labels.len();
    let clusters: BTreeMap<usize, usize> = labels.iter().fold(BTreeMap::new(), |mut m, &l| {
        *m.entry(l).or_default() += 1;
        m
    });
    if clusters.len() < 2 || n == 0 {
        return None;
    }
    let mut total = 0.0;
    for i in 0..n {
        if clusters[&labels[i]] == 1 {
            continue;
        }
        let mut sums: BTreeMap<usize, f64> = BTreeMap::new();
        for j in (0..n).filter(|&j| j != i) {
            *sums.entry(labels[j]).or_default() += distances[[i, j]];
        }
        let own = sums.get(&labels[i]).copied().unwrap_or(0.0) / (clusters[&labels[i]] - 1) as f64;
        let nearest = sums
            .iter()
            .filter(|(l, _)| **l != labels[i])
            .map(|(l, s)| s / clusters[l] as f64)
            .fold(f64::INFINITY, f64::min);
        let spread = own.max(nearest);
        if spread > 0.0 {
            total += (nearest - own) / spread;
        }
    }
    Some(total / n as f64)
}

/// Adjusted Rand index between two labelings of the same rows (1: identical partitions, about 0:
/// chance agreement). `None` for fewer than two rows.
pub fn adjusted_rand_index<A: Ord, B: Ord>(a: &[A], b: &[B]) -> Option<f64> {
    let n = a.len();
    if n < 2 || b.len() != n {
        return None;
    }
    let pairs = |x: usize| (x * x.saturating_sub(1) / 2) as f64;
    let mut table: BTreeMap<(&A, &B), usize> = BTreeMap::new();
    let mut rows: BTreeMap<&A, usize> = BTreeMap::new();
    let mut cols: BTreeMap<&B, usize> = BTreeMap::new();
    for (x, y) in a.iter().zip(b) {
        *table.entry((x, y)).or_default() += 1;
        *rows.entry(x).or_default() += 1;
        *cols.entry(y).or_default() += 1;
    }
    let index: f64 = table.values().map(|&c| pairs(c)).sum();
    let sum_rows: f64 = rows.values().map(|&c| pairs(c)).sum();
    let sum_cols: f64 = cols.values().map(|&c| pairs(c)).sum();
    let expected = sum_rows * sum_cols / pairs(n);
    let max = (sum_rows + sum_cols) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return Some(1.0); // both partitions trivial (all in one, or all apart) and equal
    }
    Some((index - expected) / (max - expected))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn adjusted_rand_index_matches_hand_computed_values() {
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &["a", "a", "b", "b"]), Some(1.0));
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[1, 1, 0, 0]), Some(1.0), "label names do not matter");
        // Contingency [[2,0],[1,1]] over a = (0,0,1,1), b = (0,0,0,1): index 1, rows 2, cols 3,
        // expected 2*3/6 = 1, max 2.5, so ARI = 0.
        assert_eq!(adjusted_rand_index(&[0, 0, 1, 1], &[0, 0, 0, 1]), Some(0.0));
        // a = (0,0,0,1,1,1), b = (0,0,1,1,2,2): index 2, rows 6, cols 3, expected 18/15 = 1.2,
        // max 4.5, ARI = 0.8 / 3.3.
        let ari = adjusted_rand_index(&[0, 0, 0, 1, 1, 1], &[0, 0, 1, 1, 2, 2]).unwrap();
        assert!((ari - 0.8 / 3.3).abs() < 1e-12);
    }

    #[test]
    fn silhouette_is_high_for_tight_separate_clusters_and_zero_for_singletons() {
        let d = array![[0.0, 1.0, 10.0, 10.0], [1.0, 0.0, 10.0, 10.0], [10.0, 10.0, 0.0, 1.0], [10.0, 10.0, 1.0, 0.0]];
        let s = silhouette(&d, &[0, 0, 1, 1]).unwrap();
        assert!((s - 0.9).abs() < 1e-12, "each row: (10 - 1) / 10");
        assert_eq!(silhouette(&d, &[0, 1, 2, 3]), Some(0.0));
        assert_eq!(silhouette(&d, &[0, 0, 0, 0]), None);
    }
}
