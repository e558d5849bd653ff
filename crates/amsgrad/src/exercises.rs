//! The checked exercise of `notebooks/12-after-nadam.ipynb` for AMSGrad: the
//! answer and every slip are computed here from the library's own runs (never
//! typed); `tests/exercises.rs` proves the checker.

use crate::Amsgrad;
use ndarray::array;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{run_to_completion, Convention, Optimizer, Slope};

/// The hyperparameters of [`first_step`]: η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 0.
pub fn first_step_amsgrad(convention: Convention) -> Amsgrad {
    Amsgrad {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 0.0,
        ..Amsgrad::defaults(convention)
    }
}

/// The constant gradient of [`first_step`].
pub const SLOPE: f64 = 1.0;

fn step(opt: &Amsgrad) -> Result<f64> {
    let tr = run_to_completion(opt, Slope::new(SLOPE), array![0.0].view(), 1)?;
    Ok(tr.rows[1].theta[0] - tr.rows[0].theta[0])
}

/// The first step of AMSGrad as Ruder writes it (no bias correction), $g_1 = 1$.
pub fn first_step() -> Result<Exercise> {
    let opt = first_step_amsgrad(Convention::Paper).validated()?;
    let answer = step(&opt)?;
    let torch = step(&first_step_amsgrad(Convention::Pytorch).validated()?)?;
    Ok(Exercise::new(
        format!(
            "AMSGrad as Ruder writes it ($\\eta = {}$, $\\beta_1 = {}$, $\\beta_2 = {}$, $\\epsilon = 0$), one \
             parameter with $g_1 = {SLOPE}$: the first step $\\theta_1 - \\theta_0$.",
            opt.lr, opt.beta1, opt.beta2
        ),
        answer,
    )
    .near_miss(
        torch,
        "that is torch's (and Adam's) step −η with the bias corrections; Ruder's AMSGrad has none: m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²",
    )
    .near_miss(
        -opt.lr * (1.0 - opt.beta1) / (1.0 - opt.beta2),
        "the root is missing: divide by √v̂₁ = √(1 − β₂)·|g|",
    )
    .near_miss(-answer, "the sign: θ moves against the gradient"))
}

/// Every exercise of the notebook for AMSGrad, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![first_step()?])
}
