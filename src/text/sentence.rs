//! Sentence boundaries inside a paragraph, decided on tokens.
//!
//! Owns the abbreviation list. Unicode's default sentence rules split after "Gen." and "Jan.";
//! news text is full of both, so a period after a known abbreviation or a single capital (an
//! initial, "William H. Seely") does not end a sentence.

use crate::text::english;
use std::ops::Range;

use super::{Token, TokenKind};

/// Most tokens in one sentence. Real sentences are far shorter (a long news sentence has 60
/// words); a longer run (a list or a page with no full stops) is cut into pieces of at most this
/// size, preferably after a comma, semicolon or colon, so that nothing that reads a sentence
/// (attribution look-back, content spans, tone) costs more than linear time in the article.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Split the tokens of one paragraph (`range` into `tokens`) into sentences (token ranges).
pub fn split_sentences(tokens: &[Token], range: Range<usize>, text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    for sentence in natural_sentences(tokens, range, text) {
        let mut start = sentence.start;
        while sentence.end - start > MAX_SENTENCE_TOKENS {
            let limit = start + MAX_SENTENCE_TOKENS;
            let soft = (limit - MAX_SENTENCE_TOKENS / 4..limit)
                .rev()
                .find(|&i| tokens[i].kind == TokenKind::Punct && matches!(tokens[i].norm.slice(text), "," | ";" | ":"));
            let end = soft.map_or(limit, |i| i + 1);
            sentences.push(start..end);
            start = end;
        }
        sentences.push(start..sentence.end);
    }
    sentences
}

fn natural_sentences(tokens: &[Token], range: Range<usize>, text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = range.start;
    let mut i = range.start;
    while i < range.end {
        if ends_sentence(tokens, i, range.end, text) {
            let mut end = i + 1;
            while end < range.end && is_closer(&tokens[end], text) {
                end += 1;
            }
            if end < range.end && starts_sentence(&tokens[end], text) {
                sentences.push(start..end);
                start = end;
            }
            i = end;
        } else {
            i += 1;
        }
    }
    if start < range.end {
        sentences.push(start..range.end);
    }
    sentences
}

fn ends_sentence(tokens: &[Token], i: usize, _end: usize, text: &str) -> bool {
    let token = &tokens[i];
    if token.kind != TokenKind::Punct {
        return false;
    }
    match token.norm.slice(text) {
        "!" | "?" => true,
        "." => !follows_abbreviation(tokens, i, text),
        s => s.starts_with(".."),
    }
}

fn follows_abbreviation(tokens: &[Token], i: usize, text: &str) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else { return false };
    if prev.kind != TokenKind::Word || prev.norm.end != tokens[i].norm.start {
        return false;
    }
    let surface = prev.norm.slice(text);
    let initial = surface.chars().count() == 1 && surface.chars().all(char::is_uppercase);
    initial || english().abbreviations.contains(&&*prev.key)
}

/// Closing quotes and brackets that belong to the sentence they follow.
fn is_closer(token: &Token, text: &str) -> bool {
    token.kind == TokenKind::Punct && matches!(token.norm.slice(text), "\"" | "'" | ")" | "]")
}

fn starts_sentence(token: &Token, text: &str) -> bool {
    let first = token.norm.slice(text).chars().next().unwrap_or(' ');
    first.is_uppercase() || first.is_ascii_digit() || matches!(first, '"' | '\'' | '(' | '[' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Span, normalize, tokenize};

    fn sentences(text: &str) -> Vec<String> {
        let n = normalize(text);
        let mut tokens = Vec::new();
        tokenize(&n, Span::new(0, n.as_str().len()), &mut tokens);
        split_sentences(&tokens, 0..tokens.len(), n.as_str())
            .into_iter()
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn a_run_with_no_full_stop_is_cut_into_bounded_pieces_at_commas_where_possible() {
        let run: String = (0..300).map(|i| format!("word{i} more, ")).collect();
        let pieces = sentences(&run);
        assert!(pieces.len() >= 2, "{}", pieces.len());
        assert_eq!(pieces.concat().replace(' ', ""), run.replace(' ', ""), "no token lost");
        assert!(pieces[0].trim_end().ends_with(','), "cut after a comma: {}", &pieces[0][pieces[0].len() - 20..]);
        let tokens_in = |s: &str| s.split_whitespace().count() + s.matches(',').count();
        assert!(pieces.iter().all(|p| tokens_in(p) <= MAX_SENTENCE_TOKENS), "bounded");
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Qassem Soleimani died. Marine Brig. Gen. William H. Seely III wrote."),
            ["Gen. Qassem Soleimani died.", "Marine Brig. Gen. William H. Seely III wrote."]
        );
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        assert_eq!(
            sentences("“We will leave.” He said so. Then “No!” they chanted."),
            ["“We will leave.”", "He said so.", "Then “No!” they chanted."]
        );
    }

    #[test]
    fn lower_case_after_period_does_not_split() {
        assert_eq!(sentences("at 11 a.m. on Sunday the U.S. left."), ["at 11 a.m. on Sunday the U.S. left."]);
    }
}
