//! Colon lead-ins: `Name: “…”` in headlines and transcripts, and the column names and kickers
//! that look like them.

use super::content::MIN_CONTENT_WORDS;
use crate::quotes::tokens::{is_capitalized, is_punct, surface, words_in};
use crate::text::Document;
use crate::text::TokenKind;
use crate::text::english;
use std::ops::Range;

/// Most words a paragraph may have to lead a block in with its colon.
pub(super) const LEAD_IN_MAX_WORDS: usize = 15;

/// `Hartley: The council should have fixed it`, `KATE BOULDUAN: Why not debate?`: a paragraph
/// (a headline, a transcript turn) opening with a short capitalised name and a colon. Returns the
/// name's tokens and the colon's token.
pub(super) fn colon_lead(doc: &Document, paragraph: usize) -> Option<(Range<usize>, usize)> {
    let tokens = doc.paragraphs[paragraph].tokens.clone();
    let colon = tokens.clone().take(8).find(|&i| surface(doc, i) == ":")?;
    // `"WALLACE: …`: a transcript quoted turn by turn has its label inside the quote.
    let quoted_turn = opens_with_quote_mark(doc, paragraph);
    let name = tokens.start + usize::from(quoted_turn)..colon;
    let words: Vec<usize> = name.clone().filter(|&i| !is_punct(doc, i)).collect();
    let words_after = words_in(doc, colon + 1..tokens.end);
    let plain = name.clone().all(|i| !is_punct(doc, i) || surface(doc, i) == ".");
    let named = words.iter().all(|&i| doc.tokens[i].kind == TokenKind::Word && is_capitalized(doc, i));
    let furniture = words.iter().any(|&i| english().not_speakers.contains(&&*doc.tokens[i].key));
    // "The Bubble: …" is a column's name, not a speaker's.
    let column = words.first().is_some_and(|&i| english().determiners.contains(&&*doc.tokens[i].key));
    (!words.is_empty()
        && words.len() <= 5
        && plain
        && named
        && !furniture
        && !column
        && (quoted_turn || !is_kicker(doc, &words, paragraph))
        && words_after >= MIN_CONTENT_WORDS)
        .then_some((name, colon))
}

/// Whether a paragraph opens with a quotation mark.
pub(super) fn opens_with_quote_mark(doc: &Document, paragraph: usize) -> bool {
    let first = doc.paragraphs[paragraph].tokens.start;
    first < doc.paragraphs[paragraph].tokens.end && surface(doc, first) == "\""
}

/// `DESPERATION: DNC files …`: one upper-case word before a colon is a headline kicker unless
/// it labels another paragraph too, as a speaker's turns do in a transcript (`TRUMP: …`), or
/// stands inside a quotation (tested by the caller).
pub(super) fn is_kicker(doc: &Document, words: &[usize], paragraph: usize) -> bool {
    let [word] = words else { return false };
    let text = surface(doc, *word);
    let upper = text.len() > 2 && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // "KATE BOULDUAN: …" earlier makes a later "BOULDUAN: …" a turn of the same transcript.
    let labels_another = doc.paragraphs.iter().enumerate().any(|(p, other)| {
        let colon = other.tokens.clone().take(6).find(|&i| surface(doc, i) == ":");
        p != paragraph
            && colon.is_some_and(|c| (other.tokens.start..c).any(|i| doc.tokens[i].key == doc.tokens[*word].key))
    });
    upper && !labels_another
}
