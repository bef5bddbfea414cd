//! The dendrogram of the hierarchical clustering, drawn sideways so names read horizontally,
//! leaves coloured by cluster and the cut that gives the clusters marked.

use plotters::prelude::*;

use super::canvas::{Anchor, Canvas, colour};
use super::{Chart, ChartError};
use crate::compare::MergeStep;

/// A merge tree with leaf names and the cluster of each leaf.
#[derive(Debug, Clone, PartialEq)]
pub struct Dendrogram {
    /// Chart title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// Leaf names, in row order.
    pub names: Vec<String>,
    /// Merges, as from [`crate::compare::hierarchical`].
    pub steps: Vec<MergeStep>,
    /// Cluster of each leaf (colours the names), if cut.
    pub clusters: Option<Vec<usize>>,
}

impl Dendrogram {
    /// Leaves in drawing order: a depth-first walk from the root, so merged leaves sit together.
    pub fn leaf_order(&self) -> Vec<usize> {
        let n = self.names.len();
        let mut order = Vec::with_capacity(n);
        let mut stack = vec![n + self.steps.len().saturating_sub(1)];
        if self.steps.is_empty() {
            return (0..n).collect();
        }
        while let Some(node) = stack.pop() {
            if node < n {
                order.push(node);
            } else {
                let step = &self.steps[node - n];
                stack.push(step.right);
                stack.push(step.left);
            }
        }
        order
    }
}

impl Chart for Dendrogram {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        let (w, h) = canvas.size();
        let n = self.names.len();
        let order = self.leaf_order();
        let label_size = 17.0;
        let right = w - canvas.px(30.0);
        let left = canvas.px(20.0) + canvas.widest(&self.names, label_size)? + canvas.px(14.0);
        let bottom = h - canvas.px(80.0);
        let row = f64::from(bottom - top) / n.max(1) as f64;
        let highest = self.steps.iter().map(|s| s.distance).fold(0.0f64, f64::max).max(1e-9) * 1.05;
        // Distance 0 at the leaves (left), the root to the right.
        let to_x = |d: f64| left + (d / highest * f64::from(right - left)).round() as i32;
        let mut y: Vec<f64> = vec![0.0; n + self.steps.len()];
        let mut height: Vec<f64> = vec![0.0; n + self.steps.len()];
        for (rank, &leaf) in order.iter().enumerate() {
            y[leaf] = f64::from(top) + row * (rank as f64 + 0.5);
        }
        for (i, s) in self.steps.iter().enumerate() {
            let node = n + i;
            y[node] = (y[s.left] + y[s.right]) / 2.0;
            height[node] = s.distance;
            let (ya, yb) = (y[s.left].round() as i32, y[s.right].round() as i32);
            let x = to_x(s.distance);
            canvas.line(
                vec![(to_x(height[s.left]), ya), (x, ya), (x, yb), (to_x(height[s.right]), yb)],
                RGBColor(40, 40, 40),
                2,
            )?;
        }
        for value in (0..=4).map(|i| highest / 1.05 * f64::from(i) / 4.0) {
            let x = to_x(value);
            canvas.line(vec![(x, bottom), (x, bottom + canvas.px(6.0))], RGBColor(90, 90, 90), 1)?;
            canvas.text(
                &format!("{value:.2}"),
                (x, bottom + canvas.px(8.0)),
                15.0,
                Anchor::Top,
                RGBColor(90, 90, 90),
            )?;
        }
        canvas.line(vec![(left, bottom), (right, bottom)], RGBColor(90, 90, 90), 1)?;
        canvas.text(
            "merge distance (average linkage, Euclidean on standardised features)",
            ((left + right) / 2, bottom + canvas.px(36.0)),
            17.0,
            Anchor::Top,
            RGBColor(0, 0, 0),
        )?;
        if let Some(clusters) = &self.clusters {
            let k = clusters.iter().max().map_or(1, |m| m + 1);
            if k > 1 && k <= self.steps.len() {
                let cut =
                    (self.steps[self.steps.len() - k].distance + self.steps[self.steps.len() - k + 1].distance) / 2.0;
                let x = to_x(cut);
                let dashes: Vec<i32> = (top..bottom).step_by(canvas.px(12.0).max(2) as usize).collect();
                for start in dashes {
                    canvas.line(vec![(x, start), (x, (start + canvas.px(6.0)).min(bottom))], colour(3), 2)?;
                }
            }
        }
        for (leaf, name) in self.names.iter().enumerate() {
            let tint = self.clusters.as_ref().map_or(RGBColor(0, 0, 0), |c| colour(c[leaf]));
            let at = (left - canvas.px(8.0), y[leaf].round() as i32);
            canvas.dot((left - canvas.px(4.0), at.1), canvas.px(4.0), tint)?;
            canvas.text(name, (at.0 - canvas.px(6.0), at.1), label_size, Anchor::Right, RGBColor(0, 0, 0))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_are_ordered_so_merged_leaves_sit_together() {
        // Rows 0 and 2 merge first, then row 1 joins.
        let steps = vec![
            MergeStep { left: 0, right: 2, distance: 1.0, size: 2 },
            MergeStep { left: 1, right: 3, distance: 2.0, size: 3 },
        ];
        let d = Dendrogram {
            title: String::new(),
            subtitle: String::new(),
            names: vec!["a".into(), "b".into(), "c".into()],
            steps,
            clusters: None,
        };
        assert_eq!(d.leaf_order(), vec![1, 0, 2]);
    }
}
