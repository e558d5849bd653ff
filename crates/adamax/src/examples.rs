//! The worked examples `notebooks/12-after-nadam.ipynb` shows for AdaMax; each
//! returns a value that renders itself, and `tests/snapshots.rs` pins its text.

use crate::{Adamax, ZERO_U};
use adam::Adam;
use ndarray::{array, ArrayView1};
use optcore::error::{check_steps, Error, Result};
use optcore::render::{fmt_point_minus, fmt_short};
use optcore::{run, run_to_completion, Convention, Objective, Optimizer, Report, Table};

/// The gradient sequence of [`Spike::lesson`]: 1 every step but one spike of
/// [`SPIKE`] at step [`SPIKE_AT`], [`SPIKE_STEPS`] steps.
pub const SPIKE: f64 = 10.0;
/// The step of the spike.
pub const SPIKE_AT: usize = 3;
/// Steps of [`Spike::lesson`].
pub const SPIKE_STEPS: usize = 12;

/// $g_t$ of [`Spike::lesson`].
pub fn spiky_gradient(t: usize) -> f64 {
    if t == SPIKE_AT {
        SPIKE
    } else {
        1.0
    }
}

/// AdaMax's denominator $u_t$ against Adam's $\sqrt{\hat v_t}$ on the gradients
/// 1, 1, 10, 1, 1, … (one parameter, `paper` conventions, Adam's ε = 0 so that
/// only the norms differ). $u_t$ is a maximum: after the spike it stays at
/// $10\\,\beta_2^{t-3}$, decaying by β₂ per step. Adam's $\sqrt{\hat v_t}$ is a
/// root mean square: the spike enters with weight $(1-\beta_2)/(1-\beta_2^t)$, so
/// it moves the average less while $t$ is small only because of the bias
/// correction, and it too decays by about β₂ per step.
#[derive(Clone, Debug, PartialEq)]
pub struct Spike {
    /// The step size η of both (a finite number > 0).
    pub lr: f64,
    /// β₁ of both (in [0, 1)).
    pub beta1: f64,
    /// β₂ of both (in [0, 1)).
    pub beta2: f64,
    /// The spike's gradient (finite); every other step's is 1.
    pub spike: f64,
    /// The step of the spike (any t; one past `steps` means no spike).
    pub spike_at: usize,
    /// Steps, one table row each (1 to [`MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl Spike {
    /// The notebook's values: Kingma & Ba's defaults, a spike of [`SPIKE`] at
    /// step [`SPIKE_AT`], [`SPIKE_STEPS`] steps.
    pub fn lesson() -> Spike {
        let d = Adamax::defaults(Convention::Paper);
        Spike {
            lr: d.lr,
            beta1: d.beta1,
            beta2: d.beta2,
            spike: SPIKE,
            spike_at: SPIKE_AT,
            steps: SPIKE_STEPS,
        }
    }

    /// $u_t$, $\sqrt{\hat v_t}$ and both steps, per step.
    pub fn table(&self) -> Result<Table> {
        let ax = Adamax {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            ..Adamax::defaults(Convention::Paper)
        }
        .validated()?;
        let ad = Adam {
            lr: ax.lr,
            beta1: ax.beta1,
            beta2: ax.beta2,
            eps: 0.0,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        if !self.spike.is_finite() {
            return Err(Error::Hyperparameter {
                name: "spike",
                value: self.spike,
                accepts: "a finite number",
            });
        }
        check_steps(self.steps, MAX_TABLE_STEPS)?;
        let mut theta_x = array![0.0];
        let mut theta_a = array![0.0];
        let mut sx = ax.init(theta_x.view());
        let mut sa = ad.init(theta_a.view());
        let mut table = Table::new(
            format!(
                "AdaMax's u against Adam's √v̂ on g = 1, 1, {}, 1, … (η = {}, β₂ = {})",
                fmt_short(self.spike),
                ax.lr,
                ax.beta2
            ),
            &["t", "gₜ", "u AdaMax", "√v̂ Adam", "step AdaMax", "step Adam"],
        );
        for t in 1..=self.steps {
            let g = array![if t == self.spike_at { self.spike } else { 1.0 }];
            let (x0, a0) = (theta_x[0], theta_a[0]);
            ax.update(&mut sx, theta_x.view_mut(), g.view())?;
            ad.update(&mut sa, theta_a.view_mut(), g.view())?;
            let rx = ax.record(&sx);
            let ra = ad.record(&sa);
            table.push(vec![
                t.into(),
                g[0].into(),
                rx.u[0].into(),
                ra.v_hat[0].sqrt().into(),
                (theta_x[0] - x0).into(),
                (theta_a[0] - a0).into(),
            ]);
        }
        Ok(table)
    }
}

/// The first steps of both conventions on the quadratic $0.1x^2 + 2y^2$: torch's
/// ε inside the max changes $u_t$ by ε, so θ differs in the last digits.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstSteps {
    /// The step size η of both (a finite number > 0).
    pub lr: f64,
    /// β₁ (in [0, 1)).
    pub beta1: f64,
    /// β₂ (in [0, 1)).
    pub beta2: f64,
    /// ε inside torch's max (a finite number ≥ 0; the paper has none).
    pub eps: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps, one table row each (1 to [`MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl FirstSteps {
    /// The notebook's values: η = [`FIRST_LR`], the defaults otherwise, from
    /// (−5, −2), [`FIRST_STEPS`] steps.
    pub fn lesson() -> FirstSteps {
        let d = Adamax::defaults(Convention::Pytorch);
        FirstSteps {
            lr: FIRST_LR,
            beta1: d.beta1,
            beta2: d.beta2,
            eps: d.eps,
            start: [-5.0, -2.0],
            steps: FIRST_STEPS,
        }
    }

    /// Both runs, step by step, with a sentence on the bound |Δθ| ≤ η.
    pub fn table(&self) -> Result<Report> {
        let paper = Adamax {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            ..Adamax::defaults(Convention::Paper)
        }
        .validated()?;
        let torch = Adamax {
            lr: paper.lr,
            beta1: paper.beta1,
            beta2: paper.beta2,
            eps: self.eps,
            ..Adamax::defaults(Convention::Pytorch)
        }
        .validated()?;
        check_steps(self.steps, MAX_TABLE_STEPS)?;
        let q = optcore::Quadratic::reference();
        let start = ArrayView1::from(&self.start);
        let a = run_to_completion(&paper, &q, start, self.steps)?;
        let b = run_to_completion(&torch, &q, start, self.steps)?;
        let mut table = Table::new(
            format!(
                "AdaMax on 0.1x² + 2y² from {}, η = {}: paper vs pytorch",
                fmt_point_minus(&self.start),
                paper.lr
            ),
            &[
                "t",
                "u[0]",
                "u[1]",
                "θ[0] paper",
                "θ[1] paper",
                "θ[0] − θ[0] torch",
                "θ[1] − θ[1] torch",
            ],
        );
        for (ra, rb) in a.rows.iter().zip(&b.rows).skip(1) {
            let rec = ra.record.as_ref().expect("a step row has its record");
            table.push(vec![
                ra.t.into(),
                rec.u[0].into(),
                rec.u[1].into(),
                ra.theta[0].into(),
                ra.theta[1].into(),
                (ra.theta[0] - rb.theta[0]).into(),
                (ra.theta[1] - rb.theta[1]).into(),
            ]);
        }
        Ok(Report::new()
            .text(
                "The first step moves every coordinate by exactly η (m₁/u₁ = (1 − β₁)·sign g₁, and the \
                 bias correction divides by 1 − β₁); Kingma & Ba note that AdaMax's steps have the simple \
                 bound |Δθ| ≤ η. torch's ε inside the max makes u larger by up to ε, so its θ trails the \
                 paper's by about η·ε/u per step.",
            )
            .table(table))
    }
}

/// η of [`FirstSteps::lesson`].
pub const FIRST_LR: f64 = 0.1;
/// Steps of [`FirstSteps::lesson`].
pub const FIRST_STEPS: usize = 5;

/// A start where a gradient coordinate is 0 (Beale at (1, 1): ∂f/∂x = 0): the
/// paper's Algorithm 2 meets $u_1 = 0$ and the step is refused; torch's ε keeps
/// going. The refusal's message and both runs' lengths.
#[derive(Clone, Debug, PartialEq)]
pub struct ZeroGradientStart {
    /// θ₀ = (x, y) on Beale's function (finite).
    pub start: [f64; 2],
    /// Steps of both runs (1 to [`MAX_FIGURE_STEPS`]).
    pub steps: usize,
}

impl ZeroGradientStart {
    /// The notebook's values: from (1, 1), [`ZERO_STEPS`] steps.
    pub fn lesson() -> ZeroGradientStart {
        ZeroGradientStart {
            start: [1.0, 1.0],
            steps: ZERO_STEPS,
        }
    }

    /// How each convention's run ended.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_FIGURE_STEPS)?;
        let obj = optcore::Beale;
        let start = ArrayView1::from(&self.start);
        let g = obj.gradient(start);
        let mut table = Table::new(
            if g[0] == 0.0 || g[1] == 0.0 {
                format!(
                    "Beale from {}, where ∂f/∂{} = 0: the step divides by u₁ = 0 in the paper's form",
                    fmt_point_minus(&self.start),
                    if g[0] == 0.0 { "x" } else { "y" }
                )
            } else {
                format!(
                    "Beale from {}: no gradient coordinate is 0 there, u₁ > 0 in both forms",
                    fmt_point_minus(&self.start)
                )
            },
            &["convention", "g₁", "rows computed", "how the run ended"],
        );
        for c in [Convention::Paper, Convention::Pytorch] {
            let opt = Adamax::defaults(c);
            let tr = run(&opt, obj, start, self.steps)?;
            let ended = match &tr.stop {
                Some(e) => e.to_string(),
                None => format!("all {} steps", self.steps),
            };
            table.push(vec![
                c.to_string().into(),
                format!("({}, {})", fmt_short(g[0]), fmt_short(g[1])).into(),
                tr.rows.len().into(),
                ended.into(),
            ]);
        }
        Ok(table.with_note(format!(
            "the paper convention's refusal names u: \"{ZERO_U}\""
        )))
    }
}

/// Steps of [`ZeroGradientStart::lesson`].
pub const ZERO_STEPS: usize = 10;

/// The `pytorch` convention against torch.optim.Adamax on every reference case
/// ([`optcore::reference::agreement`]).
pub fn torch_check() -> Result<Table> {
    optcore::reference::agreement::<Adamax>()
}

/// The run the notebook's from-scratch rule is checked against, at the student's
/// settings: Algorithm 2 (`paper`) with step size `eta`, `beta1` and `beta2`, on
/// the quadratic $0.1x^2 + 2y^2$ from `theta0`, `steps` steps.
/// `optcore::exercise::compare_with_trace` holds the student's rule against it, so
/// a changed setting is compared like for like; settings the optimizer refuses
/// and more than [`optcore::MAX_TRACE_STEPS`] steps are typed errors.
pub fn scratch_trace(
    eta: f64,
    beta1: f64,
    beta2: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<optcore::Trace<crate::AdamaxRecord>> {
    let opt = Adamax {
        lr: eta,
        beta1,
        beta2,
        ..Adamax::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        optcore::Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0),
        steps,
    )
}

/// Most steps an experiment whose every step is a table row takes.
pub const MAX_TABLE_STEPS: usize = 1000;

/// Most steps a run behind a short table of the lesson takes.
pub const MAX_FIGURE_STEPS: usize = 10_000;
