//! Pronoun and role resolution: "he", "she", "they" and "the minister" to an earlier speaker.

use super::phrase::{names_people, phrase_back};
use super::rules::Rule;
use super::types::Attribution;
use crate::lexicon::Gender;
use crate::lexicon::GivenNames;
use crate::quotes::gender::Genders;
use crate::quotes::gender::pronoun_gender;
use crate::text::english;

use crate::quotes::mention::{is_body, is_plural_speaker};
use crate::quotes::tokens::{is_capitalized, surface, token_span};
use crate::quotes::voice::Voice;
use crate::quotes::voice::VoiceMap;
use crate::text::Document;
use crate::text::Span;
use crate::text::TokenKind;

/// Resolve pronoun speakers to the last compatible named speaker before them: he/she to a
/// person, it to a document or body, they to the last plural or body. A name mentioned after
/// that speaker (a speaker introduced in a previous sentence) wins. Quotes continuing an earlier
/// speaker then take that speaker's resolution.
pub(super) fn resolve_pronouns(doc: &Document, found: &mut [Attribution], voices: &VoiceMap, names: &GivenNames) {
    let genders = Genders::new(doc, names);
    for attribution in found.iter_mut() {
        if let Some(source) = attribution.source
            && matches!(source.slice(doc.text).to_lowercase().as_str(), "who" | "which")
        {
            attribution.resolved = relative_antecedent(doc, source);
            if attribution.resolved.is_some() {
                attribution.steps.push(Rule::ResolveRelative);
            }
        }
    }
    for i in 0..found.len() {
        let Some(source) = found[i].source else { continue };
        let pronoun = source.slice(doc.text).to_lowercase();
        let role = is_definite_role(&pronoun);
        if !(english().pronouns.contains(&pronoun.as_str()) || role) || found[i].resolved.is_some() {
            continue;
        }
        let wants_person = role || english().person_pronouns.contains(&pronoun.as_str());
        let paragraph = found[i].paragraph;
        let speakers = found[..i].iter().rev().filter_map(|a| {
            let s = a.speaker_span()?;
            let text = s.slice(doc.text);
            let lower = text.to_lowercase();
            // "“…,” the minister said. … he continued": a definite role is a person too.
            let person = looks_like_person(text) || is_definite_role(&lower);
            (s.start < source.start && !english().pronouns.contains(&lower.as_str()) && person == wants_person)
                .then_some((a, s))
        });
        // "she" never resolves to a speaker the article shows to be a man, nor "he" to a woman.
        let wanted = pronoun_gender(&pronoun);
        let (earlier, passed) = by_gender(speakers, wanted, false, |(_, s)| genders.of(*s));
        let earlier = earlier.map(|(a, _)| a);
        let crossed = passed.is_some_and(|(a, _)| a.paragraph + 1 >= paragraph);
        let near = earlier.filter(|a| a.paragraph + 1 >= paragraph).and_then(Attribution::speaker_span);
        if role {
            // "The lawmaker added": only the person who spoke in an earlier sentence, never a name
            // further back or another voice of the same sentence ("Asked by X …, the governor said").
            let sentence_of = |at: usize| doc.sentences.partition_point(|s| s.span.end <= at);
            // A full name, so not a place or body standing for a government ("Washington said").
            let full_name = |n: &Span| {
                let text = n.slice(doc.text);
                looks_like_person(text) && text.split_whitespace().count() >= 2
            };
            found[i].resolved = near.filter(|n| sentence_of(n.start) < sentence_of(source.start) && full_name(n));
            if found[i].resolved.is_some() {
                found[i].steps.push(Rule::ResolveRole);
            }
            continue;
        }
        // Past a speaker of the other gender, a name must show the pronoun's gender to be taken.
        let mentioned = if wants_person && near.is_none() {
            by_gender(names_before(doc, source.start, voices).into_iter(), wanted, crossed, |s| genders.of(*s)).0
        } else {
            None
        };
        // "It declared …": a document or body named in the sentences just before is the likelier
        // antecedent than an earlier speaker (often a news agency credited in passing).
        let document = if pronoun == "it" { last_document_before(doc, source.start, voices) } else { None };
        found[i].resolved = document.or(near).or(mentioned).or_else(|| earlier.and_then(Attribution::speaker_span));
        if found[i].resolved.is_some() {
            found[i].steps.push(Rule::ResolvePronoun);
        }
    }
    for i in 0..found.len() {
        if found[i].source.is_none()
            && let Some(previous) = found[i].resolved
            && let Some(resolved) =
                found[..i].iter().rev().find(|a| a.source == Some(previous)).and_then(|a| a.resolved)
        {
            found[i].resolved = Some(resolved);
            found[i].steps.push(Rule::ResolveContinued);
        }
    }
}

/// `the lawmaker`, `the spokesman`: "the" and one singular role word, which news writing uses
/// for the person just quoted. Documents ("the resolution"), records ("the poll") and bodies
/// ("the ministry") are not roles; a plural ("the protesters") is not one person.
pub(super) fn is_definite_role(lower: &str) -> bool {
    let Some(("the", word)) = lower.split_once(' ') else { return false };
    word.len() > 3
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !word.ends_with('s')
        && !english().documents.contains(&word)
        && !english().records.contains(&word)
        && !is_body(word)
}

/// A capitalised mention not led by a determiner or a pronoun ("He too" is no name), nor one
/// whose sentence-opening capital leads a quantity or a plural of people or records ("Few
/// people", "Campaign aides", "Senate filings").
pub(super) fn looks_like_person(mention: &str) -> bool {
    let lower = mention.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    let last = lower.split_whitespace().last().unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric());
    let e = english();
    // An ending of people only in lower case: "Sanders" and "Summers" are surnames.
    let lower_case_last = mention.split_whitespace().last().is_some_and(|w| w.starts_with(char::is_lowercase));
    let plural_group = is_plural_speaker(last)
        || last.ends_with('s')
            && (e.generic_sources.contains(&last)
                || e.records.contains(&last)
                || lower_case_last && names_people(last));
    !e.determiners.contains(&first)
        && !e.pronouns.contains(&first)
        && !e.quantifiers.contains(&first)
        && !plural_group
        && mention.chars().next().is_some_and(char::is_uppercase)
}

/// The phrase a relative pronoun refers to: "Mike Lee" in "from Mike Lee, who declared" (or
/// "Mike Lee - who declared"), "some Democratic lawmakers" in "some Democratic lawmakers who
/// thought".
pub(super) fn relative_antecedent(doc: &Document, pronoun: Span) -> Option<Span> {
    let at = doc.tokens.partition_point(|t| t.span.start < pronoun.start);
    let sentence = doc.sentences.get(doc.sentences.partition_point(|s| s.tokens.end <= at))?;
    let before = at.checked_sub(1).filter(|&i| i >= sentence.tokens.start)?;
    let set_off = matches!(surface(doc, before), "," | "-" | "--");
    let end = if set_off { before } else { at };
    let phrase = phrase_back(doc, sentence.tokens.start, end)?;
    // "Gov. Ann Kessler, a Republican who has refused": a noun after "a" describes someone else.
    if !set_off && matches!(&*doc.tokens[phrase.start].key, "a" | "an") {
        return None;
    }
    // Prefer the name the phrase ends with ("… the backing of Prime Minister Adel Abdul Mahdi").
    let mut name_start = phrase.end;
    while name_start > phrase.start
        && (is_capitalized(doc, name_start - 1)
            || english().surname_particles.contains(&&*doc.tokens[name_start - 1].key))
    {
        name_start -= 1;
    }
    let antecedent =
        if phrase.end - name_start >= 1 && name_start > phrase.start { name_start..phrase.end } else { phrase };
    Some(token_span(doc, antecedent))
}

/// The last document or body noun ("resolution", "statement", "coalition") before `at`, outside
/// quotation marks, in the sentence holding `at` or the one before.
pub(super) fn last_document_before(doc: &Document, at: usize, voices: &VoiceMap) -> Option<Span> {
    let document = |key: &str| english().documents.contains(&key) || english().document_like_bodies.contains(&key);
    let here = doc.sentences.partition_point(|s| s.span.end <= at);
    let from = doc.sentences.get(here.saturating_sub(1))?.tokens.start;
    let until = doc.tokens.partition_point(|t| t.span.end <= at);
    (from..until)
        .rev()
        .find(|&i| document(&doc.tokens[i].key) && voices.voice_of(doc.tokens[i].span) == Voice::Own)
        .map(|i| doc.tokens[i].span)
}

/// The candidate a pronoun of gender `wanted` refers to, of `candidates` (nearest first): the
/// nearest, unless the article shows it to be of the other gender, or `strict`; then the nearest
/// shown to be of the wanted gender. Also the nearest when it was passed over.
pub(super) fn by_gender<T>(
    mut candidates: impl Iterator<Item = T>,
    wanted: Option<Gender>,
    strict: bool,
    gender: impl Fn(&T) -> Option<Gender>,
) -> (Option<T>, Option<T>) {
    let Some(wanted) = wanted else { return (candidates.next(), None) };
    if strict {
        return (candidates.find(|c| gender(c) == Some(wanted)), None);
    }
    let Some(nearest) = candidates.next() else { return (None, None) };
    match gender(&nearest) {
        Some(other) if other != wanted => (candidates.find(|c| gender(c) == Some(wanted)), Some(nearest)),
        _ => (Some(nearest), None),
    }
}

/// The runs of two or more capitalised words before `at` in the two preceding sentences, the
/// last first: speakers introduced without a cue ("Pompeo would not answer. “We’ll watch,” he
/// said.").
pub(super) fn names_before(doc: &Document, at: usize, voices: &VoiceMap) -> Vec<Span> {
    let here = doc.sentences.partition_point(|s| s.span.end <= at);
    let Some(from) = doc.sentences.get(here.saturating_sub(2)).map(|s| s.tokens.start) else { return Vec::new() };
    let until = doc.tokens.partition_point(|t| t.span.end <= at);
    let mut names: Vec<Span> = Vec::new();
    let mut run_start = None;
    for i in from..=until.min(doc.tokens.len()) {
        // "Secretary of State Mike Pompeo": an "of" between capitals stays inside the run.
        let inner_of = run_start.is_some() && i + 1 < until && doc.tokens[i].key == "of" && is_capitalized(doc, i + 1);
        let capital = i < until
            && doc.tokens[i].kind == TokenKind::Word
            && (is_capitalized(doc, i) || inner_of)
            && voices.voice_of(doc.tokens[i].span) == Voice::Own;
        match (capital, run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(s)) => {
                let name = token_span(doc, s..i);
                if i - s >= 2 && !is_body(&name.slice(doc.text).to_lowercase()) {
                    names.push(name);
                }
                run_start = None;
            }
            _ => {}
        }
    }
    names.reverse();
    names
}
