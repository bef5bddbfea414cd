//! `Span`: a byte range into the original article text, the unit every later stage reports.

use serde::Serialize;

/// Half-open byte range `[start, end)` into the *original* article text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The slice of `text` this span covers.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Spans sorted by start, each with the furthest end reached by it or one before it: whether
/// any of them overlaps or encloses a span is two binary searches, so checking every quote or
/// attribution of a long article against all the others stays linear.
#[derive(Clone, Debug, Default)]
pub struct SpanReach {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl SpanReach {
    /// Index `spans`, in any order.
    pub fn new(mut spans: Vec<Span>) -> SpanReach {
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        SpanReach { starts: spans.iter().map(|s| s.start).collect(), reach }
    }

    /// The furthest end among the spans that start before `at`.
    pub fn before(&self, at: usize) -> Option<usize> {
        self.reach_of(self.starts.partition_point(|&s| s < at))
    }

    /// The furthest end among the spans that start at or before `at`.
    pub fn by(&self, at: usize) -> Option<usize> {
        self.reach_of(self.starts.partition_point(|&s| s <= at))
    }

    /// Whether any span overlaps `span` (as [`Span::overlaps`]).
    pub fn overlaps(&self, span: Span) -> bool {
        self.before(span.end).is_some_and(|end| end > span.start)
    }

    fn reach_of(&self, count: usize) -> Option<usize> {
        count.checked_sub(1).map(|i| self.reach[i])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_reach_answers_as_a_scan_of_every_span_would() {
        let mut seed = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = |below: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % below as u64) as usize
        };
        for _ in 0..200 {
            let spans: Vec<Span> = (0..next(8))
                .map(|_| {
                    let start = next(30);
                    Span::new(start, start + next(10))
                })
                .collect();
            let reach = SpanReach::new(spans.clone());
            let furthest = |keep: &dyn Fn(&Span) -> bool| spans.iter().filter(|s| keep(s)).map(|s| s.end).max();
            for at in 0..40 {
                assert_eq!(reach.before(at), furthest(&|s| s.start < at), "{spans:?} before {at}");
                assert_eq!(reach.by(at), furthest(&|s| s.start <= at), "{spans:?} by {at}");
                let probe = Span::new(at, at + next(6));
                assert_eq!(reach.overlaps(probe), spans.iter().any(|s| s.overlaps(probe)), "{spans:?} {probe:?}");
            }
        }
    }
}
