//! Less oscillation near the minimum: momentum and NAG on the quadratic and on
//! Rosenbrock, oscillations counted; and NAG's price, a smaller stable η.

use super::MomentumVsNag;
use momentum::examples::fmt_point;
use optcore::measure::sign_changes;
use optcore::render::Cell;
use optcore::{Report, Result, Table, Trace};
use plots::{bounding_box, series_text, Contour, Figure, LineChart, Series};

/// Oscillation measures of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Oscillation {
    pub distances: Vec<f64>,
    /// Steps at which the loss went up.
    pub loss_increases: usize,
    /// Sign changes of the valley-floor residual (across-valley oscillations).
    pub floor_crossings: usize,
    /// Of those, the ones landing more than 1e-3 beyond the floor.
    pub visible_crossings: usize,
    /// The last step with a visible crossing (0 if none).
    pub last_visible: usize,
    /// Times θ passed the minimum's x-coordinate (along-valley overshoots).
    pub x_overshoots: usize,
    /// The step at which the run stopped, if it did (a diverging run).
    pub stopped: Option<String>,
}

/// Measures [`Oscillation`] along a trace.
pub fn oscillation<R>(s: &MomentumVsNag, tr: &Trace<R>) -> Oscillation {
    let distances: Vec<f64> = tr.rows.iter().map(|r| s.distance(r.theta.view())).collect();
    let w: Vec<f64> = tr
        .rows
        .iter()
        .map(|r| s.problem.across(r.theta.view()))
        .collect();
    let crossings = sign_changes(&w);
    let visible: Vec<usize> = crossings
        .iter()
        .copied()
        .filter(|&t| w[t].abs() > 1e-3)
        .collect();
    let x: Vec<f64> = tr
        .rows
        .iter()
        .map(|r| r.theta[0] - s.problem.minimum()[0])
        .collect();
    Oscillation {
        loss_increases: tr.rows.windows(2).filter(|p| p[1].loss > p[0].loss).count(),
        floor_crossings: crossings.len(),
        visible_crossings: visible.len(),
        last_visible: visible.last().copied().unwrap_or(0),
        x_overshoots: sign_changes(&x).len(),
        stopped: tr.stop.as_ref().map(|e| e.to_string()),
        distances,
    }
}

fn oscillation_table(s: &MomentumVsNag) -> Result<Table> {
    let m = oscillation(s, &s.momentum()?);
    let n = oscillation(s, &s.nag()?);
    let [a, b, c] = s.report_at;
    let mut t = Table::new(
        format!(
            "{} from ({}, {}), η = {}, γ = {}, {} steps: momentum vs NAG",
            s.problem.name(),
            s.start[0],
            s.start[1],
            s.lr,
            s.gamma,
            s.steps
        ),
        &[
            "run",
            &format!("‖θₜ − θ*‖, t = {a}"),
            &format!("t = {b}"),
            &format!("t = {c}"),
            "loss went up",
            "valley-floor crossings",
            "… landing > 1e-3 beyond",
            "last such step",
            "passed θ*'s x",
        ],
    );
    for (name, o) in [("momentum", &m), ("NAG", &n)] {
        let d = |t: usize| {
            o.distances
                .get(t)
                .copied()
                .map(Cell::from)
                .unwrap_or_else(|| "—".into())
        };
        t.push(vec![
            name.into(),
            d(a),
            d(b),
            d(c),
            o.loss_increases.into(),
            o.floor_crossings.into(),
            o.visible_crossings.into(),
            o.last_visible.into(),
            o.x_overshoots.into(),
        ]);
    }
    let m = s.problem.minimum();
    Ok(t.with_note(format!(
        "valley floor: {}; θ* = ({}, {})",
        s.problem.floor(),
        m[0],
        m[1]
    )))
}

/// The post's claim on two problems: momentum and NAG at the same η and γ, their
/// oscillations counted; and the price, NAG's smaller stable η.
#[derive(Clone, Debug, PartialEq)]
pub struct LessOscillation {
    /// The first comparison (the notebook's: the quadratic).
    pub quadratic: MomentumVsNag,
    /// The second comparison (the notebook's: Rosenbrock).
    pub rosenbrock: MomentumVsNag,
    /// η of the price table, which reruns the second comparison at this η: a
    /// finite number > 0.
    pub price_lr: f64,
}

impl LessOscillation {
    /// The notebook's values: [`MomentumVsNag::quadratic`],
    /// [`MomentumVsNag::rosenbrock`] and the price at η = 0.0015.
    pub fn lesson() -> LessOscillation {
        LessOscillation {
            quadratic: MomentumVsNag::quadratic(),
            rosenbrock: MomentumVsNag::rosenbrock(),
            price_lr: 1.5e-3,
        }
    }

    /// The post's claim in numbers, on both comparisons; and the price: the second
    /// comparison again at [`LessOscillation::price_lr`].
    pub fn report(&self) -> Result<Report> {
        let q = &self.quadratic;
        let r = &self.rosenbrock;
        let fast = MomentumVsNag {
            lr: self.price_lr,
            ..r.clone()
        };
        fast.validate()?;
        let mut price = Table::new(
            format!(
                "the price: {} from {} at η = {}, γ = {}",
                fast.problem.name(),
                fmt_point(&fast.start),
                fast.lr,
                fast.gamma
            ),
            &["run", "steps completed", "‖θ_last − θ*‖", "stopped"],
        );
        let mo = fast.momentum()?;
        let na = fast.nag()?;
        for (name, steps, last, stop) in [
            (
                "momentum",
                mo.rows.len() - 1,
                fast.distance(mo.last().theta.view()),
                mo.stop.as_ref().map(|e| e.to_string()),
            ),
            (
                "NAG",
                na.rows.len() - 1,
                fast.distance(na.last().theta.view()),
                na.stop.as_ref().map(|e| e.to_string()),
            ),
        ] {
            price.push(vec![
                name.into(),
                steps.into(),
                last.into(),
                stop.unwrap_or_else(|| "—".into()).into(),
            ]);
        }
        Ok(Report::new()
        .table(oscillation_table(q)?)
        .table(oscillation_table(r)?)
        .text(
            r"NAG's brake has a price: on a direction of curvature $\lambda$ momentum is stable for $\eta\lambda < 2(1+\gamma)$, NAG only for $\eta\lambda < 2(1+\gamma)/(1+2\gamma)$. Rosenbrock's curvature near the start is large enough that a slightly larger $\eta$ is already too much for NAG:",
        )
        .table(price))
    }
}

impl MomentumVsNag {
    /// Series: distance to θ* per step for momentum and NAG.
    pub fn distance_series(&self) -> Result<Vec<Series>> {
        let s = self;
        let pts = |d: Vec<f64>| {
            d.into_iter()
                .enumerate()
                .map(|(t, x)| (t as f64, x))
                .collect()
        };
        Ok(vec![
            (
                "momentum".to_string(),
                pts(oscillation(s, &s.momentum()?).distances),
            ),
            ("NAG".to_string(), pts(oscillation(s, &s.nag()?).distances)),
        ])
    }

    /// Distance to θ* per step (log y).
    pub fn distance_figure(&self) -> Result<Figure> {
        let s = self;
        LineChart::new(format!(
            "{}: distance to the minimum, η = {}, γ = {}",
            s.problem.name(),
            s.lr,
            s.gamma
        ))
        .x_label("step t")
        .y_label("‖θₜ − θ*‖")
        .log_y(true)
        .all_series(self.distance_series()?)
        .render()
    }

    /// Series: the paths of momentum and NAG (every point up to step [`MomentumVsNag::drawn`]).
    pub fn path_series(&self) -> Result<Vec<Series>> {
        let (s, upto) = (self, self.drawn);
        let m = s.momentum()?.path2();
        let n = s.nag()?.path2();
        Ok(vec![
            ("momentum".to_string(), m[..=upto.min(m.len() - 1)].to_vec()),
            ("NAG".to_string(), n[..=upto.min(n.len() - 1)].to_vec()),
        ])
    }

    /// Contours of the objective with the momentum and NAG paths.
    pub fn path_figure(&self) -> Result<Figure> {
        let s = self;
        let upto = self.drawn.min(self.steps);
        let paths = self.path_series()?;
        let (xr, yr) = bounding_box(paths.iter().flat_map(|(_, p)| p.iter().copied()), 0.08)?;
        Contour::new(s.problem.objective().as_ref(), xr, yr)
            .levels(14)
            .title(format!(
                "{}: momentum vs NAG, first {upto} steps",
                s.problem.name()
            ))
            .paths(paths)
            .render()
    }
}

impl LessOscillation {
    /// The series of the figures as stable text (for snapshots).
    pub fn figure_series_text(&self) -> Result<String> {
        let (q, r) = (&self.quadratic, &self.rosenbrock);
        let thin = |s: Vec<Series>, every: usize| -> Vec<Series> {
            s.into_iter()
                .map(|(l, p)| {
                    (
                        l,
                        p.into_iter()
                            .enumerate()
                            .filter(|(i, _)| i % every == 0)
                            .map(|(_, x)| x)
                            .collect(),
                    )
                })
                .collect()
        };
        Ok(format!(
        "quadratic distances\n{}\nquadratic paths\n{}\nrosenbrock distances (every 10th)\n{}\nrosenbrock paths (every 10th)\n{}",
        series_text(&q.distance_series()?),
        series_text(&q.path_series()?),
        series_text(&thin(r.distance_series()?, 10)),
        series_text(&thin(r.path_series()?, 10)),
    ))
    }
}
