//! `framelens report`: everything `extract` writes, plus `report.md`, a readable summary whose
//! findings point to their evidence rows.

use anyhow::Context;
use framelens::report::render_markdown;

use super::Outcome;
use super::extract::{self, measure};

/// Arguments of `framelens report` (the same as `extract`).
pub type Args = extract::Args;

/// Run `framelens report`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let measured = measure(args, "report")?;
    let path = args.output.out.join("report.md");
    let markdown = render_markdown(measured.summary.articles, &measured.summary.outlets, &measured.lexicons);
    std::fs::write(&path, markdown).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(measured.outcome)
}
