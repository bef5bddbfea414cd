//! How much outlets disagree over a group of alternative labels: the information that the
//! outlet carries about the label chosen, within each story, I(outlet; label | story). Zero when
//! every outlet splits its uses among the labels alike; log2 of the number of labels at most,
//! when each outlet writes one label only. Within stories, so that a story one outlet covered
//! more, with its own words, does not pass for a choice.

use std::collections::BTreeMap;

use super::terms::TermTable;

/// Disagreement over one group's labels.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Disagreement {
    /// I(outlet; label | story), in bits.
    pub bits: f64,
    /// The likelihood-ratio statistic G = 2 N I (I in nats) over the N uses: how sure it is
    /// that outlets differ at all, which grows with the uses. Groups are ranked by it.
    pub g: f64,
    /// Uses of the group's labels.
    pub uses: u32,
}

/// Disagreement over the labels `members` (term keys of `table`).
pub fn disagreement(table: &TermTable, members: &[String]) -> Disagreement {
    // counts[story][(outlet, label)]
    let mut counts: BTreeMap<usize, BTreeMap<(usize, usize), f64>> = BTreeMap::new();
    for (label, key) in members.iter().enumerate() {
        for (&(story, outlet), &n) in &table.terms[key].by_story {
            *counts.entry(story).or_default().entry((outlet, label)).or_default() += f64::from(n);
        }
    }
    let mut nats_total = 0.0;
    let mut uses = 0.0;
    for cells in counts.values() {
        let n: f64 = cells.values().sum();
        let mut outlets: BTreeMap<usize, f64> = BTreeMap::new();
        let mut labels: BTreeMap<usize, f64> = BTreeMap::new();
        for (&(o, l), &c) in cells {
            *outlets.entry(o).or_default() += c;
            *labels.entry(l).or_default() += c;
        }
        // N * I for this story, in nats: sum of c * ln(c N / (n_o n_l)).
        nats_total += cells.iter().map(|(&(o, l), &c)| c * (c * n / (outlets[&o] * labels[&l])).ln()).sum::<f64>();
        uses += n;
    }
    if uses == 0.0 {
        return Disagreement::default();
    }
    Disagreement { bits: nats_total / uses / std::f64::consts::LN_2, g: 2.0 * nats_total, uses: uses as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::suggest::VoiceFilter;
    use crate::text::{Stemmer, TextOptions};

    fn table(articles: &[(&str, &str, &str)]) -> TermTable {
        let mut t = TermTable::default();
        for (story, outlet, text) in articles {
            t.add_article(story, outlet, text, VoiceFilter::Own, TextOptions::default(), &Stemmer::default());
        }
        t
    }

    fn keys(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| Stemmer::default().stem(w).to_string()).collect()
    }

    #[test]
    fn outlets_writing_one_label_each_disagree_by_one_bit_and_alike_outlets_by_none() {
        let apart = table(&[("s", "A", "The scheme. The scheme."), ("s", "B", "The plan. The plan.")]);
        let d = disagreement(&apart, &keys(&["scheme", "plan"]));
        assert!((d.bits - 1.0).abs() < 1e-12, "{d:?}");
        assert!((d.g - 2.0 * 4.0 * std::f64::consts::LN_2).abs() < 1e-9 && d.uses == 4, "{d:?}");
        let alike = table(&[("s", "A", "The scheme. The plan."), ("s", "B", "The plan. The scheme.")]);
        assert_eq!(disagreement(&alike, &keys(&["scheme", "plan"])).bits, 0.0);
    }

    #[test]
    fn a_story_that_one_outlet_covered_with_its_own_words_is_no_disagreement() {
        // Story 1 only A covers, with "scheme"; story 2 only B, with "plan". Pooled, A writes
        // "scheme" and B "plan"; within each story one outlet writes one label: nothing to compare.
        let t = table(&[("s1", "A", "The scheme. The scheme."), ("s2", "B", "The plan. The plan.")]);
        assert_eq!(disagreement(&t, &keys(&["scheme", "plan"])).bits, 0.0);
    }
}
