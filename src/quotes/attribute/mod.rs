//! Attributions: who is credited with which words, found from quotation marks and reporting cues.
//!
//! Owns the patterns news uses: a quote followed by its cue (`“…,” X said.`, `“…,” said X`),
//! a cue before the quote (`X said: “…”`, `X told CNN: “…”`), fragments lifted into the
//! writer's sentence (`called it a “political assassination”`), quotes that continue an earlier
//! speaker (`“…,” he added. “…”`), and indirect speech (`X said (that) …`, `…, X said.`,
//! `according to X, …`). Speakers are noun phrases next to the cue; pronouns are resolved to the
//! last compatible named speaker. Canonical names and groups are `speaker`'s job.

mod blocks;
mod content;
mod cues;
mod direct;
mod indirect;
mod lead;
mod model;
mod phrase;
mod resolve;
mod rules;
mod subject;
mod types;

pub use cues::CueIndex;
pub use rules::{RULES, Rule, RuleInfo, RuleKind};
pub use types::{Attribution, Extent, FoundBy, Kind};

use crate::quotes::marks::QuoteMark;
use crate::quotes::marks::QuoteSpan;
use crate::quotes::tokens::{token_span, tokens_in};
use crate::quotes::voice::VoiceMap;
use crate::text::Document;
use crate::text::{Span, SpanReach};
use blocks::{block_after_lead_in, colon_indirect};
use cues::cue_hits;
use direct::direct;
use indirect::{indirect, poll_attribution};
use lead::colon_lead;
use model::learned_attributions;
use resolve::resolve_pronouns;
use types::CueHit;

/// Find every attribution in `doc`.
pub fn find_attributions(doc: &Document, quotes: &[QuoteSpan], cues: &CueIndex) -> Vec<Attribution> {
    let voices = VoiceMap::new(quotes);
    let hits = cue_hits(doc, cues, &voices);
    let mut found = Vec::new();
    let mut used_cues: std::collections::BTreeSet<usize> = std::collections::BTreeSet::new();
    // Single marks quote only in a headline's `Name: ‘…’` (elsewhere they are quotes inside
    // quotes, or titles).
    let after_colon_lead = |q: &QuoteSpan| {
        let open = tokens_in(doc, Span::new(q.span.start, q.inner.start)).start;
        let paragraph = doc.sentence_of(open).map(|s| s.paragraph);
        paragraph.and_then(|p| colon_lead(doc, p)).is_some_and(|(_, colon)| colon + 1 == open)
    };
    for quote in quotes.iter().filter(|q| q.mark == QuoteMark::Double || after_colon_lead(q)) {
        if let Some(a) = direct(doc, quote, &hits, &found) {
            if let Some(cue) = a.cue {
                used_cues.insert(cue.start);
            }
            found.push(a);
        }
    }
    for CueHit { tokens, entry: cue } in &hits {
        let span = token_span(doc, tokens.clone());
        if used_cues.contains(&span.start) || cues.quotes_only[*cue] {
            continue;
        }
        if let Some(a) = indirect(doc, tokens.clone(), *cue, &voices, &hits) {
            found.push(a);
        }
    }
    for paragraph in 0..doc.paragraphs.len() {
        if let Some(a) = colon_indirect(doc, paragraph, &found) {
            found.push(a);
        }
        if let Some(a) = block_after_lead_in(doc, paragraph, &hits, &found) {
            found.push(a);
        }
    }
    for sentence in 0..doc.sentences.len() {
        if let Some(a) = poll_attribution(doc, sentence, &voices) {
            found.push(a);
        }
    }
    if let Some(model) = &cues.model {
        let learned = learned_attributions(doc, model, &found, &voices, &hits);
        found.extend(learned);
    }
    found.sort_by_key(|a| (a.content.start, a.content.end));
    drop_unattributed_inside_others(&mut found);
    resolve_pronouns(doc, &mut found, &voices, &cues.names);
    found
}

/// `“You squeezed employees” to drive up the stock price, she said`: a quotation with neither
/// cue nor speaker that lies inside another attribution's words is part of that one.
pub(super) fn drop_unattributed_inside_others(found: &mut Vec<Attribution>) {
    let attributed = |a: &Attribution| a.cue.is_some() || a.source.is_some();
    let spans = SpanReach::new(found.iter().filter(|o| attributed(o)).map(|o| o.content).collect());
    // One starting before it that reaches its end, or one starting with it that goes further.
    let enclosed = |a: &Span| {
        spans.before(a.start).is_some_and(|end| end >= a.end) || spans.by(a.start).is_some_and(|end| end > a.end)
    };
    let drop: Vec<bool> = found.iter().map(|a| !attributed(a) && enclosed(&a.content)).collect();
    let mut drop = drop.into_iter();
    found.retain(|_| !drop.next().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quote_spans;
    use crate::quotes::learned::CueModel;
    use crate::text::TextOptions;

    /// (cue, content, speaker) of every attribution in `text`, with no listed cues and `model`.
    fn learned_only(text: &str, model: &str) -> Vec<(String, String, String)> {
        let doc = Document::parse(text, TextOptions::KEEP_ALL);
        let quotes = find_quote_spans(text, &doc.paragraph_spans());
        let cues = CueIndex::new(&[]).with_model(CueModel::parse(model).unwrap());
        let slice = |s: Option<Span>| s.map_or(String::new(), |s| s.slice(text).to_string());
        find_attributions(&doc, &quotes, &cues)
            .into_iter()
            .map(|a| (slice(a.cue), a.content.slice(text).to_string(), slice(a.source)))
            .collect()
    }

    #[test]
    fn a_learned_cue_closing_a_short_paragraph_reports_the_next_one() {
        let model = "w=opined\t5\nbias\t-1\n";
        let text = "Okafor opined:\n\nThe parade route is too long for the police to cover.\n";
        let expected = (
            "opined".to_string(),
            "The parade route is too long for the police to cover".to_string(),
            "Okafor".to_string(),
        );
        assert_eq!(learned_only(text, model), [expected]);
        // A long paragraph ending in a colon leads in a list, not someone's words: the cue
        // reports the words after it in its own sentence.
        let long = "Okafor opined on the film, the casting, the score, the lighting, the length, the poster and \
                    the reviews in three columns last week:\n\nThe parade route is too long for the police to cover.\n";
        let content = "on the film, the casting, the score, the lighting, the length, the poster and the reviews in \
                       three columns last week";
        assert_eq!(learned_only(long, model), [("opined".to_string(), content.to_string(), "Okafor".to_string())]);
    }

    #[test]
    fn an_article_or_an_existential_there_before_a_learned_cue_is_no_speaker() {
        let model = "w=suggestion\t5\nw=comment\t5\nbias\t-1\n";
        let text = "The general came to pass on the suggestion for normalising relations with Riyadh. There was no \
                    immediate comment on the move from the Pentagon.";
        let speakers: Vec<String> = learned_only(text, model).into_iter().map(|(_, _, speaker)| speaker).collect();
        assert_eq!(speakers, ["", ""]);
    }
}
