//! Worked examples: every table and figure of `notebooks/04-nag.ipynb`, one
//! module per part of the notebook. Each function computes its numbers; the
//! notebook shows the value, a snapshot test pins its text (figures: the series
//! and arrows they draw).
//!
//! Inputs, fixed here once: the reference quadratic $0.1x^2 + 2y^2$ from (−5, −2)
//! with η = 0.1 and the post's γ = 0.9 ([`MomentumVsNag::quadratic`]), and Rosenbrock
//! from (−1.5, 2) with η = 0.001, γ = 0.9 ([`MomentumVsNag::rosenbrock`]). Each
//! experiment is a struct of its knobs with `lesson()` at the notebook's values.
//!
//! | part of the notebook | module |
//! |---|---|
//! | Two forms, one method | [`two_forms`] |
//! | The post's two figures, from real vectors | [`one_step`] |
//! | A NAG run, lookahead recorded | [`lookahead`] |
//! | torch's `nesterov=True`: the same method, shifted variables | [`nesterov`] |
//! | Less oscillation near the minimum | [`less_oscillation`] |

use crate::{Nag, NagRecord};
use momentum::examples::post_momentum;
use momentum::MomentumRecord;
use ndarray::{array, Array1, ArrayView1};
use optcore::error::check_lesson_steps;
use optcore::linalg::distance;
use optcore::{
    reference_start, run, Convention, Objective, Optimizer, Quadratic, Result, Rosenbrock, Trace,
};

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

pub use momentum::examples::{MAX_LESSON_STEPS, POST_GAMMA};

/// The problem of a [`MomentumVsNag`] comparison: a long valley, each with its
/// minimum θ* and its valley floor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Surface {
    /// $0.1x^2 + 2y^2$, θ* = (0, 0), floor $y = 0$.
    Quadratic,
    /// Rosenbrock $(1 - x)^2 + 100(y - x^2)^2$, θ* = (1, 1), floor $y = x^2$.
    Rosenbrock,
}

impl Surface {
    /// The name tables and titles use.
    pub fn name(self) -> &'static str {
        match self {
            Surface::Quadratic => "0.1x² + 2y²",
            Surface::Rosenbrock => "Rosenbrock",
        }
    }
    /// The objective.
    pub fn objective(self) -> Box<dyn Objective> {
        match self {
            Surface::Quadratic => Box::new(Quadratic::reference()),
            Surface::Rosenbrock => Box::new(Rosenbrock::default()),
        }
    }
    /// The minimiser θ*.
    pub fn minimum(self) -> Array1<f64> {
        match self {
            Surface::Quadratic => array![0.0, 0.0],
            Surface::Rosenbrock => array![1.0, 1.0],
        }
    }
    /// The "valley floor" residual whose sign changes are oscillations across the
    /// valley: $y$ for the quadratic, $y - x^2$ for Rosenbrock.
    pub fn across(self, t: ArrayView1<f64>) -> f64 {
        match self {
            Surface::Quadratic => t[1],
            Surface::Rosenbrock => t[1] - t[0] * t[0],
        }
    }
    /// The valley floor as an equation.
    pub fn floor(self) -> &'static str {
        match self {
            Surface::Quadratic => "y = 0",
            Surface::Rosenbrock => "y = x²",
        }
    }
}

/// The setting of one momentum-vs-NAG comparison: a problem, a start, η, γ, a
/// number of steps, where the table reads the distance and how much the figure draws.
#[derive(Clone, Debug, PartialEq)]
pub struct MomentumVsNag {
    /// The problem: [`Surface::Quadratic`] or [`Surface::Rosenbrock`].
    pub problem: Surface,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// The learning rate η of both methods: a finite number > 0.
    pub lr: f64,
    /// γ of both methods, in \[0, 1).
    pub gamma: f64,
    /// Steps of each run: from 1 to [`momentum::examples::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// Steps at which the table reports the distance to θ* ("—" past the run).
    pub report_at: [usize; 3],
    /// Steps drawn in the path figure: 1 or more (at most the run's).
    pub drawn: usize,
}

impl MomentumVsNag {
    /// $0.1x^2 + 2y^2$ from (−5, −2), η = 0.1, γ = 0.9, 100 steps.
    pub fn quadratic() -> MomentumVsNag {
        let s = reference_start();
        MomentumVsNag {
            problem: Surface::Quadratic,
            start: [s[0], s[1]],
            lr: 0.1,
            gamma: POST_GAMMA,
            steps: 100,
            report_at: [10, 30, 100],
            drawn: 40,
        }
    }

    /// Rosenbrock from (−1.5, 2), η = 0.001, γ = 0.9, 1000 steps.
    pub fn rosenbrock() -> MomentumVsNag {
        MomentumVsNag {
            problem: Surface::Rosenbrock,
            start: [-1.5, 2.0],
            lr: 1e-3,
            gamma: POST_GAMMA,
            steps: 1000,
            report_at: [100, 500, 1000],
            drawn: 1000,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_lesson_steps("steps", self.steps)?;
        post_nag(self.lr, self.gamma)?;
        post_momentum(self.lr, self.gamma)?;
        if self.drawn == 0 {
            return Err(optcore::Error::Hyperparameter {
                name: "drawn",
                value: 0.0,
                accepts: "a whole number ≥ 1",
            });
        }
        Ok(())
    }

    /// Momentum (the post's form) with this η and γ.
    pub fn momentum(&self) -> Result<Trace<MomentumRecord>> {
        self.validate()?;
        run(
            &post_momentum(self.lr, self.gamma)?,
            self.problem.objective().as_ref(),
            ArrayView1::from(&self.start[..]),
            self.steps,
        )
    }
    /// NAG (the post's form) with this η and γ.
    pub fn nag(&self) -> Result<Trace<NagRecord>> {
        self.validate()?;
        run(
            &post_nag(self.lr, self.gamma)?,
            self.problem.objective().as_ref(),
            ArrayView1::from(&self.start[..]),
            self.steps,
        )
    }
    /// $\\|\theta - \theta^\*\\|$.
    pub fn distance(&self, theta: ArrayView1<f64>) -> f64 {
        distance(theta, self.problem.minimum().view())
    }
}

/// The post's NAG (paper form) with η = `lr` and γ = `gamma`, validated: a typed
/// error names `lr` (must be > 0) or `momentum` (γ, in \[0, 1)).
pub fn post_nag(lr: f64, gamma: f64) -> Result<Nag> {
    Nag {
        lr,
        momentum: gamma,
        ..Nag::defaults(Convention::Paper)
    }
    .validated()
}
