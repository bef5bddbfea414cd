//! Scoring `lexicon suggest` against word-choice annotations (the NewsWCL50 layout): for each
//! story, how many of the annotated labels that differ between outlets are among the top
//! candidates.

use crate::text::english;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::lexicon::{Inflect, label_key};
use crate::suggest::{Candidate, is_stop_word};
use crate::text::Stemmer;

/// One annotated mention: story, concept, outlet and the words used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Story (event) id as in the annotations.
    pub story: String,
    /// Concept (code name).
    pub concept: String,
    /// Outlet (publisher) id.
    pub outlet: String,
    /// The words the outlet used.
    pub text: String,
}

/// Read NewsWCL50's `annotations.csv` (first line `sep=,`).
pub fn read_mentions(text: &str) -> Result<Vec<Mention>, csv::Error> {
    let body = text.strip_prefix("sep=,").map_or(text, |rest| rest.trim_start_matches(['\r', '\n']));
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    let headers = reader.headers()?.clone();
    let column = |name: &str| headers.iter().position(|h| h == name);
    let (Some(story), Some(concept), Some(outlet), Some(words)) =
        (column("event_id"), column("code_name"), column("publisher_id"), column("code_mention"))
    else {
        return Err(csv::Error::from(std::io::Error::other(
            "annotations need event_id, code_name, publisher_id and code_mention columns",
        )));
    };
    let mut mentions = Vec::new();
    for record in reader.records() {
        let r = record?;
        let get = |i: usize| r.get(i).unwrap_or("").to_string();
        mentions.push(Mention { story: get(story), concept: get(concept), outlet: get(outlet), text: get(words) });
    }
    Ok(mentions)
}

/// A mention as a term key (stems, function words trimmed from both ends), if it can be a
/// candidate at all: one to three words, not a pronoun.
pub fn mention_key(text: &str, stemmer: &Stemmer) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let start = words.iter().position(|w| !is_stop_word(w.trim_end_matches('.')))?;
    let end = words.iter().rposition(|w| !is_stop_word(w.trim_end_matches('.')))?;
    let kept = &words[start..=end];
    if kept.is_empty() || kept.len() > 3 || kept.iter().any(|w| english().not_labels.contains(w)) {
        return None;
    }
    let key = label_key(&kept.join(" "), Inflect::Stem, stemmer);
    (!key.is_empty() && key.split(' ').count() <= 3).then_some(key)
}

/// The gold labels of each story: mention keys of a concept that some outlets use and others
/// (that mention the concept) do not.
pub fn differing_labels(mentions: &[Mention], stemmer: &Stemmer) -> BTreeMap<String, BTreeSet<String>> {
    let mut by_concept: BTreeMap<(&str, &str), BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    let mut outlets: BTreeMap<(&str, &str), BTreeSet<&str>> = BTreeMap::new();
    for m in mentions {
        let slot = (m.story.as_str(), m.concept.as_str());
        outlets.entry(slot).or_default().insert(&m.outlet);
        if let Some(key) = mention_key(&m.text, stemmer) {
            by_concept.entry(slot).or_default().entry(key).or_default().insert(&m.outlet);
        }
    }
    let mut gold: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (slot, keys) in by_concept {
        let all = &outlets[&slot];
        if all.len() < 2 {
            continue;
        }
        for (key, users) in keys {
            if users.len() < all.len() {
                gold.entry(slot.0.to_string()).or_default().insert(key);
            }
        }
    }
    gold
}

/// One story's candidates merged across outlets: first candidates of every outlet, then second
/// ones, and so on, each term once.
pub fn merged_candidates(ranked: &[Vec<Candidate>]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut merged = Vec::new();
    let longest = ranked.iter().map(Vec::len).max().unwrap_or(0);
    for rank in 0..longest {
        for list in ranked {
            if let Some(c) = list.get(rank)
                && seen.insert(c.key.clone())
            {
                merged.push(c.key.clone());
            }
        }
    }
    merged
}

/// Recall of one story at the given cut-offs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryRecall {
    /// Story id.
    pub story: String,
    /// Gold labels.
    pub gold: usize,
    /// Gold labels that occur at all in the outlets' own voice (the most any ranking can find).
    pub countable: usize,
    /// Candidates proposed (all outlets merged).
    pub candidates: usize,
    /// (cut-off, gold labels among the first `cut-off` candidates, recall).
    pub at: Vec<(usize, usize, f64)>,
}

/// Recall of `gold` among the first `k` of `candidates`, for each `k` in `cutoffs`.
pub fn story_recall(story: &str, gold: &BTreeSet<String>, candidates: &[String], cutoffs: &[usize]) -> StoryRecall {
    let at = cutoffs
        .iter()
        .map(|&k| {
            let top: BTreeSet<&String> = candidates.iter().take(k).collect();
            let found = gold.iter().filter(|g| top.contains(g)).count();
            (k, found, if gold.is_empty() { 0.0 } else { found as f64 / gold.len() as f64 })
        })
        .collect();
    StoryRecall { story: story.to_string(), gold: gold.len(), countable: 0, candidates: candidates.len(), at }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_become_keys_without_function_words_or_pronouns() {
        let s = Stemmer::default();
        assert_eq!(mention_key("the North Korean dictator", &s), Some("north korean dictat".to_string()));
        assert_eq!(mention_key("Mr. Trump", &s), Some("trump".to_string()));
        assert_eq!(mention_key("he", &s), None);
        assert_eq!(mention_key("the leader of the free world today", &s), None, "more than three words");
    }

    #[test]
    fn gold_keeps_labels_that_differ_between_outlets() {
        let m = |outlet: &str, text: &str| Mention {
            story: "0".into(),
            concept: "Kim".into(),
            outlet: outlet.into(),
            text: text.into(),
        };
        let s = Stemmer::default();
        let gold = differing_labels(&[m("LL", "Kim"), m("RR", "Kim"), m("RR", "dictator"), m("L", "Kim")], &s);
        assert_eq!(gold["0"], BTreeSet::from(["dictat".to_string()]), "`Kim` is used by every outlet");
    }

    #[test]
    fn recall_counts_gold_among_the_first_k() {
        let gold: BTreeSet<String> = ["a", "b"].map(String::from).into();
        let candidates: Vec<String> = ["x", "a", "y", "b"].map(String::from).to_vec();
        let r = story_recall("s", &gold, &candidates, &[2, 4]);
        assert_eq!(r.at, vec![(2, 1, 0.5), (4, 2, 1.0)]);
    }
}
