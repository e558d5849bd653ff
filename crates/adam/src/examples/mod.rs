//! The worked examples `notebooks/08-adam.ipynb` shows, one module per part of the
//! notebook; each returns a value that renders itself, and `tests/snapshots.rs`
//! pins its text.
//!
//! | part of the notebook | module |
//! |---|---|
//! | The rule in code, The update, step by step | [`step_by_step`] |
//! | Where the bias comes from | [`bias`] |
//! | Uncorrected vs corrected first steps | [`bias_correction`] |
//! | Adam = momentum + RMSprop | [`two_averages`] |
//! | Where ε goes | [`where_eps_goes`] |
//! | Agreement with torch.optim.Adam | [`torch_agreement`] |

pub mod bias;
pub mod bias_correction;
pub mod step_by_step;
pub mod torch_agreement;
pub mod two_averages;
pub mod where_eps_goes;

pub use bias::*;
pub use bias_correction::*;
pub use step_by_step::*;
pub use torch_agreement::*;
pub use two_averages::*;
pub use where_eps_goes::*;

/// Most steps an experiment whose every step is a table row takes: more would
/// print a table no one reads (and could exhaust the notebook's memory).
pub const MAX_TABLE_STEPS: usize = 1000;

/// Most steps a figure of the lesson draws.
pub const MAX_FIGURE_STEPS: usize = 10_000;

/// How far [`unrolled_first_moment`] unrolls $m_t$.
pub const UNROLL_T: usize = 6;
/// Steps of [`ConstantGradient::lesson`].
pub const CONSTANT_STEPS: usize = 10;
/// Steps of [`BiasCorrection::lesson`]'s tables and of [`TwoAverages::lesson`].
pub const FIRST_STEPS: usize = 8;
/// Steps of [`PaperVsPytorch::lesson`].
pub const COMPARE_STEPS: usize = 200;
/// Steps of [`BiasCorrection::lesson`]'s figure.
pub const CONTOUR_STEPS: usize = 60;
