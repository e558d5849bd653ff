//! Checked exercises of `notebooks/07-rmsprop.ipynb`: the student computes a
//! number by hand and passes it to [`Exercise::check`], which says right, or
//! which typical slip it is. Every answer and every slip is computed here from the
//! library's own pieces (never typed); `tests/exercises.rs` proves each checker.

use crate::examples::library_run;
use crate::Rmsprop;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::pieces::{decay_sq, rms};
use optcore::{reference_start, Convention, Objective, Quadratic};

/// The gradients and ρ of [`avg_sq_grad_2`].
pub const G1: f64 = 2.0;
pub const G2: f64 = 1.0;
pub const RHO: f64 = 0.9;

/// $E\[g^2\]_2$ for $g_1 = 2$, $g_2 = 1$, ρ = 0.9, from $E\[g^2\]_0 = 0$.
pub fn avg_sq_grad_2() -> Exercise {
    let e1 = decay_sq(0.0, G1, RHO);
    let answer = decay_sq(e1, G2, RHO);
    // (1 − ρ) forgotten: E ← ρE + g².
    let no_one_minus = RHO * (RHO * 0.0 + G1 * G1) + G2 * G2;
    // ρ and 1 − ρ swapped: E ← (1 − ρ)E + ρg².
    let swapped = decay_sq(decay_sq(0.0, G1, 1.0 - RHO), G2, 1.0 - RHO);
    // The plain mean of the last two squares (a window, not a decaying average).
    let window = (G1 * G1 + G2 * G2) / 2.0;
    Exercise::new(
        format!(
            "$E[g^2]_2$ for $g_1 = {G1}$, $g_2 = {G2}$, $\\rho = {RHO}$, starting from $E[g^2]_0 = 0$"
        ),
        answer,
    )
    .near_miss(
        no_one_minus,
        "the new square needs the weight 1 − ρ: E[g²]ₜ = ρE[g²]ₜ₋₁ + (1 − ρ)gₜ², not ρE[g²]ₜ₋₁ + gₜ²",
    )
    .near_miss(
        swapped,
        "ρ and 1 − ρ are swapped: ρ = 0.9 weighs the old average, 1 − ρ = 0.1 the new square",
    )
    .near_miss(
        window,
        "that is the plain mean of the last two squares; RMSprop keeps a decaying average started at 0",
    )
}

/// The first step $\Delta x_1 = x_1 - x_0$ of the notebook's run (paper form, η = 0.1,
/// ρ = 0.9, ε = 1e-8) on $0.1x^2 + 2y^2$ from $x_0 = -5$.
pub fn first_step_x() -> Result<Exercise> {
    let tr = library_run()?;
    let answer = tr.rows[1].theta[0] - tr.rows[0].theta[0];
    let opt = Rmsprop {
        lr: 0.1,
        rho: 0.9,
        eps: 1e-8,
        ..Rmsprop::defaults(Convention::Paper)
    };
    let g = Quadratic::reference().gradient(reference_start().view())[0];
    // E[g²]₁ taken as g₁² (the (1 − ρ) of the first step forgotten): a step of η.
    let no_one_minus = -opt.lr * g / rms(g * g, opt.eps);
    // The root forgotten: divide by E[g²]₁ itself.
    let no_root = -opt.lr * g / (decay_sq(0.0, g, opt.rho) + opt.eps);
    Ok(Exercise::new(
        "the first step $\\Delta x_1 = x_1 - x_0$ of RMSprop ($\\eta = 0.1$, $\\rho = 0.9$, $\\epsilon = 10^{-8}$) on $0.1x^2 + 2y^2$ from $(-5, -2)$",
        answer,
    )
    .near_miss(
        no_one_minus,
        "E[g²]₁ = (1 − ρ)g₁² (the average starts at 0), not g₁²: the first step is η/√(1 − ρ), about 3.16η",
    )
    .near_miss(
        no_root,
        "the root is missing: divide by √(E[g²]₁ + ε), not by E[g²]₁",
    )
    .near_miss(
        -answer,
        "the sign is wrong: g₁ = 0.2·(−5) = −1 < 0, so x moves up, against the gradient",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![avg_sq_grad_2(), first_step_x()?])
}
