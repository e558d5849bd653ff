//! Checked exercises for the NAG notebook: the student computes a number by hand
//! and passes it to the checker, which says right, or which slip it was. Every
//! answer and every near miss is computed here by the library itself (the
//! optimizers run on the exercise's numbers), never typed.

use crate::Nag;
use momentum::Momentum;
use ndarray::{array, Array1};
use optcore::exercise::Exercise;
use optcore::render::fmt_short;
use optcore::{run_to_completion, Convention, Exact, Optimizer, Quadratic, Result};

/// η of the exercises.
pub const ETA: f64 = 0.1;
/// γ of the exercises (the post's 0.9).
pub const GAMMA: f64 = 0.9;
/// θ₀ of the exercises, on J(θ) = θ².
pub const THETA0: f64 = 1.0;

fn nag(convention: Convention) -> Result<Nag> {
    Nag {
        lr: ETA,
        momentum: GAMMA,
        ..Nag::defaults(convention)
    }
    .validated()
}

/// NAG (paper) on J = c·θ² from θ₀: θ after `steps` steps.
fn nag_theta(coeff: f64, convention: Convention, steps: usize) -> Result<Array1<f64>> {
    let tr = run_to_completion(
        &nag(convention)?,
        Quadratic::new(&[coeff]),
        array![THETA0].view(),
        steps,
    )?;
    Ok(tr.last().theta.clone())
}

/// Where NAG takes the gradient of its second step.
pub fn lookahead2() -> Result<Exercise> {
    let opt = nag(Convention::Paper)?;
    let mut theta = array![THETA0];
    let mut s = opt.init(theta.view());
    let mut oracle = Exact::new(Quadratic::new(&[1.0]));
    opt.step(&mut s, theta.view_mut(), &mut oracle)?;
    let answer = opt.lookahead(&s, theta.view())?;
    let (theta1, v1) = (theta[0], s.velocity[0]);
    Ok(Exercise::new(
        format!(
            "NAG (the post's form) on J(θ) = θ² from θ₀ = {}, with η = {}, γ = {}, v₀ = 0. After the first step, where does NAG take the gradient for the second step (the lookahead point)?",
            fmt_short(THETA0), fmt_short(ETA), fmt_short(GAMMA)
        ),
        answer,
    )
    .near_miss(theta1, "that is θ₁ itself, where momentum takes its gradient: NAG first moves by −γv₁")
    .near_miss(theta1 + GAMMA * v1, "the wrong sign: the momentum step carries θ to θ₁ − γv₁")
    .near_miss(theta1 - v1, "γ is missing: the lookahead moves by γv₁, not v₁"))
}

/// θ₂ of NAG on J(θ) = θ².
pub fn theta2() -> Result<Exercise> {
    let answer = nag_theta(1.0, Convention::Paper, 2)?;
    let momentum = run_to_completion(
        &Momentum {
            lr: ETA,
            momentum: GAMMA,
            ..Momentum::defaults(Convention::Paper)
        }
        .validated()?,
        Quadratic::new(&[1.0]),
        array![THETA0].view(),
        2,
    )?;
    Ok(Exercise::new(
        format!(
            "NAG (the post's form) on J(θ) = θ² from θ₀ = {}, with η = {}, γ = {}, v₀ = 0. What is θ₂ (after two steps)?",
            fmt_short(THETA0), fmt_short(ETA), fmt_short(GAMMA)
        ),
        answer,
    )
    .near_miss(
        momentum.last().theta.clone(),
        "that is momentum's θ₂: the gradient of step 2 belongs at the lookahead θ₁ − γv₁, not at θ₁",
    )
    .near_miss(
        nag_theta(1.0, Convention::Pytorch, 2)?,
        "that is torch's nesterov=True iterate, which is the post's lookahead point θ₂ − γv₂, not θ₂",
    )
    .near_miss(nag_theta(0.5, Convention::Paper, 2)?, "the gradient of θ² is 2θ, not θ"))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![lookahead2()?, theta2()?])
}
