//! Hostile and careless input: reading stays inside the corpus, output folders are never shared,
//! mixed or emptied of the user's files, and spreadsheets never run a cell.

use std::fs;
use std::time::Duration;

use predicates::prelude::*;

use crate::util::{copy_example, framelens, read_csv};

#[test]
fn out_inside_the_input_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), true);
    framelens()
        .arg("extract")
        .arg(dir.path())
        .arg("--out")
        .arg(dir.path().join("report"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is inside the INPUT folder"));
    assert!(!dir.path().join("report").exists(), "nothing written");
}

#[test]
fn a_folder_another_run_is_writing_into_is_refused() {
    let out = tempfile::tempdir().unwrap();
    // This test process is alive, so its lock is a live run's.
    fs::write(out.path().join(".framelens.lock"), std::process::id().to_string()).unwrap();
    framelens()
        .args(["extract", "corpora/iraq-2020", "-q", "--out"])
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("another framelens run").and(predicate::str::contains(".framelens.lock")));
    assert!(!out.path().join("articles.csv").exists());
}

#[test]
fn the_users_files_survive_and_the_manifest_is_written_last_and_complete() {
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("evidence.csv"), "my own notes").unwrap();
    framelens()
        .args(["extract", "corpora/iraq-2020", "-q", "--formats", "parquet", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert_eq!(
        fs::read_to_string(out.path().join("evidence.csv")).unwrap(),
        "my own notes",
        "never written by framelens"
    );
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("run_manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["complete"], true);
    let files: Vec<&str> = manifest["files"].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    assert!(files.contains(&"evidence.parquet") && !files.contains(&"evidence.csv"), "{files:?}");
    assert!(!out.path().join(".framelens.lock").exists(), "the lock goes with the run");
    // A second run removes what the first wrote (and only that) before writing.
    framelens()
        .args(["extract", "corpora/iraq-2020", "-q", "--formats", "csv", "--out"])
        .arg(out.path())
        .assert()
        .success();
    assert!(!out.path().join("evidence.parquet").exists(), "the first run's file is gone");
    assert!(fs::read_to_string(out.path().join("evidence.csv")).unwrap().starts_with("signal,"), "{}", "rewritten");
}

#[test]
fn compare_refuses_a_folder_whose_run_did_not_finish() {
    let out = tempfile::tempdir().unwrap();
    framelens().args(["report", "corpora/iraq-2020", "-q", "--out"]).arg(out.path()).assert().success();
    let path = out.path().join("run_manifest.json");
    let text = fs::read_to_string(&path).unwrap().replace("\"complete\": true", "\"complete\": false");
    fs::write(&path, text).unwrap();
    framelens()
        .arg("compare")
        .arg(out.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no finished run"));
}

#[test]
fn compare_rewrites_the_report_s_comparison_section() {
    let out = tempfile::tempdir().unwrap();
    framelens().args(["report", "corpora/iraq-2020", "-q", "--k", "2", "--out"]).arg(out.path()).assert().success();
    let before = fs::read_to_string(out.path().join("report.md")).unwrap();
    framelens().args(["compare", "--k", "3", "-q"]).arg(out.path()).assert().success();
    let after = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert_ne!(before, after);
    assert!(after.contains("3 clusters") && !after.contains("2 clusters"), "{after}");
    assert_eq!(
        before.split("## Comparing outlets").next(),
        after.split("## Comparing outlets").next(),
        "the rest stays"
    );
}

#[test]
fn formula_cells_reach_csv_neutralised_and_parquet_raw() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("c.jsonl");
    fs::write(&corpus, "{\"outlet\": \"=HYPERLINK(\\\"http://x\\\")\", \"text\": \"Iraq's parliament voted.\"}\n")
        .unwrap();
    let out = dir.path().join("out");
    framelens().arg("extract").arg(&corpus).args(["-q", "--out"]).arg(&out).assert().success();
    let articles = read_csv(&out.join("articles.csv"));
    assert_eq!(articles[0]["outlet"], "'=HYPERLINK(\"http://x\")");
    let raw = dir.path().join("raw");
    framelens().arg("extract").arg(&corpus).args(["-q", "--raw-csv", "--out"]).arg(&raw).assert().success();
    assert_eq!(read_csv(&raw.join("articles.csv"))[0]["outlet"], "=HYPERLINK(\"http://x\")");
}

#[test]
fn absurd_thread_counts_are_refused() {
    framelens()
        .args(["extract", "corpora/iraq-2020", "--threads", "20000", "--out", "unused"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--threads"));
}

#[cfg(unix)]
#[test]
fn links_out_of_the_corpus_and_fifos_are_neither_read_nor_hashed() {
    use std::os::unix::fs::symlink;
    let secret = tempfile::tempdir().unwrap();
    fs::write(secret.path().join("secret.txt"), "PRIVATE KEY").unwrap();
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), true);
    symlink(secret.path().join("secret.txt"), dir.path().join("articles/leak.txt")).unwrap();
    symlink(secret.path(), dir.path().join("articles/elsewhere")).unwrap();
    let fifo = dir.path().join("articles/pipe.txt");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    fs::write(dir.path().join("video.mp4"), vec![0u8; 1000]).unwrap();
    let out = tempfile::tempdir().unwrap();
    for follow in [false, true] {
        let mut command = framelens();
        command.arg("extract").arg(dir.path()).args(["-q", "--out"]).arg(out.path());
        if follow {
            command.arg("--follow-links");
        }
        let run = command.timeout(Duration::from_secs(120)).assert().code(1);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        assert!(stderr.contains("FIFO"), "{stderr}");
        assert!(stderr.contains(if follow { "outside the INPUT folder" } else { "not followed" }), "{stderr}");
        let manifest: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(out.path().join("run_manifest.json")).unwrap()).unwrap();
        let hashed: Vec<&str> =
            manifest["input_files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
        assert_eq!(hashed.len(), 6, "the five articles and the manifest, nothing else: {hashed:?}");
        assert!(hashed.contains(&"manifest.csv") && hashed.contains(&"articles/000_63e73156e22eb402.txt"));
        assert_eq!(read_csv(&out.path().join("articles.csv")).len(), 5);
    }
}

#[test]
fn an_article_over_the_size_limit_is_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), true);
    let out = tempfile::tempdir().unwrap();
    framelens()
        .arg("extract")
        .arg(dir.path())
        .args(["-q", "--max-article-mb", "0.005", "--out"])
        .arg(out.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("over the limit of 5000 bytes, skipped"));
}

#[test]
fn a_lexicon_of_thousands_of_labels_keeps_per_article_label_counts_in_the_long_table() {
    let dir = tempfile::tempdir().unwrap();
    let letters = |mut i: usize| {
        let mut word = String::from("zq");
        for _ in 0..4 {
            word.push(char::from(b'a' + u8::try_from(i % 26).unwrap()));
            i /= 26;
        }
        word
    };
    let mut toml =
        String::from("[lexicon]\nid = \"big\"\nversion = \"1\"\n\n[[concept]]\nid = \"chamber\"\nlabels = [\n");
    toml.push_str("  { text = \"parliament\", connotation = \"neutral\" },\n");
    for i in 0..2_500 {
        toml.push_str(&format!("  {{ text = \"{}\", connotation = \"neutral\" }},\n", letters(i)));
    }
    toml.push_str("]\n");
    let lexicon = dir.path().join("big.toml");
    fs::write(&lexicon, toml).unwrap();
    let out = dir.path().join("out");
    framelens()
        .args(["extract", "corpora/iraq-2020", "-q", "--intervals", "0", "--formats", "csv", "--lexicon"])
        .arg(&lexicon)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("2501 lexicon labels: article_features leaves out per-label shares"));
    let header = fs::read_to_string(out.join("article_features.csv")).unwrap();
    let header = header.lines().next().unwrap();
    assert!(!header.contains("wc__chamber__"), "no per-label columns per article");
    let counted: Vec<_> = read_csv(&out.join("article_word_choice.csv"))
        .into_iter()
        .filter(|r| r["concept"] == "chamber" && r["label"] == "parliament")
        .collect();
    assert!(counted.len() >= 4, "parliament counted per article: {counted:?}");
    let outlets = fs::read_to_string(out.join("outlet_features.csv")).unwrap();
    assert!(outlets.lines().next().unwrap().contains("wc__chamber__parliament__own_share"));
}
