//! `framelens lexicon suggest`: the terms that distinguish each outlet, groups of alternative
//! labels, and a draft story lexicon.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use framelens::features::{Extractor, SignalSet};
use framelens::lexicon::LexiconMatcher;
use framelens::lexicon::{LexiconSet, OutletEntry};
use framelens::pipeline;
use framelens::report::write_table;
use framelens::suggest::{
    AnchorCounter, Candidate, DraftSource, SlotGroup, StyleRules, Styled, SuggestOptions, TermTable, VoiceCandidate,
    VoiceCounter, VoiceFilter, draft_toml, lexicon_terms, slot_groups, slot_groups_table, style_table,
    suggestions_table,
};
use framelens::text::Stemmer;

use super::args::{CorpusArgs, LexiconArgs, Prepared};
use super::{Outcome, messages};

/// Arguments of `framelens lexicon suggest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub corpus: CorpusArgs,
    /// Compare groups of articles by this field.
    #[arg(long, value_enum, default_value = "outlet")]
    pub by: ByArg,
    /// Lexicon files whose labels are marked in the output (repeatable).
    #[arg(long = "lexicon", short = 'l', value_name = "PATH")]
    pub lexicon: Vec<PathBuf>,
    /// Output folder for suggestions.csv, style.csv, slot_groups.csv (and .parquet) and draft.toml.
    #[arg(long, short = 'o', value_name = "DIR")]
    pub out: PathBuf,
    /// Candidates kept per outlet.
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub top: usize,
    /// Prior strength: each term's pseudo-count is this times its uses in the whole corpus.
    #[arg(long, default_value_t = 0.1, value_name = "SCALE")]
    pub prior: f64,
    /// Fewest uses by the outlet for a candidate.
    #[arg(long, default_value_t = 1, value_name = "N")]
    pub min_count: u32,
    /// Context similarity (0 to 1) from which two terms are proposed as alternatives.
    #[arg(long, default_value_t = 0.3, value_name = "COSINE")]
    pub similarity: f64,
    /// Count words inside quotations too (default: only the outlet's own voice).
    #[arg(long)]
    pub include_quotes: bool,
    /// Story id for the draft (default: the input's file or folder name).
    #[arg(long)]
    pub story: Option<String>,
}

/// `--by`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ByArg {
    /// One group per outlet.
    Outlet,
    /// One group per story.
    Story,
}

/// Run `framelens lexicon suggest`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let Prepared { stream, loaded, .. } = Prepared::quiet(&args.corpus, &LexiconArgs::default())?;
    let stemmer = Stemmer::default();
    let voice = if args.include_quotes { VoiceFilter::All } else { VoiceFilter::Own };
    let options = Prepared::text_options(&args.corpus);
    let mut table = TermTable::default();
    let mut skipped = 0;
    for item in stream {
        match item {
            Ok(article) => {
                // Outlets are contrasted within each story; stories with one stratum.
                let (story, group) = match args.by {
                    ByArg::Outlet => (&article.story, &article.outlet),
                    ByArg::Story => (&String::new(), &article.story),
                };
                table.add_article(story, group, &article.text, voice, options, &stemmer);
            }
            Err(err) => {
                skipped += 1;
                messages::problem(format!("skipped {err}"));
            }
        }
    }
    if table.groups.len() < 2 {
        anyhow::bail!(
            "{} groups found; suggest compares at least two (check --by and the outlet column)",
            table.groups.len()
        );
    }
    let known = marked_terms(&args.lexicon, &stemmer);
    let settings =
        SuggestOptions { top: args.top, prior: args.prior, min_count: args.min_count, similarity: args.similarity };
    let style = StyleRules::for_lexicons(&table, &loaded.set);
    let (ranked, styled) = style.rank(&table, &settings);
    let mut groups = slot_groups(&table, &ranked, &settings, &|key| style.classify(&table, key).is_some());
    let (names, articles) = anchor(args, &loaded.set, &mut groups)?;
    let story = args.story.clone().unwrap_or_else(|| input_name(&args.corpus.input));
    let compared = match args.by {
        ByArg::Outlet => "outlets",
        ByArg::Story => "stories",
    };
    let voices = unclassified_voices(args, &loaded.set)?;
    let input = args.corpus.input.display().to_string();
    let source = DraftSource { story, input, names, articles, compared, voices };
    write(args, &source, (&table, &ranked, &groups), &known, (&styled, &style))?;
    for (g, list) in ranked.iter().enumerate() {
        let top: Vec<&str> = list.iter().take(8).map(|c| table.terms[&c.key].surface()).collect();
        messages::problem(format!("{}: {}", table.groups[g], top.join(", ")));
    }
    messages::problem(format!(
        "{} candidates, {} groups of alternatives; wrote suggestions.csv, style.csv, slot_groups.csv and draft.toml to {}",
        ranked.iter().map(Vec::len).sum::<usize>(),
        groups.len(),
        args.out.display()
    ));
    Ok(Outcome::unless_skipped(skipped > 0))
}

/// Read the corpus again for the names written beside each group's labels, and for the names
/// most articles write (the draft's candidate story anchors, with the articles read).
fn anchor(args: &Args, set: &LexiconSet, groups: &mut [SlotGroup]) -> anyhow::Result<(Vec<(String, u32)>, u32)> {
    let mut counter = AnchorCounter::new(groups, set.outlets.iter().flat_map(OutletEntry::names));
    let stream = Prepared::reopen(&args.corpus, set)?;
    let options = Prepared::text_options(&args.corpus);
    let stemmer = Stemmer::default();
    for article in stream.flatten() {
        let group = match args.by {
            ByArg::Outlet => &article.outlet,
            ByArg::Story => &article.story,
        };
        counter.add_article(group, &article.text, options, &stemmer);
    }
    for (group, anchors) in groups.iter_mut().zip(counter.anchors()) {
        group.anchors = anchors;
    }
    Ok((counter.story_names(STORY_NAMES), counter.articles()))
}

/// Read the corpus again for its attributions: the people quoted most whom no role or title
/// put in a voice group, for the draft's `[[voice]]` entries.
fn unclassified_voices(args: &Args, set: &LexiconSet) -> anyhow::Result<Vec<VoiceCandidate>> {
    let stream = Prepared::reopen(&args.corpus, set)?;
    let matcher = LexiconMatcher::new(set);
    let extractor = Extractor::new(set, &matcher, Prepared::text_options(&args.corpus)).with_signals(SignalSet::none());
    let mut counter = VoiceCounter::default();
    pipeline::for_each_result(stream, &extractor, &mut |_| {}, &mut |result| {
        counter.add_article(result.voices.iter().filter_map(|v| v.speaker.as_ref()));
        Ok(())
    })?;
    Ok(counter.candidates(VOICES, VOICE_ATTRIBUTIONS))
}

/// `[[voice]]` entries offered in the draft, and the fewest attributions for one.
const VOICES: usize = 15;
const VOICE_ATTRIBUTIONS: u32 = 2;

/// Names offered as the draft's story anchors.
const STORY_NAMES: usize = 12;

fn marked_terms(paths: &[PathBuf], stemmer: &Stemmer) -> std::collections::BTreeMap<String, String> {
    if paths.is_empty() {
        return Default::default();
    }
    let loaded = LexiconArgs { paths: paths.to_vec(), ..Default::default() }.load();
    lexicon_terms(&loaded.set, stemmer)
}

fn write(
    args: &Args,
    source: &DraftSource,
    (table, ranked, groups): (&TermTable, &[Vec<Candidate>], &[SlotGroup]),
    known: &std::collections::BTreeMap<String, String>,
    (styled, style): (&[Vec<Styled>], &StyleRules),
) -> anyhow::Result<()> {
    let out = &args.out;
    fs::create_dir_all(out).with_context(|| format!("cannot create output folder {}", out.display()))?;
    write_table(out, "suggestions", &mut suggestions_table(table, ranked, groups, known))?;
    write_table(out, "slot_groups", &mut slot_groups_table(table, groups, known))?;
    write_table(out, "style", &mut style_table(table, styled))?;
    let draft = draft_toml(source, table, ranked, groups, known, &|key| style.spellings(table, key));
    let path = out.join("draft.toml");
    fs::write(&path, draft).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

fn input_name(input: &Path) -> String {
    input.file_stem().map_or("story".to_string(), |s| s.to_string_lossy().to_string())
}
