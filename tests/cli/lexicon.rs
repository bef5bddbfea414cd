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
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("run_manifest.json")).unwrap()).unwrap();
    let used: Vec<&str> = manifest["lexicons"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert!(used.contains(&"caravan-2018") && !used.contains(&"iraq-2020"), "{used:?}");
    // The example corpus is about the Iraq story, but a named story lexicon replaces the choice.
    let iraq = manifest["story_lexicons"].as_array().unwrap().iter().find(|s| s["id"] == "iraq-2020").unwrap();
    assert_eq!((iraq["applied"].as_bool(), iraq["reason"].as_str()), (Some(false), Some("other_story_named")));
    framelens().args(["quotes", "corpora/iraq-2020", "--story-lexicon", "gaza"]).assert().code(1).stderr(
        predicate::str::contains("no shipped story lexicon `gaza`")
            .and(predicate::str::contains("caravan-2018, iraq-2020")),
    );
}

/// Writes a corpus of two invented articles on a flood, one per outlet, with a story column.
fn flood_corpus(dir: &std::path::Path, story: &str) -> std::path::PathBuf {
    let path = dir.join("flood.jsonl");
    let rows = [
        (
            "a",
            "Daily Post",
            "The river burst its banks on Monday. “We lost everything,” said Mara Lind, a farmer. Officials said the threats to the town had passed.",
        ),
        (
            "b",
            "Evening Star",
            "Floodwater covered the valley, officials said. Supporters of the dam project blamed the rain; the group said repairs would begin.",
        ),
    ];
    let lines: Vec<String> = rows
        .iter()
        .map(|(id, outlet, text)| {
            serde_json::json!({"id": id, "outlet": outlet, "story": story, "text": text}).to_string()
        })
        .collect();
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

#[test]
fn a_corpus_of_another_story_gets_no_story_lexicon_and_the_report_says_how_to_draft_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = flood_corpus(dir.path(), "flood-2026");
    let out = dir.path().join("out");
    let run = framelens().arg("report").arg(&corpus).arg("--out").arg(&out).assert().success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("story lexicon iraq-2020: left out (0 of 2 articles read"), "{stderr}");
    // No label of another story is counted: "threats", "supporters" and "group" are caravan labels.
    let word_choice = fs::read_to_string(out.join("word_choice.csv")).unwrap();
    assert_eq!(word_choice.lines().count(), 1, "{word_choice}");
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.contains("No story lexicon applies") && report.contains("framelens lexicon suggest"), "{report}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("run_manifest.json")).unwrap()).unwrap();
    let decisions = manifest["story_lexicons"].as_array().unwrap();
    assert_eq!(decisions.len(), 2);
    assert!(decisions.iter().all(|d| d["applied"] == false && d["reason"] == "too_few_matches"), "{decisions:?}");
    // Quoted voices are measured all the same.
    assert!(fs::read_to_string(out.join("quotes.csv")).unwrap().contains("Mara Lind"));
}

#[test]
fn a_story_column_naming_a_story_lexicon_applies_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = flood_corpus(dir.path(), "caravan-2018");
    let out = dir.path().join("out");
    framelens().arg("extract").arg(&corpus).arg("-q").arg("--out").arg(&out).assert().success();
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join("run_manifest.json")).unwrap()).unwrap();
    let caravan = manifest["story_lexicons"].as_array().unwrap().iter().find(|d| d["id"] == "caravan-2018").unwrap();
    assert_eq!((caravan["applied"].as_bool(), caravan["reason"].as_str()), (Some(true), Some("story_column")));
    assert_eq!(caravan["articles_with_story"], 2);
}

#[test]
fn a_story_label_that_is_also_a_loaded_word_is_reported_with_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let story = dir.path().join("plans.toml");
    let text = "[lexicon]\nid = \"plans\"\nversion = \"1\"\n\n[[concept]]\nid = \"plan\"\nlabels = [\n  { text = \"scheme\", connotation = \"negative\" },\n  { text = \"plan\", connotation = \"neutral\" },\n]\n";
    fs::write(&story, text).unwrap();
    let out = framelens().args(["lexicon", "check"]).arg(&story).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    let line = stderr.lines().find(|l| l.contains("loaded word `scheme`")).unwrap_or_else(|| panic!("{stderr}"));
    assert!(line.contains("lexicons/general/loaded.toml:") && line.contains("plans.toml:8:12"), "{line}");
}
