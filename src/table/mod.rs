//! AGGREGATE: tables. Owns turning per-article results into polars DataFrames: the compact
//! [`ArticleRow`] kept for each article, outlet totals, and the tidy and wide tables written to
//! a report. The only stage besides `report` and `corpus::parquet` that uses polars.
//!
//! Column names are documented in docs/schema.md; the wide feature tables name
//! label columns `wc__{concept}__{label}__{voice}_share`, see [`feature_columns`].

mod aggregate;
mod build;
mod copies;
mod frame;
mod rows;
mod run_tables;
mod signals;

pub use aggregate::{Group, SpeakerCount, Totals, VoiceCount, VoiceTotals, group_by_outlet};
pub use build::{
    FeatureColumn, MAX_ARTICLE_LABEL_COLUMNS, all_feature_columns, article_word_choice_table, articles_table,
    evidence_table, feature_columns, feature_values, features_frame, features_table, label_count, quote_spans_table,
    quotes_table, removed_lines_table, sentences_table, voice_groups, voices_table, word_choice_table,
};
pub use copies::{copies_table, duplicates_table};
pub use frame::FrameBuilder;
pub use rows::{ArticleRow, EvidenceRow, QuoteRow, QuoteSpanRow, RemovedLineRow, VoiceMark, label_slug};
pub use run_tables::{ArticleTables, RunTables, stack};
pub use signals::{attribution_table, signal_tables};
