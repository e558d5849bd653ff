//! The post's data setting: the eight methods train the softmax classifier on
//! iris (150 flowers, 4 standardized features and a bias, 3 classes:
//! $W$ is 3 × 5, from $W = 0$) with mini-batches, $L(\mathbf{x}, W) =
//! \frac1m\sum_{i=1}^m L(x_i, W)$ over each batch of $m$ = [`BATCH`] flowers.
//!
//! Every method sees the same batches: [`batching::Batches`] with the seed
//! [`SEED`], reshuffled every epoch, the last partial batch kept (10 updates per
//! epoch). [`Convention::Paper`](optcore::Convention::Paper) throughout, with
//! one η per family: [`LR_FIXED`] for GD, Momentum, NAG and [`LR_ADAPTIVE`] for
//! Adagrad, RMSprop, Adam, NAdam; Adadelta has none. These are the lesson's
//! values, [`IrisRace::lesson`]; an [`IrisRace`] takes any others. The loss reported is the
//! full-data loss after each epoch; the accuracy is the share of the 150
//! flowers whose largest logit $W x_i$ is their class.

use crate::{each_method, Visit};
use batching::{Batches, LastBatch, MiniBatchOracle};
use ndarray::Array1;
use optcore::error::{check_positive, Error, Result};
use optcore::render::Cell;
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
    /// Full-data loss at epoch 0, 1, …, `epochs` (fewer if stopped).
    pub epoch_losses: Vec<f64>,
    /// Training accuracy of the final $W$.
    pub accuracy: f64,
    /// Per-example gradient evaluations over the whole run.
    pub gradient_evaluations: u64,
    /// Updates taken.
    pub updates: usize,
    pub stop: Option<Error>,
}

/// The most epochs one [`IrisRace`] trains.
pub const MAX_EPOCHS: usize = 1000;

/// The iris race: the eight methods train the softmax classifier on the same
/// mini-batches, one η per family.
#[derive(Clone, Debug, PartialEq)]
pub struct IrisRace {
    /// Mini-batch size m: a whole number from 1 to 150 (the flowers; the
    /// last, partial batch of each epoch is kept).
    pub batch: usize,
    /// Seed of the per-epoch shuffle, the same batches for every method: any
    /// whole number ≥ 0.
    pub seed: u64,
    /// Passes over the data: a whole number from 1 to [`MAX_EPOCHS`].
    pub epochs: usize,
    /// η of GD, Momentum and NAG: a finite number > 0.
    pub lr_fixed: f64,
    /// η of Adagrad, RMSprop, Adam and NAdam (Adadelta has none): a finite
    /// number > 0.
    pub lr_adaptive: f64,
}

struct Trainer<'a> {
    race: &'a IrisRace,
    loss: &'a Softmax,
    out: Vec<Run>,
}

impl Visit for Trainer<'_> {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()> {
        let batches = Batches::new(
            self.loss.data.len(),
            self.race.batch,
            Some(self.race.seed),
            LastBatch::Keep,
        )?;
        let per_epoch = batches.batches_per_epoch();
        let mut oracle = MiniBatchOracle::new(self.loss, batches);
        let start = Array1::zeros(self.loss.classes * self.loss.data.features.ncols());
        let options = RunOptions {
            steps: self.race.epochs * per_epoch,
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

impl IrisRace {
    /// Notebook 10's training: batches of [`BATCH`] shuffled with [`SEED`],
    /// [`EPOCHS`] epochs, η = [`LR_FIXED`] and [`LR_ADAPTIVE`].
    pub fn lesson() -> IrisRace {
        IrisRace {
            batch: BATCH,
            seed: SEED,
            epochs: EPOCHS,
            lr_fixed: LR_FIXED,
            lr_adaptive: LR_ADAPTIVE,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        let len = iris_data().len();
        if !(1..=len).contains(&self.batch) {
            return Err(Error::BatchSize {
                batch_size: self.batch,
                len,
            });
        }
        if !(1..=MAX_EPOCHS).contains(&self.epochs) {
            return Err(Error::Hyperparameter {
                name: "epochs",
                value: self.epochs as f64,
                accepts: "a whole number from 1 to 1000",
            });
        }
        check_positive("lr_fixed", self.lr_fixed)?;
        check_positive("lr_adaptive", self.lr_adaptive)
    }

    /// The eight methods trained on iris, in the post's order.
    pub fn runs(&self) -> Result<Vec<Run>> {
        self.validate()?;
        let loss = loss()?;
        let mut t = Trainer {
            race: self,
            loss: &loss,
            out: Vec::new(),
        };
        each_method(self.lr_fixed, self.lr_adaptive, &mut t)?;
        Ok(t.out)
    }

    /// Final loss, training accuracy, updates and gradient evaluations per
    /// method (`—` where a run stopped before).
    pub fn table(&self) -> Result<Table> {
        let rs = self.runs()?;
        let loss = loss()?;
        let (batch, epochs, seed) = (self.batch, self.epochs, self.seed);
        let mut t = Table::new(
            format!(
                "softmax on iris (150 flowers, 3 classes), mini-batches of {batch}, {epochs} epochs, paper convention"
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
            let at = |l: Option<&f64>| -> Cell {
                match l {
                    Some(&l) => l.into(),
                    None => "—".into(),
                }
            };
            t.push(vec![
                r.method.into(),
                r.hyperparameters.clone().into(),
                at(r.epoch_losses.get(1)),
                at(r.epoch_losses.last()),
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
            "W = 0 at the start (loss ln 3 = {}). Batches shuffled with seed {seed}, the same for every method; \
             gradient evaluations count one per example in a batch.",
            optcore::fmt_num(optcore::Objective::value(&loss, Array1::zeros(optcore::ExampleLoss::num_params(&loss)).view()))
        );
        if !stopped.is_empty() {
            note.push_str(&format!(" Stopped: {}.", stopped.join("; ")));
        }
        Ok(t.with_note(note))
    }

    /// Full-data loss after each epoch, every method on one log chart.
    pub fn chart(&self) -> Result<plots::Figure> {
        let rs = self.runs()?;
        let mut c = plots::LineChart::new(format!(
            "softmax on iris, mini-batches of {}: loss after each epoch",
            self.batch
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
        for r in IrisRace::lesson().runs().unwrap() {
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
