//! Drawing primitives in pixels on any plotters backend, the embedded font, the colour-blind-safe
//! palette, and how outlet names are shortened or wrapped (the same way on every chart).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::ChartError;

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/DejaVu-LICENSE`), embedded so charts
/// render the same on a machine with no fonts installed.
static FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Register the embedded font once per process.
pub fn register_font() -> Result<(), ChartError> {
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| plotters::style::register_font("sans-serif", FontStyle::Normal, FONT).is_ok());
    if ok { Ok(()) } else { Err(ChartError::Font) }
}

/// Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), then grey for
/// "other".
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(86, 180, 233),
    RGBColor(204, 121, 167),
    RGBColor(240, 228, 66),
    RGBColor(153, 153, 153),
];

/// Colour of series `i`; series past the palette share the last (grey) colour.
pub fn colour(i: usize) -> RGBColor {
    PALETTE[i.min(PALETTE.len() - 1)]
}

/// Black or white, whichever reads better on `background`.
pub fn text_on(background: RGBColor) -> RGBColor {
    let RGBColor(r, g, b) = background;
    let luminance = 0.299 * f64::from(r) + 0.587 * f64::from(g) + 0.114 * f64::from(b);
    if luminance > 140.0 { RGBColor(0, 0, 0) } else { RGBColor(255, 255, 255) }
}

/// Longest name shown in full; longer names are cut with an ellipsis.
pub const NAME_CHARS: usize = 24;

/// A name as every chart shows it: a leading "The " dropped only when the name is too long,
/// then cut to [`NAME_CHARS`] characters with an ellipsis.
pub fn short_name(name: &str) -> String {
    let name = name.trim();
    if name.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    let name = name.strip_prefix("The ").unwrap_or(name);
    if name.chars().count() <= NAME_CHARS {
        return name.to_string();
    }
    let cut: String = name.chars().take(NAME_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Text anchors.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    /// Left edge, vertically centred.
    Left,
    /// Right edge, vertically centred.
    Right,
    /// Centre.
    Centre,
    /// Horizontally centred, top edge.
    Top,
    /// Left edge, top edge.
    TopLeft,
    /// Right edge, top edge.
    TopRight,
}

impl Anchor {
    fn pos(self) -> Pos {
        match self {
            Anchor::Left => Pos::new(HPos::Left, VPos::Center),
            Anchor::Right => Pos::new(HPos::Right, VPos::Center),
            Anchor::Centre => Pos::new(HPos::Center, VPos::Center),
            Anchor::Top => Pos::new(HPos::Center, VPos::Top),
            Anchor::TopLeft => Pos::new(HPos::Left, VPos::Top),
            Anchor::TopRight => Pos::new(HPos::Right, VPos::Top),
        }
    }
}

/// A drawing area with sizes scaled to the image width.
pub struct Canvas<DB: DrawingBackend> {
    area: DrawingArea<DB, Shift>,
    /// Pixels per design unit (1.0 at 1200 pixels wide).
    pub scale: f64,
}

fn fail(e: impl std::fmt::Display) -> ChartError {
    ChartError::Draw { file: None, message: e.to_string() }
}

impl<DB: DrawingBackend> Canvas<DB> {
    /// A white canvas.
    pub fn new(area: DrawingArea<DB, Shift>) -> Result<Canvas<DB>, ChartError> {
        area.fill(&WHITE).map_err(fail)?;
        let scale = f64::from(area.dim_in_pixel().0) / 1200.0;
        Ok(Canvas { area, scale })
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (i32, i32) {
        let (w, h) = self.area.dim_in_pixel();
        (w as i32, h as i32)
    }

    /// `units` design units in pixels.
    pub fn px(&self, units: f64) -> i32 {
        (units * self.scale).round() as i32
    }

    fn style(&self, size: f64, colour: RGBColor) -> TextStyle<'static> {
        let mut style = TextStyle::from(("sans-serif", size * self.scale).into_font());
        style.color = colour.to_backend_color();
        style
    }

    /// Width and height of `text` at `size` design units.
    pub fn measure(&self, text: &str, size: f64) -> Result<(i32, i32), ChartError> {
        let (w, h) = self.area.estimate_text_size(text, &self.style(size, BLACK)).map_err(fail)?;
        Ok((w as i32, h as i32))
    }

    /// Draw `text` at a pixel position.
    pub fn text(
        &self,
        text: &str,
        at: (i32, i32),
        size: f64,
        anchor: Anchor,
        colour: RGBColor,
    ) -> Result<(), ChartError> {
        let style = self.style(size, colour).pos(anchor.pos());
        self.area.draw_text(text, &style, at).map_err(fail)
    }

    /// A filled rectangle.
    pub fn fill(&self, from: (i32, i32), to: (i32, i32), colour: RGBColor) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new([from, to], colour.filled())).map_err(fail)
    }

    /// A rectangle outline.
    pub fn outline(&self, from: (i32, i32), to: (i32, i32), colour: RGBColor) -> Result<(), ChartError> {
        self.area.draw(&Rectangle::new([from, to], colour.stroke_width(1))).map_err(fail)
    }

    /// A polyline.
    pub fn line(&self, points: Vec<(i32, i32)>, colour: RGBColor, width: u32) -> Result<(), ChartError> {
        self.area.draw(&PathElement::new(points, colour.stroke_width(width))).map_err(fail)
    }

    /// A filled circle.
    pub fn dot(&self, at: (i32, i32), radius: i32, colour: RGBColor) -> Result<(), ChartError> {
        self.area.draw(&Circle::new(at, radius, colour.filled())).map_err(fail)
    }

    /// The title, centred at the top; returns the y below it.
    pub fn title(&self, title: &str, subtitle: &str) -> Result<i32, ChartError> {
        let (w, _) = self.size();
        self.text(title, (w / 2, self.px(16.0)), 30.0, Anchor::Top, BLACK)?;
        let mut y = self.px(16.0) + self.measure(title, 30.0)?.1 + self.px(8.0);
        if !subtitle.is_empty() {
            self.text(subtitle, (w / 2, y), 18.0, Anchor::Top, RGBColor(80, 80, 80))?;
            y += self.measure(subtitle, 18.0)?.1 + self.px(8.0);
        }
        Ok(y + self.px(10.0))
    }

    /// A vertical legend of coloured squares with labels, starting at `(x, y)`; returns its width.
    pub fn legend(&self, items: &[(String, RGBColor)], x: i32, y: i32) -> Result<i32, ChartError> {
        let box_size = self.px(18.0);
        let step = self.px(30.0);
        let mut widest = 0;
        for (i, (label, colour)) in items.iter().enumerate() {
            let top = y + i as i32 * step;
            self.fill((x, top), (x + box_size, top + box_size), *colour)?;
            self.text(label, (x + box_size + self.px(8.0), top + box_size / 2), 17.0, Anchor::Left, BLACK)?;
            widest = widest.max(self.measure(label, 17.0)?.0);
        }
        Ok(box_size + self.px(8.0) + widest)
    }

    /// Widest of `labels` at `size`.
    pub fn widest(&self, labels: &[String], size: f64) -> Result<i32, ChartError> {
        labels.iter().try_fold(0, |w, l| Ok(w.max(self.measure(l, size)?.0)))
    }

    /// Finish drawing.
    pub fn present(&self) -> Result<(), ChartError> {
        self.area.present().map_err(fail)
    }
}

/// Split `name` into lines of at most `chars` characters at spaces (a word longer than that
/// stays whole).
pub fn wrap(name: &str, chars: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in name.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= chars => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_keep_short_names_and_cut_long_ones_the_same_way() {
        assert_eq!(short_name("The Epoch Times"), "The Epoch Times");
        assert_eq!(short_name("The Washington Times Herald Tribune"), "Washington Times Herald…");
        assert_eq!(short_name("The Washington Times Herald Tribune").chars().count(), NAME_CHARS);
    }

    #[test]
    fn wrapping_breaks_at_spaces() {
        assert_eq!(wrap("The Epoch Times", 9), vec!["The Epoch", "Times"]);
        assert_eq!(wrap("Sputnik", 3), vec!["Sputnik"]);
    }

    #[test]
    fn text_colour_contrasts_with_the_background() {
        assert_eq!(text_on(PALETTE[0]), RGBColor(255, 255, 255));
        assert_eq!(text_on(PALETTE[6]), RGBColor(0, 0, 0));
    }
}
