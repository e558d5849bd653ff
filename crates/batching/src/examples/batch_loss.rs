//! The batch loss $L(\mathbf{x}, W) = \frac1m\sum_i L(x_i, W)$ computed: each
//! example's loss and gradient on one seeded mini-batch, their mean, and the
//! batch loss and gradient beside it.

use super::{iris_softmax, parameter_name, reference_weights, species, WEIGHT_LR, WEIGHT_STEPS};
use crate::{Batches, LastBatch};
use ndarray::{Array1, Array2, Axis};
use optcore::error::Result;
use optcore::linalg::norm;
use optcore::{ExampleLoss, Objective, Report, Table};

/// Batch size of the "one mini-batch" example.
pub const DEMO_BATCH: usize = 8;

/// The experiment "the batch loss is a mean, on one batch": the first seeded
/// mini-batch of an epoch over the 150 iris flowers, example by example.
#[derive(Clone, Debug, PartialEq)]
pub struct BatchMean {
    /// $m$, the examples in the batch: a whole number from 1 to $N = 150$.
    pub m: usize,
    /// The seed of the ChaCha8 shuffle that draws the batch: any whole number
    /// $\ge 0$ (a `u64`).
    pub seed: u64,
}

impl BatchMean {
    /// The notebook's values: $m$ = [`DEMO_BATCH`], seed [`SEED`](super::SEED).
    pub fn lesson() -> BatchMean {
        BatchMean {
            m: DEMO_BATCH,
            seed: super::SEED,
        }
    }

    /// $L(\mathbf{x}, W) = \frac1m\sum_i L(x_i, W)$ on the batch: each example's
    /// loss and gradient, their mean computed here, and the batch loss and
    /// gradient of [`ExampleLoss::batch_loss_and_gradient`], side by side. A
    /// batch size of 0 or above 150 is an [`Error::BatchSize`](optcore::Error::BatchSize).
    pub fn report(&self) -> Result<Report> {
        batch_loss_is_mean(self.m, self.seed)
    }
}

fn batch_loss_is_mean(m: usize, seed: u64) -> Result<Report> {
    let loss = iris_softmax()?;
    let w = reference_weights(&loss);
    let p = loss.num_params();
    let mut batches = Batches::new(loss.len(), m, Some(seed), LastBatch::Keep)?;
    let batch = batches.next_batch().to_vec();

    let mut per_example = Table::new(
        format!("The batch x = [x₁ … x_{m}] (first batch of the epoch, seed {seed})"),
        &["i", "species", "L(xᵢ, W)", "‖∇L(xᵢ, W)‖"],
    );
    let mut grads = Array2::zeros((m, p));
    let mut sum_loss = 0.0;
    for (r, &i) in batch.iter().enumerate() {
        let li = loss.add_example_gradient(i, w.view(), 1.0, grads.row_mut(r));
        sum_loss += li;
        per_example.push(vec![
            i.into(),
            species(&loss, i).into(),
            li.into(),
            norm(grads.row(r)).into(),
        ]);
    }
    let mean_loss = sum_loss / m as f64;
    let mean_grad = grads.sum_axis(Axis(0)).mapv(|x| x / m as f64);

    let mut g = Array1::zeros(p);
    let batch_loss = loss.batch_loss_and_gradient(&batch, w.view(), g.view_mut())?;

    let mut compare = Table::new(
        "Mean of the per-example values vs the batch loss and gradient",
        &["quantity", "(1/m) Σ per example", "batch", "difference"],
    );
    compare.push(vec![
        "L(x, W)".into(),
        mean_loss.into(),
        batch_loss.into(),
        (batch_loss - mean_loss).into(),
    ]);
    let mut max_diff = (batch_loss - mean_loss).abs();
    for k in 0..p {
        let d = g[k] - mean_grad[k];
        max_diff = max_diff.max(d.abs());
        compare.push(vec![
            format!("∂L/∂{}", parameter_name(&loss, k)).into(),
            mean_grad[k].into(),
            g[k].into(),
            d.into(),
        ]);
    }
    // The batch adds up (1/m)·∇L(xᵢ, W); the mean here divides Σ ∇L(xᵢ, W) by m.
    // Both are the same number; in floating point they agree to the last bit when
    // 1/m is a power of two (scaling is then exact) and to rounding otherwise.
    let why = if max_diff == 0.0 && m.is_power_of_two() {
        format!(": identical to the last bit, since 1/m = 1/{m} is a power of two and scaling by it is exact")
    } else if max_diff == 0.0 {
        ": identical to the last bit".to_string()
    } else {
        ": the batch adds (1/m)·∇L(xᵢ, W) while the mean divides Σ ∇L(xᵢ, W) by m, so the two round apart in the last bits".to_string()
    };
    let compare = compare.with_note(format!(
        "largest |difference| = {}{why}",
        optcore::fmt_num(max_diff)
    ));

    Ok(Report::new()
        .text(format!(
            "W: {WEIGHT_STEPS} full-batch gradient steps (η = {WEIGHT_LR}) from W = 0 on {}; full-data loss L = {}.",
            loss.loss_name(),
            optcore::fmt_num(loss.value(w.view()))
        ))
        .table(per_example)
        .table(compare))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_mean_equals_batch_loss_and_gradient() {
        let r = BatchMean::lesson().report().unwrap();
        let compare = r.tables()[1];
        let mean = compare.column("(1/m) Σ per example").unwrap();
        let batch = compare.column("batch").unwrap();
        assert_eq!(mean.len(), 1 + 15);
        for (a, b) in mean.iter().zip(&batch) {
            assert!((a - b).abs() <= 1e-15, "{a} vs {b}");
        }
        // The per-example table lists the m examples and their losses average to L(x, W).
        let losses = r.tables()[0].column("L(xᵢ, W)").unwrap();
        assert_eq!(losses.len(), DEMO_BATCH);
        let m = losses.iter().sum::<f64>() / DEMO_BATCH as f64;
        assert!((m - batch[0]).abs() <= 1e-15);
    }
}
