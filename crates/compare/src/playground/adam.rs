//! The playground of notebook 08 (Adam): Adam at the lesson's η = 0.1 against
//! the same Adam without bias correction on the reference quadratic
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and Adam against GD on a student's own
//! $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adam, gd, own_j, quadratic};
use crate::lab::{Adam, Lab};

/// Adam (η = 0.1, Kingma & Ba's β₁, β₂, ε) with and without bias correction on
/// [`crate::Problem::Quadratic`] from $(-5, -2)$, 100 steps: the notebook's
/// playground cell.
pub fn lab() -> Lab {
    quadratic(100).with("Adam", adam(0.1)).with(
        "Adam, no bias correction",
        Adam {
            bias_correction: false,
            ..adam(0.1)
        },
    )
}

/// Adam (η = 0.1) against GD (η = 0.09, just under $2/\lambda_{\max} = 0.1$) on
/// $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60 steps: the
/// notebook's own-$J$ cell.
pub fn own() -> Lab {
    own_j(60).with("Adam", adam(0.1)).with("GD", gd(0.09))
}
