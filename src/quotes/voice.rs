//! Own voice versus quoted voice: whether a span sits inside a quotation.

use serde::Serialize;

use super::QuoteSpan;
use crate::text::Span;

/// Who speaks in a stretch of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    /// The outlet's own words, outside quotation marks.
    Own,
    /// Words inside quotation marks.
    Quoted,
}

impl Voice {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Own => "own",
            Voice::Quoted => "quoted",
        }
    }
}

/// Answers "is this span quoted?" for one article.
pub struct VoiceMap {
    inner: Vec<Span>,
}

impl VoiceMap {
    /// Build from an article's quote spans.
    pub fn new(quotes: &[QuoteSpan]) -> VoiceMap {
        let mut inner: Vec<Span> = quotes.iter().map(|q| q.inner).collect();
        inner.sort();
        VoiceMap { inner }
    }

    /// The voice of a span: quoted when it lies inside a quotation.
    pub fn voice_of(&self, span: Span) -> Voice {
        let at = self.inner.partition_point(|q| q.start <= span.start);
        if at > 0 && self.inner[at - 1].contains(span) { Voice::Quoted } else { Voice::Own }
    }
}
