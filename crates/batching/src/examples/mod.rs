//! Worked examples: every table the batching notebook shows, computed here so
//! that the notebook and the snapshot tests show the same numbers. Each
//! experiment is a struct of its knobs ([`BatchMean`], [`EpochPlan`],
//! [`FirstEpochs`], [`UpdateCost`], [`HardExample`], [`GradientNoise`]; the
//! notebook's cell writes it out at the values of its `lesson()`), whose methods
//! check every knob (a typed `optcore::Error`) before computing.
//!
//! All of them use one problem, softmax regression on Fisher's iris data
//! (standardized features plus a bias column, 3 classes, so $W$ is 3 × 5 = 15
//! numbers), at one fixed, non-trivial $W$ ([`reference_weights`]: a few
//! full-batch gradient steps from $W = 0$). Every random choice is a seeded
//! ChaCha8 shuffle, so every number is the same on every run and machine.
//!
//! One module per part of `notebooks/01-batching.ipynb`:
//!
//! | part of the notebook | module |
//! |---|---|
//! | The batch loss $L(\mathbf{x}, W)$ | [`batch_loss`] |
//! | The rule in code (mini-batch steps) | [`rule`] |
//! | Cutting an epoch into batches | [`epochs`] |
//! | What one update costs | [`cost`] |
//! | A hard example is drowned out | [`hard_example`] |
//! | The noise of a mini-batch gradient falls like $1/m$ | [`variance`] |

use ndarray::Array1;
use optcore::error::{Error, Result};
use optcore::{iris, ExampleLoss, Objective, Softmax};

pub mod batch_loss;
pub mod cost;
pub mod epochs;
pub mod hard_example;
pub mod rule;
pub mod variance;

pub use batch_loss::*;
pub use cost::*;
pub use epochs::*;
pub use hard_example::*;
pub use rule::*;
pub use variance::*;

/// Iris class names, by target index.
pub const SPECIES: [&str; 3] = ["setosa", "versicolor", "virginica"];
/// Number of examples N (the 150 iris flowers).
pub const N: usize = 150;
/// The seed of every example's shuffles.
pub const SEED: u64 = 42;
/// The batch sizes the tables run through: powers of two up to 64, then all 150.
pub const BATCH_SIZES: [usize; 8] = [1, 2, 4, 8, 16, 32, 64, 150];
/// Full-batch gradient steps that make [`reference_weights`].
pub const WEIGHT_STEPS: usize = 5;
/// Learning rate of those steps.
pub const WEIGHT_LR: f64 = 0.5;

/// The loss of every example: softmax regression on standardized iris with a
/// bias column, 3 classes (15 parameters: row $c$ of $W$ is class $c$'s weights).
pub fn iris_softmax() -> Result<Softmax> {
    Softmax::new(iris().standardized().with_bias(), 3)
}

/// The $W$ the examples measure at: [`WEIGHT_STEPS`] full-batch gradient steps
/// $W \leftarrow W - \eta\\,\nabla L(\mathbf{x}, W)$ with $\eta$ = [`WEIGHT_LR`],
/// from $W = 0$. Partly trained: some flowers are already easy, some still hard.
pub fn reference_weights(loss: &Softmax) -> Array1<f64> {
    let p = loss.num_params();
    let mut w = Array1::zeros(p);
    let mut g = Array1::zeros(p);
    for _ in 0..WEIGHT_STEPS {
        loss.gradient_into(w.view(), g.view_mut());
        w.zip_mut_with(&g, |wi, gi| *wi -= WEIGHT_LR * gi);
    }
    w
}

/// `W[class, feature]`, the name of parameter `k`.
pub fn parameter_name(loss: &Softmax, k: usize) -> String {
    let d = loss.data.features.ncols();
    format!("W[{}, {}]", SPECIES[k / d], loss.data.feature_names[k % d])
}

/// Every batch size in `sizes` between 1 and `n`, and at least one of them.
pub(super) fn check_sizes(sizes: &[usize], n: usize) -> Result<()> {
    if sizes.is_empty() {
        return Err(Error::Empty {
            what: "the list of batch sizes `sizes`",
        });
    }
    for &m in sizes {
        if m == 0 || m > n {
            return Err(Error::BatchSize {
                batch_size: m,
                len: n,
            });
        }
    }
    Ok(())
}

/// A whole-number knob `name` within `min..=max`, or an
/// [`Error::Hyperparameter`] naming it with `accepts`.
pub(super) fn check_count(
    name: &'static str,
    value: usize,
    min: usize,
    max: usize,
    accepts: &'static str,
) -> Result<()> {
    if (min..=max).contains(&value) {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value: value as f64,
            accepts,
        })
    }
}

pub(super) fn species(loss: &Softmax, i: usize) -> &'static str {
    SPECIES[loss.data.targets[i] as usize]
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Error;

    #[test]
    fn n_is_the_size_of_iris() {
        assert_eq!(iris_softmax().unwrap().len(), N);
        assert_eq!(*BATCH_SIZES.last().unwrap(), N);
    }

    #[test]
    fn bad_batch_sizes_are_errors() {
        for m in [0, 151] {
            let want = Error::BatchSize {
                batch_size: m,
                len: 150,
            };
            let sizes = vec![1, m];
            assert_eq!(BatchMean { m, seed: SEED }.report().unwrap_err(), want);
            let plan = EpochPlan {
                sizes: sizes.clone(),
                ..EpochPlan::lesson()
            };
            assert_eq!(plan.table().unwrap_err(), want);
            let cost = UpdateCost {
                sizes: sizes.clone(),
                seed: SEED,
            };
            assert_eq!(cost.table().unwrap_err(), want);
            let hard = HardExample {
                sizes: sizes.clone(),
                epochs: 1,
                seed: SEED,
            };
            assert_eq!(hard.report().unwrap_err(), want);
            let noise = GradientNoise {
                sizes,
                draws: 10,
                seed: SEED,
            };
            assert_eq!(noise.table().unwrap_err(), want);
        }
    }

    #[test]
    fn every_lesson_value_is_the_constants() {
        assert_eq!(BatchMean::lesson(), BatchMean { m: 8, seed: 42 });
        assert_eq!(EpochPlan::lesson().sizes, BATCH_SIZES.to_vec());
        assert_eq!(HardExample::lesson().epochs, OUTLIER_EPOCHS);
        assert_eq!(GradientNoise::lesson().draws, VARIANCE_DRAWS);
    }
}
