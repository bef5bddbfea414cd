//! Outlet intervals and differences through the command line.

use std::fmt::Write as _;
use std::fs;

use crate::util::{framelens, read_csv, rows_where};

/// Three outlets × 8 articles over 4 stories: A always writes "assassination" of the strike, B
/// and C always "killing".
fn planted_corpus(dir: &std::path::Path) -> std::path::PathBuf {
    let mut jsonl = String::new();
    for outlet in ["A", "B", "C"] {
        let label = if outlet == "A" { "assassination" } else { "killing" };
        for i in 0..8 {
            let text = format!(
                "The {label} of Qassem Soleimani was debated in Baghdad. After the {label} of Soleimani, oil prices rose.\\n\\nParliament met on day {i}."
            );
            let _ = writeln!(
                jsonl,
                r#"{{"id": "{outlet}{i}", "outlet": "{outlet}", "story": "s{}", "text": "{text}"}}"#,
                i % 4
            );
        }
    }
    let path = dir.join("planted.jsonl");
    fs::write(&path, jsonl).unwrap();
    path
}

#[test]
fn extract_with_intervals_finds_the_planted_difference_and_not_the_equal_pair() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = planted_corpus(dir.path());
    let out = dir.path().join("out");
    framelens()
        .args(["extract", "--story-lexicon", "iraq-2020", "--intervals", "300", "--pairs", "B,C", "-q", "--out"])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    let feature = "wc__soleimani_strike__assassination__own_share";
    let intervals = read_csv(&out.join("outlet_intervals.csv"));
    let a = rows_where(&intervals, &[("outlet", "A"), ("feature", feature)]);
    assert_eq!(
        (a[0]["value"].as_str(), a[0]["articles"].as_str(), a[0]["units"].as_str()),
        ("1.000000", "8", "16.000000")
    );
    assert!(a[0]["method"].contains("stratified by story (300 resamples)"), "{:?}", a[0]);
    let differences = read_csv(&out.join("differences.csv"));
    let a = rows_where(&differences, &[("outlet", "A"), ("versus", "rest"), ("feature", feature)]);
    let q: f64 = a[0]["q"].parse().unwrap();
    assert!(q < 0.05, "{:?}", a[0]);
    assert_eq!(a[0]["difference"], "1.000000");
    let bc = rows_where(&differences, &[("outlet", "B"), ("versus", "C"), ("feature", feature)]);
    assert_eq!(bc[0]["p"], "", "never on either side: no test, {:?}", bc[0]);
    assert_eq!(bc[0]["note"], "it never occurs on either side");
}

#[test]
fn extract_writes_no_intervals_unless_asked_and_refuses_a_bad_pair() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = planted_corpus(dir.path());
    let out = dir.path().join("out");
    framelens().args(["extract", "-q", "--out"]).arg(&out).arg(&corpus).assert().success();
    assert!(!out.join("differences.csv").exists());
    let failed = framelens().args(["extract", "-q", "--pairs", "A", "--out"]).arg(&out).arg(&corpus).assert().failure();
    let stderr = String::from_utf8_lossy(&failed.get_output().stderr).to_string();
    assert!(stderr.contains("--pairs \"A\""), "{stderr}");
}

#[test]
fn report_draws_whiskers_and_a_forest_plot_of_the_surviving_difference() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = planted_corpus(dir.path());
    let out = dir.path().join("out");
    framelens()
        .args(["report", "--story-lexicon", "iraq-2020", "--intervals", "200", "--permutations", "999"])
        .args(["--chart-format", "svg", "-q", "--out"])
        .arg(&out)
        .arg(&corpus)
        .assert()
        .success();
    let word_choice = fs::read_to_string(out.join("charts/word_choice_soleimani_strike.svg")).unwrap();
    assert!(word_choice.contains("with 95% intervals"), "dot-and-whisker version when there are intervals");
    let forest = fs::read_to_string(out.join("charts/outlet_differences.svg")).unwrap();
    assert!(forest.contains("soleimani strike: assassination (own) · A vs rest"), "the planted difference");
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("![outlet differences](charts/outlet_differences.svg)"), "linked from report.md");
    // `compare` redraws from the folder's tables, with the run's alpha from the manifest.
    fs::remove_file(out.join("charts/outlet_differences.svg")).unwrap();
    framelens().args(["compare", "--chart-format", "svg", "-q"]).arg(&out).assert().success();
    assert_eq!(fs::read_to_string(out.join("charts/outlet_differences.svg")).unwrap(), forest);
}
