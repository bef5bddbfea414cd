//! One-article-per-row files: JSON Lines and CSV. Column names are configurable; a bad row is
//! reported with its line and skipped, and the rows after it are still read.

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::Path;

use super::error::{require_text, within_limit};
use super::lines::LineIndex;
use super::range::{ByteRange, RowRange, line_bounds, lines_before};
use super::{Article, ArticleStream, CorpusError, OutletGuesser};

/// Which column holds which field.
#[derive(Clone, Debug)]
pub struct Columns {
    /// Article text (required).
    pub text: String,
    /// Outlet (inferred from the text when absent).
    pub outlet: String,
    /// Headline.
    pub title: String,
    /// Publication date.
    pub date: String,
    /// Web address.
    pub url: String,
    /// Story.
    pub story: String,
    /// Article id (default `file:line`).
    pub id: String,
}

impl Default for Columns {
    fn default() -> Self {
        Columns {
            text: "text".into(),
            outlet: "outlet".into(),
            title: "title".into(),
            date: "date".into(),
            url: "url".into(),
            story: "story".into(),
            id: "id".into(),
        }
    }
}

/// How to read a corpus: its columns, whether to follow symbolic links, and the largest article.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Which column holds which field.
    pub columns: Columns,
    /// Follow symbolic links inside a corpus folder (never out of it).
    pub follow_links: bool,
    /// Articles longer than this many bytes are skipped with a message, never cut.
    pub max_article_bytes: u64,
    /// Read only these bytes of a JSON Lines file (other inputs refuse a byte range).
    pub byte_range: Option<ByteRange>,
    /// Read only these rows of a Parquet file (other inputs refuse a row range).
    pub rows: Option<RowRange>,
}

/// The default largest article: 5 MB, far above any news article (a long feature is 100 kB).
pub const MAX_ARTICLE_BYTES: u64 = 5_000_000;

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            columns: Columns::default(),
            follow_links: false,
            max_article_bytes: MAX_ARTICLE_BYTES,
            byte_range: None,
            rows: None,
        }
    }
}

/// The fields of one row, looked up by column name.
pub(super) struct RowFields<'a> {
    pub location: String,
    pub get: &'a dyn Fn(&str) -> Option<String>,
}

/// Build an article from a row.
pub(super) fn row_article(
    row: RowFields,
    options: &ReadOptions,
    guesser: &OutletGuesser,
) -> Result<Article, CorpusError> {
    let columns = &options.columns;
    let get = |name: &str| (row.get)(name).map(|v| v.trim().to_string()).unwrap_or_default();
    let Some(text) = (row.get)(&columns.text) else {
        let message = format!("no `{}` field", columns.text);
        return Err(CorpusError::new(&row.location, message, "add the text, or name its column with --text-column"));
    };
    within_limit(text.len() as u64, options.max_article_bytes, &row.location)?;
    let text = require_text(text, &row.location)?;
    let url = get(&columns.url);
    let (outlet, rule) = match get(&columns.outlet) {
        outlet if !outlet.is_empty() => (outlet, "column"),
        _ => {
            let (outlet, rule) = guesser.guess(&text, &url, None);
            (outlet, rule)
        }
    };
    let id = match get(&columns.id) {
        id if !id.is_empty() => id,
        _ => row.location.clone(),
    };
    let title = match get(&columns.title) {
        title if !title.is_empty() => title,
        _ => super::folder::first_line(&text),
    };
    Ok(Article {
        id,
        source: row.location,
        outlet,
        outlet_rule: rule.to_string(),
        title,
        date: get(&columns.date),
        url,
        story: get(&columns.story),
        text,
    })
}

/// Stream a JSON Lines file: one object per line (those of `options.byte_range` when given).
pub fn read_jsonl(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<ArticleStream, CorpusError> {
    let shown = path.display().to_string();
    super::walk::regular_file(path).map_err(|why| CorpusError::new(&shown, why, "give a regular file"))?;
    let mut file = File::open(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the INPUT path"))?;
    let (next, stop, first_line) = match &options.byte_range {
        None => (0, u64::MAX, 1),
        Some(range) => {
            let unreadable = |e: std::io::Error| CorpusError::new(&shown, e.to_string(), "check the INPUT path");
            let (start, stop) = line_bounds(&mut file, range).map_err(unreadable)?;
            let first = match range.first_line {
                Some(line) => line,
                None => 1 + lines_before(&mut file, start).map_err(unreadable)?,
            };
            (start, stop, first)
        }
    };
    let (options, guesser) = (options.clone(), guesser.clone());
    let lines = lines_in_range(BufReader::new(file), next, stop);
    let articles = lines.enumerate().filter_map(move |(i, line)| {
        let location = format!("{shown}:{}", first_line + i as u64);
        let bytes = match line {
            Ok(bytes) => bytes,
            Err(e) => {
                let why = format!("cannot read on: {e}; the rest of the file is not read");
                return Some(Err(CorpusError::new(location, why, "check the file and the disk, then run again")));
            }
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        Some(jsonl_article(&bytes, location, &options, &guesser))
    });
    Ok(Box::new(articles))
}

/// The lines of `reader` from byte `next` (a line start) whose first byte is before `stop`. A
/// read error is yielded once and ends the lines: a reader that fails once (a bad disk sector,
/// a dropped network mount) would fail again at the same place, for ever.
fn lines_in_range(reader: impl BufRead, mut next: u64, stop: u64) -> impl Iterator<Item = std::io::Result<Vec<u8>>> {
    let mut failed = false;
    reader.split(b'\n').map_while(move |line| {
        // A line belongs to the range its first byte is in.
        (next < stop && !failed).then(|| {
            match &line {
                Ok(bytes) => next += bytes.len() as u64 + 1,
                Err(_) => failed = true,
            }
            line
        })
    })
}

fn jsonl_article(
    bytes: &[u8],
    location: String,
    options: &ReadOptions,
    guesser: &OutletGuesser,
) -> Result<Article, CorpusError> {
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| {
        let full = e.to_string();
        let what = full.split(" at line ").next().unwrap_or(&full);
        CorpusError::new(
            &location,
            format!("invalid JSON at column {}: {what}", e.column()),
            "write one JSON object per line",
        )
    })?;
    let Some(object) = value.as_object() else {
        return Err(CorpusError::new(&location, "not a JSON object", "write one JSON object per line"));
    };
    let get = |name: &str| match object.get(name)? {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    };
    row_article(RowFields { location, get: &get }, options, guesser)
}

/// Stream a CSV file with a header row (a `.tsv` file is read tab-separated).
pub fn read_csv(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<ArticleStream, CorpusError> {
    let shown = path.display().to_string();
    super::walk::regular_file(path).map_err(|why| CorpusError::new(&shown, why, "give a regular file"))?;
    let columns = &options.columns;
    let tsv = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
    let file = File::open(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the INPUT path"))?;
    let lines = LineIndex::default();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if tsv { b'\t' } else { b',' })
        .flexible(true)
        .from_reader(lines.counting(file));
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| CorpusError::new(format!("{shown}:1"), e.to_string(), "the first row must name the columns"))?
        .iter()
        .map(str::to_string)
        .collect();
    if !headers.contains(&columns.text) {
        let message = format!("no `{}` column (columns: {})", columns.text, headers.join(", "));
        return Err(CorpusError::new(format!("{shown}:1"), message, "name the text column with --text-column"));
    }
    let (options, guesser) = (options.clone(), guesser.clone());
    // As for JSON Lines, a read error ends the rows once it is reported; a malformed row does not.
    let records = reader.into_byte_records().scan(false, |failed, record| {
        (!*failed).then(|| {
            *failed = record.as_ref().is_err_and(|e| matches!(e.kind(), csv::ErrorKind::Io(_)));
            record
        })
    });
    let articles = records.map(move |record| {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| lines.line_of(p.byte()));
            CorpusError::new(format!("{shown}:{line}"), e.to_string(), "fix the CSV row")
        })?;
        let location = format!("{shown}:{}", record.position().map_or(0, |p| lines.line_of(p.byte())));
        let values: Vec<String> = match record.iter().map(|f| String::from_utf8(f.to_vec())).collect() {
            Ok(values) => values,
            Err(_) => return Err(CorpusError::new(location, "not valid UTF-8", "convert the file to UTF-8")),
        };
        let get = |name: &str| headers.iter().position(|h| h == name).and_then(|i| values.get(i)).cloned();
        row_article(RowFields { location, get: &get }, &options, &guesser)
    });
    Ok(Box::new(articles))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(stream: ArticleStream) -> Vec<String> {
        stream
            .map(|r| match r {
                Ok(a) => format!("{} | {} | {} | {}", a.id, a.outlet, a.outlet_rule, a.title),
                Err(e) => format!("error {e}"),
            })
            .collect()
    }

    /// Reads its bytes, then fails on every read, as a dying disk does.
    struct Failing(std::io::Cursor<Vec<u8>>);

    impl std::io::Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match self.0.read(buf)? {
                0 => Err(std::io::Error::other("input/output error")),
                n => Ok(n),
            }
        }
    }

    #[test]
    fn a_read_error_ends_the_lines_after_it_is_reported_once() {
        let reader = BufReader::new(Failing(std::io::Cursor::new(b"{\"a\": 1}\n{\"b\": 2}\n{\"c\"".to_vec())));
        let lines: Vec<_> = lines_in_range(reader, 0, u64::MAX).take(10).collect();
        assert_eq!(lines.len(), 3, "two lines, then the error once: {lines:?}");
        assert!(lines[..2].iter().all(Result::is_ok) && lines[2].is_err());
    }

    #[test]
    fn jsonl_rows_are_read_and_bad_lines_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let body = concat!(
            "{\"text\": \"Headline\\nBody.\", \"outlet\": \"Sputnik\", \"id\": 7}\n",
            "{\"text\": \"x\"\n",
            "\n",
            "{\"body\": \"no text field\"}\n",
            "{\"text\": \"(FRANCE 24 with AFP)\", \"title\": \"T\"}\n",
        );
        std::fs::write(&path, body).unwrap();
        let rows = summary(read_jsonl(&path, &ReadOptions::default(), &OutletGuesser::default()).unwrap());
        let shown = path.display();
        assert_eq!(
            rows,
            [
                "7 | Sputnik | column | Headline".to_string(),
                format!(
                    "error {shown}:2: invalid JSON at column 12: EOF while parsing an object (write one JSON object per line)"
                ),
                format!("error {shown}:4: no `text` field (add the text, or name its column with --text-column)"),
                format!("{shown}:5 | FRANCE 24 | credit_line | T"),
            ]
        );
    }

    #[test]
    fn csv_rows_use_configured_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        std::fs::write(&path, "body,source\n\"A, with comma\",HuffPost\n\"\",Fox\n").unwrap();
        let columns = Columns { text: "body".into(), outlet: "source".into(), ..Columns::default() };
        let options = ReadOptions { columns, ..ReadOptions::default() };
        let rows = summary(read_csv(&path, &options, &OutletGuesser::default()).unwrap());
        let shown = path.display();
        assert_eq!(
            rows,
            [
                format!("{shown}:2 | HuffPost | column | A, with comma"),
                format!("error {shown}:3: empty article (remove the file or row, or fill in its text)"),
            ]
        );
    }

    #[test]
    fn csv_without_text_column_is_refused_with_the_columns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.csv");
        std::fs::write(&path, "body,outlet\nx,y\n").unwrap();
        let err = read_csv(&path, &ReadOptions::default(), &OutletGuesser::default()).err().unwrap();
        assert!(
            err.to_string().ends_with(
                "c.csv:1: no `text` column (columns: body, outlet) (name the text column with --text-column)"
            ),
            "{err}"
        );
    }
}
