//! Anchors for the draft's concepts: the names written in the sentences that use a group's
//! labels, more often there than in the corpus at large, by at least two outlets. They are what
//! the labels point to ("Boehner" for "plan" / "proposal" in a story on his budget), for the
//! researcher to keep as the concept's `anchors` when the labels are made `anchored`.
//!
//! Counted in a second pass over the corpus, once the groups are known: a name is a run of
//! capitalised words, not a lone capitalised word opening a sentence, not made of function
//! words alone, and not a group's own label or a medium's name.

use std::collections::{BTreeMap, BTreeSet};

use super::slots::SlotGroup;
use super::terms::{is_stop_word, word_runs};
use crate::text::{Document, Stemmer, TextOptions, TokenKind, english};

/// Most anchors proposed per group.
const MAX_ANCHORS: usize = 5;
/// Fewest sentences that write a name beside a group's labels.
const MIN_SENTENCES: u32 = 2;

/// Where a name is written: in how many sentences (beside a group's labels) or articles (in
/// all), and by which outlets.
#[derive(Default)]
struct Beside {
    count: u32,
    outlets: BTreeSet<usize>,
}

/// Counts names beside each group's labels, article by article.
pub struct AnchorCounter {
    /// Label key (stems) → the groups it labels.
    labels: BTreeMap<String, Vec<usize>>,
    /// Each group's label keys (stems), to leave out as names.
    keys: Vec<Vec<String>>,
    /// Medium and outlet names, lower case.
    media: BTreeSet<String>,
    outlets: BTreeMap<String, usize>,
    beside: Vec<BTreeMap<String, Beside>>,
    /// Sentences with a group's label, per group.
    with_label: Vec<u32>,
    /// Sentences writing each name, in all.
    names: BTreeMap<String, u32>,
    sentences: u32,
    /// Articles writing each name, and their outlets.
    articles_naming: BTreeMap<String, Beside>,
    articles: u32,
}

impl AnchorCounter {
    /// A counter for `groups`, leaving out `media` names.
    pub fn new<'a>(groups: &[SlotGroup], media: impl IntoIterator<Item = &'a str>) -> AnchorCounter {
        let mut labels: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (g, group) in groups.iter().enumerate() {
            for member in &group.members {
                labels.entry(member.clone()).or_default().push(g);
            }
        }
        AnchorCounter {
            labels,
            keys: groups.iter().map(|g| g.members.clone()).collect(),
            media: media.into_iter().map(|m| m.strip_prefix("The ").unwrap_or(m).to_lowercase()).collect(),
            outlets: BTreeMap::new(),
            beside: groups.iter().map(|_| BTreeMap::new()).collect(),
            with_label: vec![0; groups.len()],
            names: BTreeMap::new(),
            sentences: 0,
            articles_naming: BTreeMap::new(),
            articles: 0,
        }
    }

    /// Count one article of `outlet`.
    pub fn add_article(&mut self, outlet: &str, text: &str, options: TextOptions, stemmer: &Stemmer) {
        let o = match self.outlets.get(outlet) {
            Some(&o) => o,
            None => {
                self.media.insert(outlet.strip_prefix("The ").unwrap_or(outlet).to_lowercase());
                let o = self.outlets.len();
                self.outlets.insert(outlet.to_string(), o);
                o
            }
        };
        let doc = Document::parse(text, options);
        let stems: Vec<String> = doc.tokens.iter().map(|t| stemmer.stem(&t.key).to_string()).collect();
        let mut in_article: BTreeSet<String> = BTreeSet::new();
        self.articles += 1;
        for sentence in &doc.sentences {
            let words: Vec<usize> = sentence.tokens.clone().filter(|&i| doc.tokens[i].is_wordlike()).collect();
            let groups: BTreeSet<usize> = word_runs(&words)
                .filter_map(|(_, _, start, last)| self.labels.get(&stems[start..=last].join(" ")))
                .flatten()
                .copied()
                .collect();
            let names = names(&doc, sentence.tokens.clone());
            self.sentences += 1;
            for name in &names {
                *self.names.entry(name.clone()).or_default() += 1;
            }
            in_article.extend(names.iter().cloned());
            if groups.is_empty() {
                continue;
            }
            // Each name once: whether it is a medium's, and its stems, to leave out the labels.
            let names: Vec<(&String, bool, Vec<String>)> = names
                .iter()
                .map(|name| {
                    let lower = name.to_lowercase();
                    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
                    (name, self.media.contains(lower), name_stems(lower, stemmer))
                })
                .collect();
            for g in groups {
                self.with_label[g] += 1;
                for (name, medium, stems) in &names {
                    if *medium || self.keys[g].iter().any(|label| holds(stems, label)) {
                        continue;
                    }
                    let b = self.beside[g].entry((*name).clone()).or_default();
                    b.count += 1;
                    b.outlets.insert(o);
                }
            }
        }
        for name in in_article {
            let b = self.articles_naming.entry(name).or_default();
            b.count += 1;
            b.outlets.insert(o);
        }
    }

    /// The names most articles write, by two outlets or more, with how many articles write
    /// each (most first, at most `max`), media names left out: candidates for a story
    /// lexicon's header `anchors`, which identify the story's coverage.
    pub fn story_names(&self, max: usize) -> Vec<(String, u32)> {
        let mut names: Vec<(String, u32)> = self
            .articles_naming
            .iter()
            .filter(|(name, b)| b.outlets.len() >= 2 && !self.media.contains(&name.to_lowercase()))
            .map(|(name, b)| (name.clone(), b.count))
            .collect();
        names.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        names.truncate(max);
        names
    }

    /// Articles counted.
    pub fn articles(&self) -> u32 {
        self.articles
    }

    /// Each group's anchors, best first: names in at least [`MIN_SENTENCES`] of its labels'
    /// sentences, by two outlets or more, more often there than elsewhere, ranked by those
    /// sentences times the log of how much more often (a weighted pointwise mutual information).
    pub fn anchors(&self) -> Vec<Vec<String>> {
        let n = f64::from(self.sentences.max(1));
        self.beside
            .iter()
            .zip(&self.with_label)
            .map(|(names, &with)| {
                let mut scored: Vec<(f64, &String)> = names
                    .iter()
                    .filter(|(_, b)| b.count >= MIN_SENTENCES && b.outlets.len() >= 2)
                    .filter_map(|(name, b)| {
                        let lift = f64::from(b.count) / f64::from(with) / (f64::from(self.names[name]) / n);
                        (lift > 1.0).then(|| (f64::from(b.count) * lift.ln(), name))
                    })
                    .collect();
                scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                scored.into_iter().take(MAX_ANCHORS).map(|(_, name)| name.clone()).collect()
            })
            .collect()
    }
}

/// The stems of a lower-case name's words.
fn name_stems(name: &str, stemmer: &Stemmer) -> Vec<String> {
    name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| stemmer.stem(w).to_string()).collect()
}

/// Whether the stems of a name hold those of `label` (a key: stems joined by spaces).
fn holds(stems: &[String], label: &str) -> bool {
    let label: Vec<&str> = label.split(' ').collect();
    stems.windows(label.len()).any(|w| w.iter().zip(&label).all(|(a, b)| a == b))
}

/// The names of a sentence (its tokens `range`), as written: runs of capitalised words, joined
/// by a space, a hyphen ("Wal-Mart"), the stop of an abbreviation ("St. Louis") or a lower-case
/// "of" or "for" before another capital ("Centers for Disease Control"), a possessive
/// "'s" dropped, and leading title abbreviations and single letters dropped ("Sen. Jones" is
/// "Jones", "R-Ohio" is "Ohio"). A lone capital opening the sentence, and runs of function
/// words, title abbreviations, single letters or date words alone ("R", "Sept", "June") are no
/// names.
fn names(doc: &Document, range: std::ops::Range<usize>) -> BTreeSet<String> {
    let e = english();
    let tokens = &doc.tokens;
    let capital = |i: usize| {
        i < range.end
            && tokens[i].kind == TokenKind::Word
            && tokens[i].span.slice(doc.text).starts_with(char::is_uppercase)
    };
    let gap = |i: usize| &doc.text[tokens[i - 1].span.end..tokens[i].span.start];
    let short = |i: usize| tokens[i].key.len() <= 3;
    // The token after `i` that continues a name, if any.
    let next = |i: usize| -> Option<usize> {
        let j = i + 1;
        if capital(j) && (gap(j) == " " || gap(j) == "-") {
            return Some(j);
        }
        let stop = j < range.end && tokens[j].span.slice(doc.text) == "." && short(i);
        if stop && capital(j + 1) && gap(j).is_empty() && gap(j + 1) == " " {
            return Some(j + 1);
        }
        let joins = j < range.end && ["of", "for"].contains(&tokens[j].span.slice(doc.text));
        (joins && capital(j + 1) && gap(j) == " " && gap(j + 1) == " ").then_some(j + 1)
    };
    let empty = |key: &str| {
        key.chars().count() <= 1
            || is_stop_word(key)
            || [&e.title_abbreviations, &e.calendar_words, &e.time_words].iter().any(|class| class.contains(&key))
    };
    let mut out = BTreeSet::new();
    let mut i = range.start;
    while i < range.end {
        if !capital(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut last = i;
        while let Some(j) = next(last) {
            last = j;
        }
        i = last + 1;
        let lone_opening = start == last && start == range.start;
        // Leading titles and letters go ("Sen. Jones", the "R" of "R-Ohio").
        let title = |key: &str| {
            key.chars().count() <= 1
                || e.courtesy_titles.contains(&key)
                || e.title_full_forms.iter().any(|pair| pair.split(' ').next() == Some(key))
        };
        let Some(start) = (start..=last).find(|&t| tokens[t].is_wordlike() && !title(&tokens[t].key)) else { continue };
        if (start..=last).filter(|&t| tokens[t].is_wordlike()).all(|t| empty(&tokens[t].key)) {
            continue;
        }
        if lone_opening {
            continue;
        }
        let written = &doc.text[tokens[start].span.start..tokens[last].span.end];
        let name = crate::text::strip_possessive(written);
        out.insert(name.to_string());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(members: &[&str]) -> SlotGroup {
        let stem = |w: &str| w.split(' ').map(|x| Stemmer::default().stem(x).to_string()).collect::<Vec<_>>().join(" ");
        SlotGroup {
            name: stem(members[0]),
            members: members.iter().map(|m| stem(m)).collect(),
            similarity: vec![1.0; members.len()],
            ..SlotGroup::default()
        }
    }

    #[test]
    fn names_beside_the_labels_in_two_outlets_are_anchors() {
        let groups = [group(&["plan", "proposal"])];
        let mut counter = AnchorCounter::new(&groups, ["Fox News"]);
        let stemmer = Stemmer::default();
        let articles = [
            (
                "A",
                "On Monday, John Boehner unveiled his plan. The Fox News team said the Plan would pass. Obama spoke in Ohio.",
            ),
            ("B", "The proposal from John Boehner drew fire. Obama spoke in Ohio. The weather in Ohio was mild."),
            ("C", "Obama spoke in Ohio. Obama left Ohio. Nothing about John Boehner here."),
        ];
        for (outlet, text) in articles {
            counter.add_article(outlet, text, TextOptions::default(), &stemmer);
        }
        let anchors = counter.anchors();
        assert!(anchors[0].contains(&"John Boehner".to_string()), "{anchors:?}");
        assert!(
            !anchors[0].iter().any(|a| a == "Fox News" || a == "Plan"),
            "media and the labels themselves: {anchors:?}"
        );
        assert!(!anchors[0].iter().any(|a| a == "Obama" || a == "Ohio"), "not beside the labels: {anchors:?}");
        let story = counter.story_names(3);
        assert_eq!(story[0], ("John Boehner".to_string(), 3), "{story:?}");
        assert!(story.iter().all(|(name, _)| name != "Fox News"), "{story:?}");
        assert_eq!(counter.articles(), 3);
    }

    #[test]
    fn names_join_across_hyphens_abbreviations_and_of_and_lose_their_possessive() {
        let text = "Critics of the Centers for Disease Control met Wal-Mart's chief in St. Louis on Sept. 4, said Sen. Jones (R-Ohio).";
        let doc = Document::parse(text, TextOptions::default());
        let found: Vec<String> = names(&doc, doc.sentences[0].tokens.clone()).into_iter().collect();
        assert_eq!(found, ["Centers for Disease Control", "Jones", "Ohio", "St. Louis", "Wal-Mart"], "{found:?}");
    }

    #[test]
    fn a_lone_capital_opening_a_sentence_is_no_name() {
        let doc =
            Document::parse("The plan of Senator Mitch McConnell passed. Critics balked.", TextOptions::default());
        let found = names(&doc, doc.sentences[0].tokens.clone());
        assert_eq!(found.into_iter().collect::<Vec<_>>(), vec!["Senator Mitch McConnell".to_string()]);
        assert!(names(&doc, doc.sentences[1].tokens.clone()).is_empty());
    }
}
