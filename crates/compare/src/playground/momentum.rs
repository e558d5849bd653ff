//! The playground of notebook 03 (momentum): the post's momentum (γ = 0.9)
//! against plain GD at the same η = 0.1 on the notebook's valley
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two on a student's own $J$
//! and $\nabla J$.

use super::{gd, momentum, own_j, quadratic};
use crate::lab::Lab;

/// Momentum (γ = 0.9) against GD, both at learning rate `lr`.
fn pair(lab: Lab, lr: f64) -> Lab {
    lab.with("momentum γ = 0.9", momentum(lr, 0.9))
        .with("GD", gd(lr))
}

/// Momentum (η = 0.1, γ = 0.9) against GD (η = 0.1) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, 100 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    pair(quadratic(100), 0.1)
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60
/// steps, η = 0.01 (small enough that GD crawls along x): the notebook's
/// own-$J$ cell.
pub fn own() -> Lab {
    pair(own_j(60), 0.01)
}
