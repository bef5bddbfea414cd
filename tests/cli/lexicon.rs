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

/// Write `text` as `story.toml` in a fresh folder and run `lexicon check` on it (plus `extra`).
fn check(text: &str, extra: &[&str]) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.toml");
    fs::write(&path, text).unwrap();
    let out = framelens().args(["lexicon", "check"]).arg(&path).args(extra).output().unwrap();
    (out.status.code().unwrap(), String::from_utf8_lossy(&out.stderr).to_string())
}

const HEADER: &str = "[lexicon]\nid = \"s\"\nversion = \"1\"\n";

#[test]
fn each_class_of_mistake_is_caught_with_its_line() {
    // Schema: a misspelled field (line 6) and a concept with no labels (line 7).
    let (code, err) = check(&format!("{HEADER}\n[[concept]]\nid = \"a\"\nlable = []\n"), &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("story.toml:7:") && err.contains("unknown field `lable`"), "{err}");
    let (code, err) = check(&format!("{HEADER}\n[[concept]]\nid = \"a\"\nlabels = []\n"), &[]);
    assert_eq!(code, 2);
    assert!(err.contains("story.toml:5:") && err.contains("concept `a` has no labels"), "{err}");
    // Collisions after stemming, across concepts (line 13 collides with line 9).
    let text = format!(
        "{HEADER}\n[[concept]]\nid = \"a\"\nlabels = [\n  {{ text = \"killings\", connotation = \"neutral\" }},\n  {{ text = \"strike\", connotation = \"neutral\" }},\n]\n[[concept]]\nid = \"b\"\nlabels = [{{ text = \"killing\", connotation = \"neutral\" }}, {{ text = \"drone strike\", connotation = \"neutral\" }}]\n"
    );
    let (code, err) = check(&text, &[]);
    assert_eq!(code, 2);
    assert!(err.contains("story.toml:13:") && err.contains("collides with `killings` in concept `a`"), "{err}");
}

#[test]
fn warnings_shadowing_and_single_labels_exit_zero() {
    let text = format!(
        "{HEADER}\n[[concept]]\nid = \"a\"\nlabels = [\n  {{ text = \"strike\", connotation = \"neutral\" }},\n  {{ text = \"attack\", connotation = \"neutral\" }},\n]\n[[concept]]\nid = \"b\"\nlabels = [{{ text = \"hunger strike\", connotation = \"neutral\" }}]\n"
    );
    let (code, err) = check(&text, &[]);
    assert_eq!(code, 0, "warnings only: {err}");
    assert!(
        err.contains("story.toml:8:")
            && err.contains("label `strike` (concept `a`) is inside the longer label `hunger strike`"),
        "{err}"
    );
    assert!(err.contains("story.toml:11:") && err.contains("concept `b` has a single label"), "{err}");
    assert!(err.contains("0 errors, 2 warnings"), "{err}");
}

#[test]
fn coverage_on_a_corpus_names_unused_and_single_outlet_labels() {
    let text = format!(
        "{HEADER}\n[[concept]]\nid = \"expel_troops\"\nlabels = [\n  {{ text = \"expel\", connotation = \"negative\" }},\n  {{ text = \"eject\", connotation = \"negative\" }},\n  {{ text = \"defenestrate\", connotation = \"negative\" }},\n]\n"
    );
    let (code, err) = check(&text, &["--corpus", "corpora/iraq-2020"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("story.toml:10:") && err.contains("label `defenestrate` (concept `expel_troops`) never matches"),
        "{err}"
    );
    assert!(
        err.contains("story.toml:9:")
            && err.contains("label `eject` (concept `expel_troops`) matches only in HuffPost (2×)"),
        "{err}"
    );
    assert!(!err.contains("label `expel` (concept"), "expel is used by three outlets: {err}");
    assert!(err.contains("coverage: the lexicon touches") && err.contains("of the words in Sputnik"), "{err}");
}

#[test]
fn a_concept_with_one_label_in_use_is_reported_on_the_corpus() {
    let text = format!(
        "{HEADER}\n[[concept]]\nid = \"islamic_state\"\nlabels = [\n  {{ text = \"Daesh\", connotation = \"negative\" }},\n  {{ text = \"caliphate\", connotation = \"neutral\" }},\n]\n"
    );
    let (_, err) = check(&text, &["--corpus", "corpora/iraq-2020"]);
    assert!(
        err.contains("story.toml:5:") && err.contains("concept `islamic_state` has a single label in use"),
        "{err}"
    );
}

#[test]
fn new_writes_a_lexicon_that_checks_clean_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-story.toml");
    framelens().args(["lexicon", "new", "my-story", "--out"]).arg(&path).assert().success();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("id = \"my-story\"") && text.contains("[[concept]]") && text.contains("# [[voice]]"));
    framelens()
        .args(["lexicon", "check"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("0 errors, 0 warnings"));
    framelens()
        .args(["lexicon", "new", "my-story", "--out"])
        .arg(&path)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
    framelens()
        .args(["lexicon", "new", "My Story"])
        .assert()
        .failure()
        .stderr(predicate::str::contains("is not valid"));
}

#[test]
fn a_shipped_story_lexicon_is_chosen_by_id() {
    let out = tempfile::tempdir().unwrap();
    framelens()
        .args(["report", "corpora/iraq-2020", "--story-lexicon", "caravan-2018", "-q", "--out"])
        .arg(out.path())
        .assert()
        .success();
    let manifest = fs::read_to_string(out.path().join("run_manifest.json")).unwrap();
    assert!(manifest.contains("\"id\": \"caravan-2018\"") && !manifest.contains("\"id\": \"iraq-2020\""), "{manifest}");
    framelens().args(["quotes", "corpora/iraq-2020", "--story-lexicon", "gaza"]).assert().code(1).stderr(
        predicate::str::contains("no shipped story lexicon `gaza`")
            .and(predicate::str::contains("caravan-2018, iraq-2020")),
    );
}
