//! `framelens quotes`: every attribution of a corpus, as CSV or JSON Lines on standard output.

use std::io::{self, Write};

use framelens::features::Extractor;
use framelens::lexicon::LexiconMatcher;
use framelens::pipeline;
use framelens::table::{QuoteRow, quotes_table};

use super::args::{CorpusArgs, LexiconArgs, Prepared};
use super::{Outcome, messages};

/// Output format.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Format {
    /// Comma-separated values with a header row (the columns of `quotes.csv`).
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `framelens quotes`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    pub format: Format,
}

/// Run `framelens quotes`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Prepared { loaded, stream } = Prepared::new(&args.corpus, &args.lexicon)?;
    let matcher = LexiconMatcher::new(&loaded.set);
    let extractor = Extractor::new(&loaded.set, &matcher, Prepared::text_options(&args.corpus))
        .with_cue_model(args.lexicon.cue_model()?);
    let stdout = io::stdout().lock();
    let mut csv = matches!(args.format, Format::Csv).then(|| csv::Writer::from_writer(io::stdout().lock()));
    let mut jsonl = io::BufWriter::new(stdout);
    let set = &loaded.set;
    let mut rows = 0usize;
    let errors = pipeline::for_each_result(stream, &extractor, &mut messages::report_skipped, &mut |result| {
        for row in QuoteRow::from_result(result, set) {
            rows += 1;
            match csv.as_mut() {
                Some(writer) => writer.serialize(&row).map_err(io::Error::other)?,
                None => {
                    serde_json::to_writer(&mut jsonl, &row)?;
                    jsonl.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    })?;
    if let Some(mut writer) = csv {
        // No attribution at all still gets the header, so a script reading the output sees the
        // columns and zero rows.
        if rows == 0 {
            writer.write_record(quotes_table(&[]).get_column_names().iter().map(|name| name.as_str()))?;
        }
        writer.flush()?;
    }
    jsonl.flush()?;
    Ok(Outcome::unless_skipped(!errors.is_empty() || loaded.has_errors()))
}
