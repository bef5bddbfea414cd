//! COMPARE: how sure an outlet value is, and which outlet differences are more than chance.
//!
//! Every share, rate and mean of `outlet_features` is a ratio of sums over the outlet's
//! articles ([`crate::features::Ratio`]). From each article's sums ([`Sample`]) this module
//! gives every outlet value a 95% interval (a bootstrap over articles, stratified by story:
//! [`bootstrap`]) and tests every outlet against the rest, and named pairs, with a permutation
//! test whose outlet labels move only within stories ([`permute`]). Benjamini–Hochberg q-values
//! are taken over all tests of a run. Tables: `outlet_intervals` and `differences`.

mod bootstrap;
mod permute;
mod sample;
mod tables;

use std::collections::BTreeSet;

use rayon::prelude::*;

pub use bootstrap::{percentile_interval, seed_for};
pub use permute::STOP_AFTER;
pub use sample::{ArticleSums, Sample};
pub use tables::{differences_table, intervals_table};

use crate::features::Ratio;

/// Articles with units that each side of a test needs, below which no test is written.
pub const MIN_ARTICLES: u64 = 3;

/// How to compute intervals and tests.
#[derive(Clone, Debug, PartialEq)]
pub struct StatsOptions {
    /// Bootstrap resamples (0: no intervals and no tests).
    pub resamples: usize,
    /// Most permutations per test.
    pub permutations: u64,
    /// Seed of the resamples and permutations.
    pub seed: u64,
    /// Outlet pairs to compare besides each outlet against the rest.
    pub pairs: Vec<(String, String)>,
    /// The q-value below which the report calls a difference one.
    pub alpha: f64,
}

impl Default for StatsOptions {
    fn default() -> StatsOptions {
        StatsOptions { resamples: 1000, permutations: 9999, seed: 42, pairs: Vec::new(), alpha: 0.05 }
    }
}

/// One outlet value with its interval.
#[derive(Clone, Debug, PartialEq)]
pub struct Interval {
    /// The outlet.
    pub outlet: String,
    /// The feature (an `outlet_features` column).
    pub feature: String,
    /// The outlet's value.
    pub value: f64,
    /// The interval, when the outlet has articles enough to resample.
    pub bounds: Option<(f64, f64)>,
    /// Articles with units for the feature.
    pub articles: u64,
    /// The units the value is computed from: mentions, words, attributions or sentences.
    pub units: f64,
    /// How the interval was computed, or why there is none.
    pub method: String,
}

/// One outlet compared with the rest, or with another outlet, on one feature.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The feature.
    pub feature: String,
    /// The outlet.
    pub outlet: String,
    /// What it is compared with: `rest` (every other outlet) or another outlet.
    pub versus: String,
    /// The outlet's value.
    pub value: f64,
    /// The other side's value.
    pub value_versus: f64,
    /// `value - value_versus`, with its bootstrap interval.
    pub difference: f64,
    /// The difference's interval.
    pub bounds: Option<(f64, f64)>,
    /// The permutation test, when one means anything.
    pub test: Option<permute::Tested>,
    /// Benjamini–Hochberg q-value over every test of the run.
    pub q: Option<f64>,
    /// Effect size: Cohen's h for shares, Cohen's d (in article standard deviations) otherwise.
    pub effect: Option<f64>,
    /// `cohen_h` or `cohen_d`.
    pub effect_measure: &'static str,
    /// Articles with units on each side.
    pub articles: (u64, u64),
    /// Why there is no test, when there is none.
    pub note: String,
}

/// Intervals and differences of one run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    /// The options used.
    pub options: StatsOptions,
    /// Whether resampling and permutations kept stories apart.
    pub stratified: bool,
    /// Outlet values with intervals, outlet by outlet.
    pub intervals: Vec<Interval>,
    /// Differences, feature by feature.
    pub differences: Vec<Difference>,
}

impl Findings {
    /// Tests written (rows with a p-value).
    pub fn tests(&self) -> usize {
        self.differences.iter().filter(|d| d.test.is_some()).count()
    }

    /// The differences with q below `alpha`, strongest (smallest q, then largest effect) first.
    pub fn significant(&self, alpha: f64) -> Vec<&Difference> {
        let mut found: Vec<&Difference> = self.differences.iter().filter(|d| d.q.is_some_and(|q| q < alpha)).collect();
        found.sort_by(|a, b| {
            let effect = |d: &Difference| d.effect.map_or(0.0, f64::abs);
            a.q.partial_cmp(&b.q).unwrap_or(std::cmp::Ordering::Equal).then(effect(b).total_cmp(&effect(a)))
        });
        found
    }

    /// The interval row of one outlet and feature.
    pub fn interval(&self, outlet: &str, feature: &str) -> Option<&Interval> {
        self.intervals.iter().find(|i| i.outlet == outlet && i.feature == feature)
    }

    /// The test row of one outlet against the rest on one feature.
    pub fn against_rest(&self, outlet: &str, feature: &str) -> Option<&Difference> {
        self.differences.iter().find(|d| d.outlet == outlet && d.versus == REST && d.feature == feature)
    }
}

/// The `versus` of a comparison with every other outlet.
pub const REST: &str = "rest";

/// Bytes of bootstrap replicates (resampled sums of every tested feature, per outlet) held at
/// once. Below it every outlet's replicates are kept from the intervals to the differences; above
/// it (thousands of outlets) they are drawn a second time for each comparison, from the same
/// seed and so to the same values: twice the bootstrap time, memory bounded by this.
pub const REPLICATE_BYTES: usize = 256 << 20;

/// Intervals and differences for the features named in `features` (the ratio columns of
/// `outlet_features`).
pub fn analyse(sample: &Sample, features: &BTreeSet<String>, options: &StatsOptions) -> Findings {
    analyse_within(sample, features, options, REPLICATE_BYTES)
}

/// [`analyse`], holding at most about `budget` bytes of replicates; the findings do not depend
/// on it.
fn analyse_within(sample: &Sample, features: &BTreeSet<String>, options: &StatsOptions, budget: usize) -> Findings {
    let stratified = sample.has_stories();
    let mut findings = Findings { options: options.clone(), stratified, ..Findings::default() };
    if options.resamples == 0 || sample.articles.is_empty() {
        return findings;
    }
    let wanted: Vec<usize> = (0..sample.features.len()).filter(|&j| features.contains(&sample.features[j])).collect();
    let outlets: Vec<(&str, Vec<usize>)> = sample.by_outlet().into_iter().collect();
    let totals: Vec<Vec<(Ratio, u64)>> = outlets.iter().map(|(_, a)| sample.totals(a)).collect();
    let strata: Vec<Vec<Vec<usize>>> = outlets.iter().map(|(_, a)| sample.strata(a)).collect();
    let draw = |o: usize| {
        bootstrap::replicates(sample, &strata[o], &wanted, options.resamples, seed_for(options.seed, outlets[o].0))
    };
    // What each outlet's replicates take.
    let bytes: Vec<usize> = strata
        .iter()
        .map(|s| bootstrap::rows(s, options.resamples) * wanted.len() * std::mem::size_of::<Ratio>())
        .collect();
    let held = bytes.iter().sum::<usize>() <= budget;
    // Intervals, and the resampled sums over every outlet, in outlet order, one batch of outlets
    // within the budget at a time (all of them at once when they are held).
    let mut kept: Vec<bootstrap::Replicates> = Vec::new();
    let mut grand_replicates = vec![vec![Ratio::default(); wanted.len()]; options.resamples];
    let mut next = 0;
    while next < outlets.len() {
        let mut end = next + 1;
        let mut size = bytes[next];
        while end < outlets.len() && (held || size + bytes[end] <= budget) {
            size += bytes[end];
            end += 1;
        }
        let batch: Vec<bootstrap::Replicates> = (next..end).into_par_iter().map(draw).collect();
        for (o, replicates) in (next..end).zip(&batch) {
            for (b, row) in grand_replicates.iter_mut().enumerate() {
                for (w, cell) in row.iter_mut().enumerate() {
                    *cell = add(*cell, replicates.at(b, w));
                }
            }
            let context = OutletContext { sample, wanted: &wanted, options, stratified, strata: strata[o].len() };
            findings.intervals.extend(context.intervals(&outlets[o], &totals[o], replicates));
        }
        if held {
            kept.extend(batch);
        }
        next = end;
    }
    let comparisons = comparisons(&outlets, &options.pairs);
    let tested: Vec<Vec<Option<permute::Tested>>> = comparisons
        .par_iter()
        .map(|c| {
            let (a, b) = (side(&outlets, &c.first), side(&outlets, &c.second));
            // A side with too few articles gets no test whatever the feature, so the
            // permutations would be wasted (and one-article outlets would make them quadratic).
            if (a.len() as u64) < MIN_ARTICLES || (b.len() as u64) < MIN_ARTICLES {
                return vec![None; wanted.len()];
            }
            let seed = seed_for(options.seed, &format!("{}|{}", c.outlet, c.versus));
            permute::test(sample, &a, &b, &wanted, options.permutations, seed)
        })
        .collect();
    let compared = Compared::new(sample, &outlets, &totals, grand_replicates);
    // Comparison by comparison (each with its outlets' replicates, held or drawn again), then
    // written feature by feature.
    let mut found: Vec<Vec<Option<Difference>>> = comparisons
        .par_iter()
        .zip(&tested)
        .map(|(c, tested)| {
            let replicates = if held {
                Replicates::Held(&kept)
            } else {
                let mut sides: Vec<usize> =
                    c.first.iter().chain(if c.rest { &[][..] } else { &c.second }).copied().collect();
                sides.sort_unstable();
                sides.dedup();
                Replicates::Drawn(sides.into_iter().map(|o| (o, draw(o))).collect())
            };
            wanted.iter().enumerate().map(|(w, &j)| compared.difference(c, j, w, tested[w], &replicates)).collect()
        })
        .collect();
    for w in 0..wanted.len() {
        for row in &mut found {
            if let Some(d) = row[w].take() {
                findings.differences.push(d);
            }
        }
    }
    benjamini_hochberg(&mut findings.differences);
    findings
}

/// Outlets' replicates during the differences: all of them, or those one comparison reads.
enum Replicates<'a> {
    Held(&'a [bootstrap::Replicates]),
    Drawn(Vec<(usize, bootstrap::Replicates)>),
}

impl Replicates<'_> {
    fn of(&self, outlet: usize) -> &bootstrap::Replicates {
        match self {
            Replicates::Held(all) => &all[outlet],
            Replicates::Drawn(some) => &some.iter().find(|(o, _)| *o == outlet).expect("drawn for this comparison").1,
        }
    }
}

/// What an outlet's intervals read besides its own articles.
struct OutletContext<'a> {
    sample: &'a Sample,
    wanted: &'a [usize],
    options: &'a StatsOptions,
    stratified: bool,
    strata: usize,
}

impl OutletContext<'_> {
    /// One outlet's interval rows, in feature order.
    fn intervals(
        &self,
        (outlet, articles): &(&str, Vec<usize>),
        totals: &[(Ratio, u64)],
        replicates: &bootstrap::Replicates,
    ) -> Vec<Interval> {
        let method =
            if self.stratified { "bootstrap over articles, stratified by story" } else { "bootstrap over articles" };
        let mut rows = Vec::new();
        for (w, &j) in self.wanted.iter().enumerate() {
            let (sums, with_units) = totals[j];
            let Some(value) = sums.value() else { continue };
            let (bounds, method) = if articles.len() < 2 {
                (None, "none: a single article".to_string())
            } else if with_units < 2 {
                (None, "none: a single article with units for it".to_string())
            } else {
                let values = replicates.of(w).map(Ratio::value);
                let df = with_units as f64 - self.strata as f64;
                // An outlet's ratio of sums lies between its articles' values, and so does the
                // widened interval.
                let (least, most) = self.sample.range(articles, j);
                let bounds = percentile_interval(values).map(|b| {
                    let (low, high) = bootstrap::widen(b, value, df);
                    (low.max(least), high.min(most))
                });
                (bounds, format!("{method} ({} resamples)", self.options.resamples))
            };
            rows.push(Interval {
                outlet: outlet.to_string(),
                feature: self.sample.features[j].clone(),
                value,
                bounds,
                articles: with_units,
                units: sums.whole,
                method,
            });
        }
        rows
    }
}

/// One comparison: outlet indices on each side.
struct Comparison {
    outlet: String,
    versus: String,
    first: Vec<usize>,
    second: Vec<usize>,
    /// Whether `second` is every outlet but `first` (its sums are the grand sums less the first's).
    rest: bool,
}

fn comparisons(outlets: &[(&str, Vec<usize>)], pairs: &[(String, String)]) -> Vec<Comparison> {
    let mut out = Vec::new();
    if outlets.len() >= 2 {
        for o in 0..outlets.len() {
            out.push(Comparison {
                outlet: outlets[o].0.to_string(),
                versus: REST.to_string(),
                first: vec![o],
                second: (0..outlets.len()).filter(|&x| x != o).collect(),
                rest: true,
            });
        }
    }
    let index = |name: &str| outlets.iter().position(|(o, _)| *o == name);
    for (a, b) in pairs {
        if let (Some(x), Some(y)) = (index(a), index(b)) {
            out.push(Comparison { outlet: a.clone(), versus: b.clone(), first: vec![x], second: vec![y], rest: false });
        }
    }
    out
}

fn side(outlets: &[(&str, Vec<usize>)], which: &[usize]) -> Vec<usize> {
    which.iter().flat_map(|&o| outlets[o].1.iter().copied()).collect()
}

/// What a comparison reads, with the sums over every outlet, so that the rest of the outlets
/// cost one subtraction instead of a sum over all of them (which made a run with thousands of
/// outlets quadratic).
struct Compared<'a> {
    sample: &'a Sample,
    outlets: &'a [(&'a str, Vec<usize>)],
    totals: &'a [Vec<(Ratio, u64)>],
    /// Sums over every outlet, per feature.
    grand: Vec<(Ratio, u64)>,
    /// Resampled sums over every outlet: `[resample][feature]`.
    grand_replicates: Vec<Vec<Ratio>>,
    /// Outlets with exactly one article with units, per feature.
    single: Vec<usize>,
}

/// `a + b`.
fn add(a: Ratio, b: Ratio) -> Ratio {
    Ratio::new(a.part + b.part, a.whole + b.whole)
}

/// `all - part`, or nothing when what is left is rounding (sums of floats never cancel exactly).
fn less(all: Ratio, part: Ratio) -> Ratio {
    let whole = all.whole - part.whole;
    if whole.abs() <= all.whole.abs() * 1e-9 { Ratio::default() } else { Ratio::new(all.part - part.part, whole) }
}

impl<'a> Compared<'a> {
    fn new(
        sample: &'a Sample,
        outlets: &'a [(&'a str, Vec<usize>)],
        totals: &'a [Vec<(Ratio, u64)>],
        grand_replicates: Vec<Vec<Ratio>>,
    ) -> Compared<'a> {
        let features = sample.features.len();
        let mut grand = vec![(Ratio::default(), 0u64); features];
        let mut single = vec![0usize; features];
        for outlet in totals {
            for (j, &(r, n)) in outlet.iter().enumerate() {
                grand[j] = (add(grand[j].0, r), grand[j].1 + n);
                single[j] += usize::from(n == 1);
            }
        }
        Compared { sample, outlets, totals, grand, grand_replicates, single }
    }

    fn sums(&self, side: &[usize], j: usize) -> (Ratio, u64) {
        side.iter().fold((Ratio::default(), 0), |(r, n), &o| {
            let (s, k) = self.totals[o][j];
            (add(r, s), n + k)
        })
    }

    /// The sums of a comparison's second side.
    fn versus_sums(&self, c: &Comparison, j: usize) -> (Ratio, u64) {
        if !c.rest {
            return self.sums(&c.second, j);
        }
        let (first, n) = self.sums(&c.first, j);
        (less(self.grand[j].0, first), self.grand[j].1 - n)
    }

    fn resampled(side: &[usize], w: usize, b: usize, replicates: &Replicates) -> Ratio {
        side.iter().fold(Ratio::default(), |r, &o| add(r, replicates.of(o).at(b, w)))
    }

    /// One resample's difference between the sides, on tested feature `w`.
    fn resampled_difference(&self, c: &Comparison, w: usize, b: usize, replicates: &Replicates) -> Option<f64> {
        let first = Self::resampled(&c.first, w, b, replicates);
        let second = if c.rest {
            less(self.grand_replicates[b][w], first)
        } else {
            Self::resampled(&c.second, w, b, replicates)
        };
        Some(first.value()? - second.value()?)
    }

    /// Comparison `c` on feature `j`, the `w`th tested.
    fn difference(
        &self,
        c: &Comparison,
        j: usize,
        w: usize,
        tested: Option<permute::Tested>,
        replicates: &Replicates,
    ) -> Option<Difference> {
        let ((first, n1), (second, n2)) = (self.sums(&c.first, j), self.versus_sums(c, j));
        let (value, value_versus) = (first.value(), second.value());
        if value.is_none() && value_versus.is_none() {
            return None;
        }
        let (value, value_versus) = (value.unwrap_or(f64::NAN), value_versus.unwrap_or(f64::NAN));
        let resamples = self.grand_replicates.len();
        let bounds = percentile_interval((0..resamples).map(|b| self.resampled_difference(c, w, b, replicates)))
            .map(|b| bootstrap::widen(b, value - value_versus, (n1.min(n2) as f64 - 1.0).max(1.0)));
        let note = self.note(c, [n1, n2], first.part == 0.0 && second.part == 0.0, tested.is_some());
        let feature = &self.sample.features[j];
        let share = feature.ends_with("_share") && (0.0..=1.0).contains(&value) && (0.0..=1.0).contains(&value_versus);
        let effect = if share {
            Some(2.0 * value.sqrt().asin() - 2.0 * value_versus.sqrt().asin())
        } else {
            self.cohen_d(c, j, value - value_versus)
        };
        Some(Difference {
            feature: feature.clone(),
            outlet: c.outlet.clone(),
            versus: c.versus.clone(),
            value,
            value_versus,
            difference: value - value_versus,
            bounds: if value.is_nan() || value_versus.is_nan() || !self.resamplable(c, j) { None } else { bounds },
            test: if note.is_empty() { tested } else { None },
            q: None,
            effect: effect.filter(|e| e.is_finite()),
            effect_measure: if share { "cohen_h" } else { "cohen_d" },
            articles: (n1, n2),
            note,
        })
    }

    /// Whether every outlet of the comparison that has units for feature `j` has two or more
    /// such articles (a single article does not vary when resampled, so an interval would be
    /// a point).
    fn resamplable(&self, c: &Comparison, j: usize) -> bool {
        let single = |side: &[usize]| side.iter().filter(|&&o| self.totals[o][j].1 == 1).count();
        if c.rest { self.single[j] == 0 } else { single(&c.first) + single(&c.second) == 0 }
    }

    /// Why a comparison gets no test, or an empty string.
    fn note(&self, c: &Comparison, articles: [u64; 2], never: bool, movable: bool) -> String {
        let name = |side: &[usize]| {
            if side.len() == 1 { self.outlets[side[0]].0.to_string() } else { "the other outlets".to_string() }
        };
        for (side, n) in [(&c.first, articles[0]), (&c.second, articles[1])] {
            if n < MIN_ARTICLES {
                let what = if n == 1 { "1 article".to_string() } else { format!("{n} articles") };
                return format!(
                    "{} has {what} with units for it (a test needs {MIN_ARTICLES} on each side)",
                    name(side)
                );
            }
        }
        if never {
            return "it never occurs on either side".to_string();
        }
        if !movable {
            return "no story has articles of both sides, so labels cannot be permuted within stories".to_string();
        }
        String::new()
    }

    /// The difference in standard deviations of the article values of both sides (pooled).
    fn cohen_d(&self, c: &Comparison, j: usize, difference: f64) -> Option<f64> {
        let values = |side: &[usize]| -> Vec<f64> {
            side.iter()
                .flat_map(|&o| self.outlets[o].1.iter())
                .filter_map(|&i| self.sample.articles[i].value(j))
                .collect()
        };
        let (a, b) = (values(&c.first), values(&c.second));
        let ss = |v: &[f64]| {
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            v.iter().map(|x| (x - mean).powi(2)).sum::<f64>()
        };
        let df = (a.len() + b.len()).checked_sub(2).filter(|&d| d > 0)? as f64;
        let sd = ((ss(&a) + ss(&b)) / df).sqrt();
        (sd > 0.0).then(|| difference / sd)
    }
}

/// Fill in Benjamini–Hochberg q-values over every row with a test.
fn benjamini_hochberg(rows: &mut [Difference]) {
    let mut tested: Vec<(usize, f64)> = rows.iter().enumerate().filter_map(|(i, d)| Some((i, d.test?.p))).collect();
    tested.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
    let m = tested.len() as f64;
    let mut running = 1.0f64;
    for (rank, &(i, p)) in tested.iter().enumerate().rev() {
        running = running.min(p * m / (rank + 1) as f64);
        rows[i].q = Some(running);
    }
}

#[cfg(test)]
mod tests;
