//! Groups of alternative labels: terms that fill the same slot ("parliament voted to ___ foreign
//! troops") in different groups' texts, named after the most frequent one.

use std::collections::BTreeSet;

use super::rank::{Candidate, Contexts, SuggestOptions, frequent_terms, similarity, unit_contexts};
use super::terms::TermTable;

/// A proposed concept: alternative terms for one referent.
#[derive(Debug, Clone, PartialEq)]
pub struct SlotGroup {
    /// The most frequent member (the group's name).
    pub name: String,
    /// Member keys, the name first, then by similarity to it.
    pub members: Vec<String>,
    /// Similarity of each member to the name (1 for the name).
    pub similarity: Vec<f64>,
}

/// Most members per group.
const MAX_MEMBERS: usize = 8;
/// Frequent terms that may seed or join a group, besides the candidates.
const POOL: usize = 300;

/// Propose groups among the candidates and the corpus's frequent terms. A term joins the group
/// of a more frequent term when their contexts are similar, they share no word, and the groups
/// (outlets) using them differ; each term is in at most one group.
pub fn slot_groups(table: &TermTable, candidates: &[Vec<Candidate>], options: &SuggestOptions) -> Vec<SlotGroup> {
    let mut pool: Vec<String> = frequent_terms(table, POOL);
    for c in candidates.iter().flatten() {
        if !pool.contains(&c.key) {
            pool.push(c.key.clone());
        }
    }
    pool.sort_by(|a, b| table.terms[b].total().cmp(&table.terms[a].total()).then(a.cmp(b)));
    let contexts = unit_contexts(table, pool.iter());
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut groups = Vec::new();
    for seed in &pool {
        if taken.contains(seed) {
            continue;
        }
        let group = grow(table, &contexts, &pool, seed, &taken, options.similarity);
        if group.members.len() >= 2 {
            taken.extend(group.members.iter().cloned());
            groups.push(group);
        }
    }
    groups
}

fn users(table: &TermTable, key: &str) -> Vec<bool> {
    table.terms[key].uses.iter().map(|&u| u > 0).collect()
}

fn shares_a_word(a: &str, b: &str) -> bool {
    let words: BTreeSet<&str> = a.split(' ').collect();
    b.split(' ').any(|w| words.contains(w))
}

fn grow(
    table: &TermTable,
    contexts: &Contexts,
    pool: &[String],
    seed: &str,
    taken: &BTreeSet<String>,
    threshold: f64,
) -> SlotGroup {
    let mut near: Vec<(f64, &String)> = pool
        .iter()
        .filter(|t| t.as_str() != seed && !taken.contains(*t))
        .filter(|t| users(table, t) != users(table, seed) && !shares_a_word(seed, t))
        .map(|t| (similarity(contexts, seed, t), t))
        .filter(|(s, _)| *s >= threshold)
        .collect();
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let mut group = SlotGroup { name: seed.to_string(), members: vec![seed.to_string()], similarity: vec![1.0] };
    for (s, term) in near {
        if group.members.len() >= MAX_MEMBERS {
            break;
        }
        if group.members.iter().any(|m| shares_a_word(m, term)) {
            continue;
        }
        group.members.push(term.clone());
        group.similarity.push(s);
    }
    group
}
