//! Reporting cues: the cue index built from the lexicon, and the cue hits of a document
//! (with the checks that set aside nouns, titles and non-reporting senses).

use super::types::CueHit;
use crate::lexicon::CueClass;
use crate::lexicon::CueEntry;
use crate::lexicon::GivenNames;
use crate::lexicon::LexiconSet;
use crate::quotes::learned::CueModel;
use crate::quotes::tokens::{hyphen_joined, in_title_case_sentence, is_capitalized, key_at, surface, surface_at};
use crate::quotes::voice::Voice;
use crate::quotes::voice::VoiceMap;
use crate::text::Document;
use crate::text::english;
use rustc_hash::FxHashMap;

/// The reporting cues, indexed by their first word, and the learned cue model when in use.
pub struct CueIndex {
    pub(super) by_first: FxHashMap<String, Vec<(Vec<String>, usize)>>,
    pub(super) classes: Vec<CueClass>,
    pub(super) quotes_only: Vec<bool>,
    pub(super) model: Option<CueModel>,
    /// Given names by gender, for resolving "he" and "she".
    pub(super) names: GivenNames,
}

impl CueIndex {
    /// Index `cues`.
    pub fn new(cues: &[CueEntry]) -> CueIndex {
        let mut by_first: FxHashMap<String, Vec<(Vec<String>, usize)>> = FxHashMap::default();
        for (i, cue) in cues.iter().enumerate() {
            for form in &cue.forms {
                let words: Vec<String> = form.split_whitespace().map(str::to_string).collect();
                if let Some(first) = words.first() {
                    by_first.entry(first.clone()).or_default().push((words, i));
                }
            }
        }
        for forms in by_first.values_mut() {
            forms.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        }
        CueIndex {
            by_first,
            classes: cues.iter().map(|c| c.class).collect(),
            quotes_only: cues.iter().map(|c| c.quotes_only).collect(),
            model: None,
            names: GivenNames::default(),
        }
    }

    /// Index the cues of `set`, with its given names.
    pub fn from_lexicons(set: &LexiconSet) -> CueIndex {
        CueIndex { names: set.given_names.clone(), ..CueIndex::new(&set.cues) }
    }

    /// Also find attributions whose cue only `model` knows.
    pub fn with_model(mut self, model: CueModel) -> CueIndex {
        self.model = Some(model);
        self
    }

    /// The longest cue starting at token `i`: (token range, cue index).
    fn at(&self, doc: &Document, i: usize) -> Option<CueHit> {
        let forms = self.by_first.get(doc.tokens[i].key.as_str())?;
        forms.iter().find_map(|(words, cue)| {
            let end = i + words.len();
            let fits =
                end <= doc.tokens.len() && words.iter().enumerate().all(|(k, w)| doc.tokens[i + k].key == w.as_str());
            fits.then_some(CueHit { tokens: i..end, entry: *cue })
        })
    }

    /// The class of cue `i`.
    pub fn class(&self, i: usize) -> CueClass {
        self.classes[i]
    }
}

/// Cues outside quotation marks: (token range, cue index). A capitalised cue word is a name
/// ("the United States") unless it opens a sentence; one after an article or a possessive is a
/// noun.
pub(super) fn cue_hits(doc: &Document, cues: &CueIndex, voices: &VoiceMap) -> Vec<CueHit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let Some(CueHit { tokens: range, entry: cue }) = cues.at(doc, i) else {
            i += 1;
            continue;
        };
        // "(According to the police, …": an opening bracket may come first.
        let opens_sentence = || {
            let first = (0..i).rev().take_while(|&j| matches!(surface(doc, j), "(" | "[")).last().unwrap_or(i);
            doc.sentences.binary_search_by_key(&first, |s| s.tokens.start).is_ok()
        };
        // In a Title Case headline a capitalised finite cue ("Says") is a verb; "Writing" in
        // "Started Writing His Address" is not taken.
        let headline_verb = || !doc.tokens[i].key.ends_with("ing") && in_title_case_sentence(doc, i);
        let capital_name = is_capitalized(doc, i) && !opens_sentence() && !headline_verb();
        let after_article =
            i > 0 && (english().noun_markers.contains(&&*doc.tokens[i - 1].key) || is_possessive(doc, i - 1));
        // "did not show up", "called off the vote": a particle makes another verb.
        let phrasal = doc.tokens.get(range.end).is_some_and(|t| matches!(&*t.key, "up" | "off"));
        // "pledged delegates": the participle is the term's adjective.
        let term = doc.tokens[i].key == "pledged" && doc.tokens.get(range.end).is_some_and(|t| t.key == "delegates");
        // "Iraq has found itself in a predicament": finding oneself somewhere reports nothing
        // ("calls himself a socialist" does).
        let reflexive = english().find_forms.contains(&&*doc.tokens[i].key)
            && doc.tokens.get(range.end).is_some_and(|t| english().reflexive_pronouns.contains(&&*t.key));
        // "Trump said praise from Putin would not …": a cue word right after "said" opens
        // the reported clause.
        let after_said = hits.last().is_some_and(|CueHit { tokens: r, .. }: &CueHit| {
            r.end == i && english().say_and_tell_forms.contains(&&*doc.tokens[r.start].key)
        });
        // `<tweet id="…">`, `</tweet>`: markup left in scraped text names a tag, not a cue.
        let markup = doc.text[..doc.tokens[i].span.start].ends_with(['<', '/']);
        // "Additional reporting by …": a credit line.
        let credit = i > 0 && doc.tokens[i - 1].key == "additional" && doc.tokens[i].key == "reporting";
        // "the drug was found in his car", "they found a way": a place or a way, no finding.
        let not_reporting = no_report_sense(doc, i);
        // "Having said that, …", "That said, …": a discourse marker, nobody's words.
        // ("Having said that he would resign, …" reports his words.)
        let concession = key_at(doc, i) == "said"
            && i > 0
            && match key_at(doc, i - 1) {
                "having" => matches!(key_at(doc, range.end), "that" | "this") && surface_at(doc, range.end + 1) == ",",
                "that" | "this" => {
                    surface_at(doc, range.end) == ","
                        && doc.sentences.binary_search_by_key(&(i - 1), |s| s.tokens.start).is_ok()
                }
                _ => false,
            };
        if voices.voice_of(doc.tokens[i].span) == Voice::Own
            && !markup
            && !credit
            && !not_reporting
            && !concession
            && !after_said
            && !capital_name
            && !after_article
            && !phrasal
            && !term
            && !reflexive
            && !hyphen_joined(doc, i)
        {
            i = range.end;
            hits.push(CueHit { tokens: range, entry: cue });
            continue;
        }
        i += 1;
    }
    hits
}

/// "Trump's claims", "Editor's note": a possessive before a cue word makes it a noun ("he's
/// said" is a contraction, not a possessive).
pub(super) fn is_possessive(doc: &Document, i: usize) -> bool {
    // The key already has the "'s" removed and is lower case.
    let key = &*doc.tokens[i].key;
    surface(doc, i).len() > 2 && surface(doc, i).ends_with("'s") && !english().contracted_subjects.contains(&key)
}

/// The cue hits (sorted by token) starting at token `from` or later.
pub(super) fn hits_from(hits: &[CueHit], from: usize) -> &[CueHit] {
    &hits[hits.partition_point(|CueHit { tokens: r, .. }| r.start < from)..]
}

/// "found" of a place or a way ("found in his car", "found a way"), which reports no finding
/// ("found in 2014 that …" does).
pub(super) fn no_report_sense(doc: &Document, cue: usize) -> bool {
    let place = matches!(key_at(doc, cue + 1), "in" | "at" | "on" | "inside" | "near" | "under" | "beside")
        && !(cue + 2..cue + 8).any(|j| key_at(doc, j) == "that");
    let way = english().determiners.contains(&key_at(doc, cue + 1)) && matches!(key_at(doc, cue + 2), "way" | "ways");
    key_at(doc, cue) == "found" && (place || way)
}
