//! ANALYSE: quotations. Owns which text is inside quotation marks ([`find_quote_spans`]) and, from
//! that, whose voice a span of text speaks in ([`Voice`]).

mod marks;
mod voice;

pub use marks::{QuoteMark, QuoteSpan, find_quote_spans};
pub use voice::{Voice, VoiceMap};
