//! Quoted voices of one article: each attribution with its described speaker and its length.

use rustc_hash::FxHashMap;

use super::{Hit, SignalKind};
use crate::quotes::{Attribution, Kind, Speaker, SpeakerBook, introduce};
use crate::text::{Document, Span};

/// An attribution with its speaker described and its words counted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voiced {
    /// The attribution and its spans.
    pub attribution: Attribution,
    /// The speaker, when a source was found (or resolved).
    pub speaker: Option<Speaker>,
    /// Words in the content.
    pub words: u32,
    /// The medium its sentence credits ("…, according to Reuters") and whether it is a wire
    /// agency.
    pub credited: Option<(String, bool)>,
}

impl Voiced {
    /// Describe the speakers of `attributions` (a person the mention does not classify takes
    /// the role its article introduced them with: [`introduce`]) and count their words.
    pub fn describe_all(doc: &Document, attributions: Vec<Attribution>, book: &SpeakerBook) -> Vec<Voiced> {
        // An article names the same few speakers again and again: describe each mention once.
        let mut described: FxHashMap<&str, Speaker> = FxHashMap::default();
        let mut voiced: Vec<Voiced> = attributions
            .into_iter()
            .map(|attribution| {
                let speaker = attribution.speaker_span().map(|s| {
                    let mention = s.slice(doc.text);
                    described.entry(mention).or_insert_with(|| book.describe(mention)).clone()
                });
                let content = attribution.content;
                let first = doc.tokens.partition_point(|t| t.span.start < content.start);
                let last = doc.tokens.partition_point(|t| t.span.end <= content.end).max(first);
                let words = doc.tokens[first..last].iter().filter(|t| t.is_wordlike()).count() as u32;
                Voiced { attribution, speaker, words, credited: None }
            })
            .collect();
        introduce(doc, book, voiced.iter_mut().filter_map(|v| v.speaker.as_mut()));
        voiced
    }

    /// Link each attribution to a credit in the sentence of its content or its cue.
    pub fn link_credits(voiced: &mut [Voiced], doc: &Document, hits: &[Hit]) {
        let mut credits: Vec<&Hit> =
            hits.iter().filter(|h| h.kind == SignalKind::Credit && h.detail != "credit_line").collect();
        credits.sort_by_key(|c| c.span.start);
        // The first credit (in text order) inside `sentence`, by binary search, so that an
        // article with thousands of attributions and credits stays linear.
        let first_in = |sentence: Span| -> Option<usize> {
            let from = credits.partition_point(|c| c.span.start < sentence.start);
            (from..credits.len())
                .take_while(|&i| credits[i].span.start <= sentence.end)
                .find(|&i| sentence.contains(credits[i].span))
        };
        for v in voiced {
            let mut sentences = vec![doc.sentences.get(v.attribution.sentence).map(|s| s.span)];
            if let Some(cue) = v.attribution.cue {
                let token = doc.tokens.partition_point(|t| t.span.start < cue.start);
                sentences.push(doc.sentence_of(token).map(|s| s.span));
            }
            v.credited = sentences
                .into_iter()
                .flatten()
                .filter_map(first_in)
                .min()
                .map(|i| (credits[i].subject.clone(), credits[i].wire));
        }
    }

    /// The voice group, `unattributed` when no speaker was found.
    pub fn group(&self) -> &str {
        self.speaker.as_ref().map_or("unattributed", |s| s.group.as_str())
    }

    /// The speaker key, `unattributed` when no speaker was found.
    pub fn key(&self) -> &str {
        self.speaker.as_ref().map_or("unattributed", |s| s.key.as_str())
    }

    /// True for a direct quotation.
    pub fn is_direct(&self) -> bool {
        self.attribution.kind == Kind::Direct
    }
}
