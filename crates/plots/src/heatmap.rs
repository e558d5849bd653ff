//! A heat map: a regular grid of cells over (x, y), each coloured by its value
//! (viridis, dark = small), with a colour bar; cells at or above a limit (a rate
//! ρ ≥ 1: the run diverges) drawn grey; optional labelled marks on top. Drawn
//! straight to SVG text like [`crate::Diagram`] (the axes of a regular grid need
//! no plotters), so the bytes are the same on every machine and in both builds.
//!
//! ```
//! let xs = vec![0.25, 0.75];
//! let ys = vec![0.25, 0.75];
//! let values = vec![vec![0.5, 0.9], vec![0.7, 1.2]]; // values[j][i] at (xs[i], ys[j])
//! let map = plots::Heatmap::new(xs, ys, values)
//!     .title("rate")
//!     .grey_at_or_above(1.0, "ρ ≥ 1: diverges")
//!     .mark("A", (0.25, 0.25));
//! let svg = map.svg().unwrap();
//! assert_eq!(svg.matches("class=\"cell\"").count(), 4);
//! assert!(map.text().contains("1 cell at or above 1 (grey: ρ ≥ 1: diverges)"));
//! ```

use crate::fmt_tick;
use crate::scene::level_color;
use optcore::{Error, Result};
use std::fmt::Write as _;

/// A labelled point drawn on top of the cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub label: String,
    pub at: (f64, f64),
}

/// A heat map over evenly spaced cell centres `xs` × `ys`; `values[j][i]` is the
/// value at `(xs[i], ys[j])`.
#[derive(Debug, Clone, PartialEq)]
pub struct Heatmap {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub values: Vec<Vec<f64>>,
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    /// What the colour bar shows.
    pub value_label: String,
    /// Values at or above this are grey (and left out of the colour scale).
    pub limit: Option<(f64, String)>,
    pub marks: Vec<Mark>,
    pub size: (u32, u32),
}

const GREY: &str = "#bdbdbd";
/// Margins: left, right (room for the colour bar), top, bottom.
const MARGIN: (f64, f64, f64, f64) = (70.0, 130.0, 50.0, 60.0);

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn hex(s: f64) -> String {
    let c = level_color(s);
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// Ticks at multiples of a 1-2-5 step, about five across `(lo, hi)`; none for a
/// range too narrow (or wide) to divide: a range below ~1e-300 has no finite
/// positive step, and tick indices past ±2⁵³ would not be ticks.
fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let raw = (hi - lo) / 5.0;
    if !(raw.is_finite() && raw > 0.0) {
        return Vec::new();
    }
    let p = libm::pow(10.0, libm::floor(libm::log10(raw)));
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * p);
    let (first, last) = (libm::ceil(lo / step - 1e-9), libm::floor(hi / step + 1e-9));
    if !(step.is_finite() && step > 0.0 && first.is_finite() && last.is_finite())
        || last - first > 100.0
    {
        return Vec::new();
    }
    (first as i64..=last as i64)
        .map(|k| k as f64 * step)
        .collect()
}

impl Heatmap {
    pub fn new(xs: Vec<f64>, ys: Vec<f64>, values: Vec<Vec<f64>>) -> Self {
        Heatmap {
            xs,
            ys,
            values,
            title: String::new(),
            x_label: "x".into(),
            y_label: "y".into(),
            value_label: "value".into(),
            limit: None,
            marks: Vec::new(),
            size: (640, 520),
        }
    }
    pub fn title(mut self, t: impl Into<String>) -> Self {
        self.title = t.into();
        self
    }
    pub fn x_label(mut self, t: impl Into<String>) -> Self {
        self.x_label = t.into();
        self
    }
    pub fn y_label(mut self, t: impl Into<String>) -> Self {
        self.y_label = t.into();
        self
    }
    pub fn value_label(mut self, t: impl Into<String>) -> Self {
        self.value_label = t.into();
        self
    }
    /// Cells with a value ≥ `limit` are grey; `label` says what grey means.
    pub fn grey_at_or_above(mut self, limit: f64, label: impl Into<String>) -> Self {
        self.limit = Some((limit, label.into()));
        self
    }
    pub fn mark(mut self, label: impl Into<String>, at: (f64, f64)) -> Self {
        self.marks.push(Mark {
            label: label.into(),
            at,
        });
        self
    }
    pub fn size(mut self, w: u32, h: u32) -> Self {
        self.size = (w, h);
        self
    }

    fn grey(&self, v: f64) -> bool {
        !v.is_finite() || self.limit.as_ref().is_some_and(|(l, _)| v >= *l)
    }

    /// The grid's shape and spacing checked; returns (x extent, y extent, colour range).
    #[allow(clippy::type_complexity)]
    fn layout(&self) -> Result<((f64, f64), (f64, f64), (f64, f64))> {
        crate::check_size(self.size)?;
        let extent = |c: &[f64], what: &'static str| -> Result<(f64, f64)> {
            if c.len() < 2 || c.iter().any(|v| !v.is_finite()) {
                return Err(Error::Empty {
                    what: "a heat map axis with at least two finite cell centres",
                });
            }
            let w = (c[c.len() - 1] - c[0]) / (c.len() - 1) as f64;
            let even = c
                .windows(2)
                .all(|p| ((p[1] - p[0]) - w).abs() <= 1e-9 * w.abs().max(1e-300));
            if !(w > 0.0 && even) {
                return Err(Error::Parse {
                    what: what.into(),
                    message: "cell centres must increase in equal steps".into(),
                });
            }
            let r = (c[0] - w / 2.0, c[c.len() - 1] + w / 2.0);
            crate::check_range(what, r)?;
            Ok(r)
        };
        let xr = extent(&self.xs, "heat map x")?;
        let yr = extent(&self.ys, "heat map y")?;
        optcore::error::check_dim(
            "heat map: rows vs y centres",
            self.ys.len(),
            self.values.len(),
        )?;
        for row in &self.values {
            optcore::error::check_dim("heat map: a row vs x centres", self.xs.len(), row.len())?;
        }
        let coloured: Vec<f64> = self
            .values
            .iter()
            .flatten()
            .copied()
            .filter(|&v| !self.grey(v))
            .collect();
        let lo = coloured.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = coloured.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if coloured.is_empty() {
            return Err(Error::Empty {
                what: "the heat map's coloured cells (every value is grey)",
            });
        }
        Ok((xr, yr, (lo, if hi > lo { hi } else { lo + 1.0 })))
    }

    /// The SVG document. A ragged or unevenly spaced grid, a grid with no
    /// coloured cell, or a bad size is an error.
    pub fn svg(&self) -> Result<String> {
        let (xr, yr, (lo, hi)) = self.layout()?;
        let (w, h) = (f64::from(self.size.0), f64::from(self.size.1));
        let (ml, mr, mt, mb) = MARGIN;
        let (pw, ph) = (w - ml - mr, h - mt - mb);
        let px = |x: f64| ml + (x - xr.0) / (xr.1 - xr.0) * pw;
        let py = |y: f64| mt + ph - (y - yr.0) / (yr.1 - yr.0) * ph;
        let mut s = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
        );
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"28\" text-anchor=\"middle\" font-size=\"17\">{}</text>",
            ml + pw / 2.0,
            escape(&optcore::lang::tr(&self.title))
        );
        let (cw, chh) = (pw / self.xs.len() as f64, ph / self.ys.len() as f64);
        for (j, row) in self.values.iter().enumerate() {
            for (i, &v) in row.iter().enumerate() {
                let fill = if self.grey(v) {
                    GREY.to_string()
                } else {
                    hex((v - lo) / (hi - lo))
                };
                // Cells overlap by half a pixel so that no white seams show.
                let _ = writeln!(
                    s,
                    "<rect class=\"cell\" x=\"{:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{:.2}\" fill=\"{fill}\"><title>{}, {}: {}</title></rect>",
                    ml + i as f64 * cw,
                    mt + ph - (j as f64 + 1.0) * chh,
                    cw + 0.5,
                    chh + 0.5,
                    fmt_tick(self.xs[i]),
                    fmt_tick(self.ys[j]),
                    optcore::render::fmt_sig(v, 4)
                );
            }
        }
        let _ = writeln!(
            s,
            "<rect x=\"{ml}\" y=\"{mt}\" width=\"{pw}\" height=\"{ph}\" fill=\"none\" stroke=\"black\"/>"
        );
        for t in ticks(xr.0, xr.1) {
            let x = px(t);
            let _ = writeln!(
                s,
                "<line x1=\"{x:.2}\" y1=\"{:.2}\" x2=\"{x:.2}\" y2=\"{:.2}\" stroke=\"black\"/><text x=\"{x:.2}\" y=\"{:.2}\" text-anchor=\"middle\" font-size=\"13\">{}</text>",
                mt + ph,
                mt + ph + 5.0,
                mt + ph + 20.0,
                fmt_tick(t)
            );
        }
        for t in ticks(yr.0, yr.1) {
            let y = py(t);
            let _ = writeln!(
                s,
                "<line x1=\"{:.2}\" y1=\"{y:.2}\" x2=\"{ml}\" y2=\"{y:.2}\" stroke=\"black\"/><text x=\"{:.2}\" y=\"{:.2}\" text-anchor=\"end\" font-size=\"13\">{}</text>",
                ml - 5.0,
                ml - 8.0,
                y + 4.0,
                fmt_tick(t)
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"15\">{}</text>",
            ml + pw / 2.0,
            h - 18.0,
            escape(&optcore::lang::tr(&self.x_label))
        );
        let _ = writeln!(
            s,
            "<text transform=\"translate(20 {:.1}) rotate(-90)\" text-anchor=\"middle\" font-size=\"15\">{}</text>",
            mt + ph / 2.0,
            escape(&optcore::lang::tr(&self.y_label))
        );
        // Marks: a white-ringed black dot and its label.
        for m in &self.marks {
            let inside = (xr.0..=xr.1).contains(&m.at.0) && (yr.0..=yr.1).contains(&m.at.1);
            if !inside {
                continue;
            }
            let (x, y) = (px(m.at.0), py(m.at.1));
            let _ = writeln!(
                s,
                "<circle class=\"mark\" cx=\"{x:.2}\" cy=\"{y:.2}\" r=\"5\" fill=\"black\" stroke=\"white\" stroke-width=\"2\"/><text x=\"{:.2}\" y=\"{:.2}\" font-size=\"13\" fill=\"black\" stroke=\"white\" stroke-width=\"3\" paint-order=\"stroke\">{}</text>",
                x + 8.0,
                y - 6.0,
                escape(&optcore::lang::tr(&m.label))
            );
        }
        // The colour bar: 40 bands from lo (bottom) to hi (top).
        let (bx, bw) = (ml + pw + 25.0, 18.0);
        let bands = 40;
        for k in 0..bands {
            let s0 = k as f64 / bands as f64;
            let _ = writeln!(
                s,
                "<rect x=\"{bx:.2}\" y=\"{:.2}\" width=\"{bw}\" height=\"{:.2}\" fill=\"{}\"/>",
                mt + ph * (1.0 - (k + 1) as f64 / bands as f64),
                ph / bands as f64 + 0.5,
                hex(s0 + 0.5 / bands as f64)
            );
        }
        let _ = writeln!(
            s,
            "<rect x=\"{bx:.2}\" y=\"{mt}\" width=\"{bw}\" height=\"{ph}\" fill=\"none\" stroke=\"black\"/>"
        );
        for t in ticks(lo, hi) {
            let y = mt + ph * (1.0 - (t - lo) / (hi - lo));
            let _ = writeln!(
                s,
                "<line x1=\"{:.2}\" y1=\"{y:.2}\" x2=\"{:.2}\" y2=\"{y:.2}\" stroke=\"black\"/><text x=\"{:.2}\" y=\"{:.2}\" font-size=\"12\">{}</text>",
                bx + bw,
                bx + bw + 4.0,
                bx + bw + 6.0,
                y + 4.0,
                fmt_tick(t)
            );
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.2}\" y=\"{:.2}\" text-anchor=\"middle\" font-size=\"13\">{}</text>",
            bx + bw / 2.0,
            mt - 8.0,
            escape(&optcore::lang::tr(&self.value_label))
        );
        if let Some((_, label)) = &self.limit {
            let _ = writeln!(
                s,
                "<rect x=\"{bx:.2}\" y=\"{:.2}\" width=\"{bw}\" height=\"12\" fill=\"{GREY}\" stroke=\"black\"/><text x=\"{:.2}\" y=\"{:.2}\" font-size=\"12\">{}</text>",
                mt + ph + 14.0,
                bx - 20.0,
                mt + ph + 42.0,
                escape(&optcore::lang::tr(label))
            );
        }
        s.push_str("</svg>\n");
        Ok(s)
    }

    /// What the figure shows, as text for snapshots: the grid, the colour range,
    /// the grey cells, the smallest value and where, and the marks with the value
    /// of the cell under each.
    pub fn text(&self) -> String {
        let (lo, hi) = match self.layout() {
            Ok((_, _, r)) => r,
            Err(e) => return format!("no heat map: {e}"),
        };
        let fmt = |v: f64| optcore::render::fmt_sig(v, 6);
        let mut best = (f64::INFINITY, 0, 0);
        let mut grey = 0;
        for (j, row) in self.values.iter().enumerate() {
            for (i, &v) in row.iter().enumerate() {
                if self.grey(v) {
                    grey += 1;
                } else if v < best.0 {
                    best = (v, i, j);
                }
            }
        }
        let mut s = format!(
            "{}\n{} × {} cells, {} from {} to {} and {} from {} to {}; colours from {} to {}\n",
            self.title,
            self.xs.len(),
            self.ys.len(),
            self.x_label,
            fmt(self.xs[0]),
            fmt(self.xs[self.xs.len() - 1]),
            self.y_label,
            fmt(self.ys[0]),
            fmt(self.ys[self.ys.len() - 1]),
            fmt(lo),
            fmt(hi)
        );
        if let Some((l, label)) = &self.limit {
            let _ = writeln!(
                s,
                "{grey} cell{} at or above {} (grey: {label})",
                if grey == 1 { "" } else { "s" },
                optcore::render::fmt_short(*l)
            );
        }
        let _ = writeln!(
            s,
            "smallest {} at ({}, {})",
            fmt(best.0),
            fmt(self.xs[best.1]),
            fmt(self.ys[best.2])
        );
        let nearest = |c: &[f64], v: f64| {
            (0..c.len())
                .min_by(|&a, &b| (c[a] - v).abs().total_cmp(&(c[b] - v).abs()))
                .unwrap_or(0)
        };
        for m in &self.marks {
            let (i, j) = (nearest(&self.xs, m.at.0), nearest(&self.ys, m.at.1));
            let _ = writeln!(
                s,
                "mark {} at ({}, {}): cell value {}",
                m.label,
                fmt(m.at.0),
                fmt(m.at.1),
                fmt(self.values[j][i])
            );
        }
        s
    }

    /// Shows the heat map in a notebook (an error is printed to stderr, which the
    /// notebook test fails on).
    pub fn evcxr_display(&self) {
        match self.svg() {
            Ok(_) => optcore::lang::show("text/html", || {
                format!("<div>{}</div>", self.svg().unwrap_or_default())
            }),
            Err(e) => eprintln!("{e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map() -> Heatmap {
        Heatmap::new(
            vec![0.1, 0.3, 0.5],
            vec![0.25, 0.75],
            vec![vec![0.2, 0.4, 1.5], vec![0.6, 0.8, f64::NAN]],
        )
        .grey_at_or_above(1.0, "diverges")
        .mark("P", (0.3, 0.75))
    }

    #[test]
    fn a_colour_range_too_narrow_to_divide_draws_without_ticks() {
        // lo = 0, hi = the smallest subnormal: (hi − lo)/5 rounds to 0, no 1-2-5 step.
        assert!(ticks(0.0, 5e-324).is_empty());
        assert!(ticks(0.0, f64::INFINITY).is_empty());
        let unit = ticks(0.0, 1.0);
        assert_eq!((unit.len(), unit[0], unit[5]), (6, 0.0, 1.0));
        let tiny = Heatmap::new(
            vec![0.0, 1.0],
            vec![0.0, 1.0],
            vec![vec![0.0, 5e-324], vec![0.0, 0.0]],
        );
        let svg = tiny.svg().expect("drawn, without colour-bar ticks");
        assert_eq!(svg.matches("class=\"cell\"").count(), 4);
    }

    #[test]
    fn draws_cells_bar_and_marks() {
        let svg = map().svg().unwrap();
        assert_eq!(svg.matches("class=\"cell\"").count(), 6);
        assert_eq!(svg.matches(&format!("fill=\"{GREY}\"><title>")).count(), 2);
        assert_eq!(svg.matches("class=\"mark\"").count(), 1);
        // The smallest value gets viridis' dark end, the largest coloured its bright end.
        assert!(svg.contains(&format!("fill=\"{}\"><title>0.1, 0.25: 0.2000", hex(0.0))));
        assert!(svg.contains(&format!("fill=\"{}\"><title>0.3, 0.75: 0.8000", hex(1.0))));
        let text = map().text();
        assert!(
            text.contains("2 cells at or above 1 (grey: diverges)"),
            "{text}"
        );
        assert!(
            text.contains("smallest 0.200000 at (0.100000, 0.250000)"),
            "{text}"
        );
        assert!(
            text.contains("mark P at (0.300000, 0.750000): cell value 0.800000"),
            "{text}"
        );
    }

    #[test]
    fn bad_grids_are_errors() {
        let ragged = Heatmap::new(
            vec![0.0, 1.0],
            vec![0.0, 1.0],
            vec![vec![1.0, 2.0], vec![1.0]],
        );
        assert!(matches!(ragged.svg(), Err(Error::Dimension { .. })));
        let uneven = Heatmap::new(vec![0.0, 1.0, 3.0], vec![0.0, 1.0], vec![vec![1.0; 3]; 2]);
        assert!(uneven.svg().is_err());
        let one = Heatmap::new(vec![0.0], vec![0.0, 1.0], vec![vec![1.0]; 2]);
        assert!(one.svg().is_err());
        let all_grey = Heatmap::new(vec![0.0, 1.0], vec![0.0, 1.0], vec![vec![2.0; 2]; 2])
            .grey_at_or_above(1.0, "x");
        assert!(all_grey.svg().is_err());
        assert!(all_grey.text().starts_with("no heat map"));
        assert!(map().size(10, 10).svg().is_err());
    }

    #[test]
    fn ticks_are_round() {
        let t: Vec<String> = ticks(0.0, 1.0).into_iter().map(fmt_tick).collect();
        assert_eq!(t, ["0", "0.2", "0.4", "0.6", "0.8", "1"]);
        assert_eq!(ticks(0.63, 1.0).len(), 4);
    }
}
