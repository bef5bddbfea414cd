//! The run manifest (`run_manifest.json`): what went in (files and lexicons with hashes), with
//! which options, and what came out. No clocks, no thread counts: two runs on the same input
//! write the same bytes.

use std::fs;
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::corpus::files_below;
use crate::lexicon::LexiconInfo;

/// One input file and its hash.
#[derive(Clone, Debug, Serialize)]
pub struct InputFile {
    /// Path relative to the input (or the input itself).
    pub path: String,
    /// Size in bytes.
    pub bytes: u64,
    /// SHA-256 of the bytes.
    pub sha256: String,
}

/// Everything needed to reproduce a report.
#[derive(Clone, Debug, Serialize)]
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
    /// Options that change results, as `name = value`.
    pub options: Vec<(String, String)>,
    /// Articles measured.
    pub articles: u64,
    /// Inputs skipped, with the reason.
    pub errors: Vec<String>,
    /// Tables written.
    pub tables: Vec<String>,
}

impl RunManifest {
    /// Write as pretty JSON to `path`.
    pub fn write(&self, path: &Path) -> Result<(), super::ReportError> {
        let json = serde_json::to_string_pretty(self).expect("manifest serialises") + "\n";
        fs::write(path, json).map_err(|e| super::ReportError { path: path.to_path_buf(), message: e.to_string() })
    }
}

/// Hash the input: a file, or every file below a folder (sorted).
pub fn hash_inputs(input: &Path) -> Vec<InputFile> {
    let files = if input.is_dir() { files_below(input, |_| true) } else { vec![input.to_path_buf()] };
    files
        .iter()
        .filter_map(|path| {
            let bytes = fs::read(path).ok()?;
            let shown = path.strip_prefix(input).ok().filter(|p| !p.as_os_str().is_empty()).unwrap_or(path);
            Some(InputFile {
                path: shown.to_string_lossy().replace('\\', "/"),
                bytes: bytes.len() as u64,
                sha256: format!("{:x}", Sha256::digest(&bytes)),
            })
        })
        .collect()
}
