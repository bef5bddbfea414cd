//! The per-article tables built from article texts (evidence, sentences, quotes, removed lines),
//! which a merge cannot rebuild from article states: concatenated in shard order (CSV byte for
//! byte), or listed in `linked_tables.json` instead of copied.

use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use polars::prelude::{BooleanChunked, NewChunkedArray};
use rustc_hash::FxHashSet;

use super::MergeError;
use super::shards::{Shard, read_slices};
use crate::pipeline::{ARTICLE_PARTIALS, ROW_TABLES};
use crate::report::{Formats, ReportError, StreamedTable};

/// The tables a merge concatenates.
pub const TEXT_TABLES: [&str; 5] = ["evidence", "sentences", "quote_spans", "quotes", "removed_lines"];

/// The file listing linked tables.
pub const LINKED_TABLES: &str = "linked_tables.json";

/// Concatenate every text table of `shards` into `dir`, leaving out the rows of each shard's
/// `dropped` articles. Returns the files written.
pub fn concatenate(
    dir: &Path,
    shards: &[Shard],
    dropped: &[FxHashSet<String>],
    formats: Formats,
) -> Result<Vec<String>, MergeError> {
    let mut written = Vec::new();
    for name in TEXT_TABLES {
        if formats.csv {
            let file = format!("{name}.csv");
            let parts: Vec<(PathBuf, &FxHashSet<String>)> =
                shards.iter().zip(dropped).map(|(s, d)| (s.dir.join(&file), d)).collect();
            concatenate_csv(&dir.join(&file), &parts)?;
            written.push(file);
        }
        if formats.parquet {
            concatenate_parquet(dir, name, shards, dropped)?;
            written.push(format!("{name}.parquet"));
        }
    }
    Ok(written)
}

/// Write `linked_tables.json`: for every per-article table the shards have as they are (text
/// tables and [`ROW_TABLES`]) and every format, the shards' files in merge order.
pub fn link(dir: &Path, shards: &[Shard], formats: Formats) -> Result<Vec<String>, MergeError> {
    let mut tables = serde_json::Map::new();
    for name in TEXT_TABLES.into_iter().chain(ROW_TABLES) {
        let mut files = serde_json::Map::new();
        for (on, extension) in [(formats.csv, "csv"), (formats.parquet, "parquet")] {
            if !on || (name == ARTICLE_PARTIALS && extension == "csv") {
                continue;
            }
            let paths: Vec<serde_json::Value> = shards
                .iter()
                .map(|s| {
                    let path = s.dir.join(format!("{name}.{extension}"));
                    let absolute = path.canonicalize().map_err(|e| s.error(format!("{}: {e}", path.display())))?;
                    Ok(serde_json::Value::String(absolute.to_string_lossy().into_owned()))
                })
                .collect::<Result<_, MergeError>>()?;
            files.insert(extension.to_string(), serde_json::Value::Array(paths));
        }
        tables.insert(name.to_string(), serde_json::Value::Object(files));
    }
    let path = dir.join(LINKED_TABLES);
    let json = serde_json::to_string_pretty(&tables).expect("paths serialise") + "\n";
    std::fs::write(&path, json).map_err(|e| ReportError::write(&path, e))?;
    Ok(vec![LINKED_TABLES.to_string()])
}

/// Concatenate CSV files that share a header: the first file's header, then every file's rows
/// as they are, without the rows whose `article` is in that file's dropped set.
fn concatenate_csv(out: &Path, parts: &[(PathBuf, &FxHashSet<String>)]) -> Result<(), MergeError> {
    let write_error = |e: std::io::Error| MergeError::from(ReportError::write(out, e));
    let mut writer = BufWriter::new(File::create(out).map_err(write_error)?);
    for (k, (path, dropped)) in parts.iter().enumerate() {
        let fail = |e: &dyn std::fmt::Display| MergeError::Shard {
            dir: path.parent().unwrap_or(path).to_path_buf(),
            message: format!("{}: {e}", path.display()),
        };
        let mut reader = csv::ReaderBuilder::new().from_path(path).map_err(|e| fail(&e))?;
        let headers = reader.byte_headers().map_err(|e| fail(&e))?.clone();
        let body = reader.position().byte();
        let mut ranges: Vec<(u64, u64)> = Vec::new();
        if k == 0 {
            ranges.push((0, body));
        }
        if dropped.is_empty() {
            ranges.push((body, u64::MAX));
        } else {
            let column = headers.iter().position(|h| h == b"article").ok_or_else(|| fail(&"no `article` column"))?;
            let mut record = csv::ByteRecord::new();
            let mut start = body;
            while reader.read_byte_record(&mut record).map_err(|e| fail(&e))? {
                let end = reader.position().byte();
                let id = std::str::from_utf8(&record[column]).unwrap_or_default();
                if !dropped.contains(id) {
                    match ranges.last_mut() {
                        Some(last) if last.1 == start => last.1 = end,
                        _ => ranges.push((start, end)),
                    }
                }
                start = end;
            }
        }
        let mut file = File::open(path).map_err(|e| fail(&e))?;
        for (start, end) in ranges {
            file.seek(SeekFrom::Start(start)).map_err(|e| fail(&e))?;
            std::io::copy(&mut (&mut file).take(end - start), &mut writer).map_err(|e| fail(&e))?;
        }
    }
    writer.flush().map_err(write_error)
}

/// Concatenate one table's Parquet files, without each shard's dropped articles' rows.
fn concatenate_parquet(
    dir: &Path,
    name: &str,
    shards: &[Shard],
    dropped: &[FxHashSet<String>],
) -> Result<(), MergeError> {
    let parquet_only = Formats { csv: false, parquet: true, raw_csv: false };
    let mut table: Option<StreamedTable> = None;
    for (shard, dropped) in shards.iter().zip(dropped) {
        read_slices(&shard.dir, name, None, |mut frame, _| {
            if table.is_none() {
                table = Some(StreamedTable::create(dir, name, &frame.clear(), parquet_only)?);
            }
            if !dropped.is_empty() {
                let ids = frame.column("article").and_then(|c| c.str().cloned()).map_err(|e| shard.error(e))?;
                let keep: Vec<bool> = ids.iter().map(|id| !dropped.contains(id.unwrap_or_default())).collect();
                frame = frame.filter(&BooleanChunked::from_slice("keep".into(), &keep)).map_err(|e| shard.error(e))?;
            }
            table.as_mut().expect("opened above").write(&frame)?;
            Ok(())
        })?;
    }
    if let Some(table) = table {
        table.finish()?;
    }
    Ok(())
}
