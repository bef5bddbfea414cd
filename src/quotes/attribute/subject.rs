//! The speaker before a cue: the sentence subject, coordinated and infinitive subjects,
//! and the phrases (times, settings, adverbs, parentheses, datelines) skipped to reach it.

use super::phrase::{
    is_name, is_party_tag, is_person_noun, is_speaker_phrase, is_time_phrase, names_people, phrase_back, speaker_after,
};
use crate::quotes::mention::is_body;
use crate::quotes::tokens::{
    abbreviation_dot, has_finite_verb, is_capitalized, is_dash, is_punct, key_at, surface, surface_at, trim_punct,
};
use crate::text::Document;
use crate::text::TokenKind;
use crate::text::english;
use std::ops::Range;

/// Drop a leading "and"/"but"/"so" ("“…,” and he said").
pub(super) fn strip_leading_conjunctions(doc: &Document, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    while start < range.end && english().leading_conjunctions.contains(&&*doc.tokens[start].key) {
        start += 1;
    }
    start..range.end
}

/// Drop adverbs and auxiliaries between a speaker and its cue ("he also said").
pub(super) fn skip_adverbs_back(doc: &Document, range: Range<usize>) -> Range<usize> {
    let mut end = range.end;
    loop {
        if end > range.start && english().between_speaker_and_cue.contains(&&*doc.tokens[end - 1].key) {
            end -= 1;
        } else if let Some(before) = time_phrase_back(doc, range.start, end) {
            end = before;
        } else if let Some(before) = setting_phrase_back(doc, range.start, end) {
            end = before;
        } else {
            return range.start..end;
        }
    }
}

/// `Clinton on Tuesday said`, `the ministry late Sunday said`, `Smith this week said`: where a
/// time phrase (a day name, or a week, month or year) ending at `end` starts, when one does.
pub(super) fn time_phrase_back(doc: &Document, start: usize, end: usize) -> Option<usize> {
    // "McConnell, who in 2010 said", "Clinton in late August said": a dated prepositional phrase.
    let dated = (end.saturating_sub(4).max(start + 1)..end.saturating_sub(1))
        .rev()
        .find(|&p| english().time_prepositions.contains(&&*doc.tokens[p].key) && is_time_phrase(doc, p + 1..end));
    if let Some(preposition) = dated {
        return Some(preposition);
    }
    // "this week", "last month", "earlier this year"
    if end >= start + 3
        && english().calendar_spans.contains(&&*doc.tokens[end - 1].key)
        && english().relative_time_words.contains(&&*doc.tokens[end - 2].key)
    {
        let at = end - 2;
        let at = if matches!(&*doc.tokens[at - 1].key, "earlier" | "later") { at - 1 } else { at };
        // Only after a name or a pronoun: in "a report released last year found" the time
        // belongs to the participle.
        let after_speaker = is_capitalized(doc, at - 1) || english().pronouns.contains(&&*doc.tokens[at - 1].key);
        return (at > start && after_speaker).then_some(at);
    }
    let mut at = end;
    // "Tuesday night", "Monday morning"
    if at > start && english().parts_of_day.contains(&&*doc.tokens[at - 1].key) {
        at -= 1;
    }
    if at == start || !english().time_words.contains(&&*doc.tokens[at - 1].key) {
        return None;
    }
    at -= 1;
    if at > start && english().time_phrase_openers.contains(&&*doc.tokens[at - 1].key) {
        at -= 1;
    }
    (at > start).then_some(at)
}

/// `Stumpf in a televised interview said`, `the ministry in a statement said`: where a setting
/// phrase (preposition, determiner, up to two words, a setting noun) ending at `end` starts,
/// when one does and something stands before it.
pub(super) fn setting_phrase_back(doc: &Document, start: usize, end: usize) -> Option<usize> {
    if end == start || !english().settings.contains(&&*doc.tokens[end - 1].key) {
        return None;
    }
    let determiner = (end.saturating_sub(4).max(start)..end - 1)
        .rev()
        .find(|&i| english().determiners.contains(&&*doc.tokens[i].key))?;
    let preposition = determiner.checked_sub(1)?;
    let words_between = (determiner + 1..end - 1).all(|i| doc.tokens[i].kind == TokenKind::Word);
    (preposition > start && words_between && english().setting_prepositions.contains(&&*doc.tokens[preposition].key))
        .then_some(preposition)
}

/// The speaker phrase ending just before `cue`: back over adverbs, then words up to a stop word
/// or punctuation. An appositive ("Okafor, Democrat of Ohio, said") is skipped.
pub(super) fn speaker_before(doc: &Document, sentence_start: usize, cue: usize) -> Option<Range<usize>> {
    let end = skip_parenthesis_back(doc, sentence_start, skip_adverbs_back(doc, sentence_start..cue).end);
    // "A court document filed Thursday says": the participle describes the speaker.
    let end = if plain_verb(doc, cue) { reduced_relative_back(doc, sentence_start, end).unwrap_or(end) } else { end };
    // "protesters took to the streets to denounce …": an infinitive cue has the sentence's subject.
    if end > sentence_start + 1 && doc.tokens[end - 1].key == "to" && end == cue {
        return infinitive_subject(doc, sentence_start, end - 1);
    }
    // "The league denounced the remarks and said …": the subject of the first verb speaks.
    if end > sentence_start + 1 && matches!(&*doc.tokens[end - 1].key, "and" | "but") {
        return sentence_subject(doc, sentence_start, end - 1);
    }
    // "Clinton went on offense on Monday, saying he would …": a participle after a comma
    // reports the words of the sentence's subject.
    if participle_after_comma(doc, sentence_start, end, cue) {
        return reporter_before_comma(doc, sentence_start, end).or_else(|| sentence_subject(doc, sentence_start, end));
    }
    // "Mike Lee, who declared …": the relative pronoun is the mention; its antecedent is resolved later.
    if end > sentence_start && matches!(&*doc.tokens[end - 1].key, "who" | "which") {
        return Some(end - 1..end);
    }
    if end > sentence_start && surface(doc, end - 1) == "," {
        let comma = (sentence_start..end - 1).rev().find(|&i| surface(doc, i) == ",")?;
        let between = comma + 1..end - 1;
        // "A protester who gave only his first name, Ali, said": a one-word name after "name".
        let given_name =
            between.len() == 1 && is_capitalized(doc, between.start) && doc.tokens[comma - 1].key == "name";
        // "Sen. Ted Cruz, R-Texas, said": the name stands before its party tag.
        if is_party_tag(doc, between.clone()) {
            return phrase_back(doc, sentence_start, comma);
        }
        if is_name(doc, between.clone()) || given_name {
            return Some(between);
        }
        // "…, Roberta Lange, the state party chairwoman, said": a name right before the appositive
        // ("Rep. Kevin McCarthy, R-Calif., the No. 3 Republican in the House, suggested": or
        // before its party tag).
        let before_appositive = (sentence_start..comma).rev().find(|&i| surface(doc, i) == ",");
        if let Some(previous) = before_appositive
            && is_party_tag(doc, previous + 1..comma)
        {
            return phrase_back(doc, sentence_start, previous);
        }
        if let Some(previous) = before_appositive
            && is_name(doc, previous + 1..comma)
            && comma - previous <= 6
        {
            return Some(previous + 1..comma);
        }
        // Nested appositives ("Nasrallah, leader of Lebanon’s powerful, Iran-allied Hezbollah
        // movement, said"): the speaker stands before the sentence's first comma. A finite verb
        // after it makes the words a clause, reported by a speaker after the cue ("…, but it is
        // under pressure, said the chief executive").
        let first = (sentence_start..comma).find(|&i| surface(doc, i) == ",").unwrap_or(comma);
        // "Kasich, a Republican who has refused to endorse Mr. Trump, said …": a verb in a
        // relative clause belongs to the appositive.
        let relative = (first + 1..end - 1).any(|i| matches!(&*doc.tokens[i].key, "who" | "whose"));
        // "…, and the meeting deteriorated from there, said one source": an appositive never
        // opens with "and" or "but"; that is a clause too.
        // ("…, and Democratic Gov. Jay Nixon, tweeted" joins a name to the speaker.)
        let coordinated = matches!(doc.tokens.get(first + 1).map(|t| &*t.key), Some("and" | "but"))
            && !(first + 2..end - 1).any(|i| is_capitalized(doc, i));
        if (has_finite_verb(doc, first + 1..end - 1) || coordinated) && !relative && speaker_closes_sentence(doc, cue) {
            return None;
        }
        // "Rep. Lena Marsh (D-Ore.), ranking member of …, said": the party tag stays outside.
        return phrase_back(doc, sentence_start, skip_parenthesis_back(doc, sentence_start, first));
    }
    let Some(phrase) = phrase_back(doc, sentence_start, end) else {
        return plural_after_comma(doc, sentence_start, end).or_else(|| quantity_subject(doc, sentence_start, end));
    };
    // "a move he said": the pronoun is the speaker.
    if phrase.len() > 1 && english().pronouns.contains(&&*doc.tokens[phrase.end - 1].key) {
        return Some(phrase.end - 1..phrase.end);
    }
    Some(coordinated_subject(doc, sentence_start, phrase))
}

/// `…, teachers and union officials told`: a conjunct before "and" that opens the clause (at the
/// sentence start or after a comma) speaks too. Names are left apart ("Pompeo and Esper said"
/// keeps Esper), since a speaker is one person or body in `quotes.csv` and `voices.csv`.
pub(super) fn coordinated_subject(doc: &Document, sentence_start: usize, phrase: Range<usize>) -> Range<usize> {
    let Some(and) = phrase.start.checked_sub(1).filter(|&i| i > sentence_start && doc.tokens[i].key == "and") else {
        return phrase;
    };
    let Some(first) = phrase_back(doc, sentence_start, and) else { return phrase };
    let opens_clause = first.start == sentence_start || surface(doc, first.start - 1) == ",";
    // A noun for people ends it; "The council met and the mayor said" has a verb.
    let named = first.clone().chain(phrase.clone()).any(|i| is_capitalized(doc, i) && i != first.start);
    let names_speaker = !named && is_person_noun(&doc.tokens[first.end - 1].key);
    let plain = !has_finite_verb(doc, first.clone()) && first.len() <= 4 && names_speaker;
    if opens_clause && plain { first.start..phrase.end } else { phrase }
}

/// The speaker of an infinitive cue whose "to" is at `to`: the sentence's subject ("Protesters
/// took to the streets to denounce …", "Clinton plans to say …"), unless a verb that hands the
/// speaking to its object stands before it ("asked the minister to explain"): then no guess.
pub(super) fn infinitive_subject(doc: &Document, sentence_start: usize, to: usize) -> Option<Range<usize>> {
    let from = to.saturating_sub(8).max(sentence_start);
    if (from..to).any(|i| english().verbs_handing_speech_to_object.contains(&&*doc.tokens[i].key)) {
        return None;
    }
    // Only a person or a body, named or by role, near the "to" ("It's too early to say" and
    // "The dispute centers on … to confirm" have none).
    let speaks = |subject: &Range<usize>| {
        let last = &*doc.tokens[subject.end - 1].key;
        let person = english().subject_pronouns.contains(&last)
            || is_name(doc, subject.clone())
            || is_person_noun(last)
            || is_body(last);
        let contraction = doc.tokens.get(subject.end).is_some_and(|t| english().clitics.contains(&&*t.key));
        person && !contraction && to - subject.end <= 8
    };
    // "In one city, where rallies have denounced …, protesters took to the streets to denounce
    // …": when the opening phrase hides the sentence's subject, the clause after the last comma.
    let after_comma = || {
        let comma = (sentence_start..to).rev().find(|&i| surface(doc, i) == ",")?;
        sentence_subject(doc, comma + 1, to)
    };
    sentence_subject(doc, sentence_start, to).filter(speaks).or_else(|| after_comma().filter(speaks))
}

/// A cue that can only be a verb ("says", "found", "warned"), not a noun ("questions", "calls"):
/// after a noun and a participle, a noun cue is the participle's object ("the client directed
/// questions to …").
pub(super) fn plain_verb(doc: &Document, cue: usize) -> bool {
    let key = &*doc.tokens[cue].key;
    key.ends_with("ed") || english().plain_reporting_verbs.contains(&key)
}

/// `A court document filed Thursday says`, `The lawsuit filed by the union says`: where the
/// past participle (and its agent) that describes the speaker starts, when one ends at `end`
/// right after a noun (not after an auxiliary: "officials were briefed").
pub(super) fn reduced_relative_back(doc: &Document, sentence_start: usize, end: usize) -> Option<usize> {
    let word = |i: usize| doc.tokens[i].kind == TokenKind::Word;
    let agent = (end.saturating_sub(5).max(sentence_start)..end)
        .find(|&i| doc.tokens[i].key == "by" && (i + 1..end).all(word) && i + 1 < end);
    let participle = agent.unwrap_or(end).checked_sub(1).filter(|&p| p > sentence_start)?;
    let key = &*doc.tokens[participle].key;
    // "those surveyed said": the people asked are the speakers.
    let is_participle = key.len() > 4
        && key.ends_with("ed")
        && !english().respondent_participles.contains(&key)
        && !is_capitalized(doc, participle);
    let noun = &*doc.tokens[participle - 1].key;
    let after_noun = word(participle - 1)
        && !english().finite_verbs.contains(&noun)
        && !english().stop_words.contains(&noun)
        && !english().pronouns.contains(&noun)
        && !english().relative_pronouns_short.contains(&noun);
    (is_participle && after_noun).then_some(participle)
}

/// `…, said the company's chief executive, John Ferriola.`: a speaker phrase right after the
/// cue that runs to the end of the sentence (or to a comma before its appositive).
pub(super) fn speaker_closes_sentence(doc: &Document, cue: usize) -> bool {
    let Some(sentence) = doc.sentence_of(cue) else { return false };
    let Some(speaker) = speaker_after(doc, cue + 1, sentence.tokens.end) else { return false };
    trim_punct(doc, speaker.end..sentence.tokens.end).is_empty()
        || surface(doc, speaker.end) == "," && !has_finite_verb(doc, speaker.end..sentence.tokens.end)
}

/// `…, donors said.`, `…, some economists say`: a short lower-case plural phrase set off by a
/// comma before the cue speaks although it has no capital, determiner or role noun.
pub(super) fn plural_after_comma(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let comma = (sentence_start..end).rev().take(4).find(|&i| surface(doc, i) == ",")?;
    let phrase = comma + 1..end;
    let plain = phrase.clone().all(|i| {
        let key = &*doc.tokens[i].key;
        doc.tokens[i].kind == TokenKind::Word && !is_capitalized(doc, i) && !english().stop_words.contains(&key)
    });
    let plural = doc.tokens[end - 1].key.len() > 3 && doc.tokens[end - 1].key.ends_with('s');
    (!phrase.is_empty() && plain && plural).then_some(phrase)
}

/// `Nine in 10 voters say …`, `26% say …`, `By double digits, those surveyed say …`: a share of
/// respondents from the clause start (after a comma) right up to the cue.
pub(super) fn quantity_subject(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let start = (sentence_start..end).rev().find(|&i| surface(doc, i) == ",").map_or(sentence_start, |c| c + 1);
    let start = after_dateline(doc, start, end);
    let first = doc.tokens.get(start).filter(|_| start < end)?;
    // "Large majorities of voters": a size word may come first.
    let sized = english().quantity_adjectives.contains(&&*first.key)
        && doc.tokens.get(start + 1).is_some_and(|t| english().majority_words.contains(&&*t.key));
    let quantity = sized
        || first.kind == TokenKind::Number
        || english().quantifiers.contains(&first.key.split('-').next().unwrap_or_default());
    // "One member told Reuters that both groups feared …": a clause of its own is no subject.
    let plain = (start..end).all(|i| {
        let key = &*doc.tokens[i].key;
        (!english().stop_words.contains(&key) || english().quantity_links.contains(&key))
            && !english().clause_final_cues.contains(&key)
    });
    (quantity && plain && end - start <= 10).then_some(start..end)
}

/// A cue ending in "-ing" right after a comma, or after "before", "while", "by" and the like.
pub(super) fn participle_after_comma(doc: &Document, sentence_start: usize, end: usize, cue: usize) -> bool {
    if !doc.tokens[cue].key.ends_with("ing") || end <= sentence_start + 1 {
        return false;
    }
    // `… “New York values,” stating …`: a closing mark after the comma.
    let previous = if surface(doc, end - 1) == "\"" && end >= sentence_start + 2 { end - 2 } else { end - 1 };
    surface(doc, previous) == "," || english().time_subordinators.contains(&&*doc.tokens[previous].key)
}

/// "…, the AP noted, adding …" or "…, noted the AP, adding …": the speaker of the reporting
/// verb just before the participle's comma.
pub(super) fn reporter_before_comma(doc: &Document, sentence_start: usize, end: usize) -> Option<Range<usize>> {
    let comma = (sentence_start..end).rev().find(|&i| surface(doc, i) == ",")?;
    let from = comma.saturating_sub(5).max(sentence_start);
    let cue = (from..comma).rev().find(|&i| english().clause_final_cues.contains(&&*doc.tokens[i].key))?;
    if cue + 1 == comma { speaker_before(doc, sentence_start, cue) } else { speaker_after(doc, cue + 1, comma) }
}

/// Step back over a parenthesis right before `end` ("Harry Reid (D-Nev.) told reporters").
pub(super) fn skip_parenthesis_back(doc: &Document, sentence_start: usize, end: usize) -> usize {
    if end <= sentence_start {
        return end;
    }
    let window = sentence_start.max(end.saturating_sub(12))..end - 1;
    if surface(doc, end - 1) == ")" {
        return window.rev().find(|&i| surface(doc, i) == "(").unwrap_or(end);
    }
    // "Many speakers at the service — including Muslims, Christians and Jews — said": an aside
    // between dashes, with something before it.
    if is_dash(doc, end - 1) {
        return window.rev().find(|&i| is_dash(doc, i)).filter(|&i| i > sentence_start).unwrap_or(end);
    }
    end
}

/// Past a dateline opening the sentence (`WASHINGTON —`, `BAGHDAD (Reuters) -`): capitals
/// only, then a dash within a few tokens.
pub(super) fn after_dateline(doc: &Document, sentence_start: usize, limit: usize) -> usize {
    let upper = |i: usize| {
        let word = surface(doc, i);
        doc.tokens[i].kind == TokenKind::Word && word.len() > 1 && !word.chars().any(char::is_lowercase)
    };
    if sentence_start >= limit || !upper(sentence_start) {
        return sentence_start;
    }
    let dash = (sentence_start..limit.min(sentence_start + 8)).find(|&i| is_dash(doc, i));
    dash.filter(|&d| (sentence_start..d).all(|i| upper(i) || is_punct(doc, i) || is_capitalized(doc, i)))
        .map_or(sentence_start, |d| d + 1)
}

/// The subject phrase a sentence opens with: a pronoun, a run of capitalised words ("Sen. Ted
/// Cruz", "Clinton's campaign"), or a determiner and up to four lower-case words ("the
/// campaign"), ending before `limit`.
pub(super) fn sentence_subject(doc: &Document, sentence_start: usize, limit: usize) -> Option<Range<usize>> {
    let mut start = after_dateline(doc, sentence_start, limit);
    // `“…,” Hannity said during a panel, remarking …`: the writer's subject follows a quote
    // opening the sentence.
    if start < limit && surface(doc, start) == "\"" {
        start = (start + 1..limit).find(|&i| surface(doc, i) == "\"").map_or(start, |close| close + 1);
    }
    // "Recently, however, it issued …", "Worse, the companies have …": an adverb and its comma
    // open the sentence before the subject.
    let opener_adverb = |i: usize| {
        let key = &*doc.tokens[i].key;
        (key.len() > 4 && key.ends_with("ly") || english().opening_adverbs.contains(&key))
            && surface_at(doc, i + 1) == ","
    };
    while start < limit
        && (is_punct(doc, start)
            || english().sentence_openers.contains(&&*doc.tokens[start].key)
            || opener_adverb(start))
    {
        start += 1;
    }
    // "After the killing of Soleimani, the coalition …", "Late Tuesday, the company …": the
    // subject follows an opening phrase.
    let key = key_at(doc, start);
    if start < limit && (english().stop_words.contains(&key) || english().time_adjectives.contains(&key)) {
        start = (start..limit).find(|&i| surface(doc, i) == ",")? + 1;
    }
    if start >= limit {
        return None;
    }
    if english().pronouns.contains(&&*doc.tokens[start].key) {
        return Some(start..start + 1);
    }
    // "In one city, protesters took to the streets": a bare plural naming people.
    let bare_people = !is_capitalized(doc, start) && names_people(&doc.tokens[start].key);
    if bare_people && doc.tokens.get(start + 1).is_some_and(|t| t.kind == TokenKind::Word) {
        return Some(start..start + 1);
    }
    let led = english().determiners.contains(&&*doc.tokens[start].key);
    let mut end = if led { start + 1 } else { start };
    let mut lower_words = 0;
    while end < limit && end - start < 8 {
        let key = &*doc.tokens[end].key;
        let word = doc.tokens[end].kind == TokenKind::Word;
        let name_part = word && is_capitalized(doc, end) || english().name_connectors.contains(&key);
        let title_dot = abbreviation_dot(doc, end) && end + 1 < limit;
        let noun = led
            && word
            && lower_words < 4
            && !english().stop_words.contains(&key)
            && !english().between_speaker_and_cue.contains(&key)
            && !english().clause_final_cues.contains(&key)
            // "The retired neurosurgeon": right after the determiner an "-ed" word is an adjective.
            && (!(key.len() > 4 && key.ends_with("ed")) || end == start + 1);
        // "Shiite cleric Moqtada al-Sadr": a lower-case role word between capitalised words.
        let role_word = word
            && !led
            && end > start
            && end + 1 < limit
            && is_capitalized(doc, end - 1)
            && is_capitalized(doc, end + 1)
            && !english().stop_words.contains(&key)
            && !english().between_speaker_and_cue.contains(&key);
        if name_part || title_dot || role_word || surface(doc, end) == "'" {
            end += 1;
        } else if noun && !is_capitalized(doc, end) {
            lower_words += 1;
            end += 1;
        } else {
            break;
        }
    }
    let phrase = trim_punct(doc, start..end);
    (phrase.len() > usize::from(led) && is_speaker_phrase(doc, phrase.clone())).then_some(phrase)
}
