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
use optcore::error::{check_lesson_steps, check_open_unit_interval, check_positive, Error, Result};
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

/// The decomposition experiment: a real momentum run on the reference quadratic,
/// projected on the two eigenvectors, beside $R^t s_0$ and the decay scale
/// ([`decomposition`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Decomposition {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of the run: from 1 to [`crate::examples::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// Every how many steps the table shows a row: 1 or more.
    pub every: usize,
}

impl Decomposition {
    /// The notebook's run: η = 0.4, the post's γ = 0.9 from (−5, −2), 40 steps,
    /// every 4th shown.
    pub fn lesson() -> Decomposition {
        Decomposition {
            lr: 0.4,
            gamma: crate::examples::POST_GAMMA,
            start: reference_start_pair(),
            steps: 40,
            every: 4,
        }
    }

    /// The table (every knob checked first, with a typed error).
    pub fn table(&self) -> Result<Table> {
        check_lesson_steps("steps", self.steps)?;
        if self.every == 0 {
            return Err(Error::Hyperparameter {
                name: "every",
                value: 0.0,
                accepts: "a whole number ≥ 1",
            });
        }
        decomposition(
            self.lr,
            self.gamma,
            &post_quadratic(),
            ArrayView1::from(&self.start[..]),
            self.steps,
            self.every,
        )
    }
}

/// The decay experiment: $|x^i_t|$ of a real run on the reference quadratic beside
/// $\rho_i^t |x^i_0|$, per eigendirection, on a log scale (where a rate is a slope).
#[derive(Clone, Debug, PartialEq)]
pub struct Decay {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of the run: from 1 to [`crate::examples::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Decay {
    /// The notebook's run: the reference case η = 0.4, γ = 0.5 (flat direction
    /// overdamped, steep one underdamped) from (−5, −2), 60 steps.
    pub fn lesson() -> Decay {
        Decay {
            lr: 0.4,
            gamma: 0.5,
            start: reference_start_pair(),
            steps: 60,
        }
    }

    /// Series: $|x^i_t|$ and $\rho_i^t |x^i_0|$ per eigendirection.
    pub fn series(&self) -> Result<Vec<plots::Series>> {
        check_lesson_steps("steps", self.steps)?;
        let (eta, gamma, steps) = (self.lr, self.gamma, self.steps);
        let q = post_quadratic();
        let basis = Eigenbasis::of(&q)?;
        let tr = run_to_completion(
            &momentum(eta, gamma)?,
            &q,
            ArrayView1::from(&self.start[..]),
            steps,
        )?;
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

    /// [`Decay::series`] as a log-scale line chart.
    pub fn figure(&self) -> Result<plots::Figure> {
        plots::LineChart::new(format!(
            "the error along each eigenvector, η = {}, γ = {}",
            fmt_short(self.lr),
            fmt_short(self.gamma)
        ))
        .x_label("step t")
        .y_label("|xᵢ,ₜ|")
        .log_y(true)
        .all_series(self.series()?)
        .render()
    }
}

fn reference_start_pair() -> [f64; 2] {
    let s = start();
    [s[0], s[1]]
}

/// The reference quadratic $0.1x^2 + 2y^2$: $A = \mathrm{diag}(0.2, 4)$.
pub fn post_quadratic() -> Quadratic {
    Quadratic::reference()
}

/// The reference cases' start (−5, −2).
pub use optcore::reference_start as start;

/// The (η, γ) points whose rates [`RateMap::table`] measures: the reference case
/// (0.4, 0.5), the post's γ = 0.9 with η = 0.4, three more across the map, and the
/// optimal pair.
pub fn measured_points() -> Result<Vec<(String, f64, f64)>> {
    with_optimal(&MEASURED_POINTS, true)
}

/// The labelled (η, γ) points of [`measured_points`] before the optimal pair.
pub const MEASURED_POINTS: [(&str, f64, f64); 5] = [
    ("reference case", 0.4, 0.5),
    ("post's γ", 0.4, 0.9),
    ("small step", 0.1, 0.3),
    ("near the edge", 0.8, 0.7),
    ("GD", 0.3, 0.0),
];

/// `points`, then (if `optimal`) the optimal pair of the reference quadratic.
fn with_optimal(points: &[(&str, f64, f64)], add_optimal: bool) -> Result<Vec<(String, f64, f64)>> {
    let mut out: Vec<(String, f64, f64)> = points
        .iter()
        .map(|&(l, e, g)| (l.to_string(), e, g))
        .collect();
    if add_optimal {
        let (eta_opt, gamma_opt) = optimal(0.2, 4.0)?;
        out.push(("optimal".into(), eta_opt, gamma_opt));
    }
    Ok(out)
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

/// The rate map of the reference quadratic: η in (0, 1), γ in \[0, 1), 50 × 50 cells.
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

/// Cells per axis of [`RateMap::lesson`].
pub const MAP_CELLS: usize = 50;

/// The rate map experiment: the predicted rate of the reference quadratic over
/// (η, γ), with points whose rates are also measured from real runs.
#[derive(Clone, Debug, PartialEq)]
pub struct RateMap {
    /// Labelled (η, γ) points, marked on the map and measured in the table; each
    /// must converge (ρ < 1), with η > 0 and γ in \[0, 1).
    pub points: Vec<(&'static str, f64, f64)>,
    /// Whether to add the optimal pair (η*, γ*) of the quadratic as one more point.
    pub optimal: bool,
    /// Cells per axis of the map: from 1 to 200.
    pub cells: usize,
    /// The start θ₀ = (x, y) of the measured runs: finite, off both axes.
    pub start: [f64; 2],
}

impl RateMap {
    /// The notebook's map: [`MEASURED_POINTS`] and the optimal pair, 50 × 50
    /// cells, runs from (−5, −2).
    pub fn lesson() -> RateMap {
        RateMap {
            points: MEASURED_POINTS.to_vec(),
            optimal: true,
            cells: MAP_CELLS,
            start: reference_start_pair(),
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        if !(1..=200).contains(&self.cells) {
            return Err(Error::Hyperparameter {
                name: "cells",
                value: self.cells as f64,
                accepts: "a whole number from 1 to 200",
            });
        }
        for &(_, eta, gamma) in &self.points {
            momentum(eta, gamma)?;
        }
        Ok(())
    }

    /// The points, labelled, the optimal pair last if asked for.
    pub fn points(&self) -> Result<Vec<(String, f64, f64)>> {
        with_optimal(&self.points, self.optimal)
    }

    /// The predicted rate over (η, γ) as a heat map, grey where ρ ≥ 1, with the
    /// points marked (their measured rates are [`RateMap::table`]'s).
    pub fn map(&self) -> Result<plots::Heatmap> {
        self.validate()?;
        let grid = rate_grid(self.cells)?;
        let mut map = plots::Heatmap::new(grid.etas, grid.gammas, grid.values)
            .title("0.1x² + 2y²: rate max(ρ(λ=0.2), ρ(λ=4)) over (η, γ)")
            .x_label("η (learning rate)")
            .y_label("γ (momentum)")
            .value_label("rate ρ")
            .grey_at_or_above(1.0, "ρ ≥ 1: diverges");
        for (label, eta, gamma) in self.points()? {
            map = map.mark(label, (eta, gamma));
        }
        Ok(map)
    }

    /// Measured against predicted rates at the points on the reference quadratic.
    pub fn table(&self) -> Result<Table> {
        self.validate()?;
        let q = post_quadratic();
        let start = ArrayView1::from(&self.start[..]);
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
        for (label, eta, gamma) in self.points()? {
            let m = measure(eta, gamma, &q, start)?;
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
}

/// Steps of a boundary run.
pub const BOUNDARY_STEPS: usize = 3000;

/// One run of [`Boundary::runs`].
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryRun {
    pub gamma: f64,
    /// $2(1+\gamma)/\lambda_n$.
    pub eta_max: f64,
    pub eta: f64,
    pub trace: Trace<MomentumRecord>,
}

/// The edge experiment: real runs on the reference quadratic just inside and just
/// outside $\eta\lambda_n < 2(1+\gamma)$, $\lambda_n = 4$, stopped as diverged once
/// the loss exceeds $10^6 J(\theta_0)$.
#[derive(Clone, Debug, PartialEq)]
pub struct Boundary {
    /// The γ of the runs, each in \[0, 1); at least one.
    pub gammas: Vec<f64>,
    /// η of each run as a multiple of $\eta_{\max} = 2(1+\gamma)/\lambda_n$: finite
    /// numbers > 0 (below 1 inside the edge, above 1 outside); at least one.
    pub factors: Vec<f64>,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`crate::examples::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Boundary {
    /// The notebook's runs: γ = 0, 0.5, 0.9 at 0.98 and 1.02 times η_max, from
    /// (−5, −2), 3000 steps.
    pub fn lesson() -> Boundary {
        Boundary {
            gammas: vec![0.0, 0.5, crate::examples::POST_GAMMA],
            factors: vec![0.98, 1.02],
            start: reference_start_pair(),
            steps: BOUNDARY_STEPS,
        }
    }

    /// One run per γ and factor, in that order.
    pub fn runs(&self) -> Result<Vec<BoundaryRun>> {
        check_lesson_steps("steps", self.steps)?;
        if self.gammas.is_empty() || self.factors.is_empty() {
            return Err(Error::Empty {
                what: if self.gammas.is_empty() {
                    "gammas"
                } else {
                    "factors"
                },
            });
        }
        for &f in &self.factors {
            check_positive("factor", f)?;
        }
        let q = post_quadratic();
        let start = ArrayView1::from(&self.start[..]);
        let limit = 1e6 * q.value(start);
        let mut out = Vec::new();
        for &gamma in &self.gammas {
            let eta_max = max_lr(gamma, 4.0)?;
            for &factor in &self.factors {
                let eta = factor * eta_max;
                let tr = run_with(
                    &momentum(eta, gamma)?,
                    &mut Exact::new(&q),
                    start,
                    RunOptions {
                        steps: self.steps,
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

    /// [`Boundary::runs`] as a table: predicted ρ and what the run did.
    pub fn table(&self) -> Result<Table> {
        let steps = self.steps;
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
        } in self.runs()?
        {
            let outcome = match &tr.stop {
                None => match tr.first_below(1e-12 * tr.rows[0].loss) {
                    Some(r) => format!("converges: J(θₜ) ≤ 1e-12·J(θ₀) from t = {}", r.t),
                    None => format!(
                        "converges slowly: J(θ_{steps}) = {}",
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
}

/// The ηλ values of [`Critical::lesson`].
pub const CRITICAL_ETA_LAMBDA: [f64; 5] = [0.04, 0.25, 0.64, 2.25, 3.24];

/// The critical-damping experiment, one direction with λ = 1.
#[derive(Clone, Debug, PartialEq)]
pub struct Critical {
    /// The ηλ of each row, each in (0, 4); at least one.
    pub eta_lambdas: Vec<f64>,
}

impl Critical {
    /// The notebook's rows: ηλ = 0.04, 0.25, 0.64, 2.25, 3.24.
    pub fn lesson() -> Critical {
        Critical {
            eta_lambdas: CRITICAL_ETA_LAMBDA.to_vec(),
        }
    }

    /// Critical damping: for each ηλ, $\gamma_c$, the double root, ρ at $\gamma_c$ and
    /// on either side (γ_c is the fastest γ for that ηλ), and the rate measured from a
    /// real run on $J = \tfrac12\theta^2$ (λ = 1, η = ηλ).
    pub fn table(&self) -> Result<Table> {
        if self.eta_lambdas.is_empty() {
            return Err(Error::Empty {
                what: "eta_lambdas",
            });
        }
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
        for &el in &self.eta_lambdas {
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
}

/// The optimum experiment: the best momentum against the best gradient descent
/// on the reference quadratic, each run from a start until its distance to θ* has
/// shrunk by a factor.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimalVsGd {
    /// The start θ₀ = (x, y) of both runs: finite, off both axes.
    pub start: [f64; 2],
    /// The table's last column counts steps until $\\|\theta_t - \theta^\*\\| \le$
    /// `shrink`$\cdot\\|\theta_0 - \theta^\*\\|$: in (0, 1).
    pub shrink: f64,
}

impl OptimalVsGd {
    /// The notebook's values: from (−5, −2), a millionfold (`shrink` = 1e-6).
    pub fn lesson() -> OptimalVsGd {
        OptimalVsGd {
            start: reference_start_pair(),
            shrink: 1e-6,
        }
    }

    /// Momentum's optimum against gradient descent's: formulas, predicted ρ,
    /// measured rate, and the steps each real run needs to shrink
    /// $\\|\theta_t - \theta^\*\\|$ by `shrink`.
    pub fn table(&self) -> Result<Table> {
        check_open_unit_interval("shrink", self.shrink)?;
        let shrink_col = format!(
            "first t with ‖θₜ − θ*‖ ≤ {}‖θ₀ − θ*‖",
            fmt_short(self.shrink)
        );
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
                &shrink_col,
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
        let start = ArrayView1::from(&self.start[..]);
        let d0 = optcore::linalg::norm(start);
        for (label, eta, gamma, formula, value) in rows {
            let m = measure(eta, gamma, &q, start)?;
            let tr = run(&momentum(eta, gamma)?, &q, start, m.steps)?;
            let first = tr
                .rows
                .iter()
                .find(|r| optcore::linalg::norm(r.theta.view()) <= self.shrink * d0)
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
}

impl RateMap {
    /// The two conventions have one dynamics: at the points, torch's R′
    /// (closed-form eigenvalues of $D R D^{-1}$ are R's) and the rate measured from
    /// a run of each convention.
    pub fn conventions(&self) -> Result<Table> {
        self.validate()?;
        let q = post_quadratic();
        let start = ArrayView1::from(&self.start[..]);
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
        for (label, eta, gamma) in self.points()? {
            let mut rho_torch = 0.0f64;
            for lambda in [0.2, 4.0] {
                let r = iteration_matrix(eta, gamma, lambda)?;
                let torch = Matrix2::new(r[(0, 0)], lambda, -eta * gamma, r[(1, 1)]);
                for mu in torch.complex_eigenvalues().iter() {
                    rho_torch = rho_torch.max(mu.norm());
                }
            }
            let paper = measure_with(Convention::Paper, eta, gamma, &q, start)?;
            let torch = measure_with(Convention::Pytorch, eta, gamma, &q, start)?;
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

/// The library's run the rule cell is checked against, at the cell's settings:
/// [`Momentum`] (paper) with η = `eta`, γ = `gamma` on the one-parameter
/// $J = \tfrac12\lambda x^2$ (`Quadratic::new(&[λ/2])`) from `x0`, `steps` steps.
/// The notebook's values are [`RULE_ETA`], [`RULE_GAMMA`], [`RULE_LAMBDA`],
/// [`RULE_X0`] and [`RULE_STEPS`]. A typed error names `lr`, `momentum`,
/// `lambda` (must be > 0) or `steps`.
pub fn rule_run(
    eta: f64,
    gamma: f64,
    lambda: f64,
    x0: f64,
    steps: usize,
) -> Result<Trace<MomentumRecord>> {
    check_positive("lambda", lambda)?;
    check_lesson_steps("steps", steps)?;
    run_to_completion(
        &momentum(eta, gamma)?,
        Quadratic::new(&[lambda / 2.0]),
        array![x0].view(),
        steps,
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

/// The eigenvalue experiment: R and its eigenvalues at a few (η, γ) and λ,
/// closed form beside nalgebra's.
#[derive(Clone, Debug, PartialEq)]
pub struct Eigenvalues {
    /// The (η, γ) pairs: η a finite number > 0, γ in \[0, 1); at least one.
    pub points: Vec<(f64, f64)>,
    /// The curvatures λ (eigenvalues of the Hessian): finite numbers > 0.
    pub lambdas: Vec<f64>,
}

impl Eigenvalues {
    /// The notebook's table: the first four of [`MEASURED_POINTS`] at the post's
    /// λ = 0.2 and 4.
    pub fn lesson() -> Eigenvalues {
        Eigenvalues {
            points: MEASURED_POINTS[..4]
                .iter()
                .map(|&(_, e, g)| (e, g))
                .collect(),
            lambdas: vec![0.2, 4.0],
        }
    }

    /// R and its eigenvalues at every point and λ (every knob checked first).
    pub fn table(&self) -> Result<Table> {
        if self.points.is_empty() || self.lambdas.is_empty() {
            return Err(Error::Empty {
                what: if self.points.is_empty() {
                    "points"
                } else {
                    "lambdas"
                },
            });
        }
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
        for &(eta, gamma) in &self.points {
            momentum(eta, gamma)?;
            for &lambda in &self.lambdas {
                check_positive("lambda", lambda)?;
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
}
