//! A folder of article files (.txt, .md, .html), with an optional manifest.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use super::error::within_limit;
use super::error::{decode, require_text};
use super::manifest::{Entry, Manifest};
use super::walk::{Walk, regular_file, walk};
use super::{Article, ArticleStream, CorpusError, OutletGuesser, ReadOptions, extract_main_text};

const ARTICLE_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// Stream the articles of `folder`, sorted by path. Manifest problems and manifest rows that
/// name no file come out as errors; every readable article is still yielded.
pub fn read_folder(
    folder: &Path,
    options: &ReadOptions,
    guesser: &OutletGuesser,
) -> Result<ArticleStream, CorpusError> {
    let (mut manifest, manifest_errors) = Manifest::find(folder);
    let Walk { files, skipped } = article_files(folder, options);
    let files: Vec<PathBuf> = files.iter().map(|p| p.strip_prefix(folder).unwrap_or(p).to_path_buf()).collect();
    if files.is_empty() {
        return Err(CorpusError::new(
            folder.display(),
            "no article files (.txt, .md, .html) in this folder",
            "check the INPUT path",
        ));
    }
    let ids = article_ids(&files);
    let planned: Vec<(PathBuf, String, Option<Entry>)> = files
        .iter()
        .zip(ids)
        .map(|(relative, id)| {
            let name = relative.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
            let entry = manifest.as_mut().and_then(|m| m.lookup(&relative.to_string_lossy(), &name));
            (folder.join(relative), id, entry)
        })
        .collect();
    let unused: Vec<CorpusError> = manifest.as_ref().map_or_else(Vec::new, |m| {
        let shown = m.path.display();
        m.unused()
            .map(|e| {
                let location = format!("{shown}:{}", e.line);
                if leaves_folder(&e.file) {
                    CorpusError::new(
                        location,
                        format!("file `{}` is outside the corpus folder, which framelens never reads", e.file),
                        "give a path inside the folder, relative to the manifest, or move the file in",
                    )
                } else {
                    CorpusError::new(
                        location,
                        format!("file `{}` not found", e.file),
                        "fix the file name or remove the row",
                    )
                }
            })
            .collect()
    });
    let guesser = guesser.clone();
    let limit = options.max_article_bytes;
    let articles = planned.into_iter().map(move |(path, id, entry)| read_article(&path, id, entry, limit, &guesser));
    let problems = manifest_errors.into_iter().chain(skipped).map(Err);
    Ok(Box::new(problems.chain(articles).chain(unused.into_iter().map(Err))))
}

/// Whether a manifest path points out of the folder: absolute, or climbing with `..`.
fn leaves_folder(file: &str) -> bool {
    let path = Path::new(file);
    path.has_root()
        || file.starts_with('\\')
        || path.components().any(|c| matches!(c, std::path::Component::ParentDir | std::path::Component::Prefix(_)))
}

/// Read one file as a corpus of one article.
pub fn read_single(path: &Path, options: &ReadOptions, guesser: &OutletGuesser) -> Result<Article, CorpusError> {
    let id = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    read_article(path, id, None, options.max_article_bytes, guesser)
}

/// Article files below `folder` (sorted full paths), and what the walk skipped. Manifests and
/// READMEs are not articles.
pub(super) fn article_files(folder: &Path, options: &ReadOptions) -> Walk {
    walk(folder, options.follow_links, is_article_file)
}

fn is_article_file(path: &Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase()).unwrap_or_default();
    let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    ARTICLE_EXTENSIONS.contains(&ext.as_str()) && !name.starts_with("manifest.") && !name.starts_with("readme")
}

/// File stems, or relative paths without extension where two files share a stem.
fn article_ids(files: &[PathBuf]) -> Vec<String> {
    let stem = |p: &PathBuf| p.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let mut counts: HashMap<String, usize> = HashMap::new();
    for file in files {
        *counts.entry(stem(file)).or_default() += 1;
    }
    files
        .iter()
        .map(|f| if counts[&stem(f)] > 1 { f.with_extension("").to_string_lossy().replace('\\', "/") } else { stem(f) })
        .collect()
}

fn read_article(
    path: &Path,
    id: String,
    entry: Option<Entry>,
    limit: u64,
    guesser: &OutletGuesser,
) -> Result<Article, CorpusError> {
    let shown = path.display().to_string();
    let size = regular_file(path).map_err(|why| CorpusError::new(&shown, why, "give a regular file"))?;
    within_limit(size, limit, &shown)?;
    let bytes = fs::read(path).map_err(|e| CorpusError::new(&shown, e.to_string(), "check the file's permissions"))?;
    let raw = decode(bytes, &shown)?;
    let is_html = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let (html_title, text) = if is_html { extract_main_text(&raw) } else { (String::new(), raw) };
    let text = require_text(text, &shown)?;
    let entry = entry.unwrap_or_default();
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let (outlet, rule) = if entry.outlet.is_empty() {
        guesser.guess(&text, &entry.url, Some(&stem))
    } else {
        (entry.outlet.clone(), "manifest")
    };
    let title =
        [entry.title.clone(), html_title].into_iter().find(|t| !t.is_empty()).unwrap_or_else(|| first_line(&text));
    Ok(Article {
        id: if entry.id.is_empty() { id } else { entry.id },
        source: shown,
        outlet,
        outlet_rule: rule.to_string(),
        title,
        date: entry.date,
        url: entry.url,
        story: entry.story,
        text,
    })
}

/// The first non-empty line, when it is short enough to be a headline.
pub fn first_line(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    if line.chars().count() <= 200 { line.to_string() } else { String::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }

    #[test]
    fn bad_files_are_reported_and_the_rest_still_read() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "manifest.csv", b"file,outlet\na.txt,HuffPost\nb.txt,Sputnik\ngone.txt,X\n");
        write(dir.path(), "a.txt", "Headline\n\nThe vote.".as_bytes());
        write(dir.path(), "b.txt", b"caf\xe9 au lait\n");
        write(dir.path(), "c.txt", b"  \n\n");
        write(dir.path(), "sub/d.md", b"# Heading\n\nText retrieved from nowhere.");
        let results: Vec<Result<Article, CorpusError>> =
            read_folder(dir.path(), &ReadOptions::default(), &OutletGuesser::default()).unwrap().collect();
        let ok: Vec<(&str, &str, &str)> =
            results.iter().flatten().map(|a| (a.id.as_str(), a.outlet.as_str(), a.outlet_rule.as_str())).collect();
        assert_eq!(ok, [("a", "HuffPost", "manifest"), ("d", "d", "file_stem")]);
        let errors: Vec<String> = results.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].contains("b.txt:1: not valid UTF-8"), "{}", errors[0]);
        assert!(errors[1].contains("c.txt: empty article"), "{}", errors[1]);
        assert!(errors[2].contains("manifest.csv:4: file `gone.txt` not found"), "{}", errors[2]);
    }

    #[test]
    fn a_manifest_path_out_of_the_folder_is_refused_with_its_line_and_reason() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        write(&corpus, "manifest.csv", b"file,outlet\na.txt,HuffPost\n../secret.txt,X\n/etc/passwd,Y\n");
        write(&corpus, "a.txt", b"The vote.");
        write(dir.path(), "secret.txt", b"Not an article of this corpus.");
        let results: Vec<Result<Article, CorpusError>> =
            read_folder(&corpus, &ReadOptions::default(), &OutletGuesser::default()).unwrap().collect();
        assert_eq!(results.iter().flatten().count(), 1);
        let errors: Vec<String> = results.iter().filter_map(|r| r.as_ref().err()).map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{errors:#?}");
        assert!(
            errors[0].contains("manifest.csv:3: file `../secret.txt` is outside the corpus folder"),
            "{}",
            errors[0]
        );
        assert!(errors[1].contains("manifest.csv:4: file `/etc/passwd` is outside the corpus folder"), "{}", errors[1]);
    }

    #[test]
    fn an_article_over_the_size_limit_is_skipped_whole_and_named() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "big.txt", &vec![b'a'; 2_000]);
        write(dir.path(), "small.txt", b"A short article.");
        let options = ReadOptions { max_article_bytes: 1_000, ..ReadOptions::default() };
        let results: Vec<_> = read_folder(dir.path(), &options, &OutletGuesser::default()).unwrap().collect();
        let err = results[0].as_ref().unwrap_err().to_string();
        assert!(err.contains("big.txt: article of 2000 bytes is over the limit of 1000 bytes, skipped"), "{err}");
        assert_eq!(results[1].as_ref().unwrap().text, "A short article.", "never cut, the rest still read");
    }

    #[test]
    fn title_falls_back_to_the_first_line() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"\n  Iraq votes to expel US troops\nBody.");
        let article =
            read_single(&dir.path().join("a.txt"), &ReadOptions::default(), &OutletGuesser::default()).unwrap();
        assert_eq!(article.title, "Iraq votes to expel US troops");
    }
}
