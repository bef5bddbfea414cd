//! Direct quotations: the cue and speaker of each quote (after it, before it, in the next
//! sentence or in the lead-in paragraph), fragments and the clause that carries them.

use super::content::{content_after, cut_before_next_cue, cut_before_relative, phrase_end};
use super::cues::hits_from;
use super::indirect::cites_source_after;
use super::lead::colon_lead;
use super::phrase::{ends_in_name, is_name, is_named, is_speaker_phrase, speaker_after};
use super::rules::Rule;
use super::subject::{
    sentence_subject, skip_adverbs_back, skip_parenthesis_back, speaker_before, strip_leading_conjunctions,
};
use super::types::{Attribution, CueFound, CueHit, Extent, FoundBy, Kind};
use crate::quotes::marks::QuoteSpan;
use crate::quotes::tokens::{
    is_capitalized, is_dash, is_punct, is_title, surface, token_span, tokens_in, trim_punct, words_in,
};
use crate::text::Document;
use crate::text::Span;
use crate::text::TokenKind;
use crate::text::english;
use std::ops::Range;

/// Where a quote sits in its sentence: what every direct rule reads.
pub(super) struct QuoteContext<'q> {
    /// The quote.
    quote: &'q QuoteSpan,
    /// The quoted tokens, marks excluded.
    inner: Range<usize>,
    /// Words inside the quote.
    words: usize,
    /// The sentence holding the quote's first token, and its tokens and paragraph.
    sentence_index: usize,
    sentence: Range<usize>,
    paragraph: usize,
    /// The sentence holding its last token, and where that sentence ends.
    end_sentence: usize,
    sentence_end: usize,
    /// The opening mark's first token (NYT's '' is two) and the token after the closing mark.
    open_mark: usize,
    close_mark: usize,
    /// `Gingrich said, “In many ways …”`: a cue and a comma lead into the quote as a colon does.
    comma_lead_in: bool,
    /// The quote opens its sentence (or follows a colon, or a cue and a comma).
    starts_sentence: bool,
}

impl<'q> QuoteContext<'q> {
    /// The context of `quote`, or `None` for an empty quote.
    fn new(doc: &Document, quote: &'q QuoteSpan, hits: &[CueHit]) -> Option<QuoteContext<'q>> {
        let inner = tokens_in(doc, quote.inner);
        if inner.is_empty() {
            return None;
        }
        let words = words_in(doc, inner.clone());
        let sentence_index = doc.sentences.partition_point(|s| s.tokens.end <= inner.start);
        let sentence = doc.sentences.get(sentence_index)?;
        let end_sentence = doc.sentences.partition_point(|s| s.tokens.end < inner.end).min(doc.sentences.len() - 1);
        let sentence_end = doc.sentences[end_sentence].tokens.end;
        let mark = tokens_in(doc, Span::new(quote.span.start, quote.inner.start));
        let open_mark = if mark.is_empty() { inner.start.saturating_sub(1) } else { mark.start };
        let close_mark = (inner.end..sentence_end)
            .find(|&i| !is_punct(doc, i) || surface(doc, i) == "\"")
            .map_or(inner.end, |i| if surface(doc, i) == "\"" { i + 1 } else { inner.end });
        let before_start = sentence.tokens.start;
        let comma_lead_in = open_mark > 1
            && surface(doc, open_mark - 1) == ","
            && hits_from(hits, before_start)
                .iter()
                .take_while(|CueHit { tokens: r, .. }| r.start < open_mark)
                .any(|CueHit { tokens: r, .. }| r.end == open_mark - 1)
            && is_capitalized(doc, inner.start);
        let starts_sentence =
            open_mark <= before_start || (open_mark > 0 && surface(doc, open_mark - 1) == ":") || comma_lead_in;
        Some(QuoteContext {
            quote,
            inner,
            words,
            sentence_index,
            sentence: sentence.tokens.clone(),
            paragraph: sentence.paragraph,
            end_sentence,
            sentence_end,
            open_mark,
            close_mark,
            comma_lead_in,
            starts_sentence,
        })
    }

    /// Where the writer's words after the quote start.
    fn after_quote(&self) -> usize {
        self.close_mark.max(self.inner.end)
    }

    /// The quote ends on punctuation, or a comma follows it (`“…,” said X`, `“…” , X said`):
    /// set off from the writer's words after it, as a quote with a cue after it is. Without it,
    /// a quote inside a sentence is part of a phrase (`Critics of the “reform” say …`).
    fn set_off_after(&self, doc: &Document) -> bool {
        let last = self.inner.end - 1;
        (is_punct(doc, last) && matches!(surface(doc, last), "," | "." | "!" | "?" | ";" | "…"))
            || (self.after_quote() < self.sentence_end && surface(doc, self.after_quote()) == ",")
    }
}

/// A direct attribution for one quote, or `None` for a title in quotation marks or an unattributable quote.
pub(super) fn direct(
    doc: &Document,
    quote: &QuoteSpan,
    hits: &[CueHit],
    earlier: &[Attribution],
) -> Option<Attribution> {
    let q = QuoteContext::new(doc, quote, hits)?;
    if !q.starts_sentence
        && (is_title(doc, q.inner.clone(), q.words) || is_label(doc, q.open_mark, q.inner.clone(), q.close_mark))
    {
        return None;
    }
    let found = find_cue(doc, &q, hits);
    let continuation =
        found.as_ref().is_some_and(|((cue, ..), _)| cue.end <= q.inner.start && continues(doc, &q, earlier, cue));
    if let Some(((cue, ..), _)) = &found
        && !continuation
        && cue_taken_before(doc, &q, earlier, cue)
    {
        return None;
    }
    let (cue, source, cue_entry, rule) = match found {
        Some(((cue, source, entry), rule)) => (Some(cue), source, Some(entry), Some(rule)),
        None => {
            let (source, rule) = speaker_without_cue(doc, &q).unzip();
            (None, source, None, rule)
        }
    };
    let extent = extent_of(doc, &q, continuation);
    let mut attribution = Attribution {
        kind: Kind::Direct,
        extent: Some(extent),
        content: q.quote.inner,
        cue: cue.clone().map(|c: Range<usize>| token_span(doc, c)),
        cue_entry,
        source: source.clone().map(|s: Range<usize>| token_span(doc, s)),
        resolved: None,
        clause: None,
        sentence: q.sentence_index,
        paragraph: q.paragraph,
        found_by: FoundBy::Rules,
        rule: rule.unwrap_or(Rule::QuoteContinuesSpeaker),
        steps: Vec::new(),
    };
    attach_clause(doc, &q, hits, &mut attribution, (cue.as_ref(), source.as_ref()), continuation);
    if continuation {
        attribution.steps.push(Rule::QuoteSplitSentence);
        if attribution.source.is_none() {
            let first_part = earlier.iter().rev().find(|a| a.cue.is_some() && a.cue == attribution.cue);
            attribution.resolved = first_part.and_then(Attribution::speaker_span);
        }
    }
    if attribution.cue.is_none() && attribution.source.is_none() {
        if extent == Extent::Fragment {
            return None;
        }
        continue_earlier_speaker(doc, &q, hits, earlier, &mut attribution)?;
    }
    Some(attribution)
}

/// The quote's cue with its speaker, and the rule that found it. A fragment belongs to its
/// sentence's verb before it; a full quote to the cue after it.
fn find_cue(doc: &Document, q: &QuoteContext, hits: &[CueHit]) -> Option<(CueFound, Rule)> {
    let tag = |rule: Rule| move |found: CueFound| (found, rule);
    let after = || cue_after(doc, q.after_quote(), q.sentence_end, hits).map(tag(Rule::QuoteCueAfter));
    let before = || cue_before(doc, q.sentence.start, q.open_mark, hits).map(tag(Rule::QuoteCueBefore));
    let next = || cue_in_next_sentence(doc, q.after_quote(), q.end_sentence, hits).map(tag(Rule::QuoteCueNextSentence));
    let lead = || cue_in_lead_in_paragraph(doc, q.paragraph, q.open_mark, hits).map(tag(Rule::QuoteLeadInParagraph));
    // A cue and comma leading in (`Varga said, “…,” adding, “…”`) name this quote's speaker.
    if q.comma_lead_in {
        before().or_else(after)
    } else if q.starts_sentence {
        after().or_else(next).or_else(before).or_else(lead)
    } else {
        before().or_else(|| after().filter(|_| q.set_off_after(doc)))
    }
}

/// `“Word is,” Trump said last month, “that Ford …”`: the first part ended on a comma and a
/// comma leads into this one, so the speaker's sentence goes on.
fn continues(doc: &Document, q: &QuoteContext, earlier: &[Attribution], cue: &Range<usize>) -> bool {
    let span = token_span(doc, cue.clone());
    q.open_mark > 0
        && surface(doc, q.open_mark - 1) == ","
        && earlier.iter().any(|a| a.cue == Some(span) && a.content.slice(doc.text).ends_with(','))
}

/// `“…,” said James Miller, author of “Those Guys”`: a cue already taken by an earlier quote
/// does not make a quote inside the writer's words after it an attribution of its own
/// (`“A,” he said, “B.”` keeps B: only the speaker stands between the cue and B).
fn cue_taken_before(doc: &Document, q: &QuoteContext, earlier: &[Attribution], cue: &Range<usize>) -> bool {
    let span = token_span(doc, cue.clone());
    cue.end <= q.inner.start
        && !q.starts_sentence
        && earlier.iter().any(|a| a.cue == Some(span) && a.content.end <= span.start)
        && (cue.end..q.open_mark).any(|i| {
            let key = &*doc.tokens[i].key;
            doc.tokens[i].kind == TokenKind::Word && !is_capitalized(doc, i) && !english().goes_on.contains(&key)
        })
}

/// A speaker for a quote without a cue: a colon lead-in, a lead-in sentence's subject, or a
/// dash and a name after the quote.
fn speaker_without_cue(doc: &Document, q: &QuoteContext) -> Option<(Range<usize>, Rule)> {
    let paragraph_end = doc.paragraphs[q.paragraph].tokens.end;
    let colon = colon_lead(doc, q.paragraph).filter(|(_, colon)| colon + 1 == q.open_mark);
    colon
        .map(|(speaker, _)| (speaker, Rule::QuoteColonLead))
        .or_else(|| lead_in_subject(doc, q.open_mark).map(|s| (s, Rule::QuoteLeadInSubject)))
        .or_else(|| dash_speaker(doc, q.after_quote(), paragraph_end).map(|s| (s, Rule::QuoteDashSpeaker)))
}

/// Full or fragment. A quote that is a sentence of its own (capital first, at least three words,
/// a full stop or question or exclamation mark at the end; not “New York values,”) is full even
/// when the writer's sentence leads into it ("Lee, who declared, “It is time to unite.”").
fn extent_of(doc: &Document, q: &QuoteContext, continuation: bool) -> Extent {
    let ends_sentence = matches!(surface(doc, q.inner.end - 1), "." | "?" | "!");
    let sentence_like = is_capitalized(doc, q.inner.start) && q.words >= 3 && ends_sentence;
    let full = (q.starts_sentence || sentence_like || continuation) && q.words >= 3 || q.words >= 8;
    if full { Extent::Full } else { Extent::Fragment }
}

/// The writer's clause that carries the quote, when it has one.
fn attach_clause(
    doc: &Document,
    q: &QuoteContext,
    hits: &[CueHit],
    attribution: &mut Attribution,
    (cue, source): (Option<&Range<usize>>, Option<&Range<usize>>),
    continuation: bool,
) {
    // A fragment, or a quote led into by the writer's words after a cue ("said in a statement
    // that Trump “has a long history …”"), is part of the writer's clause.
    // So is a quote opening lower-case inside the writer's sentence before its cue ("a top
    // priority “is raising taxes at the top,” Kamin said").
    let mixed = !q.starts_sentence
        && !continuation
        && cue.is_some_and(|c| c.end <= q.inner.start || !is_capitalized(doc, q.inner.start));
    if (attribution.extent == Some(Extent::Fragment) || mixed)
        && let Some(cue_tokens) = cue
    {
        attribution.clause =
            fragment_clause(doc, cue_tokens.clone(), q.sentence.clone(), (q.open_mark, &q.inner), hits);
        if attribution.clause.is_some() {
            attribution.steps.push(Rule::FragmentClause);
        }
    }
    // `“…” that the border is secure, he said`: the writer's words between the quote and its
    // reporting clause are reported too.
    if let (Some(c), Some(s)) = (cue, source)
        && c.start >= q.inner.end
        && s.start > q.close_mark
        && (q.close_mark..s.start).any(|i| doc.tokens[i].kind == TokenKind::Word)
        && let Some(comma) = (q.close_mark..s.start).rev().find(|&i| surface(doc, i) == ",")
    {
        let clause = trim_punct(doc, q.open_mark..comma);
        attribution.clause = (!clause.is_empty()).then(|| token_span(doc, clause));
        attribution.steps.push(Rule::QuoteClauseBeforeCue);
    }
}

/// A full quote with neither cue nor speaker: the last quoted speaker of this or the previous
/// paragraph, else the speaker reported in the sentence just before. `None` when there is none.
fn continue_earlier_speaker(
    doc: &Document,
    q: &QuoteContext,
    hits: &[CueHit],
    earlier: &[Attribution],
    attribution: &mut Attribution,
) -> Option<()> {
    let previous = earlier
        .iter()
        .rev()
        .find(|a| a.kind == Kind::Direct && a.speaker_span().is_some())
        .filter(|p| q.paragraph <= p.paragraph + 1);
    let (speaker, entry, rule) = match previous {
        Some(p) => (p.speaker_span()?, p.cue_entry, Rule::QuoteContinuesSpeaker),
        None => {
            let (speaker, entry) = speaker_reported_just_before(doc, q.sentence_index, hits)?;
            (speaker, entry, Rule::QuoteAfterReported)
        }
    };
    attribution.resolved = Some(speaker);
    attribution.cue_entry = entry;
    attribution.rule = rule;
    Some(())
}

/// `Clinton said she would fight on. “We are not done.”`: the speaker of the last cue in the
/// sentence just before (same or previous paragraph), for a quote with no cue of its own.
pub(super) fn speaker_reported_just_before(
    doc: &Document,
    sentence: usize,
    hits: &[CueHit],
) -> Option<(Span, Option<usize>)> {
    let before = doc.sentences.get(sentence.checked_sub(1)?)?;
    if before.paragraph + 1 < doc.sentences[sentence].paragraph {
        return None;
    }
    let in_sentence = &hits[..hits.partition_point(|CueHit { tokens: r, .. }| r.start < before.tokens.end)];
    let CueHit { tokens: cue, entry } = hits_from(in_sentence, before.tokens.start).last()?;
    let speaker = speaker_before(doc, before.tokens.start, cue.start)
        .or_else(|| speaker_after(doc, cue.end, before.tokens.end))
        .filter(|s| !english().pronouns.contains(&&*doc.tokens[s.start].key) || s.len() > 1)?;
    Some((token_span(doc, speaker), Some(*entry)))
}

/// The clause around a fragment: after a cue before it (to the sentence end), or before a cue
/// after it (from the sentence start).
pub(super) fn fragment_clause(
    doc: &Document,
    cue: Range<usize>,
    sentence: Range<usize>,
    (open_mark, inner): (usize, &Range<usize>),
    hits: &[CueHit],
) -> Option<Span> {
    let clause = if cue.end <= inner.start {
        // `a message reading “Thank you Georgia” after the polls closed`, `responds
        // enthusiastically: “Okay!”`: a quote right after its cue or a colon is the content by itself;
        // `According to Woodward, “The real estate world …”`: so is a sentence led in by a comma.
        let led_in = match surface(doc, open_mark.saturating_sub(1)) {
            ":" => true,
            "," => is_capitalized(doc, inner.start),
            _ => false,
        };
        // `she said, but “…”`: so is a quote the speaker's sentence goes on into.
        let goes_on = |i: usize| is_punct(doc, i) || english().goes_on.contains(&&*doc.tokens[i].key);
        if (cue.end..inner.start).all(|i| is_punct(doc, i)) || led_in || (cue.end..inner.start).all(goes_on) {
            return None;
        }
        // `Patel said that “we need more data” about how …`: the clause runs from the quote.
        let clause = content_after(doc, cue.end, sentence.end, hits).unwrap_or(open_mark..sentence.end);
        // `told an aide on a regular basis that “…”`: a "that" just before the quote opens the
        // reported clause however far the cue is.
        let clause = if open_mark > clause.start && doc.tokens[open_mark - 1].key == "that" {
            open_mark..clause.end
        } else {
            clause
        };
        // `said the system was “corrupt,” noting …`: a quote ending on a comma ends the clause.
        let comma_inside = inner.end > inner.start && surface(doc, inner.end - 1) == ",";
        let clause = if comma_inside { clause.start..(inner.end + 1).min(clause.end) } else { clause };
        // `he intends to “win over voters” everywhere he can, it would seem …`: and so does the
        // first comma after the quote, outside a list.
        let after_quote = (inner.end + 1).min(clause.end)..clause.end;
        let clause = phrase_end(doc, after_quote).map_or(clause.clone(), |comma| clause.start..comma);
        cut_before_relative(doc, cut_before_next_cue(doc, clause, &cue, hits))
    } else {
        let comma = (sentence.start..cue.start).rev().find(|&i| surface(doc, i) == ",").unwrap_or(cue.start);
        sentence.start..comma
    };
    let clause = trim_punct(doc, clause);
    // `to denounce both Iran and the US as “occupiers”.`: a clause holding the opening mark keeps
    // the closing one that trimming took.
    let closes_fragment = clause.contains(&open_mark) && clause.end == inner.end && inner.end < sentence.end;
    let clause = if closes_fragment { clause.start..inner.end + 1 } else { clause };
    (!clause.is_empty()).then(|| token_span(doc, clause))
}

/// `the “Medicare for all” document`, `a “pay to play” scheme`: a quotation of several plain
/// words between a determiner and the noun it modifies names a thing; nobody is quoted saying it.
pub(super) fn is_label(doc: &Document, open_mark: usize, inner: Range<usize>, close_mark: usize) -> bool {
    let after_determiner = open_mark > 0 && english().determiners.contains(&&*doc.tokens[open_mark - 1].key);
    // `the “textbook definition” of racism`, `the “senseless, tragic deaths”`: fragments.
    let before_noun = doc.tokens.get(close_mark).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !is_capitalized(doc, close_mark)
            && !english().stop_words.contains(&&*t.key)
            && !english().copula_and_of.contains(&&*t.key)
    });
    let plain_words = inner.clone().all(|i| doc.tokens[i].kind == TokenKind::Word || is_dash(doc, i));
    inner.len() >= 2 && after_determiner && before_noun && plain_words
}

/// `“…,” X said` or `“…,” said X`: a cue within a few tokens after the closing mark.
pub(super) fn cue_after(doc: &Document, from: usize, sentence_end: usize, hits: &[CueHit]) -> Option<CueFound> {
    let start = (from..sentence_end).find(|&i| !is_punct(doc, i) || surface(doc, i) == "\"")?;
    if surface(doc, start) == "\"" {
        return None; // another quote follows before any cue
    }
    // `“…,” Paul Renner, the president of the Ohio state nurses union, said`: a cue
    // word inside the speaker's appositive ("state") that finds no speaker does not end the search.
    hits_from(hits, start)
        .iter()
        .take_while(|CueHit { tokens: r, .. }| r.start <= start + 24 && r.start < sentence_end)
        .take(3)
        .find_map(|hit| speaker_for_cue_after(doc, start, sentence_end, hit))
}

/// The cue `hit` after a quote whose writer's words begin at `start`, with its speaker.
pub(super) fn speaker_for_cue_after(
    doc: &Document,
    start: usize,
    sentence_end: usize,
    CueHit { tokens: cue, entry }: &CueHit,
) -> Option<CueFound> {
    // `“…,” Sen. Marco Rubio (R-Fla.) said`: a parenthesis before the cue is part of the speaker.
    let between = start..skip_parenthesis_back(doc, start, cue.start);
    if between.clone().any(|i| is_punct(doc, i) && surface(doc, i) != ".") {
        // `“…,” Sadr, who leads the largest bloc, said`: the speaker is before the first comma.
        // `“…” between the US and Iraq, says Herbert`: the speaker follows the cue.
        let first_comma = between.clone().find(|&i| surface(doc, i) == ",")?;
        let comma_before_cue = surface(doc, skip_adverbs_back(doc, between.clone()).end - 1) == ",";
        let who = doc.tokens.get(first_comma + 1).is_some_and(|t| matches!(&*t.key, "who" | "which"));
        let according = cites_source_after(doc, cue);
        let source = start..first_comma;
        // `“…,” Ki Hong, 33, said`: a name, then an appositive set off by commas, then the cue;
        // the name may follow its role (`the economist Rosa Lindqvist, a former adviser, wrote`).
        let named = is_named(doc, source.clone()) || ends_in_name(doc, source.clone());
        if comma_before_cue && (who || named) && is_speaker_phrase(doc, source.clone()) {
            return Some((cue.clone(), Some(source), *entry));
        }
        // `“…,” another team mate, Peter Lindahl, recalled`: a role, then the name.
        let last_comma = skip_adverbs_back(doc, between.clone()).end - 1;
        if comma_before_cue && last_comma > first_comma + 1 && is_name(doc, first_comma + 1..last_comma) {
            return Some((cue.clone(), Some(start..last_comma), *entry));
        }
        // `“…” that the border is secure, he said`: the writer's words finish the quoted
        // sentence, and a short reporting clause ends it.
        let last_comma = between.clone().rev().find(|&i| surface(doc, i) == ",").unwrap_or(first_comma);
        let speaker = last_comma + 1..between.end;
        let clause_ends = words_in(doc, cue.end..sentence_end) <= 6;
        if !comma_before_cue
            && !according
            && clause_ends
            && speaker.len() <= 5
            && is_speaker_phrase(doc, speaker.clone())
        {
            return Some((cue.clone(), Some(speaker), *entry));
        }
        let after = speaker_after(doc, cue.end, sentence_end)?;
        return (comma_before_cue && !according).then(|| (cue.clone(), Some(after), *entry));
    }
    if between.len() > 10 {
        return None;
    }
    let source = if between.is_empty() {
        // `defended “Ohio values,” saying the state …`: a participle never has its speaker
        // after it; it leads into the writer's next clause.
        if doc.tokens[cue.end - 1].key.ends_with("ing") {
            return None;
        }
        speaker_after(doc, cue.end, sentence_end)
    } else {
        let phrase = strip_leading_conjunctions(doc, skip_adverbs_back(doc, between));
        if !is_speaker_phrase(doc, phrase.clone()) {
            return None;
        }
        Some(phrase)
    };
    Some((cue.clone(), source.filter(|s| !s.is_empty()), *entry))
}

/// `“Is it over?” Sanders replied.`: a quote that ends its sentence, and a next sentence in the
/// same paragraph that opens with its speaker and cue (a recipient, time or place may follow).
pub(super) fn cue_in_next_sentence(doc: &Document, from: usize, sentence: usize, hits: &[CueHit]) -> Option<CueFound> {
    let this = &doc.sentences[sentence];
    if (from..this.tokens.end).any(|i| !is_punct(doc, i)) {
        return None;
    }
    let next = doc.sentences.get(sentence + 1).filter(|n| n.paragraph == this.paragraph && n.tokens.len() <= 24)?;
    let found = cue_after(doc, next.tokens.start, next.tokens.end, hits)?;
    let told_end = found.1.as_ref().map_or(found.0.end, |s| s.end.max(found.0.end));
    let reported_speech = (found.0.end..next.tokens.end).any(|i| doc.tokens[i].key == "that");
    // The cue opens the sentence with its speaker (`Trump told ITV in an interview on Monday.`).
    let opens = found.0.start <= next.tokens.start + 5;
    let tail = words_in(doc, told_end..next.tokens.end);
    (found.1.is_some() && !reported_speech && opens && tail <= 12).then_some(found)
}

/// `Stated Stone:` ending one paragraph, and the quote opening the next.
pub(super) fn cue_in_lead_in_paragraph(
    doc: &Document,
    paragraph: usize,
    open_mark: usize,
    hits: &[CueHit],
) -> Option<CueFound> {
    if open_mark != doc.paragraphs[paragraph].tokens.start {
        return None;
    }
    let colon = doc.paragraphs.get(paragraph.checked_sub(1)?)?.tokens.end.checked_sub(1)?;
    if surface(doc, colon) != ":" {
        return None;
    }
    let sentence_start = doc.sentence_of(colon)?.tokens.start;
    cue_before(doc, sentence_start, colon, hits)
}

/// `In a radio interview, Okafor went even further: “…”`, `Governor Ames released the following
/// statement:` ending the paragraph before the quote: a lead-in sentence without a cue that ends
/// on a colon right before the quote, whose subject is a name (after a dash, in headline lead-ins:
/// `TURNOUT IS UP - Elena R. Vasquez: “…”`).
pub(super) fn lead_in_subject(doc: &Document, open_mark: usize) -> Option<Range<usize>> {
    let colon = open_mark.checked_sub(1)?;
    if surface(doc, colon) != ":" {
        return None;
    }
    let sentence_start = doc.sentence_of(colon)?.tokens.start;
    let after_dash = (sentence_start..colon).rev().find(|&i| is_dash(doc, i));
    let mut start = after_dash.map_or(sentence_start, |dash| dash + 1);
    let mut subject = sentence_subject(doc, start, colon)?;
    // `Nearby, a teenage girl held a sign reading: “…”`: a word set off by a comma opens the
    // sentence; the subject follows it.
    if subject.end < colon && surface(doc, subject.end) == "," {
        start = subject.end + 1;
        subject = sentence_subject(doc, start, colon)?;
    }
    // `Transcript as follows:`, `Here they are:`: site furniture and pointers are no speakers.
    let furniture = subject.clone().any(|i| english().not_speakers.contains(&&*doc.tokens[i].key));
    (!furniture && (is_named(doc, subject.clone()) || ends_in_name(doc, subject.clone()))).then_some(subject)
}

/// `“…” — John Smith`: a dash after the quote, then the speaker, and no cue.
pub(super) fn dash_speaker(doc: &Document, from: usize, limit: usize) -> Option<Range<usize>> {
    let start = (from..limit).find(|&i| surface(doc, i) != "," && surface(doc, i) != "\"")?;
    if !is_dash(doc, start) {
        return None;
    }
    let dashes_end = (start..limit).find(|&i| !is_dash(doc, i))?;
    speaker_after(doc, dashes_end, limit).filter(|s| is_named(doc, s.clone()))
}

/// `X said: “…”`, `X told CNN “…”`, or a fragment inside a sentence whose verb is a cue.
pub(super) fn cue_before(doc: &Document, sentence_start: usize, open_mark: usize, hits: &[CueHit]) -> Option<CueFound> {
    let before_mark = &hits[..hits.partition_point(|CueHit { tokens: r, .. }| r.start < open_mark)];
    let mut candidates =
        hits_from(before_mark, sentence_start).iter().rev().filter(|CueHit { tokens: r, .. }| r.end <= open_mark);
    let CueHit { tokens: cue, entry } = candidates.next()?;
    let last = (cue.clone(), speaker_of_cue_before(doc, sentence_start, cue.clone(), open_mark), *entry);
    if last.1.is_some() {
        return Some(last);
    }
    // `He says if voters think the plan will be decided by “…”`, `Nor, he said, did he say
    // anything that could be “…”`: the nearest cue has no speaker, an earlier one in the sentence does.
    let earlier = candidates
        .map(|CueHit { tokens: cue, entry }| {
            (cue.clone(), speaker_of_cue_before(doc, sentence_start, cue.clone(), open_mark), *entry)
        })
        .find(|(_, source, _)| source.is_some());
    // `Lazar said he welcomed … and added, “…”`: a cue joined to the earlier one by "and" keeps
    // the quote, with the earlier cue's speaker; the earlier cue reports its own words.
    let joined = last.0.start > sentence_start && matches!(&*doc.tokens[last.0.start - 1].key, "and" | "but");
    match earlier {
        Some((_, source, _)) if joined => Some((last.0, source, last.2)),
        earlier => Some(earlier.unwrap_or(last)),
    }
}

/// The speaker of a cue before a quote: before the cue, or a name between the cue and the quote.
pub(super) fn speaker_of_cue_before(
    doc: &Document,
    sentence_start: usize,
    cue: Range<usize>,
    open_mark: usize,
) -> Option<Range<usize>> {
    // `said Ammar: “…”`: a speaker after the cue only when it runs up to the quote or a colon.
    // `said Ammar al-Shibli: “…”`, `According to Woodward, “…”`: a name after the cue, then the quote.
    let according = cites_source_after(doc, &cue);
    let lead_in = || {
        speaker_after(doc, cue.end, open_mark).filter(|s| {
            let next = if s.end < open_mark { surface(doc, s.end) } else { "\"" };
            let closes = s.end == open_mark || next == ":" || (according && next == ",");
            closes && (according || is_named(doc, s.clone()))
        })
    };
    speaker_before(doc, sentence_start, cue.start).or_else(lead_in)
}
