//! The playground of notebook 05 (Adagrad): the reference case's Adagrad
//! (η = 0.4, ε = 0.1, the post's form) against plain GD at the same η on the
//! post's quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_adagrad.rs` pins their runs.

use crate::lab::{Adagrad, Convention, FnObjective, Lab, Problem, Sgd};

/// The playground's lab: Adagrad (η = 0.4, ε = 0.1) and GD (η = 0.4) on
/// [`Problem::Quadratic`] from $(-5, -2)$, 100 steps.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with(
            "Adagrad",
            Adagrad {
                lr: 0.4,
                eps: 0.1,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
        )
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 60 steps: Adagrad (η = 0.5, ε = 1e-8) and GD (η = 0.05).
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
            "Adagrad",
            Adagrad {
                lr: 0.5,
                eps: 1e-8,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 0.05,
                ..Sgd::defaults(Convention::Paper)
            },
        )
}
