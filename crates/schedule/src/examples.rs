//! The worked examples `notebooks/13-schedules.ipynb` shows; each returns a
//! value that renders itself, and `tests/snapshots.rs` pins its text.
//!
//! | part of the notebook | function |
//! |---|---|
//! | The schedules, as rates over t | [`rate_table`], [`rate_chart`] |
//! | The rule in code | [`library_run`] |
//! | SGD and Adam on the quadratic | [`quadratic_runs`], [`quadratic_loss_chart`] |
//! | SGD and Adam on iris (mini-batches) | [`iris_runs`], [`iris_loss_chart`] |
//! | Adagrad and Adadelta: a schedule of their own | [`adagrad_rates`], [`adadelta_ratios`], [`adaptive_rate_chart`] |
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
use optcore::error::Result;
use optcore::{
    iris, reference_start, run, run_to_completion, run_with, Convention, LearningRate, Objective,
    Optimizer, Quadratic, RunOptions, Softmax, Table, Trace,
};
use plots::{Corner, Figure, LineChart};

/// Steps of every run on the quadratic.
pub const QUAD_STEPS: usize = 50;
/// η₀ of SGD on the quadratic (stable: η < 2/4 for the $2y^2$ direction).
pub const QUAD_SGD_LR: f64 = 0.4;
/// η₀ of Adam on the quadratic.
pub const QUAD_ADAM_LR: f64 = 0.5;
/// "Close to the minimum": the first t with $J(\theta_t)$ below this (the
/// start's loss is 10.5).
pub const QUAD_TOL: f64 = 1e-2;
/// The steps [`rate_table`] lists.
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
/// η of Adagrad in [`adagrad_rates`].
pub const ADAGRAD_LR: f64 = 0.5;
/// The steps [`adagrad_rates`] and [`adadelta_ratios`] list.
pub const ADAPTIVE_TS: [usize; 9] = [1, 2, 5, 10, 20, 50, 100, 200, 300];

/// Steps of [`library_run`] (the notebook's rule cell).
pub const RULE_STEPS: usize = 8;

/// The start on the quadratic, (−5, −2): notebook 13's name for
/// [`optcore::reference_start`].
pub use optcore::reference_start as quadratic_start;

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

/// $\eta_t$ of each of [`quadratic_schedules`] at the steps [`RATE_TS`], for
/// base rate η₀ = `base` (step $t$ uses $\eta(t-1)$).
pub fn rate_table(base: f64) -> Table {
    let schedules = quadratic_schedules();
    let mut header = vec!["t".to_string(), "k = t − 1".to_string()];
    header.extend(schedules.iter().map(|s| s.name().to_string()));
    let mut t = Table::with_header(format!("ηₜ for η₀ = {base}"), header).with_note(
        schedules
            .iter()
            .map(|s| s.describe())
            .collect::<Vec<_>>()
            .join("; "),
    );
    for &step in &RATE_TS {
        let mut row = vec![step.into(), (step - 1).into()];
        row.extend(schedules.iter().map(|s| s.lr_at(base, step - 1).into()));
        t.push(row);
    }
    t
}

/// The five schedules' $\eta_t$ over $t = 1 \dots 50$ on one chart. The y axis
/// runs from 0 to 1.5·η₀ so that the legend sits above the curves.
pub fn rate_chart(base: f64) -> Result<Figure> {
    let mut chart = LineChart::new(format!("learning rate ηₜ, η₀ = {base}"))
        .x_label("step t")
        .y_label("ηₜ")
        .x_range(0.0, QUAD_STEPS as f64)
        .y_range(0.0, 1.5 * base)
        .legend(Corner::UpperRight)
        .size(760, 440);
    for s in quadratic_schedules() {
        let pts = (1..=QUAD_STEPS)
            .map(|t| (t as f64, s.lr_at(base, t - 1)))
            .collect();
        chart = chart.series(s.describe(), pts);
    }
    chart.render()
}

/// SGD (`pytorch`, η₀ = 0.4) under cosine annealing over 50 steps on the
/// quadratic, the first [`RULE_STEPS`] steps: what the notebook's rule cell
/// writes out by hand.
pub fn library_run() -> Result<Trace<crate::ScheduledRecord<gd::SgdRecord>>> {
    let opt = Scheduled::new(
        quadratic_sgd(),
        CosineAnnealingLR {
            t_max: QUAD_STEPS,
            eta_min: 0.0,
        },
    )?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        RULE_STEPS,
    )
}

fn quadratic_sgd() -> Sgd {
    Sgd {
        lr: QUAD_SGD_LR,
        ..Sgd::defaults(Convention::Pytorch)
    }
}

fn quadratic_adam() -> Adam {
    Adam {
        lr: QUAD_ADAM_LR,
        ..Adam::defaults(Convention::Pytorch)
    }
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

/// SGD and Adam on $J = 0.1x^2 + 2y^2$ from $(-5, -2)$, 50 steps, under each of
/// [`quadratic_schedules`]: the final and lowest loss, and the first step
/// with $J <$ [`QUAD_TOL`].
pub fn quadratic_runs() -> Result<Table> {
    let mut t = Table::new(
        format!(
            "the quadratic, {QUAD_STEPS} steps: SGD (η₀ = {QUAD_SGD_LR}) and Adam (η₀ = {QUAD_ADAM_LR})"
        ),
        &RUN_HEADER,
    )
    .with_note(format!("first t below: the first step with J(θₜ) < {QUAD_TOL}"));
    let start = reference_start();
    for s in quadratic_schedules() {
        let l = losses(
            &quadratic_sgd(),
            s,
            &mut optcore::Exact::new(Quadratic::reference()),
            &start,
            QUAD_STEPS,
        )?;
        push_run(&mut t, "SGD", &s, &l);
    }
    for s in quadratic_schedules() {
        let l = losses(
            &quadratic_adam(),
            s,
            &mut optcore::Exact::new(Quadratic::reference()),
            &start,
            QUAD_STEPS,
        )?;
        push_run(&mut t, "Adam", &s, &l);
    }
    Ok(t)
}

/// Which method a loss chart shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Sgd,
    Adam,
}

fn loss_chart(
    title: String,
    curves: Vec<(String, Vec<f64>)>,
    steps: usize,
    legend: Corner,
) -> Result<Figure> {
    let mut chart = LineChart::new(title)
        .x_label("step t")
        .y_label("loss (log scale)")
        .log_y(true)
        .x_range(0.0, steps as f64)
        .legend(legend)
        .size(760, 460);
    for (label, l) in curves {
        chart = chart.series(
            label,
            l.iter().enumerate().map(|(t, &v)| (t as f64, v)).collect(),
        );
    }
    chart.render()
}

/// The loss over t of SGD or Adam under each schedule, on the quadratic.
pub fn quadratic_loss_chart(method: Method) -> Result<Figure> {
    let start = reference_start();
    let mut curves = Vec::new();
    for s in quadratic_schedules() {
        let oracle = &mut optcore::Exact::new(Quadratic::reference());
        let l = match method {
            Method::Sgd => losses(&quadratic_sgd(), s, oracle, &start, QUAD_STEPS)?,
            Method::Adam => losses(&quadratic_adam(), s, oracle, &start, QUAD_STEPS)?,
        };
        curves.push((s.describe(), l));
    }
    let name = match method {
        Method::Sgd => format!("SGD, η₀ = {QUAD_SGD_LR}"),
        Method::Adam => format!("Adam, η₀ = {QUAD_ADAM_LR}"),
    };
    loss_chart(
        format!("{name} on 0.1x² + 2y²"),
        curves,
        QUAD_STEPS,
        Corner::LowerLeft,
    )
}

/// Softmax regression on standardized iris with a bias column (15 parameters),
/// the batching notebook's problem.
pub fn iris_softmax() -> Result<Softmax> {
    Softmax::new(iris().standardized().with_bias(), 3)
}

fn iris_losses<O: Optimizer + LearningRate + Clone>(opt: &O, s: AnySchedule) -> Result<Vec<f64>> {
    let loss = iris_softmax()?;
    let batches = Batches::new(
        loss.data.len(),
        IRIS_BATCH,
        Some(IRIS_SEED),
        LastBatch::Keep,
    )?;
    let mut oracle = MiniBatchOracle::new(&loss, batches);
    let start = Array1::zeros(loss.dim());
    losses(opt, s, &mut oracle, &start, iris_steps())
}

fn iris_sgd() -> Sgd {
    Sgd {
        lr: IRIS_SGD_LR,
        ..Sgd::defaults(Convention::Pytorch)
    }
}

fn iris_adam() -> Adam {
    Adam {
        lr: IRIS_ADAM_LR,
        ..Adam::defaults(Convention::Pytorch)
    }
}

/// Mini-batch SGD and Adam on iris (batches of 10, reshuffled every epoch with
/// the same seed for every run, so every run sees the same batches), 20 epochs,
/// under each of [`iris_schedules`]. The loss is the full-data loss.
pub fn iris_runs() -> Result<Table> {
    let per_epoch = iris().len().div_ceil(IRIS_BATCH);
    let mut t = Table::new(
        format!(
            "iris softmax, mini-batches of {IRIS_BATCH}, {} steps: SGD (η₀ = {IRIS_SGD_LR}) and Adam (η₀ = {IRIS_ADAM_LR})",
            iris_steps()
        ),
        &["method", "schedule", "final loss", "lowest loss", "last epoch: max − min"],
    )
    .with_note(format!(
        "last epoch: the spread of the full-data loss over the last {per_epoch} steps, how much the batches still shake θ"
    ));
    let mut push = |method: &str, s: &AnySchedule, l: Vec<f64>| {
        let last = &l[l.len().saturating_sub(per_epoch)..];
        let max = last.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let min = last.iter().copied().fold(f64::INFINITY, f64::min);
        let lowest = l.iter().copied().fold(f64::INFINITY, f64::min);
        t.push(vec![
            method.into(),
            s.describe().into(),
            (*l.last().unwrap_or(&f64::NAN)).into(),
            lowest.into(),
            (max - min).into(),
        ]);
    };
    for s in iris_schedules() {
        push("SGD", &s, iris_losses(&iris_sgd(), s)?);
    }
    for s in iris_schedules() {
        push("Adam", &s, iris_losses(&iris_adam(), s)?);
    }
    Ok(t)
}

/// The full-data loss over t of mini-batch SGD or Adam under each schedule, on iris.
pub fn iris_loss_chart(method: Method) -> Result<Figure> {
    let mut curves = Vec::new();
    for s in iris_schedules() {
        let l = match method {
            Method::Sgd => iris_losses(&iris_sgd(), s)?,
            Method::Adam => iris_losses(&iris_adam(), s)?,
        };
        curves.push((s.describe(), l));
    }
    let name = match method {
        Method::Sgd => format!("mini-batch SGD, η₀ = {IRIS_SGD_LR}"),
        Method::Adam => format!("Adam, η₀ = {IRIS_ADAM_LR}"),
    };
    loss_chart(
        format!("{name} on iris"),
        curves,
        iris_steps(),
        Corner::UpperRight,
    )
}

/// `opt` on the quadratic ([`ADAPTIVE_STEPS`] steps from [`quadratic_start`])
/// and on iris mini-batches ([`iris_steps`] steps from 0), and `per_step` of
/// each step's record: the rate an adaptive method applies, read from its runs.
fn adaptive_runs<O: Optimizer>(
    opt: &O,
    per_step: impl Fn(&O::Record) -> Array1<f64>,
) -> Result<(PerStep, PerStep)> {
    let quad = run(
        opt,
        Quadratic::reference(),
        reference_start().view(),
        ADAPTIVE_STEPS,
    )?;
    let loss = iris_softmax()?;
    let batches = Batches::new(
        loss.data.len(),
        IRIS_BATCH,
        Some(IRIS_SEED),
        LastBatch::Keep,
    )?;
    let mut oracle = MiniBatchOracle::new(&loss, batches);
    let start = Array1::zeros(loss.dim());
    let iris_run = run_with(
        opt,
        &mut oracle,
        start.view(),
        RunOptions::steps(iris_steps()),
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

/// Adagrad (`paper`, η = [`ADAGRAD_LR`], ε = 1e-8) on the quadratic and on iris
/// mini-batches; its per-parameter rate after step t.
fn adagrad_runs() -> Result<(PerStep, PerStep)> {
    let opt = Adagrad {
        lr: ADAGRAD_LR,
        ..Adagrad::defaults(Convention::Paper)
    };
    adaptive_runs(&opt, |s| s.effective_lr.clone())
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
pub fn adagrad_rates() -> Result<Table> {
    let (quad, iris_rates) = adagrad_runs()?;
    let mut t = Table::new(
        format!("Adagrad (η = {ADAGRAD_LR}): the rate η/√(Gₜ + ε) it applies"),
        &[
            "t",
            "quadratic, x",
            "quadratic, y",
            "iris, mean over W",
            "iris, mean × √t",
        ],
    )
    .with_note(format!(
        "quadratic: {ADAPTIVE_STEPS} steps from (−5, −2); iris: mini-batches of {IRIS_BATCH}, {} steps",
        iris_steps()
    ));
    let mean = |x: &Array1<f64>| x.sum() / x.len() as f64;
    for &step in &ADAPTIVE_TS {
        t.push(vec![
            step.into(),
            at(&quad, step, |x| x[0]),
            at(&quad, step, |x| x[1]),
            at(&iris_rates, step, mean),
            at(&iris_rates, step, |x| mean(x) * (step as f64).sqrt()),
        ]);
    }
    Ok(t)
}

/// Adadelta (`paper`, Zeiler: ρ = 0.95, ε = 1e-6) on the quadratic and on iris:
/// its ratio $\mathrm{RMS}\[\Delta\theta\]_{t-1}/\mathrm{RMS}\[g\]_t$ after step t, per
/// coordinate (quadratic) and its mean over the 15 parameters (iris).
fn adadelta_runs() -> Result<(PerStep, PerStep)> {
    adaptive_runs(&Adadelta::defaults(Convention::Paper), |s| {
        &s.rms_update_prev / &s.rms_grad
    })
}

/// Adadelta's ratio $\mathrm{RMS}\[\Delta\theta\]_{t-1}/\mathrm{RMS}\[g\]_t$, the
/// rate it applies in η's place, from real runs. It starts at $\sqrt\epsilon/\mathrm{RMS}\[g\]_1$
/// (the numerator holds only ε before any update), small, and grows as updates
/// accumulate (on iris after a dip over the first steps): a warmup Adadelta
/// brings with it.
pub fn adadelta_ratios() -> Result<Table> {
    let (quad, iris_ratios) = adadelta_runs()?;
    let mut t = Table::new(
        "Adadelta (Zeiler, ρ = 0.95, ε = 1e-6): the rate RMS[Δθ]ₜ₋₁/RMS[g]ₜ it applies",
        &["t", "quadratic, x", "quadratic, y", "iris, mean over W"],
    )
    .with_note(format!(
        "quadratic: {ADAPTIVE_STEPS} steps from (−5, −2); iris: mini-batches of {IRIS_BATCH}, {} steps",
        iris_steps()
    ));
    for &step in &ADAPTIVE_TS {
        t.push(vec![
            step.into(),
            at(&quad, step, |x| x[0]),
            at(&quad, step, |x| x[1]),
            at(&iris_ratios, step, |x| x.sum() / x.len() as f64),
        ]);
    }
    Ok(t)
}

/// The rates Adagrad and Adadelta apply on iris mini-batches (means over the 15
/// parameters), over t, on a log scale, beside Adagrad's first rate times
/// $1/\sqrt t$ (what a constant gradient would give).
pub fn adaptive_rate_chart() -> Result<Figure> {
    let (_, ada) = adagrad_runs()?;
    let (_, delta) = adadelta_runs()?;
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
        .x_range(0.0, iris_steps() as f64)
        .legend(Corner::UpperRight)
        .size(760, 460)
        .series("Adagrad: η/√(Gₜ + ε)", pts(&ada))
        .series("Adadelta: RMS[Δθ]ₜ₋₁/RMS[g]ₜ", pts(&delta))
        .series("Adagrad's first rate × 1/√t (for comparison)", sqrt_t)
        .render()
}
