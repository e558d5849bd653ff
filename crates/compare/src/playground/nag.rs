//! The playground of notebook 04 (NAG): NAG against momentum at the
//! notebook's η = 0.1 and the post's γ = 0.9 on $0.1x^2 + 2y^2$ from
//! $(-5, -2)$ (the oscillation study's quadratic), and the same two on a
//! student's own $J$ and $\nabla J$.

use crate::lab::*;

/// NAG against momentum (both η = 0.1, γ = 0.9) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, 100 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with(
            "NAG",
            Nag {
                lr: 0.1,
                momentum: 0.9,
                ..Nag::defaults(Convention::Paper)
            },
        )
        .with(
            "momentum",
            Momentum {
                lr: 0.1,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60
/// steps, η = 0.05, γ = 0.9: the notebook's own-$J$ cell.
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
            "NAG",
            Nag {
                lr: 0.05,
                momentum: 0.9,
                ..Nag::defaults(Convention::Paper)
            },
        )
        .with(
            "momentum",
            Momentum {
                lr: 0.05,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
}
