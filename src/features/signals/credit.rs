//! Credits to other media ("according to Reuters", "told CNN", "was quoted as saying by the
//! daily Baghdad Today", credit lines such as "(FRANCE 24 with AFP, AP and REUTERS)"): where an
//! outlet's information comes from, and how much of it from wire agencies. The media are the
//! lexicons' `[[outlet]]` entries; an outlet never credits itself.

use std::collections::BTreeSet;

use super::{ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sums, Values};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet, PhraseMatcher};
use crate::quotes::Voice;
use crate::text::{Document, Span, TextOptions, TokenKind, english};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Credit,
    name: "credit",
    description: "Credits to other media (\"according to Reuters\", credit lines), with wire agencies marked.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), String::new()),
    columns: feature_columns,
    table: Some(("media_credits", table)),
};

struct Credits {
    /// Each medium's names: its name and aliases.
    names: Vec<Vec<String>>,
    /// The media names alone, for credit lines (set aside from the text).
    media_names: PhraseMatcher,
    /// Each medium's name and whether it is a wire agency.
    media: Vec<(String, bool)>,
    /// The names and aliases written without a capital ("dpa", "huffpost"): the only matches
    /// that may be all lower case ("according to time stamps" credits no magazine Time).
    lower_case: BTreeSet<String>,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    let names: Vec<Vec<String>> = set.outlets.iter().map(|o| o.names().map(String::from).collect()).collect();
    let lower_case = names.iter().flatten().filter(|n| !n.chars().any(char::is_uppercase)).cloned().collect();
    Box::new(Credits {
        lower_case,
        media_names: PhraseMatcher::new(&names, Inflect::Exact),
        names,
        media: set.outlets.iter().map(|o| (o.name.clone(), o.wire)).collect(),
    })
}

impl Signal for Credits {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        vec![(self.names.clone(), Inflect::Exact)]
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        out.extend(self.credits(article, &matches[0]));
    }
}

impl Credits {
    /// Whether the `written` words can name a medium: a name has a capital, unless the media
    /// lexicon lists it in lower case.
    fn names_a_medium(&self, written: &str) -> bool {
        written.chars().any(char::is_uppercase) || self.lower_case.contains(written)
    }

    fn credits(&self, article: &ArticleText, media: &[LabelMatch]) -> Vec<Hit> {
        let ArticleText { doc, voices, outlet, stemmer, .. } = *article;
        let mut hits = Vec::new();
        for m in media {
            let (name, wire) = &self.media[m.concept];
            if name == outlet || !self.names_a_medium(m.span.slice(doc.text)) {
                continue;
            }
            if let Some(pattern) = credit_pattern(doc, m.tokens.clone()) {
                let mut hit = Place::of(doc, m.tokens.start, m.span).hit(
                    SignalKind::Credit,
                    name.clone(),
                    pattern.into(),
                    voices,
                );
                hit.wire = *wire;
                hits.push(hit);
            }
        }
        for line in doc.removed.iter().filter(|r| r.rule == "credit_line") {
            let text = line.span.slice(doc.text);
            let sub = Document::parse(text, TextOptions::KEEP_ALL);
            for m in self.media_names.find(&sub, stemmer) {
                let (name, wire) = &self.media[m.concept];
                if name == outlet || !self.names_a_medium(m.span.slice(sub.text)) {
                    continue;
                }
                let span = Span::new(line.span.start + m.span.start, line.span.start + m.span.end);
                hits.push(Hit {
                    kind: SignalKind::Credit,
                    subject: name.clone(),
                    detail: "credit_line".into(),
                    voice: Voice::Own,
                    span,
                    sentence: line.span,
                    paragraph: doc.paragraphs.len(),
                    wire: *wire,
                    score: None,
                    connotation: "",
                });
            }
        }
        hits.sort_by_key(|h| h.span.start);
        hits
    }
}

/// Each credited medium with its credits and whether it is a wire agency, in name order.
pub(super) fn by_medium(sums: &Sums) -> Vec<(&str, u64, bool)> {
    sums.iter().map(|((medium, _), s)| (medium.as_str(), s.count, s.flag)).collect()
}

fn feature_columns(rows: &[RowTotals], _set: &LexiconSet) -> Vec<Column> {
    let credits = rows.iter().map(|r| r.signals.of(SignalKind::Credit).values().map(|s| s.count).sum()).collect();
    let share =
        |f: fn(&RowTotals) -> u64| rows.iter().map(|r| Ratio::new(f(r) as f64, r.attributions as f64)).collect();
    vec![
        Column::new(columns::MEDIA_CREDITS, Values::Count(credits)),
        Column::new(columns::MEDIA_CREDITED_SHARE, Values::Ratio(share(|r| r.credited.0))),
        Column::new(columns::MEDIA_WIRE_SHARE, Values::Ratio(share(|r| r.credited.1))),
    ]
}

/// `media_credits`: outlet × credited medium → credits, with the wire flag.
fn table(outlets: &[(&str, RowTotals)], _set: &LexiconSet) -> Vec<Column> {
    let rows: Vec<(&str, (&str, u64, bool))> = outlets
        .iter()
        .flat_map(|(outlet, t)| by_medium(t.signals.of(SignalKind::Credit)).into_iter().map(move |m| (*outlet, m)))
        .collect();
    vec![
        Column::new(columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(columns::MEDIUM, Values::Text(rows.iter().map(|r| r.1.0.to_string()).collect())),
        Column::new(columns::WIRE, Values::Text(rows.iter().map(|r| r.1.2.to_string()).collect())),
        Column::new(columns::CREDITS, Values::Count(rows.iter().map(|r| r.1.1).collect())),
    ]
}

/// The credit pattern of a medium's name at `tokens`, if it is credited as a source.
fn credit_pattern(doc: &Document, tokens: std::ops::Range<usize>) -> Option<&'static str> {
    let key = |i: usize| doc.tokens[i].key.as_str();
    let is_punct = |i: usize| doc.tokens[i].kind == TokenKind::Punct;
    // Up to four words before the name, fillers skipped, stopping at punctuation.
    let mut before: Vec<&str> = Vec::new();
    let mut i = tokens.start;
    while i > 0 && before.len() < 4 {
        i -= 1;
        if is_punct(i) {
            break;
        }
        if before.is_empty() && english().medium_fillers.contains(&key(i)) && !matches!(key(i), "by") {
            continue;
        }
        before.push(key(i));
    }
    let ends = |words: &[&str]| before.len() >= words.len() && words.iter().rev().zip(&before).all(|(w, b)| w == b);
    if ends(&["according", "to"]) {
        return Some("according_to");
    }
    if ends(&["as", "saying", "by"]) {
        return Some("quoted_by");
    }
    if before.first().is_some_and(|w| english().told_forms.contains(w))
        || ends(&["interview", "with"])
        || ends(&["speaking", "to"])
    {
        return Some("told");
    }
    if before.first().is_some_and(|w| matches!(*w, "reported" | "reports")) {
        return Some("reported_by");
    }
    // A reporting verb right after the name (a possessive "'s" or "news agency" between is fine).
    let mut j = tokens.end;
    while j < doc.tokens.len() && (english().medium_fillers.contains(&key(j)) || key(j) == "'") {
        j += 1;
    }
    (j < doc.tokens.len() && english().medium_verbs.contains(&key(j))).then_some("medium_reported")
}
