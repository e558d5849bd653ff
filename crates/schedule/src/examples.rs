//! The worked examples `notebooks/13-schedules.ipynb` shows; each returns a
//! value that renders itself, and `tests/snapshots.rs` pins its text.
//!
//! | part of the notebook | function |
//! |---|---|
//! | The schedules, as rates over t | [`Rates`] |
//! | The rule in code | [`scratch_trace`] |
//! | SGD and Adam on the quadratic | [`OnQuadratic`] |
//! | SGD and Adam on iris (mini-batches) | [`OnIris`] |
//! | Adagrad and Adadelta: a schedule of their own | [`Adaptive`] |
//!
//! Each experiment is a struct of its knobs whose `lesson()` holds the
//! notebook's values; its methods check every knob (a typed error naming it)
//! before anything runs.
//!
//! Every run uses the `pytorch` convention (the schedules are torch's; for SGD
//! and Adam the two conventions differ only in rounding), so the runs on the
//! quadratic are the ones `reference/torch-runs.csv` holds ([`crate::reference`]).

use crate::{
    AnySchedule, Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Schedule, Scheduled, StepLR,
};
use adadelta::Adadelta;
use adagrad::Adagrad;
use adam::Adam;
use batching::{Batches, LastBatch, MiniBatchOracle};
use gd::Sgd;
use ndarray::Array1;
use optcore::error::{check_nonempty, check_positive, check_steps, Error, Result};
use optcore::render::table_steps;
use optcore::{
    iris, reference_start, run, run_to_completion, run_with, Convention, LearningRate, Objective,
    Optimizer, Quadratic, RunOptions, Softmax, Table, Trace,
};
use plots::{Figure, LineChart};

/// Steps of every run on the quadratic.
pub const QUAD_STEPS: usize = 50;
/// η₀ of SGD on the quadratic (stable: η < 2/4 for the $2y^2$ direction).
pub const QUAD_SGD_LR: f64 = 0.4;
/// η₀ of Adam on the quadratic.
pub const QUAD_ADAM_LR: f64 = 0.5;
/// "Close to the minimum": the first t with $J(\theta_t)$ below this (the
/// start's loss is 10.5).
pub const QUAD_TOL: f64 = 1e-2;
/// The steps [`Rates::table`] lists.
pub const RATE_TS: [usize; 11] = [1, 2, 5, 10, 11, 20, 21, 26, 30, 40, 50];

/// Mini-batch size of the iris runs.
pub const IRIS_BATCH: usize = 10;
/// Epochs of the iris runs: 150/10 = 15 steps each, 300 steps.
pub const IRIS_EPOCHS: usize = 20;
/// The seed of the iris shuffles (ChaCha8, the batching notebook's).
pub const IRIS_SEED: u64 = 42;
/// η₀ of mini-batch SGD on iris: large, so that the batches' noise, not the
/// distance to the minimum, sets how low a constant rate gets.
pub const IRIS_SGD_LR: f64 = 5.0;
/// η₀ of Adam on iris: after 300 steps it is still descending.
pub const IRIS_ADAM_LR: f64 = 0.3;

/// One vector per step t = 1, 2, … (a per-parameter rate).
type PerStep = Vec<Array1<f64>>;

/// Steps of the Adagrad and Adadelta runs on the quadratic.
pub const ADAPTIVE_STEPS: usize = 200;
/// η of Adagrad in [`Adaptive::lesson`].
pub const ADAGRAD_LR: f64 = 0.5;
/// The steps [`Adaptive::adagrad_rates`] and [`Adaptive::adadelta_ratios`] list.
pub const ADAPTIVE_TS: [usize; 9] = [1, 2, 5, 10, 20, 50, 100, 200, 300];

fn iris_steps() -> usize {
    IRIS_EPOCHS * iris().len() / IRIS_BATCH
}

/// The schedules of the quadratic's runs (50 steps): none, step decay by ½ every
/// 10 steps, exponential decay 0.95 per step, cosine annealing to 0 over the 50
/// steps, and a 10-step linear warmup from 0.1·η₀. torch ran the same
/// (`reference/torch-runs.csv`).
pub fn quadratic_schedules() -> Vec<AnySchedule> {
    vec![
        Constant.into(),
        StepLR {
            step_size: 10,
            gamma: 0.5,
        }
        .into(),
        ExponentialLR { gamma: 0.95 }.into(),
        CosineAnnealingLR {
            t_max: QUAD_STEPS,
            eta_min: 0.0,
        }
        .into(),
        LinearLR {
            start_factor: 0.1,
            end_factor: 1.0,
            total_iters: 10,
        }
        .into(),
    ]
}

/// The same five kinds for the 300 steps on iris: step decay every 60 steps,
/// exponential 0.99, cosine over 300 steps, warmup over 30.
pub fn iris_schedules() -> Vec<AnySchedule> {
    let steps = iris_steps();
    vec![
        Constant.into(),
        StepLR {
            step_size: steps / 5,
            gamma: 0.5,
        }
        .into(),
        ExponentialLR { gamma: 0.99 }.into(),
        CosineAnnealingLR {
            t_max: steps,
            eta_min: 0.0,
        }
        .into(),
        LinearLR {
            start_factor: 0.1,
            end_factor: 1.0,
            total_iters: steps / 10,
        }
        .into(),
    ]
}

/// Most steps of a run (or a rate curve) of the lesson.
pub const MAX_STEPS: usize = optcore::MAX_LESSON_STEPS;

/// A list of schedules: not empty, each valid.
fn check_schedules(schedules: &[AnySchedule]) -> Result<()> {
    check_nonempty("the list of schedules", schedules)?;
    schedules.iter().try_for_each(|s| s.validate())
}

/// The schedules as rates: $\eta_t$ of each schedule at a few steps
/// ([`Rates::table`]) and over every step ([`Rates::chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Rates {
    /// η₀, the optimizer's own rate (a finite number > 0).
    pub eta0: f64,
    /// Steps t = 1 … `steps` (1 to [`MAX_STEPS`]).
    pub steps: usize,
    /// The schedules (at least one; each checked as `Scheduled` checks it).
    pub schedules: Vec<AnySchedule>,
}

impl Rates {
    /// The notebook's values: η₀ = [`QUAD_SGD_LR`], [`QUAD_STEPS`] steps, the
    /// five [`quadratic_schedules`].
    pub fn lesson() -> Rates {
        Rates {
            eta0: QUAD_SGD_LR,
            steps: QUAD_STEPS,
            schedules: quadratic_schedules(),
        }
    }

    fn check(&self) -> Result<()> {
        check_positive("eta0", self.eta0)?;
        check_steps(self.steps, MAX_STEPS)?;
        check_schedules(&self.schedules)
    }

    /// $\eta_t$ of each schedule at the steps [`RATE_TS`] up to `steps` (step
    /// $t$ uses $\eta(t-1)$).
    pub fn table(&self) -> Result<Table> {
        self.check()?;
        let (base, schedules) = (self.eta0, &self.schedules);
        let mut header = vec!["t".to_string(), "k = t − 1".to_string()];
        header.extend(schedules.iter().map(|s| s.name().to_string()));
        let mut t = Table::with_header(format!("ηₜ for η₀ = {base}"), header).with_note(
            schedules
                .iter()
                .map(|s| s.describe())
                .collect::<Vec<_>>()
                .join("; "),
        );
        let shown = table_steps(&RATE_TS, self.steps);
        for step in shown {
            let mut row = vec![step.into(), (step - 1).into()];
            row.extend(schedules.iter().map(|s| s.lr_at(base, step - 1).into()));
            t.push(row);
        }
        Ok(t)
    }

    /// Every schedule's $\eta_t$ over $t = 1 \dots$ `steps` on one chart. The y
    /// axis runs from 0 to 1.5·(the largest rate) so that the legend finds a
    /// corner above the curves.
    pub fn chart(&self) -> Result<Figure> {
        self.check()?;
        let base = self.eta0;
        let top = self
            .schedules
            .iter()
            .flat_map(|s| (1..=self.steps).map(move |t| s.lr_at(base, t - 1)))
            .fold(base, f64::max);
        let mut chart = LineChart::new(format!("learning rate ηₜ, η₀ = {base}"))
            .x_label("step t")
            .y_label("ηₜ")
            .x_range(0.0, self.steps as f64)
            .y_range(0.0, 1.5 * top)
            .size(760, 440);
        for s in &self.schedules {
            let pts = (1..=self.steps)
                .map(|t| (t as f64, s.lr_at(base, t - 1)))
                .collect();
            chart = chart.series(s.describe(), pts);
        }
        chart.render()
    }
}

/// SGD (`pytorch`) under cosine annealing on the quadratic, at the student's
/// settings: base rate `eta0`, period `t_max` (T), floor `eta_min`, from `theta0`,
/// `steps` steps: what the notebook's rule cell writes out by hand.
/// `optcore::exercise::compare_with_trace` holds the student's rule against it, so
/// a changed setting is compared like for like; settings SGD or the schedule
/// refuses (η₀ ≤ 0, T = 0, η_min < 0, …) and more than
/// [`optcore::MAX_TRACE_STEPS`] steps are typed errors.
pub fn scratch_trace(
    eta0: f64,
    t_max: usize,
    eta_min: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<crate::ScheduledRecord<gd::SgdRecord>>> {
    let opt = Scheduled::new(
        Sgd {
            lr: eta0,
            ..Sgd::defaults(Convention::Pytorch)
        },
        CosineAnnealingLR { t_max, eta_min },
    )?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0),
        steps,
    )
}

/// The losses $J(\theta_0), \dots$ of `opt` under `schedule`, and its description.
fn losses<O: Optimizer + LearningRate + Clone>(
    opt: &O,
    schedule: AnySchedule,
    oracle: &mut dyn optcore::Oracle,
    start: &Array1<f64>,
    steps: usize,
) -> Result<Vec<f64>> {
    let s = Scheduled::new(opt.clone(), schedule)?;
    let tr = run_with(&s, oracle, start.view(), RunOptions::steps(steps))?;
    if let Some(e) = tr.stop {
        return Err(e);
    }
    Ok(tr.losses())
}

fn first_below(losses: &[f64], tol: f64) -> String {
    losses
        .iter()
        .position(|&l| l < tol)
        .map_or_else(|| "not within the run".into(), |t| t.to_string())
}

fn push_run(t: &mut Table, method: &str, s: &AnySchedule, losses: &[f64]) {
    let min = losses.iter().copied().fold(f64::INFINITY, f64::min);
    t.push(vec![
        method.into(),
        s.describe().into(),
        (*losses.last().unwrap_or(&f64::NAN)).into(),
        min.into(),
        first_below(losses, QUAD_TOL).into(),
    ]);
}

const RUN_HEADER: [&str; 5] = [
    "method",
    "schedule",
    "final loss",
    "lowest loss",
    "first t below",
];

/// SGD and Adam (both `pytorch`), each under every schedule of a list, on
/// $J = 0.1x^2 + 2y^2$: the final and lowest loss and the first step with
/// $J <$ [`QUAD_TOL`] ([`OnQuadratic::table`]), and the loss curves
/// ([`OnQuadratic::loss_chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct OnQuadratic {
    /// η₀ of SGD (a finite number > 0).
    pub sgd_lr: f64,
    /// η₀ of Adam (a finite number > 0).
    pub adam_lr: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps of every run (1 to [`MAX_STEPS`]).
    pub steps: usize,
    /// The schedules (at least one).
    pub schedules: Vec<AnySchedule>,
}

impl OnQuadratic {
    /// The notebook's values: η₀ = [`QUAD_SGD_LR`] and [`QUAD_ADAM_LR`], from
    /// (−5, −2), [`QUAD_STEPS`] steps, the five [`quadratic_schedules`].
    pub fn lesson() -> OnQuadratic {
        OnQuadratic {
            sgd_lr: QUAD_SGD_LR,
            adam_lr: QUAD_ADAM_LR,
            start: [-5.0, -2.0],
            steps: QUAD_STEPS,
            schedules: quadratic_schedules(),
        }
    }

    /// The two optimizers, checked with every other knob.
    fn optimizers(&self) -> Result<(Sgd, Adam)> {
        let sgd = Sgd {
            lr: self.sgd_lr,
            ..Sgd::defaults(Convention::Pytorch)
        }
        .validated()?;
        let adam = Adam {
            lr: self.adam_lr,
            ..Adam::defaults(Convention::Pytorch)
        }
        .validated()?;
        check_steps(self.steps, MAX_STEPS)?;
        check_schedules(&self.schedules)?;
        Ok((sgd, adam))
    }

    fn losses(&self, method: Method, s: AnySchedule) -> Result<Vec<f64>> {
        let (sgd, adam) = self.optimizers()?;
        let start = Array1::from(self.start.to_vec());
        let oracle = &mut optcore::Exact::new(Quadratic::reference());
        match method {
            Method::Sgd => losses(&sgd, s, oracle, &start, self.steps),
            Method::Adam => losses(&adam, s, oracle, &start, self.steps),
        }
    }

    /// Every run's final and lowest loss and its first step below [`QUAD_TOL`].
    pub fn table(&self) -> Result<Table> {
        self.optimizers()?;
        let mut t = Table::new(
            format!(
                "the quadratic, {} steps: SGD (η₀ = {}) and Adam (η₀ = {})",
                self.steps, self.sgd_lr, self.adam_lr
            ),
            &RUN_HEADER,
        )
        .with_note(format!(
            "first t below: the first step with J(θₜ) < {QUAD_TOL}"
        ));
        for (method, name) in [(Method::Sgd, "SGD"), (Method::Adam, "Adam")] {
            for &s in &self.schedules {
                let l = self.losses(method, s)?;
                push_run(&mut t, name, &s, &l);
            }
        }
        Ok(t)
    }

    /// The loss over t of SGD or Adam under each schedule.
    pub fn loss_chart(&self, method: Method) -> Result<Figure> {
        self.optimizers()?;
        let mut curves = Vec::new();
        for &s in &self.schedules {
            curves.push((s.describe(), self.losses(method, s)?));
        }
        let name = match method {
            Method::Sgd => format!("SGD, η₀ = {}", self.sgd_lr),
            Method::Adam => format!("Adam, η₀ = {}", self.adam_lr),
        };
        loss_chart(format!("{name} on 0.1x² + 2y²"), curves, self.steps)
    }
}

/// Which method a loss chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Sgd,
    Adam,
}

fn loss_chart(title: String, curves: Vec<(String, Vec<f64>)>, steps: usize) -> Result<Figure> {
    let mut chart = LineChart::new(title)
        .x_label("step t")
        .y_label("loss (log scale)")
        .log_y(true)
        .x_range(0.0, steps as f64)
        .size(760, 460);
    for (label, l) in curves {
        chart = chart.series(
            label,
            l.iter().enumerate().map(|(t, &v)| (t as f64, v)).collect(),
        );
    }
    chart.render()
}

/// Softmax regression on standardized iris with a bias column (15 parameters),
/// the batching notebook's problem.
pub fn iris_softmax() -> Result<Softmax> {
    Softmax::new(iris().standardized().with_bias(), 3)
}

/// The mini-batches of the iris runs: their size, the number of epochs and the
/// seed of the shuffles (the same for every run, so every run sees the same
/// batches).
#[derive(Clone, Copy, Debug, PartialEq)]
struct IrisPlan {
    batch_size: usize,
    epochs: usize,
    seed: u64,
}

impl IrisPlan {
    /// Steps of a run: `epochs` × ⌈150 / `batch_size`⌉ (the last batch of an
    /// epoch kept, however small), checked.
    fn steps(&self) -> Result<usize> {
        let len = iris().len();
        if self.batch_size == 0 || self.batch_size > len {
            return Err(Error::BatchSize {
                batch_size: self.batch_size,
                len,
            });
        }
        if self.epochs == 0 {
            return Err(Error::Hyperparameter {
                name: "epochs",
                value: 0.0,
                accepts: "a whole number of epochs ≥ 1",
            });
        }
        let steps = self.epochs.saturating_mul(len.div_ceil(self.batch_size));
        check_steps(steps, MAX_STEPS)?;
        Ok(steps)
    }

    fn oracle<'a>(&self, loss: &'a Softmax) -> Result<MiniBatchOracle<'a, Softmax>> {
        let batches = Batches::new(
            loss.data.len(),
            self.batch_size,
            Some(self.seed),
            LastBatch::Keep,
        )?;
        Ok(MiniBatchOracle::new(loss, batches))
    }
}

/// Mini-batch SGD and Adam (both `pytorch`) on iris softmax regression, each
/// under every schedule of a list; the loss is the full-data loss
/// ([`OnIris::table`], [`OnIris::loss_chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct OnIris {
    /// η₀ of SGD (a finite number > 0).
    pub sgd_lr: f64,
    /// η₀ of Adam (a finite number > 0).
    pub adam_lr: f64,
    /// Examples per mini-batch (1 to 150).
    pub batch_size: usize,
    /// Passes over the data (≥ 1; the steps are epochs × ⌈150 / batch size⌉, at
    /// most [`MAX_STEPS`]).
    pub epochs: usize,
    /// The seed of the shuffles (any whole number).
    pub seed: u64,
    /// The schedules (at least one), in steps.
    pub schedules: Vec<AnySchedule>,
}

impl OnIris {
    /// The notebook's values: η₀ = [`IRIS_SGD_LR`] and [`IRIS_ADAM_LR`], batches
    /// of [`IRIS_BATCH`], [`IRIS_EPOCHS`] epochs, seed [`IRIS_SEED`], the five
    /// [`iris_schedules`].
    pub fn lesson() -> OnIris {
        OnIris {
            sgd_lr: IRIS_SGD_LR,
            adam_lr: IRIS_ADAM_LR,
            batch_size: IRIS_BATCH,
            epochs: IRIS_EPOCHS,
            seed: IRIS_SEED,
            schedules: iris_schedules(),
        }
    }

    fn plan(&self) -> IrisPlan {
        IrisPlan {
            batch_size: self.batch_size,
            epochs: self.epochs,
            seed: self.seed,
        }
    }

    /// The two optimizers and the steps, checked with every other knob.
    fn check(&self) -> Result<(Sgd, Adam, usize)> {
        let sgd = Sgd {
            lr: self.sgd_lr,
            ..Sgd::defaults(Convention::Pytorch)
        }
        .validated()?;
        let adam = Adam {
            lr: self.adam_lr,
            ..Adam::defaults(Convention::Pytorch)
        }
        .validated()?;
        let steps = self.plan().steps()?;
        check_schedules(&self.schedules)?;
        Ok((sgd, adam, steps))
    }

    fn losses(&self, method: Method, s: AnySchedule) -> Result<Vec<f64>> {
        let (sgd, adam, steps) = self.check()?;
        let loss = iris_softmax()?;
        let mut oracle = self.plan().oracle(&loss)?;
        let start = Array1::zeros(loss.dim());
        match method {
            Method::Sgd => losses(&sgd, s, &mut oracle, &start, steps),
            Method::Adam => losses(&adam, s, &mut oracle, &start, steps),
        }
    }

    /// Every run's final and lowest loss, and how much the last epoch's loss
    /// still moves.
    pub fn table(&self) -> Result<Table> {
        let (_, _, steps) = self.check()?;
        let per_epoch = iris().len().div_ceil(self.batch_size);
        let mut t = Table::new(
            format!(
                "iris softmax, mini-batches of {}, {} steps: SGD (η₀ = {}) and Adam (η₀ = {})",
                self.batch_size, steps, self.sgd_lr, self.adam_lr
            ),
            &["method", "schedule", "final loss", "lowest loss", "last epoch: max − min"],
        )
        .with_note(format!(
            "last epoch: the spread of the full-data loss over the last {per_epoch} steps, how much the batches still shake θ"
        ));
        for (method, name) in [(Method::Sgd, "SGD"), (Method::Adam, "Adam")] {
            for &s in &self.schedules {
                let l = self.losses(method, s)?;
                let last = &l[l.len().saturating_sub(per_epoch)..];
                let max = last.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                let min = last.iter().copied().fold(f64::INFINITY, f64::min);
                let lowest = l.iter().copied().fold(f64::INFINITY, f64::min);
                t.push(vec![
                    name.into(),
                    s.describe().into(),
                    (*l.last().unwrap_or(&f64::NAN)).into(),
                    lowest.into(),
                    (max - min).into(),
                ]);
            }
        }
        Ok(t)
    }

    /// The full-data loss over t of mini-batch SGD or Adam under each schedule.
    pub fn loss_chart(&self, method: Method) -> Result<Figure> {
        let (_, _, steps) = self.check()?;
        let mut curves = Vec::new();
        for &s in &self.schedules {
            curves.push((s.describe(), self.losses(method, s)?));
        }
        let name = match method {
            Method::Sgd => format!("mini-batch SGD, η₀ = {}", self.sgd_lr),
            Method::Adam => format!("Adam, η₀ = {}", self.adam_lr),
        };
        loss_chart(format!("{name} on iris"), curves, steps)
    }
}

/// Adagrad and Adadelta, which change their own step size as they run, on the
/// quadratic and on iris mini-batches: the rate each applies, read from its
/// runs ([`Adaptive::adagrad_rates`], [`Adaptive::adadelta_ratios`],
/// [`Adaptive::chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Adaptive {
    /// Adagrad's η (`paper`, ε = 1e-8; a finite number > 0).
    pub adagrad_lr: f64,
    /// Adadelta's ρ (Zeiler's form; in (0, 1)).
    pub adadelta_rho: f64,
    /// Adadelta's ε (a finite number > 0).
    pub adadelta_eps: f64,
    /// Steps on the quadratic, from (−5, −2) (1 to [`MAX_STEPS`]).
    pub quadratic_steps: usize,
    /// Examples per mini-batch on iris (1 to 150).
    pub batch_size: usize,
    /// Passes over iris (≥ 1).
    pub epochs: usize,
    /// The seed of the shuffles.
    pub seed: u64,
}

impl Adaptive {
    /// The notebook's values: η = [`ADAGRAD_LR`], Zeiler's ρ = 0.95 and
    /// ε = 1e-6, [`ADAPTIVE_STEPS`] steps on the quadratic, iris as [`OnIris::lesson`].
    pub fn lesson() -> Adaptive {
        let d = Adadelta::defaults(Convention::Paper);
        Adaptive {
            adagrad_lr: ADAGRAD_LR,
            adadelta_rho: d.rho,
            adadelta_eps: d.eps,
            quadratic_steps: ADAPTIVE_STEPS,
            batch_size: IRIS_BATCH,
            epochs: IRIS_EPOCHS,
            seed: IRIS_SEED,
        }
    }

    fn plan(&self) -> IrisPlan {
        IrisPlan {
            batch_size: self.batch_size,
            epochs: self.epochs,
            seed: self.seed,
        }
    }

    /// `opt` on the quadratic (`quadratic_steps` from (−5, −2)) and on iris
    /// mini-batches (from 0), and `per_step` of each step's record: the rate an
    /// adaptive method applies, read from its runs.
    fn runs<O: Optimizer>(
        &self,
        opt: &O,
        per_step: impl Fn(&O::Record) -> Array1<f64>,
    ) -> Result<(PerStep, PerStep)> {
        check_steps(self.quadratic_steps, MAX_STEPS)?;
        let iris_steps = self.plan().steps()?;
        let quad = run(
            opt,
            Quadratic::reference(),
            reference_start().view(),
            self.quadratic_steps,
        )?;
        let loss = iris_softmax()?;
        let mut oracle = self.plan().oracle(&loss)?;
        let start = Array1::zeros(loss.dim());
        let iris_run = run_with(
            opt,
            &mut oracle,
            start.view(),
            RunOptions::steps(iris_steps),
        )?;
        let each = |tr: &Trace<O::Record>| -> Result<PerStep> {
            if let Some(e) = &tr.stop {
                return Err(e.clone());
            }
            Ok(tr.rows[1..]
                .iter()
                .filter_map(|r| r.record.as_ref().map(&per_step))
                .collect())
        };
        Ok((each(&quad)?, each(&iris_run)?))
    }

    /// Adagrad (`paper`, η = `adagrad_lr`, ε = 1e-8) on both; its per-parameter
    /// rate after step t.
    fn adagrad_runs(&self) -> Result<(PerStep, PerStep)> {
        let opt = Adagrad {
            lr: self.adagrad_lr,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        self.runs(&opt, |s| s.effective_lr.clone())
    }

    /// Adadelta (`paper`, Zeiler) on both: its ratio
    /// $\mathrm{RMS}\[\Delta\theta\]_{t-1}/\mathrm{RMS}\[g\]_t$ after step t, per
    /// coordinate (quadratic) and its mean over the 15 parameters (iris).
    fn adadelta_runs(&self) -> Result<(PerStep, PerStep)> {
        let opt = Adadelta {
            rho: self.adadelta_rho,
            eps: self.adadelta_eps,
            ..Adadelta::defaults(Convention::Paper)
        }
        .validated()?;
        self.runs(&opt, |s| &s.rms_update_prev / &s.rms_grad)
    }

    fn note(&self) -> Result<String> {
        Ok(format!(
            "quadratic: {} steps from (−5, −2); iris: mini-batches of {}, {} steps",
            self.quadratic_steps,
            self.batch_size,
            self.plan().steps()?
        ))
    }

    fn at(v: &[Array1<f64>], t: usize, f: impl Fn(&Array1<f64>) -> f64) -> optcore::render::Cell {
        match v.get(t - 1) {
            Some(x) => f(x).into(),
            None => "".into(),
        }
    }

    /// Adagrad's implied rate $\eta/\sqrt{G_{t,ii} + \epsilon}$ from real runs: on
    /// the quadratic (per coordinate) and on iris mini-batches (the mean over the
    /// 15 parameters, and that mean times $\sqrt t$). $G$ only grows, so the rate
    /// only falls: a decay schedule Adagrad brings with it, driven by the gradients
    /// it has seen rather than by $t$. On the quadratic the gradients die out as θ
    /// converges, $G$ stops growing and the rate levels off; on iris it keeps
    /// falling, but more slowly than $1/\sqrt t$ (the last column grows), since the
    /// gradients shrink as the model fits. A constant gradient would give
    /// $\eta/\sqrt{t g^2 + \epsilon}$, about $\eta/(|g|\sqrt t)$.
    pub fn adagrad_rates(&self) -> Result<Table> {
        let (quad, iris_rates) = self.adagrad_runs()?;
        let mut t = Table::new(
            format!(
                "Adagrad (η = {}): the rate η/√(Gₜ + ε) it applies",
                self.adagrad_lr
            ),
            &[
                "t",
                "quadratic, x",
                "quadratic, y",
                "iris, mean over W",
                "iris, mean × √t",
            ],
        )
        .with_note(self.note()?);
        let mean = |x: &Array1<f64>| x.sum() / x.len() as f64;
        for &step in &ADAPTIVE_TS {
            t.push(vec![
                step.into(),
                Self::at(&quad, step, |x| x[0]),
                Self::at(&quad, step, |x| x[1]),
                Self::at(&iris_rates, step, mean),
                Self::at(&iris_rates, step, |x| mean(x) * (step as f64).sqrt()),
            ]);
        }
        Ok(t)
    }

    /// Adadelta's ratio $\mathrm{RMS}\[\Delta\theta\]_{t-1}/\mathrm{RMS}\[g\]_t$, the
    /// rate it applies in η's place, from real runs. It starts at $\sqrt\epsilon/\mathrm{RMS}\[g\]_1$
    /// (the numerator holds only ε before any update), small, and grows as updates
    /// accumulate (on iris after a dip over the first steps): a warmup Adadelta
    /// brings with it.
    pub fn adadelta_ratios(&self) -> Result<Table> {
        let (quad, iris_ratios) = self.adadelta_runs()?;
        let mut t = Table::new(
            format!(
                "Adadelta (Zeiler, ρ = {}, ε = {:e}): the rate RMS[Δθ]ₜ₋₁/RMS[g]ₜ it applies",
                self.adadelta_rho, self.adadelta_eps
            ),
            &["t", "quadratic, x", "quadratic, y", "iris, mean over W"],
        )
        .with_note(self.note()?);
        for &step in &ADAPTIVE_TS {
            t.push(vec![
                step.into(),
                Self::at(&quad, step, |x| x[0]),
                Self::at(&quad, step, |x| x[1]),
                Self::at(&iris_ratios, step, |x| x.sum() / x.len() as f64),
            ]);
        }
        Ok(t)
    }

    /// The rates Adagrad and Adadelta apply on iris mini-batches (means over the 15
    /// parameters), over t, on a log scale, beside Adagrad's first rate times
    /// $1/\sqrt t$ (what a constant gradient would give).
    pub fn chart(&self) -> Result<Figure> {
        let (_, ada) = self.adagrad_runs()?;
        let (_, delta) = self.adadelta_runs()?;
        let mean = |x: &Array1<f64>| x.sum() / x.len() as f64;
        let pts = |v: &[Array1<f64>]| -> Vec<(f64, f64)> {
            v.iter()
                .enumerate()
                .map(|(i, x)| ((i + 1) as f64, mean(x)))
                .collect()
        };
        let scale = ada.first().map_or(1.0, mean);
        let sqrt_t = (1..=ada.len())
            .map(|t| (t as f64, scale / (t as f64).sqrt()))
            .collect();
        LineChart::new("the rate each method applies on iris (mean over W)")
            .x_label("step t")
            .y_label("rate (log scale)")
            .log_y(true)
            .x_range(0.0, self.plan().steps()? as f64)
            .size(760, 460)
            .series("Adagrad: η/√(Gₜ + ε)", pts(&ada))
            .series("Adadelta: RMS[Δθ]ₜ₋₁/RMS[g]ₜ", pts(&delta))
            .series("Adagrad's first rate × 1/√t (for comparison)", sqrt_t)
            .render()
    }
}
