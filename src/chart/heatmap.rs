//! Heatmaps with the value written in every cell: outlet distances, and facts by outlet.

use plotters::prelude::*;

use super::canvas::{Anchor, Canvas, text_on, wrap};
use super::{Chart, ChartError};

/// A grid of values, light (low) to dark (high).
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    /// Chart title.
    pub title: String,
    /// One line under the title (say what dark means).
    pub subtitle: String,
    /// Row names, top to bottom.
    pub rows: Vec<String>,
    /// Column names, left to right (wrapped over lines, never cut).
    pub columns: Vec<String>,
    /// `values[row][column]`; `None` is drawn grey with a dash.
    pub values: Vec<Vec<Option<f64>>>,
    /// Digits after the decimal point in the cells.
    pub digits: usize,
}

/// Sequential blues: 0 → near white, 1 → dark blue.
fn ramp(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * t).round() as u8;
    RGBColor(mix(239, 8), mix(243, 48), mix(255, 107))
}

impl Chart for Heatmap {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        let (w, h) = canvas.size();
        let label_size = 17.0;
        let left = canvas.px(20.0) + canvas.widest(&self.rows, label_size)? + canvas.px(12.0);
        let available = w - left - canvas.px(30.0);
        let cell_w = available / self.columns.len().max(1) as i32;
        let chars = ((f64::from(cell_w) / (label_size * 0.6 * canvas.scale)).floor() as usize).max(4);
        let wrapped: Vec<Vec<String>> = self.columns.iter().map(|c| wrap(c, chars)).collect();
        let line_h = canvas.px(label_size * 1.25);
        let header = wrapped.iter().map(Vec::len).max().unwrap_or(1) as i32 * line_h + canvas.px(8.0);
        let grid_top = top + header;
        let cell_h = ((h - grid_top - canvas.px(20.0)) / self.rows.len().max(1) as i32).min(cell_w);
        let (low, high) = self
            .values
            .iter()
            .flatten()
            .flatten()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
        let span = if high > low { high - low } else { 1.0 };
        for (c, lines) in wrapped.iter().enumerate() {
            let x = left + cell_w * c as i32 + cell_w / 2;
            for (l, line) in lines.iter().enumerate() {
                canvas.text(line, (x, top + line_h * l as i32), label_size, Anchor::Top, RGBColor(0, 0, 0))?;
            }
        }
        let value_size = (f64::from(cell_h.min(cell_w)) / canvas.scale * 0.3).clamp(9.0, 18.0);
        for (r, name) in self.rows.iter().enumerate() {
            let y = grid_top + cell_h * r as i32;
            canvas.text(name, (left - canvas.px(8.0), y + cell_h / 2), label_size, Anchor::Right, RGBColor(0, 0, 0))?;
            for c in 0..self.columns.len() {
                let x = left + cell_w * c as i32;
                let value = self.values.get(r).and_then(|row| row.get(c)).copied().flatten();
                let fill = value.map_or(RGBColor(200, 200, 200), |v| ramp((v - low) / span));
                canvas.fill((x, y), (x + cell_w, y + cell_h), fill)?;
                canvas.outline((x, y), (x + cell_w, y + cell_h), RGBColor(255, 255, 255))?;
                let text = value.map_or("–".to_string(), |v| format!("{v:.*}", self.digits));
                canvas.text(&text, (x + cell_w / 2, y + cell_h / 2), value_size, Anchor::Centre, text_on(fill))?;
            }
        }
        Ok(())
    }
}
