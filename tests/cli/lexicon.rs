//! `framelens lexicon check`.

use std::fs;

use predicates::prelude::*;

use crate::util::framelens;

#[test]
fn shipped_lexicons_check_clean() {
    framelens().args(["lexicon", "check", "lexicons"]).assert().success().stderr(predicate::str::contains("0 errors"));
}

#[test]
fn errors_are_listed_with_lines_and_exit_nonzero() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.toml");
    let text = "[lexicon]\nid = \"s\"\nversion = \"1\"\n\n[[concept]]\nid = \"strike\"\nlabels = [\n  { text = \"strike\", connotation = \"neutral\", frames = [\"violnce\"] },\n  { text = \"strikes\", connotation = \"neutral\" },\n]\n";
    fs::write(&path, text).unwrap();
    framelens()
        .args(["lexicon", "check"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("story.toml:8:").and(predicate::str::contains("unknown frame tag `violnce`")))
        .stderr(predicate::str::contains("story.toml:9:").and(predicate::str::contains("duplicates `strike`")))
        .stderr(predicate::str::contains("2 errors"));
}

#[test]
fn help_shows_examples() {
    framelens().arg("--help").assert().success().stdout(predicate::str::contains("framelens report corpora/iraq-2020"));
}
