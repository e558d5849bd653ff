//! Training in epochs, with validation and early stopping.
//!
//! One epoch is one pass over the training rows in seeded mini-batches
//! ([`batching::Batches`]), one optimizer step per batch. After it, the mean loss
//! and the accuracy are measured on the training and the validation rows with the
//! parameters as they stand. Early stopping keeps the parameters of the epoch with
//! the lowest validation loss and stops once `patience` epochs have passed without
//! a lower one; what it returns are those best parameters, not the last.

use batching::{Batches, LastBatch, MiniBatchOracle};
use ndarray::Array1;
use optcore::error::{Error, Result};
use optcore::mlp::{Dropout, Dropped, Mlp};
use optcore::{ExampleLoss, Objective, Optimizer, Oracle};

/// How to train: batch size, epochs, the batches' seed, and early stopping.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Training {
    /// Examples per mini-batch (the last batch of an epoch may be smaller).
    pub batch_size: usize,
    /// At most this many epochs.
    pub epochs: usize,
    /// Seed of the per-epoch shuffle.
    pub seed: u64,
    /// Stop after this many epochs without a lower validation loss and return the
    /// best parameters (`None`: train every epoch, return the last parameters).
    pub patience: Option<usize>,
    /// Dropout on the hidden layer while training (`None`: none). The epoch's
    /// losses and accuracies are measured without it, as in evaluation.
    pub dropout: Option<Dropout>,
}

/// What one epoch ended with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Epoch {
    /// 1, 2, …
    pub epoch: usize,
    pub train_loss: f64,
    pub validation_loss: f64,
    pub train_accuracy: f64,
    pub validation_accuracy: f64,
}

/// A training run: every epoch, the parameters it returns, and why it ended early.
#[derive(Debug, Clone, PartialEq)]
pub struct Trained {
    /// Every finished epoch, in order (all of them also when a fault stopped it).
    pub epochs: Vec<Epoch>,
    /// The epoch whose parameters `theta` holds (0: the initial parameters).
    pub best_epoch: usize,
    /// The best parameters with early stopping, else the last.
    pub theta: Array1<f64>,
    /// Early stopping ended the run before its last epoch.
    pub stopped_early: bool,
    /// A fault that ended the run (a non-finite loss, an optimizer's refusal);
    /// everything before it is kept above.
    pub stop: Option<Error>,
}

/// Trains `theta0` on `train_net`'s examples with `opt`, measuring on
/// `validation_net`'s (a network of the same shape over other rows). A batch size
/// of 0 or above the training rows, 0 epochs, a patience of 0, a dropout p outside
/// [0, 1), or networks of different shapes is an error before any step; a fault
/// during training ends the run with its epochs so far ([`Trained::stop`]).
pub fn train<O: Optimizer>(
    opt: &O,
    train_net: &Mlp,
    validation_net: &Mlp,
    theta0: Array1<f64>,
    training: Training,
) -> Result<Trained> {
    match training.dropout {
        None => epochs(
            opt,
            train_net,
            &|_| {},
            train_net,
            validation_net,
            theta0,
            training,
        ),
        Some(dropout) => {
            let dropped = Dropped::new(train_net, dropout)?;
            let set_step = |t: usize| dropped.set_step(t);
            epochs(
                opt,
                &dropped,
                &set_step,
                train_net,
                validation_net,
                theta0,
                training,
            )
        }
    }
}

/// [`train`] with the training loss `loss` (the network, or the network with
/// dropout, whose masks `set_step` moves to each step).
fn epochs<O: Optimizer, L: ExampleLoss + Objective>(
    opt: &O,
    loss: &L,
    set_step: &dyn Fn(usize),
    train_net: &Mlp,
    validation_net: &Mlp,
    theta0: Array1<f64>,
    training: Training,
) -> Result<Trained> {
    if training.epochs == 0 {
        return Err(Error::Hyperparameter {
            name: "epochs",
            value: 0.0,
            accepts: "at least one epoch",
        });
    }
    if training.patience == Some(0) {
        return Err(Error::Hyperparameter {
            name: "patience",
            value: 0.0,
            accepts: "a patience of at least one epoch",
        });
    }
    optcore::error::check_dim(
        "the validation network's parameters",
        train_net.num_params(),
        validation_net.num_params(),
    )?;
    optcore::error::check_dim("initial parameters", train_net.num_params(), theta0.len())?;
    let batches = Batches::new(
        train_net.len(),
        training.batch_size,
        Some(training.seed),
        LastBatch::Keep,
    )?;
    let per_epoch = batches.batches_per_epoch();
    let mut oracle = MiniBatchOracle::new(loss, batches);
    let mut theta = theta0.clone();
    let mut state = opt.init(theta.view());
    let mut run = Trained {
        epochs: Vec::with_capacity(training.epochs),
        best_epoch: 0,
        theta: theta0,
        stopped_early: false,
        stop: None,
    };
    let mut best = validation_net.value(run.theta.view());
    let mut t = 0;
    for epoch in 1..=training.epochs {
        for _ in 0..per_epoch {
            t += 1;
            set_step(t);
            oracle.begin_step(t);
            if let Err(e) = opt.step(&mut state, theta.view_mut(), &mut oracle) {
                run.stop = Some(e);
                break;
            }
        }
        if run.stop.is_some() {
            break;
        }
        let all_train: Vec<usize> = (0..train_net.len()).collect();
        let all_val: Vec<usize> = (0..validation_net.len()).collect();
        let e = Epoch {
            epoch,
            train_loss: train_net.value(theta.view()),
            validation_loss: validation_net.value(theta.view()),
            train_accuracy: train_net.accuracy(&all_train, theta.view()),
            validation_accuracy: validation_net.accuracy(&all_val, theta.view()),
        };
        if !(e.train_loss.is_finite() && e.validation_loss.is_finite()) {
            run.stop = Some(Error::NonFinite {
                step: t,
                what: "loss (the epoch's training or validation loss)",
            });
            break;
        }
        run.epochs.push(e);
        match training.patience {
            None => {
                run.best_epoch = epoch;
                run.theta.assign(&theta);
            }
            Some(patience) => {
                if e.validation_loss < best {
                    best = e.validation_loss;
                    run.best_epoch = epoch;
                    run.theta.assign(&theta);
                } else if epoch - run.best_epoch >= patience {
                    run.stopped_early = epoch < training.epochs;
                    break;
                }
            }
        }
    }
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use batching::Split;
    use optcore::digits::{digits, CLASSES};
    use optcore::mlp::Activation;
    use optcore::Convention;

    /// A network that can overfit: few training rows, many hidden units.
    fn overfitting() -> (Mlp, Mlp) {
        let data = digits();
        let split = Split::new(data.len(), 0.3, 0.0, 5).unwrap();
        let few = &split.train[..60];
        let train_net = Mlp::new(data.rows(few), 64, CLASSES, Activation::Tanh).unwrap();
        let val_net =
            Mlp::new(data.rows(&split.validation), 64, CLASSES, Activation::Tanh).unwrap();
        (train_net, val_net)
    }

    fn adam() -> adam::Adam {
        adam::Adam {
            lr: 0.01,
            ..adam::Adam::defaults(Convention::Pytorch)
        }
    }

    #[test]
    fn early_stopping_returns_the_lowest_validation_loss() {
        let (tr, va) = overfitting();
        let training = Training {
            batch_size: 16,
            epochs: 300,
            seed: 1,
            patience: Some(10),
            dropout: None,
        };
        let run = train(&adam(), &tr, &va, tr.init(2), training).unwrap();
        assert!(run.stopped_early, "{} epochs", run.epochs.len());
        assert_eq!(run.epochs.len(), run.best_epoch + 10);
        let lowest = run
            .epochs
            .iter()
            .map(|e| e.validation_loss)
            .fold(f64::INFINITY, f64::min);
        assert_eq!(va.value(run.theta.view()), lowest);
        assert_eq!(run.epochs[run.best_epoch - 1].validation_loss, lowest);
        // The run overfits: the training loss keeps falling after the best epoch.
        let last = run.epochs.last().unwrap();
        assert!(last.train_loss < run.epochs[run.best_epoch - 1].train_loss);
        assert!(last.validation_loss > lowest);
        assert_eq!(train(&adam(), &tr, &va, tr.init(2), training).unwrap(), run);
    }

    /// On the network that overfits, dropout keeps the training loss from running
    /// away from the validation loss: after the same epochs the gap between them
    /// is smaller. A run with dropout is the same run every time.
    #[test]
    fn dropout_narrows_the_gap_and_is_seeded() {
        let (tr, va) = overfitting();
        let training = |dropout| Training {
            batch_size: 16,
            epochs: 60,
            seed: 1,
            patience: None,
            dropout,
        };
        let gap = |run: &Trained| {
            let last = run.epochs.last().unwrap();
            last.validation_loss - last.train_loss
        };
        let plain = train(&adam(), &tr, &va, tr.init(2), training(None)).unwrap();
        let with = Some(Dropout { p: 0.5, seed: 3 });
        let dropped = train(&adam(), &tr, &va, tr.init(2), training(with)).unwrap();
        assert!(
            gap(&dropped) < gap(&plain),
            "{} vs {}",
            gap(&dropped),
            gap(&plain)
        );
        assert_eq!(
            train(&adam(), &tr, &va, tr.init(2), training(with)).unwrap(),
            dropped
        );
    }

    #[test]
    fn a_diverging_run_keeps_its_epochs_and_says_why() {
        // ReLU units grow without bound, so a huge step overflows the logits.
        let data = digits();
        let split = Split::new(data.len(), 0.3, 0.0, 5).unwrap();
        let net =
            |rows: &[usize]| Mlp::new(data.rows(rows), 16, CLASSES, Activation::Relu).unwrap();
        let (tr, va) = (net(&split.train[..60]), net(&split.validation));
        let sgd = gd::Sgd {
            lr: 1e200,
            ..gd::Sgd::defaults(Convention::Paper)
        };
        let training = Training {
            batch_size: 16,
            epochs: 5,
            seed: 1,
            patience: None,
            dropout: None,
        };
        let run = train(&sgd, &tr, &va, tr.init(2), training).unwrap();
        assert!(run.stop.is_some(), "{run:?}");
        assert!(run.epochs.len() < 5);
        assert!(run.theta.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn bad_settings_are_refused_before_any_step() {
        let (tr, va) = overfitting();
        let ok = Training {
            batch_size: 16,
            epochs: 3,
            seed: 1,
            patience: None,
            dropout: None,
        };
        let refused = |t: Training| train(&adam(), &tr, &va, tr.init(2), t).unwrap_err();
        assert!(matches!(
            refused(Training {
                batch_size: 0,
                ..ok
            }),
            Error::BatchSize { .. }
        ));
        assert!(matches!(
            refused(Training {
                batch_size: 61,
                ..ok
            }),
            Error::BatchSize { .. }
        ));
        assert!(matches!(
            refused(Training { epochs: 0, ..ok }),
            Error::Hyperparameter { name: "epochs", .. }
        ));
        assert!(matches!(
            refused(Training {
                patience: Some(0),
                ..ok
            }),
            Error::Hyperparameter {
                name: "patience",
                ..
            }
        ));
        for p in [-0.5, 1.0, f64::NAN] {
            assert!(matches!(
                refused(Training {
                    dropout: Some(Dropout { p, seed: 0 }),
                    ..ok
                }),
                Error::Hyperparameter {
                    name: "dropout p",
                    ..
                }
            ));
        }
        let wrong = train(&adam(), &tr, &va, Array1::zeros(3), ok).unwrap_err();
        assert!(matches!(wrong, Error::Dimension { .. }), "{wrong:?}");
    }
}
