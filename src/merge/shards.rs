//! The runs a merge reads ("shards"): their manifests, checked for completeness and agreement,
//! in a fixed order.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};

use polars::prelude::{ParquetReader, SerReader};

use super::MergeError;
use crate::pipeline::ARTICLE_PARTIALS;
use crate::report::{MANIFEST_FILE, RunManifest};

/// Options that only decide what is computed from whole outlets (intervals, tests, which copies
/// count): a merge takes its own, so shards may differ in them.
pub const MERGE_TIME_OPTIONS: [&str; 6] = ["intervals", "permutations", "pairs", "alpha", "seed", "drop_copies"];

/// One run to merge.
#[derive(Clone, Debug)]
pub struct Shard {
    /// Its output folder.
    pub dir: PathBuf,
    /// Its manifest.
    pub manifest: RunManifest,
}

impl Shard {
    /// Read the shard in `dir`, refusing one whose run did not finish or that has no article states
    /// of this version's format.
    pub fn open(dir: &Path) -> Result<Shard, MergeError> {
        let fail = |message: String| MergeError::Shard { dir: dir.to_path_buf(), message };
        let path = dir.join(MANIFEST_FILE);
        let text = std::fs::read_to_string(&path)
            .map_err(|e| fail(format!("cannot read {MANIFEST_FILE} ({e}): not the output of a finished run")))?;
        let manifest: RunManifest =
            serde_json::from_str(&text).map_err(|e| fail(format!("{MANIFEST_FILE} is not a run manifest: {e}")))?;
        if !manifest.complete {
            return Err(fail(format!("its run did not finish ({MANIFEST_FILE} says \"complete\": false)")));
        }
        if !manifest.files.iter().any(|f| f == &format!("{ARTICLE_PARTIALS}.parquet")) {
            return Err(fail(format!(
                "no {ARTICLE_PARTIALS}.parquet (written by framelens {} and later); run extract again",
                env!("CARGO_PKG_VERSION")
            )));
        }
        let shard = Shard { dir: dir.to_path_buf(), manifest };
        shard.check_state_format()?;
        Ok(shard)
    }

    /// The value of option `name` in its manifest.
    pub fn option(&self, name: &str) -> Option<&str> {
        self.manifest.option(name)
    }

    /// Its article ids, in input order.
    pub fn article_ids(&self) -> Result<Vec<String>, MergeError> {
        let frame = read_parquet(&self.dir, ARTICLE_PARTIALS, Some(&["article"]))?;
        let ids = frame.column("article").and_then(|c| c.str().cloned()).map_err(|e| self.error(e))?;
        Ok(ids.iter().map(|id| id.unwrap_or_default().to_string()).collect())
    }

    /// Refuse a shard whose article states are not bytes (text states were written by framelens
    /// before 2026-12-06); only the file's schema is read.
    fn check_state_format(&self) -> Result<(), MergeError> {
        let path = self.dir.join(format!("{ARTICLE_PARTIALS}.parquet"));
        let file = File::open(&path).map_err(|e| self.error(format!("{ARTICLE_PARTIALS}.parquet: {e}")))?;
        let schema =
            ParquetReader::new(file).schema().map_err(|e| self.error(format!("{ARTICLE_PARTIALS}.parquet: {e}")))?;
        let binary = schema.get("state").is_some_and(|field| {
            use polars::prelude::ArrowDataType as T;
            matches!(field.dtype, T::BinaryView | T::Binary | T::LargeBinary)
        });
        if binary {
            return Ok(());
        }
        Err(self.error(format!(
            "{ARTICLE_PARTIALS}.parquet: its states are not bytes, so an older framelens wrote them; run extract again"
        )))
    }

    /// An error about this shard.
    pub fn error(&self, message: impl std::fmt::Display) -> MergeError {
        MergeError::Shard { dir: self.dir.clone(), message: message.to_string() }
    }
}

/// Rows a merge reads of a shard's table at a time, so that a shard larger than memory merges.
pub const SLICE_ROWS: usize = 65_536;

/// Read `dir/NAME.parquet` (only `columns`, when given).
pub fn read_parquet(
    dir: &Path,
    name: &str,
    columns: Option<&[&str]>,
) -> Result<polars::prelude::DataFrame, MergeError> {
    let mut whole: Option<polars::prelude::DataFrame> = None;
    read_slices(dir, name, columns, |frame, _| {
        match &mut whole {
            Some(whole) => {
                whole
                    .vstack_mut_owned(frame)
                    .map_err(|e| MergeError::Shard { dir: dir.to_path_buf(), message: e.to_string() })?;
            }
            None => whole = Some(frame),
        }
        Ok(())
    })?;
    Ok(whole.expect("read_slices gives at least one slice"))
}

/// Hand `dir/NAME.parquet` to `each` in slices of [`SLICE_ROWS`] rows, with the number of the
/// slice's first row (an empty table: one empty slice, which carries the schema).
pub fn read_slices(
    dir: &Path,
    name: &str,
    columns: Option<&[&str]>,
    each: impl FnMut(polars::prelude::DataFrame, usize) -> Result<(), MergeError>,
) -> Result<(), MergeError> {
    read_slices_of(dir, name, columns, SLICE_ROWS, each)
}

/// [`read_slices`] with slices of `slice_rows` rows.
fn read_slices_of(
    dir: &Path,
    name: &str,
    columns: Option<&[&str]>,
    slice_rows: usize,
    mut each: impl FnMut(polars::prelude::DataFrame, usize) -> Result<(), MergeError>,
) -> Result<(), MergeError> {
    let path = dir.join(format!("{name}.parquet"));
    let fail = |e: &dyn std::fmt::Display| MergeError::Shard {
        dir: dir.to_path_buf(),
        message: format!("{name}.parquet: {e}"),
    };
    let open = || -> Result<ParquetReader<File>, MergeError> {
        let reader = ParquetReader::new(File::open(&path).map_err(|e| fail(&e))?);
        Ok(match columns {
            Some(columns) => reader.with_columns(Some(columns.iter().map(|c| c.to_string()).collect())),
            None => reader,
        })
    };
    let rows = open()?.num_rows().map_err(|e| fail(&e))?;
    let mut offset = 0;
    loop {
        let frame = open()?.with_slice(Some((offset, slice_rows))).finish().map_err(|e| fail(&e))?;
        each(frame, offset)?;
        offset += slice_rows;
        if offset >= rows {
            return Ok(());
        }
    }
}

/// Put shards in merge order: by folder, numbers compared as numbers (`part-2` before
/// `part-10`), then by input path. A single run reading the shards' inputs in this order writes
/// the same tables.
pub fn order(shards: &mut [Shard]) {
    shards.sort_by(|a, b| {
        natural(&a.dir.to_string_lossy(), &b.dir.to_string_lossy())
            .then_with(|| natural(&a.manifest.input, &b.manifest.input))
    });
}

/// Compare two strings with runs of digits compared by value.
pub fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (da, db) = (digits(a), digits(b));
                let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                let by_value = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb)).then_with(|| da.cmp(&db));
                if by_value != Ordering::Equal {
                    return by_value;
                }
                (a, b) = (&a[da..], &b[db..]);
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                (a, b) = (&a[1..], &b[1..]);
            }
        }
    }
}

fn digits(s: &[u8]) -> usize {
    s.iter().take_while(|c| c.is_ascii_digit()).count()
}

fn trim_zeros(s: &[u8]) -> &[u8] {
    let zeros = s.iter().take_while(|c| **c == b'0').count();
    &s[zeros..]
}

/// Refuse shards that were not measured alike: another framelens version, other lexicons (by
/// hash), other story lexicons or other options. The message names the first difference.
pub fn check_alike(shards: &[Shard]) -> Result<(), MergeError> {
    let Some(first) = shards.first() else { return Ok(()) };
    let lexicons = |s: &Shard| -> BTreeMap<String, String> {
        s.manifest.lexicons.iter().map(|l| (format!("{} ({})", l.id, l.source), l.sha256.clone())).collect()
    };
    let stories = |s: &Shard| -> Vec<String> {
        s.manifest.story_lexicons.iter().filter(|c| c.applied).map(|c| c.id.clone()).collect()
    };
    let options = |s: &Shard| -> BTreeMap<String, String> {
        s.manifest.options.iter().filter(|(n, _)| !MERGE_TIME_OPTIONS.contains(&n.as_str())).cloned().collect()
    };
    for other in &shards[1..] {
        let differ = |what: String| MergeError::Differ { first: first.dir.clone(), other: other.dir.clone(), what };
        if first.manifest.framelens_version != other.manifest.framelens_version {
            return Err(differ(format!(
                "framelens version: {} and {}",
                first.manifest.framelens_version, other.manifest.framelens_version
            )));
        }
        let (mine, theirs) = (lexicons(first), lexicons(other));
        for (name, hash) in &mine {
            match theirs.get(name) {
                None => return Err(differ(format!("lexicon {name}: used by the first only"))),
                Some(h) if h != hash => {
                    return Err(differ(format!("lexicon {name}: sha256 {} and {}", short(hash), short(h))));
                }
                Some(_) => {}
            }
        }
        if let Some(name) = theirs.keys().find(|n| !mine.contains_key(*n)) {
            return Err(differ(format!("lexicon {name}: used by the second only")));
        }
        if stories(first) != stories(other) {
            return Err(differ(format!(
                "story lexicons applied: [{}] and [{}]",
                stories(first).join(", "),
                stories(other).join(", ")
            )));
        }
        let (mine, theirs) = (options(first), options(other));
        for name in mine.keys().chain(theirs.keys()) {
            let (a, b) = (mine.get(name), theirs.get(name));
            if a != b {
                let shown = |v: Option<&String>| v.map_or("(not set)".to_string(), |v| format!("`{v}`"));
                return Err(differ(format!("option {name}: {} and {}", shown(a), shown(b))));
            }
        }
    }
    Ok(())
}

fn short(hash: &str) -> &str {
    &hash[..hash.len().min(12)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_read_in_slices_that_add_up_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let ids: Vec<String> = (0..10).map(|i| format!("a{i}")).collect();
        let mut frame =
            crate::table::FrameBuilder::default().text("article", &ids).count("n", (0..10).collect()).build();
        crate::report::write_table(dir.path(), "t", &mut frame).unwrap();
        let mut seen = Vec::new();
        read_slices_of(dir.path(), "t", Some(&["article"]), 3, |slice, offset| {
            assert_eq!(slice.width(), 1);
            seen.push((offset, slice.height()));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, [(0, 3), (3, 3), (6, 3), (9, 1)]);
        let mut empty = frame.clear();
        crate::report::write_table(dir.path(), "e", &mut empty).unwrap();
        let mut slices = 0;
        read_slices_of(dir.path(), "e", None, 3, |slice, _| {
            assert_eq!((slice.height(), slice.width()), (0, 2));
            slices += 1;
            Ok(())
        })
        .unwrap();
        assert_eq!(slices, 1, "an empty table still gives its schema");
        assert_eq!(read_parquet(dir.path(), "t", None).unwrap(), frame);
    }

    #[test]
    fn numbers_in_names_sort_by_value() {
        let mut names = vec!["part-10.jsonl", "part-2.jsonl", "part-1.jsonl", "part-02.jsonl", "a", "part-"];
        names.sort_by(|a, b| natural(a, b));
        assert_eq!(names, ["a", "part-", "part-1.jsonl", "part-2.jsonl", "part-02.jsonl", "part-10.jsonl"]);
    }
}
