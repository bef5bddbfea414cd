//! PARSE stage 2: the text layer. Turns an article's original text into a [`Document`]:
//! a normalised view mapped back to original bytes, boilerplate lines set aside with the rule
//! that removed them, paragraphs, tokens and sentences, all carrying original byte spans.
//!
//! Also owns the closed English word classes the later stages test words against
//! ([`english`], data in `lexicons/language/english.toml`).
//!
//! Does not know about lexicons or quotes; later stages read a `Document`.

pub mod boilerplate;
mod document;
mod english;
mod entities;
mod normalize;
mod sentence;
mod span;
mod stem;
mod tokenize;

pub use document::{Document, Paragraph, RemovedLine, Sentence, TextOptions};
pub use english::{English, english};
pub use entities::{entity, entity_at};
pub use normalize::{Normalized, name_key, normalize};
pub use sentence::split_sentences;
pub use span::{Span, SpanReach};
pub use stem::{Stemmer, Stems, stem_hash};
pub use tokenize::{Token, TokenKind, strip_possessive, token_key, tokenize};
