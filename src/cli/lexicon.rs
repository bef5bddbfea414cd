//! `framelens lexicon …`: work with lexicon files.

use std::path::PathBuf;

use framelens::lexicon::Severity;

use super::{Outcome, messages};

/// Lexicon subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Check lexicon files and report every problem with file, line and a fix. Exits 2 on
    /// errors, 0 when there are only warnings or none.
    Check {
        /// Lexicon files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

/// Run a lexicon subcommand.
pub fn run(command: &Command) -> anyhow::Result<Outcome> {
    match command {
        Command::Check { paths } => check(paths),
    }
}

fn check(paths: &[PathBuf]) -> anyhow::Result<Outcome> {
    let args = super::args::LexiconArgs { paths: paths.to_vec() };
    let loaded = args.load();
    let errors = loaded.problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = loaded.problems.len() - errors;
    let concepts = loaded.set.concepts.len();
    let labels: usize = loaded.set.concepts.iter().map(|c| c.labels.len()).sum();
    messages::problem(format!("{errors} errors, {warnings} warnings; {concepts} concepts with {labels} labels usable"));
    Ok(if errors > 0 { Outcome::Failed } else { Outcome::Success })
}
