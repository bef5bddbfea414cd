//! Permutation tests of one group of articles against another, with outlet labels permuted
//! within stories (so a difference in which stories the groups covered cannot make a
//! difference in a feature).
//!
//! All features share the permutations. A feature stops early once its permuted differences
//! have matched or beaten the observed one [`STOP_AFTER`] times, with p = exceedances /
//! permutations (Besag and Clifford's sequential p-value); otherwise p = (exceedances + 1) /
//! (permutations + 1).

use std::collections::BTreeMap;

use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};

use super::sample::Sample;
use crate::features::Ratio;

/// Exceedances after which a feature's test stops.
pub const STOP_AFTER: u64 = 20;

/// One feature's permutation p-value and the permutations it took.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tested {
    /// The p-value.
    pub p: f64,
    /// Permutations run for this feature.
    pub permutations: u64,
}

/// A story's articles of both groups, and how many belong to the first.
struct Stratum {
    members: Vec<usize>,
    first: usize,
}

/// Test every feature in `features` (indices into the sample) for a difference between groups
/// `a` and `b`, with up to `permutations` permutations. Returns, per feature asked, its result
/// (`None` when no permutation can move an article: no story has articles of both groups).
pub fn test(
    sample: &Sample,
    a: &[usize],
    b: &[usize],
    features: &[usize],
    permutations: u64,
    seed: u64,
) -> Vec<Option<Tested>> {
    let strata = strata(sample, a, b);
    if strata.iter().all(|s| s.first == 0 || s.first == s.members.len()) {
        return vec![None; features.len()];
    }
    let all: Vec<usize> = a.iter().chain(b).copied().collect();
    let total = sample.totals(&all);
    let fixed_a: Vec<usize> =
        strata.iter().filter(|s| s.first == s.members.len()).flat_map(|s| s.members.iter().copied()).collect();
    let fixed = sample.totals(&fixed_a);
    let observed_a = sample.totals(a);
    let observed: Vec<Option<f64>> = features.iter().map(|&j| difference(observed_a[j].0, total[j].0)).collect();
    let mut exceed = vec![0u64; features.len()];
    let mut runs = vec![0u64; features.len()];
    let mut active: Vec<usize> = (0..features.len()).filter(|&f| observed[f].is_some()).collect();
    let mut moving: Vec<Stratum> = strata.into_iter().filter(|s| s.first > 0 && s.first < s.members.len()).collect();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
    let mut sums: Vec<Ratio> = vec![Ratio::default(); sample.features.len()];
    let mut done = 0u64;
    while done < permutations && !active.is_empty() {
        done += 1;
        for (j, cell) in sums.iter_mut().enumerate() {
            *cell = fixed[j].0;
        }
        for stratum in &mut moving {
            let n = stratum.members.len();
            for k in 0..stratum.first {
                let pick = k + (rng.next_u64() % (n - k) as u64) as usize;
                stratum.members.swap(k, pick);
                for &(j, r) in &sample.articles[stratum.members[k]].sums {
                    sums[j as usize].part += r.part;
                    sums[j as usize].whole += r.whole;
                }
            }
        }
        active.retain(|&f| {
            let j = features[f];
            let seen = observed[f].expect("active features have a value");
            // An undefined permuted difference counts as extreme: the test stays conservative.
            let extreme = difference(sums[j], total[j].0).is_none_or(|d| d.abs() >= seen.abs() - 1e-12);
            exceed[f] += u64::from(extreme);
            runs[f] += 1;
            exceed[f] < STOP_AFTER
        });
    }
    (0..features.len())
        .map(|f| {
            observed[f]?;
            let p = if exceed[f] >= STOP_AFTER {
                exceed[f] as f64 / runs[f] as f64
            } else {
                (exceed[f] + 1) as f64 / (runs[f] + 1) as f64
            };
            Some(Tested { p, permutations: runs[f] })
        })
        .collect()
}

/// The first group's value minus the second's, from the first group's sums and both groups'.
fn difference(first: Ratio, total: Ratio) -> Option<f64> {
    let rest = total.whole - first.whole;
    // Sums of floats: a remainder this small is nothing left, not a tiny denominator.
    if rest <= total.whole * 1e-9 {
        return None;
    }
    Some(first.value()? - (total.part - first.part) / rest)
}

/// Both groups' articles per story (one stratum without stories), in story order.
fn strata(sample: &Sample, a: &[usize], b: &[usize]) -> Vec<Stratum> {
    let by_story = sample.has_stories();
    let mut by: BTreeMap<&str, Stratum> = BTreeMap::new();
    for (group, first) in [(a, true), (b, false)] {
        for &i in group {
            let story = if by_story { sample.articles[i].story.as_str() } else { "" };
            let s = by.entry(story).or_insert_with(|| Stratum { members: Vec::new(), first: 0 });
            if first {
                s.members.insert(s.first, i);
                s.first += 1;
            } else {
                s.members.push(i);
            }
        }
    }
    by.into_values().collect()
}
