//! Worked examples: every table, equation and figure of `notebooks/03-momentum.ipynb`.
//! Each function computes its numbers; the notebook shows the value, a snapshot
//! test pins its text (figures: the series they draw, see [`series_text`]).
//!
//! Inputs are fixed here, once: the reference case of `crates/optcore/reference/cases.json`
//! ([`REFERENCE_LR`], [`REFERENCE_MOMENTUM`], [`reference_start`], 20 steps on
//! $0.1x^2 + 2y^2$), the post's γ = 0.9, and the slide of [`slide`].

use crate::unroll;
use crate::{Momentum, MomentumRecord};
use ndarray::{array, Array1};
use optcore::reference::{self, max_rel_diff_to_reference};
use optcore::render::{fmt_num, fmt_sig, Cell};
use optcore::{
    run, Convention, Error, FnObjective, Markdown, Objective, Optimizer, Quadratic, Report, Result,
    Table, Trace,
};
use plots::{Contour, Figure, LineChart};

/// lr of the reference case `*-momentum-quadratic` (cases.json).
pub const REFERENCE_LR: f64 = 0.4;
/// momentum of the reference case `*-momentum-quadratic` (cases.json).
pub const REFERENCE_MOMENTUM: f64 = 0.5;
/// Steps of the reference case.
pub const REFERENCE_STEPS: usize = 20;
/// The post: "γ 값은 보통 0.9를 사용한다고 한다".
pub const POST_GAMMA: f64 = 0.9;

/// The reference cases' start $(-5, -2)$.
pub fn reference_start() -> Array1<f64> {
    array![-5.0, -2.0]
}

/// A labelled series of points, as the figures draw them.
pub type Series = Vec<(String, Vec<(f64, f64)>)>;

/// The series of a figure as stable text (10 significant digits), for snapshots.
pub fn series_text(series: &Series) -> String {
    let mut s = String::new();
    for (label, pts) in series {
        s.push_str(&format!("{label} ({} points)\n", pts.len()));
        for (x, y) in pts {
            s.push_str(&format!("  {}  {}\n", fmt_num(*x), fmt_num(*y)));
        }
    }
    s
}

fn line_chart(title: &str, x: &str, y: &str, log_y: bool, series: Series) -> Result<Figure> {
    let mut c = LineChart::new(title).x_label(x).y_label(y).log_y(log_y);
    for (label, pts) in series {
        c = c.series(label, pts);
    }
    c.render()
}

// ---------------------------------------------------------------------------
// 1. The post's form and torch's form are one method.

/// The reference case under both conventions.
pub fn reference_runs() -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
    let q = Quadratic::reference();
    let start = reference_start();
    let paper = run(
        &Momentum {
            lr: REFERENCE_LR,
            momentum: REFERENCE_MOMENTUM,
            ..Momentum::defaults(Convention::Paper)
        },
        &q,
        start.view(),
        REFERENCE_STEPS,
    )?;
    let torch = run(
        &Momentum {
            lr: REFERENCE_LR,
            momentum: REFERENCE_MOMENTUM,
            ..Momentum::defaults(Convention::Pytorch)
        },
        &q,
        start.view(),
        REFERENCE_STEPS,
    )?;
    Ok((paper, torch))
}

/// The post's $v_t$ beside torch's $\mathrm{lr}\,b_t$, and both trajectories, step by step.
pub fn conventions() -> Result<Report> {
    let (paper, torch) = reference_runs()?;
    let lr = REFERENCE_LR;
    let mut t = Table::new(
        format!("paper (v = γv + η∇J) vs pytorch (b = μb + ∇J, θ ← θ − lr·b), lr = η = {lr}, γ = μ = {REFERENCE_MOMENTUM}, on 0.1x² + 2y²"),
        &["t", "x paper", "x torch", "y paper", "y torch", "vₓ paper", "lr·bₓ torch", "v_y paper", "lr·b_y torch", "max |Δθ|", "max |v − lr·b|"],
    );
    let (mut worst_theta, mut worst_v): (f64, f64) = (0.0, 0.0);
    for (p, q) in paper.rows.iter().zip(&torch.rows) {
        let dth = (p.theta[0] - q.theta[0])
            .abs()
            .max((p.theta[1] - q.theta[1]).abs());
        worst_theta = worst_theta.max(dth);
        let mut row: Vec<Cell> = vec![
            p.t.into(),
            p.theta[0].into(),
            q.theta[0].into(),
            p.theta[1].into(),
            q.theta[1].into(),
        ];
        match (&p.record, &q.record) {
            (Some(a), Some(b)) => {
                let lb = [lr * b.velocity[0], lr * b.velocity[1]];
                let dv = (a.velocity[0] - lb[0])
                    .abs()
                    .max((a.velocity[1] - lb[1]).abs());
                worst_v = worst_v.max(dv);
                row.extend([
                    a.velocity[0].into(),
                    lb[0].into(),
                    a.velocity[1].into(),
                    lb[1].into(),
                    dth.into(),
                    dv.into(),
                ]);
            }
            _ => row.extend([
                Cell::from(""),
                "".into(),
                "".into(),
                "".into(),
                dth.into(),
                "".into(),
            ]),
        }
        t.push(row);
    }
    let t = t.with_note(format!(
        "over {REFERENCE_STEPS} steps: max |θ_paper − θ_torch| = {}, max |v − lr·b| = {} (rounding only: torch multiplies by lr after the sum, the post before)",
        fmt_sig(worst_theta, 3),
        fmt_sig(worst_v, 3)
    ));
    Ok(Report::new()
        .text(
            r"Multiply torch's buffer recursion by lr: $\mathrm{lr}\,b_t = \mu\,(\mathrm{lr}\,b_{t-1}) + \mathrm{lr}\,\nabla J(\theta_t)$ is the post's $v_t = \gamma v_{t-1} + \eta\nabla J(\theta_t)$ with $v_t = \mathrm{lr}\,b_t$, $\gamma = \mu$, $\eta = \mathrm{lr}$, and $\theta_{t+1} = \theta_t - \mathrm{lr}\,b_t = \theta_t - v_t$. Same trajectory for a constant rate:",
        )
        .table(t))
}

/// Both conventions against the shared reference traces (torch.optim and the
/// post's equations in numpy): the largest relative difference over loss and θ.
pub fn reference_agreement() -> Result<Table> {
    let (paper, torch) = reference_runs()?;
    let mut t = Table::new(
        "momentum against the shared reference traces (20 steps from (−5, −2), lr 0.4, momentum 0.5)",
        &["reference trace", "computed by", "our convention", "max relative difference"],
    );
    for (name, by, conv, trace) in [
        (
            "pytorch-momentum-quadratic",
            "torch.optim.SGD(momentum=0.5)",
            "pytorch",
            &torch,
        ),
        (
            "paper-momentum-quadratic",
            "the post's equations (numpy)",
            "paper",
            &paper,
        ),
    ] {
        let d = max_rel_diff_to_reference(trace, &reference::trace(name)?)?;
        t.push(vec![
            format!("{name}.csv").into(),
            by.into(),
            conv.into(),
            d.into(),
        ]);
    }
    Ok(t.with_note("0 means the same bits: each convention repeats its reference's operations in the same order"))
}

// ---------------------------------------------------------------------------
// 2. The unrolling.

/// $v_1 \dots v_{t_{\max}}$ unrolled symbolically ([`unroll::momentum`]), as the post
/// writes them, and the general term.
pub fn unrolled_equations(t_max: usize) -> Markdown {
    let mut s = String::from("With $g_t = \\eta\\nabla_{\\theta_t}J(\\theta_t)$ and $v_1 = g_1$, applying $v_t = \\gamma v_{t-1} + g_t$ to symbols:\n\n$$\n\\begin{aligned}\n");
    for t in 1..=t_max {
        let lhs = format!(
            "v_{}",
            if t < 10 {
                t.to_string()
            } else {
                format!("{{{t}}}")
            }
        );
        s.push_str(&format!("{lhs} &= {} \\\\\n", unroll::momentum(t).latex()));
    }
    s.push_str("v_t &= \\textstyle\\sum_{k=1}^{t} \\gamma^{t-k} g_k\n\\end{aligned}\n$$");
    Markdown::new(s)
}

/// One unrolled $v_t$ for any $t$, as display LaTeX.
pub fn unrolled_equation(t: usize) -> Markdown {
    let lhs = if t < 10 {
        format!("v_{t}")
    } else {
        format!("v_{{{t}}}")
    };
    Markdown::new(format!("$${}$$", unroll::momentum(t).equation(&lhs)))
}

/// The optimizer of [`unrolling_run`]: the post's momentum, γ = 0.9, η = 0.1.
pub fn unrolling_optimizer() -> Result<Momentum> {
    Momentum {
        lr: 0.1,
        momentum: POST_GAMMA,
        ..Momentum::defaults(Convention::Paper)
    }
    .validated()
}

/// The run whose gradients feed [`unrolled_numbers`]: the post's momentum with
/// γ = 0.9, η = 0.1 on the reference quadratic from (−5, −2).
pub fn unrolling_run(steps: usize) -> Result<Trace<MomentumRecord>> {
    run(
        &unrolling_optimizer()?,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

/// The unrolled expansion $\sum_k \gamma^{t-k} g_k$ evaluated at γ = 0.9 on the real
/// gradients $g_k = \eta\nabla J(\theta_k)$ of [`unrolling_run`], beside the
/// recursive $v_t$ the optimizer computed.
pub fn unrolled_numbers(steps: usize) -> Result<Table> {
    let opt = unrolling_optimizer()?;
    let tr = unrolling_run(steps)?;
    let lr = opt.lr;
    let g: Vec<Array1<f64>> = tr.rows[1..]
        .iter()
        .map(|r| {
            r.record
                .as_ref()
                .expect("steps have records")
                .grad
                .mapv(|x| lr * x)
        })
        .collect();
    let mut t = Table::new(
        format!("vₜ two ways ({}, 0.1x² + 2y² from (−5, −2)): the recursion of the optimizer vs the unrolled sum", opt.symbols()),
        &["t", "unrolled", "vₜ (x) recursive", "vₜ (x) unrolled", "difference", "vₜ (y) recursive", "vₜ (y) unrolled", "difference"],
    );
    for (i, row) in tr.rows[1..].iter().enumerate() {
        let step = i + 1;
        let expansion = unroll::momentum(step);
        let sum = expansion.apply(POST_GAMMA, |k| g[k - 1].view());
        let v = &row.record.as_ref().expect("steps have records").velocity;
        t.push(vec![
            step.into(),
            expansion.text().into(),
            v[0].into(),
            sum[0].into(),
            (v[0] - sum[0]).into(),
            v[1].into(),
            sum[1].into(),
            (v[1] - sum[1]).into(),
        ]);
    }
    Ok(t.with_note("gₖ = η∇J(θₖ) from the run; differences are rounding (the recursion rounds after each step, the sum after each power)"))
}

/// The weights of an unrolled $v_t$ at γ: weight of $g_{t-k}$ is $\gamma^k$; their
/// running sum against the closed form $(1-\gamma^{k+1})/(1-\gamma)$.
pub fn weights_table(gamma: f64, t: usize) -> Table {
    let w = unroll::momentum(t).weights(gamma);
    let mut table = Table::new(
        format!("weights of v_{t} = Σ γᵗ⁻ᵏ gₖ at γ = {gamma}"),
        &[
            "gradient",
            "weight γᵗ⁻ᵏ",
            "running sum",
            "(1 − γⁿ)/(1 − γ), n terms",
            "difference",
        ],
    );
    let mut sum = 0.0;
    for (n, (k, wk)) in w.iter().enumerate() {
        sum += wk;
        let closed = (1.0 - optcore::pieces::pow_int(gamma, n + 1)) / (1.0 - gamma);
        table.push(vec![
            format!("g{}", optcore::trace::sub(*k)).into(),
            (*wk).into(),
            sum.into(),
            closed.into(),
            (sum - closed).into(),
        ]);
    }
    table.with_note(format!(
        "limit t → ∞: 1/(1 − γ) = {}",
        fmt_num(1.0 / (1.0 - gamma))
    ))
}

/// The γ values compared in the weight tables and figures.
pub const GAMMAS: [f64; 3] = [0.5, 0.9, 0.99];

/// Half-life of an old gradient: the $k$ with $\gamma^k = \frac12$, i.e. $\ln\frac12 / \ln\gamma$
/// (libm's `log`, portable).
pub fn half_life(gamma: f64) -> f64 {
    libm::log(0.5) / libm::log(gamma)
}

/// For each γ: the weight sum after t steps (closed form), its limit
/// $1/(1-\gamma)$ (the effective step multiplier on a constant slope) and the
/// half-life $\ln\frac12/\ln\gamma$ with its check $\gamma^{h}$ (libm `pow`).
pub fn effective_step() -> Table {
    let mut t = Table::new(
        "Σₖ γᵏ = (1 − γᵗ)/(1 − γ) → 1/(1 − γ), and the half-life of a gradient",
        &[
            "γ",
            "t = 1",
            "t = 5",
            "t = 10",
            "t = 50",
            "t = 100",
            "1/(1 − γ)",
            "half-life ln½/ln γ",
            "γ^half-life",
        ],
    );
    for &g in &GAMMAS {
        let mut row: Vec<Cell> = vec![g.into()];
        for n in [1, 5, 10, 50, 100] {
            row.push(((1.0 - optcore::pieces::pow_int(g, n)) / (1.0 - g)).into());
        }
        let h = half_life(g);
        row.extend([(1.0 / (1.0 - g)).into(), h.into(), libm::pow(g, h).into()]);
        t.push(row);
    }
    t.with_note(format!(
        "at the post's γ = {POST_GAMMA} a constant gradient ends up taking steps {}× as long as GD's, and a gradient's weight halves every {} steps",
        fmt_sig(1.0 / (1.0 - POST_GAMMA), 3),
        fmt_sig(half_life(POST_GAMMA), 2)
    ))
}

/// Series: the weight $\gamma^k$ of a gradient $k$ steps old, for each γ of [`GAMMAS`].
pub fn weights_series(k_max: usize) -> Series {
    GAMMAS
        .iter()
        .map(|&g| {
            let pts = (0..=k_max)
                .map(|k| (k as f64, optcore::pieces::pow_int(g, k)))
                .collect();
            (
                format!("γ = {g} (half-life {} steps)", fmt_sig(half_life(g), 3)),
                pts,
            )
        })
        .collect()
}

/// Figure of [`weights_series`].
pub fn weights_figure() -> Result<Figure> {
    line_chart(
        "weight γᵏ of a gradient k steps old",
        "age k (steps)",
        "weight γᵏ",
        false,
        weights_series(60),
    )
}

/// Series: the half-life $\ln\frac12/\ln\gamma$ against γ, on the grid
/// $\gamma_i = 1 - \frac12\,0.8^i$, $i = 0 \dots 20$ (0.5 up to 0.9942), beside the
/// approximation $\ln 2/(1-\gamma)$ (from $\ln\gamma \approx -(1-\gamma)$).
pub fn half_life_series() -> Series {
    let grid: Vec<f64> = (0..=20)
        .map(|i| 1.0 - 0.5 * optcore::pieces::pow_int(0.8, i))
        .collect();
    vec![
        (
            "half-life ln½ / ln γ".to_string(),
            grid.iter().map(|&g| (g, half_life(g))).collect(),
        ),
        (
            "ln 2 / (1 − γ)".to_string(),
            grid.iter()
                .map(|&g| (g, libm::log(2.0) / (1.0 - g)))
                .collect(),
        ),
    ]
}

/// Figure of [`half_life_series`] (log y).
pub fn half_life_figure() -> Result<Figure> {
    line_chart(
        "half-life of a gradient's weight",
        "γ",
        "steps until γᵏ = ½",
        true,
        half_life_series(),
    )
}

/// Series: each limit $1/(1-\gamma)$, then $\sum_{k<t}\gamma^k$ against $t$, for each γ of [`GAMMAS`].
pub fn sums_series(t_max: usize) -> Series {
    let mut s = Series::new();
    for &g in &GAMMAS {
        let limit = 1.0 / (1.0 - g);
        s.push((
            format!("limit 1/(1 − γ) = {}", fmt_sig(limit, 3)),
            vec![(1.0, limit), (t_max as f64, limit)],
        ));
    }
    for &g in &GAMMAS {
        let pts = (1..=t_max)
            .map(|t| (t as f64, (1.0 - optcore::pieces::pow_int(g, t)) / (1.0 - g)))
            .collect();
        s.push((format!("Σ γᵏ, γ = {g}"), pts));
    }
    s
}

/// Figure of [`sums_series`] (log y: the limits 2, 10, 100 are a decade apart).
pub fn sums_figure() -> Result<Figure> {
    line_chart(
        "weights of t gradients: Σ γᵏ = (1 − γᵗ)/(1 − γ)",
        "step t",
        "Σ γᵏ, k = 0 … t − 1",
        true,
        sums_series(200),
    )
}

// ---------------------------------------------------------------------------
// 3a. The slide with a flat end.

/// Slope of the slide.
pub const SLIDE_SLOPE: f64 = 1.0;
/// Where the slide starts.
pub const SLIDE_START: f64 = -40.0;
/// Learning rate on the slide.
pub const SLIDE_LR: f64 = 0.5;
/// Steps simulated on the slide.
pub const SLIDE_STEPS: usize = 150;

/// The post's slide: $J(x) = -s\,x$ for $x < 0$ (downhill towards $+x$), then a
/// flat plane $J = 0$, $\nabla J = 0$ for $x \ge 0$.
pub fn slide() -> FnObjective {
    FnObjective::new(
        "slide",
        1,
        |t| if t[0] < 0.0 { -SLIDE_SLOPE * t[0] } else { 0.0 },
        |t, mut g| g[0] = if t[0] < 0.0 { -SLIDE_SLOPE } else { 0.0 },
    )
}

/// GD (momentum 0: $v_t = \eta g_t$ exactly) and momentum (γ = 0.9) down the slide.
pub fn slide_runs() -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
    let j = slide();
    let start = array![SLIDE_START];
    let gd = run(
        &Momentum {
            lr: SLIDE_LR,
            momentum: 0.0,
            ..Momentum::defaults(Convention::Paper)
        },
        &j,
        start.view(),
        SLIDE_STEPS,
    )?;
    let mo = run(
        &Momentum {
            lr: SLIDE_LR,
            momentum: POST_GAMMA,
            ..Momentum::defaults(Convention::Paper)
        },
        &j,
        start.view(),
        SLIDE_STEPS,
    )?;
    Ok((gd, mo))
}

/// The measured facts of the slide: where GD stops, when momentum leaves the
/// slope, its velocity then, and the coasting distance against $\gamma v/(1-\gamma)$.
#[derive(Debug, Clone, PartialEq)]
pub struct Coast {
    /// GD's last position and the first step at which it no longer moved.
    pub gd_final: f64,
    pub gd_stopped_at: usize,
    /// The last step whose gradient was not zero (still on the slope).
    pub last_slope_step: usize,
    /// $v$ of that step, and where it put θ (already on the plane).
    pub v_last: f64,
    pub theta_after: f64,
    /// θ after all steps, and the distance coasted on the plane since `theta_after`.
    pub theta_final: f64,
    pub coasted: f64,
    /// $\gamma v(1-\gamma^{n})/(1-\gamma)$ for the $n$ steps simulated on the plane.
    pub predicted_finite: f64,
    /// $\gamma v/(1-\gamma)$ (infinitely many steps).
    pub predicted_limit: f64,
    /// Steps on the plane until $v < v_{\text{last}}/100$: simulated and $\lceil \ln 0.01/\ln\gamma\rceil$.
    pub steps_to_1pc: usize,
    pub steps_to_1pc_formula: f64,
}

/// Measures [`Coast`] on [`slide_runs`].
pub fn coast() -> Result<Coast> {
    let (gd, mo) = slide_runs()?;
    let g = POST_GAMMA;
    let gd_stopped_at = gd
        .rows
        .windows(2)
        .find(|w| w[1].theta[0] == w[0].theta[0])
        .map(|w| w[1].t)
        .unwrap_or(0);
    let rec = |t: usize| mo.rows[t].record.as_ref().expect("steps have records");
    let last = (1..mo.rows.len())
        .rev()
        .find(|&t| rec(t).grad[0] != 0.0)
        .ok_or(Error::Empty {
            what: "slope steps",
        })?;
    let v_last = rec(last).velocity[0].abs();
    let theta_after = mo.rows[last].theta[0];
    let theta_final = mo.last().theta[0];
    let n = mo.rows.len() - 1 - last;
    let steps_to_1pc = (last + 1..mo.rows.len())
        .find(|&t| rec(t).velocity[0].abs() < v_last / 100.0)
        .map(|t| t - last)
        .unwrap_or(0);
    Ok(Coast {
        gd_final: gd.last().theta[0],
        gd_stopped_at,
        last_slope_step: last,
        v_last,
        theta_after,
        theta_final,
        coasted: theta_final - theta_after,
        predicted_finite: g * v_last * (1.0 - optcore::pieces::pow_int(g, n)) / (1.0 - g),
        predicted_limit: g * v_last / (1.0 - g),
        steps_to_1pc,
        steps_to_1pc_formula: (libm::log(0.01) / libm::log(g)).ceil(),
    })
}

/// The slide in numbers: the speed-up on the slope, the coast, the decay.
pub fn plateau() -> Result<Report> {
    let (_, mo) = slide_runs()?;
    let c = coast()?;
    let g = POST_GAMMA;
    let step_gd = SLIDE_LR * SLIDE_SLOPE;
    let mut slope = Table::new(
        format!("on the slope (∇J = −s = −{SLIDE_SLOPE}): |vₜ|/(η·s) = Σₖ<ₜ γᵏ = (1 − γᵗ)/(1 − γ), γ = {g}, η = {SLIDE_LR}"),
        &["t", "θₜ", "|vₜ|", "|vₜ| / GD step ηs", "(1 − γᵗ)/(1 − γ)"],
    );
    for r in &mo.rows[1..=c.last_slope_step] {
        let v = -r.record.as_ref().expect("record").velocity[0];
        slope.push(vec![
            r.t.into(),
            r.theta[0].into(),
            v.into(),
            (v / step_gd).into(),
            ((1.0 - optcore::pieces::pow_int(g, r.t)) / (1.0 - g)).into(),
        ]);
    }
    let mut plane = Table::new(
        "on the flat plane (∇J = 0): vₜ = γvₜ₋₁, the momentum coasts and decays",
        &[
            "t",
            "θₜ",
            "|vₜ|",
            "vₜ / vₜ₋₁",
            "still to coast γ|vₜ|/(1 − γ)",
        ],
    );
    let last = c.last_slope_step;
    for t in (last + 1..=last + 10).chain([last + 22, last + 44, last + 66, SLIDE_STEPS]) {
        let r = &mo.rows[t];
        let v = -r.record.as_ref().expect("record").velocity[0];
        let prev = -mo.rows[t - 1].record.as_ref().expect("record").velocity[0];
        plane.push(vec![
            r.t.into(),
            r.theta[0].into(),
            v.into(),
            (v / prev).into(),
            (g * v / (1.0 - g)).into(),
        ]);
    }
    let mut summary = Table::new(
        "GD stops, momentum coasts γv/(1 − γ)",
        &["quantity", "value"],
    );
    for (k, v) in [
        ("GD: final θ", Cell::from(c.gd_final)),
        ("GD: first step that did not move", c.gd_stopped_at.into()),
        (
            "momentum: last step on the slope T",
            c.last_slope_step.into(),
        ),
        ("momentum: |v_T|", c.v_last.into()),
        ("momentum: θ after step T", c.theta_after.into()),
        (
            &*format!("momentum: θ after {SLIDE_STEPS} steps"),
            c.theta_final.into(),
        ),
        (
            "distance coasted on the plane (simulated)",
            c.coasted.into(),
        ),
        (
            "γv_T(1 − γⁿ)/(1 − γ), n steps on the plane",
            c.predicted_finite.into(),
        ),
        ("γv_T/(1 − γ) (n → ∞)", c.predicted_limit.into()),
        (
            "steps on the plane until v < v_T/100 (simulated)",
            c.steps_to_1pc.into(),
        ),
        ("⌈ln 0.01 / ln γ⌉", (c.steps_to_1pc_formula as usize).into()),
    ] {
        summary.push(vec![k.into(), v]);
    }
    Ok(Report::new()
        .text(format!(
            "The slide $J(x) = -s\\,x$ ($s = {SLIDE_SLOPE}$) for $x < 0$ and the flat plane $J = 0$ for $x \\ge 0$, from $x = {SLIDE_START}$, $\\eta = {SLIDE_LR}$: GD (γ = 0) and momentum (γ = {g}), {SLIDE_STEPS} steps."
        ))
        .table(summary)
        .table(slope)
        .table(plane))
}

/// Series: θₜ against t for GD and momentum on the slide.
pub fn slide_series() -> Result<Series> {
    let (gd, mo) = slide_runs()?;
    let pts =
        |tr: &Trace<MomentumRecord>| tr.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect();
    Ok(vec![
        ("GD (γ = 0)".to_string(), pts(&gd)),
        (format!("momentum (γ = {POST_GAMMA})"), pts(&mo)),
        (
            "edge of the plane, x = 0".to_string(),
            vec![(0.0, 0.0), (SLIDE_STEPS as f64, 0.0)],
        ),
    ])
}

/// Figure of [`slide_series`].
pub fn slide_figure() -> Result<Figure> {
    line_chart(
        "down the slide onto the flat plane",
        "step t",
        "position θₜ",
        false,
        slide_series()?,
    )
}

// ---------------------------------------------------------------------------
// 3b. The ill-conditioned valley.

/// Steps of the valley runs.
pub const VALLEY_STEPS: usize = 100;

/// GD, momentum γ = 0.5 (the reference case) and momentum γ = 0.9 (the post's
/// value), all with η = 0.4, on $0.1x^2 + 2y^2$ (condition number 20) from (−5, −2).
pub fn valley_runs() -> Result<Vec<(String, Trace<MomentumRecord>)>> {
    let q = Quadratic::reference();
    let start = reference_start();
    let mut out = Vec::new();
    for (label, gamma) in [
        ("GD (γ = 0)", 0.0),
        ("momentum γ = 0.5", 0.5),
        ("momentum γ = 0.9", POST_GAMMA),
    ] {
        let tr = run(
            &Momentum {
                lr: REFERENCE_LR,
                momentum: gamma,
                ..Momentum::defaults(Convention::Paper)
            },
            &q,
            start.view(),
            VALLEY_STEPS,
        )?;
        out.push((format!("{label}, η = {REFERENCE_LR}"), tr));
    }
    Ok(out)
}

/// Sign changes of coordinate `i` along a trace (crossings of the minimum's axis).
pub fn crossings<R>(tr: &Trace<R>, i: usize) -> usize {
    tr.rows
        .windows(2)
        .filter(|w| w[0].theta[i] * w[1].theta[i] < 0.0)
        .count()
}

/// The valley in numbers: loss after 10, 20, 50, 100 steps, the first step with
/// loss ≤ 1e-6, and how often each coordinate crossed 0.
pub fn valley() -> Result<Table> {
    let mut t = Table::new(
        "0.1x² + 2y² from (−5, −2): GD vs momentum",
        &[
            "run",
            "J(θ₁₀)",
            "J(θ₂₀)",
            "J(θ₅₀)",
            "J(θ₁₀₀)",
            "first t with J ≤ 1e-6",
            "x crossed 0",
            "y crossed 0",
        ],
    );
    for (label, tr) in valley_runs()? {
        let first = tr
            .first_below(1e-6)
            .map(|r| Cell::from(r.t))
            .unwrap_or_else(|| "—".into());
        t.push(vec![
            label.into(),
            tr.rows[10].loss.into(),
            tr.rows[20].loss.into(),
            tr.rows[50].loss.into(),
            tr.rows[100].loss.into(),
            first,
            crossings(&tr, 0).into(),
            crossings(&tr, 1).into(),
        ]);
    }
    Ok(t.with_note("GD crawls along the shallow x direction; momentum builds speed there; at γ = 0.9 it overshoots and spirals"))
}

/// Series: the valley paths (first 40 steps), for the contour figure.
pub fn valley_paths() -> Result<Series> {
    Ok(valley_runs()?
        .into_iter()
        .map(|(l, tr)| (l, tr.path2()[..=40].to_vec()))
        .collect())
}

/// The smallest box holding every point, widened by 8 % on each side.
pub fn bounding_box(series: &Series) -> ((f64, f64), (f64, f64)) {
    let pts = series.iter().flat_map(|(_, p)| p.iter().copied());
    let (mut x0, mut x1, mut y0, mut y1) = (
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
    );
    for (x, y) in pts {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let (mx, my) = (0.08 * (x1 - x0), 0.08 * (y1 - y0));
    ((x0 - mx, x1 + mx), (y0 - my, y1 + my))
}

/// Contours of $0.1x^2 + 2y^2$ with the three valley paths.
pub fn valley_contour() -> Result<Figure> {
    let q = Quadratic::reference();
    let paths = valley_paths()?;
    let (xr, yr) = bounding_box(&paths);
    let mut c = Contour::new(&q as &dyn Objective, xr, yr)
        .levels(12)
        .title("0.1x² + 2y²: GD vs momentum, first 40 steps");
    for (l, p) in paths {
        c = c.path(l, p);
    }
    c.render()
}

/// Series: loss against t for the three valley runs.
pub fn valley_loss_series() -> Result<Series> {
    Ok(valley_runs()?
        .into_iter()
        .map(|(l, tr)| (l, tr.rows.iter().map(|r| (r.t as f64, r.loss)).collect()))
        .collect())
}

/// Figure of [`valley_loss_series`] (log y).
pub fn valley_losses() -> Result<Figure> {
    line_chart(
        "loss J(θₜ) on 0.1x² + 2y²",
        "step t",
        "J(θₜ)",
        true,
        valley_loss_series()?,
    )
}

// ---------------------------------------------------------------------------
// 6. Bad input.

/// What `Momentum { lr, momentum, ..Momentum::defaults(Paper) }.validated()` answers to bad hyperparameters (the message `optrace`
/// prints too).
pub fn refusals() -> Table {
    let mut t = Table::new(
        "bad hyperparameters are refused with a typed error",
        &[
            "lr",
            "momentum",
            "Momentum { lr, momentum, ..defaults(Paper) }.validated()",
        ],
    );
    for (lr, m) in [
        (0.1, 1.0),
        (0.1, 1.5),
        (0.1, -0.1),
        (0.1, f64::NAN),
        (0.0, 0.9),
        (0.1, 0.9),
    ] {
        let answer = match (Momentum {
            lr,
            momentum: m,
            ..Momentum::defaults(Convention::Paper)
        })
        .validated()
        {
            Ok(opt) => format!("ok: {}", optcore::Optimizer::describe(&opt)),
            Err(e) => format!("Err: {e}"),
        };
        t.push(vec![fmt_num(lr).into(), fmt_num(m).into(), answer.into()]);
    }
    t
}

/// The conventions' defaults (the algorithm box of the crate doc).
pub fn defaults() -> Table {
    let mut t = Table::new(
        "defaults when a hyperparameter is not given",
        &["convention", "lr", "momentum", "why"],
    );
    for (c, why) in [
        (
            Convention::Paper,
            "the post: γ usually 0.9; η as gd's paper default",
        ),
        (
            Convention::Pytorch,
            "torch's lr default; momentum 0.9 (torch's 0 would be plain SGD)",
        ),
    ] {
        let d = Momentum::defaults(c);
        t.push(vec![
            c.to_string().into(),
            d.lr.into(),
            d.momentum.into(),
            why.into(),
        ]);
    }
    t
}
