//! Bad input gets a clear message naming file and line; everything else is still processed.

use std::fs;

use predicates::prelude::*;

use crate::util::{copy_example, framelens, read_csv};

#[test]
fn broken_articles_are_reported_and_the_rest_measured() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), true);
    fs::write(dir.path().join("articles/latin1.txt"), b"Le pr\xe9sident a parl\xe9.\nSecond line\n").unwrap();
    fs::write(dir.path().join("articles/empty.txt"), b"\n \n").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    framelens()
        .args(["extract"])
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin1.txt:1: not valid UTF-8 (byte 5)"))
        .stderr(predicate::str::contains("empty.txt: empty article"))
        .stderr(predicate::str::contains("measured 5 articles from 5 outlets"));
    assert_eq!(read_csv(&out.join("articles.csv")).len(), 5);
    let manifest = fs::read_to_string(out.join("run_manifest.json")).unwrap();
    assert!(manifest.contains("not valid UTF-8"));
}

#[test]
fn manifest_without_file_column_falls_back_to_inference() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), false);
    fs::write(dir.path().join("manifest.csv"), "name,outlet\n000_63e73156e22eb402.txt,HuffPost\n").unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    framelens()
        .arg("extract")
        .arg(dir.path())
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("manifest.csv:1: manifest has no `file` column (columns: name, outlet)"));
    let articles = read_csv(&out.join("articles.csv"));
    assert_eq!(articles.len(), 5);
    assert_eq!(articles[3]["outlet"], "Sputnik");
}

#[test]
fn manifest_row_naming_a_missing_file_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), true);
    let mut manifest = fs::read_to_string(dir.path().join("manifest.csv")).unwrap();
    manifest.push_str("gone.txt,Nowhere,,,\n");
    fs::write(dir.path().join("manifest.csv"), manifest).unwrap();
    let out = tempfile::tempdir().unwrap();
    framelens()
        .arg("extract")
        .arg(dir.path())
        .arg("--out")
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("manifest.csv:7: file `gone.txt` not found"));
}

#[test]
fn malformed_lexicon_is_reported_and_the_others_still_used() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, "[lexicon]\nid = \"bad\"\nversion = \"1\"\n[[concept]]\nid = \"x\"\nlabels = [{ text = \"expel\", connotation = \"angry\" }]\n").unwrap();
    let out = dir.path().join("out");
    framelens()
        .args(["extract", "corpora/iraq-2020", "--lexicon", "lexicons/stories/iraq-2020.toml", "--lexicon"])
        .arg(&bad)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.toml:6:").and(predicate::str::contains("angry")));
    let evidence = read_csv(&out.join("evidence.csv"));
    assert!(evidence.iter().any(|r| r["label"] == "eject"), "the good lexicon was used");
}

#[test]
fn missing_input_fails_with_a_clear_message() {
    framelens()
        .args(["report", "no/such/folder", "--out", "/tmp/framelens-never-written"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/folder: no such file or folder"));
}
