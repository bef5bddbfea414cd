//! Distances between compared rows: Euclidean and cosine on standardised features, and
//! Jensen–Shannon divergence between label distributions within each concept.

use std::collections::BTreeMap;

use ndarray::{Array2, ArrayView1};

/// Euclidean distance between every pair of rows.
pub fn euclidean(values: &Array2<f64>) -> Array2<f64> {
    pairwise(values, |a, b| a.iter().zip(b.iter()).map(|(x, y)| (x - y).powi(2)).sum::<f64>().sqrt())
}

/// Cosine distance (1 − cosine similarity) between every pair of rows. A row of zeros (an
/// outlet at the mean of every feature) has no direction: its distance is 0 to another zero row
/// and 1 to anything else.
pub fn cosine(values: &Array2<f64>) -> Array2<f64> {
    pairwise(values, |a, b| {
        let (na, nb) = (a.dot(&a).sqrt(), b.dot(&b).sqrt());
        match (na > 0.0, nb > 0.0) {
            (false, false) => 0.0,
            (true, true) => (1.0 - a.dot(&b) / (na * nb)).clamp(0.0, 2.0),
            _ => 1.0,
        }
    })
}

fn pairwise(values: &Array2<f64>, distance: impl Fn(ArrayView1<f64>, ArrayView1<f64>) -> f64) -> Array2<f64> {
    let n = values.nrows();
    let mut out = Array2::zeros((n, n));
    for i in 0..n {
        for j in (i + 1)..n {
            let d = distance(values.row(i), values.row(j));
            out[[i, j]] = d;
            out[[j, i]] = d;
        }
    }
    out
}

/// Jensen–Shannon divergence (base 2, so between 0 and 1) between two count vectors over the
/// same labels; `None` when either has no counts.
pub fn jensen_shannon(p: &[f64], q: &[f64]) -> Option<f64> {
    let (sp, sq): (f64, f64) = (p.iter().sum(), q.iter().sum());
    if sp <= 0.0 || sq <= 0.0 {
        return None;
    }
    let kl = |a: f64, m: f64| if a > 0.0 { a * (a / m).log2() } else { 0.0 };
    let mut divergence = 0.0;
    for (&a, &b) in p.iter().zip(q) {
        let (a, b) = (a / sp, b / sq);
        let m = (a + b) / 2.0;
        divergence += 0.5 * kl(a, m) + 0.5 * kl(b, m);
    }
    Some(divergence.clamp(0.0, 1.0))
}

/// Label counts of one row, by concept; every vector of a concept lists the same labels in the
/// same order.
pub type LabelCounts = BTreeMap<String, Vec<f64>>;

/// Mean Jensen–Shannon divergence over the concepts both rows use, for every pair of rows, and
/// the number of concepts it averages; `None` where the rows share no concept.
pub fn jensen_shannon_matrix(rows: &[LabelCounts]) -> Array2<Option<(f64, usize)>> {
    let n = rows.len();
    let mut out = Array2::from_elem((n, n), None);
    for i in 0..n {
        out[[i, i]] = Some((0.0, rows[i].values().filter(|c| c.iter().sum::<f64>() > 0.0).count()));
        for j in (i + 1)..n {
            let shared: Vec<f64> = rows[i]
                .iter()
                .filter_map(|(concept, p)| rows[j].get(concept).and_then(|q| jensen_shannon(p, q)))
                .collect();
            let value = (!shared.is_empty()).then(|| (shared.iter().sum::<f64>() / shared.len() as f64, shared.len()));
            out[[i, j]] = value;
            out[[j, i]] = value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn euclidean_and_cosine_on_a_right_triangle() {
        let m = array![[0.0, 0.0], [3.0, 0.0], [0.0, 4.0]];
        let e = euclidean(&m);
        assert_eq!(e[[1, 2]], 5.0);
        assert_eq!(e[[0, 1]], 3.0);
        let c = cosine(&m);
        assert!((c[[1, 2]] - 1.0).abs() < 1e-12, "orthogonal rows");
        assert_eq!(c[[0, 1]], 1.0, "a zero row has no direction");
        assert!(cosine(&array![[1.0, 1.0], [2.0, 2.0]])[[0, 1]].abs() < 1e-12, "same direction");
    }

    #[test]
    fn jensen_shannon_is_zero_for_equal_shares_and_one_for_disjoint_labels() {
        assert_eq!(jensen_shannon(&[1.0, 3.0], &[2.0, 6.0]), Some(0.0));
        assert_eq!(jensen_shannon(&[5.0, 0.0], &[0.0, 2.0]), Some(1.0));
        assert_eq!(jensen_shannon(&[0.0, 0.0], &[1.0, 2.0]), None);
        // By hand: p = (1/2, 1/2), q = (1, 0), m = (3/4, 1/4).
        let by_hand =
            0.5 * (0.5 * (0.5f64 / 0.75).log2() + 0.5 * (0.5f64 / 0.25).log2()) + 0.5 * (1.0f64 / 0.75).log2();
        assert!((jensen_shannon(&[1.0, 1.0], &[1.0, 0.0]).unwrap() - by_hand).abs() < 1e-12);
    }

    #[test]
    fn jensen_shannon_matrix_averages_shared_concepts_only() {
        let a: LabelCounts = [("strike".to_string(), vec![1.0, 0.0]), ("vote".to_string(), vec![1.0, 1.0])].into();
        let b: LabelCounts = [("strike".to_string(), vec![0.0, 1.0])].into();
        let m = jensen_shannon_matrix(&[a, b]);
        assert_eq!(m[[0, 1]], Some((1.0, 1)));
        assert_eq!(m[[0, 0]], Some((0.0, 2)));
    }
}
