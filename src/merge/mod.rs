//! MERGE: combine the outputs of runs over parts of a corpus ("shards") into the tables one run
//! over the whole corpus writes.
//!
//! Every run writes `article_partials`: one state per article (its counts, voices, signal sums and
//! copy fingerprint, see [`crate::pipeline::state`]). A merge reads the shards' states in a fixed
//! order and adds them up in the same [`Aggregator`] a run uses, so outlet tables, copies,
//! intervals and tests equal a single run's bytes: nothing is re-estimated from rounded outlet
//! figures. Tables built from the texts (evidence, quotes…) are concatenated, or linked.

mod shards;
mod tables;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

pub use shards::{MERGE_TIME_OPTIONS, Shard, check_alike, natural, order};
pub use tables::{LINKED_TABLES, TEXT_TABLES};

use crate::copies::Fingerprint;
use crate::features::SignalSet;
use crate::lexicon::LexiconSet;
use crate::pipeline::{ARTICLE_PARTIALS, Aggregator, CHUNK_SIZE, Plan, RunSummary, state};
use crate::report::{Formats, ReportError};
use crate::stats::StatsOptions;
use crate::table::ArticleRow;

/// Why a merge was refused or failed.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A shard is missing, unfinished or unreadable.
    #[error("{}: {message}", dir.display())]
    Shard {
        /// The shard's folder.
        dir: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Two shards were not measured alike.
    #[error("{} and {} were not measured alike: {what}", first.display(), other.display())]
    Differ {
        /// The first shard in merge order.
        first: PathBuf,
        /// The one that differs.
        other: PathBuf,
        /// What differs.
        what: String,
    },
    /// Shards share article ids.
    #[error("{count} article ids occur in more than one shard: {shown}")]
    Overlap {
        /// How many ids.
        count: usize,
        /// The first of them, with their shards.
        shown: String,
    },
    /// An output could not be written.
    #[error(transparent)]
    Write(#[from] ReportError),
}

impl MergeError {
    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            MergeError::Shard { .. } => "run `framelens extract` over that part again, into an empty folder",
            MergeError::Differ { .. } => {
                "extract every part with the same framelens, lexicons and options (compare their run_manifest.json)"
            }
            MergeError::Overlap { .. } => "give `--dedupe` to keep each article's first copy, in merge order",
            MergeError::Write(e) => e.fix(),
        }
    }
}

/// An article read back: its row, fingerprint and state as stored.
type Decoded = (ArticleRow, Option<Fingerprint>, Option<Vec<u8>>);

/// What a merge does besides adding up.
#[derive(Clone, Copy, Debug, Default)]
pub struct MergeOptions {
    /// List the shards' per-article tables in `linked_tables.json` instead of copying them (all
    /// but `duplicates`, which copies across shards change).
    pub link: bool,
    /// Keep only the first article (in merge order) of ids that occur in several shards.
    pub dedupe: bool,
}

/// The files and the signals every shard was written with.
pub fn shard_formats(shards: &[Shard]) -> (Formats, bool, SignalSet) {
    let first = &shards[0];
    let has = |file: &str| first.manifest.files.iter().any(|f| f == file);
    let formats = Formats {
        csv: has("articles.csv"),
        parquet: has("articles.parquet"),
        raw_csv: first.option("raw_csv") == Some("true"),
    };
    let signals = first.option("signals").and_then(|s| s.parse().ok()).unwrap_or_else(SignalSet::all);
    (formats, first.option("evidence_text") == Some("true"), signals)
}

/// Per shard, the article ids a merge leaves out: those an earlier shard has, with `dedupe`;
/// without it, shared ids are refused, listing the first ten with their shards.
pub fn overlaps(shards: &[Shard], dedupe: bool) -> Result<Vec<FxHashSet<String>>, MergeError> {
    let ids: Vec<Vec<String>> = shards.par_iter().map(Shard::article_ids).collect::<Result<_, _>>()?;
    let mut first_shard: FxHashMap<&str, usize> = FxHashMap::default();
    let mut dropped: Vec<FxHashSet<String>> = vec![FxHashSet::default(); shards.len()];
    let mut shared: Vec<(&str, usize, usize)> = Vec::new();
    for (k, shard_ids) in ids.iter().enumerate() {
        for id in shard_ids {
            match first_shard.get(id.as_str()) {
                Some(&first) if first != k => {
                    if dropped[k].insert(id.clone()) {
                        shared.push((id, first, k));
                    }
                }
                Some(_) => {}
                None => {
                    first_shard.insert(id, k);
                }
            }
        }
    }
    if shared.is_empty() || dedupe {
        return Ok(dropped);
    }
    let shown: Vec<String> = shared
        .iter()
        .take(10)
        .map(|(id, a, b)| format!("{id} ({} and {})", shards[*a].dir.display(), shards[*b].dir.display()))
        .collect();
    Err(MergeError::Overlap { count: shared.len(), shown: shown.join(", ") })
}

/// Merge `shards` (in merge order, checked alike) into `dir`: every article's state through one
/// [`Aggregator`], in chunks of [`CHUNK_SIZE`] as a single run makes them, then the text tables.
pub fn merge(
    dir: &Path,
    shards: &[Shard],
    dropped: &[FxHashSet<String>],
    set: &LexiconSet,
    plan: Plan,
    stats: Option<&StatsOptions>,
    options: MergeOptions,
) -> Result<RunSummary, MergeError> {
    let (_, _, signals) = shard_formats(shards);
    let mut aggregator = Aggregator::open(dir, set, signals, plan, stats, !options.link)?;
    let mut pending: Vec<Decoded> = Vec::with_capacity(CHUNK_SIZE);
    let mut flush = |pending: &mut Vec<Decoded>| -> Result<(), MergeError> {
        let mut rows = Vec::with_capacity(pending.len());
        let mut fingerprints = Vec::with_capacity(pending.len());
        let mut states = Vec::with_capacity(pending.len());
        for (row, fingerprint, state) in pending.drain(..) {
            rows.push(row);
            fingerprints.push(fingerprint);
            states.extend(state);
        }
        let fingerprints: Vec<Option<&Fingerprint>> = fingerprints.iter().map(Option::as_ref).collect();
        aggregator.add(&rows, &fingerprints, (!options.link).then_some(states.as_slice()))?;
        Ok(())
    };
    for (shard, dropped) in shards.iter().zip(dropped) {
        shards::read_slices(&shard.dir, ARTICLE_PARTIALS, Some(&["article", "state"]), |frame, offset| {
            let column = |name: &str| frame.column(name).map_err(|e| shard.error(e));
            let ids = column("article")?.str().cloned().map_err(|e| shard.error(e))?;
            // Shard::open refused states that are not bytes, with the reason.
            let states = column("state")?.binary().cloned().map_err(|e| shard.error(e))?;
            let rows: Vec<(usize, &[u8])> = ids
                .iter()
                .zip(states.iter())
                .enumerate()
                .filter(|(_, (id, _))| !dropped.contains(id.unwrap_or_default()))
                .map(|(i, (_, state))| (offset + i, state.unwrap_or_default()))
                .collect();
            for window in rows.chunks(CHUNK_SIZE) {
                let decoded: Vec<Decoded> = window
                    .par_iter()
                    .map(|(i, bytes)| {
                        let (row, fingerprint) = state::decode(bytes)
                            .map_err(|e| shard.error(format!("{ARTICLE_PARTIALS}.parquet row {}: {e}", i + 1)))?;
                        // Linked runs do not write article_partials again, so need no copy.
                        Ok::<_, MergeError>((row, fingerprint, (!options.link).then(|| bytes.to_vec())))
                    })
                    .collect::<Result<_, _>>()?;
                for item in decoded {
                    pending.push(item);
                    if pending.len() == CHUNK_SIZE {
                        flush(&mut pending)?;
                    }
                }
            }
            Ok(())
        })?;
    }
    if !pending.is_empty() {
        flush(&mut pending)?;
    }
    let mut tables: Vec<String> = TEXT_TABLES.iter().map(|t| t.to_string()).collect();
    if options.link {
        tables.clear();
        tables::link(dir, shards, plan.formats)?;
    } else {
        tables::concatenate(dir, shards, dropped, plan.formats)?;
    }
    Ok(aggregator.finish(dir, Vec::new(), tables)?)
}
