//! The worked examples `notebooks/09-nadam.ipynb` shows; each returns a value that
//! renders itself, and `tests/snapshots.rs` pins its text.

use crate::{Nadam, NadamRecord};
use adam::Adam;
use ndarray::{array, ArrayView1};
use optcore::error::{check_steps, Result};
use optcore::render::{fmt_point_minus, table_steps};
use optcore::{
    fmt_num, run, run_to_completion, Convention, Exact, Optimizer, Oracle, Quadratic, Report,
    Slope, Table, Trace,
};

/// η of [`Forms::lesson`].
pub const FORMS_LR: f64 = 0.1;
/// Steps of [`Forms::lesson`].
pub const FORMS_STEPS: usize = 100;

/// torch's momentum schedule $\psi$ large enough that every $\mu_t = \beta_1$ in
/// f64 ($0.96^{1000} \approx 2\cdot10^{-18}$): the "ψ → ∞" limit.
pub const PSI_LIMIT: f64 = 1000.0;

/// The records of `opt` at steps `ts` (ascending) on a constant gradient (the
/// coefficients depend on t only).
fn records_at(opt: &Nadam, ts: &[usize]) -> Result<Vec<(usize, NadamRecord)>> {
    let mut oracle = Exact::new(Slope::new(1.0));
    let mut theta = array![0.0];
    let mut state = opt.init(theta.view());
    let mut out = Vec::new();
    let last = ts.iter().copied().max().unwrap_or(0);
    for t in 1..=last {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle)?;
        if ts.contains(&t) {
            out.push((t, opt.record(&state)));
        }
    }
    Ok(out)
}

/// torch's μ schedule and the coefficients of $g_t/d$ and $m_t/d$ (divided by η)
/// at a few steps, next to Ruder's simplified form, and the ψ → ∞ limit.
#[derive(Clone, Debug, PartialEq)]
pub struct TorchSchedule {
    /// β₁, the momentum coefficient the schedule approaches (in [0, 1)).
    pub beta1: f64,
    /// ψ, torch's `momentum_decay` (a finite number ≥ 0; larger reaches β₁ sooner).
    pub momentum_decay: f64,
}

impl TorchSchedule {
    /// torch's defaults: β₁ = 0.9, ψ = 0.004.
    pub fn lesson() -> TorchSchedule {
        let d = Nadam::defaults(Convention::Pytorch);
        TorchSchedule {
            beta1: d.beta1,
            momentum_decay: d.momentum_decay,
        }
    }

    /// μₜ and the coefficients at t = 1 … 20000, and the ψ → ∞ limit beside Ruder's form.
    pub fn table(&self) -> Result<Report> {
        let torch = Nadam {
            beta1: self.beta1,
            momentum_decay: self.momentum_decay,
            ..Nadam::defaults(Convention::Pytorch)
        }
        .validated()?;
        schedule_report(torch)
    }
}

fn schedule_report(torch: Nadam) -> Result<Report> {
    let limit = Nadam {
        momentum_decay: PSI_LIMIT,
        ..torch
    };
    let ruder = Nadam {
        beta1: torch.beta1,
        ..Nadam::defaults(Convention::Paper)
    };
    let ts = [1, 2, 3, 5, 10, 100, 250, 1000, 5000, 20000];
    let (a, b, c) = (
        records_at(&torch, &ts)?,
        records_at(&limit, &ts)?,
        records_at(&ruder, &ts)?,
    );
    let eta = torch.lr;
    let mut t1 = Table::new(
        format!(
            "torch.optim.NAdam's schedule, β₁ = {}, ψ = {}",
            torch.beta1, torch.momentum_decay
        ),
        &["t", "μₜ", "μₜ₊₁", "Πμ", "c_g/η", "c_m/η"],
    );
    for (t, r) in &a {
        t1.push(vec![
            (*t).into(),
            r.schedule.mu.into(),
            r.schedule.mu_next.into(),
            r.schedule.mu_product.into(),
            (r.schedule.coef_grad / eta).into(),
            (r.schedule.coef_avg / eta).into(),
        ]);
    }
    let mut t2 = Table::new(
        "the coefficients c_g/η (of g/d) and c_m/η (of m/d): torch with ψ → ∞ vs Ruder's form",
        &[
            "t",
            "c_g/η torch ψ→∞",
            "c_g/η Ruder",
            "c_m/η torch ψ→∞",
            "c_m/η Ruder",
            "β₁/(1 − β₁ᵗ⁺¹)",
            "β₁/(1 − β₁ᵗ)",
        ],
    );
    for ((t, rb), (_, rc)) in b.iter().zip(&c).take(6) {
        let b1 = ruder.beta1;
        t2.push(vec![
            (*t).into(),
            (rb.schedule.coef_grad / eta).into(),
            (rc.schedule.coef_grad / eta).into(),
            (rb.schedule.coef_avg / eta).into(),
            (rc.schedule.coef_avg / eta).into(),
            (b1 / (1.0 - optcore::pieces::pow_int(b1, t + 1))).into(),
            (b1 / (1.0 - optcore::pieces::pow_int(b1, *t))).into(),
        ]);
    }
    let mu_1000 = a
        .iter()
        .find(|(t, _)| *t == 1000)
        .map(|(_, r)| r.schedule.mu)
        .unwrap_or(f64::NAN);
    Ok(Report::new()
        .text(format!(
            "torch's $\\mu_t = \\beta_1(1 - \\tfrac12\\,0.96^{{t\\psi}})$ starts at $\\beta_1/2$ and reaches only \
             {} after 1000 steps: for a long time NAdam in torch uses much less momentum than $\\beta_1$. \
             $c_g$ and $c_m$ are the coefficients in $\\theta_t = \\theta_{{t-1}} - c_g\\,g_t/d - c_m\\,m_t/d$.",
            fmt_num(mu_1000)
        ))
        .table(t1)
        .text(
            "With $\\psi \\to \\infty$ every $\\mu = \\beta_1$, the gradient coefficients agree, but torch divides the \
             momentum term by $1-\\beta_1^{t+1}$ (Dozat's $\\prod_{i\\le t+1}\\mu_i$), Ruder's form by $1-\\beta_1^t$: \
             the two forms are different algorithms, not two roundings of one.",
        )
        .table(t2))
}

/// The first NAdam steps in torch's form on the quadratic $0.1x^2 + 2y^2$.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstSteps {
    /// The step size η (a finite number > 0).
    pub lr: f64,
    /// β₁ (in [0, 1)).
    pub beta1: f64,
    /// β₂ (in [0, 1)).
    pub beta2: f64,
    /// ε (a finite number ≥ 0).
    pub eps: f64,
    /// ψ, torch's `momentum_decay` (a finite number ≥ 0).
    pub momentum_decay: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps, one table row each (1 to [`MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl FirstSteps {
    /// The notebook's run: η = 0.1, torch's defaults otherwise, from (−5, −2), five steps.
    pub fn lesson() -> FirstSteps {
        FirstSteps {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: 4e-3,
            start: [-5.0, -2.0],
            steps: 5,
        }
    }

    /// The steps as a table.
    pub fn table(&self) -> Result<Report> {
        let opt = Nadam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            momentum_decay: self.momentum_decay,
            ..Nadam::defaults(Convention::Pytorch)
        }
        .validated()?;
        check_steps(self.steps, MAX_TABLE_STEPS)?;
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            ArrayView1::from(&self.start),
            self.steps,
        )?;
        Ok(Report::new()
            .text(format!(
                "torch.optim.NAdam (η = {}, β = ({}, {}), ε = {:e}, ψ = {}) on $J = 0.1x^2 + 2y^2$ from $({}, {})$: \
                 $d = \\sqrt{{v_t/(1-\\beta_2^t)}} + \\epsilon$ and $\\theta_t = \\theta_{{t-1}} - c_g\\,g_t/d - c_m\\,m_t/d$.",
                opt.lr, opt.beta1, opt.beta2, opt.eps, opt.momentum_decay, self.start[0], self.start[1]
            ))
            .table(tr.table()))
    }
}

/// Traces of Adam, NAdam in Ruder's form, torch's NAdam and torch's NAdam with
/// ψ → ∞, all with the same η on the quadratic.
pub type Runs = (
    Trace<<Adam as Optimizer>::Record>,
    Trace<NadamRecord>,
    Trace<NadamRecord>,
    Trace<NadamRecord>,
);

/// Adam, NAdam in Ruder's form, torch's NAdam and torch's with ψ → ∞, all with the
/// same hyperparameters on the quadratic $0.1x^2 + 2y^2$: the loss per step
/// ([`Forms::table`]) and the paths ([`Forms::contour`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Forms {
    /// The step size η of all four runs (a finite number > 0).
    pub lr: f64,
    /// β₁ (in [0, 1)).
    pub beta1: f64,
    /// β₂ (in [0, 1)).
    pub beta2: f64,
    /// ε (a finite number ≥ 0).
    pub eps: f64,
    /// ψ of torch's run (a finite number ≥ 0).
    pub momentum_decay: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps of every run (1 to [`MAX_FIGURE_STEPS`]).
    pub steps: usize,
}

impl Forms {
    /// The notebook's values: η = [`FORMS_LR`], torch's defaults otherwise, from
    /// (−5, −2), [`FORMS_STEPS`] steps.
    pub fn lesson() -> Forms {
        Forms {
            lr: FORMS_LR,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: 4e-3,
            start: [-5.0, -2.0],
            steps: FORMS_STEPS,
        }
    }

    /// The four runs, checked; a run that stops early is the error.
    pub fn runs(&self) -> Result<Runs> {
        let q = Quadratic::reference();
        let start = ArrayView1::from(&self.start);
        let nadam = |convention, momentum_decay| {
            Nadam {
                lr: self.lr,
                beta1: self.beta1,
                beta2: self.beta2,
                eps: self.eps,
                momentum_decay,
                ..Nadam::defaults(convention)
            }
            .validated()
        };
        let torch_opt = nadam(Convention::Pytorch, self.momentum_decay)?;
        let adam_opt = Adam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        check_steps(self.steps, MAX_FIGURE_STEPS)?;
        let adam = run(&adam_opt, &q, start, self.steps)?;
        let ruder = run(&nadam(Convention::Paper, 4e-3)?, &q, start, self.steps)?;
        let torch = run(&torch_opt, &q, start, self.steps)?;
        let limit = run(
            &nadam(Convention::Pytorch, PSI_LIMIT)?,
            &q,
            start,
            self.steps,
        )?;
        if let Some(e) = [&adam.stop, &ruder.stop, &torch.stop, &limit.stop]
            .into_iter()
            .flatten()
            .next()
        {
            return Err(e.clone());
        }
        Ok((adam, ruder, torch, limit))
    }

    /// Loss per step of Adam and the three NAdam forms, and how far torch's and
    /// Ruder's NAdam are apart.
    pub fn table(&self) -> Result<Table> {
        let (adam, ruder, torch, limit) = self.runs()?;
        let (lr, steps) = (self.lr, self.steps);
        let torch_label = format!("NAdam, torch ψ = {}", self.momentum_decay);
        let mut t = Table::new(
            format!(
                "quadratic from {}, η = {lr}: the loss J(θₜ)",
                fmt_point_minus(&self.start)
            ),
            &[
                "t",
                "Adam",
                "NAdam, Ruder",
                &torch_label,
                "NAdam, torch ψ → ∞",
                "|θ torch − θ Ruder|",
            ],
        );
        let shown = table_steps(&[1, 2, 3, 5, 10, 20, 30, 50, 75, 100], steps);
        for t_ in shown {
            let d = (&torch.rows[t_].theta - &ruder.rows[t_].theta)
                .mapv(f64::abs)
                .fold(0.0f64, |a, &b| a.max(b));
            t.push(vec![
                t_.into(),
                adam.rows[t_].loss.into(),
                ruder.rows[t_].loss.into(),
                torch.rows[t_].loss.into(),
                limit.rows[t_].loss.into(),
                d.into(),
            ]);
        }
        Ok(t)
    }

    /// The four runs over the quadratic's contours.
    pub fn contour(&self) -> Result<plots::Figure> {
        let (adam, ruder, torch, limit) = self.runs()?;
        let (lr, steps) = (self.lr, self.steps);
        let q = Quadratic::reference();
        plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
            .title(format!(
                "Adam and three NAdams on 0.1x² + 2y², η = {lr}, {steps} steps"
            ))
            .path("Adam", adam.path2())
            .path("NAdam, Ruder", ruder.path2())
            .path(
                format!("NAdam, torch ψ = {}", self.momentum_decay),
                torch.path2(),
            )
            .path("NAdam, torch ψ → ∞", limit.path2())
            .render()
    }
}

/// The library's trace of the run the notebook's from-scratch cell writes out by
/// hand, at the student's settings: NAdam in Ruder's form (`paper` convention)
/// with step size `eta`, `beta1`, `beta2` and `eps`, on $0.1x^2 + 2y^2$ from
/// `theta0`, `steps` steps. `optcore::exercise::compare_with_trace` holds the
/// student's rule against it, so a changed setting is compared like for like.
/// Settings NAdam refuses and more than [`optcore::MAX_TRACE_STEPS`] steps are
/// typed errors.
pub fn scratch_trace(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<NadamRecord>> {
    let opt = Nadam {
        lr: eta,
        beta1,
        beta2,
        eps,
        ..Nadam::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ArrayView1::from(&theta0),
        steps,
    )
}

/// Most steps an experiment whose every step is a table row takes.
pub const MAX_TABLE_STEPS: usize = 1000;

/// Most steps a figure (or a run behind a short table) of the lesson takes.
pub const MAX_FIGURE_STEPS: usize = 10_000;
