//! Corpus manifests: `manifest.csv` or `manifest.toml` beside the articles, one entry per file
//! with outlet, title, date, url and story.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::CorpusError;
use super::error::decode;

/// Metadata for one file.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// File name or path relative to the manifest.
    pub file: String,
    /// Article id (default: the file stem).
    #[serde(default)]
    pub id: String,
    /// Outlet.
    #[serde(default)]
    pub outlet: String,
    /// Headline.
    #[serde(default)]
    pub title: String,
    /// Publication date.
    #[serde(default)]
    pub date: String,
    /// Web address.
    #[serde(default)]
    pub url: String,
    /// Story.
    #[serde(default)]
    pub story: String,
    /// Line in the manifest.
    #[serde(skip)]
    pub line: usize,
}

/// A read manifest.
#[derive(Debug, Default)]
pub struct Manifest {
    /// The manifest file.
    pub path: PathBuf,
    entries: Vec<Entry>,
    by_key: HashMap<String, usize>,
    used: Vec<bool>,
}

/// Normalised key of a manifest path: forward slashes, no leading `./`.
fn key(path: &str) -> String {
    path.trim().replace('\\', "/").trim_start_matches("./").to_string()
}

impl Manifest {
    /// Look for `manifest.csv`, then `manifest.toml`, in `folder`. Problems are returned beside it.
    pub fn find(folder: &Path) -> (Option<Manifest>, Vec<CorpusError>) {
        let Some(path) = Manifest::file(folder) else { return (None, Vec::new()) };
        let read = if path.extension().is_some_and(|e| e == "csv") { read_csv(&path) } else { read_toml(&path) };
        match read {
            Ok((entries, mut errors)) => {
                let shown = path.display();
                let mut first: HashMap<String, usize> = HashMap::new();
                let mut kept = Vec::new();
                for entry in entries {
                    if let Some(line) = first.get(&key(&entry.file)) {
                        errors.push(CorpusError::new(
                            format!("{shown}:{}", entry.line),
                            format!(
                                "file `{}` is listed twice (first on line {line}); this row is ignored",
                                entry.file
                            ),
                            "keep one row per article file",
                        ));
                        continue;
                    }
                    first.insert(key(&entry.file), entry.line);
                    kept.push(entry);
                }
                errors.sort_by_key(|e| e.location.rsplit(':').next().and_then(|l| l.parse::<usize>().ok()));
                (Some(Manifest::from_entries(folder, kept)), errors)
            }
            Err(err) => (None, vec![err]),
        }
    }

    /// The manifest file of `folder`: `manifest.csv`, else `manifest.toml`, when it is a regular
    /// file in the folder (a symbolic link is not followed).
    pub fn file(folder: &Path) -> Option<std::path::PathBuf> {
        ["manifest.csv", "manifest.toml"]
            .into_iter()
            .map(|name| folder.join(name))
            .find(|path| std::fs::symlink_metadata(path).is_ok_and(|m| m.is_file()))
    }

    fn from_entries(folder: &Path, entries: Vec<Entry>) -> Manifest {
        let by_key = entries.iter().enumerate().map(|(i, e)| (key(&e.file), i)).collect();
        let path = Manifest::file(folder).unwrap_or_else(|| folder.join("manifest.csv"));
        Manifest { path, used: vec![false; entries.len()], entries, by_key }
    }

    /// The entry for a file, looked up by its path relative to the manifest, then by its name.
    pub fn lookup(&mut self, relative: &str, file_name: &str) -> Option<Entry> {
        let at = *self.by_key.get(&key(relative)).or_else(|| self.by_key.get(&key(file_name)))?;
        self.used[at] = true;
        Some(self.entries[at].clone())
    }

    /// Entries that named no file found in the folder.
    pub fn unused(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().zip(&self.used).filter(|(_, used)| !**used).map(|(e, _)| e)
    }
}

/// Read `manifest.csv` line by line: a manifest field never holds a line break, so a row with an
/// unterminated quote is reported alone instead of swallowing the rows after it, and line
/// numbers are right whatever the line endings.
fn read_csv(path: &Path) -> Result<(Vec<Entry>, Vec<CorpusError>), CorpusError> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the manifest path"))?;
    let text = decode(bytes, &shown)?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let parse = |line: &str| -> Result<Vec<String>, String> {
        let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(line.as_bytes());
        let record =
            reader.records().next().unwrap_or_else(|| Ok(csv::StringRecord::new())).map_err(|e| e.to_string())?;
        if line.matches('"').count() % 2 == 1 {
            return Err("unterminated quotation mark".into());
        }
        Ok(record.iter().map(|f| f.trim().to_string()).collect())
    };
    let Some((_, header)) = lines.next() else {
        return Err(CorpusError::new(format!("{shown}:1"), "empty manifest", "add a header row: file,outlet,…"));
    };
    let headers: Vec<String> = parse(header)
        .map_err(|e| CorpusError::new(format!("{shown}:1"), e, "the first row must name the columns"))?
        .iter()
        .map(|h| h.to_lowercase())
        .collect();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let Some(file_col) = column("file") else {
        let message = format!("manifest has no `file` column (columns: {})", headers.join(", "));
        return Err(CorpusError::new(
            format!("{shown}:1"),
            message,
            "add a `file` column naming each article file; outlets are inferred meanwhile",
        ));
    };
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in lines {
        let line = i + 1;
        let record = match parse(raw) {
            Ok(r) => r,
            Err(e) => {
                errors.push(CorpusError::new(format!("{shown}:{line}"), e, "fix the CSV row; this row is skipped"));
                continue;
            }
        };
        let field = |name: &str| column(name).and_then(|i| record.get(i)).cloned().unwrap_or_default();
        let file = record.get(file_col).cloned().unwrap_or_default();
        if file.is_empty() {
            errors.push(CorpusError::new(format!("{shown}:{line}"), "empty `file` value", "name the article file"));
            continue;
        }
        entries.push(Entry {
            file,
            id: field("id"),
            outlet: field("outlet"),
            title: field("title"),
            date: field("date"),
            url: field("url"),
            story: field("story"),
            line,
        });
    }
    Ok((entries, errors))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LooseTomlManifest {
    #[serde(default)]
    article: Vec<toml::Spanned<toml::Table>>,
}

/// Read `manifest.toml`; each `[[article]]` is checked on its own, so one badly typed entry is
/// reported with its line and the others are kept.
fn read_toml(path: &Path) -> Result<(Vec<Entry>, Vec<CorpusError>), CorpusError> {
    let shown = path.display().to_string();
    let bytes = fs::read(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the manifest path"))?;
    let text = decode(bytes, &shown)?;
    let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let parsed: LooseTomlManifest = toml::from_str(&text).map_err(|e| {
        let line = e.span().map_or(0, |s| line_of(s.start));
        CorpusError::new(format!("{shown}:{line}"), e.message().trim(), "each [[article]] needs file = \"…\"")
    })?;
    let mut entries = Vec::new();
    let mut errors = Vec::new();
    for spanned in parsed.article {
        let line = line_of(spanned.span().start);
        match Entry::deserialize(toml::Value::Table(spanned.into_inner())) {
            Ok(entry) if entry.file.trim().is_empty() => {
                errors.push(CorpusError::new(format!("{shown}:{line}"), "empty `file` value", "name the article file"));
            }
            Ok(entry) => entries.push(Entry { line, ..entry }),
            Err(e) => errors.push(CorpusError::new(
                format!("{shown}:{line}"),
                format!("[[article]]: {}", e.message().trim()),
                "fix this entry; the others are read",
            )),
        }
    }
    Ok((entries, errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_manifest_entries_are_found_by_name_and_path() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("manifest.csv"),
            "file,outlet,title,extra\na.txt,HuffPost,T,x\nsub/b.txt,The Hill,U,y\n",
        )
        .unwrap();
        let (manifest, errors) = Manifest::find(dir.path());
        assert!(errors.is_empty());
        let mut manifest = manifest.unwrap();
        assert_eq!(manifest.lookup("x/a.txt", "a.txt").unwrap().outlet, "HuffPost");
        let b = manifest.lookup("sub/b.txt", "b.txt").unwrap();
        assert_eq!((b.outlet.as_str(), b.line), ("The Hill", 3));
        assert_eq!(manifest.unused().count(), 0);
    }

    #[test]
    fn manifest_without_file_column_is_an_error_naming_the_columns() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("manifest.csv"), "name,outlet\na.txt,HuffPost\n").unwrap();
        let (manifest, errors) = Manifest::find(dir.path());
        assert!(manifest.is_none());
        let message = errors[0].to_string();
        assert!(message.contains("manifest.csv:1: manifest has no `file` column (columns: name, outlet)"), "{message}");
    }

    #[test]
    fn toml_manifest_reads_articles_with_lines() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("manifest.toml"),
            "[[article]]\nfile = \"a.txt\"\noutlet = \"Sputnik\"\n\n[[article]]\nfile = \"b.txt\"\n",
        )
        .unwrap();
        let (manifest, errors) = Manifest::find(dir.path());
        assert!(errors.is_empty());
        let mut manifest = manifest.unwrap();
        let b = manifest.lookup("b.txt", "b.txt").unwrap();
        assert_eq!((b.outlet.as_str(), b.line), ("", 5));
    }

    #[test]
    fn every_bad_row_is_named_and_the_good_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let csv = "file,outlet\r\na.txt,X\r\n\"b.txt,Y\r\nc.txt,Z\r\na.txt,W\r\n";
        fs::write(dir.path().join("manifest.csv"), csv).unwrap();
        let (manifest, errors) = Manifest::find(dir.path());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages[0].contains("manifest.csv:3: unterminated quotation mark"), "{}", messages[0]);
        assert!(
            messages[1].contains("manifest.csv:5: file `a.txt` is listed twice (first on line 2)"),
            "{}",
            messages[1]
        );
        let mut manifest = manifest.unwrap();
        assert_eq!(manifest.lookup("c.txt", "c.txt").unwrap().line, 4, "the row after the bad quote is kept");
        assert_eq!(manifest.lookup("a.txt", "a.txt").unwrap().outlet, "X", "the first row wins");
        assert_eq!(manifest.unused().count(), 0, "the duplicate is not reported as missing");
    }

    #[test]
    fn a_badly_typed_toml_entry_is_named_and_the_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let toml = "[[article]]\nfile = \"a.txt\"\n\n[[article]]\nfile = \"b.txt\"\noutlet = 3\n\n[[article]]\nfile = \"c.txt\"\nauthor = \"x\"\n";
        fs::write(dir.path().join("manifest.toml"), toml).unwrap();
        let (manifest, errors) = Manifest::find(dir.path());
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages.len(), 2, "{messages:#?}");
        assert!(messages[0].contains("manifest.toml:4:"), "{}", messages[0]);
        assert!(messages[1].contains("manifest.toml:8:") && messages[1].contains("author"), "{}", messages[1]);
        assert!(manifest.unwrap().lookup("a.txt", "a.txt").is_some());
    }

    #[test]
    fn empty_file_value_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("manifest.csv"), "file,outlet\na.txt,X\n,Y\n").unwrap();
        let (_, errors) = Manifest::find(dir.path());
        assert_eq!(errors.len(), 1);
        assert!(errors[0].location.ends_with("manifest.csv:3"), "{}", errors[0]);
    }
}
