//! What a figure draws, in plotting coordinates ($y$ already in $\log_{10}$ on a
//! log axis, every line already clipped to the axes), and the one function that
//! draws it onto any plotters backend (SVG string, or a PNG bitmap).

use crate::{fmt_log_tick, fmt_tick};
use optcore::{Error, Result};
use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// Where the legend goes. [`Corner::Auto`] (the default) picks a corner whose box
/// no line or marker of the data crosses, and when every corner is crossed puts
/// the legend [`Corner::Below`] the axes: a legend never hides data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Corner {
    #[default]
    Auto,
    UpperRight,
    UpperLeft,
    LowerRight,
    LowerLeft,
    /// Under the plot, beneath the x axis's label: the plotting area gives up
    /// the legend's height.
    Below,
}

/// An RGBA colour, alpha in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Color(pub u8, pub u8, pub u8, pub f64);

impl Color {
    fn rgba(self) -> RGBAColor {
        RGBAColor(self.0, self.1, self.2, self.3)
    }
    fn stroke(self, width: u32) -> ShapeStyle {
        ShapeStyle {
            color: self.rgba(),
            filled: false,
            stroke_width: width,
        }
    }
    fn fill(self) -> ShapeStyle {
        ShapeStyle {
            color: self.rgba(),
            filled: true,
            stroke_width: 1,
        }
    }
}

/// How one data series looks: a colour, a dash pattern (`None`: solid) and a
/// marker, so that two series are told apart by dash and marker too, not only by
/// colour (colour-blind readers, grey-scale prints, paths that coincide).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Look {
    pub color: Color,
    /// (dash, gap) in pixels.
    pub dash: Option<(u32, u32)>,
    pub marker: Marker,
}

/// The series looks, for trajectories over contours and for line charts alike
/// (series `i` takes [`look`]`(i)`, so a method keeps its look from the
/// contour to its loss curve): the Okabe–Ito colour-blind-safe palette (Okabe &
/// Ito 2008), with a dark grey in place of its yellow, which vanishes on white
/// and on the yellow contour levels; each with its own dash and marker.
pub(crate) const SERIES_LOOKS: [Look; 8] = [
    Look {
        color: Color(0xd5, 0x5e, 0x00, 1.0), // vermillion
        dash: None,
        marker: Marker::Dot(3),
    },
    Look {
        color: Color(0x00, 0x72, 0xb2, 1.0), // blue
        dash: Some((9, 5)),
        marker: Marker::Square(3),
    },
    Look {
        color: Color(0xe6, 0x9f, 0x00, 1.0), // orange
        dash: Some((3, 4)),
        marker: Marker::Triangle(4),
    },
    Look {
        color: Color(0x00, 0x9e, 0x73, 1.0), // bluish green
        dash: None,
        marker: Marker::Cross(4),
    },
    Look {
        color: Color(0xcc, 0x79, 0xa7, 1.0), // reddish purple
        dash: Some((14, 5)),
        marker: Marker::Ring(3),
    },
    Look {
        color: Color(0x56, 0xb4, 0xe9, 1.0), // sky blue
        dash: Some((6, 3)),
        marker: Marker::Dot(3),
    },
    Look {
        color: Color(0x00, 0x00, 0x00, 1.0), // black
        dash: Some((2, 3)),
        marker: Marker::Square(3),
    },
    Look {
        color: Color(0x55, 0x55, 0x55, 1.0), // dark grey (for Okabe–Ito's yellow)
        dash: Some((10, 3)),
        marker: Marker::Triangle(4),
    },
];

/// The dash patterns of the second round of looks (series 8 to 15): each
/// colour again, with a pattern no series of the first round has, so that a
/// ninth curve is not drawn as the first one was.
const SECOND_ROUND_DASH: [(u32, u32); 8] = [
    (4, 2),
    (1, 3),
    (12, 2),
    (5, 5),
    (1, 6),
    (16, 3),
    (7, 7),
    (3, 8),
];

/// The look of series `i`: [`SERIES_LOOKS`] for the first eight, then the same
/// colours with the dashes of [`SECOND_ROUND_DASH`].
pub(crate) fn look(i: usize) -> Look {
    let n = SERIES_LOOKS.len();
    let base = SERIES_LOOKS[i % n];
    if (i / n) % 2 == 1 {
        Look {
            dash: Some(SECOND_ROUND_DASH[i % n]),
            ..base
        }
    } else {
        base
    }
}

/// The CSS colour (`#rrggbb`) and dash (`"9 5"`, or `""` for solid) of series
/// `i`: what a page drawing its own lines (a slider widget) uses to match the
/// figures.
pub fn series_css(i: usize) -> (String, String) {
    let look = look(i);
    let Color(r, g, b, _) = look.color;
    let dash = look
        .dash
        .map(|(d, g)| format!("{d} {g}"))
        .unwrap_or_default();
    (format!("#{r:02x}{g:02x}{b:02x}"), dash)
}

/// Arrows: the Okabe–Ito colours in another order, so that arrows and paths on
/// one figure differ.
pub(crate) const ARROW_PALETTE: [Color; 6] = [
    Color(0x00, 0x72, 0xb2, 1.0), // blue
    Color(0xe6, 0x9f, 0x00, 1.0), // orange
    Color(0x00, 0x9e, 0x73, 1.0), // bluish green
    Color(0xcc, 0x79, 0xa7, 1.0), // reddish purple
    Color(0xd5, 0x5e, 0x00, 1.0), // vermillion
    Color(0x00, 0x00, 0x00, 1.0), // black
];

/// Contour line colour at `s` in [0, 1] (low to high level): viridis, sampled at
/// five anchors and interpolated linearly.
pub(crate) fn level_color(s: f64) -> Color {
    const V: [(f64, f64, f64); 5] = [
        (68.0, 1.0, 84.0),
        (59.0, 82.0, 139.0),
        (33.0, 145.0, 140.0),
        (94.0, 201.0, 98.0),
        (253.0, 231.0, 37.0),
    ];
    let s = if s.is_finite() {
        s.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let x = s * 4.0;
    let i = (x.floor() as usize).min(3);
    let f = x - i as f64;
    let mix = |a: f64, b: f64| (a + (b - a) * f).round() as u8;
    let (a, b) = (V[i], V[i + 1]);
    Color(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2), 0.85)
}

/// A point marker.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Marker {
    /// Filled circle of this radius.
    Dot(u32),
    /// Hollow circle of this radius.
    Ring(u32),
    /// An ×.
    Cross(u32),
    /// Hollow square of this half-side.
    Square(u32),
    /// Filled triangle of this size.
    Triangle(u32),
}

/// One thing to draw, in plotting coordinates.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A contour line (pieces already clipped): thin, never in the legend.
    Contour {
        runs: Vec<Vec<(f64, f64)>>,
        color: Color,
    },
    /// A data line: its clipped runs, optional markers at `markers`.
    Line {
        runs: Vec<Vec<(f64, f64)>>,
        markers: Vec<(f64, f64)>,
        marker: Option<Marker>,
        color: Color,
        /// (dash, gap) in pixels; `None`: solid.
        dash: Option<(u32, u32)>,
        width: u32,
        label: Option<String>,
    },
    /// Markers only.
    Points {
        points: Vec<(f64, f64)>,
        marker: Marker,
        color: Color,
        label: Option<String>,
    },
    /// A short text whose lower left corner is just right of and above `at`
    /// (drawn only if `at` is inside the axes).
    Note { at: (f64, f64), text: String },
    /// An arrow `from` → `to` (shaft clipped to the axes; head drawn if `to` is inside).
    Arrow {
        from: (f64, f64),
        to: (f64, f64),
        color: Color,
        label: Option<String>,
    },
}

/// A whole figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scene {
    pub size: (u32, u32),
    pub title: String,
    pub x_label: String,
    pub y_label: String,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    pub log_y: bool,
    pub grid: bool,
    pub items: Vec<Item>,
    pub legend: Corner,
}

/// The axes box, in plotting coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    pub x: (f64, f64),
    pub y: (f64, f64),
}

impl Bounds {
    pub fn contains(&self, p: (f64, f64)) -> bool {
        p.0 >= self.x.0 && p.0 <= self.x.1 && p.1 >= self.y.0 && p.1 <= self.y.1
    }

    /// Liang–Barsky: the part of segment `a`–`b` inside the box, if any.
    pub fn clip_segment(&self, a: (f64, f64), b: (f64, f64)) -> Option<((f64, f64), (f64, f64))> {
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let checks = [
            (-dx, a.0 - self.x.0),
            (dx, self.x.1 - a.0),
            (-dy, a.1 - self.y.0),
            (dy, self.y.1 - a.1),
        ];
        for (p, q) in checks {
            if p == 0.0 {
                if q < 0.0 {
                    return None;
                }
            } else {
                let r = q / p;
                if p < 0.0 {
                    if r > t1 {
                        return None;
                    }
                    t0 = t0.max(r);
                } else {
                    if r < t0 {
                        return None;
                    }
                    t1 = t1.min(r);
                }
            }
        }
        let at = |t: f64| {
            if t == 0.0 {
                a
            } else if t == 1.0 {
                b
            } else {
                (a.0 + t * dx, a.1 + t * dy)
            }
        };
        Some((at(t0), at(t1)))
    }

    /// A polyline cut to the box: non-finite points break it, pieces outside are
    /// dropped, pieces that leave and re-enter become separate runs.
    pub fn clip_polyline(&self, points: &[(f64, f64)]) -> Vec<Vec<(f64, f64)>> {
        let mut runs: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut cur: Vec<(f64, f64)> = Vec::new();
        let finite = |p: &(f64, f64)| p.0.is_finite() && p.1.is_finite();
        let flush = |cur: &mut Vec<(f64, f64)>, runs: &mut Vec<Vec<(f64, f64)>>| {
            if cur.len() >= 2 {
                runs.push(std::mem::take(cur));
            } else {
                cur.clear();
            }
        };
        for w in points.windows(2) {
            let (a, b) = (w[0], w[1]);
            if !(finite(&a) && finite(&b)) {
                flush(&mut cur, &mut runs);
                continue;
            }
            match self.clip_segment(a, b) {
                None => flush(&mut cur, &mut runs),
                Some((p, q)) => {
                    if cur.last() != Some(&p) {
                        flush(&mut cur, &mut runs);
                        cur.push(p);
                    }
                    cur.push(q);
                    if q != b {
                        flush(&mut cur, &mut runs);
                    }
                }
            }
        }
        flush(&mut cur, &mut runs);
        runs
    }
}

impl Scene {
    pub fn bounds(&self) -> Bounds {
        Bounds {
            x: self.x_range,
            y: self.y_range,
        }
    }

    fn legend_labels(&self) -> Vec<&str> {
        self.items
            .iter()
            .filter_map(|it| match it {
                Item::Line { label, .. }
                | Item::Points { label, .. }
                | Item::Arrow { label, .. } => label.as_deref(),
                Item::Contour { .. } | Item::Note { .. } => None,
            })
            .collect()
    }

    /// The legend's place: the given one, or for [`Corner::Auto`] the first corner
    /// (upper right, upper left, lower right, lower left) whose estimated legend
    /// box no data segment or marker crosses, else [`Corner::Below`].
    pub fn resolved_corner(&self) -> Corner {
        if self.legend != Corner::Auto {
            return self.legend;
        }
        let labels = self.legend_labels();
        // Estimated legend box as a fraction of the plotting area.
        let (pw, ph) = (
            (self.size.0 as f64 - 100.0).max(50.0),
            (self.size.1 as f64 - 110.0).max(50.0),
        );
        let longest = labels.iter().map(|l| text_columns(l)).max().unwrap_or(0) as f64;
        // plotters' layout (7.5 px a character at 14 px, a 50 px glyph column,
        // LEGEND_ROW a row, a 10 px margin) plus 16 px of slack each way: a line
        // passing just outside the estimate must not clip the drawn box.
        let fw = ((longest * 7.5 + 50.0 + 16.0) / pw).min(1.0);
        let fh = ((labels.len() as f64 * LEGEND_ROW as f64 + 16.0 + 16.0) / ph).min(1.0);
        let b = self.bounds();
        let (xw, yw) = (b.x.1 - b.x.0, b.y.1 - b.y.0);
        let boxes = [
            (
                Corner::UpperRight,
                (b.x.1 - fw * xw, b.x.1),
                (b.y.1 - fh * yw, b.y.1),
            ),
            (
                Corner::UpperLeft,
                (b.x.0, b.x.0 + fw * xw),
                (b.y.1 - fh * yw, b.y.1),
            ),
            (
                Corner::LowerRight,
                (b.x.1 - fw * xw, b.x.1),
                (b.y.0, b.y.0 + fh * yw),
            ),
            (
                Corner::LowerLeft,
                (b.x.0, b.x.0 + fw * xw),
                (b.y.0, b.y.0 + fh * yw),
            ),
        ];
        let mut best = (Corner::UpperRight, usize::MAX);
        for (corner, x, y) in boxes {
            let bx = Bounds { x, y };
            let mut hits = 0usize;
            for it in &self.items {
                match it {
                    Item::Contour { .. } => {}
                    Item::Note { at, text } => {
                        // A note's text runs right of its point: count it where it starts.
                        if bx.contains(*at) {
                            hits += text.chars().count().max(1);
                        }
                    }
                    Item::Line { runs, markers, .. } => {
                        for r in runs {
                            hits += r
                                .windows(2)
                                .filter(|w| bx.clip_segment(w[0], w[1]).is_some())
                                .count();
                        }
                        hits += markers.iter().filter(|p| bx.contains(**p)).count();
                    }
                    Item::Points { points, .. } => {
                        hits += points.iter().filter(|p| bx.contains(**p)).count();
                    }
                    Item::Arrow { from, to, .. } => {
                        if bx.clip_segment(*from, *to).is_some() {
                            hits += 5;
                        }
                    }
                }
            }
            if hits < best.1 {
                best = (corner, hits);
            }
        }
        if best.1 > 0 {
            Corner::Below
        } else {
            best.0
        }
    }

    /// Pixels the legend takes under the axes ([`Corner::Below`]), else 0: one
    /// 21-pixel row per entry and a margin, as plotters lays the legend out.
    fn below(&self) -> u32 {
        if self.legend_labels().is_empty() || self.resolved_corner() != Corner::Below {
            0
        } else {
            LEGEND_ROW * self.legend_labels().len() as u32 + 4
        }
    }

    /// Pixels around the plotting area (axes labels, caption, margins): figure
    /// size minus plotting-area size, found by laying out the frame once.
    pub fn frame_overhead(&self) -> Result<(u32, u32)> {
        #[cfg(feature = "png")]
        crate::fonts::ensure();
        let mut buf = String::new();
        let root = SVGBackend::with_string(&mut buf, self.size).into_drawing_area();
        let chart = frame(&root, &self.title, self.below())
            .build_cartesian_2d(0.0..1.0, 0.0..1.0)
            .map_err(|e| Error::Parse {
                what: "the figure (plotters could not lay it out)".into(),
                message: e.to_string(),
            })?;
        let (pw, ph) = chart.plotting_area().dim_in_pixel();
        Ok((
            self.size.0.saturating_sub(pw),
            self.size.1.saturating_sub(ph),
        ))
    }

    /// Where the data corners $(x_0, y_0)$ and $(x_1, y_1)$ of the axes land in
    /// backend pixels (plotters maps linearly in between), for drawing on top of
    /// the rendered SVG ([`crate::animate`]).
    pub fn pixel_corners(&self) -> Result<((i32, i32), (i32, i32))> {
        #[cfg(feature = "png")]
        crate::fonts::ensure();
        let mut buf = String::new();
        let root = SVGBackend::with_string(&mut buf, self.size).into_drawing_area();
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let chart = frame(&root, &self.title, self.below())
            .build_cartesian_2d(x0..x1, y0..y1)
            .map_err(|e| Error::Parse {
                what: "the figure (plotters could not lay it out)".into(),
                message: e.to_string(),
            })?;
        Ok((
            chart.backend_coord(&(x0, y0)),
            chart.backend_coord(&(x1, y1)),
        ))
    }

    /// The SVG document.
    /// The figure as SVG, its texts in the current language ([`optcore::lang`]).
    pub fn to_svg(&self) -> Result<String> {
        #[cfg(feature = "png")]
        crate::fonts::ensure();
        let shown = self.translated();
        let mut buf = String::new();
        {
            let root = SVGBackend::with_string(&mut buf, self.size).into_drawing_area();
            shown.draw(root, false).map_err(|e| Error::Parse {
                what: "the figure (plotters could not draw it)".into(),
                message: e.to_string(),
            })?;
        }
        Ok(buf)
    }

    /// This scene with every text (title, axis labels, legend labels, notes)
    /// passed through [`optcore::lang::tr`]; the legend is placed for the texts
    /// as shown.
    fn translated(&self) -> std::borrow::Cow<'_, Scene> {
        use optcore::lang::{current, tr, Lang};
        if current() == Lang::En {
            return std::borrow::Cow::Borrowed(self);
        }
        let t = |s: &str| tr(s).into_owned();
        let mut scene = self.clone();
        scene.title = t(&scene.title);
        scene.x_label = t(&scene.x_label);
        scene.y_label = t(&scene.y_label);
        for item in &mut scene.items {
            match item {
                Item::Line { label, .. }
                | Item::Points { label, .. }
                | Item::Arrow { label, .. } => {
                    if let Some(l) = label {
                        *l = t(l);
                    }
                }
                Item::Note { text, .. } => *text = t(text),
                _ => {}
            }
        }
        std::borrow::Cow::Owned(scene)
    }

    #[cfg(feature = "png")]
    pub fn save_png(&self, path: &std::path::Path) -> std::io::Result<()> {
        crate::fonts::ensure();
        let root = BitMapBackend::new(path, self.size).into_drawing_area();
        self.draw(root, true)
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    fn draw<DB: DrawingBackend>(
        &self,
        root: DrawingArea<DB, Shift>,
        bitmap: bool,
    ) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
        let font = "sans-serif";
        root.fill(&WHITE)?;
        let (x0, x1) = self.x_range;
        let (y0, y1) = self.y_range;
        let mut chart =
            frame(&root, &self.title, self.below()).build_cartesian_2d(x0..x1, y0..y1)?;

        let y_labels = if self.log_y {
            // Whole decades when the axis spans several, else plotters' nice steps.
            let decades = (y1.floor() - y0.ceil()) as usize + 1;
            if decades >= 3 {
                decades.min(10)
            } else {
                6
            }
        } else {
            8
        };
        let log_fmt = |v: &f64| fmt_log_tick(*v);
        let lin_fmt = |v: &f64| fmt_tick(*v);
        let y_fmt: &dyn Fn(&f64) -> String = if self.log_y { &log_fmt } else { &lin_fmt };
        let mut mesh = chart.configure_mesh();
        mesh.x_desc(self.x_label.as_str())
            .y_desc(self.y_label.as_str())
            .x_labels(8)
            .y_labels(y_labels)
            .x_label_formatter(&lin_fmt)
            .y_label_formatter(y_fmt)
            .axis_desc_style((font, 16))
            .label_style((font, 13))
            .bold_line_style(RGBAColor(0, 0, 0, 0.12))
            .light_line_style(RGBAColor(0, 0, 0, 0.04))
            .x_max_light_lines(4)
            .y_max_light_lines(if self.log_y { 0 } else { 4 })
            .axis_style(RGBAColor(0, 0, 0, 0.8));
        if !self.grid {
            mesh.disable_mesh();
        }
        mesh.draw()?;
        if self.log_y && self.grid {
            // Minor lines of a log axis at 2, 3, …, 9 times each power of ten.
            for v in log_minor_lines(y0, y1) {
                chart.draw_series(std::iter::once(PathElement::new(
                    vec![(x0, v), (x1, v)],
                    RGBAColor(0, 0, 0, 0.05),
                )))?;
            }
        }

        let px = |chart: &ChartContext<
            DB,
            Cartesian2d<
                plotters::coord::types::RangedCoordf64,
                plotters::coord::types::RangedCoordf64,
            >,
        >,
                  p: (f64, f64)| chart.backend_coord(&p);
        let bounds = self.bounds();
        // Legend entries, in the items' order: registered with plotters' legend
        // in a corner, or drawn under the axes (Corner::Below).
        let mut entries: Vec<(&str, Glyph)> = Vec::new();
        for item in &self.items {
            match item {
                Item::Contour { runs, color } => {
                    for r in runs {
                        root.draw(&PathElement::new(pixels(&chart, r), color.stroke(1)))?;
                    }
                }
                Item::Line {
                    runs,
                    markers,
                    marker,
                    color,
                    dash,
                    width,
                    label,
                } => {
                    for r in runs {
                        match dash {
                            None => {
                                draw_polyline(&root, pixels(&chart, r), *color, *width, bitmap)?
                            }
                            Some((d, g)) => root.draw(&DashedPathElement::new(
                                pixels(&chart, r),
                                *d,
                                *g,
                                color.stroke(*width),
                            ))?,
                        }
                    }
                    if let Some(m) = marker {
                        draw_markers(&mut chart, markers, *m, *color)?;
                    }
                    if let Some(l) = label {
                        let glyph = Glyph {
                            line: Some((*color, *width)),
                            dash: *dash,
                            marker: *marker,
                            head: false,
                            color: *color,
                        };
                        entries.push((l.as_str(), glyph));
                    }
                }
                Item::Points {
                    points,
                    marker,
                    color,
                    label,
                } => {
                    draw_markers(&mut chart, points, *marker, *color)?;
                    if let Some(l) = label {
                        let glyph = Glyph {
                            line: None,
                            dash: None,
                            marker: Some(*marker),
                            head: false,
                            color: *color,
                        };
                        entries.push((l.as_str(), glyph));
                    }
                }
                Item::Note { at, text } => {
                    if bounds.contains(*at) {
                        let (x, y) = px(&chart, *at);
                        let style = TextStyle::from((font, 14).into_font())
                            .color(&RGBAColor(0, 0, 0, 0.9))
                            .pos(Pos::new(HPos::Left, VPos::Bottom));
                        root.draw(&Text::new(text.clone(), (x + 6, y - 4), style))?;
                    }
                }
                Item::Arrow {
                    from,
                    to,
                    color,
                    label,
                } => {
                    if let Some((a, b)) = bounds.clip_segment(*from, *to) {
                        let head = bounds.contains(*to);
                        let (pa, pb) = (px(&chart, a), px(&chart, b));
                        draw_arrow(&root, pa, pb, head, *color, 3)?;
                    }
                    if let Some(l) = label {
                        let glyph = Glyph {
                            line: Some((*color, 3)),
                            dash: None,
                            marker: None,
                            head: true,
                            color: *color,
                        };
                        entries.push((l.as_str(), glyph));
                    }
                }
            }
        }

        if !entries.is_empty() && self.resolved_corner() == Corner::Below {
            // Under the x axis's label area, one row per entry, from the axis's start.
            let (left, top) = chart.plotting_area().get_base_pixel();
            let (_, h) = chart.plotting_area().dim_in_pixel();
            let y0 = top + h as i32 + X_LABEL_AREA as i32 + (LEGEND_ROW / 2) as i32;
            let style = TextStyle::from((font, 14).into_font())
                .color(&BLACK)
                .pos(Pos::new(HPos::Left, VPos::Center));
            for (i, (label, glyph)) in entries.iter().enumerate() {
                let y = y0 + (i as u32 * LEGEND_ROW) as i32;
                root.draw(&glyph.element::<DB>((left, y)).into_dyn())?;
                root.draw(&Text::new(label.to_string(), (left + 28, y), style.clone()))?;
            }
        } else if !entries.is_empty() {
            for (label, glyph) in entries {
                chart
                    .draw_series(std::iter::empty::<PathElement<(f64, f64)>>())?
                    .label(label)
                    .legend(move |p| glyph.element(p));
            }
            let pos = match self.resolved_corner() {
                Corner::UpperLeft => SeriesLabelPosition::UpperLeft,
                Corner::LowerRight => SeriesLabelPosition::LowerRight,
                Corner::LowerLeft => SeriesLabelPosition::LowerLeft,
                Corner::UpperRight | Corner::Auto | Corner::Below => {
                    SeriesLabelPosition::UpperRight
                }
            };
            chart
                .configure_series_labels()
                .position(pos)
                .margin(10)
                .legend_area_size(26)
                .label_font((font, 14))
                .background_style(RGBAColor(255, 255, 255, 0.85))
                .border_style(RGBAColor(0, 0, 0, 0.35))
                .draw()?;
        }
        root.present()?;
        Ok(())
    }
}

/// A legend entry's picture, 20 px wide: a line, a marker, an arrowhead. Parts
/// not used are drawn transparent (which the backends skip), so that every entry
/// has one element type.
#[derive(Clone, Copy)]
struct Glyph {
    line: Option<(Color, u32)>,
    dash: Option<(u32, u32)>,
    marker: Option<Marker>,
    head: bool,
    color: Color,
}

impl Glyph {
    fn element<'a, DB: DrawingBackend + 'a>(
        self,
        (x, y): (i32, i32),
    ) -> impl IntoDynElement<'a, DB, (i32, i32)> {
        let none = Color(0, 0, 0, 0.0);
        let (line_color, width) = self.line.unwrap_or((none, 1));
        let line_end = if self.head { 10 } else { 20 };
        let (circle, radius) = match self.marker {
            Some(Marker::Dot(r)) => (self.color.fill(), r),
            Some(Marker::Ring(r)) => (self.color.stroke(2), r),
            _ => (none.fill(), 1),
        };
        let (cross, size) = match self.marker {
            Some(Marker::Cross(r)) => (self.color.stroke(3), r.min(6)),
            _ => (none.stroke(1), 1),
        };
        let (square, half) = match self.marker {
            Some(Marker::Square(r)) => (self.color.stroke(2), r as i32),
            _ => (none.stroke(1), 1),
        };
        let (triangle, tsize) = match self.marker {
            Some(Marker::Triangle(r)) => (self.color.fill(), r),
            _ => (none.fill(), 1),
        };
        let (dash, gap) = self.dash.unwrap_or((line_end as u32, 0));
        let head = if self.head { self.color } else { none };
        EmptyElement::at((x, y))
            + DashedPathElement::new(
                vec![(0, 0), (line_end, 0)],
                dash,
                gap,
                line_color.stroke(width),
            )
            + Circle::new((10, 0), radius, circle)
            + Cross::new((10, 0), size, cross)
            + Rectangle::new([(10 - half, -half), (10 + half, half)], square)
            + TriangleMarker::new((10, 0), tsize, triangle)
            + Polygon::new(vec![(20, 0), (9, -6), (9, 6)], head.fill())
    }
}

/// A line in backend pixels, without repeated consecutive pixels: smaller SVG,
/// and plotters' wide-line drawing in bitmaps spikes at zero-length segments.
fn pixels<DB: DrawingBackend>(chart: &Chart<'_, DB>, points: &[(f64, f64)]) -> Vec<(i32, i32)> {
    let mut out: Vec<(i32, i32)> = Vec::with_capacity(points.len());
    for p in points {
        let q = chart.backend_coord(p);
        if out.last() != Some(&q) {
            out.push(q);
        }
    }
    if out.len() == 1 {
        out.push(out[0]);
    }
    out
}

/// Width of `text` in half-width columns: Hangul (and other East Asian wide
/// characters) take two, as they are drawn about twice as wide as Latin letters.
pub(crate) fn text_columns(text: &str) -> usize {
    text.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFF00..=0xFF60 => 2,
            _ => 1,
        })
        .sum()
}

/// The chart frame every figure uses: caption, margins, room for tick labels
/// and axis descriptions.
/// Height of the x axis's label area, in pixels.
const X_LABEL_AREA: u32 = 48;
/// One legend entry's height, in pixels (plotters' layout at a 14 px font).
const LEGEND_ROW: u32 = 21;

/// The axes' frame: caption, margins, label areas, and `below` more pixels at
/// the bottom for a legend under the axes ([`Corner::Below`]).
fn frame<'a, 'b, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    title: &str,
    below: u32,
) -> ChartBuilder<'a, 'b, DB> {
    let mut b = ChartBuilder::on(root);
    b.caption(title, ("sans-serif", 22))
        .margin(14)
        .margin_bottom(14 + below)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(64);
    b
}

/// $\log_{10}(k \cdot 10^d)$ for k = 2..9 inside `(lo, hi)` (in exponents), if the
/// axis spans at most 8 decades (beyond that they would crowd).
fn log_minor_lines(lo: f64, hi: f64) -> Vec<f64> {
    let mut out = Vec::new();
    if hi - lo > 8.0 || hi.is_nan() || lo.is_nan() {
        return out;
    }
    let mut d = lo.floor();
    while d <= hi {
        for k in 2..=9 {
            let v = d + crate::log10(f64::from(k));
            if v > lo && v < hi {
                out.push(v);
            }
        }
        d += 1.0;
    }
    out
}

/// A wide polyline. In SVG one `<polyline>` (the viewer joins the segments); in a
/// bitmap segment by segment with round dots at the joints, because plotters'
/// wide-line joins in bitmaps shoot out spikes where a path turns back on itself.
fn draw_polyline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    px: Vec<(i32, i32)>,
    color: Color,
    width: u32,
    bitmap: bool,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if !bitmap || width <= 1 {
        return root.draw(&PathElement::new(px, color.stroke(width)));
    }
    for w in px.windows(2) {
        root.draw(&PathElement::new(vec![w[0], w[1]], color.stroke(width)))?;
    }
    for p in px.iter().skip(1).take(px.len().saturating_sub(2)) {
        root.draw(&Circle::new(*p, width / 2, color.fill()))?;
    }
    Ok(())
}

type Chart<'a, DB> = ChartContext<
    'a,
    DB,
    Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>,
>;

fn draw_markers<DB: DrawingBackend>(
    chart: &mut Chart<'_, DB>,
    points: &[(f64, f64)],
    marker: Marker,
    color: Color,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match marker {
        Marker::Dot(r) => {
            chart.draw_series(points.iter().map(|p| Circle::new(*p, r, color.fill())))?;
        }
        Marker::Ring(r) => {
            chart.draw_series(points.iter().map(|p| Circle::new(*p, r, color.stroke(2))))?;
        }
        Marker::Cross(r) => {
            chart.draw_series(points.iter().map(|p| Cross::new(*p, r, color.stroke(3))))?;
        }
        Marker::Square(r) => {
            let h = r as i32;
            chart.draw_series(points.iter().map(|p| {
                EmptyElement::at(*p) + Rectangle::new([(-h, -h), (h, h)], color.stroke(2))
            }))?;
        }
        Marker::Triangle(r) => {
            chart.draw_series(
                points
                    .iter()
                    .map(|p| TriangleMarker::new(*p, r, color.fill())),
            )?;
        }
    }
    Ok(())
}

/// An arrow in pixels: shaft to the base of a filled triangular head at `b`.
fn draw_arrow<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: (i32, i32),
    b: (i32, i32),
    head: bool,
    color: Color,
    width: u32,
) -> std::result::Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let (dx, dy) = (f64::from(b.0 - a.0), f64::from(b.1 - a.1));
    let len = (dx * dx + dy * dy).sqrt();
    if !head {
        if len >= 1.0 {
            root.draw(&PathElement::new(vec![a, b], color.stroke(width)))?;
        }
        return Ok(());
    }
    let (head_len, half_width) = (14.0f64, 6.0f64);
    if len < 1.0 {
        return root.draw(&Circle::new(b, 3, color.fill()));
    }
    let (ux, uy) = (dx / len, dy / len);
    let hl = head_len.min(len);
    let base = (f64::from(b.0) - ux * hl, f64::from(b.1) - uy * hl);
    let hw = half_width * hl / head_len;
    let left = (
        (base.0 - uy * hw).round() as i32,
        (base.1 + ux * hw).round() as i32,
    );
    let right = (
        (base.0 + uy * hw).round() as i32,
        (base.1 - ux * hw).round() as i32,
    );
    if len > hl {
        let base_i = (base.0.round() as i32, base.1.round() as i32);
        root.draw(&PathElement::new(vec![a, base_i], color.stroke(width)))?;
    }
    root.draw(&Polygon::new(vec![b, left, right], color.fill()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_breaks_at_nan_and_at_the_box() {
        let b = Bounds {
            x: (0.0, 1.0),
            y: (0.0, 1.0),
        };
        let runs = b.clip_polyline(&[
            (0.1, 0.1),
            (0.5, 0.5),
            (f64::NAN, 0.0),
            (0.2, 0.2),
            (0.3, 0.3),
        ]);
        assert_eq!(
            runs,
            vec![vec![(0.1, 0.1), (0.5, 0.5)], vec![(0.2, 0.2), (0.3, 0.3)]]
        );
        let runs = b.clip_polyline(&[(0.5, 0.5), (1.5, 0.5), (0.5, 0.25)]);
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[0], vec![(0.5, 0.5), (1.0, 0.5)]);
        assert_eq!(runs[1][1], (0.5, 0.25));
        assert!(b.clip_polyline(&[(2.0, 2.0), (3.0, 3.0)]).is_empty());
        assert!(b.clip_segment((-1.0, 0.5), (2.0, 0.5)).is_some());
    }

    #[test]
    fn log_minor_lines_between_decades() {
        let v = log_minor_lines(-1.0, 0.0);
        assert_eq!(v.len(), 8);
        assert!((v[0] - 2f64.log10() + 1.0).abs() < 1e-12);
        assert!(log_minor_lines(-20.0, 0.0).is_empty());
    }

    #[test]
    fn viridis_ends() {
        assert_eq!(level_color(0.0), Color(68, 1, 84, 0.85));
        assert_eq!(level_color(1.0), Color(253, 231, 37, 0.85));
        assert_eq!(level_color(f64::NAN), level_color(0.0));
    }
}
