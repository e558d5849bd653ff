//! # optcore — the shared core of the step-through companion
//!
//! The post's setting: parameters $\theta$ (or $W$), an objective $J(\theta)$, and a
//! batch loss $L(\mathbf{x}, W) = \frac{1}{m}\sum_{i=1}^m L(x_i, W)$. Every method of the
//! post is an [`Optimizer`]: hyperparameters in `self`, a separate `State`, and a
//! `step` that updates θ from the gradient an [`Oracle`] returns.
//!
//! - [`objective`]: the test functions (quadratic, Rosenbrock, Beale) with gradients
//!   and nalgebra Hessians, a constant slope, rescaled coordinates, and closures;
//!   the reference quadratic's start, [`reference_start`].
//! - [`data`]: data sets (iris, compiled in) and per-example losses (least squares,
//!   logistic, softmax) whose batch loss is the mean of example losses.
//! - [`digits`]: the 8×8 handwritten digits (1,797 images, compiled in), read with
//!   typed errors; [`mlp`]: a one-hidden-layer network as a per-example loss over
//!   its flat parameters, with its backward pass.
//! - [`optimizer`]: the [`Optimizer`] / [`Oracle`] / [`Record`] traits, [`Convention`],
//!   and [`LearningRate`] (the η a schedule sets).
//! - [`trace`]: the loop ([`run`], [`run_to_completion`], [`run_with`]) and the
//!   [`Trace`] it records.
//! - [`render`]: stable number formatting, tables, Markdown/LaTeX, notebook display.
//! - [`lang`]: the language outputs are shown in (English, Korean) and the Korean
//!   wording of every shown text.
//! - [`reference`](mod@reference): the reference traces and cases vendored in
//!   `crates/optcore/reference/` (torch.optim and the post's equations, computed
//!   outside this project), compiled in with `include_str!`, for tests and examples.
//! - [`quantity`]: every recorded quantity's one column name and one symbol.
//! - [`pieces`]: shared update pieces (decaying averages, sums of squares, βᵗ).
//! - [`unroll`]: a decaying average $x_t = d\\,x_{t-1} + c\\,g_t$ unrolled in
//!   symbols (the post's $v_1 \dots v_4$, Adam's $m_t$).
//! - [`linalg`]: norms, distances, cosines of parameter vectors; the eigenvalue
//!   range of a Hessian (nalgebra).
//! - [`measure`]: measurements along a trace (step records, sign changes).
//! - [`torch_ops`]: torch.optim's tensor operations on one element, rounded as
//!   torch's CPU kernels round them (every `pytorch` convention uses them).
//! - [`flags`]: hyperparameters as `optrace` flags, [`FromFlags`].
//! - [`declare`]: an optimizer's hyperparameters declared once
//!   ([`hyperparameters!`]), and the `Optimizer` methods that follow from them.
//! - [`moments`]: Adam's bias-corrected moments, the state the Adam family shares.
//! - [`hyper`]: the one table of hyperparameters (name, flag, symbol, domain and
//!   its check), read by `optrace` and by the symbols of labels.
//! - [`exercise`]: checked exercises (an answer the library computes, the usual slips).
//! - [`error`]: the typed [`Error`].
//!
//! **Feature `nalgebra`** (off by default; `gd/hessian`, `momentum/dynamics`,
//! `adadelta/newton` and the umbrella crate turn it on): the Hessians
//! (`Objective::hessian`, `ExampleLoss::mean_hessian`, `LeastSquares::gram`,
//! `hessian_matrix`, `solve_exact`), `linalg::eigenvalue_range` and the re-export
//! `optcore::nalgebra`. Without it nalgebra is not in the crate graph at all, which
//! brings a notebook kernel whose crates read no Hessian to its first output 5–11 s
//! sooner (evcxr's type analysis; docs/latency.md).

pub mod data;
pub mod declare;
pub mod digits;
pub mod error;
pub mod exercise;
pub mod flags;
pub mod hyper;
pub mod lang;
pub mod linalg;
pub mod measure;
pub mod mlp;
pub mod moments;
pub mod objective;
pub mod optimizer;
pub mod pieces;
pub mod quantity;
pub mod reference;
pub mod render;
pub mod torch_ops;
pub mod trace;
pub mod unroll;

pub use data::{iris, Dataset, ExampleLoss, LeastSquares, Logistic, Softmax};
pub use declare::Declared;
pub use error::{Error, Result};
pub use flags::{Flags, FromFlags};
pub use hyper::{Hyperparameter, HYPERPARAMETERS};
pub use moments::{Moments, MomentsRecord};
pub use objective::{
    problem_by_name, reference_start, Beale, FnObjective, Objective, Quadratic, Rosenbrock, Saddle,
};
pub use objective::{Rescaled, Slope};
pub use optimizer::{
    begin_step, check_step, Convention, Exact, Field, Given, LearningRate, Optimizer, Oracle,
    Record, Staged, ZeroRate,
};
pub use render::{fmt_num, Markdown, Report, Table};
pub use trace::{
    run, run_to_completion, run_with, steps, Row, RunOptions, Steps, Trace, MAX_LESSON_STEPS,
    MAX_STEPS, MAX_TRACE_STEPS,
};

/// Re-exported so that notebooks and section crates use the same versions
/// (nalgebra only with the `nalgebra` feature).
#[cfg(feature = "nalgebra")]
pub use nalgebra;
pub use ndarray;
