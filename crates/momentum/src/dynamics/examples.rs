//! Notebook 11's tables and figures: the theory of [`super`] (R, its
//! eigenvalues and regimes, the eigenbasis, measured rates) applied to the post's
//! quadratic $0.1x^2 + 2y^2$ from (−5, −2) and to one direction of curvature λ.
//! Re-exported from [`super`], so the notebook reaches all of it as
//! `momentum::dynamics::*`.

use super::{
    components_over_time, critical_gamma, discriminant, eigenvalues, gd_optimal, iteration_matrix,
    max_lr, measure, measure_with, minimum, nalgebra_eigenvalues, optimal, pow,
    predicted_component, rate, regime, spectral_radius, Eigenbasis, MEASURE_FROM, RATE_TOLERANCE,
};
use crate::{Momentum, MomentumRecord};
use ndarray::{array, Array1, ArrayView1};
use optcore::error::{Error, Result};
use optcore::nalgebra::{Complex, Matrix2};
use optcore::render::{fmt_short, Cell};
use optcore::{
    run, run_to_completion, run_with, Convention, Exact, Objective, Optimizer, Quadratic,
    RunOptions, Table, Trace,
};

/// The post's momentum (paper form) with η and γ, checked.
fn momentum(eta: f64, gamma: f64) -> Result<Momentum> {
    Momentum {
        lr: eta,
        momentum: gamma,
        ..Momentum::defaults(Convention::Paper)
    }
    .validated()
}

/// The per-eigendirection decomposition of a real momentum run, as a table over
/// t: for each direction i the measured $x^i_t$ (the run projected on $q_i$), the
/// predicted $x^i_t$ ($R^t s_0$) and the decay scale $\rho_i^t |x^i_0|$ (the
/// envelope up to a constant that depends on the start and, near critical
/// damping, grows like t).
pub fn decomposition(
    eta: f64,
    gamma: f64,
    objective: &dyn Objective,
    start: ArrayView1<f64>,
    steps: usize,
    every: usize,
) -> Result<Table> {
    let basis = Eigenbasis::of(objective)?;
    let star = minimum(objective)?;
    let tr = run_to_completion(&momentum(eta, gamma)?, objective, start, steps)?;
    let comps = components_over_time(&basis, star.view(), &tr)?;
    let mut header = vec!["t".to_string()];
    let sub = ["₁", "₂", "₃", "₄", "₅", "₆", "₇", "₈", "₉"];
    let mut cols = Vec::new();
    for (i, &l) in basis.values.iter().enumerate() {
        let s = sub.get(i).copied().unwrap_or("ᵢ");
        header.push(format!("x{s} (run)"));
        header.push(format!("x{s} = [Rᵗs₀]₂"));
        header.push(format!("ρ{s}ᵗ·|x{s},₀|"));
        let pred = predicted_component(eta, gamma, l, comps[i][0], steps)?;
        let rho = spectral_radius(eta, gamma, l)?;
        cols.push((pred, rho));
    }
    let mut t = Table::with_header(
        format!(
            "momentum η = {}, γ = {} on {}: the error along each eigenvector (λ = {})",
            fmt_short(eta),
            fmt_short(gamma),
            objective.name(),
            basis
                .values
                .iter()
                .map(|&l| fmt_short(l))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        header,
    );
    let every = every.max(1);
    for step in (0..=steps).step_by(every) {
        let mut row: Vec<Cell> = vec![step.into()];
        for (i, (pred, rho)) in cols.iter().enumerate() {
            row.push(comps[i][step].into());
            row.push(pred[step].into());
            row.push((pow(*rho, step as f64) * comps[i][0].abs()).into());
        }
        t.push(row);
    }
    Ok(t.with_note(
        "each direction moves on its own: the run projected on qᵢ is R(η, γ, λᵢ)ᵗ applied to (0, xᵢ,₀), up to rounding",
    ))
}

/// η, γ and steps of [`decay_figure`]: the reference case, whose flat direction
/// is overdamped and steep direction underdamped.
pub const DECAY: (f64, f64, usize) = (0.4, 0.5, 60);

/// Series: $|x^i_t|$ of the real run on the post's quadratic and the decay scale
/// $\rho_i^t |x^i_0|$, per eigendirection (for a log-scale chart, where a rate is
/// a slope).
pub fn decay_series() -> Result<Vec<plots::Series>> {
    let (eta, gamma, steps) = DECAY;
    let q = post_quadratic();
    let basis = Eigenbasis::of(&q)?;
    let tr = run_to_completion(&momentum(eta, gamma)?, &q, start().view(), steps)?;
    let comps = components_over_time(&basis, Array1::zeros(2).view(), &tr)?;
    let mut out = Vec::new();
    for (i, &lambda) in basis.values.iter().enumerate() {
        let rho = spectral_radius(eta, gamma, lambda)?;
        let x = &comps[i];
        out.push((
            format!(
                "|x| along λ = {} ({})",
                fmt_short(lambda),
                regime(eta, gamma, lambda)?
            ),
            x.iter()
                .enumerate()
                .map(|(t, v)| (t as f64, v.abs()))
                .collect(),
        ));
        out.push((
            format!("ρᵗ|x₀|, ρ = {}", optcore::render::fmt_sig(rho, 4)),
            (0..=steps)
                .map(|t| (t as f64, pow(rho, t as f64) * x[0].abs()))
                .collect(),
        ));
    }
    Ok(out)
}

/// [`decay_series`] as a log-scale line chart.
pub fn decay_figure() -> Result<plots::Figure> {
    let (eta, gamma, _) = DECAY;
    plots::LineChart::new(format!(
        "the error along each eigenvector, η = {}, γ = {}",
        fmt_short(eta),
        fmt_short(gamma)
    ))
    .x_label("step t")
    .y_label("|xᵢ,ₜ|")
    .log_y(true)
    .all_series(decay_series()?)
    .render()
}

/// The post's quadratic $0.1x^2 + 2y^2$: $A = \mathrm{diag}(0.2, 4)$.
pub fn post_quadratic() -> Quadratic {
    Quadratic::reference()
}

/// The reference cases' start (−5, −2).
pub use optcore::reference_start as start;

/// The (η, γ) points whose rates [`rate_table`] measures: the reference case
/// (0.4, 0.5), the post's γ = 0.9 with η = 0.4, three more across the map, and the
/// optimal pair.
pub fn measured_points() -> Result<Vec<(String, f64, f64)>> {
    let (eta_opt, gamma_opt) = optimal(0.2, 4.0)?;
    Ok(vec![
        ("reference case".into(), 0.4, 0.5),
        ("post's γ".into(), 0.4, 0.9),
        ("small step".into(), 0.1, 0.3),
        ("near the edge".into(), 0.8, 0.7),
        ("GD".into(), 0.3, 0.0),
        ("optimal".into(), eta_opt, gamma_opt),
    ])
}

/// Measured against predicted rates at [`measured_points`] on the post's quadratic.
pub fn rate_table() -> Result<Table> {
    let q = post_quadratic();
    let mut t = Table::new(
        "0.1x² + 2y² (λ = 0.2, 4): predicted and measured rates",
        &[
            "point",
            "η",
            "γ",
            "regime λ=0.2",
            "regime λ=4",
            "ρ λ=0.2",
            "measured λ=0.2",
            "ρ λ=4",
            "measured λ=4",
            "rate = max ρ",
            "measured",
            "rel. diff",
            "t₁ (slow)",
        ],
    );
    for (label, eta, gamma) in measured_points()? {
        let m = measure(eta, gamma, &q, start().view())?;
        let (a, b) = (m.directions[0], m.directions[1]);
        t.push(vec![
            label.into(),
            eta.into(),
            gamma.into(),
            regime(eta, gamma, a.lambda)?.to_string().into(),
            regime(eta, gamma, b.lambda)?.to_string().into(),
            a.predicted.into(),
            a.measured.into(),
            b.predicted.into(),
            b.measured.into(),
            m.predicted().into(),
            m.measured().into(),
            m.rel_diff().into(),
            a.t1.into(),
        ]);
    }
    Ok(t.with_note(format!(
        "measured: (‖s_t₁‖/‖s_t₀‖)^(1/(t₁−t₀)), s_t = (x_t, x_t−1) of the real run, t₀ = {MEASURE_FROM}, t₁ before ‖s‖ < 1e-250; within {} % of ρ",
        RATE_TOLERANCE * 100.0
    )))
}

/// A grid of predicted rates over (η, γ) for eigenvalues `lambdas`:
/// `values[j][i]` at `(etas[i], gammas[j])`.
#[derive(Debug, Clone, PartialEq)]
pub struct RateGrid {
    pub etas: Vec<f64>,
    pub gammas: Vec<f64>,
    pub values: Vec<Vec<f64>>,
}

/// `n` evenly spaced cell centres in (lo, hi).
fn centres(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    (0..n)
        .map(|i| lo + (hi - lo) * (i as f64 + 0.5) / n as f64)
        .collect()
}

/// The rate map of the post's quadratic: η in (0, 1), γ in \[0, 1), 50 × 50 cells.
pub fn rate_grid(n: usize) -> Result<RateGrid> {
    let etas = centres(0.0, 1.0, n);
    let gammas = centres(0.0, 1.0, n);
    let lambdas = [0.2, 4.0];
    let values = gammas
        .iter()
        .map(|&g| etas.iter().map(|&e| rate(e, g, &lambdas)).collect())
        .collect::<Result<Vec<Vec<f64>>>>()?;
    Ok(RateGrid {
        etas,
        gammas,
        values,
    })
}

impl RateGrid {
    /// A summary for snapshots: the smallest rate on the grid and where, and
    /// how many cells diverge.
    pub fn summary(&self) -> String {
        let mut best = (f64::INFINITY, 0.0, 0.0);
        let mut diverging = 0;
        for (j, row) in self.values.iter().enumerate() {
            for (i, &v) in row.iter().enumerate() {
                if v >= 1.0 {
                    diverging += 1;
                }
                if v < best.0 {
                    best = (v, self.etas[i], self.gammas[j]);
                }
            }
        }
        format!(
            "{} × {} cells; smallest rate {} at η = {}, γ = {}; {} cells with ρ ≥ 1",
            self.etas.len(),
            self.gammas.len(),
            optcore::fmt_num(best.0),
            optcore::fmt_num(best.1),
            optcore::fmt_num(best.2),
            diverging
        )
    }
}

/// Cells per axis of [`rate_map`].
pub const MAP_CELLS: usize = 50;

/// The rate map of the post's quadratic: the predicted rate over (η, γ) as a
/// heat map, grey where ρ ≥ 1, with [`measured_points`] marked (their measured
/// rates are [`rate_table`]'s).
pub fn rate_map() -> Result<plots::Heatmap> {
    let grid = rate_grid(MAP_CELLS)?;
    let mut map = plots::Heatmap::new(grid.etas, grid.gammas, grid.values)
        .title("0.1x² + 2y²: rate max(ρ(λ=0.2), ρ(λ=4)) over (η, γ)")
        .x_label("η (learning rate)")
        .y_label("γ (momentum)")
        .value_label("rate ρ")
        .grey_at_or_above(1.0, "ρ ≥ 1: diverges");
    for (label, eta, gamma) in measured_points()? {
        map = map.mark(label, (eta, gamma));
    }
    Ok(map)
}

/// Steps of a boundary run.
pub const BOUNDARY_STEPS: usize = 3000;

/// One run of [`boundary_runs`].
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryRun {
    pub gamma: f64,
    /// $2(1+\gamma)/\lambda_n$.
    pub eta_max: f64,
    pub eta: f64,
    pub trace: Trace<MomentumRecord>,
}

/// Just inside and just outside $\eta\lambda_n < 2(1+\gamma)$ (η = 0.98 and 1.02
/// times $\eta_{\max}$) for γ = 0, 0.5, 0.9 on the post's quadratic: real runs,
/// stopped as diverged once the loss exceeds $10^6 J(\theta_0)$.
pub fn boundary_runs() -> Result<Vec<BoundaryRun>> {
    let q = post_quadratic();
    let start = start();
    let limit = 1e6 * q.value(start.view());
    let mut out = Vec::new();
    for gamma in [0.0, 0.5, 0.9] {
        let eta_max = max_lr(gamma, 4.0)?;
        for factor in [0.98, 1.02] {
            let eta = factor * eta_max;
            let tr = run_with(
                &momentum(eta, gamma)?,
                &mut Exact::new(&q),
                start.view(),
                RunOptions {
                    steps: BOUNDARY_STEPS,
                    diverge_above: Some(limit),
                },
            )?;
            out.push(BoundaryRun {
                gamma,
                eta_max,
                eta,
                trace: tr,
            });
        }
    }
    Ok(out)
}

/// [`boundary_runs`] as a table: predicted ρ and what the run did.
pub fn boundary_table() -> Result<Table> {
    let mut t = Table::new(
        "the edge ηλₙ = 2(1 + γ), λₙ = 4: runs just inside and just outside",
        &[
            "γ",
            "η_max = 2(1+γ)/λₙ",
            "η",
            "ρ at λₙ",
            "regime at λₙ",
            "what the run did",
        ],
    );
    for BoundaryRun {
        gamma,
        eta_max,
        eta,
        trace: tr,
    } in boundary_runs()?
    {
        let outcome = match &tr.stop {
            None => match tr.first_below(1e-12 * tr.rows[0].loss) {
                Some(r) => format!("converges: J(θₜ) ≤ 1e-12·J(θ₀) from t = {}", r.t),
                None => format!(
                    "converges slowly: J(θ_{BOUNDARY_STEPS}) = {}",
                    optcore::render::fmt_sig(tr.last().loss, 4)
                ),
            },
            Some(Error::Diverged { step, .. }) => format!("diverged at t = {step}"),
            Some(e) => format!("stopped: {e}"),
        };
        t.push(vec![
            gamma.into(),
            eta_max.into(),
            eta.into(),
            spectral_radius(eta, gamma, 4.0)?.into(),
            regime(eta, gamma, 4.0)?.to_string().into(),
            outcome.into(),
        ]);
    }
    Ok(t.with_note("diverged: the loss passed 10⁶·J(θ₀), optcore's typed Error::Diverged"))
}

/// The ηλ values of [`critical_table`].
pub const CRITICAL_ETA_LAMBDA: [f64; 5] = [0.04, 0.25, 0.64, 2.25, 3.24];

/// Critical damping: for each ηλ, $\gamma_c$, the double root, ρ at $\gamma_c$ and
/// on either side (γ_c is the fastest γ for that ηλ), and the rate measured from a
/// real run on $J = \tfrac12\theta^2$ (λ = 1, η = ηλ).
pub fn critical_table() -> Result<Table> {
    let mut t = Table::new(
        "critical damping γ_c = (1 − √ηλ)², one direction with λ = 1",
        &[
            "ηλ",
            "γ_c",
            "b² − 4γ",
            "double root μ = b/2",
            "√γ_c",
            "ρ at 0.8·γ_c",
            "ρ at γ_c",
            "ρ at γ_c + 0.1(1 − γ_c)",
            "measured at γ_c",
        ],
    );
    let q = Quadratic::new(&[0.5]);
    for el in CRITICAL_ETA_LAMBDA {
        let g = critical_gamma(el)?;
        let m = measure(el, g, &q, array![1.0].view())?;
        t.push(vec![
            el.into(),
            g.into(),
            discriminant(el, g, 1.0)?.into(),
            ((1.0 + g - el) / 2.0).into(),
            g.sqrt().into(),
            spectral_radius(el, 0.8 * g, 1.0)?.into(),
            spectral_radius(el, g, 1.0)?.into(),
            spectral_radius(el, g + 0.1 * (1.0 - g), 1.0)?.into(),
            m.measured().into(),
        ]);
    }
    Ok(t.with_note(
        "μ > 0 below ηλ = 1 (a smooth approach), μ < 0 above it (a sign flip each step); the measured rate carries the Jordan block's factor t; a rounding of b² − 4γ by 1e-16 moves ρ by √1e-16/2 = 5e-9 (a double root is that sensitive)",
    ))
}

/// Momentum's optimum against gradient descent's on the post's quadratic:
/// formulas, predicted ρ, measured rate, and the steps each real run needs to
/// shrink $\\|\theta_t - \theta^\*\\|$ a millionfold.
pub fn optimal_vs_gd() -> Result<Table> {
    let q = post_quadratic();
    let (l1, ln) = (0.2, 4.0);
    let kappa = ln / l1;
    let (eta_gd, rate_gd) = gd_optimal(l1, ln)?;
    let (eta_m, gamma_m) = optimal(l1, ln)?;
    let sk = kappa.sqrt();
    let mut t = Table::new(
        "0.1x² + 2y² (κ = 20): the best gradient descent against the best momentum",
        &[
            "method",
            "η",
            "γ",
            "formula",
            "formula value",
            "ρ = max ρᵢ",
            "measured",
            "first t with ‖θₜ − θ*‖ ≤ 1e-6‖θ₀ − θ*‖",
        ],
    );
    let rows = [
        (
            "GD: η = 2/(λ₁ + λₙ)",
            eta_gd,
            0.0,
            "(κ − 1)/(κ + 1)",
            rate_gd,
        ),
        (
            "momentum: η*, γ*",
            eta_m,
            gamma_m,
            "(√κ − 1)/(√κ + 1)",
            (sk - 1.0) / (sk + 1.0),
        ),
    ];
    let start = start();
    let d0 = optcore::linalg::norm(start.view());
    for (label, eta, gamma, formula, value) in rows {
        let m = measure(eta, gamma, &q, start.view())?;
        let tr = run(&momentum(eta, gamma)?, &q, start.view(), m.steps)?;
        let first = tr
            .rows
            .iter()
            .find(|r| optcore::linalg::norm(r.theta.view()) <= 1e-6 * d0)
            .map(|r| Cell::from(r.t))
            .unwrap_or_else(|| "—".into());
        t.push(vec![
            label.into(),
            eta.into(),
            gamma.into(),
            formula.into(),
            value.into(),
            rate(eta, gamma, &[l1, ln])?.into(),
            m.measured().into(),
            first,
        ]);
    }
    Ok(t.with_note(
        "momentum's best rate is the square root of GD's condition-number factor: √κ in place of κ",
    ))
}

/// The two conventions have one dynamics: at [`measured_points`], torch's R′
/// (closed-form eigenvalues of $D R D^{-1}$ are R's) and the rate measured from
/// a run of each convention.
pub fn conventions_table() -> Result<Table> {
    let q = post_quadratic();
    let mut t = Table::new(
        "paper (v) and pytorch (b = v/η): the same rate",
        &[
            "point",
            "η",
            "γ",
            "ρ (R)",
            "ρ (R′, nalgebra)",
            "measured, paper",
            "measured, pytorch",
        ],
    );
    for (label, eta, gamma) in measured_points()? {
        let mut rho_torch = 0.0f64;
        for lambda in [0.2, 4.0] {
            let r = iteration_matrix(eta, gamma, lambda)?;
            let torch = Matrix2::new(r[(0, 0)], lambda, -eta * gamma, r[(1, 1)]);
            for mu in torch.complex_eigenvalues().iter() {
                rho_torch = rho_torch.max(mu.norm());
            }
        }
        let paper = measure_with(Convention::Paper, eta, gamma, &q, start().view())?;
        let torch = measure_with(Convention::Pytorch, eta, gamma, &q, start().view())?;
        t.push(vec![
            label.into(),
            eta.into(),
            gamma.into(),
            rate(eta, gamma, &[0.2, 4.0])?.into(),
            rho_torch.into(),
            paper.measured().into(),
            torch.measured().into(),
        ]);
    }
    Ok(t.with_note("torch multiplies by lr after the sum, the post before: the trajectories differ in the last bits only, the rates not at all"))
}

/// The one direction of the editable rule cell: λ, η, γ, x₀, steps.
pub const RULE_LAMBDA: f64 = 4.0;
/// η of the rule cell.
pub const RULE_ETA: f64 = 0.1;
/// γ of the rule cell (underdamped at ηλ = 0.4: γ_c ≈ 0.135).
pub const RULE_GAMMA: f64 = 0.5;
/// x₀ of the rule cell.
pub const RULE_X0: f64 = 1.0;
/// Steps of the rule cell.
pub const RULE_STEPS: usize = 12;

/// The library's run the rule cell is checked against: [`Momentum`] (paper) on
/// the one-parameter $J = \tfrac12\lambda x^2$ (`Quadratic::new(&[λ/2])`) from x₀.
pub fn rule_run() -> Result<Trace<MomentumRecord>> {
    run_to_completion(
        &momentum(RULE_ETA, RULE_GAMMA)?,
        Quadratic::new(&[RULE_LAMBDA / 2.0]),
        array![RULE_X0].view(),
        RULE_STEPS,
    )
}

/// How close the rule cell must come: $R s$ multiplies by ηλ and 1 − ηλ, the
/// library computes $\eta\\,\nabla J$ and θ − v, so the last bits differ.
pub const RULE_AGREEMENT: optcore::exercise::Agreement = optcore::exercise::Agreement::Within {
    rel: 1e-12,
    why: "R s rounds ηλ·x and (1 − ηλ)·x where the library rounds η·∇J and θ − v",
};

fn fmt_complex(z: Complex<f64>) -> String {
    let re = optcore::render::fmt_sig(z.re, 6);
    if z.im == 0.0 {
        re
    } else {
        let sign = if z.im < 0.0 { "−" } else { "+" };
        format!("{re} {sign} {}i", optcore::render::fmt_sig(z.im.abs(), 6))
    }
}

/// R and its eigenvalues at a few (η, γ) for both eigenvalues of the post's
/// quadratic: closed form beside nalgebra's.
pub fn eigenvalue_table() -> Result<Table> {
    let mut t = Table::new(
        "R(η, γ, λ) on 0.1x² + 2y²: eigenvalues in closed form and from nalgebra",
        &[
            "η",
            "γ",
            "λ",
            "R",
            "μ₁, μ₂ (closed form)",
            "μ₁, μ₂ (nalgebra)",
            "|μ| max",
            "regime",
        ],
    );
    for (_, eta, gamma) in measured_points()?.into_iter().take(4) {
        for lambda in [0.2, 4.0] {
            let r = iteration_matrix(eta, gamma, lambda)?;
            let closed = eigenvalues(eta, gamma, lambda)?;
            let na = nalgebra_eigenvalues(eta, gamma, lambda)?;
            let m = format!(
                "[[{}, {}], [{}, {}]]",
                optcore::render::fmt_sig(r[(0, 0)], 4),
                optcore::render::fmt_sig(r[(0, 1)], 4),
                optcore::render::fmt_sig(r[(1, 0)], 4),
                optcore::render::fmt_sig(r[(1, 1)], 4)
            );
            t.push(vec![
                eta.into(),
                gamma.into(),
                lambda.into(),
                m.into(),
                format!("{}, {}", fmt_complex(closed[0]), fmt_complex(closed[1])).into(),
                format!("{}, {}", fmt_complex(na[0]), fmt_complex(na[1])).into(),
                spectral_radius(eta, gamma, lambda)?.into(),
                regime(eta, gamma, lambda)?.to_string().into(),
            ]);
        }
    }
    Ok(t)
}
