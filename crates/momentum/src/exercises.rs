//! Checked exercises for the Momentum notebook: the student computes a number by
//! hand and passes it to the checker, which says right, or which slip it was.
//! Every answer and every near miss is computed here by the library itself
//! (the optimizer run on the exercise's numbers), never typed.

use crate::Momentum;
use ndarray::{array, Array1};
use optcore::exercise::Exercise;
use optcore::render::fmt_short;
use optcore::{run, Convention, Optimizer, Quadratic, Result};

/// η of the exercises.
pub const ETA: f64 = 0.1;
/// γ of the exercises (the post's 0.9).
pub const GAMMA: f64 = 0.9;
/// The gradients ∇J at steps 1, 2, 3 of [`v3`] (one parameter).
pub const GRADS: [f64; 3] = [2.0, 1.0, -1.0];

fn momentum(lr: f64, gamma: f64) -> Result<Momentum> {
    Momentum {
        lr,
        momentum: gamma,
        ..Momentum::defaults(Convention::Paper)
    }
    .validated()
}

/// The velocity after feeding `grads` to momentum with this η and γ (plain form).
fn velocity(lr: f64, gamma: f64, grads: &[f64]) -> Result<f64> {
    let opt = momentum(lr, gamma)?;
    let mut theta = Array1::zeros(1);
    let mut s = opt.init(theta.view());
    for &g in grads {
        opt.update(&mut s, theta.view_mut(), array![g].view())?;
    }
    Ok(s.velocity[0])
}

/// v₃ for three given gradients.
pub fn v3() -> Result<Exercise> {
    let [g1, g2, g3] = GRADS;
    let answer = velocity(ETA, GAMMA, &GRADS)?;
    Ok(Exercise::new(
        format!(
            "Momentum (the post's form) on one parameter with η = {}, γ = {}, v₀ = 0, and gradients ∇J = {}, {}, {} at steps 1, 2, 3. What is v₃?",
            fmt_short(ETA), fmt_short(GAMMA), fmt_short(g1), fmt_short(g2), fmt_short(g3)
        ),
        answer,
    )
    .near_miss(
        velocity(1.0, GAMMA, &GRADS)?,
        "η is missing: the post's v adds η∇J, not ∇J (that sum is torch's buffer b; v = η·b)",
    )
    .near_miss(
        velocity(ETA * (1.0 - GAMMA), GAMMA, &GRADS)?,
        "off by a factor 1 − γ: momentum adds η∇J itself, not (1 − γ)η∇J as a decaying average (Adam's m) would",
    )
    .near_miss(
        GAMMA * answer,
        "γᵗ where γᵗ⁻¹ belongs: in v₃ = g₃ + γg₂ + γ²g₁ the newest gradient has weight γ⁰ = 1",
    )
    .near_miss(
        velocity(ETA, GAMMA, &GRADS[1..])?,
        "g₁ is missing: v₃ still holds γ²g₁ (old gradients fade, they do not drop out)",
    ))
}

/// θ₀ of [`theta2`].
pub const THETA0: f64 = 1.0;

fn theta2_of(coeff: f64, lr: f64, gamma: f64) -> Result<f64> {
    let tr = run(
        &momentum(lr, gamma)?,
        Quadratic::new(&[coeff]),
        array![THETA0].view(),
        2,
    )?;
    tr.completed()?;
    Ok(tr.rows[2].theta[0])
}

/// θ₂ of momentum on J(θ) = θ².
pub fn theta2() -> Result<Exercise> {
    let tr = run(
        &momentum(ETA, GAMMA)?,
        Quadratic::new(&[1.0]),
        array![THETA0].view(),
        2,
    )?;
    tr.completed()?;
    let answer = tr.rows[2].theta[0];
    let v2 = optcore::measure::step_record(&tr.rows[2])?.velocity[0];
    Ok(Exercise::new(
        format!(
            "Momentum (the post's form) on J(θ) = θ² from θ₀ = {}, with η = {}, γ = {}, v₀ = 0. What is θ₂ (after two steps)?",
            fmt_short(THETA0), fmt_short(ETA), fmt_short(GAMMA)
        ),
        answer,
    )
    .near_miss(
        theta2_of(1.0, ETA, 0.0)?,
        "that is plain GD's θ₂: the second step also carries γv₁",
    )
    .near_miss(
        tr.rows[1].theta[0] + v2,
        "the wrong sign: θ moves by −v, against the gradient",
    )
    .near_miss(
        theta2_of(0.5, ETA, GAMMA)?,
        "the gradient of θ² is 2θ, not θ",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![v3()?, theta2()?])
}
