//! `framelens quotes`: every attribution of a corpus, as CSV or JSON Lines on standard output;
//! with `--explain`, each attribution with the rules that found and shaped it.

use std::io::{self, Write};

use framelens::features::ArticleResult;
use framelens::text::Span;

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
    /// Print each attribution as text with its spans and the rules that found and shaped it,
    /// instead of CSV or JSON Lines.
    #[arg(long)]
    pub explain: bool,
}

/// Run `framelens quotes`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Prepared { loaded, stream, .. } = Prepared::new(&args.corpus, &args.lexicon)?;
    let matcher = LexiconMatcher::new(&loaded.set);
    let extractor = Extractor::new(&loaded.set, &matcher, Prepared::text_options(&args.corpus))
        .with_cue_model(args.lexicon.cue_model()?);
    let stdout = io::stdout().lock();
    let mut csv =
        (matches!(args.format, Format::Csv) && !args.explain).then(|| csv::Writer::from_writer(io::stdout().lock()));
    let mut jsonl = io::BufWriter::new(stdout);
    let set = &loaded.set;
    let mut rows = 0usize;
    let errors = pipeline::for_each_result(stream, &extractor, &mut messages::report_skipped, &mut |result| {
        if args.explain {
            return explain(&mut jsonl, result);
        }
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

/// Every attribution of one article as text: its spans and the rules behind it.
fn explain(out: &mut impl Write, result: &ArticleResult) -> io::Result<()> {
    let article = &result.article;
    let show = |span: Option<Span>| match span {
        Some(s) => format!("{}..{}  {:?}", s.start, s.end, s.slice(&article.text)),
        None => "-".to_string(),
    };
    for voiced in &result.voices {
        let at = &voiced.attribution;
        let extent = at.extent.map_or(String::new(), |e| format!(" {}", e.as_str()));
        writeln!(out, "{} {} sentence {}: {}{extent}", article.outlet, article.id, at.sentence, at.kind.as_str())?;
        writeln!(out, "  content   {}", show(Some(at.content)))?;
        if at.clause.is_some() {
            writeln!(out, "  clause    {}", show(at.clause))?;
        }
        writeln!(out, "  cue       {}", show(at.cue))?;
        writeln!(out, "  speaker   {}", show(at.source))?;
        if at.resolved.is_some() {
            writeln!(out, "  resolved  {}", show(at.resolved))?;
        }
        let group = voiced.group();
        writeln!(out, "  group     {group}")?;
        if let Some(introduction) = voiced.speaker.as_ref().and_then(|s| s.introduction) {
            writeln!(out, "  introduced {}", show(Some(introduction)))?;
        }
        for (i, rule) in std::iter::once(&at.rule).chain(&at.steps).enumerate() {
            let label = if i == 0 { "rules" } else { "" };
            writeln!(out, "  {label:9} {}: {}", rule.name(), rule.info().description)?;
        }
        writeln!(out)?;
    }
    Ok(())
}
