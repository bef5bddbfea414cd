//! The tables of one run that the comparison, the charts and `report.md` read, as one typed
//! value. `framelens report` keeps them in memory while the pipeline writes them, so nothing is
//! read back from disk; `framelens compare` reads the same tables from a report folder.

use polars::prelude::DataFrame;

/// The comparison's inputs, built once by the pipeline.
#[derive(Debug, Clone)]
pub struct RunTables {
    /// `outlet_features`: one row per outlet, one column per feature.
    pub outlet_features: DataFrame,
    /// `word_choice`: outlet × concept × label × voice.
    pub word_choice: DataFrame,
    /// `voices`: words and attributions by voice group and speaker.
    pub voices: DataFrame,
    /// `attribution`: outlet × cue class × speaker group.
    pub attribution: DataFrame,
    /// `coverage`: outlet × fact (absent when the fact signal was left out).
    pub coverage: Option<DataFrame>,
    /// `loaded`: outlet × class × voice (absent when the signal was left out, and from reports
    /// made before it existed).
    pub loaded: Option<DataFrame>,
    /// `naming`: outlet × form × voice (absent when the signal was left out, and from reports
    /// made before it existed).
    pub naming: Option<DataFrame>,
    /// `article_features`: one row per article (the rows of an article-level comparison, and the
    /// articles an outlet-level bootstrap resamples).
    pub article_features: DataFrame,
    /// `article_word_choice` and `articles`, for an article-level comparison only.
    pub article_level: Option<ArticleTables>,
    /// `outlet_intervals`, when the run computed them (whiskers on the charts).
    pub outlet_intervals: Option<DataFrame>,
    /// `differences`, when the run computed them (the forest plot).
    pub differences: Option<DataFrame>,
}

/// The per-article tables only an article-level comparison reads.
#[derive(Debug, Clone)]
pub struct ArticleTables {
    /// `article_word_choice`: article × concept × label × voice, for labels that occur.
    pub word_choice: DataFrame,
    /// `articles`: one row per article (its story, for agreement with stories).
    pub articles: DataFrame,
}

/// One table from its chunks, in order; `empty` (the table with no rows) when there are none.
pub fn stack(chunks: Vec<DataFrame>, empty: DataFrame) -> DataFrame {
    let mut chunks = chunks.into_iter();
    let Some(mut stacked) = chunks.next() else { return empty };
    for chunk in chunks {
        stacked.vstack_mut_owned(chunk).expect("chunks of one table share its schema");
    }
    stacked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::FrameBuilder;

    fn frame(values: &[u64]) -> DataFrame {
        FrameBuilder::default().count("n", values.to_vec()).build()
    }

    #[test]
    fn chunks_stack_in_order_and_no_chunk_is_the_empty_table() {
        let stacked = stack(vec![frame(&[1, 2]), frame(&[3])], frame(&[]));
        let column = stacked.column("n").unwrap().u64().unwrap().into_no_null_iter().collect::<Vec<_>>();
        assert_eq!(column, [1, 2, 3]);
        assert_eq!(stack(Vec::new(), frame(&[])).height(), 0);
    }
}
