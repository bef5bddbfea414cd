//! `framelens report`: everything `extract` writes, then the comparison (clusters, distances,
//! charts) and `report.md`, a readable summary whose findings point to their evidence rows.

use anyhow::Context;
use framelens::report::{render_markdown, write_comparison};

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

/// Run `framelens report`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if !args.extract.output.formats().parquet {
        anyhow::bail!(
            "report reads the Parquet tables back to compare outlets: use --formats csv,parquet (the default) \
             or --formats parquet, or run `framelens extract --formats csv` for the tables alone"
        );
    }
    let measured = measure(&args.extract, "report")?;
    let out = &args.extract.output.out;
    let files = write_comparison(out, &args.compare.settings())?;
    tell(&files, args.extract.output.quiet);
    let path = out.join("report.md");
    let markdown = render_markdown(
        measured.summary.articles,
        &measured.summary.outlets,
        &measured.lexicons,
        Some(&files),
        args.extract.lexicon.learned_cues,
        args.extract.output.formats(),
    );
    std::fs::write(&path, markdown).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(measured.outcome)
}
