//! The playground of notebook 02 (gradient descent): plain GD at the lesson's
//! η = 0.4 against a too-small η = 0.1 on the post's quadratic
//! $0.1x^2 + 2y^2$ from $(-5, -2)$, and the same two kinds of step on a
//! student's own $J(x, y) = x^2 + 10y^2$ written as closures.
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_gd.rs` pins their runs.

use crate::lab::{Convention, FnObjective, Lab, Problem, Sgd};

/// Plain GD with learning rate `lr` (the paper's form: no momentum, no decay).
fn gd(lr: f64) -> Sgd {
    Sgd {
        lr,
        ..Sgd::defaults(Convention::Paper)
    }
}

/// The playground's lab: GD with η = 0.4 (the notebook's rule) and η = 0.1 on
/// [`Problem::Quadratic`] from $(-5, -2)$, 100 steps. Above $\eta = 2/4 = 0.5$
/// GD diverges along $y$.
pub fn lab() -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with("GD η = 0.4", gd(0.4))
        .with("GD η = 0.1", gd(0.1))
}

/// The own-$J$ lab: $J(x, y) = x^2 + 10y^2$ and its gradient $(2x, 20y)$ as
/// closures ([`FnObjective::new`]), GD with η = 0.09 (just under
/// $2/\lambda_{\max} = 0.1$, so $y$ flips sign every step) and η = 0.05 (which
/// zeroes $y$ in one step), from $(3, 1)$, 60 steps.
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
        .with("GD η = 0.09", gd(0.09))
        .with("GD η = 0.05", gd(0.05))
}
