//! Subcommands, one file each, and what they share. Declared in `main.rs` only: the library
//! never sees clap or anyhow.

mod args;
mod compare;
mod eval;
mod exit;
mod extract;
mod lexicon;
mod merge;
mod messages;
mod quotes;
mod report;
mod rules;
mod suggest;
mod train;

use clap::{Parser, Subcommand};

pub use exit::Outcome;
// For the Python package, which compiles this module in (python/src/lib.rs).
#[allow(unused_imports)]
pub use lexicon::checked as lexicon_checked;

/// Measure and compare how news outlets frame the same story.
#[derive(Debug, Parser)]
#[command(name = "framelens", version, about, long_about = None, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  framelens report corpora/iraq-2020 --out reports/iraq-2020
  framelens compare reports/iraq-2020 --groups word_choice --chart-format svg
  framelens extract articles.jsonl --text-column body --out tables/
  framelens extract big-corpus.jsonl --out tables/ --formats parquet
  framelens report basil.jsonl --out basil-report --pairs \"Fox News,HuffPost\" --intervals 2000 --seed 7
  framelens extract articles.jsonl --out tables/ --intervals 1000 --alpha 0.01
  framelens quotes corpora/iraq-2020 --format jsonl
  framelens quotes corpora/iraq-2020 --learned-cues
  framelens quotes corpora/iraq-2020 --explain
  framelens rules
  framelens report corpora/my-corpus --story-lexicon caravan-2018 --out reports/my-corpus
  framelens report many-stories.jsonl --story-lexicon iraq-2020 --story-lexicon caravan-2018 --out reports/all
  framelens compare reports/iraq-2020 --level article --k 5 --seed 7
  framelens lexicon new my-story
  framelens lexicon suggest corpora/iraq-2020 --out suggestions/ --lexicon lexicons/stories/iraq-2020.toml
  framelens lexicon check lexicons/stories/my-story.toml --corpus corpora/iraq-2020
  framelens eval suggestions --corpus newswcl50 --annotations newswcl50/annotations.csv
  framelens eval attributions --gold polnear/dev/attributions --texts polnear/dev/text --errors misses.csv
  framelens eval attributions --gold polnear/dev/attributions --texts polnear/dev/text --learned-cues
  framelens eval loaded --spans basil-dev/spans.csv --corpus basil-dev/articles.jsonl
  framelens eval loaded --spans basil-dev/spans.csv --corpus basil-dev/articles.jsonl --years 2010-2012 --entries 40
  framelens train cues --gold polnear/train/attributions --texts polnear/train/text --out models/attribution-cues.tsv --threshold -3
  framelens train cues --gold my-gold/ --texts my-texts/ --out my-cues.tsv
  framelens report my-corpus/ --out my-report --learned-cues --cue-model my-cues.tsv
  framelens report linked-corpus/ --out my-report --follow-links
  framelens extract crawl.jsonl --out tables/ --max-article-mb 20
  framelens report my-corpus/ --out my-report --raw-csv --drop-copies
  framelens report my-corpus/ --out my-report --threads 1
  framelens extract my-corpus/ --out tables/ --formats csv --evidence-text
  framelens extract archive.jsonl --out tables/ --formats parquet --signals hedge,credit,loaded
  framelens merge shards/part-*/ --out merged/
  framelens merge shards/part-*/ --out merged/ --link --tables-only";

#[derive(Debug, Subcommand)]
enum Command {
    /// Measure a corpus and write the framing report: tables (CSV and Parquet), evidence,
    /// clusters, charts and a readable summary (report.md).
    Report(report::Args),
    /// Compare outlets (or articles) of an existing report again: clusters, distances, charts.
    Compare(compare::Args),
    /// Measure a corpus and write only the tables (CSV and Parquet, or one of them: --formats).
    Extract(extract::Args),
    /// Combine the outputs of `extract` runs over parts of one corpus (shards) into the tables,
    /// intervals, comparison and report.md of one run over the whole corpus.
    Merge(merge::Args),
    /// Print every attribution (quote or reported speech) with its speaker, as CSV or JSON Lines.
    Quotes(quotes::Args),
    /// List the attribution rules (the `rule` column of quotes.csv), then the boilerplate rules
    /// (removed_lines.csv, `--keep-lines`), in the order they apply, with what each does.
    Rules(rules::Args),
    /// Work with lexicon files.
    #[command(subcommand)]
    Lexicon(lexicon::Command),
    /// Measure framelens against annotated data.
    #[command(subcommand)]
    Eval(eval::Command),
    /// Train the models framelens ships (the learned attribution cue model).
    #[command(subcommand)]
    Train(train::Command),
}

/// Run the parsed command.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Report(args) => report::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Merge(args) => merge::run(&args),
        Command::Quotes(args) => quotes::run(&args),
        Command::Rules(args) => rules::run(&args),
        Command::Lexicon(command) => lexicon::run(&command),
        Command::Eval(command) => eval::run(&command),
        Command::Train(command) => train::run(&command),
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn verify_cli() {
        super::Cli::command().debug_assert();
    }
}
