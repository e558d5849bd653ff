//! The optimizer abstraction: hyperparameters in one struct, state in another,
//! one step a function of (hyperparameters, state, θ, gradient oracle).
//!
//! Every optimizer is built the same way, from its convention's documented
//! defaults with Rust's struct update syntax, so no two `f64`s can be swapped:
//!
//! ```text
//! let opt = Adam { lr: 0.1, ..Adam::defaults(Convention::Paper) }.validated()?;
//! ```
//!
//! (the fields are public; [`Optimizer::validated`] refuses a value outside its
//! domain at once, and every step checks again, so a literal cannot slip through).
//! It is then used in one of two forms:
//!
//! ```text
//! let mut state = opt.init(theta.view());                  // optax: init(params)
//! opt.update(&mut state, theta.view_mut(), grad.view())?;  // torch: opt.step() after backward()
//! opt.step(&mut state, theta.view_mut(), &mut oracle)?;    // the notebooks: ask an oracle
//! let record = opt.record(&state);                          // gₜ, vₜ, Gₜ, … of that step
//! ```
//!
//! [`Optimizer::update`] takes a gradient the caller computed (the form a user of
//! torch or optax expects); [`Optimizer::step`] asks an [`Oracle`] for it, where
//! the method needs it (NAG asks at the lookahead point). Both run the same code,
//! so they give the same numbers. The state keeps everything the post talks
//! about, so that [`Optimizer::record`] can copy it out for a trace.

use crate::error::{check_dim, Error, Result};
use crate::objective::Objective;
use ndarray::{Array1, ArrayView1, ArrayViewMut1};
use std::fmt;
use std::str::FromStr;

/// Where a gradient comes from. For an analytic [`Objective`] it is exact; for a
/// data loss it is the mean over the current mini-batch (see the `batching` crate).
pub trait Oracle {
    /// Number of parameters.
    fn dim(&self) -> usize;
    /// Called once before each step `t` (t = 1, 2, …): a stochastic oracle moves
    /// to its next mini-batch here, so every evaluation within one step (NAG's
    /// lookahead included) sees the same batch.
    fn begin_step(&mut self, _t: usize) {}
    /// Writes the gradient at `theta` into `grad` and returns the loss the optimizer
    /// sees there (the mini-batch loss for a stochastic oracle).
    fn eval(&mut self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>) -> f64;
    /// The loss a trace reports at `theta`: the full objective.
    fn loss(&self, theta: ArrayView1<f64>) -> f64;
    /// Per-example gradient evaluations so far (1 per call for an analytic
    /// function), for traces that count work. Default: 0, not counted.
    fn gradient_evaluations(&self) -> u64 {
        0
    }
    /// Short name of the problem, for trace headers. Default: `"problem"`.
    fn problem_name(&self) -> String {
        "problem".into()
    }
    /// Whether the step under way is one a learning-rate schedule set to rate
    /// η = 0 ([`ZeroRate`] answers yes): then [`check_step`] accepts `lr` = 0
    /// ([`Optimizer::validate_zero_rate`]) and the step is the method's own with
    /// η = 0, as torch takes it. Default: no, and a step refuses `lr` = 0.
    fn zero_rate(&self) -> bool {
        false
    }
}

/// The oracle behind [`Optimizer::update`]: it hands out one gradient the caller
/// already computed. It knows no loss, so it reports 0 as the loss it saw (the
/// `seen_loss` of SGD, momentum and NAG records).
pub struct Given<'a> {
    grad: ArrayView1<'a, f64>,
}

impl<'a> Given<'a> {
    pub fn new(grad: ArrayView1<'a, f64>) -> Self {
        Given { grad }
    }
}

impl Oracle for Given<'_> {
    fn dim(&self) -> usize {
        self.grad.len()
    }
    fn eval(&mut self, _theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        grad.assign(&self.grad);
        0.0
    }
    fn loss(&self, _theta: ArrayView1<f64>) -> f64 {
        0.0
    }
}

/// An oracle that marks its steps as taken at a scheduled rate of zero
/// ([`Oracle::zero_rate`]) and otherwise is the oracle it wraps. The
/// `schedule` crate's wrapper passes its oracle through this for a step whose
/// scheduled η is 0, so that `lr` = 0 is accepted there and nowhere else: a
/// struct literal with `lr` = 0 stepped on its own is still refused.
pub struct ZeroRate<'a> {
    inner: &'a mut dyn Oracle,
}

impl<'a> ZeroRate<'a> {
    pub fn new(inner: &'a mut dyn Oracle) -> Self {
        ZeroRate { inner }
    }
}

impl Oracle for ZeroRate<'_> {
    fn dim(&self) -> usize {
        self.inner.dim()
    }
    fn begin_step(&mut self, t: usize) {
        self.inner.begin_step(t)
    }
    fn eval(&mut self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>) -> f64 {
        self.inner.eval(theta, grad)
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        self.inner.loss(theta)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.inner.gradient_evaluations()
    }
    fn problem_name(&self) -> String {
        self.inner.problem_name()
    }
    fn zero_rate(&self) -> bool {
        true
    }
}

impl dyn Oracle + '_ {
    /// [`Oracle::eval`], refusing a non-finite gradient or loss at step `t`. On a
    /// refusal `grad` holds what the oracle wrote; [`Staged::eval`] keeps a
    /// state's gradient unchanged instead.
    pub fn checked_eval(
        &mut self,
        t: usize,
        theta: ArrayView1<f64>,
        mut grad: ArrayViewMut1<f64>,
    ) -> Result<f64> {
        let loss = self.eval(theta, grad.view_mut());
        if !grad.iter().all(|g| g.is_finite()) {
            return Err(Error::NonFinite {
                step: t,
                what: "gradient",
            });
        }
        if !loss.is_finite() {
            return Err(Error::NonFinite {
                step: t,
                what: "loss",
            });
        }
        Ok(loss)
    }
}

/// A vector of a state that a step replaces only once the step cannot fail any
/// more: the step writes the new value into a spare buffer ([`Staged::stage`]),
/// and [`Staged::commit`] swaps the two (no copy, no allocation). A step refused
/// half-way (a non-finite gradient) leaves the committed value as it was.
///
/// The gradient $g_t$ of every state is one ([`Staged::eval`] stages and commits
/// it), and so is NAG's lookahead point. It reads as the committed vector
/// (`Deref<Target = Array1<f64>>`); the spare is scratch, so `Debug` and `==` see
/// the committed vector alone.
#[derive(Clone)]
pub struct Staged {
    g: Array1<f64>,
    spare: Array1<f64>,
}

impl Staged {
    /// Zeros, for `dim` parameters.
    pub fn zeros(dim: usize) -> Self {
        Staged {
            g: Array1::zeros(dim),
            spare: Array1::zeros(dim),
        }
    }

    /// `value` committed (the spare starts as a copy of it).
    pub fn new(value: Array1<f64>) -> Self {
        Staged {
            spare: value.clone(),
            g: value,
        }
    }

    /// The spare buffer, to write the next value into.
    pub fn stage(&mut self) -> ArrayViewMut1<'_, f64> {
        self.spare.view_mut()
    }

    /// The value written by [`Staged::stage`], not yet committed.
    pub fn staged(&self) -> ArrayView1<'_, f64> {
        self.spare.view()
    }

    /// Makes the staged value the current one.
    pub fn commit(&mut self) {
        std::mem::swap(&mut self.g, &mut self.spare);
    }

    /// Evaluates the gradient at `theta` for step `t` and commits it as $g_t$;
    /// returns the loss the oracle saw. A non-finite gradient or loss is refused
    /// with [`Error::NonFinite`] and $g_{t-1}$ stays.
    pub fn eval(
        &mut self,
        oracle: &mut dyn Oracle,
        t: usize,
        theta: ArrayView1<f64>,
    ) -> Result<f64> {
        let loss = oracle.checked_eval(t, theta, self.spare.view_mut())?;
        self.commit();
        Ok(loss)
    }
}

impl fmt::Debug for Staged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.g, f)
    }
}

impl PartialEq for Staged {
    fn eq(&self, other: &Self) -> bool {
        self.g == other.g
    }
}

impl std::ops::Deref for Staged {
    type Target = Array1<f64>;
    fn deref(&self) -> &Array1<f64> {
        &self.g
    }
}

/// The checks every [`Optimizer::step`] makes before it touches θ or the state:
/// the hyperparameters are valid (the fields are public, so a struct literal can
/// hold anything), and θ, the state and the oracle have one dimension. A
/// mismatch is an [`Error::Dimension`], never a panic inside ndarray. In a step
/// a schedule set to rate 0 ([`Oracle::zero_rate`]) `lr` = 0 is valid
/// ([`Optimizer::validate_zero_rate`]); everywhere else it is refused.
pub fn check_step<O: Optimizer + ?Sized>(
    opt: &O,
    theta: ArrayView1<f64>,
    state_dim: usize,
    oracle: &dyn Oracle,
) -> Result<()> {
    if oracle.zero_rate() {
        opt.validate_zero_rate()?;
    } else {
        opt.validate()?;
    }
    check_dim(
        "step: θ against the oracle's dimension",
        oracle.dim(),
        theta.len(),
    )?;
    check_dim(
        "step: θ against the state (made by init for another θ)",
        state_dim,
        theta.len(),
    )
}

/// The start of every step: [`check_step`], then $g_t$ at θ from the oracle into
/// `grad`. Returns $t$ = `t_prev` + 1, the number of the step under way (the step
/// stores it when it is done). On error nothing has changed.
pub fn begin_step<O: Optimizer + ?Sized>(
    opt: &O,
    grad: &mut Staged,
    t_prev: usize,
    theta: ArrayView1<f64>,
    oracle: &mut dyn Oracle,
) -> Result<usize> {
    check_step(opt, theta, grad.len(), oracle)?;
    let t = t_prev + 1;
    grad.eval(oracle, t, theta)?;
    Ok(t)
}

/// An [`Objective`] used as an exact (deterministic) gradient oracle; counts calls.
pub struct Exact<O> {
    pub objective: O,
    calls: u64,
}

impl<O: Objective> Exact<O> {
    pub fn new(objective: O) -> Self {
        Exact {
            objective,
            calls: 0,
        }
    }
}

impl<O: Objective> Oracle for Exact<O> {
    fn dim(&self) -> usize {
        self.objective.dim()
    }
    fn eval(&mut self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>) -> f64 {
        self.calls += 1;
        self.objective.gradient_into(theta, grad);
        self.objective.value(theta)
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        self.objective.value(theta)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.calls
    }
    fn problem_name(&self) -> String {
        self.objective.name()
    }
}

/// Which formulas a method follows where the literature disagrees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub enum Convention {
    /// The blog post and the original papers.
    #[default]
    Paper,
    /// `torch.optim`, to the last bit we can.
    Pytorch,
}

impl fmt::Display for Convention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Convention::Paper => "paper",
            Convention::Pytorch => "pytorch",
        })
    }
}

impl FromStr for Convention {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "paper" => Ok(Convention::Paper),
            "pytorch" => Ok(Convention::Pytorch),
            other => Err(Error::Parse {
                what: "--convention".into(),
                message: format!("unknown convention '{other}'; expected paper or pytorch"),
            }),
        }
    }
}

/// One quantity of a step record: an ASCII `name` for CSV/JSON columns, a
/// `symbol` for tables (Unicode, as the post writes it), and its values (one per
/// parameter, or a single scalar).
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub name: &'static str,
    pub symbol: &'static str,
    pub values: Vec<f64>,
}

impl Field {
    pub fn vector(name: &'static str, symbol: &'static str, values: ArrayView1<f64>) -> Self {
        Field {
            name,
            symbol,
            values: values.to_vec(),
        }
    }
    /// A vector field of one of the shared [`crate::quantity`]s.
    pub fn of(q: crate::quantity::Quantity, values: ArrayView1<f64>) -> Self {
        Field::vector(q.name, q.symbol, values)
    }
    /// A scalar field of one of the shared [`crate::quantity`]s.
    pub fn scalar_of(q: crate::quantity::Quantity, value: f64) -> Self {
        Field::scalar(q.name, q.symbol, value)
    }
    pub fn scalar(name: &'static str, symbol: &'static str, value: f64) -> Self {
        Field {
            name,
            symbol,
            values: vec![value],
        }
    }
}

/// A typed record of one step; `fields` lists its quantities in a fixed order.
pub trait Record: Clone + fmt::Debug {
    fn fields(&self) -> Vec<Field>;
}

/// An optimization method. Hyperparameters are `self`; everything that changes
/// from step to step is in [`Optimizer::State`].
pub trait Optimizer {
    type State: Clone + fmt::Debug;
    type Record: Record;

    /// Short name, as `optrace --optimizer` spells it.
    fn name(&self) -> &'static str;
    /// Which formulas it follows ([`Convention`]).
    fn convention(&self) -> Convention;
    /// The numeric hyperparameters by their `optrace` flag names, for headers and docs.
    fn hyperparameters(&self) -> Vec<(&'static str, f64)>;
    /// The variants switched on away from the method's standard form
    /// (RMSprop's `"centered"`, Adam's `"without bias correction"`), in words:
    /// a switch is a `bool` or an enum, never an `f64`. Default: none.
    fn variants(&self) -> Vec<&'static str> {
        Vec::new()
    }
    /// Refuses hyperparameters outside their domain (a typed error, never a panic).
    fn validate(&self) -> Result<()>;
    /// [`Optimizer::validate`], except that a learning rate of exactly 0 is
    /// valid: the check of a step a schedule set to η = 0 ([`ZeroRate`],
    /// [`LearningRate::at_rate`]), which torch takes as a step of size zero.
    /// Every other value, `lr` < 0 or not finite included, is checked as
    /// `validate` checks it. Default: `validate` (an optimizer that does not
    /// declare its hyperparameters with [`hyperparameters!`](crate::hyperparameters)
    /// refuses what `validate` refuses).
    fn validate_zero_rate(&self) -> Result<()> {
        self.validate()
    }
    /// The state before the first step, for parameters shaped like `theta`.
    fn init(&self, theta: ArrayView1<f64>) -> Self::State;
    /// One update of `theta` in place. Every implementation starts with
    /// [`check_step`]. On error, `theta` and the state are unchanged.
    fn step(
        &self,
        state: &mut Self::State,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()>;
    /// What the last step computed: gₜ, vₜ, Gₜ, E\[g²\]ₜ, … (a copy of the state).
    fn record(&self, state: &Self::State) -> Self::Record;

    /// `self` if its hyperparameters are valid ([`Optimizer::validate`]), so a
    /// bad value is refused where the optimizer is built:
    /// `Adam { lr: 0.1, ..Adam::defaults(Convention::Paper) }.validated()?`.
    fn validated(self) -> Result<Self>
    where
        Self: Sized,
    {
        self.validate()?;
        Ok(self)
    }

    /// Where the method takes its next gradient, written into `point`: θ itself
    /// for every method but NAG under `paper`, which overrides this with its
    /// lookahead $\theta - \gamma v$. Feed [`Optimizer::update`] the gradient there.
    fn gradient_point(
        &self,
        state: &Self::State,
        theta: ArrayView1<f64>,
        mut point: ArrayViewMut1<f64>,
    ) -> Result<()> {
        let _ = state;
        check_dim(
            "gradient_point: the output against θ",
            theta.len(),
            point.len(),
        )?;
        point.assign(&theta);
        Ok(())
    }

    /// The plain form: one update of `theta` in place from a gradient the caller
    /// computed (as after torch's `loss.backward()`), with the same code and
    /// numbers as [`Optimizer::step`]. `grad` must be $\nabla J$ where the method
    /// evaluates it: at θ for every method but NAG under `paper`, which needs it
    /// at the lookahead point ([`Optimizer::gradient_point`]). On error (a dimension
    /// mismatch, a non-finite gradient) `theta` and the state are unchanged.
    /// Allocation free.
    fn update(
        &self,
        state: &mut Self::State,
        theta: ArrayViewMut1<f64>,
        grad: ArrayView1<f64>,
    ) -> Result<()> {
        self.step(state, theta, &mut Given::new(grad))
    }

    /// The hyperparameters in the post's symbols, for labels: `η = 0.4, γ = 0.9`.
    /// Labels built from this cannot drift from the optimizer they describe.
    fn symbols(&self) -> String {
        self.hyperparameters()
            .iter()
            .map(|(k, v)| {
                format!(
                    "{} = {}",
                    crate::render::symbol(k),
                    crate::render::fmt_short(*v)
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// `name/convention (lr = 0.4, momentum = 0.9)`, then any [`Optimizer::variants`]:
    /// `rmsprop/pytorch (lr = 0.01, rho = 0.99, eps = 0.00000001; centered)`.
    fn describe(&self) -> String {
        let hp: Vec<String> = self
            .hyperparameters()
            .iter()
            .map(|(k, v)| format!("{k} = {v}"))
            .collect();
        let mut inside = hp.join(", ");
        let variants = self.variants();
        if !variants.is_empty() {
            inside.push_str("; ");
            inside.push_str(&variants.join(", "));
        }
        format!("{}/{} ({inside})", self.name(), self.convention())
    }
}

/// An optimizer whose step is scaled by a learning rate η that can be read and
/// replaced: what a learning-rate schedule (the `schedule` crate, torch's
/// `lr_scheduler`) needs. Setting $\eta_t$ before step $t$ is all a schedule does:
///
/// $$\theta_t = \theta_{t-1} - \eta_t\\,u_t \qquad (u_t \text{ the method's own direction})$$
///
/// Every optimizer of the post implements it, most through
/// [`learning_rate_field!`](crate::learning_rate_field) (a public `lr: f64` field).
/// Adadelta under `paper` (Zeiler) has no η: [`LearningRate::lr`] is `None` and
/// [`LearningRate::with_lr`] is an [`Error::NoLearningRate`].
pub trait LearningRate {
    /// The learning rate η, or `None` for a method that has none.
    fn lr(&self) -> Option<f64>;
    /// A copy with learning rate `lr`, validated as the optimizer validates
    /// itself (a bad `lr` is an [`Error::Hyperparameter`] naming `lr`).
    fn with_lr(&self, lr: f64) -> Result<Self>
    where
        Self: Sized;
    /// A copy for the step of a schedule at rate `lr` >= 0: [`LearningRate::with_lr`],
    /// except that `lr` = 0 is accepted ([`Optimizer::validate_zero_rate`]). A
    /// negative or non-finite `lr` is an [`Error::Hyperparameter`] naming `lr`.
    /// Step the copy at `lr` = 0 through a [`ZeroRate`] oracle: its own step
    /// checks again, and accepts 0 only there.
    fn at_rate(&self, lr: f64) -> Result<Self>
    where
        Self: Sized;
}

/// Implements [`LearningRate`] for an [`Optimizer`] with a public `lr: f64`
/// field: `lr()` reads it, `with_lr` sets it and calls
/// [`Optimizer::validated`], `at_rate` sets it and calls
/// [`Optimizer::validate_zero_rate`] after refusing a negative or non-finite `lr`.
///
/// ```text
/// optcore::learning_rate_field!(Adam);
/// ```
#[macro_export]
macro_rules! learning_rate_field {
    ($ty:ty) => {
        impl $crate::optimizer::LearningRate for $ty {
            fn lr(&self) -> ::core::option::Option<f64> {
                ::core::option::Option::Some(self.lr)
            }
            fn with_lr(&self, lr: f64) -> $crate::error::Result<Self> {
                let mut opt = ::core::clone::Clone::clone(self);
                opt.lr = lr;
                $crate::optimizer::Optimizer::validated(opt)
            }
            fn at_rate(&self, lr: f64) -> $crate::error::Result<Self> {
                $crate::error::check_non_negative("lr", lr)?;
                let mut opt = ::core::clone::Clone::clone(self);
                opt.lr = lr;
                $crate::optimizer::Optimizer::validate_zero_rate(&opt)?;
                ::core::result::Result::Ok(opt)
            }
        }
    };
}
