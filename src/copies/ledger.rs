//! The run's record of copies: which article copies which, and per-outlet copy counts.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{CopyFinder, Fingerprint};

/// One copy found: the later article and the earlier one it copies.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// The copy's article id.
    pub article: String,
    /// Its outlet.
    pub outlet: String,
    /// The original's article id.
    pub copy_of: String,
    /// The original's outlet.
    pub copy_of_outlet: String,
    /// Estimated containment of the smaller text in the larger.
    pub similarity: f64,
}

/// Copy counts of one outlet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutletCopies {
    /// The outlet.
    pub outlet: String,
    /// Its articles.
    pub articles: u64,
    /// Of those, copies of an earlier article.
    pub copies: u64,
    /// Of those, copies of another outlet's article.
    pub copies_of_other_outlets: u64,
    /// Articles (copies or originals) in a copy group with a wire agency's article, not being
    /// one themselves.
    pub wire_dependent: u64,
}

/// Sees every measured article in input order and keeps what the copy tables need: one outlet
/// number per article, and the id of every article that may be an original.
#[derive(Debug, Default)]
pub struct Ledger {
    finder: CopyFinder,
    wire: FxHashSet<String>,
    outlet_names: Vec<String>,
    outlet_numbers: FxHashMap<String, u32>,
    outlet_of: Vec<u32>,
    original_ids: FxHashMap<usize, String>,
    /// (copy, original) positions.
    links: Vec<(usize, usize)>,
}

impl Ledger {
    /// A ledger that knows which outlets are wire agencies.
    pub fn new(wire_agencies: impl IntoIterator<Item = String>) -> Ledger {
        Ledger { wire: wire_agencies.into_iter().collect(), ..Ledger::default() }
    }

    /// Record the next article; the copy, if it is one.
    pub fn next(&mut self, article: &str, outlet: &str, fingerprint: Option<&Fingerprint>) -> Option<Found> {
        let position = self.outlet_of.len();
        let number = match self.outlet_numbers.get(outlet) {
            Some(&n) => n,
            None => {
                let n = self.outlet_names.len() as u32;
                self.outlet_names.push(outlet.to_string());
                self.outlet_numbers.insert(outlet.to_string(), n);
                n
            }
        };
        self.outlet_of.push(number);
        match self.finder.next(fingerprint) {
            Some(copy) => {
                self.links.push((position, copy.original));
                Some(Found {
                    article: article.to_string(),
                    outlet: outlet.to_string(),
                    copy_of: self.original_ids[&copy.original].clone(),
                    copy_of_outlet: self.outlet_names[self.outlet_of[copy.original] as usize].clone(),
                    similarity: copy.similarity,
                })
            }
            None => {
                if fingerprint.is_some() {
                    self.original_ids.insert(position, article.to_string());
                }
                None
            }
        }
    }

    /// Copies found so far.
    pub fn copies(&self) -> usize {
        self.links.len()
    }

    /// Copy counts per outlet, by outlet name.
    pub fn by_outlet(&self) -> Vec<OutletCopies> {
        let mut rows: Vec<OutletCopies> = self
            .outlet_names
            .iter()
            .map(|name| OutletCopies { outlet: name.clone(), ..OutletCopies::default() })
            .collect();
        for &number in &self.outlet_of {
            rows[number as usize].articles += 1;
        }
        let is_wire = |position: usize| self.wire.contains(&self.outlet_names[self.outlet_of[position] as usize]);
        let mut groups: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for &(copy, original) in &self.links {
            let row = &mut rows[self.outlet_of[copy] as usize];
            row.copies += 1;
            if self.outlet_of[copy] != self.outlet_of[original] {
                row.copies_of_other_outlets += 1;
            }
            groups.entry(original).or_insert_with(|| vec![original]).push(copy);
        }
        for members in groups.values() {
            if members.iter().any(|&m| is_wire(m)) {
                for &m in members.iter().filter(|&&m| !is_wire(m)) {
                    rows[self.outlet_of[m] as usize].wire_dependent += 1;
                }
            }
        }
        rows.sort_by(|a, b| a.outlet.cmp(&b.outlet));
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(seed: u32, n: u32) -> Vec<String> {
        (0..n).map(|i| format!("w{}", (i * 7919 + seed * 104_729) % 100_003)).collect()
    }

    fn fp(words: &[String]) -> Option<Fingerprint> {
        Fingerprint::of_words(words.iter().map(String::as_str))
    }

    #[test]
    fn copies_are_named_with_their_original_and_counted_per_outlet() {
        let wire = words(1, 200);
        let other = words(2, 200);
        let mut ledger = Ledger::new(["The Associated Press".to_string()]);
        assert_eq!(ledger.next("ap-1", "The Associated Press", fp(&wire).as_ref()), None);
        assert_eq!(ledger.next("b-1", "Site B", fp(&other).as_ref()), None);
        let found = ledger.next("b-2", "Site B", fp(&wire[..180]).as_ref()).expect("a copy");
        assert_eq!((found.copy_of.as_str(), found.copy_of_outlet.as_str()), ("ap-1", "The Associated Press"));
        assert!(found.similarity > 0.9);
        assert!(ledger.next("c-1", "Site C", fp(&wire).as_ref()).is_some());
        assert!(ledger.next("c-2", "Site C", None).is_none());
        assert_eq!(ledger.copies(), 2);
        let rows = ledger.by_outlet();
        let names: Vec<&str> = rows.iter().map(|r| r.outlet.as_str()).collect();
        assert_eq!(names, ["Site B", "Site C", "The Associated Press"]);
        assert_eq!((rows[0].articles, rows[0].copies, rows[0].wire_dependent), (2, 1, 1));
        assert_eq!((rows[1].articles, rows[1].copies, rows[1].copies_of_other_outlets), (2, 1, 1));
        assert_eq!((rows[2].articles, rows[2].copies, rows[2].wire_dependent), (1, 0, 0));
    }
}
