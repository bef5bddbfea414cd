//! Line numbers of byte offsets in a file read once, front to back. The CSV reader's own line
//! count is one short with CRLF line endings; this one counts `\n` bytes as they pass, keeping
//! only the line ends not yet asked about, so memory stays bounded by the reader's buffer.

use std::collections::VecDeque;
use std::io::Read;
use std::sync::{Arc, Mutex};

#[derive(Debug, Default)]
struct State {
    /// Bytes read so far.
    passed: u64,
    /// Offsets of `\n` bytes read but not yet before any asked offset.
    ends: VecDeque<u64>,
    /// Lines that ended before the first of `ends`.
    before: u64,
}

/// Shared between the counting reader and whoever asks for line numbers.
#[derive(Clone, Debug, Default)]
pub struct LineIndex(Arc<Mutex<State>>);

impl LineIndex {
    /// The 1-based line of the record starting at `offset`; offsets must be asked in increasing
    /// order. A `\n` at `offset` itself ends the line before: the CSV reader puts a record's start
    /// on the `\n` of the `\r\n` that ended the previous one.
    pub fn line_of(&self, offset: u64) -> u64 {
        let mut state = self.0.lock().expect("line index lock");
        while state.ends.front().is_some_and(|&end| end <= offset) {
            state.ends.pop_front();
            state.before += 1;
        }
        state.before + 1
    }

    /// A reader that records line ends in this index as `inner` is read.
    pub fn counting<R: Read>(&self, inner: R) -> Counting<R> {
        Counting { inner, index: self.clone() }
    }
}

/// A reader noting where lines end.
pub struct Counting<R> {
    inner: R,
    index: LineIndex,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.index.0.lock().expect("line index lock");
        let start = state.passed;
        state.ends.extend(memchr::memchr_iter(b'\n', &buf[..n]).map(|i| start + i as u64));
        state.passed += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_of(text: &str) -> LineIndex {
        let index = LineIndex::default();
        let mut read = String::new();
        index.counting(text.as_bytes()).read_to_string(&mut read).unwrap();
        index
    }

    #[test]
    fn lines_are_counted_the_same_with_crlf_and_lf() {
        for text in ["a\nbb\n\nc", "a\r\nbb\r\n\r\nc"] {
            let index = index_of(text);
            let at = |s: &str| text.find(s).unwrap() as u64;
            assert_eq!(
                [index.line_of(at("a")), index.line_of(at("bb")), index.line_of(at("c"))],
                [1, 2, 4],
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_record_starting_on_the_newline_of_crlf_is_on_the_next_line() {
        let index = index_of("h\r\nrow\r\n");
        assert_eq!(index.line_of(1), 1, "the \\r is still on the header's line");
        assert_eq!(index.line_of(2), 2, "the CSV reader starts the next record on the \\n");
    }
}
