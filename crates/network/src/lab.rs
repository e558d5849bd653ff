//! A lab for the digits network: several optimizers, or settings of one, trained
//! on the same [`Setup`] over the same seeds and set side by side — a table of
//! how each ended, its validation curves, its gap between training and
//! validation loss.
//!
//! ```text
//! let lab = NetLab::new(setup)
//!     .seeds([1, 2, 3])
//!     .with("SGD", Sgd { lr: 0.1, ..Sgd::defaults(Convention::Pytorch) })
//!     .with("Adam", Adam::defaults(Convention::Pytorch));
//! let runs = lab.run()?;   // every (run, seed) across the cores
//! runs.table()             // then runs.loss_chart()?, runs.gap_chart("Adam")?
//! ```
//!
//! Every knob is checked before any run: the setup ([`Setup::nets`]), the seeds,
//! the labels (each its own), each optimizer's hyperparameters.

use crate::par;
pub use crate::tune::Setup;
use crate::tune::{Nets, Run};
use optcore::error::{Error, Result};
/// What a lab cell names, for `use network::lab::*`: the setup's parts and
/// every optimizer of the course.
pub use optcore::mlp::{Activation, Dropout};
use optcore::render::{Cell, Table};
pub use optcore::Convention;
use optcore::Optimizer;
/// A scheduled optimizer is an optimizer: the lab trains it as any other.
pub use optimizers::schedule::{
    Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Scheduled, StepLR,
};
pub use optimizers::{
    adadelta::Adadelta, adagrad::Adagrad, adam::Adam, adamax::Adamax, adamw::AdamW,
    amsgrad::Amsgrad, gd::Sgd, momentum::Momentum, nadam::Nadam, nag::Nag, rmsprop::Rmsprop,
};
use plots::{Figure, LineChart};
use std::sync::Arc;

/// An optimizer of any type, as the lab runs it (its `Debug` prints its
/// hyperparameters: a lab prints what it will train).
trait Trainer: Send + Sync + std::fmt::Debug {
    fn validate(&self) -> Result<()>;
    fn run(&self, setup: &Setup, nets: &Nets, seed: u64) -> Result<Run>;
}

impl<O: Optimizer + Send + Sync + std::fmt::Debug> Trainer for O {
    fn validate(&self) -> Result<()> {
        Optimizer::validate(self)
    }
    fn run(&self, setup: &Setup, nets: &Nets, seed: u64) -> Result<Run> {
        setup.run(nets, self, seed)
    }
}

/// An experiment under construction (each setter takes and returns the lab);
/// [`NetLab::run`] checks every knob, then trains.
#[derive(Clone, Debug)]
pub struct NetLab {
    pub setup: Setup,
    seeds: Vec<u64>,
    runs: Vec<(String, Arc<dyn Trainer>)>,
}

/// One labelled run of a lab, on every seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    pub label: String,
    /// One per seed, in the seeds' order.
    pub runs: Vec<Run>,
}

/// What a lab's runs ended with.
#[derive(Debug, Clone, PartialEq)]
pub struct NetRuns {
    pub setup: Setup,
    pub seeds: Vec<u64>,
    pub results: Vec<Labelled>,
}

impl NetLab {
    /// A lab on `setup`, with seed 1 until [`NetLab::seeds`] says otherwise.
    pub fn new(setup: Setup) -> NetLab {
        NetLab {
            setup,
            seeds: vec![1],
            runs: Vec::new(),
        }
    }

    /// The seeds every run is trained on (each fixes the initial parameters and
    /// the batch order).
    pub fn seeds(mut self, seeds: impl Into<Vec<u64>>) -> NetLab {
        self.seeds = seeds.into();
        self
    }

    /// One more run: `optimizer` under `label` (labels must differ).
    pub fn with(
        mut self,
        label: impl Into<String>,
        optimizer: impl Optimizer + Send + Sync + std::fmt::Debug + 'static,
    ) -> NetLab {
        self.runs.push((label.into(), Arc::new(optimizer)));
        self
    }

    /// Every knob checked, then every (run, seed) trained across the machine's
    /// cores; the results in the order written, the same whatever the cores.
    pub fn run(&self) -> Result<NetRuns> {
        let nets = self.setup.nets()?;
        if self.runs.is_empty() {
            return Err(Error::Empty {
                what: "the lab's list of runs (add one with .with(label, optimizer))",
            });
        }
        if self.seeds.is_empty() {
            return Err(Error::Empty {
                what: "the lab's list of seeds",
            });
        }
        for (i, (label, trainer)) in self.runs.iter().enumerate() {
            if self.runs[..i].iter().any(|(l, _)| l == label) {
                return Err(Error::DuplicateLabel {
                    label: label.clone(),
                });
            }
            trainer.validate()?;
        }
        let n = self.seeds.len();
        let all = par::map(self.runs.len() * n, par::threads(), |k| {
            self.runs[k / n]
                .1
                .run(&self.setup, &nets, self.seeds[k % n])
        });
        let mut all = all.into_iter();
        let results = self
            .runs
            .iter()
            .map(|(label, _)| {
                Ok(Labelled {
                    label: label.clone(),
                    runs: all.by_ref().take(n).collect::<Result<_>>()?,
                })
            })
            .collect::<Result<_>>()?;
        Ok(NetRuns {
            setup: self.setup,
            seeds: self.seeds.clone(),
            results,
        })
    }
}

/// Notebook 14's playground as it opens: SGD at η = 0.1 against Adam at its
/// defaults on the lesson's setup, two seeds.
pub fn playground() -> NetLab {
    NetLab::new(Setup::lesson())
        .seeds([1, 2])
        .with(
            "SGD, η = 0.1",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Pytorch)
            },
        )
        .with("Adam", Adam::defaults(Convention::Pytorch))
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    sum / n.max(1) as f64
}

/// A curve per epoch: the mean over the seeds that reached each epoch.
fn mean_curve(runs: &[Run], of: impl Fn(&crate::Epoch) -> f64) -> Vec<(f64, f64)> {
    let longest = runs
        .iter()
        .map(|r| r.trained.epochs.len())
        .max()
        .unwrap_or(0);
    (0..longest)
        .map(|e| {
            let values = runs.iter().filter_map(|r| r.trained.epochs.get(e)).map(&of);
            ((e + 1) as f64, mean(values))
        })
        .collect()
}

impl NetRuns {
    /// The labelled run called `label`, or an [`Error::Column`] naming the labels.
    pub fn get(&self, label: &str) -> Result<&Labelled> {
        self.results
            .iter()
            .find(|l| l.label == label)
            .ok_or_else(|| Error::Column {
                name: label.to_string(),
                table: format!(
                    "the lab's runs ({})",
                    self.results
                        .iter()
                        .map(|l| l.label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            })
    }

    /// How each run ended, as means over the seeds: epochs trained and the
    /// epoch whose parameters it returned (when early stopping is on or a run
    /// stopped on a fault), the training and validation loss and
    /// accuracy there, the test accuracy (with its lowest and highest seed).
    pub fn table(&self) -> Table {
        // Epoch counts only say something when a run can end early or return
        // an earlier epoch; otherwise every row would read `epochs` and `epochs`.
        let ends_vary = self.setup.patience.is_some()
            || self
                .results
                .iter()
                .flat_map(|l| &l.runs)
                .any(|r| r.trained.stop.is_some());
        let mut header = vec!["run"];
        if ends_vary {
            header.extend(["epochs", "best epoch"]);
        }
        header.extend([
            "train loss",
            "validation loss",
            "validation accuracy",
            "test accuracy",
            "test accuracy, lowest seed",
            "test accuracy, highest seed",
        ]);
        let mut t = Table::new(
            format!(
                "The digits network, {} seed(s): how each run ended (means over seeds)",
                self.seeds.len()
            ),
            &header,
        );
        for l in &self.results {
            let at_best = |of: fn(&crate::Epoch) -> f64| {
                mean(l.runs.iter().map(|r| match r.trained.best_epoch {
                    0 => f64::NAN,
                    e => r.trained.epochs.get(e - 1).map_or(f64::NAN, of),
                }))
            };
            let (lo, hi) = l
                .runs
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
                    (lo.min(r.test_accuracy), hi.max(r.test_accuracy))
                });
            let mut row = vec![Cell::from(l.label.as_str())];
            if ends_vary {
                row.push(mean(l.runs.iter().map(|r| r.trained.epochs.len() as f64)).into());
                row.push(mean(l.runs.iter().map(|r| r.trained.best_epoch as f64)).into());
            }
            row.extend([
                at_best(|e| e.train_loss).into(),
                at_best(|e| e.validation_loss).into(),
                at_best(|e| e.validation_accuracy).into(),
                mean(l.runs.iter().map(|r| r.test_accuracy)).into(),
                lo.into(),
                hi.into(),
            ]);
            t.push(row);
        }
        let stopped: Vec<String> = self
            .results
            .iter()
            .flat_map(|l| {
                l.runs.iter().filter_map(move |r| {
                    r.trained
                        .stop
                        .as_ref()
                        .map(|e| format!("{} (seed {}): {e}", l.label, r.seed))
                })
            })
            .collect();
        if !stopped.is_empty() {
            t = t.with_note(format!("stopped: {}", stopped.join("; ")));
        }
        t
    }

    /// The validation loss after each epoch, one curve per run (the mean over
    /// seeds that reached the epoch).
    pub fn loss_chart(&self) -> Result<Figure> {
        self.chart(
            "Validation loss after each epoch",
            "validation loss",
            true,
            |e| e.validation_loss,
        )
    }

    /// The training loss after each epoch (over every training row, after the
    /// epoch's last step), one curve per run.
    pub fn train_loss_chart(&self) -> Result<Figure> {
        self.chart(
            "Training loss after each epoch",
            "training loss",
            true,
            |e| e.train_loss,
        )
    }

    /// The validation accuracy after each epoch, one curve per run.
    pub fn accuracy_chart(&self) -> Result<Figure> {
        self.chart(
            "Validation accuracy after each epoch",
            "validation accuracy",
            false,
            |e| e.validation_accuracy,
        )
    }

    fn chart(
        &self,
        title: &str,
        y: &str,
        log_y: bool,
        of: fn(&crate::Epoch) -> f64,
    ) -> Result<Figure> {
        let mut chart = LineChart::new(title)
            .x_label("epoch")
            .y_label(y)
            .log_y(log_y);
        for l in &self.results {
            chart = chart.series(l.label.clone(), mean_curve(&l.runs, of));
        }
        chart.render()
    }

    /// One run's training and validation loss after each epoch: the gap between
    /// them is what regularization narrows.
    pub fn gap_chart(&self, label: &str) -> Result<Figure> {
        let l = self.get(label)?;
        LineChart::new(format!("{label}: training and validation loss"))
            .x_label("epoch")
            .y_label("loss")
            .log_y(true)
            .series("training", mean_curve(&l.runs, |e| e.train_loss))
            .series("validation", mean_curve(&l.runs, |e| e.validation_loss))
            .render()
    }
}

impl std::fmt::Display for NetRuns {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.table())
    }
}

impl NetRuns {
    /// evcxr shows the table.
    pub fn evcxr_display(&self) {
        self.table().evcxr_display();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Convention;

    fn setup() -> Setup {
        crate::tune::test_setup(4)
    }

    fn lab() -> NetLab {
        NetLab::new(setup())
            .seeds([1, 2])
            .with(
                "SGD",
                gd::Sgd {
                    lr: 0.1,
                    ..gd::Sgd::defaults(Convention::Pytorch)
                },
            )
            .with("Adam", adam::Adam::defaults(Convention::Pytorch))
    }

    #[test]
    fn a_lab_runs_every_label_on_every_seed() {
        let runs = lab().run().unwrap();
        assert_eq!(runs.results.len(), 2);
        for l in &runs.results {
            assert_eq!(
                l.runs.iter().map(|r| r.seed).collect::<Vec<_>>(),
                vec![1, 2]
            );
            assert!(l.runs.iter().all(|r| r.trained.epochs.len() == 4));
        }
        // Each run is the one the setup gives alone.
        let s = setup();
        let alone = s
            .run(
                &s.nets().unwrap(),
                &adam::Adam::defaults(Convention::Pytorch),
                2,
            )
            .unwrap();
        assert_eq!(runs.get("Adam").unwrap().runs[1], alone);
        let t = runs.table();
        assert_eq!(t.rows.len(), 2);
        assert!(t.note.is_none());
        runs.loss_chart().unwrap();
        runs.accuracy_chart().unwrap();
        runs.gap_chart("SGD").unwrap();
        assert!(matches!(runs.gap_chart("sgd"), Err(Error::Column { .. })));
    }

    #[test]
    fn bad_knobs_are_refused_before_any_run() {
        let empty = NetLab::new(setup());
        assert!(matches!(empty.run(), Err(Error::Empty { .. })));
        assert!(matches!(lab().seeds([]).run(), Err(Error::Empty { .. })));
        let twice = lab().with("SGD", gd::Sgd::defaults(Convention::Pytorch));
        assert!(matches!(twice.run(), Err(Error::DuplicateLabel { .. })));
        let bad_lr = lab().with(
            "bad",
            gd::Sgd {
                lr: -1.0,
                ..gd::Sgd::defaults(Convention::Pytorch)
            },
        );
        assert!(matches!(
            bad_lr.run(),
            Err(Error::Hyperparameter { name: "lr", .. })
        ));
        let bad_setup = NetLab {
            setup: Setup {
                batch_size: 0,
                ..setup()
            },
            ..lab()
        };
        assert!(matches!(bad_setup.run(), Err(Error::BatchSize { .. })));
    }
}
