//! Where the bias comes from: $m_t$ unrolled in symbols, its weights summing to
//! $1-\beta_1^t$, and the moments of a constant gradient.

use crate::Adam;
use ndarray::array;
use optcore::error::{check_steps, Result};
use optcore::measure::step_record;
use optcore::pieces::pow_int;
use optcore::unroll::{self, Poly, Symbol};
use optcore::{run_to_completion, Convention, Optimizer, Report, Slope, Table};

/// $m_t$ unrolled symbolically ([`optcore::unroll`], the unrolling the momentum crate uses for $v_t$), the sum of its
/// weights as a polynomial in β₁ (it collapses to $1-\beta_1^t$), and both
/// evaluated at β₁ = 0.9.
pub fn unrolled_first_moment(t_max: usize) -> Report {
    let b1 = Symbol::beta(1);
    let beta1 = 0.9;
    let mut eqs = Vec::new();
    let mut table = Table::new(
        format!(
            "the weights of m_t = (1 − β₁) Σ β₁^(t−i) gᵢ sum to 1 − β₁ᵗ (numbers at β₁ = {beta1})"
        ),
        &["t", "Σ weights (expanded)", "Σ weights at β₁", "1 − β₁ᵗ"],
    );
    for t in 1..=t_max {
        let m = unroll::unroll(&b1, "g", &Poly::symbol(), &Poly::one_minus(), t);
        if t <= 4 {
            eqs.push(format!("$$ {} $$", m.equation(&format!("m_{t}"))));
        }
        let sum = m
            .terms
            .iter()
            .fold(Poly::zero(), |acc, term| acc.add(&term.coeff))
            .mul(&m.factor);
        let numeric: f64 = m.weights(beta1).iter().map(|(_, w)| w).sum();
        table.push(vec![
            t.into(),
            sum.text(&b1).into(),
            numeric.into(),
            (1.0 - pow_int(beta1, t)).into(),
        ]);
    }
    Report::new()
        .text(format!(
            "With $m_0 = 0$, unrolling $m_t = \\beta_1 m_{{t-1}} + (1-\\beta_1) g_t$:\n\n{}",
            eqs.join("\n\n")
        ))
        .table(table)
        .text(
            "If the gradients are stationary, $\\mathbb E[g_i] = \\mathbb E[g]$ for every $i$, so \
             $\\mathbb E[m_t] = (1-\\beta_1)\\sum_{i=1}^t \\beta_1^{t-i}\\,\\mathbb E[g] = (1-\\beta_1^t)\\,\\mathbb E[g]$: \
             $m_t$ underestimates the mean gradient by the factor $1-\\beta_1^t$, most at the start. \
             Dividing by it, $\\hat m_t = m_t/(1-\\beta_1^t)$, removes the bias; the same argument with \
             $g_i^2$ gives $\\hat v_t = v_t/(1-\\beta_2^t)$.",
        )
}

/// A constant gradient ($J = \theta$, $g \equiv 1$): $m_t = 1-\beta_1^t$ and
/// $v_t = 1-\beta_2^t$ are biased, $\hat m_t = \hat v_t = 1$ are not.
#[derive(Clone, Debug, PartialEq)]
pub struct ConstantGradient {
    /// β₁, the decay of the first moment $m_t$ (in [0, 1)).
    pub beta1: f64,
    /// β₂, the decay of the second moment $v_t$ (in [0, 1)).
    pub beta2: f64,
    /// Steps, one table row each (1 to [`super::MAX_TABLE_STEPS`]).
    pub steps: usize,
}

impl ConstantGradient {
    /// The notebook's values: Kingma & Ba's betas, [`super::CONSTANT_STEPS`] steps.
    pub fn lesson() -> ConstantGradient {
        let d = Adam::defaults(Convention::Paper);
        ConstantGradient {
            beta1: d.beta1,
            beta2: d.beta2,
            steps: super::CONSTANT_STEPS,
        }
    }

    /// Adam's moments, step by step, beside $1-\beta^t$.
    pub fn table(&self) -> Result<Table> {
        let opt = Adam {
            beta1: self.beta1,
            beta2: self.beta2,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        check_steps(self.steps, super::MAX_TABLE_STEPS)?;
        let tr = run_to_completion(&opt, Slope::new(1.0), array![0.0].view(), self.steps)?;
        let mut t = Table::new(
            format!(
                "Adam's moments for a constant gradient g = 1 (β₁ = {}, β₂ = {})",
                opt.beta1, opt.beta2
            ),
            &["t", "m", "1 − β₁ᵗ", "m̂", "v", "1 − β₂ᵗ", "v̂"],
        );
        for row in tr.rows.iter().skip(1) {
            let r = step_record(row)?;
            t.push(vec![
                row.t.into(),
                r.m[0].into(),
                (1.0 - pow_int(opt.beta1, row.t)).into(),
                r.m_hat[0].into(),
                r.v[0].into(),
                (1.0 - pow_int(opt.beta2, row.t)).into(),
                r.v_hat[0].into(),
            ]);
        }
        Ok(t)
    }
}
