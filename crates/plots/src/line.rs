//! Line charts: several $(x, y)$ series on one set of axes, linear or log $y$.

use crate::contour::STOP_MARK;
use crate::scene::{look, Bounds, Corner, Item, Marker, Scene};
use crate::{check_range, check_size, log10, Figure, COORD_LIMIT};
use optcore::{Error, Record, Result, Trace};

/// Most markers drawn per series; longer series get a marker every k-th point.
const MAX_MARKERS: usize = 150;

/// A line chart under construction. Series are drawn in the order given, with
/// colours from a fixed palette, the one contour trajectories use (red, black,
/// orange, purple, …), so a method has one colour on both kinds of figure.
///
/// ```
/// let fig = plots::LineChart::new("Loss")
///     .x_label("step t")
///     .y_label("J(θ)")
///     .log_y(true)
///     .series("GD", vec![(0.0, 10.0), (1.0, 1.0), (2.0, 0.1)])
///     .render()
///     .unwrap();
/// assert!(fig.svg().contains("GD"));
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    title: String,
    x_label: String,
    y_label: String,
    log_y: bool,
    markers: bool,
    size: (u32, u32),
    legend: Corner,
    x_range: Option<(f64, f64)>,
    y_range: Option<(f64, f64)>,
    series: Vec<(String, Vec<(f64, f64)>)>,
    /// Series index and the point where that run stopped early ([`LineChart::stop_mark`]).
    stops: Vec<(usize, (f64, f64))>,
}

impl LineChart {
    /// An empty chart with this title, 640 × 480 pixels, linear axes.
    pub fn new(title: impl Into<String>) -> Self {
        LineChart {
            title: title.into(),
            x_label: "x".into(),
            y_label: "y".into(),
            log_y: false,
            markers: false,
            size: (640, 480),
            legend: Corner::Auto,
            x_range: None,
            y_range: None,
            series: Vec::new(),
            stops: Vec::new(),
        }
    }

    pub fn x_label(mut self, s: impl Into<String>) -> Self {
        self.x_label = s.into();
        self
    }

    pub fn y_label(mut self, s: impl Into<String>) -> Self {
        self.y_label = s.into();
        self
    }

    /// Logarithmic $y$ axis (decades). Points with $y \le 0$ cannot be shown on it
    /// and are skipped (the line breaks there).
    pub fn log_y(mut self, on: bool) -> Self {
        self.log_y = on;
        self
    }

    /// A dot at every point (every k-th point for series longer than 150).
    pub fn markers(mut self, on: bool) -> Self {
        self.markers = on;
        self
    }

    /// Size in pixels (default 640 × 480).
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.size = (width, height);
        self
    }

    /// Where the legend goes (default: the emptiest corner).
    pub fn legend(mut self, corner: Corner) -> Self {
        self.legend = corner;
        self
    }

    /// Fixed $x$ range instead of the data's.
    pub fn x_range(mut self, lo: f64, hi: f64) -> Self {
        self.x_range = Some((lo, hi));
        self
    }

    /// Fixed $y$ range instead of the data's (both > 0 on a log axis).
    pub fn y_range(mut self, lo: f64, hi: f64) -> Self {
        self.y_range = Some((lo, hi));
        self
    }

    /// One series; an empty label leaves it out of the legend. Non-finite points
    /// are skipped and break the line.
    pub fn series(mut self, label: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        self.series.push((label.into(), points));
        self
    }

    /// One series of `values` against their index $t = 0, 1, 2, \dots$ (a loss
    /// after each step, the first at the start).
    pub fn by_step(self, label: impl Into<String>, values: &[f64]) -> Self {
        let points = values
            .iter()
            .enumerate()
            .map(|(t, &v)| (t as f64, v))
            .collect();
        self.series(label, points)
    }

    /// A large × in the last series' colour at `at` (data coordinates): where that
    /// run stopped early, so its curve visibly ends there. Say why in the series'
    /// label. Before any series, or at a point that cannot be drawn, nothing is.
    pub fn stop_mark(mut self, at: (f64, f64)) -> Self {
        if let Some(idx) = self.series.len().checked_sub(1) {
            self.stops.push((idx, at));
        }
        self
    }

    /// Every series of a figure's data, in order (the same as calling
    /// [`LineChart::series`] on each).
    pub fn all_series(self, series: impl IntoIterator<Item = crate::Series>) -> Self {
        series
            .into_iter()
            .fold(self, |chart, (label, points)| chart.series(label, points))
    }

    /// The losses $J(\theta_t)$ of a run against its step $t$.
    pub fn losses<R: Record>(self, label: impl Into<String>, trace: &Trace<R>) -> Self {
        let points = trace.rows.iter().map(|r| (r.t as f64, r.loss)).collect();
        self.series(label, points)
    }

    /// Draws the chart.
    pub fn render(&self) -> Result<Figure> {
        check_size(self.size)?;
        if self.series.is_empty() {
            return Err(Error::Empty {
                what: "the line chart (no series)",
            });
        }
        // Into plotting coordinates: log10(y) on a log axis, NaN where not drawable.
        let to_plot = |&(x, y): &(f64, f64)| -> (f64, f64) {
            let y = if self.log_y {
                if y > 0.0 && y.is_finite() {
                    log10(y)
                } else {
                    f64::NAN
                }
            } else {
                y
            };
            let drawable = |v: f64| if v.abs() <= COORD_LIMIT { v } else { f64::NAN };
            (drawable(x), drawable(y))
        };
        let plotted: Vec<Vec<(f64, f64)>> = self
            .series
            .iter()
            .map(|(_, pts)| pts.iter().map(to_plot).collect())
            .collect();
        let finite: Vec<(f64, f64)> = plotted
            .iter()
            .flatten()
            .copied()
            .filter(|p| p.0.is_finite() && p.1.is_finite())
            .collect();
        if finite.is_empty() {
            return Err(Error::Empty {
                what: if self.log_y {
                    "the line chart (no point with finite x and finite y > 0 for the log axis)"
                } else {
                    "the line chart (no point with finite x and y within ±1e300)"
                },
            });
        }

        let x_range = match self.x_range {
            Some(r) => {
                check_range("x range", r)?;
                r
            }
            None => {
                let r = spread(finite.iter().map(|p| p.0), 0.0);
                check_range("x range", r)?;
                r
            }
        };
        let y_range = match self.y_range {
            Some(r) => {
                check_range("y range", r)?;
                if self.log_y {
                    if r.0 <= 0.0 {
                        return Err(Error::Hyperparameter {
                            name: "y range",
                            value: r.0,
                            accepts: "a finite interval 0 < lo < hi on a log axis",
                        });
                    }
                    (log10(r.0), log10(r.1))
                } else {
                    r
                }
            }
            None => {
                let r = spread(finite.iter().map(|p| p.1), 0.05);
                check_range("y range", r)?;
                r
            }
        };
        let bounds = Bounds {
            x: x_range,
            y: y_range,
        };

        let mut items = Vec::with_capacity(self.series.len());
        for (i, ((label, _), pts)) in self.series.iter().zip(&plotted).enumerate() {
            // The same colours, in the same order, as trajectories on a contour plot:
            // a method keeps its colour from the contour to its loss curve.
            let look = look(i);
            let color = look.color;
            let inside: Vec<(f64, f64)> = pts
                .iter()
                .copied()
                .filter(|p| p.0.is_finite() && p.1.is_finite() && bounds.contains(*p))
                .collect();
            let markers = if self.markers {
                thin(&inside, MAX_MARKERS)
            } else {
                Vec::new()
            };
            items.push(Item::Line {
                runs: bounds.clip_polyline(pts),
                markers,
                marker: self.markers.then_some(look.marker),
                color,
                dash: look.dash,
                width: 2,
                label: (!label.is_empty()).then(|| label.clone()),
            });
        }

        for (idx, at) in &self.stops {
            let p = to_plot(at);
            if p.0.is_finite() && p.1.is_finite() && bounds.contains(p) {
                items.push(Item::Points {
                    points: vec![p],
                    marker: Marker::Cross(STOP_MARK),
                    color: look(*idx).color,
                    label: None,
                });
            }
        }

        Figure::from_scene(Scene {
            size: self.size,
            title: self.title.clone(),
            x_label: self.x_label.clone(),
            y_label: self.y_label.clone(),
            x_range,
            y_range,
            log_y: self.log_y,
            grid: true,
            items,
            legend: self.legend,
        })
        .map(|f| f.with_data(self.series.clone()))
    }
}

/// `[min, max]` of the values widened by `pad` of the span on each side; a single
/// value v becomes `[v − 0.5, v + 0.5]` (or ±5 % of |v|, if larger).
fn spread(values: impl Iterator<Item = f64>, pad: f64) -> (f64, f64) {
    let (mut lo, mut hi) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let span = hi - lo;
    let mag = lo.abs().max(hi.abs());
    if span > 1e-9 * mag && span.is_finite() {
        (lo - pad * span, hi + pad * span)
    } else {
        let w = (0.05 * mag).max(0.5);
        (lo - w, hi + w)
    }
}

/// At most about `max` of the points: every k-th, always keeping the last.
pub(crate) fn thin(points: &[(f64, f64)], max: usize) -> Vec<(f64, f64)> {
    if points.len() <= max {
        return points.to_vec();
    }
    let k = points.len().div_ceil(max);
    let mut out: Vec<(f64, f64)> = points.iter().step_by(k).copied().collect();
    let last = points[points.len() - 1];
    if out.last() != Some(&last) {
        out.push(last);
    }
    out
}

/// Loss curves of several runs against the step index $t = 0, 1, 2, \dots$ (the
/// first value is the loss at the start, $J(\theta_0)$).
pub fn loss_curves(title: &str, curves: &[(&str, Vec<f64>)], log_y: bool) -> Result<Figure> {
    let mut chart = LineChart::new(title)
        .x_label("step t")
        .y_label("loss")
        .log_y(log_y);
    for (label, losses) in curves {
        chart = chart.by_step(*label, losses);
    }
    chart.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thinning_keeps_ends() {
        let pts: Vec<(f64, f64)> = (0..1000).map(|i| (i as f64, 0.0)).collect();
        let t = thin(&pts, 150);
        assert!(t.len() <= 151);
        assert_eq!(t[0], (0.0, 0.0));
        assert_eq!(*t.last().unwrap(), (999.0, 0.0));
    }

    #[test]
    fn spread_of_one_value() {
        assert_eq!(spread([2.0].into_iter(), 0.05), (1.5, 2.5));
        assert_eq!(spread([0.0, 10.0].into_iter(), 0.05), (-0.5, 10.5));
    }
}
