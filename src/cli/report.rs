//! `framelens report`: everything `extract` writes, then the comparison (clusters, distances,
//! charts) and `report.md`, a readable summary whose findings point to their evidence rows.

use std::path::Path;

use anyhow::Context;
use framelens::features::SignalSet;
use framelens::pipeline::Keep;
use framelens::report::{Formats, MarkdownInput, render_markdown, write_comparison};

use super::Outcome;
use super::compare::{CompareArgs, tell};
use super::extract::{self, Measured, measure};

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
pub const DEFAULT_RESAMPLES: usize = 1000;

/// Run `framelens report`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let measured = measure(&args.extract, "report", keep_for(&args.compare), DEFAULT_RESAMPLES)?;
    render(
        measured,
        &Render {
            out: &args.extract.output.out,
            quiet: args.extract.output.quiet,
            formats: args.extract.output.formats(),
            learned_cues: args.extract.lexicon.learned_cues,
            signals: args.extract.signals,
            compare: &args.compare,
            seed: args.extract.stats.seed,
            alpha: args.extract.stats.alpha,
        },
    )
}

/// The tables a comparison with `compare` reads, kept in memory by the run before it.
pub fn keep_for(compare: &CompareArgs) -> Keep {
    match compare.level {
        super::compare::LevelArg::Outlet => Keep::ForOutlets,
        super::compare::LevelArg::Article => Keep::ForArticles,
    }
}

/// What the comparison and `report.md` after a run (`report`, `merge`) need to know.
pub struct Render<'a> {
    pub out: &'a Path,
    pub quiet: bool,
    pub formats: Formats,
    pub learned_cues: bool,
    pub signals: SignalSet,
    pub compare: &'a CompareArgs,
    pub seed: u64,
    pub alpha: f64,
}

/// Compare the outlets of a measured run, write `report.md` and then the manifest.
pub fn render(measured: Measured, r: &Render) -> anyhow::Result<Outcome> {
    let settings = r.compare.settings(r.seed, r.alpha);
    let tables = measured.summary.kept.as_ref().expect("a report run keeps its tables");
    let bar = super::messages::working(r.quiet, "comparing outlets: distances, clusters, charts");
    let files = write_comparison(r.out, &settings, tables, r.formats)?;
    bar.finish_and_clear();
    tell(&files, r.quiet);
    let path = r.out.join("report.md");
    let manifest = &measured.manifest;
    let markdown = render_markdown(&MarkdownInput {
        articles: measured.summary.articles,
        outlets: &measured.summary.outlets,
        set: &measured.lexicons,
        comparison: Some(&files),
        learned_cues: r.learned_cues,
        formats: r.formats,
        stories: &measured.stories,
        findings: measured.summary.findings.as_ref(),
        copies: &measured.summary.copies,
        copies_dropped: measured.summary.copies_dropped,
        signals: r.signals,
        boilerplate_kept: manifest.option("remove_boilerplate") == Some("false"),
        kept_lines: manifest.option("kept_lines").unwrap_or(""),
    });
    std::fs::write(&path, markdown).with_context(|| format!("cannot write {}", path.display()))?;
    let mut written = files.written.clone();
    written.push("report.md".into());
    measured.finish(written)
}
