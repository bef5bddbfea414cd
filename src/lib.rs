//! framelens: measure how news outlets frame the same story.
pub mod lexicon;
pub mod quotes;
pub mod text;
