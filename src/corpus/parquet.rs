//! One-article-per-row Parquet files, read with polars. The whole file is loaded at once
//! (polars reads Parquet by row groups, not rows), then rows are yielded one by one.

use std::fs::File;
use std::path::Path;

use polars::prelude::*;

use super::rows::{RowFields, row_article};
use super::{ArticleStream, CorpusError, OutletGuesser, ReadOptions};

/// Stream the rows of a Parquet file as articles.
pub fn read_parquet(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<ArticleStream, CorpusError> {
    let shown = path.display().to_string();
    super::walk::regular_file(path).map_err(|why| CorpusError::new(&shown, why, "give a regular file"))?;
    let columns = &options.columns;
    let file = File::open(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the INPUT path"))?;
    let frame = ParquetReader::new(file)
        .finish()
        .map_err(|e| CorpusError::new(&shown, format!("cannot read Parquet: {e}"), "check that the file is Parquet"))?;
    let names: Vec<String> = frame.get_column_names().iter().map(|n| n.to_string()).collect();
    if !names.contains(&columns.text) {
        let message = format!("no `{}` column (columns: {})", columns.text, names.join(", "));
        return Err(CorpusError::new(&shown, message, "name the text column with --text-column"));
    }
    let mut string_columns = Vec::new();
    for name in &names {
        let cast = frame
            .column(name)
            .and_then(|c| c.cast(&DataType::String))
            .map_err(|e| CorpusError::new(&shown, format!("column `{name}`: {e}"), ""))?;
        string_columns.push((name.clone(), cast));
    }
    let (options, guesser) = (options.clone(), guesser.clone());
    let rows = (0..frame.height()).map(move |row| {
        let location = format!("{shown}:row {}", row + 1);
        let get = |name: &str| {
            let (_, column) = string_columns.iter().find(|(n, _)| n == name)?;
            column.str().ok()?.get(row).map(str::to_string)
        };
        row_article(RowFields { location, get: &get }, &options, &guesser)
    });
    Ok(Box::new(rows))
}
