//! The playground of notebook 12 (after NAdam): AdaMax, AMSGrad and AdamW
//! against Adam, all at η = 0.1 and the paper's forms, on the reference quadratic
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same four on a student's own
//! $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adam, own_j, quadratic};
use crate::lab::*;

/// The four runs, η = 0.1 each: AdaMax and AMSGrad with their defaults,
/// AdamW with the paper's λ = 0.01 per step (the notebook's rule), Adam.
fn four(lab: Lab) -> Lab {
    lab.with(
        "AdaMax",
        Adamax {
            lr: 0.1,
            ..Adamax::defaults(Convention::Paper)
        },
    )
    .with(
        "AMSGrad",
        Amsgrad {
            lr: 0.1,
            ..Amsgrad::defaults(Convention::Paper)
        },
    )
    .with(
        "AdamW λ = 0.01",
        AdamW {
            lr: 0.1,
            weight_decay: 0.01,
            ..AdamW::defaults(Convention::Paper)
        },
    )
    .with("Adam", adam(0.1))
}

/// AdaMax, AMSGrad, AdamW and Adam on [`Problem::Quadratic`] from $(-5, -2)$,
/// 100 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    four(quadratic(100))
}

/// The same four on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$,
/// 60 steps: the notebook's own-$J$ cell.
pub fn own() -> Lab {
    four(own_j(60))
}
