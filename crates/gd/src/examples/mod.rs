//! The worked examples of the Gradient Descent notebook, one module per part of
//! `notebooks/02-gradient-descent.ipynb`. Each experiment is a struct of its
//! knobs ([`HandSteps`], [`QuadraticPaths`], [`ThreeKinds`],
//! [`LrSensitivity`]; the notebook's cell writes it out at the values of its
//! `lesson()`), whose methods check every knob and return a value that renders
//! itself (a [`Report`](optcore::Report) or [`Table`](optcore::Table)), a
//! figure, or the series a plot draws ([`plots::Series`]);
//! `tests/snapshots.rs` pins every one of them at the lesson's values. None
//! panics: what can go wrong, a bad knob included, is an `optcore::Error`.
//!
//! The data problem ([`IrisRegression`]): predict an iris flower's petal width
//! (cm) from its standardized sepal length, sepal width and petal length, plus a
//! bias, by least squares,
//!
//! $$J(w) = \frac{1}{N}\sum_{i=1}^{N} \tfrac12 (w^\top x_i - y_i)^2, \qquad N = 150.$$
//!
//! Its Hessian is the constant $H = \frac1N X^\top X$, so gradient descent with
//! the full batch is stable exactly when $\eta < 2/\lambda_{\max}(H)$.
//!
//! | part of the notebook | module |
//! |---|---|
//! | The update rule | [`update_rule`] |
//! | Three kinds of gradient descent, on real data | [`three_kinds`] |
//! | The comparison | [`side_by_side`] |
//! | Loss per update | [`per_update`] |
//! | The learning rate | [`learning_rate`] |
//!
//! Every part on iris reads the Hessian $H$ (its eigenvalues; the normal equations
//! for $w^*$), as does [`QuadraticPaths::table`]'s title and the exercise on the
//! stable η: they are compiled with the `hessian` feature (optcore's nalgebra
//! part), which notebook 02 asks for. Without it the crate is `Sgd`, mini-batch GD
//! and the update rule's examples, with no nalgebra in its crate graph.

use ndarray::ArrayView1;
use optcore::render::fmt_num;

// The iris parts read the Hessian of least squares (its eigenvalues, the normal
// equations): they need the `hessian` feature (optcore's nalgebra part).
#[cfg(feature = "hessian")]
pub mod learning_rate;
#[cfg(feature = "hessian")]
pub mod per_update;
#[cfg(feature = "hessian")]
pub mod side_by_side;
#[cfg(feature = "hessian")]
pub mod three_kinds;
pub mod update_rule;

#[cfg(feature = "hessian")]
pub use learning_rate::*;
#[cfg(feature = "hessian")]
pub use per_update::*;
#[cfg(feature = "hessian")]
pub use side_by_side::*;
#[cfg(feature = "hessian")]
pub use three_kinds::*;
pub use update_rule::*;

/// Seed of every shuffle in these examples.
pub const SEED: u64 = 42;
/// Learning rate shared by every variant in the comparison.
pub const LR: f64 = 0.05;
/// Passes over the data in the comparison.
pub const EPOCHS: usize = 30;
/// The comparison's batch sizes: batch GD (N = 150), stochastic GD, two mini-batches.
pub const BATCH_SIZES: [usize; 4] = [150, 1, 10, 30];
/// The target loss is $J^\* + \text{TARGET\_FRACTION}\cdot(J(\theta_0) - J^\*)$.
pub const TARGET_FRACTION: f64 = 0.01;

/// `n` as a word up to ten ("two learning rates"), else in digits.
fn count_word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| w.to_string())
}

/// A vector as `(a, b, …)` for the text between tables.
fn vector(v: ArrayView1<f64>) -> String {
    let parts: Vec<String> = v.iter().map(|x| fmt_num(*x)).collect();
    format!("({})", parts.join(", "))
}
