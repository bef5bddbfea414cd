//! Table builders: plain rows and totals in, DataFrames out. Row order is fixed by the input
//! order (articles in corpus order, outlets by name, concepts and labels in lexicon order), so
//! the same input gives the same bytes.

use std::collections::{BTreeMap, BTreeSet};

use polars::prelude::DataFrame;

use super::frame::{FrameBuilder, ratio};
use super::{
    ArticleRow, EvidenceRow, Group, QuoteRow, QuoteSpanRow, RemovedLineRow, Totals, VoiceCount, VoiceTotals, label_slug,
};
use crate::features::{LabelCount, LabelKey};
use crate::lexicon::{CueClass, LexiconSet};
use crate::quotes::Voice;

const VOICES: [Voice; 2] = [Voice::Own, Voice::Quoted];

/// `articles`: one row per article.
pub fn articles_table(rows: &[ArticleRow]) -> DataFrame {
    let text = |f: fn(&ArticleRow) -> &String| rows.iter().map(|r| f(r).as_str()).collect::<Vec<_>>();
    let count = |f: fn(&ArticleRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("article", &text(|r| &r.meta.id))
        .text("source", &text(|r| &r.meta.source))
        .text("outlet", &text(|r| &r.meta.outlet))
        .text("outlet_rule", &text(|r| &r.meta.outlet_rule))
        .text("title", &text(|r| &r.meta.title))
        .text("date", &text(|r| &r.meta.date))
        .text("url", &text(|r| &r.meta.url))
        .text("story", &text(|r| &r.meta.story))
        .count("words", count(|r| r.words))
        .count("own_words", count(|r| r.own_words))
        .count("quoted_words", count(|r| r.words - r.own_words))
        .count("paragraphs", count(|r| r.paragraphs))
        .count("quote_spans", count(|r| r.quote_spans))
        .count("removed_lines", count(|r| r.removed_lines))
        .build()
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
            .text("concept", &self.concept)
            .text("label", &self.label)
            .text("voice", &self.voice)
            .text("connotation", &self.connotation)
            .text("frames", &self.frames)
            .count("count", self.count)
            .count("concept_total", self.concept_total)
            .measure("share", self.share)
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

/// The label-share columns for every concept of the lexicons (fixed before any article is read,
/// so per-article tables can be written as they stream).
pub fn all_feature_columns(set: &LexiconSet) -> Vec<FeatureColumn> {
    columns_for(set, (0..set.concepts.len()).collect())
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
                let name = format!("wc__{}__{}__{}_share", concept.id, slug, voice.as_str());
                columns.push(FeatureColumn { name, key: LabelKey { concept: c, label: l, voice } });
            }
        }
    }
    columns
}

/// `outlet_features` / `article_features`: wide, one row per group, one column per feature
/// (`columns` from [`feature_columns`] or [`all_feature_columns`]).
pub fn features_table(
    groups: &[Group],
    key_names: &[&'static str],
    set: &LexiconSet,
    columns: &[FeatureColumn],
) -> DataFrame {
    let mut frame = FrameBuilder::default();
    for (i, name) in key_names.iter().enumerate() {
        frame = frame.text(name, &groups.iter().map(|g| g.keys[i].1.as_str()).collect::<Vec<_>>());
    }
    let sums: Vec<VoiceSums> = groups.iter().map(|g| VoiceSums::new(&g.totals, set)).collect();
    let totals: Vec<&Totals> = groups.iter().map(|g| &g.totals).collect();
    let measure = |f: &dyn Fn(usize) -> Option<f64>| (0..groups.len()).map(f).collect::<Vec<_>>();
    frame = frame
        .count("articles", totals.iter().map(|t| t.articles).collect())
        .count("words", totals.iter().map(|t| t.words).collect())
        .count("own_words", totals.iter().map(|t| t.own_words).collect())
        .count("quoted_words", totals.iter().map(|t| t.quoted_words()).collect())
        .measure("quoted_share", measure(&|i| ratio(totals[i].quoted_words() as f64, totals[i].words as f64)));
    for (v, voice) in VOICES.iter().enumerate() {
        let name = voice.as_str();
        frame = frame
            .count(&format!("wc_matches_{name}"), sums.iter().map(|s| s.matches[v] as u64).collect())
            .measure(&format!("wc_loaded_share_{name}"), measure(&|i| ratio(sums[i].loaded[v], sums[i].matches[v])))
            .measure(
                &format!("wc_connotation_{name}"),
                measure(&|i| ratio(sums[i].connotation[v], sums[i].matches[v])),
            );
    }
    frame =
        frame.measure("wc_per_1k_own", measure(&|i| ratio(sums[i].matches[0] * 1000.0, totals[i].own_words as f64)));
    frame = voice_columns(frame, &totals, set);
    frame = super::signals::signal_columns(frame, &totals, set);
    for column in columns {
        let key = column.key;
        let values = measure(&|i| {
            let n = totals[i].counts.get(&key).copied().unwrap_or(0);
            let total = sums[i].concept_totals.get(&(key.concept, key.voice)).copied().unwrap_or(0);
            ratio(f64::from(n), f64::from(total))
        });
        frame = frame.measure(&column.name, values);
    }
    frame.build()
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

/// `evidence`: one row per label match.
pub fn evidence_table<'a>(rows: &[EvidenceRow<'a>]) -> DataFrame {
    let text = |f: fn(&EvidenceRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&EvidenceRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("signal", &text(|r| r.signal))
        .text("outlet", &text(|r| r.outlet))
        .text("article", &text(|r| r.article))
        .text("concept", &text(|r| r.concept))
        .text("label", &text(|r| r.label))
        .text("voice", &text(|r| r.voice.as_str()))
        .text("connotation", &text(|r| r.connotation))
        .count("start", count(|r| r.start))
        .count("end", count(|r| r.end))
        .text("matched", &text(|r| r.matched))
        .count("paragraph", count(|r| r.paragraph))
        .count("sentence_start", count(|r| r.sentence_start))
        .count("sentence_end", count(|r| r.sentence_end))
        .text("sentence", &text(|r| r.sentence))
        .build()
}

/// `removed_lines`: one row per line set aside as boilerplate.
pub fn removed_lines_table<'a>(rows: &[RemovedLineRow<'a>]) -> DataFrame {
    let text = |f: fn(&RemovedLineRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&RemovedLineRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("outlet", &text(|r| r.outlet))
        .text("article", &text(|r| r.article))
        .text("source", &text(|r| r.source))
        .count("line", count(|r| r.line))
        .text("rule", &text(|r| r.rule))
        .count("start", count(|r| r.start))
        .count("end", count(|r| r.end))
        .text("text", &text(|r| r.text))
        .build()
}

/// `quote_spans`: one row per stretch of quoted text (what "quoted voice" means, checkable).
pub fn quote_spans_table<'a>(rows: &[QuoteSpanRow<'a>]) -> DataFrame {
    let text = |f: fn(&QuoteSpanRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let flag =
        |f: fn(&QuoteSpanRow) -> bool| rows.iter().map(|r| if f(r) { "true" } else { "false" }).collect::<Vec<&str>>();
    let count = |f: fn(&QuoteSpanRow) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("outlet", &text(|r| r.outlet))
        .text("article", &text(|r| r.article))
        .count("start", count(|r| r.start))
        .count("end", count(|r| r.end))
        .text("mark", &text(|r| r.mark))
        .text("closed", &flag(|r| r.closed))
        .text("continues", &flag(|r| r.continues))
        .text("text", &text(|r| r.text))
        .build()
}

/// `quotes`: one row per attribution.
pub fn quotes_table<'a>(rows: &[QuoteRow<'a>]) -> DataFrame {
    let text = |f: fn(&QuoteRow<'a>) -> &'a str| rows.iter().map(f).collect::<Vec<&str>>();
    let count = |f: fn(&QuoteRow<'a>) -> u64| rows.iter().map(f).collect::<Vec<_>>();
    let maybe = |f: fn(&QuoteRow<'a>) -> Option<u64>| rows.iter().map(f).collect::<Vec<_>>();
    FrameBuilder::default()
        .text("outlet", &text(|r| r.outlet))
        .text("article", &text(|r| r.article))
        .text("kind", &text(|r| r.kind))
        .text("extent", &text(|r| r.extent))
        .text("content", &text(|r| r.content))
        .count("content_start", count(|r| r.content_start))
        .count("content_end", count(|r| r.content_end))
        .count("words", count(|r| r.words))
        .text("cue", &text(|r| r.cue))
        .text("cue_lemma", &text(|r| r.cue_lemma))
        .text("cue_class", &text(|r| r.cue_class))
        .maybe_count("cue_start", maybe(|r| r.cue_start))
        .maybe_count("cue_end", maybe(|r| r.cue_end))
        .text("speaker_mention", &text(|r| r.speaker_mention))
        .maybe_count("speaker_start", maybe(|r| r.speaker_start))
        .maybe_count("speaker_end", maybe(|r| r.speaker_end))
        .text("resolved_to", &text(|r| r.resolved_to))
        .text("speaker", &text(|r| r.speaker))
        .text("speaker_key", &text(|r| r.speaker_key))
        .text("role", &text(|r| r.role))
        .text("group", &text(|r| r.group))
        .text("anonymous", &rows.iter().map(|r| if r.anonymous { "true" } else { "false" }).collect::<Vec<_>>())
        .text("credited_to", &rows.iter().map(|r| r.credited_to).collect::<Vec<_>>())
        .count("paragraph", count(|r| r.paragraph))
        .count("sentence", count(|r| r.sentence))
        .text("found_by", &rows.iter().map(|r| r.found_by).collect::<Vec<_>>())
        .text("rule", &rows.iter().map(|r| r.rule).collect::<Vec<_>>())
        .build()
}

/// The voice groups every feature table has a column for: the groups the lexicons name, plus
/// `anonymous`, `media`, `unclassified` and `unattributed`, sorted.
pub fn voice_groups(set: &LexiconSet) -> Vec<String> {
    let mut groups: BTreeSet<String> =
        set.voices.iter().map(|v| v.group.clone()).chain(set.roles.iter().map(|r| r.group.clone())).collect();
    groups.extend(["anonymous", "media", "unclassified", "unattributed"].map(String::from));
    groups.into_iter().collect()
}

/// Attribution and voice columns of the wide feature tables.
fn voice_columns(mut frame: FrameBuilder, totals: &[&Totals], set: &LexiconSet) -> FrameBuilder {
    let v: Vec<&VoiceTotals> = totals.iter().map(|t| &t.voices).collect();
    let count = |f: fn(&VoiceTotals) -> u64| v.iter().map(|t| f(t)).collect::<Vec<_>>();
    frame = frame
        .count("att_direct", count(|t| t.direct))
        .count("att_indirect", count(|t| t.indirect))
        .count("att_fragments", count(|t| t.fragments))
        .count("att_direct_words", count(|t| t.direct_words))
        .count("att_indirect_words", count(|t| t.indirect_words))
        .measure("att_anonymous_share", v.iter().map(|t| ratio(t.anonymous as f64, t.attributions() as f64)).collect())
        .measure("att_direct_share", v.iter().map(|t| ratio(t.direct as f64, t.attributions() as f64)).collect())
        .measure("att_fragment_share", v.iter().map(|t| ratio(t.fragments as f64, t.direct as f64)).collect());
    for class in CueClass::ALL {
        let name = class.as_str();
        let shares = v
            .iter()
            .map(|t| ratio(t.by_cue_class.get(name).copied().unwrap_or(0) as f64, t.attributions() as f64))
            .collect();
        frame = frame.measure(&format!("att_cue__{name}_share"), shares);
    }
    frame = frame
        .count("voices_distinct", count(VoiceTotals::distinct))
        .measure("voices_entropy", v.iter().map(|t| t.entropy()).collect())
        .text(
            "voices_first_speaker",
            &v.iter().map(|t| t.first_speaker.as_ref().map_or("", |(n, _)| n.as_str())).collect::<Vec<_>>(),
        )
        .text("voices_first_group", &v.iter().map(|t| t.first_group().unwrap_or("")).collect::<Vec<_>>());
    for group in voice_groups(set) {
        let words: Vec<Option<f64>> = v
            .iter()
            .map(|t| {
                let all = (t.direct_words + t.indirect_words) as f64;
                ratio(t.by_group.get(&group).map_or(0, |c| c.words) as f64, all)
            })
            .collect();
        frame = frame.measure(&format!("voice__{group}__words_share"), words);
    }
    frame
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
        .text("level", &rows.iter().map(|r| r.0).collect::<Vec<_>>())
        .text("outlet", &rows.iter().map(|r| r.1).collect::<Vec<_>>())
        .text("voice", &rows.iter().map(|r| r.2).collect::<Vec<_>>())
        .text("speaker_key", &rows.iter().map(|r| r.3).collect::<Vec<_>>())
        .text("group", &rows.iter().map(|r| r.4).collect::<Vec<_>>())
        .count("attributions", rows.iter().map(|r| r.5.attributions).collect())
        .count("direct", rows.iter().map(|r| r.5.direct).collect())
        .count("words", rows.iter().map(|r| r.5.words).collect())
        .measure("words_share", rows.iter().map(|r| ratio(r.5.words as f64, r.6 as f64)).collect())
        .build()
}
