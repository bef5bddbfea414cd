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
    /// direct quotations, and indirect ones whose content holds a quotation mark).
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
    let (mut all, mut quoted) = (Counts::default(), Counts::default());
    for a in articles {
        let [(_, predicted, gold), (_, predicted_quoted, gold_quoted)] = subsets(a);
        all.add(score_article(&predicted, &gold, threshold));
        quoted.add(score_article(&predicted_quoted, &gold_quoted, threshold));
    }
    AttributionScores { threshold, all: all.scores(), quoted: quoted.scores() }
}

/// The two subsets scored, by name: every attribution, and quoted speech only.
type Subset<'a> = (&'static str, Vec<&'a Attribution>, Vec<&'a GoldAttribution>);

fn subsets<'a>(a: &ArticleToScore<'a>) -> [Subset<'a>; 2] {
    [
        ("all", a.predicted.iter().collect(), a.gold.iter().collect()),
        (
            "quoted",
            a.predicted.iter().filter(|p| is_quoted(a.text, p)).collect(),
            a.gold.iter().filter(|g| is_direct(a.text, g)).collect(),
        ),
    ]
}

/// A prediction as scored: a fragment counts with its clause (quotes sharing a clause count
/// once), and a quote continuing the previous speaker in the same paragraph, without a cue or
/// with the same one, joins that attribution (`“A,” he said, “B.”` is one).
struct Scored {
    content: Vec<Span>,
    source: Option<Span>,
    cue: Option<Span>,
}

fn scored(predicted: &[&Attribution]) -> Vec<Scored> {
    let mut out: Vec<Scored> = Vec::new();
    // The last direct quotation scored: its index in `out` and its paragraph.
    let mut last_direct: Option<(usize, usize)> = None;
    for p in predicted {
        let content = p.clause.unwrap_or(p.content);
        let open = last_direct.filter(|&(_, paragraph)| p.kind == Kind::Direct && paragraph == p.paragraph);
        // A quote with a speaker of its own (`Kasich resisted: “…”`) is not a continuation.
        let own_speaker = p.cue.is_none() && p.source.is_some();
        let continued = open.map(|(i, _)| i).filter(|&i| match p.cue {
            None => !own_speaker,
            Some(_) => out[i].cue == p.cue,
        });
        match (out.last_mut(), continued) {
            // Two quotes in one clause ("said that he “…” and “…”") are one attribution.
            (Some(previous), _) if p.clause.is_some() && previous.content.contains(&content) => {}
            (_, Some(i)) => out[i].content.push(content),
            _ => {
                out.push(Scored { content: vec![content], source: p.source.or(p.resolved), cue: p.cue });
                if p.kind == Kind::Direct {
                    last_direct = Some((out.len() - 1, p.paragraph));
                }
            }
        }
    }
    out
}

fn score_article(predicted: &[&Attribution], gold: &[&GoldAttribution], threshold: f64) -> Counts {
    let predicted = scored(predicted);
    let mut counts = Counts { predicted: predicted.len(), gold: gold.len(), ..Counts::default() };
    for (g, p) in pair(&predicted, gold, threshold).into_iter().enumerate() {
        let (Some(i), g) = (p, gold[g]) else { continue };
        counts.matched += 1;
        let p = &predicted[i];
        if !g.source.is_empty() {
            counts.with_source += 1;
            counts.source_correct += usize::from(source_found(p, g));
        }
        if !g.cue.is_empty() {
            counts.with_cue += 1;
            counts.cue_correct += usize::from(touches(&p.cue.into_iter().collect::<Vec<_>>(), &g.cue));
        }
    }
    counts
}

/// For each gold attribution, the prediction paired with it: the untaken one with the largest
/// content overlap at or above `threshold`, gold attributions taken in file order.
fn pair(predicted: &[Scored], gold: &[&GoldAttribution], threshold: f64) -> Vec<Option<usize>> {
    let mut taken = vec![false; predicted.len()];
    gold.iter()
        .map(|g| {
            let best = predicted
                .iter()
                .enumerate()
                .filter(|(i, _)| !taken[*i])
                .map(|(i, p)| (i, overlap(&p.content, &g.content)))
                .filter(|(_, o)| *o >= threshold)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            let i = best?.0;
            taken[i] = true;
            Some(i)
        })
        .collect()
}

fn source_found(p: &Scored, g: &GoldAttribution) -> bool {
    touches(&p.source.into_iter().collect::<Vec<_>>(), &g.source)
}

/// What went wrong with one attribution, for reading the errors behind the scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Disagreement {
    /// `missed` (gold, no prediction), `spurious` (prediction, no gold) or `wrong_speaker`.
    pub error: &'static str,
    /// `all` or `quoted`.
    pub subset: &'static str,
    /// The content (gold for missed and wrong_speaker, predicted for spurious); split spans joined by ` … `.
    pub content: String,
    /// The gold source, when there is one.
    pub gold_source: String,
    /// The predicted speaker mention, when there is one.
    pub predicted_source: String,
    /// The gold cue, when there is one; split spans joined by ` … `.
    pub gold_cue: String,
    /// The predicted cue, when there is one.
    pub predicted_cue: String,
    /// Byte offset of the content's start.
    pub start: usize,
}

/// Every missed, spurious and wrong-speaker attribution of one article at `threshold`.
pub fn disagreements(article: &ArticleToScore, threshold: f64) -> Vec<Disagreement> {
    subsets(article)
        .into_iter()
        .flat_map(|(name, predicted, gold)| subset_disagreements(article.text, name, &predicted, &gold, threshold))
        .collect()
}

fn subset_disagreements(
    text: &str,
    subset: &'static str,
    predicted: &[&Attribution],
    gold: &[&GoldAttribution],
    threshold: f64,
) -> Vec<Disagreement> {
    let predicted = scored(predicted);
    let pairs = pair(&predicted, gold, threshold);
    let join = |spans: &[Span]| spans.iter().map(|s| s.slice(text)).collect::<Vec<_>>().join(" … ");
    let slice = |span: Option<Span>| span.map(|s| s.slice(text).to_string()).unwrap_or_default();
    let row = |error, content: &[Span], gold: Option<&GoldAttribution>, predicted: Option<&Scored>| Disagreement {
        error,
        subset,
        content: join(content),
        gold_source: gold.map(|g| join(&g.source)).unwrap_or_default(),
        predicted_source: slice(predicted.and_then(|p| p.source)),
        gold_cue: gold.map(|g| join(&g.cue)).unwrap_or_default(),
        predicted_cue: slice(predicted.and_then(|p| p.cue)),
        start: content.first().map_or(0, |s| s.start),
    };
    let mut out = Vec::new();
    for (g, p) in gold.iter().zip(&pairs) {
        match p {
            None => out.push(row("missed", &g.content, Some(g), None)),
            Some(i) if !g.source.is_empty() && !source_found(&predicted[*i], g) => {
                out.push(row("wrong_speaker", &g.content, Some(g), Some(&predicted[*i])))
            }
            Some(_) => {}
        }
    }
    for (i, p) in predicted.iter().enumerate() {
        if !pairs.contains(&Some(i)) {
            out.push(row("spurious", &p.content, None, Some(p)));
        }
    }
    out.sort_by_key(|d| d.start);
    out
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

/// A prediction counts as quoted speech when it is a direct quotation, or when its content holds
/// a quotation mark (partly quoted indirect speech): the test `is_direct` applies to gold.
/// A prediction counts as quoted speech when it is a direct quotation in double marks (a
/// headline's `Name: ‘…’` is direct but, like its gold twin, not in the subset) or its content
/// holds a double mark.
fn is_quoted(text: &str, p: &Attribution) -> bool {
    let content = p.content.slice(text);
    let single = text[..p.content.start].ends_with(['‘', '\'']) && !text[..p.content.start].ends_with("''");
    p.kind == Kind::Direct && !single || content.contains(['“', '"', '”']) || content.contains("''")
}

/// A gold content counts as quoted speech (the `direct` subset) when a double quotation mark
/// opens right before it (no space between: a closing mark before a space, or the closing mark
/// of the paragraph before, is someone else's quote) or occurs inside it: full quotes and partly
/// quoted (mixed) contents.
fn is_direct(text: &str, gold: &GoldAttribution) -> bool {
    let Some(first) = gold.content.first() else { return false };
    let before = &text[..first.start];
    let marks = ['“', '"', '”'];
    before.ends_with(['“', '"'])
        || before.ends_with("''")
        || gold.content.iter().any(|s| s.slice(text).contains(marks) || s.slice(text).contains("''"))
}
