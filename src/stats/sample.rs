//! The per-article sums every outlet share, rate and mean is built from.

use std::collections::BTreeMap;

use crate::features::{Column, Ratio};

/// One article's share, rate and mean sums, sparse (features it has no units for are left out).
#[derive(Clone, Debug, PartialEq)]
pub struct ArticleSums {
    /// Its outlet.
    pub outlet: String,
    /// Its story (empty when the corpus names none).
    pub story: String,
    /// (feature index, its sums), in feature order.
    pub sums: Vec<(u32, Ratio)>,
}

impl ArticleSums {
    /// The article's value of feature `j`, when it has sums for it.
    pub fn value(&self, j: usize) -> Option<f64> {
        let at = self.sums.binary_search_by_key(&(j as u32), |(k, _)| *k).ok()?;
        self.sums[at].1.value()
    }
}

/// Every article's sums, in corpus order: what outlet intervals and tests resample.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sample {
    /// Feature names (the ratio columns of `article_features`), in table order.
    pub features: Vec<String>,
    /// The articles, added with [`Sample::add`].
    pub articles: Vec<ArticleSums>,
    /// Whether an article added names a story (kept, since it is asked once per outlet and per
    /// comparison, and a scan of every article each time would make thousands of outlets slow).
    stories: bool,
}

impl Sample {
    /// Add a chunk of articles: their feature values (as `table::feature_values` gives them,
    /// one value per article) with each article's outlet and story.
    pub fn add(&mut self, values: &[Column], outlets: &[&str], stories: &[&str]) {
        let ratios: Vec<(&str, &[Ratio])> = Column::ratios(values);
        if self.features.is_empty() {
            self.features = ratios.iter().map(|(name, _)| (*name).to_string()).collect();
        }
        for (i, (outlet, story)) in outlets.iter().zip(stories).enumerate() {
            let sums = ratios
                .iter()
                .enumerate()
                .filter_map(|(j, (_, r))| (r[i].whole != 0.0 || r[i].part != 0.0).then_some((j as u32, r[i])))
                .collect();
            self.stories |= !story.is_empty();
            self.articles.push(ArticleSums { outlet: (*outlet).to_string(), story: (*story).to_string(), sums });
        }
    }

    /// Whether any article names a story (then resampling and permutations keep story mix).
    pub fn has_stories(&self) -> bool {
        self.stories
    }

    /// Article indices per outlet, outlets in name order.
    pub fn by_outlet(&self) -> BTreeMap<&str, Vec<usize>> {
        let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, a) in self.articles.iter().enumerate() {
            by.entry(a.outlet.as_str()).or_default().push(i);
        }
        by
    }

    /// The sums of `articles` per feature, with how many of them have units for it.
    pub fn totals(&self, articles: &[usize]) -> Vec<(Ratio, u64)> {
        let mut out = vec![(Ratio::default(), 0u64); self.features.len()];
        for &i in articles {
            for &(j, r) in &self.articles[i].sums {
                let cell = &mut out[j as usize];
                cell.0.part += r.part;
                cell.0.whole += r.whole;
                cell.1 += u64::from(r.whole > 0.0);
            }
        }
        out
    }

    /// The least and greatest value of feature `j` among `articles` that have units for it.
    pub fn range(&self, articles: &[usize], j: usize) -> (f64, f64) {
        articles
            .iter()
            .filter_map(|&i| self.articles[i].value(j))
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)))
    }

    /// Groups of `articles` that resampling keeps apart: one per story, with the stories that
    /// have a single article here pooled (one article alone cannot vary). Without stories, one.
    pub fn strata(&self, articles: &[usize]) -> Vec<Vec<usize>> {
        if !self.has_stories() {
            return vec![articles.to_vec()];
        }
        let mut by: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for &i in articles {
            by.entry(self.articles[i].story.as_str()).or_default().push(i);
        }
        let (mut strata, singles): (Vec<Vec<usize>>, Vec<Vec<usize>>) = by.into_values().partition(|s| s.len() >= 2);
        let pooled: Vec<usize> = singles.concat();
        match (pooled.len(), strata.iter_mut().min_by_key(|s| s.len())) {
            (0, _) => {}
            (1, Some(smallest)) => smallest.extend(pooled),
            _ => strata.push(pooled),
        }
        strata
    }
}
