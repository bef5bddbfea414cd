//! Outlet intervals and tests checked by simulation, with planted truth.
//!
//! Each simulated corpus has outlets whose articles name the 2020 strike on Soleimani with the
//! iraq-2020 lexicon's labels, in template sentences: every mention is "assassination" with the
//! outlet's planted probability and "killing" otherwise, independently, 2 to 8 mentions per
//! article, articles spread over 5 stories. The whole pipeline measures the articles (lexicon
//! matching, own voice, feature sums), then `stats::analyse` gives the outlet value of
//! `wc__soleimani_strike__assassination__own_share` an interval and tests it.
//!
//! Run with `cargo test --test stats_simulation -- --ignored` (part of `.ci/run`); the figures
//! printed are in the README.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use framelens::corpus::Article;
use framelens::features::{ArticleResult, Extractor};
use framelens::lexicon::{LexiconMatcher, LexiconSet, load, shipped_with_stories};
use framelens::pipeline::sample_of;
use framelens::stats::{Findings, StatsOptions, analyse};
use framelens::text::{Stemmer, TextOptions};
use rand_xoshiro::Xoshiro256PlusPlus;
use rand_xoshiro::rand_core::{RngCore, SeedableRng};
use rayon::prelude::*;

const FEATURE: &str = "wc__soleimani_strike__assassination__own_share";
const RUNS: u64 = 400;

const MENTIONS: &[&str] = &[
    "Officials discussed the {} of Qassem Soleimani on Friday.",
    "The {} of Soleimani came days after the embassy protests.",
    "Analysts said the {} of the Quds Force commander would change the region.",
    "After the {} of Soleimani, markets fell sharply.",
];
const FILLER: &[&str] = &[
    "Parliament met in Baghdad to debate the presence of foreign troops.",
    "Oil prices rose in early trading as investors weighed the risks.",
    "Thousands gathered in the streets of the capital.",
];

fn uniform(rng: &mut Xoshiro256PlusPlus) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// The text of one article: `labels[m]` is whether mention `m` says "assassination".
fn text(labels: &[bool]) -> String {
    let mut text = String::new();
    for (m, &loaded) in labels.iter().enumerate() {
        let label = if loaded { "assassination" } else { "killing" };
        text.push_str(&MENTIONS[m % MENTIONS.len()].replace("{}", label));
        text.push(' ');
        text.push_str(FILLER[m % FILLER.len()]);
        text.push_str("\n\n");
    }
    text
}

struct Simulation {
    set: LexiconSet,
    /// Measured articles by their mentions' labels: texts repeat across runs, and measuring
    /// each once keeps the simulation fast.
    measured: Mutex<HashMap<Vec<bool>, ArticleResult>>,
}

impl Simulation {
    fn new() -> Simulation {
        Simulation { set: load(&shipped_with_stories(&["iraq-2020"])).set, measured: Mutex::default() }
    }

    /// One corpus with `articles` articles per outlet at the planted rates, analysed.
    fn run(&self, seed: u64, rates: &[(&str, f64)], articles: usize) -> Findings {
        let matcher = LexiconMatcher::new(&self.set);
        let extractor = Extractor::new(&self.set, &matcher, TextOptions::default());
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let mut results = Vec::new();
        for &(outlet, p) in rates {
            for i in 0..articles {
                let mentions = 2 + (rng.next_u64() % 7) as usize;
                let labels: Vec<bool> = (0..mentions).map(|_| uniform(&mut rng) < p).collect();
                let mut result = self.measure(&labels, &extractor);
                result.article.id = format!("{outlet}-{i}");
                result.article.outlet = outlet.to_string();
                result.article.story = format!("story-{}", rng.next_u64() % 5);
                results.push(result);
            }
        }
        let mut sample = sample_of(&results, &self.set);
        // Only the planted feature is analysed: keep the simulation's resampling to it.
        let j = sample.features.iter().position(|f| f == FEATURE).expect("the lexicon has the label") as u32;
        sample.features = vec![FEATURE.to_string()];
        for a in &mut sample.articles {
            a.sums.retain(|(k, _)| *k == j);
            a.sums.iter_mut().for_each(|(k, _)| *k = 0);
        }
        let features: BTreeSet<String> = [FEATURE.to_string()].into();
        let options = StatsOptions { permutations: 999, seed: seed ^ 0x5eed, ..StatsOptions::default() };
        analyse(&sample, &features, &options)
    }

    fn measure(&self, labels: &[bool], extractor: &Extractor) -> ArticleResult {
        if let Some(done) = self.measured.lock().expect("not poisoned").get(labels) {
            return done.clone();
        }
        let article = Article { text: text(labels), ..Article::default() };
        let result = extractor.extract(article, &Stemmer::default());
        self.measured.lock().expect("not poisoned").insert(labels.to_vec(), result.clone());
        result
    }

    fn runs(&self, rates: &[(&str, f64)], articles: usize) -> Vec<Findings> {
        (0..RUNS).into_par_iter().map(|seed| self.run(seed, rates, articles)).collect()
    }
}

#[test]
#[ignore = "simulation: about a minute; run by .ci/run"]
fn intervals_cover_the_planted_rate_95_percent_of_the_time() {
    let rates = [("A", 0.3), ("B", 0.5), ("C", 0.7)];
    let runs = Simulation::new().runs(&rates, 30);
    let (mut covered, mut total) = (0, 0);
    for findings in &runs {
        for &(outlet, p) in &rates {
            let interval = findings.interval(outlet, FEATURE).expect("every outlet mentions the strike");
            let (low, high) = interval.bounds.expect("30 articles give an interval");
            covered += u32::from(low <= p && p <= high);
            total += 1;
        }
    }
    let coverage = f64::from(covered) / f64::from(total);
    println!("coverage of 95% intervals: {coverage:.3} ({covered} of {total} intervals, {RUNS} runs)");
    assert!((0.93..=0.97).contains(&coverage), "coverage {coverage}");
}

#[test]
#[ignore = "simulation: about a minute; run by .ci/run"]
fn with_no_planted_difference_at_most_5_percent_of_tests_pass() {
    let rates = [("A", 0.4), ("B", 0.4), ("C", 0.4)];
    let runs = Simulation::new().runs(&rates, 30);
    let tests: usize = runs.iter().map(Findings::tests).sum();
    let false_positives: usize = runs.iter().map(|f| f.significant(0.05).len()).sum();
    let rate = false_positives as f64 / tests as f64;
    println!("false-positive rate at q < 0.05: {rate:.3} ({false_positives} of {tests} tests, {RUNS} runs)");
    assert!(tests >= 3 * RUNS as usize - 3, "every outlet is tested: {tests}");
    assert!(rate <= 0.05, "false-positive rate {rate}");
}

#[test]
#[ignore = "simulation: about a minute; run by .ci/run"]
fn a_20_point_difference_at_30_articles_is_found_80_percent_of_the_time() {
    let rates = [("A", 0.5), ("B", 0.3)];
    let runs = Simulation::new().runs(&rates, 30);
    let found =
        runs.iter().filter(|f| f.against_rest("A", FEATURE).and_then(|d| d.q).is_some_and(|q| q < 0.05)).count();
    let power = found as f64 / runs.len() as f64;
    println!("power at a 20-point difference, 30 articles per outlet: {power:.3} ({found} of {RUNS} runs)");
    assert!(power >= 0.8, "power {power}");
}
