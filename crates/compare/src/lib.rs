//! # Comparing the methods
//!
//! Every method of the post side by side: Gradient Descent, Momentum, NAG,
//! Adagrad, Adadelta, RMSprop, Adam and NAdam (the post lists these eight), each
//! in the post's form ([`Convention::Paper`] throughout), in the post's two
//! families: the methods that adjust the step *direction* (스텝 방향: GD,
//! Momentum, NAG) and those that adjust the step *size* η (스텝 사이즈: Adagrad,
//! Adadelta, RMSprop, Adam, NAdam), see [`Family`].
//!
//! - [`Race`]: the eight on the quadratic, Rosenbrock or Beale ([`Problem`])
//!   from one start, one η per family, every knob a public field
//!   ([`Race::lesson`] is notebook 10's Beale race, [`Race::on`] any problem's
//!   own setup): [`Race::runs`] returns the traces as plain paths and loss
//!   curves, [`Race::table`] summarises them, [`Race::contour`],
//!   [`Race::loss_chart`] and [`Race::animation`] draw them.
//! - [`lab`]: one small experiment API for the notebooks' own cells: any
//!   labelled optimizers on a built-in problem or a student's $J$ and $\nabla J$,
//!   with a table, a contour plot, a loss chart and an animation
//!   (`use compare::lab::*;`).
//! - [`sweep`]: how each method's result depends on η (learning-rate
//!   robustness), [`sweep::Sweep`].
//! - [`motion`]: the trajectories animated frame by frame, on Beale and on the
//!   saddle $x^2 - y^2$ (which methods escape, and how fast),
//!   [`motion::SaddleEscape`].
//! - [`knobs`]: momentum's two knobs, a grid of (η, γ) runs on the quadratic
//!   with two sliders that switch between them (no kernel needed),
//!   [`knobs::MomentumGrid`].
//! - [`iris`]: the post's data setting, mini-batch training of the softmax
//!   classifier on iris, [`iris::IrisRace`].
//!
//! Each experiment's struct checks every knob before it runs (a typed
//! [`Error`] naming the knob); its `lesson()` holds the notebook's values.
//!
//! The learning rates are chosen per problem, one for the fixed-rate methods
//! (GD, Momentum, NAG) and one for the adaptive ones (Adagrad, RMSprop, Adam,
//! NAdam); Adadelta has none. They are listed in the table, not tuned per method:
//! the point is how the same η behaves, not a benchmark.

pub mod iris;
pub mod knobs;
pub mod lab;
pub mod motion;
pub mod overview;
pub mod playground;
pub mod section_sliders;
pub mod sweep;

use adadelta::Adadelta;
use adagrad::Adagrad;
use adam::Adam;
use gd::Sgd;
use momentum::Momentum;
use nadam::Nadam;
use nag::Nag;
use ndarray::{array, Array1};
use optcore::error::{check_finite_point, check_lesson_steps, check_positive, Error, Result};
use optcore::render::fmt_short;
use optcore::{
    reference_start, run_with, Beale, Convention, Exact, Objective, Optimizer, Quadratic, Record,
    Rosenbrock, RunOptions, Table, Trace,
};
use rmsprop::Rmsprop;

/// The analytic problems of the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// $0.1x^2 + 2y^2$ from $(-5, -2)$, 100 steps.
    Quadratic,
    /// Rosenbrock from $(-1.2, 1)$, 2000 steps.
    Rosenbrock,
    /// Beale from $(1, 1.5)$, 2000 steps (minimum at $(3, 0.5)$).
    Beale,
}

impl Problem {
    /// Every problem, in the order the notebooks show them.
    pub const ALL: [Problem; 3] = [Problem::Quadratic, Problem::Rosenbrock, Problem::Beale];
}

/// How one problem is set up: objective, start, steps, the rates, plot ranges.
pub struct Setup {
    pub objective: Box<dyn Objective>,
    pub start: Array1<f64>,
    pub steps: usize,
    /// η of GD, Momentum and NAG.
    pub lr_fixed: f64,
    /// η of Adagrad, RMSprop, Adam and NAdam.
    pub lr_adaptive: f64,
    pub x_range: (f64, f64),
    pub y_range: (f64, f64),
    /// Runs are stopped once the loss exceeds this (a diverging method).
    pub diverge_above: f64,
}

impl Problem {
    pub fn setup(self) -> Setup {
        match self {
            Problem::Quadratic => Setup {
                objective: Box::new(Quadratic::reference()),
                start: reference_start(),
                steps: 100,
                lr_fixed: 0.1,
                lr_adaptive: 0.1,
                x_range: (-6.0, 6.0),
                y_range: (-3.0, 3.0),
                diverge_above: 1e6,
            },
            Problem::Rosenbrock => Setup {
                objective: Box::new(Rosenbrock::default()),
                start: array![-1.2, 1.0],
                steps: 2000,
                lr_fixed: 1e-3,
                lr_adaptive: 5e-2,
                x_range: (-2.0, 2.0),
                y_range: (-1.0, 3.0),
                diverge_above: 1e6,
            },
            Problem::Beale => Setup {
                objective: Box::new(Beale),
                start: array![1.0, 1.5],
                steps: 2000,
                lr_fixed: 1e-3,
                lr_adaptive: 5e-2,
                x_range: (-1.0, 4.5),
                y_range: (-1.0, 2.0),
                diverge_above: 1e6,
            },
        }
    }
}

/// One method's run, reduced to what the comparison shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub method: &'static str,
    /// `lr = 0.1, momentum = 0.9`.
    pub hyperparameters: String,
    /// $J(\theta_t)$ for $t = 0, 1, \dots$
    pub losses: Vec<f64>,
    /// $\theta_0, \theta_1, \dots$
    pub path: Vec<(f64, f64)>,
    /// Why the run stopped early, if it did.
    pub stop: Option<Error>,
}

fn one<O: Optimizer>(method: &'static str, opt: &O, s: &Setup) -> Result<Run> {
    let mut oracle = Exact::new(s.objective.as_ref());
    let options = RunOptions {
        steps: s.steps,
        diverge_above: Some(s.diverge_above),
    };
    let tr: Trace<O::Record> = run_with(opt, &mut oracle, s.start.view(), options)?;
    Ok(summarise(method, opt, &tr))
}

/// `lr = 0.1, momentum = 0.9`: an optimizer's hyperparameters by their flag names.
pub(crate) fn hyperparameter_text<O: Optimizer>(opt: &O) -> String {
    let hp: Vec<String> = opt
        .hyperparameters()
        .iter()
        .map(|(k, v)| format!("{k} = {}", fmt_short(*v)))
        .collect();
    hp.join(", ")
}

pub(crate) fn summarise<O: Optimizer, R: Record>(
    method: &'static str,
    opt: &O,
    tr: &Trace<R>,
) -> Run {
    Run {
        method,
        hyperparameters: hyperparameter_text(opt),
        losses: tr.losses(),
        path: tr.path2(),
        stop: tr.stop.clone(),
    }
}

/// The post's two families of methods (its figure and its list of sections).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// 스텝 방향을 조절: GD, Momentum, NAG keep one global η and change where the
    /// step points.
    Direction,
    /// 스텝 사이즈 (η)를 조절: Adagrad, Adadelta, RMSprop, Adam, NAdam scale the
    /// step per coordinate (Adam and NAdam also carry momentum).
    Size,
}

impl Family {
    pub fn label(self) -> &'static str {
        match self {
            Family::Direction => "step direction",
            Family::Size => "step size",
        }
    }
}

/// The eight methods' names in the post's order.
pub const METHODS: [&str; 8] = [
    "Gradient Descent",
    "Momentum",
    "NAG",
    "Adagrad",
    "Adadelta",
    "RMSprop",
    "Adam",
    "NAdam",
];

/// The family of one of [`METHODS`].
pub fn family(method: &str) -> Family {
    match method {
        "Gradient Descent" | "Momentum" | "NAG" => Family::Direction,
        _ => Family::Size,
    }
}

/// Something done with each of the eight methods (the optimizers have different
/// types, so they are handed over one by one).
pub trait Visit {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()>;
}

/// Hands `v` the eight methods in the post's order, [`Convention::Paper`]:
/// `lr_fixed` for GD, Momentum and NAG (momentum γ = 0.9), `lr_adaptive` for
/// Adagrad, RMSprop, Adam and NAdam (β = 0.9, β₂ = 0.999, ε = 1e-8); Adadelta
/// with its paper defaults (no η).
pub fn each_method(lr_fixed: f64, lr_adaptive: f64, v: &mut impl Visit) -> Result<()> {
    let p = Convention::Paper;
    let (fixed, adaptive) = (lr_fixed, lr_adaptive);
    v.visit(
        METHODS[0],
        &Sgd {
            lr: fixed,
            ..Sgd::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(
        METHODS[1],
        &Momentum {
            lr: fixed,
            momentum: 0.9,
            ..Momentum::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(
        METHODS[2],
        &Nag {
            lr: fixed,
            momentum: 0.9,
            ..Nag::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(
        METHODS[3],
        &Adagrad {
            lr: adaptive,
            eps: 1e-8,
            ..Adagrad::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(METHODS[4], &Adadelta::defaults(p))?;
    v.visit(
        METHODS[5],
        &Rmsprop {
            lr: adaptive,
            rho: 0.9,
            eps: 1e-8,
            ..Rmsprop::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(
        METHODS[6],
        &Adam {
            lr: adaptive,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            ..Adam::defaults(p)
        }
        .validated()?,
    )?;
    v.visit(
        METHODS[7],
        &Nadam {
            lr: adaptive,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: 4e-3,
            ..Nadam::defaults(p)
        }
        .validated()?,
    )?;
    Ok(())
}

struct Runner<'a> {
    setup: &'a Setup,
    out: Vec<Run>,
}

impl Visit for Runner<'_> {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()> {
        self.out.push(one(method, opt, self.setup)?);
        Ok(())
    }
}

/// "method: fault; …" for every run that stopped early, or `None`.
pub(crate) fn stop_note(runs: &[Run]) -> Option<String> {
    let stopped: Vec<String> = runs
        .iter()
        .filter_map(|r| r.stop.as_ref().map(|e| format!("{}: {e}", r.method)))
        .collect();
    (!stopped.is_empty()).then(|| stopped.join("; "))
}

/// The most steps one run of an experiment here takes ([`Race`], [`sweep::Sweep`],
/// [`motion::SaddleEscape`]): every row is kept for its table and figures.
pub const MAX_STEPS: usize = optcore::MAX_LESSON_STEPS;

/// The race: the eight methods of the post on one of the analytic problems,
/// from one start, the same number of steps, one η per family.
///
/// ```
/// let race = compare::Race {
///     problem: compare::Problem::Beale,
///     start: [1.0, 1.5],
///     steps: 2000,
///     lr_fixed: 1e-3,
///     lr_adaptive: 5e-2,
/// };
/// assert_eq!(race, compare::Race::lesson());
/// assert_eq!(race.table()?.rows.len(), 8);
/// # Ok::<(), optcore::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Race {
    /// The function minimised: [`Problem::Quadratic`], [`Problem::Rosenbrock`]
    /// or [`Problem::Beale`] (the figures show the problem's own view).
    pub problem: Problem,
    /// $\theta_0 = (x, y)$, where every run starts: two finite numbers.
    pub start: [f64; 2],
    /// Steps of every run: a whole number from 1 to [`MAX_STEPS`].
    pub steps: usize,
    /// η of GD, Momentum and NAG: a finite number > 0.
    pub lr_fixed: f64,
    /// η of Adagrad, RMSprop, Adam and NAdam (Adadelta has none): a finite
    /// number > 0.
    pub lr_adaptive: f64,
}

impl Race {
    /// Notebook 10's race: Beale from $(1, 1.5)$, 2000 steps, η = 10⁻³ for the
    /// direction family and 0.05 for the size family ([`Problem::setup`]).
    pub fn lesson() -> Race {
        Race::on(Problem::Beale)
    }

    /// The race on `problem` with its own start, steps and rates
    /// ([`Problem::setup`]; notebook 09 shows the quadratic and Rosenbrock).
    pub fn on(problem: Problem) -> Race {
        let s = problem.setup();
        Race {
            problem,
            start: [s.start[0], s.start[1]],
            steps: s.steps,
            lr_fixed: s.lr_fixed,
            lr_adaptive: s.lr_adaptive,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_finite_point("start", &self.start)?;
        check_lesson_steps("steps", self.steps)?;
        check_positive("lr_fixed", self.lr_fixed)?;
        check_positive("lr_adaptive", self.lr_adaptive)
    }

    /// The problem's setup with this race's start, steps and rates (checked).
    pub fn setup(&self) -> Result<Setup> {
        self.validate()?;
        let mut s = self.problem.setup();
        s.start = array![self.start[0], self.start[1]];
        s.steps = self.steps;
        s.lr_fixed = self.lr_fixed;
        s.lr_adaptive = self.lr_adaptive;
        Ok(s)
    }

    /// The eight runs, in the post's order.
    pub fn runs(&self) -> Result<Vec<Run>> {
        runs_of(&self.setup()?)
    }

    /// Loss after 10 steps, a quarter of the run, and the whole run; the first
    /// step with loss below 1e-3 and 1e-6; the distance to the minimum at the
    /// end. A run stopped before a column's step shows `—` there.
    pub fn table(&self) -> Result<Table> {
        let s = self.setup()?;
        let rs = runs_of(&s)?;
        let n = s.steps;
        let mid = n / 4;
        let minimum = s.objective.minimum().unwrap_or_else(|| Array1::zeros(2));
        let mut t = Table::with_header(
            format!(
                "{} from ({}, {}), {n} steps: every method of the post",
                s.objective.name(),
                s.start[0],
                s.start[1]
            ),
            vec![
                "method".into(),
                "hyperparameters".into(),
                "loss t = 10".into(),
                format!("loss t = {mid}"),
                format!("loss t = {n}"),
                "first t: loss < 1e-3".into(),
                "first t: loss < 1e-6".into(),
                "|θ − θ*| at the end".into(),
            ],
        );
        for r in &rs {
            let at = |i: usize| match r.losses.get(i) {
                Some(&l) => l.into(),
                None => "—".into(),
            };
            let first = |target: f64| match r.losses.iter().position(|&l| l < target) {
                Some(i) => i.into(),
                None => "—".into(),
            };
            let end = r.path.last().copied().unwrap_or((f64::NAN, f64::NAN));
            let dist = ((end.0 - minimum[0]) * (end.0 - minimum[0])
                + (end.1 - minimum[1]) * (end.1 - minimum[1]))
                .sqrt();
            t.push(vec![
                r.method.into(),
                r.hyperparameters.clone().into(),
                at(10),
                at(mid),
                at(n),
                first(1e-3),
                first(1e-6),
                dist.into(),
            ]);
        }
        t.note = stop_note(&rs);
        Ok(t)
    }

    /// Every trajectory on one contour plot of the problem.
    pub fn contour(&self) -> Result<plots::Figure> {
        let s = self.setup()?;
        let rs = runs_of(&s)?;
        let mut c = plots::Contour::new(s.objective.as_ref(), s.x_range, s.y_range)
            .levels(14)
            .size(760, 560)
            .title(format!(
                "{}: every method from ({}, {})",
                s.objective.name(),
                s.start[0],
                s.start[1]
            ));
        for r in rs {
            c = c.path(r.method, r.path);
        }
        c.render()
    }

    /// Every loss curve on one chart (log scale).
    pub fn loss_chart(&self) -> Result<plots::Figure> {
        let s = self.setup()?;
        let rs = runs_of(&s)?;
        let mut c = plots::LineChart::new(format!("{}: J(θₜ) of every method", s.objective.name()))
            .x_label("step t")
            .y_label("loss")
            .log_y(true)
            .size(760, 480);
        for r in rs {
            let pts = r
                .losses
                .iter()
                .enumerate()
                .map(|(t, &l)| (t as f64, l))
                .collect();
            c = c.series(r.method, pts);
        }
        c.render()
    }
}

/// The eight methods on `problem` with its own setup, in the post's order
/// ([`Race::on`]).
pub fn runs(problem: Problem) -> Result<Vec<Run>> {
    Race::on(problem).runs()
}

/// The eight methods under one setup (its start, rates and limits), in the
/// post's order.
pub(crate) fn runs_of(s: &Setup) -> Result<Vec<Run>> {
    let mut r = Runner {
        setup: s,
        out: Vec::new(),
    };
    each_method(s.lr_fixed, s.lr_adaptive, &mut r)?;
    Ok(r.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Names(Vec<&'static str>);
    impl Visit for Names {
        fn visit<O: Optimizer>(&mut self, method: &'static str, _opt: &O) -> Result<()> {
            self.0.push(method);
            Ok(())
        }
    }

    #[test]
    fn eight_methods_in_the_posts_order_and_families() {
        let mut n = Names(Vec::new());
        each_method(0.1, 0.1, &mut n).unwrap();
        assert_eq!(n.0, METHODS);
        let direction: Vec<_> = METHODS
            .iter()
            .filter(|m| family(m) == Family::Direction)
            .collect();
        assert_eq!(direction, [&"Gradient Descent", &"Momentum", &"NAG"]);
    }

    #[test]
    fn no_method_diverges_on_beale_from_its_start() {
        for r in runs(Problem::Beale).unwrap() {
            assert!(r.stop.is_none(), "{} stopped", r.method);
            assert!(
                r.losses.last().unwrap() < &r.losses[0],
                "{} did not decrease",
                r.method
            );
        }
    }

    #[test]
    fn a_bad_learning_rate_is_an_error() {
        assert!(each_method(-1.0, 0.1, &mut Names(Vec::new())).is_err());
    }
}
