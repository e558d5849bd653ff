//! The checked exercise of `notebooks/12-after-nadam.ipynb` for AdaMax: the
//! answer and every slip are computed here from the library's own run (never
//! typed); `tests/exercises.rs` proves the checker.

use crate::Adamax;
use ndarray::array;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{run_to_completion, Convention, Optimizer, Slope};

/// The slope of [`first_step`]: $g_t = 3$ every step.
pub const SLOPE: f64 = 3.0;

/// AdaMax (paper, its defaults) on a constant gradient $g = 3$: the second step
/// $\theta_2 - \theta_1$.
pub fn first_step() -> Result<Exercise> {
    let opt = Adamax::defaults(Convention::Paper).validated()?;
    let tr = run_to_completion(&opt, Slope::new(SLOPE), array![0.0].view(), 2)?;
    let answer = tr.rows[2].theta[0] - tr.rows[1].theta[0];
    let (lr, b1) = (opt.lr, opt.beta1);
    // m₂ = (1 − β₁²)g, u₂ = |g|: without the bias correction the step is −η(1 − β₁²).
    let uncorrected = -lr * (1.0 - b1 * b1);
    // the correction of step 1, 1 − β₁, in place of 1 − β₁².
    let wrong_t = -lr * (1.0 - b1 * b1) / (1.0 - b1);
    Ok(Exercise::new(
        format!(
            "AdaMax (Kingma & Ba's Algorithm 2, $\\eta = {}$, $\\beta_1 = {}$, $\\beta_2 = {}$) on a constant \
             gradient $g_t = {SLOPE}$: the second step $\\theta_2 - \\theta_1$.",
            opt.lr, opt.beta1, opt.beta2
        ),
        answer,
    )
    .near_miss(
        uncorrected,
        "the bias correction is missing: divide by 1 − β₁² (m₂ = (1 − β₁²)g)",
    )
    .near_miss(
        wrong_t,
        "the bias correction of step 2 is 1 − β₁², not 1 − β₁",
    )
    .near_miss(-answer, "the sign: θ moves against the gradient"))
}

/// Every exercise of the notebook for AdaMax, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![first_step()?])
}
