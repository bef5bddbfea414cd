//! The framing map: rows on their first two principal components, coloured by cluster, with
//! labels placed so that they overlap neither each other nor the points.

use plotters::prelude::*;

use super::canvas::{Anchor, Canvas, colour};
use super::{Chart, ChartError};

/// A point of the map: label, x, y and cluster.
pub type MapPoint = (String, f64, f64, Option<usize>);

/// A labelled scatter of rows on two components.
#[derive(Debug, Clone, PartialEq)]
pub struct FramingMap {
    /// Chart title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// Axis titles (with explained variance).
    pub axes: (String, String),
    /// (label, x, y, cluster).
    pub points: Vec<MapPoint>,
}

/// A rectangle in pixels: left, top, right, bottom.
pub type Box2 = (i32, i32, i32, i32);

fn overlap(a: Box2, b: Box2) -> i64 {
    let w = (a.2.min(b.2) - a.0.max(b.0)).max(0);
    let h = (a.3.min(b.3) - a.1.max(b.1)).max(0);
    i64::from(w) * i64::from(h)
}

/// Top-left corners for labels of `sizes` next to `points`, inside `bounds`, trying eight
/// directions at growing distances and keeping the first spot that overlaps no placed label and
/// no point (or the least overlapping one). Deterministic: points are labelled in order.
pub fn place_labels(points: &[(i32, i32)], sizes: &[(i32, i32)], bounds: Box2, gap: i32) -> Vec<(i32, i32)> {
    let markers: Vec<Box2> = points.iter().map(|&(x, y)| (x - gap, y - gap, x + gap, y + gap)).collect();
    let mut placed: Vec<Box2> = Vec::new();
    for (&(px, py), &(w, h)) in points.iter().zip(sizes) {
        let mut best: Option<(i64, Box2)> = None;
        'search: for ring in 1..=16 {
            let r = gap * ring;
            let candidates = [
                (px + r, py - h / 2),
                (px - r - w, py - h / 2),
                (px - w / 2, py - r - h),
                (px - w / 2, py + r),
                (px + r, py - r - h),
                (px - r - w, py - r - h),
                (px + r, py + r),
                (px - r - w, py + r),
            ];
            for (x, y) in candidates {
                let x = x.clamp(bounds.0, (bounds.2 - w).max(bounds.0));
                let y = y.clamp(bounds.1, (bounds.3 - h).max(bounds.1));
                let rect = (x, y, x + w, y + h);
                let cost: i64 = placed.iter().chain(&markers).map(|b| overlap(rect, *b)).sum();
                if best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, rect));
                }
                if cost == 0 {
                    break 'search;
                }
            }
        }
        let rect = best.expect("eight candidates per ring").1;
        placed.push(rect);
    }
    placed.iter().map(|r| (r.0, r.1)).collect()
}

/// About five round tick values covering `low..high`.
fn ticks(low: f64, high: f64) -> Vec<f64> {
    let raw = (high - low) / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(raw);
    let first = (low / step).ceil() as i64;
    let last = (high / step).floor() as i64;
    (first..=last).map(|i| i as f64 * step).collect()
}

impl Chart for FramingMap {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        let (w, h) = canvas.size();
        let clusters: Vec<usize> = self.points.iter().filter_map(|p| p.3).collect();
        let k = clusters.iter().max().map_or(0, |m| m + 1);
        let legend: Vec<(String, RGBColor)> = (0..k).map(|c| (format!("cluster {}", c + 1), colour(c))).collect();
        let legend_width = if k > 0 {
            canvas.widest(&legend.iter().map(|l| l.0.clone()).collect::<Vec<_>>(), 17.0)? + canvas.px(26.0)
        } else {
            0
        };
        let (x0, x1) = (canvas.px(90.0), w - canvas.px(30.0) - legend_width - canvas.px(20.0));
        let (y0, y1) = (top, h - canvas.px(80.0));
        if k > 0 {
            canvas.legend(&legend, w - canvas.px(20.0) - legend_width, top)?;
        }
        let range = |pick: fn(&MapPoint) -> f64| {
            let (lo, hi) =
                self.points.iter().map(pick).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| (a.min(v), b.max(v)));
            let pad = ((hi - lo) * 0.15).max(0.5);
            (lo - pad, hi + pad)
        };
        let ((ax, bx), (ay, by)) = (range(|p| p.1), range(|p| p.2));
        let to_px = |x: f64, y: f64| {
            (
                x0 + ((x - ax) / (bx - ax) * f64::from(x1 - x0)).round() as i32,
                y1 - ((y - ay) / (by - ay) * f64::from(y1 - y0)).round() as i32,
            )
        };
        let grid = RGBColor(225, 225, 225);
        let muted = RGBColor(90, 90, 90);
        for t in ticks(ax, bx) {
            let (x, _) = to_px(t, ay);
            canvas.line(vec![(x, y0), (x, y1)], grid, 1)?;
            canvas.text(&format!("{t:.1}"), (x, y1 + canvas.px(6.0)), 15.0, Anchor::Top, muted)?;
        }
        for t in ticks(ay, by) {
            let (_, y) = to_px(ax, t);
            canvas.line(vec![(x0, y), (x1, y)], grid, 1)?;
            canvas.text(&format!("{t:.1}"), (x0 - canvas.px(8.0), y), 15.0, Anchor::Right, muted)?;
        }
        canvas.outline((x0, y0), (x1, y1), muted)?;
        canvas.text(&self.axes.0, ((x0 + x1) / 2, y1 + canvas.px(36.0)), 17.0, Anchor::Top, RGBColor(0, 0, 0))?;
        canvas.text(&self.axes.1, (x0, y0 - canvas.px(4.0)), 17.0, Anchor::Left, RGBColor(0, 0, 0))?;
        let pixels: Vec<(i32, i32)> = self.points.iter().map(|p| to_px(p.1, p.2)).collect();
        let size = 17.0;
        let sizes = self.points.iter().map(|p| canvas.measure(&p.0, size)).collect::<Result<Vec<_>, _>>()?;
        let spots = place_labels(&pixels, &sizes, (x0 + 2, y0 + 2, x1 - 2, y1 - 2), canvas.px(9.0));
        for ((point, &at), (&spot, &(lw, lh))) in self.points.iter().zip(&pixels).zip(spots.iter().zip(&sizes)) {
            let centre = (spot.0 + lw / 2, spot.1 + lh / 2);
            let far = (centre.0 - at.0).abs() > lw / 2 + canvas.px(14.0)
                || (centre.1 - at.1).abs() > lh / 2 + canvas.px(14.0);
            if far {
                canvas.line(vec![at, centre], RGBColor(150, 150, 150), 1)?;
            }
            canvas.dot(at, canvas.px(7.0), point.3.map_or(RGBColor(0, 0, 0), colour))?;
            canvas.text(&point.0, (spot.0, spot.1 + lh / 2), size, Anchor::Left, RGBColor(0, 0, 0))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_of_crowded_points_do_not_overlap_each_other_or_points() {
        let points: Vec<(i32, i32)> = (0..12).map(|i| (400 + (i % 3) * 6, 300 + (i / 3) * 6)).collect();
        let sizes = vec![(90, 18); points.len()];
        let spots = place_labels(&points, &sizes, (0, 0, 1000, 800), 8);
        let boxes: Vec<Box2> = spots.iter().zip(&sizes).map(|(s, z)| (s.0, s.1, s.0 + z.0, s.1 + z.1)).collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert_eq!(overlap(*a, *b), 0, "{a:?} overlaps {b:?}");
            }
            for p in &points {
                assert_eq!(overlap(*a, (p.0 - 8, p.1 - 8, p.0 + 8, p.1 + 8)), 0);
            }
            assert!(a.0 >= 0 && a.2 <= 1000 && a.1 >= 0 && a.3 <= 800);
        }
    }

    #[test]
    fn ticks_are_round_numbers_inside_the_range() {
        assert_eq!(ticks(-1.2, 3.7), vec![-1.0, 0.0, 1.0, 2.0, 3.0]);
    }
}
