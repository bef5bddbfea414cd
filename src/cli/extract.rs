//! `framelens extract`: measure a corpus and write the tables.

use std::collections::BTreeMap;
use std::fs;

use anyhow::Context;
use framelens::corpus::FILE_STEM;
use framelens::features::{Extractor, SignalSet};
use framelens::lexicon::{LexiconMatcher, LexiconSet, Severity, StoryChoice, StoryReason};
use framelens::pipeline::{self, Event, Keep, RunSummary};
use framelens::report::{MANIFEST_FILE, OutputFolder, RunManifest, hash_inputs};
use framelens::stats::StatsOptions;

use super::args::{CorpusArgs, LexiconArgs, OutputArgs, Prepared, StatsArgs};
use super::{Outcome, messages};

/// Arguments of `framelens extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub stats: StatsArgs,
    /// The signals to measure besides word choice and voices, by name: hedge, credit, fact,
    /// agency, tone, loaded, naming; or all (the default), or none. A signal left out is not computed
    /// (faster: tone is the costliest), and its evidence rows, columns, tables and report
    /// sections are absent rather than zero. Example: `--signals hedge,credit,loaded`.
    #[arg(long, value_name = "LIST", default_value = "all")]
    pub signals: SignalSet,
}

/// Run `framelens extract`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let measured = measure(args, "extract", Keep::Nothing, 0)?;
    measured.finish(Vec::new())
}

/// A measured corpus, for commands that go on to render more.
pub struct Measured {
    pub summary: RunSummary,
    pub lexicons: LexiconSet,
    /// Which shipped story lexicons applied, and why.
    pub stories: Vec<StoryChoice>,
    pub outcome: Outcome,
    /// The output folder, held (locked) until the manifest is written.
    pub folder: OutputFolder,
    /// The manifest, written last by [`Measured::finish`].
    pub manifest: RunManifest,
}

impl Measured {
    /// Write the run manifest, listing the tables and the `more` files written after them, and
    /// marked complete: the last file of a run.
    pub fn finish(mut self, more: Vec<String>) -> anyhow::Result<Outcome> {
        self.manifest.files.extend(more);
        self.manifest.files.sort();
        self.manifest.files.dedup();
        self.manifest.complete = true;
        self.manifest.write(&self.folder.path().join(MANIFEST_FILE))?;
        Ok(self.outcome)
    }
}

/// Take the output folder of a run over `input` (refused inside the input, or while another run
/// writes there), with the fix in the message.
pub fn take_folder(out: &std::path::Path, input: Option<&std::path::Path>) -> anyhow::Result<OutputFolder> {
    OutputFolder::take(out, input).map_err(|e| anyhow::anyhow!("{e} ({})", e.fix()))
}

/// Show per-article outlet decisions for corpora up to this size; summarise above it.
const LIST_OUTLETS_UP_TO: usize = 50;

/// Load lexicons, read and measure the corpus, write tables and the run manifest
/// (`default_resamples`: the intervals' resamples when `--intervals` is not given).
pub fn measure(args: &Args, command: &str, keep: Keep, default_resamples: usize) -> anyhow::Result<Measured> {
    let stats = args.stats.options(default_resamples)?;
    if let Some(threads) = args.output.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(usize::from(threads))
            .build_global()
            .context("cannot set --threads")?;
    }
    let out = &args.output.out;
    let folder = take_folder(out, Some(&args.corpus.input))?;
    let Prepared { loaded, stories, stream } = Prepared::new(&args.corpus, &args.lexicon)?;
    if !args.output.quiet {
        for choice in &stories {
            eprintln!("framelens: story lexicon {}", choice.describe());
        }
    }
    let labels = framelens::table::label_count(&loaded.set);
    if labels > framelens::table::MAX_ARTICLE_LABEL_COLUMNS {
        eprintln!(
            "framelens: note: {labels} lexicon labels: article_features leaves out per-label shares above {}; \
             each article's label counts are in article_word_choice",
            framelens::table::MAX_ARTICLE_LABEL_COLUMNS
        );
    }
    fs::create_dir_all(out).with_context(|| format!("cannot create output folder {}", out.display()))?;
    let matcher = LexiconMatcher::new(&loaded.set);
    let cue_model = args.lexicon.cue_model()?;
    let cue_threshold = cue_model.as_ref().map_or_else(String::new, |m| m.threshold().to_string());
    let extractor = Extractor::new(&loaded.set, &matcher, Prepared::text_options(&args.corpus))
        .with_cue_model(cue_model)
        .with_signals(args.signals)
        .with_chosen_stories(&chosen_stories(&stories));
    let bar = messages::progress(args.output.quiet);
    let mut decided: Vec<String> = Vec::new();
    let mut rules: BTreeMap<(String, String), usize> = BTreeMap::new();
    let plan = pipeline::Plan {
        formats: args.output.formats(),
        keep,
        drop_copies: args.stats.drop_copies,
        evidence_text: args.output.evidence_text,
    };
    let summary = pipeline::extract_to(out, stream, &extractor, plan, stats.as_ref(), &mut |event| match event {
        Event::Measured(article) => {
            bar.inc(1);
            *rules.entry((article.outlet.clone(), article.outlet_rule.clone())).or_default() += 1;
            if decided.len() <= LIST_OUTLETS_UP_TO {
                decided.push(format!("{} -> {} ({})", article.id, article.outlet, article.outlet_rule));
            }
        }
        Event::Skipped(err) => bar.suspend(|| messages::problem(format!("skipped {err}"))),
        Event::Stage(what) => messages::stage(&bar, what),
    })?;
    bar.finish_and_clear();
    report_outlets(&summary, &decided, &rules, args.output.quiet);
    let lexicon_errors: Vec<String> =
        loaded.problems.iter().filter(|p| p.severity == Severity::Error).map(ToString::to_string).collect();
    let skipped = !summary.errors.is_empty() || !lexicon_errors.is_empty();
    let mut manifest = manifest(args, command, &summary, &loaded.set, &stories, &cue_threshold, stats.as_ref());
    if !args.output.quiet {
        for story in &manifest.story_articles {
            eprintln!("framelens: story lexicon {}", story.describe(summary.articles));
        }
    }
    manifest.errors.extend(lexicon_errors.iter().cloned());
    eprintln!(
        "framelens: measured {} articles from {} outlets into {}{}",
        summary.articles,
        summary.outlets.len(),
        out.display(),
        if skipped {
            format!("; {} inputs skipped (see messages above)", summary.errors.len() + lexicon_errors.len())
        } else {
            String::new()
        }
    );
    anyhow::ensure!(
        summary.articles > 0,
        "no article could be measured from {} ({} inputs skipped; see messages above)",
        args.corpus.input.display(),
        summary.errors.len()
    );
    let outcome = Outcome::unless_skipped(skipped);
    Ok(Measured { summary, lexicons: loaded.set, stories, outcome, folder, manifest })
}

/// Say how each outlet was decided: one line per article for small corpora, else a tally (with
/// the outlets taken from file names on one line, since each is an outlet of its own); then, if
/// any outlet is a file name, how to name them.
fn report_outlets(summary: &RunSummary, decided: &[String], rules: &BTreeMap<(String, String), usize>, quiet: bool) {
    if quiet {
        return;
    }
    let (stems, counts): (Vec<&str>, Vec<usize>) =
        rules.iter().filter(|((_, rule), _)| rule == FILE_STEM).map(|((outlet, _), n)| (outlet.as_str(), *n)).unzip();
    let from_stems: usize = counts.iter().sum();
    if summary.articles as usize <= LIST_OUTLETS_UP_TO {
        for line in decided {
            eprintln!("framelens: outlet {line}");
        }
    } else {
        for ((outlet, rule), n) in rules.iter().filter(|((_, rule), _)| rule != FILE_STEM) {
            eprintln!("framelens: outlet {outlet} ({rule}): {}", articles(*n));
        }
        if !stems.is_empty() {
            let shown: Vec<&str> = stems.iter().take(3).copied().collect();
            eprintln!(
                "framelens: outlet = file name ({FILE_STEM}): {}, e.g. {}",
                articles(from_stems),
                shown.join(", ")
            );
        }
    }
    if from_stems > 0 {
        let their = if from_stems == 1 { "its" } else { "their" };
        eprintln!(
            "framelens: note: {} took {their} file name as outlet (no manifest row, column, text or known \
             outlet named one); a manifest.csv with file,outlet columns beside the files names the outlets",
            articles(from_stems)
        );
    }
}

/// The story lexicons the run chose from the corpus (its story column or its text), not named.
fn chosen_stories(stories: &[StoryChoice]) -> Vec<&str> {
    stories.iter().filter(|c| c.applied && c.reason != StoryReason::Named).map(|c| c.id.as_str()).collect()
}

/// "1 article", "2 articles".
fn articles(n: usize) -> String {
    if n == 1 { "1 article".to_string() } else { format!("{n} articles") }
}

/// The run manifest, with the tables written so far and not yet complete.
fn manifest(
    args: &Args,
    command: &str,
    summary: &RunSummary,
    set: &LexiconSet,
    stories: &[StoryChoice],
    cue_threshold: &str,
    stats: Option<&StatsOptions>,
) -> RunManifest {
    let formats = args.output.formats();
    let pairs =
        stats.map_or(String::new(), |s| s.pairs.iter().map(|(a, b)| format!("{a},{b}")).collect::<Vec<_>>().join(";"));
    let columns = args.corpus.columns();
    RunManifest {
        framelens_version: env!("CARGO_PKG_VERSION").to_string(),
        command: command.to_string(),
        input: args.corpus.input.display().to_string(),
        input_files: hash_inputs(&args.corpus.input, &args.corpus.read_options()),
        lexicons: set.files.clone(),
        story_lexicons: stories.to_vec(),
        story_articles: framelens::report::StoryArticles::of(set, &summary.outlets),
        options: vec![
            ("remove_boilerplate".into(), (!args.corpus.keep_boilerplate).to_string()),
            ("kept_lines".into(), Prepared::text_options(&args.corpus).kept_rules.describe()),
            ("learned_cues".into(), args.lexicon.learned_cues.to_string()),
            (
                "choose_stories_from".into(),
                args.lexicon.choose_stories_from.as_ref().map_or_else(String::new, |f| f.display().to_string()),
            ),
            ("cue_model".into(), args.lexicon.cue_model_source()),
            ("cue_threshold".into(), cue_threshold.to_string()),
            ("follow_links".into(), args.corpus.follow_links.to_string()),
            ("max_article_mb".into(), args.corpus.max_article_mb.to_string()),
            ("raw_csv".into(), formats.raw_csv.to_string()),
            ("text_column".into(), columns.text),
            ("outlet_column".into(), columns.outlet),
            ("chunk_size".into(), pipeline::CHUNK_SIZE.to_string()),
            ("formats".into(), args.output.formats().describe()),
            ("intervals".into(), stats.map_or(0, |s| s.resamples).to_string()),
            ("permutations".into(), stats.map_or(0, |s| s.permutations).to_string()),
            ("pairs".into(), pairs),
            ("alpha".into(), args.stats.alpha.to_string()),
            ("seed".into(), args.stats.seed.to_string()),
            ("drop_copies".into(), args.stats.drop_copies.to_string()),
            ("signals".into(), args.signals.to_string()),
            ("evidence_text".into(), args.output.evidence_text.to_string()),
        ],
        articles: summary.articles,
        errors: summary.errors.iter().map(ToString::to_string).collect(),
        tables: summary.tables.clone(),
        files: summary.tables.iter().flat_map(|t| pipeline::table_files(t, formats)).collect(),
        complete: false,
    }
}
