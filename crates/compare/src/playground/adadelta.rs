//! The playground of notebook 06 (Adadelta): Zeiler's Adadelta (ρ = 0.95,
//! ε = 1e-6, no learning rate) against Adagrad at the race's η = 0.4 on the
//! reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adagrad, own_j, quadratic};
use crate::lab::{Adadelta, Convention, Lab};

/// Adadelta (ρ = 0.95, ε = 1e-6) and Adagrad at learning rate `lr`.
fn pair(lab: Lab, lr: f64) -> Lab {
    lab.with(
        "Adadelta",
        Adadelta {
            rho: 0.95,
            eps: 1e-6,
            ..Adadelta::defaults(Convention::Paper)
        },
    )
    .with(format!("Adagrad η = {lr}"), adagrad(lr))
}

/// The playground's lab: Adadelta (ρ = 0.95, ε = 1e-6) and Adagrad (η = 0.4)
/// on [`crate::Problem::Quadratic`] from $(-5, -2)$, 500 steps (Adadelta's
/// first steps are about √ε long: it needs many).
pub fn lab() -> Lab {
    pair(quadratic(500), 0.4)
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 200 steps: Adadelta (ρ = 0.95, ε = 1e-6) and Adagrad (η = 0.5).
pub fn own() -> Lab {
    pair(own_j(200), 0.5)
}
