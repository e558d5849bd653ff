//! The playground of notebook 10 (comparing the methods): Adam against
//! Momentum on Beale at the race's rates ([`crate::Race::lesson`]: η = 0.05
//! for the step-size family, 10⁻³ for the step-direction family), and the same
//! two on a student's own $J$ and $\nabla J$.

use crate::lab::*;

/// Adam (η = 0.05) against Momentum (η = 10⁻³, γ = 0.9) on Beale from
/// $(1, 1.5)$, 2000 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    Lab::new(Problem::Beale)
        .start([1.0, 1.5])
        .steps(2000)
        .with(
            "Adam",
            Adam {
                lr: 0.05,
                ..Adam::defaults(Convention::Paper)
            },
        )
        .with(
            "Momentum",
            Momentum {
                lr: 1e-3,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$,
/// 60 steps: the notebook's own-$J$ cell.
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
            "Momentum",
            Momentum {
                lr: 0.05,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
}
