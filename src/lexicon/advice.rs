//! Advice that only `framelens lexicon check` gives: labels that another concept's longer label
//! hides, and loaded words that are also a story's labels. Often intended, so a run does not warn.

use super::model::{Concept, LexiconSet};
use super::problem::Problem;
use super::tokens::label_key;
use crate::text::Stemmer;

/// Warnings for loaded words (`[[loaded]]`) that are also a concept's label: in that story the
/// word counts twice, as a label choice and as loaded language. Both places are named.
pub fn loaded_duplicates(set: &LexiconSet) -> Vec<Problem> {
    let mut problems = Vec::new();
    for entry in &set.loaded {
        for concept in &set.concepts {
            let label = concept.labels.iter().find(|l| {
                let text = l.text.to_lowercase();
                entry.forms.contains(&text) || l.forms.iter().any(|f| entry.forms.contains(&f.to_lowercase()))
            });
            if let Some(label) = label {
                let message = format!(
                    "loaded word `{}` is also label `{}` of concept `{}` ({}:{}:{})",
                    entry.text, label.text, concept.id, concept.file, label.at.0, label.at.1
                );
                let fix = "keep the word in one place: a story's contested label belongs in its story lexicon";
                problems.push(Problem::warning(&entry.file, entry.at, message, fix));
            }
        }
    }
    problems
}

/// Warnings for labels that sit inside a longer label of another concept: where the longer
/// phrase occurs, the match goes to the other concept (leftmost-longest), never to this one.
/// Often intended, so only `lexicon check` reports them.
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
    let mut problems = Vec::new();
    for (ci, concept) in concepts.iter().enumerate() {
        for (li, label) in concept.labels.iter().enumerate() {
            let short = &keys[ci][li];
            let longer = concepts.iter().enumerate().filter(|(cj, _)| *cj != ci).find_map(|(cj, other)| {
                other
                    .labels
                    .iter()
                    .enumerate()
                    .find(|(lj, _)| contains_run(&keys[cj][*lj], short))
                    .map(|(_, l)| (other, l))
            });
            if let Some((other, long)) = longer {
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

/// True when `short` occurs as a run of words inside the longer `long`.
fn contains_run(long: &[String], short: &[String]) -> bool {
    long.len() > short.len() && long.windows(short.len()).any(|w| w == short)
}
