//! The playground of notebook 03 (momentum): the post's momentum (γ = 0.9)
//! against plain GD at the same η = 0.1 on the notebook's valley
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a student's own $J$
//! and $\nabla J$.

use crate::lab::*;

/// Momentum (η = 0.1, γ = 0.9) against GD (η = 0.1) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, 100 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with(
            "momentum γ = 0.9",
            Momentum {
                lr: 0.1,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60
/// steps, η = 0.01 (small enough that GD crawls along x): the notebook's
/// own-$J$ cell.
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
            "momentum γ = 0.9",
            Momentum {
                lr: 0.01,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 0.01,
                ..Sgd::defaults(Convention::Paper)
            },
        )
}
