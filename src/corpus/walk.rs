//! Files below a folder, recursively, in sorted order: the one directory walk every stage uses
//! (article folders, lexicon folders, input hashing), so all of them list files the same way.

use std::fs;
use std::path::{Path, PathBuf};

/// Every file below `dir` for which `keep` is true, as full paths, sorted. Unreadable folders
/// are skipped.
pub fn files_below(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        let Ok(entries) = fs::read_dir(&folder) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if keep(&path) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
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
}
