//! Dot-and-whisker charts in small multiples: one panel per feature (a label, a speaker group, a
//! cue class), one row per outlet, a dot at the value and a whisker over its 95% interval. The
//! same chart with a zero line is the forest plot of outlet differences.
//!
//! Whiskers are not drawn on stacked bars: a segment's position depends on every segment before
//! it, so a whisker there would mix the uncertainty of several shares.

use plotters::prelude::*;

use super::bars::{GRID, MUTED, frame};
use super::canvas::{Anchor, Canvas, colour, wrap};
use super::{Chart, ChartError};

/// How a panel's axis runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// A share, from 0 to at most 100 %.
    Share,
    /// A non-negative rate or count, from 0.
    Rate,
    /// A difference, symmetric around a zero line; `percent` when it is a difference of shares.
    Difference {
        /// Ticks in percentage points.
        percent: bool,
    },
}

/// One panel: a feature and its axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    /// Panel title.
    pub title: String,
    /// The axis.
    pub scale: Scale,
}

/// A value and its interval, when there is one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dot {
    /// The point value.
    pub value: f64,
    /// The 95% interval.
    pub bounds: Option<(f64, f64)>,
}

/// One row: a label, a cell per panel, and a note after the last panel.
#[derive(Debug, Clone, PartialEq)]
pub struct DotRow {
    /// Row label (an outlet, or a difference).
    pub label: String,
    /// One cell per panel (`None`: no value).
    pub cells: Vec<Option<Dot>>,
    /// Written to the right (e.g. "12 articles").
    pub note: String,
}

/// Dots with whiskers, panel by panel.
#[derive(Debug, Clone, PartialEq)]
pub struct IntervalDots {
    /// Chart title.
    pub title: String,
    /// One line under the title.
    pub subtitle: String,
    /// The panels, left to right.
    pub panels: Vec<Panel>,
    /// The rows, top to bottom.
    pub rows: Vec<DotRow>,
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least `x`.
pub fn nice_ceiling(x: f64) -> f64 {
    if x <= 0.0 || !x.is_finite() {
        return 1.0;
    }
    let power = 10f64.powf(x.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * power).find(|v| *v >= x * (1.0 - 1e-9)).unwrap_or(10.0 * power)
}

impl IntervalDots {
    /// The axis range of panel `p`: from its smallest to its largest drawn number, rounded out.
    pub fn range(&self, p: usize) -> (f64, f64) {
        let reach = self
            .rows
            .iter()
            .filter_map(|r| r.cells.get(p).copied().flatten())
            .flat_map(|d| {
                let (low, high) = d.bounds.unwrap_or((d.value, d.value));
                [d.value.abs(), low.abs(), high.abs()]
            })
            .fold(0.0f64, f64::max);
        match self.panels[p].scale {
            Scale::Share => (0.0, nice_ceiling(reach).min(1.0)),
            Scale::Rate => (0.0, nice_ceiling(reach)),
            Scale::Difference { .. } => {
                let r = nice_ceiling(reach);
                (-r, r)
            }
        }
    }
}

/// A tick number with at most two decimals and no trailing zeros.
fn plain(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".into() } else { text.into() }
}

fn tick(value: f64, scale: Scale) -> String {
    let signed = |text: String| if value > 0.0 { format!("+{text}") } else { text };
    match scale {
        Scale::Share => format!("{}%", plain(value * 100.0)),
        Scale::Rate => plain(value),
        Scale::Difference { percent: true } => signed(plain(value * 100.0)),
        Scale::Difference { percent: false } => signed(plain(value)),
    }
}

impl Chart for IntervalDots {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        let top = canvas.title(&self.title, &self.subtitle)?;
        // Panel titles wrap to the panels' width (about 60% of the image, less labels and notes).
        let panels = self.panels.len().max(1) as i32;
        let chars = (canvas.size().0 * 3 / 5 / panels / canvas.px(9.0).max(1)).max(10) as usize;
        let titles: Vec<Vec<String>> = self.panels.iter().map(|p| wrap(&p.title, chars)).collect();
        let title_lines = titles.iter().map(Vec::len).max().unwrap_or(1) as i32;
        let head = canvas.px(22.0) * title_lines + canvas.px(8.0);
        let labels: Vec<String> = self.rows.iter().map(|r| r.label.clone()).collect();
        let notes: Vec<String> = self.rows.iter().map(|r| r.note.clone()).collect();
        let f = frame(canvas, top + head, &labels, &notes, 0)?;
        let gap = canvas.px(18.0);
        let width = (f.x1 - f.x0 - gap * (panels - 1)) / panels;
        // Alternate row shading, so a row can be followed across panels.
        for i in (0..self.rows.len()).step_by(2) {
            let y = f.y0 + (f.row * i as f64).round() as i32;
            let bottom = f.y0 + (f.row * (i + 1) as f64).round() as i32;
            canvas.fill((f.x0, y), (f.x1, bottom), RGBColor(246, 246, 246))?;
        }
        for (p, panel) in self.panels.iter().enumerate() {
            let left = f.x0 + p as i32 * (width + gap);
            let (low, high) = self.range(p);
            let to_x = |v: f64| left + ((v - low) / (high - low) * f64::from(width)).round() as i32;
            for (l, line) in titles[p].iter().enumerate() {
                let y = top + l as i32 * canvas.px(22.0);
                canvas.text(line, (left + width / 2, y), 16.0, Anchor::Top, RGBColor(0, 0, 0))?;
            }
            for t in 0..3 {
                let value = low + (high - low) * t as f64 / 2.0;
                let x = to_x(value);
                canvas.line(vec![(x, f.y0), (x, f.y1)], GRID, 1)?;
                // End ticks lean inwards, so neighbouring panels' ticks never run together.
                let anchor = [Anchor::TopLeft, Anchor::Top, Anchor::TopRight][t];
                canvas.text(&tick(value, panel.scale), (x, f.y1 + canvas.px(6.0)), 13.0, anchor, MUTED)?;
            }
            canvas.outline((left, f.y0), (left + width, f.y1), GRID)?;
            if matches!(panel.scale, Scale::Difference { .. }) {
                canvas.line(vec![(to_x(0.0), f.y0), (to_x(0.0), f.y1)], MUTED, 2)?;
            }
            for (i, row) in self.rows.iter().enumerate() {
                let Some(dot) = row.cells.get(p).copied().flatten() else { continue };
                let middle = f.y0 + (f.row * (i as f64 + 0.5)).round() as i32;
                let ink = colour(p);
                if let Some((a, b)) = dot.bounds {
                    let cap = canvas.px(5.0).min((f.row * 0.3) as i32).max(1);
                    let (a, b) = (to_x(a), to_x(b));
                    canvas.line(vec![(a, middle), (b, middle)], ink, canvas.px(2.0).max(1) as u32)?;
                    canvas.line(vec![(a, middle - cap), (a, middle + cap)], ink, 1)?;
                    canvas.line(vec![(b, middle - cap), (b, middle + cap)], ink, 1)?;
                }
                let radius = canvas.px(5.0).min((f.row * 0.3) as i32).max(2);
                canvas.dot((to_x(dot.value), middle), radius, ink)?;
            }
        }
        for (i, row) in self.rows.iter().enumerate() {
            let middle = f.y0 + (f.row * (i as f64 + 0.5)).round() as i32;
            canvas.text(&row.label, (f.x0 - canvas.px(8.0), middle), f.label_size, Anchor::Right, RGBColor(0, 0, 0))?;
            canvas.text(&row.note, (f.x1 + canvas.px(10.0), middle), f.label_size, Anchor::Left, MUTED)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_short_and_signed_only_for_differences() {
        assert_eq!(tick(0.125, Scale::Share), "12.5%");
        assert_eq!(tick(0.1 + 0.2, Scale::Rate), "0.3");
        assert_eq!(tick(0.2, Scale::Difference { percent: true }), "+20");
        assert_eq!(tick(0.0, Scale::Difference { percent: false }), "0");
        assert_eq!(tick(-2.5, Scale::Difference { percent: false }), "-2.5");
    }

    #[test]
    fn nice_ceilings_round_up_to_readable_numbers() {
        assert_eq!(nice_ceiling(0.37), 0.5);
        assert_eq!(nice_ceiling(0.2), 0.2);
        assert_eq!(nice_ceiling(2.1), 2.5);
        assert_eq!(nice_ceiling(7.0), 10.0);
        assert_eq!(nice_ceiling(0.0), 1.0);
    }

    #[test]
    fn axes_cover_every_whisker_and_differences_are_symmetric() {
        let dots = IntervalDots {
            title: String::new(),
            subtitle: String::new(),
            panels: vec![
                Panel { title: "share".into(), scale: Scale::Share },
                Panel { title: "difference".into(), scale: Scale::Difference { percent: true } },
            ],
            rows: vec![DotRow {
                label: "A".into(),
                cells: vec![
                    Some(Dot { value: 0.3, bounds: Some((0.1, 0.9)) }),
                    Some(Dot { value: -0.05, bounds: Some((-0.12, 0.01)) }),
                ],
                note: String::new(),
            }],
        };
        assert_eq!(dots.range(0), (0.0, 1.0));
        assert_eq!(dots.range(1), (-0.2, 0.2));
    }
}
