//! # Learning-rate schedules
//!
//! Every method of the post takes one learning rate η for the whole run. A
//! *schedule* changes it as the run goes: large steps early, to cover ground,
//! small steps late, to settle (d2l, *Learning Rate Scheduling*). Nothing else
//! in the method changes: step $t$ is the method's own step with $\eta_t$ in
//! place of $\eta$,
//!
//! $$\theta_t = \theta_{t-1} - \eta_t\\,u_t, \qquad \eta_t = \eta_0\\,f(t-1),$$
//!
//! where $u_t$ is the method's direction (the gradient for SGD,
//! $\hat m_t/(\sqrt{\hat v_t}+\epsilon)$ for Adam) and $f$ the schedule's factor.
//!
//! ## The schedules
//!
//! $k = 0, 1, 2, \dots$ counts calls of torch's `scheduler.step()`; $\eta_0$ is
//! the optimizer's own `lr`.
//!
//! | schedule | $\eta(k)$ | torch.optim.lr_scheduler |
//! |---|---|---|
//! | [`Constant`] | $\eta_0$ | (none) |
//! | [`StepLR`] | $\eta_0\\,\gamma^{\lfloor k/s \rfloor}$ | `StepLR(step_size=s, gamma=γ)` |
//! | [`ExponentialLR`] | $\eta_0\\,\gamma^{k}$ | `ExponentialLR(gamma=γ)` |
//! | [`CosineAnnealingLR`] | $\eta_{\min} + (\eta_0 - \eta_{\min})\\,\frac{1 + \cos(\pi k / T)}{2}$ | `CosineAnnealingLR(T_max=T, eta_min=η_min)` |
//! | [`LinearLR`] | $\eta_0\left(s + (e - s)\\,\frac{\min(k, T)}{T}\right)$ | `LinearLR(start_factor=s, end_factor=e, total_iters=T)` |
//!
//! [`AnySchedule`] holds any one of them (a table of runs, a notebook cell).
//!
//! ## When the rate changes: torch's timing
//!
//! A torch training loop calls `optimizer.step()` and then `scheduler.step()`:
//!
//! ```text
//! for t in 1, 2, …:
//!     loss.backward()
//!     optimizer.step()      # uses lr = η(t − 1)
//!     scheduler.step()      # k ← t, lr ← η(t)
//! ```
//!
//! so step $t$ (1-based) runs with $\eta_t = \eta(k = t-1)$: the first step uses
//! $\eta(0)$ (which is $\eta_0$ for every schedule but [`LinearLR`], whose warmup
//! starts at $s\\,\eta_0$). [`Scheduled`] wraps any optimizer with a
//! [`LearningRate`] and does exactly this; its record adds $\eta_t$
//! ([`optcore::quantity::LR`]) before the optimizer's own fields.
//!
//! ## Closed forms and torch's chained forms
//!
//! torch computes each new rate from the previous one (`get_lr`, the "chained
//! form": StepLR multiplies by γ at every multiple of $s$, CosineAnnealingLR
//! multiplies $\eta_{k-1} - \eta_{\min}$ by a ratio of cosines, LinearLR by a
//! ratio of factors); it also has the closed forms above (`_get_closed_form_lr`).
//! The two are the same function of $k$ and differ only in rounding: the crate
//! uses the closed forms, with [`libm`]'s `pow` and `cos` (the same bits on every
//! machine), and `tests/torch.rs` holds them to the rates torch printed
//! (`reference/torch-lr.csv`) within $10^{-12}$ of $\eta_0$.
//!
//! ## A rate of zero
//!
//! [`CosineAnnealingLR`] with $\eta_{\min} = 0$ reaches $\eta(T) = 0$,
//! [`LinearLR`] with `end_factor` 0 reaches 0 at $k = T$, and a step or
//! exponential decay run long enough underflows to 0. torch takes such a step:
//! the optimizer's state moves on (the momentum buffer, Adam's moments,
//! Adagrad's sum, the step count) and θ moves by $0 \cdot u_t$. [`Scheduled`]
//! does the same: step $t$ with $\eta_t = 0$ is the optimizer's own step with
//! $\eta = 0$, and the run goes on past it. Where the method steps by
//! $-\eta\,u_t$ (every `pytorch` convention; the post's SGD, Adagrad, RMSprop,
//! Adam family) θ keeps its value, bit for bit but for a coordinate that is
//! −0.0, which $x + (-0)\cdot u$ may turn into +0.0 as torch's `add_` does. The
//! post's momentum and NAG, whose η sits inside the velocity, coast on
//! $v_t = \gamma v_{t-1}$. $0 \cdot u_t$ is not a number only where $u_t$ is
//! not, and such a step faults at every rate (√0 in a denominator under ε = 0):
//! the run stops there with its typed error, as at any rate.
//!
//! How: a constructed optimizer still refuses $\eta = 0$ (the post's
//! $\eta > 0$, the `lr` row of `optcore::hyper`), and so does every step of one,
//! since a struct literal can hold anything. For a step at rate 0 the wrapper
//! builds the copy with [`LearningRate::at_rate`], which accepts 0 and refuses a
//! negative or non-finite rate, and hands that step its oracle inside an
//! [`optcore::ZeroRate`]: the one place where the step's own check
//! ([`optcore::check_step`]) lets `lr` = 0 pass, and nothing else. Two simpler
//! ways were not taken: letting every step accept 0 would let a struct literal
//! with `lr` = 0 step on its own, and stepping at some positive rate and then
//! restoring θ would leave that rate in every state that holds η (the post's
//! momentum and NAG: $v_t = \gamma v_{t-1} + \eta g_t$). A schedule of one's own
//! ([`Schedule`] is open) that gives a negative or non-finite rate stops the
//! run at that step with [`optcore::Error::Hyperparameter`] naming `lr`, every
//! earlier step kept.
//!
//! ## Which convention
//!
//! The wrapper sets `lr`; what `lr` does is the method's business, and the two
//! conventions of momentum differ here. The post's momentum puts η inside the
//! velocity, $v_t = \gamma v_{t-1} + \eta_t g_t$, so a change of rate reaches the
//! step gradually; torch's SGD keeps η outside, $\theta_t = \theta_{t-1} -
//! \eta_t b_t$, so it acts at once. Adadelta under `paper` has no η at all
//! ([`optcore::Error::NoLearningRate`]).
//!
//! ## Features
//!
//! `lessons` (default): the examples, exercises and torch's reference runs of
//! notebook 13. With `default-features = false` this crate is the schedules and
//! [`Scheduled`] alone, depending on optcore and libm only.

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
#[cfg(feature = "lessons")]
pub mod reference;

use ndarray::{ArrayView1, ArrayViewMut1};
use optcore::error::{check_non_negative, Error, Result};
use optcore::quantity;
use optcore::render::fmt_short;
use optcore::{Convention, Field, LearningRate, Optimizer, Oracle, Record, ZeroRate};
use std::fmt;

/// A learning-rate schedule: the rate after $k$ calls of torch's
/// `scheduler.step()`, for an optimizer whose own `lr` is $\eta_0$.
pub trait Schedule: Clone + fmt::Debug {
    /// torch's class name (`"StepLR"`).
    fn name(&self) -> &'static str;
    /// Refuses parameters outside their domain (a typed error naming the parameter).
    fn validate(&self) -> Result<()>;
    /// $\eta(k)$ for base rate $\eta_0$ = `base`.
    fn lr_at(&self, base: f64, k: usize) -> f64;
    /// The parameters, as torch spells them: `step_size = 10, gamma = 0.5`.
    fn parameters(&self) -> String;
    /// `StepLR(step_size = 10, gamma = 0.5)`.
    fn describe(&self) -> String {
        format!("{}({})", self.name(), self.parameters())
    }
    /// The rates of steps $t = 1, \dots, n$: $\eta(0), \dots, \eta(n-1)$ (torch's
    /// timing, see the crate docs).
    fn rates(&self, base: f64, n: usize) -> Vec<f64> {
        (0..n).map(|k| self.lr_at(base, k)).collect()
    }
}

fn check_factor(name: &'static str, value: f64, accepts: &'static str, ok: bool) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value,
            accepts,
        })
    }
}

fn check_count(name: &'static str, value: usize) -> Result<()> {
    check_factor(name, value as f64, "an integer >= 1", value >= 1)
}

fn check_gamma(gamma: f64) -> Result<()> {
    check_factor(
        "gamma",
        gamma,
        "in (0, 1] (a decay)",
        gamma > 0.0 && gamma <= 1.0,
    )
}

/// No schedule: $\eta(k) = \eta_0$. The baseline of every comparison.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Constant;

impl Schedule for Constant {
    fn name(&self) -> &'static str {
        "Constant"
    }
    fn validate(&self) -> Result<()> {
        Ok(())
    }
    fn lr_at(&self, base: f64, _k: usize) -> f64 {
        base
    }
    fn parameters(&self) -> String {
        String::new()
    }
}

/// Step decay: the rate drops by the factor γ every `step_size` steps,
///
/// $$\eta(k) = \eta_0\\,\gamma^{\lfloor k / s \rfloor}.$$
///
/// torch: `StepLR(optimizer, step_size=s, gamma=γ)` (default γ = 0.1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepLR {
    /// $s \ge 1$.
    pub step_size: usize,
    /// $\gamma \in (0, 1\]$.
    pub gamma: f64,
}

impl Schedule for StepLR {
    fn name(&self) -> &'static str {
        "StepLR"
    }
    fn validate(&self) -> Result<()> {
        check_count("step_size", self.step_size)?;
        check_gamma(self.gamma)
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        base * libm::pow(self.gamma, (k / self.step_size) as f64)
    }
    fn parameters(&self) -> String {
        format!(
            "step_size = {}, gamma = {}",
            self.step_size,
            fmt_short(self.gamma)
        )
    }
}

/// Exponential decay: the rate shrinks by γ every step,
///
/// $$\eta(k) = \eta_0\\,\gamma^{k}.$$
///
/// torch: `ExponentialLR(optimizer, gamma=γ)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExponentialLR {
    /// $\gamma \in (0, 1\]$.
    pub gamma: f64,
}

impl Schedule for ExponentialLR {
    fn name(&self) -> &'static str {
        "ExponentialLR"
    }
    fn validate(&self) -> Result<()> {
        check_gamma(self.gamma)
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        base * libm::pow(self.gamma, k as f64)
    }
    fn parameters(&self) -> String {
        format!("gamma = {}", fmt_short(self.gamma))
    }
}

/// Cosine annealing (Loshchilov & Hutter, SGDR, without restarts): half a cosine
/// from $\eta_0$ down to $\eta_{\min}$ over $T$ steps,
///
/// $$\eta(k) = \eta_{\min} + (\eta_0 - \eta_{\min})\\,\frac{1 + \cos(\pi k / T)}{2}.$$
///
/// Past $k = T$ the cosine climbs again (period $2T$), as torch's does. torch:
/// `CosineAnnealingLR(optimizer, T_max=T, eta_min=η_min)`; its chained form
/// (each rate from the last) agrees with this closed form up to rounding.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CosineAnnealingLR {
    /// $T \ge 1$ (torch's `T_max`).
    pub t_max: usize,
    /// $\eta_{\min} \ge 0$, the floor.
    pub eta_min: f64,
}

impl Schedule for CosineAnnealingLR {
    fn name(&self) -> &'static str {
        "CosineAnnealingLR"
    }
    fn validate(&self) -> Result<()> {
        check_count("t_max", self.t_max)?;
        check_non_negative("eta_min", self.eta_min)
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        let c = libm::cos(std::f64::consts::PI * k as f64 / self.t_max as f64);
        self.eta_min + (base - self.eta_min) * (1.0 + c) / 2.0
    }
    fn parameters(&self) -> String {
        format!(
            "T_max = {}, eta_min = {}",
            self.t_max,
            fmt_short(self.eta_min)
        )
    }
}

/// Linear warmup (or decay): the factor moves in a straight line from $s$ to
/// $e$ over $T$ steps and then stays,
///
/// $$\eta(k) = \eta_0\left(s + (e - s)\\,\frac{\min(k, T)}{T}\right).$$
///
/// With $s < e = 1$ this is the warmup used for Adam-trained transformers: tiny
/// steps while Adam's averages are still young. torch: `LinearLR(optimizer,
/// start_factor=s, end_factor=e, total_iters=T)` (defaults 1/3, 1, 5), which
/// requires $0 < s \le 1$ and $0 \le e \le 1$.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LinearLR {
    /// $s \in (0, 1\]$.
    pub start_factor: f64,
    /// $e \in \[0, 1\]$.
    pub end_factor: f64,
    /// $T \ge 1$.
    pub total_iters: usize,
}

impl Schedule for LinearLR {
    fn name(&self) -> &'static str {
        "LinearLR"
    }
    fn validate(&self) -> Result<()> {
        let (s, e) = (self.start_factor, self.end_factor);
        check_factor("start_factor", s, "in (0, 1]", s > 0.0 && s <= 1.0)?;
        check_factor("end_factor", e, "in [0, 1]", (0.0..=1.0).contains(&e))?;
        check_count("total_iters", self.total_iters)
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        let (s, e, t) = (self.start_factor, self.end_factor, self.total_iters);
        base * (s + (e - s) * k.min(t) as f64 / t as f64)
    }
    fn parameters(&self) -> String {
        format!(
            "start_factor = {}, end_factor = {}, total_iters = {}",
            fmt_short(self.start_factor),
            fmt_short(self.end_factor),
            self.total_iters
        )
    }
}

/// Any one of the schedules.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AnySchedule {
    Constant(Constant),
    Step(StepLR),
    Exponential(ExponentialLR),
    Cosine(CosineAnnealingLR),
    Linear(LinearLR),
}

macro_rules! delegate {
    ($self:ident, $s:ident => $e:expr) => {
        match $self {
            AnySchedule::Constant($s) => $e,
            AnySchedule::Step($s) => $e,
            AnySchedule::Exponential($s) => $e,
            AnySchedule::Cosine($s) => $e,
            AnySchedule::Linear($s) => $e,
        }
    };
}

impl Schedule for AnySchedule {
    fn name(&self) -> &'static str {
        delegate!(self, s => s.name())
    }
    fn validate(&self) -> Result<()> {
        delegate!(self, s => s.validate())
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        delegate!(self, s => s.lr_at(base, k))
    }
    fn parameters(&self) -> String {
        delegate!(self, s => s.parameters())
    }
}

impl From<Constant> for AnySchedule {
    fn from(s: Constant) -> Self {
        AnySchedule::Constant(s)
    }
}
impl From<StepLR> for AnySchedule {
    fn from(s: StepLR) -> Self {
        AnySchedule::Step(s)
    }
}
impl From<ExponentialLR> for AnySchedule {
    fn from(s: ExponentialLR) -> Self {
        AnySchedule::Exponential(s)
    }
}
impl From<CosineAnnealingLR> for AnySchedule {
    fn from(s: CosineAnnealingLR) -> Self {
        AnySchedule::Cosine(s)
    }
}
impl From<LinearLR> for AnySchedule {
    fn from(s: LinearLR) -> Self {
        AnySchedule::Linear(s)
    }
}

/// An optimizer run under a schedule, with torch's timing: step $t$ (1-based)
/// is the optimizer's own step with $\eta_t = \eta(t-1)$, $\eta_0$ the
/// optimizer's `lr`. It is itself an [`Optimizer`], so [`optcore::run`] and
/// every trace, table and figure take it as they take the method alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Scheduled<O, S> {
    pub optimizer: O,
    pub schedule: S,
}

impl<O: Optimizer + LearningRate, S: Schedule> Scheduled<O, S> {
    /// `optimizer` under `schedule`, both validated; an optimizer without a
    /// learning rate (Adadelta under `paper`) is an [`Error::NoLearningRate`].
    pub fn new(optimizer: O, schedule: S) -> Result<Self> {
        let s = Scheduled {
            optimizer,
            schedule,
        };
        s.validate()?;
        Ok(s)
    }

    /// $\eta_0$, the optimizer's own `lr`.
    pub fn base_lr(&self) -> Result<f64> {
        self.optimizer.lr().ok_or(Error::NoLearningRate {
            optimizer: self.optimizer.name(),
            convention: self.optimizer.convention(),
        })
    }

    /// The rate of step $t \ge 1$: $\eta(t - 1)$.
    pub fn lr_of_step(&self, t: usize) -> Result<f64> {
        Ok(self.schedule.lr_at(self.base_lr()?, t.saturating_sub(1)))
    }
}

/// State of a scheduled run: the optimizer's own state, the step count and the
/// rate of the last step.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledState<St> {
    /// Steps taken (torch's `last_epoch` of the scheduler).
    pub t: usize,
    /// $\eta_t$, the rate of step `t` ($\eta_0$ before the first step).
    pub lr: f64,
    /// The wrapped optimizer's state.
    pub inner: St,
}

/// What one scheduled step computed: $\eta_t$, then the optimizer's own record.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledRecord<R> {
    pub lr: f64,
    pub inner: R,
}

impl<R: Record> Record for ScheduledRecord<R> {
    fn fields(&self) -> Vec<Field> {
        let mut f = vec![Field::scalar_of(quantity::LR, self.lr)];
        f.extend(self.inner.fields());
        f
    }
}

impl<O: Optimizer + LearningRate, S: Schedule> Optimizer for Scheduled<O, S> {
    type State = ScheduledState<O::State>;
    type Record = ScheduledRecord<O::Record>;

    fn name(&self) -> &'static str {
        self.optimizer.name()
    }
    fn convention(&self) -> Convention {
        self.optimizer.convention()
    }
    /// The optimizer's own (its `lr` is $\eta_0$).
    fn hyperparameters(&self) -> Vec<(&'static str, f64)> {
        self.optimizer.hyperparameters()
    }
    /// The optimizer's own, then the schedule's name.
    fn variants(&self) -> Vec<&'static str> {
        let mut v = self.optimizer.variants();
        v.push(self.schedule.name());
        v
    }
    fn validate(&self) -> Result<()> {
        self.optimizer.validate()?;
        self.schedule.validate()?;
        self.base_lr().map(|_| ())
    }
    fn init(&self, theta: ArrayView1<f64>) -> Self::State {
        ScheduledState {
            t: 0,
            lr: self.optimizer.lr().unwrap_or(f64::NAN),
            inner: self.optimizer.init(theta),
        }
    }
    /// Sets $\eta_t = \eta(t-1)$ ([`LearningRate::at_rate`]: a negative or
    /// non-finite rate is an [`Error::Hyperparameter`] naming `lr`) and takes the
    /// optimizer's step; at $\eta_t = 0$ through a [`ZeroRate`] oracle, so that
    /// the step runs with η = 0 as torch's does (see the crate docs). On error θ
    /// and the state are unchanged.
    fn step(
        &self,
        state: &mut Self::State,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        self.validate()?;
        let t = state.t + 1;
        let lr = self.lr_of_step(t)?;
        let opt = self.optimizer.at_rate(lr)?;
        if lr == 0.0 {
            opt.step(&mut state.inner, theta, &mut ZeroRate::new(oracle))?;
        } else {
            opt.step(&mut state.inner, theta, oracle)?;
        }
        state.t = t;
        state.lr = lr;
        Ok(())
    }
    fn record(&self, state: &Self::State) -> Self::Record {
        // The optimizer's record with the rate of that step (Adagrad's
        // effective rate η/√(G + ε) is read from its `lr`, 0 at a zero rate).
        let inner = match self.optimizer.at_rate(state.lr) {
            Ok(opt) => opt.record(&state.inner),
            Err(_) => self.optimizer.record(&state.inner),
        };
        ScheduledRecord {
            lr: state.lr,
            inner,
        }
    }
    fn gradient_point(
        &self,
        state: &Self::State,
        theta: ArrayView1<f64>,
        point: ArrayViewMut1<f64>,
    ) -> Result<()> {
        self.optimizer.gradient_point(&state.inner, theta, point)
    }
    /// `sgd/pytorch (lr = 0.4) with StepLR(step_size = 10, gamma = 0.5)`.
    fn describe(&self) -> String {
        format!(
            "{} with {}",
            self.optimizer.describe(),
            self.schedule.describe()
        )
    }
}
