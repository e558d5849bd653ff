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

use optcore::{Error, Result};

/// The most steps a lesson experiment takes (a cell should answer in seconds).
pub const MAX_LESSON_STEPS: usize = 100_000;

/// Steps: from 1 to [`MAX_LESSON_STEPS`], else a typed error.
pub(crate) fn check_steps(steps: usize) -> Result<()> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    if steps > MAX_LESSON_STEPS {
        return Err(Error::Steps {
            steps,
            max: MAX_LESSON_STEPS,
        });
    }
    Ok(())
}

/// A start whose every coordinate is finite, else a typed error naming `name`.
pub(crate) fn check_start(name: &'static str, start: &[f64]) -> Result<()> {
    match start.iter().find(|v| !v.is_finite()) {
        Some(&bad) => Err(Error::Hyperparameter {
            name,
            value: bad,
            accepts: "a point whose every coordinate is a finite number",
        }),
        None => Ok(()),
    }
}

/// A list that must not be empty, else a typed error naming `what`.
pub(crate) fn check_nonempty<T>(what: &'static str, list: &[T]) -> Result<()> {
    if list.is_empty() {
        Err(Error::Empty { what })
    } else {
        Ok(())
    }
}

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
