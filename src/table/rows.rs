//! Plain row structs that the pipeline fills per article and the table builders read.

use crate::corpus::Article;
use crate::features::SignalTotals;
use crate::features::{ArticleResult, LabelCount};
use crate::lexicon::LexiconSet;
use crate::quotes::{QuoteMark, Voice};

/// What is kept of an article once its evidence is written: metadata and counts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ArticleRow {
    /// The article's metadata (its text is not kept).
    pub meta: Article,
    /// Words in kept text.
    pub words: u64,
    /// Words outside quotation marks.
    pub own_words: u64,
    /// Kept paragraphs.
    pub paragraphs: u64,
    /// Quote spans.
    pub quote_spans: u64,
    /// Lines removed as boilerplate.
    pub removed_lines: u64,
    /// Label counts.
    pub counts: LabelCount,
    /// Matches of anchored labels whose sentence names no anchor (not in `counts`).
    pub unanchored: u64,
    /// The article's attributions, reduced to what the voice tables count.
    pub voices: Vec<VoiceMark>,
    /// Its hedges, credits, facts, agency and tone, summed.
    pub signals: SignalTotals,
    /// The story lexicons that measured it (numbers in `LexiconSet::stories`, ascending).
    pub stories: Vec<u32>,
}

/// One attribution as the voice tables count it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VoiceMark {
    /// Speaker key (`unattributed` without a speaker).
    pub key: String,
    /// Canonical speaker name.
    pub name: String,
    /// Voice group.
    pub group: String,
    /// Direct quotation.
    pub direct: bool,
    /// A fragment lifted into the writer's sentence.
    pub fragment: bool,
    /// Words attributed.
    pub words: u64,
    /// Unnamed source.
    pub anonymous: bool,
    /// Class of the reporting cue (`neutral`, `distancing`…), empty without a known cue.
    pub cue_class: &'static str,
    /// Its sentence credits a medium (and whether that is a wire agency).
    pub credited: Option<bool>,
}

impl ArticleRow {
    /// The row of one measured article.
    pub fn from_result(result: &ArticleResult, set: &LexiconSet) -> ArticleRow {
        ArticleRow {
            meta: Article { text: String::new(), ..result.article.clone() },
            words: u64::from(result.words),
            own_words: u64::from(result.own_words),
            paragraphs: u64::from(result.paragraphs),
            quote_spans: result.quotes.len() as u64,
            removed_lines: result.removed.len() as u64,
            counts: result.word_choice.counts.clone(),
            unanchored: result.word_choice.evidence.iter().filter(|e| !e.referent.counts()).count() as u64,
            voices: result
                .voices
                .iter()
                .map(|v| VoiceMark {
                    key: v.key().to_string(),
                    name: v.speaker.as_ref().map_or_else(|| "unattributed".to_string(), |s| s.name.clone()),
                    group: v.group().to_string(),
                    direct: v.is_direct(),
                    fragment: v.attribution.extent == Some(crate::quotes::Extent::Fragment),
                    words: u64::from(v.words),
                    anonymous: v.speaker.as_ref().is_some_and(|s| s.anonymous),
                    cue_class: v.attribution.cue_entry.map_or("", |i| set.cues[i].class.as_str()),
                    credited: v.credited.as_ref().map(|c| c.1),
                })
                .collect(),
            signals: SignalTotals::from_hits(&result.signals),
            stories: result.stories.clone(),
        }
    }
}

/// One evidence row: a label match with its sentence, borrowed from the article's result.
#[derive(Clone, Debug)]
pub struct EvidenceRow<'a> {
    /// Which signal: `word_choice`, `hedge`, `credit`, `fact`, `agency` or `tone`.
    pub signal: &'static str,
    /// Outlet.
    pub outlet: &'a str,
    /// Article id.
    pub article: &'a str,
    /// Concept id (word choice), or what the signal is about: the hedge, the credited medium,
    /// the fact, event or actor id.
    pub concept: &'a str,
    /// Label text (word choice), or how: the hedge form, credit pattern, fact pattern, agency
    /// class or the sentence's tone score.
    pub label: &'a str,
    /// own or quoted.
    pub voice: Voice,
    /// Label connotation.
    pub connotation: &'static str,
    /// Byte span of the match.
    pub start: u64,
    /// End of the match.
    pub end: u64,
    /// Matched text.
    pub matched: &'a str,
    /// Paragraph index (0-based, kept paragraphs).
    pub paragraph: u64,
    /// The sentence's number in the article (0-based): the key into the `sentences` table.
    pub sentence_number: u64,
    /// Sentence span start.
    pub sentence_start: u64,
    /// Sentence span end.
    pub sentence_end: u64,
    /// The sentence.
    pub sentence: &'a str,
    /// Word choice of an anchored label: `anchored`, or `unanchored` (not counted); else empty.
    pub referent: &'static str,
}

impl<'a> EvidenceRow<'a> {
    /// The evidence rows of one article: word choice, then the other signals.
    pub fn from_result(result: &'a ArticleResult, set: &'a LexiconSet) -> impl Iterator<Item = EvidenceRow<'a>> + 'a {
        let a = &result.article;
        let signals = result.signals.iter().map(move |h| EvidenceRow {
            signal: h.kind.as_str(),
            outlet: &a.outlet,
            article: &a.id,
            concept: &h.subject,
            label: &h.detail,
            voice: h.voice,
            connotation: h.connotation,
            start: h.span.start as u64,
            end: h.span.end as u64,
            matched: h.span.slice(&a.text),
            paragraph: h.paragraph as u64,
            sentence_number: result.sentence_number(h.sentence.start),
            sentence_start: h.sentence.start as u64,
            sentence_end: h.sentence.end as u64,
            sentence: h.sentence.slice(&a.text),
            referent: "",
        });
        result
            .word_choice
            .evidence
            .iter()
            .map(move |e| {
                let concept = &set.concepts[e.concept];
                let label = &concept.labels[e.label];
                EvidenceRow {
                    signal: "word_choice",
                    outlet: &a.outlet,
                    article: &a.id,
                    concept: &concept.id,
                    label: &label.text,
                    voice: e.voice,
                    connotation: label.connotation.as_str(),
                    start: e.span.start as u64,
                    end: e.span.end as u64,
                    matched: e.span.slice(&a.text),
                    paragraph: e.paragraph as u64,
                    sentence_number: result.sentence_number(e.sentence.start),
                    sentence_start: e.sentence.start as u64,
                    sentence_end: e.sentence.end as u64,
                    sentence: e.sentence.slice(&a.text),
                    referent: e.referent.as_str(),
                }
            })
            .chain(signals)
    }
}

/// A line removed as boilerplate.
#[derive(Clone, Debug)]
pub struct RemovedLineRow<'a> {
    /// Outlet.
    pub outlet: &'a str,
    /// Article id.
    pub article: &'a str,
    /// Source file.
    pub source: &'a str,
    /// 1-based line.
    pub line: u64,
    /// Rule name.
    pub rule: &'static str,
    /// Byte span start.
    pub start: u64,
    /// Byte span end.
    pub end: u64,
    /// The line.
    pub text: &'a str,
}

impl<'a> RemovedLineRow<'a> {
    /// The removed lines of one article.
    pub fn from_result(result: &'a ArticleResult) -> impl Iterator<Item = RemovedLineRow<'a>> + 'a {
        let a = &result.article;
        result.removed.iter().map(move |r| RemovedLineRow {
            outlet: &a.outlet,
            article: &a.id,
            source: &a.source,
            line: r.line as u64,
            rule: r.rule,
            start: r.span.start as u64,
            end: r.span.end as u64,
            text: r.span.slice(&a.text),
        })
    }
}

/// A stretch of quoted text.
#[derive(Clone, Debug)]
pub struct QuoteSpanRow<'a> {
    /// Outlet.
    pub outlet: &'a str,
    /// Article id.
    pub article: &'a str,
    /// Byte span start, opening mark included.
    pub start: u64,
    /// Byte span end, closing mark included.
    pub end: u64,
    /// double or single.
    pub mark: &'static str,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Whether the quote goes on in the next paragraph.
    pub continues: bool,
    /// The quoted words.
    pub text: &'a str,
}

impl<'a> QuoteSpanRow<'a> {
    /// The quote spans of one article.
    pub fn from_result(result: &'a ArticleResult) -> impl Iterator<Item = QuoteSpanRow<'a>> + 'a {
        let a = &result.article;
        result.quotes.iter().map(move |q| QuoteSpanRow {
            outlet: &a.outlet,
            article: &a.id,
            start: q.span.start as u64,
            end: q.span.end as u64,
            mark: match q.mark {
                QuoteMark::Double => "double",
                QuoteMark::Single => "single",
            },
            closed: q.closed,
            continues: q.continues,
            text: q.inner.slice(&a.text),
        })
    }
}

/// One attribution, as a row of `quotes`.
#[derive(Clone, Debug, serde::Serialize)]
pub struct QuoteRow<'a> {
    /// Outlet.
    pub outlet: &'a str,
    /// Article id.
    pub article: &'a str,
    /// direct or indirect.
    pub kind: &'static str,
    /// full, fragment, or empty for indirect.
    pub extent: &'static str,
    /// The attributed words.
    pub content: &'a str,
    /// Content span start.
    pub content_start: u64,
    /// Content span end.
    pub content_end: u64,
    /// Words in the content.
    pub words: u64,
    /// The cue as written.
    pub cue: &'a str,
    /// The cue's lemma.
    pub cue_lemma: &'a str,
    /// The cue's class.
    pub cue_class: &'static str,
    /// Cue span start.
    pub cue_start: Option<u64>,
    /// Cue span end.
    pub cue_end: Option<u64>,
    /// The speaker as written next to the cue.
    pub speaker_mention: &'a str,
    /// Speaker mention span start.
    pub speaker_start: Option<u64>,
    /// Speaker mention span end.
    pub speaker_end: Option<u64>,
    /// The earlier mention a pronoun or a continued quote was resolved to.
    pub resolved_to: &'a str,
    /// Canonical speaker.
    pub speaker: &'a str,
    /// Key merging spellings of the speaker.
    pub speaker_key: &'a str,
    /// Titles and roles stripped from the mention.
    pub role: &'a str,
    /// Voice group.
    pub group: &'a str,
    /// Start of the titled mention that gave `role` and `group`, when the speaker mention
    /// itself gave none ("Sen. Ted Cruz" for "Cruz said").
    pub introduction_start: Option<u64>,
    /// Its end.
    pub introduction_end: Option<u64>,
    /// Whether the speaker is an unnamed source.
    pub anonymous: bool,
    /// The medium the attribution's sentence credits ("…, according to Reuters"), if any.
    pub credited_to: &'a str,
    /// Paragraph index.
    pub paragraph: u64,
    /// Sentence index.
    pub sentence: u64,
    /// `rules`, or `model` for a cue only the learned cue model found (`--learned-cues`).
    pub found_by: &'static str,
    /// The attribution rule that found it (`framelens quotes --explain` lists them all).
    pub rule: &'static str,
}

impl<'a> QuoteRow<'a> {
    /// The attributions of one article.
    pub fn from_result(result: &'a ArticleResult, set: &'a LexiconSet) -> impl Iterator<Item = QuoteRow<'a>> + 'a {
        let a = &result.article;
        result.voices.iter().map(move |v| {
            let at = &v.attribution;
            let cue = at.cue_entry.map(|i| &set.cues[i]);
            let speaker = v.speaker.as_ref();
            QuoteRow {
                outlet: &a.outlet,
                article: &a.id,
                kind: at.kind.as_str(),
                extent: at.extent.map_or("", |e| e.as_str()),
                content: at.content.slice(&a.text),
                content_start: at.content.start as u64,
                content_end: at.content.end as u64,
                words: u64::from(v.words),
                cue: at.cue.map_or("", |c| c.slice(&a.text)),
                cue_lemma: cue.map_or("", |c| c.text.as_str()),
                cue_class: cue.map_or("", |c| c.class.as_str()),
                cue_start: at.cue.map(|c| c.start as u64),
                cue_end: at.cue.map(|c| c.end as u64),
                speaker_mention: at.source.map_or("", |s| s.slice(&a.text)),
                speaker_start: at.source.map(|s| s.start as u64),
                speaker_end: at.source.map(|s| s.end as u64),
                resolved_to: at.resolved.map_or("", |s| s.slice(&a.text)),
                speaker: speaker.map_or("", |s| s.name.as_str()),
                speaker_key: v.key(),
                role: speaker.map_or("", |s| s.role.as_str()),
                group: v.group(),
                introduction_start: speaker.and_then(|s| s.introduction).map(|s| s.start as u64),
                introduction_end: speaker.and_then(|s| s.introduction).map(|s| s.end as u64),
                anonymous: speaker.is_some_and(|s| s.anonymous),
                credited_to: v.credited.as_ref().map_or("", |c| c.0.as_str()),
                paragraph: at.paragraph as u64,
                sentence: at.sentence as u64,
                found_by: at.found_by.as_str(),
                rule: at.rule.name(),
            }
        })
    }
}

/// A label as a column-name fragment: lower case, runs of other characters become `_`.
pub fn label_slug(text: &str) -> String {
    let mut slug = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('_') {
            slug.push('_');
        }
    }
    slug.trim_matches('_').to_string()
}
