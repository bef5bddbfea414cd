//! Scoring attributions: predictions and gold attributions are paired one to one by content
//! overlap (bytes shared divided by the longer of the two contents); precision, recall and F1
//! follow, and on the pairs, whether the source and the cue were found.

use serde::Serialize;

use super::GoldAttribution;
use crate::quotes::{Attribution, Kind};
use crate::text::Span;

/// Matched, predicted and gold counts, with source and cue agreement on the matched pairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Predictions.
    pub predicted: usize,
    /// Gold attributions.
    pub gold: usize,
    /// Pairs.
    pub matched: usize,
    /// Pairs whose gold attribution has a source.
    pub with_source: usize,
    /// Of those, pairs whose predicted speaker mention overlaps the gold source.
    pub source_correct: usize,
    /// Pairs whose gold attribution has a cue.
    pub with_cue: usize,
    /// Of those, pairs whose predicted cue overlaps the gold cue.
    pub cue_correct: usize,
}

/// Scores derived from counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Scores {
    /// The counts.
    pub counts: Counts,
    /// matched / predicted.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean.
    pub f1: f64,
    /// Source accuracy on pairs.
    pub source_accuracy: f64,
    /// Cue accuracy on pairs.
    pub cue_accuracy: f64,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.matched += other.matched;
        self.with_source += other.with_source;
        self.source_correct += other.source_correct;
        self.with_cue += other.with_cue;
        self.cue_correct += other.cue_correct;
    }

    /// Precision, recall, F1 and accuracies.
    pub fn scores(self) -> Scores {
        let div = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let (p, r) = (div(self.matched, self.predicted), div(self.matched, self.gold));
        let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        Scores {
            counts: self,
            precision: p,
            recall: r,
            f1,
            source_accuracy: div(self.source_correct, self.with_source),
            cue_accuracy: div(self.cue_correct, self.with_cue),
        }
    }
}

/// Scores at one overlap threshold, for all attributions and for quoted speech.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AttributionScores {
    /// The overlap threshold.
    pub threshold: f64,
    /// All attributions.
    pub all: Scores,
    /// Quoted speech only (gold: content opened by or containing a quotation mark; predicted:
    /// direct quotations).
    pub quoted: Scores,
}

/// One article to score: its text, predictions and gold attributions.
pub struct ArticleToScore<'a> {
    /// The text.
    pub text: &'a str,
    /// Predictions.
    pub predicted: &'a [Attribution],
    /// Gold.
    pub gold: &'a [GoldAttribution],
}

/// Score a corpus at `threshold`.
pub fn score_corpus(articles: &[ArticleToScore], threshold: f64) -> AttributionScores {
    let (mut all, mut direct) = (Counts::default(), Counts::default());
    for a in articles {
        all.add(score_article(&a.predicted.iter().collect::<Vec<_>>(), &a.gold.iter().collect::<Vec<_>>(), threshold));
        let gold_direct: Vec<&GoldAttribution> = a.gold.iter().filter(|g| is_direct(a.text, g)).collect();
        let predicted_direct: Vec<&Attribution> = a.predicted.iter().filter(|p| p.kind == Kind::Direct).collect();
        direct.add(score_article(&predicted_direct, &gold_direct, threshold));
    }
    AttributionScores { threshold, all: all.scores(), quoted: direct.scores() }
}

/// A prediction as scored: a fragment counts with its clause, and a quote continuing the
/// previous speaker in the same paragraph joins that attribution (`“A,” he said, “B.”` is one).
struct Scored {
    content: Vec<Span>,
    source: Option<Span>,
    cue: Option<Span>,
}

fn scored(predicted: &[&Attribution]) -> Vec<Scored> {
    let mut out: Vec<Scored> = Vec::new();
    let mut last_direct_paragraph: Option<usize> = None;
    for p in predicted {
        let continues = p.kind == Kind::Direct && p.cue.is_none() && last_direct_paragraph == Some(p.paragraph);
        let content = p.clause.unwrap_or(p.content);
        match out.last_mut() {
            Some(previous) if continues => previous.content.push(content),
            _ => out.push(Scored { content: vec![content], source: p.source.or(p.resolved), cue: p.cue }),
        }
        last_direct_paragraph = (p.kind == Kind::Direct).then_some(p.paragraph);
    }
    out
}

fn score_article(predicted: &[&Attribution], gold: &[&GoldAttribution], threshold: f64) -> Counts {
    let predicted = scored(predicted);
    let mut counts = Counts { predicted: predicted.len(), gold: gold.len(), ..Counts::default() };
    let mut taken = vec![false; predicted.len()];
    for g in gold {
        let best = predicted
            .iter()
            .enumerate()
            .filter(|(i, _)| !taken[*i])
            .map(|(i, p)| (i, overlap(&p.content, &g.content)))
            .filter(|(_, o)| *o >= threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        let Some((i, _)) = best else { continue };
        taken[i] = true;
        counts.matched += 1;
        let p = &predicted[i];
        if !g.source.is_empty() {
            counts.with_source += 1;
            let speaker: Vec<Span> = p.source.into_iter().collect();
            counts.source_correct += usize::from(touches(&speaker, &g.source));
        }
        if !g.cue.is_empty() {
            counts.with_cue += 1;
            counts.cue_correct += usize::from(touches(&p.cue.into_iter().collect::<Vec<_>>(), &g.cue));
        }
    }
    counts
}

/// Bytes shared, divided by the longer of the two span sets.
fn overlap(a: &[Span], b: &[Span]) -> f64 {
    let len = |s: &[Span]| s.iter().map(Span::len).sum::<usize>();
    let shared: usize =
        a.iter().flat_map(|x| b.iter().map(move |y| x.end.min(y.end).saturating_sub(x.start.max(y.start)))).sum();
    let longer = len(a).max(len(b));
    if longer == 0 { 0.0 } else { shared as f64 / longer as f64 }
}

fn touches(a: &[Span], b: &[Span]) -> bool {
    a.iter().any(|x| b.iter().any(|y| x.overlaps(*y)))
}

/// A gold content counts as quoted speech (the `direct` subset) when a double quotation mark
/// opens right before it or occurs inside it: full quotes and partly quoted (mixed) contents.
fn is_direct(text: &str, gold: &GoldAttribution) -> bool {
    let Some(first) = gold.content.first() else { return false };
    let mut from = first.start.saturating_sub(3);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let marks = ['“', '"', '”'];
    let before = &text[from..first.start];
    before.contains(marks)
        || before.ends_with("''")
        || gold.content.iter().any(|s| s.slice(text).contains(marks) || s.slice(text).contains("''"))
}
