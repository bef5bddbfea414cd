//! Runs the data-driven cases under `tests/cases/` (see its README): lexicon matching with
//! voices, quote spans and boilerplate rules. A new case is a new record, not new code.

use std::fs;
use std::path::{Path, PathBuf};

use framelens::lexicon::{LexiconMatcher, Source, load, shipped_sources};
use framelens::quotes::{CueIndex, VoiceMap, find_attributions, find_quote_spans};
use framelens::text::{Document, Stemmer, TextOptions};
use serde::Deserialize;

fn cases_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(kind)
}

fn case_files(kind: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir(kind))
        .expect("cases folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

#[derive(Deserialize)]
struct MatchingFile {
    lexicon: String,
    #[serde(rename = "case")]
    cases: Vec<MatchingCase>,
}

#[derive(Deserialize)]
struct MatchingCase {
    name: String,
    text: String,
    expect: Vec<String>,
}

#[test]
fn matching_cases() {
    let mut ran = 0;
    for file in case_files("matching").into_iter().filter(|f| !f.ends_with("lexicon.toml")) {
        let parsed: MatchingFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let lexicon_path = cases_dir("matching").join(&parsed.lexicon);
        let source = Source { name: parsed.lexicon.clone(), text: fs::read_to_string(lexicon_path).unwrap() };
        let loaded = load(&[source]);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let matcher = LexiconMatcher::new(&loaded.set);
        for case in &parsed.cases {
            let doc = Document::parse(&case.text, TextOptions { remove_boilerplate: false });
            let voices = VoiceMap::new(&find_quote_spans(doc.text, &doc.paragraph_spans()));
            let found: Vec<String> = matcher
                .find(&doc, &Stemmer::default())
                .iter()
                .map(|m| {
                    let label = &loaded.set.concepts[m.concept].labels[m.label].text;
                    format!("{label} | {} | {}", m.span.slice(&case.text), voices.voice_of(m.span).as_str())
                })
                .collect();
            assert_eq!(found, case.expect, "{}: case {}", file.display(), case.name);
            ran += 1;
        }
    }
    assert!(ran >= 15, "only {ran} matching cases ran");
}

#[derive(Deserialize)]
struct QuoteFile {
    #[serde(rename = "case")]
    cases: Vec<QuoteCase>,
}

#[derive(Deserialize)]
struct QuoteCase {
    name: String,
    text: String,
    quoted: Vec<String>,
}

#[test]
fn quote_cases() {
    let mut ran = 0;
    for file in case_files("quotes") {
        let parsed: QuoteFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in &parsed.cases {
            let doc = Document::parse(&case.text, TextOptions { remove_boilerplate: false });
            let found: Vec<&str> =
                find_quote_spans(doc.text, &doc.paragraph_spans()).iter().map(|q| q.inner.slice(&case.text)).collect();
            assert_eq!(found, case.quoted, "{}: case {}", file.display(), case.name);
            ran += 1;
        }
    }
    assert!(ran >= 10, "only {ran} quote cases ran");
}

#[derive(Deserialize)]
struct BoilerplateFile {
    #[serde(rename = "case")]
    cases: Vec<BoilerplateCase>,
}

#[derive(Deserialize)]
struct BoilerplateCase {
    name: String,
    text: String,
    removed: Vec<String>,
}

#[test]
fn boilerplate_cases() {
    let mut ran = 0;
    for file in case_files("boilerplate") {
        let parsed: BoilerplateFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in &parsed.cases {
            let doc = Document::parse(&case.text, TextOptions::default());
            let found: Vec<String> =
                doc.removed.iter().map(|r| format!("{} | {}", r.rule, r.span.slice(&case.text))).collect();
            assert_eq!(found, case.removed, "{}: case {}", file.display(), case.name);
            ran += 1;
        }
    }
    assert!(ran >= 4, "only {ran} boilerplate cases ran");
}

#[derive(Deserialize)]
struct AttributionFile {
    #[serde(rename = "case")]
    cases: Vec<AttributionCase>,
}

#[derive(Deserialize)]
struct AttributionCase {
    name: String,
    text: String,
    expect: Vec<String>,
}

#[test]
fn attribution_cases() {
    let cues = CueIndex::new(&load(&shipped_sources()).set.cues);
    let mut ran = 0;
    for file in case_files("attributions") {
        let parsed: AttributionFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in &parsed.cases {
            let doc = Document::parse(&case.text, TextOptions { remove_boilerplate: false });
            let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
            let found: Vec<String> = find_attributions(&doc, &quotes, &cues)
                .iter()
                .map(|a| {
                    let slice = |s: Option<framelens::text::Span>| s.map_or("", |s| s.slice(&case.text));
                    let resolved = if a.source.is_some() { slice(a.resolved) } else { "" };
                    format!(
                        "{} | {} | {} | {} | {}",
                        a.kind.as_str(),
                        a.extent.map_or("", |e| e.as_str()),
                        a.content.slice(&case.text),
                        slice(a.source),
                        resolved
                    )
                    .replace("|  |", "| |")
                })
                .collect();
            assert_eq!(found, case.expect, "{}: case {}", file.display(), case.name);
            ran += 1;
        }
    }
    assert!(ran >= 12, "only {ran} attribution cases ran");
}
