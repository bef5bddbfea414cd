//! Attribution style, media credits, hedges, agency, tone and coverage on the example corpus.

use std::collections::HashMap;

use predicates::prelude::*;

use crate::util::{framelens, read_csv, read_evidence, report_example, rows_where};

#[test]
fn credits_name_the_media_each_outlet_relies_on() {
    let out = report_example(&[]);
    let credits = read_csv(&out.path().join("media_credits.csv"));
    let of = |outlet: &str| -> Vec<(String, String)> {
        rows_where(&credits, &[("outlet", outlet)])
            .iter()
            .map(|r| (r["medium"].clone(), r["credits"].clone()))
            .collect()
    };
    let pair = |m: &str, n: &str| (m.to_string(), n.to_string());
    assert_eq!(of("The Hill"), [pair("Reuters", "2"), pair("The Associated Press", "2")], "four Reuters/AP credits");
    assert_eq!(of("The Epoch Times"), [pair("BBC", "1"), pair("CNN", "1"), pair("Reuters", "1")]);
    assert_eq!(of("Sputnik"), [pair("Baghdad Today", "1")]);
    assert!(of("HuffPost").is_empty());
    let evidence = read_evidence(out.path());
    let sputnik = rows_where(&evidence, &[("signal", "credit"), ("outlet", "Sputnik")]);
    assert_eq!(sputnik[0]["label"], "quoted_by");
    assert!(sputnik[0]["sentence_text"].ends_with("was quoted as saying by the daily Baghdad Today."));
    let france: Vec<(&str, &str)> = rows_where(&evidence, &[("signal", "credit"), ("outlet", "France 24")])
        .iter()
        .map(|r| (r["concept"].as_str(), r["label"].as_str()))
        .collect();
    for expected in [
        ("Reuters", "according_to"),
        ("Agence France-Presse", "credit_line"),
        ("The Associated Press", "credit_line"),
        ("Reuters", "credit_line"),
    ] {
        assert!(france.contains(&expected), "{expected:?} in {france:?}");
    }
    assert!(!france.iter().any(|(m, _)| *m == "France 24"), "an outlet does not credit itself");
    let line = rows_where(&evidence, &[("signal", "credit"), ("outlet", "France 24"), ("label", "credit_line")]);
    assert_eq!(line[0]["sentence_text"], "(FRANCE 24 with AFP, AP and REUTERS)");
}

#[test]
fn hedges_are_counted_per_outlet_in_own_voice() {
    let out = report_example(&[]);
    let hedges = read_csv(&out.path().join("hedges.csv"));
    let hill: Vec<(&str, &str)> = rows_where(&hedges, &[("outlet", "The Hill")])
        .iter()
        .map(|r| (r["hedge"].as_str(), r["own"].as_str()))
        .collect();
    assert_eq!(hill, [("allegedly", "1"), ("believed to", "1"), ("reportedly", "2")]);
    let features = read_csv(&out.path().join("outlet_features.csv"));
    let hill = features.iter().find(|r| r["outlet"] == "The Hill").unwrap();
    let words: f64 = hill["own_words"].parse().unwrap();
    let per_1k: f64 = hill["hedge_per_1k_own"].parse().unwrap();
    assert!((per_1k - 4000.0 / words).abs() < 1e-3, "{per_1k}");
}

#[test]
fn agency_tells_a_nominal_agent_from_an_active_one() {
    let out = report_example(&[]);
    let evidence = read_evidence(out.path());
    let huff = rows_where(&evidence, &[("signal", "agency"), ("outlet", "HuffPost"), ("matched", "assassination")]);
    assert_eq!(huff[0]["label"], "nominal_agent");
    assert!(huff[0]["sentence_text"].contains("the US assassination last week"));
    let hill = rows_where(&evidence, &[("signal", "agency"), ("outlet", "The Hill"), ("matched", "killed")]);
    assert_eq!(hill[0]["label"], "active_agent");
    assert!(hill[0]["sentence_text"].contains("an American airstrike killed"));
    let agency = read_csv(&out.path().join("agency.csv"));
    assert_eq!(agency.len(), 5 * 6 * 2, "every class for every outlet and both events");
}

#[test]
fn attribution_style_is_split_by_speaker_group_and_credited() {
    let out = report_example(&[]);
    let attribution = read_csv(&out.path().join("attribution.csv"));
    let hill_loaded: u32 = rows_where(&attribution, &[("outlet", "The Hill"), ("cue_class", "loaded")])
        .iter()
        .map(|r| r["attributions"].parse::<u32>().unwrap())
        .sum();
    // "threatened", "declared" twice, and "The nonbinding resolution passed Sunday demanded …".
    assert_eq!(hill_loaded, 4);
    let quotes = read_csv(&out.path().join("quotes.csv"));
    let resolution = quotes
        .iter()
        .find(|q| q["outlet"] == "The Hill" && q["content"].starts_with("The Iraqi government must work"))
        .unwrap();
    assert_eq!(resolution["credited_to"], "Reuters", "“…,” the resolution read, according to Reuters.");
}

#[test]
fn tone_and_coverage_trace_to_sentences() {
    let out = report_example(&[]);
    let coverage = read_csv(&out.path().join("coverage.csv"));
    let quorum: Vec<&str> = rows_where(&coverage, &[("fact", "quorum")])
        .iter()
        .filter(|r| r["mentions"] != "0")
        .map(|r| r["outlet"].as_str())
        .collect();
    assert_eq!(quorum, ["France 24"]);
    let sputnik = rows_where(&coverage, &[("outlet", "Sputnik"), ("fact", "non_binding")]);
    assert_eq!((sputnik[0]["mentions"].as_str(), sputnik[0]["first_paragraph"].as_str()), ("2", "0"));
    let tone = read_csv(&out.path().join("tone.csv"));
    let evidence = read_evidence(out.path());
    for row in rows_where(&tone, &[("voice", "own")]) {
        let sentences = rows_where(
            &evidence,
            &[("signal", "tone"), ("outlet", &row["outlet"]), ("concept", &row["actor"]), ("voice", "own")],
        );
        assert_eq!(sentences.len().to_string(), row["sentences"], "{row:?}");
        let mean = sentences.iter().map(|s| s["label"].parse::<f64>().unwrap()).sum::<f64>() / sentences.len() as f64;
        assert!((mean - row["mean_compound"].parse::<f64>().unwrap()).abs() < 1e-4, "{row:?}");
    }
}

#[test]
fn signals_left_out_leave_no_rows_columns_or_tables_and_the_others_are_unchanged() {
    let all = tempfile::tempdir().unwrap();
    let some = tempfile::tempdir().unwrap();
    for (out, signals) in [(&all, "all"), (&some, "tone, hedge")] {
        framelens()
            .args(["extract", "corpora/iraq-2020", "-q", "--formats", "csv", "--signals", signals, "--out"])
            .arg(out.path())
            .assert()
            .success();
    }
    for table in ["hedges", "tone"] {
        assert!(some.path().join(format!("{table}.csv")).exists(), "{table}");
        assert_eq!(
            read_csv(&some.path().join(format!("{table}.csv"))),
            read_csv(&all.path().join(format!("{table}.csv")))
        );
    }
    for table in ["media_credits", "coverage", "agency", "loaded", "naming"] {
        assert!(all.path().join(format!("{table}.csv")).exists(), "{table}");
        assert!(!some.path().join(format!("{table}.csv")).exists(), "{table} is not written when its signal is off");
    }
    // Evidence: the measured signals' rows (and word choice's) are the full run's, the others gone.
    let kept = |rows: &[HashMap<String, String>]| -> Vec<HashMap<String, String>> {
        rows.iter().filter(|r| ["word_choice", "tone", "hedge"].contains(&r["signal"].as_str())).cloned().collect()
    };
    let (full, part) = (read_evidence(all.path()), read_evidence(some.path()));
    assert!(full.iter().any(|r| r["signal"] == "credit") && full.iter().any(|r| r["signal"] == "tone"));
    assert_eq!(part, kept(&full));
    // Columns: exactly those of the left-out signals are gone; shared columns keep their values.
    let header = |dir: &std::path::Path| -> Vec<String> {
        let text = std::fs::read_to_string(dir.join("outlet_features.csv")).unwrap();
        text.lines().next().unwrap().split(',').map(String::from).collect()
    };
    let (full_columns, part_columns) = (header(all.path()), header(some.path()));
    let gone: Vec<&String> = full_columns.iter().filter(|c| !part_columns.contains(c)).collect();
    assert!(!gone.is_empty());
    for column in &gone {
        let off =
            ["agency__", "cov__", "loaded_", "loaded__", "media_", "naming_"].iter().any(|p| column.starts_with(p));
        assert!(off, "{column} belongs to a signal left out");
    }
    assert!(part_columns.iter().all(|c| full_columns.contains(c)));
    assert!(
        part_columns.iter().any(|c| c.starts_with("tone__")) && part_columns.contains(&"hedge_per_1k_own".to_string())
    );
    let (full_rows, part_rows) =
        (read_csv(&all.path().join("outlet_features.csv")), read_csv(&some.path().join("outlet_features.csv")));
    for (f, p) in full_rows.iter().zip(&part_rows) {
        for column in &part_columns {
            assert_eq!(f[column], p[column], "{column}");
        }
    }
    let manifest = std::fs::read_to_string(some.path().join("run_manifest.json")).unwrap();
    assert!(manifest.contains("\"hedge,tone\""), "the manifest records the signals");
}

#[test]
fn a_report_without_signals_says_so_and_draws_the_rest() {
    let out = report_example(&["--signals", "none", "--intervals", "0"]);
    let report = std::fs::read_to_string(out.path().join("report.md")).unwrap();
    assert!(report.contains(
        "Signals not measured in this run (`--signals none`): hedge, credit, fact, agency, tone, loaded, naming."
    ));
    for heading in [
        "### Hedges and credits",
        "## Coverage of facts",
        "## Tone toward actors",
        "## Agency",
        "## Loaded language",
        "## Naming",
    ] {
        assert!(!report.contains(heading), "{heading}");
    }
    assert!(report.contains("## Quoted voices") && report.contains("## Word choice"));
    let charts = out.path().join("charts");
    assert!(charts.join("attribution_style.png").exists() && charts.join("loadedness.png").exists());
    assert!(!charts.join("coverage.png").exists() && !charts.join("loaded_language.png").exists());
    assert!(!charts.join("naming.png").exists());
    assert!(!out.path().join("hedges.csv").exists());
}

#[test]
fn an_unknown_signal_is_refused_with_the_known_names() {
    let out = tempfile::tempdir().unwrap();
    framelens()
        .args(["extract", "corpora/iraq-2020", "--signals", "tone,hedges", "--out"])
        .arg(out.path())
        .assert()
        .failure()
        .stderr(
            predicates::str::contains("unknown signal `hedges`").and(predicates::str::contains("agency, tone, loaded")),
        );
}

#[test]
fn eval_loaded_scores_entries_against_spans_in_the_years_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let articles = [
        ("a", "2011-03-01", "Budget\n\nThe senator blasted the phony plan on Monday. It was very late."),
        ("b", "2012-05-02", "Budget\n\nCritics called the bill a phony fix on Tuesday."),
        ("c", "2014-01-09", "Budget\n\nThe reckless plan passed on Friday."),
    ];
    let lines: Vec<String> = articles
        .iter()
        .map(|(id, date, text)| {
            serde_json::json!({"id": id, "outlet": "Paper", "date": date, "text": text}).to_string()
        })
        .collect();
    let corpus = dir.path().join("basil.jsonl");
    std::fs::write(&corpus, lines.join("\n")).unwrap();
    // Experts marked "phony" in article a and "reckless" in article c, and nothing in b.
    let span = |id: &str, word: &str| {
        let text = articles.iter().find(|a| a.0 == id).unwrap().2;
        let start = text.find(word).unwrap();
        format!("{id},lexical,{start},{},no\n", start + word.len())
    };
    let spans = dir.path().join("spans.csv");
    std::fs::write(&spans, format!("article,bias,start,end,quote\n{}{}", span("a", "phony"), span("c", "reckless")))
        .unwrap();
    let eval = |extra: &[&str]| {
        let mut command = framelens();
        command.args(["eval", "loaded", "--spans"]).arg(&spans).arg("--corpus").arg(&corpus).args(extra);
        command
    };
    let run = |extra: &[&str]| {
        let output = eval(&[&["--json"], extra].concat()).output().unwrap();
        assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
        serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap()
    };
    // 2011-2012: articles a and b; "phony" twice, once inside a span; "blast" and "very" outside.
    let early = run(&["--years", "2011-2012"]);
    assert_eq!((early["all"]["spans"].as_u64(), early["all"]["caught"].as_u64()), (Some(1), Some(1)));
    let entries: Vec<(String, u64, u64)> = early["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (e["entry"].as_str().unwrap().to_string(), e["flags"].as_u64().unwrap(), e["inside"].as_u64().unwrap())
        })
        .collect();
    let entry = |name: &str, flags, inside| (name.to_string(), flags, inside);
    assert_eq!(entries, [entry("phony", 2, 1), entry("blast", 1, 0), entry("very", 1, 0)]);
    assert_eq!(early["class_flags"]["evaluative"]["inside"].as_u64(), Some(1));
    // One year: article c alone, its one span caught.
    let late = run(&["--years", "2014"]);
    assert_eq!(
        (late["all"]["spans"].as_u64(), late["all"]["caught"].as_u64(), late["flags"].as_u64()),
        (Some(1), Some(1), Some(1))
    );
    // The table lists the entries asked for; a year with no article is an error that says so.
    eval(&["--entries", "2"])
        .assert()
        .success()
        .stdout(predicate::str::contains("phony").and(predicate::str::contains("very").not()));
    eval(&["--years", "2020"]).assert().failure().stderr(predicate::str::contains("dated 2020-2020"));
}
