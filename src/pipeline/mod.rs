//! The pipeline: corpus → text → lexicon and quotes → features → table → report files.
//!
//! The only module (with the CLI) that knows every stage. Articles stream through in chunks:
//! each chunk is measured in parallel while a writer thread writes the previous one, every
//! per-article table (articles, evidence, word choice, features, quote spans, removed lines)
//! is written chunk by chunk, and only the per-outlet totals stay in memory. Chunks are written
//! in input order, so output bytes do not depend on the number of threads.

mod aggregate;
pub mod state;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc::sync_channel;

use rayon::prelude::*;

pub use aggregate::{ARTICLE_PARTIALS, Aggregator, ROW_TABLES};

use crate::copies::OutletCopies;
use crate::corpus::{Article, ArticleStream, CorpusError};
use crate::features::{ArticleResult, Extractor, SignalSet};
use crate::lexicon::LexiconSet;
use crate::report::{Formats, ReportError, StreamedTable};
use crate::stats::{Findings, Sample, StatsOptions};
use crate::table::{self, ArticleRow, EvidenceRow, Group, QuoteRow, QuoteSpanRow, RemovedLineRow, RunTables, Totals};
use crate::text::Stemmer;

/// Articles measured per parallel batch. Fixed, so batch boundaries (and Parquet row groups)
/// are the same on every machine.
pub const CHUNK_SIZE: usize = 512;

/// The files a run writes for `table`: as `formats` says, but `article_partials` always as
/// Parquet only.
pub fn table_files(table: &str, formats: Formats) -> Vec<String> {
    if table == ARTICLE_PARTIALS { vec![format!("{table}.parquet")] } else { formats.files(table) }
}

/// Something the pipeline tells its caller as it goes.
pub enum Event<'a> {
    /// An article was measured.
    Measured(&'a Article),
    /// An input was skipped.
    Skipped(&'a CorpusError),
    /// Every article is measured; the named work on whole outlets (tables, intervals, tests)
    /// begins, which can take a while on a large corpus.
    Stage(&'static str),
}

/// What a run produced, beyond the files.
#[derive(Debug, Default)]
pub struct RunSummary {
    /// Articles measured.
    pub articles: u64,
    /// Totals per outlet.
    pub outlets: BTreeMap<String, Totals>,
    /// Inputs that were skipped.
    pub errors: Vec<CorpusError>,
    /// Names of the tables written (without extension), sorted.
    pub tables: Vec<String>,
    /// The tables the comparison reads, when the run was asked to keep them.
    pub kept: Option<RunTables>,
    /// Outlet intervals and differences, when the run was asked for them.
    pub findings: Option<Findings>,
    /// Copy counts per outlet, by outlet name.
    pub copies: Vec<OutletCopies>,
    /// Articles that copy an earlier one.
    pub copy_count: usize,
    /// Copies were left out of outlet totals and the comparison.
    pub copies_dropped: bool,
}

/// What a run writes and keeps.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// The file formats.
    pub formats: Formats,
    /// The tables kept in memory for a comparison.
    pub keep: Keep,
    /// Leave articles that copy an earlier one out of outlet totals, intervals and the
    /// comparison (they stay in the per-article tables and `duplicates`).
    pub drop_copies: bool,
    /// Repeat each evidence row's sentence text in `evidence` (`sentence_text`), besides the
    /// `sentences` table that holds it once.
    pub evidence_text: bool,
}

/// Which tables a run keeps in memory for a comparison after it (`framelens report`), besides
/// writing them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Keep {
    /// None: the tables are only written (`framelens extract`).
    #[default]
    Nothing,
    /// What an outlet-level comparison reads.
    ForOutlets,
    /// What an article-level comparison reads, which adds the per-article word choice and the
    /// articles table.
    ForArticles,
}

const ARTICLE_KEYS: &[&str] = &["article", "outlet"];
const OUTLET_KEYS: &[&str] = &["outlet"];

/// Measure every article of `stream` and write the tables into `dir`, as `plan` says; with
/// `stats`, also outlet intervals and differences.
pub fn extract_to(
    dir: &Path,
    stream: ArticleStream,
    extractor: &Extractor,
    plan: Plan,
    stats: Option<&StatsOptions>,
    on_event: &mut dyn FnMut(Event),
) -> Result<RunSummary, ReportError> {
    let set = extractor.lexicons();
    let mut writer = Writer::open(dir, set, extractor.signals(), plan, stats)?;
    let mut errors = Vec::new();
    std::thread::scope(|scope| {
        let (send, receive) = sync_channel::<Vec<ArticleResult>>(1);
        let handle = scope.spawn(move || {
            for chunk in receive {
                writer.write(&chunk, set)?;
            }
            Ok::<Writer, ReportError>(writer)
        });
        let mut stream = stream;
        while let Some(chunk) = next_chunk(&mut stream, &mut errors, on_event) {
            let results = measure(chunk, extractor);
            results.iter().for_each(|r| on_event(Event::Measured(&r.article)));
            if send.send(results).is_err() {
                break; // the writer stopped on an error, returned by join below
            }
        }
        drop(send);
        let writer = handle.join().expect("writer thread does not panic")?;
        on_event(Event::Stage(if writer.aggregator.has_stats() {
            "outlet tables, intervals and tests"
        } else {
            "outlet tables"
        }));
        writer.finish(dir, errors)
    })
}

/// Measure every article of `stream` without writing tables, handing each result to `on_result`
/// in input order (for commands that print to standard output).
pub fn for_each_result(
    stream: ArticleStream,
    extractor: &Extractor,
    on_event: &mut dyn FnMut(Event),
    on_result: &mut dyn FnMut(&ArticleResult) -> std::io::Result<()>,
) -> std::io::Result<Vec<CorpusError>> {
    let mut stream = stream;
    let mut errors = Vec::new();
    while let Some(chunk) = next_chunk(&mut stream, &mut errors, on_event) {
        for result in measure(chunk, extractor) {
            on_event(Event::Measured(&result.article));
            on_result(&result)?;
        }
    }
    Ok(errors)
}

/// The next chunk of articles (`None` at the end), passing errors to `on_event` as they come.
fn next_chunk(
    stream: &mut ArticleStream,
    errors: &mut Vec<CorpusError>,
    on_event: &mut dyn FnMut(Event),
) -> Option<Vec<Article>> {
    let mut chunk = Vec::with_capacity(CHUNK_SIZE);
    while chunk.len() < CHUNK_SIZE {
        match stream.next() {
            Some(Ok(article)) => chunk.push(article),
            Some(Err(err)) => {
                on_event(Event::Skipped(&err));
                errors.push(err);
            }
            None => break,
        }
    }
    (!chunk.is_empty()).then_some(chunk)
}

/// Measure a chunk in parallel, keeping input order.
fn measure(chunk: Vec<Article>, extractor: &Extractor) -> Vec<ArticleResult> {
    chunk.into_par_iter().map_init(Stemmer::default, |stemmer, article| extractor.extract(article, stemmer)).collect()
}

/// Writes the per-article tables built from whole results (evidence, sentences, quotes, removed
/// lines) chunk by chunk, and hands each chunk's rows to the [`Aggregator`].
struct Writer {
    evidence: StreamedTable,
    sentences: StreamedTable,
    evidence_text: bool,
    quote_spans: StreamedTable,
    quotes: StreamedTable,
    removed_lines: StreamedTable,
    aggregator: Aggregator,
}

impl Writer {
    fn open(
        dir: &Path,
        set: &LexiconSet,
        signals: SignalSet,
        plan: Plan,
        stats: Option<&StatsOptions>,
    ) -> Result<Writer, ReportError> {
        let Plan { formats, evidence_text, .. } = plan;
        Ok(Writer {
            evidence: StreamedTable::create(dir, "evidence", &table::evidence_table(&[], evidence_text), formats)?,
            sentences: StreamedTable::create(dir, "sentences", &table::sentences_table(&[]), formats)?,
            evidence_text,
            quote_spans: StreamedTable::create(dir, "quote_spans", &table::quote_spans_table(&[]), formats)?,
            quotes: StreamedTable::create(dir, "quotes", &table::quotes_table(&[]), formats)?,
            removed_lines: StreamedTable::create(dir, "removed_lines", &table::removed_lines_table(&[]), formats)?,
            aggregator: Aggregator::open(dir, set, signals, plan, stats, true)?,
        })
    }

    /// Write one chunk's rows. The tables are built and written at the same time on the thread
    /// pool (each file still gets its batches in input order, so the bytes do not change).
    fn write(&mut self, results: &[ArticleResult], set: &LexiconSet) -> Result<(), ReportError> {
        let Writer { evidence, sentences, evidence_text, quote_spans, quotes, removed_lines, aggregator } = self;
        let evidence_text = *evidence_text;
        let rows: Vec<ArticleRow> = results.par_iter().map(|r| ArticleRow::from_result(r, set)).collect();
        let fingerprints: Vec<_> = results.iter().map(|r| r.fingerprint.as_ref()).collect();
        let mut written: [Result<(), ReportError>; 5] = std::array::from_fn(|_| Ok(()));
        let [w_aggregate, w_evidence, w_spans, w_quotes, w_removed] = &mut written;
        rayon::scope(|s| {
            s.spawn(|_| *w_aggregate = aggregator.add(&rows, &fingerprints, None));
            s.spawn(|_| {
                let rows: Vec<EvidenceRow> =
                    results.par_iter().flat_map_iter(|r| EvidenceRow::from_result(r, set)).collect();
                *w_evidence = evidence
                    .write(&table::evidence_table(&rows, evidence_text))
                    .and_then(|()| sentences.write(&table::sentences_table(&rows)));
            });
            s.spawn(|_| {
                let rows: Vec<QuoteSpanRow> = results.iter().flat_map(QuoteSpanRow::from_result).collect();
                *w_spans = quote_spans.write(&table::quote_spans_table(&rows));
            });
            s.spawn(|_| {
                let rows: Vec<QuoteRow> = results.iter().flat_map(|r| QuoteRow::from_result(r, set)).collect();
                *w_quotes = quotes.write(&table::quotes_table(&rows));
            });
            s.spawn(|_| {
                let rows: Vec<RemovedLineRow> = results.iter().flat_map(RemovedLineRow::from_result).collect();
                *w_removed = removed_lines.write(&table::removed_lines_table(&rows));
            });
        });
        written.into_iter().collect()
    }

    /// Close the streamed tables and write the per-outlet ones.
    fn finish(self, dir: &Path, errors: Vec<CorpusError>) -> Result<RunSummary, ReportError> {
        let mut tables = Vec::new();
        let streamed = [
            ("evidence", self.evidence),
            ("sentences", self.sentences),
            ("quote_spans", self.quote_spans),
            ("quotes", self.quotes),
            ("removed_lines", self.removed_lines),
        ];
        for (name, table) in streamed {
            table.finish()?;
            tables.push(name.to_string());
        }
        self.aggregator.finish(dir, errors, tables)
    }
}

/// The per-article sums of measured articles, as a run with intervals collects them (for
/// callers that measure articles themselves, such as the simulation tests).
pub fn sample_of(results: &[ArticleResult], set: &LexiconSet) -> Sample {
    let rows: Vec<ArticleRow> = results.iter().map(|r| ArticleRow::from_result(r, set)).collect();
    let groups: Vec<Group> = rows.iter().map(article_group).collect();
    let totals: Vec<&Totals> = groups.iter().map(|g| &g.totals).collect();
    let values = table::feature_values(&totals, set, SignalSet::all(), &table::all_feature_columns(set));
    let outlets: Vec<&str> = rows.iter().map(|r| r.meta.outlet.as_str()).collect();
    let stories: Vec<&str> = rows.iter().map(|r| r.meta.story.as_str()).collect();
    let mut sample = Sample::default();
    sample.add(&values, &outlets, &stories);
    sample
}

fn article_group(row: &ArticleRow) -> Group {
    let mut totals = Totals::default();
    totals.add(row);
    Group { keys: vec![("article", row.meta.id.clone()), ("outlet", row.meta.outlet.clone())], totals }
}
