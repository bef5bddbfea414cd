//! The parts of `report.md` that say how sure a finding is: whether the corpus supports claims
//! about outlets at all, which outlet differences survive the tests, and how to read them.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::stats::{Difference, Findings, MIN_ARTICLES, REST};
use crate::table::Totals;

/// Most differences listed in the report (all are in `differences.csv`).
const LISTED: usize = 10;

/// Whether outlets have articles enough for claims about outlets; if not, say so outright.
pub fn scope_statement(md: &mut String, outlets: &BTreeMap<String, Totals>, findings: Option<&Findings>) {
    let few: Vec<String> = outlets
        .iter()
        .filter(|(_, t)| t.articles < MIN_ARTICLES)
        .map(|(o, t)| format!("{o} ({})", articles(t.articles)))
        .collect();
    if findings.is_none() {
        let _ = writeln!(
            md,
            "**No outlet differences were tested** (`--intervals 0`): the numbers below describe these articles; differences between outlets are not claims about the outlets.\n"
        );
    } else if few.len() == outlets.len() {
        let _ = writeln!(
            md,
            "**This report describes articles, not outlets.** Every outlet has fewer than {MIN_ARTICLES} articles here ({}), too few to tell an outlet's habits from one article's topic, so no outlet difference is tested or claimed. Read \"Only X says …\" as a statement about these articles.\n",
            few.join(", ")
        );
    } else if !few.is_empty() {
        let _ = writeln!(
            md,
            "**Some outlets have too few articles for claims about the outlet** (fewer than {MIN_ARTICLES}): {}. Their numbers describe their articles and are not tested.\n",
            few.join(", ")
        );
    }
}

/// `## Outlet differences`: the tests that survive Benjamini–Hochberg at `alpha`, strongest first.
pub fn differences_section(md: &mut String, findings: &Findings) {
    let alpha = findings.options.alpha;
    let tests = findings.tests();
    let _ = writeln!(md, "## Outlet differences\n");
    if tests == 0 {
        let _ = writeln!(
            md,
            "No test could be run: {} comparisons, none with at least {MIN_ARTICLES} articles on each side and a shared story (reasons in the `note` column of `differences.csv`). There is no evidence of a difference between outlets.\n",
            findings.differences.len()
        );
        return;
    }
    let found = findings.significant(alpha);
    let untested = findings.differences.len() - tests;
    let _ = writeln!(
        md,
        "{tests} tests (each outlet against the rest{}, on every share, rate and mean{}); {untested} comparisons without a test (see `note`). {} with q < {alpha}.\n",
        if findings.options.pairs.is_empty() { "" } else { ", and the pairs asked for" },
        if findings.stratified { ", outlet labels permuted within stories" } else { "" },
        match found.len() {
            0 => "None".to_string(),
            n => n.to_string(),
        }
    );
    if found.is_empty() {
        let smallest = findings.differences.iter().filter_map(|d| Some((d.q?, d))).min_by(|a, b| a.0.total_cmp(&b.0));
        let _ = write!(
            md,
            "No difference survives: there is no evidence of a difference between outlets on any feature tested"
        );
        if let Some((q, d)) = smallest {
            let _ = write!(md, " (the closest: {}, q = {})", describe(d), fmt_q(q));
        }
        let _ = writeln!(md, ". No forest plot is drawn.\n");
        return;
    }
    let _ = writeln!(
        md,
        "| feature | outlet | versus | value | versus value | difference [95% interval] | q | effect | articles |"
    );
    let _ = writeln!(md, "|---|---|---|---:|---:|---:|---:|---:|---:|");
    for d in found.iter().take(LISTED) {
        let interval = d.bounds.map_or(String::new(), |(l, h)| format!(" [{}, {}]", num(l), num(h)));
        let _ = writeln!(
            md,
            "| `{}` | {} | {} | {} | {} | {}{interval} | {} | {} {} | {} / {} |",
            d.feature,
            d.outlet,
            d.versus,
            num(d.value),
            num(d.value_versus),
            num(d.difference),
            fmt_q(d.q.unwrap_or(1.0)),
            d.effect.map_or("–".to_string(), |e| format!("{e:.2}")),
            d.effect_measure,
            d.articles.0,
            d.articles.1
        );
    }
    if found.len() > LISTED {
        let _ = writeln!(md, "\n{} more in `differences.csv` (rows with `q` < {alpha}).", found.len() - LISTED);
    }
    let _ = writeln!(md, "\nEvery other comparison shows no evidence of a difference (q ≥ {alpha}, or no test).\n");
}

/// `## How to read these numbers`.
pub fn how_to_read(md: &mut String, findings: &Findings) {
    let o = &findings.options;
    let _ = writeln!(md, "## How to read these numbers\n");
    let _ = writeln!(
        md,
        "- **Intervals** (`outlet_intervals.csv`): each outlet value comes with a 95% interval from {} bootstrap resamples of the outlet's articles{}. An outlet with one article has no interval: one article cannot show how an outlet varies.",
        o.resamples,
        if findings.stratified { ", drawn within each story so the mix of stories stays fixed" } else { "" }
    );
    let _ = writeln!(
        md,
        "- **Tests** (`differences.csv`): each outlet is compared with all other outlets together on every feature. The p-value comes from up to {} permutations of outlet labels{}; a test needs {MIN_ARTICLES} articles on each side, and the `note` column says why a row has none.",
        o.permutations,
        if findings.stratified {
            " within stories, so an outlet that covered other stories cannot look different for that reason alone"
        } else {
            " (the corpus names no stories, so a difference can also come from outlets covering different stories)"
        }
    );
    let _ = writeln!(
        md,
        "- **q-values** correct for running many tests at once (Benjamini–Hochberg over all {} tests): among differences with q < {}, about {:.0}% are expected to be chance. A finding is called a difference only below that line; everything else is \"no evidence of a difference\", which is not evidence of sameness when n is small.",
        findings.tests(),
        o.alpha,
        o.alpha * 100.0
    );
    let _ = writeln!(
        md,
        "- **Effect sizes**: Cohen's h for shares (0.2 small, 0.5 medium, 0.8 large) and Cohen's d in article standard deviations for rates and means. Seed {} makes every interval and p-value reproducible.\n",
        o.seed
    );
}

/// What the tests say about one outlet against the rest on one feature, for a finding's
/// sentence (`; n = …; …`, to go inside its parentheses): its n, and its q when a test exists.
pub fn evidence_note(findings: Option<&Findings>, outlet: &str, feature: &str) -> String {
    let Some(findings) = findings else { return String::new() };
    let Some(d) = findings.against_rest(outlet, feature) else { return String::new() };
    let n = format!("n = {} of {outlet} against {} of the others", articles(d.articles.0), articles(d.articles.1));
    match d.q {
        Some(q) if q < findings.options.alpha => format!("; {n}; a difference: q = {}", fmt_q(q)),
        Some(q) => format!("; {n}; no evidence of a difference: q = {}", fmt_q(q)),
        None => format!("; {n}; not tested: {}", d.note),
    }
}

fn describe(d: &Difference) -> String {
    let versus = if d.versus == REST { "the other outlets".to_string() } else { d.versus.clone() };
    format!("`{}` of {} against {} ({} vs {})", d.feature, d.outlet, versus, num(d.value), num(d.value_versus))
}

fn articles(n: u64) -> String {
    if n == 1 { "1 article".to_string() } else { format!("{n} articles") }
}

fn num(x: f64) -> String {
    format!("{x:.3}")
}

fn fmt_q(q: f64) -> String {
    if q < 0.001 { format!("{q:.1e}") } else { format!("{q:.3}") }
}
