//! Writing DataFrames as `NAME.csv` and `NAME.parquet`, deterministically. Text cells of a CSV
//! file that a spreadsheet would run as a formula (starting with `=`, `@`, tab or carriage
//! return, or with `+` or `-` and not a number) get a leading apostrophe, as spreadsheets
//! expect, unless `raw_csv`; Parquet keeps the raw value.

use std::fmt;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use polars::prelude::*;

/// A report file could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// A file or folder could not be written.
    #[error("cannot write {}: {message} ({})", path.display(), WRITE_FIX)]
    Write {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

const WRITE_FIX: &str = "check that the --out folder is writable";

impl ReportError {
    /// `path` could not be written, because of `err`.
    pub fn write(path: &Path, err: impl fmt::Display) -> ReportError {
        ReportError::Write { path: path.to_path_buf(), message: err.to_string() }
    }

    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            ReportError::Write { .. } => WRITE_FIX,
        }
    }
}

fn error(path: &Path, err: impl fmt::Display) -> ReportError {
    ReportError::write(path, err)
}

/// Digits after the decimal point in CSV files: enough for shares, stable across platforms.
const FLOAT_PRECISION: usize = 6;

fn csv_writer(file: BufWriter<File>) -> CsvWriter<BufWriter<File>> {
    CsvWriter::new(file).include_header(true).with_float_precision(Some(FLOAT_PRECISION)).n_threads(1)
}

fn parquet_writer(file: BufWriter<File>) -> ParquetWriter<BufWriter<File>> {
    ParquetWriter::new(file).with_compression(ParquetCompression::Zstd(Some(zstd_level()))).set_parallel(false)
}

/// Zstandard level 1: about half the CPU of the default level 3 for Parquet files a few percent
/// larger (docs/performance.md, "Output size").
fn zstd_level() -> polars_parquet::write::ZstdLevel {
    polars_parquet::write::ZstdLevel::try_new(1).expect("1 is a Zstandard level")
}

fn create(path: &Path) -> Result<BufWriter<File>, ReportError> {
    File::create(path).map(BufWriter::new).map_err(|e| error(path, e))
}

/// The files a table is written as. CSV is what people open; Parquet is what `report` and
/// `compare` read back (Zstandard-compressed, about a fifteenth of the CSV files' size).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// Write `NAME.csv`.
    pub csv: bool,
    /// Write `NAME.parquet`.
    pub parquet: bool,
    /// Write CSV text cells as they are, even those a spreadsheet would run as a formula.
    pub raw_csv: bool,
}

impl Formats {
    /// Both files, the default.
    pub const BOTH: Formats = Formats { csv: true, parquet: true, raw_csv: false };

    /// The file names a table is written as.
    pub fn files(self, table: &str) -> Vec<String> {
        let names = [(self.csv, "csv"), (self.parquet, "parquet")];
        names.iter().filter(|(on, _)| *on).map(|(_, ext)| format!("{table}.{ext}")).collect()
    }

    /// The formats as written in the run manifest: `csv,parquet`, `csv` or `parquet`.
    pub fn describe(self) -> String {
        let names = [(self.csv, "csv"), (self.parquet, "parquet")];
        names.iter().filter(|(on, _)| *on).map(|(_, name)| *name).collect::<Vec<_>>().join(",")
    }
}

/// Write `frame` as `dir/NAME.csv` and `dir/NAME.parquet`.
pub fn write_table(dir: &Path, name: &str, frame: &mut DataFrame) -> Result<(), ReportError> {
    write_table_as(dir, name, frame, Formats::BOTH)
}

/// Write `frame` as `dir/NAME.csv` and/or `dir/NAME.parquet`, as `formats` says. Files of the
/// other format are left alone: the output folder removed the previous run's files when the run
/// took it (see `OutputFolder`).
pub fn write_table_as(dir: &Path, name: &str, frame: &mut DataFrame, formats: Formats) -> Result<(), ReportError> {
    let csv = dir.join(format!("{name}.csv"));
    if formats.csv {
        let mut cells = spreadsheet_safe(frame, formats.raw_csv).map_err(|e| error(&csv, e))?;
        csv_writer(create(&csv)?).finish(cells.to_mut()).map_err(|e| error(&csv, e))?;
    }
    let parquet = dir.join(format!("{name}.parquet"));
    if formats.parquet {
        parquet_writer(create(&parquet)?).finish(frame).map_err(|e| error(&parquet, e))?;
    }
    Ok(())
}

/// Whether a spreadsheet would read `cell` as a formula: it starts with `=`, `@`, tab or
/// carriage return, or with `+` or `-` and is not a plain number (a signed number such as
/// `+0.25` stays as it is).
fn formula_like(cell: &str) -> bool {
    match cell.as_bytes().first() {
        Some(b'=' | b'@' | b'\t' | b'\r') => true,
        Some(b'+' | b'-') => cell.parse::<f64>().is_err(),
        _ => false,
    }
}

/// `frame` with a leading apostrophe on every text cell a spreadsheet would run as a formula
/// (borrowed unchanged when there is none, or when `raw`).
fn spreadsheet_safe(frame: &DataFrame, raw: bool) -> PolarsResult<std::borrow::Cow<'_, DataFrame>> {
    if raw {
        return Ok(std::borrow::Cow::Borrowed(frame));
    }
    let risky =
        |c: &Column| c.str().is_ok_and(|s| s.downcast_iter().any(|chunk| chunk.values_iter().any(formula_like)));
    if !frame.columns().iter().any(risky) {
        return Ok(std::borrow::Cow::Borrowed(frame));
    }
    let mut safe = frame.clone();
    for name in frame.get_column_names_owned() {
        let column = frame.column(&name)?;
        if !risky(column) {
            continue;
        }
        let text = column.str()?;
        let cells: StringChunked = (0..text.len())
            .map(|i| text.get(i).map(|c| if formula_like(c) { format!("'{c}") } else { c.to_string() }))
            .collect();
        safe.replace(&name, cells.with_name(name.clone()).into_series().into_column())?;
    }
    Ok(std::borrow::Cow::Owned(safe))
}

type CsvBatches = polars::io::csv::write::BatchedWriter<BufWriter<File>>;
type ParquetBatches = polars::io::parquet::write::BatchedWriter<BufWriter<File>>;

/// Create `path` and open a batched writer on it with `open`, if `wanted`.
fn open_if<W>(
    wanted: bool,
    path: &Path,
    open: impl FnOnce(BufWriter<File>) -> PolarsResult<W>,
) -> Result<Option<(PathBuf, W)>, ReportError> {
    if !wanted {
        return Ok(None);
    }
    let writer = open(create(path)?).map_err(|e| error(path, e))?;
    Ok(Some((path.to_path_buf(), writer)))
}

/// A table written batch by batch, so it never has to fit in memory.
pub struct StreamedTable {
    csv: Option<(PathBuf, CsvBatches)>,
    parquet: Option<(PathBuf, ParquetBatches)>,
    /// Batches not yet written to Parquet: each Parquet row group holds several, see
    /// [`ROW_GROUP_CELLS`].
    pending: Vec<DataFrame>,
    raw_csv: bool,
}

/// A Parquet row group is written once the batches waiting for it hold this many cells (rows ×
/// columns), [`ROW_GROUP_ROWS`] rows or [`ROW_GROUP_BYTES`] bytes. A writer keeps every row group's metadata (each column's
/// statistics) until the file is finished, so one row group per 512-article chunk made memory
/// grow with the corpus (by about 2.5 kB per article, mostly `article_features`' hundreds of
/// columns); a few megabytes of values per row group bound it. The boundaries depend only on
/// the batches' shapes and values, so the bytes stay the same at any thread count.
const ROW_GROUP_CELLS: usize = 1_000_000;
/// See [`ROW_GROUP_CELLS`].
const ROW_GROUP_ROWS: usize = 32_768;
/// No more than this many bytes of values wait for a row group: without it, tables of few
/// columns with long values (`article_partials`' states, `sentences`' texts) held tens of
/// megabytes each before a row group was written, which was most of the peak memory.
const ROW_GROUP_BYTES: usize = 8 << 20;

impl StreamedTable {
    /// Open `dir/NAME.csv` and/or `dir/NAME.parquet` (as `formats` says) for frames shaped like
    /// `empty`.
    pub fn create(dir: &Path, name: &str, empty: &DataFrame, formats: Formats) -> Result<StreamedTable, ReportError> {
        let schema = empty.schema().as_ref().clone();
        let csv = open_if(formats.csv, &dir.join(format!("{name}.csv")), |f| csv_writer(f).batched(&schema))?;
        let parquet =
            open_if(formats.parquet, &dir.join(format!("{name}.parquet")), |f| parquet_writer(f).batched(&schema))?;
        Ok(StreamedTable { csv, parquet, pending: Vec::new(), raw_csv: formats.raw_csv })
    }

    /// Append rows, to the CSV and the Parquet file at the same time. Empty batches are skipped.
    pub fn write(&mut self, batch: &DataFrame) -> Result<(), ReportError> {
        if batch.height() == 0 {
            return Ok(());
        }
        let StreamedTable { csv, parquet, pending, raw_csv } = self;
        let (csv, parquet) = rayon::join(
            || match csv {
                Some((path, writer)) => {
                    let cells = spreadsheet_safe(batch, *raw_csv).map_err(|e| error(path, e))?;
                    writer.write_batch(&cells).map_err(|e| error(path, e))
                }
                None => Ok(()),
            },
            || match parquet {
                Some((path, writer)) => {
                    pending.push(batch.clone());
                    let rows: usize = pending.iter().map(DataFrame::height).sum();
                    let bytes: usize = pending.iter().map(DataFrame::estimated_size).sum();
                    if rows >= ROW_GROUP_ROWS || rows * batch.width() >= ROW_GROUP_CELLS || bytes >= ROW_GROUP_BYTES {
                        write_row_group(path, writer, pending)
                    } else {
                        Ok(())
                    }
                }
                None => Ok(()),
            },
        );
        csv.and(parquet)
    }

    /// Finish the files.
    pub fn finish(mut self) -> Result<(), ReportError> {
        if let Some((path, mut writer)) = self.csv {
            writer.finish().map_err(|e| error(&path, e))?;
        }
        if let Some((path, mut writer)) = self.parquet {
            write_row_group(&path, &mut writer, &mut self.pending)?;
            writer.finish().map_err(|e| error(&path, e))?;
        }
        Ok(())
    }
}

/// Write the `pending` batches as one Parquet row group, and empty it.
fn write_row_group(path: &Path, writer: &mut ParquetBatches, pending: &mut Vec<DataFrame>) -> Result<(), ReportError> {
    let mut batches = pending.drain(..);
    let Some(mut group) = batches.next() else { return Ok(()) };
    for batch in batches {
        group.vstack_mut(&batch).map_err(|e| error(path, e))?;
    }
    // One chunk, so that the writer makes one row group of it.
    group.rechunk_mut();
    writer.write_batch(&group).map_err(|e| error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::FrameBuilder;

    #[test]
    fn formula_cells_are_neutralised_in_csv_only() {
        let dir = tempfile::tempdir().unwrap();
        let mut frame = FrameBuilder::default()
            .text("outlet", &["=HYPERLINK(\"x\")", "+cmd|' /C calc'!A0", "-2", "+0.25", "@SUM(A1)", "Fox News", "\tx"])
            .build();
        write_table(dir.path(), "t", &mut frame).unwrap();
        let csv = std::fs::read_to_string(dir.path().join("t.csv")).unwrap();
        let cells: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(cells[0], "\"'=HYPERLINK(\"\"x\"\")\"");
        assert!(cells[1].starts_with("'+cmd"), "{}", cells[1]);
        assert_eq!(&cells[2..6], ["-2", "+0.25", "'@SUM(A1)", "Fox News"], "numbers stay numbers");
        assert!(cells[6].starts_with("\"'\t") || cells[6].starts_with("'\t"), "{:?}", cells[6]);
        let parquet = ParquetReader::new(File::open(dir.path().join("t.parquet")).unwrap()).finish().unwrap();
        assert_eq!(
            parquet.column("outlet").unwrap().str().unwrap().get(0),
            Some("=HYPERLINK(\"x\")"),
            "raw in Parquet"
        );
        let raw = Formats { raw_csv: true, ..Formats::BOTH };
        write_table_as(dir.path(), "r", &mut frame, raw).unwrap();
        assert!(std::fs::read_to_string(dir.path().join("r.csv")).unwrap().contains("\n\"=HYPERLINK"));
    }

    #[test]
    fn parquet_row_groups_gather_batches_and_keep_every_row_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let batch = |start: u64| FrameBuilder::default().count("n", (start..start + 1_000).collect()).build();
        let formats = Formats { csv: false, parquet: true, raw_csv: false };
        let mut table = StreamedTable::create(dir.path(), "t", &batch(0).head(Some(0)), formats).unwrap();
        for i in 0..40 {
            table.write(&batch(i * 1_000)).unwrap();
        }
        table.finish().unwrap();
        let mut reader = ParquetReader::new(File::open(dir.path().join("t.parquet")).unwrap());
        // 40,000 rows of one column: a row group at 32,768 rows (33 batches), the rest at the end.
        assert_eq!(reader.get_metadata().unwrap().row_groups.len(), 2);
        let frame = reader.finish().unwrap();
        let n: Vec<u64> = frame.column("n").unwrap().u64().unwrap().into_no_null_iter().collect();
        assert_eq!(n, (0..40_000).collect::<Vec<u64>>());
    }

    #[test]
    fn long_values_close_a_row_group_at_a_few_megabytes() {
        let dir = tempfile::tempdir().unwrap();
        // 100 rows of 10 kB: about 1 MB a batch, far from the cell and row bounds.
        let batch = |i: usize| {
            let texts: Vec<String> = (0..100).map(|r| format!("{i:04}-{r:03}-{}", "x".repeat(10_000))).collect();
            FrameBuilder::default().text("text", &texts.iter().map(String::as_str).collect::<Vec<_>>()).build()
        };
        let formats = Formats { csv: false, parquet: true, raw_csv: false };
        let mut table = StreamedTable::create(dir.path(), "t", &batch(0).head(Some(0)), formats).unwrap();
        for i in 0..20 {
            table.write(&batch(i)).unwrap();
        }
        table.finish().unwrap();
        let mut reader = ParquetReader::new(File::open(dir.path().join("t.parquet")).unwrap());
        let groups: Vec<usize> = reader.get_metadata().unwrap().row_groups.iter().map(|g| g.num_rows()).collect();
        assert_eq!(groups.iter().sum::<usize>(), 2_000);
        assert!(groups.len() >= 3, "20 MB of values in row groups of at most about 8 MB: {groups:?}");
        let frame = reader.finish().unwrap();
        let texts = frame.column("text").unwrap().str().unwrap().clone();
        let firsts: Vec<String> = (0..texts.len()).map(|i| texts.get(i).unwrap()[..8].to_string()).collect();
        let expected: Vec<String> = (0..20).flat_map(|i| (0..100).map(move |r| format!("{i:04}-{r:03}"))).collect();
        assert_eq!(firsts, expected);
    }
}
