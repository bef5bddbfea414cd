//! Near-duplicate articles: a republished wire story is named as a copy of the original, counted
//! per outlet, and left out of the outlet tables with `--drop-copies`.

use std::fs;

use crate::util::{example_corpus, framelens, read_csv};

/// The example corpus as JSONL, plus two republications of the Sputnik article by other sites
/// (one trimmed, with a new headline line and site furniture), with Sputnik marked as a wire.
fn corpus_with_copies(dir: &std::path::Path) -> std::path::PathBuf {
    let manifest = read_csv(&example_corpus().join("manifest.csv"));
    let mut lines = Vec::new();
    let mut sputnik = String::new();
    for row in &manifest {
        let text = fs::read_to_string(example_corpus().join("articles").join(&row["file"])).unwrap();
        if row["outlet"] == "Sputnik" {
            sputnik = text.clone();
        }
        lines.push(serde_json::json!({"id": row["file"], "outlet": row["outlet"], "text": text}).to_string());
    }
    let paragraphs: Vec<&str> = sputnik.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(paragraphs.len() > 3, "the original has paragraphs to trim");
    let trimmed = paragraphs[..paragraphs.len() - 1].join("\n");
    let copies = [
        ("copy-a", "Daily Site", format!("World news | Daily Site\n\n{trimmed}\n\nShare this article")),
        ("copy-b", "Other Site", sputnik.clone()),
    ];
    for (id, outlet, text) in copies {
        lines.push(serde_json::json!({"id": id, "outlet": outlet, "text": text}).to_string());
    }
    let path = dir.join("corpus.jsonl");
    fs::write(&path, lines.join("\n")).unwrap();
    path
}

#[test]
fn republished_copies_are_named_counted_and_can_be_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_with_copies(dir.path());
    let out = dir.path().join("out");
    framelens().args(["report", "-q", "--intervals", "0", "--out"]).arg(&out).arg(&corpus).assert().success();
    let duplicates = read_csv(&out.join("duplicates.csv"));
    let named: Vec<(&str, &str, &str)> = duplicates
        .iter()
        .map(|r| (r["article"].as_str(), r["copy_of"].as_str(), r["copy_of_outlet"].as_str()))
        .collect();
    let original = "003_63e7cd1a6ad879a8.txt";
    assert_eq!(named, [("copy-a", original, "Sputnik"), ("copy-b", original, "Sputnik")]);
    let similarity: f64 = duplicates[1]["similarity"].parse().unwrap();
    assert!(similarity > 0.95, "a verbatim copy: {similarity}");
    let copies = read_csv(&out.join("copies.csv"));
    let daily = copies.iter().find(|r| r["outlet"] == "Daily Site").unwrap();
    assert_eq!((daily["articles"].as_str(), daily["copies"].as_str()), ("1", "1"));
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("2 of 7 articles copy most of an earlier article"), "{report}");
    let outlets = read_csv(&out.join("outlet_features.csv"));
    assert!(outlets.iter().any(|r| r["outlet"] == "Daily Site"), "copies count by default");

    let dropped = dir.path().join("dropped");
    framelens()
        .args(["report", "-q", "--intervals", "0", "--drop-copies", "--out"])
        .arg(&dropped)
        .arg(&corpus)
        .assert()
        .success();
    let outlets = read_csv(&dropped.join("outlet_features.csv"));
    let names: Vec<&str> = outlets.iter().map(|r| r["outlet"].as_str()).collect();
    assert!(!names.contains(&"Daily Site") && !names.contains(&"Other Site"), "{names:?}");
    let articles = read_csv(&dropped.join("articles.csv"));
    assert_eq!(articles.len(), 7, "copies stay in the per-article tables");
    let report = fs::read_to_string(dropped.join("report.md")).unwrap();
    assert!(report.contains("left out of the outlet tables"), "{report}");
}
