//! Scoring the `loaded` signal against experts' spans of biased wording (the BASIL layout: a CSV
//! with `article`, `bias`, `start`, `end`, `quote`; byte offsets into the article text). A span is
//! caught when any flag overlaps it. Reported: recall of the spans (overall, in the outlet's own
//! voice, inside quotations, and by the class of the flag that caught them), flags per 1,000
//! words, and the share of flags that fall inside an annotated span, overall, by class and by
//! lexicon entry. That share is a lower bound on precision (the experts mark the spans they judge
//! biased, not every use of a charged word), so it is read by comparison: between classes, between
//! entries, and before and after a change to the word list.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

/// One annotated span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedSpan {
    /// The article's id.
    pub article: String,
    /// Byte offsets into the article's text, end exclusive.
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The span is inside a quotation.
    pub quoted: bool,
}

/// One flag raised by framelens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Flag {
    /// The article's id.
    pub article: String,
    /// Byte offsets into the article's text.
    pub start: usize,
    /// End of the flag.
    pub end: usize,
    /// The flag's class.
    pub class: String,
    /// The lexicon entry that raised it (`text` of its `[[loaded]]` entry; for scare quotes, the
    /// pattern).
    pub entry: String,
}

/// Spans and how many of them were caught.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Recall {
    /// Annotated spans.
    pub spans: usize,
    /// Spans overlapped by a flag.
    pub caught: usize,
    /// `caught / spans`.
    pub recall: f64,
}

impl Recall {
    fn new(spans: usize, caught: usize) -> Recall {
        Recall { spans, caught, recall: if spans > 0 { caught as f64 / spans as f64 } else { 0.0 } }
    }
}

/// Flags of one class or entry, and how many of them overlap an annotated span.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct FlagShare {
    /// Flags raised.
    pub flags: usize,
    /// Of them, flags that overlap an annotated span.
    pub inside: usize,
    /// `inside / flags`.
    pub share: f64,
}

impl FlagShare {
    fn add(&mut self, inside: bool) {
        self.flags += 1;
        self.inside += usize::from(inside);
        self.share = self.inside as f64 / self.flags as f64;
    }
}

/// The flags of one lexicon entry.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntryShare {
    /// The entry.
    pub entry: String,
    /// Its class.
    pub class: String,
    /// Its flags and how many fall inside a span.
    #[serde(flatten)]
    pub share: FlagShare,
}

/// The scores of one evaluation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LoadedScores {
    /// Every span.
    pub all: Recall,
    /// Spans in the outlet's own voice.
    pub own: Recall,
    /// Spans inside quotations.
    pub quoted: Recall,
    /// Spans caught by a flag of each class.
    pub by_class: BTreeMap<String, usize>,
    /// Flags raised.
    pub flags: usize,
    /// Words in the articles scored.
    pub words: u64,
    /// Flags per 1,000 words.
    pub flags_per_1k: f64,
    /// Flags that overlap an annotated span, as a share of all flags.
    pub flags_in_spans: f64,
    /// Flags by class, and the share inside a span.
    pub class_flags: BTreeMap<String, FlagShare>,
    /// Flags by lexicon entry, most flags first (ties by entry).
    pub entries: Vec<EntryShare>,
}

/// Read a spans CSV, keeping the rows whose `bias` is `bias`; `None` with the line of a bad row.
pub fn read_spans(text: &str, bias: &str) -> Result<Vec<AnnotatedSpan>, String> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name).ok_or(format!("no `{name}` column"));
    let (article, kind, start, end, quote) =
        (column("article")?, column("bias")?, column("start")?, column("end")?, column("quote")?);
    let mut spans = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("line {}: {e}", i + 2))?;
        if &row[kind] != bias {
            continue;
        }
        let number = |c: usize| {
            row[c].trim().parse::<usize>().map_err(|_| format!("line {}: `{}` is not an offset", i + 2, &row[c]))
        };
        spans.push(AnnotatedSpan {
            article: row[article].to_string(),
            start: number(start)?,
            end: number(end)?,
            quoted: matches!(row[quote].trim(), "yes" | "true" | "1"),
        });
    }
    Ok(spans)
}

/// Score `flags` (over articles of `words` words in all) against `spans`. Spans of articles with no
/// flag and no text scored still count: pass only the spans of the articles scored.
pub fn score_loaded(spans: &[AnnotatedSpan], flags: &[Flag], words: u64) -> LoadedScores {
    let overlaps = |s: &AnnotatedSpan, f: &Flag| f.start < s.end && s.start < f.end;
    let mut flags_of: BTreeMap<&str, Vec<&Flag>> = BTreeMap::new();
    for flag in flags {
        flags_of.entry(flag.article.as_str()).or_default().push(flag);
    }
    let mut spans_of: BTreeMap<&str, Vec<&AnnotatedSpan>> = BTreeMap::new();
    for span in spans {
        spans_of.entry(span.article.as_str()).or_default().push(span);
    }
    let mut caught = [0usize; 2];
    let mut total = [0usize; 2];
    let mut by_class: BTreeMap<String, usize> = BTreeMap::new();
    for span in spans {
        let voice = usize::from(span.quoted);
        total[voice] += 1;
        let near = flags_of.get(span.article.as_str()).map_or(&[][..], Vec::as_slice);
        let classes: BTreeSet<&str> = near.iter().filter(|f| overlaps(span, f)).map(|f| f.class.as_str()).collect();
        if !classes.is_empty() {
            caught[voice] += 1;
        }
        for class in classes {
            *by_class.entry(class.to_string()).or_default() += 1;
        }
    }
    let (mut inside, mut class_flags) = (0, BTreeMap::<String, FlagShare>::new());
    let mut entries = BTreeMap::<(&str, &str), FlagShare>::new();
    for flag in flags {
        let hit = spans_of.get(flag.article.as_str()).is_some_and(|near| near.iter().any(|s| overlaps(s, flag)));
        inside += usize::from(hit);
        class_flags.entry(flag.class.clone()).or_default().add(hit);
        entries.entry((flag.entry.as_str(), flag.class.as_str())).or_default().add(hit);
    }
    let mut entries: Vec<EntryShare> = entries
        .into_iter()
        .map(|((entry, class), share)| EntryShare { entry: entry.into(), class: class.into(), share })
        .collect();
    entries.sort_by(|a, b| b.share.flags.cmp(&a.share.flags).then_with(|| a.entry.cmp(&b.entry)));
    LoadedScores {
        all: Recall::new(total[0] + total[1], caught[0] + caught[1]),
        own: Recall::new(total[0], caught[0]),
        quoted: Recall::new(total[1], caught[1]),
        by_class,
        flags: flags.len(),
        words,
        flags_per_1k: if words > 0 { flags.len() as f64 * 1000.0 / words as f64 } else { 0.0 },
        flags_in_spans: if flags.is_empty() { 0.0 } else { inside as f64 / flags.len() as f64 },
        class_flags,
        entries,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_caught_by_overlapping_flags_and_counted_by_voice_and_class() {
        let csv = "article,bias,start,end,quote\na,lexical,0,5,no\na,lexical,10,20,yes\na,informational,30,40,no\nb,lexical,0,4,no\n";
        let spans = read_spans(csv, "lexical").unwrap();
        assert_eq!(spans.len(), 3);
        let flag = |article: &str, start, end, class: &str, entry: &str| Flag {
            article: article.into(),
            start,
            end,
            class: class.into(),
            entry: entry.into(),
        };
        let flags = [
            flag("a", 3, 8, "evaluative", "phony"),
            flag("a", 12, 14, "intensifier", "very"),
            flag("a", 50, 55, "evaluative", "phony"),
            flag("b", 5, 9, "evaluative", "wrong"),
        ];
        let scores = score_loaded(&spans, &flags, 2000);
        assert_eq!((scores.all.spans, scores.all.caught), (3, 2));
        assert_eq!((scores.own.caught, scores.quoted.caught), (1, 1));
        assert_eq!(scores.by_class["evaluative"], 1);
        assert!((scores.flags_per_1k - 2.0).abs() < 1e-9);
        assert!((scores.flags_in_spans - 0.5).abs() < 1e-9);
        // By class and by entry: the evaluative flags are 1 of 3 inside, "phony" 1 of 2 and
        // "wrong" (outside its article's span) 0 of 1; the most flagged entry comes first.
        let evaluative = &scores.class_flags["evaluative"];
        assert_eq!((evaluative.flags, evaluative.inside), (3, 1));
        assert_eq!(scores.class_flags["intensifier"].share, 1.0);
        let entries: Vec<(&str, usize, usize)> =
            scores.entries.iter().map(|e| (e.entry.as_str(), e.share.flags, e.share.inside)).collect();
        assert_eq!(entries, [("phony", 2, 1), ("very", 1, 1), ("wrong", 1, 0)]);
        assert!(
            read_spans("article,bias,start,end,quote\na,lexical,x,2,no\n", "lexical").unwrap_err().contains("line 2")
        );
    }
}
