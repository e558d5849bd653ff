//! The playground of notebook 07 (RMSprop): the notebook's RMSprop (η = 0.1,
//! ρ = 0.9, ε = 1e-8, Hinton's form) against Adagrad at the same η and ε on the
//! post's quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_rmsprop.rs` pins their runs.

use crate::lab::{Adagrad, Convention, FnObjective, Lab, Problem, Rmsprop};

/// The playground's lab: RMSprop (η = 0.1, ρ = 0.9) and Adagrad (η = 0.1), both
/// ε = 1e-8, on [`Problem::Quadratic`] from $(-5, -2)$, 200 steps.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(200)
        .with(
            "RMSprop",
            Rmsprop {
                lr: 0.1,
                rho: 0.9,
                eps: 1e-8,
                ..Rmsprop::defaults(Convention::Paper)
            },
        )
        .with(
            "Adagrad",
            Adagrad {
                lr: 0.1,
                eps: 1e-8,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 60 steps: RMSprop (η = 0.05, ρ = 0.9) and Adagrad (η = 0.5).
pub fn own() -> Lab {
    let own = FnObjective::new(
        "x² + 10y²",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 20.0 * p[1];
        },
    );
    Lab::on(own)
        .start([3.0, 1.0])
        .steps(60)
        .with(
            "RMSprop",
            Rmsprop {
                lr: 0.05,
                rho: 0.9,
                eps: 1e-8,
                ..Rmsprop::defaults(Convention::Paper)
            },
        )
        .with(
            "Adagrad",
            Adagrad {
                lr: 0.5,
                eps: 1e-8,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
}
