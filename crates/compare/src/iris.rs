//! The post's data setting: the eight methods train the softmax classifier on
//! iris (150 flowers, 4 standardized features and a bias, 3 classes:
//! $W$ is 3 × 5, from $W = 0$) with mini-batches, $L(\mathbf{x}, W) =
//! \frac1m\sum_{i=1}^m L(x_i, W)$ over each batch of $m$ = [`BATCH`] flowers.
//!
//! Every method sees the same batches: [`batching::Batches`] with the seed
//! [`SEED`], reshuffled every epoch, the last partial batch kept (10 updates per
//! epoch). [`Convention::Paper`](optcore::Convention::Paper) throughout, with
//! one η per family: [`LR_FIXED`] for GD, Momentum, NAG and [`LR_ADAPTIVE`] for
//! Adagrad, RMSprop, Adam, NAdam; Adadelta has none. The loss reported is the
//! full-data loss after each epoch; the accuracy is the share of the 150
//! flowers whose largest logit $W x_i$ is their class.

use crate::{each_method, Visit};
use batching::{Batches, LastBatch, MiniBatchOracle};
use ndarray::Array1;
use optcore::error::{Error, Result};
use optcore::{iris as iris_data, run_with, Optimizer, RunOptions, Softmax, Table};

/// Mini-batch size m.
pub const BATCH: usize = 16;
/// Seed of the per-epoch shuffle (the same batches for every method).
pub const SEED: u64 = 7;
/// Number of passes over the data.
pub const EPOCHS: usize = 30;
/// η of GD, Momentum and NAG.
pub const LR_FIXED: f64 = 0.1;
/// η of Adagrad, RMSprop, Adam and NAdam.
pub const LR_ADAPTIVE: f64 = 0.05;

/// The loss: softmax regression on standardized iris with a bias column.
pub fn loss() -> Result<Softmax> {
    Softmax::new(iris_data().standardized().with_bias(), 3)
}

/// The share of examples whose largest logit is their class (ties: the first).
pub fn accuracy(loss: &Softmax, w: &Array1<f64>) -> f64 {
    let x = &loss.data.features;
    let d = x.ncols();
    let mut right = 0usize;
    for (i, row) in x.rows().into_iter().enumerate() {
        let mut best = (0usize, f64::NEG_INFINITY);
        for c in 0..loss.classes {
            let mut z = 0.0;
            for j in 0..d {
                z += w[c * d + j] * row[j];
            }
            if z > best.1 {
                best = (c, z);
            }
        }
        if best.0 as f64 == loss.data.targets[i] {
            right += 1;
        }
    }
    right as f64 / x.nrows() as f64
}

/// One method's training run.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub method: &'static str,
    /// From `Optimizer::hyperparameters`.
    pub hyperparameters: String,
    /// Full-data loss at epoch 0, 1, …, [`EPOCHS`] (fewer if stopped).
    pub epoch_losses: Vec<f64>,
    /// Training accuracy of the final $W$.
    pub accuracy: f64,
    /// Per-example gradient evaluations over the whole run.
    pub gradient_evaluations: u64,
    /// Updates taken.
    pub updates: usize,
    pub stop: Option<Error>,
}

struct Trainer<'a> {
    loss: &'a Softmax,
    out: Vec<Run>,
}

impl Visit for Trainer<'_> {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()> {
        let batches = Batches::new(self.loss.data.len(), BATCH, Some(SEED), LastBatch::Keep)?;
        let per_epoch = batches.batches_per_epoch();
        let mut oracle = MiniBatchOracle::new(self.loss, batches);
        let start = Array1::zeros(self.loss.classes * self.loss.data.features.ncols());
        let options = RunOptions {
            steps: EPOCHS * per_epoch,
            diverge_above: Some(1e6),
        };
        let tr = run_with(opt, &mut oracle, start.view(), options)?;
        let last = tr.last();
        self.out.push(Run {
            method,
            hyperparameters: crate::hyperparameter_text(opt),
            epoch_losses: tr.rows.iter().step_by(per_epoch).map(|r| r.loss).collect(),
            accuracy: accuracy(self.loss, &last.theta),
            gradient_evaluations: last.gradient_evaluations,
            updates: last.t,
            stop: tr.stop.clone(),
        });
        Ok(())
    }
}

/// The eight methods trained on iris, in the post's order.
pub fn runs() -> Result<Vec<Run>> {
    let loss = loss()?;
    let mut t = Trainer {
        loss: &loss,
        out: Vec::new(),
    };
    each_method(LR_FIXED, LR_ADAPTIVE, &mut t)?;
    Ok(t.out)
}

/// Final loss, training accuracy, updates and gradient evaluations per method.
pub fn table() -> Result<Table> {
    let rs = runs()?;
    let loss = loss()?;
    let mut t = Table::new(
        format!(
            "softmax on iris (150 flowers, 3 classes), mini-batches of {BATCH}, {EPOCHS} epochs, paper convention"
        ),
        &[
            "method",
            "hyperparameters",
            "loss, epoch 1",
            "final loss",
            "training accuracy",
            "updates",
            "gradient evaluations",
        ],
    );
    for r in &rs {
        t.push(vec![
            r.method.into(),
            r.hyperparameters.clone().into(),
            r.epoch_losses.get(1).copied().unwrap_or(f64::NAN).into(),
            r.epoch_losses.last().copied().unwrap_or(f64::NAN).into(),
            r.accuracy.into(),
            r.updates.into(),
            r.gradient_evaluations.into(),
        ]);
    }
    let stopped: Vec<String> = rs
        .iter()
        .filter_map(|r| r.stop.as_ref().map(|e| format!("{}: {e}", r.method)))
        .collect();
    let mut note = format!(
        "W = 0 at the start (loss ln 3 = {}). Batches shuffled with seed {SEED}, the same for every method; \
         gradient evaluations count one per example in a batch.",
        optcore::fmt_num(optcore::Objective::value(&loss, Array1::zeros(optcore::ExampleLoss::num_params(&loss)).view()))
    );
    if !stopped.is_empty() {
        note.push_str(&format!(" Stopped: {}.", stopped.join("; ")));
    }
    Ok(t.with_note(note))
}

/// Full-data loss after each epoch, every method on one log chart.
pub fn chart() -> Result<plots::Figure> {
    let rs = runs()?;
    let mut c = plots::LineChart::new(format!(
        "softmax on iris, mini-batches of {BATCH}: loss after each epoch"
    ))
    .x_label("epoch")
    .y_label("loss")
    .log_y(true)
    .size(760, 480);
    for r in rs {
        let pts = r
            .epoch_losses
            .iter()
            .enumerate()
            .map(|(e, &l)| (e as f64, l))
            .collect();
        c = c.series(r.method, pts);
    }
    c.render()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accuracy_counts_the_largest_logit() {
        let l = loss().unwrap();
        let d = l.data.features.ncols();
        // W = 0: every logit ties, the first class wins: a third of the flowers.
        let w = Array1::zeros(3 * d);
        assert_eq!(accuracy(&l, &w), 50.0 / 150.0);
        // Only class 2's bias positive: class 2 everywhere, again a third.
        let mut w = Array1::zeros(3 * d);
        w[2 * d] = 1.0; // the bias is column 0
        assert_eq!(accuracy(&l, &w), 50.0 / 150.0);
    }

    #[test]
    fn every_method_sees_every_example_each_epoch() {
        for r in runs().unwrap() {
            assert!(r.stop.is_none());
            assert_eq!(r.epoch_losses.len(), EPOCHS + 1);
            assert_eq!(
                r.gradient_evaluations,
                (EPOCHS * 150) as u64,
                "{}",
                r.method
            );
        }
    }
}
