//! `framelens lexicon suggest` on the example corpus: the labels a researcher would want first.

use std::fs;

use crate::util::{framelens, read_csv, rows_where};

fn suggest(extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    framelens()
        .args(["lexicon", "suggest", "corpora/iraq-2020", "--out"])
        .arg(out.path())
        .args(extra)
        .assert()
        .success();
    out
}

fn rank_of(rows: &[std::collections::HashMap<String, String>], outlet: &str, term: &str) -> Option<usize> {
    rows_where(rows, &[("outlet", outlet), ("term", term)]).first().map(|r| r["rank"].parse().unwrap())
}

#[test]
fn distinctive_labels_rank_among_their_outlets_top_candidates() {
    let out = suggest(&[]);
    let rows = read_csv(&out.path().join("suggestions.csv"));
    let eject = rank_of(&rows, "HuffPost", "eject").expect("eject for HuffPost");
    let terminate = rank_of(&rows, "Sputnik", "terminate").expect("terminate for Sputnik");
    let assassination = rank_of(&rows, "HuffPost", "assassination").expect("assassination for HuffPost");
    assert!(eject <= 20 && terminate <= 30 && assassination <= 40, "{eject} {terminate} {assassination}");
    assert_eq!(rank_of(&rows, "Sputnik", "eject"), None, "Sputnik never writes eject");
    let eject_row = &rows_where(&rows, &[("outlet", "HuffPost"), ("term", "eject")])[0];
    assert_eq!((eject_row["uses"].as_str(), eject_row["rest_uses"].as_str()), ("2", "0"));
    assert!(eject_row["example"].contains("voted to eject foreign troops"));
}

#[test]
fn a_group_of_alternatives_holds_expel_and_its_rivals() {
    let out = suggest(&[]);
    let groups = read_csv(&out.path().join("slot_groups.csv"));
    let expel = rows_where(&groups, &[("term", "expel")]);
    assert_eq!(expel.len(), 1);
    let name = expel[0]["group"].clone();
    let members: Vec<&str> = rows_where(&groups, &[("group", &name)]).iter().map(|r| r["term"].as_str()).collect();
    let rivals = ["eject", "kick out", "end the presence", "terminate", "remove", "oust"];
    assert!(members.iter().any(|m| rivals.contains(m)), "{members:?}");
}

#[test]
fn the_draft_is_a_valid_lexicon_and_known_labels_are_marked() {
    let out = suggest(&["--lexicon", "lexicons/stories/iraq-2020.toml", "--story", "iraq-draft"]);
    let draft = out.path().join("draft.toml");
    let text = fs::read_to_string(&draft).unwrap();
    assert!(text.contains("id = \"iraq-draft\"") && text.contains("connotation = \"neutral\" }"));
    assert!(text.contains("[already in lexicon: expel_troops: eject]"), "{text}");
    framelens().args(["lexicon", "check"]).arg(&draft).assert().success();
    let rows = read_csv(&out.path().join("suggestions.csv"));
    let eject = &rows_where(&rows, &[("outlet", "HuffPost"), ("term", "eject")])[0];
    assert_eq!(eject["in_lexicon"], "expel_troops: eject");
}

#[test]
fn one_outlet_is_not_enough_to_compare() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("one.jsonl");
    fs::write(&corpus, "{\"outlet\": \"A\", \"text\": \"Parliament voted to expel the troops.\"}\n").unwrap();
    framelens()
        .args(["lexicon", "suggest"])
        .arg(&corpus)
        .arg("--out")
        .arg(dir.path().join("out"))
        .assert()
        .failure()
        .stderr(predicates::str::contains("1 groups found; suggest compares at least two"));
}

#[test]
fn the_draft_carries_no_article_text_and_the_examples_are_in_the_csv() {
    let out = suggest(&["--story", "iraq-draft"]);
    let draft = fs::read_to_string(out.path().join("draft.toml")).unwrap();
    let suggestions = crate::util::read_csv(&out.path().join("suggestions.csv"));
    let examples: Vec<&str> = suggestions.iter().map(|r| r["example"].as_str()).filter(|e| e.len() > 40).collect();
    assert!(!examples.is_empty(), "suggestions.csv has example sentences");
    for example in examples {
        let start: String = example.chars().take(40).collect();
        assert!(!draft.contains(&start), "draft.toml quotes the article text {start:?}");
    }
    assert!(draft.contains("Example sentences for every term are in suggestions.csv"));
}
