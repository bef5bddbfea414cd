//! Corpus inputs: JSONL, CSV, a folder without manifest (outlet inference), HTML.

use std::fs;

use crate::util::{copy_example, example_corpus, framelens, read_csv};

fn article_text(name: &str) -> String {
    fs::read_to_string(example_corpus().join("articles").join(name)).unwrap()
}

#[test]
fn folder_without_manifest_infers_outlets_and_says_how() {
    let dir = tempfile::tempdir().unwrap();
    copy_example(dir.path(), false);
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("out");
    let assert = framelens().arg("extract").arg(dir.path()).arg("--out").arg(&out).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("003_63e7cd1a6ad879a8 -> Sputnik (retrieved_from_url)"), "{stderr}");
    assert!(stderr.contains("note: 1 article took its file name as outlet"), "{stderr}");
    let decided: Vec<(String, String)> =
        read_csv(&out.join("articles.csv")).iter().map(|r| (r["outlet"].clone(), r["outlet_rule"].clone())).collect();
    let expected = [
        ("000_63e73156e22eb402", "file_stem"),
        ("The Hill", "comment_section"),
        ("The Epoch Times", "author_bio"),
        ("Sputnik", "retrieved_from_url"),
        ("France 24", "credit_line"),
    ];
    let expected: Vec<(String, String)> = expected.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
    assert_eq!(decided, expected);
}

#[test]
fn many_outlets_from_file_names_are_one_line_and_a_note() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..60 {
        let text = format!("Lawmakers met on day {i} and voted on the budget after a long debate in the chamber.");
        fs::write(dir.path().join(format!("item{i:02}.txt")), text).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("out");
    let assert = framelens().arg("extract").arg(dir.path()).arg("--out").arg(&out).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("outlet = file name (file_stem): 60 articles, e.g. item00, item01, item02"), "{stderr}");
    assert!(!stderr.contains("(file_stem): 1 article"), "one line for all of them: {stderr}");
    assert!(stderr.contains("note: 60 articles took their file name as outlet"), "{stderr}");
}

#[test]
fn jsonl_with_configured_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("corpus.jsonl");
    let rows = [("HuffPost", "000_63e73156e22eb402.txt"), ("Sputnik", "003_63e7cd1a6ad879a8.txt")];
    let mut body = String::new();
    for (outlet, file) in rows {
        body.push_str(&serde_json::json!({ "body": article_text(file), "source": outlet }).to_string());
        body.push('\n');
    }
    body.push_str("{\"body\": 12\n");
    fs::write(&path, body).unwrap();
    let out = dir.path().join("out");
    framelens()
        .arg("extract")
        .arg(&path)
        .args(["--text-column", "body", "--outlet-column", "source", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("corpus.jsonl:3: invalid JSON"));
    let evidence = read_csv(&out.join("evidence.csv"));
    let outlets: Vec<&str> = evidence
        .iter()
        .filter(|r| r["label"] == "eject" || r["label"] == "terminate")
        .map(|r| r["outlet"].as_str())
        .collect();
    assert_eq!(outlets, ["HuffPost", "HuffPost", "Sputnik"]);
}

#[test]
fn csv_rows_and_html_files() {
    let dir = tempfile::tempdir().unwrap();
    let mut writer = csv::Writer::from_path(dir.path().join("corpus.csv")).unwrap();
    writer.write_record(["id", "outlet", "text"]).unwrap();
    writer.write_record(["hp", "HuffPost", &article_text("000_63e73156e22eb402.txt")]).unwrap();
    writer.flush().unwrap();
    let out = dir.path().join("out");
    framelens().arg("extract").arg(dir.path().join("corpus.csv")).arg("--out").arg(&out).assert().success();
    let articles = read_csv(&out.join("articles.csv"));
    assert_eq!((articles[0]["article"].as_str(), articles[0]["outlet_rule"].as_str()), ("hp", "column"));

    let html_dir = dir.path().join("html");
    fs::create_dir(&html_dir).unwrap();
    let page = "<html><head><title>Vote</title></head><body><nav>Home</nav><article><p>Parliament voted to &ldquo;eject&rdquo; the troops.</p><p>The US assassination angered MPs.</p></article></body></html>";
    fs::write(html_dir.join("page.html"), page).unwrap();
    let out = dir.path().join("out-html");
    // Two invented sentences name none of the story's anchors, so the story lexicon is named.
    framelens()
        .arg("extract")
        .arg(&html_dir)
        .args(["--story-lexicon", "iraq-2020", "--out"])
        .arg(&out)
        .assert()
        .success();
    let evidence = read_csv(&out.join("evidence.csv"));
    let found: Vec<(&str, &str)> = evidence.iter().map(|r| (r["label"].as_str(), r["voice"].as_str())).collect();
    assert!(found.contains(&("eject", "quoted")) && found.contains(&("assassination", "own")), "{found:?}");
    assert_eq!(read_csv(&out.join("articles.csv"))[0]["title"], "Vote");
}
