//! Invariants on arbitrary text built from the characters that break news parsers (curly and
//! straight quotes, apostrophes, dashes, no-break and zero-width spaces, CR LF, accents, emoji),
//! generated from fixed seeds: no panic, every span on char boundaries inside the text, tokens
//! in order and never overlapping, matches and quotes inside the text, normalisation idempotent.

use framelens::corpus::Article;
use framelens::features::Extractor;
use framelens::lexicon::{LexiconMatcher, load, shipped_sources};
use framelens::quotes::{CueIndex, find_attributions, find_quote_spans};
use framelens::text::{Document, Stemmer, TextOptions, normalize};

#[path = "common/text.rs"]
mod common;
use common::{PIECES, assert_span};

/// A deterministic xorshift stream of piece indices.
fn random_text(seed: u64, pieces: usize) -> String {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut text = String::new();
    for _ in 0..pieces {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
    }
    text
}

#[test]
fn text_layer_invariants_hold_on_messy_text() {
    for seed in 0..400 {
        let text = random_text(seed, 60);
        let doc = Document::parse(&text, TextOptions::default());
        let mut previous_end = 0;
        for token in &doc.tokens {
            assert_span(&text, token.span, "token");
            assert!(token.span.start >= previous_end, "tokens overlap in {text:?}");
            previous_end = token.span.end;
        }
        for sentence in &doc.sentences {
            assert_span(&text, sentence.span, "sentence");
        }
        for removed in &doc.removed {
            assert_span(&text, removed.span, "removed line");
        }
        let once = normalize(&text).as_str().to_string();
        assert_eq!(normalize(&once).as_str(), once, "normalisation is idempotent");
    }
}

#[test]
fn quotes_matches_and_attributions_stay_inside_the_text() {
    let lexicons = load(&shipped_sources()).set;
    let matcher = LexiconMatcher::new(&lexicons);
    let cues = CueIndex::from_lexicons(&lexicons);
    let stemmer = Stemmer::default();
    for seed in 0..400 {
        let text = random_text(seed + 10_000, 80);
        let doc = Document::parse(&text, TextOptions::default());
        let quotes = find_quote_spans(&text, &doc.paragraph_spans());
        for q in &quotes {
            assert_span(&text, q.span, "quote");
            assert!(q.span.contains(q.inner), "inner outside its quote in {text:?}");
        }
        let mut previous_end = 0;
        for m in matcher.find(&doc, &stemmer) {
            assert_span(&text, m.span, "match");
            assert!(m.span.start >= previous_end, "leftmost-longest matches overlap in {text:?}");
            previous_end = m.span.end;
        }
        for a in find_attributions(&doc, &quotes, &cues) {
            assert_span(&text, a.content, "content");
            for span in [a.cue, a.source, a.resolved, a.clause].into_iter().flatten() {
                assert_span(&text, span, "attribution part");
            }
        }
    }
}

#[test]
fn extractor_counts_add_up_on_messy_text() {
    let lexicons = load(&shipped_sources()).set;
    let matcher = LexiconMatcher::new(&lexicons);
    let extractor = Extractor::new(&lexicons, &matcher, TextOptions::default());
    for seed in 0..100 {
        let text = random_text(seed + 20_000, 100);
        let article = Article { id: seed.to_string(), text: text.clone(), ..Article::default() };
        let result = extractor.extract(article, &Stemmer::default());
        assert!(result.own_words <= result.words);
        let counted: u32 = result.word_choice.counts.values().sum();
        assert_eq!(counted as usize, result.word_choice.evidence.len(), "every count has its evidence row");
    }
}

#[test]
fn shared_types_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<framelens::lexicon::LexiconSet>();
    assert_send_sync::<LexiconMatcher>();
    assert_send_sync::<CueIndex>();
    assert_send_sync::<framelens::quotes::SpeakerBook>();
    assert_send_sync::<Extractor>();
}
