//! The other framing signals of one article, each a [`Hit`] with its span and sentence: hedges
//! ("reportedly"), credits to other media ("according to Reuters", credit lines), facts of the
//! story, the agency of key events ("the US killed" vs "was killed"), and the tone (VADER) of
//! sentences that mention each actor.

use crate::text::english;
use vader_parity::SentimentIntensityAnalyzer;

use crate::lexicon::{Inflect, LabelMatch, LexiconSet, PhraseMatcher, StemStream};
use crate::quotes::{Voice, VoiceMap};
use crate::text::{Document, Span, Stemmer, TextOptions, TokenKind};

/// Which signal a hit belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SignalKind {
    /// An epistemic hedge.
    Hedge,
    /// A credit to another medium.
    Credit,
    /// A fact of the story.
    Fact,
    /// A mention of a key event, classified by agency.
    Agency,
    /// A sentence mentioning an actor, with its tone.
    Tone,
}

impl SignalKind {
    /// Name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::Hedge => "hedge",
            SignalKind::Credit => "credit",
            SignalKind::Fact => "fact",
            SignalKind::Agency => "agency",
            SignalKind::Tone => "tone",
        }
    }
}

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

/// One signal found in an article.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Which signal.
    pub kind: SignalKind,
    /// What it is about: the hedge, the credited medium, the fact, event or actor id.
    pub subject: String,
    /// How: the credit pattern, the agency class, the hedge form, the fact pattern, or the
    /// sentence's tone (compound score, 4 decimals).
    pub detail: String,
    /// Own voice or inside quotation marks.
    pub voice: Voice,
    /// The matched bytes (for tone: the actor's mention).
    pub span: Span,
    /// The sentence (or credit line) around it.
    pub sentence: Span,
    /// Index of its paragraph among the kept paragraphs (credit lines: after the last).
    pub paragraph: usize,
    /// For credits: the medium is a wire agency.
    pub wire: bool,
    /// For tone: the VADER compound score of the sentence.
    pub score: Option<f64>,
}

/// Compiled patterns for every signal. Build once per run; share across threads.
pub struct SignalFinder {
    /// Every phrase set in one automaton, one family each: hedges, facts, media, actors, then
    /// per event its words (verbs, nouns), targets and agents.
    phrases: PhraseMatcher,
    /// The media names alone, for credit lines (set aside from the text).
    media_names: PhraseMatcher,
    hedges: Vec<String>,
    facts: Vec<String>,
    media: Vec<(String, bool)>,
    actors: Vec<String>,
    events: Vec<EventMatcher>,
    vader: SentimentIntensityAnalyzer,
}

const HEDGES: usize = 0;
const FACTS: usize = 1;
const MEDIA: usize = 2;
const ACTORS: usize = 3;
/// Family of the first event's words; its targets and agents follow, then the next event.
const EVENTS: usize = 4;

struct EventMatcher {
    id: String,
    /// The nouns, to tell "the killing of" (noun) from "killing him" (verb).
    nouns: Vec<String>,
}

impl std::fmt::Debug for SignalFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignalFinder").finish_non_exhaustive()
    }
}

impl SignalFinder {
    /// Compile the hedges, facts, media, actors and events of `set`.
    pub fn new(set: &LexiconSet) -> SignalFinder {
        let hedges = set.hedges.iter().map(|h| h.forms.clone()).collect::<Vec<_>>();
        let facts = set.facts.iter().map(|f| f.patterns.clone()).collect::<Vec<_>>();
        let media = set
            .outlets
            .iter()
            .map(|o| std::iter::once(o.name.clone()).chain(o.aliases.iter().cloned()).collect())
            .collect::<Vec<Vec<String>>>();
        let actors = set.actors.iter().map(|a| a.patterns.clone()).collect::<Vec<_>>();
        let mut families = vec![
            (hedges, Inflect::Exact),
            (facts, Inflect::Stem),
            (media.clone(), Inflect::Exact),
            (actors, Inflect::Stem),
        ];
        for e in &set.events {
            families.push((vec![e.verbs.clone(), e.nouns.clone()], Inflect::Exact));
            families.push((vec![e.targets.clone()], Inflect::Stem));
            families.push((vec![e.agents.clone()], Inflect::Exact));
        }
        SignalFinder {
            phrases: PhraseMatcher::families(&families),
            media_names: PhraseMatcher::new(&media, Inflect::Exact),
            hedges: set.hedges.iter().map(|h| h.text.clone()).collect(),
            facts: set.facts.iter().map(|f| f.id.clone()).collect(),
            media: set.outlets.iter().map(|o| (o.name.clone(), o.wire)).collect(),
            actors: set.actors.iter().map(|a| a.id.clone()).collect(),
            events: set.events.iter().map(|e| EventMatcher { id: e.id.clone(), nouns: e.nouns.clone() }).collect(),
            vader: SentimentIntensityAnalyzer::new(),
        }
    }

    /// Every signal in `doc`, grouped by kind, each kind in text order. Credits to `outlet`
    /// itself are not credits.
    pub fn find(&self, doc: &Document, voices: &VoiceMap, outlet: &str, stemmer: &Stemmer) -> Vec<Hit> {
        self.find_in(doc, &StemStream::new(doc, stemmer), voices, outlet, stemmer)
    }

    /// Like [`SignalFinder::find`], on the article's stem stream already built.
    pub fn find_in(
        &self,
        doc: &Document,
        stream: &StemStream,
        voices: &VoiceMap,
        outlet: &str,
        stemmer: &Stemmer,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let found = self.phrases.find_by_family(doc, stream);
        let at = |m: &LabelMatch| Place::of(doc, m.tokens.start, m.span);
        for m in &found[HEDGES] {
            let subject = self.hedges[m.concept].clone();
            hits.push(at(m).hit(SignalKind::Hedge, subject, m.span.slice(doc.text).to_lowercase(), voices));
        }
        hits.extend(self.credits(doc, &found[MEDIA], voices, outlet, stemmer));
        for m in &found[FACTS] {
            let subject = self.facts[m.concept].clone();
            hits.push(at(m).hit(SignalKind::Fact, subject, m.span.slice(doc.text).to_string(), voices));
        }
        for (e, event) in self.events.iter().enumerate() {
            let family = EVENTS + 3 * e;
            hits.extend(event.mentions(doc, &found[family], &found[family + 1], &found[family + 2], voices));
        }
        hits.extend(self.tone(doc, &found[ACTORS], voices));
        hits
    }

    fn credits(
        &self,
        doc: &Document,
        media: &[LabelMatch],
        voices: &VoiceMap,
        outlet: &str,
        stemmer: &Stemmer,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        for m in media {
            let (name, wire) = &self.media[m.concept];
            if name == outlet {
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
            let sub = Document::parse(text, TextOptions { remove_boilerplate: false });
            for m in self.media_names.find(&sub, stemmer) {
                let (name, wire) = &self.media[m.concept];
                if name == outlet {
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
                });
            }
        }
        hits.sort_by_key(|h| h.span.start);
        hits
    }

    fn tone(&self, doc: &Document, actors: &[LabelMatch], voices: &VoiceMap) -> Vec<Hit> {
        let mut hits: Vec<Hit> = Vec::new();
        let mut scored: Option<(usize, f64)> = None;
        for m in actors {
            let place = Place::of(doc, m.tokens.start, m.span);
            let subject = self.actors[m.concept].clone();
            let voice = voices.voice_of(m.span);
            if hits.iter().any(|h| h.sentence == place.sentence && h.subject == subject && h.voice == voice) {
                continue;
            }
            let score = match scored {
                Some((start, score)) if start == place.sentence.start => score,
                _ => {
                    let score = self.vader.polarity_scores(place.sentence.slice(doc.text)).compound;
                    scored = Some((place.sentence.start, score));
                    score
                }
            };
            let mut hit = place.hit(SignalKind::Tone, subject, format!("{score:+.4}"), voices);
            hit.score = Some(score);
            hits.push(hit);
        }
        hits
    }
}

/// Where a match sits: its span, sentence and paragraph.
struct Place {
    span: Span,
    sentence: Span,
    paragraph: usize,
}

impl Place {
    fn of(doc: &Document, token: usize, span: Span) -> Place {
        let sentence = doc.sentence_of(token);
        Place { span, sentence: sentence.map_or(span, |s| s.span), paragraph: sentence.map_or(0, |s| s.paragraph) }
    }

    fn hit(self, kind: SignalKind, subject: String, detail: String, voices: &VoiceMap) -> Hit {
        Hit {
            kind,
            subject,
            detail,
            voice: voices.voice_of(self.span),
            span: self.span,
            sentence: self.sentence,
            paragraph: self.paragraph,
            wire: false,
            score: None,
        }
    }
}

/// Word tokens of the sentence holding `token`, as indices.
fn sentence_words(doc: &Document, token: usize) -> Vec<usize> {
    doc.sentence_of(token)
        .map_or_else(Vec::new, |s| s.tokens.clone().filter(|&i| doc.tokens[i].is_wordlike()).collect())
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
    if before.first().is_some_and(|w| matches!(*w, "told" | "tells" | "telling"))
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
            let in_sentence = |r: &LabelMatch| sentence.tokens.contains(&r.tokens.start);
            if !targets
                .iter()
                .any(|t| in_sentence(t) && (t.tokens.end <= m.tokens.start || t.tokens.start >= m.tokens.end))
            {
                continue;
            }
            let agent_in = |from: usize, to: usize| agents.iter().any(|a| a.tokens.start >= from && a.tokens.end <= to);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vader_matches_the_reference_implementation() {
        // vaderSentiment 3.3.2's README example: compound 0.8316.
        let vader = SentimentIntensityAnalyzer::new();
        assert_eq!(vader.polarity_scores("VADER is smart, handsome, and funny.").compound, 0.8316);
        assert!(vader.polarity_scores("The strike killed dozens of civilians.").compound < -0.5);
    }
}
