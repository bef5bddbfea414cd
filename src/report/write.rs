//! Writing DataFrames as `NAME.csv` and `NAME.parquet`, deterministically.

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
    ParquetWriter::new(file).with_compression(ParquetCompression::Lz4Raw).set_parallel(false)
}

fn create(path: &Path) -> Result<BufWriter<File>, ReportError> {
    File::create(path).map(BufWriter::new).map_err(|e| error(path, e))
}

/// The files a table is written as. CSV is what people open; Parquet is what `report` and
/// `compare` read back, and about a twentieth of the size for the evidence table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    /// Write `NAME.csv`.
    pub csv: bool,
    /// Write `NAME.parquet`.
    pub parquet: bool,
}

impl Formats {
    /// Both files, the default.
    pub const BOTH: Formats = Formats { csv: true, parquet: true };

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

/// Write `frame` as `dir/NAME.csv` and/or `dir/NAME.parquet`, as `formats` says; a file of the
/// other format left by an earlier run is removed, so the folder never mixes two runs.
pub fn write_table_as(dir: &Path, name: &str, frame: &mut DataFrame, formats: Formats) -> Result<(), ReportError> {
    let csv = dir.join(format!("{name}.csv"));
    if formats.csv {
        csv_writer(create(&csv)?).finish(frame).map_err(|e| error(&csv, e))?;
    } else {
        remove_stale(&csv)?;
    }
    let parquet = dir.join(format!("{name}.parquet"));
    if formats.parquet {
        parquet_writer(create(&parquet)?).finish(frame).map_err(|e| error(&parquet, e))?;
    } else {
        remove_stale(&parquet)?;
    }
    Ok(())
}

/// Remove `path` if an earlier run left it.
fn remove_stale(path: &Path) -> Result<(), ReportError> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(error(path, e)),
        _ => Ok(()),
    }
}

type CsvBatches = polars::io::csv::write::BatchedWriter<BufWriter<File>>;
type ParquetBatches = polars::io::parquet::write::BatchedWriter<BufWriter<File>>;

/// Create `path` and open a batched writer on it with `open`, if `wanted`; otherwise remove the
/// file an earlier run may have left there.
fn open_if<W>(
    wanted: bool,
    path: &Path,
    open: impl FnOnce(BufWriter<File>) -> PolarsResult<W>,
) -> Result<Option<(PathBuf, W)>, ReportError> {
    if !wanted {
        return remove_stale(path).map(|()| None);
    }
    let writer = open(create(path)?).map_err(|e| error(path, e))?;
    Ok(Some((path.to_path_buf(), writer)))
}

/// A table written batch by batch, so it never has to fit in memory.
pub struct StreamedTable {
    csv: Option<(PathBuf, CsvBatches)>,
    parquet: Option<(PathBuf, ParquetBatches)>,
}

impl StreamedTable {
    /// Open `dir/NAME.csv` and/or `dir/NAME.parquet` (as `formats` says) for frames shaped like
    /// `empty`, removing a file of the other format left by an earlier run.
    pub fn create(dir: &Path, name: &str, empty: &DataFrame, formats: Formats) -> Result<StreamedTable, ReportError> {
        let schema = empty.schema().as_ref().clone();
        let csv = open_if(formats.csv, &dir.join(format!("{name}.csv")), |f| csv_writer(f).batched(&schema))?;
        let parquet =
            open_if(formats.parquet, &dir.join(format!("{name}.parquet")), |f| parquet_writer(f).batched(&schema))?;
        Ok(StreamedTable { csv, parquet })
    }

    /// Append rows, to the CSV and the Parquet file at the same time. Empty batches are skipped.
    pub fn write(&mut self, batch: &DataFrame) -> Result<(), ReportError> {
        if batch.height() == 0 {
            return Ok(());
        }
        let StreamedTable { csv, parquet } = self;
        let (csv, parquet) = rayon::join(
            || match csv {
                Some((path, writer)) => writer.write_batch(batch).map_err(|e| error(path, e)),
                None => Ok(()),
            },
            || match parquet {
                Some((path, writer)) => writer.write_batch(batch).map_err(|e| error(path, e)),
                None => Ok(()),
            },
        );
        csv.and(parquet)
    }

    /// Finish the files.
    pub fn finish(self) -> Result<(), ReportError> {
        if let Some((path, mut writer)) = self.csv {
            writer.finish().map_err(|e| error(&path, e))?;
        }
        if let Some((path, writer)) = self.parquet {
            writer.finish().map_err(|e| error(&path, e))?;
        }
        Ok(())
    }
}
