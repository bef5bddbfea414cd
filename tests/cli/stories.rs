//! Several stories in one run: each story lexicon measures only the articles about its story.

use std::fs;

use crate::util::{framelens, read_csv};

const FLOOD: &str = r#"[lexicon]
id = "flood"
version = "1.0.0"
anchors = ["Ravel River", "Millbrook", "Dam 4"]

[[concept]]
id = "the_flood"
labels = [
  { text = "disaster", connotation = "negative" },
  { text = "high water", connotation = "neutral" },
]

[[fact]]
id = "evacuation"
patterns = ["evacuated"]

[[role]]
text = "river authority"
group = "flood_agency"
"#;

const VOTE: &str = r#"[lexicon]
id = "vote"
version = "1.0.0"
anchors = ["Okafor", "city council"]

[[concept]]
id = "the_result"
labels = [
  { text = "landslide", connotation = "positive" },
  { text = "narrow win", connotation = "neutral" },
]

[[fact]]
id = "recount"
patterns = ["recount"]
"#;

/// (id, story, text): a1 is about the flood by its story, a2 about the vote by its anchors (it
/// has no story), a3 about the flood by its anchors (its story names no lexicon), a4 about the
/// vote by its story, though it names flood anchors and flood words.
const ARTICLES: &[(&str, &str, &str)] = &[
    (
        "a1",
        "flood",
        "The Ravel River rose overnight. Residents were evacuated as the disaster spread. The river authority said more rain was coming.",
    ),
    (
        "a2",
        "",
        "Ms. Okafor won the city council seat in a landslide. Her rival called it a disaster and asked for a recount.",
    ),
    (
        "a3",
        "event-9",
        "Crews at Dam 4 opened the gates on the Ravel River. Families were evacuated before the high water came.",
    ),
    (
        "a4",
        "vote",
        "The city council met in Millbrook, by the Ravel River. Okafor's narrow win was a disaster for her rival, who was evacuated from the hall. The river authority said the hall was safe.",
    ),
];

#[test]
fn each_story_lexicon_measures_only_the_articles_about_its_story() {
    let dir = tempfile::tempdir().unwrap();
    let lexicons = dir.path().join("lexicons");
    fs::create_dir(&lexicons).unwrap();
    fs::write(lexicons.join("flood.toml"), FLOOD).unwrap();
    fs::write(lexicons.join("vote.toml"), VOTE).unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let lines: Vec<String> = ARTICLES
        .iter()
        .map(|(id, story, text)| {
            serde_json::json!({"id": id, "outlet": "Daily", "story": story, "text": text}).to_string()
        })
        .collect();
    fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("out");
    let run = framelens()
        .arg("extract")
        .arg(&corpus)
        .arg("--lexicon")
        .arg(&lexicons)
        .args(["--formats", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("story lexicon flood measured 2 of 4 articles"), "{stderr}");

    // Word choice and facts only where their story is: no flood "disaster" in a2 or a4, no
    // "evacuated" of a4 counted for the flood.
    let found: Vec<(String, String, String)> = read_csv(&out.join("evidence.csv"))
        .into_iter()
        .filter(|r| r["signal"] == "word_choice" || r["signal"] == "fact")
        .map(|r| (r["article"].clone(), r["concept"].clone(), r["matched"].clone()))
        .collect();
    let expected = [
        ("a1", "the_flood", "disaster"),
        ("a1", "evacuation", "evacuated"),
        ("a2", "the_result", "landslide"),
        ("a2", "recount", "recount"),
        ("a3", "the_flood", "high water"),
        ("a3", "evacuation", "evacuated"),
        ("a4", "the_result", "narrow win"),
    ];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(a, c, m)| (a.to_string(), c.to_string(), m.to_string())).collect();
    assert_eq!(found, expected);

    // Coverage counts each fact among the articles about its story.
    let coverage: Vec<(String, String, String, String)> = read_csv(&out.join("coverage.csv"))
        .into_iter()
        .map(|r| (r["fact"].clone(), r["articles"].clone(), r["story_articles"].clone(), r["articles_share"].clone()))
        .collect();
    let row = |f: &str, a: &str, s: &str, share: &str| (f.to_string(), a.to_string(), s.to_string(), share.to_string());
    assert_eq!(coverage, [row("evacuation", "2", "2", "1.000000"), row("recount", "1", "2", "0.500000")]);
    let articles = read_csv(&out.join("article_features.csv"));
    let share = |a: usize, column: &str| articles[a][column].clone();
    // a4 is not about the flood: its evacuation share is undefined, not 0.
    assert_eq!((share(0, "cov__evacuation_share"), share(3, "cov__evacuation_share")), ("1.000000".into(), "".into()));

    // So are the story's roles: "the river authority" is the flood's agency in a1 only.
    let groups: Vec<(String, String)> = read_csv(&out.join("quotes.csv"))
        .into_iter()
        .filter(|r| r["speaker_mention"].contains("river authority"))
        .map(|r| (r["article"].clone(), r["group"].clone()))
        .collect();
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(groups[0], ("a1".to_string(), "flood_agency".to_string()));
    assert_eq!(groups[1].0, "a4");
    assert_ne!(groups[1].1, "flood_agency");

    // Each article says which story lexicons measured it.
    let measured_by: Vec<String> =
        read_csv(&out.join("articles.csv")).into_iter().map(|r| r["story_lexicons"].clone()).collect();
    assert_eq!(measured_by, ["flood", "vote", "flood", "vote"]);

    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("run_manifest.json")).unwrap()).unwrap();
    assert_eq!(
        manifest["story_articles"],
        serde_json::json!([{"id": "flood", "articles": 2}, {"id": "vote", "articles": 2}])
    );
}

#[test]
fn a_story_lexicon_chosen_by_content_measures_the_articles_that_name_its_anchors() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let texts = [
        "Iraq's parliament voted to expel US troops after the strike that killed Qassem Soleimani.",
        "After Soleimani was killed, the Iraqi parliament voted to expel the troops.",
        "The city council voted to expel the vendors from the square.",
    ];
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| serde_json::json!({"id": format!("a{i}"), "outlet": "Daily", "text": text}).to_string())
        .collect();
    fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let out = dir.path().join("out");
    let run = framelens().arg("extract").arg(&corpus).args(["--formats", "csv", "--out"]).arg(&out).assert().success();
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("iraq-2020: applied (2 of 3 articles read"), "{stderr}");
    assert!(stderr.contains("iraq-2020 measured 2 of 3 articles"), "{stderr}");
    // The council's "expel" is not the parliament's: the third article names no anchor.
    let expel: Vec<String> = read_csv(&out.join("evidence.csv"))
        .into_iter()
        .filter(|r| r["signal"] == "word_choice" && r["matched"] == "expel")
        .map(|r| r["article"].clone())
        .collect();
    assert_eq!(expel, ["a0", "a1"]);
}
