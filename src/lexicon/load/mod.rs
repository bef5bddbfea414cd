//! Loading lexicons in two phases: parse every file (serde), then check everything and report
//! every problem at once. A file with an error is left out whole; the others are still used.

use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

use regex::Regex;
use sha2::{Digest, Sha256};

use super::check::{FileCheck, is_snake_case};
use super::model::{Concept, Label, LexiconInfo, LexiconSet, Source, StoryLexicon};
use super::problem::{Locator, Problem, Severity};
use super::schema::{Case, Inflect, RawConcept, RawFile, RawLabel};
use super::tokens::{label_key, phrase_keys};
use crate::text::Stemmer;

/// The result of loading: the usable lexicons and every problem found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Lexicons from the files without errors.
    pub set: LexiconSet,
    /// Errors and warnings, in file order.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// True when any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Most labels all lexicons of a run may hold together: a file that would take them past it is
/// refused (100,000 labels load and match in a few seconds of a release build; see
/// docs/hostile-input.md).
pub const MAX_LABELS: usize = 250_000;

/// Parse and check `sources`.
pub fn load(sources: &[Source]) -> Loaded {
    load_at_most(sources, MAX_LABELS)
}

/// [`load`], refusing files that take the labels past `max_labels`.
pub fn load_at_most(sources: &[Source], max_labels: usize) -> Loaded {
    let mut loaded = Loaded::default();
    let mut parsed: Vec<(&Source, RawFile)> = sources.iter().filter_map(|s| parse(s, &mut loaded.problems)).collect();
    // A deferring lexicon's labels give way to the others' labels, so it is read after them.
    parsed.sort_by_key(|(_, raw)| defers(raw));
    loaded.set.frames = collect_frames(&parsed, &mut loaded.problems);
    let stemmer = Stemmer::default();
    let mut registry = Registry::default();
    let mut labels_so_far = 0;
    for (source, raw) in &parsed {
        let locator = Locator::new(&source.name, &source.text);
        let mut check = FileCheck {
            locator: &locator,
            frames: &loaded.set.frames,
            stemmer: &stemmer,
            problems: Vec::new(),
            defers: defers(raw),
        };
        let concepts = check.concepts(raw, &registry);
        let outlets = check.outlets(raw);
        let (cues, voices, roles) = check.voices_and_cues(raw);
        let signals = check.signals(raw);
        let names = check.given_names(raw);
        let labels = labels_so_far + concepts.iter().map(|c| c.labels.len()).sum::<usize>();
        if labels > max_labels {
            let message = format!("the lexicons would hold {labels} labels with this file, more than {max_labels}");
            check.problems.push(locator.error(0, message, "split the lexicon across runs or keep fewer labels"));
        }
        let failed = check.problems.iter().any(|p| p.severity == Severity::Error);
        loaded.problems.append(&mut check.problems);
        if failed {
            continue;
        }
        labels_so_far = labels;
        registry.add(&concepts, &stemmer, &source.name);
        let info = info(source, raw);
        if !info.anchors.is_empty() {
            let set = &loaded.set;
            loaded.set.stories.push(StoryLexicon {
                id: info.id.clone(),
                anchors: info.anchors.clone(),
                concepts: set.concepts.len()..set.concepts.len() + concepts.len(),
                facts: set.facts.len()..set.facts.len() + signals.facts.len(),
                events: set.events.len()..set.events.len() + signals.events.len(),
                actors: set.actors.len()..set.actors.len() + signals.actors.len(),
                voices: set.voices.len()..set.voices.len() + voices.len(),
                roles: set.roles.len()..set.roles.len() + roles.len(),
            });
        }
        loaded.set.files.push(info);
        loaded.set.concepts.extend(concepts);
        loaded.set.outlets.extend(outlets);
        loaded.set.cues.extend(cues);
        loaded.set.voices.extend(voices);
        loaded.set.roles.extend(roles);
        loaded.set.hedges.extend(signals.hedges);
        loaded.set.facts.extend(signals.facts);
        loaded.set.events.extend(signals.events);
        loaded.set.actors.extend(signals.actors);
        loaded.set.loaded.extend(signals.loaded);
        for (name, gender) in names {
            loaded.set.given_names.insert(name, gender);
        }
    }
    loaded
}

fn parse<'s>(source: &'s Source, problems: &mut Vec<Problem>) -> Option<(&'s Source, RawFile)> {
    match toml::from_str::<RawFile>(&source.text) {
        Ok(raw) => Some((source, raw)),
        Err(err) => {
            let locator = Locator::new(&source.name, &source.text);
            let offset = err.span().map_or(0, |s| s.start);
            let message = err.message().trim().to_string();
            problems.push(locator.error(offset, message, "see lexicons/README.md for the format"));
            None
        }
    }
}

/// Whether a file's header says its labels give way to the other lexicons'.
fn defers(raw: &RawFile) -> bool {
    raw.lexicon.as_ref().is_some_and(|h| h.get_ref().defer)
}

fn info(source: &Source, raw: &RawFile) -> LexiconInfo {
    let sha256 = format!("{:x}", Sha256::digest(source.text.as_bytes()));
    let source_name = source.name.clone();
    match raw.lexicon.as_ref().map(|h| h.get_ref()) {
        Some(h) => LexiconInfo {
            id: h.id.get_ref().clone(),
            version: h.version.get_ref().clone(),
            source: source_name,
            sha256,
            description: h.description.clone(),
            sources: h.sources.clone(),
            anchors: h.anchors.iter().map(|a| a.get_ref().trim().to_string()).collect(),
        },
        None => LexiconInfo {
            id: file_stem(&source.name),
            version: String::new(),
            source: source_name,
            sha256,
            description: String::new(),
            sources: Vec::new(),
            anchors: Vec::new(),
        },
    }
}

fn file_stem(name: &str) -> String {
    let file = name.rsplit(['/', '\\']).next().unwrap_or(name);
    file.strip_suffix(".toml").unwrap_or(file).to_string()
}

fn collect_frames(parsed: &[(&Source, RawFile)], problems: &mut Vec<Problem>) -> BTreeMap<String, String> {
    let mut frames = BTreeMap::new();
    for (source, raw) in parsed {
        let locator = Locator::new(&source.name, &source.text);
        for (tag, description) in &raw.frames {
            if !is_snake_case(tag) {
                let message = format!("frame tag `{tag}` is not snake_case");
                problems.push(locator.error(description.span().start, message, "use lower-case letters, digits and _"));
            }
            frames.entry(tag.clone()).or_insert_with(|| description.get_ref().clone());
        }
    }
    frames
}

fn is_lexicon_id(s: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[a-z0-9][a-z0-9_-]*$").expect("valid"));
    RE.is_match(s)
}

/// Concepts and label keys accepted so far, to catch collisions across files.
#[derive(Default)]
struct Registry {
    concepts: HashMap<String, String>,
    keys: HashMap<String, (String, String)>,
}

impl Registry {
    fn add(&mut self, concepts: &[Concept], stemmer: &Stemmer, file: &str) {
        for concept in concepts {
            self.concepts.insert(concept.id.clone(), file.to_string());
            for label in &concept.labels {
                let key = label_key(&label.text, label.inflect, stemmer);
                self.keys.insert(key, (concept.id.clone(), label.text.clone()));
            }
        }
    }
}

impl FileCheck<'_> {
    fn concepts(&mut self, raw: &RawFile, registry: &Registry) -> Vec<Concept> {
        let Some(header) = raw.lexicon.as_ref().map(|h| h.get_ref()) else {
            if let Some(first) = raw.concept.first() {
                self.error(
                    first.span().start,
                    "concepts need a [lexicon] table".into(),
                    "add [lexicon] with id and version",
                );
            }
            return Vec::new();
        };
        self.header(header);
        let defaults =
            (header.defaults.inflect.unwrap_or(Inflect::Stem), header.defaults.case.unwrap_or(Case::Insensitive));
        let lexicon_id = header.id.get_ref().clone();
        let mut seen: HashMap<String, (String, String)> = HashMap::new();
        let mut concepts = Vec::new();
        let mut ids: HashMap<String, (usize, usize)> = HashMap::new();
        for raw_concept in &raw.concept {
            let offset = raw_concept.span().start;
            let id = raw_concept.get_ref().id.get_ref();
            let here = self.locator.line_column(raw_concept.get_ref().id.span().start);
            if let Some((line, _)) = ids.get(id) {
                let message = format!("concept id `{id}` is defined twice in this file (first on line {line})");
                self.error(raw_concept.get_ref().id.span().start, message, "rename one concept, or merge their labels");
                continue;
            }
            ids.insert(id.clone(), here);
            let concept = self.concept(raw_concept.get_ref(), offset, &lexicon_id, defaults, registry, &mut seen);
            concepts.extend(concept);
        }
        concepts
    }

    fn header(&mut self, header: &super::schema::RawHeader) {
        if !is_lexicon_id(header.id.get_ref()) {
            let message = format!("lexicon id `{}` is not valid", header.id.get_ref());
            self.error(header.id.span().start, message, "use lower-case letters, digits, - and _");
        }
        if header.version.get_ref().trim().is_empty() {
            self.error(header.version.span().start, "lexicon version is empty".into(), "set version = \"0.1.0\"");
        }
        for anchor in header.anchors.iter().filter(|a| !a.get_ref().chars().any(char::is_alphanumeric)) {
            let message = format!("anchor `{}` has no word in it", anchor.get_ref());
            self.error(anchor.span().start, message, "list names that identify the story, such as \"Soleimani\"");
        }
        if header.language.get_ref() != "en" {
            let message = format!("language `{}` is not supported", header.language.get_ref());
            self.error(header.language.span().start, message, "use language = \"en\" (English stemming only)");
        }
    }

    fn concept(
        &mut self,
        raw: &RawConcept,
        offset: usize,
        lexicon: &str,
        defaults: (Inflect, Case),
        registry: &Registry,
        seen: &mut HashMap<String, (String, String)>,
    ) -> Option<Concept> {
        let id = raw.id.get_ref().clone();
        if !is_snake_case(&id) {
            self.error(
                raw.id.span().start,
                format!("concept id `{id}` is not snake_case"),
                "use lower-case letters, digits and _",
            );
        }
        if self.defers && registry.concepts.contains_key(&id) {
            return None; // a story's concept of the same id takes its place
        }
        if let Some(file) = registry.concepts.get(&id) {
            self.error(
                raw.id.span().start,
                format!("concept `{id}` is already defined in {file}"),
                "rename one of them",
            );
        }
        if raw.labels.is_empty() {
            self.error(offset, format!("concept `{id}` has no labels"), "add at least two alternative labels");
        }
        // A deferring lexicon's label that another lexicon already has gives way to it.
        let deferred: Vec<bool> = raw
            .labels
            .iter()
            .map(|l| {
                let l = l.get_ref();
                let key = label_key(l.text.get_ref().trim(), l.inflect.unwrap_or(defaults.0), self.stemmer);
                self.defers && registry.keys.contains_key(&key)
            })
            .collect();
        let labels: Vec<Label> = raw
            .labels
            .iter()
            .zip(&deferred)
            .map(|(l, &gives_way)| self.label(l.get_ref(), &id, defaults, (registry, gives_way), seen))
            .collect();
        for phrase in &raw.exclude {
            if phrase_keys(phrase.get_ref()).is_empty() {
                self.error(phrase.span().start, format!("empty exclusion in concept `{id}`"), "remove it");
            }
        }
        let exclude = raw.exclude.iter().map(|p| p.get_ref().clone()).collect();
        if raw.labels.len() == 1 {
            self.problems.push(self.locator.at(
                Severity::Warning,
                offset,
                format!("concept `{id}` has a single label, so there is no choice between labels to measure"),
                "add the alternative labels outlets use for the same referent",
            ));
        }
        self.anchors(raw, &id, &labels);
        self.symmetry(raw, &id, &labels);
        let labels: Vec<Label> = labels.into_iter().zip(&deferred).filter(|(_, d)| !**d).map(|(l, _)| l).collect();
        if labels.len() < 2 && deferred.iter().any(|d| *d) {
            return None; // what is left measures no choice
        }
        Some(Concept {
            id,
            lexicon: lexicon.to_string(),
            description: raw.description.clone(),
            labels,
            exclude,
            anchors: raw.anchors.iter().map(|a| a.get_ref().trim().to_string()).collect(),
            file: self.locator.file().to_string(),
            at: self.locator.line_column(offset),
        })
    }

    fn label(
        &mut self,
        raw: &RawLabel,
        concept: &str,
        defaults: (Inflect, Case),
        (registry, gives_way): (&Registry, bool),
        seen: &mut HashMap<String, (String, String)>,
    ) -> Label {
        let text = raw.text.get_ref().trim().to_string();
        let at = raw.text.span().start;
        let inflect = raw.inflect.unwrap_or(defaults.0);
        if phrase_keys(&text).is_empty() {
            self.error(at, format!("label `{text}` in concept `{concept}` has no words"), "write the phrase to match");
        } else if !text.chars().any(char::is_alphanumeric) {
            self.error(
                at,
                format!("label `{text}` in concept `{concept}` has no letters or digits"),
                "labels are plain phrases matched word by word, not patterns: write the words to match",
            );
        } else {
            let key = label_key(&text, inflect, self.stemmer);
            let elsewhere = if gives_way { None } else { registry.keys.get(&key) };
            if let Some((other_concept, other)) = seen.get(&key).or(elsewhere) {
                let message = if other_concept == concept {
                    format!(
                        "label `{text}` duplicates `{other}` in concept `{concept}` (same words after normalising and stemming)"
                    )
                } else {
                    format!(
                        "label `{text}` in concept `{concept}` collides with `{other}` in concept `{other_concept}`"
                    )
                };
                self.error(at, message, "keep one label per phrase; use inflect = \"exact\" to tell inflections apart");
            }
            seen.entry(key).or_insert_with(|| (concept.to_string(), text.clone()));
        }
        for frame in &raw.frames {
            if !self.frames.contains_key(frame.get_ref()) {
                let message = format!("unknown frame tag `{}` on label `{text}`", frame.get_ref());
                self.error(frame.span().start, message, "define it in lexicons/frames.toml or fix the spelling");
            }
        }
        for form in &raw.forms {
            if !form.get_ref().chars().any(char::is_alphanumeric) {
                self.error(form.span().start, format!("empty form on label `{text}`"), "remove it");
            }
        }
        Label {
            text,
            connotation: raw.connotation,
            frames: raw.frames.iter().map(|f| f.get_ref().clone()).collect(),
            inflect,
            case: raw.case.unwrap_or(defaults.1),
            forms: raw.forms.iter().map(|f| f.get_ref().clone()).collect(),
            note: raw.note.clone(),
            anchored: raw.anchored,
            at: self.locator.line_column(at),
        }
    }

    /// Warn when one label of a concept matches verb forms that an alternative does not: with
    /// "assassination" matching "assassinated" and "killing" not matching "killed", an outlet
    /// that writes verbs ("the US killed") shows only the loaded label.
    fn symmetry(&mut self, raw: &RawConcept, id: &str, labels: &[Label]) {
        fn past(l: &Label) -> Option<&String> {
            l.forms.iter().chain([&l.text]).find(|f| f.split_whitespace().last().is_some_and(|w| w.ends_with("ed")))
        }
        let Some((with, form)) = labels.iter().find_map(|l| past(l).map(|f| (l, f))) else { return };
        let nominal = |l: &Label| {
            let words: Vec<&str> = l.text.split_whitespace().collect();
            words.len() == 1 && ["ing", "tion", "sion", "ment"].iter().any(|end| words[0].ends_with(end))
        };
        for (label, raw_label) in labels.iter().zip(&raw.labels) {
            if nominal(label) && label.inflect == Inflect::Exact && past(label).is_none() {
                self.problems.push(self.locator.at(
                    Severity::Warning,
                    raw_label.get_ref().text.span().start,
                    format!(
                        "label `{}` of concept `{id}` matches no verb forms, but `{}` matches `{form}`: an outlet that uses the verb counts only for `{}`",
                        label.text, with.text, with.text
                    ),
                    "add the verb forms to this label too (anchored = true if they also name other events), or drop them from the other",
                ));
            }
        }
    }

    /// Anchors have words, and an anchored label's concept has anchors.
    fn anchors(&mut self, raw: &RawConcept, id: &str, labels: &[Label]) {
        for anchor in &raw.anchors {
            if phrase_keys(anchor.get_ref()).is_empty() {
                self.error(
                    anchor.span().start,
                    format!("anchor `{}` of concept `{id}` has no words", anchor.get_ref()),
                    "write a phrase that names the referent, or remove it",
                );
            }
        }
        if raw.anchors.is_empty() {
            for (label, raw_label) in labels.iter().zip(&raw.labels).filter(|(l, _)| l.anchored) {
                let message = format!("label `{}` is anchored but concept `{id}` has no anchors", label.text);
                self.error(
                    raw_label.get_ref().text.span().start,
                    message,
                    "add anchors = [\"…\"] to the concept: the phrases that name its referent",
                );
            }
        }
    }
}

#[cfg(test)]
mod tests;
