//! One optimizer's learning rate on a log grid, every rate trained on every
//! seed; the rates compared by their validation loss, the spread over seeds
//! shown beside the mean.

use crate::tune::{best, sweep_lr, Point, Setup};
use optcore::error::Result;
use optcore::render::{fmt_sig, Cell, Table};
use optcore::{LearningRate, Optimizer};
use plots::{Figure, LineChart};

/// `optimizer` at each rate of `lrs` (its other hyperparameters as they are).
#[derive(Debug, Clone, PartialEq)]
pub struct LrSweep<O> {
    /// What every run shares (network, split, batches, epochs).
    pub setup: Setup,
    /// The optimizer; its learning rate is replaced by each of `lrs`.
    pub optimizer: O,
    /// The rates tried.
    pub lrs: Vec<f64>,
    /// One run per rate and seed (a seed fixes θ₀ and the batch order).
    pub seeds: Vec<u64>,
}

impl LrSweep<crate::lab::Sgd> {
    /// The notebook's sweep: SGD, rates 10⁻³ to 10 at two per decade, three
    /// seeds, the lesson's setup.
    pub fn lesson() -> LrSweep<crate::lab::Sgd> {
        LrSweep {
            setup: Setup::lesson(),
            optimizer: crate::lab::Sgd::defaults(optcore::Convention::Pytorch),
            lrs: crate::tune::log_grid(-3, 1, 2).expect("a valid grid"),
            seeds: vec![1, 2, 3],
        }
    }
}

/// Notebook 15's playground as it opens: momentum 0.9 on rates 10⁻² to 1, two
/// seeds.
pub fn playground() -> LrSweep<crate::lab::Momentum> {
    LrSweep {
        setup: Setup::lesson(),
        optimizer: crate::lab::Momentum {
            lr: 0.1,
            momentum: 0.9,
            convention: optcore::Convention::Pytorch,
        },
        lrs: crate::tune::log_grid(-2, 0, 2).expect("a valid grid"),
        seeds: vec![1, 2],
    }
}

fn spread(p: &Point) -> (f64, f64) {
    p.runs
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
            (lo.min(r.score), hi.max(r.score))
        })
}

impl<O: Optimizer + LearningRate + Sync> LrSweep<O> {
    /// Every knob checked, then every (rate, seed) trained across the cores.
    pub fn run(&self) -> Result<Vec<Point>> {
        let nets = self.setup.nets()?;
        sweep_lr(
            &self.setup,
            &nets,
            &self.optimizer,
            &self.lrs,
            &self.seeds,
            crate::par::threads(),
        )
    }

    /// Per rate: the validation loss (mean, lowest and highest seed) and the
    /// test accuracy; the best rate in the note.
    pub fn table(&self) -> Result<Table> {
        let points = self.run()?;
        let mut t = Table::new(
            format!(
                "{} on the digits network: the learning rate on a grid, {} seed(s) each",
                self.optimizer.name(),
                self.seeds.len()
            ),
            &[
                "lr",
                "validation loss",
                "lowest seed",
                "highest seed",
                "test accuracy",
            ],
        );
        for p in &points {
            let (lo, hi) = spread(p);
            t.push(vec![
                p.get("lr").map_or(Cell::from("none"), Cell::from),
                p.score().into(),
                lo.into(),
                hi.into(),
                p.test_accuracy().into(),
            ]);
        }
        let faults = points.iter().any(|p| !p.score().is_finite());
        Ok(t.with_note(match best(&points).and_then(|p| p.get("lr")) {
            Some(lr) if faults => format!(
                "best by validation loss: lr = {}; +∞: a run stopped on a fault",
                fmt_sig(lr, 3)
            ),
            Some(lr) => format!("best by validation loss: lr = {}", fmt_sig(lr, 3)),
            None => "every rate stopped on a fault".to_string(),
        }))
    }

    /// The validation loss against log₁₀ η: the mean over seeds, and the lowest
    /// and highest seed.
    pub fn chart(&self) -> Result<Figure> {
        let points = self.run()?;
        let at = |of: &dyn Fn(&Point) -> f64| -> Vec<(f64, f64)> {
            points
                .iter()
                .filter_map(|p| p.get("lr").map(|lr| (lr.log10(), of(p))))
                .collect()
        };
        LineChart::new(format!(
            "{}: validation loss against the learning rate",
            self.optimizer.name()
        ))
        .x_label("log₁₀ η")
        .y_label("validation loss")
        .log_y(true)
        .series("mean over seeds", at(&|p| p.score()))
        .series("lowest seed", at(&|p| spread(p).0))
        .series("highest seed", at(&|p| spread(p).1))
        .render()
    }
}
