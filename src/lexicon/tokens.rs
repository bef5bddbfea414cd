//! Lexicon phrases run through the same normalisation and tokenizer as articles.

use super::schema::Inflect;
use crate::text::{Span, Stemmer, Token, normalize, tokenize};

/// The tokens of a phrase.
pub fn phrase_tokens(phrase: &str) -> (String, Vec<Token>) {
    let normalized = normalize(phrase);
    let mut tokens = Vec::new();
    tokenize(&normalized, Span::new(0, normalized.as_str().len()), &mut tokens);
    (normalized.as_str().to_string(), tokens)
}

/// The token keys of a phrase (lower case, possessive removed).
pub fn phrase_keys(phrase: &str) -> Vec<String> {
    phrase_tokens(phrase).1.into_iter().map(|t| t.key.to_string()).collect()
}

/// The key two labels collide on: stems for stem labels, surface keys for exact ones.
pub fn label_key(phrase: &str, inflect: Inflect, stemmer: &Stemmer) -> String {
    let keys = phrase_keys(phrase);
    match inflect {
        Inflect::Stem => keys.iter().map(|k| stemmer.stem(k).to_string()).collect::<Vec<_>>().join(" "),
        Inflect::Exact => keys.join(" "),
    }
}
