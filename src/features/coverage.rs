//! Lexicon coverage on a corpus: which labels match where, and how much of each outlet's text
//! the lexicon touches. Feeds `framelens lexicon check --corpus`.

use std::collections::BTreeMap;

use super::ArticleResult;
use crate::lexicon::{LexiconSet, Problem};

/// Matches per label and outlet, and words per outlet.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// `(concept, label)` → outlet → matches (own voice and quoted).
    pub matches: BTreeMap<(usize, usize), BTreeMap<String, u32>>,
    /// Outlet → (words, words inside a label match).
    pub words: BTreeMap<String, (u64, u64)>,
}

impl Coverage {
    /// Add one measured article.
    pub fn add(&mut self, result: &ArticleResult) {
        let outlet = &result.article.outlet;
        let words = self.words.entry(outlet.clone()).or_default();
        words.0 += u64::from(result.words);
        for e in &result.word_choice.evidence {
            words.1 +=
                e.matched.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).count() as u64;
            *self.matches.entry((e.concept, e.label)).or_default().entry(outlet.clone()).or_default() += 1;
        }
    }

    /// Share of each outlet's words inside a label match.
    pub fn touched(&self) -> BTreeMap<&str, f64> {
        self.words
            .iter()
            .map(|(o, (all, hit))| (o.as_str(), if *all > 0 { *hit as f64 / *all as f64 } else { 0.0 }))
            .collect()
    }

    /// Warnings, each at the label's or concept's line: labels that never match, labels that
    /// match in one outlet only, and concepts with a single label in use.
    pub fn problems(&self, set: &LexiconSet) -> Vec<Problem> {
        let outlets = self.words.len();
        let mut problems = Vec::new();
        let warn = Problem::warning;
        for (c, concept) in set.concepts.iter().enumerate() {
            let mut in_use = 0;
            for (l, label) in concept.labels.iter().enumerate() {
                let users = self.matches.get(&(c, l));
                match users.map(|u| u.len()) {
                    None => problems.push(warn(
                        &concept.file,
                        label.at,
                        format!("label `{}` (concept `{}`) never matches in the corpus", label.text, concept.id),
                        "check the spelling and inflection, add `forms`, or remove it",
                    )),
                    Some(1) if outlets > 1 => {
                        let (outlet, n) = users.and_then(|u| u.iter().next()).expect("one user");
                        problems.push(warn(
                            &concept.file,
                            label.at,
                            format!(
                                "label `{}` (concept `{}`) matches only in {outlet} ({n}×)",
                                label.text, concept.id
                            ),
                            "a distinctive label; check its evidence rows before drawing conclusions",
                        ));
                    }
                    _ => {}
                }
                in_use += usize::from(users.is_some());
            }
            if in_use == 1 && concept.labels.len() > 1 {
                problems.push(warn(
                    &concept.file,
                    concept.at,
                    format!(
                        "concept `{}` has a single label in use in this corpus: no contrast to measure",
                        concept.id
                    ),
                    "add the labels outlets use instead (see `framelens lexicon suggest`)",
                ));
            }
        }
        problems
    }
}
