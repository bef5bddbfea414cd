//! RENDER: charts. Owns drawing prepared data as PNG (or SVG) with plotters: stacked and ranked
//! bars, the framing map, the dendrogram and heatmaps, with the embedded font and a
//! colour-blind-safe palette; dot-and-whisker charts of intervals and the forest plot of outlet
//! differences ([`uncertainty`] prepares them). [`prepare`] turns a run's tables and comparison into chart data;
//! a chart with no data is never drawn (the caller gets a note instead).

mod bars;
mod canvas;
mod dots;
mod heatmap;
mod map;
pub mod prepare;
mod tree;
pub mod uncertainty;

use std::path::Path;

use plotters::coord::Shift;
use plotters::prelude::*;

pub use bars::{RankedBars, StackedBars};
pub use canvas::{Canvas, NAME_CHARS, PALETTE, short_name, wrap};
pub use dots::{Dot, DotRow, IntervalDots, Panel, Scale};
pub use heatmap::Heatmap;
pub use map::{FramingMap, place_labels};
pub use tree::Dendrogram;

/// A chart could not be drawn or written.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ChartError {
    /// The embedded font could not be registered.
    #[error("the embedded font could not be loaded (a build defect: report it)")]
    Font,
    /// Drawing or writing failed.
    #[error("{}{message} (check that the --out folder is writable, or try --chart-format svg)", file.as_ref().map_or(String::new(), |f| format!("{}: ", f.display())))]
    Draw {
        /// The chart file, once known.
        file: Option<std::path::PathBuf>,
        /// What failed.
        message: String,
    },
}

impl ChartError {
    /// What to do about it.
    pub fn fix(&self) -> &'static str {
        match self {
            ChartError::Font => "a build defect: report it",
            ChartError::Draw { .. } => "check that the --out folder is writable, or try --chart-format svg",
        }
    }
}

/// Image format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartFormat {
    /// PNG bitmap.
    #[default]
    Png,
    /// SVG vector graphics (text as text, set in DejaVu Sans or the viewer's fallback).
    Svg,
}

impl ChartFormat {
    /// File extension.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Png => "png",
            ChartFormat::Svg => "svg",
        }
    }
}

/// Image size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ChartSize {
    /// 1200 × 900 pixels: a paper column at 300 dpi (4 inches wide), text still legible.
    #[default]
    Column,
    /// 1920 × 1080 pixels: a full-HD slide.
    Slide,
}

impl ChartSize {
    /// Width and height in pixels.
    pub fn pixels(self) -> (u32, u32) {
        match self {
            ChartSize::Column => (1200, 900),
            ChartSize::Slide => (1920, 1080),
        }
    }
}

/// A chart, or why it was skipped.
pub type Prepared<T> = Result<T, String>;

/// A chart of shares or rates: stacked bars, or dots with 95% whiskers when the run has
/// intervals.
#[derive(Debug, Clone, PartialEq)]
pub enum Shares {
    /// Composition, without uncertainty.
    Stacked(StackedBars),
    /// Each share or rate with its interval.
    Dots(IntervalDots),
}

impl Chart for Shares {
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError> {
        match self {
            Shares::Stacked(bars) => bars.draw(canvas),
            Shares::Dots(dots) => dots.draw(canvas),
        }
    }
}

/// Something that can be drawn on a canvas.
pub trait Chart {
    /// Draw the chart.
    fn draw<DB: DrawingBackend>(&self, canvas: &Canvas<DB>) -> Result<(), ChartError>;
}

/// Draw `chart` into `path` (the format's extension is the caller's choice).
pub fn render(chart: &impl Chart, path: &Path, format: ChartFormat, size: ChartSize) -> Result<(), ChartError> {
    canvas::register_font()?;
    let in_file = |e: ChartError| match e {
        ChartError::Draw { message, .. } => ChartError::Draw { file: Some(path.to_path_buf()), message },
        other => other,
    };
    match format {
        ChartFormat::Png => {
            draw_on(chart, BitMapBackend::new(path, size.pixels()).into_drawing_area()).map_err(in_file)
        }
        ChartFormat::Svg => draw_on(chart, SVGBackend::new(path, size.pixels()).into_drawing_area()).map_err(in_file),
    }
}

fn draw_on<DB: DrawingBackend>(chart: &impl Chart, area: DrawingArea<DB, Shift>) -> Result<(), ChartError> {
    let canvas = Canvas::new(area)?;
    chart.draw(&canvas)?;
    canvas.present()
}

/// Width and height from a PNG's header, if `bytes` is a PNG.
pub fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || &bytes[..8] != SIGNATURE || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let number = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Some((number(16), number(20)))
}

#[cfg(test)]
mod tests {
    use super::bars::BarRow;
    use super::*;
    use crate::compare::MergeStep;

    fn bars() -> StackedBars {
        StackedBars {
            title: "Word choice: expel troops".into(),
            subtitle: "share of mentions".into(),
            segments: vec!["expel".into(), "eject".into()],
            rows: vec![
                BarRow { label: "HuffPost (own)".into(), values: vec![1.0, 2.0], note: "n = 3 mentions".into() },
                BarRow { label: "HuffPost (quoted)".into(), values: vec![0.0, 0.0], note: "no mentions".into() },
            ],
        }
    }

    fn drawn(chart: &impl Chart, size: ChartSize) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.png");
        render(chart, &path, ChartFormat::Png, size).unwrap();
        std::fs::read(path).unwrap()
    }

    /// Pixels that are not white, as a crude "something was drawn" measure, from the raw
    /// PNG size: a blank 1200×900 PNG compresses to a few kilobytes.
    fn looks_drawn(bytes: &[u8]) -> bool {
        bytes.len() > 10_000
    }

    #[test]
    fn every_chart_type_writes_a_png_of_the_requested_size() {
        let map = FramingMap {
            title: "Framing map".into(),
            subtitle: String::new(),
            axes: ("PC1".into(), "PC2".into()),
            points: vec![
                ("A".into(), 0.0, 1.0, Some(0)),
                ("B".into(), 1.0, 0.0, Some(1)),
                ("C".into(), 0.5, 0.5, Some(1)),
            ],
        };
        let tree = Dendrogram {
            title: "Tree".into(),
            subtitle: String::new(),
            names: vec!["A".into(), "B".into(), "C".into()],
            steps: vec![
                MergeStep { left: 0, right: 1, distance: 1.0, size: 2 },
                MergeStep { left: 2, right: 3, distance: 3.0, size: 3 },
            ],
            clusters: Some(vec![0, 0, 1]),
        };
        let heat = Heatmap {
            title: "Distances".into(),
            subtitle: String::new(),
            rows: vec!["A".into(), "B".into()],
            columns: vec!["A".into(), "The Epoch Times".into()],
            values: vec![vec![Some(0.0), Some(2.5)], vec![Some(2.5), None]],
            digits: 1,
        };
        let ranked = RankedBars {
            title: "Loadedness".into(),
            subtitle: String::new(),
            axis: "score".into(),
            rows: vec![("A".into(), -0.2, "n = 3".into())],
            intervals: vec![Some((-0.45, 0.1))],
        };
        let dots = IntervalDots {
            title: "Quoted voices".into(),
            subtitle: String::new(),
            panels: vec![
                Panel { title: "government".into(), scale: Scale::Share },
                Panel { title: "difference".into(), scale: Scale::Difference { percent: false } },
            ],
            rows: vec![DotRow {
                label: "A".into(),
                cells: vec![
                    Some(Dot { value: 0.4, bounds: Some((0.2, 0.6)) }),
                    Some(Dot { value: -1.0, bounds: None }),
                ],
                note: "12 articles".into(),
            }],
        };
        for bytes in [
            drawn(&bars(), ChartSize::Column),
            drawn(&map, ChartSize::Column),
            drawn(&tree, ChartSize::Column),
            drawn(&heat, ChartSize::Column),
            drawn(&ranked, ChartSize::Column),
            drawn(&dots, ChartSize::Column),
        ] {
            assert_eq!(png_size(&bytes), Some((1200, 900)));
            assert!(looks_drawn(&bytes), "{} bytes", bytes.len());
        }
        assert_eq!(png_size(&drawn(&bars(), ChartSize::Slide)), Some((1920, 1080)));
    }

    #[test]
    fn the_same_chart_gives_the_same_bytes() {
        assert_eq!(drawn(&bars(), ChartSize::Column), drawn(&bars(), ChartSize::Column));
    }

    #[test]
    fn svg_keeps_titles_and_labels_as_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("chart.svg");
        render(&bars(), &path, ChartFormat::Svg, ChartSize::Column).unwrap();
        let svg = std::fs::read_to_string(path).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("Word choice: expel troops") && svg.contains("HuffPost (own)"));
    }

    #[test]
    fn png_size_rejects_other_files() {
        assert_eq!(png_size(b"GIF89a"), None);
    }
}
