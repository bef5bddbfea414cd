//! `framelens eval attributions`: score attribution extraction against brat standoff annotations.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use std::collections::{BTreeMap, BTreeSet};

use framelens::eval::{
    AnnotatedSpan, ArticleToScore, AttributionScores, Flag, GoldAttribution, StoryRecall, differing_labels,
    disagreements, merged_candidates, read_ann, read_mentions, read_spans, score_corpus, score_loaded, story_recall,
};
use framelens::features::{Extractor, SignalKind};
use framelens::lexicon::LexiconMatcher;
use framelens::quotes::{Attribution, CueIndex, find_attributions, find_quote_spans};
use framelens::suggest::{StyleRules, SuggestOptions, TermTable, VoiceFilter};
use framelens::text::{Document, Stemmer, TextOptions};

use super::Outcome;
use super::args::LexiconArgs;

/// Evaluation subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Precision, recall and F1 of attributions (content overlap at 0.3 and 0.8), speaker and cue
    /// accuracy on matched pairs, for all attributions and for quoted speech.
    Attributions {
        /// Folder of `.ann` files (`NAME_ANNOTATOR.ann`; the first annotator by name is used).
        #[arg(long)]
        gold: PathBuf,
        /// Folder of `NAME.txt` texts.
        #[arg(long)]
        texts: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// Also write every missed, spurious and wrong-speaker attribution (overlap 0.3) to this
        /// CSV, with the article, the content and both speakers, to read the errors behind the scores.
        #[arg(long, value_name = "CSV")]
        errors: Option<PathBuf>,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Recall of the loaded-language signal against experts' spans of biased wording (BASIL's
    /// spans.csv: article, bias, start, end, quote): spans caught overall, in the outlet's own
    /// voice, inside quotations and by class, flags per 1,000 words, and the share of flags
    /// inside a span, overall, by class and by lexicon entry.
    Loaded {
        /// The spans (CSV with `article`, `bias`, `start`, `end` as byte offsets, `quote`).
        #[arg(long)]
        spans: PathBuf,
        /// The corpus the spans annotate (its `id`s are the spans' `article`s).
        #[arg(long)]
        corpus: PathBuf,
        /// Which spans to score, by their `bias` column.
        #[arg(long, default_value = "lexical")]
        bias: String,
        /// Score only the articles dated in these years, `FIRST-LAST` or one year (`2010-2012`,
        /// `2014`): to choose entries on some years and measure the choice on the others.
        #[arg(long, value_name = "YEARS", value_parser = parse_years)]
        years: Option<(u32, u32)>,
        /// Also list the N entries that raised the most flags, with how many fall inside a span
        /// (`--entries 40`; the JSON output always lists every entry).
        #[arg(long, value_name = "N", default_value_t = 0)]
        entries: usize,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
    /// Recall of `lexicon suggest` per story: how many annotated labels that differ between
    /// outlets (NewsWCL50's annotations.csv) are among the first 50 and 200 candidates.
    Suggestions {
        /// The corpus: a folder with a manifest giving each article's outlet and story.
        #[arg(long)]
        corpus: PathBuf,
        /// The annotations (NewsWCL50 `annotations.csv`).
        #[arg(long)]
        annotations: PathBuf,
        /// Prior strength passed to `suggest` (see `lexicon suggest --prior`).
        #[arg(long, default_value_t = 0.1)]
        prior: f64,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
}

/// Run an evaluation.
pub fn run(command: &Command) -> anyhow::Result<Outcome> {
    match command {
        Command::Attributions { gold, texts, json, errors, lexicon } => {
            attributions(gold, texts, *json, errors.as_deref(), lexicon)
        }
        Command::Suggestions { corpus, annotations, prior, json } => suggestions(corpus, annotations, *prior, *json),
        Command::Loaded { spans, corpus, bias, years, entries, json, lexicon } => {
            loaded(spans, corpus, bias, *years, *entries, *json, lexicon)
        }
    }
}

/// `FIRST-LAST` or one year, inclusive.
fn parse_years(text: &str) -> Result<(u32, u32), String> {
    let year = |s: &str| s.trim().parse::<u32>().map_err(|_| format!("`{text}`: `{s}` is not a year"));
    let (first, last) = match text.split_once('-') {
        Some((first, last)) => (year(first)?, year(last)?),
        None => (year(text)?, year(text)?),
    };
    if last < first {
        return Err(format!("`{text}`: the last year is before the first"));
    }
    Ok((first, last))
}

/// The year an article's date opens with (`2012-03-01`, `2012`), if any.
fn year_of(date: &str) -> Option<u32> {
    date.get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit())).and_then(|y| y.parse().ok())
}

fn loaded(
    spans: &Path,
    corpus: &Path,
    bias: &str,
    years: Option<(u32, u32)>,
    entries: usize,
    json: bool,
    lexicon: &LexiconArgs,
) -> anyhow::Result<Outcome> {
    let text = fs::read_to_string(spans).with_context(|| format!("cannot read {}", spans.display()))?;
    let spans = read_spans(&text, bias).map_err(|e| anyhow::anyhow!("{}: {e}", spans.display()))?;
    let corpus_args = super::args::CorpusArgs::for_input(corpus);
    let super::args::Prepared { loaded, stream, .. } = super::args::Prepared::quiet(&corpus_args, lexicon)?;
    let matcher = LexiconMatcher::new(&loaded.set);
    let extractor = Extractor::new(&loaded.set, &matcher, super::args::Prepared::text_options(&corpus_args));
    let stemmer = Stemmer::default();
    let (mut flags, mut words, mut scored) = (Vec::new(), 0u64, BTreeSet::new());
    for article in stream {
        let article = article?;
        if let Some((first, last)) = years
            && !year_of(&article.date).is_some_and(|y| (first..=last).contains(&y))
        {
            continue;
        }
        let result = extractor.extract(article, &stemmer);
        words += u64::from(result.words);
        scored.insert(result.article.id.clone());
        flags.extend(result.signals.iter().filter(|h| h.kind == SignalKind::Loaded).map(|h| Flag {
            article: result.article.id.clone(),
            start: h.span.start,
            end: h.span.end,
            class: h.subject.clone(),
            entry: h.detail.clone(),
        }));
    }
    let spans: Vec<AnnotatedSpan> = spans.into_iter().filter(|s| scored.contains(&s.article)).collect();
    let dated = years.map_or(String::new(), |(first, last)| format!(" dated {first}-{last}"));
    anyhow::ensure!(!spans.is_empty(), "no `{bias}` span belongs to an article{dated} of {}", corpus.display());
    let scores = score_loaded(&spans, &flags, words);
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
        return Ok(Outcome::Success);
    }
    println!("{} articles, {} words, {} `{bias}` spans", scored.len(), words, spans.len());
    println!("{:<10} {:>6} {:>7} {:>7}", "spans", "spans", "caught", "recall");
    for (name, r) in [("all", &scores.all), ("own voice", &scores.own), ("quoted", &scores.quoted)] {
        println!("{name:<10} {:>6} {:>7} {:>7.3}", r.spans, r.caught, r.recall);
    }
    println!(
        "flags {} ({:.1} per 1,000 words); {:.3} of them inside a span",
        scores.flags, scores.flags_per_1k, scores.flags_in_spans
    );
    println!("{:<12} {:>7} {:>6} {:>7} {:>7}", "class", "caught", "flags", "inside", "share");
    for (class, share) in &scores.class_flags {
        let caught = scores.by_class.get(class).copied().unwrap_or(0);
        println!("{class:<12} {caught:>7} {:>6} {:>7} {:>7.3}", share.flags, share.inside, share.share);
    }
    if entries > 0 {
        println!("{:<24} {:<12} {:>6} {:>7}", "entry", "class", "flags", "inside");
        for e in scores.entries.iter().take(entries) {
            println!("{:<24} {:<12} {:>6} {:>7}", e.entry, e.class, e.share.flags, e.share.inside);
        }
    }
    Ok(Outcome::Success)
}

/// Candidates cut-offs reported per story.
const CUTOFFS: [usize; 2] = [50, 200];

fn suggestions(corpus: &Path, annotations: &Path, prior: f64, json: bool) -> anyhow::Result<Outcome> {
    let text = fs::read_to_string(annotations).with_context(|| format!("cannot read {}", annotations.display()))?;
    let mentions = read_mentions(&text).with_context(|| format!("cannot read {}", annotations.display()))?;
    let stemmer = Stemmer::default();
    let gold = differing_labels(&mentions, &stemmer);
    let corpus_args = super::args::CorpusArgs::for_input(corpus);
    let super::args::Prepared { stream, loaded, .. } =
        super::args::Prepared::quiet(&corpus_args, &LexiconArgs::default())?;
    let mut stories: BTreeMap<String, TermTable> = BTreeMap::new();
    for article in stream {
        let article = article?;
        let table = stories.entry(story_number(&article.story)).or_default();
        table.add_article("", &article.outlet, &article.text, VoiceFilter::Own, TextOptions::default(), &stemmer);
    }
    // As `lexicon suggest` ranks: house style set apart.
    let options = SuggestOptions { top: CUTOFFS[1], prior, ..SuggestOptions::default() };
    let mut results: Vec<StoryRecall> = Vec::new();
    for (story, table) in &stories {
        let Some(gold) = gold.get(story) else { continue };
        let (framing, _) = StyleRules::for_lexicons(table, &loaded.set).rank(table, &options);
        let merged = merged_candidates(&framing);
        let mut recall = story_recall(story, gold, &merged, &CUTOFFS);
        recall.countable = gold.iter().filter(|g| table.terms.contains_key(*g)).count();
        results.push(recall);
    }
    anyhow::ensure!(
        !results.is_empty(),
        "no story of {} has annotations in {}",
        corpus.display(),
        annotations.display()
    );
    if json {
        println!("{}", serde_json::to_string_pretty(&results)?);
        return Ok(Outcome::Success);
    }
    println!(
        "{:<8} {:>6} {:>10} {:>11} {:>10} {:>11}",
        "story", "gold", "own voice", "candidates", "recall@50", "recall@200"
    );
    for r in &results {
        println!(
            "{:<8} {:>6} {:>10} {:>11} {:>10.3} {:>11.3}",
            r.story, r.gold, r.countable, r.candidates, r.at[0].2, r.at[1].2
        );
    }
    let mean = |i: usize| results.iter().map(|r| r.at[i].2).sum::<f64>() / results.len() as f64;
    let sum = |f: fn(&StoryRecall) -> usize| results.iter().map(f).sum::<usize>();
    println!(
        "{:<8} {:>6} {:>10} {:>11} {:>10.3} {:>11.3}",
        "mean",
        sum(|r| r.gold),
        sum(|r| r.countable),
        "",
        mean(0),
        mean(1)
    );
    Ok(Outcome::Success)
}

/// The number in a story id ("event07" and "7" are the same story), or the id itself.
fn story_number(story: &str) -> String {
    let digits: String =
        story.chars().rev().take_while(char::is_ascii_digit).collect::<Vec<_>>().into_iter().rev().collect();
    digits.parse::<u64>().map_or_else(|_| story.to_string(), |n| n.to_string())
}

fn attributions(
    gold: &Path,
    texts: &Path,
    json: bool,
    errors: Option<&Path>,
    lexicon: &LexiconArgs,
) -> anyhow::Result<Outcome> {
    let loaded = lexicon.load();
    let cues = CueIndex::from_lexicons(&loaded.set);
    let cues = match lexicon.cue_model()? {
        Some(model) => cues.with_model(model),
        None => cues,
    };
    let pairs = gold_files(gold, texts)?;
    let mut articles: Vec<(String, Vec<Attribution>, Vec<GoldAttribution>)> = Vec::new();
    for (text_path, ann_path) in &pairs {
        let text = fs::read_to_string(text_path).with_context(|| format!("cannot read {}", text_path.display()))?;
        let ann = fs::read_to_string(ann_path).with_context(|| format!("cannot read {}", ann_path.display()))?;
        let doc = Document::parse(&text, TextOptions::KEEP_ALL);
        let predicted = find_attributions(&doc, &find_quote_spans(&text, &doc.paragraph_spans()), &cues);
        let gold = read_ann(&ann, &text);
        articles.push((text, predicted, gold));
    }
    let to_score: Vec<ArticleToScore> =
        articles.iter().map(|(text, predicted, gold)| ArticleToScore { text, predicted, gold }).collect();
    let scores = [score_corpus(&to_score, 0.3), score_corpus(&to_score, 0.8)];
    if let Some(path) = errors {
        write_disagreements(path, &pairs, &to_score)?;
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print_table(pairs.len(), &scores);
    }
    Ok(Outcome::Success)
}

/// One CSV row per disagreement at overlap 0.3, articles in file order.
fn write_disagreements(path: &Path, pairs: &[(PathBuf, PathBuf)], articles: &[ArticleToScore]) -> anyhow::Result<()> {
    let mut out = csv::Writer::from_path(path).with_context(|| format!("cannot write {}", path.display()))?;
    out.write_record([
        "article",
        "error",
        "subset",
        "start",
        "content",
        "gold_source",
        "predicted_source",
        "gold_cue",
        "predicted_cue",
    ])?;
    for ((text_path, _), article) in pairs.iter().zip(articles) {
        let name = text_path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        for d in disagreements(article, 0.3) {
            let start = d.start.to_string();
            let fields = [&d.content, &d.gold_source, &d.predicted_source, &d.gold_cue, &d.predicted_cue];
            out.write_record([name.as_str(), d.error, d.subset, &start].into_iter().chain(fields.map(String::as_str)))?;
        }
    }
    out.flush().with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// (text, annotation) pairs: every text with at least one `.ann` file, the first annotator's.
pub(super) fn gold_files(gold: &Path, texts: &Path) -> anyhow::Result<Vec<(PathBuf, PathBuf)>> {
    let mut anns: Vec<PathBuf> = fs::read_dir(gold)
        .with_context(|| format!("cannot read --gold folder {}", gold.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for ann in anns {
        let stem = ann.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem.as_str(), |(a, _)| a).to_string();
        let text = texts.join(format!("{article}.txt"));
        if text.is_file() && !pairs.iter().any(|(t, _)| *t == text) {
            pairs.push((text, ann));
        }
    }
    anyhow::ensure!(!pairs.is_empty(), "no .ann file in {} matches a .txt file in {}", gold.display(), texts.display());
    Ok(pairs)
}

fn print_table(articles: usize, scores: &[AttributionScores]) {
    println!("{articles} articles");
    println!(
        "{:<10} {:>7} {:>9} {:>7} {:>7} {:>7} {:>7} {:>9} {:>9}",
        "subset", "overlap", "predicted", "gold", "P", "R", "F1", "speaker", "cue"
    );
    for s in scores {
        for (name, sc) in [("all", s.all), ("quoted", s.quoted)] {
            println!(
                "{:<10} {:>7.1} {:>9} {:>7} {:>7.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}",
                name,
                s.threshold,
                sc.counts.predicted,
                sc.counts.gold,
                sc.precision,
                sc.recall,
                sc.f1,
                sc.source_accuracy,
                sc.cue_accuracy
            );
        }
    }
}
