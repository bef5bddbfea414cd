//! framelens measures how news outlets frame the same story and traces every number back to
//! the text that produced it.
//!
//! The pipeline, one module per stage (dependencies flow downwards only):
//!
//! - [`corpus`] reads [`corpus::Article`]s from a folder (with a manifest), JSONL, CSV or Parquet,
//!   and decides each article's outlet.
//! - [`text`] turns an article into a [`text::Document`]: a normalised view mapped back to
//!   original bytes, boilerplate lines set aside, paragraphs, [`text::Token`]s and sentences.
//! - [`quotes`] finds the [`quotes::QuoteSpan`]s and so the [`quotes::Voice`] of any span.
//! - [`lexicon`] loads and checks TOML lexicons and compiles them into one
//!   [`lexicon::LexiconMatcher`] that yields [`lexicon::LabelMatch`]es.
//! - [`copies`] fingerprints own-voice text and finds near-duplicate articles (wire copies).
//! - [`features`] measures one article ([`features::ArticleResult`]) with its evidence.
//! - [`table`] aggregates articles and outlets into polars DataFrames.
//! - [`stats`] gives every outlet share, rate and mean a bootstrap interval and tests outlet
//!   differences by permutation within stories.
//! - [`report`] writes CSV, Parquet, the run manifest and `report.md`.
//! - [`pipeline`] composes them, streaming the corpus in chunks.
//! - [`eval`] scores extraction against annotated data (brat standoff, e.g. PolNeAR).
//!
//! ```
//! use framelens::features::Extractor;
//! use framelens::lexicon::{LexiconMatcher, load, shipped_sources};
//! use framelens::corpus::Article;
//! use framelens::quotes::Voice;
//! use framelens::text::{Stemmer, TextOptions};
//!
//! let lexicons = load(&shipped_sources()).set;
//! let matcher = LexiconMatcher::new(&lexicons);
//! let extractor = Extractor::new(&lexicons, &matcher, TextOptions::default());
//! let text = "Abdul Mahdi called the US killing a “political assassination”.";
//! let article = Article { id: "a".into(), outlet: "France 24".into(), text: text.into(), ..Article::default() };
//! let result = extractor.extract(article, &Stemmer::default());
//!
//! let found: Vec<(&str, Voice, &str)> = result
//!     .word_choice
//!     .evidence
//!     .iter()
//!     .map(|e| (lexicons.concepts[e.concept].labels[e.label].text.as_str(), e.voice, e.span.slice(text)))
//!     .collect();
//! assert_eq!(found, [("killing", Voice::Own, "killing"), ("political assassination", Voice::Quoted, "political assassination")]);
//! ```

pub use error::{Error, Result};

pub mod chart;
pub mod columns;
pub mod compare;
pub mod copies;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod features;
pub mod lexicon;
pub mod merge;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod stats;
pub mod suggest;
pub mod table;
pub mod text;
