//! The pipeline: corpus → text → lexicon and quotes → features → table → report files.
//!
//! The only module (with the CLI) that knows every stage. Articles stream through in chunks:
//! each chunk is measured in parallel while a writer thread writes the previous one, every
//! per-article table (articles, evidence, word choice, features, quote spans, removed lines)
//! is written chunk by chunk, and only the per-outlet totals stay in memory. Chunks are written
//! in input order, so output bytes do not depend on the number of threads.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::mpsc::sync_channel;

use polars::prelude::{BooleanChunked, DataFrame, NewChunkedArray};
use rayon::prelude::*;

use crate::copies::{Found, Ledger, OutletCopies};
use crate::corpus::{Article, ArticleStream, CorpusError};
use crate::features::{ArticleResult, Extractor, SignalSet};
use crate::lexicon::LexiconSet;
use crate::report::{Formats, ReportError, StreamedTable, write_table_as};
use crate::stats::{self, Findings, Sample, StatsOptions};
use crate::table::{
    self, ArticleRow, ArticleTables, EvidenceRow, FeatureColumn, Group, QuoteRow, QuoteSpanRow, RemovedLineRow,
    RunTables, Totals,
};
use crate::text::Stemmer;

/// Articles measured per parallel batch. Fixed, so batch boundaries (and Parquet row groups)
/// are the same on every machine.
pub const CHUNK_SIZE: usize = 512;

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
    let mut writer = Writer::open(dir, set, extractor.signals(), plan)?;
    writer.stats = stats.map(|options| (options.clone(), Sample::default()));
    let mut errors = Vec::new();
    std::thread::scope(|scope| {
        let (send, receive) = sync_channel::<Vec<ArticleResult>>(1);
        let handle = scope.spawn(move || {
            for chunk in receive {
                writer.write(&chunk)?;
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
        on_event(Event::Stage(if writer.stats.is_some() {
            "outlet tables, intervals and tests"
        } else {
            "outlet tables"
        }));
        writer.finish(dir, set, errors)
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

/// Writes per-article tables chunk by chunk and sums outlet totals.
struct Writer {
    articles: StreamedTable,
    evidence: StreamedTable,
    sentences: StreamedTable,
    evidence_text: bool,
    article_word_choice: StreamedTable,
    article_features: StreamedTable,
    quote_spans: StreamedTable,
    quotes: StreamedTable,
    removed_lines: StreamedTable,
    duplicates: StreamedTable,
    ledger: Ledger,
    drop_copies: bool,
    set: LexiconSet,
    /// The signals measured, whose columns and tables are written.
    signals: SignalSet,
    article_columns: Vec<FeatureColumn>,
    outlets: BTreeMap<String, Totals>,
    count: u64,
    formats: Formats,
    keep: Keep,
    /// Chunks of `article_features`, `article_word_choice` and `articles` kept for the comparison.
    kept: [Vec<DataFrame>; 3],
    /// Every article's sums, when intervals and tests are asked for.
    stats: Option<(StatsOptions, Sample)>,
}

impl Writer {
    fn open(dir: &Path, set: &LexiconSet, signals: SignalSet, plan: Plan) -> Result<Writer, ReportError> {
        let Plan { formats, keep, drop_copies, evidence_text } = plan;
        let article_columns = table::all_feature_columns(set);
        let wire = set.outlets.iter().filter(|o| o.wire).map(|o| o.name.clone());
        Ok(Writer {
            articles: StreamedTable::create(dir, "articles", &table::articles_table(&[]), formats)?,
            evidence: StreamedTable::create(dir, "evidence", &table::evidence_table(&[], evidence_text), formats)?,
            sentences: StreamedTable::create(dir, "sentences", &table::sentences_table(&[]), formats)?,
            evidence_text,
            article_word_choice: StreamedTable::create(
                dir,
                "article_word_choice",
                &table::article_word_choice_table(&[], ARTICLE_KEYS, set),
                formats,
            )?,
            article_features: StreamedTable::create(
                dir,
                "article_features",
                &table::features_table(&[], ARTICLE_KEYS, set, signals, &article_columns),
                formats,
            )?,
            quote_spans: StreamedTable::create(dir, "quote_spans", &table::quote_spans_table(&[]), formats)?,
            quotes: StreamedTable::create(dir, "quotes", &table::quotes_table(&[]), formats)?,
            removed_lines: StreamedTable::create(dir, "removed_lines", &table::removed_lines_table(&[]), formats)?,
            duplicates: StreamedTable::create(dir, "duplicates", &table::duplicates_table(&[]), formats)?,
            ledger: Ledger::new(wire),
            drop_copies,
            set: set.clone(),
            signals,
            article_columns,
            outlets: BTreeMap::new(),
            count: 0,
            formats,
            keep,
            kept: Default::default(),
            stats: None,
        })
    }

    /// Write one chunk's rows. The per-article tables are built and written at the same time on the
    /// thread pool (each file still gets its batches in input order, so the bytes do not change).
    fn write(&mut self, results: &[ArticleResult]) -> Result<(), ReportError> {
        let Writer {
            articles,
            evidence,
            sentences,
            evidence_text,
            article_word_choice,
            article_features,
            quote_spans,
            quotes,
            removed_lines,
            duplicates,
            ledger,
            drop_copies,
            set,
            signals,
            article_columns,
            outlets,
            count,
            formats: _,
            keep,
            kept: [kept_features, kept_word_choice, kept_articles],
            stats,
        } = self;
        let (keep_features, keep_article_tables) = (*keep != Keep::Nothing, *keep == Keep::ForArticles);
        let evidence_text = *evidence_text;
        // Copies are found in input order, before the chunk is counted, so that a dropped copy
        // never reaches outlet totals.
        let found: Vec<Option<Found>> =
            results.iter().map(|r| ledger.next(&r.article.id, &r.article.outlet, r.fingerprint.as_ref())).collect();
        let counted: Vec<bool> = found.iter().map(|f| !(*drop_copies && f.is_some())).collect();
        let all_counted = counted.iter().all(|&c| c);
        let found: Vec<Found> = found.into_iter().flatten().collect();
        duplicates.write(&table::duplicates_table(&found))?;
        let mask = BooleanChunked::from_slice("counted".into(), &counted);
        let counted_only = |frame: DataFrame| -> DataFrame {
            if all_counted { frame } else { frame.filter(&mask).expect("mask has one value per row") }
        };
        let counted = &counted;
        let (set, signals) = (&*set, *signals);
        let rows: Vec<ArticleRow> = results.par_iter().map(|r| ArticleRow::from_result(r, set)).collect();
        let groups: Vec<Group> = rows.par_iter().map(article_group).collect();
        let mut written: [Result<(), ReportError>; 7] = std::array::from_fn(|_| Ok(()));
        let [w_articles, w_evidence, w_word_choice, w_features, w_spans, w_quotes, w_removed] = &mut written;
        let (rows, groups) = (&rows, &groups);
        rayon::scope(|s| {
            s.spawn(|_| {
                let frame = table::articles_table(rows);
                *w_articles = articles.write(&frame);
                if keep_article_tables {
                    kept_articles.push(counted_only(frame));
                }
            });
            s.spawn(|_| {
                let rows: Vec<EvidenceRow> =
                    results.par_iter().flat_map_iter(|r| EvidenceRow::from_result(r, set)).collect();
                *w_evidence = evidence
                    .write(&table::evidence_table(&rows, evidence_text))
                    .and_then(|()| sentences.write(&table::sentences_table(&rows)));
            });
            s.spawn(|_| {
                let frame = table::article_word_choice_table(groups, ARTICLE_KEYS, set);
                *w_word_choice = article_word_choice.write(&frame);
                if keep_article_tables {
                    kept_word_choice.push(counted_only(frame));
                }
            });
            s.spawn(|_| {
                let totals: Vec<&Totals> = groups.iter().map(|g| &g.totals).collect();
                let values = table::feature_values(&totals, set, signals, article_columns);
                let frame = table::features_frame(groups, ARTICLE_KEYS, &values);
                *w_features = article_features.write(&frame);
                if let Some((_, sample)) = stats {
                    let kept = |i: &usize| counted[*i];
                    let outlets: Vec<&str> =
                        (0..rows.len()).filter(kept).map(|i| rows[i].meta.outlet.as_str()).collect();
                    let stories: Vec<&str> =
                        (0..rows.len()).filter(kept).map(|i| rows[i].meta.story.as_str()).collect();
                    if all_counted {
                        sample.add(&values, &outlets, &stories);
                    } else {
                        let totals: Vec<&Totals> = (0..rows.len()).filter(kept).map(|i| &groups[i].totals).collect();
                        sample.add(&table::feature_values(&totals, set, signals, article_columns), &outlets, &stories);
                    }
                }
                if keep_features {
                    kept_features.push(counted_only(frame));
                }
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
            s.spawn(|_| {
                for (row, _) in rows.iter().zip(counted).filter(|(_, counted)| **counted) {
                    outlets.entry(row.meta.outlet.clone()).or_default().add(row);
                }
            });
        });
        *count += rows.len() as u64;
        written.into_iter().collect()
    }

    /// Close the streamed tables and write the per-outlet ones.
    fn finish(self, dir: &Path, set: &LexiconSet, errors: Vec<CorpusError>) -> Result<RunSummary, ReportError> {
        let mut tables = Vec::new();
        let streamed = [
            ("articles", self.articles),
            ("evidence", self.evidence),
            ("sentences", self.sentences),
            ("article_word_choice", self.article_word_choice),
            ("article_features", self.article_features),
            ("quote_spans", self.quote_spans),
            ("quotes", self.quotes),
            ("removed_lines", self.removed_lines),
            ("duplicates", self.duplicates),
        ];
        for (name, table) in streamed {
            table.finish()?;
            tables.push(name.to_string());
        }
        let outlets = table::group_by_outlet(&self.outlets);
        let columns = table::feature_columns(set, outlets.iter().map(|g| &g.totals.counts));
        let mut outlet_tables = vec![
            ("word_choice", table::word_choice_table(&outlets, OUTLET_KEYS, set)),
            ("outlet_features", table::features_table(&outlets, OUTLET_KEYS, set, self.signals, &columns)),
            ("voices", table::voices_table(&outlets)),
            ("attribution", table::attribution_table(&outlets)),
        ];
        outlet_tables.extend(table::signal_tables(&outlets, set, self.signals));
        let copies = self.ledger.by_outlet();
        outlet_tables.push(("copies", table::copies_table(&copies)));
        let findings = self.stats.map(|(options, sample)| {
            let outlet_features =
                &outlet_tables.iter().find(|(name, _)| *name == "outlet_features").expect("written").1;
            let features = outlet_features.get_column_names().iter().map(|c| c.to_string()).collect();
            stats::analyse(&sample, &features, &options)
        });
        if let Some(findings) = &findings {
            outlet_tables.push(("outlet_intervals", stats::intervals_table(&findings.intervals)));
            outlet_tables.push(("differences", stats::differences_table(&findings.differences)));
        }
        for (name, frame) in &mut outlet_tables {
            write_table_as(dir, name, frame, self.formats)?;
            tables.push(name.to_string());
        }
        tables.sort();
        let kept = (self.keep != Keep::Nothing).then(|| {
            let [features, word_choice, articles] = self.kept;
            let mut by_name: BTreeMap<&str, DataFrame> = outlet_tables.into_iter().collect();
            let mut take = |name: &str| by_name.remove(name).expect("the pipeline writes this table");
            RunTables {
                outlet_features: take("outlet_features"),
                word_choice: take("word_choice"),
                voices: take("voices"),
                attribution: take("attribution"),
                coverage: by_name.remove("coverage"),
                loaded: by_name.remove("loaded"),
                article_features: table::stack(
                    features,
                    table::features_table(&[], ARTICLE_KEYS, set, self.signals, &self.article_columns),
                ),
                article_level: (self.keep == Keep::ForArticles).then(|| ArticleTables {
                    word_choice: table::stack(word_choice, table::article_word_choice_table(&[], ARTICLE_KEYS, set)),
                    articles: table::stack(articles, table::articles_table(&[])),
                }),
                outlet_intervals: by_name.remove("outlet_intervals"),
                differences: by_name.remove("differences"),
            }
        });
        let (copy_count, copies_dropped) = (self.ledger.copies(), self.drop_copies);
        Ok(RunSummary {
            articles: self.count,
            outlets: self.outlets,
            errors,
            tables,
            kept,
            findings,
            copies,
            copy_count,
            copies_dropped,
        })
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
