//! Checked exercises for the Momentum notebook: the student computes a number by
//! hand and passes it to the checker, which says right, or which slip it was.
//! Every answer and every near miss is computed here by the library itself
//! (the optimizer run on the exercise's numbers), never typed.

use crate::Momentum;
use ndarray::{array, Array1};
use optcore::exercise::Exercise;
use optcore::render::fmt_short;
use optcore::{run_to_completion, Convention, Optimizer, Quadratic, Result};

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
    let tr = run_to_completion(
        &momentum(lr, gamma)?,
        Quadratic::new(&[coeff]),
        array![THETA0].view(),
        2,
    )?;
    Ok(tr.rows[2].theta[0])
}

/// θ₂ of momentum on J(θ) = θ².
pub fn theta2() -> Result<Exercise> {
    let tr = run_to_completion(
        &momentum(ETA, GAMMA)?,
        Quadratic::new(&[1.0]),
        array![THETA0].view(),
        2,
    )?;
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

// ---- notebooks/11-momentum-dynamics.ipynb: momentum's dynamics (crate::dynamics) ----
// (with the `dynamics` feature, like the module)

/// ηλ of [`critical_gamma`].
#[cfg(feature = "dynamics")]
pub const CRITICAL_ETA_LAMBDA: f64 = 0.36;

/// The γ of critical damping for ηλ = 0.36.
#[cfg(feature = "dynamics")]
pub fn critical_gamma() -> Result<Exercise> {
    let el = CRITICAL_ETA_LAMBDA;
    let answer = crate::dynamics::critical_gamma(el)?;
    Ok(Exercise::new(
        format!(
            "Momentum on one eigendirection with ηλ = {}. For which γ is it critically damped (a double eigenvalue of R)?",
            fmt_short(el)
        ),
        answer,
    )
    .near_miss(
        answer.sqrt(),
        "that is √γ_c = 1 − √(ηλ), the double root's size: square it",
    )
    .near_miss(
        (1.0 - el) * (1.0 - el),
        "(1 − ηλ)² uses ηλ where √(ηλ) belongs: b² = 4γ with b = 1 + γ − ηλ gives √γ = 1 − √(ηλ)",
    ))
}

/// η, λ and γ of [`underdamped_radius`].
#[cfg(feature = "dynamics")]
pub const UNDERDAMPED: (f64, f64, f64) = (0.1, 4.0, 0.81);

/// The spectral radius of R when its eigenvalues are complex.
#[cfg(feature = "dynamics")]
pub fn underdamped_radius() -> Result<Exercise> {
    let (eta, lambda, gamma) = UNDERDAMPED;
    let answer = crate::dynamics::spectral_radius(eta, gamma, lambda)?;
    Ok(Exercise::new(
        format!(
            "Momentum with η = {}, γ = {} on a direction with λ = {} (underdamped: R's eigenvalues are complex). What is R's spectral radius, the factor the error shrinks by per step?",
            fmt_short(eta), fmt_short(gamma), fmt_short(lambda)
        ),
        answer,
    )
    .near_miss(
        gamma,
        "that is γ = det R = |μ|², the product of the two eigenvalues: |μ| is its square root",
    )
    .near_miss(
        (1.0 - eta * lambda).abs(),
        "|1 − ηλ| is gradient descent's factor (γ = 0); with momentum a complex pair has |μ| = √γ",
    )
    .near_miss(
        (1.0 + gamma - eta * lambda) / 2.0,
        "that is the real part b/2 of μ; the modulus also counts the imaginary part",
    ))
}

/// γ and λ of [`largest_lr`].
#[cfg(feature = "dynamics")]
pub const EDGE: (f64, f64) = (0.9, 4.0);

/// The largest η that still converges.
#[cfg(feature = "dynamics")]
pub fn largest_lr() -> Result<Exercise> {
    let (gamma, lambda) = EDGE;
    let answer = crate::dynamics::max_lr(gamma, lambda)?;
    Ok(Exercise::new(
        format!(
            "Momentum with γ = {} on a direction with λ = {}. Below which η does it converge (the supremum of the η that do)?",
            fmt_short(gamma), fmt_short(lambda)
        ),
        answer,
    )
    .near_miss(
        crate::dynamics::max_lr(0.0, lambda)?,
        "2/λ is plain gradient descent's edge; momentum's is ηλ < 2(1 + γ)",
    )
    .near_miss(
        answer / 2.0,
        "the factor 2 is missing: the edge is where R has the eigenvalue −1, ηλ = 2(1 + γ)",
    ))
}

/// Every exercise of the dynamics notebook, in order.
#[cfg(feature = "dynamics")]
pub fn dynamics_all() -> Result<Vec<Exercise>> {
    Ok(vec![
        critical_gamma()?,
        underdamped_radius()?,
        largest_lr()?,
    ])
}
