//! ANALYSE: per-article framing signals. Owns [`ArticleFeatures`] (what one article contributes
//! to every table) and [`Evidence`] (the spans behind each number). Does not aggregate across
//! articles: that is `table`.

mod coverage;
mod extract;
mod signals;
mod speaker_books;
mod voices;
mod word_choice;

pub use coverage::Coverage;
pub use extract::{ArticleResult, Extractor};
pub use signals::{
    Agency, ArticleText, Column, Hit, NameForm, Ratio, RowTotals, SIGNALS, Signal, SignalEntry, SignalFinder,
    SignalKind, SignalSet, SignalTotals, Sum, Sums, Values, ratio,
};
pub use voices::Voiced;
pub use word_choice::{Evidence, LabelCount, LabelKey, WordChoice};
