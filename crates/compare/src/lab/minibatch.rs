//! Mini-batch labs: a data loss seen through batches ([`Lab::minibatches`]).
//!
//! Each step's gradient is the mean over that step's batch
//! ([`batching::MiniBatchOracle`]); the table and the loss chart report the
//! full-data loss $J(\theta_t)$. Every run of one lab draws the same batches in
//! the same order (one seed, a fresh shuffle per run), so runs differ by their
//! optimizer alone.

use batching::{Batches, LastBatch, MiniBatchOracle};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};
use optcore::error::Result;
use optcore::{ExampleLoss, Objective, Oracle};

use super::Lab;

/// What a mini-batch lab keeps beside its objective: a fresh oracle per run.
pub(crate) trait Sampled {
    /// The batches of one run, from the first (a batch size of 0 or above the
    /// data set's size is [`optcore::Error::BatchSize`]).
    fn oracle(&self) -> Result<Box<dyn Oracle + '_>>;
    /// `(batch size, seed)`, for the lab's `Debug`.
    fn knobs(&self) -> (usize, u64);
}

/// A data loss with its batch size and shuffling seed.
pub(crate) struct MiniBatched<L> {
    loss: L,
    batch_size: usize,
    seed: u64,
}

impl<L: ExampleLoss + Objective> Sampled for MiniBatched<L> {
    fn oracle(&self) -> Result<Box<dyn Oracle + '_>> {
        let batches = Batches::new(
            self.loss.len(),
            self.batch_size,
            Some(self.seed),
            LastBatch::Keep,
        )?;
        Ok(Box::new(MiniBatchOracle::new(&self.loss, batches)))
    }

    fn knobs(&self) -> (usize, u64) {
        (self.batch_size, self.seed)
    }
}

/// The full-data loss, named with its batches: "iris softmax, batches of 16".
impl<L: ExampleLoss + Objective> Objective for MiniBatched<L> {
    fn name(&self) -> String {
        format!("{}, batches of {}", self.loss.name(), self.batch_size)
    }
    fn dim(&self) -> usize {
        self.loss.dim()
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        self.loss.value(theta)
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>) {
        self.loss.gradient_into(theta, grad)
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        self.loss.minimum()
    }
}

impl Lab {
    /// A data loss (the iris softmax classifier of [`crate::iris::loss`], or
    /// any [`ExampleLoss`]) trained in mini-batches of `batch_size` examples,
    /// shuffled with `seed` each epoch (the last batch of an epoch may be
    /// smaller). Starts at $\theta_0 = 0$ unless [`Lab::start`] says otherwise.
    /// The contour plot needs two parameters; the table and the loss chart
    /// take any number.
    pub fn minibatches<L>(loss: L, batch_size: usize, seed: u64) -> Lab
    where
        L: ExampleLoss + Objective + 'static,
    {
        let dim = loss.dim();
        let data = std::rc::Rc::new(MiniBatched {
            loss,
            batch_size,
            seed,
        });
        let mut lab = Lab::on_rc(data.clone());
        lab.sampled = Some(data);
        lab.start = Some(vec![0.0; dim]);
        lab
    }
}
