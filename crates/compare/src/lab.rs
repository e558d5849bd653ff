//! # The lab: one small experiment API for every notebook
//!
//! A [`Lab`] is a problem, a start $\theta_0$, a number of steps and a list of
//! labelled optimizers; [`Lab::run`] runs each of them and returns [`Runs`],
//! which shows a table, a contour plot with the paths, a loss chart and an
//! animation:
//!
//! ```
//! use compare::lab::*;
//!
//! let runs = Lab::new(Problem::Beale)
//!     .start([1.0, 1.5])
//!     .steps(300)
//!     .with("GD", Sgd { lr: 1e-3, ..Sgd::defaults(Convention::Paper) })
//!     .with("Adam", Adam { lr: 0.05, ..Adam::defaults(Convention::Paper) })
//!     .run()?;
//! let table = runs.table();
//! assert_eq!(table.rows.len(), 2);
//! assert!(runs.get("Adam").unwrap().stop.is_none());
//! # Ok::<(), compare::lab::Error>(())
//! ```
//!
//! In a notebook cell, `runs.table()`, `runs.contour()?`, `runs.loss_chart()?`
//! or `runs.animation()?` as the cell's last expression shows it; `runs` alone
//! shows the table.
//!
//! **Problems.** A built-in [`Problem`] ([`Lab::new`]) comes with its start,
//! steps and view from [`Problem::setup`]; any other objective ([`Lab::on`]:
//! [`Saddle`], or a student's own $J$ and $\nabla J$ as an [`FnObjective`])
//! needs [`Lab::start`] and runs [`DEFAULT_STEPS`] steps unless told. A data
//! loss trained in mini-batches ([`Lab::minibatches`]: the iris classifier of
//! [`crate::iris::loss`], a batch size and a seed) starts at $\theta_0 = 0$.
//!
//! **Sliders.** [`Lab::sliders`] runs a lab for every combination of a few
//! knob values and builds a page fragment that switches between them without a
//! kernel ([`sliders`]).
//!
//! **Gradient check.** Before any step the objective's gradient is compared with
//! central finite differences at $\theta_0$ ([`gradient::check`]); a wrong one is
//! an [`Error::Gradient`] naming the coordinate, the expected and the found
//! value. Each run's path is checked again at $t = 1$, $\lfloor N/2 \rfloor$ and
//! its last row; a failure there stops that run at that row ("refused at
//! t = k"), keeping every row before it.
//!
//! **Divergence.** A run stops with "diverged at t = k" once
//! $J(\theta_t)$ exceeds the limit: a built-in problem's own
//! ([`crate::Setup::diverge_above`]), else [`DIVERGE_FACTOR`] ·
//! $\max(1, |J(\theta_0)|)$.
//!
//! **Bad knobs** are refused by [`Lab::run`] before anything runs, each as a
//! typed [`Error`] naming the knob, its value and what it accepts: steps 0 or
//! above [`optcore::MAX_TRACE_STEPS`], a start of the wrong dimension or not
//! finite (or never set), a threshold ≤ 0, no runs, two runs under one label, an
//! optimizer's hyperparameter outside its domain, a mini-batch lab's batch size
//! of 0 or above its data set.

pub mod frame;
pub mod gradient;
mod method;
mod minibatch;
mod runs;
pub mod sliders;

use std::rc::Rc;

use method::Method;
use minibatch::Sampled;
use optcore::error::{check_dim, check_finite_point, check_nonempty, check_positive, check_steps};
use optcore::{Exact, Objective, Oracle, RunOptions, MAX_TRACE_STEPS};

pub use crate::Problem;
pub use adadelta::Adadelta;
pub use adagrad::Adagrad;
pub use adam::Adam;
pub use adamax::Adamax;
pub use adamw::AdamW;
pub use amsgrad::Amsgrad;
pub use gd::Sgd;
pub use momentum::Momentum;
pub use nadam::Nadam;
pub use nag::Nag;
pub use optcore::ndarray::{ArrayView1, ArrayViewMut1};
pub use optcore::{Convention, Error, FnObjective, Optimizer, Result, Saddle};
pub use rmsprop::Rmsprop;
pub use runs::{LabRun, Runs, CONTOUR_LEVELS, CONTOUR_SIZE};
pub use schedule::{
    Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Schedule, Scheduled, StepLR,
};
pub use sliders::{Position, SliderWidget, Sliders};

/// Steps of a lab on an objective given by [`Lab::on`], unless [`Lab::steps`]
/// says otherwise.
pub const DEFAULT_STEPS: usize = 100;

/// The default threshold of the table's "first t: J < …" column.
pub const DEFAULT_THRESHOLD: f64 = 1e-3;

/// A run on an objective given by [`Lab::on`] is stopped as diverged once
/// $J(\theta_t) >$ this · $\max(1, |J(\theta_0)|)$.
pub const DIVERGE_FACTOR: f64 = 1e6;

/// An experiment under construction: every setter takes and returns the lab,
/// so a cell chains them; [`Lab::run`] checks them all. A `Lab` holds no
/// borrow: it can sit in a `let` across notebook cells and be cloned to try a
/// variant.
#[derive(Clone)]
pub struct Lab {
    objective: Rc<dyn Objective>,
    view: Option<((f64, f64), (f64, f64))>,
    start: Option<Vec<f64>>,
    steps: usize,
    threshold: f64,
    diverge_above: Option<f64>,
    methods: Vec<(String, Rc<dyn Method>)>,
    /// A mini-batch lab's batches ([`Lab::minibatches`]); `None`: exact gradients.
    sampled: Option<Rc<dyn Sampled>>,
}

impl Lab {
    /// A built-in problem with its start, steps, view and divergence limit
    /// ([`Problem::setup`]).
    pub fn new(problem: Problem) -> Lab {
        let s = problem.setup();
        Lab {
            objective: Rc::from(s.objective),
            view: Some((s.x_range, s.y_range)),
            start: Some(s.start.to_vec()),
            steps: s.steps,
            threshold: DEFAULT_THRESHOLD,
            diverge_above: Some(s.diverge_above),
            methods: Vec::new(),
            sampled: None,
        }
    }

    /// Any objective: [`Saddle`], or a student's own $J$ and $\nabla J$
    /// ([`FnObjective::new`]). Set its start with [`Lab::start`].
    pub fn on(objective: impl Objective + 'static) -> Lab {
        Lab::on_rc(Rc::new(objective))
    }

    fn on_rc(objective: Rc<dyn Objective>) -> Lab {
        Lab {
            objective,
            view: None,
            start: None,
            steps: DEFAULT_STEPS,
            threshold: DEFAULT_THRESHOLD,
            diverge_above: None,
            methods: Vec::new(),
            sampled: None,
        }
    }

    /// The start $\theta_0$ (`[1.0, 1.5]`, a `Vec`, …).
    pub fn start(mut self, theta0: impl Into<Vec<f64>>) -> Lab {
        self.start = Some(theta0.into());
        self
    }

    /// How many steps each run takes (1 to [`MAX_TRACE_STEPS`]).
    pub fn steps(mut self, n: usize) -> Lab {
        self.steps = n;
        self
    }

    /// The table's "first t: J < threshold" column (> 0; default
    /// [`DEFAULT_THRESHOLD`]).
    pub fn threshold(mut self, threshold: f64) -> Lab {
        self.threshold = threshold;
        self
    }

    /// One more run: `optimizer` under `label` (labels must differ).
    pub fn with(mut self, label: impl Into<String>, optimizer: impl Optimizer + 'static) -> Lab {
        self.methods.push((label.into(), Rc::new(optimizer)));
        self
    }

    /// Every knob checked, in the order the lab was written: steps, start,
    /// threshold, runs, labels, each optimizer's hyperparameters.
    pub fn check(&self) -> Result<&[f64]> {
        check_steps(self.steps, MAX_TRACE_STEPS)?;
        let start = self.start.as_deref().ok_or(Error::Empty {
            what: "the start θ₀ (set it with .start([x, y]))",
        })?;
        check_dim(
            "the start θ₀ against the problem's parameters",
            self.objective.dim(),
            start.len(),
        )?;
        check_finite_point("start", start)?;
        check_positive("threshold", self.threshold)?;
        if let Some(sampled) = &self.sampled {
            sampled.oracle()?;
        }
        check_nonempty(
            "the lab's list of runs (add one with .with(label, optimizer))",
            &self.methods,
        )?;
        for (i, (label, _)) in self.methods.iter().enumerate() {
            if self.methods[..i].iter().any(|(l, _)| l == label) {
                return Err(Error::DuplicateLabel {
                    label: label.clone(),
                });
            }
        }
        for (_, m) in &self.methods {
            m.validate()?;
        }
        Ok(start)
    }

    /// Runs every optimizer from the start: first [`Lab::check`] and the gradient
    /// check at $\theta_0$ (either refusal is the `Err`, before any step), then
    /// each run, in the order added. A run's own fault (divergence, a refused
    /// step, a gradient found wrong along its path) stops that run only, kept in
    /// its [`LabRun::stop`] after every row computed before it.
    pub fn run(&self) -> Result<Runs> {
        let start = self.check()?;
        let objective = self.objective.as_ref();
        gradient::check(objective, start)?;
        let j0 = objective.value(ndarray::ArrayView1::from(start));
        let limit = self
            .diverge_above
            .unwrap_or(DIVERGE_FACTOR * j0.abs().max(1.0));
        let options = RunOptions {
            steps: self.steps,
            diverge_above: Some(limit),
        };
        let mut runs = Vec::with_capacity(self.methods.len());
        for (label, m) in &self.methods {
            let mut oracle: Box<dyn Oracle + '_> = match &self.sampled {
                Some(sampled) => sampled.oracle()?,
                None => Box::new(Exact::new(objective)),
            };
            let rec = m.run(oracle.as_mut(), start, options)?;
            let mut run = LabRun {
                label: label.clone(),
                method: m.name(),
                hyperparameters: m.hyperparameters(),
                losses: rec.losses,
                points: rec.points,
                stop: rec.stop,
            };
            check_path(objective, &mut run, self.steps);
            runs.push(run);
        }
        Ok(Runs {
            objective: Rc::clone(&self.objective),
            view: self.view,
            start: start.to_vec(),
            steps: self.steps,
            threshold: self.threshold,
            runs,
        })
    }
}

/// The gradient check along a run at $t = 1$, $\lfloor N/2 \rfloor$ and its last
/// row (those it reached): the first failure cuts the run at that row and
/// becomes its stop.
fn check_path(objective: &dyn Objective, run: &mut LabRun, steps: usize) {
    let last = run.last_t();
    let mut at = vec![1, steps / 2, last];
    at.retain(|&t| t >= 1 && t <= last);
    at.dedup();
    for t in at {
        if let Err(e) = gradient::check(objective, &run.points[t]) {
            run.losses.truncate(t + 1);
            run.points.truncate(t + 1);
            run.stop = Some(e);
            return;
        }
    }
}

/// Every knob, exactly (all digits): two labs that print alike run alike on
/// the same objective. A notebook's check holds a cell's lab to the crate's
/// lesson value with it (`format!("{lab:?}")`).
///
/// `Lab { objective: "beale", start: [1.0, 1.5], steps: 300, threshold: 0.001,
/// diverge_above: Some(…), view: Some(…), runs: [("GD", "sgd { lr: 0.001, … }")] }`
impl std::fmt::Debug for Lab {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let runs: Vec<(&str, String)> = self
            .methods
            .iter()
            .map(|(l, m)| (l.as_str(), m.knobs()))
            .collect();
        f.debug_struct("Lab")
            .field("objective", &self.objective.name())
            .field("start", &self.start)
            .field("steps", &self.steps)
            .field("threshold", &self.threshold)
            .field("diverge_above", &self.diverge_above)
            .field("view", &self.view)
            .field("batches", &self.sampled.as_ref().map(|s| s.knobs()))
            .field("runs", &runs)
            .finish()
    }
}
