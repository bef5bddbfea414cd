//! `framelens eval attributions`: score attribution extraction against brat standoff annotations.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;
use framelens::eval::{ArticleToScore, AttributionScores, GoldAttribution, read_ann, score_corpus};
use framelens::quotes::{Attribution, CueIndex, find_attributions, find_quote_spans};
use framelens::text::{Document, TextOptions};

use super::Outcome;
use super::args::LexiconArgs;

/// Evaluation subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Precision, recall and F1 of attributions (content overlap at 0.3 and 0.8), speaker and cue
    /// accuracy on matched pairs, for all attributions and for quoted speech.
    Attributions {
        /// Folder of `.ann` files (`NAME_ANNOTATOR.ann`; the first annotator by name is used).
        #[arg(long)]
        gold: PathBuf,
        /// Folder of `NAME.txt` texts.
        #[arg(long)]
        texts: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        lexicon: LexiconArgs,
    },
}

/// Run an evaluation.
pub fn run(command: &Command) -> anyhow::Result<Outcome> {
    let Command::Attributions { gold, texts, json, lexicon } = command;
    let loaded = lexicon.load();
    let cues = CueIndex::new(&loaded.set.cues);
    let pairs = gold_files(gold, texts)?;
    let mut articles: Vec<(String, Vec<Attribution>, Vec<GoldAttribution>)> = Vec::new();
    for (text_path, ann_path) in &pairs {
        let text = fs::read_to_string(text_path).with_context(|| format!("cannot read {}", text_path.display()))?;
        let ann = fs::read_to_string(ann_path).with_context(|| format!("cannot read {}", ann_path.display()))?;
        let doc = Document::parse(&text, TextOptions { remove_boilerplate: false });
        let predicted = find_attributions(&doc, &find_quote_spans(&text, &doc.paragraph_spans()), &cues);
        let gold = read_ann(&ann, &text);
        articles.push((text, predicted, gold));
    }
    let to_score: Vec<ArticleToScore> =
        articles.iter().map(|(text, predicted, gold)| ArticleToScore { text, predicted, gold }).collect();
    let scores = [score_corpus(&to_score, 0.3), score_corpus(&to_score, 0.8)];
    if *json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print_table(pairs.len(), &scores);
    }
    Ok(Outcome::Success)
}

/// (text, annotation) pairs: every text with at least one `.ann` file, the first annotator's.
fn gold_files(gold: &Path, texts: &Path) -> anyhow::Result<Vec<(PathBuf, PathBuf)>> {
    let mut anns: Vec<PathBuf> = fs::read_dir(gold)
        .with_context(|| format!("cannot read --gold folder {}", gold.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ann"))
        .collect();
    anns.sort();
    let mut pairs: Vec<(PathBuf, PathBuf)> = Vec::new();
    for ann in anns {
        let stem = ann.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        let article = stem.rsplit_once('_').map_or(stem.as_str(), |(a, _)| a).to_string();
        let text = texts.join(format!("{article}.txt"));
        if text.is_file() && !pairs.iter().any(|(t, _)| *t == text) {
            pairs.push((text, ann));
        }
    }
    anyhow::ensure!(!pairs.is_empty(), "no .ann file in {} matches a .txt file in {}", gold.display(), texts.display());
    Ok(pairs)
}

fn print_table(articles: usize, scores: &[AttributionScores]) {
    println!("{articles} articles");
    println!(
        "{:<10} {:>7} {:>9} {:>7} {:>7} {:>7} {:>7} {:>9} {:>9}",
        "subset", "overlap", "predicted", "gold", "P", "R", "F1", "speaker", "cue"
    );
    for s in scores {
        for (name, sc) in [("all", s.all), ("quoted", s.quoted)] {
            println!(
                "{:<10} {:>7.1} {:>9} {:>7} {:>7.3} {:>7.3} {:>7.3} {:>9.3} {:>9.3}",
                name,
                s.threshold,
                sc.counts.predicted,
                sc.counts.gold,
                sc.precision,
                sc.recall,
                sc.f1,
                sc.source_accuracy,
                sc.cue_accuracy
            );
        }
    }
}
