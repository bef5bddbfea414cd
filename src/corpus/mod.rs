//! PARSE stage 1: the corpus. Owns reading articles from a folder (with an optional manifest),
//! from one-article-per-row files (JSONL, CSV, Parquet) or from a single file, and deciding
//! each article's outlet. Yields [`Article`]s one at a time so that a corpus of any size streams.
//! Does not analyse text.

mod article;
mod error;
mod folder;
mod html;
mod lines;
mod manifest;
mod outlet;
mod parquet;
mod range;
mod rows;
mod walk;

pub use article::Article;
pub use error::CorpusError;
pub use folder::read_folder;
pub use html::extract_main_text;
pub use outlet::{FILE_STEM, KnownOutlet, OutletGuesser};
pub use parquet::row_group_bytes;
pub use range::{ByteRange, RowRange, line_bounds};
pub use rows::{Columns, MAX_ARTICLE_BYTES, ReadOptions, read_csv, read_jsonl};
pub use walk::{Walk, files_below, regular_file, walk};

use std::path::Path;

/// A stream of articles, or of errors that name the file and line of a bad one.
pub type ArticleStream = Box<dyn Iterator<Item = Result<Article, CorpusError>> + Send>;

/// What kind of input a path is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputKind {
    /// A folder of article files.
    Folder,
    /// One JSON object per line.
    Jsonl,
    /// One article per CSV row.
    Csv,
    /// One article per Parquet row.
    Parquet,
    /// A single article file (.txt, .md, .html).
    File,
}

impl InputKind {
    /// Decide from the path: a folder, or the file extension.
    pub fn detect(path: &Path) -> Result<InputKind, CorpusError> {
        if path.is_dir() {
            return Ok(InputKind::Folder);
        }
        if !path.exists() {
            return Err(CorpusError::new(path.display(), "no such file or folder", "check the INPUT path"));
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" | "ndjson" => Ok(InputKind::Jsonl),
            "csv" | "tsv" => Ok(InputKind::Csv),
            "parquet" => Ok(InputKind::Parquet),
            "txt" | "md" | "markdown" | "html" | "htm" => Ok(InputKind::File),
            _ => Err(CorpusError::new(
                path.display(),
                "unknown input type",
                "give a folder, or a .jsonl, .csv, .parquet, .txt, .md or .html file",
            )),
        }
    }
}

/// Open `path` as a stream of articles.
pub fn read(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<ArticleStream, CorpusError> {
    let kind = InputKind::detect(path)?;
    // A part of a file is read from the one kind of file it is defined for.
    let part_of = |given: bool, wanted: InputKind, flag: &str, name: &str, ext: &str| {
        if given && kind != wanted {
            let (what, fix) = (
                format!("{flag} reads part of a {name} file only"),
                format!("give a .{ext} file, or leave out {flag}"),
            );
            return Err(CorpusError::new(path.display(), what, fix));
        }
        Ok(())
    };
    part_of(options.byte_range.is_some(), InputKind::Jsonl, "--byte-range", "JSON Lines", "jsonl")?;
    part_of(options.rows.is_some(), InputKind::Parquet, "--rows", "Parquet", "parquet")?;
    match kind {
        InputKind::Folder => read_folder(path, options, guesser),
        InputKind::Jsonl => read_jsonl(path, options, guesser),
        InputKind::Csv => read_csv(path, options, guesser),
        InputKind::Parquet => parquet::read_parquet(path, options, guesser),
        InputKind::File => Ok(Box::new(std::iter::once(folder::read_single(path, options, guesser)))),
    }
}

/// The files a run over `path` reads (article files and the manifest of a folder, or the file
/// itself), sorted: what the run manifest hashes.
pub fn input_files(path: &Path, options: &ReadOptions) -> Vec<std::path::PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut files = folder::article_files(path, options).files;
    files.extend(manifest::Manifest::file(path));
    files.sort();
    files
}
