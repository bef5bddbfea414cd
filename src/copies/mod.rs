//! COPIES: near-duplicate articles (wire copies, republications), found from own-voice text.
//!
//! Owns the [`Fingerprint`] of an article (a one-permutation MinHash of its own-voice word
//! 5-shingles, the words outside quotation marks in kept lines) and the [`CopyFinder`], which
//! sees articles in input order and names, for each, the earlier article it copies.
//!
//! An article is a copy of an earlier one when the smaller of the two has at least
//! [`CONTAINMENT`] of its shingles in the larger and is at least [`SIZE_RATIO`] of its size: a
//! trimmed or lightly edited republication is a copy, a long article that quotes a short wire
//! item is not. Only articles with at least [`MIN_SHINGLES`] shingles take part. Candidates come
//! from locality-sensitive hashing (32 bands of 3 bins), so the work per article does not grow
//! with the corpus; the first article of a group in input order is its original, and output does
//! not depend on the number of threads.

mod ledger;

pub use ledger::{Found, Ledger, OutletCopies};

use hashbrown::HashTable;

/// Bins of the one-permutation MinHash.
pub const BINS: usize = 128;
/// Words per shingle.
pub const SHINGLE: usize = 5;
/// Articles with fewer shingles (about 24 own-voice words) are never compared.
pub const MIN_SHINGLES: u32 = 20;
/// The share of the smaller article's shingles that must be in the larger.
pub const CONTAINMENT: f64 = 0.5;
/// The smaller article must be at least this share of the larger's size.
pub const SIZE_RATIO: f64 = 0.5;
const BANDS: usize = 32;
const ROWS: usize = 3;

/// A summary of an article's own-voice text that estimates its overlap with another's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprint {
    bins: [u32; BINS],
    shingles: u32,
}

/// Mix a 64-bit value (splitmix64's finaliser): fixed, so fingerprints are the same everywhere.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// A fixed hash of one word (FNV-1a, then mixed).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in word.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

impl Fingerprint {
    /// The fingerprint of a run of words (lower-cased keys, in text order), or `None` when it
    /// has fewer than [`MIN_SHINGLES`] shingles.
    pub fn of_words<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<Fingerprint> {
        let mut window = [0u64; SHINGLE];
        let mut seen = 0usize;
        let mut bins = [u64::MAX; BINS];
        for word in words {
            window[seen % SHINGLE] = word_hash(word);
            seen += 1;
            if seen < SHINGLE {
                continue;
            }
            let mut h = 0u64;
            for k in 0..SHINGLE {
                h = mix(h ^ window[(seen + k) % SHINGLE]);
            }
            let bin = (h >> 57) as usize;
            let value = h & ((1 << 57) - 1);
            bins[bin] = bins[bin].min(value);
        }
        let shingles = seen.saturating_sub(SHINGLE - 1) as u32;
        if shingles < MIN_SHINGLES {
            return None;
        }
        // Densify: an empty bin borrows the next filled bin's value, marked by how far it looked,
        // so two texts agree on a borrowed bin only where they agree on the bin lent from.
        let mut out = [0u32; BINS];
        for (i, slot) in out.iter_mut().enumerate() {
            let (step, value) = (0..BINS)
                .map(|d| (d, bins[(i + d) % BINS]))
                .find(|&(_, v)| v != u64::MAX)
                .expect("at least one shingle");
            *slot = (mix(value ^ step as u64) >> 32) as u32;
        }
        Some(Fingerprint { bins: out, shingles })
    }

    /// Its bins and shingle count, as [`Fingerprint::from_parts`] takes them back.
    pub fn parts(&self) -> (&[u32], u32) {
        (&self.bins, self.shingles)
    }

    /// A fingerprint from [`Fingerprint::parts`]; `None` unless there are [`BINS`] bins.
    pub fn from_parts(bins: &[u32], shingles: u32) -> Option<Fingerprint> {
        Some(Fingerprint { bins: bins.try_into().ok()?, shingles })
    }

    /// Shingles counted (repeats included).
    pub fn shingles(&self) -> u32 {
        self.shingles
    }

    /// Estimated Jaccard similarity of the two shingle sets.
    pub fn jaccard(&self, other: &Fingerprint) -> f64 {
        let same = self.bins.iter().zip(&other.bins).filter(|(a, b)| a == b).count();
        same as f64 / BINS as f64
    }

    /// Estimated share of the smaller article's shingles that are in the larger one, and the
    /// smaller's size as a share of the larger's.
    pub fn containment(&self, other: &Fingerprint) -> (f64, f64) {
        let j = self.jaccard(other);
        let (small, large) = (self.shingles.min(other.shingles) as f64, self.shingles.max(other.shingles) as f64);
        let shared = j * (small + large) / (1.0 + j);
        ((shared / small).min(1.0), small / large)
    }

    /// The locality-sensitive hash of band `band` (its [`ROWS`] bins).
    fn band_key(&self, band: usize) -> u64 {
        self.bins[band * ROWS..(band + 1) * ROWS].iter().fold(mix(band as u64 + 1), |h, &v| mix(h ^ u64::from(v)))
    }
}

/// An earlier article that an article copies.
#[derive(Clone, Debug, PartialEq)]
pub struct CopyOf {
    /// Input position of the original (0-based, counting every measured article).
    pub original: usize,
    /// Estimated containment of the smaller text in the larger.
    pub similarity: f64,
}

/// Finds copies among articles seen in input order. Memory grows with the number of originals
/// (one fingerprint and 32 index entries each), not with their text.
#[derive(Debug)]
pub struct CopyFinder {
    /// The originals' positions and fingerprints, in input order.
    originals: Vec<(usize, Fingerprint)>,
    /// One table per band: the index in `originals` of the first original with each band key.
    /// An entry is only that index (4 bytes, where a map from key to index takes 16); the key is
    /// recomputed from the original's fingerprint when it is compared.
    bands: Vec<HashTable<u32>>,
    seen: usize,
}

impl Default for CopyFinder {
    fn default() -> CopyFinder {
        CopyFinder { originals: Vec::new(), bands: (0..BANDS).map(|_| HashTable::new()).collect(), seen: 0 }
    }
}

impl CopyFinder {
    /// Look at the next article (position `self.seen`): the earlier article it copies, if any.
    /// An article that copies none becomes a possible original for later ones.
    pub fn next(&mut self, fingerprint: Option<&Fingerprint>) -> Option<CopyOf> {
        let position = self.seen;
        self.seen += 1;
        let fingerprint = fingerprint?;
        let CopyFinder { originals, bands, .. } = self;
        let keys: Vec<u64> = (0..BANDS).map(|band| fingerprint.band_key(band)).collect();
        // Per band, the first original with this article's key, if any.
        let found: Vec<Option<u32>> = keys
            .iter()
            .enumerate()
            .map(|(band, &key)| bands[band].find(key, |&i| originals[i as usize].1.band_key(band) == key).copied())
            .collect();
        // Indices grow with positions, so sorting them puts the candidates in input order.
        let mut candidates: Vec<u32> = found.iter().flatten().copied().collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<CopyOf> = None;
        for index in candidates {
            let (original, earlier) = &originals[index as usize];
            let (containment, ratio) = fingerprint.containment(earlier);
            let better = best.as_ref().is_none_or(|b| containment > b.similarity);
            if containment >= CONTAINMENT && ratio >= SIZE_RATIO && better {
                best = Some(CopyOf { original: *original, similarity: containment });
            }
        }
        if best.is_none() {
            let index = u32::try_from(originals.len()).expect("fewer than 4 billion originals");
            originals.push((position, fingerprint.clone()));
            for (band, &key) in keys.iter().enumerate().filter(|&(band, _)| found[band].is_none()) {
                bands[band].insert_unique(key, index, |&i| originals[i as usize].1.band_key(band));
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::Xoshiro256PlusPlus;
    use rand_xoshiro::rand_core::{RngCore, SeedableRng};

    /// `n` words drawn from a vocabulary of 5,000, so distinct texts share few 5-shingles.
    fn text(rng: &mut Xoshiro256PlusPlus, n: usize) -> Vec<String> {
        (0..n).map(|_| format!("w{}", rng.next_u32() % 5000)).collect()
    }

    fn fp(words: &[String]) -> Option<Fingerprint> {
        Fingerprint::of_words(words.iter().map(String::as_str))
    }

    #[test]
    fn short_texts_have_no_fingerprint() {
        let words: Vec<String> = (0..23).map(|i| format!("w{i}")).collect();
        assert!(fp(&words).is_none());
        let words: Vec<String> = (0..24).map(|i| format!("w{i}")).collect();
        assert_eq!(fp(&words).unwrap().shingles(), 20);
    }

    #[test]
    fn identical_texts_are_identical_and_distinct_texts_share_nothing() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(1);
        let (a, b) = (text(&mut rng, 400), text(&mut rng, 400));
        assert_eq!(fp(&a).unwrap().jaccard(&fp(&a).unwrap()), 1.0);
        assert!(fp(&a).unwrap().jaccard(&fp(&b).unwrap()) < 0.05);
    }

    /// Planted truth: each original gets trimmed, extended and lightly edited copies, among
    /// distinct articles; the finder must flag the copies and nothing else.
    #[test]
    fn planted_copies_are_found_and_distinct_articles_are_not() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(7);
        let mut articles: Vec<(Vec<String>, Option<usize>)> = Vec::new();
        for _ in 0..200 {
            let len = 150 + (rng.next_u32() % 600) as usize;
            let original = text(&mut rng, len);
            let at = articles.len();
            articles.push((original.clone(), None));
            // trimmed to its first 80%
            articles.push((original[..len * 4 / 5].to_vec(), Some(at)));
            // one word in 40 replaced
            let mut edited = original.clone();
            for i in (0..len).step_by(40) {
                edited[i] = format!("x{}", rng.next_u32());
            }
            articles.push((edited, Some(at)));
            // a distinct article that shares the first 20% with the original
            let mut mixed = original[..len / 5].to_vec();
            mixed.extend(text(&mut rng, len));
            articles.push((mixed, None));
        }
        let mut finder = CopyFinder::default();
        let (mut found, mut missed, mut wrong) = (0, 0, 0);
        for (words, truth) in &articles {
            let flagged = finder.next(fp(words).as_ref());
            match (truth, flagged) {
                (Some(o), Some(c)) if c.original == *o => found += 1,
                (Some(_), _) => missed += 1,
                (None, Some(_)) => wrong += 1,
                (None, None) => {}
            }
        }
        assert!(found >= 390, "found {found}, missed {missed}");
        assert_eq!(wrong, 0);
    }

    #[test]
    fn a_long_article_quoting_a_short_item_is_no_copy() {
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(3);
        let short = text(&mut rng, 100);
        let mut long = short.clone();
        long.extend(text(&mut rng, 400));
        let mut finder = CopyFinder::default();
        assert!(finder.next(fp(&short).as_ref()).is_none());
        assert!(finder.next(fp(&long).as_ref()).is_none());
    }
}
