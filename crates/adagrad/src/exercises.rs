//! Checked exercises of the Adagrad notebook: each answer is computed by the
//! crate's own [`Adagrad`] (through [`Optimizer::update`]), and so is each
//! typical slip, by the same update with the slip made.
//!
//! ```
//! use adagrad::exercises;
//! assert!(exercises::g_after_three()?.check(14.0).is_right());
//! # Ok::<(), optcore::Error>(())
//! ```

use crate::{Adagrad, AdagradState};
use ndarray::{array, Array1};
use optcore::exercise::Exercise;
use optcore::{Convention, Optimizer, Result};

/// The three gradients of one parameter in [`g_after_three`] and [`rate_after_three`].
pub const GRADS: [f64; 3] = [2.0, -1.0, 3.0];
/// η and ε of [`rate_after_three`].
pub const RATE_LR: f64 = 0.5;
pub const RATE_EPS: f64 = 0.1;
/// The sparse parameter of [`first_rare_step`]: `ZERO_STEPS` zero gradients, then `RARE_GRAD`.
pub const ZERO_STEPS: usize = 50;
pub const RARE_GRAD: f64 = -4.0;
/// η and ε of [`first_rare_step`] (those of the notebook's sparse example).
pub const SPARSE_LR: f64 = 0.5;
pub const SPARSE_EPS: f64 = 1e-8;

/// Runs `opt` on one parameter from θ = 0 with the given gradients (the plain
/// form [`Optimizer::update`]) and returns the state after the last one.
pub fn state_after(opt: &Adagrad, grads: &[f64]) -> Result<AdagradState> {
    let opt = opt.validated()?;
    let mut theta = Array1::zeros(1);
    let mut s = opt.init(theta.view());
    for &g in grads {
        opt.update(&mut s, theta.view_mut(), array![g].view())?;
    }
    Ok(s)
}

fn paper(lr: f64, eps: f64) -> Adagrad {
    Adagrad {
        lr,
        eps,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// $G_{3}$ of one parameter whose gradients were 2, −1, 3.
pub fn g_after_three() -> Result<Exercise> {
    let g = GRADS;
    let right = state_after(&paper(RATE_LR, RATE_EPS), &g)?.sum_sq_grad[0];
    // The slips, each the same accumulation with one thing done wrongly.
    let unsquared: f64 = g.iter().sum();
    let summed_then_squared =
        state_after(&paper(RATE_LR, RATE_EPS), &[g.iter().sum()])?.sum_sq_grad[0];
    let last_only = state_after(&paper(RATE_LR, RATE_EPS), &g[2..])?.sum_sq_grad[0];
    Ok(Exercise::new(
        "G₃ = G₃,ᵢᵢ of one parameter whose gradients were g₁ = 2, g₂ = −1, g₃ = 3",
        right,
    )
    .near_miss(
        unsquared,
        "the gradients are added unsquared: G sums g², not g",
    )
    .near_miss(
        summed_then_squared,
        "(g₁ + g₂ + g₃)² squares the sum; G is the sum of the squares g₁² + g₂² + g₃²",
    )
    .near_miss(
        last_only,
        "only g₃² is counted: G keeps every past gradient (it is a sum, not the last one)",
    ))
}

/// The effective rate $\eta/\sqrt{G_3+\epsilon}$ after the three gradients of
/// [`g_after_three`], η = 0.5, ε = 0.1.
pub fn rate_after_three() -> Result<Exercise> {
    let right = state_after(&paper(RATE_LR, RATE_EPS), &GRADS)?.effective_lr[0];
    let torch = state_after(
        &Adagrad {
            convention: Convention::Pytorch,
            ..paper(RATE_LR, RATE_EPS)
        },
        &GRADS,
    )?
    .effective_lr[0];
    let big_g = state_after(&paper(RATE_LR, RATE_EPS), &GRADS)?.sum_sq_grad[0];
    let no_root = RATE_LR / (big_g + RATE_EPS);
    let eps_forgotten = state_after(&paper(RATE_LR, 0.0), &GRADS)?.effective_lr[0];
    Ok(Exercise::new(
        "the effective rate η/√(G₃ + ε) after g = 2, −1, 3, with η = 0.5 and ε = 0.1",
        right,
    )
    .near_miss(
        eps_forgotten,
        "ε forgotten: the post's rate is η/√(G + ε), with ε inside the root",
    )
    .near_miss(
        torch,
        "ε outside the root, η/(√G + ε): that is torch.optim.Adagrad's form, not the post's",
    )
    .near_miss(
        no_root,
        "the root is missing: divide η by √(G + ε), not by G + ε",
    ))
}

/// The first update $\Delta\theta$ of a parameter whose gradient was 0 for 50
/// steps and is then −4 (η = 0.5, ε = 1e-8, the sparse example's).
pub fn first_rare_step() -> Result<Exercise> {
    let opt = paper(SPARSE_LR, SPARSE_EPS);
    let mut grads = vec![0.0; ZERO_STEPS];
    grads.push(RARE_GRAD);
    let s = state_after(&opt, &grads)?;
    let right = s.update[0];
    let before = state_after(&opt, &grads[..ZERO_STEPS])?;
    // G before this step's g² is added: the rate η/√ε of the zero steps.
    let stale_rate = -(before.effective_lr[0] * RARE_GRAD);
    let plain_gd = -(SPARSE_LR * RARE_GRAD);
    Ok(Exercise::new(
        "Δθ of a parameter whose gradient was 0 for 50 steps and is now g = −4 (η = 0.5, ε = 1e-8)",
        right,
    )
    .near_miss(
        stale_rate,
        "the rate uses G before this step: Gₜ already includes gₜ², so the rate is η/√(g² + ε), not η/√ε",
    )
    .near_miss(-right, "the wrong sign: θ moves against the gradient, Δθ = −rate·g")
    .near_miss(
        plain_gd,
        "that is plain gradient descent's −η·g: Adagrad divides by √(G + ε)",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![
        g_after_three()?,
        rate_after_three()?,
        first_rare_step()?,
    ])
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
        // Independent of the update: the post's formulas on the same numbers.
        assert_eq!(g_after_three().unwrap().answer, vec![14.0]);
        let r = rate_after_three().unwrap().answer[0];
        assert!((r - 0.5 / (14.1f64).sqrt()).abs() < 1e-15);
        let d = first_rare_step().unwrap().answer[0];
        assert!((d - 0.5 * 4.0 / (16.0f64 + 1e-8).sqrt()).abs() < 1e-15);
    }
}
