//! Runs the data-driven cases under `tests/cases/` (see its README): lexicon matching with
//! voices, quote spans, boilerplate rules and attributions. A new case is a new record, not new
//! code: every record has a `name`, a `text` and the expected lines (`expect`, or `quoted` /
//! `removed` where that reads better), and one runner compares them with what framelens finds.

use std::fs;
use std::path::{Path, PathBuf};

use framelens::features::{ArticleText, SignalFinder, SignalKind};
use framelens::lexicon::{AnchorMatcher, LexiconMatcher, Referent, Scope, Source, StemStream, load, shipped_sources};
use framelens::quotes::{Attribution, CueIndex, CueModel, RULES, VoiceMap, find_attributions, find_quote_spans};
use framelens::text::{Document, Span, Stemmer, TextOptions};
use serde::Deserialize;

#[derive(Deserialize)]
struct CaseFile {
    /// Matching cases: the lexicon file, relative to the cases folder.
    lexicon: Option<String>,
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(alias = "quoted", alias = "removed")]
    expect: Vec<String>,
}

fn cases_dir(kind: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(kind)
}

/// Run every case of `tests/cases/<kind>/*.toml` through `found`, and check at least `min` ran.
fn run_cases(kind: &str, min: usize, found: impl Fn(&CaseFile, &str) -> Vec<String>) {
    let mut files: Vec<PathBuf> = fs::read_dir(cases_dir(kind))
        .expect("cases folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.ends_with("lexicon.toml"))
        .collect();
    files.sort();
    let mut ran = 0;
    let mut failed = Vec::new();
    for file in files {
        let parsed: CaseFile = toml::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        for case in &parsed.cases {
            let got = found(&parsed, &case.text);
            if got != case.expect {
                failed.push(format!(
                    "{}: case {}\n  expected: {:?}\n       got: {:?}",
                    file.display(),
                    case.name,
                    case.expect,
                    got
                ));
            }
            ran += 1;
        }
    }
    assert!(failed.is_empty(), "{} of {ran} {kind} cases failed:\n{}", failed.len(), failed.join("\n"));
    assert!(ran >= min, "only {ran} {kind} cases ran");
}

fn parse(text: &str, remove_boilerplate: bool) -> Document<'_> {
    Document::parse(text, TextOptions { remove_boilerplate, ..TextOptions::default() })
}

#[test]
fn matching_cases() {
    run_cases("matching", 15, |file, text| {
        let name = file.lexicon.clone().expect("matching files name their lexicon");
        let source = Source { text: fs::read_to_string(cases_dir("matching").join(&name)).unwrap(), name };
        let loaded = load(&[source]);
        assert!(!loaded.has_errors(), "{:?}", loaded.problems);
        let doc = parse(text, false);
        let voices = VoiceMap::new(&find_quote_spans(doc.text, &doc.paragraph_spans()));
        let stream = StemStream::new(&doc, &Stemmer::default());
        let matches = LexiconMatcher::new(&loaded.set).find_in(&doc, &stream);
        let referents = AnchorMatcher::new(&loaded.set).referents(&loaded.set, &doc, &stream, &matches);
        matches
            .iter()
            .zip(referents)
            .map(|(m, referent)| {
                let label = &loaded.set.concepts[m.concept].labels[m.label].text;
                let line = format!("{label} | {} | {}", m.span.slice(text), voices.voice_of(m.span).as_str());
                if referent == Referent::Free { line } else { format!("{line} | {}", referent.as_str()) }
            })
            .collect()
    });
}

#[test]
fn quote_cases() {
    run_cases("quotes", 10, |_, text| {
        let doc = parse(text, false);
        find_quote_spans(doc.text, &doc.paragraph_spans()).iter().map(|q| q.inner.slice(text).to_string()).collect()
    });
}

#[test]
fn boilerplate_cases() {
    run_cases("boilerplate", 4, |_, text| {
        parse(text, true).removed.iter().map(|r| format!("{} | {}", r.rule, r.span.slice(text))).collect()
    });
}

/// The attributions framelens finds in `text` (boilerplate kept) with `cues`.
fn attributions(text: &str, cues: &CueIndex) -> Vec<Attribution> {
    let doc = parse(text, false);
    let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
    find_attributions(&doc, &quotes, cues)
}

/// The rule that found `a` and the rules that shaped it: "reported_object + content_cut_next_cue".
fn rule_trail(a: &Attribution) -> String {
    std::iter::once(&a.rule).chain(&a.steps).map(|r| r.name()).collect::<Vec<_>>().join(" + ")
}

#[test]
fn attribution_cases() {
    let cues = CueIndex::from_lexicons(&load(&shipped_sources()).set);
    run_cases("attributions", 12, |_, text| {
        let slice = |s: Option<Span>| s.map_or("", |s| s.slice(text));
        attributions(text, &cues)
            .iter()
            .map(|a| {
                let resolved = slice(a.resolved);
                let extent = a.extent.map_or("", |e| e.as_str());
                let line = format!(
                    "{} | {extent} | {} | {} | {resolved}",
                    a.kind.as_str(),
                    a.content.slice(text),
                    slice(a.source)
                );
                // The writer's clause around a fragment, when there is one: what PolNeAR scores.
                let line = match a.clause {
                    Some(clause) => format!("{line} | clause: {}", clause.slice(text)),
                    None => line,
                };
                format!("{line} | rules: {}", rule_trail(a)).replace("|  |", "| |")
            })
            .collect()
    });
}

/// Every attribution rule is pinned by at least one case that names it in its `rules: …` part.
#[test]
fn every_rule_is_pinned_by_a_case() {
    let mut named = std::collections::BTreeSet::new();
    for kind in ["attributions", "learned"] {
        for entry in fs::read_dir(cases_dir(kind)).expect("cases folder").flatten() {
            let parsed: CaseFile = toml::from_str(&fs::read_to_string(entry.path()).unwrap()).unwrap();
            for line in parsed.cases.iter().flat_map(|c| &c.expect) {
                let trail = line.rsplit_once("rules: ").map_or("", |(_, trail)| trail);
                named.extend(trail.split(" + ").map(str::to_string));
            }
        }
    }
    let unpinned: Vec<&str> = RULES.iter().map(|r| r.name).filter(|name| !named.contains(*name)).collect();
    assert!(unpinned.is_empty(), "rules no case names: {unpinned:?}");
}

#[test]
fn learned_cue_cases() {
    let cues = CueIndex::from_lexicons(&load(&shipped_sources()).set).with_model(CueModel::shipped());
    run_cases("learned", 7, |_, text| {
        let slice = |s: Option<Span>| s.map_or("", |s| s.slice(text));
        attributions(text, &cues)
            .iter()
            .map(|a| {
                let (found_by, kind) = (a.found_by.as_str(), a.kind.as_str());
                let (cue, content, source) = (slice(a.cue), a.content.slice(text), slice(a.source));
                format!("{found_by} | {kind} | {cue} | {content} | {source} | rules: {}", rule_trail(a))
            })
            .collect()
    });
}

/// Signals of one kind found in `text` with the shipped lexicons, as "subject | detail | voice".
fn signals(kind: SignalKind, text: &str) -> Vec<(String, String, String, String)> {
    let set = load(&shipped_sources()).set;
    let finder = SignalFinder::new(&set);
    let doc = parse(text, true);
    let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
    let voices = VoiceMap::new(&quotes);
    let cues = CueIndex::from_lexicons(&set);
    let attributed: Vec<Span> = find_attributions(&doc, &quotes, &cues).iter().map(|a| a.content).collect();
    let stemmer = Stemmer::default();
    let article = ArticleText {
        doc: &doc,
        voices: &voices,
        outlet: "Test Outlet",
        stemmer: &stemmer,
        quotes: &quotes,
        attributed: &attributed,
        // Every story's facts, events and actors: the cases test how each signal reads a text.
        scope: &Scope::everything(),
    };
    finder
        .find(&article)
        .into_iter()
        .filter(|h| h.kind == kind)
        .map(|h| (h.subject, h.detail, h.span.slice(text).to_string(), h.voice.as_str().to_string()))
        .collect()
}

#[test]
fn cue_class_cases() {
    let set = load(&shipped_sources()).set;
    let cues = CueIndex::from_lexicons(&set);
    run_cases("cues", 9, |_, text| {
        let doc = parse(text, false);
        let quotes = find_quote_spans(doc.text, &doc.paragraph_spans());
        find_attributions(&doc, &quotes, &cues)
            .iter()
            .filter_map(|a| Some(format!("{} | {}", a.cue?.slice(text), set.cues[a.cue_entry?].class.as_str())))
            .collect()
    });
}

#[test]
fn credit_cases() {
    run_cases("credits", 9, |_, text| {
        signals(SignalKind::Credit, text)
            .into_iter()
            .map(|(medium, pattern, _, _)| format!("{medium} | {pattern}"))
            .collect()
    });
}

#[test]
fn loaded_cases() {
    run_cases("loaded", 6, |_, text| {
        signals(SignalKind::Loaded, text)
            .into_iter()
            .map(|(class, word, matched, voice)| format!("{class} | {word} | {matched} | {voice}"))
            .collect()
    });
}

#[test]
fn naming_cases() {
    run_cases("naming", 10, |_, text| {
        signals(SignalKind::Naming, text)
            .into_iter()
            .map(|(form, title, matched, voice)| format!("{form} | {title} | {matched} | {voice}"))
            .collect()
    });
}

#[test]
fn hedge_cases() {
    run_cases("hedges", 4, |_, text| {
        signals(SignalKind::Hedge, text)
            .into_iter()
            .map(|(hedge, _, matched, voice)| format!("{hedge} | {matched} | {voice}"))
            .collect()
    });
}

#[test]
fn agency_cases() {
    run_cases("agency", 8, |_, text| {
        signals(SignalKind::Agency, text)
            .into_iter()
            .map(|(_, class, matched, _)| format!("{matched} | {class}"))
            .collect()
    });
}
