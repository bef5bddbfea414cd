//! Helpers: a temp folder per test, the framelens binary, and CSV reading.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The example corpus shipped in the repository.
pub fn example_corpus() -> PathBuf {
    root().join("corpora/iraq-2020")
}

/// The framelens binary, run from the repository root.
pub fn framelens() -> Command {
    let mut cmd = Command::cargo_bin("framelens").expect("binary built");
    cmd.current_dir(root());
    cmd
}

/// A CSV file as rows of column → value.
pub fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            headers.iter().zip(r.iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()
        })
        .collect()
}

/// The `evidence.csv` of a run folder, each row with its sentence from `sentences.csv` joined in
/// on (article, sentence): `sentence_text`, `sentence_start`, `sentence_end`.
pub fn read_evidence(dir: &Path) -> Vec<HashMap<String, String>> {
    let sentences: HashMap<(String, String), HashMap<String, String>> = read_csv(&dir.join("sentences.csv"))
        .into_iter()
        .map(|s| ((s["article"].clone(), s["sentence"].clone()), s))
        .collect();
    let mut rows = read_csv(&dir.join("evidence.csv"));
    for row in &mut rows {
        let sentence = &sentences[&(row["article"].clone(), row["sentence"].clone())];
        row.insert("sentence_text".into(), sentence["text"].clone());
        row.insert("sentence_start".into(), sentence["start"].clone());
        row.insert("sentence_end".into(), sentence["end"].clone());
    }
    rows
}

/// Rows whose columns equal all the given values.
pub fn rows_where<'a>(
    rows: &'a [HashMap<String, String>],
    filter: &[(&str, &str)],
) -> Vec<&'a HashMap<String, String>> {
    rows.iter().filter(|r| filter.iter().all(|(k, v)| r.get(*k).map(String::as_str) == Some(*v))).collect()
}

/// Copy the example corpus into `dir`, optionally without its manifest.
pub fn copy_example(dir: &Path, with_manifest: bool) {
    let src = example_corpus();
    fs::create_dir_all(dir.join("articles")).unwrap();
    for entry in fs::read_dir(src.join("articles")).unwrap().flatten() {
        fs::copy(entry.path(), dir.join("articles").join(entry.file_name())).unwrap();
    }
    if with_manifest {
        fs::copy(src.join("manifest.csv"), dir.join("manifest.csv")).unwrap();
    }
}

/// Run `framelens report` on the example corpus into a fresh folder and return it.
pub fn report_example(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    framelens().args(["report", "corpora/iraq-2020", "--out"]).arg(out.path()).args(extra).assert().success();
    out
}

/// A JSON Lines file in `dir` of short budget-talk articles, one per `(outlet, a, b)`: `a` is
/// quoted twice (first as `{lead}{a}`), `b` once, and Sen. Lee Carter, a legislator, once.
pub fn talks_corpus(dir: &Path, lead: &str, articles: &[(&str, &str, &str)]) -> PathBuf {
    let lines: Vec<String> = articles
        .iter()
        .map(|(outlet, a, b)| {
            let text = format!(
                "Budget talks\n\n\"We have a deal,\" {lead}{a} said on Monday.\n\n\"There is no deal,\" {b} said.\n\n\"Talks go on,\" {a} said.\n\n\"Not with us,\" Sen. Lee Carter said.\n"
            );
            serde_json::json!({"outlet": outlet, "text": text}).to_string()
        })
        .collect();
    let corpus = dir.join("talks.jsonl");
    std::fs::write(&corpus, lines.join("\n")).unwrap();
    corpus
}
