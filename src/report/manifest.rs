//! The run manifest (`run_manifest.json`): what went in (files and lexicons with hashes), with
//! which options, and what came out. No clocks, no thread counts: two runs on the same input
//! write the same bytes.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::corpus::{ReadOptions, input_files, line_bounds, regular_file, row_group_bytes};
use crate::lexicon::{LexiconInfo, LexiconSet, StoryChoice};
use crate::table::Totals;

/// One input file and its hash.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InputFile {
    /// Path relative to the input (or the input itself).
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes.
    pub sha256: String,
    /// With `--byte-range` or `--rows`: the bytes read (whole lines, or whole row groups), which
    /// `bytes` and `sha256` describe.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byte_range: Option<[u64; 2]>,
    /// With `--rows`: the rows read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rows: Option<[u64; 2]>,
}

/// Everything needed to reproduce a report.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RunManifest {
    /// `framelens` version.
    pub framelens_version: String,
    /// The subcommand.
    pub command: String,
    /// The INPUT as given.
    pub input: String,
    /// Every input file with its hash.
    pub input_files: Vec<InputFile>,
    /// Lexicons used.
    pub lexicons: Vec<LexiconInfo>,
    /// Every shipped story lexicon, applied or left out, and why.
    pub story_lexicons: Vec<StoryChoice>,
    /// Every story lexicon with anchors that the run used, and how many articles it measured
    /// (those whose story is its id, or that name its anchors).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub story_articles: Vec<StoryArticles>,
    /// Options that change results, as `name = value`.
    pub options: Vec<(String, String)>,
    /// Articles measured.
    pub articles: u64,
    /// Inputs skipped, with the reason.
    pub errors: Vec<String>,
    /// Tables written.
    pub tables: Vec<String>,
    /// Every file the run wrote, relative to the folder: the only files the next run into the
    /// folder removes.
    pub files: Vec<String>,
    /// Written last: `true` once every file above is in place.
    pub complete: bool,
}

/// The articles one story lexicon measured.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryArticles {
    /// The story lexicon's id.
    pub id: String,
    /// Articles it measured.
    pub articles: u64,
}

impl StoryArticles {
    /// Each story lexicon of `set` with the articles it measured, summed over `outlets`.
    pub fn of(set: &LexiconSet, outlets: &BTreeMap<String, Totals>) -> Vec<StoryArticles> {
        let articles = |s: usize| outlets.values().map(|t| t.story_articles.get(s).copied().unwrap_or(0)).sum();
        set.stories
            .iter()
            .enumerate()
            .map(|(s, story)| StoryArticles { id: story.id.clone(), articles: articles(s) })
            .collect()
    }

    /// One line for people: how many of `total` articles it measured, and which.
    pub fn describe(&self, total: u64) -> String {
        format!(
            "{} measured {} of {total} articles: those about its story (lexicons/README.md, \"Which articles a \
             story lexicon measures\")",
            self.id, self.articles
        )
    }
}

impl RunManifest {
    /// The value of option `name`, if the run recorded it.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.options.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Write as pretty JSON to `path`, through a temporary file renamed into place, so a reader
    /// never sees half a manifest.
    pub fn write(&self, path: &Path) -> Result<(), super::ReportError> {
        let json = serde_json::to_string_pretty(self).expect("manifest serialises") + "\n";
        write_atomically(path, json.as_bytes())
    }
}

/// Write `bytes` to `path` through a temporary sibling renamed into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), super::ReportError> {
    let temporary = path.with_extension("json.partial");
    fs::write(&temporary, bytes).map_err(|e| super::ReportError::write(&temporary, e))?;
    fs::rename(&temporary, path).map_err(|e| super::ReportError::write(path, e))
}

/// Hash the files a run over `input` reads (sorted): the file itself, or a folder's article
/// files and manifest. Nothing else in the folder, and nothing a link points to outside it.
pub fn hash_inputs(input: &Path, options: &ReadOptions) -> Vec<InputFile> {
    let files = input_files(input, options);
    files
        .par_iter()
        .filter_map(|path| {
            let (bytes, sha256, byte_range) = sha256_of(path, options).ok()?;
            let shown = path.strip_prefix(input).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path);
            let rows = options.rows.map(|r| [r.start, r.stop]);
            Some(InputFile { path: shown.to_string_lossy().replace('\\', "/"), bytes, sha256, byte_range, rows })
        })
        .collect()
}

/// Size and SHA-256 of a file, or of the lines of its byte range or the row groups of its row
/// range, read in blocks: a corpus file may be larger than memory.
fn sha256_of(path: &Path, options: &ReadOptions) -> std::io::Result<(u64, String, Option<[u64; 2]>)> {
    regular_file(path).map_err(std::io::Error::other)?;
    let mut file = fs::File::open(path)?;
    let part = match (&options.byte_range, &options.rows) {
        (Some(range), _) => Some(line_bounds(&mut file, range)?),
        (None, Some(rows)) => Some(row_group_bytes(path, rows)?),
        (None, None) => None,
    };
    let mut hasher = Sha256::new();
    let bytes = match part {
        None => std::io::copy(&mut file, &mut hasher)?,
        Some((start, stop)) => {
            file.seek(SeekFrom::Start(start))?;
            std::io::copy(&mut file.take(stop - start), &mut hasher)?
        }
    };
    Ok((bytes, format!("{:x}", hasher.finalize()), part.map(|(start, stop)| [start, stop])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_hashed_in_path_order_with_their_sizes() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(dir.path().join("b.txt"), "abc").unwrap();
        fs::write(dir.path().join("sub/a.txt"), "").unwrap();
        fs::write(dir.path().join("a.txt"), vec![b'x'; 100_000]).unwrap();
        fs::write(dir.path().join("video.mp4"), "not an article").unwrap();
        let files = hash_inputs(dir.path(), &ReadOptions::default());
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(paths, ["a.txt", "b.txt", "sub/a.txt"]);
        assert_eq!(files[0].bytes, 100_000);
        // SHA-256 test vectors: "abc" and the empty string.
        assert_eq!(files[1].sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_eq!(files[2].sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        let single = hash_inputs(&dir.path().join("b.txt"), &ReadOptions::default());
        assert_eq!((single[0].bytes, single[0].sha256.as_str()), (3, files[1].sha256.as_str()));
    }
}
