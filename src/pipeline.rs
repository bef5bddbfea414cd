//! The pipeline: corpus → text → lexicon and quotes → features → table → report files.
//!
//! The only module (with the CLI) that knows every stage. Articles stream through in chunks:
//! each chunk is measured in parallel, its evidence rows are written at once, and only a compact
//! [`ArticleRow`] per article is kept. Chunks are written in input order, so output bytes do not
//! depend on the number of threads.

use std::collections::BTreeMap;
use std::path::Path;

use rayon::prelude::*;

use crate::corpus::{Article, ArticleStream, CorpusError};
use crate::features::{ArticleResult, Extractor};
use crate::report::{ReportError, StreamedTable, write_table};
use crate::table::{self, ArticleRow, EvidenceRow, Group, QuoteSpanRow, RemovedLineRow, Totals};
use crate::text::Stemmer;

/// Articles measured per parallel batch. Fixed, so batch boundaries (and Parquet row groups)
/// are the same on every machine.
pub const CHUNK_SIZE: usize = 512;

/// Something the pipeline tells its caller as it goes.
pub enum Event<'a> {
    /// An article was measured.
    Measured(&'a ArticleRow),
    /// An input was skipped.
    Skipped(&'a CorpusError),
}

/// What a run produced, beyond the files.
#[derive(Debug, Default)]
pub struct RunSummary {
    /// One row per measured article, in input order.
    pub rows: Vec<ArticleRow>,
    /// Totals per outlet.
    pub outlets: BTreeMap<String, Totals>,
    /// Inputs that were skipped.
    pub errors: Vec<CorpusError>,
    /// Names of the tables written (without extension).
    pub tables: Vec<String>,
}

/// The tables that grow with the corpus, written batch by batch.
struct Streams {
    evidence: StreamedTable,
    removed_lines: StreamedTable,
    quote_spans: StreamedTable,
}

impl Streams {
    fn open(dir: &Path) -> Result<Streams, ReportError> {
        Ok(Streams {
            evidence: StreamedTable::create(dir, "evidence", &table::evidence_table(&[]))?,
            removed_lines: StreamedTable::create(dir, "removed_lines", &table::removed_lines_table(&[]))?,
            quote_spans: StreamedTable::create(dir, "quote_spans", &table::quote_spans_table(&[]))?,
        })
    }

    fn write(&mut self, results: &[ArticleResult], extractor: &Extractor) -> Result<(), ReportError> {
        let set = extractor.lexicons();
        let evidence: Vec<EvidenceRow> = results.iter().flat_map(|r| EvidenceRow::from_result(r, set)).collect();
        self.evidence.write(&table::evidence_table(&evidence))?;
        let removed: Vec<RemovedLineRow> = results.iter().flat_map(RemovedLineRow::from_result).collect();
        self.removed_lines.write(&table::removed_lines_table(&removed))?;
        let quotes: Vec<QuoteSpanRow> = results.iter().flat_map(QuoteSpanRow::from_result).collect();
        self.quote_spans.write(&table::quote_spans_table(&quotes))
    }

    fn finish(self) -> Result<(), ReportError> {
        self.evidence.finish()?;
        self.removed_lines.finish()?;
        self.quote_spans.finish()
    }
}

/// Measure every article of `stream` and write the tables into `dir`.
pub fn extract_to(
    dir: &Path,
    stream: ArticleStream,
    extractor: &Extractor,
    on_event: &mut dyn FnMut(Event),
) -> Result<RunSummary, ReportError> {
    let mut streams = Streams::open(dir)?;
    let mut summary = RunSummary::default();
    let mut chunk: Vec<Article> = Vec::with_capacity(CHUNK_SIZE);
    for item in stream {
        match item {
            Ok(article) => chunk.push(article),
            Err(err) => {
                on_event(Event::Skipped(&err));
                summary.errors.push(err);
            }
        }
        if chunk.len() == CHUNK_SIZE {
            measure_chunk(std::mem::take(&mut chunk), extractor, &mut streams, &mut summary, on_event)?;
        }
    }
    measure_chunk(chunk, extractor, &mut streams, &mut summary, on_event)?;
    streams.finish()?;
    summary.tables = vec!["evidence".into(), "removed_lines".into(), "quote_spans".into()];
    write_summary_tables(dir, &mut summary, extractor)?;
    Ok(summary)
}

fn measure_chunk(
    chunk: Vec<Article>,
    extractor: &Extractor,
    streams: &mut Streams,
    summary: &mut RunSummary,
    on_event: &mut dyn FnMut(Event),
) -> Result<(), ReportError> {
    if chunk.is_empty() {
        return Ok(());
    }
    let results: Vec<ArticleResult> = chunk
        .into_par_iter()
        .map_init(Stemmer::default, |stemmer, article| extractor.extract(article, stemmer))
        .collect();
    streams.write(&results, extractor)?;
    for result in &results {
        let row = ArticleRow::from_result(result);
        summary.outlets.entry(row.outlet.clone()).or_default().add(&row);
        on_event(Event::Measured(&row));
        summary.rows.push(row);
    }
    Ok(())
}

fn write_summary_tables(dir: &Path, summary: &mut RunSummary, extractor: &Extractor) -> Result<(), ReportError> {
    let set = extractor.lexicons();
    let outlets = table::group_by_outlet(&summary.outlets);
    let articles: Vec<Group> = summary.rows.iter().map(article_group).collect();
    let tables = [
        ("articles", table::articles_table(&summary.rows)),
        ("word_choice", table::word_choice_table(&outlets, set)),
        ("article_word_choice", table::article_word_choice_table(&articles, set)),
        ("outlet_features", table::features_table(&outlets, set)),
        ("article_features", table::features_table(&articles, set)),
    ];
    for (name, mut frame) in tables {
        write_table(dir, name, &mut frame)?;
        summary.tables.push(name.to_string());
    }
    summary.tables.sort();
    Ok(())
}

fn article_group(row: &ArticleRow) -> Group {
    let mut totals = Totals::default();
    totals.add(row);
    Group { keys: vec![("article", row.id.clone()), ("outlet", row.outlet.clone())], totals }
}
