//! One article's merge state: everything outlet totals, copies and intervals are built from
//! (its [`ArticleRow`] of counts, voices and signal sums, and its copy fingerprint), as bytes: a
//! format number, then the state in postcard's serde encoding (compact, and several times cheaper
//! to write and read than JSON). `extract` writes one per article into `article_partials`;
//! `framelens merge` reads them back and adds the articles up again, in the same code, so a merged
//! report equals a single run.
//!
//! Floats (tone score sums) are stored as their bit patterns, so they come back exactly.

use serde::{Deserialize, Serialize};

use crate::copies::Fingerprint;
use crate::corpus::Article;
use crate::features::{LabelKey, SignalTotals, Sum};
use crate::lexicon::CueClass;
use crate::quotes::Voice;
use crate::table::{ArticleRow, VoiceMark};

/// An article's state as stored: plain fields, no maps with compound keys.
#[derive(Serialize, Deserialize)]
struct State {
    meta: Article,
    words: u64,
    own_words: u64,
    paragraphs: u64,
    quote_spans: u64,
    removed_lines: u64,
    unanchored: u64,
    /// (concept, label, voice, matches).
    counts: Vec<(usize, usize, Voice, u32)>,
    voices: Vec<Mark>,
    signals: Vec<SignalSum>,
    /// (bins, shingles).
    fingerprint: Option<(Vec<u32>, u32)>,
    /// The story lexicons that measured it.
    stories: Vec<u32>,
}

/// (signal number, key, sub-key, hits, articles, first paragraph, score bits, flag).
type SignalSum = (usize, String, String, u64, u64, u64, u64, bool);

/// A [`VoiceMark`] as stored.
#[derive(Serialize, Deserialize)]
struct Mark {
    key: String,
    name: String,
    group: String,
    direct: bool,
    fragment: bool,
    words: u64,
    anonymous: bool,
    cue_class: String,
    credited: Option<bool>,
}

/// The first byte of every state: the layout below. A state with another number was written by
/// another framelens version. Format 2 added the story lexicons that measured the article.
const FORMAT: u8 = 2;

/// The state of one article, as bytes.
pub fn encode(row: &ArticleRow, fingerprint: Option<&Fingerprint>) -> Vec<u8> {
    let state = State {
        meta: row.meta.clone(),
        words: row.words,
        own_words: row.own_words,
        paragraphs: row.paragraphs,
        quote_spans: row.quote_spans,
        removed_lines: row.removed_lines,
        unanchored: row.unanchored,
        counts: row.counts.iter().map(|(k, n)| (k.concept, k.label, k.voice, *n)).collect(),
        voices: row
            .voices
            .iter()
            .map(|m| Mark {
                key: m.key.clone(),
                name: m.name.clone(),
                group: m.group.clone(),
                direct: m.direct,
                fragment: m.fragment,
                words: m.words,
                anonymous: m.anonymous,
                cue_class: m.cue_class.to_string(),
                credited: m.credited,
            })
            .collect(),
        signals: row
            .signals
            .entries()
            .map(|(i, (a, b), s)| {
                (i, a.clone(), b.clone(), s.count, s.articles, s.first_paragraph, s.score.to_bits(), s.flag)
            })
            .collect(),
        fingerprint: fingerprint.map(|f| {
            let (bins, shingles) = f.parts();
            (bins.to_vec(), shingles)
        }),
        stories: row.stories.clone(),
    };
    let bytes = vec![FORMAT];
    postcard::to_extend(&state, bytes).expect("a state serialises")
}

/// An article's row and fingerprint from [`encode`]'s bytes; the error says what is wrong.
pub fn decode(bytes: &[u8]) -> Result<(ArticleRow, Option<Fingerprint>), String> {
    let state: State = match bytes.split_first() {
        Some((&FORMAT, rest)) => postcard::from_bytes(rest).map_err(|e| format!("a damaged state ({e})"))?,
        Some((other, _)) => {
            return Err(format!("a state of format {other}, not {FORMAT}: written by another framelens version"));
        }
        None => return Err("an empty state".into()),
    };
    let cue_class = |name: &str| -> Result<&'static str, String> {
        if name.is_empty() {
            return Ok("");
        }
        CueClass::ALL.iter().map(|c| c.as_str()).find(|c| *c == name).ok_or(format!("unknown cue class `{name}`"))
    };
    let voices = state
        .voices
        .into_iter()
        .map(|m| {
            Ok(VoiceMark {
                cue_class: cue_class(&m.cue_class)?,
                key: m.key,
                name: m.name,
                group: m.group,
                direct: m.direct,
                fragment: m.fragment,
                words: m.words,
                anonymous: m.anonymous,
                credited: m.credited,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let signals = SignalTotals::from_entries(state.signals.into_iter().map(
        |(i, a, b, count, articles, first_paragraph, score, flag)| {
            (i, (a, b), Sum { count, articles, first_paragraph, score: f64::from_bits(score), flag })
        },
    ))
    .ok_or("a signal this framelens does not have")?;
    let fingerprint = match state.fingerprint {
        Some((bins, shingles)) => {
            Some(Fingerprint::from_parts(&bins, shingles).ok_or("a fingerprint of the wrong size")?)
        }
        None => None,
    };
    let row = ArticleRow {
        meta: state.meta,
        words: state.words,
        own_words: state.own_words,
        paragraphs: state.paragraphs,
        quote_spans: state.quote_spans,
        removed_lines: state.removed_lines,
        counts: state
            .counts
            .into_iter()
            .map(|(concept, label, voice, n)| (LabelKey { concept, label, voice }, n))
            .collect(),
        unanchored: state.unanchored,
        voices,
        signals,
        stories: state.stories,
    };
    Ok((row, fingerprint))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Extractor;
    use crate::lexicon::{LexiconMatcher, load, shipped_sources};
    use crate::text::{Stemmer, TextOptions};

    #[test]
    fn a_measured_article_comes_back_from_its_state_exactly() {
        let lexicons = load(&shipped_sources()).set;
        let matcher = LexiconMatcher::new(&lexicons);
        let extractor = Extractor::new(&lexicons, &matcher, TextOptions::default());
        let text = "Iraqi officials slammed the assassination, Reuters reported. \"It is a crime,\" \
                    Abdul Mahdi said, according to state TV. A senior official, who spoke on condition \
                    of anonymity, claimed the strike was a terrible and reckless escalation that would \
                    probably bring more violence to the region in the coming weeks and months ahead.";
        let article = Article {
            id: "a1".into(),
            outlet: "France 24".into(),
            story: "iraq-2020".into(),
            date: "2020-01-03".into(),
            text: text.into(),
            ..Article::default()
        };
        let result = extractor.extract(article, &Stemmer::default());
        let row = ArticleRow::from_result(&result, &lexicons);
        assert!(!row.voices.is_empty() && !row.counts.is_empty(), "the article has voices and word choice");
        assert_eq!(row.stories, [0], "the story lexicon named by the story column measured it");
        assert!(row.signals.entries().any(|(_, _, s)| s.score != 0.0), "the article has a tone score");
        let fingerprint = result.fingerprint.as_ref();
        assert!(fingerprint.is_some());
        let (back, back_fingerprint) = decode(&encode(&row, fingerprint)).unwrap();
        assert_eq!(back, row);
        assert_eq!(back_fingerprint.as_ref(), fingerprint);
        assert!(decode(&[]).unwrap_err().contains("empty"));
        assert!(decode(b"{}").unwrap_err().contains("format 123"), "a JSON state of older versions is named as such");
        assert!(decode(&[FORMAT, 200]).unwrap_err().contains("damaged"));
        let good = encode(&row, None);
        let at = good.windows(7).position(|w| w == b"neutral").expect("a neutral cue class in the state");
        let mut bad = good.clone();
        bad[at..at + 7].copy_from_slice(b"neutraX");
        assert!(decode(&bad).unwrap_err().contains("neutraX"));
    }
}
