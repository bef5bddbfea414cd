//! Noun phrases that can speak: names, speaking heads, phrases walked back from or forward to
//! a cue, and the tests that tell a speaker from a time, a place or a document.

use crate::text::english;

use crate::quotes::tokens::{abbreviation_dot, has_finite_verb, hyphen_joined, is_capitalized, is_punct, surface};
use crate::text::Document;
use crate::text::TokenKind;
use std::ops::Range;

/// Capitalised words only (titles, initials and particles allowed): "Maj. Gen. Hossein Dehghan".
pub(super) fn is_name(doc: &Document, range: Range<usize>) -> bool {
    let words: Vec<usize> = range.filter(|&i| !is_punct(doc, i)).collect();
    words.len() >= 2
        && words.iter().all(|&i| is_capitalized(doc, i) || english().surname_particles.contains(&&*doc.tokens[i].key))
}

/// A party tag ("R-Calif.", "D-N.Y."): a party letter joined by a hyphen to a state, at most
/// four words in all.
pub(super) fn is_party_tag(doc: &Document, range: Range<usize>) -> bool {
    let words: Vec<usize> = range.filter(|&i| !is_punct(doc, i)).collect();
    (2..=4).contains(&words.len())
        && surface(doc, words[0]).len() == 1
        && english().party_letters.contains(&&*doc.tokens[words[0]].key)
        && hyphen_joined(doc, words[1])
}

/// A short phrase whose last two words are a name (`the economist Rosa Lindqvist`).
pub(super) fn ends_in_name(doc: &Document, range: Range<usize>) -> bool {
    range.len() >= 3 && range.len() <= 8 && is_name(doc, range.end - 2..range.end)
}

/// A name ("Maj. Gen. Hossein Dehghan") or a single capitalised word ("Sadr").
pub(super) fn is_named(doc: &Document, range: Range<usize>) -> bool {
    range.len() == 1 && is_capitalized(doc, range.start) || is_name(doc, range)
}

pub(super) fn phrase_back(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let mut start = phrase_start(doc, sentence_start, end);
    // "Officials familiar with the matter said", "a source close to him said": the formula of an
    // unnamed source reads on to the noun before "familiar" or "close".
    if let Some(head) = unnamed_source_head(doc, sentence_start, start, end) {
        return Some(head..end);
    }
    // "Nine in 10 Democrats say": a survey share reads on through its "in".
    if start < end
        && start >= sentence_start + 2
        && doc.tokens[start].kind == TokenKind::Number
        && doc.tokens[start - 1].key == "in"
        && (english().quantifiers.contains(&&*doc.tokens[start - 2].key)
            || doc.tokens[start - 2].kind == TokenKind::Number)
    {
        return Some(start - 2..end);
    }
    // "About half of voters say": a hedge on the share belongs to it.
    if start < end
        && start > sentence_start
        && english().quantifiers.contains(&&*doc.tokens[start].key)
        && english().approximators.contains(&&*doc.tokens[start - 1].key)
    {
        start -= 1;
    }
    // "A Marist College poll in late August found": a time after the preposition is never the
    // speaker; the phrase before it is.
    if start < end
        && is_time_phrase(doc, start..end)
        && let Some(head) = head_before_preposition(doc, sentence_start, start)
    {
        return Some(head);
    }
    // "an endorsement from Mike Lee, who said": a head that cannot speak leaves the phrase after
    // the preposition as the speaker; "Officials from both parties say": a head that speaks
    // makes a speaker of a place or body that would not be one alone.
    // ("… for the task force did not immediately respond": a verb ends the body's phrase.)
    let head = head_before_preposition(doc, sentence_start, start).filter(|head| can_speak(doc, head.clone()));
    let body = start < end && !has_finite_verb(doc, start..end) && !(start..end).any(|i| doc.tokens[i].key == "not");
    if let Some(head) = head.filter(|_| body) {
        return Some(head.start..end);
    }
    let phrase = start..end;
    is_speaker_phrase(doc, phrase.clone()).then_some(phrase)
}

/// Where the noun phrase ending at `end` starts: back to a clause word, a preposition, a
/// punctuation mark, a time word or a past participle, at most 10 tokens.
pub(super) fn phrase_start(doc: &Document, sentence_start: usize, end: usize) -> usize {
    let mut start = end;
    while start > sentence_start && end - start < 10 {
        let i = start - 1;
        let key = &*doc.tokens[i].key;
        // ("The self-described socialist said": a hyphenated "-ed" word is an adjective.)
        let past_verb = !is_capitalized(doc, i) && key.len() > 4 && key.ends_with("ed") && !hyphen_joined(doc, i);
        // "That person said": a demonstrative opening the sentence leads the speaker.
        if i == sentence_start && start < end && english().demonstratives.contains(&key) {
            start = i;
            break;
        }
        // "a retired general said": after a determiner an "-ed" word is an adjective.
        if past_verb && start < end && i > sentence_start && english().determiners.contains(&&*doc.tokens[i - 1].key) {
            start = i - 1;
            break;
        }
        if is_punct(doc, i) && surface(doc, i) != "'" && !abbreviation_dot(doc, i)
            || english().stop_words.contains(&key)
            || ends_at_saying(doc, i, start..end)
            || english().time_words.contains(&key)
            || past_verb
        {
            break;
        }
        start = i;
    }
    start
}

/// "Sestak said Clinton called": a lower-case verb of saying before the phrase `so_far` ends it,
/// unless the phrase is a lone pronoun ("Mulgrew said he hopes" stays one report of Mulgrew's).
fn ends_at_saying(doc: &Document, i: usize, so_far: Range<usize>) -> bool {
    let lone_pronoun = so_far.len() == 1 && english().pronouns.contains(&&*doc.tokens[so_far.start].key);
    english().phrase_ending_verbs.contains(&&*doc.tokens[i].key) && !is_capitalized(doc, i) && !lone_pronoun
}

/// Where the source before `familiar with …` or `close to …` starts, when the phrase starting
/// at `start` follows one of those formulas.
pub(super) fn unnamed_source_head(doc: &Document, sentence_start: usize, start: usize, end: usize) -> Option<usize> {
    if start >= end || start < sentence_start + 3 {
        return None;
    }
    // "A person familiar with the planning for Thursday's meeting says": the formula's object
    // may run on past a time word or a preposition, though not past a comma or a verb.
    let adjective = (sentence_start + 1..start - 1)
        .rev()
        .take(10)
        .find(|&a| matches!((&*doc.tokens[a].key, &*doc.tokens[a + 1].key), ("familiar", "with") | ("close", "to")))?;
    let object = adjective + 2..start;
    let plain = object.clone().all(|i| surface(doc, i) != "," && !has_finite_verb(doc, i..i + 1));
    if !plain || doc.tokens[adjective - 1].kind != TokenKind::Word {
        return None;
    }
    Some(phrase_back(doc, sentence_start, adjective).map_or(adjective - 1, |h| h.start))
}

/// `Protesters in the Shiite-majority south said`, `a spokesman for the company said`: the
/// speaker phrase before a preposition that opens the phrase starting at `start`: the head
/// that speaks, with the prepositional phrase kept.
pub(super) fn head_before_preposition(doc: &Document, sentence_start: usize, start: usize) -> Option<Range<usize>> {
    // "Experts on North Korea and nuclear nonproliferation said": the object may be two joined.
    let start = match start.checked_sub(1) {
        Some(and) if and > sentence_start && matches!(&*doc.tokens[and].key, "and" | "or") => {
            phrase_start(doc, sentence_start, and)
        }
        _ => start,
    };
    let preposition = start.checked_sub(1).filter(|&p| p > sentence_start)?;
    if !english().postmodifier_prepositions.contains(&&*doc.tokens[preposition].key) {
        return None;
    }
    phrase_back(doc, sentence_start, preposition)
}

/// Whether `range` is only a date or time ("late August", "2015", "the spring of 2015",
/// "last year"), with at least one word that is not an article or a qualifier.
pub(super) fn is_time_phrase(doc: &Document, range: Range<usize>) -> bool {
    let dated = |i: usize| {
        let key = &*doc.tokens[i].key;
        english().time_words.contains(&key)
            || english().calendar_words.contains(&key)
            || doc.tokens[i].kind == TokenKind::Number && key.len() == 4 && key.starts_with(['1', '2'])
    };
    let anchored = range.clone().any(|i| !english().time_phrase_words.contains(&&*doc.tokens[i].key));
    anchored && range.into_iter().all(dated)
}

/// Whether the head of a phrase names someone who can speak: a role or group of people
/// ("Democrats", "a spokesman", "many"), a capitalised name or body, or a document.
pub(super) fn can_speak(doc: &Document, head: Range<usize>) -> bool {
    let last = &*doc.tokens[head.end - 1].key;
    english().role_nouns.contains(&last)
        || english().speaking_heads.contains(&last)
        || english().quantifiers.contains(&last)
        || english().documents.contains(&last)
        || is_capitalized(doc, head.end - 1) && head.end - 1 > head.start
}

/// The speaker phrase right after a cue (`said Ammar al-Shibli, a Shi'ite lawmaker`).
pub(super) fn speaker_after(doc: &Document, from: usize, limit: usize) -> Option<Range<usize>> {
    let mut end = from;
    while end < limit && end - from < 10 {
        let inside_name = surface(doc, end) == "'" || end > from && abbreviation_dot(doc, end);
        // "said lobbyist and strategist Charlie Blaine": roles joined before the name.
        let joined_roles = doc.tokens[end].key == "and"
            && (end + 1..limit.min(end + 4)).any(|i| is_capitalized(doc, i))
            && (from..end).all(|i| !is_capitalized(doc, i));
        // "according to a person familiar with the talks": the unnamed source's formula goes on.
        let familiar_with = doc.tokens[end].key == "with" && end > from && doc.tokens[end - 1].key == "familiar";
        if is_punct(doc, end) && !inside_name
            || english().stop_words.contains(&&*doc.tokens[end].key)
                && !is_capitalized(doc, end)
                && !joined_roles
                && !familiar_with
        {
            break;
        }
        end += 1;
    }
    let phrase = from..end;
    // A lone article ("according to the “Schools First” budget") names nobody yet.
    let lone_article = phrase.len() == 1 && english().articles.contains(&&*doc.tokens[from].key);
    if lone_article || !is_speaker_phrase(doc, phrase.clone()) {
        return None;
    }
    // "said Mr. Sadr’s spokesman, Salah al-Obeidi.": the role's name follows it.
    Some(appositive_name(doc, phrase.clone(), limit).map_or(phrase, |name| from..name.end))
}

/// The name set off by a comma right after a role phrase without one, when it closes the clause.
pub(super) fn appositive_name(doc: &Document, phrase: Range<usize>, limit: usize) -> Option<Range<usize>> {
    if phrase.end >= limit || surface(doc, phrase.end) != "," || is_name(doc, phrase.clone()) {
        return None;
    }
    let start = phrase.end + 1;
    let mut end = start;
    while end < limit
        && (is_capitalized(doc, end)
            || abbreviation_dot(doc, end)
            || english().surname_particles.contains(&&*doc.tokens[end].key)
            || surface(doc, end) == "'")
    {
        end += 1;
    }
    let closes = end == limit || is_punct(doc, end);
    (end - start >= 2 && closes && is_name(doc, start..end)).then_some(start..end)
}

pub(super) fn is_speaker_phrase(doc: &Document, phrase: Range<usize>) -> bool {
    if phrase.is_empty() || phrase.len() > 10 {
        return false;
    }
    let first = &*doc.tokens[phrase.start].key;
    // "Nothing reported here suggests …": an indefinite pronoun for a thing says nothing.
    if phrase.len() == 1 && english().indefinite_things.contains(&first) {
        return false;
    }
    // "That person said", "those officials said": a demonstrative leads a speaker only with a noun.
    let demonstrative = english().demonstratives.contains(&first) && (2..=4).contains(&phrase.len());
    // "the 34-year-old mother of three": hyphen-joined parts make one word.
    let words = phrase.clone().filter(|&i| !hyphen_joined(doc, i)).count();
    phrase.clone().any(|i| is_capitalized(doc, i) && doc.tokens[i].kind == TokenKind::Word)
        || demonstrative
        || (phrase.len() == 1 && english().pronouns.contains(&first))
        || (english().determiners.contains(&first) || doc.tokens[phrase.start].kind == TokenKind::Number) && words <= 5
        || phrase.clone().any(|i| english().role_nouns.contains(&&*doc.tokens[i].key))
        || english().speaking_heads.contains(&&*doc.tokens[phrase.end - 1].key)
        || names_people(&doc.tokens[phrase.end - 1].key)
}

/// A role ("minister"), a speaking head ("spokesman") or a plural for people by what they do
/// ("teachers"): a noun that can speak.
pub(super) fn is_person_noun(key: &str) -> bool {
    english().role_nouns.contains(&key) || english().speaking_heads.contains(&key) || names_people(key)
}

/// True when `range` holds only conjunctions ("But as Clyburn said", "And noting …"), or nothing.
pub(super) fn only_conjunctions(doc: &Document, range: Range<usize>) -> bool {
    range.into_iter().all(|i| english().phrase_conjunctions.contains(&&*doc.tokens[i].key))
}

/// A plural noun that names people by what they do ("technologists", "specialists",
/// "opponents", "campaigners", "historians"): a group that speaks without a determiner.
pub(super) fn names_people(key: &str) -> bool {
    key.len() > 6 && english().people_plural_endings.iter().any(|e| key.ends_with(e))
}
