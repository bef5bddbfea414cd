//! The comparison as tables: clusters, pairwise distances, the merge tree and stability.
//! Clusters are numbered from 1 for readers; row order follows the compared rows.

use crate::columns;
use polars::prelude::DataFrame;

use super::comparison::Comparison;
use crate::table::FrameBuilder;

fn numbered(labels: Option<&Vec<usize>>, rows: usize) -> Vec<Option<u64>> {
    (0..rows).map(|i| labels.map(|l| l[i] as u64 + 1)).collect()
}

/// One row per compared unit: its clusters and map position.
pub fn clusters_table(c: &Comparison) -> DataFrame {
    let rows = c.matrix.rows();
    let position =
        |pick: fn(&(f64, f64)) -> f64| (0..rows).map(|i| c.map.as_ref().map(|m| pick(&m.coords[i]))).collect();
    FrameBuilder::default()
        .text(columns::NAME, &c.matrix.names)
        .text(columns::OUTLET, &c.matrix.outlets)
        .maybe_count(columns::KMEANS_CLUSTER, numbered(c.kmeans.as_ref().map(|k| &k.labels), rows))
        .maybe_count(columns::HIERARCHICAL_CLUSTER, numbered(c.hierarchical.as_ref(), rows))
        .measure(columns::PC1, position(|p| p.0))
        .measure(columns::PC2, position(|p| p.1))
        .build()
}

/// One row per pair of compared units (each pair once).
pub fn distances_table(c: &Comparison) -> DataFrame {
    let n = c.matrix.rows();
    let pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| ((i + 1)..n).map(move |j| (i, j))).collect();
    let name =
        |pick: fn(&(usize, usize)) -> usize| pairs.iter().map(|p| c.matrix.names[pick(p)].as_str()).collect::<Vec<_>>();
    let js = |p: &(usize, usize)| c.jensen_shannon.get([p.0, p.1]).copied().flatten();
    FrameBuilder::default()
        .text(columns::A, &name(|p| p.0))
        .text(columns::B, &name(|p| p.1))
        .measure(columns::EUCLIDEAN, pairs.iter().map(|&(i, j)| Some(c.euclidean[[i, j]])).collect())
        .measure(columns::COSINE, pairs.iter().map(|&(i, j)| Some(c.cosine[[i, j]])).collect())
        .measure(columns::JENSEN_SHANNON, pairs.iter().map(|p| js(p).map(|v| v.0)).collect())
        .maybe_count(columns::JENSEN_SHANNON_CONCEPTS, pairs.iter().map(|p| js(p).map(|v| v.1 as u64)).collect())
        .build()
}

/// The hierarchical merges in order, with the members of each new cluster.
pub fn merge_tree_table(c: &Comparison) -> DataFrame {
    let n = c.matrix.rows();
    let mut members: Vec<Vec<&str>> = c.matrix.names.iter().map(|s| vec![s.as_str()]).collect();
    let mut joined = Vec::new();
    for step in &c.tree {
        let mut merged = [members[step.left].clone(), members[step.right].clone()].concat();
        merged.sort_unstable();
        joined.push(merged.join("; "));
        members.push(merged);
    }
    let id = |cluster: usize| {
        if cluster < n { c.matrix.names[cluster].clone() } else { format!("merge {}", cluster - n + 1) }
    };
    FrameBuilder::default()
        .count(columns::STEP, (1..=c.tree.len() as u64).collect())
        .text(columns::LEFT, &c.tree.iter().map(|s| id(s.left)).collect::<Vec<_>>())
        .text(columns::RIGHT, &c.tree.iter().map(|s| id(s.right)).collect::<Vec<_>>())
        .measure(columns::DISTANCE, c.tree.iter().map(|s| Some(s.distance)).collect())
        .count(columns::SIZE, c.tree.iter().map(|s| s.size as u64).collect())
        .text(columns::MEMBERS, &joined)
        .build()
}

/// How often each pair of outlets shared a cluster over the bootstrap, if it ran.
pub fn stability_table(c: &Comparison) -> Option<DataFrame> {
    let s = c.stability.as_ref()?;
    let n = c.matrix.rows();
    let pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| ((i + 1)..n).map(move |j| (i, j))).collect();
    let name =
        |pick: fn(&(usize, usize)) -> usize| pairs.iter().map(|p| c.matrix.names[pick(p)].as_str()).collect::<Vec<_>>();
    Some(
        FrameBuilder::default()
            .text(columns::A, &name(|p| p.0))
            .text(columns::B, &name(|p| p.1))
            .measure(columns::TOGETHER_SHARE, pairs.iter().map(|&(i, j)| Some(s.share(i, j))).collect())
            .count(columns::ROUNDS, vec![s.rounds as u64; pairs.len()])
            .build(),
    )
}
