//! Worked examples: every table and figure of `notebooks/04-nag.ipynb`, one
//! module per part of the notebook. Each function computes its numbers; the
//! notebook shows the value, a snapshot test pins its text (figures: the series
//! and arrows they draw).
//!
//! Inputs, fixed here once: the reference quadratic $0.1x^2 + 2y^2$ from (−5, −2)
//! with η = 0.1 and the post's γ = 0.9 ([`quadratic_setup`]), and Rosenbrock from
//! (−1.5, 2) with η = 0.001, γ = 0.9 ([`rosenbrock_setup`]).
//!
//! | part of the notebook | module |
//! |---|---|
//! | Two forms, one method | [`two_forms`] |
//! | The post's two figures, from real vectors | [`one_step`] |
//! | A NAG run, lookahead recorded | [`lookahead`] |
//! | torch's `nesterov=True`: the same method, shifted variables | [`nesterov`] |
//! | Less oscillation near the minimum | [`less_oscillation`] |

use crate::{Nag, NagRecord};
use momentum::{Momentum, MomentumRecord};
use ndarray::{array, Array1, ArrayView1};
use optcore::linalg::distance;
use optcore::{reference_start, run, Convention, Objective, Quadratic, Result, Rosenbrock, Trace};

pub mod less_oscillation;
pub mod lookahead;
pub mod nesterov;
pub mod one_step;
pub mod two_forms;

pub use less_oscillation::*;
pub use lookahead::*;
pub use nesterov::*;
pub use one_step::*;
pub use two_forms::*;

pub use momentum::examples::POST_GAMMA;

/// The setting of one momentum-vs-NAG comparison: a problem, a start, η, γ and
/// a number of steps.
pub struct MomentumVsNag {
    pub name: &'static str,
    pub objective: Box<dyn Objective>,
    pub start: Array1<f64>,
    pub lr: f64,
    pub gamma: f64,
    pub steps: usize,
    /// The minimiser θ*.
    pub minimum: Array1<f64>,
    /// The "valley floor" residual whose sign changes are oscillations across the
    /// valley: $y$ for the quadratic, $y - x^2$ for Rosenbrock.
    pub across: fn(ArrayView1<f64>) -> f64,
    /// Steps at which the tables report the distance to θ*.
    pub report_at: [usize; 3],
}

/// $0.1x^2 + 2y^2$ from (−5, −2), η = 0.1, γ = 0.9, 100 steps.
pub fn quadratic_setup() -> MomentumVsNag {
    MomentumVsNag {
        name: "0.1x² + 2y²",
        objective: Box::new(Quadratic::reference()),
        start: reference_start(),
        lr: 0.1,
        gamma: POST_GAMMA,
        steps: 100,
        minimum: array![0.0, 0.0],
        across: |t| t[1],
        report_at: [10, 30, 100],
    }
}

/// Rosenbrock from (−1.5, 2), η = 0.001, γ = 0.9, 1000 steps.
pub fn rosenbrock_setup() -> MomentumVsNag {
    MomentumVsNag {
        name: "Rosenbrock",
        objective: Box::new(Rosenbrock::default()),
        start: array![-1.5, 2.0],
        lr: 1e-3,
        gamma: POST_GAMMA,
        steps: 1000,
        minimum: array![1.0, 1.0],
        across: |t| t[1] - t[0] * t[0],
        report_at: [100, 500, 1000],
    }
}

impl MomentumVsNag {
    /// Momentum (the post's form) with this η and γ.
    pub fn momentum(&self) -> Result<Trace<MomentumRecord>> {
        run(
            &Momentum {
                lr: self.lr,
                momentum: self.gamma,
                ..Momentum::defaults(Convention::Paper)
            },
            self.objective.as_ref(),
            self.start.view(),
            self.steps,
        )
    }
    /// NAG (the post's form) with this η and γ.
    pub fn nag(&self) -> Result<Trace<NagRecord>> {
        run(
            &Nag {
                lr: self.lr,
                momentum: self.gamma,
                ..Nag::defaults(Convention::Paper)
            },
            self.objective.as_ref(),
            self.start.view(),
            self.steps,
        )
    }
    /// $\\|\theta - \theta^\*\\|$.
    pub fn distance(&self, theta: ArrayView1<f64>) -> f64 {
        distance(theta, self.minimum.view())
    }
}
