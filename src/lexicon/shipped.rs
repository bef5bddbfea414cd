//! Lexicon sources: the files shipped under `lexicons/` (embedded in the binary, so the defaults
//! work from any directory) and files or folders named on the command line.

use std::fs;
use std::path::{Path, PathBuf};

use super::model::Source;
use super::problem::{Problem, Severity};
use crate::corpus::{files_below, regular_file};

/// The shipped lexicons: (path in the repository, contents). A test checks this list against
/// the files on disk, so a new lexicon file cannot be forgotten here.
pub const SHIPPED: &[(&str, &str)] = &[
    ("lexicons/frames.toml", include_str!("../../lexicons/frames.toml")),
    ("lexicons/general/hedges.toml", include_str!("../../lexicons/general/hedges.toml")),
    ("lexicons/general/labels.toml", include_str!("../../lexicons/general/labels.toml")),
    ("lexicons/general/loaded.toml", include_str!("../../lexicons/general/loaded.toml")),
    ("lexicons/general/media.toml", include_str!("../../lexicons/general/media.toml")),
    ("lexicons/general/reporting.toml", include_str!("../../lexicons/general/reporting.toml")),
    ("lexicons/general/voices.toml", include_str!("../../lexicons/general/voices.toml")),
    ("lexicons/stories/caravan-2018.toml", include_str!("../../lexicons/stories/caravan-2018.toml")),
    ("lexicons/stories/iraq-2020.toml", include_str!("../../lexicons/stories/iraq-2020.toml")),
];

/// The story lexicon of the example corpus (`corpora/iraq-2020`).
pub const DEFAULT_STORY: &str = "iraq-2020";

/// The shipped lexicons of the example corpus: the frame vocabulary, every general lexicon, and
/// the [`DEFAULT_STORY`]. The command line chooses story lexicons per corpus instead (see
/// [`choose_stories`](super::choose_stories)).
pub fn shipped_sources() -> Vec<Source> {
    shipped_with_stories(&[DEFAULT_STORY])
}

/// The frame vocabulary and general lexicons, with the named shipped story lexicons.
pub fn shipped_with_stories(stories: &[&str]) -> Vec<Source> {
    SHIPPED
        .iter()
        .filter(|(name, _)| match shipped_story(name) {
            Some(story) => stories.contains(&story),
            None => true,
        })
        .map(|(name, text)| Source { name: name.to_string(), text: text.to_string() })
        .collect()
}

/// Every shipped story lexicon with its anchors, for [`choose_stories`](super::choose_stories).
pub fn story_candidates() -> Vec<super::StoryCandidate> {
    let loaded = super::load(&shipped_with_stories(&shipped_stories()));
    shipped_stories()
        .into_iter()
        .map(|id| {
            let anchors = loaded.set.files.iter().find(|f| f.id == id).map_or_else(Vec::new, |f| f.anchors.clone());
            super::StoryCandidate { id: id.to_string(), anchors }
        })
        .collect()
}

/// Ids of the shipped story lexicons.
pub fn shipped_stories() -> Vec<&'static str> {
    SHIPPED.iter().filter_map(|(name, _)| shipped_story(name)).collect()
}

fn shipped_story(name: &str) -> Option<&str> {
    name.strip_prefix("lexicons/stories/")?.strip_suffix(".toml")
}

/// Read lexicon files and every `*.toml` below lexicon folders, in sorted order.
/// Files that cannot be read become problems; the rest are returned.
pub fn read_sources(paths: &[PathBuf]) -> (Vec<Source>, Vec<Problem>) {
    let mut sources = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let files = if path.is_dir() { toml_files(path) } else { vec![path.clone()] };
        if files.is_empty() {
            problems.push(unreadable(path, "no .toml files in this folder"));
        }
        for file in files {
            if let Err(why) = regular_file(&file) {
                problems.push(unreadable(&file, &why));
                continue;
            }
            match fs::read_to_string(&file) {
                Ok(text) => sources.push(Source { name: file.display().to_string(), text }),
                Err(err) => problems.push(unreadable(&file, &err.to_string())),
            }
        }
    }
    (sources, problems)
}

fn unreadable(path: &Path, why: &str) -> Problem {
    Problem {
        severity: Severity::Error,
        file: path.display().to_string(),
        line: 0,
        column: 0,
        message: format!("cannot read lexicon: {why}"),
        fix: "check the --lexicon path".into(),
    }
}

/// The `.toml` files below `dir`, except those in a `language/` folder: that holds language data
/// (`english.toml`, the word classes the rules use), not lexicons.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let in_language_folder =
        |p: &Path| p.strip_prefix(dir).is_ok_and(|rest| rest.components().any(|c| c.as_os_str() == "language"));
    files_below(dir, |p| p.extension().is_some_and(|e| e == "toml") && !in_language_folder(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::load;

    #[test]
    fn shipped_lexicons_load_without_problems() {
        let loaded = load(&shipped_sources());
        assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
        assert_eq!(shipped_stories(), ["caravan-2018", "iraq-2020"]);
        let caravan = load(&shipped_with_stories(&["caravan-2018"]));
        assert!(caravan.problems.is_empty(), "{:#?}", caravan.problems);
        assert!(caravan.set.concepts.iter().any(|c| c.id == "caravan_members"));
        assert!(!caravan.set.concepts.iter().any(|c| c.id == "expel_troops"));
        assert!(loaded.set.concepts.len() >= 7);
        assert!(loaded.set.outlets.iter().any(|o| o.name == "Reuters" && o.wire));
    }

    #[test]
    fn embedded_copies_match_the_files_on_disk() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let on_disk: Vec<String> = toml_files(&root.join("lexicons"))
            .iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        let embedded: Vec<&str> = SHIPPED.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, embedded, "update SHIPPED in src/lexicon/shipped.rs");
        for (name, text) in SHIPPED {
            assert_eq!(&fs::read_to_string(root.join(name)).unwrap(), text, "{name}");
        }
    }
}
