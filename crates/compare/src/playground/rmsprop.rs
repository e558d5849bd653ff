//! The playground of notebook 07 (RMSprop): the notebook's RMSprop (η = 0.1,
//! ρ = 0.9, ε = 1e-8, Ruder's form) against Adagrad at the same η and ε on the
//! reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adagrad, own_j, quadratic};
use crate::lab::{Convention, Lab, Rmsprop};

/// RMSprop (ρ = 0.9, ε = 1e-8, Ruder's form) with learning rate `lr` against
/// Adagrad (ε = 1e-8) at `adagrad_lr`.
fn pair(lab: Lab, lr: f64, adagrad_lr: f64) -> Lab {
    lab.with(
        "RMSprop",
        Rmsprop {
            lr,
            rho: 0.9,
            eps: 1e-8,
            ..Rmsprop::defaults(Convention::Paper)
        },
    )
    .with("Adagrad", adagrad(adagrad_lr))
}

/// The playground's lab: RMSprop (η = 0.1, ρ = 0.9) and Adagrad (η = 0.1), both
/// ε = 1e-8, on [`crate::Problem::Quadratic`] from $(-5, -2)$, 200 steps.
pub fn lab() -> Lab {
    pair(quadratic(200), 0.1, 0.1)
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 60 steps: RMSprop (η = 0.05, ρ = 0.9) and Adagrad (η = 0.5).
pub fn own() -> Lab {
    pair(own_j(60), 0.05, 0.5)
}
