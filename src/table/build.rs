//! Table builders: plain rows and totals in, DataFrames out. Row order is fixed by the input
//! order (articles in corpus order, outlets by name, concepts and labels in lexicon order), so
//! the same input gives the same bytes.

use crate::columns;
use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::DataFrame;

use super::frame::{FrameBuilder, ratio};
use super::{
    ArticleRow, EvidenceRow, Group, QuoteRow, QuoteSpanRow, RemovedLineRow, Totals, VoiceCount, VoiceTotals, label_slug,
};
use crate::features::{Column, LabelCount, LabelKey, Ratio, SignalSet, Values};
use crate::lexicon::{CueClass, LexiconSet};
use crate::quotes::{ANONYMOUS, FORMER_OFFICIAL, UNCLASSIFIED, UNRESOLVED, Voice};

const VOICES: [Voice; 2] = [Voice::Own, Voice::Quoted];

/// `articles`: one row per article; with story lexicons that have anchors, which of them measured
/// it (`story_lexicons`, ids joined by `;`).
pub fn articles_table(rows: &[ArticleRow], set: &LexiconSet) -> DataFrame {
    let text = |f: fn(&ArticleRow) -> &String| rows.iter().map(|r| f(r).as_str()).collect::<Vec<_>>();
    let count = |f: fn(&ArticleRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    let measured_by =
        |r: &ArticleRow| r.stories.iter().map(|&s| set.stories[s as usize].id.as_str()).collect::<Vec<_>>().join(";");
    let frame = FrameBuilder::default()
        .text(columns::ARTICLE, &text(|r| &r.meta.id))
        .text(columns::SOURCE, &text(|r| &r.meta.source))
        .text(columns::OUTLET, &text(|r| &r.meta.outlet))
        .text(columns::OUTLET_RULE, &text(|r| &r.meta.outlet_rule))
        .text(columns::TITLE, &text(|r| &r.meta.title))
        .text(columns::DATE, &text(|r| &r.meta.date))
        .text(columns::URL, &text(|r| &r.meta.url))
        .text(columns::STORY, &text(|r| &r.meta.story))
        .count(columns::WORDS, count(|r| r.words))
        .count(columns::OWN_WORDS, count(|r| r.own_words))
        .count(columns::QUOTED_WORDS, count(|r| r.words - r.own_words))
        .count(columns::PARAGRAPHS, count(|r| r.paragraphs))
        .count(columns::QUOTE_SPANS, count(|r| r.quote_spans))
        .count(columns::REMOVED_LINES, count(|r| r.removed_lines));
    if set.stories.is_empty() {
        return frame.build();
    }
    frame.text(columns::STORY_LEXICONS, &rows.iter().map(measured_by).collect::<Vec<_>>()).build()
}

/// Concepts with at least one match anywhere, in lexicon order.
pub fn used_concepts<'a>(counts: impl IntoIterator<Item = &'a LabelCount>) -> Vec<usize> {
    let used: BTreeSet<usize> = counts.into_iter().flat_map(|c| c.keys().map(|k| k.concept)).collect();
    used.into_iter().collect()
}

fn concept_total(counts: &LabelCount, concept: usize, voice: Voice) -> u32 {
    counts.iter().filter(|(k, _)| k.concept == concept && k.voice == voice).map(|(_, n)| n).sum()
}

/// `word_choice`: tidy, one row per outlet × concept × label × voice, for every label of every
/// concept matched anywhere in the corpus (zero counts included, so outlets line up).
pub fn word_choice_table(groups: &[Group], key_names: &[&'static str], set: &LexiconSet) -> DataFrame {
    let concepts = used_concepts(groups.iter().map(|g| &g.totals.counts));
    let mut t = TidyRows::default();
    for group in groups {
        for &c in &concepts {
            for voice in VOICES {
                let total = concept_total(&group.totals.counts, c, voice);
                for l in 0..set.concepts[c].labels.len() {
                    let n = group.totals.counts.get(&LabelKey { concept: c, label: l, voice }).copied().unwrap_or(0);
                    t.push(group, set, c, l, voice, n, total);
                }
            }
        }
    }
    t.build(key_names)
}

/// `article_word_choice`: tidy, one row per article × label × voice that occurs (no zero rows,
/// so the table grows with matches, not with articles × lexicon size).
pub fn article_word_choice_table(groups: &[Group], key_names: &[&'static str], set: &LexiconSet) -> DataFrame {
    let mut t = TidyRows::default();
    for group in groups {
        for (key, &n) in &group.totals.counts {
            let total = concept_total(&group.totals.counts, key.concept, key.voice);
            t.push(group, set, key.concept, key.label, key.voice, n, total);
        }
    }
    t.build(key_names)
}

#[derive(Default)]
struct TidyRows {
    keys: Vec<Vec<String>>,
    concept: Vec<String>,
    label: Vec<String>,
    voice: Vec<String>,
    connotation: Vec<String>,
    frames: Vec<String>,
    count: Vec<u64>,
    concept_total: Vec<u64>,
    share: Vec<Option<f64>>,
}

impl TidyRows {
    #[allow(clippy::too_many_arguments)]
    fn push(&mut self, group: &Group, set: &LexiconSet, c: usize, l: usize, voice: Voice, n: u32, total: u32) {
        let label = &set.concepts[c].labels[l];
        for (i, (_, value)) in group.keys.iter().enumerate() {
            if self.keys.len() <= i {
                self.keys.push(Vec::new());
            }
            self.keys[i].push(value.clone());
        }
        self.concept.push(set.concepts[c].id.clone());
        self.label.push(label.text.clone());
        self.voice.push(voice.as_str().to_string());
        self.connotation.push(label.connotation.as_str().to_string());
        self.frames.push(label.frames.join(";"));
        self.count.push(u64::from(n));
        self.concept_total.push(u64::from(total));
        self.share.push(ratio(f64::from(n), f64::from(total)));
    }

    fn build(mut self, key_names: &[&'static str]) -> DataFrame {
        let mut frame = FrameBuilder::default();
        self.keys.resize(key_names.len(), Vec::new());
        for (name, values) in key_names.iter().zip(self.keys) {
            frame = frame.text(name, &values);
        }
        frame
            .text(columns::CONCEPT, &self.concept)
            .text(columns::LABEL, &self.label)
            .text(columns::VOICE, &self.voice)
            .text(columns::CONNOTATION, &self.connotation)
            .text(columns::FRAMES, &self.frames)
            .count(columns::COUNT, self.count)
            .count(columns::CONCEPT_TOTAL, self.concept_total)
            .measure(columns::SHARE, self.share)
            .build()
    }
}

/// One label-share column of the wide feature tables.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureColumn {
    /// `wc__{concept}__{label_slug}__{voice}_share`.
    pub name: String,
    /// The cell it reads.
    pub key: LabelKey,
}

/// The label-share columns for the concepts used in `counts`, in lexicon order.
pub fn feature_columns<'a>(set: &LexiconSet, counts: impl IntoIterator<Item = &'a LabelCount>) -> Vec<FeatureColumn> {
    columns_for(set, used_concepts(counts))
}

/// Labels up to which the per-article wide tables carry one share column per label and voice.
/// Past it (a lexicon of thousands of labels), a wide row would hold mostly empty cells and cost
/// more to write than the article cost to measure; per-article label counts stay in the long
/// `article_word_choice` table and outlet tables keep a column for every label used.
pub const MAX_ARTICLE_LABEL_COLUMNS: usize = 2_000;

/// The label-share columns for every concept of the lexicons (fixed before any article is read,
/// so per-article tables can be written as they stream); none when the lexicons hold more than
/// [`MAX_ARTICLE_LABEL_COLUMNS`] labels.
pub fn all_feature_columns(set: &LexiconSet) -> Vec<FeatureColumn> {
    if label_count(set) > MAX_ARTICLE_LABEL_COLUMNS {
        return Vec::new();
    }
    columns_for(set, (0..set.concepts.len()).collect())
}

/// Labels in all concepts of `set`.
pub fn label_count(set: &LexiconSet) -> usize {
    set.concepts.iter().map(|c| c.labels.len()).sum()
}

fn columns_for(set: &LexiconSet, concepts: Vec<usize>) -> Vec<FeatureColumn> {
    let mut columns = Vec::new();
    for c in concepts {
        let concept = &set.concepts[c];
        let mut slugs: Vec<String> = Vec::new();
        for (l, label) in concept.labels.iter().enumerate() {
            let mut slug = label_slug(&label.text);
            if slugs.contains(&slug) {
                slug = format!("{slug}_{l}");
            }
            slugs.push(slug.clone());
            for voice in VOICES {
                let name = columns::label_share(&concept.id, &slug, voice.as_str());
                columns.push(FeatureColumn { name, key: LabelKey { concept: c, label: l, voice } });
            }
        }
    }
    columns
}

/// `outlet_features` / `article_features`: wide, one row per group, one column per feature
/// (`columns` from [`feature_columns`] or [`all_feature_columns`]; the columns of the signals in
/// `signals`).
pub fn features_table(
    groups: &[Group],
    key_names: &[&'static str],
    set: &LexiconSet,
    signals: SignalSet,
    columns: &[FeatureColumn],
) -> DataFrame {
    let totals: Vec<&Totals> = groups.iter().map(|g| &g.totals).collect();
    features_frame(groups, key_names, &feature_values(&totals, set, signals, columns))
}

/// [`features_table`] from feature values already computed by [`feature_values`].
pub fn features_frame(groups: &[Group], key_names: &[&'static str], values: &[Column]) -> DataFrame {
    let mut frame = FrameBuilder::default();
    for (i, name) in key_names.iter().enumerate() {
        frame = frame.text(name, &groups.iter().map(|g| g.keys[i].1.as_str()).collect::<Vec<_>>());
    }
    values.iter().fold(frame, FrameBuilder::plain).build()
}

/// The feature columns of [`features_table`] without its key columns, one value per group.
/// Shares, rates and means are [`Values::Ratio`]s: their sums over a group's articles are the
/// group's sums, which is what outlet intervals and tests resample.
pub fn feature_values(
    totals: &[&Totals],
    set: &LexiconSet,
    signals: SignalSet,
    columns: &[FeatureColumn],
) -> Vec<Column> {
    let sums: Vec<VoiceSums> = totals.iter().map(|t| VoiceSums::new(t, set)).collect();
    let ratios = |f: &dyn Fn(usize) -> Ratio| Values::Ratio((0..totals.len()).map(f).collect());
    let count = |f: &dyn Fn(&Totals) -> u64| Values::Count(totals.iter().map(|t| f(t)).collect());
    let mut out = vec![
        Column::new(columns::ARTICLES, count(&|t| t.articles)),
        Column::new(columns::WORDS, count(&|t| t.words)),
        Column::new(columns::OWN_WORDS, count(&|t| t.own_words)),
        Column::new(columns::QUOTED_WORDS, count(&|t| t.quoted_words())),
        Column::new(
            columns::QUOTED_SHARE,
            ratios(&|i| Ratio::new(totals[i].quoted_words() as f64, totals[i].words as f64)),
        ),
    ];
    for (v, voice) in VOICES.iter().enumerate() {
        let name = voice.as_str();
        let matches = sums.iter().map(|s| s.matches[v] as u64).collect();
        out.push(Column::new(columns::word_choice_sum("matches", name), Values::Count(matches)));
        out.push(Column::new(
            columns::word_choice_sum("loaded_share", name),
            ratios(&|i| Ratio::new(sums[i].loaded[v], sums[i].matches[v])),
        ));
        out.push(Column::new(
            columns::word_choice_sum("connotation", name),
            ratios(&|i| Ratio::new(sums[i].connotation[v], sums[i].matches[v])),
        ));
    }
    out.push(Column::new(
        columns::WC_PER_1K_OWN,
        ratios(&|i| Ratio::new(sums[i].matches[0] * 1000.0, totals[i].own_words as f64)),
    ));
    out.extend(voice_columns(totals, set));
    out.extend(super::signals::signal_columns(totals, set, signals));
    for column in columns {
        let key = column.key;
        let values = ratios(&|i| {
            let total = sums[i].concept_totals.get(&(key.concept, key.voice)).copied().unwrap_or(0);
            // A label's count is part of its concept's total: none where the concept has none
            // (most columns of most articles), so the count is looked up only where it can be.
            let n = if total == 0 { 0 } else { totals[i].counts.get(&key).copied().unwrap_or(0) };
            Ratio::new(f64::from(n), f64::from(total))
        });
        out.push(Column::new(column.name.clone(), values));
    }
    out
}

/// Per-voice sums of one group, computed once (index 0 = own, 1 = quoted).
struct VoiceSums {
    matches: [f64; 2],
    loaded: [f64; 2],
    connotation: [f64; 2],
    concept_totals: BTreeMap<(usize, Voice), u32>,
}

impl VoiceSums {
    fn new(totals: &Totals, set: &LexiconSet) -> VoiceSums {
        let mut sums =
            VoiceSums { matches: [0.0; 2], loaded: [0.0; 2], connotation: [0.0; 2], concept_totals: BTreeMap::new() };
        for (key, &n) in &totals.counts {
            let v = usize::from(key.voice == Voice::Quoted);
            let score = set.concepts[key.concept].labels[key.label].connotation.score();
            sums.matches[v] += f64::from(n);
            sums.connotation[v] += f64::from(n) * score;
            if score != 0.0 {
                sums.loaded[v] += f64::from(n);
            }
            *sums.concept_totals.entry((key.concept, key.voice)).or_default() += n;
        }
        sums
    }
}

/// `evidence`: one row per label match; its sentence is a number into `sentences`, and its text
/// too when `with_text` (`--evidence-text`).
pub fn evidence_table<'a>(rows: &[EvidenceRow<'a>], with_text: bool) -> DataFrame {
    let text = |f: fn(&EvidenceRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&EvidenceRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    let frame = FrameBuilder::default()
        .text(columns::SIGNAL, &text(|r| r.signal))
        .text(columns::OUTLET, &text(|r| r.outlet))
        .text(columns::ARTICLE, &text(|r| r.article))
        .text(columns::CONCEPT, &text(|r| r.concept))
        .text(columns::LABEL, &text(|r| r.label))
        .text(columns::VOICE, &text(|r| r.voice.as_str()))
        .text(columns::CONNOTATION, &text(|r| r.connotation))
        .count(columns::START, count(|r| r.start))
        .count(columns::END, count(|r| r.end))
        .text(columns::MATCHED, &text(|r| r.matched))
        .count(columns::PARAGRAPH, count(|r| r.paragraph))
        .count(columns::SENTENCE, count(|r| r.sentence_number))
        .text(columns::REFERENT, &rows.iter().map(|r| r.referent).collect::<Vec<_>>());
    if with_text { frame.text(columns::SENTENCE_TEXT, &text(|r| r.sentence)) } else { frame }.build()
}

/// `sentences`: each sentence that carries evidence, once: article, number, byte span, text.
/// `rows` hold each article's evidence together (as [`EvidenceRow::from_result`] yields them).
pub fn sentences_table<'a>(rows: &[EvidenceRow<'a>]) -> DataFrame {
    let mut kept: Vec<&EvidenceRow<'a>> = Vec::new();
    for article in rows.chunk_by(|a, b| a.article == b.article) {
        let mut first: BTreeMap<u64, &EvidenceRow<'a>> = BTreeMap::new();
        for row in article {
            first.entry(row.sentence_number).or_insert(row);
        }
        kept.extend(first.into_values());
    }
    let count = |f: fn(&EvidenceRow) -> u64| kept.iter().map(|r| f(r)).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::ARTICLE, &kept.iter().map(|r| r.article).collect::<Vec<_>>())
        .count(columns::SENTENCE, count(|r| r.sentence_number))
        .count(columns::START, count(|r| r.sentence_start))
        .count(columns::END, count(|r| r.sentence_end))
        .text(columns::TEXT, &kept.iter().map(|r| r.sentence).collect::<Vec<_>>())
        .build()
}

/// `removed_lines`: one row per line set aside as boilerplate.
pub fn removed_lines_table<'a>(rows: &[RemovedLineRow<'a>]) -> DataFrame {
    let text = |f: fn(&RemovedLineRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&RemovedLineRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::OUTLET, &text(|r| r.outlet))
        .text(columns::ARTICLE, &text(|r| r.article))
        .text(columns::SOURCE, &text(|r| r.source))
        .count(columns::LINE, count(|r| r.line))
        .text(columns::RULE, &text(|r| r.rule))
        .count(columns::START, count(|r| r.start))
        .count(columns::END, count(|r| r.end))
        .text(columns::TEXT, &text(|r| r.text))
        .build()
}

/// `quote_spans`: one row per stretch of quoted text (what "quoted voice" means, checkable).
pub fn quote_spans_table<'a>(rows: &[QuoteSpanRow<'a>]) -> DataFrame {
    let text = |f: fn(&QuoteSpanRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let flag =
        |f: fn(&QuoteSpanRow) -> bool| rows.iter().map(|r| if f(r) { "true" } else { "false" }).collect::<Vec<&str>>();
    let count = |f: fn(&QuoteSpanRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::OUTLET, &text(|r| r.outlet))
        .text(columns::ARTICLE, &text(|r| r.article))
        .count(columns::START, count(|r| r.start))
        .count(columns::END, count(|r| r.end))
        .text(columns::MARK, &text(|r| r.mark))
        .text(columns::CLOSED, &flag(|r| r.closed))
        .text(columns::CONTINUES, &flag(|r| r.continues))
        .text(columns::TEXT, &text(|r| r.text))
        .build()
}

/// `quotes`: one row per attribution.
pub fn quotes_table<'a>(rows: &[QuoteRow<'a>]) -> DataFrame {
    let text = |f: fn(&QuoteRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&QuoteRow<'a>) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    let maybe = |f: fn(&QuoteRow<'a>) -> Option<u64>| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text(columns::OUTLET, &text(|r| r.outlet))
        .text(columns::ARTICLE, &text(|r| r.article))
        .text(columns::KIND, &text(|r| r.kind))
        .text(columns::EXTENT, &text(|r| r.extent))
        .text(columns::CONTENT, &text(|r| r.content))
        .count(columns::CONTENT_START, count(|r| r.content_start))
        .count(columns::CONTENT_END, count(|r| r.content_end))
        .count(columns::WORDS, count(|r| r.words))
        .text(columns::CUE, &text(|r| r.cue))
        .text(columns::CUE_LEMMA, &text(|r| r.cue_lemma))
        .text(columns::CUE_CLASS, &text(|r| r.cue_class))
        .maybe_count(columns::CUE_START, maybe(|r| r.cue_start))
        .maybe_count(columns::CUE_END, maybe(|r| r.cue_end))
        .text(columns::SPEAKER_MENTION, &text(|r| r.speaker_mention))
        .maybe_count(columns::SPEAKER_START, maybe(|r| r.speaker_start))
        .maybe_count(columns::SPEAKER_END, maybe(|r| r.speaker_end))
        .text(columns::RESOLVED_TO, &text(|r| r.resolved_to))
        .text(columns::SPEAKER, &text(|r| r.speaker))
        .text(columns::SPEAKER_KEY, &text(|r| r.speaker_key))
        .text(columns::ROLE, &text(|r| r.role))
        .text(columns::GROUP, &text(|r| r.group))
        .maybe_count(columns::INTRODUCTION_START, maybe(|r| r.introduction_start))
        .maybe_count(columns::INTRODUCTION_END, maybe(|r| r.introduction_end))
        .text(columns::ANONYMOUS, &rows.iter().map(|r| if r.anonymous { "true" } else { "false" }).collect::<Vec<_>>())
        .text(columns::CREDITED_TO, &rows.iter().map(|r| r.credited_to).collect::<Vec<_>>())
        .count(columns::PARAGRAPH, count(|r| r.paragraph))
        .count(columns::SENTENCE, count(|r| r.sentence))
        .text(columns::FOUND_BY, &rows.iter().map(|r| r.found_by).collect::<Vec<_>>())
        .text(columns::RULE, &rows.iter().map(|r| r.rule).collect::<Vec<_>>())
        .build()
}

/// The voice groups every feature table has a column for: the groups the lexicons name, plus
/// `anonymous`, `former_official`, `media`, `unclassified`, `unresolved` and `unattributed`,
/// sorted.
pub fn voice_groups(set: &LexiconSet) -> Vec<String> {
    let mut groups: BTreeSet<String> =
        set.voices.iter().map(|v| v.group.clone()).chain(set.roles.iter().map(|r| r.group.clone())).collect();
    groups.extend([ANONYMOUS, FORMER_OFFICIAL, "media", UNCLASSIFIED, UNRESOLVED, "unattributed"].map(String::from));
    groups.into_iter().collect()
}

/// Attribution and voice columns of the wide feature tables.
fn voice_columns(totals: &[&Totals], set: &LexiconSet) -> Vec<Column> {
    let v: Vec<&VoiceTotals> = totals.iter().map(|t| &t.voices).collect();
    let count = |f: fn(&VoiceTotals) -> u64| Values::Count(v.iter().map(|t| f(t)).collect());
    let share = |f: &dyn Fn(&VoiceTotals) -> (u64, u64)| {
        Values::Ratio(
            v.iter()
                .map(|t| {
                    let (part, whole) = f(t);
                    Ratio::new(part as f64, whole as f64)
                })
                .collect(),
        )
    };
    let mut out = vec![
        Column::new(columns::ATT_DIRECT, count(|t| t.direct)),
        Column::new(columns::ATT_INDIRECT, count(|t| t.indirect)),
        Column::new(columns::ATT_FRAGMENTS, count(|t| t.fragments)),
        Column::new(columns::ATT_DIRECT_WORDS, count(|t| t.direct_words)),
        Column::new(columns::ATT_INDIRECT_WORDS, count(|t| t.indirect_words)),
        Column::new(columns::ATT_ANONYMOUS_SHARE, share(&|t| (t.anonymous, t.attributions()))),
        Column::new(columns::ATT_DIRECT_SHARE, share(&|t| (t.direct, t.attributions()))),
        Column::new(columns::ATT_FRAGMENT_SHARE, share(&|t| (t.fragments, t.direct))),
    ];
    for class in CueClass::ALL {
        let name = class.as_str();
        let shares = share(&|t| (t.by_cue_class.get(name).copied().unwrap_or(0), t.attributions()));
        out.push(Column::new(columns::cue_class_share(name), shares));
    }
    let first_speaker = v.iter().map(|t| t.first_speaker.as_ref().map_or("", |(n, _)| n.as_str()).to_string());
    let first_group = v.iter().map(|t| t.first_group().unwrap_or("").to_string());
    out.extend([
        Column::new(columns::VOICES_DISTINCT, count(VoiceTotals::distinct)),
        Column::new(columns::VOICES_ENTROPY, Values::Measure(v.iter().map(|t| t.entropy()).collect())),
        Column::new(columns::VOICES_FIRST_SPEAKER, Values::Text(first_speaker.collect())),
        Column::new(columns::VOICES_FIRST_GROUP, Values::Text(first_group.collect())),
    ]);
    for group in voice_groups(set) {
        let words = share(&|t| (t.by_group.get(&group).map_or(0, |c| c.words), t.direct_words + t.indirect_words));
        out.push(Column::new(columns::voice_words_share(&group), words));
    }
    out
}

/// `voices`: per outlet, one row per voice group and one per speaker, with attributions and words.
pub fn voices_table(groups: &[Group]) -> DataFrame {
    let mut rows: Vec<(&'static str, &str, &str, &str, &str, &VoiceCount, u64)> = Vec::new();
    for group in groups {
        let outlet = group.keys[0].1.as_str();
        let v = &group.totals.voices;
        let all = v.direct_words + v.indirect_words;
        for (name, count) in &v.by_group {
            rows.push(("group", outlet, name, "", name, count, all));
        }
        for (key, speaker) in &v.by_speaker {
            rows.push(("speaker", outlet, &speaker.name, key, &speaker.group, &speaker.count, all));
        }
    }
    FrameBuilder::default()
        .text(columns::LEVEL, &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text(columns::OUTLET, &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .text(columns::VOICE, &rows.iter().map(|r| r.2).collect::<Vec<_>>())
        .text(columns::SPEAKER_KEY, &rows.iter().map(|r| r.3).collect::<Vec<_>>())
        .text(columns::GROUP, &rows.iter().map(|r| r.4).collect::<Vec<_>>())
        .count(columns::ATTRIBUTIONS, rows.iter().map(|r| r.5.attributions).collect())
        .count(columns::DIRECT, rows.iter().map(|r| r.5.direct).collect())
        .count(columns::WORDS, rows.iter().map(|r| r.5.words).collect())
        .measure(columns::WORDS_SHARE, rows.iter().map(|r| ratio(r.5.words as f64, r.6 as f64)).collect())
        .build()
}
