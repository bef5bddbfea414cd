//! English Snowball stems for token keys. News vocabulary repeats, so stems are cached per
//! thread for the whole run (bounded, so memory stays flat on huge corpora).

use std::cell::RefCell;
use std::hash::Hasher;

use rust_stemmers::Algorithm;
use rustc_hash::{FxHashMap, FxHasher};

/// Stems token keys. Cheap to create: the cache belongs to the thread, not to the value.
pub struct Stemmer {
    inner: rust_stemmers::Stemmer,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer { inner: rust_stemmers::Stemmer::create(Algorithm::English) }
    }
}

/// Above this many cached words the cache is cleared.
const CACHE_LIMIT: usize = 200_000;

/// Key to stem and [`stem_hash`] of the stem.
type StemCache = FxHashMap<Box<str>, (Box<str>, u64)>;

thread_local! {
    static CACHE: RefCell<StemCache> = RefCell::default();
}

/// A fixed 64-bit hash of a stem, the same on every thread and in every run: matchers look a
/// token's stem up by it, so each stem is hashed once however many matchers read it.
pub fn stem_hash(stem: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(stem.as_bytes());
    hasher.finish()
}

impl Stemmer {
    /// The stem of a lower-cased key. Keys that are not plain words (numbers, "u.s.") are kept.
    pub fn stem(&self, key: &str) -> Box<str> {
        let mut out = String::new();
        self.stem_into(key, &mut out);
        out.into_boxed_str()
    }

    /// Append the stem of `key` to `out`, without allocating when the stem is cached.
    pub fn stem_into(&self, key: &str, out: &mut String) {
        self.with_stems(|stems| stems.push(key, out));
    }

    /// Run `f` with the thread's stem cache borrowed once, for a loop over many words (cheaper
    /// than [`Stemmer::stem_into`] for each). `f` must not call `stem` or `stem_into` itself.
    pub fn with_stems<R>(&self, f: impl FnOnce(&mut Stems<'_>) -> R) -> R {
        CACHE.with_borrow_mut(|cache| f(&mut Stems { inner: &self.inner, cache }))
    }
}

/// A [`Stemmer`] with its thread's cache at hand ([`Stemmer::with_stems`]).
pub struct Stems<'a> {
    inner: &'a rust_stemmers::Stemmer,
    cache: &'a mut StemCache,
}

impl Stems<'_> {
    /// Append the stem of `key` to `out`, as [`Stemmer::stem_into`], and return its
    /// [`stem_hash`].
    pub fn push(&mut self, key: &str, out: &mut String) -> u64 {
        if let Some((stem, hash)) = self.cache.get(key) {
            out.push_str(stem);
            return *hash;
        }
        // Keys that are not plain words stay as they are (and are cached like the others).
        let stem: Box<str> =
            if key.chars().all(|c| c.is_alphabetic() || c == '\'') { self.inner.stem(key).into() } else { key.into() };
        let hash = stem_hash(&stem);
        out.push_str(&stem);
        if self.cache.len() >= CACHE_LIMIT {
            self.cache.clear();
        }
        self.cache.insert(key.into(), (stem, hash));
        hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem() {
        let s = Stemmer::default();
        assert_eq!(s.stem("expelled"), s.stem("expel"));
        assert_eq!(s.stem("killings"), s.stem("killing"));
        assert_eq!(s.stem("u.s."), "u.s.".into());
    }

    #[test]
    fn cached_and_fresh_stems_agree() {
        let s = Stemmer::default();
        let first = s.stem("withdrawals");
        let mut again = String::from("x");
        s.stem_into("withdrawals", &mut again);
        assert_eq!(format!("x{first}"), again);
        // The hash returned with a cached stem, a fresh one and a kept key is that of the stem.
        for key in ["withdrawals", "withdrawal", "u.s.", "2020", "expelled"] {
            let mut out = String::new();
            let hash = s.with_stems(|stems| stems.push(key, &mut out));
            assert_eq!((hash, out.as_str()), (stem_hash(&s.stem(key)), &*s.stem(key)), "{key}");
        }
    }
}
