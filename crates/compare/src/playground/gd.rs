//! The playground of notebook 02 (gradient descent): plain GD at the lesson's
//! η = 0.4 against a too-small η = 0.1 on the reference quadratic
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two kinds of step on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{gd_at, own_j, quadratic};
use crate::lab::Lab;

/// The playground's lab: GD with η = 0.4 (the notebook's rule) and η = 0.1 on
/// [`crate::Problem::Quadratic`] from $(-5, -2)$, 100 steps. Above
/// $\eta = 2/4 = 0.5$ GD diverges along $y$.
pub fn lab() -> Lab {
    gd_at(quadratic(100), &[0.4, 0.1])
}

/// The own-$J$ lab: $J(x, y) = x^2 + 10y^2$ and its gradient $(2x, 20y)$ as
/// closures ([`crate::lab::FnObjective::new`]), GD with η = 0.09 (just under
/// $2/\lambda_{\max} = 0.1$, so $y$ flips sign every step) and η = 0.05 (which
/// zeroes $y$ in one step), from $(3, 1)$, 60 steps.
pub fn own() -> Lab {
    gd_at(own_j(60), &[0.09, 0.05])
}
