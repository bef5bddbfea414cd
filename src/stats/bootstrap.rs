//! Outlet intervals: a bootstrap over articles within each outlet, stratified by story.
//!
//! Each resample draws, in every stratum of `n` articles, `n - 1` articles with replacement and
//! weights each draw by `n / (n - 1)` (the rescaling bootstrap of Rao and Wu, which corrects the
//! plain bootstrap's too-narrow intervals in small strata). A resample's value is the ratio of
//! its weighted sums, like the outlet's own value; the interval is the 2.5th and 97.5th
//! percentile of the resampled values.

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

use super::sample::Sample;
use crate::features::Ratio;

/// One outlet's resampled sums of the features a run tests, `[resample][slot]` (a slot is a
/// position in the list of tested features). An outlet whose strata all hold one article
/// resamples to itself every time, and keeps one row instead of one per resample, so that a
/// corpus of thousands of one-article outlets does not hold thousands of identical rows.
pub struct Replicates {
    sums: Vec<Vec<Ratio>>,
    resamples: usize,
}

impl Replicates {
    /// The sums of tested feature `slot` in resample `b`.
    pub fn at(&self, b: usize, slot: usize) -> Ratio {
        let row = if self.sums.len() == 1 { 0 } else { b };
        self.sums[row][slot]
    }

    /// Every resample's sums of tested feature `slot`.
    pub fn of(&self, slot: usize) -> impl Iterator<Item = Ratio> + '_ {
        (0..self.resamples).map(move |b| self.at(b, slot))
    }
}

/// Rows of replicates an outlet with these `strata` keeps: one when every stratum holds a
/// single article (each resample is then the outlet itself), else one per resample.
pub fn rows(strata: &[Vec<usize>], resamples: usize) -> usize {
    if strata.iter().all(|s| s.len() < 2) { resamples.min(1) } else { resamples }
}

/// Resample one outlet's articles, grouped in `strata` ([`Sample::strata`]), `resamples` times,
/// keeping the sums of the features in `tested` (indices into the sample's features).
pub fn replicates(sample: &Sample, strata: &[Vec<usize>], tested: &[usize], resamples: usize, seed: u64) -> Replicates {
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut slot = vec![None; sample.features.len()];
    for (s, &j) in tested.iter().enumerate() {
        slot[j] = Some(s);
    }
    let mut sums = vec![vec![Ratio::default(); tested.len()]; rows(strata, resamples)];
    for resample in &mut sums {
        for stratum in strata {
            let n = stratum.len();
            let (draws, weight) = if n >= 2 { (n - 1, n as f64 / (n - 1) as f64) } else { (n, 1.0) };
            for _ in 0..draws {
                let i = stratum[(rng.next_u64() % n as u64) as usize];
                for &(j, r) in &sample.articles[i].sums {
                    if let Some(s) = slot[j as usize] {
                        let cell = &mut resample[s];
                        cell.part += weight * r.part;
                        cell.whole += weight * r.whole;
                    }
                }
            }
        }
    }
    Replicates { sums, resamples }
}

/// The 2.5th and 97.5th percentiles of the defined values, or `None` when fewer than half of
/// the resamples give a value.
pub fn percentile_interval(values: impl IntoIterator<Item = Option<f64>>) -> Option<(f64, f64)> {
    let mut all = 0usize;
    let mut defined: Vec<f64> = values.into_iter().inspect(|_| all += 1).flatten().filter(|v| v.is_finite()).collect();
    if defined.is_empty() || defined.len() * 2 < all {
        return None;
    }
    defined.sort_by(f64::total_cmp);
    Some((quantile(&defined, 0.025), quantile(&defined, 0.975)))
}

/// Widen a percentile interval around `value` by `t(df) / z`, the small-sample correction of
/// the normal interval: with few articles the bootstrap spread understates the uncertainty
/// (planted-truth simulations: coverage 92.7% uncorrected at 30 articles in 5 stories).
pub fn widen(bounds: (f64, f64), value: f64, df: f64) -> (f64, f64) {
    let scale = student_t_975(df) / Z_975;
    (value - (value - bounds.0) * scale, value + (bounds.1 - value) * scale)
}

const Z_975: f64 = 1.959_963_984_540_054;

/// The 97.5th percentile of Student's t with `df` degrees of freedom (Cornish–Fisher
/// expansion; within 0.5% of the exact value from 3 degrees of freedom up).
fn student_t_975(df: f64) -> f64 {
    let df = df.max(1.0);
    let z = Z_975;
    let (z3, z5, z7) = (z.powi(3), z.powi(5), z.powi(7));
    z + (z3 + z) / (4.0 * df)
        + (5.0 * z5 + 16.0 * z3 + 3.0 * z) / (96.0 * df * df)
        + (3.0 * z7 + 19.0 * z5 + 17.0 * z3 - 15.0 * z) / (384.0 * df.powi(3))
}

/// Quantile of sorted values, interpolating between neighbours.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let at = q * (sorted.len() - 1) as f64;
    let (low, high) = (at.floor() as usize, at.ceil() as usize);
    sorted[low] + (sorted[high] - sorted[low]) * (at - low as f64)
}

/// A stable seed for one named part of a run: the run's seed mixed with the name (FNV-1a), so
/// that results do not depend on the order work is done in.
pub fn seed_for(seed: u64, name: &str) -> u64 {
    name.bytes().fold(seed ^ 0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_interpolate() {
        let v = [0.0, 1.0, 2.0, 3.0, 4.0];
        assert_eq!(quantile(&v, 0.5), 2.0);
        assert!((quantile(&v, 0.025) - 0.1).abs() < 1e-12);
        assert_eq!(percentile_interval([Some(1.0), None, None, None]), None);
    }

    #[test]
    fn t_quantiles_match_tables() {
        for (df, t) in [(5.0, 2.571), (10.0, 2.228), (29.0, 2.045), (1000.0, 1.962)] {
            assert!((student_t_975(df) - t).abs() / t < 0.005, "df {df}: {}", student_t_975(df));
        }
        assert!((widen((0.4, 0.6), 0.5, 1e9).0 - 0.4).abs() < 1e-6);
    }
}
