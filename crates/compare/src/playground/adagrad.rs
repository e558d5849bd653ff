//! The playground of notebook 05 (Adagrad): the reference case's Adagrad
//! (η = 0.4, ε = 0.1, the post's form) against plain GD at the same η on the
//! reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adagrad, gd, own_j, quadratic};
use crate::lab::{Adagrad, Lab};

/// Adagrad with learning rate `lr` and ε = `eps` against GD at `gd_lr`.
fn pair(lab: Lab, lr: f64, eps: f64, gd_lr: f64) -> Lab {
    lab.with("Adagrad", Adagrad { eps, ..adagrad(lr) })
        .with("GD", gd(gd_lr))
}

/// The playground's lab: Adagrad (η = 0.4, ε = 0.1) and GD (η = 0.4) on
/// [`crate::Problem::Quadratic`] from $(-5, -2)$, 100 steps.
pub fn lab() -> Lab {
    pair(quadratic(100), 0.4, 0.1, 0.4)
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 60 steps: Adagrad (η = 0.5, ε = 1e-8) and GD (η = 0.05).
pub fn own() -> Lab {
    pair(own_j(60), 0.5, 1e-8, 0.05)
}
