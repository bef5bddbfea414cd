//! Advice that only `framelens lexicon check` gives: labels that another concept's longer label
//! hides, and loaded words that are also a story's labels. Often intended, so a run does not warn.

use std::collections::{BTreeMap, HashMap};

use super::model::{Concept, LexiconSet};
use super::problem::Problem;
use super::tokens::label_key;
use crate::text::Stemmer;

/// Warnings for loaded words (`[[loaded]]`) that are also a concept's label: in that story the
/// word counts twice, as a label choice and as loaded language. Both places are named. Labels are
/// indexed by their lower-cased text and forms, so the cost is linear in the lexicons' size.
pub fn loaded_duplicates(set: &LexiconSet) -> Vec<Problem> {
    let mut by_form: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    for (ci, concept) in set.concepts.iter().enumerate() {
        for (li, label) in concept.labels.iter().enumerate() {
            for form in std::iter::once(&label.text).chain(&label.forms) {
                by_form.entry(form.to_lowercase()).or_default().push((ci, li));
            }
        }
    }
    let mut problems = Vec::new();
    for entry in &set.loaded {
        // The first label of each concept that has one of the entry's forms, concept by concept.
        let mut found: BTreeMap<usize, usize> = BTreeMap::new();
        for (ci, li) in entry.forms.iter().filter_map(|f| by_form.get(f)).flatten() {
            let first = found.entry(*ci).or_insert(*li);
            *first = (*first).min(*li);
        }
        for (ci, li) in found {
            let (concept, label) = (&set.concepts[ci], &set.concepts[ci].labels[li]);
            let message = format!(
                "loaded word `{}` is also label `{}` of concept `{}` ({}:{}:{})",
                entry.text, label.text, concept.id, concept.file, label.at.0, label.at.1
            );
            let fix = "keep the word in one place: a story's contested label belongs in its story lexicon";
            problems.push(Problem::warning(&entry.file, entry.at, message, fix));
        }
    }
    problems
}

/// Warnings for labels that sit inside a longer label of another concept: where the longer
/// phrase occurs, the match goes to the other concept (leftmost-longest), never to this one.
/// Often intended, so only `lexicon check` reports them. Every run of words inside every label is
/// indexed once (labels are a few words long), so the cost is linear in the number of labels.
pub fn shadowed_labels(concepts: &[Concept]) -> Vec<Problem> {
    let stemmer = Stemmer::default();
    let stemmer = &stemmer;
    let keys: Vec<Vec<Vec<String>>> = concepts
        .iter()
        .map(|c| {
            c.labels
                .iter()
                .map(|l| label_key(&l.text, l.inflect, stemmer).split(' ').map(str::to_string).collect())
                .collect()
        })
        .collect();
    // Each proper run of words inside a label -> the labels holding it, in lexicon order.
    let mut inside: HashMap<&[String], Vec<(usize, usize)>> = HashMap::new();
    for (cj, labels) in keys.iter().enumerate() {
        for (lj, words) in labels.iter().enumerate() {
            let mut runs: Vec<&[String]> = (1..words.len()).flat_map(|n| words.windows(n)).collect();
            runs.sort();
            runs.dedup();
            for run in runs {
                inside.entry(run).or_default().push((cj, lj));
            }
        }
    }
    let mut problems = Vec::new();
    for (ci, concept) in concepts.iter().enumerate() {
        for (li, label) in concept.labels.iter().enumerate() {
            let short: &[String] = &keys[ci][li];
            let longer = inside.get(short).and_then(|holders| holders.iter().find(|(cj, _)| *cj != ci));
            if let Some(&(cj, lj)) = longer {
                let (other, long) = (&concepts[cj], &concepts[cj].labels[lj]);
                let message = format!(
                    "label `{}` (concept `{}`) is inside the longer label `{}` of concept `{}`: where that phrase occurs it counts for `{}` only",
                    label.text, concept.id, long.text, other.id, other.id
                );
                let fix = format!(
                    "fine if `{}` names another referent; otherwise move it to `{}` or add it to `exclude`",
                    long.text, concept.id
                );
                problems.push(Problem::warning(&concept.file, label.at, message, &fix));
            }
        }
    }
    problems
}
