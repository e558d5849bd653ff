//! Checked exercises of `notebooks/08-adam.ipynb`: the student computes a number
//! by hand and passes it to [`Exercise::check`], which says right, or which typical
//! slip it is. Every answer and every slip is computed here from the library's own
//! pieces and runs (never typed); `tests/exercises.rs` proves each checker.

use crate::Adam;
use ndarray::array;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::pieces::{bias_correction, decay, pow_int};
use optcore::{run_to_completion, Convention, Optimizer, Slope};

/// The gradients and β₁ of [`m_hat_2`].
pub const G1: f64 = 2.0;
pub const G2: f64 = 1.0;
pub const BETA1: f64 = 0.9;

/// $\hat m_2$ for $g_1 = 2$, $g_2 = 1$, β₁ = 0.9.
pub fn m_hat_2() -> Exercise {
    let m2 = decay(decay(0.0, G1, BETA1), G2, BETA1);
    let answer = m2 / bias_correction(pow_int(BETA1, 2));
    // Corrected with 1 − β₁ (the t = 1 factor) at t = 2.
    let wrong_power = m2 / bias_correction(pow_int(BETA1, 1));
    // (1 − β₁) forgotten in the average, then corrected.
    let no_one_minus = (BETA1 * G1 + G2) / bias_correction(pow_int(BETA1, 2));
    Exercise::new(
        format!(
            "$\\hat m_2$ for $g_1 = {G1}$, $g_2 = {G2}$, $\\beta_1 = {BETA1}$ (from $m_0 = 0$)"
        ),
        answer,
    )
    .near_miss(
        m2,
        "that is m₂ itself: the bias correction divides it by 1 − β₁² = 0.19",
    )
    .near_miss(
        wrong_power,
        "at t = 2 the correction is 1 − β₁² (β₁ᵗ with t = 2), not 1 − β₁",
    )
    .near_miss(
        no_one_minus,
        "the new gradient needs the weight 1 − β₁: mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ",
    )
}

/// η, β₁, β₂, ε and the constant gradient of [`uncorrected_first_step`].
pub fn first_step_adam(bias_correction: bool) -> Adam {
    Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        bias_correction,
        ..Adam::defaults(Convention::Paper)
    }
}

/// The gradient of [`uncorrected_first_step`].
pub const SLOPE: f64 = 1.0;

/// Adam's first step $\theta_1 - \theta_0$ without bias correction, for $g_1 = 1$
/// (η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8).
pub fn uncorrected_first_step() -> Result<Exercise> {
    let step = |opt: &Adam| -> Result<f64> {
        let tr = run_to_completion(opt, Slope::new(SLOPE), array![0.0].view(), 1)?;
        Ok(tr.rows[1].theta[0] - tr.rows[0].theta[0])
    };
    let opt = first_step_adam(false).validated()?;
    let answer = step(&opt)?;
    let corrected = step(&first_step_adam(true).validated()?)?;
    let (b1, b2, g) = (opt.beta1, opt.beta2, SLOPE);
    let m1 = decay(0.0, g, b1);
    let v1 = (1.0 - b2) * g * g;
    // Only m corrected: η·m̂₁/√v₁.
    let only_m = -opt.lr * (m1 / bias_correction(b1)) / (v1.sqrt() + opt.eps);
    // Only v corrected: η·m₁/√v̂₁.
    let only_v = -opt.lr * m1 / ((v1 / bias_correction(b2)).sqrt() + opt.eps);
    Ok(Exercise::new(
        "Adam's first step $\\theta_1 - \\theta_0$ *without* bias correction, for $g_1 = 1$ ($\\eta = 0.1$, $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$)",
        answer,
    )
    .near_miss(
        corrected,
        "that is the corrected step (−η·sign g); without the correction it is −η(1 − β₁)/√(1 − β₂)",
    )
    .near_miss(
        only_m,
        "you corrected m₁ but not v₁: without correction, neither is divided",
    )
    .near_miss(
        only_v,
        "you corrected v₁ but not m₁: without correction, neither is divided",
    )
    .near_miss(
        -answer,
        "the sign is wrong: with g₁ = 1 > 0 the step goes down",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![m_hat_2(), uncorrected_first_step()?])
}
