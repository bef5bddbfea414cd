//! Quotes and reported words that follow a lead-in or a colon as a block of their own.

use super::direct::cue_in_lead_in_paragraph;
use super::indirect::reported;
use super::lead::{LEAD_IN_MAX_WORDS, colon_lead, opens_with_quote_mark};
use super::rules::Rule;
use super::types::{Attribution, CueHit};
use crate::quotes::tokens::{surface, token_span, trim_punct, words_in};
use crate::text::Document;
use std::ops::Range;

/// `Limbaugh added:` as a short paragraph of its own, and the next paragraph without quotation
/// marks: a block the writer sets off as the speaker's words (a transcript, a letter, another
/// outlet's report). Reported, not direct: no mark says the words are the speaker's own, so the
/// text layer counts them as the outlet's voice.
pub(super) fn block_after_lead_in(
    doc: &Document,
    paragraph: usize,
    hits: &[CueHit],
    found: &[Attribution],
) -> Option<Attribution> {
    let first = doc.paragraphs[paragraph].tokens.start;
    let content = block_after_colon(doc, first.checked_sub(1)?)?;
    let (cue, source, entry) = cue_in_lead_in_paragraph(doc, paragraph, first, hits)?;
    let span = token_span(doc, content.clone());
    if source.is_none() || found.iter().any(|a| a.content.overlaps(span)) {
        return None;
    }
    let sentence = doc.sentences.partition_point(|s| s.tokens.end <= cue.start);
    Some(reported(doc, content, cue, Some(entry), source, sentence, Rule::BlockAfterLeadIn))
}

/// The paragraph after `colon` when the colon closes a short paragraph and the next one opens
/// without a quotation mark (see [`block_after_lead_in`]).
pub(super) fn block_after_colon(doc: &Document, colon: usize) -> Option<Range<usize>> {
    let paragraph = doc.sentence_of(colon)?.paragraph;
    let lead_in = doc.paragraphs[paragraph].tokens.clone();
    let next = paragraph + 1;
    let tokens = doc.paragraphs.get(next)?.tokens.clone();
    let closes = surface(doc, colon) == ":" && lead_in.end == colon + 1;
    (closes && words_in(doc, lead_in) <= LEAD_IN_MAX_WORDS && !tokens.is_empty() && !opens_with_quote_mark(doc, next))
        .then(|| trim_punct(doc, tokens))
}

/// The words after a colon lead-in (`Poll: Mayor loses ground with younger voters`), when no
/// attribution already took them.
pub(super) fn colon_indirect(doc: &Document, paragraph: usize, found: &[Attribution]) -> Option<Attribution> {
    let (speaker, colon) = colon_lead(doc, paragraph)?;
    let content = trim_punct(doc, colon + 1..doc.paragraphs[paragraph].tokens.end);
    if content.is_empty() {
        return None;
    }
    // Quoted words count too: `Issa: Clinton’s ‘Honesty Is In Question’` (single marks inside a
    // headline quote nobody else), `"WALLACE: Let's start …` (a transcript quoted turn by turn).
    let span = token_span(doc, content.clone());
    // An attribution nested inside the turn ("PENCE: Well, Clinton apparently thinks …") leaves
    // the turn the label's; one that starts with it or before it already took the words.
    if found.iter().any(|a| a.content.start <= span.start && span.start < a.content.end) {
        return None;
    }
    let sentence = doc.sentences.partition_point(|s| s.tokens.end <= content.start);
    Some(reported(doc, content, colon..colon + 1, None, Some(speaker), sentence, Rule::ColonWords))
}
