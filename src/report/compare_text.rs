//! The parts of `report.md` about attribution style and the outlet comparison, with findings
//! generated from the comparison and pointing to the rows behind them.

use std::fmt::Write;

use super::comparison::ComparisonFiles;
use super::markdown_parts::{chart_link, share};
use crate::compare::Comparison;

/// Cue classes per outlet, and which outlet leans on each non-neutral class most.
pub fn attribution_section(md: &mut String, files: &ComparisonFiles) {
    let Some(bars) = &files.attribution else { return };
    let _ = writeln!(md, "## Attribution style\n");
    chart_link(md, Some(files), "attribution_style");
    let _ = writeln!(md, "| outlet | attributions | {} |", bars.segments.join(" | "));
    let _ = writeln!(md, "|---|---:|{}", "---:|".repeat(bars.segments.len()));
    for row in &bars.rows {
        let total: f64 = row.values.iter().sum();
        let shares: Vec<String> = row.values.iter().map(|v| format!("{:.0}%", share(*v, total) * 100.0)).collect();
        let _ = writeln!(md, "| {} | {total:.0} | {} |", row.label, shares.join(" | "));
    }
    md.push('\n');
    for (s, class) in bars.segments.iter().enumerate().filter(|(_, c)| !matches!(c.as_str(), "neutral" | "other")) {
        let best = bars
            .rows
            .iter()
            .map(|r| (r, share(r.values[s], r.values.iter().sum())))
            .filter(|(_, x)| *x > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.label.cmp(&a.0.label)));
        if let Some((row, x)) = best {
            let _ = writeln!(
                md,
                "- {} uses {class} cues most: {:.0}% of its attributions ({:.0}). Evidence: `quotes.csv` where `outlet = {}` and `cue_class = {class}`.",
                row.label,
                x * 100.0,
                row.values[s],
                row.label
            );
        }
    }
    let _ = writeln!(
        md,
        "\nCue classes come from `lexicons/general/reporting.toml`; `attribution.csv` splits them by speaker group.\n"
    );
}

/// `report` with its "Comparing outlets" section replaced by one for `files` (a comparison made
/// again by `framelens compare`); unchanged when it has no such section.
pub fn replace_comparison_section(report: &str, files: &ComparisonFiles) -> String {
    const HEADING: &str = "## Comparing outlets\n";
    let Some(start) = report.find(HEADING) else { return report.to_string() };
    let end = report[start + HEADING.len()..].find("\n## ").map_or(report.len(), |i| start + HEADING.len() + i + 1);
    let mut section = String::new();
    comparison_section(&mut section, files);
    format!("{}{section}{}", &report[..start], &report[end..])
}

/// `## Comparing outlets`: clusters, distances, map and tree, stability, and what was left out.
pub fn comparison_section(md: &mut String, files: &ComparisonFiles) {
    let c = &files.comparison;
    let _ = writeln!(md, "## Comparing outlets\n");
    let groups = if c.options.groups.is_empty() { files.groups.join(", ") } else { c.options.groups.join(", ") };
    let _ = writeln!(
        md,
        "{} outlets compared on {} standardised features (groups: {groups}); label features are shares within each concept, not raw counts. Seed {}; details in `comparison.json`.\n",
        c.matrix.rows(),
        c.matrix.columns.len(),
        c.options.seed
    );
    cluster_table(md, c);
    for finding in distance_findings(c) {
        let _ = writeln!(md, "- {finding}");
    }
    if let Some(finding) = stability_finding(c) {
        let _ = writeln!(md, "- {finding}");
    }
    md.push('\n');
    for name in ["framing_map", "dendrogram", "distances"] {
        chart_link(md, Some(files), name);
    }
    let notes: Vec<String> = c
        .notes
        .iter()
        .cloned()
        .chain(
            files
                .charts
                .iter()
                .filter_map(|ch| ch.skipped.as_ref().map(|why| format!("Chart `{}` not drawn: {why}.", ch.name))),
        )
        .collect();
    if !notes.is_empty() {
        let _ = writeln!(md, "Notes:\n");
        for note in notes {
            let _ = writeln!(md, "- {note}");
        }
        md.push('\n');
    }
}

/// Silhouette below which clusters are not substantial (Kaufman and Rousseeuw's rule of thumb).
const WEAK_STRUCTURE: f64 = 0.25;

fn cluster_table(md: &mut String, c: &Comparison) {
    let Some(k) = &c.kmeans else { return };
    let silhouette = k.silhouette.map_or("–".to_string(), |s| format!("{s:.2}"));
    let how = if c.options.k.is_some() { "given with --k" } else { "chosen by silhouette" };
    let _ = writeln!(md, "k-means found {} clusters (k {how}; silhouette {silhouette}).", k.k);
    if k.silhouette.is_some_and(|s| s < WEAK_STRUCTURE) {
        let _ = writeln!(
            md,
            "A silhouette below {WEAK_STRUCTURE} means no substantial cluster structure: read these clusters as a description of these articles, not as camps of outlets."
        );
    }
    md.push('\n');
    let _ = writeln!(md, "| outlet | k-means cluster | hierarchical cluster | PC1 | PC2 |");
    let _ = writeln!(md, "|---|---:|---:|---:|---:|");
    for (i, name) in c.matrix.names.iter().enumerate() {
        let tree = c.hierarchical.as_ref().map_or("–".to_string(), |h| (h[i] + 1).to_string());
        let (x, y) = c.map.as_ref().map_or(("–".to_string(), "–".to_string()), |m| {
            (format!("{:.2}", m.coords[i].0), format!("{:.2}", m.coords[i].1))
        });
        let _ = writeln!(md, "| {name} | {} | {tree} | {x} | {y} |", k.labels[i] + 1);
    }
    if let Some(map) = &c.map {
        let _ = writeln!(
            md,
            "\nThe map's two components explain {:.0}% and {:.0}% of the variance.",
            map.explained.0 * 100.0,
            map.explained.1 * 100.0
        );
    }
    md.push('\n');
}

/// The closest and the farthest pair of outlets, on features and on label distributions.
fn distance_findings(c: &Comparison) -> Vec<String> {
    let n = c.matrix.rows();
    let pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| ((i + 1)..n).map(move |j| (i, j))).collect();
    let mut found = Vec::new();
    let names = &c.matrix.names;
    let evidence =
        |i: usize, j: usize| format!("Evidence: `distances.csv` where `a = {}` and `b = {}`.", names[i], names[j]);
    if !c.matrix.columns.is_empty() && pairs.len() > 1 {
        let by = |a: &&(usize, usize), b: &&(usize, usize)| c.euclidean[[a.0, a.1]].total_cmp(&c.euclidean[[b.0, b.1]]);
        let (near, far) = (pairs.iter().min_by(by).expect("pairs"), pairs.iter().max_by(by).expect("pairs"));
        found.push(format!(
            "{} and {} frame the story most alike (distance {:.1}); {} and {} least alike ({:.1}). {}",
            names[near.0],
            names[near.1],
            c.euclidean[[near.0, near.1]],
            names[far.0],
            names[far.1],
            c.euclidean[[far.0, far.1]],
            evidence(far.0, far.1)
        ));
    }
    let js: Vec<(usize, usize, f64)> =
        pairs.iter().filter_map(|&(i, j)| c.jensen_shannon[[i, j]].map(|(v, _)| (i, j, v))).collect();
    if let Some(&(i, j, v)) = js.iter().max_by(|a, b| a.2.total_cmp(&b.2)) {
        found.push(format!(
            "On own-voice label choice alone (Jensen–Shannon divergence, 0 = same labels in the same proportions, 1 = no label in common), {} and {} differ most ({v:.2}). {}",
            names[i],
            names[j],
            evidence(i, j)
        ));
    }
    found
}

/// The most and least stable pairs of outlets over the bootstrap.
fn stability_finding(c: &Comparison) -> Option<String> {
    let s = c.stability.as_ref()?;
    let n = c.matrix.rows();
    let pairs: Vec<(usize, usize)> = (0..n).flat_map(|i| ((i + 1)..n).map(move |j| (i, j))).collect();
    let by = |a: &&(usize, usize), b: &&(usize, usize)| s.share(a.0, a.1).total_cmp(&s.share(b.0, b.1));
    let (most, least) = (pairs.iter().max_by(by)?, pairs.iter().min_by(by)?);
    let names = &c.matrix.names;
    Some(format!(
        "Resampling each outlet's articles {} times, {} and {} shared a cluster most often ({:.0}% of rounds), {} and {} least ({:.0}%). Evidence: `cluster_stability.csv`.",
        s.rounds,
        names[most.0],
        names[most.1],
        s.share(most.0, most.1) * 100.0,
        names[least.0],
        names[least.1],
        s.share(least.0, least.1) * 100.0
    ))
}
