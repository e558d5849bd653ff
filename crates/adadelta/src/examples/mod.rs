//! Worked examples the notebook `06-adadelta.ipynb` shows, one module per part of
//! the notebook. Each returns a value that renders itself; the snapshot tests pin
//! `value.to_string()`.
//!
//! | part of the notebook | module |
//! |---|---|
//! | A decaying average instead of a sum; "only the last $w$ gradients"? | [`decaying_average`] |
//! | The units do not match: (a) Newton's method, run; the race against Adadelta, SGD, Adagrad | [`newton_run`] |
//! | (b) Units, checked by the compiler | [`unit_check`] |
//! | Adadelta's update (and refused input) | [`update`] |
//! | (c) Rescaling θ: metres to centimetres | [`rescaling_theta`] |
//! | From Newton's step to Adadelta's ratio; the general RMS | [`bridges`] |
//!
//! [`newton_run`] and [`rescaling_theta`] run Newton's method (nalgebra solves
//! $H\delta = -g$): they, [`crate::newton`] and the Newton exercise are compiled with
//! the `newton` feature, which notebook 06 asks for. Without it the crate is the
//! optimizer and the rest of these examples, with no nalgebra in its crate graph.

//!
//! Each experiment of the notebook is a struct with one pub field per knob,
//! written out in its cell at the values of its `lesson()`; its methods check
//! every knob first and refuse a bad one with a typed error naming it.

use ndarray::{array, Array1};

pub use optcore::MAX_LESSON_STEPS;

pub mod bridges;
pub mod decaying_average;
#[cfg(feature = "newton")]
pub mod newton_run;
#[cfg(feature = "newton")]
pub mod rescaling_theta;
pub mod unit_check;
pub mod update;

pub use bridges::*;
pub use decaying_average::*;
#[cfg(feature = "newton")]
pub use newton_run::*;
#[cfg(feature = "newton")]
pub use rescaling_theta::*;
pub use unit_check::*;
pub use update::*;

/// The start for Rosenbrock runs.
pub fn rosenbrock_start() -> Array1<f64> {
    array![-1.2, 1.0]
}
