//! Where reported words start and end: the object or clause after a cue, and the cuts at a
//! later cue, a semicolon, a relative clause or a contrast.

use super::cues::hits_from;
use super::phrase::{is_speaker_phrase, phrase_back};
use super::subject::skip_adverbs_back;
use super::types::CueHit;
use crate::quotes::tokens::{has_finite_verb, is_capitalized, is_dash, surface, trim_punct, words_in};
use crate::text::Document;
use crate::text::TokenKind;
use crate::text::english;
use std::ops::Range;

/// Fewest words an indirect content may have: on PolNeAR train, allowing one or two words
/// ("sought Republican suggestions") finds more but loses as much precision.
pub(super) const MIN_CONTENT_WORDS: usize = 3;

/// Whether a word opens a reported clause right after a cue ("said it would …", "says they feel …").
pub(super) fn opens_clause(key: &str) -> bool {
    english().pronouns.contains(&key) || english().clause_subject_words.contains(&key)
}

/// `announced Sunday it is …`, `said late Tuesday that …`: where the words after a day-name
/// time phrase at `from` start (`from` itself without one).
pub(super) fn after_time_phrase(doc: &Document, from: usize, end: usize) -> usize {
    let mut at = from;
    if at < end && english().time_phrase_openers.contains(&&*doc.tokens[at].key) {
        at += 1;
    }
    if at >= end || !english().time_words.contains(&&*doc.tokens[at].key) {
        return from;
    }
    at += 1;
    if at < end && english().parts_of_day.contains(&&*doc.tokens[at].key) {
        at += 1;
    }
    if at < end { at } else { from }
}

pub(super) fn words_go_on(doc: &Document, from: usize, end: usize, hits: &[CueHit]) -> bool {
    let Some(first) = doc.tokens.get(from).filter(|_| from < end) else { return false };
    let opens_cue = hits_from(hits, from).first().is_some_and(|CueHit { tokens: r, .. }| r.start == from);
    let words = words_in(doc, from..end);
    // "…, she said, referencing the memo": a participle after the comma describes the speaker.
    let participle = first.key.len() > 4 && first.key.ends_with("ing") && !is_capitalized(doc, from);
    first.kind == TokenKind::Word
        && !participle
        && !english().relative_openers.contains(&&*first.key)
        && !opens_cue
        && words >= MIN_CONTENT_WORDS
}

/// "denounced the remarks and said it would …", "was corrupt, noting that …": a content ends
/// where "and", "but" or a comma leads to another cue, which starts an attribution of its own.
pub(super) fn cut_before_next_cue(
    doc: &Document,
    content: Range<usize>,
    own: &Range<usize>,
    hits: &[CueHit],
) -> Range<usize> {
    // The attribution's own cue inside its content ("Fundraising, according to the campaign,
    // has surged") does not end it.
    let mut inside = hits_from(hits, content.start + 1)
        .iter()
        .take_while(|CueHit { tokens: r, .. }| r.start < content.end)
        .filter(|CueHit { tokens: r, .. }| r.start != own.start);
    let boundary = inside.find_map(|CueHit { tokens: r, .. }| {
        let before = skip_adverbs_back(doc, content.start..r.start).end;
        let joined = before > content.start
            && (matches!(&*doc.tokens[before - 1].key, "and" | "but")
                || surface(doc, before - 1) == "," && doc.tokens[r.start].key.ends_with("ing"));
        if joined {
            return Some(before - 1);
        }
        // "… next week, and other GOP leaders said he …": a clause with a speaker and a cue of
        // its own is another attribution.
        let subject = phrase_back(doc, content.start, before)?;
        let conjunction = subject.start.checked_sub(1).filter(|&c| c > content.start)?;
        // "said the plan was sound, Reuters reported.": a reporting clause closing the sentence
        // is the outlet's, not part of what was said.
        let reporting_clause = surface(doc, conjunction) == ","
            && is_past_or_third_person(&doc.tokens[r.start].key)
            && is_speaker_phrase(doc, subject.clone());
        let closing = reporting_clause && words_in(doc, r.end..content.end) <= 3;
        // "said fathers would not be eligible, and when pressed on why, the mother of three
        // replied, “…”": a reporting clause led by ", and" and a circumstance starts anew.
        let led_by_and = (content.start + 1..conjunction)
            .rev()
            .take(12)
            .find(|&i| matches!(&*doc.tokens[i].key, "and" | "but") && surface(doc, i - 1) == ",")
            .filter(|_| reporting_clause && surface(doc, r.end.min(content.end - 1)) == ",");
        if let Some(and) = led_by_and {
            return Some(and - 1);
        }
        (closing || english().clause_conjunctions.contains(&&*doc.tokens[conjunction].key)).then_some(conjunction)
    });
    boundary.map_or(content.clone(), |before| content.start..before)
}

/// A verb form that closes a reporting clause ("reported", "says", "told"), not a noun
/// ("report", "claim").
pub(super) fn is_past_or_third_person(key: &str) -> bool {
    key.ends_with("ed")
        || key.len() > 3 && key.ends_with('s') && !key.ends_with("ss")
        || english().irregular_past_forms.contains(&key)
}

/// "said the timing was not intentional; they only learned …": a semicolon ends the reported
/// words after the cue, and starts them before it ("…; the plan was doomed, she said").
pub(super) fn cut_at_semicolon(doc: &Document, content: Range<usize>, cue: &Range<usize>) -> Range<usize> {
    let mut semicolons = content.clone().filter(|&i| surface(doc, i) == ";");
    if content.start >= cue.end {
        semicolons.next().filter(|&s| s > content.start).map_or(content.clone(), |s| content.start..s)
    } else if content.end <= cue.start {
        semicolons.next_back().map_or(content.clone(), |s| s + 1..content.end)
    } else {
        content
    }
}

/// "he supports the bill, which includes …": a relative clause set off by a comma at the end
/// adds the writer's description, not the speaker's words. One closed by a second comma
/// ("lawmakers, who saw …, into agreement") sits inside the content and stays.
pub(super) fn cut_before_relative(doc: &Document, content: Range<usize>) -> Range<usize> {
    let relative = (content.start + 1..content.end.saturating_sub(1))
        .find(|&i| surface(doc, i) == "," && matches!(&*doc.tokens[i + 1].key, "which" | "who"))
        .filter(|&comma| (comma + 1..content.end).all(|i| surface(doc, i) != ","));
    relative.map_or(content.clone(), |comma| content.start..comma)
}

/// "Washington believes the strike was legitimate, while Iraqi lawmakers disagreed": a clause
/// set against the content after ", while" or ", whereas" with its own subject is the writer's
/// contrast, not the speaker's words.
pub(super) fn cut_before_contrast(doc: &Document, content: Range<usize>) -> Range<usize> {
    let subject_after = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && (is_capitalized(doc, i)
                    || english().determiners.contains(&&*t.key)
                    || english().pronouns.contains(&&*t.key))
        })
    };
    let contrast = (content.start + 1..content.end.saturating_sub(2)).find(|&i| {
        surface(doc, i) == "," && matches!(&*doc.tokens[i + 1].key, "while" | "whereas") && subject_after(i + 2)
    });
    content.start..contrast.unwrap_or(content.end)
}

/// The first comma in `range` that is not inside a list ("Iraqi land, water, and airspace": a
/// comma before a short item and another comma or "and"/"or", and the ", and" closing it).
pub(super) fn phrase_end(doc: &Document, range: Range<usize>) -> Option<usize> {
    let mut in_list = false;
    for comma in range.clone().filter(|&i| surface(doc, i) == ",") {
        let next = (comma + 1..range.end.min(comma + 5))
            .find(|&i| surface(doc, i) == "," || matches!(&*doc.tokens[i].key, "and" | "or"));
        let closes_list = in_list && next == Some(comma + 1);
        in_list = next.is_some_and(|n| n > comma + 1);
        if !in_list && !closes_list {
            return Some(comma);
        }
    }
    None
}

/// What follows a cue outside a quote: a reported clause to the sentence end, or an object noun
/// phrase ("criticized the judge at a rally", "blasted the plan, calling it …") to the first comma.
pub(super) fn object_or_clause(doc: &Document, from: usize, end: usize, hits: &[CueHit]) -> Option<Range<usize>> {
    let content = content_after(doc, from, end, hits)?;
    let clause = content.start > from || opens_clause(&doc.tokens[content.start].key);
    let Some(comma) = phrase_end(doc, content.clone()) else {
        return Some(content);
    };
    // "said a security agreement should be cancelled, …": a finite verb makes it a clause.
    let has_verb = has_finite_verb(doc, content.start..comma);
    // "said Obama enjoys the event, in part, because …": a one-word name or a pronoun and a
    // lower-case word after it are a subject and its verb (longer names measured worse on dev).
    let subject_verb = (is_capitalized(doc, content.start)
        || english().pronouns.contains(&&*doc.tokens[content.start].key))
        && doc.tokens.get(content.start + 1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !is_capitalized(doc, content.start + 1)
                && !english().stop_words.contains(&&*t.key)
                && !english().determiners.contains(&&*t.key)
        });
    // "said Trump, despite his wealth, is …": a name, then an aside, then its verb.
    let first_comma = (content.start..comma).find(|&i| surface(doc, i) == ",").unwrap_or(comma);
    let aside_then_verb = first_comma > content.start
        && first_comma < comma
        && (content.start..first_comma).all(|i| is_capitalized(doc, i))
        && has_finite_verb(doc, comma + 1..(comma + 4).min(content.end));
    // "say the plan, which passed in March, will raise rents", "said the program, run by the
    // agency, has brought …": a short subject, an aside between commas, then its verb.
    let aside_opens = doc.tokens.get(comma + 1).is_some_and(|t| {
        english().aside_openers.contains(&&*t.key)
            || t.key.len() > 4 && (t.key.ends_with("ed") || t.key.ends_with("ing"))
    });
    let aside_end = (comma + 2..content.end.min(comma + 14)).find(|&i| surface(doc, i) == ",");
    let subject_aside = comma - content.start <= 5
        && aside_opens
        && aside_end.is_some_and(|c| has_finite_verb(doc, c + 1..(c + 3).min(content.end)));
    Some(if clause || has_verb || subject_verb || aside_then_verb || subject_aside {
        content
    } else {
        content.start..comma
    })
}

/// What follows a cue: an optional recipient ("told CNN", "told parliament in a speech") and
/// "that" (before any comma), then the rest of the sentence.
pub(super) fn content_after(doc: &Document, from: usize, end: usize, hits: &[CueHit]) -> Option<Range<usize>> {
    // "told CNN on Monday that …", but not "said the system was corrupt, noting that …".
    // "going to jump to that conclusion": after a preposition "that" is a determiner.
    // "said he had given up hope that …": after a subject pronoun, "that" belongs to a later
    // verb; so it does after another cue ("said the shootings demand that …").
    let next_cue = hits_from(hits, from).first().map_or(end, |CueHit { tokens: r, .. }| r.start);
    // "told reporters the deal was close", "told him it was over": the listener is not content.
    let from = from + told_recipient(doc, from, end);
    let from = after_time_phrase(doc, from, end);
    // "said — on Twitter, as it happens — that …": an aside between dashes after the cue.
    let from = if from < end && is_dash(doc, from) {
        (from + 1..end.min(from + 12)).find(|&i| is_dash(doc, i)).map_or(from, |i| i + 1)
    } else {
        from
    };
    // "said as he entered the talks that …", "said when she took office that …": a subordinate
    // clause right after the cue is a circumstance, and the words follow a later "that"; with no
    // "that", a clause of time ("said before he died") reports nothing, while "when" asks an
    // embedded question ("have not said when they would vote"), which is the content.
    if from < end && english().subordinators.contains(&&*doc.tokens[from].key) {
        let pronoun_subject = doc.tokens.get(from + 1).is_some_and(|t| english().pronouns.contains(&&*t.key));
        if pronoun_subject || has_finite_verb(doc, from + 1..end.min(from + 4)) {
            let that = (from + 2..end.min(from + 16).min(next_cue)).find(|&i| {
                doc.tokens[i].key == "that"
                    && !english().that_after_preposition.contains(&&*doc.tokens[i - 1].key)
                    && i + 1 < end
            });
            match that {
                Some(t) => return (surface(doc, t + 1) != "\"").then_some(t + 1..end),
                None if doc.tokens[from].key != "when" => return None,
                None => {}
            }
        }
    }
    // "said the plan would change that.": after a finite verb the clause has begun, and a "that"
    // closing the sentence is a pronoun.
    let that = (from..end.min(from + 8).min(next_cue))
        .take_while(|&i| {
            surface(doc, i) != ","
                && !english().pronouns.contains(&&*doc.tokens[i].key)
                && !has_finite_verb(doc, i..i + 1)
        })
        .find(|&i| {
            doc.tokens[i].key == "that"
                && !(i > from && english().that_after_preposition.contains(&&*doc.tokens[i - 1].key))
                && i + 1 < end
                && !matches!(surface(doc, i + 1), "." | "!" | "?" | ";")
        });
    // "says at a campaign stop in Toledo, Ohio, that …": a circumstance with commas in it.
    let that = that.or_else(|| {
        let opens = from < end && english().circumstance_openers.contains(&&*doc.tokens[from].key);
        (from + 1..end.min(from + 14).min(next_cue))
            .take_while(|&i| {
                opens && !english().pronouns.contains(&&*doc.tokens[i].key) && !has_finite_verb(doc, i..i + 1)
            })
            .find(|&i| doc.tokens[i].key == "that" && surface(doc, i - 1) == ",")
    });
    let start = match that {
        Some(t) => t + 1,
        None => from,
    };
    (start < end && surface(doc, start) != "\"").then_some(start..end)
}

/// Where the reporting clause of a plain reporting cue ends: after the listener of "told"
/// (`told me`, `told The Huffington Post`) and one circumstance (`on Friday`, `in an
/// interview`, `at a campaign stop in Toledo, Ohio`) that runs to a comma or the sentence end
/// with no verb or "that" in it; `cue.end` when neither follows.
pub(super) fn reporting_clause_end(doc: &Document, cue: &Range<usize>, end: usize) -> usize {
    if !english().clause_final_cues.contains(&&*doc.tokens[cue.start].key) {
        return cue.end;
    }
    let listener = if matches!(&*doc.tokens[cue.start].key, "told" | "tells") {
        let named = (cue.end..end.min(cue.end + 5)).take_while(|&i| is_capitalized(doc, i)).count();
        let pronoun = usize::from(cue.end < end && english().object_pronouns.contains(&&*doc.tokens[cue.end].key));
        // "told the court in his filing", "told a cheering crowd": a determiner and a noun or two.
        let led = cue.end < end && english().determiners.contains(&&*doc.tokens[cue.end].key);
        let nouns = (cue.end + 1..end.min(cue.end + 3))
            .take_while(|&i| {
                doc.tokens[i].kind == TokenKind::Word && !english().stop_words.contains(&&*doc.tokens[i].key)
            })
            .count();
        let described = if led && nouns > 0 { 1 + nouns } else { 0 };
        named.max(pronoun).max(described)
    } else {
        0
    };
    let at = after_time_phrase(doc, cue.end + listener, end);
    let opens = at < end && english().circumstance_openers.contains(&&*doc.tokens[at].key);
    if !opens {
        return if at > cue.end && (at == end || surface(doc, at) == "," || trim_punct(doc, at..end).is_empty()) {
            at
        } else {
            cue.end
        };
    }
    let stop = (at..end.min(at + 10)).find(|&i| surface(doc, i) == "," || trim_punct(doc, i..end).is_empty());
    match stop {
        Some(stop) if !has_finite_verb(doc, at..stop) && !(at..stop).any(|i| doc.tokens[i].key == "that") => stop,
        _ => cue.end,
    }
}

/// Tokens of a listener right after "told" when a clause follows it: an object pronoun or an
/// audience noun ("told him it was over", "told reporters the deal was close"); 0 otherwise.
pub(super) fn told_recipient(doc: &Document, from: usize, end: usize) -> usize {
    let told = from > 0 && english().tell_forms.contains(&&*doc.tokens[from - 1].key);
    let clause_next = doc.tokens.get(from + 1).is_some_and(|t| {
        t.kind == TokenKind::Word && (english().determiners.contains(&&*t.key) || english().pronouns.contains(&&*t.key))
    });
    usize::from(told && from + 1 < end && english().listeners.contains(&&*doc.tokens[from].key) && clause_next)
}
