//! English Snowball stems for token keys, with a per-thread cache (news vocabulary repeats).

use std::cell::RefCell;
use std::collections::HashMap;

use rust_stemmers::Algorithm;

/// Stems token keys. Cheap to create; holds a cache of recent words.
pub struct Stemmer {
    inner: rust_stemmers::Stemmer,
    cache: RefCell<HashMap<Box<str>, Box<str>>>,
}

impl Default for Stemmer {
    fn default() -> Self {
        Stemmer { inner: rust_stemmers::Stemmer::create(Algorithm::English), cache: RefCell::default() }
    }
}

/// Above this many cached words the cache is cleared, so memory stays flat on huge corpora.
const CACHE_LIMIT: usize = 200_000;

impl Stemmer {
    /// The stem of a lower-cased key. Keys that are not plain words (numbers, "u.s.") are kept.
    pub fn stem(&self, key: &str) -> Box<str> {
        if !key.chars().all(|c| c.is_alphabetic() || c == '\'') {
            return key.into();
        }
        if let Some(stem) = self.cache.borrow().get(key) {
            return stem.clone();
        }
        let stem: Box<str> = self.inner.stem(key).into();
        let mut cache = self.cache.borrow_mut();
        if cache.len() >= CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key.into(), stem.clone());
        stem
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
}
