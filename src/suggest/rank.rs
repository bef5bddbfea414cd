//! Ranking the terms that distinguish each group from all the others (one-vs-rest log-odds),
//! and how well each candidate fills a slot that other groups fill with other words.

use std::collections::BTreeMap;

use super::log_odds::{LogOdds, Prior, TermCounts, log_odds};
use super::terms::{TermStats, TermTable};

/// How candidates are ranked and grouped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SuggestOptions {
    /// Candidates kept per group.
    pub top: usize,
    /// Prior strength: `alpha_w = prior × (uses of w in the whole corpus)`.
    pub prior: f64,
    /// Fewest uses (in the group) for a candidate.
    pub min_count: u32,
    /// Context similarity (cosine) from which two terms fill the same slot.
    pub similarity: f64,
}

impl Default for SuggestOptions {
    fn default() -> Self {
        SuggestOptions { top: 50, prior: 0.1, min_count: 1, similarity: 0.3 }
    }
}

/// A term that distinguishes one group.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Term key (stems).
    pub key: String,
    /// Uses by the group.
    pub uses: u32,
    /// Uses by all other groups.
    pub rest: u32,
    /// Log-odds against the rest.
    pub odds: LogOdds,
    /// Best context similarity with a term the group never uses but others do (0 when none).
    pub slot: f64,
    /// That term.
    pub slot_term: Option<String>,
}

/// Context vectors scaled to length 1, for cosine similarity by dot product.
pub type Contexts = BTreeMap<String, BTreeMap<String, f64>>;

/// Unit context vectors of the given terms, weighted by positive pointwise mutual information, so
/// that contexts every term shares ("the ___ of") count little and telling ones ("voted to ___
/// foreign troops") count much.
pub fn unit_contexts<'a>(table: &TermTable, keys: impl IntoIterator<Item = &'a String>) -> Contexts {
    let mut feature_totals: BTreeMap<&str, f64> = BTreeMap::new();
    for stats in table.terms.values() {
        for (f, c) in &stats.contexts {
            *feature_totals.entry(f).or_default() += c;
        }
    }
    let all: f64 = feature_totals.values().sum();
    keys.into_iter()
        .filter_map(|k| {
            let stats = table.terms.get(k)?;
            let term_total: f64 = stats.contexts.values().sum();
            let weights: BTreeMap<String, f64> = stats
                .contexts
                .iter()
                .map(|(f, c)| (f.clone(), (c * all / (term_total * feature_totals[f.as_str()])).ln().max(0.0)))
                .filter(|(_, w)| *w > 0.0)
                .collect();
            let norm = weights.values().map(|v| v * v).sum::<f64>().sqrt();
            (norm > 0.0).then(|| (k.clone(), weights.into_iter().map(|(f, v)| (f, v / norm)).collect()))
        })
        .collect()
}

/// Cosine similarity of two unit vectors.
pub fn similarity(contexts: &Contexts, a: &str, b: &str) -> f64 {
    let (Some(a), Some(b)) = (contexts.get(a), contexts.get(b)) else { return 0.0 };
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small.iter().filter_map(|(f, v)| large.get(f).map(|w| v * w)).sum()
}

/// Log-odds of `stats` for group `g` against the rest. With several stories, the contrast is
/// computed within each story and pooled ([`stratified_odds`]), so that a story one outlet
/// covered more, or at greater length, does not make its words that outlet's.
pub fn term_odds(table: &TermTable, stats: &TermStats, g: usize, prior: f64) -> LogOdds {
    if table.stories.len() > 1 {
        return stratified_odds(table, stats, g, prior);
    }
    let totals = &table.totals[stats.n - 1];
    let all: f64 = totals.iter().sum();
    let used = f64::from(stats.uses[g]);
    let counts = TermCounts {
        group: used,
        group_total: totals[g],
        rest: f64::from(stats.total()) - used,
        rest_total: all - totals[g],
    };
    log_odds(counts, Prior { term: prior * f64::from(stats.total()), total: prior * all })
}

/// Log-odds of `stats` for group `g` against the rest within each story where the term occurs
/// and both sides wrote (each with the story's own prior), pooled with inverse-variance weights
/// as in a fixed-effect meta-analysis: `δ = Σ δ_s/σ_s² / Σ 1/σ_s²`, `σ² = 1 / Σ 1/σ_s²`. A term
/// used only in stories the rest did not cover has no contrast (`z = 0`).
pub fn stratified_odds(table: &TermTable, stats: &TermStats, g: usize, prior: f64) -> LogOdds {
    let n = stats.n - 1;
    // The term's uses in each story where it occurs: by the group, and by everyone.
    let mut in_stories: BTreeMap<usize, (f64, f64)> = BTreeMap::new();
    for (&(s, h), &c) in &stats.by_story {
        let uses = in_stories.entry(s).or_default();
        uses.1 += f64::from(c);
        if h == g {
            uses.0 += f64::from(c);
        }
    }
    let (mut weighted, mut weights) = (0.0, 0.0);
    for (s, (used, all_uses)) in in_stories {
        let (mut group_total, mut all) = (0.0, 0.0);
        for (&(_, h), t) in table.story_totals.range((s, 0)..(s + 1, 0)) {
            all += t[n];
            if h == g {
                group_total += t[n];
            }
        }
        if group_total == 0.0 || all - group_total == 0.0 {
            continue;
        }
        let counts = TermCounts { group: used, group_total, rest: all_uses - used, rest_total: all - group_total };
        let odds = log_odds(counts, Prior { term: prior * all_uses, total: prior * all });
        weighted += odds.delta / odds.variance;
        weights += 1.0 / odds.variance;
    }
    if weights == 0.0 {
        return LogOdds { delta: 0.0, variance: f64::INFINITY, z: 0.0 };
    }
    let (delta, variance) = (weighted / weights, 1.0 / weights);
    LogOdds { delta, variance, z: delta / variance.sqrt() }
}

/// Terms most likely to be referents' labels: used at least twice in the corpus, most used first.
pub fn frequent_terms(table: &TermTable, limit: usize) -> Vec<String> {
    let mut frequent: Vec<(&String, u32)> =
        table.terms.iter().map(|(k, s)| (k, s.total())).filter(|(_, total)| *total >= 2).collect();
    frequent.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    frequent.into_iter().take(limit).map(|(k, _)| k.clone()).collect()
}

/// Drop an n-gram used exactly as often, by every group, as a shorter term inside it ("eject
/// foreign troops" when every use is also a use of "eject"): the shorter term says it all.
fn without_redundant<'a>(table: &TermTable, scored: Vec<(&'a String, LogOdds)>) -> Vec<(&'a String, LogOdds)> {
    scored
        .into_iter()
        .filter(|(key, _)| {
            let words: Vec<&str> = key.split(' ').collect();
            let uses = &table.terms[*key].uses;
            let inner = (1..words.len()).flat_map(|n| (0..=words.len() - n).map(move |s| (s, n)));
            !inner.into_iter().any(|(s, n)| {
                let part = words[s..s + n].join(" ");
                table.terms.get(&part).is_some_and(|t| &t.uses == uses)
            })
        })
        .collect()
}

/// Uses in the whole corpus a phrase (two or three words) needs to be a candidate: a phrase
/// written once is usually a free combination of words, not a label.
pub const MIN_PHRASE_USES: u32 = 2;

/// Frequent terms considered as slot alternatives.
const POOL: usize = 600;

/// The top candidates of every group, best first: by z-score, then (among equal z, common with
/// single uses) by how well the term fills a slot others fill differently, then by uses.
pub fn rank(table: &TermTable, options: &SuggestOptions) -> Vec<Vec<Candidate>> {
    let pool = frequent_terms(table, POOL);
    (0..table.groups.len())
        .map(|g| {
            let mut scored: Vec<(&String, LogOdds)> = table
                .terms
                .iter()
                .filter(|(_, s)| s.uses[g] >= options.min_count && (s.n == 1 || s.total() >= MIN_PHRASE_USES))
                .map(|(k, s)| (k, term_odds(table, s, g, options.prior)))
                .filter(|(_, o)| o.z > 0.0)
                .collect();
            scored.sort_by(|a, b| b.1.z.total_cmp(&a.1.z).then(a.0.cmp(b.0)));
            let scored = without_redundant(table, scored);
            // Look at slots for a margin beyond `top`, and for every term tied with the last of it,
            // so that ties at the cut are decided by slots, not by spelling.
            let margin = options.top * 3;
            let cut = scored.get(margin.saturating_sub(1)).map_or(f64::NEG_INFINITY, |s| s.1.z - 1e-9);
            let shortlist: Vec<(&String, LogOdds)> = scored
                .into_iter()
                .enumerate()
                .take_while(|(i, s)| *i < margin || s.1.z >= cut)
                .map(|(_, s)| s)
                .collect();
            let keys: Vec<&String> = shortlist.iter().map(|(k, _)| *k).chain(pool.iter()).collect();
            let contexts = unit_contexts(table, keys);
            let others: Vec<&String> = pool.iter().filter(|k| table.terms[*k].uses[g] == 0).collect();
            let mut candidates: Vec<Candidate> = shortlist
                .into_iter()
                .map(|(key, odds)| {
                    let best = others
                        .iter()
                        .map(|o| (similarity(&contexts, key, o), *o))
                        .filter(|(s, _)| *s > 0.0)
                        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)));
                    let stats = &table.terms[key];
                    Candidate {
                        key: key.clone(),
                        uses: stats.uses[g],
                        rest: stats.total() - stats.uses[g],
                        odds,
                        slot: best.map_or(0.0, |b| b.0),
                        slot_term: best.map(|b| b.1.clone()),
                    }
                })
                .collect();
            candidates.sort_by(|a, b| {
                let z = |c: &Candidate| (c.odds.z * 1e6).round();
                z(b).total_cmp(&z(a)).then(b.slot.total_cmp(&a.slot)).then(b.uses.cmp(&a.uses)).then(a.key.cmp(&b.key))
            });
            candidates.truncate(options.top);
            candidates
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::VoiceFilter;
    use crate::text::{Stemmer, TextOptions};

    /// Outlet A covers story s1 five times as much as B, and B covers s2 five times as much as
    /// A; within each story both write the same, except that A says "scheme" where B says "plan".
    fn table(with_stories: bool) -> TermTable {
        let mut t = TermTable::default();
        let stemmer = Stemmer::default();
        let s1 = |w: &str| format!("The flood hit the coastal town. Officials called the response a {w}.");
        let s2 = |w: &str| format!("The budget vote passed the chamber. Critics called the deal a {w}.");
        let articles = [
            ("s1", "A", 20, s1("scheme")),
            ("s1", "B", 4, s1("plan")),
            ("s2", "A", 4, s2("scheme")),
            ("s2", "B", 20, s2("plan")),
        ];
        for (story, outlet, copies, text) in articles {
            for _ in 0..copies {
                let story = if with_stories { story } else { "" };
                t.add_article(story, outlet, &text, VoiceFilter::Own, TextOptions::default(), &stemmer);
            }
        }
        t
    }

    #[test]
    fn within_stories_a_story_covered_more_does_not_make_its_words_an_outlets() {
        let (pooled, stratified) = (table(false), table(true));
        let a = pooled.groups.iter().position(|g| g == "A").unwrap();
        let z = |t: &TermTable, key: &str| term_odds(t, &t.terms[key], a, 0.1).z;
        assert!(z(&pooled, "flood") > 1.0, "pooled, A's extra coverage of s1 looks like a choice of words");
        assert!(
            z(&stratified, "flood").abs() < 0.1,
            "within s1 both outlets write flood alike: {}",
            z(&stratified, "flood")
        );
        assert!(z(&stratified, "scheme") > 2.0, "the real difference stays: {}", z(&stratified, "scheme"));
        assert!(z(&stratified, "plan") < -2.0);
    }

    #[test]
    fn a_term_only_in_a_story_the_rest_did_not_cover_has_no_contrast() {
        let mut t = table(true);
        let stemmer = Stemmer::default();
        t.add_article(
            "s3",
            "A",
            "The eclipse darkened the valley.",
            VoiceFilter::Own,
            TextOptions::default(),
            &stemmer,
        );
        let a = t.groups.iter().position(|g| g == "A").unwrap();
        let odds = term_odds(&t, &t.terms["eclips"], a, 0.1);
        assert_eq!(odds.z, 0.0, "{odds:?}");
    }
}
