//! The playground of notebook 09 (NAdam): NAdam in Ruder's form against Adam,
//! both at η = 0.1, on the reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$,
//! and the same two on a student's own $J(x, y) = x^2 + 10y^2$ written as
//! closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adam, own_j, quadratic};
use crate::lab::{Convention, Lab, Nadam};

/// NAdam (Ruder's form) against Adam, both at η = 0.1.
fn pair(lab: Lab) -> Lab {
    lab.with(
        "NAdam",
        Nadam {
            lr: 0.1,
            ..Nadam::defaults(Convention::Paper)
        },
    )
    .with("Adam", adam(0.1))
}

/// NAdam (Ruder's form, η = 0.1) against Adam (η = 0.1) on
/// [`crate::Problem::Quadratic`] from $(-5, -2)$, 100 steps: the notebook's
/// playground cell.
pub fn lab() -> Lab {
    pair(quadratic(100))
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$,
/// 60 steps: the notebook's own-$J$ cell.
pub fn own() -> Lab {
    pair(own_j(60))
}
