//! The rule in code and the update, step by step: the first steps of Kingma &
//! Ba's Algorithm 1.

use crate::Adam;
use ndarray::ArrayView1;
use optcore::error::{check_steps, Result};
use optcore::render::fmt_sig;
use optcore::{run_to_completion, Convention, Optimizer, Quadratic, Report};

/// The update, step by step: Algorithm 1 (`paper` convention) on
/// $0.1x^2 + 2y^2$, every step a row with $g$, $m$, $v$, $\hat m$, $\hat v$ and θ.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstSteps {
    /// The step size η (a finite number > 0).
    pub lr: f64,
    /// β₁, the decay of the first moment $m_t$ (in [0, 1)).
    pub beta1: f64,
    /// β₂, the decay of the second moment $v_t$ (in [0, 1)).
    pub beta2: f64,
    /// ε, added to $\sqrt{\hat v_t}$ (a finite number ≥ 0).
    pub eps: f64,
    /// θ₀ = (x, y), the start (finite).
    pub start: [f64; 2],
    /// Steps, one table row each (1 to [`super::MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl FirstSteps {
    /// The notebook's run: η = 0.1, Kingma & Ba's β₁, β₂, ε, from (−5, −2), five steps.
    pub fn lesson() -> FirstSteps {
        FirstSteps {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            start: [-5.0, -2.0],
            steps: 5,
        }
    }

    /// The optimizer these knobs describe, checked.
    fn optimizer(&self) -> Result<Adam> {
        Adam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()
    }

    /// The steps as a table, with a sentence on $t = 1$.
    pub fn table(&self) -> Result<Report> {
        let opt = self.optimizer()?;
        check_steps(self.steps, super::MAX_TABLE_STEPS)?;
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            ArrayView1::from(&self.start),
            self.steps,
        )?;
        let g1 = &tr.rows[1]
            .record
            .as_ref()
            .ok_or(optcore::Error::Empty {
                what: "a first step",
            })?
            .grad;
        Ok(Report::new()
            .text(format!(
                "Adam, Algorithm 1 (η = {}, β₁ = {}, β₂ = {}, ε = {:e}) on $J = 0.1x^2 + 2y^2$ from $({}, {})$.",
                opt.lr, opt.beta1, opt.beta2, opt.eps, self.start[0], self.start[1]
            ))
            .table(tr.table())
            .text(format!(
                "At $t = 1$: $m_1 = (1-\\beta_1)g_1$ is a tenth of the gradient and $v_1 = (1-\\beta_2)g_1^2$ a \
                 thousandth of its square, but $\\hat m_1 = g_1$ and $\\hat v_1 = g_1^2$ exactly undo that, so \
                 both coordinates move by $\\eta\\,|g|/(|g| + \\epsilon) \\approx \\eta$: here $x$ and $y$ fall \
                 short of η by {} and {}, that is $\\eta\\epsilon/(|g| + \\epsilon)$ for their $|g|$ of {} and {}.",
                fmt_sig(opt.lr - (tr.rows[1].theta[0] - tr.rows[0].theta[0]).abs(), 4),
                fmt_sig(opt.lr - (tr.rows[1].theta[1] - tr.rows[0].theta[1]).abs(), 4),
                fmt_sig(g1[0].abs(), 4),
                fmt_sig(g1[1].abs(), 4)
            )))
    }
}

/// The library's trace of the run the notebook's from-scratch cell writes out by
/// hand, at the student's settings: Algorithm 1 (`paper` convention) with step size
/// `eta`, decay rates `beta1`, `beta2` and `eps`, on $0.1x^2 + 2y^2$ from `theta0`,
/// `steps` steps. `optcore::exercise::compare_with_trace` holds the student's rule
/// against it, so a changed setting is compared like for like. Settings Adam refuses
/// (η < 0, β outside [0, 1), ε < 0, anything not finite) and more than
/// [`optcore::MAX_TRACE_STEPS`] steps are typed errors.
pub fn scratch_trace(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<optcore::Trace<crate::AdamRecord>> {
    let opt = Adam {
        lr: eta,
        beta1,
        beta2,
        eps,
        ..Adam::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ArrayView1::from(&theta0),
        steps,
    )
}
