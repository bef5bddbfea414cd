//! Planted-truth checks on small samples built by hand; the simulation over whole generated
//! corpora is in tests/stats_simulation.rs.

use super::*;
use crate::features::{Column, Ratio, Values};

/// A sample of one share feature: per article (outlet, story, hits, mentions).
fn sample(articles: &[(&str, &str, f64, f64)]) -> Sample {
    let mut s = Sample::default();
    for &(outlet, story, part, whole) in articles {
        let values = vec![Column::new("x_share", Values::Ratio(vec![Ratio::new(part, whole)]))];
        s.add(&values, &[outlet], &[story]);
    }
    s
}

fn features() -> BTreeSet<String> {
    ["x_share".to_string()].into()
}

#[test]
fn an_outlet_value_is_its_sums_ratio_and_its_interval_holds_it() {
    let s = sample(&[("A", "", 1.0, 4.0), ("A", "", 3.0, 4.0), ("A", "", 2.0, 4.0), ("B", "", 0.0, 2.0)]);
    let f = analyse(&s, &features(), &StatsOptions::default());
    let a = f.interval("A", "x_share").unwrap();
    assert_eq!((a.value, a.articles, a.units), (0.5, 3, 12.0));
    let (low, high) = a.bounds.unwrap();
    assert!(low < 0.5 && 0.5 < high && low >= 0.25 && high <= 0.75, "{low} {high}");
    let b = f.interval("B", "x_share").unwrap();
    assert_eq!((b.bounds, b.method.as_str()), (None, "none: a single article"));
}

#[test]
fn small_groups_get_a_note_and_no_test() {
    let s = sample(&[("A", "", 1.0, 4.0), ("A", "", 3.0, 4.0), ("B", "", 0.0, 2.0), ("B", "", 0.0, 2.0)]);
    let f = analyse(&s, &features(), &StatsOptions::default());
    let d = f.against_rest("A", "x_share").unwrap();
    assert_eq!((d.test, d.q), (None, None));
    assert!(d.note.contains("A has 2 articles"), "{}", d.note);
    assert_eq!(f.tests(), 0);
}

#[test]
fn a_planted_difference_is_found_and_equal_groups_are_not() {
    let mut rows = Vec::new();
    for i in 0..20 {
        rows.push(("A", "", 8.0 + f64::from(i % 3), 10.0));
        rows.push(("B", "", 2.0 + f64::from(i % 3), 10.0));
        rows.push(("C", "", 2.0 + f64::from((i + 1) % 3), 10.0));
    }
    let options = StatsOptions { pairs: vec![("B".into(), "C".into())], ..StatsOptions::default() };
    let f = analyse(&sample(&rows), &features(), &options);
    let a = f.against_rest("A", "x_share").unwrap();
    assert!(a.q.unwrap() < 0.01 && a.difference > 0.5, "{a:?}");
    let (low, high) = a.bounds.unwrap();
    assert!(low > 0.5 && high < 0.7, "{low} {high}");
    // B and C are planted equal: their pair is no difference.
    let bc = f.differences.iter().find(|d| d.outlet == "B" && d.versus == "C").unwrap();
    assert!(bc.test.unwrap().p > 0.05 && bc.q.unwrap() > 0.05, "{bc:?}");
    assert_eq!(f.significant(0.05)[0].outlet, "A");
}

#[test]
fn permutations_stay_within_stories() {
    // A covers story s1 (high values) and B story s2 (low values), each with one article of the
    // other outlet in its story: the raw difference is large, but within stories the outlets
    // write alike, so the permutation test must not call it a difference.
    let mut rows = Vec::new();
    for i in 0..10 {
        let wobble = f64::from(i % 2);
        rows.push(("A", "s1", 8.0 + wobble, 10.0));
        rows.push(("B", "s2", 1.0 + wobble, 10.0));
    }
    rows.extend([("B", "s1", 8.5, 10.0), ("A", "s2", 1.5, 10.0), ("B", "s1", 8.5, 10.0), ("A", "s2", 1.5, 10.0)]);
    let f = analyse(&sample(&rows), &features(), &StatsOptions::default());
    let a = f.against_rest("A", "x_share").unwrap();
    assert!(a.difference > 0.3, "{a:?}");
    assert!(a.test.unwrap().p > 0.05, "{a:?}");
}

#[test]
fn no_shared_story_means_no_test() {
    let mut rows = Vec::new();
    for i in 0..5 {
        rows.push(("A", "s1", f64::from(i), 10.0));
        rows.push(("B", "s2", f64::from(i), 10.0));
    }
    let f = analyse(&sample(&rows), &features(), &StatsOptions::default());
    assert!(f.against_rest("A", "x_share").unwrap().note.contains("no story"));
}

#[test]
fn q_values_are_benjamini_hochberg() {
    let row = |p: f64| Difference {
        feature: String::new(),
        outlet: String::new(),
        versus: String::new(),
        value: 0.0,
        value_versus: 0.0,
        difference: 0.0,
        bounds: None,
        test: Some(permute::Tested { p, permutations: 1 }),
        q: None,
        effect: None,
        effect_measure: "cohen_h",
        articles: (0, 0),
        note: String::new(),
    };
    let mut rows: Vec<Difference> = [0.01, 0.04, 0.03, 0.5].into_iter().map(row).collect();
    benjamini_hochberg(&mut rows);
    let q: Vec<f64> = rows.iter().map(|r| r.q.unwrap()).collect();
    assert_eq!(q, [0.04, 0.04 * 4.0 / 3.0, 0.04 * 4.0 / 3.0, 0.5]);
}

#[test]
fn the_same_seed_gives_the_same_findings() {
    let rows: Vec<(&str, &str, f64, f64)> =
        (0..30).map(|i| (["A", "B", "C"][i % 3], "", (i % 5) as f64, 5.0)).collect();
    let s = sample(&rows);
    assert_eq!(analyse(&s, &features(), &StatsOptions::default()), analyse(&s, &features(), &StatsOptions::default()));
}

#[test]
fn the_rest_is_every_other_outlet_even_among_thousands_of_one_article_outlets() {
    // 3,000 one-article outlets (a degenerate corpus named by file) and one outlet with
    // articles: the rest's value is the other outlets' ratio of sums, the one-article outlets
    // get notes and no tests, and the run stays small (it was quadratic in outlets).
    let names: Vec<String> = (0..3000).map(|i| format!("o{i:04}")).collect();
    let mut rows: Vec<(&str, &str, f64, f64)> = names.iter().map(|n| (n.as_str(), "", 1.0, 4.0)).collect();
    rows.extend([("big", "", 3.0, 4.0), ("big", "", 4.0, 4.0), ("big", "", 2.0, 4.0), ("big", "", 3.0, 4.0)]);
    let options = StatsOptions { resamples: 200, permutations: 199, ..StatsOptions::default() };
    let f = analyse(&sample(&rows), &features(), &options);
    let big = f.against_rest("big", "x_share").unwrap();
    assert!((big.value - 0.75).abs() < 1e-12 && (big.value_versus - 0.25).abs() < 1e-12, "{big:?}");
    assert!(big.test.is_some() && big.q.unwrap() < 0.05, "{big:?}");
    // The rest of a one-article outlet holds the big outlet: (2999 + 12) / (4 * 3003).
    let one = f.against_rest("o0001", "x_share").unwrap();
    assert!((one.value_versus - 3011.0 / 12012.0).abs() < 1e-12, "{one:?}");
    assert!(one.test.is_none() && one.note.contains("1 article"), "{one:?}");
    assert_eq!(f.tests(), 1);
}

#[test]
fn findings_do_not_depend_on_how_many_replicates_are_held() {
    // Five outlets in two stories, one of them a single article, and a named pair: every kind of
    // interval and comparison.
    let mut rows = Vec::new();
    for (o, outlet) in ["A", "B", "C", "D"].iter().enumerate() {
        for i in 0..6 {
            let story = if i % 2 == 0 { "s1" } else { "s2" };
            rows.push((*outlet, story, ((i * (o + 2)) % 5) as f64, 5.0 + i as f64));
        }
    }
    rows.push(("E", "s1", 1.0, 3.0));
    let s = sample(&rows);
    let options = StatsOptions { resamples: 200, pairs: vec![("A".into(), "C".into())], ..StatsOptions::default() };
    let all = analyse_within(&s, &features(), &options, usize::MAX);
    assert!(all.intervals.len() == 5 && all.differences.len() > 5, "{all:?}");
    assert!(all.differences.iter().any(|d| d.versus == "C" && d.bounds.is_some()));
    // A budget of nothing holds one outlet at a time and draws each comparison's again.
    assert_eq!(analyse_within(&s, &features(), &options, 0), all);
    assert_eq!(analyse_within(&s, &features(), &options, 2 * 200 * 16), all);
}
