//! Learned cues: an averaged perceptron that scores each word of the writer's own voice as part
//! of a reporting cue or not, trained on gold attributions (PolNeAR train). It finds the long tail
//! of cues no list holds ("plans to", "has championed", "strongly denied"). Owns the features,
//! the model file (`models/attribution-cues.tsv`), training and scoring; `attribute` turns the
//! cues it finds into attributions.

use crate::text::english;
use rustc_hash::FxHashMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::text::{Document, TokenKind};

mod compiled;

use compiled::{Compiled, SentenceWords};

/// The model shipped with framelens, trained by `framelens train cues` on PolNeAR train.
const SHIPPED: &str = include_str!("../../models/attribution-cues.tsv");

/// Its path, for messages.
pub const SHIPPED_PATH: &str = "models/attribution-cues.tsv";

/// Feature weights of a trained perceptron and the score above which a word is a cue.
#[derive(Clone, Debug, PartialEq)]
pub struct CueModel {
    weights: FxHashMap<String, f32>,
    threshold: f32,
    /// The same weights laid out for [`SentenceScorer`].
    compiled: Compiled,
}

/// A model file line that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "line {line}: {message} (a model file is `# threshold<TAB>T` then `feature<TAB>weight` lines, as `framelens train cues` writes it)"
)]
pub struct ModelError {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

impl ModelError {
    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        "fix the line, or train the model again with `framelens train cues`"
    }
}

impl CueModel {
    fn new(weights: FxHashMap<String, f32>, threshold: f32) -> CueModel {
        let compiled = Compiled::new(&weights);
        CueModel { weights, threshold, compiled }
    }

    /// The shipped model.
    pub fn shipped() -> CueModel {
        // The shipped file is checked by a test; a broken one is a build defect, not bad input.
        CueModel::parse(SHIPPED).unwrap_or_else(|e| panic!("{SHIPPED_PATH} line {}: {}", e.line, e.message))
    }

    /// Read a model file: `# threshold<TAB>T` then one `feature<TAB>weight` per line; lines
    /// starting with `#` are comments.
    pub fn parse(source: &str) -> Result<CueModel, ModelError> {
        let mut weights = FxHashMap::default();
        let mut threshold = 0.0;
        for (i, line) in source.lines().enumerate() {
            let error = |message: &str| ModelError { line: i + 1, message: message.to_string() };
            if let Some(rest) = line.strip_prefix("# threshold\t") {
                threshold = rest.trim().parse().map_err(|_| error("the threshold is not a number"))?;
                continue;
            }
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let (feature, weight) = line.split_once('\t').ok_or_else(|| error("expected feature<TAB>weight"))?;
            let weight: f32 = weight.trim().parse().map_err(|_| error("the weight is not a number"))?;
            if weights.insert(feature.to_string(), weight).is_some() {
                return Err(error("this feature is listed twice"));
            }
        }
        Ok(CueModel::new(weights, threshold))
    }

    /// The model file: the threshold, then features sorted by name, so that the same training
    /// gives the same bytes.
    pub fn to_tsv(&self) -> String {
        let mut features: Vec<(&String, &f32)> = self.weights.iter().collect();
        features.sort_by(|a, b| a.0.cmp(b.0));
        let mut out = String::from(
            "# framelens attribution cue model: averaged perceptron weights, one feature per line.\n\
             # A word is a cue when the sum of its features' weights is above the threshold.\n",
        );
        let _ = writeln!(out, "# threshold\t{}", self.threshold);
        for (feature, weight) in features {
            let _ = writeln!(out, "{feature}\t{weight:.4}");
        }
        out
    }

    /// The same weights with another threshold.
    pub fn with_threshold(self, threshold: f32) -> CueModel {
        CueModel { threshold, ..self }
    }

    /// The score above which a word is a cue.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// Number of features with a weight.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// True when no feature has a weight.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// A scorer for the words of `sentence` (a token range) that looks each word up once:
    /// the same scores as [`CueModel::score`], much faster.
    pub fn scorer<'a>(&'a self, doc: &'a Document<'a>, sentence: Range<usize>) -> SentenceScorer<'a> {
        let words = self.compiled.sentence(doc, &sentence);
        SentenceScorer { model: self, doc, sentence, words }
    }

    /// The score of token `i` (in `sentence`, a token range) as part of a cue: the sum of the
    /// weights of its [`features`].
    pub fn score(&self, doc: &Document, sentence: Range<usize>, i: usize) -> f32 {
        let mut score = 0.0;
        each_feature(doc, sentence, i, |f| score += self.weights.get(f).copied().unwrap_or(0.0));
        score
    }

    /// Is token `i` part of a cue?
    pub fn is_cue(&self, doc: &Document, sentence: Range<usize>, i: usize) -> bool {
        self.score(doc, sentence, i) > self.threshold
    }
}

/// Scores the words of one sentence (see [`CueModel::scorer`]).
pub struct SentenceScorer<'a> {
    model: &'a CueModel,
    doc: &'a Document<'a>,
    sentence: Range<usize>,
    /// Its words as the compiled model sees them.
    words: SentenceWords,
}

impl SentenceScorer<'_> {
    /// The score of token `i` of the sentence.
    pub fn score(&self, i: usize) -> f32 {
        self.model
            .compiled
            .score(self.doc, &self.words, i)
            .unwrap_or_else(|| self.model.score(self.doc, self.sentence.clone(), i))
    }

    /// Is token `i` part of a cue?
    pub fn is_cue(&self, i: usize) -> bool {
        self.score(i) > self.model.threshold
    }
}

/// Can token `i` be (part of) a cue at all? Words only.
pub fn is_candidate(doc: &Document, i: usize) -> bool {
    doc.tokens[i].kind == TokenKind::Word
}

/// The features of token `i` of `sentence`: the word, its neighbours two either side, the
/// pairs it forms with them, its ending, and whether it and its neighbours are capitalised or
/// pronouns.
pub fn features(doc: &Document, sentence: Range<usize>, i: usize) -> Vec<String> {
    let mut out = Vec::with_capacity(16);
    each_feature(doc, sentence, i, |f| out.push(f.to_string()));
    out
}

/// What the features of one word are made of: the keys of the word and of its neighbours
/// (`<s>` beyond the sentence) and which of them are capitalised or pronouns.
struct Context<'a> {
    w: &'a str,
    p: &'a str,
    n: &'a str,
    pp: &'a str,
    nn: &'a str,
    /// The previous word is capitalised and not a pronoun.
    pcap: bool,
    /// The previous word is a pronoun.
    ppron: bool,
    /// The word is capitalised.
    cap: bool,
    /// The next word is capitalised.
    ncap: bool,
}

impl<'a> Context<'a> {
    fn of(doc: &'a Document, sentence: &Range<usize>, i: usize) -> Context<'a> {
        let key = |j: Option<usize>| match j {
            Some(j) if sentence.contains(&j) => doc.tokens[j].key.as_str(),
            _ => BOUNDARY,
        };
        let capital = |j: Option<usize>| {
            j.filter(|j| sentence.contains(j))
                .is_some_and(|j| doc.text[doc.tokens[j].span.start..].starts_with(|c: char| c.is_uppercase()))
        };
        let p = key(i.checked_sub(1));
        Context {
            w: key(Some(i)),
            p,
            n: key(Some(i + 1)),
            pp: key(i.checked_sub(2)),
            nn: key(Some(i + 2)),
            pcap: capital(i.checked_sub(1)) && !english().cue_model_pronouns.contains(&p),
            ppron: english().cue_model_pronouns.contains(&p),
            cap: capital(Some(i)),
            ncap: capital(Some(i + 1)),
        }
    }
}

/// The key that stands for a word beyond the sentence.
const BOUNDARY: &str = "<s>";

/// The last `k` characters of `word` (all of it when shorter).
fn ending(word: &str, k: usize) -> &str {
    word.char_indices().rev().nth(k - 1).map_or(word, |(at, _)| &word[at..])
}

/// Call `visit` with each of [`features`], written into one reused buffer.
fn each_feature(doc: &Document, sentence: Range<usize>, i: usize, mut visit: impl FnMut(&str)) {
    let Context { w, p, n, pp, nn, pcap, ppron, cap, ncap } = Context::of(doc, &sentence, i);
    let bool_str = |b: bool| if b { "true" } else { "false" };
    let mut buffer = String::with_capacity(64);
    let mut emit = |parts: &[&str]| {
        buffer.clear();
        parts.iter().for_each(|p| buffer.push_str(p));
        visit(&buffer);
    };
    emit(&["bias"]);
    emit(&["w=", w]);
    emit(&["p=", p]);
    emit(&["n=", n]);
    emit(&["pp=", pp]);
    emit(&["nn=", nn]);
    emit(&["pw=", p, "_", w]);
    emit(&["wn=", w, "_", n]);
    emit(&["s3=", ending(w, 3)]);
    emit(&["s2=", ending(w, 2)]);
    emit(&["pcap=", bool_str(pcap)]);
    emit(&["ppron=", bool_str(ppron)]);
    emit(&["cap=", bool_str(cap)]);
    emit(&["ncap=", bool_str(ncap)]);
    emit(&["wncap=", w, "_", bool_str(ncap)]);
    emit(&["wpcap=", w, "_", bool_str(pcap)]);
}

/// One training example: a word's features and whether gold marks it as part of a cue.
pub struct Example {
    /// Its features.
    pub features: Vec<String>,
    /// Part of a gold cue?
    pub cue: bool,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Training {
    /// Passes over the examples.
    pub epochs: usize,
    /// Features seen fewer times than this are left out (keeps the model small and general).
    pub min_count: usize,
}

impl Default for Training {
    fn default() -> Training {
        Training { epochs: 5, min_count: 5 }
    }
}

/// Train an averaged perceptron on `examples`. The examples are visited in an order shuffled
/// by a fixed seed, so the same examples give the same model.
pub fn train(examples: &[Example], settings: Training) -> CueModel {
    let (names, encoded) = encode(examples, settings.min_count);
    let mut weights = vec![0.0f64; names.len()];
    let mut totals = vec![0.0f64; names.len()];
    let mut stamps = vec![0u64; names.len()];
    let mut step = 0u64;
    let mut order: Vec<usize> = (0..encoded.len()).collect();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..settings.epochs {
        shuffle(&mut order, &mut seed);
        for &e in &order {
            step += 1;
            let (features, cue) = &encoded[e];
            let score: f64 = features.iter().map(|&f| weights[f]).sum();
            let target = if *cue { 1.0 } else { -1.0 };
            if score * target > 0.0 {
                continue;
            }
            for &f in features {
                totals[f] += (step - stamps[f]) as f64 * weights[f];
                stamps[f] = step;
                weights[f] += target;
            }
        }
    }
    let averaged = names.into_iter().enumerate().filter_map(|(f, name)| {
        let total = totals[f] + (step - stamps[f]) as f64 * weights[f];
        let weight = (total / step.max(1) as f64) as f32;
        (weight.abs() >= 1e-4).then_some((name, weight))
    });
    CueModel::new(averaged.collect(), 0.0)
}

/// Number the features seen at least `min_count` times; each example as feature numbers.
fn encode(examples: &[Example], min_count: usize) -> (Vec<String>, Vec<(Vec<usize>, bool)>) {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for e in examples {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<String> = counts.iter().filter(|(_, c)| **c >= min_count).map(|(f, _)| f.to_string()).collect();
    names.sort();
    let index: FxHashMap<&str, usize> = names.iter().enumerate().map(|(i, f)| (f.as_str(), i)).collect();
    let encoded = examples
        .iter()
        .map(|e| (e.features.iter().filter_map(|f| index.get(f.as_str()).copied()).collect(), e.cue))
        .collect();
    (names, encoded)
}

/// Fisher–Yates with a xorshift generator: a fixed, platform-independent order.
fn shuffle(order: &mut [usize], seed: &mut u64) {
    for i in (1..order.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        let j = (*seed % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextOptions;

    fn doc(text: &str) -> Document<'_> {
        Document::parse(text, TextOptions::KEEP_ALL)
    }

    #[test]
    fn parse_reads_threshold_and_weights_and_names_bad_lines() {
        let model = CueModel::parse("# threshold\t-0.5\n# a comment\nw=said\t2.5\nbias\t-1\n").unwrap();
        assert_eq!(model.len(), 2);
        assert_eq!(model.threshold, -0.5);
        let bad = CueModel::parse("w=said\t2.5\nw=told 1\n").unwrap_err();
        assert_eq!(bad, ModelError { line: 2, message: "expected feature<TAB>weight".to_string() });
        assert_eq!(CueModel::parse("w=said\tx\n").unwrap_err().message, "the weight is not a number");
        assert_eq!(CueModel::parse("bias\t1\nbias\t2\n").unwrap_err().line, 2);
    }

    #[test]
    fn to_tsv_round_trips_and_sorts() {
        let model = CueModel::parse("w=said\t2.5\nbias\t-1\n").unwrap();
        let tsv = model.to_tsv();
        assert!(tsv.contains("# threshold\t0\nbias\t-1.0000\nw=said\t2.5000\n"), "{tsv}");
        assert_eq!(CueModel::parse(&tsv).unwrap(), model);
    }

    #[test]
    fn features_stop_at_the_sentence_and_see_capitals() {
        let d = doc("Senator Lee believes the plan fails. Next one.");
        let sentence = d.sentences[0].tokens.clone();
        let believes = d.tokens.iter().position(|t| t.key == "believes").unwrap();
        let f = features(&d, sentence.clone(), believes);
        for expected in ["w=believes", "p=lee", "pp=senator", "n=the", "pw=lee_believes", "s3=ves", "pcap=true"] {
            assert!(f.contains(&expected.to_string()), "{expected} missing from {f:?}");
        }
        let fails = d.tokens.iter().position(|t| t.key == "fails").unwrap();
        assert!(features(&d, sentence, fails).contains(&"nn=<s>".to_string()));
    }

    #[test]
    fn training_learns_a_cue_word_from_examples_and_is_deterministic() {
        let texts = ["Ann believes it will rain.", "Bob believes they lost.", "Cal eats it daily.", "Dee eats lunch."];
        let mut examples = Vec::new();
        for text in texts {
            let d = doc(text);
            let sentence = d.sentences[0].tokens.clone();
            for i in sentence.clone().filter(|&i| is_candidate(&d, i)) {
                examples
                    .push(Example { features: features(&d, sentence.clone(), i), cue: d.tokens[i].key == "believes" });
            }
        }
        let settings = Training { epochs: 5, min_count: 1 };
        let model = train(&examples, settings);
        assert_eq!(model.to_tsv(), train(&examples, settings).to_tsv());
        let d = doc("Eve believes the vote failed.");
        let sentence = d.sentences[0].tokens.clone();
        let cues: Vec<&str> = sentence
            .clone()
            .filter(|&i| model.is_cue(&d, sentence.clone(), i))
            .map(|i| d.tokens[i].key.as_str())
            .collect();
        assert_eq!(cues, ["believes"]);
    }

    /// Every token of `text` gets the same score, to the bit, from the scorer as from the
    /// feature strings.
    fn assert_scorer_matches_features(model: &CueModel, text: &str) {
        let d = doc(text);
        for sentence in &d.sentences {
            let scorer = model.scorer(&d, sentence.tokens.clone());
            for i in sentence.tokens.clone() {
                let (fast, slow) = (scorer.score(i), model.score(&d, sentence.tokens.clone(), i));
                assert_eq!(fast.to_bits(), slow.to_bits(), "{:?} in {text:?}: {fast} against {slow}", d.tokens[i].key);
            }
        }
    }

    #[test]
    fn scorer_gives_the_feature_strings_score_to_the_bit() {
        let model = CueModel::shipped();
        for text in [
            "Senator Lee believes the plan fails. He said it would not pass, officials told Reuters.",
            "“We will win,” she insisted on Tuesday; the Zyxwvut qwertyuiop reportedly disputed it.",
            "They plan to call on young people. I think so. It was, Mr. Ortiz argued, unfair!",
            "An under_score word and snake_case_names in a sentence said to be odd.",
            "Short.",
        ] {
            assert_scorer_matches_features(&model, text);
        }
    }

    #[test]
    fn scorer_reads_every_kind_of_feature() {
        // One weight per feature kind, in powers of two so that a missing or doubled one shows.
        let tsv = "bias\t1\nw=said\t2\np=he\t4\nn=that\t8\npp=<s>\t16\nnn=the\t32\npw=he_said\t64\n\
                   wn=said_that\t128\ns3=aid\t256\ns2=id\t512\npcap=false\t1024\nppron=true\t2048\n\
                   cap=false\t4096\nncap=false\t8192\nwncap=said_false\t16384\nwpcap=said_false\t32768\n\
                   pw=a_b_c\t0.5\n";
        let model = CueModel::parse(tsv).unwrap();
        let d = doc("He said that the vote failed.");
        let sentence = d.sentences[0].tokens.clone();
        assert_eq!(model.scorer(&d, sentence.clone()).score(1), 65535.0);
        assert_eq!(model.score(&d, sentence, 1), 65535.0);
        assert_scorer_matches_features(&model, "He said that the vote failed. Snake_case said a_b c.");
    }

    #[test]
    fn shipped_model_reads() {
        assert!(CueModel::shipped().len() > 1_000);
    }
}
