//! COMPARE: outlets (or articles) side by side. Owns the feature matrix (selected feature groups,
//! gap filling, standardisation), distances, clustering (k-means, hierarchical merge tree, PCA
//! map, all seeded), bootstrap stability and agreement scores. Reads the tables a run wrote;
//! draws nothing (that is `chart`).

mod agreement;
mod cluster;
mod comparison;
mod distance;
mod load;
mod matrix;
mod stability;
mod tables;

pub use agreement::{adjusted_rand_index, silhouette};
pub use cluster::{KMeansChoice, MAX_K, MergeStep, PcaMap, canonical_labels, cut_tree, hierarchical, kmeans, pca_map};
pub use comparison::{CompareInput, CompareOptions, Comparison, Level, MAX_DISTANCE_ROWS, compare};
pub use distance::{LabelCounts, cosine, euclidean, jensen_shannon, jensen_shannon_matrix};
pub use load::{
    LoadError, article_stories, feature_table, numbers, own_label_counts, read_run_tables, read_table, strings,
};
pub use matrix::{FeatureMatrix, FeatureTable, FeatureValues, feature_group, groups_present, standardise};
pub use stability::{Stability, bootstrap};
pub use tables::{clusters_table, distances_table, merge_tree_table, stability_table};
