//! Worked examples: every table and figure of `notebooks/04-nag.ipynb`. Each
//! function computes its numbers; the notebook shows the value, a snapshot test
//! pins its text (figures: the series and arrows they draw).
//!
//! Inputs, fixed here once: the reference quadratic $0.1x^2 + 2y^2$ from (−5, −2)
//! with η = 0.1 and the post's γ = 0.9 ([`quadratic_setup`]), and Rosenbrock from
//! (−1.5, 2) with η = 0.001, γ = 0.9 ([`rosenbrock_setup`]).

use crate::{Nag, NagRecord};
use momentum::examples::{bounding_box, series_text, Series};
use momentum::{unroll, Momentum, MomentumRecord};
use ndarray::{array, Array1, ArrayView1};
use optcore::render::{fmt_num, fmt_short, fmt_sig, Cell};
use optcore::{
    run, Convention, Markdown, Objective, Quadratic, Report, Result, Rosenbrock, Table, Trace,
};
use plots::{Contour, Figure, LineChart};

pub use momentum::examples::POST_GAMMA;

/// One comparison setting: a problem, a start, η, γ and a number of steps.
pub struct Setup {
    pub name: &'static str,
    pub objective: Box<dyn Objective>,
    pub start: Array1<f64>,
    pub lr: f64,
    pub gamma: f64,
    pub steps: usize,
    /// The minimiser θ*.
    pub minimum: Array1<f64>,
    /// The "valley floor" residual whose sign changes are oscillations across the
    /// valley: $y$ for the quadratic, $y - x^2$ for Rosenbrock.
    pub across: fn(ArrayView1<f64>) -> f64,
    /// Steps at which the tables report the distance to θ*.
    pub report_at: [usize; 3],
}

/// $0.1x^2 + 2y^2$ from (−5, −2), η = 0.1, γ = 0.9, 100 steps.
pub fn quadratic_setup() -> Setup {
    Setup {
        name: "0.1x² + 2y²",
        objective: Box::new(Quadratic::reference()),
        start: array![-5.0, -2.0],
        lr: 0.1,
        gamma: POST_GAMMA,
        steps: 100,
        minimum: array![0.0, 0.0],
        across: |t| t[1],
        report_at: [10, 30, 100],
    }
}

/// Rosenbrock from (−1.5, 2), η = 0.001, γ = 0.9, 1000 steps.
pub fn rosenbrock_setup() -> Setup {
    Setup {
        name: "Rosenbrock",
        objective: Box::new(Rosenbrock::default()),
        start: array![-1.5, 2.0],
        lr: 1e-3,
        gamma: POST_GAMMA,
        steps: 1000,
        minimum: array![1.0, 1.0],
        across: |t| t[1] - t[0] * t[0],
        report_at: [100, 500, 1000],
    }
}

impl Setup {
    pub fn momentum(&self) -> Result<Trace<MomentumRecord>> {
        run(
            &Momentum {
                lr: self.lr,
                momentum: self.gamma,
                ..Momentum::defaults(Convention::Paper)
            },
            self.objective.as_ref(),
            self.start.view(),
            self.steps,
        )
    }
    pub fn nag(&self) -> Result<Trace<NagRecord>> {
        run(
            &Nag {
                lr: self.lr,
                momentum: self.gamma,
                ..Nag::defaults(Convention::Paper)
            },
            self.objective.as_ref(),
            self.start.view(),
            self.steps,
        )
    }
    fn distance(&self, theta: ArrayView1<f64>) -> f64 {
        let (dx, dy) = (theta[0] - self.minimum[0], theta[1] - self.minimum[1]);
        (dx * dx + dy * dy).sqrt()
    }
}

// ---------------------------------------------------------------------------
// 1. One step, two ways: the post's two figures from real vectors.

/// The vectors of one step from the same (θ, v): momentum's gradient at θ,
/// NAG's at the lookahead θ − γv.
#[derive(Debug, Clone, PartialEq)]
pub struct StepVectors {
    /// The step $t$ of the NAG run this (θ, v) comes from: θ = θₜ₋₁, v = vₜ₋₁.
    pub t: usize,
    pub theta: Array1<f64>,
    pub velocity: Array1<f64>,
    /// $-\gamma v$.
    pub momentum_step: Array1<f64>,
    /// $\theta - \gamma v$.
    pub lookahead: Array1<f64>,
    /// $-\eta\nabla J(\theta)$ (momentum's gradient step).
    pub grad_step_here: Array1<f64>,
    /// $-\eta\nabla J(\theta - \gamma v)$ (NAG's gradient step).
    pub grad_step_ahead: Array1<f64>,
    /// Where momentum goes: $\theta - \gamma v - \eta\nabla J(\theta)$.
    pub momentum_next: Array1<f64>,
    /// Where NAG goes: $\theta - \gamma v - \eta\nabla J(\theta - \gamma v)$.
    pub nag_next: Array1<f64>,
}

/// The first step of the quadratic NAG run at which the gradient's y-component
/// at the lookahead has the opposite sign to the one at θ: momentum is about to
/// overshoot the valley floor, and the lookahead gradient already pulls back.
pub fn step_vectors() -> Result<StepVectors> {
    let s = quadratic_setup();
    let tr = s.nag()?;
    let j = s.objective.as_ref();
    for t in 2..tr.rows.len() {
        let theta = tr.rows[t - 1].theta.clone();
        let velocity = tr.rows[t - 1]
            .record
            .as_ref()
            .expect("t ≥ 2 has a record")
            .velocity
            .clone();
        let momentum_step = velocity.mapv(|v| -s.gamma * v);
        let lookahead = &theta + &momentum_step;
        let here = j.gradient(theta.view());
        let ahead = j.gradient(lookahead.view());
        if here[1] * ahead[1] < 0.0 {
            let grad_step_here = here.mapv(|g| -s.lr * g);
            let grad_step_ahead = ahead.mapv(|g| -s.lr * g);
            return Ok(StepVectors {
                t,
                momentum_next: &lookahead + &grad_step_here,
                nag_next: &lookahead + &grad_step_ahead,
                theta,
                velocity,
                momentum_step,
                lookahead,
                grad_step_here,
                grad_step_ahead,
            });
        }
    }
    Err(optcore::Error::Empty {
        what: "steps where the lookahead gradient turns",
    })
}

fn pair(a: &Array1<f64>) -> (f64, f64) {
    (a[0], a[1])
}

/// The vectors of [`step_vectors`] as a table.
pub fn step_table() -> Result<Table> {
    let setup = quadratic_setup();
    let v = step_vectors()?;
    let mut t = Table::new(
        format!(
            "one step from the same θ = θ{} and v = v{} of the quadratic NAG run (η = {}, γ = {})",
            optcore::trace::sub(v.t - 1),
            optcore::trace::sub(v.t - 1),
            fmt_short(setup.lr),
            fmt_short(setup.gamma)
        ),
        &["vector", "x", "y"],
    );
    for (name, a) in [
        ("θ", &v.theta),
        ("v", &v.velocity),
        ("momentum step −γv", &v.momentum_step),
        ("lookahead θ − γv", &v.lookahead),
        ("momentum's gradient step −η∇J(θ)", &v.grad_step_here),
        ("NAG's gradient step −η∇J(θ − γv)", &v.grad_step_ahead),
        ("momentum lands at θ − γv − η∇J(θ)", &v.momentum_next),
        ("NAG lands at θ − γv − η∇J(θ − γv)", &v.nag_next),
    ] {
        t.push(vec![name.into(), a[0].into(), a[1].into()]);
    }
    Ok(t.with_note(format!(
        "the y-gradient changes sign between θ and the lookahead: NAG lands at y = {}, momentum at y = {} (the valley floor is y = 0)",
        fmt_num(v.nag_next[1]),
        fmt_num(v.momentum_next[1])
    )))
}

/// One arrow of the step figures: `(figure, label, from, to)`.
pub type Arrow = (&'static str, &'static str, (f64, f64), (f64, f64));

/// The arrows of the two figures. Colours follow the
/// order within a figure, so the gradient step comes first in both.
pub fn step_arrows() -> Result<Vec<Arrow>> {
    let v = step_vectors()?;
    let here_end = &v.theta + &v.grad_step_here;
    Ok(vec![
        (
            "momentum",
            "gradient step −η∇J(θ)",
            pair(&v.theta),
            pair(&here_end),
        ),
        (
            "momentum",
            "momentum step −γv",
            pair(&here_end),
            pair(&v.momentum_next),
        ),
        (
            "momentum",
            "actual step",
            pair(&v.theta),
            pair(&v.momentum_next),
        ),
        (
            "nag",
            "gradient step at the lookahead −η∇J(θ − γv)",
            pair(&v.lookahead),
            pair(&v.nag_next),
        ),
        (
            "nag",
            "momentum step −γv",
            pair(&v.theta),
            pair(&v.lookahead),
        ),
        ("nag", "actual step", pair(&v.theta), pair(&v.nag_next)),
    ])
}

/// The arrows of [`step_arrows`] as stable text.
pub fn step_arrows_text() -> Result<String> {
    Ok(step_arrows()?
        .iter()
        .map(|(f, l, a, b)| {
            format!(
                "{f}: {l}: ({}, {}) -> ({}, {})\n",
                fmt_num(a.0),
                fmt_num(a.1),
                fmt_num(b.0),
                fmt_num(b.1)
            )
        })
        .collect())
}

/// The post's figure for `which` = `"momentum"` or `"nag"`, drawn from the real
/// vectors of [`step_vectors`] on the contours of the quadratic.
pub fn step_figure(which: &str) -> Result<Figure> {
    let all = step_arrows()?;
    // One box for both figures, so that they can be compared side by side.
    let pts: Series = vec![("".into(), all.iter().flat_map(|a| [a.2, a.3]).collect())];
    let (xr, yr) = bounding_box(&pts);
    let arrows: Vec<_> = all.into_iter().filter(|a| a.0 == which).collect();
    let q = Quadratic::reference();
    let title = match which {
        "momentum" => "momentum: gradient at θ, plus the momentum step",
        _ => "NAG: the momentum step first, then the gradient at the lookahead",
    };
    let mut c = Contour::new(&q as &dyn Objective, xr, yr)
        .levels(10)
        .title(title)
        .show_minimum(false);
    for (_, label, from, to) in arrows {
        c = c.arrow(label, from, to);
    }
    c.render()
}

// ---------------------------------------------------------------------------
// 2. NAG's trace with its lookahead points, and the unrolling.

/// The first `steps` steps of NAG on the quadratic, lookahead recorded.
pub fn nag_trace(steps: usize) -> Result<Trace<NagRecord>> {
    let s = quadratic_setup();
    run(
        &Nag {
            lr: s.lr,
            momentum: s.gamma,
            ..Nag::defaults(Convention::Paper)
        },
        s.objective.as_ref(),
        s.start.view(),
        steps,
    )
}

/// The velocity still unrolls to $\sum_k \gamma^{t-k} g_k$ (the `momentum::unroll`
/// expansion), now with $g_k = \eta\nabla J$ at the lookahead points.
pub fn unrolled_check(steps: usize) -> Result<Table> {
    let s = quadratic_setup();
    let tr = nag_trace(steps)?;
    let g: Vec<Array1<f64>> = tr.rows[1..]
        .iter()
        .map(|r| r.record.as_ref().expect("record").grad.mapv(|x| s.lr * x))
        .collect();
    let mut t = Table::new(
        "NAG's vₜ, recursive vs unrolled Σ γᵗ⁻ᵏ gₖ with gₖ = η∇J(lookaheadₖ)",
        &[
            "t",
            "vₜ (x)",
            "unrolled (x)",
            "vₜ (y)",
            "unrolled (y)",
            "max |difference|",
        ],
    );
    for (i, row) in tr.rows[1..].iter().enumerate() {
        let step = i + 1;
        let sum = unroll::momentum(step).apply(s.gamma, |k| g[k - 1].view());
        let v = &row.record.as_ref().expect("record").velocity;
        let d = (v[0] - sum[0]).abs().max((v[1] - sum[1]).abs());
        t.push(vec![
            step.into(),
            v[0].into(),
            sum[0].into(),
            v[1].into(),
            sum[1].into(),
            d.into(),
        ]);
    }
    Ok(t)
}

// ---------------------------------------------------------------------------
// 3. torch's nesterov=True is the same method.

/// The post's NAG and torch's `nesterov=True` on the quadratic, same η, γ.
pub fn crosswalk_runs(steps: usize) -> Result<(Trace<NagRecord>, Trace<NagRecord>)> {
    let s = quadratic_setup();
    let paper = run(
        &Nag {
            lr: s.lr,
            momentum: s.gamma,
            ..Nag::defaults(Convention::Paper)
        },
        s.objective.as_ref(),
        s.start.view(),
        steps,
    )?;
    let torch = run(
        &Nag {
            lr: s.lr,
            momentum: s.gamma,
            ..Nag::defaults(Convention::Pytorch)
        },
        s.objective.as_ref(),
        s.start.view(),
        steps,
    )?;
    Ok((paper, torch))
}

/// The post's lookahead $\theta_t - \gamma v_t$ beside torch's iterate $\theta'_t$.
pub fn crosswalk(steps: usize) -> Result<Report> {
    let s = quadratic_setup();
    let (paper, torch) = crosswalk_runs(steps)?;
    let mut t = Table::new(
        format!("post's NAG vs torch.optim.SGD(nesterov=True), η = lr = {}, γ = μ = {}, on 0.1x² + 2y² from (−5, −2)", s.lr, s.gamma),
        &["t", "θₜ (x)", "θₜ (y)", "θₜ − γvₜ (x)", "θₜ − γvₜ (y)", "torch θ′ₜ (x)", "torch θ′ₜ (y)", "max |Δ|", "max |v − lr·b|", "max |Δ∇J|"],
    );
    let (mut w_pos, mut w_v, mut w_g): (f64, f64, f64) = (0.0, 0.0, 0.0);
    for (p, q) in paper.rows.iter().zip(&torch.rows) {
        let v = p
            .record
            .as_ref()
            .map(|r| r.velocity.clone())
            .unwrap_or_else(|| Array1::zeros(2));
        let look = array![p.theta[0] - s.gamma * v[0], p.theta[1] - s.gamma * v[1]];
        let d = (look[0] - q.theta[0])
            .abs()
            .max((look[1] - q.theta[1]).abs());
        w_pos = w_pos.max(d);
        let mut row: Vec<Cell> = vec![
            p.t.into(),
            p.theta[0].into(),
            p.theta[1].into(),
            look[0].into(),
            look[1].into(),
            q.theta[0].into(),
            q.theta[1].into(),
            d.into(),
        ];
        match (&p.record, &q.record) {
            (Some(a), Some(b)) => {
                let dv = (a.velocity[0] - s.lr * b.velocity[0])
                    .abs()
                    .max((a.velocity[1] - s.lr * b.velocity[1]).abs());
                let dg = (a.grad[0] - b.grad[0])
                    .abs()
                    .max((a.grad[1] - b.grad[1]).abs());
                w_v = w_v.max(dv);
                w_g = w_g.max(dg);
                row.extend([dv.into(), dg.into()]);
            }
            _ => row.extend([Cell::from(""), "".into()]),
        }
        t.push(row);
    }
    let t = t.with_note(format!(
        "over {steps} steps: max |θₜ − γvₜ − θ′ₜ| = {}, max |vₜ − lr·bₜ| = {}, max |Δ∇J| = {} (the gradient of step t: the post's at its lookahead, torch's at θ′ₜ₋₁)",
        fmt_sig(w_pos, 3),
        fmt_sig(w_v, 3),
        fmt_sig(w_g, 3)
    ));
    Ok(Report::new()
        .text(
            r"With $\varphi_t = \theta_t - \gamma v_t$ (the point where the *next* gradient is taken) the post's two lines become $\varphi_{t} = \varphi_{t-1} - \eta\nabla J(\varphi_{t-1}) - \gamma v_t$, which is torch's $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$ with $v = \mathrm{lr}\,b$. Both start at $\theta_0$, so torch's iterates are the post's lookahead points:",
        )
        .table(t))
}

// ---------------------------------------------------------------------------
// 4. Less oscillation near the minimum.

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
pub fn oscillation<R>(s: &Setup, tr: &Trace<R>) -> Oscillation {
    let distances: Vec<f64> = tr.rows.iter().map(|r| s.distance(r.theta.view())).collect();
    let w: Vec<f64> = tr.rows.iter().map(|r| (s.across)(r.theta.view())).collect();
    let crossings: Vec<usize> = (1..w.len()).filter(|&t| w[t - 1] * w[t] < 0.0).collect();
    let visible: Vec<usize> = crossings
        .iter()
        .copied()
        .filter(|&t| w[t].abs() > 1e-3)
        .collect();
    let mx = s.minimum[0];
    Oscillation {
        loss_increases: tr.rows.windows(2).filter(|p| p[1].loss > p[0].loss).count(),
        floor_crossings: crossings.len(),
        visible_crossings: visible.len(),
        last_visible: visible.last().copied().unwrap_or(0),
        x_overshoots: tr
            .rows
            .windows(2)
            .filter(|p| (p[0].theta[0] - mx) * (p[1].theta[0] - mx) < 0.0)
            .count(),
        stopped: tr.stop.as_ref().map(|e| e.to_string()),
        distances,
    }
}

fn oscillation_table(s: &Setup) -> Result<Table> {
    let m = oscillation(s, &s.momentum()?);
    let n = oscillation(s, &s.nag()?);
    let [a, b, c] = s.report_at;
    let mut t = Table::new(
        format!(
            "{} from ({}, {}), η = {}, γ = {}, {} steps: momentum vs NAG",
            s.name, s.start[0], s.start[1], s.lr, s.gamma, s.steps
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
    let floor = if s.name == "Rosenbrock" {
        "y = x²"
    } else {
        "y = 0"
    };
    Ok(t.with_note(format!(
        "valley floor: {floor}; θ* = ({}, {})",
        s.minimum[0], s.minimum[1]
    )))
}

/// The post's claim in numbers, on the quadratic and on Rosenbrock; and the
/// price: NAG's smaller stable η (Rosenbrock at η = 0.0015).
pub fn oscillation_report() -> Result<Report> {
    let q = quadratic_setup();
    let r = rosenbrock_setup();
    let mut fast = rosenbrock_setup();
    fast.lr = 1.5e-3;
    let mut price = Table::new(
        format!(
            "the price: Rosenbrock from (−1.5, 2) at η = {}, γ = {}",
            fast.lr, fast.gamma
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
        .table(oscillation_table(&q)?)
        .table(oscillation_table(&r)?)
        .text(
            r"NAG's brake has a price: on a direction of curvature $\lambda$ momentum is stable for $\eta\lambda < 2(1+\gamma)$, NAG only for $\eta\lambda < 2(1+\gamma)/(1+2\gamma)$. Rosenbrock's curvature near the start is large enough that a slightly larger $\eta$ is already too much for NAG:",
        )
        .table(price))
}

/// Series: distance to θ* per step for momentum and NAG on a setup.
pub fn distance_series(s: &Setup) -> Result<Series> {
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

/// Distance to θ* per step (log y) for a setup.
pub fn distance_figure(s: &Setup) -> Result<Figure> {
    let mut c = LineChart::new(format!(
        "{}: distance to the minimum, η = {}, γ = {}",
        s.name, s.lr, s.gamma
    ))
    .x_label("step t")
    .y_label("‖θₜ − θ*‖")
    .log_y(true);
    for (l, p) in distance_series(s)? {
        c = c.series(l, p);
    }
    c.render()
}

/// Series: the paths of momentum and NAG (every point up to `upto`).
pub fn path_series(s: &Setup, upto: usize) -> Result<Series> {
    let m = s.momentum()?.path2();
    let n = s.nag()?.path2();
    Ok(vec![
        ("momentum".to_string(), m[..=upto.min(m.len() - 1)].to_vec()),
        ("NAG".to_string(), n[..=upto.min(n.len() - 1)].to_vec()),
    ])
}

/// Contours of a setup's objective with the momentum and NAG paths.
pub fn path_figure(s: &Setup, upto: usize) -> Result<Figure> {
    let paths = path_series(s, upto)?;
    let (xr, yr) = bounding_box(&paths);
    let mut c = Contour::new(s.objective.as_ref(), xr, yr)
        .levels(14)
        .title(format!("{}: momentum vs NAG, first {upto} steps", s.name));
    for (l, p) in paths {
        c = c.path(l, p);
    }
    c.render()
}

/// The series of the figures as stable text (for snapshots).
pub fn figure_series_text() -> Result<String> {
    let q = quadratic_setup();
    let r = rosenbrock_setup();
    let thin = |s: Series, every: usize| -> Series {
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
        series_text(&distance_series(&q)?),
        series_text(&path_series(&q, 40)?),
        series_text(&thin(distance_series(&r)?, 10)),
        series_text(&thin(path_series(&r, 1000)?, 10)),
    ))
}

/// The post's equations beside torch's, with each convention's defaults.
pub fn forms() -> Markdown {
    let (p, q) = (
        Nag::defaults(Convention::Paper),
        Nag::defaults(Convention::Pytorch),
    );
    let table = r"| | the post (`paper`) | torch.optim (`pytorch`, `nesterov=True`) |
|---|---|---|
| gradient taken at | $\varphi_t = \theta_{t-1} - \gamma v_{t-1}$ | the iterate $\theta'_{t-1}$ |
| velocity | $v_t = \gamma v_{t-1} + \eta\nabla J(\varphi_t)$ | $b_t = \mu b_{t-1} + \nabla J(\theta'_{t-1})$ |
| update | $\theta_t = \theta_{t-1} - v_t$ | $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$ |
";
    Markdown::new(format!(
        "{table}| defaults | $\\eta = {}$, $\\gamma = {}$ | $\\mathrm{{lr}} = {}$, $\\mu = {}$ |",
        p.lr, p.momentum, q.lr, q.momentum
    ))
}
