//! # Sliders: a lab's knobs, precomputed
//!
//! [`Sliders`] runs a lab once for every combination of a few knob values and
//! builds a page fragment, a [`SliderWidget`], whose range inputs switch
//! between those runs: the paths over the contour plot, the loss curves and
//! each run's stop reason. Every number on it comes from the runs; the page
//! only switches between them (plain JavaScript, nothing loaded from
//! elsewhere), so it plays where no kernel runs: the static edition.
//!
//! ```
//! use compare::lab::*;
//!
//! let widget = Lab::new(Problem::Quadratic)
//!     .steps(60)
//!     .sliders()
//!     .knob("η", [0.1, 0.4, 0.55], 0.4)
//!     .build(|lab, k| lab.with("GD", Sgd { lr: k[0], ..Sgd::defaults(Convention::Paper) }))?;
//! assert_eq!(widget.frames(), 3);
//! assert!(widget.html().contains("type=\"range\""));
//! # Ok::<(), compare::lab::Error>(())
//! ```
//!
//! With several knobs the frames are every combination, the first knob
//! slowest ([`MAX_FRAMES`] at most). The closure gets the lab (its problem,
//! start and steps) and the chosen values in knob order, and adds the runs;
//! every frame must add the same number of runs.

use optcore::error::{Error, Result};
use optcore::lang::{tr, Rendered};
use optcore::render::Cell;
use optcore::render::{fmt_short, fmt_sig};
use optcore::Table;

use super::{frame, Lab, LabRun, Runs, CONTOUR_LEVELS, CONTOUR_SIZE};

/// At most this many frames (combinations of knob values) in one widget: the
/// page carries every one of them.
pub const MAX_FRAMES: usize = 64;

/// Pixels of the loss chart.
const LW: f64 = 620.0;
const LH: f64 = 260.0;
const L_LEFT: f64 = 64.0;
const L_TOP: f64 = 16.0;
const L_RIGHT: f64 = 600.0;
const L_BOTTOM: f64 = 222.0;
/// At most this many decades on the loss chart's log axis (the smallest losses
/// are drawn at its floor).
const MAX_DECADES: i32 = 40;

impl Lab {
    /// Sliders over this lab: add knobs with [`Sliders::knob`], then
    /// [`Sliders::build`] with the runs each choice of values makes.
    pub fn sliders(self) -> Sliders {
        Sliders {
            lab: self,
            knobs: Vec::new(),
        }
    }
}

/// A lab and its knobs, before the runs ([`Lab::sliders`]).
#[derive(Clone, Debug)]
pub struct Sliders {
    lab: Lab,
    knobs: Vec<Knob>,
}

#[derive(Clone, Debug)]
struct Knob {
    name: String,
    values: Vec<f64>,
    initial: f64,
}

impl Sliders {
    /// One more slider: its name as the page shows it (`"η"`, `"β₁"`), its
    /// values in slider order, and the value it starts at (one of them).
    pub fn knob(
        mut self,
        name: impl Into<String>,
        values: impl Into<Vec<f64>>,
        initial: f64,
    ) -> Sliders {
        self.knobs.push(Knob {
            name: name.into(),
            values: values.into(),
            initial,
        });
        self
    }

    fn check(&self) -> Result<Vec<usize>> {
        if self.knobs.is_empty() {
            return Err(Error::Empty {
                what: "the sliders' knobs (add one with .knob(name, values, initial))",
            });
        }
        let bad = |k: &Knob, message: String| Error::Parse {
            what: format!("the slider {:?}", k.name),
            message,
        };
        let mut start = Vec::with_capacity(self.knobs.len());
        for k in &self.knobs {
            if k.values.is_empty() {
                return Err(bad(k, "it has no values".into()));
            }
            if let Some(v) = k.values.iter().find(|v| !v.is_finite()) {
                return Err(bad(k, format!("its value {v} is not a finite number")));
            }
            match k.values.iter().position(|&v| v == k.initial) {
                Some(i) => start.push(i),
                None => {
                    return Err(bad(
                        k,
                        format!("its initial value {} is not one of its values", k.initial),
                    ))
                }
            }
        }
        let frames: usize = self.knobs.iter().map(|k| k.values.len()).product();
        if frames > MAX_FRAMES {
            return Err(Error::Parse {
                what: "the sliders".into(),
                message: format!("{frames} combinations of values; at most {MAX_FRAMES}"),
            });
        }
        Ok(start)
    }

    /// Runs `runs(lab, values)` for every combination of the knobs' values
    /// and builds the widget. A bad knob list, a lab the closure makes that its
    /// check refuses, or frames with different numbers of runs are the `Err`.
    pub fn build(&self, runs: impl Fn(Lab, &[f64]) -> Lab) -> Result<SliderWidget> {
        let start = self.check()?;
        let sizes: Vec<usize> = self.knobs.iter().map(|k| k.values.len()).collect();
        let total: usize = sizes.iter().product();
        let mut frames: Vec<(Vec<f64>, Runs)> = Vec::with_capacity(total);
        for k in 0..total {
            let values = self.values_at(k, &sizes);
            let lab = runs(self.lab.clone(), &values);
            let done = lab.run()?;
            if let Some((_, first)) = frames.first() {
                if first.runs().len() != done.runs().len() {
                    return Err(Error::Parse {
                        what: "the sliders' runs".into(),
                        message: format!(
                            "{} runs at the first values but {} at {}",
                            first.runs().len(),
                            done.runs().len(),
                            self.values_text(&values)
                        ),
                    });
                }
            }
            frames.push((values, done));
        }
        let initial = start.iter().zip(&sizes).fold(0, |acc, (i, n)| acc * n + i);
        let html = Rendered::try_build(|| self.html(&frames, &start, initial))?;
        Ok(SliderWidget {
            html,
            table: self.table(&frames),
            positions: frames
                .into_iter()
                .map(|(values, runs)| Position {
                    values,
                    runs: runs.runs().to_vec(),
                })
                .collect(),
        })
    }

    /// The values of frame `k` (mixed radix, the first knob slowest).
    fn values_at(&self, mut k: usize, sizes: &[usize]) -> Vec<f64> {
        let mut idx = vec![0; sizes.len()];
        for (i, n) in sizes.iter().enumerate().rev() {
            idx[i] = k % n;
            k /= n;
        }
        self.knobs
            .iter()
            .zip(idx)
            .map(|(kn, i)| kn.values[i])
            .collect()
    }

    fn values_text(&self, values: &[f64]) -> String {
        self.knobs
            .iter()
            .zip(values)
            .map(|(k, v)| format!("{} = {}", k.name, fmt_short(*v)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What the snapshots pin: every frame's runs, their last row and stop.
    fn table(&self, frames: &[(Vec<f64>, Runs)]) -> Table {
        let title = frames
            .first()
            .map(|(_, r)| format!("{}: every position of the sliders", r.title()))
            .unwrap_or_default();
        let mut t = Table::new(title, &["knobs", "run", "last t", "J at last t", "stop"]);
        for (values, runs) in frames {
            for r in runs.runs() {
                t.push(vec![
                    self.values_text(values).into(),
                    r.label.as_str().into(),
                    Cell::from(r.last_t()),
                    fmt_sig(r.losses[r.last_t()], 10).into(),
                    r.stop_text(runs.steps()).into(),
                ]);
            }
        }
        t
    }

    fn html(&self, frames: &[(Vec<f64>, Runs)], start: &[usize], initial: usize) -> Result<String> {
        let first = &frames[initial].1;
        // One frame of the plane for every position: the lab's anchors and
        // view, grown to the points of every frame within reach.
        let mut anchors = vec![(first_start(first).0, first_start(first).1)];
        if let Some(m) = self.lab.objective.minimum() {
            if m.len() == 2 {
                anchors.push((m[0], m[1]));
            }
        }
        optcore::error::check_dim(
            "a slider widget's plane (θ₀, θ₁)",
            2,
            self.lab.objective.dim(),
        )?;
        let points: Vec<(f64, f64)> = frames
            .iter()
            .flat_map(|(_, r)| r.runs().iter().flat_map(LabRun::path2))
            .collect();
        let (xr, yr) = frame::fit(&anchors, self.lab.view, &points)?;
        let bg = plots::Contour::new(self.lab.objective.as_ref(), xr, yr)
            .levels(CONTOUR_LEVELS)
            .size(CONTOUR_SIZE.0, CONTOUR_SIZE.1)
            .title(first.title())
            .render()?;
        let map = bg.pixel_map()?;
        let axis = LossAxis::over(frames);
        let steps = frames
            .iter()
            .map(|(_, r)| r.steps())
            .max()
            .unwrap_or(1)
            .max(1);

        // Per frame, per run: [path, loss curve, stop mark "x,y" or "", status],
        // each an index into `strings`: a run that no knob touches (the fixed-η
        // methods as the adaptive η moves) is written once.
        let mut strings: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut json_frames = Vec::with_capacity(frames.len());
        let mut first_frame: Vec<[String; 4]> = Vec::new();
        for (k, (_, runs)) in frames.iter().enumerate() {
            let mut rows = Vec::new();
            for r in runs.runs() {
                let mut path = Vec::new();
                for p in r.path2() {
                    match map.px(p) {
                        Some(x) => path.push(x),
                        None => break,
                    }
                }
                let mark = match (&r.stop, path.last()) {
                    (Some(_), Some(&(x, y))) => format!("{x:.0},{y:.0}"),
                    _ => String::new(),
                };
                let loss: Vec<(f64, f64)> = r
                    .losses
                    .iter()
                    .enumerate()
                    .filter_map(|(t, &l)| axis.px(t, steps, l))
                    .collect();
                let status = format!("{}: {}", tr(&r.label), tr(&r.stop_text(runs.steps())));
                let row = [points_text(&path), points_text(&loss), mark, status];
                if k == initial {
                    first_frame.push(row.clone());
                }
                let ids: Vec<String> = row
                    .iter()
                    .map(|s| {
                        let id = *index.entry(s.clone()).or_insert_with(|| {
                            strings.push(json_string(s));
                            strings.len() - 1
                        });
                        id.to_string()
                    })
                    .collect();
                rows.push(format!("[{}]", ids.join(",")));
            }
            json_frames.push(format!("[{}]", rows.join(",")));
        }
        let values_json: Vec<String> = self
            .knobs
            .iter()
            .map(|k| {
                let v: Vec<String> = k
                    .values
                    .iter()
                    .map(|v| json_string(&fmt_short(*v)))
                    .collect();
                format!("[{}]", v.join(","))
            })
            .collect();
        let sizes: Vec<String> = self
            .knobs
            .iter()
            .map(|k| k.values.len().to_string())
            .collect();
        let json = format!(
            "{{\"sizes\":[{}],\"values\":[{}],\"strings\":[{}],\"frames\":[{}]}}",
            sizes.join(","),
            values_json.join(","),
            strings.join(","),
            json_frames.join(",")
        );

        let mut inputs = String::new();
        for (i, (k, s)) in self.knobs.iter().zip(start).enumerate() {
            inputs.push_str(&format!(
                "<label>{name} = <b data-v=\"{i}\">{v}</b><br><input type=\"range\" min=\"0\" max=\"{max}\" step=\"1\" value=\"{s}\" aria-label=\"{name}\" style=\"width:220px\"></label>\n",
                name = html_escape(&k.name),
                v = fmt_short(k.values[*s]),
                max = k.values.len() - 1,
            ));
        }
        let mut paths = String::new();
        let mut losses = String::new();
        let mut statuses = String::new();
        for (i, row) in first_frame.iter().enumerate() {
            let (color, dash) = plots::series_css(i);
            let dash = if dash.is_empty() {
                String::new()
            } else {
                format!(" stroke-dasharray=\"{dash}\"")
            };
            let hidden = if row[2].is_empty() {
                " style=\"display:none\""
            } else {
                ""
            };
            paths.push_str(&format!(
                "<polyline data-k=\"path{i}\" points=\"{p}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2.5\" stroke-linejoin=\"round\"{dash}/>\n<path data-k=\"mark{i}\" d=\"M-6,-6L6,6M-6,6L6,-6\" stroke=\"{color}\" stroke-width=\"3\" transform=\"translate({m})\"{hidden}/>\n",
                p = row[0],
                m = if row[2].is_empty() { "0,0" } else { &row[2] },
            ));
            losses.push_str(&format!(
                "<polyline data-k=\"loss{i}\" points=\"{p}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash}/>\n",
                p = row[1],
            ));
            statuses.push_str(&format!(
                "<div><span style=\"color:{color}\">■</span> <span data-k=\"status{i}\">{s}</span></div>\n",
                s = html_escape(&row[3]),
            ));
        }
        let (bw, bh) = bg.size();
        Ok(format!(
            r##"<div class="lab-sliders" style="font-family:sans-serif;max-width:{maxw}px">
<div style="display:flex;gap:24px;flex-wrap:wrap;align-items:center;margin:4px 0">
{inputs}</div>
<div style="margin:4px 0">{statuses}</div>
<svg width="{bw}" height="{bh}" viewBox="0 0 {bw} {bh}" xmlns="http://www.w3.org/2000/svg" style="display:block;max-width:100%;height:auto">
{bgsvg}{paths}</svg>
<svg width="{LW}" height="{LH}" viewBox="0 0 {LW} {LH}" xmlns="http://www.w3.org/2000/svg" style="display:block;max-width:100%;height:auto" font-family="sans-serif">
<rect x="{L_LEFT}" y="{L_TOP}" width="{lw}" height="{lh}" fill="none" stroke="#000" stroke-opacity="0.6"/>
{axes}<text x="{lx}" y="{xl}" text-anchor="middle" font-size="13">{step_t}</text>
<text x="14" y="{ly}" text-anchor="middle" font-size="13" transform="rotate(-90 14 {ly})">J(θₜ)</text>
{losses}</svg>
<script type="application/json">{json}</script>
<script>
(function () {{
  var s = document.currentScript, w = s.parentElement;
  var d = JSON.parse(s.previousElementSibling.textContent);
  var ins = w.querySelectorAll('input[type="range"]');
  function q(k) {{ return w.querySelector('[data-k="' + k + '"]'); }}
  function show() {{
    var k = 0;
    for (var i = 0; i < ins.length; i++) {{
      k = k * d.sizes[i] + (+ins[i].value);
      w.querySelector('[data-v="' + i + '"]').textContent = d.values[i][+ins[i].value];
    }}
    var f = d.frames[k];
    for (var r = 0; r < f.length; r++) {{
      var e = f[r].map(function (i) {{ return d.strings[i]; }});
      q("path" + r).setAttribute("points", e[0]);
      q("loss" + r).setAttribute("points", e[1]);
      var m = q("mark" + r);
      if (e[2]) {{ m.setAttribute("transform", "translate(" + e[2] + ")"); m.style.display = ""; }}
      else {{ m.style.display = "none"; }}
      q("status" + r).textContent = e[3];
    }}
  }}
  for (var i = 0; i < ins.length; i++) ins[i].addEventListener("input", show);
  show();
}})();
</script>
</div>"##,
            maxw = bw.max(LW as u32),
            bgsvg = bg.shown_svg(),
            step_t = tr("step t"),
            axes = axis.svg(steps),
            lw = L_RIGHT - L_LEFT,
            lh = L_BOTTOM - L_TOP,
            lx = (L_LEFT + L_RIGHT) / 2.0,
            xl = L_BOTTOM + 34.0,
            ly = (L_TOP + L_BOTTOM) / 2.0,
        ))
    }
}

fn first_start(runs: &Runs) -> (f64, f64) {
    runs.runs()
        .first()
        .and_then(|r| r.path2().first().copied())
        .unwrap_or((0.0, 0.0))
}

/// The loss chart's vertical axis, shared by every frame: decades when every
/// loss is positive, else linear between the smallest and largest finite loss.
enum LossAxis {
    Log(i32, i32),
    Linear(f64, f64),
}

impl LossAxis {
    fn over(frames: &[(Vec<f64>, Runs)]) -> LossAxis {
        let all: Vec<f64> = frames
            .iter()
            .flat_map(|(_, r)| r.runs().iter().flat_map(|run| run.losses.iter().copied()))
            .filter(|l| l.is_finite())
            .collect();
        let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if all.is_empty() {
            return LossAxis::Linear(0.0, 1.0);
        }
        if lo > 0.0 {
            let top = hi.log10().ceil() as i32;
            let bottom = (lo.log10().floor() as i32)
                .max(top - MAX_DECADES)
                .min(top - 1);
            LossAxis::Log(bottom, top)
        } else if hi > lo {
            LossAxis::Linear(lo, hi)
        } else {
            LossAxis::Linear(lo - 1.0, lo + 1.0)
        }
    }

    /// The pixel of $J(\theta_t) =$ `loss`, or `None` for a non-finite loss.
    fn px(&self, t: usize, steps: usize, loss: f64) -> Option<(f64, f64)> {
        if !loss.is_finite() {
            return None;
        }
        let frac = match *self {
            LossAxis::Log(lo, hi) => {
                if loss <= 0.0 {
                    return None;
                }
                (loss.log10().clamp(f64::from(lo), f64::from(hi)) - f64::from(lo))
                    / f64::from(hi - lo)
            }
            LossAxis::Linear(lo, hi) => ((loss - lo) / (hi - lo)).clamp(0.0, 1.0),
        };
        Some((
            L_LEFT + t as f64 / steps as f64 * (L_RIGHT - L_LEFT),
            L_BOTTOM - frac * (L_BOTTOM - L_TOP),
        ))
    }

    /// Grid lines and tick labels of both axes.
    fn svg(&self, steps: usize) -> String {
        let mut out = String::new();
        let mut tick = |y: f64, label: String| {
            out.push_str(&format!(
                "<line x1=\"{L_LEFT}\" y1=\"{y:.1}\" x2=\"{L_RIGHT}\" y2=\"{y:.1}\" stroke=\"#000\" stroke-opacity=\"0.1\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" font-size=\"12\">{label}</text>\n",
                L_LEFT - 6.0,
                y + 4.0
            ));
        };
        match *self {
            LossAxis::Log(lo, hi) => {
                let every = ((hi - lo) / 6).max(1);
                for d in (lo..=hi).filter(|d| (d - lo) % every == 0) {
                    let frac = f64::from(d - lo) / f64::from(hi - lo);
                    tick(L_BOTTOM - frac * (L_BOTTOM - L_TOP), format!("1e{d}"));
                }
            }
            LossAxis::Linear(lo, hi) => {
                for i in 0..=4 {
                    let frac = f64::from(i) / 4.0;
                    tick(
                        L_BOTTOM - frac * (L_BOTTOM - L_TOP),
                        fmt_sig(lo + frac * (hi - lo), 3),
                    );
                }
            }
        }
        let every = (steps / 5).max(1);
        for t in (0..=steps).step_by(every) {
            let x = L_LEFT + t as f64 / steps as f64 * (L_RIGHT - L_LEFT);
            out.push_str(&format!(
                "<text x=\"{x:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"12\">{t}</text>\n",
                L_BOTTOM + 16.0
            ));
        }
        out
    }
}

/// Pixels closer than this to the last point kept are left out of a polyline
/// (a converging run's tail): the line looks the same, the page is smaller.
const THIN_PX: f64 = 1.0;

/// `x,y x,y …` of the points, thinned (the first and the last always kept).
fn points_text(pts: &[(f64, f64)]) -> String {
    let mut kept: Vec<(f64, f64)> = Vec::with_capacity(pts.len());
    for (i, &p) in pts.iter().enumerate() {
        let near = kept
            .last()
            .is_some_and(|q| (p.0 - q.0).hypot(p.1 - q.1) < THIN_PX);
        if !near || i + 1 == pts.len() {
            kept.push(p);
        }
    }
    kept.iter()
        .map(|p| format!("{:.0},{:.0}", p.0, p.1))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A JSON string literal that is also safe inside a `<script>` element.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A slider widget: a self-contained HTML fragment and the table of every
/// position's runs (what snapshots pin; `Display` prints it).
#[derive(Clone, Debug, PartialEq)]
pub struct SliderWidget {
    html: Rendered,
    table: Table,
    positions: Vec<Position>,
}

/// One position of the sliders: the knobs' values (in knob order) and the
/// runs the widget shows there.
#[derive(Clone, Debug, PartialEq)]
pub struct Position {
    pub values: Vec<f64>,
    pub runs: Vec<LabRun>,
}

impl SliderWidget {
    /// The self-contained HTML fragment (English).
    pub fn html(&self) -> &str {
        self.html.en()
    }

    /// How many positions (combinations of knob values) it holds.
    pub fn frames(&self) -> usize {
        self.positions.len()
    }

    /// Every position, the first knob slowest.
    pub fn positions(&self) -> &[Position] {
        &self.positions
    }

    /// Every position's runs: last row and stop.
    pub fn table(&self) -> &Table {
        &self.table
    }

    /// Shows the widget in a notebook.
    pub fn evcxr_display(&self) {
        println!("{}", self.html.content("text/html"));
    }
}

impl std::fmt::Display for SliderWidget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.table)
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    fn gd(lab: Lab, k: &[f64]) -> Lab {
        lab.with(
            "GD",
            Sgd {
                lr: k[0],
                ..Sgd::defaults(Convention::Paper)
            },
        )
    }

    #[test]
    fn every_position_is_a_run_and_the_start_is_shown() {
        let w = Lab::new(Problem::Quadratic)
            .steps(40)
            .sliders()
            .knob("η", [0.1, 0.4, 0.6], 0.4)
            .build(gd)
            .unwrap();
        assert_eq!(w.frames(), 3);
        // η = 0.6 > 2/4 diverges along y; the other two do not.
        let text = w.to_string();
        assert!(text.contains("η = 0.6") && text.contains("diverged at t ="));
        assert!(text.contains("η = 0.4") && text.contains("ran all 40 steps"));
        assert!(w.html().contains("value=\"1\""), "starts at η = 0.4");
        assert!(!w.html().contains("NaN") && !w.html().contains("inf"));
    }

    #[test]
    fn bad_knobs_are_refused() {
        let lab = Lab::new(Problem::Quadratic).steps(10);
        let e = lab.clone().sliders().build(gd).unwrap_err();
        assert!(matches!(e, Error::Empty { .. }));
        let e = lab
            .clone()
            .sliders()
            .knob("η", [0.1], 0.2)
            .build(gd)
            .unwrap_err();
        assert!(e.to_string().contains("initial value 0.2"), "{e}");
        let e = lab
            .clone()
            .sliders()
            .knob("η", [-0.1, 0.1], 0.1)
            .build(gd)
            .unwrap_err();
        assert!(matches!(e, Error::Hyperparameter { name: "lr", .. }), "{e}");
        let e = lab
            .sliders()
            .knob("a", vec![0.1; 9], 0.1)
            .knob("b", vec![0.1; 9], 0.1)
            .build(gd)
            .unwrap_err();
        assert!(e.to_string().contains("at most 64"), "{e}");
    }
}
