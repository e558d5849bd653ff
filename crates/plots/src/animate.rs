//! Animated trajectories: a figure's background (a [`Contour`](crate::Contour)
//! drawn without paths) with every series moving over it frame by frame, as one
//! self-contained SVG that plays by itself.
//!
//! Frame $k$ of $K$ shows, for every series, a marker at its $k$-th point and the
//! path through points $0, \dots, k$, with a counter `t = …` (the step that frame
//! shows: frames may skip steps, see [`Animation::new`]). The animation is SVG's
//! own (SMIL `<animate>` / `<animateTransform>` with `calcMode="discrete"`):
//! no script, no ids, no external file, so it plays in a browser inline in an
//! HTML page (a notebook, nbconvert's export, from `file://`) and two animations
//! on one page cannot clash. It loops, holding the last frame for
//! [`Animation::hold`] seconds. A viewer without SMIL shows the last frame.
//!
//! Text only and byte-stable: pixel coordinates with one decimal, times with four.
//! The series look as in every other figure of this crate (the Okabe–Ito colour
//! and marker of series $i$); the legend and the counter stand in a column right
//! of the background.

use crate::scene::{look, Bounds, Marker};
use crate::{Figure, Series};
use optcore::render::fmt_num;
use optcore::{Error, Result};

/// At most this many frames (a longer run is sampled, see [`Animation::new`]).
pub const MAX_FRAMES: usize = 240;

/// Width of the legend column right of the background, in pixels.
const LEGEND_WIDTH: u32 = 190;

/// An animation being set up: background, frame labels, series.
#[derive(Debug, Clone)]
pub struct Animation {
    background: Figure,
    steps: Vec<usize>,
    series: Vec<Series>,
    seconds_per_frame: f64,
    hold: f64,
    note: Option<String>,
}

/// A rendered animation: an SVG document with its animation inside.
#[derive(Debug, Clone, PartialEq)]
pub struct Animated {
    svg: optcore::lang::Rendered,
    size: (u32, u32),
    frames: usize,
}

/// One language's rendering of an [`Animation`].
struct Shown {
    svg: String,
    size: (u32, u32),
    frames: usize,
}

impl Animation {
    /// An animation over `background` (a figure with linear axes, as
    /// [`Contour::render`](crate::Contour::render) draws) whose frame $k$ shows
    /// step `steps[k]` of the runs (the counter's `t`).
    pub fn new(background: Figure, steps: Vec<usize>) -> Self {
        Animation {
            background,
            steps,
            series: Vec::new(),
            seconds_per_frame: 0.08,
            hold: 1.5,
            note: None,
        }
    }

    /// One moving series: `points[k]` is where it is in frame `k` (as many
    /// points as frames; non-finite or outside the axes: not drawn in that frame).
    pub fn series(mut self, label: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        self.series.push((label.into(), points));
        self
    }

    /// Seconds each frame is shown (default 0.08).
    pub fn seconds_per_frame(mut self, s: f64) -> Self {
        self.seconds_per_frame = s;
        self
    }

    /// Seconds the last frame is held before the loop starts again (default 1.5).
    pub fn hold(mut self, s: f64) -> Self {
        self.hold = s;
        self
    }

    /// A line of text under the legend (e.g. what the frames sample).
    pub fn note(mut self, text: impl Into<String>) -> Self {
        self.note = Some(text.into());
        self
    }

    /// The series, one point per frame (for snapshots: [`crate::series_text`]).
    pub fn data(&self) -> &[Series] {
        &self.series
    }

    /// The step each frame shows.
    pub fn steps(&self) -> &[usize] {
        &self.steps
    }

    /// The frames as text: per series a line `label`, then one line `t  x  y` per
    /// frame (10 significant digits), for snapshots of what the animation shows.
    pub fn frames_text(&self) -> String {
        let mut s = String::new();
        for (label, pts) in &self.series {
            s.push_str(&format!("{label} ({} frames)\n", pts.len()));
            for (t, (x, y)) in self.steps.iter().zip(pts) {
                s.push_str(&format!("  {t}  {}  {}\n", fmt_num(*x), fmt_num(*y)));
            }
        }
        s
    }

    fn check(&self) -> Result<()> {
        let n = self.steps.len();
        if n == 0 || n > MAX_FRAMES {
            return Err(Error::Hyperparameter {
                name: "number of frames",
                value: n as f64,
                accepts: "1 to 240 frames",
            });
        }
        if self.series.is_empty() {
            return Err(Error::Empty {
                what: "the animation's series",
            });
        }
        for (_, pts) in &self.series {
            optcore::error::check_dim("animation: points of a series", n, pts.len())?;
        }
        for (name, v) in [
            ("seconds per frame", self.seconds_per_frame),
            ("hold", self.hold),
        ] {
            if !(v.is_finite() && v >= 0.0) || (name == "seconds per frame" && v <= 0.0) {
                return Err(Error::Hyperparameter {
                    name: if name == "hold" {
                        "hold"
                    } else {
                        "seconds per frame"
                    },
                    value: v,
                    accepts: "a finite number of seconds (> 0 per frame, ≥ 0 hold)",
                });
            }
        }
        if self.background.scene.log_y {
            return Err(Error::Parse {
                what: "the animation's background".into(),
                message: "a log-scale chart; animations draw on linear axes".into(),
            });
        }
        Ok(())
    }

    /// Draws the animation.
    pub fn render(&self) -> Result<Animated> {
        let en = optcore::lang::with(optcore::lang::Lang::En, || self.render_shown())?;
        let svg = optcore::lang::Rendered::try_build(|| self.render_shown().map(|a| a.svg))?;
        Ok(Animated {
            svg,
            size: en.size,
            frames: en.frames,
        })
    }

    /// The animation with its texts in the current language ([`optcore::lang`]).
    fn render_shown(&self) -> Result<Shown> {
        self.check()?;
        let scene = &self.background.scene;
        let ((px0, py0), (px1, py1)) = scene.pixel_corners()?;
        let (x0, x1) = scene.x_range;
        let (y0, y1) = scene.y_range;
        let bounds = Bounds {
            x: scene.x_range,
            y: scene.y_range,
        };
        let to_px = |p: (f64, f64)| -> (f64, f64) {
            (
                f64::from(px0) + (p.0 - x0) / (x1 - x0) * f64::from(px1 - px0),
                f64::from(py0) + (p.1 - y0) / (y1 - y0) * f64::from(py1 - py0),
            )
        };
        let inside = |p: (f64, f64)| p.0.is_finite() && p.1.is_finite() && bounds.contains(p);

        let n = self.steps.len();
        let (w, h) = scene.size;
        let total = n as f64 * self.seconds_per_frame + self.hold;
        let dur = format!("{}s", num(total, 3));
        // Start of frame k as a fraction of the loop.
        let key = |k: usize| num(k as f64 * self.seconds_per_frame / total, 4);
        let key_times: Vec<String> = (0..n).map(key).collect();
        let all_keys = key_times.join(";");

        let mut out = String::new();
        out.push_str(&format!(
            "<svg width=\"{W}\" height=\"{h}\" viewBox=\"0 0 {W} {h}\" xmlns=\"http://www.w3.org/2000/svg\">\n",
            W = w + LEGEND_WIDTH
        ));
        out.push_str(&format!(
            "<rect x=\"0\" y=\"0\" width=\"{W}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
            W = w + LEGEND_WIDTH
        ));
        out.push_str(&self.background.shown_svg());
        out.push('\n');

        // Paths: frame k adds, for every series, the segment from point k−1 to k.
        for k in 1..n {
            let mut segs = String::new();
            for (i, (_, pts)) in self.series.iter().enumerate() {
                let (a, b) = (pts[k - 1], pts[k]);
                if !(a.0.is_finite() && a.1.is_finite() && b.0.is_finite() && b.1.is_finite()) {
                    continue;
                }
                if let Some((a, b)) = bounds.clip_segment(a, b) {
                    let (pa, pb) = (to_px(a), to_px(b));
                    let c = look(i).color;
                    segs.push_str(&format!(
                        "<path d=\"M{},{}L{},{}\" stroke=\"{}\"/>",
                        num(pa.0, 1),
                        num(pa.1, 1),
                        num(pb.0, 1),
                        num(pb.1, 1),
                        hex(c),
                    ));
                }
            }
            if segs.is_empty() {
                continue;
            }
            out.push_str(&format!(
                "<g stroke-width=\"2\" stroke-linecap=\"round\">{segs}<animate attributeName=\"visibility\" values=\"hidden;visible\" keyTimes=\"0;{}\" calcMode=\"discrete\" dur=\"{dur}\" repeatCount=\"indefinite\"/></g>\n",
                key(k)
            ));
        }

        // Starts (hollow rings) and moving markers.
        for (i, (_, pts)) in self.series.iter().enumerate() {
            let lk = look(i);
            if inside(pts[0]) {
                let p = to_px(pts[0]);
                out.push_str(&format!(
                    "<circle cx=\"{}\" cy=\"{}\" r=\"6\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                    num(p.0, 1),
                    num(p.1, 1),
                    hex(lk.color)
                ));
            }
            let mut moves = Vec::with_capacity(n);
            let mut shown = Vec::with_capacity(n);
            let mut last = (-50.0, -50.0);
            for &p in pts {
                if inside(p) {
                    last = to_px(p);
                    shown.push("1");
                } else {
                    shown.push("0");
                }
                moves.push(format!("{},{}", num(last.0, 1), num(last.1, 1)));
            }
            let end = moves.last().cloned().unwrap_or_else(|| "0,0".into());
            let end_shown = shown.last().copied().unwrap_or("0");
            out.push_str(&format!(
                "<g transform=\"translate({end})\" opacity=\"{end_shown}\">{}<animateTransform attributeName=\"transform\" type=\"translate\" values=\"{}\" keyTimes=\"{all_keys}\" calcMode=\"discrete\" dur=\"{dur}\" repeatCount=\"indefinite\"/><animate attributeName=\"opacity\" values=\"{}\" keyTimes=\"{all_keys}\" calcMode=\"discrete\" dur=\"{dur}\" repeatCount=\"indefinite\"/></g>\n",
                marker_svg(lk.marker, lk.color, 1.6),
                moves.join(";"),
                shown.join(";"),
            ));
        }

        // Legend column.
        let lx = w + 12;
        out.push_str(&format!(
            "<g font-family=\"sans-serif\" font-size=\"14\" fill=\"#000000\">\n<text x=\"{lx}\" y=\"40\" font-size=\"18\">{}</text>\n",
            "t = "
        ));
        // Counter: frame k's number is visible during frame k only (the last
        // also while held, and without SMIL).
        for (k, t) in self.steps.iter().enumerate() {
            let (values, times) = if n == 1 {
                ("visible".to_string(), "0".to_string())
            } else if k == 0 {
                ("visible;hidden".to_string(), format!("0;{}", key(1)))
            } else if k + 1 == n {
                ("hidden;visible".to_string(), format!("0;{}", key(k)))
            } else {
                (
                    "hidden;visible;hidden".to_string(),
                    format!("0;{};{}", key(k), key(k + 1)),
                )
            };
            let base = if k + 1 == n { "visible" } else { "hidden" };
            out.push_str(&format!(
                "<text x=\"{}\" y=\"40\" font-size=\"18\" visibility=\"{base}\">{t}<animate attributeName=\"visibility\" values=\"{values}\" keyTimes=\"{times}\" calcMode=\"discrete\" dur=\"{dur}\" repeatCount=\"indefinite\"/></text>\n",
                lx + 34
            ));
        }
        let mut y = 76;
        for (i, (label, _)) in self.series.iter().enumerate() {
            let lk = look(i);
            let c = hex(lk.color);
            let dash = match lk.dash {
                Some((d, g)) => format!(" stroke-dasharray=\"{d} {g}\""),
                None => String::new(),
            };
            out.push_str(&format!(
                "<line x1=\"{lx}\" y1=\"{y}\" x2=\"{}\" y2=\"{y}\" stroke=\"{c}\" stroke-width=\"2\"{dash}/><g transform=\"translate({},{y})\">{}</g><text x=\"{}\" y=\"{}\">{}</text>\n",
                lx + 28,
                lx + 14,
                marker_svg(lk.marker, lk.color, 1.3),
                lx + 36,
                y + 5,
                escape(&optcore::lang::tr(label))
            ));
            y += 24;
        }
        if let Some(note) = &self.note {
            y += 8;
            for line in optcore::lang::tr(note).lines() {
                out.push_str(&format!(
                    "<text x=\"{lx}\" y=\"{y}\" font-size=\"12\" fill=\"#444444\">{}</text>\n",
                    escape(line)
                ));
                y += 16;
            }
        }
        out.push_str("</g>\n</svg>\n");
        Ok(Shown {
            svg: out,
            size: (w + LEGEND_WIDTH, h),
            frames: n,
        })
    }
}

impl Animated {
    /// The SVG document.
    pub fn svg(&self) -> &str {
        self.svg.en()
    }

    /// Width and height in pixels.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// Number of frames.
    pub fn frames(&self) -> usize {
        self.frames
    }

    /// The SVG inside a `<div>`, as a notebook shows it (English).
    pub fn to_html(&self) -> String {
        format!("<div>{}</div>", self.svg.en())
    }

    /// Shows the animation in a notebook (evcxr calls this on a cell's last
    /// value), in the kernel's language.
    pub fn evcxr_display(&self) {
        optcore::lang::show("text/html", || format!("<div>{}</div>", self.svg.shown()));
    }
}

/// `v` with at most `digits` decimals, trailing zeros dropped (`12.5`, `3`, `-0.25`).
fn num(v: f64, digits: usize) -> String {
    let s = format!("{v:.digits$}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

fn hex(c: crate::scene::Color) -> String {
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

/// `<`, `>`, `&`, `"` escaped for SVG text.
pub(crate) fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A marker centred on (0, 0), `scale` times its size in static figures.
fn marker_svg(m: Marker, c: crate::scene::Color, scale: f64) -> String {
    let c = hex(c);
    let r = |v: u32| num(f64::from(v) * scale, 1);
    match m {
        Marker::Dot(v) => format!("<circle r=\"{}\" fill=\"{c}\"/>", r(v + 1)),
        Marker::Ring(v) => format!(
            "<circle r=\"{}\" fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\"/>",
            r(v + 1)
        ),
        Marker::Cross(v) => {
            let a = r(v);
            format!("<path d=\"M-{a},-{a}L{a},{a}M-{a},{a}L{a},-{a}\" stroke=\"{c}\" stroke-width=\"3\"/>")
        }
        Marker::Square(v) => {
            let a = r(v + 1);
            format!(
                "<rect x=\"-{a}\" y=\"-{a}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" stroke=\"{c}\" stroke-width=\"2\"/>",
                r(2 * (v + 1)),
                r(2 * (v + 1))
            )
        }
        Marker::Triangle(v) => {
            let a = r(v + 1);
            format!("<path d=\"M0,-{a}L{a},{a}L-{a},{a}Z\" fill=\"{c}\"/>")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Quadratic;

    fn background() -> Figure {
        let q = Quadratic::reference();
        crate::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
            .levels(6)
            .grid(31)
            .render()
            .unwrap()
    }

    #[test]
    fn frames_markers_and_counter() {
        let a = Animation::new(background(), vec![0, 5, 10])
            .series("GD", vec![(-5.0, -2.0), (-3.0, 1.0), (1e9, 0.0)])
            .series("Adam", vec![(-5.0, -2.0), (f64::NAN, 0.0), (0.0, 0.0)])
            .render()
            .unwrap();
        let svg = a.svg();
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        assert_eq!(a.frames(), 3);
        // One moving marker per series, each with 3 positions; GD leaves the
        // axes in frame 2 (opacity 0 there), Adam is not drawn in frame 1.
        assert_eq!(svg.matches("<animateTransform").count(), 2);
        assert!(svg.contains("values=\"1;1;0\""));
        assert!(svg.contains("values=\"1;0;1\""));
        // The counter shows 0, 5, 10; no segment for Adam's NaN frame, none for
        // GD's jump out of the box beyond its clipped part.
        for t in ["0", "5", "10"] {
            assert!(svg.contains(&format!(">{t}<animate")), "counter {t}");
        }
        assert!(!svg.contains("NaN") && !svg.contains("inf"));
        assert!(!svg.contains(" id="), "no ids: two animations on a page");
        let again = Animation::new(background(), vec![0, 5, 10])
            .series("GD", vec![(-5.0, -2.0), (-3.0, 1.0), (1e9, 0.0)])
            .series("Adam", vec![(-5.0, -2.0), (f64::NAN, 0.0), (0.0, 0.0)])
            .render()
            .unwrap();
        assert_eq!(a, again, "byte-stable");
    }

    #[test]
    fn bad_input_is_an_error() {
        let bg = background();
        assert!(Animation::new(bg.clone(), vec![]).render().is_err());
        assert!(Animation::new(bg.clone(), vec![0, 1]).render().is_err());
        assert!(Animation::new(bg.clone(), vec![0, 1])
            .series("a", vec![(0.0, 0.0)])
            .render()
            .is_err());
        assert!(Animation::new(bg.clone(), vec![0])
            .series("a", vec![(0.0, 0.0)])
            .seconds_per_frame(0.0)
            .render()
            .is_err());
        assert!(Animation::new(bg, (0..=MAX_FRAMES).collect())
            .series("a", vec![(0.0, 0.0); MAX_FRAMES + 1])
            .render()
            .is_err());
    }

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.50, 1), "12.5");
        assert_eq!(num(3.0, 4), "3");
        assert_eq!(num(-0.00001, 2), "0");
        assert_eq!(escape("a<b & \"c\""), "a&lt;b &amp; &quot;c&quot;");
    }
}
