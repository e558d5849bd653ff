//! The playground of notebook 13 (learning-rate schedules): SGD (torch's form,
//! η₀ = 0.4) at a constant rate against the same SGD under cosine annealing
//! over the whole run, on the post's quadratic $0.1x^2 + 2y^2$ from
//! $(-5, -2)$, and the same two on a student's own $J(x, y) = x^2 + 10y^2$
//! written as closures. A [`Scheduled`] optimizer is an optimizer, so the lab
//! takes it as it takes the method alone.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_schedules.rs` pins their runs.

use crate::lab::*;

/// SGD (`pytorch`) with rate `lr`.
fn sgd(lr: f64) -> Sgd {
    Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    }
}

/// SGD at η₀ = 0.4, constant and under cosine annealing to 0 over the 100
/// steps, on [`Problem::Quadratic`] from $(-5, -2)$: the notebook's
/// playground cell.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with("SGD, constant", sgd(0.4))
        .with(
            "SGD, cosine T = 100",
            Scheduled {
                optimizer: sgd(0.4),
                schedule: CosineAnnealingLR {
                    t_max: 100,
                    eta_min: 0.0,
                },
            },
        )
}

/// SGD at η₀ = 0.09 (just under $2/\lambda_{\max} = 0.1$), constant and under
/// cosine annealing over the 60 steps, on $J = x^2 + 10y^2$ given as closures,
/// from $(3, 1)$: the notebook's own-$J$ cell.
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
        .with("SGD, constant", sgd(0.09))
        .with(
            "SGD, cosine T = 60",
            Scheduled {
                optimizer: sgd(0.09),
                schedule: CosineAnnealingLR {
                    t_max: 60,
                    eta_min: 0.0,
                },
            },
        )
}
