//! Agency of key events: how each mention of an event presents who did it ("the US killed" /
//! "was killed by a US drone" / "was killed" / "the US assassination" / "the killing"). A verb
//! or noun of the event counts only in a sentence that names one of its targets. The events, their
//! words, targets and agents are the story lexicon's `[[event]]` entries.

use super::{ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sums, Values, ratio};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet, StoryEntries};
use crate::quotes::VoiceMap;
use crate::text::{Document, TokenKind, english};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Agency,
    name: "agency",
    description: "Mentions of key events by agency: active, passive or nominal, with or without a named agent.",
    build,
    // The detail is the class name the finder wrote (`Agency::as_str`).
    key: |hit: &Hit| (hit.subject.clone(), hit.detail.clone()),
    columns: feature_columns,
    table: Some(("agency", table)),
};

/// How a mention of an event presents who did it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Agency {
    /// "the US killed", "an American airstrike killed".
    ActiveAgent,
    /// An active verb whose subject names no agent ("a drone killed").
    ActiveNoAgent,
    /// "was killed by a US drone".
    PassiveAgent,
    /// "was killed".
    PassiveNoAgent,
    /// "the US assassination", "the killing by US forces".
    NominalAgent,
    /// "the killing".
    NominalNoAgent,
}

impl Agency {
    /// Every class, in table order.
    pub const ALL: [Agency; 6] = [
        Agency::ActiveAgent,
        Agency::ActiveNoAgent,
        Agency::PassiveAgent,
        Agency::PassiveNoAgent,
        Agency::NominalAgent,
        Agency::NominalNoAgent,
    ];

    /// The class a table name stands for.
    pub fn named(name: &str) -> Option<Agency> {
        Agency::ALL.into_iter().find(|a| a.as_str() == name)
    }

    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            Agency::ActiveAgent => "active_agent",
            Agency::ActiveNoAgent => "active_no_agent",
            Agency::PassiveAgent => "passive_agent",
            Agency::PassiveNoAgent => "passive_no_agent",
            Agency::NominalAgent => "nominal_agent",
            Agency::NominalNoAgent => "nominal_no_agent",
        }
    }
}

/// Each event: its words (verbs, then nouns), targets and agents, three phrase families.
struct Events {
    families: Vec<(Vec<Vec<String>>, Inflect)>,
    events: Vec<EventMatcher>,
}

struct EventMatcher {
    id: String,
    /// The nouns, to tell "the killing of" (noun) from "killing him" (verb).
    nouns: Vec<String>,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    let mut families = Vec::new();
    for e in &set.events {
        families.push((vec![e.verbs.clone(), e.nouns.clone()], Inflect::Exact));
        families.push((vec![e.targets.clone()], Inflect::Stem));
        families.push((vec![e.agents.clone()], Inflect::Exact));
    }
    let events = set.events.iter().map(|e| EventMatcher { id: e.id.clone(), nouns: e.nouns.clone() }).collect();
    Box::new(Events { families, events })
}

impl Signal for Events {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        self.families.clone()
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        for (e, event) in self.events.iter().enumerate().filter(|(e, _)| article.scope.keeps(StoryEntries::Events, *e))
        {
            let family = 3 * e;
            out.extend(event.mentions(
                article.doc,
                &matches[family],
                &matches[family + 1],
                &matches[family + 2],
                article.voices,
            ));
        }
    }
}

/// An event's mentions in one agency class.
pub(super) fn mentions(sums: &Sums, event: &str, class: Agency) -> u64 {
    sums.get(&(event.to_string(), class.as_str().to_string())).map_or(0, |s| s.count)
}

/// An event's mentions in every class.
fn all_mentions(sums: &Sums, event: &str) -> u64 {
    sums.iter().filter(|((e, _), _)| e == event).map(|(_, s)| s.count).sum()
}

fn feature_columns(rows: &[RowTotals], set: &LexiconSet) -> Vec<Column> {
    let mut out = Vec::new();
    for event in &set.events {
        for class in Agency::ALL {
            let share = rows.iter().map(|r| {
                let sums = r.signals.of(SignalKind::Agency);
                Ratio::new(mentions(sums, &event.id, class) as f64, all_mentions(sums, &event.id) as f64)
            });
            out.push(Column::new(columns::agency_share(&event.id, class.as_str()), Values::Ratio(share.collect())));
        }
    }
    out
}

/// `agency`: outlet × event × class → mentions and share of the event's mentions; every class
/// listed, zeros included, so outlets line up.
fn table(outlets: &[(&str, RowTotals)], set: &LexiconSet) -> Vec<Column> {
    let mut rows: Vec<(&str, &str, &'static str, u64, u64)> = Vec::new();
    for (outlet, t) in outlets {
        let sums = t.signals.of(SignalKind::Agency);
        for event in &set.events {
            let all = all_mentions(sums, &event.id);
            for class in Agency::ALL {
                rows.push((outlet, &event.id, class.as_str(), mentions(sums, &event.id, class), all));
            }
        }
    }
    vec![
        Column::new(columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(columns::EVENT, Values::Text(rows.iter().map(|r| r.1.to_string()).collect())),
        Column::new(columns::CLASS, Values::Text(rows.iter().map(|r| r.2.to_string()).collect())),
        Column::new(columns::MENTIONS, Values::Count(rows.iter().map(|r| r.3).collect())),
        Column::new(columns::SHARE, Values::Measure(rows.iter().map(|r| ratio(r.3 as f64, r.4 as f64)).collect())),
    ]
}

impl EventMatcher {
    /// A verb form that is also listed as a noun, used as a noun: after a determiner or before "of".
    fn used_as_noun(&self, doc: &Document, m: &LabelMatch) -> bool {
        let text = m.span.slice(doc.text).to_lowercase();
        if !self.nouns.contains(&text) {
            return false;
        }
        let before = m.tokens.start.checked_sub(1).map(|i| doc.tokens[i].key.as_str());
        let after = doc.tokens.get(m.tokens.end).map(|t| t.key.as_str());
        before.is_some_and(|b| english().noun_determiners.contains(&b)) || after == Some("of")
    }

    fn mentions(
        &self,
        doc: &Document,
        words: &[LabelMatch],
        targets: &[LabelMatch],
        agents: &[LabelMatch],
        voices: &VoiceMap,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in words {
            let Some(sentence) = doc.sentence_of(m.tokens.start) else { continue };
            if !starting_in(targets, sentence.tokens.start, sentence.tokens.end)
                .iter()
                .any(|t| t.tokens.end <= m.tokens.start || t.tokens.start >= m.tokens.end)
            {
                continue;
            }
            let agent_in = |from: usize, to: usize| starting_in(agents, from, to).iter().any(|a| a.tokens.end <= to);
            let class = if m.concept == 0 && !self.used_as_noun(doc, m) {
                verb_agency(doc, m, sentence.tokens.start, &agent_in)
            } else {
                noun_agency(doc, m, &agent_in)
            };
            hits.push(Place::of(doc, m.tokens.start, m.span).hit(
                SignalKind::Agency,
                self.id.clone(),
                class.as_str().into(),
                voices,
            ));
        }
        hits
    }
}

/// The matches of `list` (in text order, as a family's matches come) that start in tokens
/// `from..to`, found by binary search so that an article with thousands of mentions stays linear.
fn starting_in(list: &[LabelMatch], from: usize, to: usize) -> &[LabelMatch] {
    let first = list.partition_point(|r| r.tokens.start < from);
    let end = first + list[first..].partition_point(|r| r.tokens.start < to);
    &list[first..end]
}

fn verb_agency(
    doc: &Document,
    m: &LabelMatch,
    sentence_start: usize,
    agent_in: &dyn Fn(usize, usize) -> bool,
) -> Agency {
    let words = sentence_words(doc, m.tokens.start);
    let key = |i: usize| doc.tokens[i].key.as_str();
    let at = words.iter().position(|&w| w == m.tokens.start).unwrap_or(0);
    let passive = words[at.saturating_sub(3)..at].iter().any(|&w| english().passive_auxiliaries.contains(&key(w)));
    if passive {
        let after_by = clause_after(doc, m.tokens.end).into_iter().skip_while(|&t| key(t) != "by").nth(1);
        return if after_by.is_some() { Agency::PassiveAgent } else { Agency::PassiveNoAgent };
    }
    // The subject: back to the clause start; past a relative pronoun, the clause before it.
    let mut start = clause_start(doc, m.tokens.start, sentence_start);
    if start < m.tokens.start && start > sentence_start && english().relative_pronouns.contains(&key(start)) {
        start = clause_start(doc, start - 1, sentence_start);
    }
    if agent_in(start, m.tokens.start) { Agency::ActiveAgent } else { Agency::ActiveNoAgent }
}

fn noun_agency(doc: &Document, m: &LabelMatch, agent_in: &dyn Fn(usize, usize) -> bool) -> Agency {
    let key = |i: usize| doc.tokens[i].key.as_str();
    // Premodifiers: up to four tokens back, stopping at punctuation.
    let mut from = m.tokens.start;
    while from > 0 && m.tokens.start - from < 4 && doc.tokens[from - 1].kind != TokenKind::Punct {
        from -= 1;
    }
    if agent_in(from, m.tokens.start) {
        return Agency::NominalAgent;
    }
    let after = clause_after(doc, m.tokens.end);
    let by = after.iter().position(|&t| key(t) == "by");
    match by {
        Some(b) if agent_in(after[b], after.last().map_or(after[b], |l| l + 1)) => Agency::NominalAgent,
        _ => Agency::NominalNoAgent,
    }
}

/// First token of the clause holding `token`: after the last punctuation before it.
fn clause_start(doc: &Document, token: usize, sentence_start: usize) -> usize {
    let mut i = token;
    while i > sentence_start && doc.tokens[i - 1].kind != TokenKind::Punct {
        i -= 1;
    }
    i
}

/// Tokens from `from` to the next punctuation (at most eight).
fn clause_after(doc: &Document, from: usize) -> Vec<usize> {
    (from..doc.tokens.len()).take_while(|&i| doc.tokens[i].kind != TokenKind::Punct).take(8).collect()
}

/// Word tokens of the sentence holding `token`, as indices.
fn sentence_words(doc: &Document, token: usize) -> Vec<usize> {
    doc.sentence_of(token)
        .map_or_else(Vec::new, |s| s.tokens.clone().filter(|&i| doc.tokens[i].is_wordlike()).collect())
}
