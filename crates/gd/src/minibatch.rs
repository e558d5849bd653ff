//! Batch, stochastic and mini-batch GD as **one** algorithm with a batch size $m$:
//!
//! $$\theta_{t+1} = \theta_t - \eta\\,\frac{1}{m}\sum_{i \in B_t} \nabla_\theta L(x_i, \theta_t)$$
//!
//! where $B_t$ is the $t$-th batch of a seeded shuffle of the $N$ examples.
//!
//! | $m$ | name | updates per epoch | examples per update |
//! |---|---|---|---|
//! | $N$ | batch GD | 1 | $N$ |
//! | 1 | stochastic GD | $N$ | 1 |
//! | $1 < m < N$ | mini-batch GD | $\lceil N/m \rceil$ ($\lfloor N/m \rfloor$ if the last partial batch is dropped) | $m$ |
//!
//! The optimizer is always [`Sgd`]; only the oracle's batches change
//! ([`batching::MiniBatchOracle`]). An epoch is one pass over the data, so every
//! variant spends the same $N$ per-example gradient evaluations per epoch and
//! differs in how many updates it buys with them.

use crate::{Sgd, SgdRecord};
use batching::{Batches, LastBatch, MiniBatchOracle};
use ndarray::ArrayView1;
use optcore::error::Result;
use optcore::trace::Row;
use optcore::{run_with, ExampleLoss, Objective, Oracle, RunOptions, Table, Trace};
use optcore::{Convention, Optimizer};

/// Gradient descent on a data loss, `batch_size` examples per update.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MiniBatchGd {
    /// The update rule and its learning rate η.
    pub sgd: Sgd,
    /// $m$: $N$ for batch GD, 1 for stochastic GD.
    pub batch_size: usize,
    /// `Some(s)`: reshuffle the examples at the start of every epoch with ChaCha8
    /// seeded by `s`; `None`: keep the data order.
    pub seed: Option<u64>,
    /// What happens to a last, smaller batch when $m$ does not divide $N$.
    pub last: LastBatch,
    /// Stop with a typed `Diverged` error once the full loss exceeds this.
    pub diverge_above: Option<f64>,
}

impl MiniBatchGd {
    /// Validates `lr` (finite, > 0) now; the batch size is checked against the
    /// data (1 ≤ m ≤ N) when [`MiniBatchGd::train`] sees it.
    pub fn new(lr: f64, batch_size: usize, seed: Option<u64>, last: LastBatch) -> Result<Self> {
        Ok(MiniBatchGd {
            sgd: Sgd {
                lr,
                ..Sgd::defaults(Convention::Paper)
            }
            .validated()?,
            batch_size,
            seed,
            last,
            diverge_above: None,
        })
    }

    /// The same, stopping once the full loss exceeds `limit`.
    pub fn diverge_above(mut self, limit: f64) -> Self {
        self.diverge_above = Some(limit);
        self
    }

    /// The post's name for this batch size on `n` examples.
    pub fn variant(&self, n: usize) -> &'static str {
        variant(self.batch_size, n)
    }

    /// Runs `epochs` passes over the data from `start`. Row $t$ of the trace holds
    /// $\theta_t$ and the **full** loss $J(\theta_t)$; its record holds the batch
    /// gradient $g_t$ and the batch loss the update saw.
    ///
    /// A batch size of 0 or above $N$, an invalid lr or a bad start is an `Err`;
    /// a run that blows up keeps its rows and ends with the error in `trace.stop`.
    pub fn train<L: ExampleLoss + Objective>(
        &self,
        loss: &L,
        start: ArrayView1<f64>,
        epochs: usize,
    ) -> Result<Training> {
        let batches = Batches::new(loss.len(), self.batch_size, self.seed, self.last)?;
        let updates_per_epoch = batches.batches_per_epoch();
        // Refused before anything is allocated for them: more updates than a
        // stored trace may hold (and no overflow on the way).
        let steps = epochs
            .checked_mul(updates_per_epoch)
            .filter(|&s| s <= optcore::MAX_TRACE_STEPS)
            .ok_or(optcore::Error::Steps {
                steps: epochs.saturating_mul(updates_per_epoch),
                max: optcore::MAX_TRACE_STEPS,
            })?;
        let mut oracle = Recording {
            inner: MiniBatchOracle::new(loss, batches),
            batches: Vec::with_capacity(steps.min(4096)),
        };
        let options = RunOptions {
            steps,
            diverge_above: self.diverge_above,
        };
        let trace = run_with(&self.sgd, &mut oracle, start, options)?;
        Ok(Training {
            variant: self.variant(loss.len()),
            lr: self.sgd.lr,
            batch_size: self.batch_size,
            examples: loss.len(),
            updates_per_epoch,
            epochs,
            trace,
            batches: oracle.batches,
        })
    }
}

/// "batch GD" for $m = N$, "stochastic GD" for $m = 1$, else "mini-batch GD".
pub fn variant(batch_size: usize, n: usize) -> &'static str {
    if batch_size == n {
        "batch GD"
    } else if batch_size == 1 {
        "stochastic GD"
    } else {
        "mini-batch GD"
    }
}

/// A [`MiniBatchOracle`] that also writes down the batch of every update.
struct Recording<'a, L: ExampleLoss + Objective> {
    inner: MiniBatchOracle<'a, L>,
    batches: Vec<Vec<usize>>,
}

impl<L: ExampleLoss + Objective> Oracle for Recording<'_, L> {
    fn dim(&self) -> usize {
        self.inner.dim()
    }
    fn begin_step(&mut self, t: usize) {
        self.inner.begin_step(t);
        self.batches.push(self.inner.current_batch().to_vec());
    }
    fn eval(&mut self, theta: ArrayView1<f64>, grad: ndarray::ArrayViewMut1<f64>) -> f64 {
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
}

/// One training run and how it spent its gradient evaluations.
#[derive(Debug, Clone, PartialEq)]
pub struct Training {
    pub variant: &'static str,
    pub lr: f64,
    /// $m$.
    pub batch_size: usize,
    /// $N$.
    pub examples: usize,
    /// Updates per pass over the data.
    pub updates_per_epoch: usize,
    /// Epochs asked for (fewer ran if `trace.stop` is set).
    pub epochs: usize,
    /// Row $t$: $\theta_t$, $J(\theta_t)$, per-example gradient evaluations so far.
    pub trace: Trace<SgdRecord>,
    /// The example indices of update $t$ at `batches[t - 1]`.
    pub batches: Vec<Vec<usize>>,
}

impl Training {
    /// Per-example gradient evaluations one epoch costs (N, or less if the last
    /// partial batch is dropped).
    pub fn evaluations_per_epoch(&self) -> usize {
        self.batches
            .iter()
            .take(self.updates_per_epoch)
            .map(Vec::len)
            .sum()
    }

    /// The row at the end of epoch `k` (k = 0 is the start), if the run got there.
    pub fn end_of_epoch(&self, k: usize) -> Option<&Row<SgdRecord>> {
        self.trace.rows.get(k * self.updates_per_epoch)
    }

    /// $J(\theta)$ at the start and after each completed epoch.
    pub fn epoch_losses(&self) -> Vec<f64> {
        (0..=self.epochs)
            .map_while(|k| self.end_of_epoch(k).map(|r| r.loss))
            .collect()
    }

    /// The first row whose full loss is at or below `target`.
    pub fn first_below(&self, target: f64) -> Option<&Row<SgdRecord>> {
        self.trace.first_below(target)
    }

    /// $(t, J(\theta_t))$ for every row: the loss per update.
    pub fn loss_per_update(&self) -> Vec<(f64, f64)> {
        self.trace
            .rows
            .iter()
            .map(|r| (r.t as f64, r.loss))
            .collect()
    }

    /// $(\text{epochs}, J(\theta_t))$ for every row, epochs counted as gradient
    /// evaluations / N (so an SGD update is 1/N of an epoch).
    pub fn loss_per_epoch(&self) -> Vec<(f64, f64)> {
        let n = self.examples as f64;
        self.trace
            .rows
            .iter()
            .map(|r| (r.gradient_evaluations as f64 / n, r.loss))
            .collect()
    }

    /// The loss at the end of each epoch as a table.
    pub fn epoch_table(&self) -> Table {
        let mut t = Table::new(
            format!(
                "{} (m = {}, η = {}): loss per epoch",
                self.variant, self.batch_size, self.lr
            ),
            &["epoch", "updates", "gradient evaluations", "J(θ)"],
        );
        for k in 0..=self.epochs {
            if let Some(r) = self.end_of_epoch(k) {
                t.push(vec![
                    k.into(),
                    r.t.into(),
                    r.gradient_evaluations.into(),
                    r.loss.into(),
                ]);
            }
        }
        if let Some(e) = &self.trace.stop {
            t.note = Some(format!("stopped: {e}"));
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::{iris_petal_width, iris_regression};
    use ndarray::Array1;
    use optcore::{run, Error};

    #[test]
    fn batch_gd_is_sgd_on_the_full_objective_bit_for_bit() {
        let loss = iris_petal_width().unwrap();
        let start = Array1::zeros(4);
        let n = loss.len();
        // No shuffle: the batch sums its examples in data order, as the full objective does.
        let batch = MiniBatchGd::new(0.3, n, None, LastBatch::Keep)
            .unwrap()
            .train(&loss, start.view(), 25)
            .unwrap();
        let full = run(
            &Sgd {
                lr: 0.3,
                ..Sgd::defaults(Convention::Paper)
            },
            &loss,
            start.view(),
            25,
        )
        .unwrap();
        assert_eq!(batch.updates_per_epoch, 1);
        assert_eq!(batch.trace.rows.len(), full.rows.len());
        for (a, b) in batch.trace.rows.iter().zip(&full.rows) {
            assert_eq!(a.t, b.t);
            for (x, y) in a.theta.iter().zip(b.theta.iter()) {
                assert_eq!(x.to_bits(), y.to_bits(), "θ at t = {}", a.t);
            }
            assert_eq!(a.loss.to_bits(), b.loss.to_bits());
        }
        // N gradient evaluations per update; the exact oracle counts calls.
        assert_eq!(batch.trace.last().gradient_evaluations, 25 * n as u64);
    }

    #[test]
    fn shuffled_batch_gd_differs_only_in_rounding() {
        let loss = iris_petal_width().unwrap();
        let start = Array1::zeros(4);
        let shuffled = MiniBatchGd::new(0.3, loss.len(), Some(7), LastBatch::Keep)
            .unwrap()
            .train(&loss, start.view(), 25)
            .unwrap();
        let full = run(
            &Sgd {
                lr: 0.3,
                ..Sgd::defaults(Convention::Paper)
            },
            &loss,
            start.view(),
            25,
        )
        .unwrap();
        for (a, b) in shuffled.trace.rows.iter().zip(&full.rows) {
            for (x, y) in a.theta.iter().zip(b.theta.iter()) {
                assert!((x - y).abs() <= 1e-13 * (1.0 + y.abs()));
            }
        }
    }

    #[test]
    fn stochastic_gd_visits_every_example_once_per_epoch() {
        let loss = iris_petal_width().unwrap();
        let n = loss.len();
        let sgd = MiniBatchGd::new(0.01, 1, Some(3), LastBatch::Keep)
            .unwrap()
            .train(&loss, Array1::zeros(4).view(), 3)
            .unwrap();
        assert_eq!(sgd.updates_per_epoch, n);
        assert_eq!(sgd.batches.len(), 3 * n);
        for epoch in sgd.batches.chunks(n) {
            assert!(epoch.iter().all(|b| b.len() == 1));
            let mut seen: Vec<usize> = epoch.iter().map(|b| b[0]).collect();
            seen.sort();
            assert_eq!(seen, (0..n).collect::<Vec<_>>());
        }
        // Each epoch is a fresh shuffle.
        assert_ne!(sgd.batches[..n], sgd.batches[n..2 * n]);
        // One per-example gradient per update.
        for r in &sgd.trace.rows {
            assert_eq!(r.gradient_evaluations, r.t as u64);
        }
        assert_eq!(sgd.epoch_losses().len(), 4);
    }

    #[test]
    fn mini_batches_cover_the_data_each_epoch() {
        let loss = iris_petal_width().unwrap();
        for (m, last, updates, evals) in [
            (10, LastBatch::Keep, 15, 150),
            (40, LastBatch::Keep, 4, 150),
            (40, LastBatch::Drop, 3, 120),
        ] {
            let run = MiniBatchGd::new(0.01, m, Some(1), last)
                .unwrap()
                .train(&loss, Array1::zeros(4).view(), 2)
                .unwrap();
            assert_eq!(run.updates_per_epoch, updates, "m = {m}");
            assert_eq!(run.evaluations_per_epoch(), evals, "m = {m}");
            assert_eq!(run.trace.rows.len(), 2 * updates + 1);
            assert_eq!(run.variant, "mini-batch GD");
        }
    }

    #[test]
    fn bad_settings_are_typed_errors() {
        let loss = iris_petal_width().unwrap();
        let start = Array1::zeros(4);
        for m in [0, 151] {
            let err = MiniBatchGd::new(0.1, m, None, LastBatch::Keep)
                .unwrap()
                .train(&loss, start.view(), 1)
                .unwrap_err();
            assert_eq!(
                err,
                Error::BatchSize {
                    batch_size: m,
                    len: 150
                }
            );
        }
        for lr in [0.0, -0.1, f64::NAN, f64::INFINITY] {
            assert!(matches!(
                MiniBatchGd::new(lr, 10, None, LastBatch::Keep),
                Err(Error::Hyperparameter { name: "lr", .. })
            ));
        }
        let err = MiniBatchGd::new(0.1, 10, None, LastBatch::Keep)
            .unwrap()
            .train(&loss, Array1::zeros(3).view(), 1)
            .unwrap_err();
        assert!(matches!(err, Error::Dimension { .. }));
    }

    #[test]
    fn a_divergent_run_keeps_its_rows_and_a_typed_stop() {
        let p = iris_regression().unwrap();
        let lr = 1.05 * p.max_stable_lr();
        let run = MiniBatchGd::new(lr, 150, None, LastBatch::Keep)
            .unwrap()
            .diverge_above(10.0)
            .train(&p.loss, p.start.view(), 500)
            .unwrap();
        let stop = run.trace.stop.clone().expect("it diverges");
        let Error::Diverged { step, loss, limit } = stop else {
            panic!("{stop:?}")
        };
        assert_eq!(limit, 10.0);
        assert!(loss > 10.0);
        assert_eq!(run.trace.rows.len(), step);
        assert!(run.trace.rows.iter().all(|r| r.loss <= 10.0));
        assert!(run.epoch_table().note.unwrap().contains("diverged"));
    }

    #[test]
    fn variants_are_named_by_batch_size() {
        assert_eq!(variant(150, 150), "batch GD");
        assert_eq!(variant(1, 150), "stochastic GD");
        assert_eq!(variant(10, 150), "mini-batch GD");
    }
}
