//! Checked exercises of the Adadelta notebook: each answer is computed by the
//! crate's own [`Adadelta`] (through [`Optimizer::update`]) or
//! [`newton_direction`], and so is each typical slip, by the same computation
//! with the slip made.
//!
//! ```
//! use adadelta::exercises;
//! assert!(exercises::eg2_after_two()?.check(0.46).is_right());
//! # Ok::<(), optcore::Error>(())
//! ```

#[cfg(feature = "newton")]
use crate::newton::newton_direction;
use crate::{Adadelta, AdadeltaState};
use ndarray::{array, Array1};
use optcore::exercise::Exercise;
use optcore::{Convention, Optimizer, Result};

/// γ (ρ) and the gradients of [`eg2_after_two`].
pub const EG2_GAMMA: f64 = 0.9;
pub const EG2_GRADS: [f64; 2] = [2.0, 1.0];
/// The gradient of [`first_step`] (ρ = 0.95, ε = 1e-6, the values of Zeiler's experiments).
pub const FIRST_GRAD: f64 = -8.0;
/// [`newton_step`]: $J = \tfrac h2\theta^2$ at θ.
pub const NEWTON_H: f64 = 4.0;
pub const NEWTON_THETA: f64 = 3.0;

/// Runs `opt` on one parameter from θ = 0 with the given gradients (the plain
/// form [`Optimizer::update`]) and returns the state after the last one.
pub fn state_after(opt: &Adadelta, grads: &[f64]) -> Result<AdadeltaState> {
    let opt = opt.validated()?;
    let mut theta = Array1::zeros(1);
    let mut s = opt.init(theta.view());
    for &g in grads {
        opt.update(&mut s, theta.view_mut(), array![g].view())?;
    }
    Ok(s)
}

fn paper(rho: f64) -> Adadelta {
    Adadelta {
        rho,
        ..Adadelta::defaults(Convention::Paper)
    }
}

/// $E\[g^2\]_2$ for γ = 0.9 and $g_1 = 2$, $g_2 = 1$, from $E\[g^2\]_0 = 0$.
pub fn eg2_after_two() -> Result<Exercise> {
    let right = state_after(&paper(EG2_GAMMA), &EG2_GRADS)?.avg_sq_grad[0];
    let [g1, g2] = EG2_GRADS;
    // The slips, written as the same recursion with one thing changed.
    let no_one_minus = EG2_GAMMA * (g1 * g1) + g2 * g2;
    let swapped = state_after(&paper(1.0 - EG2_GAMMA), &EG2_GRADS)?.avg_sq_grad[0];
    let unsquared = EG2_GAMMA * ((1.0 - EG2_GAMMA) * g1) + (1.0 - EG2_GAMMA) * g2;
    Ok(Exercise::new(
        "E[g²]₂ for γ = 0.9, g₁ = 2, g₂ = 1, starting from E[g²]₀ = 0",
        right,
    )
    .near_miss(
        no_one_minus,
        "off by a factor of 1 − γ: the new g² enters with weight (1 − γ), E[g²]ₜ = γE[g²]ₜ₋₁ + (1 − γ)gₜ²",
    )
    .near_miss(
        swapped,
        "γ and 1 − γ swapped: the old average keeps weight γ = 0.9, the new g² gets 1 − γ = 0.1",
    )
    .near_miss(unsquared, "the gradients are not squared: E[g²] averages g², not g"))
}

/// The first Adadelta step $\Delta\theta_1$ for $g_1 = -8$ with the values of Zeiler's experiments
/// (ρ = 0.95, ε = 1e-6), from $E\[g^2\]_0 = E\[\Delta\theta^2\]_0 = 0$.
pub fn first_step() -> Result<Exercise> {
    let opt = Adadelta::defaults(Convention::Paper);
    let right = state_after(&opt, &[FIRST_GRAD])?.update[0];
    let eps = opt.eps;
    // E[g²]₁ taken as g₁² (a sum, Adagrad's G) instead of (1 − ρ)g₁².
    let sum_not_average = -(eps.sqrt() / (FIRST_GRAD * FIRST_GRAD + eps).sqrt()) * FIRST_GRAD;
    // η = 1 in the numerator in place of RMS[Δθ]₀.
    let rate_one = state_after(&opt, &[FIRST_GRAD])?.rms_grad[0];
    let rate_one = -(1.0 / rate_one) * FIRST_GRAD;
    Ok(Exercise::new(
        "Δθ₁ of Adadelta for g₁ = −8 with ρ = 0.95, ε = 1e-6 (E[g²]₀ = E[Δθ²]₀ = 0)",
        right,
    )
    .near_miss(
        sum_not_average,
        "E[g²]₁ = (1 − ρ)g₁², not g₁²: a decaying average from 0, not Adagrad's sum",
    )
    .near_miss(
        rate_one,
        "the numerator is RMS[Δθ]₀ = √(0 + ε) = √ε, not 1: Adadelta has no η",
    )
    .near_miss(
        -right,
        "the wrong sign: Δθ = −(RMS[Δθ]ₜ₋₁/RMS[g]ₜ)·gₜ goes against g",
    ))
}

/// Newton's step $\Delta\theta = -H^{-1}g$ on $J = \tfrac h2\theta^2$ (h = 4) at θ = 3.
#[cfg(feature = "newton")]
pub fn newton_step() -> Result<Exercise> {
    let h = nalgebra::DMatrix::from_element(1, 1, NEWTON_H);
    let g = NEWTON_H * NEWTON_THETA;
    let right = newton_direction(&h, array![g].view(), 1)?[0];
    let times_h = -(g * NEWTON_H);
    Ok(Exercise::new(
        "Newton's Δθ = −H⁻¹g on J = (h/2)θ² with h = 4, at θ = 3",
        right,
    )
    .near_miss(
        -g,
        "that is −g, a gradient step with η = 1: Newton divides g by H = h",
    )
    .near_miss(
        times_h,
        "−H·g multiplies by the curvature; Newton divides by it (H⁻¹)",
    )
    .near_miss(
        -right,
        "the wrong sign: Newton's step goes against the gradient",
    ))
}

/// Every exercise of the notebook, in order.
#[cfg(feature = "newton")]
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![eg2_after_two()?, first_step()?, newton_step()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_near_misses_and_distinctness() {
        for ex in all().unwrap() {
            ex.self_check().unwrap();
            assert!(ex.near_misses.len() >= 3, "{}", ex.prompt);
        }
    }

    #[test]
    fn answers_agree_with_the_equations() {
        // The post's formulas on the same numbers, independent of the update.
        let e = eg2_after_two().unwrap().answer[0];
        assert!((e - (0.9 * 0.1 * 4.0 + 0.1 * 1.0)).abs() < 1e-15);
        let d = first_step().unwrap().answer[0];
        let want = -((1e-6f64).sqrt() / (0.05 * 64.0 + 1e-6f64).sqrt()) * -8.0;
        assert!((d - want).abs() < 1e-15, "{d} vs {want}");
        assert_eq!(newton_step().unwrap().answer, vec![-3.0]);
    }
}
