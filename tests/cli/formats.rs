//! `--formats`: which files each table is written as, with the same bytes as the default run.

use std::fs;
use std::path::Path;

use crate::util::framelens;

/// Run `extract` on the example corpus with `extra` arguments into a fresh folder.
fn extract_example(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    framelens().args(["extract", "corpora/iraq-2020", "-q", "--out"]).arg(out.path()).args(extra).assert().success();
    out
}

/// File names in `dir` ending in `.ext`, sorted.
fn names_with(dir: &Path, ext: &str) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(&format!(".{ext}")))
        .collect();
    names.sort();
    names
}

fn assert_same_files(names: &[String], a: &Path, b: &Path) {
    for name in names {
        assert!(fs::read(a.join(name)).unwrap() == fs::read(b.join(name)).unwrap(), "{name} differs");
    }
}

fn manifest_formats(dir: &Path) -> String {
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.join("run_manifest.json")).unwrap()).unwrap();
    let options = manifest["options"].as_array().unwrap();
    let formats = options.iter().find(|pair| pair[0] == "formats").unwrap_or_else(|| panic!("no formats: {manifest}"));
    formats[1].as_str().unwrap().to_string()
}

/// The merge state, written as Parquet whatever `--formats` says.
const ALWAYS: &str = "article_partials.parquet";

/// `--formats KEPT` writes every table the default run writes as KEPT, with the same bytes, and
/// none as DROPPED (but the merge state).
fn assert_writes_only(kept: &str, dropped: &str) {
    let both = extract_example(&[]);
    let one = extract_example(&["--formats", kept]);
    let expected = names_with(both.path(), kept);
    assert!(expected.contains(&format!("evidence.{kept}")) && expected.len() >= 16, "{expected:?}");
    assert_eq!(names_with(one.path(), kept), expected);
    let others: Vec<String> = names_with(one.path(), dropped).into_iter().filter(|n| n != ALWAYS).collect();
    assert_eq!(others, Vec::<String>::new());
    assert_same_files(&expected, both.path(), one.path());
    assert_eq!(manifest_formats(both.path()), "csv,parquet");
    assert_eq!(manifest_formats(one.path()), kept);
}

#[test]
fn parquet_only_writes_the_same_parquet_files_and_no_csv() {
    assert_writes_only("parquet", "csv");
}

#[test]
fn csv_only_writes_the_same_csv_files_and_no_parquet() {
    assert_writes_only("csv", "parquet");
}

#[test]
fn a_second_run_with_one_format_leaves_no_stale_file_of_the_other() {
    let out = extract_example(&[]);
    assert!(out.path().join("evidence.csv").is_file() && out.path().join("word_choice.csv").is_file());
    framelens()
        .args(["extract", "corpora/iraq-2020", "-q", "--formats", "parquet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(names_with(out.path(), "csv"), Vec::<String>::new(), "CSV files of the first run remain");
    assert!(out.path().join("evidence.parquet").is_file());
}

#[test]
fn report_with_csv_only_compares_outlets_from_memory_and_writes_no_parquet() {
    let out = tempfile::tempdir().unwrap();
    framelens()
        .args(["report", "corpora/iraq-2020", "-q", "--formats", "csv", "--out"])
        .arg(out.path())
        .assert()
        .success();
    // Nothing to read back: the comparison worked on the tables in memory.
    assert_eq!(names_with(out.path(), "parquet"), [ALWAYS], "no Parquet table is written but the merge state");
    assert!(out.path().join("clusters.csv").is_file() && out.path().join("charts/framing_map.png").is_file());
    let report = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(report.contains("HuffPost") && report.contains("Sputnik"), "{report}");
    // The same bytes as the default run, table by table and chart by chart.
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("reports/iraq-2020");
    for name in names_with(out.path(), "csv") {
        let ours = fs::read(out.path().join(&name)).unwrap();
        assert!(ours == fs::read(shipped.join(&name)).unwrap(), "{name} differs from the default run");
    }
    let chart = |dir: &std::path::Path| fs::read(dir.join("charts/attribution_style.png")).unwrap();
    assert!(chart(out.path()) == chart(&shipped), "the attribution chart differs");
}

#[test]
fn report_with_parquet_only_still_compares_outlets() {
    let out = tempfile::tempdir().unwrap();
    framelens()
        .args(["report", "corpora/iraq-2020", "-q", "--formats", "parquet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(names_with(out.path(), "csv"), Vec::<String>::new(), "no CSV file is written");
    assert!(out.path().join("clusters.parquet").is_file(), "comparison files follow --formats");
    let report = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(report.contains("HuffPost") && report.contains("Sputnik"), "{report}");
    // The findings point to the files that exist.
    assert!(report.contains("Tables: Parquet") && report.contains("`evidence.parquet` where"), "{report}");
    for table in ["evidence", "quotes", "voices"] {
        assert!(!report.contains(&format!("`{table}.csv`")), "report.md points to {table}.csv");
    }
}

#[test]
fn an_unknown_format_is_refused_with_the_choices() {
    let out = tempfile::tempdir().unwrap();
    let assert = framelens()
        .args(["extract", "corpora/iraq-2020", "--formats", "xlsx", "--out"])
        .arg(out.path())
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("xlsx") && stderr.contains("csv") && stderr.contains("parquet"), "{stderr}");
}
