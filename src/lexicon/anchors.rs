//! Anchors: the names that identify a story in a text. One automaton over the anchors of several
//! story lexicons tells which of them a text names often enough; the choice of story lexicons for
//! a corpus (`stories`) and the choice for each article (`scope`) both read texts through it.

use aho_corasick::{AhoCorasick, MatchKind};

/// The anchors of several story lexicons in one automaton, to tell which of them a text names
/// often enough: at least `wanted` different anchors of a lexicon, as whole words, without
/// regard to ASCII case, a straight apostrophe also matching a curly one.
#[derive(Debug, Default)]
pub(super) struct AnchorSets {
    /// Every distinct anchor, and its curly-apostrophe form.
    automaton: Option<AhoCorasick>,
    /// For each distinct anchor (pattern number / 2): the (list, anchor number) pairs it is.
    owners: Vec<Vec<(usize, usize)>>,
    /// Anchors of each list.
    sizes: Vec<usize>,
    /// Different anchors a text must name, per list (never reached when 0 anchors are listed).
    wanted: Vec<usize>,
}

impl AnchorSets {
    /// The sets of `lists`; `wanted` gives a list's threshold from its number of anchors.
    pub(super) fn new(lists: &[&[String]], wanted: impl Fn(usize) -> usize) -> AnchorSets {
        let mut distinct: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, usize)>> = Vec::new();
        for (l, anchors) in lists.iter().enumerate() {
            for (a, anchor) in anchors.iter().enumerate() {
                let key = anchor.to_ascii_lowercase();
                match distinct.iter().position(|d| *d == key) {
                    Some(at) => owners[at].push((l, a)),
                    None => {
                        distinct.push(key);
                        owners.push(vec![(l, a)]);
                    }
                }
            }
        }
        let patterns = distinct.iter().flat_map(|a| [a.clone(), a.replace('\'', "\u{2019}")]);
        let automaton = (!distinct.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(patterns)
            })
            .and_then(Result::ok);
        let sizes: Vec<usize> = lists.iter().map(|l| l.len()).collect();
        let wanted = sizes.iter().map(|&n| if n == 0 { 0 } else { wanted(n) }).collect();
        AnchorSets { automaton, owners, sizes, wanted }
    }

    /// For each list, whether `text` names enough of its anchors. Reading stops at the anchor
    /// that gives every list enough.
    pub(super) fn named(&self, text: &str) -> Vec<bool> {
        let mut named = vec![0; self.sizes.len()];
        let enough = |l: usize, named: &[usize]| self.wanted[l] > 0 && named[l] >= self.wanted[l];
        let Some(automaton) = &self.automaton else { return vec![false; self.sizes.len()] };
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut seen: Vec<Vec<bool>> = self.sizes.iter().map(|&n| vec![false; n]).collect();
        // Lists still short of their anchors.
        let mut short = self.wanted.iter().filter(|&&w| w > 0).count();
        for m in automaton.find_iter(text) {
            if short == 0 {
                break;
            }
            if word(text[..m.start()].chars().next_back()) || word(text[m.end()..].chars().next()) {
                continue;
            }
            for &(l, a) in &self.owners[m.pattern().as_usize() / 2] {
                if !std::mem::replace(&mut seen[l][a], true) {
                    named[l] += 1;
                    short -= usize::from(named[l] == self.wanted[l]);
                }
            }
        }
        (0..self.sizes.len()).map(|l| enough(l, &named)).collect()
    }
}
