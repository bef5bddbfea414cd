//! Writing DataFrames as `NAME.csv` and `NAME.parquet`, deterministically.

use std::fmt;
use std::fs::File;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use polars::prelude::*;

/// A report file could not be written.
#[derive(Debug)]
pub struct ReportError {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub message: String,
}

impl fmt::Display for ReportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot write {}: {} (check that the --out folder is writable)", self.path.display(), self.message)
    }
}

impl std::error::Error for ReportError {}

fn error(path: &Path, err: impl fmt::Display) -> ReportError {
    ReportError { path: path.to_path_buf(), message: err.to_string() }
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

/// Write `frame` as `dir/NAME.csv` and `dir/NAME.parquet`.
pub fn write_table(dir: &Path, name: &str, frame: &mut DataFrame) -> Result<(), ReportError> {
    let csv = dir.join(format!("{name}.csv"));
    csv_writer(create(&csv)?).finish(frame).map_err(|e| error(&csv, e))?;
    let parquet = dir.join(format!("{name}.parquet"));
    parquet_writer(create(&parquet)?).finish(frame).map_err(|e| error(&parquet, e))?;
    Ok(())
}

/// A table written batch by batch, so it never has to fit in memory.
pub struct StreamedTable {
    csv_path: PathBuf,
    parquet_path: PathBuf,
    csv: polars::io::csv::write::BatchedWriter<BufWriter<File>>,
    parquet: polars::io::parquet::write::BatchedWriter<BufWriter<File>>,
}

impl StreamedTable {
    /// Open `dir/NAME.csv` and `dir/NAME.parquet` for frames shaped like `empty`.
    pub fn create(dir: &Path, name: &str, empty: &DataFrame) -> Result<StreamedTable, ReportError> {
        let csv_path = dir.join(format!("{name}.csv"));
        let parquet_path = dir.join(format!("{name}.parquet"));
        let schema = empty.schema().as_ref().clone();
        let csv = csv_writer(create(&csv_path)?).batched(&schema).map_err(|e| error(&csv_path, e))?;
        let parquet = parquet_writer(create(&parquet_path)?).batched(&schema).map_err(|e| error(&parquet_path, e))?;
        Ok(StreamedTable { csv_path, parquet_path, csv, parquet })
    }

    /// Append rows, to the CSV and the Parquet file at the same time. Empty batches are skipped.
    pub fn write(&mut self, batch: &DataFrame) -> Result<(), ReportError> {
        if batch.height() == 0 {
            return Ok(());
        }
        let StreamedTable { csv_path, parquet_path, csv, parquet } = self;
        let (csv, parquet) = rayon::join(
            || csv.write_batch(batch).map_err(|e| error(csv_path, e)),
            || parquet.write_batch(batch).map_err(|e| error(parquet_path, e)),
        );
        csv.and(parquet)
    }

    /// Finish both files.
    pub fn finish(mut self) -> Result<(), ReportError> {
        self.csv.finish().map_err(|e| error(&self.csv_path, e))?;
        self.parquet.finish().map_err(|e| error(&self.parquet_path, e))?;
        Ok(())
    }
}
