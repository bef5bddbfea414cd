//! framelens: measure how news outlets frame the same story.
pub mod corpus;
pub mod features;
pub mod lexicon;
pub mod pipeline;
pub mod quotes;
pub mod report;
pub mod table;
pub mod text;
