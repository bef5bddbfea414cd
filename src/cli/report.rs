//! `framelens report`: everything `extract` writes, then the comparison (clusters, distances,
//! charts) and `report.md`, a readable summary whose findings point to their evidence rows.

use anyhow::Context;
use framelens::compare::Level;
use framelens::pipeline::Keep;
use framelens::report::{MarkdownInput, render_markdown, write_comparison};

use super::Outcome;
use super::compare::{CompareArgs, tell};
use super::extract::{self, measure};

/// Arguments of `framelens report`.
#[derive(Debug, clap::Args)]
#[group(id = "report_args")]
pub struct Args {
    #[command(flatten)]
    pub extract: extract::Args,
    #[command(flatten)]
    pub compare: CompareArgs,
}

/// Bootstrap resamples of a report's intervals when `--intervals` is not given.
const DEFAULT_RESAMPLES: usize = 1000;

/// Run `framelens report`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let settings = args.compare.settings(args.extract.stats.seed, args.extract.stats.alpha);
    let keep = match settings.options.level {
        Level::Outlet => Keep::ForOutlets,
        Level::Article => Keep::ForArticles,
    };
    let measured = measure(&args.extract, "report", keep, DEFAULT_RESAMPLES)?;
    let out = &args.extract.output.out;
    let tables = measured.summary.kept.as_ref().expect("a report run keeps its tables");
    let bar = super::messages::working(args.extract.output.quiet, "comparing outlets: distances, clusters, charts");
    let files = write_comparison(out, &settings, tables, args.extract.output.formats())?;
    bar.finish_and_clear();
    tell(&files, args.extract.output.quiet);
    let path = out.join("report.md");
    let markdown = render_markdown(&MarkdownInput {
        articles: measured.summary.articles,
        outlets: &measured.summary.outlets,
        set: &measured.lexicons,
        comparison: Some(&files),
        learned_cues: args.extract.lexicon.learned_cues,
        formats: args.extract.output.formats(),
        stories: &measured.stories,
        findings: measured.summary.findings.as_ref(),
        copies: &measured.summary.copies,
        copies_dropped: measured.summary.copies_dropped,
        signals: args.extract.signals,
    });
    std::fs::write(&path, markdown).with_context(|| format!("cannot write {}", path.display()))?;
    let mut written = files.written.clone();
    written.push("report.md".into());
    measured.finish(written)
}
