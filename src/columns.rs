//! Column names of every table framelens writes: the one source for the writers (`table`, the
//! signals in `features::signals`),
//! the readers in `compare` and `chart`, and (through docs/schema.md) the notebooks. Feature
//! columns whose names carry a lexicon id are built by the functions at the end.
//!
//! Each constant is the column of the same name in lower case; docs/schema.md says what each
//! column holds.
#![allow(missing_docs)]

pub const A: &str = "a";
pub const ACTOR: &str = "actor";
pub const ANONYMOUS: &str = "anonymous";
pub const ARTICLE: &str = "article";
pub const ARTICLES: &str = "articles";
pub const ARTICLES_SHARE: &str = "articles_share";
pub const ARTICLES_VERSUS: &str = "articles_versus";
pub const ATTRIBUTIONS: &str = "attributions";
pub const ATT_ANONYMOUS_SHARE: &str = "att_anonymous_share";
pub const ATT_DIRECT: &str = "att_direct";
pub const ATT_DIRECT_SHARE: &str = "att_direct_share";
pub const ATT_DIRECT_WORDS: &str = "att_direct_words";
pub const ATT_FRAGMENTS: &str = "att_fragments";
pub const ATT_FRAGMENT_SHARE: &str = "att_fragment_share";
pub const ATT_INDIRECT: &str = "att_indirect";
pub const ATT_INDIRECT_WORDS: &str = "att_indirect_words";
pub const B: &str = "b";
pub const CLASS: &str = "class";
pub const CLOSED: &str = "closed";
pub const CONCEPT: &str = "concept";
pub const CONCEPT_TOTAL: &str = "concept_total";
pub const CONNOTATION: &str = "connotation";
pub const CONTENT: &str = "content";
pub const CONTENT_END: &str = "content_end";
pub const CONTENT_START: &str = "content_start";
pub const CONTINUES: &str = "continues";
pub const COPIES: &str = "copies";
pub const COPIES_OF_OTHER_OUTLETS: &str = "copies_of_other_outlets";
pub const COPY_OF: &str = "copy_of";
pub const COPY_OF_OUTLET: &str = "copy_of_outlet";
pub const COPY_SHARE: &str = "copy_share";
pub const COSINE: &str = "cosine";
pub const COUNT: &str = "count";
pub const CREDITED_TO: &str = "credited_to";
pub const CREDITS: &str = "credits";
pub const CUE: &str = "cue";
pub const CUE_CLASS: &str = "cue_class";
pub const CUE_END: &str = "cue_end";
pub const CUE_LEMMA: &str = "cue_lemma";
pub const CUE_START: &str = "cue_start";
pub const DATE: &str = "date";
pub const DIFFERENCE: &str = "difference";
pub const DIRECT: &str = "direct";
pub const DISTANCE: &str = "distance";
pub const EFFECT_MEASURE: &str = "effect_measure";
pub const EFFECT_SIZE: &str = "effect_size";
pub const END: &str = "end";
pub const EUCLIDEAN: &str = "euclidean";
pub const EVENT: &str = "event";
pub const EXTENT: &str = "extent";
pub const FACT: &str = "fact";
pub const FEATURE: &str = "feature";
pub const FIRST_PARAGRAPH: &str = "first_paragraph";
pub const FLAGS: &str = "flags";
pub const FORM: &str = "form";
pub const FOUND_BY: &str = "found_by";
pub const FRAMES: &str = "frames";
pub const GROUP: &str = "group";
pub const HEDGE: &str = "hedge";
pub const HEDGE_PER_1K_OWN: &str = "hedge_per_1k_own";
pub const HIERARCHICAL_CLUSTER: &str = "hierarchical_cluster";
pub const HIGH: &str = "high";
pub const INTRODUCTION_END: &str = "introduction_end";
pub const INTRODUCTION_START: &str = "introduction_start";
pub const JENSEN_SHANNON: &str = "jensen_shannon";
pub const JENSEN_SHANNON_CONCEPTS: &str = "jensen_shannon_concepts";
pub const KIND: &str = "kind";
pub const KMEANS_CLUSTER: &str = "kmeans_cluster";
pub const LABEL: &str = "label";
pub const LEFT: &str = "left";
pub const LEVEL: &str = "level";
pub const LINE: &str = "line";
pub const LOW: &str = "low";
pub const MARK: &str = "mark";
pub const MATCHED: &str = "matched";
pub const MEAN_COMPOUND: &str = "mean_compound";
pub const MEDIA_CREDITED_SHARE: &str = "media_credited_share";
pub const MEDIA_CREDITS: &str = "media_credits";
pub const MEDIA_WIRE_SHARE: &str = "media_wire_share";
pub const MEDIUM: &str = "medium";
pub const MEMBERS: &str = "members";
pub const MENTIONS: &str = "mentions";
pub const METHOD: &str = "method";
pub const NAME: &str = "name";
pub const NAMES: &str = "names";
pub const NAMING_COURTESY_SHARE_OWN: &str = "naming_courtesy_share_own";
pub const NOTE: &str = "note";
pub const OUTLET: &str = "outlet";
pub const OUTLET_RULE: &str = "outlet_rule";
pub const OWN: &str = "own";
pub const OWN_PER_1K: &str = "own_per_1k";
pub const OWN_WORDS: &str = "own_words";
pub const P: &str = "p";
pub const PARAGRAPH: &str = "paragraph";
pub const PARAGRAPHS: &str = "paragraphs";
pub const PC1: &str = "pc1";
pub const PC2: &str = "pc2";
pub const PERMUTATIONS: &str = "permutations";
pub const PER_1K: &str = "per_1k";
pub const Q: &str = "q";
pub const QUOTED: &str = "quoted";
pub const QUOTED_SHARE: &str = "quoted_share";
pub const QUOTED_WORDS: &str = "quoted_words";
pub const QUOTE_SPANS: &str = "quote_spans";
pub const REFERENT: &str = "referent";
pub const REMOVED_LINES: &str = "removed_lines";
pub const RESOLVED_TO: &str = "resolved_to";
pub const RIGHT: &str = "right";
pub const ROLE: &str = "role";
pub const ROUNDS: &str = "rounds";
pub const RULE: &str = "rule";
pub const SENTENCE: &str = "sentence";
pub const SENTENCES: &str = "sentences";
pub const SENTENCE_TEXT: &str = "sentence_text";
pub const SHARE: &str = "share";
pub const SIGNAL: &str = "signal";
pub const SIMILARITY: &str = "similarity";
pub const SIZE: &str = "size";
pub const SOURCE: &str = "source";
pub const SPEAKER: &str = "speaker";
pub const SPEAKER_END: &str = "speaker_end";
pub const SPEAKER_KEY: &str = "speaker_key";
pub const SPEAKER_MENTION: &str = "speaker_mention";
pub const SPEAKER_START: &str = "speaker_start";
pub const START: &str = "start";
pub const STEP: &str = "step";
pub const STORY: &str = "story";
/// Articles a story lexicon measured (the articles about its story).
pub const STORY_ARTICLES: &str = "story_articles";
/// The story lexicons that measured an article, ids joined by `;`.
pub const STORY_LEXICONS: &str = "story_lexicons";
pub const TEXT: &str = "text";
pub const TITLE: &str = "title";
pub const TOGETHER_SHARE: &str = "together_share";
pub const UNITS: &str = "units";
pub const URL: &str = "url";
pub const VALUE: &str = "value";
pub const VALUE_VERSUS: &str = "value_versus";
pub const VERSUS: &str = "versus";
pub const VOICE: &str = "voice";
pub const VOICES_DISTINCT: &str = "voices_distinct";
pub const VOICES_ENTROPY: &str = "voices_entropy";
pub const VOICES_FIRST_GROUP: &str = "voices_first_group";
pub const VOICES_FIRST_SPEAKER: &str = "voices_first_speaker";
pub const WC_CONNOTATION_OWN: &str = "wc_connotation_own";
pub const WC_LOADED_SHARE_OWN: &str = "wc_loaded_share_own";
pub const WC_MATCHES_OWN: &str = "wc_matches_own";
pub const WC_PER_1K_OWN: &str = "wc_per_1k_own";
pub const WIRE: &str = "wire";
pub const WIRE_DEPENDENCE: &str = "wire_dependence";
pub const WIRE_DEPENDENT: &str = "wire_dependent";
pub const WORDS: &str = "words";
pub const WORDS_SHARE: &str = "words_share";

/// Column-name prefixes and the feature group they belong to. A column whose prefix is not
/// listed belongs to the group named by its text before the first `_`, so a new feature family
/// (`tone_…`, `agency_…`) joins the comparison by its name alone.
pub const GROUP_PREFIXES: &[(&str, &str)] = &[
    ("wc_", "word_choice"),
    ("voice_", "voices"),
    ("voices_", "voices"),
    ("quoted_share", "voices"),
    ("att_", "attribution"),
    ("cue_", "attribution"),
    ("hedge_", "attribution"),
    ("media_", "attribution"),
    ("cov_", "coverage"),
];

/// `wc__{concept}__{label}__{voice}_share`: a label's share within its concept in one voice.
pub fn label_share(concept: &str, label_slug: &str, voice: &str) -> String {
    format!("wc__{concept}__{label_slug}__{voice}_share")
}

/// `wc_matches_{voice}`, `wc_loaded_share_{voice}`, `wc_connotation_{voice}`.
pub fn word_choice_sum(measure: &str, voice: &str) -> String {
    format!("wc_{measure}_{voice}")
}

/// `att_cue__{class}_share`: the share of attributions with a cue of this class.
pub fn cue_class_share(class: &str) -> String {
    format!("att_cue__{class}_share")
}

/// `voice__{group}__words_share`: the share of attributed words spoken by this group.
pub fn voice_words_share(group: &str) -> String {
    format!("voice__{group}__words_share")
}

/// `cov__{fact}_share`: the share of articles that report this fact.
pub fn coverage_share(fact: &str) -> String {
    format!("cov__{fact}_share")
}

/// `agency__{event}__{class}_share`: the share of the event's mentions in this agency class.
pub fn agency_share(event: &str, class: &str) -> String {
    format!("agency__{event}__{class}_share")
}

/// `loaded_per_1k_{voice}` (every class) or `loaded__{class}__per_1k_{voice}`: loaded-language
/// flags per 1,000 words of the voice.
pub fn loaded_per_1k(class: Option<&str>, voice: &str) -> String {
    match class {
        Some(class) => format!("loaded__{class}__per_1k_{voice}"),
        None => format!("loaded_per_1k_{voice}"),
    }
}

/// `naming__{form}__per_1k_{voice}`: names after a title of this form per 1,000 words of the voice.
pub fn naming_per_1k(form: &str, voice: &str) -> String {
    format!("naming__{form}__per_1k_{voice}")
}

/// `tone__{actor}__{voice}`: the mean tone of sentences mentioning the actor in this voice.
pub fn tone_mean(actor: &str, voice: &str) -> String {
    format!("tone__{actor}__{voice}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_column_is_documented_in_the_schema() {
        let schema = include_str!("../docs/schema.md");
        let names = include_str!("columns.rs").lines().filter_map(|l| l.strip_prefix("pub const ")?.split('"').nth(1));
        let missing: Vec<&str> = names.filter(|name| !schema.contains(&format!("`{name}`"))).collect();
        assert!(missing.is_empty(), "columns not described in docs/schema.md: {missing:?}");
    }
}
