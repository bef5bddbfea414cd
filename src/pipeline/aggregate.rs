//! The part of a run that adds articles up: from each article's [`ArticleRow`] and copy
//! fingerprint it writes the row tables (`articles`, `article_word_choice`, `article_features`,
//! `duplicates`, `article_partials`), finds copies, sums outlet totals and the `partials` table,
//! and collects what intervals and the comparison read. `extract` feeds it measured articles;
//! `framelens merge` feeds it the states of several runs' articles, so both give the same bytes.

use std::collections::BTreeMap;
use std::path::Path;

use polars::prelude::{BooleanChunked, DataFrame, NewChunkedArray};
use rayon::prelude::*;

use super::{ARTICLE_KEYS, Keep, OUTLET_KEYS, Plan, RunSummary, article_group, state};
use crate::copies::{Fingerprint, Found, Ledger};
use crate::corpus::CorpusError;
use crate::features::{Column, Ratio, SignalSet};
use crate::lexicon::LexiconSet;
use crate::report::{Formats, ReportError, StreamedTable, write_table_as};
use crate::stats::{self, Sample, StatsOptions};
use crate::table::{self, ArticleRow, ArticleTables, FeatureColumn, FrameBuilder, Group, RunTables, Totals};

/// The table of article states that `framelens merge` reads (always Parquet).
pub const ARTICLE_PARTIALS: &str = "article_partials";

/// The per-article tables built from article rows alone, which a linking merge takes from the
/// shards as they are (`duplicates` is not among them: copies across shards change it).
pub const ROW_TABLES: [&str; 4] = ["articles", "article_word_choice", "article_features", ARTICLE_PARTIALS];

/// Sums of one feature over the articles of an outlet and story that have units for it.
#[derive(Clone, Copy, Debug, Default)]
struct Partial {
    articles: u64,
    part: f64,
    whole: f64,
    value: f64,
    value_squared: f64,
}

/// Ratio feature names, and per (outlet, story) one [`Partial`] per feature.
#[derive(Debug, Default)]
struct Partials {
    names: Vec<String>,
    sums: BTreeMap<(String, String), Vec<Partial>>,
}

/// Adds articles up and writes the tables built from their rows.
pub struct Aggregator {
    /// `articles`, `article_word_choice`, `article_features` and `article_partials`, unless a
    /// merge links the shards' own (see [`ROW_TABLES`]).
    rows: Option<[StreamedTable; 4]>,
    duplicates: StreamedTable,
    ledger: Ledger,
    drop_copies: bool,
    set: LexiconSet,
    signals: SignalSet,
    article_columns: Vec<FeatureColumn>,
    outlets: BTreeMap<String, Totals>,
    partials: Partials,
    count: u64,
    formats: Formats,
    keep: Keep,
    /// Chunks of `article_features`, `article_word_choice` and `articles` kept for the comparison.
    kept: [Vec<DataFrame>; 3],
    /// Every article's sums, when intervals and tests are asked for.
    stats: Option<(StatsOptions, Sample)>,
}

impl Aggregator {
    /// Open the row tables in `dir` (all but `duplicates` only with `write_rows`).
    pub fn open(
        dir: &Path,
        set: &LexiconSet,
        signals: SignalSet,
        plan: Plan,
        stats: Option<&StatsOptions>,
        write_rows: bool,
    ) -> Result<Aggregator, ReportError> {
        let formats = plan.formats;
        let article_columns = table::all_feature_columns(set);
        let wire = set.outlets.iter().filter(|o| o.wire).map(|o| o.name.clone());
        let parquet_only = Formats { csv: false, parquet: true, raw_csv: false };
        let rows = if write_rows {
            Some([
                StreamedTable::create(dir, "articles", &table::articles_table(&[], set), formats)?,
                StreamedTable::create(
                    dir,
                    "article_word_choice",
                    &table::article_word_choice_table(&[], ARTICLE_KEYS, set),
                    formats,
                )?,
                StreamedTable::create(
                    dir,
                    "article_features",
                    &table::features_table(&[], ARTICLE_KEYS, set, signals, &article_columns),
                    formats,
                )?,
                StreamedTable::create(dir, ARTICLE_PARTIALS, &states_table(&[], &[]), parquet_only)?,
            ])
        } else {
            None
        };
        Ok(Aggregator {
            rows,
            duplicates: StreamedTable::create(dir, "duplicates", &table::duplicates_table(&[]), formats)?,
            ledger: Ledger::new(wire),
            drop_copies: plan.drop_copies,
            set: set.clone(),
            signals,
            article_columns,
            outlets: BTreeMap::new(),
            partials: Default::default(),
            count: 0,
            formats,
            keep: plan.keep,
            kept: Default::default(),
            stats: stats.map(|options| (options.clone(), Sample::default())),
        })
    }

    /// Whether intervals and tests are computed at the end.
    pub fn has_stats(&self) -> bool {
        self.stats.is_some()
    }

    /// Add a chunk of articles, in input order, with their copy fingerprints, and their states
    /// when already encoded (a merge passes on the shards' own, which are the same bytes).
    pub fn add(
        &mut self,
        rows: &[ArticleRow],
        fingerprints: &[Option<&Fingerprint>],
        states: Option<&[Vec<u8>]>,
    ) -> Result<(), ReportError> {
        let Aggregator {
            rows: row_tables,
            duplicates,
            ledger,
            drop_copies,
            set,
            signals,
            article_columns,
            outlets,
            partials,
            count,
            formats: _,
            keep,
            kept: [kept_features, kept_word_choice, kept_articles],
            stats,
        } = self;
        let (keep_features, keep_article_tables) = (*keep != Keep::Nothing, *keep == Keep::ForArticles);
        // Copies are found in input order, before the chunk is counted, so that a dropped copy
        // never reaches outlet totals.
        let found: Vec<Option<Found>> =
            rows.iter().zip(fingerprints).map(|(r, f)| ledger.next(&r.meta.id, &r.meta.outlet, *f)).collect();
        let counted: Vec<bool> = found.iter().map(|f| !(*drop_copies && f.is_some())).collect();
        let all_counted = counted.iter().all(|&c| c);
        let found: Vec<Found> = found.into_iter().flatten().collect();
        let mask = BooleanChunked::from_slice("counted".into(), &counted);
        let counted_only = |frame: DataFrame| -> DataFrame {
            if all_counted { frame } else { frame.filter(&mask).expect("mask has one value per row") }
        };
        let counted = &counted;
        let (set, signals) = (&*set, *signals);
        let groups: Vec<Group> = rows.par_iter().map(article_group).collect();
        let mut written: [Result<(), ReportError>; 5] = std::array::from_fn(|_| Ok(()));
        let [w_articles, w_word_choice, w_features, w_duplicates, w_states] = &mut written;
        let groups = &groups;
        let [articles, article_word_choice, article_features, article_partials] = match row_tables {
            Some([a, b, c, d]) => [Some(a), Some(b), Some(c), Some(d)],
            None => [None, None, None, None],
        };
        let write = |table: Option<&mut StreamedTable>, frame: &DataFrame| table.map_or(Ok(()), |t| t.write(frame));
        rayon::scope(|s| {
            s.spawn(|_| *w_duplicates = duplicates.write(&table::duplicates_table(&found)));
            if let Some(article_partials) = article_partials {
                s.spawn(|_| {
                    *w_states = match states {
                        Some(states) => article_partials.write(&states_table(rows, states)),
                        None => {
                            let states: Vec<Vec<u8>> =
                                rows.par_iter().zip(fingerprints).map(|(r, f)| state::encode(r, *f)).collect();
                            article_partials.write(&states_table(rows, &states))
                        }
                    };
                });
            }
            if articles.is_some() || keep_article_tables {
                s.spawn(|_| {
                    let frame = table::articles_table(rows, set);
                    *w_articles = write(articles, &frame);
                    if keep_article_tables {
                        kept_articles.push(counted_only(frame));
                    }
                });
            }
            if article_word_choice.is_some() || keep_article_tables {
                s.spawn(|_| {
                    let frame = table::article_word_choice_table(groups, ARTICLE_KEYS, set);
                    *w_word_choice = write(article_word_choice, &frame);
                    if keep_article_tables {
                        kept_word_choice.push(counted_only(frame));
                    }
                });
            }
            s.spawn(|_| {
                let totals: Vec<&Totals> = groups.iter().map(|g| &g.totals).collect();
                let values = table::feature_values(&totals, set, signals, article_columns);
                if article_features.is_some() || keep_features {
                    let frame = table::features_frame(groups, ARTICLE_KEYS, &values);
                    *w_features = write(article_features, &frame);
                    if keep_features {
                        kept_features.push(counted_only(frame));
                    }
                }
                let kept: Vec<usize> = (0..rows.len()).filter(|&i| counted[i]).collect();
                partials.add(&values, rows, &kept);
                if let Some((_, sample)) = stats {
                    let outlets: Vec<&str> = kept.iter().map(|&i| rows[i].meta.outlet.as_str()).collect();
                    let stories: Vec<&str> = kept.iter().map(|&i| rows[i].meta.story.as_str()).collect();
                    if all_counted {
                        sample.add(&values, &outlets, &stories);
                    } else {
                        let totals: Vec<&Totals> = kept.iter().map(|&i| &groups[i].totals).collect();
                        sample.add(&table::feature_values(&totals, set, signals, article_columns), &outlets, &stories);
                    }
                }
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

    /// Close the row tables and write the per-outlet ones; `tables` are those written besides.
    pub fn finish(
        self,
        dir: &Path,
        errors: Vec<CorpusError>,
        mut tables: Vec<String>,
    ) -> Result<RunSummary, ReportError> {
        let set = &self.set;
        self.duplicates.finish()?;
        tables.push("duplicates".to_string());
        if let Some(row_tables) = self.rows {
            for (name, table) in ROW_TABLES.into_iter().zip(row_tables) {
                table.finish()?;
                tables.push(name.to_string());
            }
        }
        let outlets = table::group_by_outlet(&self.outlets);
        let columns = table::feature_columns(set, outlets.iter().map(|g| &g.totals.counts));
        let mut outlet_tables = vec![
            ("word_choice", table::word_choice_table(&outlets, OUTLET_KEYS, set)),
            ("outlet_features", table::features_table(&outlets, OUTLET_KEYS, set, self.signals, &columns)),
            ("voices", table::voices_table(&outlets)),
            ("attribution", table::attribution_table(&outlets)),
            ("partials", self.partials.table()),
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
                naming: by_name.remove("naming"),
                article_features: table::stack(
                    features,
                    table::features_table(&[], ARTICLE_KEYS, set, self.signals, &self.article_columns),
                ),
                article_level: (self.keep == Keep::ForArticles).then(|| ArticleTables {
                    word_choice: table::stack(word_choice, table::article_word_choice_table(&[], ARTICLE_KEYS, set)),
                    articles: table::stack(articles, table::articles_table(&[], set)),
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

/// The `article_partials` rows: each article's id, outlet and state.
fn states_table(rows: &[ArticleRow], states: &[Vec<u8>]) -> DataFrame {
    let text = |f: fn(&ArticleRow) -> &String| rows.iter().map(|r| f(r).as_str()).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("article", &text(|r| &r.meta.id))
        .text("outlet", &text(|r| &r.meta.outlet))
        .bytes("state", states)
        .build()
}

impl Partials {
    /// Add the `kept` articles' ratio features to the per (outlet, story) sums.
    fn add(&mut self, values: &[Column], rows: &[ArticleRow], kept: &[usize]) {
        let ratios: Vec<(&str, &[Ratio])> = Column::ratios(values);
        let Partials { names, sums } = self;
        if names.is_empty() {
            *names = ratios.iter().map(|(name, _)| (*name).to_string()).collect();
        }
        for &i in kept {
            let meta = &rows[i].meta;
            let cells = sums
                .entry((meta.outlet.clone(), meta.story.clone()))
                .or_insert_with(|| vec![Partial::default(); ratios.len()]);
            for (cell, (_, r)) in cells.iter_mut().zip(&ratios) {
                let Some(value) = r[i].value() else { continue };
                cell.articles += 1;
                cell.part += r[i].part;
                cell.whole += r[i].whole;
                cell.value += value;
                cell.value_squared += value * value;
            }
        }
    }

    /// The `partials` table: per outlet, story and ratio feature, the sums its values are built
    /// from, over the articles that have units for it (see docs/schema.md).
    fn table(&self) -> DataFrame {
        let Partials { names, sums } = self;
        let mut keys: [Vec<&str>; 3] = Default::default();
        let mut cells: Vec<&Partial> = Vec::new();
        for ((outlet, story), partials) in sums {
            for (name, partial) in names.iter().zip(partials).filter(|(_, p)| p.articles > 0) {
                keys[0].push(outlet);
                keys[1].push(story);
                keys[2].push(name);
                cells.push(partial);
            }
        }
        let float = |f: fn(&Partial) -> f64| cells.iter().map(|p| Some(f(p))).collect::<Vec<_>>();
        FrameBuilder::default()
            .text("outlet", &keys[0])
            .text("story", &keys[1])
            .text("feature", &keys[2])
            .count("articles", cells.iter().map(|p| p.articles).collect())
            .measure("part_sum", float(|p| p.part))
            .measure("whole_sum", float(|p| p.whole))
            .measure("value_sum", float(|p| p.value))
            .measure("value_sum_of_squares", float(|p| p.value_squared))
            .build()
    }
}
