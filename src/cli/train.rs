//! `framelens train cues`: fit the learned cue model on gold attributions in brat standoff
//! format and write it as a model file.

use std::fs;
use std::path::PathBuf;

use anyhow::Context;

use framelens::eval::GoldAttribution;
use framelens::eval::read_ann;
use framelens::quotes::{Example, Training, cue_features, is_cue_candidate, train_cue_model};
use framelens::text::{Document, TextOptions};

use super::Outcome;
use super::eval::gold_files;

/// Training subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Train the attribution cue model used by `--learned-cues` on gold attributions (the
    /// PolNeAR layout, as for `eval attributions`): every word of every text is an example,
    /// labelled by whether a gold cue covers it.
    Cues {
        /// Folder of `.ann` files (`NAME_ANNOTATOR.ann`; the first annotator by name is used).
        #[arg(long)]
        gold: PathBuf,
        /// Folder of `NAME.txt` texts.
        #[arg(long)]
        texts: PathBuf,
        /// Where to write the model (the shipped one is models/attribution-cues.tsv).
        #[arg(long, value_name = "TSV")]
        out: PathBuf,
        /// Passes over the examples.
        #[arg(long, default_value_t = Training::default().epochs)]
        epochs: usize,
        /// Leave out features seen fewer times than this.
        #[arg(long, default_value_t = Training::default().min_count)]
        min_count: usize,
        /// The score above which a word is a cue, written into the model file. The shipped
        /// model's was chosen by cross-fitting on PolNeAR train (models/crossfit-threshold.sh).
        #[arg(long, default_value_t = 0.0, value_name = "SCORE", allow_hyphen_values = true)]
        threshold: f32,
    },
}

/// Run a training subcommand.
pub fn run(command: &Command) -> anyhow::Result<Outcome> {
    let Command::Cues { gold, texts, out, epochs, min_count, threshold } = command;
    let mut examples = Vec::new();
    let pairs = gold_files(gold, texts)?;
    for (text_path, ann_path) in &pairs {
        let text = fs::read_to_string(text_path).with_context(|| format!("cannot read {}", text_path.display()))?;
        let ann = fs::read_to_string(ann_path).with_context(|| format!("cannot read {}", ann_path.display()))?;
        let doc = Document::parse(&text, TextOptions::KEEP_ALL);
        let gold = read_ann(&ann, &text);
        examples.extend(cue_examples(&doc, &gold));
    }
    let cues = examples.iter().filter(|e| e.cue).count();
    let settings = Training { epochs: *epochs, min_count: *min_count };
    let model = train_cue_model(&examples, settings).with_threshold(*threshold);
    fs::write(out, model.to_tsv()).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} articles, {} words ({cues} in gold cues): {} features written to {}",
        pairs.len(),
        examples.len(),
        model.len(),
        out.display()
    );
    Ok(Outcome::Success)
}

/// Every word of one article, labelled by whether a gold cue covers it.
fn cue_examples(doc: &Document, gold: &[GoldAttribution]) -> Vec<Example> {
    let cue_spans: Vec<_> = gold.iter().flat_map(|g| g.cue.iter().copied()).collect();
    let mut examples = Vec::new();
    for sentence in &doc.sentences {
        for i in sentence.tokens.clone().filter(|&i| is_cue_candidate(doc, i)) {
            let cue = cue_spans.iter().any(|s| s.overlaps(doc.tokens[i].span));
            examples.push(Example { features: cue_features(doc, sentence.tokens.clone(), i), cue });
        }
    }
    examples
}
