//! Walking a folder without leaving it: symbolic links are not followed unless asked, and even
//! then never out of the folder or round a loop; FIFOs, sockets and devices are skipped (reading
//! one would hang or never end). Every skipped path comes back with the reason.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::CorpusError;

/// The files a walk found, sorted, and the paths it skipped, with why.
#[derive(Debug, Default)]
pub struct Walk {
    /// Regular files that `keep` accepted.
    pub files: Vec<PathBuf>,
    /// Symbolic links not followed, links out of the folder or round a loop, special files.
    pub skipped: Vec<CorpusError>,
}

/// The size of `path` when it is a regular file, or the reason it cannot be read as one (a FIFO
/// would block the reader forever).
pub fn regular_file(path: &Path) -> Result<u64, String> {
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_file() {
        Ok(meta.len())
    } else if meta.is_dir() {
        Err("a folder, not a file".into())
    } else {
        Err("not a regular file (a FIFO, socket or device), so it is not read".into())
    }
}

/// Regular files below `root` that `keep` accepts, sorted. With `follow_links`, symbolic links
/// are followed when their target lies inside `root`; folders already visited (a loop) are
/// skipped.
pub fn walk(root: &Path, follow_links: bool, keep: impl Fn(&Path) -> bool) -> Walk {
    let mut out = Walk::default();
    let Ok(canonical_root) = fs::canonicalize(root) else { return out };
    let mut visited: HashSet<PathBuf> = HashSet::from([canonical_root.clone()]);
    let mut stack = vec![root.to_path_buf()];
    let skip = |out: &mut Walk, path: &Path, why: &str, fix: &str| {
        out.skipped.push(CorpusError::new(path.display(), why, fix));
    };
    while let Some(folder) = stack.pop() {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else { continue };
            let meta = if kind.is_symlink() {
                if !follow_links {
                    if keep(&path) || path.is_dir() {
                        skip(
                            &mut out,
                            &path,
                            "symbolic link not followed",
                            "give --follow-links to read links inside the INPUT folder",
                        );
                    }
                    continue;
                }
                let Ok(target) = fs::canonicalize(&path) else {
                    skip(&mut out, &path, "broken symbolic link", "fix or remove the link");
                    continue;
                };
                if !target.starts_with(&canonical_root) {
                    skip(
                        &mut out,
                        &path,
                        "symbolic link to a place outside the INPUT folder, not read",
                        "copy the file into the folder",
                    );
                    continue;
                }
                match fs::metadata(&target) {
                    Ok(meta) => meta,
                    Err(_) => continue,
                }
            } else {
                match entry.metadata() {
                    Ok(meta) => meta,
                    Err(_) => continue,
                }
            };
            if meta.is_dir() {
                let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if visited.insert(canonical) {
                    stack.push(path);
                } else {
                    skip(&mut out, &path, "folder already read (a symbolic-link loop), not read again", "");
                }
            } else if meta.is_file() {
                if keep(&path) {
                    out.files.push(path);
                }
            } else {
                skip(&mut out, &path, "not a regular file (a FIFO, socket or device), so it is not read", "");
            }
        }
    }
    out.files.sort();
    out.skipped.sort_by(|a, b| a.location.cmp(&b.location));
    out
}

/// Regular files below `dir` that `keep` accepts, sorted; links are not followed.
pub fn files_below(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    walk(dir, false, keep).files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_files_come_back_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a/c.txt", "a/d.md", "z.txt"] {
            let path = dir.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, "x").unwrap();
        }
        let found: Vec<String> = files_below(dir.path(), |p| p.extension().is_some_and(|e| e == "txt"))
            .iter()
            .map(|p| p.strip_prefix(dir.path()).unwrap().to_string_lossy().to_string())
            .collect();
        assert_eq!(found, ["a/c.txt", "b.txt", "z.txt"]);
    }

    #[cfg(unix)]
    #[test]
    fn links_stay_inside_the_folder_loops_end_and_fifos_are_skipped() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.txt"), "x").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("a")).unwrap();
        fs::write(root.join("a/real.txt"), "x").unwrap();
        symlink(outside.path().join("secret.txt"), root.join("leak.txt")).unwrap();
        symlink(root.join("a/real.txt"), root.join("inside.txt")).unwrap();
        symlink(root, root.join("a/loop")).unwrap();
        let fifo = root.join("pipe.txt");
        assert!(std::process::Command::new("mkfifo").arg(&fifo).status().unwrap().success());
        let names = |w: &Walk| -> Vec<String> {
            w.files.iter().map(|p| p.strip_prefix(root).unwrap().to_string_lossy().to_string()).collect()
        };
        let plain = walk(root, false, |_| true);
        assert_eq!(names(&plain), ["a/real.txt"], "no link followed");
        assert_eq!(plain.skipped.len(), 4, "{:#?}", plain.skipped);
        let followed = walk(root, true, |_| true);
        assert_eq!(names(&followed), ["a/real.txt", "inside.txt"], "inside links only, the loop read once");
        let reasons: Vec<&str> = followed.skipped.iter().map(|e| e.message.as_str()).collect();
        assert!(reasons.iter().any(|r| r.contains("outside the INPUT folder")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("loop")), "{reasons:?}");
        assert!(reasons.iter().any(|r| r.contains("FIFO")), "{reasons:?}");
        assert!(regular_file(&fifo).unwrap_err().contains("FIFO"));
    }
}
