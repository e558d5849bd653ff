//! Adam = momentum + RMSprop: the two decaying averages (`optcore::pieces`)
//! applied to Adam's own gradients reproduce its iterates exactly.

use crate::Adam;
use ndarray::{Array1, ArrayView1};
use optcore::error::{check_steps, Result};
use optcore::measure::step_record;
use optcore::pieces::{decay_avg, decay_avg_sq};
use optcore::{run_to_completion, Convention, Optimizer, Quadratic, Report, Table};

/// Adam without bias correction is the momentum EMA of the gradient divided by
/// RMSprop's RMS: the pieces `decay_avg` (β₁) and `decay_avg_sq` (ρ = β₂) applied
/// to Adam's own gradients give its iterates to the last bit (Adam's step calls
/// the same pieces).
#[derive(Clone, Debug, PartialEq)]
pub struct TwoAverages {
    /// The step size η (a finite number > 0).
    pub lr: f64,
    /// β₁, the momentum average's decay (in [0, 1)).
    pub beta1: f64,
    /// β₂, RMSprop's ρ (in [0, 1)).
    pub beta2: f64,
    /// ε, added to the root (a finite number ≥ 0).
    pub eps: f64,
    /// θ₀ = (x, y) on the quadratic $0.1x^2 + 2y^2$ (finite).
    pub start: [f64; 2],
    /// Steps, one table row each (1 to [`super::MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl TwoAverages {
    /// The notebook's values: η = 0.1, Kingma & Ba's betas and ε, from (−5, −2),
    /// [`super::FIRST_STEPS`] steps.
    pub fn lesson() -> TwoAverages {
        TwoAverages {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            start: [-5.0, -2.0],
            steps: super::FIRST_STEPS,
        }
    }

    /// Adam's iterates beside the two averages' quotient, step by step.
    pub fn table(&self) -> Result<Report> {
        let opt = Adam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            bias_correction: false,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        check_steps(self.steps, super::MAX_TABLE_STEPS)?;
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            ArrayView1::from(&self.start),
            self.steps,
        )?;
        let mut ema = Array1::zeros(2);
        let mut avg_sq = Array1::zeros(2);
        let mut t = Table::new(
            format!("Adam without bias correction (η = {}) vs momentum EMA / RMSprop RMS, on its own gradients", opt.lr),
            &["t", "EMA m[0]", "√E[g²][0]", "θₜ₋₁ − η m/(√E[g²]+ε) [0]", "Adam θₜ[0]", "θₜ₋₁ − η m/(√E[g²]+ε) [1]", "Adam θₜ[1]", "max |difference|"],
        );
        for w in tr.rows.windows(2) {
            let r = step_record(&w[1])?;
            decay_avg(ema.view_mut(), r.grad.view(), opt.beta1);
            decay_avg_sq(avg_sq.view_mut(), r.grad.view(), opt.beta2);
            let pieces: Vec<f64> = (0..2)
                .map(|i| w[0].theta[i] - opt.lr * ema[i] / (avg_sq[i].sqrt() + opt.eps))
                .collect();
            let adam: Vec<f64> = (0..2).map(|i| w[1].theta[i]).collect();
            let diff = (pieces[0] - adam[0]).abs().max((pieces[1] - adam[1]).abs());
            t.push(vec![
                w[1].t.into(),
                ema[0].into(),
                avg_sq[0].sqrt().into(),
                pieces[0].into(),
                adam[0].into(),
                pieces[1].into(),
                adam[1].into(),
                diff.into(),
            ]);
        }
        Ok(Report::new()
            .text(
                "$m_t$ is momentum written as an average, $m_t = \\beta_1 m_{t-1} + (1-\\beta_1)g_t$ (momentum's \
                 $v_t = \\gamma v_{t-1} + \\eta g_t$ with the step size moved out and a factor $1-\\beta_1$ in), and \
                 $v_t$ is RMSprop's $E[g^2]_t$ with $\\rho = \\beta_2$. Feeding Adam's gradients to those two pieces \
                 (`optcore::pieces`, the very functions Adam's step calls) and dividing reproduces Adam's iterates \
                 exactly: every difference is 0.",
            )
            .table(t)
            .text(
                "With bias correction Adam is the same quotient times $\\sqrt{1-\\beta_2^t}/(1-\\beta_1^t)$ (ε aside). \
                 It is not RMSprop with momentum as torch implements it, $b_t = \\mu b_{t-1} + g_t/\\sqrt{E[g^2]_t}$, \
                 which averages already-scaled gradients: Adam averages first and scales once.",
            ))
    }
}
