//! framelens: measure how news outlets frame the same story.
pub mod corpus;
pub mod lexicon;
pub mod quotes;
pub mod text;
