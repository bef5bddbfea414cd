//! `framelens merge`: shards extracted apart and merged in any order give a single run's bytes;
//! shards that differ, did not finish, or overlap are refused before anything is written.

use std::fs;
use std::path::{Path, PathBuf};

use crate::util::{example_corpus, framelens, read_csv};

/// A JSON Lines corpus built from the example articles: the originals (story `expel`), their
/// first halves under other outlets (story `aftermath`), and two verbatim copies placed so that
/// the copy and its original fall in different shards. Returns the rows as JSON lines.
fn corpus_lines() -> Vec<String> {
    let manifest = read_csv(&example_corpus().join("manifest.csv"));
    let mut articles: Vec<serde_json::Value> = Vec::new();
    let mut texts = Vec::new();
    for (i, row) in manifest.iter().enumerate() {
        let text = fs::read_to_string(example_corpus().join("articles").join(&row["file"])).unwrap();
        articles.push(serde_json::json!({
            "id": format!("a{i}"), "outlet": row["outlet"], "story": "expel",
            "title": row["title"], "date": row["date"], "text": text,
        }));
        texts.push(text);
    }
    for (i, text) in texts.iter().enumerate() {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let half = paragraphs[..(paragraphs.len() / 2).max(2).min(paragraphs.len())].join("\n\n");
        let outlet = ["HuffPost", "The Hill", "Sputnik"][i % 3];
        articles.push(serde_json::json!({"id": format!("b{i}"), "outlet": outlet, "story": "aftermath", "text": half}));
    }
    articles.push(serde_json::json!({"id": "c0", "outlet": "Yahoo News", "story": "expel", "text": texts[1]}));
    articles.push(serde_json::json!({"id": "c1", "outlet": "HuffPost", "story": "aftermath", "text": texts[2]}));
    articles.iter().map(|a| a.to_string()).collect()
}

/// Write `lines` as `dir/name`.
fn write_jsonl(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn extract(input: &Path, out: &Path, extra: &[&str]) {
    framelens().arg("extract").arg(input).arg("--out").arg(out).arg("-q").args(extra).assert().success();
}

fn merge(shards: &[&Path], out: &Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    framelens().arg("merge").args(shards).arg("--out").arg(out).arg("-q").args(extra).assert()
}

/// Every file of `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                out.push(path.strip_prefix(dir).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    out.sort();
    out
}

/// Files that differ between a single run and a merge because the articles came from other
/// input files: the `source` column, the manifest (inputs, shards) and the article states.
const INPUT_NAMING: [&str; 6] = [
    "articles.csv",
    "articles.parquet",
    "removed_lines.csv",
    "removed_lines.parquet",
    "article_partials.parquet",
    "run_manifest.json",
];

#[test]
fn shards_merged_in_any_order_equal_a_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus_lines();
    let whole = write_jsonl(dir.path(), "all.jsonl", &lines);
    let single = dir.path().join("single");
    framelens().arg("report").arg(&whole).arg("--out").arg(&single).arg("-q").assert().success();
    let mut shards = Vec::new();
    for (k, part) in lines.chunks(4).enumerate() {
        let input = write_jsonl(dir.path(), &format!("part-{}.jsonl", k + 1), part);
        let out = dir.path().join(format!("shard-{}", k + 1));
        extract(&input, &out, &[]);
        shards.push(out);
    }
    let [s1, s2, s3] = [&shards[0], &shards[1], &shards[2]].map(PathBuf::as_path);
    let duplicates = read_csv(&single.join("duplicates.csv"));
    assert!(duplicates.iter().any(|d| d["article"] == "c0"), "a copy across shards is in the corpus");
    for (name, order) in [("m1", [s3, s1, s2]), ("m2", [s2, s3, s1])] {
        let merged = dir.path().join(name);
        merge(&order, &merged, &[]).success();
        assert_eq!(files(&merged), files(&single), "{name} writes the same files");
        for file in files(&single).iter().filter(|f| !INPUT_NAMING.contains(&f.as_str())) {
            let (a, b) = (fs::read(single.join(file)).unwrap(), fs::read(merged.join(file)).unwrap());
            assert!(a == b, "{name}: {file} differs from the single run's");
        }
        for file in ["articles.csv", "removed_lines.csv"] {
            let without_source = |dir: &Path| {
                let mut rows = read_csv(&dir.join(file));
                rows.iter_mut().for_each(|r| drop(r.remove("source")));
                rows
            };
            assert_eq!(without_source(&single), without_source(&merged), "{name}: {file}");
        }
        let manifest: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(merged.join("run_manifest.json")).unwrap()).unwrap();
        assert_eq!(manifest["command"], "merge");
        assert_eq!(manifest["complete"], true);
        assert_eq!(manifest["articles"], 12);
    }
    // Copies found across shards are left out of outlet totals as in a single run.
    let (dropped_single, dropped_merged) = (dir.path().join("ds"), dir.path().join("dm"));
    framelens()
        .arg("report")
        .arg(&whole)
        .arg("--out")
        .arg(&dropped_single)
        .args(["-q", "--drop-copies"])
        .assert()
        .success();
    merge(&[s2, s1, s3], &dropped_merged, &["--drop-copies"]).success();
    for file in ["outlet_features.csv", "outlet_intervals.csv", "voices.csv", "copies.csv"] {
        let (a, b) = (fs::read(dropped_single.join(file)).unwrap(), fs::read(dropped_merged.join(file)).unwrap());
        assert!(a == b, "--drop-copies: {file} differs");
    }
    let outlet = read_csv(&dropped_merged.join("outlet_features.csv"));
    let yahoo = outlet.iter().find(|r| r["outlet"] == "Yahoo News");
    assert!(yahoo.is_none(), "Yahoo News has only a copy, left out");

    // The partials table adds up to the outlet figures: HuffPost's articles over its stories.
    let partials = read_csv(&single.join("partials.csv"));
    let huffpost: Vec<_> =
        partials.iter().filter(|r| r["outlet"] == "HuffPost" && r["feature"] == "quoted_share").collect();
    let articles: u64 = huffpost.iter().map(|r| r["articles"].parse::<u64>().unwrap()).sum();
    let outlet = read_csv(&single.join("outlet_features.csv"));
    let huffpost_row = outlet.iter().find(|r| r["outlet"] == "HuffPost").unwrap();
    assert_eq!(articles.to_string(), huffpost_row["articles"]);
    assert_eq!(huffpost.len(), 2, "HuffPost covers two stories");
}

#[test]
fn shards_that_differ_or_did_not_finish_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus_lines();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    extract(&write_jsonl(dir.path(), "part-1.jsonl", &lines[..6]), &a, &[]);
    extract(&write_jsonl(dir.path(), "part-2.jsonl", &lines[6..]), &b, &["--signals", "hedge,tone"]);
    let out = dir.path().join("merged");
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("option signals") && stderr.contains("hedge,tone"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    extract(&write_jsonl(dir.path(), "part-2.jsonl", &lines[6..]), &b, &["--keep-lines", "byline"]);
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("option kept_lines") && stderr.contains("byline"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    extract(&write_jsonl(dir.path(), "part-2.jsonl", &lines[6..]), &b, &["--story-lexicon", "caravan-2018"]);
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("not measured alike: lexicon"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    extract(&write_jsonl(dir.path(), "part-2.jsonl", &lines[6..]), &b, &[]);
    let manifest = b.join("run_manifest.json");
    let finished = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, finished.replace("\"complete\": true", "\"complete\": false")).unwrap();
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains(&b.display().to_string()) && stderr.contains("did not finish"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    // A shard whose article states are text (the JSON of framelens before 2026-12-06).
    fs::write(&manifest, &finished).unwrap();
    let partials = b.join("article_partials.parquet");
    let kept = fs::read(&partials).unwrap();
    let mut old = polars::prelude::df!("article" => ["z9"], "outlet" => ["HuffPost"], "state" => ["{}"]).unwrap();
    polars::prelude::ParquetWriter::new(fs::File::create(&partials).unwrap()).finish(&mut old).unwrap();
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("article_partials") && stderr.contains("older framelens"), "{stderr}");
    assert!(!out.exists(), "nothing written");
    fs::write(&partials, kept).unwrap();

    let missing = dir.path().join("never-written");
    let refused = merge(&[&a, &missing], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("never-written"), "{stderr}");
    assert!(!out.exists(), "nothing written");
}

#[test]
fn overlapping_shards_are_refused_unless_deduplicated_and_links_list_the_shards_files() {
    let dir = tempfile::tempdir().unwrap();
    let lines = corpus_lines();
    let part = write_jsonl(dir.path(), "part-1.jsonl", &lines[..5]);
    let again = write_jsonl(dir.path(), "part-2.jsonl", &lines[3..8]);
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    extract(&part, &a, &[]);
    extract(&again, &b, &[]);
    let out = dir.path().join("merged");
    let refused = merge(&[&a, &b], &out, &[]).failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("2 article ids") && stderr.contains("a3") && stderr.contains("a4"), "{stderr}");
    assert!(!out.exists(), "nothing written");

    // Kept once: the same outlet tables as one run over the distinct articles.
    merge(&[&b, &a], &out, &["--dedupe"]).success();
    let single = dir.path().join("single");
    let distinct = write_jsonl(dir.path(), "distinct.jsonl", &lines[..8]);
    framelens().arg("report").arg(&distinct).arg("--out").arg(&single).arg("-q").assert().success();
    for file in
        ["word_choice.csv", "outlet_features.csv", "voices.csv", "attribution.csv", "evidence.csv", "quotes.csv"]
    {
        assert!(fs::read(single.join(file)).unwrap() == fs::read(out.join(file)).unwrap(), "{file} differs");
    }

    let linked = dir.path().join("linked");
    let shards = dir.path().join("c");
    extract(&write_jsonl(dir.path(), "part-3.jsonl", &lines[8..]), &shards, &[]);
    merge(&[&a, &shards], &linked, &["--link"]).success();
    assert!(!linked.join("evidence.csv").exists(), "linked, not copied");
    assert!(!linked.join("article_features.csv").exists() && linked.join("duplicates.csv").exists());
    let links: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(linked.join("linked_tables.json")).unwrap()).unwrap();
    let evidence = links["evidence"]["csv"].as_array().unwrap();
    assert_eq!(evidence.len(), 2);
    assert!(evidence[0].as_str().unwrap().ends_with("a/evidence.csv"), "{evidence:?}");
    assert!(Path::new(evidence[1].as_str().unwrap()).exists());
    assert_eq!(links["article_partials"]["parquet"].as_array().unwrap().len(), 2);
    assert!(links["article_partials"].get("csv").is_none());
    assert!(linked.join("word_choice.csv").exists() && linked.join("report.md").exists());
}

/// Merge `shards` into `merged` with `--tables-only`, check that every file but the manifest
/// equals the `single` run's, and return the merged article ids.
fn merged_ids_equal_to(single: &Path, shards: &[PathBuf], merged: &Path) -> Vec<String> {
    let refs: Vec<&Path> = shards.iter().map(PathBuf::as_path).collect();
    merge(&refs, merged, &["--tables-only"]).success();
    for file in files(single).iter().filter(|f| *f != "run_manifest.json") {
        let (a, b) = (fs::read(single.join(file)).unwrap(), fs::read(merged.join(file)).unwrap());
        assert!(a == b, "{file} differs from the single run's");
    }
    read_csv(&merged.join("articles.csv")).iter().map(|r| r["article"].clone()).collect()
}

#[test]
fn byte_ranges_of_one_file_merge_to_the_single_run_with_its_line_ids() {
    let dir = tempfile::tempdir().unwrap();
    // No ids, so articles are named file:line; a blank line and CRLF line ends in the middle.
    let mut lines: Vec<String> = corpus_lines()
        .iter()
        .map(|line| {
            let mut row: serde_json::Value = serde_json::from_str(line).unwrap();
            row.as_object_mut().unwrap().remove("id");
            row.to_string()
        })
        .collect();
    lines.insert(5, String::new());
    lines[7].push('\r');
    let whole = write_jsonl(dir.path(), "all.jsonl", &lines);
    let single = dir.path().join("single");
    extract(&whole, &single, &[]);
    let size = fs::metadata(&whole).unwrap().len();
    // Cut mid-line, on a line start and at the end: each line is read by the part its first byte is in.
    let line_start = lines[..9].iter().map(|l| l.len() as u64 + 1).sum::<u64>();
    let cuts = [0, size / 3 + 7, line_start, size];
    let mut shards = Vec::new();
    for (k, pair) in cuts.windows(2).enumerate() {
        let out = dir.path().join(format!("part-{k}"));
        let range = format!("{}..{}", pair[0], pair[1]);
        // The middle part is told its first line; the others count it.
        let first_line = (k == 1).then(|| {
            let bytes = fs::read(&whole).unwrap();
            let start = (pair[0] as usize..bytes.len()).find(|&i| bytes[i - 1] == b'\n').unwrap();
            (bytes[..start].iter().filter(|&&b| b == b'\n').count() + 1).to_string()
        });
        let mut extra = vec!["--byte-range", range.as_str()];
        if let Some(line) = &first_line {
            extra.extend(["--first-line", line.as_str()]);
        }
        extract(&whole, &out, &extra);
        shards.push(out);
    }
    let counts: Vec<usize> = shards.iter().map(|s| read_csv(&s.join("articles.csv")).len()).collect();
    assert_eq!(counts.iter().sum::<usize>(), 12, "every article once: {counts:?}");
    assert!(counts.iter().all(|&n| n > 0), "{counts:?}");
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(shards[1].join("run_manifest.json")).unwrap()).unwrap();
    let read = manifest["input_files"][0]["byte_range"].as_array().unwrap();
    assert!(read[0].as_u64().unwrap() > cuts[1] && read[1].as_u64() == Some(line_start), "{read:?}");

    let ids = merged_ids_equal_to(&single, &shards, &dir.path().join("merged"));
    assert!(ids.contains(&format!("{}:7", whole.display())), "ids count lines from the file's start: {ids:?}");

    // A range is for JSON Lines files only; --first-line needs a range.
    let folder = example_corpus();
    let refused =
        framelens().arg("extract").arg(&folder).args(["--out", "x", "--byte-range", "0..10"]).assert().failure();
    let message = String::from_utf8_lossy(&refused.get_output().stderr).into_owned();
    assert!(message.contains("JSON Lines") && message.contains(&folder.display().to_string()), "{message}");
    framelens().arg("extract").arg(&whole).args(["--out", "x", "--first-line", "3"]).assert().failure();
}

#[test]
fn row_ranges_of_one_parquet_file_merge_to_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let rows: Vec<serde_json::Value> = corpus_lines().iter().map(|l| serde_json::from_str(l).unwrap()).collect();
    let column = |name: &str| -> Vec<Option<String>> {
        rows.iter().map(|r| r.get(name).and_then(|v| v.as_str()).map(str::to_string)).collect()
    };
    // No id column: articles are named file:row N. Row groups of 4, cut inside the second.
    let mut frame = polars::prelude::df!(
        "outlet" => column("outlet"), "story" => column("story"), "title" => column("title"), "text" => column("text")
    )
    .unwrap();
    let whole = dir.path().join("all.parquet");
    polars::prelude::ParquetWriter::new(fs::File::create(&whole).unwrap())
        .with_row_group_size(Some(4))
        .finish(&mut frame)
        .unwrap();
    let single = dir.path().join("single");
    extract(&whole, &single, &[]);
    let mut shards = Vec::new();
    for (k, range) in ["0..6", "6..9", "9.."].iter().enumerate() {
        let out = dir.path().join(format!("part-{k}"));
        extract(&whole, &out, &["--rows", range]);
        shards.push(out);
    }
    let counts: Vec<usize> = shards.iter().map(|s| read_csv(&s.join("articles.csv")).len()).collect();
    assert_eq!(counts, [6, 3, 3]);
    let ids = merged_ids_equal_to(&single, &shards, &dir.path().join("merged"));
    assert_eq!(ids[6], format!("{}:row 7", whole.display()));
    let manifest: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(shards[1].join("run_manifest.json")).unwrap()).unwrap();
    assert_eq!(manifest["input_files"][0]["rows"], serde_json::json!([6, 9]));
    let mut refused = framelens();
    refused.arg("extract").arg(single.join("articles.csv")).args(["--out", "x", "--rows", "0..2"]);
    let message = String::from_utf8_lossy(&refused.assert().failure().get_output().stderr).into_owned();
    assert!(message.contains("Parquet file only"), "{message}");
}

#[test]
fn shards_that_choose_their_story_lexicons_from_one_file_merge_to_a_single_run() {
    let dir = tempfile::tempdir().unwrap();
    // The example articles, then as many texts about nothing in the iraq-2020 lexicon: the whole
    // file is half about the story, so a run over it applies the lexicon.
    let mut lines: Vec<String> = corpus_lines().into_iter().take(5).collect();
    for i in 0..5 {
        let text =
            format!("The city council met on Tuesday. Item {i} was a new bus route, approved after a short debate.");
        lines.push(serde_json::json!({"id": format!("o{i}"), "outlet": "The Hill", "text": text}).to_string());
    }
    let lines: Vec<String> = lines.iter().map(|l| l.replace(r#""story":"expel","#, "")).collect();
    let all = write_jsonl(dir.path(), "all.jsonl", &lines);
    let (a, b) = (write_jsonl(dir.path(), "a.jsonl", &lines[..5]), write_jsonl(dir.path(), "b.jsonl", &lines[5..]));
    let single = dir.path().join("single");
    extract(&all, &single, &[]);
    // Each shard choosing from its own articles: one applies the story lexicon, one does not.
    let (sa, sb) = (dir.path().join("sa"), dir.path().join("sb"));
    extract(&a, &sa, &[]);
    extract(&b, &sb, &[]);
    let refused = merge(&[&sa, &sb], &dir.path().join("m1"), &[]).code(2);
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("not measured alike") && stderr.contains("iraq-2020"), "{stderr}");
    // Choosing from the whole file, both apply it, and the merge is the single run.
    let missing = dir.path().join("missing.jsonl");
    let run = framelens()
        .arg("extract")
        .arg(&a)
        .arg("--choose-stories-from")
        .arg(&missing)
        .arg("--out")
        .arg(dir.path().join("never"))
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&run.get_output().stderr).contains("--choose-stories-from"));
    let from = ["--choose-stories-from", all.to_str().unwrap()];
    let (ca, cb) = (dir.path().join("ca"), dir.path().join("cb"));
    extract(&a, &ca, &from);
    extract(&b, &cb, &from);
    let merged = dir.path().join("m2");
    merge(&[&ca, &cb], &merged, &[]).success();
    for table in ["word_choice.csv", "outlet_features.csv", "coverage.csv", "voices.csv"] {
        assert_eq!(fs::read(merged.join(table)).unwrap(), fs::read(single.join(table)).unwrap(), "{table}");
    }
}
