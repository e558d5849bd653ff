//! The playground of notebook 06 (Adadelta): Zeiler's Adadelta (ρ = 0.95,
//! ε = 1e-6, no learning rate) against Adagrad at the race's η = 0.4 on the
//! post's quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_adadelta.rs` pins their runs.

use crate::lab::{Adadelta, Adagrad, Convention, FnObjective, Lab, Problem};

/// The playground's lab: Adadelta (ρ = 0.95, ε = 1e-6) and Adagrad (η = 0.4)
/// on [`Problem::Quadratic`] from $(-5, -2)$, 500 steps (Adadelta's first
/// steps are about √ε long: it needs many).
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(500)
        .with(
            "Adadelta",
            Adadelta {
                rho: 0.95,
                eps: 1e-6,
                ..Adadelta::defaults(Convention::Paper)
            },
        )
        .with(
            "Adagrad η = 0.4",
            Adagrad {
                lr: 0.4,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
}

/// The own-$J$ lab: $J = x^2 + 10y^2$ and its gradient as closures, from
/// $(3, 1)$, 200 steps: Adadelta (ρ = 0.95, ε = 1e-6) and Adagrad (η = 0.5).
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
        .steps(200)
        .with(
            "Adadelta",
            Adadelta {
                rho: 0.95,
                eps: 1e-6,
                ..Adadelta::defaults(Convention::Paper)
            },
        )
        .with(
            "Adagrad η = 0.5",
            Adagrad {
                lr: 0.5,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
}
