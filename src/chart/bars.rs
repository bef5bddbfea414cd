//! Bar charts: stacked shares per row (word choice, voices, attribution style) and diverging
//! bars ranked by a score (loadedness), the latter with 95% whiskers when there are intervals.

use plotters::prelude::*;

use super::canvas::{Anchor, Canvas, colour, text_on};
use super::{Chart, ChartError};

pub(super) const GRID: RGBColor = RGBColor(225, 225, 225);
pub(super) const MUTED: RGBColor = RGBColor(90, 90, 90);

/// One bar: a label, the size of each segment (normalised to shares when drawn) and a note
/// written after the bar (e.g. "n = 12").
#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    /// Row label (an outlet, possibly with a qualifier).
    pub label: String,
    /// One value per segment.
    pub values: Vec<f64>,
    /// Written to the right of the bar.
    pub note: String,
}

/// Horizontal bars split into segments that sum to 100 %.
#[derive(Debug, Clone, PartialEq)]
pub struct StackedBars {
    /// Chart title.
    pub title: String,
    /// One line under the title: what is counted.
    pub subtitle: String,
    /// Segment names, in drawing order (the legend).
    pub segments: Vec<String>,
    /// The bars, top to bottom.
    pub rows: Vec<BarRow>,
}

/// Pixel layout shared by the bar charts.
pub(super) struct Frame {
    pub(super) x0: i32,
    pub(super) x1: i32,
    pub(super) y0: i32,
    pub(super) y1: i32,
    pub(super) row: f64,
    pub(super) label_size: f64,
}

pub(super) fn frame<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    top: i32,
    labels: &[String],
    notes: &[String],
    right_reserved: i32,
) -> Result<Frame, ChartError> {
    let (w, h) = canvas.size();
    let rows = labels.len().max(1);
    let (y0, y1) = (top, h - canvas.px(80.0));
    let row = f64::from(y1 - y0) / rows as f64;
    let label_size = (row * 0.55 / canvas.scale).clamp(9.0, 18.0);
    let x0 = canvas.px(20.0) + canvas.widest(labels, label_size)? + canvas.px(12.0);
    let x1 = w - right_reserved - canvas.widest(notes, label_size)? - canvas.px(24.0);
    Ok(Frame { x0, x1, y0, y1, row, label_size })
}

/// Vertical grid lines and tick labels under the plot, and the axis title.
fn axis<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    f: &Frame,
    ticks: &[(f64, String)],
    to_x: impl Fn(f64) -> i32,
    title: &str,
) -> Result<(), ChartError> {
    for (value, label) in ticks {
        let x = to_x(*value);
        canvas.line(vec![(x, f.y0), (x, f.y1)], GRID, 1)?;
        canvas.text(label, (x, f.y1 + canvas.px(6.0)), 15.0, Anchor::Top, MUTED)?;
    }
    canvas.text(title, ((f.x0 + f.x1) / 2, f.y1 + canvas.px(36.0)), 17.0, Anchor::Top, RGBColor(0, 0, 0))
}

impl Chart for StackedBars {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        let (w, _) = canvas.size();
        let items: Vec<(String, RGBColor)> =
            self.segments.iter().enumerate().map(|(i, s)| (s.clone(), colour(i))).collect();
        let legend_width = canvas.widest(&self.segments, 17.0)? + canvas.px(26.0);
        let legend_x = w - canvas.px(20.0) - legend_width;
        canvas.legend(&items, legend_x, top)?;
        let labels: Vec<String> = self.rows.iter().map(|r| r.label.clone()).collect();
        let notes: Vec<String> = self.rows.iter().map(|r| r.note.clone()).collect();
        let f = frame(canvas, top, &labels, &notes, legend_width + canvas.px(30.0))?;
        let to_x = |share: f64| f.x0 + (share * f64::from(f.x1 - f.x0)).round() as i32;
        let ticks: Vec<(f64, String)> = (0..=4).map(|i| (f64::from(i) / 4.0, format!("{}%", i * 25))).collect();
        axis(canvas, &f, &ticks, to_x, "share (%)")?;
        for (i, row) in self.rows.iter().enumerate() {
            let middle = f.y0 + (f.row * (i as f64 + 0.5)).round() as i32;
            let half = ((f.row * 0.35).min(f64::from(canvas.px(30.0)))).round() as i32;
            canvas.text(&row.label, (f.x0 - canvas.px(8.0), middle), f.label_size, Anchor::Right, RGBColor(0, 0, 0))?;
            canvas.text(&row.note, (f.x1 + canvas.px(10.0), middle), f.label_size, Anchor::Left, MUTED)?;
            let total: f64 = row.values.iter().sum();
            if total <= 0.0 {
                continue;
            }
            let mut start = 0.0;
            for (s, value) in row.values.iter().enumerate() {
                let end = start + value / total;
                let (a, b) = (to_x(start), to_x(end));
                if b > a {
                    canvas.fill((a, middle - half), (b, middle + half), colour(s))?;
                    let label = format!("{:.0}%", value / total * 100.0);
                    if canvas.measure(&label, 14.0)?.0 + canvas.px(6.0) < b - a && half * 2 > canvas.px(16.0) {
                        canvas.text(&label, ((a + b) / 2, middle), 14.0, Anchor::Centre, text_on(colour(s)))?;
                    }
                }
                start = end;
            }
        }
        Ok(())
    }
}

/// Diverging horizontal bars around zero, one per row, in the given order.
#[derive(Debug, Clone, PartialEq)]
pub struct RankedBars {
    /// Chart title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// Axis title.
    pub axis: String,
    /// (label, value, note), top to bottom.
    pub rows: Vec<(String, f64, String)>,
    /// A 95% interval per row, drawn as a whisker (empty, or `None` for a row: no whisker).
    pub intervals: Vec<Option<(f64, f64)>>,
}

impl Chart for RankedBars {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        let labels: Vec<String> = self.rows.iter().map(|r| r.0.clone()).collect();
        let notes: Vec<String> = self.rows.iter().map(|r| r.2.clone()).collect();
        let f = frame(canvas, top, &labels, &notes, 0)?;
        // Symmetric range rounded up to a multiple of 0.1, so ticks are round numbers.
        let whiskers = self.intervals.iter().flatten().flat_map(|(a, b)| [a.abs(), b.abs()]);
        let largest = self.rows.iter().map(|r| r.1.abs()).chain(whiskers).fold(0.05f64, f64::max);
        let reach = (largest * 1.1 * 10.0).ceil() / 10.0;
        let to_x = |v: f64| f.x0 + ((v + reach) / (2.0 * reach) * f64::from(f.x1 - f.x0)).round() as i32;
        let ticks: Vec<(f64, String)> =
            (-2..=2).map(|i| (reach * f64::from(i) / 2.0, format!("{:+.2}", reach * f64::from(i) / 2.0))).collect();
        axis(canvas, &f, &ticks, to_x, &self.axis)?;
        canvas.line(vec![(to_x(0.0), f.y0), (to_x(0.0), f.y1)], MUTED, 2)?;
        for (i, (label, value, note)) in self.rows.iter().enumerate() {
            let middle = f.y0 + (f.row * (i as f64 + 0.5)).round() as i32;
            let half = ((f.row * 0.35).min(f64::from(canvas.px(30.0)))).round() as i32;
            canvas.text(label, (f.x0 - canvas.px(8.0), middle), f.label_size, Anchor::Right, RGBColor(0, 0, 0))?;
            canvas.text(note, (f.x1 + canvas.px(10.0), middle), f.label_size, Anchor::Left, MUTED)?;
            let (a, b) = (to_x(value.min(0.0)), to_x(value.max(0.0)));
            let fill = if *value < 0.0 { colour(3) } else { colour(0) };
            canvas.fill((a, middle - half), (b.max(a + 1), middle + half), fill)?;
            if let Some((low, high)) = self.intervals.get(i).copied().flatten() {
                let (l, h, cap) = (to_x(low), to_x(high), half / 2);
                canvas.line(vec![(l, middle), (h, middle)], RGBColor(0, 0, 0), canvas.px(2.0).max(1) as u32)?;
                canvas.line(vec![(l, middle - cap), (l, middle + cap)], RGBColor(0, 0, 0), 2)?;
                canvas.line(vec![(h, middle - cap), (h, middle + cap)], RGBColor(0, 0, 0), 2)?;
            }
        }
        Ok(())
    }
}
