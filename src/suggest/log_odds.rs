//! Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and Quinn 2008,
//! "Fightin' Words", eq. 16 and 19): how much more one group uses a term than the rest, with the
//! uncertainty of small counts taken into account.

/// Counts of one term.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TermCounts {
    /// Uses by the group (`y_w^i`).
    pub group: f64,
    /// Term uses of the same length by the group (`n^i`).
    pub group_total: f64,
    /// Uses by everyone else (`y_w^j`).
    pub rest: f64,
    /// Term uses of the same length by everyone else (`n^j`).
    pub rest_total: f64,
}

/// The prior: `alpha_w` for the term, `alpha_0` summed over all terms.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prior {
    /// Pseudo-count of the term.
    pub term: f64,
    /// Sum of the pseudo-counts of all terms.
    pub total: f64,
}

/// The log-odds ratio, its variance and its z-score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogOdds {
    /// `δ_w`: log-odds of the term in the group minus in the rest.
    pub delta: f64,
    /// `σ²(δ_w) ≈ 1/(y_w^i + α_w) + 1/(y_w^j + α_w)`.
    pub variance: f64,
    /// `δ_w / σ(δ_w)`.
    pub z: f64,
}

/// Log-odds of one term for one group against the rest.
pub fn log_odds(c: TermCounts, prior: Prior) -> LogOdds {
    let odds = |y: f64, n: f64| ((y + prior.term) / (n + prior.total - y - prior.term)).ln();
    let delta = odds(c.group, c.group_total) - odds(c.rest, c.rest_total);
    let variance = 1.0 / (c.group + prior.term) + 1.0 / (c.rest + prior.term);
    LogOdds { delta, variance, z: delta / variance.sqrt() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_a_hand_computed_count_table() {
        // Two groups, three words. Group A: war 8, strike 2, talks 0 (n = 10); the rest: war 2,
        // strike 6, talks 12 (n = 20). Prior: the pooled counts (war 10, strike 8, talks 12;
        // alpha_0 = 30), scaled by 0.1 -> alpha_war = 1.0, alpha_0 = 3.0.
        // delta_war = ln((8 + 1) / (10 + 3 - 8 - 1)) - ln((2 + 1) / (20 + 3 - 2 - 1))
        //           = ln(9 / 4) - ln(3 / 20) = 0.810930 - (-1.897120) = 2.708050
        // var = 1/9 + 1/3 = 0.444444; z = 2.708050 / 0.666667 = 4.062075
        let war = log_odds(
            TermCounts { group: 8.0, group_total: 10.0, rest: 2.0, rest_total: 20.0 },
            Prior { term: 1.0, total: 3.0 },
        );
        assert!((war.delta - 2.708_050).abs() < 1e-6, "{war:?}");
        assert!((war.variance - 0.444_444).abs() < 1e-6);
        assert!((war.z - 4.062_075).abs() < 1e-6);
        // talks: alpha = 1.2; delta = ln(1.2 / (13 - 1.2)) - ln(13.2 / (23 - 12 - 1.2))
        //      = ln(0.101695) - ln(1.346939) = -2.285778 - 0.297834 = -2.583612
        // var = 1/1.2 + 1/13.2 = 0.909091; z = -2.583612 / 0.953463 = -2.709716
        let talks = log_odds(
            TermCounts { group: 0.0, group_total: 10.0, rest: 12.0, rest_total: 20.0 },
            Prior { term: 1.2, total: 3.0 },
        );
        assert!((talks.delta + 2.583_612).abs() < 1e-5, "{talks:?}");
        assert!((talks.z + 2.709_716).abs() < 1e-5);
    }

    #[test]
    fn more_evidence_means_a_larger_z_for_the_same_proportions() {
        let small = log_odds(
            TermCounts { group: 2.0, group_total: 100.0, rest: 1.0, rest_total: 100.0 },
            Prior { term: 0.5, total: 10.0 },
        );
        let large = log_odds(
            TermCounts { group: 20.0, group_total: 1000.0, rest: 10.0, rest_total: 1000.0 },
            Prior { term: 0.5, total: 10.0 },
        );
        assert!(large.z > small.z && small.z > 0.0);
    }
}
