//! `framelens lexicon …`: work with lexicon files.

use std::path::{Path, PathBuf};

use anyhow::Context;
use framelens::features::{Coverage, Extractor};
use framelens::lexicon::{LexiconMatcher, Severity};
use framelens::pipeline;

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
        /// Also measure coverage on this corpus (folder or one-article-per-row file): labels that
        /// never match, labels in one outlet only, concepts with one label in use, and the share
        /// of each outlet's words the lexicon touches.
        #[arg(long, value_name = "INPUT")]
        corpus: Option<PathBuf>,
    },
    /// Write a new story lexicon with the documented sections and an example concept.
    New {
        /// Story id (lower case, digits, - and _), e.g. `gaza-ceasefire-2025`.
        story: String,
        /// Where to write it (default: lexicons/stories/STORY.toml).
        #[arg(long, short = 'o', value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Find the terms that distinguish each outlet (weighted log-odds with an informative
    /// Dirichlet prior), propose groups of alternative labels, and write a draft lexicon.
    Suggest(Box<super::suggest::Args>),
}

/// What `lexicon check` finds: the lexicons with every problem (load problems, advice and,
/// with a corpus, coverage problems), and the share of each outlet's words the lexicon touches.
pub struct Checked {
    pub loaded: framelens::lexicon::Loaded,
    pub touched: Vec<(String, f64)>,
}

/// Check the lexicon files `paths`, with coverage on `corpus` when given.
pub fn checked(paths: &[PathBuf], corpus: Option<&Path>) -> anyhow::Result<Checked> {
    let args = super::args::LexiconArgs { paths: paths.to_vec(), ..Default::default() };
    let mut loaded = args.load_silently();
    loaded.problems.extend(framelens::lexicon::shadowed_labels(&loaded.set.concepts));
    loaded.problems.extend(framelens::lexicon::loaded_duplicates(&loaded.set));
    let mut touched = Vec::new();
    if let Some(corpus) = corpus {
        let coverage = measure_coverage(&args, corpus)?;
        loaded.problems.extend(coverage.problems(&loaded.set));
        touched = coverage.touched().into_iter().map(|(o, s)| (o.to_string(), s)).collect();
    }
    Ok(Checked { loaded, touched })
}

/// Run a lexicon subcommand.
pub fn run(command: &Command) -> anyhow::Result<Outcome> {
    match command {
        Command::Check { paths, corpus } => check(paths, corpus.as_deref()),
        Command::New { story, out } => new(story, out.as_deref()),
        Command::Suggest(args) => super::suggest::run(args),
    }
}

fn check(paths: &[PathBuf], corpus: Option<&Path>) -> anyhow::Result<Outcome> {
    let Checked { loaded, touched } = checked(paths, corpus)?;
    for problem in &loaded.problems {
        messages::problem(problem);
    }
    for (outlet, share) in touched {
        messages::problem(format!("coverage: the lexicon touches {:.1}% of the words in {outlet}", share * 100.0));
    }
    let errors = loaded.problems.iter().filter(|p| p.severity == Severity::Error).count();
    let warnings = loaded.problems.len() - errors;
    let concepts = loaded.set.concepts.len();
    let labels: usize = loaded.set.concepts.iter().map(|c| c.labels.len()).sum();
    messages::problem(format!("{errors} errors, {warnings} warnings; {concepts} concepts with {labels} labels usable"));
    Ok(if errors > 0 { Outcome::Failed } else { Outcome::Success })
}

/// Measure the lexicons' coverage of a corpus (shipped lexicons fill in what the files lack,
/// as in `report`).
fn measure_coverage(lexicons: &super::args::LexiconArgs, corpus: &Path) -> anyhow::Result<Coverage> {
    let corpus_args = super::args::CorpusArgs::for_input(corpus);
    let super::args::Prepared { loaded, stream, .. } = super::args::Prepared::quiet(&corpus_args, lexicons)?;
    let matcher = LexiconMatcher::new(&loaded.set);
    let extractor = Extractor::new(&loaded.set, &matcher, super::args::Prepared::text_options(&corpus_args));
    let mut coverage = Coverage::default();
    pipeline::for_each_result(stream, &extractor, &mut messages::report_skipped, &mut |result| {
        coverage.add(result);
        Ok(())
    })?;
    Ok(coverage)
}

/// The scaffold `lexicon new` writes.
static TEMPLATE: &str = include_str!("story_template.toml");

fn new(story: &str, out: Option<&Path>) -> anyhow::Result<Outcome> {
    let valid = !story.is_empty()
        && story.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && story.starts_with(|c: char| c.is_ascii_lowercase());
    if !valid {
        anyhow::bail!(
            "story id `{story}` is not valid: use lower-case letters, digits, - and _, starting with a letter"
        );
    }
    let path = out.map_or_else(|| PathBuf::from("lexicons/stories").join(format!("{story}.toml")), Path::to_path_buf);
    if path.exists() {
        anyhow::bail!("{} already exists; choose another --out or story id", path.display());
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(&path, TEMPLATE.replace("STORY_ID", story))
        .with_context(|| format!("cannot write {}", path.display()))?;
    messages::problem(format!(
        "wrote {}; next: `framelens lexicon suggest CORPUS --out DIR`, then `framelens lexicon check {} --corpus CORPUS`",
        path.display(),
        path.display()
    ));
    Ok(Outcome::Success)
}
