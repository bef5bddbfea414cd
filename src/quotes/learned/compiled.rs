//! The cue model's weights laid out for scoring: every weight a word brings in one record,
//! found with one lookup per word of a sentence, and word pairs keyed by word numbers. Gives
//! exactly the score of the feature strings (`CueModel::score` stays the definition), about ten
//! times faster.

use rustc_hash::FxHashMap;
use std::ops::Range;

use super::{BOUNDARY, ending};
use crate::text::english;
use crate::text::{Document, Token};

/// The weights of the features a word takes part in, one per role.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct WordWeights {
    w: f32,
    p: f32,
    n: f32,
    pp: f32,
    nn: f32,
    s3: f32,
    s2: f32,
    /// `wncap=word_false` and `wncap=word_true`.
    wncap: [f32; 2],
    /// `wpcap=word_false` and `wpcap=word_true`.
    wpcap: [f32; 2],
}

/// A model's weights by word number.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Compiled {
    /// Every word some feature names (and [`BOUNDARY`]), numbered.
    numbers: FxHashMap<String, u32>,
    /// The number of [`BOUNDARY`], the key of a word beyond the sentence, when a feature names it.
    boundary: Option<u32>,
    words: Vec<WordWeights>,
    /// `pw=` pairs: (previous word, word).
    previous_word: FxHashMap<(u32, u32), f32>,
    /// `wn=` pairs: (word, next word).
    word_next: FxHashMap<(u32, u32), f32>,
    /// `s3=` and `s2=`, for words no feature names.
    endings3: FxHashMap<String, f32>,
    endings2: FxHashMap<String, f32>,
    bias: f32,
    /// `pcap=`, `ppron=`, `cap=` and `ncap=`, indexed by false, true.
    pcap: [f32; 2],
    ppron: [f32; 2],
    cap: [f32; 2],
    ncap: [f32; 2],
}

/// The weights of a word no feature names.
const NONE: WordWeights =
    WordWeights { w: 0.0, p: 0.0, n: 0.0, pp: 0.0, nn: 0.0, s3: 0.0, s2: 0.0, wncap: [0.0; 2], wpcap: [0.0; 2] };

/// What scoring needs to know about each word of one sentence.
pub(super) struct SentenceWords {
    /// The sentence's first token.
    start: usize,
    words: Vec<WordInfo>,
    /// Does a word hold an underscore (which pair features cannot number)?
    underscore: bool,
}

/// One word of a sentence: the model's number for it, and whether it is capitalised or a
/// pronoun.
#[derive(Clone, Copy)]
struct WordInfo {
    number: Option<u32>,
    capital: bool,
    pronoun: bool,
}

/// The roles a `name=rest` feature can give a word.
enum Role {
    Word(fn(&mut WordWeights) -> &mut f32),
    Pair(bool),
    Capital(fn(&mut WordWeights) -> &mut [f32; 2]),
}

fn role(name: &str) -> Option<Role> {
    Some(match name {
        "w" => Role::Word(|x| &mut x.w),
        "p" => Role::Word(|x| &mut x.p),
        "n" => Role::Word(|x| &mut x.n),
        "pp" => Role::Word(|x| &mut x.pp),
        "nn" => Role::Word(|x| &mut x.nn),
        "pw" => Role::Pair(true),
        "wn" => Role::Pair(false),
        "wncap" => Role::Capital(|x| &mut x.wncap),
        "wpcap" => Role::Capital(|x| &mut x.wpcap),
        _ => return None,
    })
}

/// "true" → 1, "false" → 0.
fn flag(value: &str) -> Option<usize> {
    match value {
        "false" => Some(0),
        "true" => Some(1),
        _ => None,
    }
}

impl Compiled {
    /// Lay out `weights` (feature name → weight). A pair feature whose words cannot be told
    /// apart (an underscore inside a word) is left out: [`Compiled::score`] scores a word with
    /// an underscore near it from the feature strings instead.
    pub(super) fn new(weights: &FxHashMap<String, f32>) -> Compiled {
        let mut c = Compiled::default();
        // Sorted, so that words are numbered the same way every time.
        let mut features: Vec<(&String, &f32)> = weights.iter().collect();
        features.sort_by(|a, b| a.0.cmp(b.0));
        for (feature, &weight) in features {
            let (name, rest) = feature.split_once('=').unwrap_or((feature, ""));
            match (name, role(name)) {
                ("bias", _) => c.bias = weight,
                ("s3", _) => _ = c.endings3.insert(rest.to_string(), weight),
                ("s2", _) => _ = c.endings2.insert(rest.to_string(), weight),
                ("pcap" | "ppron" | "cap" | "ncap", _) => {
                    if let Some(at) = flag(rest) {
                        let slot = match name {
                            "pcap" => &mut c.pcap,
                            "ppron" => &mut c.ppron,
                            "cap" => &mut c.cap,
                            _ => &mut c.ncap,
                        };
                        slot[at] = weight;
                    }
                }
                (_, Some(Role::Word(field))) => *field(c.record(rest)) = weight,
                (_, Some(Role::Pair(previous))) => {
                    if let Some((left, right)) = rest.split_once('_').filter(|(_, r)| !r.contains('_')) {
                        let key = (c.number(left), c.number(right));
                        let pairs = if previous { &mut c.previous_word } else { &mut c.word_next };
                        pairs.insert(key, weight);
                    }
                }
                (_, Some(Role::Capital(field))) => {
                    if let Some((word, at)) = rest.rsplit_once('_').and_then(|(w, v)| Some((w, flag(v)?))) {
                        field(c.record(word))[at] = weight;
                    }
                }
                _ => {}
            }
        }
        let numbered: Vec<(String, u32)> = c.numbers.iter().map(|(w, &n)| (w.clone(), n)).collect();
        for (word, number) in numbered {
            let record = &mut c.words[number as usize];
            record.s3 = c.endings3.get(ending(&word, 3)).copied().unwrap_or(0.0);
            record.s2 = c.endings2.get(ending(&word, 2)).copied().unwrap_or(0.0);
        }
        c.boundary = c.numbers.get(BOUNDARY).copied();
        c
    }

    fn number(&mut self, word: &str) -> u32 {
        if let Some(&n) = self.numbers.get(word) {
            return n;
        }
        let n = self.words.len() as u32;
        self.numbers.insert(word.to_string(), n);
        self.words.push(WordWeights::default());
        n
    }

    fn record(&mut self, word: &str) -> &mut WordWeights {
        let n = self.number(word);
        &mut self.words[n as usize]
    }

    /// What scoring needs to know about each word of `sentence`.
    pub(super) fn sentence(&self, doc: &Document, sentence: &Range<usize>) -> SentenceWords {
        let tokens = &doc.tokens[sentence.clone()];
        let info = |t: &Token| WordInfo {
            number: self.numbers.get(t.key.as_str()).copied(),
            capital: doc.text[t.span.start..].starts_with(|c: char| c.is_uppercase()),
            pronoun: english().cue_model_pronouns.contains(&t.key.as_str()),
        };
        SentenceWords {
            start: sentence.start,
            words: tokens.iter().map(info).collect(),
            underscore: tokens.iter().any(|t| t.key.contains('_')),
        }
    }

    /// The score of token `i` of the sentence `words` describes, or None when a word of the
    /// sentence holds an underscore (the caller scores it from the feature strings). The weights
    /// are added in the order of the feature list, so the sum is the same to the bit.
    pub(super) fn score(&self, doc: &Document, words: &SentenceWords, i: usize) -> Option<f32> {
        if words.underscore {
            return None;
        }
        // Positions in the sentence; None beyond it.
        let at = |j: Option<usize>| j.and_then(|j| words.words.get(j.checked_sub(words.start)?));
        let boundary = self.boundary;
        let number = |j: Option<usize>| at(j).map_or(boundary, |x| x.number);
        let capital = |j: Option<usize>| at(j).is_some_and(|x| x.capital);
        let pronoun = |j: Option<usize>| at(j).is_some_and(|x| x.pronoun);
        let (previous, next) = (i.checked_sub(1), Some(i + 1));
        let pcap = capital(previous) && !pronoun(previous);
        let (ppron, cap, ncap) = (pronoun(previous), capital(Some(i)), capital(next));
        let weights = |n: Option<u32>| n.map_or(&NONE, |n| &self.words[n as usize]);
        let (w, p, n) = (number(Some(i)), number(previous), number(next));
        let pair = |pairs: &FxHashMap<(u32, u32), f32>, a: Option<u32>, b: Option<u32>| match (a, b) {
            (Some(a), Some(b)) => pairs.get(&(a, b)).copied().unwrap_or(0.0),
            _ => 0.0,
        };
        let word = weights(w);
        let (s3, s2) = match w {
            Some(_) => (word.s3, word.s2),
            None => {
                let key = doc.tokens[i].key.as_str();
                let get = |endings: &FxHashMap<String, f32>, k| endings.get(ending(key, k)).copied().unwrap_or(0.0);
                (get(&self.endings3, 3), get(&self.endings2, 2))
            }
        };
        let mut score = 0.0f32;
        for weight in [
            self.bias,
            word.w,
            weights(p).p,
            weights(n).n,
            weights(number(i.checked_sub(2))).pp,
            weights(number(Some(i + 2))).nn,
            pair(&self.previous_word, p, w),
            pair(&self.word_next, w, n),
            s3,
            s2,
            self.pcap[usize::from(pcap)],
            self.ppron[usize::from(ppron)],
            self.cap[usize::from(cap)],
            self.ncap[usize::from(ncap)],
            word.wncap[usize::from(ncap)],
            word.wpcap[usize::from(pcap)],
        ] {
            score += weight;
        }
        Some(score)
    }
}
