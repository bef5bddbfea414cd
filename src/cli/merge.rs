//! `framelens merge`: combine the outputs of `extract` runs over parts of a corpus into the
//! report one run over the whole corpus writes.

use std::path::PathBuf;

use framelens::merge::{self, MERGE_TIME_OPTIONS, MergeOptions, Shard};
use framelens::pipeline::{Keep, Plan};
use framelens::report::RunManifest;

use super::args::{LexiconArgs, StatsArgs};
use super::compare::CompareArgs;
use super::extract::{Measured, take_folder};
use super::report::{DEFAULT_RESAMPLES, Render, keep_for, render};
use super::{Outcome, messages};

/// Arguments of `framelens merge`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folders of `framelens extract` (or `report`) runs over parts of one corpus, in
    /// any order: they are merged in the natural order of the folder names (part-2 before
    /// part-10), so name them in corpus order.
    #[arg(required = true, value_name = "DIR")]
    pub shards: Vec<PathBuf>,
    /// Output folder.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// List the shards' evidence, sentences, quote and removed-line files in
    /// linked_tables.json instead of copying them.
    #[arg(long, conflicts_with = "dedupe")]
    pub link: bool,
    /// Keep the first article (in merge order) of ids that occur in several shards, instead of
    /// refusing to merge. Example: `framelens merge crawl-a/ crawl-b/ --out all --dedupe`.
    #[arg(long)]
    pub dedupe: bool,
    /// Write the tables only, as `extract` does (no intervals unless --intervals is given), without
    /// the comparison, charts and report.md: for corpora so large that the comparison's
    /// per-article matrix would not fit in memory. Example: `framelens merge shards/part-*/ --out
    /// all --link --tables-only`.
    #[arg(long)]
    pub tables_only: bool,
    /// The lexicon files the shards were extracted with, when not the shipped ones (repeatable).
    #[arg(long = "lexicon", short = 'l', value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,
    /// No progress output.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    #[command(flatten)]
    pub stats: StatsArgs,
    #[command(flatten)]
    pub compare: CompareArgs,
}

/// Run `framelens merge`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let fail = |e: merge::MergeError| anyhow::anyhow!("{e} ({})", e.fix());
    let mut shards: Vec<Shard> =
        args.shards.iter().map(|dir| Shard::open(dir)).collect::<Result<_, _>>().map_err(fail)?;
    merge::order(&mut shards);
    merge::check_alike(&shards).map_err(fail)?;
    let stories: Vec<String> =
        shards[0].manifest.story_lexicons.iter().filter(|c| c.applied).map(|c| c.id.clone()).collect();
    let lexicon_args = LexiconArgs {
        paths: args.lexicons.clone(),
        stories,
        choose_stories_from: None,
        learned_cues: false,
        cue_threshold: None,
        cue_model: None,
    };
    let loaded = lexicon_args.load_silently();
    let used = |files: &[framelens::lexicon::LexiconInfo]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = files.iter().map(|f| (f.id.clone(), f.sha256.clone())).collect();
        v.sort();
        v
    };
    let (wanted, have) = (used(&shards[0].manifest.lexicons), used(&loaded.set.files));
    if let Some((id, hash)) = wanted.iter().find(|w| !have.contains(w)) {
        anyhow::bail!(
            "{}: measured with lexicon {id} (sha256 {}), which merge did not load (give merge the --lexicon \
             files extract had)",
            shards[0].dir.display(),
            &hash[..hash.len().min(12)]
        );
    }
    let dropped = merge::overlaps(&shards, args.dedupe).map_err(fail)?;
    for shard in &shards {
        let same = |a: &std::path::Path, b: &std::path::Path| match (a.canonicalize(), b.canonicalize()) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        anyhow::ensure!(!same(&shard.dir, &args.out), "--out {} is one of the shards", args.out.display());
    }
    let stats = args.stats.options(default_resamples(args))?;
    let folder = take_folder(&args.out, None)?;
    let (formats, evidence_text, signals) = merge::shard_formats(&shards);
    let keep = if args.tables_only { Keep::Nothing } else { keep_for(&args.compare) };
    let plan = Plan { formats, keep, drop_copies: args.stats.drop_copies, evidence_text };
    let options = MergeOptions { link: args.link, dedupe: args.dedupe };
    let bar = messages::working(args.quiet, "merging article states");
    let summary =
        merge::merge(&args.out, &shards, &dropped, &loaded.set, plan, stats.as_ref(), options).map_err(fail)?;
    bar.finish_and_clear();
    let left_out: usize = dropped.iter().map(|d| d.len()).sum();
    eprintln!(
        "framelens: merged {} articles from {} shards into {}{}",
        summary.articles,
        shards.len(),
        args.out.display(),
        if left_out > 0 { format!(" ({left_out} ids found in an earlier shard left out)") } else { String::new() }
    );
    let errors: Vec<String> = shards
        .iter()
        .flat_map(|s| s.manifest.errors.iter().map(move |e| format!("{}: {e}", s.dir.display())))
        .collect();
    let mut manifest = manifest(args, &shards, &summary, &loaded.set);
    manifest.errors = errors;
    if args.link {
        manifest.files.push(merge::LINKED_TABLES.to_string());
    }
    let outcome = Outcome::unless_skipped(!manifest.errors.is_empty());
    let stories = story_choices(&shards);
    let measured = Measured { summary, lexicons: loaded.set, stories, outcome, folder, manifest };
    if args.tables_only {
        return measured.finish(Vec::new());
    }
    render(
        measured,
        &Render {
            out: &args.out,
            quiet: args.quiet,
            formats,
            learned_cues: shards[0].option("learned_cues") == Some("true"),
            signals,
            compare: &args.compare,
            seed: args.stats.seed,
            alpha: args.stats.alpha,
        },
    )
}

/// The merged run's manifest: the shards' inputs and options, with the merge's own options for
/// intervals, tests and copies, and the shards in merge order.
fn manifest(
    args: &Args,
    shards: &[Shard],
    summary: &framelens::pipeline::RunSummary,
    set: &framelens::lexicon::LexiconSet,
) -> RunManifest {
    let first = &shards[0].manifest;
    let formats = merge::shard_formats(shards).0;
    let pairs = args.stats.pairs.join(";");
    let resamples = args.stats.intervals.unwrap_or(default_resamples(args)).to_string();
    let mut options: Vec<(String, String)> =
        first.options.iter().filter(|(n, _)| !MERGE_TIME_OPTIONS.contains(&n.as_str())).cloned().collect();
    options.extend([
        ("intervals".into(), resamples),
        ("permutations".into(), args.stats.permutations.to_string()),
        ("pairs".into(), pairs),
        ("alpha".into(), args.stats.alpha.to_string()),
        ("seed".into(), args.stats.seed.to_string()),
        ("drop_copies".into(), args.stats.drop_copies.to_string()),
        ("shards".into(), shards.iter().map(|s| s.dir.display().to_string()).collect::<Vec<_>>().join(";")),
        ("link".into(), args.link.to_string()),
        ("dedupe".into(), args.dedupe.to_string()),
        ("tables_only".into(), args.tables_only.to_string()),
    ]);
    RunManifest {
        framelens_version: env!("CARGO_PKG_VERSION").to_string(),
        command: "merge".to_string(),
        input: shards.iter().map(|s| s.manifest.input.clone()).collect::<Vec<_>>().join(";"),
        input_files: shards.iter().flat_map(|s| s.manifest.input_files.iter().cloned()).collect(),
        lexicons: set.files.clone(),
        story_lexicons: story_choices(shards),
        story_articles: framelens::report::StoryArticles::of(set, &summary.outlets),
        options,
        articles: summary.articles,
        errors: Vec::new(),
        tables: summary.tables.clone(),
        files: summary.tables.iter().flat_map(|t| framelens::pipeline::table_files(t, formats)).collect(),
        complete: false,
    }
}

/// The shards' story lexicon decisions (alike, as checked), with the articles each read added up
/// (unless every shard read the same file, `--choose-stories-from`).
fn story_choices(shards: &[Shard]) -> Vec<framelens::lexicon::StoryChoice> {
    let mut choices = shards[0].manifest.story_lexicons.clone();
    if shards[0].manifest.option("choose_stories_from").is_some_and(|f| !f.is_empty()) {
        return choices;
    }
    for choice in &mut choices {
        let same = shards[1..].iter().filter_map(|s| s.manifest.story_lexicons.iter().find(|c| c.id == choice.id));
        for other in same {
            choice.articles_read += other.articles_read;
            choice.articles_matching += other.articles_matching;
            choice.articles_with_story += other.articles_with_story;
        }
    }
    choices
}

/// Bootstrap resamples when `--intervals` is not given: a report's, or none for `--tables-only`.
fn default_resamples(args: &Args) -> usize {
    if args.tables_only { 0 } else { DEFAULT_RESAMPLES }
}
