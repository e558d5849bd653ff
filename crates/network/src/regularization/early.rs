//! Early stopping on a run that overfits: the same run with and without
//! patience, and the curves that show why the best epoch is not the last.

use crate::lab::{Adam, Convention};
use crate::tune::{Run, Setup};
use optcore::error::{Error, Result};
use optcore::render::{Cell, Table};
use optcore::Optimizer;
use plots::{Figure, LineChart};

/// Adam on `setup` from `seed`, once for every epoch and once with early
/// stopping after `patience` epochs without a lower validation loss.
#[derive(Debug, Clone, PartialEq)]
pub struct EarlyStopping {
    /// The network, split and epochs (its own `patience` is not used: the two
    /// runs set it).
    pub setup: Setup,
    pub optimizer: Adam,
    /// Epochs without a new lowest validation loss before the run stops (≥ 1).
    pub patience: usize,
    /// The seed of θ₀ and of the batch order.
    pub seed: u64,
}

/// The two runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Stopped {
    pub knobs: EarlyStopping,
    /// Every epoch, the last parameters.
    pub full: Run,
    /// With patience, the best parameters.
    pub early: Run,
}

impl EarlyStopping {
    /// The notebook's runs: the overfitting setup, Adam at η = 0.01, patience
    /// 10, seed 2.
    pub fn lesson() -> EarlyStopping {
        EarlyStopping {
            setup: super::overfitting(),
            optimizer: Adam {
                lr: 0.01,
                ..Adam::defaults(Convention::Pytorch)
            },
            patience: 10,
            seed: 2,
        }
    }

    /// Both runs (the setup and the patience checked first).
    pub fn run(&self) -> Result<Stopped> {
        if self.patience == 0 {
            return Err(Error::Hyperparameter {
                name: "patience",
                value: 0.0,
                accepts: "a patience of at least one epoch",
            });
        }
        self.optimizer.validate()?;
        let full_setup = Setup {
            patience: None,
            ..self.setup
        };
        let early_setup = Setup {
            patience: Some(self.patience),
            ..self.setup
        };
        let nets = full_setup.nets()?;
        Ok(Stopped {
            knobs: self.clone(),
            full: full_setup.run(&nets, &self.optimizer, self.seed)?,
            early: early_setup.run(&nets, &self.optimizer, self.seed)?,
        })
    }
}

impl Stopped {
    /// Per run: the epochs trained, the epoch whose parameters it returned, the
    /// training and validation loss there, the test accuracy.
    pub fn table(&self) -> Table {
        let mut t = Table::new(
            format!(
                "Early stopping with patience {}: what each run returns",
                self.knobs.patience
            ),
            &[
                "run",
                "epochs trained",
                "returned epoch",
                "train loss",
                "validation loss",
                "test accuracy",
            ],
        );
        for (label, run) in [
            ("every epoch, the last parameters", &self.full),
            ("early stopping, the best parameters", &self.early),
        ] {
            let at = run
                .trained
                .best_epoch
                .checked_sub(1)
                .and_then(|e| run.trained.epochs.get(e));
            t.push(vec![
                Cell::from(label),
                run.trained.epochs.len().into(),
                run.trained.best_epoch.into(),
                at.map_or(f64::NAN, |e| e.train_loss).into(),
                run.score.into(),
                run.test_accuracy.into(),
            ]);
        }
        t
    }

    /// The full run's training and validation loss after each epoch, × at the
    /// best epoch (where early stopping's parameters come from) and at the epoch
    /// it stopped.
    pub fn chart(&self) -> Result<Figure> {
        let epochs = &self.full.trained.epochs;
        let curve = |of: fn(&crate::Epoch) -> f64| -> Vec<(f64, f64)> {
            epochs.iter().map(|e| (e.epoch as f64, of(e))).collect()
        };
        let mut chart = LineChart::new(
            "A run that overfits: training and validation loss (× best epoch, × stop)",
        )
        .x_label("epoch")
        .y_label("loss")
        .log_y(true)
        .series("training", curve(|e| e.train_loss))
        .series("validation", curve(|e| e.validation_loss));
        let best = self.early.trained.best_epoch;
        let stop = self.early.trained.epochs.len();
        for e in [best, stop] {
            if let Some(ep) = e.checked_sub(1).and_then(|k| epochs.get(k)) {
                chart = chart.stop_mark((ep.epoch as f64, ep.validation_loss));
            }
        }
        chart.render()
    }
}
