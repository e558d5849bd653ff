//! The checked exercise of `notebooks/12-after-nadam.ipynb` for AdamW: the answer
//! and every slip are computed here from the library's own records (never
//! typed); `tests/exercises.rs` proves the checker.

use crate::AdamW;
use ndarray::array;
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{run_to_completion, Convention, Optimizer, Slope};

/// θ₀ of [`torch_decay`].
pub const THETA0: f64 = 2.0;

/// torch.optim.AdamW with `lr = 0.1`, `weight_decay = 0.01`.
pub fn torch_decay_adamw() -> AdamW {
    AdamW {
        lr: 0.1,
        weight_decay: 0.01,
        ..AdamW::defaults(Convention::Pytorch)
    }
}

/// How much the decoupled decay alone takes off $\theta_0 = 2$ in torch's first
/// AdamW step (the record's `decay`).
pub fn torch_decay() -> Result<Exercise> {
    let opt = torch_decay_adamw().validated()?;
    let tr = run_to_completion(&opt, Slope::new(1.0), array![THETA0].view(), 1)?;
    let answer = tr.rows[1]
        .record
        .as_ref()
        .map(|r| r.decay[0])
        .unwrap_or(f64::NAN);
    Ok(Exercise::new(
        format!(
            "`torch.optim.AdamW(lr={}, weight_decay={})`, $\\theta_0 = {THETA0}$: how much does the weight \
             decay alone take off θ in the first step (the Adam part aside)?",
            opt.lr, opt.weight_decay
        ),
        answer,
    )
    .near_miss(
        opt.weight_decay * THETA0,
        "that is the paper's λθ; torch multiplies the decay by the learning rate: ηλθ",
    )
    .near_miss(
        THETA0 * (1.0 - opt.lr * opt.weight_decay),
        "that is θ after the decay, θ(1 − ηλ); the decay itself is what it took off",
    ))
}

/// Every exercise of the notebook for AdamW, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![torch_decay()?])
}
