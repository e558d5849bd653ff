//! The playground of notebook 10 (comparing the methods): Adam against
//! Momentum on Beale at the race's rates ([`crate::Race::lesson`]: η = 0.05
//! for the step-size family, 10⁻³ for the step-direction family), and the same
//! two on a student's own $J$ and $\nabla J$.

use super::{adam, momentum, own_j};
use crate::lab::{Lab, Problem};

/// Adam with learning rate `adam_lr` against Momentum (γ = 0.9) at
/// `momentum_lr`.
fn pair(lab: Lab, adam_lr: f64, momentum_lr: f64) -> Lab {
    lab.with("Adam", adam(adam_lr))
        .with("Momentum", momentum(momentum_lr, 0.9))
}

/// Adam (η = 0.05) against Momentum (η = 10⁻³, γ = 0.9) on Beale from
/// $(1, 1.5)$, 2000 steps: the notebook's playground cell.
pub fn lab() -> Lab {
    let beale = Lab::new(Problem::Beale).start([1.0, 1.5]).steps(2000);
    pair(beale, 0.05, 1e-3)
}

/// The same two on $J = x^2 + 10y^2$ given as closures, from $(3, 1)$,
/// 60 steps, Adam at η = 0.1 and Momentum at η = 0.05: the notebook's own-$J$
/// cell.
pub fn own() -> Lab {
    pair(own_j(60), 0.1, 0.05)
}
