//! Comparison: clusters, distances, charts and their notes, on the example corpus and on small
//! corpora built here with known structure.

use std::fs;
use std::path::Path;

use framelens::chart::png_size;

use crate::util::{framelens, read_csv, report_example};

#[test]
fn report_draws_every_chart_it_lists_at_column_size() {
    let out = report_example(&[]);
    let md = fs::read_to_string(out.path().join("report.md")).unwrap();
    let charts: Vec<String> = md
        .lines()
        .filter_map(|l| {
            l.strip_prefix("![").and_then(|l| l.split_once("](")).map(|(_, f)| f.trim_end_matches(')').to_string())
        })
        .collect();
    for name in [
        "loadedness",
        "voices",
        "attribution_style",
        "framing_map",
        "dendrogram",
        "distances",
        "word_choice_expel_troops",
    ] {
        assert!(charts.contains(&format!("charts/{name}.png")), "{name} missing from {charts:?}");
    }
    for chart in &charts {
        let bytes = fs::read(out.path().join(chart)).unwrap();
        assert_eq!(png_size(&bytes), Some((1200, 900)), "{chart}");
    }
    assert!(charts.contains(&"charts/coverage.png".to_string()), "the facts of iraq-2020 by outlet");
}

#[test]
fn report_clusters_the_five_example_outlets_with_recorded_seed() {
    let out = report_example(&[]);
    let clusters = read_csv(&out.path().join("clusters.csv"));
    let names: Vec<&str> = clusters.iter().map(|r| r["name"].as_str()).collect();
    assert_eq!(names, ["France 24", "HuffPost", "Sputnik", "The Epoch Times", "The Hill"]);
    assert!(clusters.iter().all(|r| !r["kmeans_cluster"].is_empty() && !r["pc1"].is_empty()));
    assert_eq!(clusters[0]["kmeans_cluster"], "1", "the first row is always in cluster 1");
    let distances = read_csv(&out.path().join("distances.csv"));
    assert_eq!(distances.len(), 10, "each pair of 5 outlets once");
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("comparison.json")).unwrap()).unwrap();
    assert_eq!(summary["options"]["seed"], 42);
    assert_eq!(summary["rows"], 5);
    let explained = summary["pca_explained_variance"].as_array().unwrap();
    assert!(explained[0].as_f64().unwrap() >= explained[1].as_f64().unwrap());
    assert!(summary["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("single article")));
}

/// One JSON line per article: three outlets, each with its own vocabulary and voices.
fn styled_corpus(dir: &Path, outlets: &[&str], per_outlet: usize) -> std::path::PathBuf {
    let styles = [
        "The assassination of Soleimani outraged protesters. \\\"We will not forget,\\\" a student protester said. Protesters marched. \\\"This is murder,\\\" another protester shouted.",
        "The strike on Soleimani was a precision strike. \\\"The strike saved lives,\\\" Secretary of State Mike Pompeo said. Officials said the airstrike was lawful.",
        "The killing of Soleimani was reported by Reuters. According to Reuters, the killing came at night. Analysts said the killing would change the region.",
    ];
    let mut lines = String::new();
    for (o, outlet) in outlets.iter().enumerate() {
        for a in 0..per_outlet {
            let text = format!("{} Parliament voted on day {a}.", styles[o % styles.len()]);
            lines.push_str(&format!("{{\"id\": \"{outlet}-{a}\", \"outlet\": \"{outlet}\", \"story\": \"story-{}\", \"text\": \"{text}\"}}\n", a % 2));
        }
    }
    let path = dir.join("corpus.jsonl");
    fs::write(&path, lines).unwrap();
    path
}

#[test]
fn article_level_clusters_recover_outlets_with_distinct_styles() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = styled_corpus(dir.path(), &["Left Daily", "Right Post", "Wire"], 3);
    let out = dir.path().join("out");
    framelens().args(["extract"]).arg(&corpus).arg("--out").arg(&out).arg("-q").assert().success();
    framelens().args(["compare"]).arg(&out).args(["--level", "article", "--k", "3", "-q"]).assert().success();
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("comparison.json")).unwrap()).unwrap();
    assert_eq!(summary["k"], 3);
    assert_eq!(summary["adjusted_rand_index_vs_outlet"], 1.0);
    let story = summary["adjusted_rand_index_vs_story"].as_f64().unwrap();
    assert!(story < 0.2, "stories cut across outlets: {story}");
    assert_eq!(read_csv(&out.join("clusters.csv")).len(), 9);
}

#[test]
fn outlet_clusters_are_bootstrapped_over_articles() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = styled_corpus(dir.path(), &["A", "B", "C", "D", "E", "F"], 3);
    let out = dir.path().join("out");
    framelens().args(["extract"]).arg(&corpus).arg("--out").arg(&out).arg("-q").assert().success();
    framelens().args(["compare"]).arg(&out).args(["--k", "3", "--bootstrap", "40", "-q"]).assert().success();
    let stability = read_csv(&out.join("cluster_stability.csv"));
    assert_eq!(stability.len(), 15);
    let pair =
        |a: &str, b: &str| stability.iter().find(|r| r["a"] == a && r["b"] == b).unwrap()["together_share"].clone();
    assert_eq!(pair("A", "D"), "1.000000", "same style, every round");
    assert_eq!(pair("A", "B"), "0.000000", "different styles, never");
    assert_eq!(stability[0]["rounds"], "40");
}

#[test]
fn two_outlets_get_distances_and_a_note_instead_of_clusters() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = styled_corpus(dir.path(), &["A", "B"], 1);
    let out = dir.path().join("out");
    let assert = framelens().args(["report"]).arg(&corpus).arg("--out").arg(&out).arg("-q").assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("2 outlets are too few (clustering needs at least 3)"), "{stderr}");
    assert_eq!(read_csv(&out.join("distances.csv")).len(), 1);
    assert!(read_csv(&out.join("clusters.csv")).iter().all(|r| r["kmeans_cluster"].is_empty()));
    assert!(out.join("charts/distances.png").exists());
    assert!(!out.join("charts/framing_map.png").exists());
    let md = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(md.contains("Chart `framing_map` not drawn"), "{md}");
}

#[test]
fn unknown_feature_group_is_refused_with_the_groups_available() {
    let out = report_example(&[]);
    framelens().args(["compare"]).arg(out.path()).args(["--groups", "sentiment"]).assert().failure().stderr(
        predicates::str::contains(
            "unknown feature group `sentiment` in --groups (this report has: agency, attribution, coverage, loaded, naming, tone, voices, word_choice)",
        ),
    );
}

#[test]
fn selected_groups_and_svg_charts() {
    let out = report_example(&[]);
    framelens()
        .args(["compare"])
        .arg(out.path())
        .args(["--groups", "voices", "--chart-format", "svg", "-q"])
        .assert()
        .success();
    let summary: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("comparison.json")).unwrap()).unwrap();
    let used = summary["features_used"].as_array().unwrap();
    assert!(!used.is_empty());
    assert!(used.iter().all(|f| f.as_str().unwrap().starts_with("voice") || f == "quoted_share"), "{used:?}");
    let svg = fs::read_to_string(out.path().join("charts/framing_map.svg")).unwrap();
    assert!(svg.contains("Framing map"));
}
