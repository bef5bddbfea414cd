//! Reported speech: `X said (that) …`, `…, X said.`, `…, said X`, `according to X`,
//! `as X noted`, opening participles, questions put with "asked", and polls cited with "in".

use super::content::{
    MIN_CONTENT_WORDS, cut_at_semicolon, cut_before_contrast, cut_before_next_cue, cut_before_relative,
    object_or_clause, opens_clause, reporting_clause_end, words_go_on,
};
use super::cues::hits_from;
use super::phrase::{is_speaker_phrase, only_conjunctions, speaker_after};
use super::rules::Rule;
use super::subject::{after_dateline, sentence_subject, speaker_before};
use super::types::{Attribution, CueHit, FoundBy, Kind};
use crate::quotes::tokens::{
    abbreviation_dot, has_finite_verb, is_capitalized, surface, token_span, trim_punct, words_in,
};
use crate::quotes::voice::Voice;
use crate::quotes::voice::VoiceMap;
use crate::text::Document;
use crate::text::english;
use std::ops::Range;

/// `46 percent of voters said yes`: an answer of one word is the whole of what was said.
pub(super) fn yes_or_no(doc: &Document, content: &Range<usize>) -> bool {
    content.len() == 1 && matches!(&*doc.tokens[content.start].key, "yes" | "no")
}

/// `Jeb Bush endorsed Cruz Wednesday`: the name endorsed, without the day, is the content
/// however short; `None` for any other cue or object.
pub(super) fn endorsed_name(doc: &Document, cue: &Range<usize>, content: &Range<usize>) -> Option<Range<usize>> {
    let endorses = english().endorse_forms.contains(&&*doc.tokens[cue.start].key);
    if !endorses || content.start < cue.end || content.is_empty() || !is_capitalized(doc, content.start) {
        return None;
    }
    let end = (content.start..content.end)
        .find(|&i| {
            !is_capitalized(doc, i) && !abbreviation_dot(doc, i) || english().time_words.contains(&&*doc.tokens[i].key)
        })
        .unwrap_or(content.end);
    let name = content.start..end;
    (words_in(doc, name.clone()) < MIN_CONTENT_WORDS).then_some(name)
}

/// `Neither contest appears to have a real race`, `the shift seemed so stark`: "seem" and
/// "appear" report an impression, not anyone's words; the subject and what follows the cue are
/// the content, with no source (PolNeAR marks them so). `None` for any other cue.
pub(super) fn evidential(
    doc: &Document,
    cue: &Range<usize>,
    start: usize,
    end: usize,
    hits: &[CueHit],
) -> Option<Range<usize>> {
    if cue.len() != 1 || !english().evidential_verbs.contains(&&*doc.tokens[cue.start].key) {
        return None;
    }
    let subject = speaker_before(doc, start, cue.start)?;
    let rest = object_or_clause(doc, cue.end, end, hits)?;
    Some(trim_punct(doc, subject.start..rest.end))
}

/// `declined to comment`, `refused to say`: a refusal to speak is reported speech however short.
pub(super) fn declined_to(doc: &Document, cue: &Range<usize>, content: &Range<usize>) -> bool {
    let refusal = english().refusal_verbs.contains(&&*doc.tokens[cue.start].key);
    refusal && content.len() == 2 && doc.tokens[content.start].key == "to"
}

/// Indirect speech around a cue outside quotation marks.
pub(super) fn indirect(
    doc: &Document,
    cue: Range<usize>,
    entry: usize,
    voices: &VoiceMap,
    hits: &[CueHit],
) -> Option<Attribution> {
    let sentence_index = doc.sentences.partition_point(|s| s.tokens.end <= cue.start);
    let sentence = doc.sentences.get(sentence_index)?;
    let (start, end) = (sentence.tokens.start, sentence.tokens.end);
    let report = |content, source, rule| reported(doc, content, cue.clone(), Some(entry), source, sentence_index, rule);
    if let Some((source, content)) = asked_question(doc, cue.clone(), start..end, hits) {
        return Some(report(content, source, Rule::AskedQuestion));
    }
    if let Some(content) = evidential(doc, &cue, start, end, hits) {
        return Some(report(content, None, Rule::Evidential));
    }
    let (source, content, rule) = speaker_and_content(doc, &cue, start..end, hits)?;
    let mut steps = Vec::new();
    let content = cut_content(doc, content, &cue, hits, &mut steps);
    let endorsed = endorsed_name(doc, &cue, &content);
    let short_is_whole = declined_to(doc, &cue, &content) || yes_or_no(doc, &content) || endorsed.is_some();
    if endorsed.is_some() {
        steps.push(Rule::EndorsedName);
    }
    let content = endorsed.unwrap_or(content);
    if words_in(doc, content.clone()) < MIN_CONTENT_WORDS && !short_is_whole {
        return None;
    }
    let quoted = content.clone().filter(|&i| voices.voice_of(doc.tokens[i].span) == Voice::Quoted).count();
    if quoted * 2 > content.len() {
        return None; // mostly a quotation: the direct pattern owns it
    }
    // "The offer was rejected by the board": the subject is spoken about; the agent, if any, speaks.
    let (content, source) = if is_passive(doc, &cue) {
        steps.push(Rule::PassiveAgent);
        passive(doc, &cue, sentence.tokens.end, content, source)?
    } else {
        (content, Some(source))
    };
    let mut attribution = report(content, source, rule);
    attribution.steps = steps;
    Some(attribution)
}

/// The speaker and the reported words of a cue, and the rule that found them.
fn speaker_and_content(
    doc: &Document,
    cue: &Range<usize>,
    sentence: Range<usize>,
    hits: &[CueHit],
) -> Option<(Range<usize>, Range<usize>, Rule)> {
    let (start, end) = (sentence.start, sentence.end);
    let tag = |rule: Rule| move |(source, content)| (source, content, rule);
    if cites_source_after(doc, cue) {
        return according_to(doc, cue.clone(), start, end).map(tag(Rule::AccordingTo));
    }
    if let Some(found) = as_noted(doc, cue, start, end).map(tag(Rule::AsNoted)) {
        return Some(found);
    }
    if let Some(found) = opening_participle(doc, cue, start, end).map(tag(Rule::OpeningParticiple)) {
        return Some(found);
    }
    if let Some(source) = speaker_before(doc, start, cue.start) {
        let (content, rule) = around_speaker_before(doc, cue, &source, sentence, hits)?;
        return Some((source, content, rule));
    }
    // "The troops will leave, said a spokesman": the cue right after the comma (an adverb
    // may stand between), not a verb deep inside a later clause ("…, Ryland said the
    // shootings demand that all Americans …").
    let comma = (start..cue.start).rev().find(|&i| surface(doc, i) == ",")?;
    if cue.start - comma > 2 || !inverts_with_speaker(doc, cue) {
        return None;
    }
    let source = speaker_after(doc, cue.end, end)?;
    Some((source, start..comma, Rule::ReportedInverted))
}

/// The reported words of a cue whose speaker stands before it: the words before a trailing
/// reporting clause (`…, X said.`), the whole sentence around an inserted one, or the object or
/// clause after the cue (`X said (that) …`).
fn around_speaker_before(
    doc: &Document,
    cue: &Range<usize>,
    source: &Range<usize>,
    Range { start, end }: Range<usize>,
    hits: &[CueHit],
) -> Option<(Range<usize>, Rule)> {
    let rest = words_in(doc, cue.end..end);
    // "A, the AP noted, adding …": a comma after the cue ends the reporting clause too.
    // "The difference now, he told me on Friday, is that …": the listener and a circumstance
    // belong to the reporting clause, and the comma after them ends it.
    let clause_end = reporting_clause_end(doc, cue, end);
    let comma_after = clause_end < end && surface(doc, clause_end) == ",";
    // "Later in the week, the ministry said it would comply": a clause after the cue is the content.
    let clause_follows = doc.tokens.get(cue.end).is_some_and(|t| opens_clause(&t.key));
    let circumstance = only_circumstance_after(doc, cue, clause_end, end);
    // "As reported by the Courier, a ranger found …": a cited source before the comma leads in.
    let cited_before = hits_from(hits, start)
        .iter()
        .take_while(|CueHit { tokens: r, .. }| r.start < source.start)
        .any(|CueHit { tokens: r, .. }| cites_source_after(doc, r));
    let answer = cue.end + 1 < end && yes_or_no(doc, &(cue.end..cue.end + 1));
    // "In one city, the protesters denounced the US": an opening phrase is no reported clause.
    let before = start..source.start.saturating_sub(1);
    let first = &*doc.tokens[start].key;
    let opener_before = english().stop_words.contains(&first)
        && !english().coordinators.contains(&first)
        && !before.clone().any(|i| surface(doc, i) == ",")
        && !has_finite_verb(doc, before);
    let trailing = source.start > start
        && !cited_before
        && !answer
        && (!opener_before || comma_after)
        && surface(doc, source.start - 1) == ","
        && (rest <= 4 && !clause_follows && !has_finite_verb(doc, cue.end..end) || comma_after || circumstance);
    // "Over the years, she said, letters have helped …": a reporting clause set inside the
    // sentence; the reported words are the whole sentence around it.
    let inserted = trailing && comma_after && words_go_on(doc, clause_end + 1, end, hits);
    if inserted {
        Some((start..end, Rule::ReportedInserted))
    } else if trailing {
        Some((without_role_appositive(doc, start..source.start - 1), Rule::ReportedTrailing))
    } else {
        object_or_clause(doc, cue.end, end, hits).map(|content| (content, Rule::ReportedObject))
    }
}

/// Only circumstances follow the cue: "…, she said in a recorded message to the delegates.",
/// "…, Qameni was quoted as saying by the daily Baghdad Today." (the agent is a circumstance),
/// "…, Graham told The Huffington Post on Thursday." (a listener, then a circumstance). ("…, who
/// called on parliament to …" is a cue of its own kind: only plain reporting verbs.)
fn only_circumstance_after(doc: &Document, cue: &Range<usize>, clause_end: usize, end: usize) -> bool {
    let quoted_as = cue.len() > 2 && doc.tokens[cue.end - 1].key == "saying" && doc.tokens[cue.end - 3].key == "quoted";
    let told_circumstance = clause_end > cue.end && trim_punct(doc, clause_end..end).is_empty();
    told_circumstance
        || (english().clause_final_cues.contains(&&*doc.tokens[cue.start].key) || quoted_as)
            && doc
                .tokens
                .get(cue.end)
                .is_some_and(|t| english().circumstance_openers.contains(&&*t.key) || quoted_as && t.key == "by")
            && !(cue.end..end).any(|i| doc.tokens[i].key == "that")
}

/// Reported words cut at a later cue, a semicolon, a relative clause and a contrast; each cut
/// that changes them is recorded in `steps`.
fn cut_content(
    doc: &Document,
    content: Range<usize>,
    cue: &Range<usize>,
    hits: &[CueHit],
    steps: &mut Vec<Rule>,
) -> Range<usize> {
    let mut cut = |rule: Rule, before: Range<usize>, after: Range<usize>| {
        if after != before {
            steps.push(rule);
        }
        after
    };
    let content = cut(Rule::CutAtNextCue, content.clone(), cut_before_next_cue(doc, content, cue, hits));
    let content = cut(Rule::CutAtSemicolon, content.clone(), cut_at_semicolon(doc, content, cue));
    let content = cut(Rule::CutBeforeRelative, content.clone(), cut_before_relative(doc, content));
    let content = cut(Rule::CutBeforeContrast, content.clone(), cut_before_contrast(doc, content));
    trim_punct(doc, content)
}

/// The reported words and speaker of a passive cue. Without an agent, only words after the cue
/// can be what was reported; with one, the agent speaks.
fn passive(
    doc: &Document,
    cue: &Range<usize>,
    sentence_end: usize,
    content: Range<usize>,
    source: Range<usize>,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    let agent = passive_agent(doc, cue.end, sentence_end);
    let content = match &agent {
        None if content.end <= cue.start => return None,
        // "was rejected by the council in March": only a circumstance after the agent, so the
        // subject is what was spoken about.
        Some(a)
            if content.start < a.start
                && a.start <= content.start + 1
                && english().circumstance_openers.contains(&&*doc.tokens[a.end.min(content.end - 1)].key)
                && !has_finite_verb(doc, a.end..content.end) =>
        {
            source
        }
        // "was criticized by the union as reckless": the agent is the speaker, not content.
        Some(a) if content.start < a.start && a.start <= content.start + 1 && a.end < content.end => a.end..content.end,
        // "The registration issue was first reported by The Washington Post": the subject is
        // what was reported when the agent is all that follows.
        Some(a) if content.start + 1 >= a.start && a.end >= content.end => source,
        _ => content,
    };
    Some((content, agent))
}

/// Whether a cue after a comma can have its speaker after it (`…, said a spokesman`): not a
/// participle whose subject is the sentence's (`…, having blamed the commander for …`,
/// `…, blaming the commander`), where the phrase after the cue is its object.
pub(super) fn inverts_with_speaker(doc: &Document, cue: &Range<usize>) -> bool {
    let word = &*doc.tokens[cue.start].key;
    let after_having = cue.start > 0 && doc.tokens[cue.start - 1].key == "having";
    !(after_having || word.ends_with("ing"))
}

/// The "by" agent right after a passive cue ("was rejected by the board").
pub(super) fn passive_agent(doc: &Document, from: usize, end: usize) -> Option<Range<usize>> {
    let agent = (from < end && doc.tokens[from].key == "by").then(|| speaker_after(doc, from + 1, end)).flatten()?;
    // A lone article ("by the so-called …") names nobody.
    (agent.len() > 1 || !english().determiners.contains(&&*doc.tokens[agent.start].key)).then_some(agent)
}

/// `the offer was rejected`, `he was told`: a form of "be" before a past participle cue makes
/// the subject the one spoken about, not the speaker.
pub(super) fn is_passive(doc: &Document, cue: &Range<usize>) -> bool {
    let word = &*doc.tokens[cue.start].key;
    let participle = word.ends_with("ed") || english().irregular_participles.contains(&word);
    // "was first reported by": an adverb may come between.
    let adverb = cue.start > 1 && english().passive_adverbs.contains(&&*doc.tokens[cue.start - 1].key);
    let before = if adverb { cue.start - 1 } else { cue.start };
    let be = before > 0 && english().be_forms.contains(&&*doc.tokens[before - 1].key);
    cue.len() == 1 && participle && be
}

/// Content before `, ROLE, NAME said` without the role: the last comma-separated part is cut
/// when it opens with a role word (after an article) and has no verb of its own.
pub(super) fn without_role_appositive(doc: &Document, content: Range<usize>) -> Range<usize> {
    let Some(comma) = content.clone().rev().find(|&i| surface(doc, i) == ",") else { return content };
    let mut first = comma + 1;
    if first < content.end && english().articles.contains(&&*doc.tokens[first].key) {
        first += 1;
    }
    let role = first < content.end
        && english().role_heads.contains(&&*doc.tokens[first].key)
        && content.end - comma <= 12
        && !has_finite_verb(doc, comma + 1..content.end);
    if role && comma > content.start { content.start..comma } else { content }
}

/// A reported-speech attribution (no quotation of its own) from token ranges.
pub(super) fn reported(
    doc: &Document,
    content: Range<usize>,
    cue: Range<usize>,
    cue_entry: Option<usize>,
    source: Option<Range<usize>>,
    sentence: usize,
    rule: Rule,
) -> Attribution {
    Attribution {
        kind: Kind::Indirect,
        extent: None,
        content: token_span(doc, content),
        cue: Some(token_span(doc, cue)),
        cue_entry,
        source: source.map(|s| token_span(doc, s)),
        resolved: None,
        clause: None,
        sentence,
        paragraph: doc.sentences[sentence].paragraph,
        found_by: FoundBy::Rules,
        rule,
        steps: Vec::new(),
    }
}

/// After a reporting clause's closing comma, the sentence goes on with the reported words: a
/// word that opens no relative clause and no cue of its own, and at least three words to the end.
/// `Asked whether he would run, Lee said …`, `said when asked how …`: a passive "asked"
/// reports the question put to the sentence's speaker, from after the cue (and its "by" agent,
/// the source when given) to the comma before the main clause.
pub(super) fn asked_question(
    doc: &Document,
    cue: Range<usize>,
    sentence: Range<usize>,
    hits: &[CueHit],
) -> Option<(Option<Range<usize>>, Range<usize>)> {
    if doc.tokens[cue.start].key != "asked" || cue.end >= sentence.end {
        return None;
    }
    let opens = after_dateline(doc, sentence.start, cue.start) == cue.start;
    let after_when =
        cue.start > sentence.start && english().question_subordinators.contains(&&*doc.tokens[cue.start - 1].key);
    if !(opens || after_when) {
        return None;
    }
    // The main clause's cue is the first later one with a comma before it ("to describe the
    // device" inside the question has none).
    let comma = |from: usize| {
        let later = hits_from(hits, from).iter().take_while(|CueHit { tokens: r, .. }| r.start < sentence.end);
        later
            .filter_map(|CueHit { tokens: r, .. }| (from..r.start).rev().find(|&i| surface(doc, i) == ","))
            .next()
            .or_else(|| (from..sentence.end).find(|&i| surface(doc, i) == ","))
    };
    let (source, from) = if doc.tokens[cue.end].key == "by" {
        let agent = speaker_after(doc, cue.end + 1, sentence.end)?;
        let agent = cue.end + 1
            ..(agent.start..agent.end)
                .find(|&i| english().question_words.contains(&&*doc.tokens[i].key))
                .unwrap_or(agent.end);
        (Some(agent.clone()), agent.end)
    } else {
        (None, cue.end)
    };
    let end = comma(from).unwrap_or(sentence.end);
    // "Asked shortly before the vote whether …": the question starts at its question word.
    let from = (from..end.min(from + 8))
        .find(|&i| english().question_words.contains(&&*doc.tokens[i].key) && doc.tokens[i].key != "about")
        .unwrap_or(from);
    let content = trim_punct(doc, from..end);
    let words = words_in(doc, content.clone());
    (words >= MIN_CONTENT_WORDS).then_some((source, content))
}

/// `Trump leads by 20 points in the latest CNN/ORC poll`, `In the new poll, Clinton leads …`: a
/// poll cited with "in" is the source of the clause it frames. The cue is the "in".
pub(super) fn poll_attribution(doc: &Document, sentence: usize, voices: &VoiceMap) -> Option<Attribution> {
    let tokens = doc.sentences[sentence].tokens.clone();
    let noun = tokens.clone().find(|&i| english().poll_nouns.contains(&&*doc.tokens[i].key))?;
    let from = noun.saturating_sub(8).max(tokens.start);
    let cue = (from..noun).rev().find(|&i| doc.tokens[i].key == "in")?;
    let plain = (cue + 1..noun).all(|i| !matches!(surface(doc, i), "," | ";" | ":" | "\""));
    if !plain || voices.voice_of(doc.tokens[cue].span) != Voice::Own {
        return None;
    }
    let start = after_dateline(doc, tokens.start, cue);
    let content = if cue == start {
        // "In the new poll, Clinton leads …": the clause after the comma.
        let comma = (noun + 1..tokens.end.min(noun + 6)).find(|&i| surface(doc, i) == ",")?;
        comma + 1..tokens.end
    } else {
        let opener = (start..cue).rev().find(|&i| {
            matches!(surface(doc, i), "," | ";" | ":") || english().clause_openers.contains(&&*doc.tokens[i].key)
        });
        opener.map_or(start, |i| i + 1)..cue
    };
    let content = trim_punct(doc, content);
    if words_in(doc, content.clone()) < MIN_CONTENT_WORDS {
        return None;
    }
    Some(reported(doc, content, cue..cue + 1, None, Some(cue + 1..noun + 1), sentence, Rule::PollCitedIn))
}

/// `As the Times noted, CONTENT.`, `But as Clyburn said, CONTENT.`: a reporting clause led by
/// "as" and closed by a comma opens the sentence; what follows the comma is reported.
pub(super) fn as_noted(
    doc: &Document,
    cue: &Range<usize>,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    if cue.end >= end || surface(doc, cue.end) != "," {
        return None;
    }
    let source = speaker_before(doc, start, cue.start)?;
    let as_at = source.start.checked_sub(1).filter(|&i| i >= start && doc.tokens[i].key == "as")?;
    let content = trim_punct(doc, cue.end + 1..end);
    (only_conjunctions(doc, start..as_at) && words_in(doc, content.clone()) >= MIN_CONTENT_WORDS)
        .then_some((source, content))
}

/// `Noting he majored in philosophy, Allen said …`, `Having said he would resign, the minister
/// left`: a participle cue opening the sentence reports the words up to its comma, spoken by the
/// subject of the clause after it.
pub(super) fn opening_participle(
    doc: &Document,
    cue: &Range<usize>,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let having = cue.start > start && doc.tokens[cue.start - 1].key == "having";
    let lead = if having { cue.start - 1 } else { cue.start };
    if !only_conjunctions(doc, start..lead) || !(having || doc.tokens[cue.start].key.ends_with("ing")) {
        return None;
    }
    let comma = (cue.end..end).find(|&i| surface(doc, i) == ",")?;
    let subject = sentence_subject(doc, comma + 1, end)?;
    let words = if doc.tokens[cue.end].key == "that" { cue.end + 1 } else { cue.end };
    let content = trim_punct(doc, words..comma);
    let speaks = is_speaker_phrase(doc, subject.clone()) && doc.tokens[subject.start].key != "it";
    (speaks && words_in(doc, content.clone()) >= MIN_CONTENT_WORDS).then_some((subject, content))
}

/// `According to X, CONTENT.` or `CONTENT, according to X.`
pub(super) fn according_to(
    doc: &Document,
    cue: Range<usize>,
    start: usize,
    end: usize,
) -> Option<(Range<usize>, Range<usize>)> {
    let source = speaker_after(doc, cue.end, end).or_else(|| cited_source(doc, cue.end, end))?;
    // "It has not gone unnoticed: according to recent polls, …": a colon opens a clause.
    let start = (start..cue.start).rev().find(|&i| matches!(surface(doc, i), ":" | ";")).map_or(start, |c| c + 1);
    if cue.start == start || (cue.start > start && surface(doc, cue.start - 1) != ",") && cue.start < start + 3 {
        let comma = (source.end..end).find(|&i| surface(doc, i) == ",")?;
        return Some((source, comma + 1..end));
    }
    let comma = (start..cue.start).rev().find(|&i| surface(doc, i) == ",").unwrap_or(cue.start);
    // "Fundraising, according to the campaign, has surged": a source set inside the sentence
    // reports the whole sentence around it.
    let goes_on = source.end + 1 < end
        && surface(doc, source.end) == ","
        && words_in(doc, source.end + 1..end) >= MIN_CONTENT_WORDS;
    if goes_on {
        return Some((source, start..end));
    }
    // "Katrina Pierson, who has spoken for the Tea Party, according to Politico": the relative
    // clause just before the source is what it reports.
    let relative = (start + 1..comma)
        .rev()
        .find(|&i| matches!(&*doc.tokens[i].key, "who" | "which") && surface(doc, i - 1) == ",");
    let relative = relative.filter(|&r| (r..comma).all(|i| surface(doc, i) != ","));
    Some((source, relative.unwrap_or(start)..comma))
}

/// "according to X" and "as reported by X": cues whose source follows them.
pub(super) fn cites_source_after(doc: &Document, cue: &Range<usize>) -> bool {
    doc.tokens[cue.start].key == "according" || doc.tokens[cue.end - 1].key == "by"
}

/// "according to two local broadcasters", "according to recent data from a ratings firm": after
/// "according to" any phrase up to the next comma (at most 16 tokens) names the source.
pub(super) fn cited_source(doc: &Document, from: usize, end: usize) -> Option<Range<usize>> {
    let comma = (from..end).find(|&i| surface(doc, i) == ",").unwrap_or(end);
    // A quotation closed inside the phrase names it (`the “Schools First” budget`); one left
    // open is the content starting.
    let marks: Vec<usize> = (from..comma).filter(|&i| surface(doc, i) == "\"").collect();
    let stop = if marks.len().is_multiple_of(2) { comma } else { marks[marks.len() - 1] };
    let phrase = trim_punct(doc, from..stop);
    let words = words_in(doc, phrase.clone());
    (words > 0 && phrase.len() <= 16).then_some(phrase)
}
