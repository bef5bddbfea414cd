//! One-article-per-row Parquet files, read with polars one slice of a row group at a time, so
//! memory holds at most [`SLICE_ROWS`] rows, not the file nor a whole row group; rows are
//! yielded one by one.

use std::fs::File;
use std::ops::Range;
use std::path::Path;

use polars::io::parquet::metadata::FileMetadataRef;
use polars::prelude::*;

use super::range::RowRange;
use super::rows::{RowFields, row_article};
use super::{Article, ArticleStream, CorpusError, OutletGuesser, ReadOptions};

/// Stream the rows of a Parquet file (those of `options.rows` when given) as articles.
pub fn read_parquet(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<ArticleStream, CorpusError> {
    let shown = path.display().to_string();
    super::walk::regular_file(path).map_err(|why| CorpusError::new(&shown, why, "give a regular file"))?;
    let not_parquet = |e: PolarsError| {
        CorpusError::new(&shown, format!("cannot read Parquet: {e}"), "check that the file is Parquet")
    };
    let mut reader = ParquetReader::new(open(path, &shown)?);
    let names: Vec<String> = reader.schema().map_err(not_parquet)?.iter_names().map(|n| n.to_string()).collect();
    let text = &options.columns.text;
    if !names.contains(text) {
        let message = format!("no `{text}` column (columns: {})", names.join(", "));
        return Err(CorpusError::new(&shown, message, "name the text column with --text-column"));
    }
    let groups: Vec<Range<usize>> = row_groups(&mut reader, options.rows.as_ref())
        .map_err(not_parquet)?
        .into_iter()
        .flat_map(|(rows, _)| slices(rows))
        .collect();
    // Every row group is read with the footer read here, not parsed again.
    let metadata = reader.get_metadata().map_err(not_parquet)?.clone();
    let (path, options, guesser) = (path.to_path_buf(), options.clone(), guesser.clone());
    let rows = groups.into_iter().flat_map(move |rows| {
        let group: Box<dyn Iterator<Item = Result<Article, CorpusError>> + Send> =
            match row_group(&path, &shown, &metadata, &names, rows.clone()) {
                Ok(columns) => {
                    let (shown, options, guesser) = (shown.clone(), options.clone(), guesser.clone());
                    let first = rows.start;
                    Box::new(rows.map(move |row| {
                        let location = format!("{shown}:row {}", row + 1);
                        let get = |name: &str| {
                            let (_, column) = columns.iter().find(|(n, _)| n == name)?;
                            column.str().ok()?.get(row - first).map(str::to_string)
                        };
                        row_article(RowFields { location, get: &get }, &options, &guesser)
                    }))
                }
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
        group
    });
    Ok(Box::new(rows))
}

/// Rows read at once. A row group is read in slices of at most this many rows, so that memory
/// holds a slice and not a whole group: writers such as pyarrow put up to a million rows (a few
/// gigabytes of news text) in one group.
const SLICE_ROWS: usize = 4_096;

/// `rows` (of one row group) cut into slices of at most [`SLICE_ROWS`].
fn slices(rows: Range<usize>) -> impl Iterator<Item = Range<usize>> {
    let end = rows.end;
    rows.step_by(SLICE_ROWS).map(move |start| start..(start + SLICE_ROWS).min(end))
}

/// The rows of each row group that `range` takes (all when `None`), with the group's bytes in
/// the file.
fn row_groups(
    reader: &mut ParquetReader<File>,
    range: Option<&RowRange>,
) -> PolarsResult<Vec<(Range<usize>, Range<u64>)>> {
    let (start, stop) = range.map_or((0, usize::MAX), |r| {
        let at = |row: u64| usize::try_from(row).unwrap_or(usize::MAX);
        (at(r.start), at(r.stop))
    });
    let mut out = Vec::new();
    let mut first = 0;
    for group in &reader.get_metadata()?.row_groups {
        let end = first + group.num_rows();
        let rows = first.max(start)..end.min(stop);
        if rows.start < rows.end {
            out.push((rows, group.full_byte_range()));
        }
        first = end;
    }
    Ok(out)
}

/// The bytes of `path` holding the row groups that `range` takes: from the first one's start
/// to the last one's end (empty at 0 when it takes none). What a run over a row range hashes.
pub fn row_group_bytes(path: &Path, range: &RowRange) -> std::io::Result<(u64, u64)> {
    let mut reader = ParquetReader::new(File::open(path)?);
    let groups = row_groups(&mut reader, Some(range)).map_err(std::io::Error::other)?;
    let start = groups.iter().map(|(_, bytes)| bytes.start).min().unwrap_or(0);
    let end = groups.iter().map(|(_, bytes)| bytes.end).max().unwrap_or(0);
    Ok((start, end))
}

fn open(path: &Path, shown: &str) -> Result<File, CorpusError> {
    File::open(path).map_err(|e| CorpusError::new(shown, e.to_string(), "check the INPUT path"))
}

/// Rows `rows` (a slice of one row group) with every column as text.
fn row_group(
    path: &Path,
    shown: &str,
    metadata: &FileMetadataRef,
    names: &[String],
    rows: Range<usize>,
) -> Result<Vec<(String, Column)>, CorpusError> {
    let location = format!("{shown}:row {}", rows.start + 1);
    let mut reader = ParquetReader::new(open(path, shown)?);
    reader.set_metadata(metadata.clone());
    let frame = reader.with_slice(Some((rows.start, rows.len()))).finish().map_err(|e| {
        CorpusError::new(&location, format!("cannot read Parquet: {e}"), "check that the file is Parquet")
    })?;
    names
        .iter()
        .map(|name| {
            let cast = frame.column(name).and_then(|c| c.cast(&DataType::String));
            cast.map(|c| (name.clone(), c))
                .map_err(|e| CorpusError::new(&location, format!("column `{name}`: {e}"), ""))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_group_is_read_in_order_with_its_row_number() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("articles.parquet");
        let texts: Vec<String> = (1..=7).map(|i| format!("Article number {i} says little.")).collect();
        let ids: Vec<i64> = (1..=7).collect();
        let mut frame = df!("text" => texts, "id" => ids, "outlet" => ["A", "B", "A", "B", "A", "B", "A"]).unwrap();
        ParquetWriter::new(File::create(&path).unwrap()).with_row_group_size(Some(3)).finish(&mut frame).unwrap();
        let reader = ParquetReader::new(File::open(&path).unwrap()).get_metadata().unwrap().row_groups.len();
        assert!(reader >= 2, "several row groups written: {reader}");
        let articles: Vec<Article> = read_parquet(&path, &ReadOptions::default(), &OutletGuesser::default())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let ids: Vec<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["1", "2", "3", "4", "5", "6", "7"]);
        assert!(articles[6].text.contains("number 7") && articles[6].source.ends_with(":row 7"));
        assert_eq!(articles[3].outlet, "B");
    }

    #[test]
    fn a_row_group_is_read_in_slices_and_every_row_keeps_its_number() {
        assert_eq!(slices(5..7).collect::<Vec<_>>(), vec![(5..7)]);
        assert_eq!(
            slices(100..100 + 2 * SLICE_ROWS + 1).collect::<Vec<_>>(),
            [100..100 + SLICE_ROWS, 100 + SLICE_ROWS..100 + 2 * SLICE_ROWS, 100 + 2 * SLICE_ROWS..101 + 2 * SLICE_ROWS]
        );
        // One row group of more rows than a slice: every row, in order, with its file row number.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("one-group.parquet");
        let n = SLICE_ROWS * 2 + 7;
        let texts: Vec<String> = (1..=n).map(|i| format!("Row {i} of the file.")).collect();
        let mut frame = df!("text" => texts).unwrap();
        ParquetWriter::new(File::create(&path).unwrap()).with_row_group_size(Some(n)).finish(&mut frame).unwrap();
        let groups = ParquetReader::new(File::open(&path).unwrap()).get_metadata().unwrap().row_groups.len();
        assert_eq!(groups, 1);
        let articles: Vec<Article> = read_parquet(&path, &ReadOptions::default(), &OutletGuesser::default())
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(articles.len(), n);
        for (i, article) in articles.iter().enumerate() {
            assert_eq!(article.text, format!("Row {} of the file.", i + 1));
            assert!(article.source.ends_with(&format!(":row {}", i + 1)), "{}", article.source);
        }
    }
}
