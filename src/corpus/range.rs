//! Part of a JSON Lines file, by bytes, or of a Parquet file, by rows: what one job of many
//! reads when a large file is split without copying it (a Slurm array, a Dask partition). A line
//! belongs to the part its first byte falls in, so parts that tile the file read every line once,
//! whatever the boundaries. Line numbers (and the `file:line` ids of articles without an id
//! column) count from the start of the file, so they are the ones a run over the whole file gives.

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::str::FromStr;

/// Bytes `start..stop` of a file, with the line number of the first line when the caller knows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ByteRange {
    /// First byte (a line starting at or after it is read).
    pub start: u64,
    /// End (a line starting at or after it is not read).
    pub stop: u64,
    /// The 1-based number of the first line read; counted from the file when `None`.
    pub first_line: Option<u64>,
}

impl FromStr for ByteRange {
    type Err = String;

    /// `START..STOP` in bytes; `START..` reads to the end.
    fn from_str(text: &str) -> Result<ByteRange, String> {
        let (start, stop) = parse(text, "a byte offset")?;
        Ok(ByteRange { start, stop, first_line: None })
    }
}

/// Rows `start..stop` of a Parquet file, counted from 0 (`stop` excluded).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowRange {
    /// First row read.
    pub start: u64,
    /// The row after the last one read.
    pub stop: u64,
}

impl FromStr for RowRange {
    type Err = String;

    /// `START..STOP` in rows; `START..` reads to the end.
    fn from_str(text: &str) -> Result<RowRange, String> {
        let (start, stop) = parse(text, "a row number")?;
        Ok(RowRange { start, stop })
    }
}

/// `START..STOP` or `START..` (to `u64::MAX`), each `what`.
fn parse(text: &str, what: &str) -> Result<(u64, u64), String> {
    let (start, stop) = text.split_once("..").ok_or_else(|| format!("`{text}`: write START..STOP"))?;
    let number =
        |s: &str, name: &str| s.trim().parse::<u64>().map_err(|_| format!("`{text}`: {name} `{s}` is not {what}"));
    let start = number(start, "START")?;
    let stop = if stop.trim().is_empty() { u64::MAX } else { number(stop, "STOP")? };
    if stop < start {
        return Err(format!("`{text}`: STOP is before START"));
    }
    Ok((start, stop))
}

/// Where the lines of `range` begin and end in `file`: the first line starting at or after
/// `range.start`, up to the first starting at or after `range.stop` (or the file's end).
pub fn line_bounds(file: &mut File, range: &ByteRange) -> std::io::Result<(u64, u64)> {
    let start = next_line_start(file, range.start)?;
    let stop = next_line_start(file, range.stop)?.max(start);
    file.seek(SeekFrom::Start(start))?;
    Ok((start, stop))
}

/// The first line start at or after `offset`: `offset` itself when the byte before it is a
/// line end, else the byte after the next `\n` (the file's length when there is none).
fn next_line_start(file: &mut File, offset: u64) -> std::io::Result<u64> {
    let length = file.metadata()?.len();
    if offset == 0 || offset >= length {
        return Ok(offset.min(length));
    }
    file.seek(SeekFrom::Start(offset - 1))?;
    let mut skipped = Vec::new();
    let read = BufReader::new(&mut *file).read_until(b'\n', &mut skipped)?;
    Ok(offset - 1 + read as u64)
}

/// How many lines end before byte `offset`: the number of the line starting there, less one.
pub fn lines_before(file: &mut File, offset: u64) -> std::io::Result<u64> {
    file.seek(SeekFrom::Start(0))?;
    let mut block = vec![0u8; 1 << 20];
    let (mut left, mut lines) = (offset, 0u64);
    while left > 0 {
        let want = block.len().min(usize::try_from(left).unwrap_or(usize::MAX));
        let n = file.read(&mut block[..want])?;
        if n == 0 {
            break;
        }
        lines += memchr::memchr_iter(b'\n', &block[..n]).count() as u64;
        left -= n as u64;
    }
    file.seek(SeekFrom::Start(offset))?;
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file_of(text: &str) -> (tempfile::NamedTempFile, File) {
        let mut named = tempfile::NamedTempFile::new().unwrap();
        named.write_all(text.as_bytes()).unwrap();
        let file = File::open(named.path()).unwrap();
        (named, file)
    }

    #[test]
    fn ranges_parse_and_bad_ones_say_why() {
        assert_eq!("10..20".parse::<ByteRange>().unwrap(), ByteRange { start: 10, stop: 20, first_line: None });
        assert_eq!("5..".parse::<ByteRange>().unwrap().stop, u64::MAX);
        assert!("20..10".parse::<ByteRange>().unwrap_err().contains("before START"));
        assert!("a..10".parse::<ByteRange>().unwrap_err().contains("START `a`"));
        assert!("10".parse::<ByteRange>().unwrap_err().contains("START..STOP"));
        assert_eq!("3..7".parse::<RowRange>().unwrap(), RowRange { start: 3, stop: 7 });
        assert!("3..x".parse::<RowRange>().unwrap_err().contains("not a row number"));
    }

    #[test]
    fn parts_cut_anywhere_read_every_line_once() {
        let text = "aa\nbbbb\n\ncc\nd";
        let (_keep, mut file) = file_of(text);
        let len = text.len() as u64;
        for cut in 0..=len {
            let (a0, a1) = line_bounds(&mut file, &ByteRange { start: 0, stop: cut, first_line: None }).unwrap();
            let (b0, b1) = line_bounds(&mut file, &ByteRange { start: cut, stop: len, first_line: None }).unwrap();
            assert_eq!((a0, a1, b1), (0, b0, len), "cut at {cut}");
            let starts = [0u64, 3, 8, 9, 12];
            assert!(starts.contains(&b0) || b0 == len, "part starts on a line start: cut {cut} → {b0}");
            assert!(starts.iter().all(|&s| (s < cut) == (s < b0)), "a line belongs to the part its first byte is in");
        }
    }

    #[test]
    fn lines_before_an_offset_are_counted() {
        let (_keep, mut file) = file_of("aa\nbbbb\n\ncc\nd");
        let counts: Vec<u64> = [0, 3, 8, 9, 12, 14].iter().map(|&o| lines_before(&mut file, o).unwrap()).collect();
        assert_eq!(counts, [0, 1, 2, 3, 4, 4]);
    }
}
