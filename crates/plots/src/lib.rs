//! # plots — figures for the notebooks
//!
//! Two kinds of figure, both rendered by [plotters](https://docs.rs/plotters) into
//! an inline SVG string that a notebook shows and stores:
//!
//! - [`LineChart`]: several series $(x, y)$ on one chart with a legend, linear or
//!   logarithmic $y$ (loss curves $J(\theta_t)$ against $t$, see [`loss_curves`]).
//! - [`Contour`]: the level sets $\\{\theta : J(\theta) = c\\}$ of a two-parameter
//!   objective, computed by marching squares on a grid (plotters has no contour
//!   primitive, see [`contour`]), with optimizer trajectories
//!   $\theta_0, \theta_1, \dots$ drawn over them, labelled arrows (e.g. NAG's
//!   momentum step $\gamma v_{t-1}$ and its gradient step at the lookahead point), and
//!   the known minimiser marked.
//!
//! - [`Heatmap`]: a value over a regular (x, y) grid in viridis with a colour
//!   bar, cells past a limit grey, labelled marks (momentum's rate over (η, γ)).
//!
//! A figure's data is a `Vec<`[`Series`]`>` (a label and its points each):
//! examples return it so that snapshots pin the numbers drawn ([`series_text`],
//! [`series_summary`]); [`bounding_box`] fits ranges around it.
//!
//! Every figure renders itself in a notebook ([`Figure::evcxr_display`]) and is
//! byte-identical between runs: no clocks, no hash-map order, every colour chosen
//! from a fixed palette in input order, numbers formatted by hand.
//!
//! ```
//! use optcore::Quadratic;
//! let q = Quadratic::reference();
//! let fig = plots::Contour::new(&q, (-10.0, 10.0), (-3.0, 3.0))
//!     .levels(10)
//!     .path("GD", vec![(-9.0, 2.0), (-7.2, 0.4), (-5.76, 0.08)])
//!     .render()
//!     .unwrap();
//! assert!(fig.svg().starts_with("<svg"));
//! ```
//!
//! What can be set (all optional, chained before `.render()`):
//!
//! | | |
//! |---|---|
//! | both | `.size(w, h)` (default 640 × 480), `.legend(Corner::…)` (default: a corner no data crosses, else under the axes), `.x_label`, `.y_label` |
//! | [`LineChart`] | `.series(label, points)`, `.all_series(vec_of_series)`, `.losses(label, &trace)`, `.log_y(bool)`, `.markers(bool)`, `.x_range`, `.y_range`, `.stop_mark(at)` |
//! | [`Contour`] | `.levels(n)` (default 12, geometric), `.level_values(vec)`, `.grid(n)` (default 101), `.path(label, points)`, `.paths(vec_of_series)`, `.trace(label, &trace)`, `.arrow(label, from, to)`, `.stop_mark(at)`, `.note(text, at)`, `.title`, `.equal_aspect(bool)`, `.show_minimum(bool)`; `.levels_used()` and `.levels_table()` tell which levels are drawn |
//!
//! [`Figure`]: `.svg()`, `.to_html()`, `.save_svg(path)`, `.save_png(path)`
//! (feature `png`), `evcxr_display()` (it prints `evcxr_content()`); `Display` prints
//! the SVG, `Debug` one line.
//!
//! In a notebook, make the figure the cell's last expression (no `;`):
//!
//! ```text
//! :dep plots = { path = "../crates/plots" }
//! let q = optcore::Quadratic::reference();
//! plots::Contour::new(&q, (-10.0, 10.0), (-3.0, 3.0)).trace("GD", &trace).render()?
//! ```
//!
//! evcxr 0.22 turns `?` on only after the first cell that uses it failed to
//! compile without it, and shows *that* cell's value with `Debug` (here the
//! one-line `Figure(640 × 480, … bytes of SVG)`) instead of the picture. A line
//! `Ok::<(), std::fmt::Error>(())?;` in the notebooks' evcxr `prelude.rs` (or any
//! earlier cell with a `?`) avoids it.
//!
//! Bad input (an empty range, a NaN bound, an objective that is not 2-D, nothing
//! to draw) is an [`optcore::Error`], never a panic. Non-finite points of a series
//! or path (a diverging run) and, on a log axis, non-positive values are skipped,
//! and the line is broken there rather than joined across the gap.
//!
//! PNG files: `Figure::save_png` with the cargo feature `png`, which compiles in
//! the DejaVu Sans font (`fonts/`, Bitstream Vera licence). Without it (the default,
//! what notebooks load) no font and no system library is needed: SVG text is plain
//! `<text>` that the browser lays out, placed with plotters' estimate of text
//! widths. With `png` on, plotters measures text with the real font instead, so
//! the SVG bytes differ between the two builds: pin numbers (e.g.
//! [`Contour::levels_table`]), not SVG bytes, in snapshots.

pub mod animate;
pub mod contour;
pub mod diagram;
pub mod heatmap;
mod line;
mod scene;
pub mod series;

pub use animate::{Animated, Animation};
pub use contour::Contour;
pub use diagram::Diagram;
pub use heatmap::Heatmap;
pub use line::{loss_curves, LineChart};
pub use scene::{series_css, Corner};
pub use series::{bounding_box, series_summary, series_text, Points, Series};

use optcore::{Error, Result};
use std::path::Path;

/// Data coordinates → SVG pixels of a [`Figure`] with linear axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PixelMap {
    x_range: (f64, f64),
    y_range: (f64, f64),
    corners: ((f64, f64), (f64, f64)),
}

impl PixelMap {
    /// The pixel of data point `p`, or `None` if it is not finite or lies
    /// outside the axes.
    pub fn px(&self, p: (f64, f64)) -> Option<(f64, f64)> {
        let ((x0, x1), (y0, y1)) = (self.x_range, self.y_range);
        let inside = p.0.is_finite()
            && p.1.is_finite()
            && (x0..=x1).contains(&p.0)
            && (y0..=y1).contains(&p.1);
        let ((a0, b0), (a1, b1)) = self.corners;
        inside.then(|| {
            (
                a0 + (p.0 - x0) / (x1 - x0) * (a1 - a0),
                b0 + (p.1 - y0) / (y1 - y0) * (b1 - b0),
            )
        })
    }
}

/// A rendered figure: an SVG document, plus what is needed to draw it again into
/// a bitmap (`Figure::save_png`), and the data series it was drawn from
/// ([`Figure::data`]).
#[derive(Clone, PartialEq)]
pub struct Figure {
    svg: String,
    scene: scene::Scene,
    data: Vec<Series>,
}

impl Figure {
    fn from_scene(scene: scene::Scene) -> Result<Figure> {
        let svg = scene.to_svg()?;
        Ok(Figure {
            svg,
            scene,
            data: Vec::new(),
        })
    }

    fn with_data(mut self, data: Vec<Series>) -> Figure {
        self.data = data;
        self
    }

    /// The series the figure draws, in data coordinates and in drawing order: a
    /// [`LineChart`]'s lines, a [`Contour`]'s paths (empty for other figures).
    /// What a snapshot pins ([`series_text`], [`series_summary`]) when an example
    /// returns only the figure, so that its numbers are held while the SVG bytes
    /// stay free to change.
    pub fn data(&self) -> &[Series] {
        &self.data
    }

    /// The SVG document (`<svg …>…</svg>`).
    pub fn svg(&self) -> &str {
        &self.svg
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        self.scene.size
    }

    /// Where data points land in this figure's SVG pixels (linear axes only), for
    /// drawing on top of it: see [`PixelMap`].
    pub fn pixel_map(&self) -> Result<PixelMap> {
        if self.scene.log_y {
            return Err(Error::Parse {
                what: "a pixel map".into(),
                message: "a log-scale chart; pixel maps are for linear axes".into(),
            });
        }
        let (a, b) = self.scene.pixel_corners()?;
        Ok(PixelMap {
            x_range: self.scene.x_range,
            y_range: self.scene.y_range,
            corners: (
                (f64::from(a.0), f64::from(a.1)),
                (f64::from(b.0), f64::from(b.1)),
            ),
        })
    }

    /// The SVG with its texts in the current language ([`optcore::lang`]): the
    /// English document itself, else the figure drawn again.
    pub fn shown_svg(&self) -> String {
        match optcore::lang::current() {
            optcore::lang::Lang::En => self.svg.clone(),
            _ => self.scene.to_svg().unwrap_or_else(|_| self.svg.clone()),
        }
    }

    /// The SVG inside a `<div>`, as a notebook shows it.
    pub fn to_html(&self) -> String {
        format!("<div>{}</div>", self.svg)
    }

    /// Exactly what [`Figure::evcxr_display`] prints: the HTML of
    /// [`Figure::to_html`] between evcxr's content markers, so that a test can
    /// check that a notebook receives the picture (not `Debug`'s one line). In a
    /// language other than English the figure is drawn again with its texts in
    /// that language ([`optcore::lang`]).
    pub fn evcxr_content(&self) -> String {
        optcore::lang::content("text/html", || format!("<div>{}</div>", self.shown_svg()))
    }

    /// Shows the figure in a notebook (evcxr calls this on a cell's last value;
    /// method syntax finds it through `&Figure` and `&&Figure` too).
    pub fn evcxr_display(&self) {
        println!("{}", self.evcxr_content());
    }

    /// Writes the SVG document to `path`.
    pub fn save_svg(&self, path: impl AsRef<Path>) -> std::io::Result<()> {
        std::fs::write(path, &self.svg)
    }

    /// Draws the figure again into a PNG file at `path` (feature `png`), text set in
    /// the bundled DejaVu Sans.
    #[cfg(feature = "png")]
    pub fn save_png(&self, path: impl AsRef<Path>) -> std::io::Result<()> {
        self.scene.save_png(path.as_ref())
    }
}

/// Short: `Figure(640 × 480, 23456 bytes of SVG)` (a notebook that falls back to
/// Debug output shows this line, not the whole document).
impl std::fmt::Debug for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Figure({} × {}, {} bytes of SVG)",
            self.scene.size.0,
            self.scene.size.1,
            self.svg.len()
        )
    }
}

/// The SVG document itself, so that `fig.to_string()` can be stored or compared.
impl std::fmt::Display for Figure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.svg)
    }
}

/// Largest magnitude a coordinate may have: beyond it spans overflow and
/// plotters' tick search does not end. Points past it are skipped like NaN.
pub const COORD_LIMIT: f64 = 1e300;

/// `(lo, hi)` must be finite, within ±[`COORD_LIMIT`], with `lo < hi` by more than
/// a billionth of their magnitude (a narrower axis has no distinct ticks).
pub(crate) fn check_range(name: &'static str, (lo, hi): (f64, f64)) -> Result<()> {
    const ACCEPTS: &str =
        "a finite interval (lo, hi) with lo < hi, |lo|, |hi| <= 1e300 and hi - lo > 1e-9 * max(|lo|, |hi|)";
    let ok = |v: f64| v.is_finite() && v.abs() <= COORD_LIMIT;
    if !ok(lo) {
        return Err(Error::Hyperparameter {
            name,
            value: lo,
            accepts: ACCEPTS,
        });
    }
    if !(ok(hi) && hi - lo > 1e-9 * lo.abs().max(hi.abs())) {
        return Err(Error::Hyperparameter {
            name,
            value: hi,
            accepts: ACCEPTS,
        });
    }
    Ok(())
}

/// Figure sizes: between 200 and 4000 pixels each way.
pub(crate) fn check_size((w, h): (u32, u32)) -> Result<()> {
    for (name, v) in [("figure width", w), ("figure height", h)] {
        if !(200..=4000).contains(&v) {
            return Err(Error::Hyperparameter {
                name,
                value: f64::from(v),
                accepts: "between 200 and 4000 pixels",
            });
        }
    }
    Ok(())
}

/// Tick labels: short, stable, no trailing zeros (`0.5`, `-2`, `1e-5`, `2.5e4`).
pub fn fmt_tick(v: f64) -> String {
    if v == 0.0 {
        return "0".into();
    }
    let a = v.abs();
    if (1e-3..1e5).contains(&a) {
        let s = format!("{:.6}", v);
        let s = s.trim_end_matches('0').trim_end_matches('.');
        if s == "-0" {
            "0".into()
        } else {
            s.to_string()
        }
    } else {
        let s = format!("{:.2e}", v);
        // "1.50e-5" -> "1.5e-5", "1.00e7" -> "1e7"
        match s.split_once('e') {
            Some((m, e)) => {
                let m = m.trim_end_matches('0').trim_end_matches('.');
                format!("{m}e{e}")
            }
            None => s,
        }
    }
}

/// Tick label of a log axis at exponent `e` (the axis is drawn in $\log_{10} y$):
/// whole decades as `0.01`, `1`, `1000` or `1e-6`, other ticks with two digits.
pub(crate) fn fmt_log_tick(e: f64) -> String {
    let r = e.round();
    if (e - r).abs() < 1e-9 {
        if (-3.0..=4.0).contains(&r) {
            fmt_tick(pow10(r))
        } else {
            format!("1e{}", r as i64)
        }
    } else {
        let v = pow10(e);
        let s = format!("{:.1e}", v);
        match s.split_once('e') {
            Some((m, x)) => {
                let x: i32 = x.parse().unwrap_or(0);
                if (-3..=4).contains(&x) {
                    fmt_tick(m.parse::<f64>().unwrap_or(v) * pow10(f64::from(x)))
                } else {
                    format!("{}e{x}", m.trim_end_matches(".0"))
                }
            }
            None => s,
        }
    }
}

pub(crate) fn pow10(e: f64) -> f64 {
    libm::pow(10.0, e)
}

pub(crate) fn log10(v: f64) -> f64 {
    libm::log10(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tick_labels_are_short() {
        assert_eq!(fmt_tick(0.5), "0.5");
        assert_eq!(fmt_tick(-2.0), "-2");
        assert_eq!(fmt_tick(1e-5), "1e-5");
        assert_eq!(fmt_tick(25000.0), "25000");
        assert_eq!(fmt_tick(2.5e7), "2.5e7");
        assert_eq!(fmt_tick(0.30000000000000004), "0.3");
        assert_eq!(fmt_log_tick(-2.0), "0.01");
        assert_eq!(fmt_log_tick(3.0), "1000");
        assert_eq!(fmt_log_tick(-6.0), "1e-6");
        assert_eq!(fmt_log_tick(-5.5), "3.2e-6");
        assert_eq!(fmt_log_tick(0.5), "3.2");
    }

    #[test]
    fn ranges_and_sizes_are_checked() {
        assert!(check_range("x range", (0.0, 1.0)).is_ok());
        assert!(check_range("x range", (1.0, 1.0)).is_err());
        assert!(check_range("x range", (f64::NAN, 1.0)).is_err());
        assert!(check_range("x range", (0.0, f64::INFINITY)).is_err());
        assert!(check_range("x range", (-1e308, 1e308)).is_err());
        assert!(check_range("x range", (1e16, 1e16 + 2.0)).is_err());
        assert!(check_range("x range", (1e-300, 2e-300)).is_ok());
        assert!(check_size((640, 480)).is_ok());
        assert!(check_size((0, 480)).is_err());
    }
}

/// The bundled font, registered with plotters' ab_glyph text renderer once per
/// process (feature `png`; with it on, SVG text layout uses the same font).
#[cfg(feature = "png")]
mod fonts {
    static FONT: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
    static ONCE: std::sync::Once = std::sync::Once::new();

    pub(crate) fn ensure() {
        ONCE.call_once(|| {
            // The bytes are a valid TrueType font (checked by the png tests).
            let _ = plotters::style::register_font(
                "sans-serif",
                plotters::style::FontStyle::Normal,
                FONT,
            );
        });
    }
}
