//! The playground of notebook 08 (Adam): Adam at the lesson's η = 0.1 against
//! the same Adam without bias correction on the post's quadratic
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and Adam against GD on a student's own
//! $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_adam.rs` pins their runs.

use crate::lab::*;

/// Adam (η = 0.1, Kingma & Ba's β₁, β₂, ε) with and without bias correction on
/// [`Problem::Quadratic`] from $(-5, -2)$, 100 steps: the notebook's
/// playground cell.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with(
            "Adam",
            Adam {
                lr: 0.1,
                ..Adam::defaults(Convention::Paper)
            },
        )
        .with(
            "Adam, no bias correction",
            Adam {
                lr: 0.1,
                bias_correction: false,
                ..Adam::defaults(Convention::Paper)
            },
        )
}

/// Adam (η = 0.1) against GD (η = 0.09, just under $2/\lambda_{\max} = 0.1$) on
/// $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60 steps: the
/// notebook's own-$J$ cell.
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
            "Adam",
            Adam {
                lr: 0.1,
                ..Adam::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 0.09,
                ..Sgd::defaults(Convention::Paper)
            },
        )
}
