//! The comparison as tables: clusters, pairwise distances, the merge tree and stability.
//! Clusters are numbered from 1 for readers; row order follows the compared rows.

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
        .text("name", &c.matrix.names)
        .text("outlet", &c.matrix.outlets)
        .maybe_count("kmeans_cluster", numbered(c.kmeans.as_ref().map(|k| &k.labels), rows))
        .maybe_count("hierarchical_cluster", numbered(c.hierarchical.as_ref(), rows))
        .measure("pc1", position(|p| p.0))
        .measure("pc2", position(|p| p.1))
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
        .text("a", &name(|p| p.0))
        .text("b", &name(|p| p.1))
        .measure("euclidean", pairs.iter().map(|&(i, j)| Some(c.euclidean[[i, j]])).collect())
        .measure("cosine", pairs.iter().map(|&(i, j)| Some(c.cosine[[i, j]])).collect())
        .measure("jensen_shannon", pairs.iter().map(|p| js(p).map(|v| v.0)).collect())
        .maybe_count("jensen_shannon_concepts", pairs.iter().map(|p| js(p).map(|v| v.1 as u64)).collect())
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
        .count("step", (1..=c.tree.len() as u64).collect())
        .text("left", &c.tree.iter().map(|s| id(s.left)).collect::<Vec<_>>())
        .text("right", &c.tree.iter().map(|s| id(s.right)).collect::<Vec<_>>())
        .measure("distance", c.tree.iter().map(|s| Some(s.distance)).collect())
        .count("size", c.tree.iter().map(|s| s.size as u64).collect())
        .text("members", &joined)
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
            .text("a", &name(|p| p.0))
            .text("b", &name(|p| p.1))
            .measure("together_share", pairs.iter().map(|&(i, j)| Some(s.share(i, j))).collect())
            .count("rounds", vec![s.rounds as u64; pairs.len()])
            .build(),
    )
}
