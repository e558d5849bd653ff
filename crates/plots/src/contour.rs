//! Contour plots of a two-parameter objective, with trajectories and arrows.
//!
//! plotters has no contour primitive, so the level sets are computed here:
//!
//! 1. **Grid.** $J$ is sampled on an $n \times n$ grid (default $n$ = [`DEFAULT_GRID`]
//!    = 101, i.e. 100 × 100 cells: fine enough that Rosenbrock's narrow valley
//!    does not break its lowest level lines into pieces) spanning the given
//!    ranges exactly ([`Grid::sample`]).
//! 2. **Levels.** $c_k = J_{\min} + \ell\\,(R/\ell)^{k/n}$, $k = 0, \dots, n-1$, where
//!    $J_{\min}, J_{\max}$ are the smallest and largest finite grid values,
//!    $R = J_{\max} - J_{\min}$ and $\ell = 10^{-3} R$ ([`geometric_levels`]): the
//!    levels are spaced geometrically in the height above the minimum, so the
//!    narrow valleys of Rosenbrock and of ill-conditioned quadratics get as many
//!    lines as their steep walls.
//! 3. **Marching squares** ([`contour_lines`]). Each cell is classified by which
//!    of its four corners lie above $c$; the level line crosses an edge whose ends
//!    disagree, at the linearly interpolated point. The two ambiguous (saddle)
//!    cases are decided by the mean of the four corners. Cells with a non-finite
//!    corner are skipped. Segments are joined through their shared edges into
//!    polylines (closed ones end where they start), so a figure holds a few long
//!    `<polyline>`s rather than thousands of tiny segments.

use crate::line::thin;
use crate::scene::{level_color, look, Bounds, Color, Corner, Item, Marker, Scene, ARROW_PALETTE};
use crate::{check_range, check_size, fmt_tick, Figure};
use optcore::ndarray::Array1;
use optcore::{Error, Objective, Record, Result, Trace};

/// Lowest level above the grid minimum, as a fraction of the grid's value range.
pub const LEVEL_FLOOR: f64 = 1e-3;

/// Grid points per side unless [`Contour::grid`] says otherwise.
pub const DEFAULT_GRID: usize = 101;

/// Most markers drawn per path; longer paths get a marker every k-th point.
const MAX_MARKERS: usize = 150;

/// Values of $J$ on a rectangular grid: `values[j * xs.len() + i]` $= J(x_i, y_j)$.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    pub values: Vec<f64>,
}

impl Grid {
    /// Samples a two-parameter objective at `n × n` points spanning the ranges,
    /// both ends included.
    pub fn sample(
        objective: &dyn Objective,
        x_range: (f64, f64),
        y_range: (f64, f64),
        n: usize,
    ) -> Result<Grid> {
        check_range("x range", x_range)?;
        check_range("y range", y_range)?;
        optcore::error::check_dim(
            "contour objective (a function of 2 parameters)",
            2,
            objective.dim(),
        )?;
        if !(3..=1001).contains(&n) {
            return Err(Error::Hyperparameter {
                name: "grid",
                value: n as f64,
                accepts: "between 3 and 1001 points per side",
            });
        }
        let axis = |(lo, hi): (f64, f64)| -> Vec<f64> {
            (0..n)
                .map(|i| {
                    if i == n - 1 {
                        hi
                    } else {
                        lo + (hi - lo) * (i as f64) / ((n - 1) as f64)
                    }
                })
                .collect()
        };
        let (xs, ys) = (axis(x_range), axis(y_range));
        let mut theta = Array1::<f64>::zeros(2);
        let mut values = Vec::with_capacity(n * n);
        for &y in &ys {
            for &x in &xs {
                theta[0] = x;
                theta[1] = y;
                values.push(objective.value(theta.view()));
            }
        }
        Ok(Grid { xs, ys, values })
    }

    /// Smallest and largest finite value, if any.
    pub fn finite_min_max(&self) -> Option<(f64, f64)> {
        let mut it = self.values.iter().copied().filter(|v| v.is_finite());
        let first = it.next()?;
        Some(it.fold((first, first), |(lo, hi), v| (lo.min(v), hi.max(v))))
    }
}

/// `n` levels $c_k = v_{\min} + \ell\\,(R/\ell)^{k/n}$, $k = 0..n$, with $R = v_{\max} - v_{\min}$
/// over the finite `values` and $\ell$ = `floor` · R. Errors if there is no finite
/// value, or all are equal (a flat function has no level lines).
pub fn geometric_levels(values: &[f64], n: usize, floor: f64) -> Result<Vec<f64>> {
    if !(1..=200).contains(&n) {
        return Err(Error::Hyperparameter {
            name: "levels",
            value: n as f64,
            accepts: "between 1 and 200",
        });
    }
    if !(floor > 0.0 && floor < 1.0) {
        return Err(Error::Hyperparameter {
            name: "level floor",
            value: floor,
            accepts: "in (0, 1)",
        });
    }
    let grid = Grid {
        xs: Vec::new(),
        ys: Vec::new(),
        values: values.to_vec(),
    };
    let (lo, hi) = grid.finite_min_max().ok_or(Error::Empty {
        what: "the contour grid (the objective is not finite anywhere in the range)",
    })?;
    let range = hi - lo;
    if !(range > 0.0 && range.is_finite()) {
        return Err(Error::Empty {
            what: "the set of contour levels (the objective is constant on the grid, or its range overflows)",
        });
    }
    let ell = floor * range;
    let ratio = range / ell;
    Ok((0..n)
        .map(|k| lo + ell * libm::pow(ratio, k as f64 / n as f64))
        .collect())
}

/// Marching squares: the lines where the grid's values cross `level`, as
/// polylines in $(x, y)$ (a closed line repeats its first point at the end).
pub fn contour_lines(grid: &Grid, level: f64) -> Vec<Vec<(f64, f64)>> {
    let (nx, ny) = (grid.xs.len(), grid.ys.len());
    if nx < 2 || ny < 2 || grid.values.len() != nx * ny || !level.is_finite() {
        return Vec::new();
    }
    let v = |i: usize, j: usize| grid.values[j * nx + i];
    // Edge ids: horizontal edge (i, j)–(i+1, j) first, then vertical (i, j)–(i, j+1).
    let nh = (nx - 1) * ny;
    let hid = |i: usize, j: usize| j * (nx - 1) + i;
    let vid = |i: usize, j: usize| nh + j * nx + i;
    let n_edges = nh + nx * (ny - 1);
    let cross = |xa: f64, ya: f64, fa: f64, xb: f64, yb: f64, fb: f64| {
        let t = (level - fa) / (fb - fa);
        (xa + t * (xb - xa), ya + t * (yb - ya))
    };
    let point = |e: usize| -> (f64, f64) {
        if e < nh {
            let (i, j) = (e % (nx - 1), e / (nx - 1));
            cross(
                grid.xs[i],
                grid.ys[j],
                v(i, j),
                grid.xs[i + 1],
                grid.ys[j],
                v(i + 1, j),
            )
        } else {
            let e = e - nh;
            let (i, j) = (e % nx, e / nx);
            cross(
                grid.xs[i],
                grid.ys[j],
                v(i, j),
                grid.xs[i],
                grid.ys[j + 1],
                v(i, j + 1),
            )
        }
    };

    let mut segs: Vec<(usize, usize)> = Vec::new();
    for j in 0..ny - 1 {
        for i in 0..nx - 1 {
            let (a, b, c, d) = (v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1));
            if !(a.is_finite() && b.is_finite() && c.is_finite() && d.is_finite()) {
                continue;
            }
            let case = u8::from(a > level)
                | u8::from(b > level) << 1
                | u8::from(c > level) << 2
                | u8::from(d > level) << 3;
            let (eb, er, et, el) = (hid(i, j), vid(i + 1, j), hid(i, j + 1), vid(i, j));
            let center_above = (a + b + c + d) / 4.0 > level;
            match case {
                1 | 14 => segs.push((el, eb)),
                2 | 13 => segs.push((eb, er)),
                3 | 12 => segs.push((el, er)),
                4 | 11 => segs.push((er, et)),
                6 | 9 => segs.push((eb, et)),
                7 | 8 => segs.push((el, et)),
                // a, c above: joined through the centre, or each cut off alone.
                5 if center_above => segs.extend([(eb, er), (et, el)]),
                5 => segs.extend([(el, eb), (er, et)]),
                // b, d above.
                10 if center_above => segs.extend([(el, eb), (er, et)]),
                10 => segs.extend([(eb, er), (et, el)]),
                _ => {}
            }
        }
    }

    // Join segments through shared edges (each edge is in at most two segments).
    const NONE: usize = usize::MAX;
    let mut adj = vec![[NONE; 2]; n_edges];
    for (s, &(e1, e2)) in segs.iter().enumerate() {
        for e in [e1, e2] {
            let slot = if adj[e][0] == NONE { 0 } else { 1 };
            adj[e][slot] = s;
        }
    }
    let degree = |e: usize| adj[e].iter().filter(|&&s| s != NONE).count();
    let mut used = vec![false; segs.len()];
    let mut lines = Vec::new();
    let mut walk = |e0: usize, s0: usize, used: &mut Vec<bool>| {
        let mut line = vec![point(e0)];
        let (mut e, mut s) = (e0, s0);
        loop {
            used[s] = true;
            e = if segs[s].0 == e { segs[s].1 } else { segs[s].0 };
            line.push(point(e));
            match adj[e]
                .iter()
                .copied()
                .find(|&n| n != NONE && n != s && !used[n])
            {
                Some(n) => s = n,
                None => break,
            }
        }
        lines.push(line);
    };
    // Open lines first, from an end (an edge on the boundary or next to a hole).
    for s in 0..segs.len() {
        if used[s] {
            continue;
        }
        let (e1, e2) = segs[s];
        if degree(e1) == 1 {
            walk(e1, s, &mut used);
        } else if degree(e2) == 1 {
            walk(e2, s, &mut used);
        }
    }
    // What is left are closed loops.
    for s in 0..segs.len() {
        if !used[s] {
            walk(segs[s].0, s, &mut used);
        }
    }
    lines
}

/// Half-size in pixels of the × that marks where a run stopped
/// ([`Contour::stop_mark`], [`crate::LineChart::stop_mark`]): larger than a
/// path's markers so it stands out.
pub(crate) const STOP_MARK: u32 = 9;

/// A labelled arrow: label, from, to.
type Arrow = (String, (f64, f64), (f64, f64));

/// A contour plot under construction.
///
/// ```
/// use optcore::Rosenbrock;
/// let f = Rosenbrock::default();
/// let fig = plots::Contour::new(&f, (-2.0, 2.0), (-1.0, 3.0))
///     .levels(15)
///     .path("start", vec![(-1.5, 2.0), (-1.0, 1.0)])
///     .arrow("a step", (-1.5, 2.0), (-1.0, 1.0))
///     .render()
///     .unwrap();
/// assert!(fig.svg().contains("minimum"));
/// ```
#[derive(Clone)]
pub struct Contour<'a> {
    objective: &'a dyn Objective,
    x_range: (f64, f64),
    y_range: (f64, f64),
    levels: usize,
    level_values: Option<Vec<f64>>,
    grid: usize,
    title: Option<String>,
    x_label: String,
    y_label: String,
    size: (u32, u32),
    legend: Corner,
    show_minimum: bool,
    paths: Vec<(String, Vec<(f64, f64)>)>,
    arrows: Vec<Arrow>,
    notes: Vec<((f64, f64), String)>,
    /// Path index and the point where that run stopped early ([`Contour::stop_mark`]).
    stops: Vec<(usize, (f64, f64))>,
    equal_aspect: bool,
}

impl<'a> Contour<'a> {
    /// Contours of `objective` (2 parameters) over `x_range` × `y_range`: 12
    /// geometric levels on a 101 × 101 grid, 640 × 480 pixels. A boxed objective
    /// (from [`optcore::problem_by_name`]) is passed as `&*boxed`.
    pub fn new(objective: &'a dyn Objective, x_range: (f64, f64), y_range: (f64, f64)) -> Self {
        Contour {
            objective,
            x_range,
            y_range,
            levels: 12,
            level_values: None,
            grid: DEFAULT_GRID,
            title: None,
            x_label: "θ[0]".into(),
            y_label: "θ[1]".into(),
            size: (640, 480),
            legend: Corner::Auto,
            show_minimum: true,
            paths: Vec::new(),
            arrows: Vec::new(),
            notes: Vec::new(),
            stops: Vec::new(),
            equal_aspect: false,
        }
    }

    /// Number of geometric levels (default 12).
    pub fn levels(mut self, n: usize) -> Self {
        self.levels = n;
        self
    }

    /// Explicit levels instead of geometric ones.
    pub fn level_values(mut self, levels: Vec<f64>) -> Self {
        self.level_values = Some(levels);
        self
    }

    /// Grid points per side (default [`DEFAULT_GRID`] = 101).
    pub fn grid(mut self, n: usize) -> Self {
        self.grid = n;
        self
    }

    /// Title (default: `Level sets of J(θ): <objective name>`).
    pub fn title(mut self, s: impl Into<String>) -> Self {
        self.title = Some(s.into());
        self
    }

    pub fn x_label(mut self, s: impl Into<String>) -> Self {
        self.x_label = s.into();
        self
    }

    pub fn y_label(mut self, s: impl Into<String>) -> Self {
        self.y_label = s.into();
        self
    }

    /// Size in pixels (default 640 × 480).
    pub fn size(mut self, width: u32, height: u32) -> Self {
        self.size = (width, height);
        self
    }

    /// Where the legend goes (default: the corner the paths cross least).
    pub fn legend(mut self, corner: Corner) -> Self {
        self.legend = corner;
        self
    }

    /// Mark the known minimiser, if the objective knows it (default on).
    pub fn show_minimum(mut self, on: bool) -> Self {
        self.show_minimum = on;
        self
    }

    /// A trajectory $\theta_0, \theta_1, \dots$: a line with a dot at each point
    /// and a ring at the start. Non-finite points are skipped (the line breaks),
    /// parts outside the ranges are cut off.
    pub fn path(mut self, label: impl Into<String>, points: Vec<(f64, f64)>) -> Self {
        self.paths.push((label.into(), points));
        self
    }

    /// Every path of a figure's data, in order (the same as calling
    /// [`Contour::path`] on each).
    pub fn paths(self, paths: impl IntoIterator<Item = crate::Series>) -> Self {
        paths
            .into_iter()
            .fold(self, |contour, (label, points)| contour.path(label, points))
    }

    /// A large × in the last path's colour at `at`: where that run stopped early
    /// (diverged, or refused a step), so the end of its line reads as a stop and
    /// not as a point it reached. Say why in the path's label. Before any path,
    /// or at a point outside the axes or not finite, nothing is drawn.
    pub fn stop_mark(mut self, at: (f64, f64)) -> Self {
        if let Some(idx) = self.paths.len().checked_sub(1) {
            self.stops.push((idx, at));
        }
        self
    }

    /// The trajectory of a run ([`Trace::path2`]).
    pub fn trace<R: Record>(self, label: impl Into<String>, trace: &Trace<R>) -> Self {
        self.path(label, trace.path2())
    }

    /// A labelled arrow from `from` to `to` (e.g. a momentum step).
    pub fn arrow(mut self, label: impl Into<String>, from: (f64, f64), to: (f64, f64)) -> Self {
        self.arrows.push((label.into(), from, to));
        self
    }

    /// One unit of θ\[0\] as long on screen as one unit of θ\[1\], so that circles look
    /// round and a gradient looks perpendicular to its level line. The ranges
    /// are kept; the figure's height (or, if that would pass twice the width or
    /// drop below 200 pixels, its width) is changed to fit.
    pub fn equal_aspect(mut self, on: bool) -> Self {
        self.equal_aspect = on;
        self
    }

    /// A short text next to the point `at` (e.g. `θₜ`, `θₜ − γvₜ₋₁`). A note
    /// whose point lies outside the axes is not drawn; a non-finite one is an error.
    pub fn note(mut self, text: impl Into<String>, at: (f64, f64)) -> Self {
        self.notes.push((at, text.into()));
        self
    }

    fn sample(&self) -> Result<Grid> {
        check_size(self.size)?;
        Grid::sample(self.objective, self.x_range, self.y_range, self.grid)
    }

    fn levels_of(&self, grid: &Grid) -> Result<Vec<f64>> {
        match &self.level_values {
            Some(v) => {
                if v.is_empty() {
                    return Err(Error::Empty {
                        what: "the list of contour levels",
                    });
                }
                if let Some(&bad) = v.iter().find(|c| !c.is_finite()) {
                    return Err(Error::Hyperparameter {
                        name: "contour level",
                        value: bad,
                        accepts: "a finite number",
                    });
                }
                Ok(v.clone())
            }
            None => geometric_levels(&grid.values, self.levels, LEVEL_FLOOR),
        }
    }

    /// The levels the figure draws (for tables and tests).
    pub fn levels_used(&self) -> Result<Vec<f64>> {
        let grid = self.sample()?;
        self.levels_of(&grid)
    }

    /// The levels drawn and what marching squares made of each: how many
    /// polylines and how many points (shown in notebooks, pinned in snapshots).
    pub fn levels_table(&self) -> Result<optcore::Table> {
        let grid = self.sample()?;
        let mut table = optcore::Table::new(
            format!(
                "Contour levels of {} on a {} × {} grid",
                self.objective.name(),
                grid.xs.len(),
                grid.ys.len()
            ),
            &["level", "lines", "points"],
        );
        for c in self.levels_of(&grid)? {
            let lines = contour_lines(&grid, c);
            let points: usize = lines.iter().map(Vec::len).sum();
            table.push(vec![c.into(), lines.len().into(), points.into()]);
        }
        Ok(table)
    }

    /// Draws the figure.
    pub fn render(&self) -> Result<Figure> {
        let grid = self.sample()?;
        let levels = self.levels_of(&grid)?;
        let bounds = Bounds {
            x: self.x_range,
            y: self.y_range,
        };
        for (_, from, to) in &self.arrows {
            for p in [from, to] {
                if !(p.0.is_finite() && p.1.is_finite()) {
                    return Err(Error::Hyperparameter {
                        name: "arrow end",
                        value: if p.0.is_finite() { p.1 } else { p.0 },
                        accepts: "a finite point",
                    });
                }
            }
        }

        for (at, _) in &self.notes {
            if !(at.0.is_finite() && at.1.is_finite()) {
                return Err(Error::Hyperparameter {
                    name: "note position",
                    value: if at.0.is_finite() { at.1 } else { at.0 },
                    accepts: "a finite point",
                });
            }
        }

        let mut items = Vec::new();
        let last = levels.len().saturating_sub(1).max(1) as f64;
        for (k, &c) in levels.iter().enumerate() {
            let runs = contour_lines(&grid, c);
            if !runs.is_empty() {
                items.push(Item::Contour {
                    runs,
                    color: level_color(k as f64 / last),
                });
            }
        }
        for (idx, (label, pts)) in self.paths.iter().enumerate() {
            let look = look(idx);
            let color = look.color;
            let inside: Vec<(f64, f64)> = pts
                .iter()
                .copied()
                .filter(|p| p.0.is_finite() && p.1.is_finite() && bounds.contains(*p))
                .collect();
            if let Some(&start) = pts.first() {
                if bounds.contains(start) {
                    items.push(Item::Points {
                        points: vec![start],
                        marker: Marker::Ring(6),
                        color,
                        label: None,
                    });
                }
            }
            items.push(Item::Line {
                runs: bounds.clip_polyline(pts),
                markers: thin(&inside, MAX_MARKERS),
                marker: Some(look.marker),
                color,
                dash: look.dash,
                width: 2,
                label: (!label.is_empty()).then(|| label.clone()),
            });
        }
        for &(idx, at) in &self.stops {
            if at.0.is_finite() && at.1.is_finite() && bounds.contains(at) {
                items.push(Item::Points {
                    points: vec![at],
                    marker: Marker::Cross(STOP_MARK),
                    color: look(idx).color,
                    label: None,
                });
            }
        }
        for (idx, (label, from, to)) in self.arrows.iter().enumerate() {
            items.push(Item::Arrow {
                from: *from,
                to: *to,
                color: ARROW_PALETTE[idx % ARROW_PALETTE.len()],
                label: (!label.is_empty()).then(|| label.clone()),
            });
        }
        for (at, text) in &self.notes {
            items.push(Item::Note {
                at: *at,
                text: text.clone(),
            });
        }
        if self.show_minimum {
            if let Some(m) = self.objective.minimum() {
                if m.len() == 2 && bounds.contains((m[0], m[1])) {
                    items.push(Item::Points {
                        points: vec![(m[0], m[1])],
                        marker: Marker::Cross(7),
                        color: Color(0, 0, 0, 1.0),
                        label: Some(format!("minimum ({}, {})", fmt_tick(m[0]), fmt_tick(m[1]))),
                    });
                }
            }
        }

        let mut scene = Scene {
            size: self.size,
            title: self
                .title
                .clone()
                .unwrap_or_else(|| format!("Level sets of J(θ): {}", self.objective.name())),
            x_label: self.x_label.clone(),
            y_label: self.y_label.clone(),
            x_range: self.x_range,
            y_range: self.y_range,
            log_y: false,
            grid: false,
            items,
            legend: self.legend,
        };
        if self.equal_aspect {
            scene.size = self.equal_aspect_size(&scene)?;
        }
        Ok(Figure::from_scene(scene)?.with_data(self.paths.clone()))
    }

    /// The size whose plotting area has the ranges' aspect ratio.
    fn equal_aspect_size(&self, scene: &Scene) -> Result<(u32, u32)> {
        let (ow, oh) = scene.frame_overhead()?;
        let ratio = (self.y_range.1 - self.y_range.0) / (self.x_range.1 - self.x_range.0);
        let (w, _) = self.size;
        let pw = f64::from(w.saturating_sub(ow).max(1));
        let h = (pw * ratio).round() + f64::from(oh);
        if h >= 200.0 && h <= 2.0 * f64::from(w) {
            return Ok((w, h as u32));
        }
        // Too flat or too tall: fix the height at its limit, find the width.
        let h = h.clamp(200.0, 2.0 * f64::from(w));
        let ph = (h - f64::from(oh)).max(1.0);
        let w2 = ((ph / ratio).round() + f64::from(ow)).clamp(200.0, 4000.0);
        Ok((w2 as u32, h as u32))
    }
}
