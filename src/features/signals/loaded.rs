//! Loaded language, independent of the story: the words of `[[loaded]]` entries
//! (`lexicons/general/loaded.toml`: pejorative labels, attack verbs, intensifiers, evaluative
//! words, loaded nouns), and scare quotes: short quoted fragments that no speaker is credited with
//! (the so-called “reform”), and "so-called" before a word (the so-called reform). Rates are per
//! 1,000 words of the voice: own-voice flags per 1,000 own-voice words, quoted flags per 1,000
//! quoted words. A quoted scare quote is the writer's act, so it counts in the own voice; a
//! written-out "so-called" counts in the voice it stands in.

use super::{
    ArticleText, Column, Hit, Place, Ratio, RowTotals, Signal, SignalEntry, SignalKind, Sums, Values,
    class_voice_table, voice_words,
};
use crate::columns;
use crate::lexicon::{Inflect, LabelMatch, LexiconSet, LoadedClass};
use crate::quotes::{QuoteMark, Voice, is_title};
use crate::text::{Span, SpanReach, TokenKind};

pub(super) const ENTRY: SignalEntry = SignalEntry {
    kind: SignalKind::Loaded,
    name: "loaded",
    description: "Loaded words by class (pejorative, attack verb, intensifier, evaluative, loaded noun) and scare quotes.",
    build,
    key: |hit: &Hit| (hit.subject.clone(), hit.voice.as_str().to_string()),
    columns: feature_columns,
    table: Some(("loaded", table)),
};

/// A scare quote has at most this many words.
pub const SCARE_QUOTE_MAX_WORDS: usize = 4;

struct Loaded {
    forms: Vec<Vec<String>>,
    entries: Vec<(String, LoadedClass, &'static str)>,
}

fn build(set: &LexiconSet) -> Box<dyn Signal> {
    Box::new(Loaded {
        forms: set.loaded.iter().map(|e| e.forms.clone()).collect(),
        entries: set.loaded.iter().map(|e| (e.text.clone(), e.class, e.polarity.as_str())).collect(),
    })
}

impl Signal for Loaded {
    fn families(&self) -> Vec<(Vec<Vec<String>>, Inflect)> {
        vec![(self.forms.clone(), Inflect::Exact)]
    }

    fn find(&self, article: &ArticleText, matches: &[Vec<LabelMatch>], out: &mut Vec<Hit>) {
        let doc = article.doc;
        let capital = |i: usize| doc.tokens[i].span.slice(doc.text).starts_with(char::is_uppercase);
        // "Popular" of "Popular Mobilization Units": a capitalised word beside another, inside a
        // sentence of the body, is part of a name.
        let in_name = |m: &LabelMatch| {
            let first = m.tokens.start;
            let opens = doc.sentence_of(first).is_none_or(|s| s.tokens.start == first || s.paragraph == 0);
            let beside =
                (first > 0 && capital(first - 1)) || (m.tokens.end < doc.tokens.len() && capital(m.tokens.end));
            capital(first) && !opens && beside
        };
        let mut hits: Vec<Hit> = matches[0]
            .iter()
            .filter(|m| !in_name(m))
            .map(|m| {
                let (text, class, polarity) = &self.entries[m.concept];
                let place = Place::of(article.doc, m.tokens.start, m.span);
                let mut hit = place.hit(SignalKind::Loaded, class.as_str().into(), text.clone(), article.voices);
                hit.connotation = polarity;
                hit
            })
            .collect();
        hits.extend(scare_quotes(article));
        hits.extend(so_called(article));
        hits.sort_by_key(|h| h.span.start);
        out.extend(hits);
    }
}

/// Short double-quoted fragments that no attribution credits to a speaker. A Title Case quote of
/// several words outside the headline ("Face the Nation", a chant of "Death to America") names a
/// work or repeats a slogan (the attribution rules' title test), and is no word held at a distance.
fn scare_quotes(article: &ArticleText) -> Vec<Hit> {
    let doc = article.doc;
    let mut hits = Vec::new();
    let attributed = SpanReach::new(article.attributed.to_vec());
    for quote in article.quotes.iter().filter(|q| q.mark == QuoteMark::Double && q.closed) {
        if attributed.overlaps(quote.inner) {
            continue;
        }
        let inside = |i: &usize| {
            let span = doc.tokens[*i].span;
            quote.inner.start <= span.start && span.end <= quote.inner.end && doc.tokens[*i].kind == TokenKind::Word
        };
        let from = doc.tokens.partition_point(|t| t.span.end <= quote.inner.start);
        let words: Vec<usize> = (from..doc.tokens.len())
            .take_while(|&i| doc.tokens[i].span.start < quote.inner.end)
            .filter(inside)
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else { continue };
        if words.len() > SCARE_QUOTE_MAX_WORDS {
            continue;
        }
        let headline = doc.sentence_of(first).is_some_and(|s| s.paragraph == 0);
        if !headline && words.len() > 1 && is_title(doc, first..last + 1, words.len()) {
            continue;
        }
        let mut hit = Place::of(doc, first, quote.inner).hit(
            SignalKind::Loaded,
            LoadedClass::ScareQuote.as_str().into(),
            quote.inner.slice(doc.text).to_lowercase(),
            article.voices,
        );
        hit.voice = Voice::Own;
        hits.push(hit);
    }
    hits
}

/// "so-called" before a word: the scare quote written out (the so-called reform). The flag spans
/// "so-called" and the word after it. Before a quotation it is left to the quotation's own test,
/// and its voice is the voice it stands in: inside a quotation it is the speaker's.
fn so_called(article: &ArticleText) -> Vec<Hit> {
    let doc = article.doc;
    let tokens = &doc.tokens;
    let mut hits = Vec::new();
    for i in 1..tokens.len().saturating_sub(1) {
        let (so, called, next) = (&tokens[i - 1], &tokens[i], &tokens[i + 1]);
        if so.key != "so" || called.key != "called" || next.kind != TokenKind::Word {
            continue;
        }
        if !matches!(&doc.text[so.span.end..called.span.start], "-" | " ") {
            continue;
        }
        let span = Span { start: so.span.start, end: next.span.end };
        let detail = span.slice(doc.text).to_lowercase();
        hits.push(Place::of(doc, i - 1, span).hit(
            SignalKind::Loaded,
            LoadedClass::ScareQuote.as_str().into(),
            detail,
            article.voices,
        ));
    }
    hits
}

/// Flags of one class (or every class, with `None`) in one voice.
pub(super) fn flags(sums: &Sums, class: Option<LoadedClass>, voice: Voice) -> u64 {
    sums.iter()
        .filter(|((c, v), _)| v == voice.as_str() && class.is_none_or(|class| c == class.as_str()))
        .map(|(_, s)| s.count)
        .sum()
}

/// Flags per 1,000 words of the voice.
fn per_1k(r: &RowTotals, class: Option<LoadedClass>, voice: Voice) -> Ratio {
    Ratio::new(flags(r.signals.of(SignalKind::Loaded), class, voice) as f64 * 1000.0, voice_words(r, voice) as f64)
}

fn feature_columns(rows: &[RowTotals], _set: &LexiconSet) -> Vec<Column> {
    let column = |class: Option<LoadedClass>, voice: Voice| {
        let name = columns::loaded_per_1k(class.map(LoadedClass::as_str), voice.as_str());
        Column::new(name, Values::Ratio(rows.iter().map(|r| per_1k(r, class, voice)).collect()))
    };
    let mut out = vec![column(None, Voice::Own), column(None, Voice::Quoted)];
    out.extend(LoadedClass::ALL.into_iter().map(|class| column(Some(class), Voice::Own)));
    out
}

/// `loaded`: outlet × class × voice → flags and flags per 1,000 words of the voice; every class
/// and voice listed, zeros included, so outlets line up.
fn table(outlets: &[(&str, RowTotals)], _set: &LexiconSet) -> Vec<Column> {
    let classes = LoadedClass::ALL.map(LoadedClass::as_str);
    class_voice_table(outlets, (columns::CLASS, &classes), columns::FLAGS, |t, i, voice| {
        flags(t.signals.of(SignalKind::Loaded), Some(LoadedClass::ALL[i]), voice)
    })
}
