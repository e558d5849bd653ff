//! A learning-rate schedule on the network: SGD at a constant rate against the
//! same rate annealed to zero by a cosine over the whole run (notebook 13's
//! schedules, on a real network). A scheduled optimizer is an optimizer, so the
//! lab trains it as it trains any other.

use crate::lab::{Convention, NetLab, Setup, Sgd};
use optcore::ExampleLoss;
use optimizers::schedule::{CosineAnnealingLR, Scheduled};

/// Notebook 16's schedule lab as it opens: the lesson's setup, SGD at η = 1
/// (the tuned rate of notebook 15) and η = 2, each constant and under cosine
/// annealing over every step of the run (20 epochs of 34 batches: T = 680),
/// three seeds.
pub fn schedule_lab() -> NetLab {
    let setup = Setup::lesson();
    let steps_per_epoch = setup
        .nets()
        .map(|n| n.train.len().div_ceil(setup.batch_size))
        .unwrap_or(1);
    let cosine = CosineAnnealingLR {
        t_max: setup.epochs * steps_per_epoch,
        eta_min: 0.0,
    };
    let sgd = |lr: f64| Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    };
    NetLab::new(setup)
        .seeds([1, 2, 3])
        .with("η = 1, constant", sgd(1.0))
        .with(
            "η = 1, cosine",
            Scheduled {
                optimizer: sgd(1.0),
                schedule: cosine,
            },
        )
        .with("η = 2, constant", sgd(2.0))
        .with(
            "η = 2, cosine",
            Scheduled {
                optimizer: sgd(2.0),
                schedule: cosine,
            },
        )
}
