//! # The playgrounds' starting labs
//!
//! Each section notebook (and notebook 10) ends with a playground: a
//! [`crate::lab::Lab`] written out in the cell, every knob at hand. The lab a
//! notebook stores is the one a function here returns, so its numbers are the
//! ones this crate's snapshots pin: the notebook check holds the cell's lab to
//! it (`format!("{lab:?}")`, every knob to the last digit).
//!
//! One file per notebook; the pieces most of them share (the post's
//! quadratic, the student's own $J = x^2 + 10y^2$, the methods at a given rate)
//! are written once here. `tests/playground_labs.rs` runs and pins every lab.

use crate::lab::{Adagrad, Adam, Convention, FnObjective, Lab, Momentum, Problem, Sgd};

pub mod adadelta;
pub mod adagrad;
pub mod adam;
pub mod after_nadam;
pub mod batching;
pub mod comparison;
pub mod gd;
pub mod momentum;
pub mod nadam;
pub mod nag;
pub mod rmsprop;
pub mod schedules;

/// The reference quadratic $0.1x^2 + 2y^2$ ([`Problem::Quadratic`]) from
/// $(-5, -2)$, `steps` steps, no runs yet: where every playground but notebook
/// 10's starts.
fn quadratic(steps: usize) -> Lab {
    Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(steps)
}

/// A student's own $J(x, y) = x^2 + 10y^2$ and its gradient $(2x, 20y)$ as
/// closures ([`FnObjective::new`]), from $(3, 1)$, `steps` steps, no runs yet:
/// the own-$J$ lab of every playground but notebook 01's.
fn own_j(steps: usize) -> Lab {
    let own = FnObjective::new(
        "x² + 10y²",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 20.0 * p[1];
        },
    );
    Lab::on(own).start([3.0, 1.0]).steps(steps)
}

/// Plain GD with learning rate `lr` (the paper's form: no momentum, no decay).
fn gd(lr: f64) -> Sgd {
    Sgd {
        lr,
        ..Sgd::defaults(Convention::Paper)
    }
}

/// Plain GD at each of `rates`, labelled "GD η = …".
fn gd_at(lab: Lab, rates: &[f64]) -> Lab {
    rates
        .iter()
        .fold(lab, |lab, &lr| lab.with(format!("GD η = {lr}"), gd(lr)))
}

/// Polyak's momentum (the paper's form) with learning rate `lr` and γ =
/// `gamma`.
fn momentum(lr: f64, gamma: f64) -> Momentum {
    Momentum {
        lr,
        momentum: gamma,
        ..Momentum::defaults(Convention::Paper)
    }
}

/// Adagrad (the paper's form, ε = 1e-8) with learning rate `lr`.
fn adagrad(lr: f64) -> Adagrad {
    Adagrad {
        lr,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// Adam (Kingma & Ba's β₁, β₂, ε, bias correction) with learning rate `lr`.
fn adam(lr: f64) -> Adam {
    Adam {
        lr,
        ..Adam::defaults(Convention::Paper)
    }
}
