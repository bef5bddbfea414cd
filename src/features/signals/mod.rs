//! The framing signals beyond word choice and voices, as a registry. [`SIGNALS`] lists them; each
//! is one file that says everything about its signal:
//!
//! - the phrase families it needs matched (compiled with every other signal's into one matcher);
//! - how it finds [`Hit`]s in one article (each becomes an `evidence` row with its span);
//! - how a hit adds to the [`Sums`] of an article or an outlet (its key);
//! - its feature columns (in `outlet_features` and `article_features`, and so in the comparison,
//!   which groups columns by prefix);
//! - its per-outlet table, if it has one.
//!
//! To add a signal: write its file, add a [`SignalKind`] variant and its entry in [`SIGNALS`]. The
//! pipeline, the tables and the evidence pick it up from the list; a `report.md` section, if it
//! needs one, goes in `report`.

mod agency;
mod credit;
mod fact;
mod hedge;
mod loaded;
mod naming;
mod set;
mod story;
mod tone;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::lexicon::{Inflect, LabelMatch, LexiconSet, LoadedClass, PhraseMatcher, Scope, StemStream};
use crate::quotes::{QuoteSpan, Voice, VoiceMap};
use crate::text::{Document, Span, Stemmer};

pub use agency::Agency;
pub use naming::NameForm;
pub use set::SignalSet;

/// Which signal a hit belongs to: one variant per entry of [`SIGNALS`], in the same order.
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
    /// A loaded word or a scare quote.
    Loaded,
    /// A name after a courtesy title or a title of office.
    Naming,
}

/// Every signal, in the order its hits, columns and tables appear.
pub const SIGNALS: &[SignalEntry] =
    &[hedge::ENTRY, credit::ENTRY, fact::ENTRY, agency::ENTRY, tone::ENTRY, loaded::ENTRY, naming::ENTRY];

impl SignalKind {
    /// This signal's entry in [`SIGNALS`].
    pub fn entry(self) -> &'static SignalEntry {
        &SIGNALS[self as usize]
    }

    /// Name used in tables (`evidence.signal`).
    pub fn as_str(self) -> &'static str {
        self.entry().name
    }
}

/// A signal's entry in the registry.
pub struct SignalEntry {
    /// Which signal.
    pub kind: SignalKind,
    /// Its name in `evidence.signal`.
    pub name: &'static str,
    /// One line saying what it measures.
    pub description: &'static str,
    /// Compile its finder from the lexicons.
    pub build: fn(&LexiconSet) -> Box<dyn Signal>,
    /// The key a hit adds to in the sums: what it is about, and how (or an empty string).
    pub key: fn(&Hit) -> (String, String),
    /// Its feature columns, one value per row (outlet or article).
    pub columns: fn(&[RowTotals], &LexiconSet) -> Vec<Column>,
    /// Its per-outlet table, if any: the table's name and how to build its columns.
    pub table: Option<(&'static str, TableFn)>,
}

/// Builds a signal's per-outlet table from the outlets (name and totals, in name order).
pub type TableFn = fn(&[(&str, RowTotals)], &LexiconSet) -> Vec<Column>;

/// The per-article part of a signal, compiled once per run and shared across threads.
pub trait Signal: Send + Sync {
    /// The phrase families this signal needs matched, in the order [`Signal::find`] receives
    /// their matches.
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)>;

    /// Add the hits of one article to `out`, in text order, from the matches of its families.
    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>);
}

/// One article as the signals see it.
pub struct ArticleText<'a> {
    /// The parsed text.
    pub doc: &'a Document<'a>,
    /// Own voice and quotations.
    pub voices: &'a VoiceMap,
    /// The article's outlet (an outlet never credits itself).
    pub outlet: &'a str,
    /// The stemmer, for text parsed again (credit lines).
    pub stemmer: &'a Stemmer,
    /// The quoted stretches.
    pub quotes: &'a [QuoteSpan],
    /// The words credited to a speaker (attributions' contents), which are no scare quotes.
    pub attributed: &'a [Span],
    /// The story lexicons that measure it: facts, events and actors of the others are not looked for.
    pub scope: &'a Scope<'a>,
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
    /// For loaded language: the polarity of the word (`negative`, `neutral`, `positive`); else empty.
    pub connotation: &'static str,
}

/// Every signal compiled for a run. Build once; share across threads.
pub struct SignalFinder {
    signals: Vec<(SignalKind, Box<dyn Signal>)>,
    /// Every signal's phrase families in one matcher.
    phrases: PhraseMatcher,
    /// The families of each signal, as a range of the matcher's families.
    families: Vec<Range<usize>>,
}

impl std::fmt::Debug for SignalFinder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignalFinder").finish_non_exhaustive()
    }
}

impl SignalFinder {
    /// Compile every signal of [`SIGNALS`] from `set`.
    pub fn new(set: &LexiconSet) -> SignalFinder {
        SignalFinder::of(set, SignalSet::all())
    }

    /// Compile the signals of `enabled` from `set`; the others find nothing.
    pub fn of(set: &LexiconSet, enabled: SignalSet) -> SignalFinder {
        let signals: Vec<(SignalKind, Box<dyn Signal>)> = enabled.entries().map(|e| (e.kind, (e.build)(set))).collect();
        let mut all = Vec::new();
        let mut families = Vec::new();
        for (_, signal) in &signals {
            let own = signal.families();
            families.push(all.len()..all.len() + own.len());
            all.extend(own);
        }
        SignalFinder { signals, phrases: PhraseMatcher::families(&all), families }
    }

    /// Every signal in `article`, grouped by kind in the order of [`SIGNALS`], each kind in text
    /// order. Credits to the article's outlet itself are not credits.
    pub fn find(&self, article: &ArticleText) -> Vec<Hit> {
        self.find_in(article, &StemStream::new(article.doc, article.stemmer))
    }

    /// Like [`SignalFinder::find`], on the article's stem stream already built.
    pub fn find_in(&self, article: &ArticleText, stream: &StemStream) -> Vec<Hit> {
        let found = self.phrases.find_by_family(article.doc, stream);
        let mut hits = Vec::new();
        for ((_, signal), families) in self.signals.iter().zip(&self.families) {
            signal.find(article, &found[families.clone()], &mut hits);
        }
        hits
    }
}

/// What one key of a signal adds up to over an article or a group of articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Sum {
    /// Hits.
    pub count: u64,
    /// Articles with at least one hit.
    pub articles: u64,
    /// The earliest paragraph of a hit.
    pub first_paragraph: u64,
    /// The sum of the hits' scores (tone).
    pub score: f64,
    /// A flag of the key (for credits: the medium is a wire agency).
    pub flag: bool,
}

/// A signal's sums by key (see [`SignalEntry::key`]), in key order.
pub type Sums = BTreeMap<(String, String), Sum>;

/// The sums of every signal, for one article or a group of articles.
#[derive(Clone, Debug, PartialEq)]
pub struct SignalTotals {
    sums: Vec<Sums>,
}

impl Default for SignalTotals {
    fn default() -> SignalTotals {
        SignalTotals { sums: vec![Sums::new(); SIGNALS.len()] }
    }
}

impl SignalTotals {
    /// The sums of one article's hits.
    pub fn from_hits(hits: &[Hit]) -> SignalTotals {
        let mut totals = SignalTotals::default();
        for hit in hits {
            let key = (hit.kind.entry().key)(hit);
            let sum = totals.sums[hit.kind as usize].entry(key).or_insert(Sum {
                count: 0,
                articles: 1,
                first_paragraph: hit.paragraph as u64,
                score: 0.0,
                flag: hit.wire,
            });
            sum.count += 1;
            sum.first_paragraph = sum.first_paragraph.min(hit.paragraph as u64);
            sum.score += hit.score.unwrap_or(0.0);
        }
        totals
    }

    /// Every (signal number, key, sum), in signal then key order.
    pub fn entries(&self) -> impl Iterator<Item = (usize, &(String, String), &Sum)> {
        self.sums.iter().enumerate().flat_map(|(i, sums)| sums.iter().map(move |(key, sum)| (i, key, sum)))
    }

    /// Sums from [`SignalTotals::entries`]; `None` for a signal number framelens does not have.
    pub fn from_entries(entries: impl IntoIterator<Item = (usize, (String, String), Sum)>) -> Option<SignalTotals> {
        let mut totals = SignalTotals::default();
        for (i, key, sum) in entries {
            totals.sums.get_mut(i)?.insert(key, sum);
        }
        Some(totals)
    }

    /// Add another group's (or article's) sums.
    pub fn add(&mut self, other: &SignalTotals) {
        for (mine, theirs) in self.sums.iter_mut().zip(&other.sums) {
            for (key, v) in theirs {
                let sum = mine.entry(key.clone()).or_insert(Sum {
                    count: 0,
                    articles: 0,
                    first_paragraph: v.first_paragraph,
                    score: 0.0,
                    flag: v.flag,
                });
                sum.count += v.count;
                sum.articles += v.articles;
                sum.first_paragraph = sum.first_paragraph.min(v.first_paragraph);
                sum.score += v.score;
            }
        }
    }

    /// The sums of one signal.
    pub fn of(&self, kind: SignalKind) -> &Sums {
        &self.sums[kind as usize]
    }

    /// Own-voice hedges.
    pub fn own_hedges(&self) -> u64 {
        hedge::own(self.of(SignalKind::Hedge))
    }

    /// Each hedge with its own-voice and quoted uses, in hedge order.
    pub fn hedges(&self) -> Vec<(&str, u64, u64)> {
        hedge::by_hedge(self.of(SignalKind::Hedge))
    }

    /// Each credited medium with its credits and whether it is a wire agency, in name order.
    pub fn credits(&self) -> Vec<(&str, u64, bool)> {
        credit::by_medium(self.of(SignalKind::Credit))
    }

    /// A fact's sums (mentions, articles, earliest paragraph), when it was reported.
    pub fn fact(&self, fact: &str) -> Option<&Sum> {
        fact::of(self.of(SignalKind::Fact), fact)
    }

    /// An event's mentions in one agency class.
    pub fn agency(&self, event: &str, class: Agency) -> u64 {
        agency::mentions(self.of(SignalKind::Agency), event, class)
    }

    /// Loaded-language flags of one class (every class with `None`) in one voice.
    pub fn loaded(&self, class: Option<LoadedClass>, voice: Voice) -> u64 {
        loaded::flags(self.of(SignalKind::Loaded), class, voice)
    }

    /// Names of one form in one voice.
    pub fn names(&self, form: NameForm, voice: Voice) -> u64 {
        naming::names(self.of(SignalKind::Naming), form, voice)
    }

    /// An actor's sentences in one voice (the sum of their tone, and how many).
    pub fn tone(&self, actor: &str, voice: Voice) -> Option<&Sum> {
        tone::of(self.of(SignalKind::Tone), actor, voice)
    }
}

/// What a signal's columns and tables read of one row (an outlet or an article).
#[derive(Clone, Copy, Debug)]
pub struct RowTotals<'a> {
    /// Articles.
    pub articles: u64,
    /// Words.
    pub words: u64,
    /// Words outside quotation marks.
    pub own_words: u64,
    /// Attributions.
    pub attributions: u64,
    /// Attributions whose sentence credits a medium, and those crediting a wire agency.
    pub credited: (u64, u64),
    /// The signals' sums.
    pub signals: &'a SignalTotals,
    /// Articles measured by each story lexicon (by its number; missing where none was).
    pub story_articles: &'a [u64],
}

impl RowTotals<'_> {
    /// The articles measured by story lexicon `story`; all of them for `None` (entries of the
    /// general lexicons and of story lexicons without anchors).
    pub fn articles_about(&self, story: Option<usize>) -> u64 {
        story.map_or(self.articles, |s| self.story_articles.get(s).copied().unwrap_or(0))
    }
}

/// A column of plain values, turned into a table column by `table`.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its name (from [`crate::columns`]).
    pub name: String,
    /// Its values, one per row.
    pub values: Values,
}

/// The values of a [`Column`].
#[derive(Clone, Debug, PartialEq)]
pub enum Values {
    /// Text.
    Text(Vec<String>),
    /// Counts.
    Count(Vec<u64>),
    /// Counts that may be missing.
    MaybeCount(Vec<Option<u64>>),
    /// Measures; `None` where undefined (a share of nothing).
    Measure(Vec<Option<f64>>),
    /// Shares, rates and means, kept as their two sums so that groups of articles add up
    /// (the value is `part / whole`, undefined when `whole` is zero). Outlet intervals and
    /// tests resample these sums article by article.
    Ratio(Vec<Ratio>),
}

/// A share, rate or mean as its two sums: `part / whole` (a rate per 1,000 words has the 1,000
/// in `part`).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Ratio {
    /// The numerator: matches, words, or a sum of scores.
    pub part: f64,
    /// The denominator: the units the value is computed from (mentions, words, attributions).
    pub whole: f64,
}

impl Ratio {
    /// `part / whole`.
    pub fn new(part: f64, whole: f64) -> Ratio {
        Ratio { part, whole }
    }

    /// The value, or `None` when `whole` is zero.
    pub fn value(self) -> Option<f64> {
        ratio(self.part, self.whole)
    }
}

impl Column {
    /// A named column.
    pub fn new(name: impl Into<String>, values: Values) -> Column {
        Column { name: name.into(), values }
    }

    /// The ratio columns of `columns` (shares, rates and means), by name, in order.
    pub fn ratios(columns: &[Column]) -> Vec<(&str, &[Ratio])> {
        columns
            .iter()
            .filter_map(|c| match &c.values {
                Values::Ratio(r) => Some((c.name.as_str(), r.as_slice())),
                _ => None,
            })
            .collect()
    }
}

/// `part / whole`, or `None` when `whole` is zero.
pub fn ratio(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole)
}

/// Words of one voice in a row: own-voice words, or words inside quotations.
fn voice_words(r: &RowTotals, voice: Voice) -> u64 {
    match voice {
        Voice::Own => r.own_words,
        Voice::Quoted => r.words - r.own_words,
    }
}

/// A per-outlet table of counts by class and voice: `outlet`, the class column, `voice`, the
/// count column and `per_1k` (the count per 1,000 words of that voice); every class and voice
/// for every outlet, zeros included, so that outlets line up.
fn class_voice_table(
    outlets: &[(&str, RowTotals)],
    (class_column, classes): (&str, &[&str]),
    count_column: &str,
    count: impl Fn(&RowTotals, usize, Voice) -> u64,
) -> Vec<Column> {
    let mut rows: Vec<(&str, &str, Voice, u64, Option<f64>)> = Vec::new();
    for (outlet, t) in outlets {
        for (i, class) in classes.iter().enumerate() {
            for voice in [Voice::Own, Voice::Quoted] {
                let n = count(t, i, voice);
                rows.push((outlet, class, voice, n, ratio(n as f64 * 1000.0, voice_words(t, voice) as f64)));
            }
        }
    }
    vec![
        Column::new(crate::columns::OUTLET, Values::Text(rows.iter().map(|r| r.0.to_string()).collect())),
        Column::new(class_column, Values::Text(rows.iter().map(|r| r.1.to_string()).collect())),
        Column::new(crate::columns::VOICE, Values::Text(rows.iter().map(|r| r.2.as_str().to_string()).collect())),
        Column::new(count_column, Values::Count(rows.iter().map(|r| r.3).collect())),
        Column::new(crate::columns::PER_1K, Values::Measure(rows.iter().map(|r| r.4).collect())),
    ]
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
            connotation: "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_is_in_enum_order_with_unique_names() {
        for (i, entry) in SIGNALS.iter().enumerate() {
            assert_eq!(entry.kind as usize, i, "{}", entry.name);
            assert_eq!(SIGNALS.iter().filter(|e| e.name == entry.name).count(), 1);
        }
    }

    #[test]
    fn sums_of_two_articles_add_counts_and_articles_and_keep_the_earliest_paragraph() {
        let hit = |paragraph: usize| Hit {
            kind: SignalKind::Fact,
            subject: "quorum".into(),
            detail: "quorum".into(),
            voice: Voice::Own,
            span: Span::new(0, 1),
            sentence: Span::new(0, 1),
            paragraph,
            wire: false,
            score: None,
            connotation: "",
        };
        let mut outlet = SignalTotals::from_hits(&[hit(4), hit(2)]);
        outlet.add(&SignalTotals::from_hits(&[hit(3)]));
        let sum = &outlet.of(SignalKind::Fact)[&("quorum".to_string(), String::new())];
        assert_eq!((sum.count, sum.articles, sum.first_paragraph), (3, 2, 2));
    }
}
