//! The playground of notebook 13 (learning-rate schedules): SGD (torch's form,
//! η₀ = 0.4) at a constant rate against the same SGD under cosine annealing
//! over the whole run, on the reference quadratic $0.1x^2 + 2y^2$ from
//! $(-5, -2)$, and the same two on a student's own $J(x, y) = x^2 + 10y^2$
//! written as closures. A [`Scheduled`] optimizer is an optimizer, so the lab
//! takes it as it takes the method alone.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{own_j, quadratic};
use crate::lab::*;

/// SGD (`pytorch`) at η₀ = `lr`, constant and under cosine annealing to 0 over
/// `steps` steps.
fn pair(lab: Lab, lr: f64, steps: usize) -> Lab {
    let sgd = Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    };
    lab.with("SGD, constant", sgd).with(
        format!("SGD, cosine T = {steps}"),
        Scheduled {
            optimizer: sgd,
            schedule: CosineAnnealingLR {
                t_max: steps,
                eta_min: 0.0,
            },
        },
    )
}

/// SGD at η₀ = 0.4, constant and under cosine annealing to 0 over the 100
/// steps, on [`Problem::Quadratic`] from $(-5, -2)$: the notebook's
/// playground cell.
pub fn lab() -> Lab {
    pair(quadratic(100), 0.4, 100)
}

/// SGD at η₀ = 0.09 (just under $2/\lambda_{\max} = 0.1$), constant and under
/// cosine annealing over the 60 steps, on $J = x^2 + 10y^2$ given as closures,
/// from $(3, 1)$: the notebook's own-$J$ cell.
pub fn own() -> Lab {
    pair(own_j(60), 0.09, 60)
}
