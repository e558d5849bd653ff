//! # Batching (배치)
//!
//! The post's introduction: feeding the whole data set at once is expensive, and a
//! hard example's error is drowned in the average. So the data
//! $\mathbf{x} = \[x_1, \dots, x_m\]$ is cut into batches of size $m$ and each update
//! uses
//!
//! $$L(\mathbf{x}, W) = \frac{1}{m}\sum_{i=1}^{m} L(x_i, W).$$
//!
//! This crate cuts the data ([`Batches`]: a seeded ChaCha shuffle per epoch, the last
//! partial batch kept or dropped) and turns a data loss into a gradient
//! [`Oracle`] that hands an optimizer one mini-batch per step ([`MiniBatchOracle`]).
//!
//! ## Epochs, the last batch, and the seeded shuffle
//!
//! An epoch is one pass over the $N$ examples. When $m$ does not divide $N$, the
//! last batch of an epoch has only $N \bmod m$ examples: [`LastBatch::Keep`] uses
//! it ($\lceil N/m \rceil$ updates per epoch, like PyTorch's `DataLoader` default
//! `drop_last=False`), [`LastBatch::Drop`] skips it ($\lfloor N/m \rfloor$ updates,
//! every one on exactly $m$ examples, `drop_last=True`). Dropping loses no example
//! for good: with a seed, [`Batches`] reshuffles the order at the start of every
//! epoch (Fisher–Yates, [`shuffle`], driven by ChaCha8 seeded with
//! `seed_from_u64`), so a different tail is skipped each time. The shuffle uses
//! only the generator's raw 64-bit output ([`uniform_below`]), so the same seed
//! gives the same batches on every machine and every release of `rand`; without a
//! seed the data order is kept.
//!
//! [`examples`] holds the worked examples the notebook shows: the batch loss as
//! the mean of example losses, how an epoch is cut, what an update costs, how a
//! hard example's share shrinks like $1/m$, and how the variance of the
//! mini-batch gradient falls like $1/m$.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 01. With
//! `default-features = false` this crate is the method alone, depending on
//! optcore and the ChaCha generator only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(not(feature = "lessons"), doc = "", doc = "[`examples`]: #features")]

mod split;
pub use split::Split;

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{ArrayView1, ArrayViewMut1};
use optcore::error::{Error, Result};
use optcore::{ExampleLoss, Objective, Oracle};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// What to do with the last batch of an epoch when m does not divide the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LastBatch {
    /// Use it, smaller than the others.
    Keep,
    /// Skip it: every batch has exactly m examples.
    Drop,
}

/// An unbiased integer in `0..n` (Lemire's multiply-and-reject), from the raw
/// 64-bit output of the generator: the same on every machine and every release
/// of `rand`, because it uses only `rand_core`'s `next_u64`.
pub fn uniform_below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    assert!(n > 0, "uniform_below needs n > 0");
    let threshold = n.wrapping_neg() % n;
    loop {
        let m = (rng.next_u64() as u128) * (n as u128);
        if (m as u64) >= threshold {
            return (m >> 64) as u64;
        }
    }
}

/// Fisher–Yates shuffle driven by [`uniform_below`].
pub fn shuffle(rng: &mut ChaCha8Rng, items: &mut [usize]) {
    for i in (1..items.len()).rev() {
        let j = uniform_below(rng, i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// The mini-batches of an endless sequence of epochs over `len` examples.
#[derive(Debug, Clone)]
pub struct Batches {
    len: usize,
    batch_size: usize,
    last: LastBatch,
    rng: Option<ChaCha8Rng>,
    order: Vec<usize>,
    pos: usize,
    epoch: usize,
}

impl Batches {
    /// Batches of `batch_size` over `len` examples; `seed = Some(s)` reshuffles
    /// with ChaCha8 seeded by `s` at the start of every epoch, `None` keeps the
    /// data order. A batch size of 0 or larger than the data is an error.
    pub fn new(len: usize, batch_size: usize, seed: Option<u64>, last: LastBatch) -> Result<Self> {
        if len == 0 {
            return Err(Error::Empty { what: "data set" });
        }
        if batch_size == 0 || batch_size > len {
            return Err(Error::BatchSize { batch_size, len });
        }
        Ok(Batches {
            len,
            batch_size,
            last,
            rng: seed.map(ChaCha8Rng::seed_from_u64),
            order: (0..len).collect(),
            pos: len, // forces a (re)shuffle before the first batch
            epoch: 0,
        })
    }

    pub fn batch_size(&self) -> usize {
        self.batch_size
    }

    /// Number of examples N.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Always false: an empty data set is refused by [`Batches::new`].
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// What happens to the last partial batch.
    pub fn last_batch(&self) -> LastBatch {
        self.last
    }

    /// Size of the last batch of each epoch: $N \bmod m$ when kept and non-zero,
    /// else m.
    pub fn last_batch_size(&self) -> usize {
        match (self.last, self.len % self.batch_size) {
            (LastBatch::Keep, r) if r > 0 => r,
            _ => self.batch_size,
        }
    }

    /// Examples each epoch skips: $N \bmod m$ with [`LastBatch::Drop`], else 0.
    pub fn dropped_per_epoch(&self) -> usize {
        match self.last {
            LastBatch::Keep => 0,
            LastBatch::Drop => self.len % self.batch_size,
        }
    }

    /// Number of updates one pass over the data makes.
    pub fn batches_per_epoch(&self) -> usize {
        match self.last {
            LastBatch::Keep => self.len.div_ceil(self.batch_size),
            LastBatch::Drop => self.len / self.batch_size,
        }
    }

    /// Epochs started so far (1 during the first).
    pub fn epoch(&self) -> usize {
        self.epoch
    }

    /// The next batch of example indices, starting a new epoch when needed.
    pub fn next_batch(&mut self) -> &[usize] {
        let remaining = self.len - self.pos;
        let exhausted =
            remaining == 0 || (self.last == LastBatch::Drop && remaining < self.batch_size);
        if exhausted {
            self.order.iter_mut().enumerate().for_each(|(i, o)| *o = i);
            if let Some(rng) = self.rng.as_mut() {
                shuffle(rng, &mut self.order);
            }
            self.pos = 0;
            self.epoch += 1;
        }
        let end = (self.pos + self.batch_size).min(self.len);
        let start = self.pos;
        self.pos = end;
        &self.order[start..end]
    }

    /// The batches of the next epoch, in order.
    pub fn next_epoch(&mut self) -> Vec<Vec<usize>> {
        (0..self.batches_per_epoch())
            .map(|_| self.next_batch().to_vec())
            .collect()
    }
}

/// A data loss seen through mini-batches: each step's gradient is the mean over
/// the step's batch, the trace's loss is the full-data loss.
pub struct MiniBatchOracle<'a, L: ExampleLoss + Objective> {
    loss: &'a L,
    batches: Batches,
    current: Vec<usize>,
    evaluations: u64,
    last_batch_loss: f64,
}

impl<'a, L: ExampleLoss + Objective> MiniBatchOracle<'a, L> {
    pub fn new(loss: &'a L, batches: Batches) -> Self {
        MiniBatchOracle {
            loss,
            current: Vec::with_capacity(batches.batch_size()),
            batches,
            evaluations: 0,
            last_batch_loss: f64::NAN,
        }
    }
    /// The batch of the current step.
    pub fn current_batch(&self) -> &[usize] {
        &self.current
    }
    /// The mini-batch loss of the last evaluation.
    pub fn last_batch_loss(&self) -> f64 {
        self.last_batch_loss
    }
    pub fn batches(&self) -> &Batches {
        &self.batches
    }
}

impl<L: ExampleLoss + Objective> Oracle for MiniBatchOracle<'_, L> {
    fn dim(&self) -> usize {
        self.loss.num_params()
    }
    fn begin_step(&mut self, _t: usize) {
        let next = self.batches.next_batch();
        self.current.clear();
        self.current.extend_from_slice(next);
    }
    fn eval(&mut self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        if self.current.is_empty() {
            self.begin_step(0);
        }
        self.evaluations += self.current.len() as u64;
        // Dimensions were checked when the run started; an empty batch cannot occur.
        let l = self
            .loss
            .batch_loss_and_gradient(&self.current, theta, grad.view_mut())
            .unwrap_or(f64::NAN);
        self.last_batch_loss = l;
        l
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        self.loss.value(theta)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.evaluations
    }
    fn problem_name(&self) -> String {
        format!(
            "{} (batch size {})",
            self.loss.loss_name(),
            self.batches.batch_size()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_batch_sizes_are_refused() {
        assert_eq!(
            Batches::new(10, 0, None, LastBatch::Keep).unwrap_err(),
            Error::BatchSize {
                batch_size: 0,
                len: 10
            }
        );
        assert!(Batches::new(10, 11, None, LastBatch::Keep).is_err());
        assert!(Batches::new(10, 10, None, LastBatch::Keep).is_ok());
        assert!(Batches::new(0, 1, None, LastBatch::Keep).is_err());
    }

    #[test]
    fn an_epoch_covers_every_example_once() {
        let mut b = Batches::new(10, 3, Some(7), LastBatch::Keep).unwrap();
        let epoch = b.next_epoch();
        assert_eq!(
            epoch.iter().map(Vec::len).collect::<Vec<_>>(),
            vec![3, 3, 3, 1]
        );
        let mut all: Vec<usize> = epoch.concat();
        all.sort();
        assert_eq!(all, (0..10).collect::<Vec<_>>());
        let mut d = Batches::new(10, 3, Some(7), LastBatch::Drop).unwrap();
        assert_eq!(
            d.next_epoch().iter().map(Vec::len).collect::<Vec<_>>(),
            vec![3, 3, 3]
        );
        assert_eq!(d.epoch(), 1);
        d.next_batch();
        assert_eq!(d.epoch(), 2);
    }

    #[test]
    fn shuffles_are_seeded() {
        let a = Batches::new(20, 5, Some(1), LastBatch::Keep)
            .unwrap()
            .next_epoch();
        let b = Batches::new(20, 5, Some(1), LastBatch::Keep)
            .unwrap()
            .next_epoch();
        let c = Batches::new(20, 5, Some(2), LastBatch::Keep)
            .unwrap()
            .next_epoch();
        assert_eq!(a, b);
        assert_ne!(a, c);
        let plain = Batches::new(20, 5, None, LastBatch::Keep)
            .unwrap()
            .next_epoch();
        assert_eq!(plain.concat(), (0..20).collect::<Vec<_>>());
    }
}
