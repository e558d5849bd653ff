//! Checked exercises of `notebooks/09-nadam.ipynb`: the student computes a number
//! by hand and passes it to [`Exercise::check`], which says right, or which typical
//! slip it is. Every answer and every slip is computed here from the library's own
//! schedule and runs (never typed); `tests/exercises.rs` proves each checker.

use crate::Nadam;
use adam::Adam;
use ndarray::array;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{run_to_completion, Convention, Optimizer, Slope};

/// torch's $\mu_1$ with its defaults (β₁ = 0.9, ψ = 0.004).
pub fn mu_1() -> Exercise {
    let torch = Nadam::defaults(Convention::Pytorch);
    let (b1, psi) = (torch.beta1, torch.momentum_decay);
    let answer = torch.mu_at(1);
    // ψ forgotten in the exponent: 0.96^t.
    let no_psi = b1 * (1.0 - 0.5 * libm::pow(0.96, 1.0));
    // The ½ forgotten: β₁(1 − 0.96^(tψ)).
    let no_half = b1 * (1.0 - libm::pow(0.96, psi));
    Exercise::new(
        format!(
            "torch's $\\mu_1 = \\beta_1\\left(1 - \\tfrac12\\, 0.96^{{t\\psi}}\\right)$ at $t = 1$, with $\\beta_1 = {b1}$, $\\psi = {psi}$"
        ),
        answer,
    )
    .near_miss(
        no_psi,
        "the exponent is tψ = 0.004, not t = 1: 0.96^0.004 is just below 1, so μ₁ is just above β₁/2",
    )
    .near_miss(
        no_half,
        "the ½ is missing: μₜ = β₁(1 − ½·0.96^(tψ))",
    )
    .near_miss(
        b1,
        "that is Ruder's constant μ = β₁; torch's schedule starts near β₁/2",
    )
}

/// The hyperparameters of [`first_step_ruder`]: η = 0.1, β₁ = 0.9, β₂ = 0.999,
/// ε = 1e-8, in Ruder's form.
pub fn first_step_nadam() -> Nadam {
    Nadam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Nadam::defaults(Convention::Paper)
    }
}

/// The gradient of [`first_step_ruder`].
pub const SLOPE: f64 = 1.0;

/// The first step $\theta_1 - \theta_0$ of NAdam in Ruder's form for $g_1 = 1$.
pub fn first_step_ruder() -> Result<Exercise> {
    fn step<O: Optimizer>(opt: &O) -> Result<f64> {
        let tr = run_to_completion(opt, Slope::new(SLOPE), array![0.0].view(), 1)?;
        Ok(tr.rows[1].theta[0] - tr.rows[0].theta[0])
    }
    let opt = first_step_nadam().validated()?;
    let answer = step(&opt)?;
    let adam = step(
        &Adam {
            lr: opt.lr,
            beta1: opt.beta1,
            beta2: opt.beta2,
            eps: opt.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?,
    )?;
    let (lr, b1, g) = (opt.lr, opt.beta1, SLOPE);
    // m̂₁ left uncorrected (m₁ = (1 − β₁)g in place of m̂₁ = g); d = |g| as v̂₁ = g².
    let m_uncorrected =
        -lr / (g.abs() + opt.eps) * (b1 * (1.0 - b1) * g + (1.0 - b1) * g / (1.0 - b1));
    Ok(Exercise::new(
        "the first step $\\theta_1 - \\theta_0$ of NAdam in Ruder's form for $g_1 = 1$ ($\\eta = 0.1$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$)",
        answer,
    )
    .near_miss(
        adam,
        "that is Adam's first step −η: NAdam's numerator β₁m̂₁ + (1 − β₁)g₁/(1 − β₁) adds the look-ahead term",
    )
    .near_miss(
        m_uncorrected,
        "m̂₁ = m₁/(1 − β₁) = g₁: the momentum term needs the bias-corrected m̂₁, not m₁",
    )
    .near_miss(
        -answer,
        "the sign is wrong: with g₁ = 1 > 0 the step goes down",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![mu_1(), first_step_ruder()?])
}
