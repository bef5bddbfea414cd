//! Cluster stability: resample each outlet's articles with replacement, rebuild the outlet
//! profiles, cluster again with the same k, and count how often each pair of outlets shares a
//! cluster.

use ndarray::Array2;
use rand_xoshiro::Xoshiro256Plus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

use super::cluster::kmeans;
use super::matrix::standardise;

/// How often each pair of outlets landed in the same cluster.
#[derive(Debug, Clone, PartialEq)]
pub struct Stability {
    /// Bootstrap rounds that produced a clustering.
    pub rounds: usize,
    /// `together[i][j]`: rounds in which outlets `i` and `j` shared a cluster.
    pub together: Array2<usize>,
}

impl Stability {
    /// Share of rounds in which `i` and `j` shared a cluster.
    pub fn share(&self, i: usize, j: usize) -> f64 {
        if self.rounds == 0 { 0.0 } else { self.together[[i, j]] as f64 / self.rounds as f64 }
    }
}

/// Bootstrap the outlet clustering. `articles` holds raw (unstandardised, gap-free) article
/// features; `article_outlet[a]` is the index of article `a`'s outlet among `outlets` outlets.
/// Each round averages a resample of every outlet's articles, standardises, and runs k-means.
pub fn bootstrap(
    articles: &Array2<f64>,
    article_outlet: &[usize],
    outlets: usize,
    k: usize,
    rounds: usize,
    seed: u64,
) -> Result<Stability, String> {
    let members: Vec<Vec<usize>> =
        (0..outlets).map(|o| (0..article_outlet.len()).filter(|&a| article_outlet[a] == o).collect()).collect();
    if let Some(o) = members.iter().position(Vec::is_empty) {
        return Err(format!("outlet {o} has no articles"));
    }
    if members.iter().all(|m| m.len() < 2) {
        return Err("every outlet has a single article, so there is nothing to resample".into());
    }
    let mut rng = Xoshiro256Plus::seed_from_u64(seed);
    let mut together = Array2::zeros((outlets, outlets));
    let mut done = 0;
    for round in 0..rounds {
        let profiles = resampled_profiles(articles, &members, &mut rng);
        let Ok(labels) = kmeans(&profiles, k, seed.wrapping_add(round as u64 + 1)) else { continue };
        done += 1;
        for i in 0..outlets {
            for j in 0..outlets {
                if labels[i] == labels[j] {
                    together[[i, j]] += 1;
                }
            }
        }
    }
    Ok(Stability { rounds: done, together })
}

/// Outlet profiles (mean of a with-replacement resample of each outlet's articles), standardised
/// per column; constant columns become zeros.
fn resampled_profiles(articles: &Array2<f64>, members: &[Vec<usize>], rng: &mut Xoshiro256Plus) -> Array2<f64> {
    let columns = articles.ncols();
    let mut profiles = Array2::zeros((members.len(), columns));
    for (o, rows) in members.iter().enumerate() {
        for _ in 0..rows.len() {
            let pick = rows[(rng.next_u64() % rows.len() as u64) as usize];
            for c in 0..columns {
                profiles[[o, c]] += articles[[pick, c]] / rows.len() as f64;
            }
        }
    }
    for c in 0..columns {
        let z = standardise(&profiles.column(c).to_vec()).unwrap_or_else(|| vec![0.0; members.len()]);
        profiles.column_mut(c).assign(&ndarray::Array1::from(z));
    }
    profiles
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Six outlets with four articles each: outlets 0-2 write alike, 3-5 write alike.
    fn two_camps() -> (Array2<f64>, Vec<usize>) {
        let mut rows = Vec::new();
        let mut outlet = Vec::new();
        for o in 0..6 {
            for a in 0..4 {
                let base = if o < 3 { 0.0 } else { 5.0 };
                let wobble = ((o * 4 + a) % 5) as f64 * 0.1;
                rows.extend([base + wobble, -base + wobble * 0.5]);
                outlet.push(o);
            }
        }
        (Array2::from_shape_vec((24, 2), rows).unwrap(), outlet)
    }

    #[test]
    fn outlets_of_one_camp_stay_together_across_resamples() {
        let (articles, outlet) = two_camps();
        let s = bootstrap(&articles, &outlet, 6, 2, 50, 3).unwrap();
        assert_eq!(s.rounds, 50);
        assert_eq!(s.share(0, 1), 1.0);
        assert_eq!(s.share(3, 5), 1.0);
        assert_eq!(s.share(0, 4), 0.0);
        assert_eq!(s, bootstrap(&articles, &outlet, 6, 2, 50, 3).unwrap(), "deterministic for a seed");
    }

    #[test]
    fn single_article_outlets_are_refused_with_a_reason() {
        let articles = Array2::from_shape_vec((3, 1), vec![0.0, 1.0, 2.0]).unwrap();
        let err = bootstrap(&articles, &[0, 1, 2], 3, 2, 10, 1).unwrap_err();
        assert!(err.contains("single article"));
    }
}
