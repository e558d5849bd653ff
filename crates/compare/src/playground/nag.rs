//! The playground of notebook 04 (NAG): NAG against momentum at the
//! notebook's η = 0.1 and the post's γ = 0.9 on $0.1x^2 + 2y^2$ from
//! $(-5, -2)$ (the oscillation study's quadratic), and the same two on a
//! student's own $J$ and $\nabla J$.

use super::{momentum, own_j, quadratic};
use crate::lab::{Convention, Lab, Nag};

/// NAG against momentum, both at learning rate `lr` and γ = 0.9.
fn pair(lab: Lab, lr: f64) -> Lab {
    lab.with(
        "NAG",
        Nag {
            lr,
            momentum: 0.9,
            ..Nag::defaults(Convention::Paper)
        },
    )
    .with("momentum", momentum(lr, 0.9))
}

/// NAG against momentum (both η = 0.1, γ = 0.9) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, 100 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    pair(quadratic(100), 0.1)
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$, 60
/// steps, η = 0.05, γ = 0.9: the notebook's own-$J$ cell.
pub fn own() -> Lab {
    pair(own_j(60), 0.05)
}
