//! Small pieces every `report.md` section writer uses: chart links and shares. A leaf module, so
//! the section writers (`markdown`, `compare_text`, `signals_text`) import it and never each other.

use std::fmt::Write;

use super::comparison::ComparisonFiles;

/// An image link to a chart that was drawn (nothing when it was skipped or not made).
pub(super) fn chart_link(md: &mut String, comparison: Option<&ComparisonFiles>, name: &str) {
    let chart = comparison.and_then(|c| c.charts.iter().find(|chart| chart.name == name));
    if let Some(file) = chart.and_then(|c| c.file.as_ref()) {
        let _ = writeln!(md, "![{}]({file})\n", name.replace('_', " "));
    }
}

/// `part / total`, 0 when there is nothing.
pub(super) fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 { part / total } else { 0.0 }
}
