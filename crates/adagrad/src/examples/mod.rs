//! Worked examples the notebook `05-adagrad.ipynb` shows, one module per part of
//! the notebook. Each returns a value that renders itself; the snapshot tests pin
//! `value.to_string()`.
//!
//! | part of the notebook | module |
//! |---|---|
//! | One learning rate per parameter | [`per_parameter`] |
//! | $G_t$ is a diagonal matrix | [`diagonal`] |
//! | Where ε goes: the post vs `torch.optim.Adagrad` (a zero denominator, refused input) | [`eps_placement`] |
//! | The post's example: a feature that is almost always 0 | [`sparse_feature`] |
//! | The post's warning: the rate only shrinks | [`rate_decay`] |

//!
//! Each experiment of the notebook is a struct with one pub field per knob,
//! written out in its cell at the values of its `lesson()`; its methods check
//! every knob first and refuse a bad one with a typed error naming it.

pub use optcore::MAX_LESSON_STEPS;

// The full outer-product G beside the diagonal one, as nalgebra matrices: the
// `matrices` feature.
#[cfg(feature = "matrices")]
pub mod diagonal;
pub mod eps_placement;
pub mod per_parameter;
pub mod rate_decay;
pub mod sparse_feature;

#[cfg(feature = "matrices")]
pub use diagonal::*;
pub use eps_placement::*;
pub use per_parameter::*;
pub use rate_decay::*;
pub use sparse_feature::*;
