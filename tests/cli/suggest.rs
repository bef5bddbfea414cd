//! `framelens lexicon suggest` on the example corpus: the labels a researcher would want first.

use std::fs;

use crate::util::{framelens, read_csv, rows_where, talks_corpus};

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

#[test]
fn house_style_is_listed_apart_and_stories_are_contrasted_within() {
    // A writes "Sen." and "emails"; B writes "Senator" and "e-mails"; A covers story s1 five
    // times as much as B, and B story s2. Only "scheme" / "plan" is a choice of label.
    let dir = tempfile::tempdir().unwrap();
    let corpus = |with_story: bool| {
        let mut jsonl = String::new();
        for i in 0..12 {
            let (story, topic) = if i < 6 {
                ("s1", "The flood hit the coastal town")
            } else {
                ("s2", "The budget vote passed the chamber")
            };
            let copies = |outlet: &str| if (outlet == "A") == (i < 6) { 5 } else { 1 };
            for (outlet, text) in [
                ("A", "Sen. Smith said the emails showed a scheme."),
                ("B", "Senator Smith said the e-mails showed a plan."),
            ] {
                for k in 0..copies(outlet) {
                    let mut row = serde_json::json!({ "id": format!("{outlet}{i}-{k}"), "outlet": outlet, "text": format!("{topic}. {text}") });
                    if with_story {
                        row["story"] = story.into();
                    }
                    jsonl.push_str(&format!("{row}\n"));
                }
            }
        }
        let path = dir.path().join(format!("corpus-{with_story}.jsonl"));
        fs::write(&path, jsonl).unwrap();
        let out = dir.path().join(format!("out-{with_story}"));
        framelens().args(["lexicon", "suggest", "--out"]).arg(&out).arg(&path).assert().success();
        out
    };
    let (within, pooled) = (corpus(true), corpus(false));
    let style = read_csv(&within.join("style.csv"));
    let styled = |outlet: &str, term: &str| {
        rows_where(&style, &[("outlet", outlet), ("term", term)]).first().map(|r| r["style"].clone())
    };
    assert_eq!(styled("A", "sen").as_deref(), Some("abbreviation"), "{style:?}");
    assert_eq!(styled("B", "senator").as_deref(), Some("spelling variant"));
    let suggestions = read_csv(&within.join("suggestions.csv"));
    assert_eq!(rank_of(&suggestions, "A", "scheme"), Some(1), "{suggestions:?}");
    assert_eq!(rank_of(&suggestions, "B", "plan"), Some(1));
    for term in ["sen", "senator"] {
        assert!(rows_where(&suggestions, &[("term", term)]).is_empty(), "{term} is style, not a framing candidate");
    }
    // The story A covered more: its words lean to A when pooled, hardly within stories.
    let z = |dir: &std::path::Path, term: &str| -> f64 {
        let rows = read_csv(&dir.join("suggestions.csv"));
        rows_where(&rows, &[("outlet", "A"), ("term", term)]).first().map_or(0.0, |r| r["z"].parse().unwrap())
    };
    assert!(z(&pooled, "flood") > 1.0, "pooled: {}", z(&pooled, "flood"));
    assert!(z(&within, "flood") < z(&pooled, "flood") / 4.0, "within: {}", z(&within, "flood"));
}

#[test]
fn groups_come_most_disputed_first_with_the_names_beside_them() {
    let out = suggest(&[]);
    let groups = read_csv(&out.path().join("slot_groups.csv"));
    let g: Vec<f64> = groups.iter().map(|r| r["disagreement_g"].parse().unwrap()).collect();
    assert!(g.windows(2).all(|w| w[0] >= w[1]), "ranked by G: {g:?}");
    let bits: f64 = groups[0]["disagreement_bits"].parse().unwrap();
    assert!(bits > 0.0 && bits <= (groups.len() as f64).log2(), "{bits}");
    let expel = &rows_where(&groups, &[("term", "expel")])[0];
    assert!(expel["anchors"].split("; ").any(|a| a == "U.S."), "{}", expel["anchors"]);
    let draft = fs::read_to_string(out.path().join("draft.toml")).unwrap();
    assert!(draft.contains("anchors = [") && draft.contains("outlets disagree by"), "{draft}");
    assert!(!draft.contains("within stories"), "one story: no strata to speak of");
    assert!(draft.contains("Soleimani (5 of 5)"), "the story's names, for its header anchors: {draft}");
}

#[test]
fn the_draft_offers_voice_entries_for_the_most_quoted_people_in_no_group() {
    let dir = tempfile::tempdir().unwrap();
    let corpus =
        talks_corpus(dir.path(), "Dana ", &[("Daily One", "Hollis", "Marsh"), ("Daily Two", "Hollis", "Marsh")]);
    let out = dir.path().join("out");
    framelens().args(["lexicon", "suggest", "--out"]).arg(&out).arg(&corpus).assert().success();
    let draft = fs::read_to_string(out.join("draft.toml")).unwrap();
    // Hollis is quoted four times in two articles, twice with a first name; Marsh twice; Sen. Lee
    // Carter has a group already.
    let hollis = "# 4 attributions in 2 articles, written as: Dana Hollis 2, Hollis 2\n# [[voice]]\n# name = \"Dana Hollis\"\n# group = \"\"";
    assert!(draft.contains(hollis), "{draft}");
    assert!(draft.contains("# name = \"Marsh\""), "{draft}");
    assert!(!draft.contains("Carter\"\n# group"), "{draft}");
    assert!(draft.find("Dana Hollis\"").unwrap() < draft.find("\"Marsh\"").unwrap());
    framelens().args(["lexicon", "check"]).arg(out.join("draft.toml")).assert().success();
}
