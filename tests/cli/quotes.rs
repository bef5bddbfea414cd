//! Quoted voices on the example corpus, `framelens quotes`, and `framelens eval attributions`.

use std::collections::HashMap;
use std::fs;
use std::path::PathBuf;

use crate::util::{framelens, read_csv, report_example, rows_where, talks_corpus};

fn quotes() -> Vec<HashMap<String, String>> {
    let out = report_example(&[]);
    read_csv(&out.path().join("quotes.csv"))
}

fn speakers_of(rows: &[HashMap<String, String>], outlet: &str, kind: &str) -> Vec<String> {
    rows_where(rows, &[("outlet", outlet), ("kind", kind)]).iter().map(|r| r["speaker"].clone()).collect()
}

#[test]
fn seelys_letter_is_attributed_to_seely_of_the_us_military() {
    let rows = quotes();
    let letter: Vec<_> =
        rows.iter().filter(|r| r["content"].starts_with("In due deference to the sovereignty")).collect();
    assert_eq!(letter.len(), 1);
    let r = letter[0];
    assert_eq!(
        (r["speaker"].as_str(), r["speaker_key"].as_str(), r["role"].as_str()),
        ("William H. Seely III", "seely", "Marine Brigadier General")
    );
    assert_eq!(
        (r["group"].as_str(), r["cue_lemma"].as_str(), r["kind"].as_str(), r["extent"].as_str()),
        ("us_military", "write", "direct", "full")
    );
}

#[test]
fn the_resolution_speaks_in_the_four_articles_that_quote_it() {
    let rows = quotes();
    let mut outlets: Vec<String> = rows
        .iter()
        .filter(|r| {
            r["speaker"] == "resolution" && r["kind"] == "direct" && r["content"].starts_with("The government commits")
        })
        .map(|r| r["outlet"].clone())
        .collect();
    outlets.sort();
    assert_eq!(outlets, ["France 24", "HuffPost", "The Epoch Times"]);
    let hill: Vec<&str> = rows_where(&rows, &[("outlet", "The Hill"), ("speaker", "resolution"), ("kind", "direct")])
        .iter()
        .map(|r| r["content"].as_str())
        .collect();
    assert!(hill.iter().any(|c| c.starts_with("The Iraqi government must work to end the presence")), "{hill:?}");
    // "It declared an “achievement of victory”": `it` is the resolution named just before.
    assert!(hill.contains(&"achievement of victory"), "{hill:?}");
}

#[test]
fn abdul_mahdis_political_assassination_is_his_fragment() {
    let rows = quotes();
    let fragment = rows_where(&rows, &[("content", "political assassination")]);
    assert_eq!(fragment.len(), 1);
    let r = fragment[0];
    assert_eq!(
        (r["extent"].as_str(), r["speaker"].as_str(), r["group"].as_str()),
        ("fragment", "Adel Abdul Mahdi", "iraqi_government")
    );
    assert_eq!((r["speaker_mention"].as_str(), r["cue"].as_str()), ("Abdul Mahdi", "called"));
}

#[test]
fn france24_quotes_its_voices_and_not_the_show_title() {
    let rows = quotes();
    let direct = speakers_of(&rows, "France 24", "direct");
    for speaker in
        ["Mohamed al-Halbousi", "Mike Pompeo", "Lindsey Graham", "Moqtada al-Sadr", "Raad Ismail", "Douglas Herbert"]
    {
        assert!(direct.iter().any(|s| s == speaker), "{speaker} missing from {direct:?}");
    }
    assert!(rows.iter().all(|r| !r["content"].contains("Face the Nation")), "a show title is not a quote");
    let indirect = speakers_of(&rows, "France 24", "indirect");
    assert!(indirect.iter().any(|s| s == "Hassan Nasrallah"));
    let protesters = rows_where(&rows, &[("outlet", "France 24"), ("content", "No to Iran, no to America!")]);
    assert_eq!(protesters[0]["group"], "citizens");
    // "…, protesters took to the streets on Sunday to denounce both Iran and the US as
    // “occupiers”": the subject after an opening phrase with a relative clause in it.
    let occupiers = rows_where(&rows, &[("outlet", "France 24"), ("content", "occupiers")]);
    assert_eq!(
        (occupiers[0]["speaker_mention"].as_str(), occupiers[0]["group"].as_str(), occupiers[0]["extent"].as_str()),
        ("protesters", "citizens", "fragment")
    );
    let pompeo = rows_where(&rows, &[("outlet", "France 24"), ("speaker", "Mike Pompeo"), ("kind", "direct")]);
    assert_eq!(pompeo[0]["speaker_mention"], "he", "the pronoun stays as written; the speaker is resolved");
}

#[test]
fn sputniks_single_fragment_belongs_to_esper() {
    let rows = quotes();
    let direct = rows_where(&rows, &[("outlet", "Sputnik"), ("kind", "direct")]);
    assert_eq!(direct.len(), 1);
    assert_eq!(
        (direct[0]["content"].as_str(), direct[0]["speaker"].as_str(), direct[0]["extent"].as_str()),
        ("interminably", "Mark Esper", "fragment")
    );
}

#[test]
fn sputniks_lawmaker_is_qameni_quoted_via_baghdad_today() {
    let rows = quotes();
    let qameni = rows_where(&rows, &[("outlet", "Sputnik"), ("speaker", "Ali al-Qameni")]);
    // "…, member of the parliamentary Security and Defence Commission, Ali al-Qameni, was quoted
    // as saying by the daily Baghdad Today.", then "The lawmaker reportedly added … but noted …".
    assert_eq!(qameni.len(), 3, "{qameni:?}");
    assert_eq!(qameni[0]["cue"], "was quoted as saying");
    assert!(qameni[0]["content"].ends_with("leaving the country"), "{}", qameni[0]["content"]);
    assert_eq!(qameni[0]["credited_to"], "Baghdad Today");
    for later in &qameni[1..] {
        assert_eq!((later["speaker_mention"].as_str(), later["anonymous"].as_str()), ("The lawmaker", "false"));
    }
}

#[test]
fn voices_table_and_features_count_words_per_group() {
    let out = report_example(&[]);
    let voices = read_csv(&out.path().join("voices.csv"));
    let seely = rows_where(&voices, &[("level", "speaker"), ("outlet", "HuffPost"), ("speaker_key", "seely")]);
    assert_eq!((seely[0]["attributions"].as_str(), seely[0]["direct"].as_str()), ("2", "2"));
    let features = read_csv(&out.path().join("outlet_features.csv"));
    let huffpost = features.iter().find(|r| r["outlet"] == "HuffPost").unwrap();
    assert_eq!(huffpost["voices_first_speaker"], "William H. Seely III");
    assert_eq!(huffpost["voices_first_group"], "us_military");
    let sputnik = features.iter().find(|r| r["outlet"] == "Sputnik").unwrap();
    assert_eq!((sputnik["att_direct"].as_str(), sputnik["att_direct_words"].as_str()), ("1", "1"));
    // The US military's words: Seely's letter (49), the headline "US Military Says …" (9) and
    // the officials who told CBS (22) and "likely expect" an order (5), of 138 attributed words.
    let military = rows_where(&voices, &[("level", "group"), ("outlet", "HuffPost"), ("group", "us_military")]);
    assert_eq!((military[0]["attributions"].as_str(), military[0]["words"].as_str()), ("5", "85"));
    let share: f64 = huffpost["voice__us_military__words_share"].parse().unwrap();
    assert!((share - 85.0 / 138.0).abs() < 1e-4, "{share}");
    // Every HuffPost voice has a group: "Iraq" and "US military officials" are story roles.
    let groups = rows_where(&voices, &[("level", "group"), ("outlet", "HuffPost")]);
    assert!(groups.iter().all(|g| g["group"] != "unclassified"), "{groups:?}");
}

#[test]
fn quotes_command_prints_jsonl() {
    let assert = framelens().args(["quotes", "corpora/iraq-2020", "--format", "jsonl"]).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(rows.len() > 50);
    assert!(rows.iter().any(|r| r["content"] == "interminably" && r["speaker"] == "Mark Esper"));
}

#[test]
fn a_surname_takes_the_group_of_its_introduction_with_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Senate vote\n\nSen. Ted Cruz spoke first on Tuesday.\n\n\"We will not yield,\" Cruz said.\n";
    fs::write(dir.path().join("vote.txt"), text).unwrap();
    let assert = framelens().args(["quotes", "--format", "jsonl"]).arg(dir.path()).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let cruz: Vec<_> = rows.iter().filter(|r| r["speaker_mention"] == "Cruz").collect();
    assert_eq!(cruz.len(), 1, "{rows:?}");
    assert_eq!((cruz[0]["group"].as_str(), cruz[0]["role"].as_str()), (Some("legislator"), Some("Sen.")));
    let (start, end) = (cruz[0]["introduction_start"].as_u64().unwrap(), cruz[0]["introduction_end"].as_u64().unwrap());
    assert_eq!(&text[start as usize..end as usize], "Sen. Ted Cruz");
    // `--explain` shows the introduction under the group.
    let assert = framelens().args(["quotes", "--explain"]).arg(dir.path()).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("  group     legislator\n  introduced 13..26  \"Sen. Ted Cruz\""), "{stdout}");
}

#[test]
fn report_names_the_most_quoted_speakers_in_no_voice_group() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = talks_corpus(dir.path(), "", &[("Daily One", "Hollis", "Marsh"), ("Daily Two", "Marsh", "Hollis")]);
    let out = dir.path().join("out");
    framelens().args(["report", "-q", "--intervals", "0", "--out"]).arg(&out).arg(&corpus).assert().success();
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    let caveat = report.lines().find(|l| l.contains("in no voice group")).unwrap_or_else(|| panic!("{report}"));
    // Hollis and Marsh are quoted three times each and titled nowhere; Sen. Lee Carter is a
    // legislator, whose words are the rest.
    assert!(caveat.contains("most often Hollis (3), Marsh (3)."), "{caveat}");
    assert!(!caveat.contains("Carter"), "{caveat}");
    let share: f64 = caveat.trim_start_matches("- ").split('%').next().unwrap().parse().unwrap();
    assert!((60.0..90.0).contains(&share), "{caveat}");
    assert!(!report.contains("the unclassified group gets the most"), "{report}");
}

#[test]
fn unresolved_pronouns_office_holders_and_things_are_not_anonymous_sources() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Storm season\n\n\"We are ready,\" he said.\n\nOfficials said the dams would hold. \
                The president said aid was coming. The pictures show that the streets flooded.\n";
    let lines: Vec<String> = ["Daily One", "Daily Two"]
        .iter()
        .map(|outlet| serde_json::json!({"outlet": outlet, "text": text}).to_string())
        .collect();
    let corpus = dir.path().join("storm.jsonl");
    fs::write(&corpus, lines.join("\n")).unwrap();
    let assert = framelens().args(["quotes", "--format", "jsonl"]).arg(&corpus).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let rows: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let by_mention = |mention: &str| {
        let row = rows.iter().find(|r| r["speaker_mention"] == mention).unwrap_or_else(|| panic!("{rows:?}"));
        (row["group"].as_str().unwrap().to_string(), row["anonymous"].as_bool().unwrap())
    };
    assert_eq!(by_mention("he"), ("unresolved".to_string(), false));
    assert!(by_mention("Officials").1);
    assert!(!by_mention("The president").1);
    assert_eq!(by_mention("The pictures"), ("unclassified".to_string(), false));
    // One attribution in four is an unnamed source; the unresolved pronoun's words get a caveat.
    let out = dir.path().join("out");
    framelens().args(["report", "-q", "--intervals", "0", "--out"]).arg(&out).arg(&corpus).assert().success();
    let features = fs::read_to_string(out.join("outlet_features.csv")).unwrap();
    let header: Vec<&str> = features.lines().next().unwrap().split(',').collect();
    let column = header.iter().position(|h| *h == "att_anonymous_share").unwrap();
    let share: f64 = features.lines().nth(1).unwrap().split(',').nth(column).unwrap().parse().unwrap();
    assert!((share - 0.25).abs() < 1e-9, "{features}");
    assert!(header.contains(&"voice__unresolved__words_share"), "{header:?}");
    let report = fs::read_to_string(out.join("report.md")).unwrap();
    assert!(report.lines().any(|l| l.contains("pronouns that no earlier name in the article resolved")), "{report}");
}

#[test]
fn quotes_command_prints_the_header_when_nothing_is_attributed() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("quiet.txt"), "A quiet day\n\nThe river rose two feet overnight.\n").unwrap();
    let assert = framelens().arg("quotes").arg(dir.path()).assert().success();
    let stdout = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    let full = framelens().args(["quotes", "corpora/iraq-2020"]).assert().success();
    let header = String::from_utf8(full.get_output().stdout.clone()).unwrap().lines().next().unwrap().to_string();
    assert_eq!(stdout, format!("{header}\n"));
    assert!(header.starts_with("outlet,article,kind,extent,content,"), "{header}");
}

#[test]
fn eval_scores_a_constructed_brat_corpus() {
    let text = "“We will stay,” the general said. Officials said the vote was symbolic.";
    // Gold: the direct quote (right), and an indirect one whose content we also find.
    let ann = "T1\tContent 1 13\tWe will stay\nT2\tSource 16 27\tthe general\nT3\tCue 28 32\tsaid\nE1\tAttribution:T9 Content:T1 Source:T2 Cue:T3\nT4\tContent 48 70\tthe vote was symbolic\nT5\tSource 34 43\tOfficials\nE2\tAttribution:T8 Content:T4 Source:T5\n";
    let scores = eval_json(text, ann);
    let at_03 = &scores[0];
    assert_eq!(at_03["threshold"], 0.3);
    assert_eq!(at_03["all"]["counts"]["gold"], 2);
    assert_eq!(at_03["all"]["counts"]["matched"], 2);
    assert_eq!(at_03["all"]["f1"], 1.0);
    assert_eq!(at_03["all"]["source_accuracy"], 1.0);
    assert_eq!(at_03["quoted"]["counts"]["gold"], 1);
    assert_eq!(at_03["quoted"]["f1"], 1.0);
}

#[test]
fn eval_quoted_subset_ignores_closing_marks_before_a_content() {
    let text = "Officials said: “We will stay.”\n\nThe vote was symbolic, the general said. “It is over.” Nobody moved at all, he said.";
    // Gold: the quote; an indirect attribution opening the next paragraph, three bytes after the
    // closing mark; another one right after a closing mark and a space. Only the first is quoted.
    let ann = "T1\tContent 17 30\tWe will stay.\nT2\tSource 0 9\tOfficials\nT3\tCue 10 14\tsaid\nE1\tAttribution:T9 Content:T1 Source:T2 Cue:T3\nT4\tContent 33 54\tThe vote was symbolic\nT5\tSource 56 67\tthe general\nT6\tCue 68 72\tsaid\nE2\tAttribution:T8 Content:T4 Source:T5 Cue:T6\nT10\tContent 88 107\tNobody moved at all\nT11\tSource 109 111\the\nT12\tCue 112 116\tsaid\nE3\tAttribution:T7 Content:T10 Source:T11 Cue:T12\n";
    let scores = eval_json(text, ann);
    assert_eq!(scores[0]["all"]["counts"]["gold"], 3);
    assert_eq!(scores[0]["all"]["counts"]["matched"], 3);
    assert_eq!(scores[0]["quoted"]["counts"]["gold"], 1);
    assert_eq!(scores[0]["quoted"]["counts"]["matched"], 1);
}

#[test]
fn eval_keeps_a_quote_with_its_own_speaker_apart_from_the_quote_before() {
    let text = "“I do not care at all,” said Loomis. Kasich resisted: “Governors do not have that power.”";
    // Two speakers in one paragraph; the second quote has no cue, but a speaker of its own.
    let ann = "T1\tContent 1 22\tI do not care at all,\nT2\tSource 29 35\tLoomis\nE1\tAttribution:T9 Content:T1 Source:T2\nT4\tContent 55 88\tGovernors do not have that power.\nT5\tSource 37 43\tKasich\nE2\tAttribution:T8 Content:T4 Source:T5\n";
    let scores = eval_json(text, ann);
    assert_eq!(scores[0]["quoted"]["counts"]["predicted"], 2);
    assert_eq!(scores[0]["quoted"]["counts"]["matched"], 2);
    assert_eq!(scores[0]["quoted"]["source_accuracy"], 1.0);
}

#[test]
fn eval_lists_missed_spurious_and_wrong_speaker_attributions() {
    let text = "“We will stay,” the general said. Officials said the vote was symbolic. Nobody moved.";
    // Gold: the quote with another source (wrong speaker), and "Nobody moved" (missed); the
    // prediction "the vote was symbolic" has no gold (spurious).
    let ann = "T1\tContent 1 13\tWe will stay\nT2\tSource 34 43\tOfficials\nT3\tCue 28 32\tsaid\nE1\tAttribution:T9 Content:T1 Source:T2 Cue:T3\nT4\tContent 72 85\tNobody moved.\nE2\tAttribution:T8 Content:T4\n";
    let (dir, texts, gold) = brat_corpus(text, ann);
    let errors = dir.path().join("errors.csv");
    framelens()
        .args(["eval", "attributions", "--gold"])
        .arg(&gold)
        .arg("--texts")
        .arg(&texts)
        .arg("--errors")
        .arg(&errors)
        .assert()
        .success();
    let rows = read_csv(&errors);
    let all: Vec<(String, String, String)> = rows
        .iter()
        .filter(|r| r["subset"] == "all")
        .map(|r| (r["error"].clone(), r["content"].clone(), r["predicted_source"].clone()))
        .collect();
    assert_eq!(
        all,
        [
            ("wrong_speaker".to_string(), "We will stay".to_string(), "the general".to_string()),
            ("spurious".to_string(), "the vote was symbolic".to_string(), "Officials".to_string()),
            ("missed".to_string(), "Nobody moved.".to_string(), String::new()),
        ]
    );
    assert!(rows.iter().all(|r| r["article"] == "a"));
    assert_eq!(rows.iter().filter(|r| r["subset"] == "quoted").count(), 1, "the quote, with the wrong speaker");
    // The cues: gold and predicted for the wrong speaker, predicted only for the spurious one.
    let cues: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r["subset"] == "all")
        .map(|r| (r["gold_cue"].as_str(), r["predicted_cue"].as_str()))
        .collect();
    assert_eq!(cues, [("said", "said"), ("", "said"), ("", "")]);
}

/// `framelens eval attributions --json` on a one-article brat corpus: the scores per threshold.
fn eval_json(text: &str, ann: &str) -> serde_json::Value {
    let (_dir, texts, gold) = brat_corpus(text, ann);
    let assert = framelens()
        .args(["eval", "attributions", "--json", "--gold"])
        .arg(&gold)
        .arg("--texts")
        .arg(&texts)
        .assert()
        .success();
    serde_json::from_slice(&assert.get_output().stdout).unwrap()
}

/// A one-article corpus in the PolNeAR layout: `text/a.txt` and `ann/a_x.ann`.
fn brat_corpus(text: &str, ann: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (texts, gold) = (dir.path().join("text"), dir.path().join("ann"));
    fs::create_dir_all(&texts).unwrap();
    fs::create_dir_all(&gold).unwrap();
    fs::write(texts.join("a.txt"), text).unwrap();
    fs::write(gold.join("a_x.ann"), ann).unwrap();
    (dir, texts, gold)
}

#[test]
fn eval_with_learned_cues_finds_what_the_rules_miss() {
    let text = "Clinton plans to call on young people to join national service.";
    let content = "to call on young people to join national service";
    let start = text.find(content).unwrap();
    let ann = format!(
        "T1\tSource 0 7\tClinton\nT2\tCue 8 13\tplans\nT3\tContent {start} {}\t{content}\nE1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\n",
        start + content.len()
    );
    let (_dir, texts, gold) = brat_corpus(text, &ann);
    let matched = |learned: bool| {
        let mut cmd = framelens();
        cmd.args(["eval", "attributions", "--json", "--gold"]).arg(&gold).arg("--texts").arg(&texts);
        if learned {
            cmd.arg("--learned-cues");
        }
        let out = cmd.assert().success();
        let scores: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        (scores[0]["all"]["counts"]["matched"].as_u64().unwrap(), scores[0]["all"]["source_accuracy"].as_f64())
    };
    assert_eq!(matched(false).0, 0);
    assert_eq!(matched(true), (1, Some(1.0)));
}

#[test]
fn quotes_marks_rows_found_by_the_learned_model() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.txt"),
        "Budget fight\n\nThe minister said the talks would resume in March.\n\nSenator Ortiz has championed a higher minimum wage for farm workers.\n",
    )
    .unwrap();
    let rows = |extra: &[&str]| -> Vec<(String, String, String)> {
        let out = framelens().arg("quotes").arg(dir.path()).args(extra).assert().success();
        let mut reader = csv::Reader::from_reader(&out.get_output().stdout[..]);
        let headers = reader.headers().unwrap().clone();
        let at = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let (cue, speaker, found_by) = (at("cue"), at("speaker_mention"), at("found_by"));
        reader.records().map(|r| r.unwrap()).map(|r| (r[cue].into(), r[speaker].into(), r[found_by].into())).collect()
    };
    let said = ("said".to_string(), "The minister".to_string(), "rules".to_string());
    assert_eq!(rows(&[]), std::slice::from_ref(&said));
    assert_eq!(
        rows(&["--learned-cues"]),
        [said, ("championed".to_string(), "Senator Ortiz".to_string(), "model".to_string())]
    );
    // A threshold above every score turns the model's finds off again.
    assert_eq!(rows(&["--learned-cues", "--cue-threshold", "1000"]).len(), 1);
}

#[test]
fn train_cues_learns_an_unlisted_cue_word_and_writes_the_same_bytes_twice() {
    let text = "Ann reckons the bridge will open soon. Bob reckons the vote failed again. \
                Cal eats lunch at noon daily. Dee eats dinner late most days. Eve reckons the road is closed.";
    // Each cue's content: the next three words. brat offsets count characters; this text is
    // ASCII, so bytes are characters.
    let ann: String = text
        .match_indices("reckons")
        .enumerate()
        .map(|(i, (at, word))| {
            let (start, end) = (at + word.len() + 1, at + word.len() + 1 + "the xxxxx".len());
            format!(
                "T{i}\tCue {at} {}\t{word}\nT{}\tContent {start} {end}\t{}\nE{i}\tAttribution:T90 Cue:T{i} Content:T{}\n",
                at + word.len(),
                i + 10,
                &text[start..end],
                i + 10
            )
        })
        .collect();
    let (dir, texts, gold) = brat_corpus(text, &ann);
    let train = |name: &str, extra: &[&str]| {
        let out = dir.path().join(name);
        framelens()
            .args(["train", "cues", "--min-count", "1"])
            .args(extra)
            .arg("--gold")
            .arg(&gold)
            .arg("--texts")
            .arg(&texts)
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        fs::read_to_string(out).unwrap()
    };
    let model = train("one.tsv", &[]);
    assert_eq!(model, train("two.tsv", &[]));
    // `--threshold` is written into the file and changes nothing else.
    let lowered = train("lowered.tsv", &["--threshold", "-2.5"]);
    assert!(lowered.contains("# threshold\t-2.5\n"), "{lowered}");
    assert_eq!(lowered.replace("# threshold\t-2.5\n", "# threshold\t0\n"), model);
    let weight = |feature: &str| -> f64 {
        let line = model.lines().find(|l| l.starts_with(&format!("{feature}\t"))).expect(feature);
        line.split('\t').nth(1).unwrap().parse().unwrap()
    };
    assert!(weight("w=reckons") > 0.0, "{model}");
    assert!(!model.contains("w=eats\t") || weight("w=eats") < 0.0, "{model}");
    assert!(model.starts_with("# framelens attribution cue model"));
    // `--cue-model` puts the trained model to work in place of the shipped one.
    let new = dir.path().join("new");
    fs::create_dir(&new).unwrap();
    fs::write(new.join("a.txt"), "Fay reckons the plan is sound.\n").unwrap();
    let out = framelens()
        .arg("quotes")
        .arg(&new)
        .args(["--learned-cues", "--cue-model"])
        .arg(dir.path().join("one.tsv"))
        .assert()
        .success();
    let rows = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(rows.contains(",reckons,") && rows.trim_end().ends_with(",model,learned_cue"), "{rows}");
}

#[test]
fn a_broken_cue_model_is_refused_with_its_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "The minister said the talks would resume.\n").unwrap();
    let model_dir = tempfile::tempdir().unwrap();
    let model = model_dir.path().join("broken.tsv");
    fs::write(&model, "# threshold\t0\nw=said\t2.5\nw=told 1\n").unwrap();
    let out = framelens()
        .arg("quotes")
        .arg(dir.path())
        .args(["--learned-cues", "--cue-model"])
        .arg(&model)
        .assert()
        .failure();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("broken.tsv:3: expected feature<TAB>weight"), "{stderr}");
}

#[test]
fn report_with_learned_cues_says_so_and_keeps_the_model_rows_apart() {
    let out = report_example(&["--learned-cues", "--quiet"]);
    let quotes = read_csv(&out.path().join("quotes.csv"));
    let found_by = |row: &std::collections::HashMap<String, String>| row["found_by"].clone();
    let model: Vec<(String, String)> = quotes
        .iter()
        .filter(|r| found_by(r) == "model")
        .map(|r| (r["outlet"].clone(), r["speaker_mention"].clone()))
        .collect();
    assert!(model.contains(&("France 24".to_string(), "Some protesters".to_string())), "{model:?}");
    assert!(model.contains(&("Sputnik".to_string(), "Iraqi lawmakers".to_string())), "{model:?}");
    // The rules' rows are the shipped report's, unchanged.
    let shipped = read_csv(&crate::util::root().join("reports/iraq-2020/quotes.csv"));
    assert_eq!(quotes.iter().filter(|r| found_by(r) == "rules").count(), shipped.len());
    let markdown = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(markdown.contains("rows with `found_by = model` in `quotes.csv`"));
    let manifest = fs::read_to_string(out.path().join("run_manifest.json")).unwrap();
    assert!(manifest.contains("\"learned_cues\",\n      \"true\""), "{manifest}");
    assert!(manifest.contains("\"cue_model\",\n      \"models/attribution-cues.tsv\""), "{manifest}");
}

#[test]
fn the_hills_iranian_foreign_minister_speaks_for_irans_government() {
    let rows = quotes();
    let minister = rows_where(&rows, &[("outlet", "The Hill"), ("speaker_mention", "the Iranian foreign minister")]);
    assert_eq!(minister.len(), 1);
    assert_eq!(
        (minister[0]["content"].as_str(), minister[0]["group"].as_str()),
        ("violates international law", "iranian_government")
    );
}

#[test]
fn explain_shows_each_attribution_with_its_spans_and_the_rules_behind_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "“We will stay,” the minister said.\n\nThe union said the strike would go on for a week.\n";
    fs::write(dir.path().join("a.txt"), text).unwrap();
    let run = |extra: &[&str]| {
        let out = framelens().arg("quotes").arg(dir.path()).args(extra).assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let explained = run(&["--explain"]);
    // One block per CSV row, in the same order, each naming the row's rule.
    let csv_rules: Vec<String> = run(&[]).lines().skip(1).map(|l| l.rsplit(',').next().unwrap().to_string()).collect();
    assert_eq!(csv_rules, ["quote_cue_after", "reported_object"]);
    let blocks: Vec<&str> = explained.split("\n\n").filter(|b| !b.trim().is_empty()).collect();
    assert_eq!(blocks.len(), 2, "{explained}");
    for (block, rule) in blocks.iter().zip(&csv_rules) {
        assert!(block.contains(&format!("rules     {rule}: ")), "{block}");
    }
    // Spans are byte offsets into the text.
    let start = text.find("We will").unwrap();
    assert!(blocks[0].contains(&format!("content   {start}..{}  \"We will stay,\"", start + 13)), "{}", blocks[0]);
    assert!(blocks[1].contains("speaker   ") && blocks[1].contains("\"The union\""), "{}", blocks[1]);
}

#[test]
fn rules_lists_every_rule_in_order_with_what_it_does() {
    let out = framelens().arg("rules").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let first = text.lines().next().unwrap();
    assert!(first.starts_with("quote_cue_after") && first.contains("finds") && first.contains("X said"), "{first}");
    assert!(text.lines().any(|l| l.starts_with("resolve_pronoun") && l.contains("shapes")), "{text}");
    assert!(text.lines().count() >= 30, "{text}");
}
