//! The output folder a run owns: refused when it lies inside the input (its files would be read
//! as articles next time), locked against a second run writing into it at the same time, and
//! cleared only of the files the previous run's manifest lists (never a file framelens did not
//! write). `run_manifest.json` is removed when a run starts and written last with
//! `"complete": true`, so a folder whose run was interrupted never claims to be complete.

use std::fs;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

use super::ReportError;

/// The lock file inside the output folder while a run writes there.
pub const LOCK_FILE: &str = ".framelens.lock";

/// The manifest file, written last.
pub const MANIFEST_FILE: &str = "run_manifest.json";

/// The folder could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// `--out` is the input folder or inside it.
    #[error("--out {} is inside the INPUT folder {}: the next run would read its files as articles", out.display(), input.display())]
    InsideInput {
        /// The output folder.
        out: PathBuf,
        /// The input folder.
        input: PathBuf,
    },
    /// Another run holds the lock.
    #[error("another framelens run (process {pid}) is writing into {}", dir.display())]
    Locked {
        /// The output folder.
        dir: PathBuf,
        /// The process named in the lock file.
        pid: String,
    },
    /// The folder or a file in it could not be written or cleared.
    #[error(transparent)]
    Write(#[from] ReportError),
}

impl OutputError {
    /// What to do about it.
    pub fn fix(&self) -> String {
        match self {
            OutputError::InsideInput { .. } => "choose an --out folder outside the INPUT folder".into(),
            OutputError::Locked { dir, .. } => format!(
                "wait for it to finish, or choose another --out; if no run is writing there, delete {}",
                dir.join(LOCK_FILE).display()
            ),
            OutputError::Write(e) => e.fix().into(),
        }
    }
}

/// An output folder held by this run until it is dropped.
#[derive(Debug)]
pub struct OutputFolder {
    dir: PathBuf,
}

/// `path` made absolute and free of `.` and `..` and links, as far as it exists.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.clone();
    let mut rest = Vec::new();
    while fs::canonicalize(&existing).is_err() {
        match (existing.file_name().map(|n| n.to_os_string()), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name);
                existing = parent.to_path_buf();
            }
            _ => return absolute,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    out.extend(rest.iter().rev());
    out
}

/// Whether the process `pid` is running (on systems without `/proc`, assume it is).
fn running(pid: &str) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || pid.parse::<u32>().is_err() || proc.join(pid).exists()
}

impl OutputFolder {
    /// Take `dir` for a run over `input`: refuse it inside a folder input, create it, lock it,
    /// and remove the previous run's files (those its manifest lists) and its manifest.
    pub fn take(dir: &Path, input: Option<&Path>) -> Result<OutputFolder, OutputError> {
        if let Some(input) = input.filter(|i| i.is_dir())
            && resolved(dir).starts_with(resolved(input))
        {
            return Err(OutputError::InsideInput { out: dir.to_path_buf(), input: input.to_path_buf() });
        }
        fs::create_dir_all(dir).map_err(|e| ReportError::write(dir, e))?;
        let folder = OutputFolder::lock(dir)?;
        folder.clear_previous()?;
        Ok(folder)
    }

    /// Lock `dir` (which exists) without touching its files, for a command that rewrites part of
    /// a finished run (`compare`).
    pub fn lock(dir: &Path) -> Result<OutputFolder, OutputError> {
        let lock = dir.join(LOCK_FILE);
        for attempt in 0..2 {
            match fs::OpenOptions::new().write(true).create_new(true).open(&lock) {
                Ok(mut file) => {
                    let _ = write!(file, "{}", std::process::id());
                    break;
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let pid = fs::read_to_string(&lock).unwrap_or_default().trim().to_string();
                    if attempt == 0 && !running(&pid) {
                        // A run that was killed left its lock; its files are cleared below.
                        let _ = fs::remove_file(&lock);
                        continue;
                    }
                    return Err(OutputError::Locked { dir: dir.to_path_buf(), pid });
                }
                Err(e) => return Err(ReportError::write(&lock, e).into()),
            }
        }
        Ok(OutputFolder { dir: dir.to_path_buf() })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Remove what the previous run's manifest lists as written, then the manifest.
    fn clear_previous(&self) -> Result<(), ReportError> {
        let manifest = self.dir.join(MANIFEST_FILE);
        let Ok(text) = fs::read_to_string(&manifest) else { return Ok(()) };
        for file in written_files(&text) {
            let path = self.dir.join(&file);
            match fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(ReportError::write(&path, e)),
                _ => {}
            }
        }
        fs::remove_file(&manifest).map_err(|e| ReportError::write(&manifest, e))
    }
}

impl Drop for OutputFolder {
    fn drop(&mut self) {
        let _ = fs::remove_file(self.dir.join(LOCK_FILE));
    }
}

/// The files a manifest lists as written (`files`; for manifests made before that field, each
/// table in each format of `options.formats`), keeping only plain relative paths inside the
/// folder.
pub fn written_files(manifest: &str) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_str(manifest).unwrap_or_default();
    let mut files: Vec<String> = match json.get("files").and_then(|f| f.as_array()) {
        Some(files) => files.iter().filter_map(|f| f.as_str().map(str::to_string)).collect(),
        None => {
            let formats = manifest_option(&json, "formats").unwrap_or_else(|| "csv,parquet".into());
            let tables = json.get("tables").and_then(|t| t.as_array()).cloned().unwrap_or_default();
            tables
                .iter()
                .filter_map(|t| t.as_str())
                .flat_map(|t| formats.split(',').map(move |f| format!("{t}.{f}")))
                .collect()
        }
    };
    files.retain(|f| Path::new(f).components().all(|c| matches!(c, Component::Normal(_))));
    files
}

/// The value of option `name` in a parsed run manifest (`options` is a list of `[name, value]`).
pub fn manifest_option(json: &serde_json::Value, name: &str) -> Option<String> {
    let options = json.get("options")?.as_array()?;
    let pair = options.iter().find(|pair| pair.get(0).and_then(|n| n.as_str()) == Some(name))?;
    pair.get(1)?.as_str().map(str::to_string)
}

/// Whether the manifest in `dir` says its run finished.
pub fn is_complete(dir: &Path) -> bool {
    let text = fs::read_to_string(dir.join(MANIFEST_FILE)).unwrap_or_default();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    json.get("complete").and_then(|c| c.as_bool()) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_run_is_refused_while_the_first_holds_the_folder() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputFolder::take(dir.path(), None).unwrap();
        let second = OutputFolder::take(dir.path(), None).unwrap_err();
        assert!(matches!(second, OutputError::Locked { .. }), "{second}");
        drop(first);
        assert!(OutputFolder::take(dir.path(), None).is_ok(), "the lock goes with the run");
    }

    #[test]
    fn a_lock_left_by_a_dead_process_is_taken_over() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(LOCK_FILE), "4000000000").unwrap();
        if Path::new("/proc").is_dir() {
            assert!(OutputFolder::take(dir.path(), None).is_ok());
        }
    }

    #[test]
    fn only_files_the_previous_manifest_lists_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["articles.csv", "articles.parquet", "evidence.csv", "mine.csv", "report.md"] {
            fs::write(d.join(name), "x").unwrap();
        }
        let manifest = r#"{"options": [["formats", "csv,parquet"]], "tables": ["articles"], "complete": true}"#;
        fs::write(d.join(MANIFEST_FILE), manifest).unwrap();
        assert!(is_complete(d));
        drop(OutputFolder::take(d, None).unwrap());
        let left: Vec<String> = {
            let mut names: Vec<String> =
                fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().to_string()).collect();
            names.sort();
            names
        };
        assert_eq!(left, ["evidence.csv", "mine.csv", "report.md"], "the user's files stay");
        assert!(!is_complete(d), "no manifest while a run writes");
        let escaping = r#"{"files": ["../outside.txt", "/etc/passwd", "charts/a.png"]}"#;
        assert_eq!(written_files(escaping), ["charts/a.png"]);
    }

    #[test]
    fn out_inside_the_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = OutputFolder::take(&dir.path().join("sub/out"), Some(dir.path())).unwrap_err();
        assert!(matches!(err, OutputError::InsideInput { .. }), "{err}");
        assert!(matches!(OutputFolder::take(dir.path(), Some(dir.path())), Err(OutputError::InsideInput { .. })));
        let elsewhere = tempfile::tempdir().unwrap();
        assert!(OutputFolder::take(&elsewhere.path().join("out"), Some(dir.path())).is_ok());
    }
}
