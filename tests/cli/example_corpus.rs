//! `framelens report` on the five shipped iraq-2020 articles: real counts, checked.

use std::fs;

use crate::util::{example_corpus, framelens, read_csv, read_evidence, report_example, rows_where};

#[test]
fn huffpost_assassination_is_own_voice_and_france24_political_assassination_is_quoted() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    let assassination = rows_where(&evidence, &[("concept", "soleimani_strike"), ("label", "assassination")]);
    assert_eq!(assassination.len(), 1);
    assert_eq!((assassination[0]["outlet"].as_str(), assassination[0]["voice"].as_str()), ("HuffPost", "own"));
    assert!(assassination[0]["sentence_text"].contains("the US assassination last week"));
    let political = rows_where(&evidence, &[("label", "political assassination")]);
    assert_eq!(political.len(), 1);
    assert_eq!((political[0]["outlet"].as_str(), political[0]["voice"].as_str()), ("France 24", "quoted"));
    assert!(political[0]["sentence_text"].starts_with("Abdul Mahdi called the US killing"));
}

#[test]
fn eject_only_at_huffpost_and_terminate_only_at_sputnik() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    let eject: Vec<(&str, &str)> = rows_where(&evidence, &[("label", "eject")])
        .iter()
        .map(|r| (r["outlet"].as_str(), r["voice"].as_str()))
        .collect();
    assert_eq!(eject, [("HuffPost", "own"), ("HuffPost", "own")]);
    let terminate: Vec<&str> =
        rows_where(&evidence, &[("label", "terminate")]).iter().map(|r| r["outlet"].as_str()).collect();
    assert_eq!(terminate, ["Sputnik"]);
    let word_choice = read_csv(&out.path().join("word_choice.csv"));
    let eject_rows = rows_where(&word_choice, &[("label", "eject"), ("voice", "own")]);
    let with_eject: Vec<&str> = eject_rows.iter().filter(|r| r["count"] != "0").map(|r| r["outlet"].as_str()).collect();
    assert_eq!(with_eject, ["HuffPost"]);
}

#[test]
fn epoch_times_headline_end_the_presence_counts_as_quoted() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    let headline = rows_where(&evidence, &[("outlet", "The Epoch Times"), ("matched", "End the Presence")]);
    assert_eq!(headline.len(), 1);
    assert_eq!(headline[0]["voice"], "quoted");
    assert_eq!(headline[0]["paragraph"], "0");
}

#[test]
fn every_evidence_span_points_at_its_text_in_the_original_file() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    assert!(evidence.len() > 200, "{} evidence rows", evidence.len());
    for row in &evidence {
        let text =
            fs::read_to_string(example_corpus().join("articles").join(format!("{}.txt", row["article"]))).unwrap();
        let (start, end): (usize, usize) = (row["start"].parse().unwrap(), row["end"].parse().unwrap());
        assert_eq!(&text[start..end], row["matched"]);
        let (s, e): (usize, usize) = (row["sentence_start"].parse().unwrap(), row["sentence_end"].parse().unwrap());
        assert_eq!(&text[s..e], row["sentence_text"]);
        assert!(s <= start && end <= e);
    }
}

#[test]
fn each_evidence_sentence_is_written_once_and_evidence_text_repeats_it_on_every_row() {
    let out = report_example(&["--evidence-text", "--formats", "csv", "--intervals", "0"]);
    let sentences = read_csv(&out.path().join("sentences.csv"));
    let keys: std::collections::BTreeSet<(&str, &str)> =
        sentences.iter().map(|s| (s["article"].as_str(), s["sentence"].as_str())).collect();
    assert_eq!(keys.len(), sentences.len(), "no sentence twice");
    let evidence = read_evidence(out.path());
    let used: std::collections::BTreeSet<(&str, &str)> =
        evidence.iter().map(|r| (r["article"].as_str(), r["sentence"].as_str())).collect();
    assert_eq!(used, keys, "every sentence carries evidence and every evidence row has its sentence");
    assert!(sentences.len() * 3 < evidence.len(), "{} sentences, {} rows", sentences.len(), evidence.len());
    let text_of: std::collections::HashMap<(&str, &str), &str> =
        sentences.iter().map(|s| ((s["article"].as_str(), s["sentence"].as_str()), s["text"].as_str())).collect();
    for row in &read_csv(&out.path().join("evidence.csv")) {
        assert_eq!(row["sentence_text"], text_of[&(row["article"].as_str(), row["sentence"].as_str())], "{row:?}");
    }
}

#[test]
fn shares_within_a_concept_sum_to_one_per_outlet_and_voice() {
    let out = report_example(&[]);
    let word_choice = read_csv(&out.path().join("word_choice.csv"));
    let expel_own = rows_where(&word_choice, &[("outlet", "HuffPost"), ("concept", "expel_troops"), ("voice", "own")]);
    let total: u32 = expel_own.iter().map(|r| r["count"].parse::<u32>().unwrap()).sum();
    let eject = expel_own.iter().find(|r| r["label"] == "eject").unwrap();
    assert_eq!(eject["concept_total"], total.to_string());
    let share: f64 = eject["share"].parse().unwrap();
    assert!((share - 2.0 / f64::from(total)).abs() < 1e-6);
    let sum: f64 = expel_own.iter().map(|r| r["share"].parse::<f64>().unwrap()).sum();
    assert!((sum - 1.0).abs() < 1e-5, "{sum}");
}

#[test]
fn articles_table_separates_own_and_quoted_words() {
    let out = report_example(&[]);
    let articles = read_csv(&out.path().join("articles.csv"));
    let outlets: Vec<&str> = articles.iter().map(|r| r["outlet"].as_str()).collect();
    assert_eq!(outlets, ["HuffPost", "The Hill", "The Epoch Times", "Sputnik", "France 24"]);
    let sputnik = &articles[3];
    // Sputnik's only quotation is the one word "interminably".
    assert_eq!(sputnik["quote_spans"], "1");
    assert_eq!(sputnik["quoted_words"], "1");
    let hill = &articles[1];
    assert_eq!(hill["removed_lines"], "7");
    for row in &articles {
        let words: u64 = row["words"].parse().unwrap();
        let own: u64 = row["own_words"].parse().unwrap();
        let quoted: u64 = row["quoted_words"].parse().unwrap();
        assert_eq!(words, own + quoted);
        assert_eq!(row["outlet_rule"], "manifest");
    }
}

#[test]
fn removed_lines_name_their_rule_and_are_not_counted() {
    let out = report_example(&[]);
    let removed = read_csv(&out.path().join("removed_lines.csv"));
    let hill: Vec<(&str, &str)> = rows_where(&removed, &[("outlet", "The Hill")])
        .iter()
        .map(|r| (r["rule"].as_str(), r["text"].as_str()))
        .collect();
    assert!(hill.contains(&("site_navigation", "See all Video")));
    assert!(hill.contains(&("tag_line", "Tags Iran Iran strike Iraq")));
    let france = rows_where(&removed, &[("outlet", "France 24"), ("rule", "credit_line")]);
    assert_eq!(france[0]["text"], "(FRANCE 24 with AFP, AP and REUTERS)");
    let evidence = read_evidence(out.path());
    assert!(
        rows_where(&evidence, &[("outlet", "The Hill"), ("matched", "strike")])
            .iter()
            .all(|r| !r["sentence_text"].starts_with("Tags"))
    );
}

#[test]
fn kept_rules_leave_their_lines_in_the_text_and_the_other_rules_apply() {
    let out = tempfile::tempdir().unwrap();
    let args = ["extract", "--keep-lines", "site_navigation,tag_line", "--formats", "csv", "-q", "--out"];
    framelens().args(args).arg(out.path()).arg(example_corpus()).assert().success();
    let removed = read_csv(&out.path().join("removed_lines.csv"));
    let hill: Vec<&str> = rows_where(&removed, &[("outlet", "The Hill")]).iter().map(|r| r["rule"].as_str()).collect();
    assert!(!hill.is_empty() && hill.iter().all(|rule| !["site_navigation", "tag_line"].contains(rule)), "{hill:?}");
    assert_eq!(rows_where(&removed, &[("outlet", "France 24"), ("rule", "credit_line")]).len(), 1);
    // The kept tag line is measured: its "strike" is now a match of the article's text.
    let evidence = read_evidence(out.path());
    let tags = rows_where(&evidence, &[("outlet", "The Hill"), ("matched", "strike")]);
    assert!(tags.iter().any(|r| r["sentence_text"].starts_with("Tags")), "{tags:?}");
    let manifest = fs::read_to_string(out.path().join("run_manifest.json")).unwrap();
    let manifest: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let options = manifest["options"].as_array().unwrap();
    assert!(options.iter().any(|o| o[0] == "kept_lines" && o[1] == "site_navigation,tag_line"), "{options:?}");

    let report = report_example(&["--keep-lines", "byline"]);
    let markdown = fs::read_to_string(report.path().join("report.md")).unwrap();
    assert!(markdown.contains("(`--keep-lines byline`;"), "report.md says which rules were left out");
    let default = fs::read_to_string(crate::util::root().join("reports/iraq-2020/report.md")).unwrap();
    assert!(!default.contains("--keep-lines") && !default.contains("--keep-boilerplate"));

    let refused =
        framelens().args(args).arg(out.path()).args(["--keep-lines", "bylines"]).arg(example_corpus()).assert();
    let stderr = String::from_utf8_lossy(&refused.failure().get_output().stderr).to_string();
    assert!(stderr.contains("bylines") && stderr.contains("byline") && stderr.contains("photo_caption"), "{stderr}");
}

#[test]
fn outlet_features_have_documented_columns() {
    let out = report_example(&[]);
    let features = read_csv(&out.path().join("outlet_features.csv"));
    assert_eq!(features.len(), 5);
    let huffpost = features.iter().find(|r| r["outlet"] == "HuffPost").unwrap();
    assert_eq!(huffpost["wc__soleimani_strike__assassination__own_share"], "0.500000");
    let sputnik = features.iter().find(|r| r["outlet"] == "Sputnik").unwrap();
    assert_eq!(
        sputnik["wc__expel_troops__terminate__quoted_share"], "",
        "Sputnik quotes no expel label: undefined, not 0"
    );
    assert_eq!(sputnik["wc__expel_troops__terminate__own_share"], "0.125000", "1 of 8 own-voice labels");
    let hill = features.iter().find(|r| r["outlet"] == "The Hill").unwrap();
    assert_eq!(hill["att_cue__loaded_share"], "0.266667", "4 of The Hill's 15 attributions use loaded cues");
    assert_eq!(hill["att_direct_share"], "0.266667", "4 direct of 15");
    for column in [
        "articles",
        "words",
        "own_words",
        "quoted_share",
        "wc_matches_own",
        "wc_loaded_share_own",
        "wc_connotation_own",
        "wc_per_1k_own",
    ] {
        assert!(huffpost.contains_key(column), "missing {column}");
    }
}

#[test]
fn report_md_states_findings_with_evidence() {
    let out = report_example(&[]);
    let md = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(
        md.contains(
            "Only HuffPost says “assassination” in its own voice (once; n = 1 article of HuffPost against 4 articles of the others; not tested: HuffPost has 1 article with units for it (a test needs 3 on each side))."
        ),
        "{md}"
    );
    assert!(md.contains("France 24 has “political assassination” only inside quotations (once)."));
    assert!(md.contains("Only Sputnik says “terminate” in its own voice (once;"));
    // One article per outlet: the report claims nothing about outlets.
    assert!(md.contains("**This report describes articles, not outlets.**"), "{md}");
    assert!(md.contains("No test could be run"), "{md}");
    assert!(!md.contains("a difference: q ="), "{md}");
    assert!(md.contains("## How to read these numbers"));
    assert!(md.contains("HuffPost quotes William H. Seely III (us_military) first"), "{md}");
    assert!(md.contains("The Epoch Times quotes the resolution (iraqi_parliament) first"));
}

#[test]
fn run_manifest_records_inputs_and_lexicons() {
    let out = report_example(&[]);
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.path().join("run_manifest.json")).unwrap()).unwrap();
    let files = manifest["input_files"].as_array().unwrap();
    assert_eq!(files.len(), 6);
    assert_eq!(files[5]["path"], "manifest.csv");
    let lexicons: Vec<&str> =
        manifest["lexicons"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(lexicons, ["frames", "hedges", "loaded", "media", "reporting", "voices", "iraq-2020", "labels"]);
    assert_eq!(manifest["articles"], 5);
    let option = |name: &str| {
        let options = manifest["options"].as_array().unwrap();
        options.iter().find(|o| o[0] == name).map(|o| o[1].as_str().unwrap().to_string()).unwrap()
    };
    assert_eq!((option("intervals"), option("seed"), option("alpha")), ("1000".into(), "42".into(), "0.05".into()));
    assert_eq!(manifest["lexicons"][6]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn committed_example_report_is_reproduced_byte_for_byte() {
    let out = report_example(&[]);
    let committed = crate::util::root().join("reports/iraq-2020");
    let mut compared = 0;
    for entry in fs::read_dir(&committed).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".csv") || name == "report.md" {
            let fresh = fs::read(out.path().join(&name)).unwrap();
            assert!(fresh == fs::read(entry.path()).unwrap(), "{name} differs: rerun the README's main command");
            compared += 1;
        }
    }
    assert!(compared >= 9, "only {compared} files compared");
}

#[test]
fn the_example_report_says_which_story_lexicon_applied_and_why() {
    let out = report_example(&[]);
    let report = fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(report.contains("## Lexicons"), "{report}");
    assert!(
        report.contains("Story lexicon iraq-2020: applied (5 of 5 articles read mention at least 2 of its anchors")
    );
    assert!(report.contains("Story lexicon caravan-2018: left out (0 of 5 articles read"), "{report}");
}

#[test]
fn anchored_labels_for_other_events_stay_in_evidence_and_out_of_the_counts() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    let strikes = |referent: &str| {
        rows_where(&evidence, &[("outlet", "The Hill"), ("label", "strike"), ("referent", referent)]).len()
    };
    // The Hill's "strike"s are the militia's strike, Trump's threat and the December strikes.
    assert_eq!((strikes("unanchored"), strikes("anchored")), (5, 0));
    let unanchored: Vec<&str> =
        evidence.iter().filter(|r| r["referent"] == "unanchored").map(|r| r["sentence_text"].as_str()).collect();
    assert!(unanchored.iter().any(|s| s.contains("strike 52 Iranian sites")), "{unanchored:?}");
    let word_choice = read_csv(&out.path().join("word_choice.csv"));
    let counted = rows_where(&word_choice, &[("outlet", "The Hill"), ("label", "strike"), ("voice", "own")]);
    assert_eq!(counted[0]["count"], "0");
    // A sentence that names Soleimani keeps its "strike".
    let kept = rows_where(&evidence, &[("label", "strike"), ("referent", "anchored")]);
    assert!(
        !kept.is_empty()
            && kept.iter().all(|r| r["sentence_text"].contains("Soleimani")
                || r["sentence_text"].contains("general")
                || r["sentence_text"].contains("commander")),
        "{kept:?}"
    );
}
