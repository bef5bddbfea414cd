//! Closed English word classes as data: `lexicons/language/english.toml`, built into the binary.
//!
//! The rules of the text stages (attribution, speakers) test words against these classes: pronouns,
//! determiners, time words, speaking heads and the like. The lists live in the TOML file, each with
//! a description of what it is for, so that a word list is edited as data and never in code. The
//! file is parsed once, on first use; a unit test checks that it loads and has every class.

use std::ops::Deref;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use serde::Deserialize;

/// The embedded file.
const SOURCE: &str = include_str!("../../lexicons/language/english.toml");

/// One class as written in the file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    #[allow(dead_code)]
    description: String,
    words: Vec<String>,
}

macro_rules! word_classes {
    ($($name:ident),* $(,)?) => {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct RawEnglish {
            $($name: RawClass,)*
        }

        /// The word classes, one field per class of `english.toml` (named as there; each class's
        /// `description` says what the rules use it for).
        #[allow(missing_docs)]
        #[derive(Debug)]
        pub struct English {
            $(pub $name: WordClass,)*
        }

        impl English {
            fn from_raw(raw: RawEnglish) -> English {
                English { $($name: WordClass::new(leak(raw.$name.words)),)* }
            }

            /// Every class with its name, in the order of the file.
            pub fn classes(&self) -> Vec<(&'static str, &WordClass)> {
                vec![$((stringify!($name), &self.$name),)*]
            }
        }
    };
}

word_classes!(
    stop_words,
    between_speaker_and_cue,
    determiners,
    time_words,
    title_full_forms,
    goes_on,
    demonstratives,
    pronouns,
    helper_words,
    noun_markers,
    not_speakers,
    settings,
    quantifiers,
    clause_final_cues,
    title_abbreviations,
    opening_adverbs,
    sentence_openers,
    postmodifier_prepositions,
    calendar_words,
    speaking_heads,
    role_nouns,
    subordinators,
    circumstance_openers,
    role_heads,
    poll_nouns,
    clause_openers,
    question_words,
    finite_verbs,
    aside_openers,
    titles,
    generic_sources,
    person_heads,
    speaker_pronouns,
    office_heads,
    person_nouns,
    person_endings,
    head_postmodifier_openers,
    body_words,
    documents,
    records,
    mention_determiners,
    name_suffixes,
    name_particles,
    respondent_shares,
    place_postmodifiers,
    cue_model_pronouns,
    male_words,
    female_words,
    gender_name_suffixes,
    verbs_handing_speech_to_object,
    plain_reporting_verbs,
    respondent_participles,
    people_plural_endings,
    evidential_verbs,
    irregular_participles,
    title_small_words,
    contracted_subjects,
    irregular_past_forms,
    phrase_ending_verbs,
    former_words,
    generic_offices,
    party_letters,
    that_after_preposition,
    listeners,
    medium_fillers,
    medium_verbs,
    passive_auxiliaries,
    relative_pronouns,
    noun_determiners,
    not_labels,
    abbreviations,
    comment_section_phrases,
    newsletter_phrases,
    picture_credit_phrases,
    teaser_openers,
    related_headers,
    share_words,
    date_field_words,
    approximators,
    articles,
    be_forms,
    body_plurals,
    calendar_spans,
    clause_conjunctions,
    clause_subject_words,
    clitics,
    coordinators,
    copula_and_of,
    document_like_bodies,
    endorse_forms,
    find_forms,
    indefinite_things,
    leading_conjunctions,
    majority_words,
    name_connectors,
    no_speaker_openers,
    object_pronouns,
    parts_of_day,
    passive_adverbs,
    person_pronouns,
    phrase_conjunctions,
    quantity_adjectives,
    quantity_links,
    question_subordinators,
    reflexive_pronouns,
    refusal_verbs,
    relative_openers,
    relative_pronouns_short,
    relative_time_words,
    respondent_words,
    say_and_tell_forms,
    setting_prepositions,
    subject_pronouns,
    surname_particles,
    tell_forms,
    time_adjectives,
    time_phrase_openers,
    time_phrase_words,
    time_prepositions,
    time_subordinators,
    told_forms,
    courtesy_titles,
    office_titles,
    not_names_after_title,
    titles_only_capitalised,
    not_titles,
);

/// One word class: its words in the file's order (as a slice, through `Deref`), and a hash set
/// of them, so that a membership test on a long class, which the attribution rules run for
/// nearly every token, is one lookup instead of a string comparison per word.
#[derive(Debug)]
pub struct WordClass {
    words: Vec<&'static str>,
    set: FxHashSet<&'static str>,
    /// Bit [`filter_bit`] of each word: a word whose bit is clear is not in the class, found
    /// without hashing it (most words asked about are in no class).
    filter: [u64; FILTER_WORDS],
}

/// Words of [`WordClass::filter`]: 1,024 bits.
const FILTER_WORDS: usize = 16;

/// A word's bit in a class filter, from its length and its first and last bytes.
fn filter_bit(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
    let key = (bytes.len().min(255) as u32) | u32::from(first) << 8 | u32::from(last) << 16;
    (key.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

/// Classes up to this many words are searched in order: as fast as hashing the word.
const SCAN_AT_MOST: usize = 4;

impl WordClass {
    fn new(words: Vec<&'static str>) -> WordClass {
        let set = if words.len() > SCAN_AT_MOST { words.iter().copied().collect() } else { FxHashSet::default() };
        let mut filter = [0; FILTER_WORDS];
        for word in &words {
            let bit = filter_bit(word);
            filter[bit / 64] |= 1 << (bit % 64);
        }
        WordClass { words, set, filter }
    }

    /// Whether `word` is one of the class's words (compared exactly, as `[&str]::contains`).
    pub fn contains(&self, word: &&str) -> bool {
        if self.words.len() <= SCAN_AT_MOST {
            return self.words.contains(word);
        }
        let bit = filter_bit(word);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0 && self.set.contains(*word)
    }

    /// The words, in the file's order.
    pub fn as_slice(&self) -> &[&'static str] {
        &self.words
    }
}

impl Deref for WordClass {
    type Target = [&'static str];

    fn deref(&self) -> &[&'static str] {
        &self.words
    }
}

/// Words that live as long as the program: the classes are parsed once and never freed.
fn leak(words: Vec<String>) -> Vec<&'static str> {
    words.into_iter().map(|w| &*Box::leak(w.into_boxed_str())).collect()
}

/// Parse `source` as an `english.toml`.
fn parse(source: &str) -> Result<English, toml::de::Error> {
    toml::from_str::<RawEnglish>(source).map(English::from_raw)
}

static ENGLISH: LazyLock<English> =
    LazyLock::new(|| parse(SOURCE).expect("the embedded english.toml parses: a unit test checks it"));

/// The English word classes.
pub fn english() -> &'static English {
    &ENGLISH
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_file_loads_with_every_class() {
        let english = parse(SOURCE).unwrap();
        assert!(english.pronouns.contains(&"she"));
        assert!(english.determiners.contains(&"the"));
    }

    #[test]
    fn words_are_lower_case_and_unique_within_a_class() {
        let raw: RawEnglish = toml::from_str(SOURCE).unwrap();
        let english = English::from_raw(raw);
        for (name, words) in english.classes() {
            let mut seen = std::collections::BTreeSet::new();
            for word in words.iter() {
                assert_eq!(*word, word.to_lowercase(), "{name}: {word} is not lower case");
                assert!(seen.insert(*word), "{name}: {word} is listed twice");
            }
        }
    }

    #[test]
    fn membership_agrees_with_the_word_list() {
        let english = english();
        // Every class is asked about every word of every class, and about some strangers: the
        // filter in front of the set must turn away no member.
        let strangers = ["", "The", "said ", "zzz", "s", "é"];
        let everything: Vec<&str> =
            english.classes().into_iter().flat_map(|(_, class)| class.as_slice().to_vec()).chain(strangers).collect();
        for (name, class) in english.classes() {
            let words = class.as_slice();
            for word in &everything {
                assert_eq!(class.contains(word), words.contains(word), "{name}: {word:?}");
            }
        }
        assert!(english.stop_words.len() > SCAN_AT_MOST && english.stop_words.contains(&"until"));
    }

    #[test]
    fn an_unknown_class_is_refused() {
        let extra = format!("{SOURCE}\n[colours]\ndescription = \"x\"\nwords = [\"red\"]\n");
        let err = parse(&extra).unwrap_err().to_string();
        assert!(err.contains("colours"), "{err}");
    }
}
