//! The critical batch size on the noisy quadratic model (Zhang et al. 2019):
//! steps to a target expected loss against batch size, each method's
//! hyperparameters tuned at each batch size on a grid; SGD, heavy-ball momentum,
//! and momentum with the preconditioner $h^{-1/2}$ that models Adam.

use crate::nqm::{batch_study, critical_batch, grid, BatchPoint, Nqm};
use optcore::error::{check_nonempty, check_steps, check_unit_interval, Error, Result};
use optcore::render::{fmt_short, fmt_sig, Cell, Table};
use plots::{Figure, LineChart};

/// The three methods of a study, in order: SGD (momentum 0), momentum (the
/// momenta of the grid), and momentum with the preconditioning power ½.
const METHODS: [&str; 3] = ["SGD", "momentum", "Adam (momentum, h^(−1/2))"];

/// Steps to a target against batch size on the model $h_i = 1/i$, $c_i = h_i$.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalBatch {
    /// Coordinates d of the model.
    pub dims: usize,
    /// The target, as a share of the expected loss at the start (0 to 1).
    pub target: f64,
    /// The batch sizes B, increasing.
    pub batches: Vec<usize>,
    /// The learning rates tried at every batch size.
    pub lrs: Vec<f64>,
    /// The momenta tried by the two momentum methods (SGD tries 0 only).
    pub momenta: Vec<f64>,
    /// A run that has not reached the target by then does not count.
    pub max_steps: usize,
}

/// A study: one list of points per method.
#[derive(Debug, Clone, PartialEq)]
pub struct Critical {
    pub knobs: CriticalBatch,
    /// SGD, momentum, Adam, in the order of the table's columns.
    pub points: [Vec<BatchPoint>; 3],
}

impl CriticalBatch {
    /// The notebook's study: d = 100, the target 1 % of the start, B = 1, 2, 4,
    /// …, 8192, rates 10⁻³ to 10 at four per decade, momenta 0, 0.5, 0.9, 0.99.
    pub fn lesson() -> CriticalBatch {
        CriticalBatch {
            dims: 100,
            target: 0.01,
            batches: (0..14).map(|k| 1 << k).collect(),
            lrs: crate::tune::log_grid(-3, 1, 4).expect("a valid grid"),
            momenta: vec![0.0, 0.5, 0.9, 0.99],
            max_steps: 100_000,
        }
    }

    /// Every knob checked, then the three studies.
    pub fn run(&self) -> Result<Critical> {
        check_nonempty("list of batch sizes", &self.batches)?;
        check_nonempty("list of learning rates", &self.lrs)?;
        check_nonempty("list of momenta", &self.momenta)?;
        check_steps(self.max_steps, super::floor::MAX_STEPS)?;
        if !(self.target > 0.0 && self.target < 1.0) {
            return Err(Error::Hyperparameter {
                name: "target",
                value: self.target,
                accepts: "a share of the starting loss, between 0 and 1",
            });
        }
        if self.batches.windows(2).any(|w| w[1] <= w[0]) {
            return Err(Error::Hyperparameter {
                name: "batches",
                value: f64::NAN,
                accepts: "batch sizes in increasing order",
            });
        }
        for &m in &self.momenta {
            check_unit_interval("momentum", m)?;
        }
        let nqm = Nqm::harmonic(self.dims)?;
        let target = self.target * nqm.initial_loss();
        let threads = crate::par::threads();
        let study = |momenta: &[f64], power: f64| {
            batch_study(
                &nqm,
                &grid(&self.lrs, momenta, &[power]),
                &self.batches,
                target,
                self.max_steps,
                threads,
            )
        };
        Ok(Critical {
            knobs: self.clone(),
            points: [
                study(&[0.0], 0.0)?,
                study(&self.momenta, 0.0)?,
                study(&self.momenta, 0.5)?,
            ],
        })
    }
}

impl Critical {
    /// The fewest steps `method` (as the table's header names it: `SGD`,
    /// `momentum`, …) took at batch size `batch`; an error naming what is
    /// missing otherwise.
    pub fn steps(&self, method: &str, batch: usize) -> Result<usize> {
        let m = METHODS
            .iter()
            .position(|&n| n == method)
            .ok_or_else(|| Error::Column {
                name: method.to_string(),
                table: format!("the study's methods ({})", METHODS.join(", ")),
            })?;
        let k =
            self.knobs
                .batches
                .iter()
                .position(|&b| b == batch)
                .ok_or(Error::Hyperparameter {
                    name: "batch",
                    value: batch as f64,
                    accepts: "one of the study's batch sizes",
                })?;
        self.points[m][k].best.map(|(s, _)| s).ok_or(Error::Empty {
            what: "steps at that batch size (the target was not reached)",
        })
    }

    /// Each method's critical batch size ([`critical_batch`]).
    pub fn critical(&self) -> [Option<usize>; 3] {
        [0, 1, 2].map(|m| critical_batch(&self.points[m]))
    }

    /// The fewest steps at each batch size, per method, with the critical batch
    /// sizes in the note.
    pub fn table(&self) -> Table {
        let mut header = vec!["batch size B"];
        header.extend(METHODS);
        let mut t = Table::new(
            format!(
                "Steps to {} % of the starting loss, each method tuned at each B (d = {})",
                fmt_short(100.0 * self.knobs.target),
                self.knobs.dims
            ),
            &header,
        );
        for (k, &b) in self.knobs.batches.iter().enumerate() {
            let mut row = vec![Cell::from(b)];
            for m in 0..3 {
                row.push(match self.points[m][k].best {
                    Some((s, _)) => s.into(),
                    None => Cell::from("—"),
                });
            }
            t.push(row);
        }
        let critical: Vec<String> = self
            .critical()
            .iter()
            .zip(METHODS)
            .map(|(c, m)| match c {
                Some(b) => format!("{m} {b}"),
                None => format!("{m} —"),
            })
            .collect();
        t.with_note(format!(
            "critical batch size (the largest B still within twice perfect scaling from the smallest): {}; — not reached within {} steps",
            critical.join(", "),
            self.knobs.max_steps
        ))
    }

    /// The tuned settings behind each count: η, and β for the momentum methods.
    pub fn settings(&self) -> Table {
        let mut header = vec!["batch size B"];
        header.extend(METHODS);
        let mut t = Table::new("The setting that took the fewest steps", &header);
        for (k, &b) in self.knobs.batches.iter().enumerate() {
            let mut row = vec![Cell::from(b)];
            for m in 0..3 {
                row.push(match self.points[m][k].best {
                    Some((_, s)) if m == 0 => Cell::from(format!("η = {}", fmt_sig(s.lr, 3))),
                    Some((_, s)) => Cell::from(format!(
                        "η = {}, β = {}",
                        fmt_sig(s.lr, 3),
                        fmt_short(s.momentum)
                    )),
                    None => Cell::from("—"),
                });
            }
            t.push(row);
        }
        t
    }

    /// Steps against log₂ B, one curve per method and perfect scaling from SGD's
    /// smallest batch; a × at each method's critical batch size.
    pub fn chart(&self) -> Result<Figure> {
        let log2 = |b: usize| (b as f64).log2();
        let mut chart = LineChart::new("Steps to the target against batch size (× critical B)")
            .x_label("log₂ B")
            .y_label("steps")
            .log_y(true);
        let critical = self.critical();
        for m in 0..3 {
            let points: Vec<(f64, f64)> = self.points[m]
                .iter()
                .filter_map(|p| p.best.map(|(s, _)| (log2(p.batch), s as f64)))
                .collect();
            chart = chart.series(METHODS[m], points.clone());
            if let Some(c) = critical[m] {
                if let Some(&at) = points.iter().find(|p| p.0 == log2(c)) {
                    chart = chart.stop_mark(at);
                }
            }
        }
        if let Some(first) = self.points[0].first() {
            if let Some((s0, _)) = first.best {
                let b0 = first.batch as f64;
                chart = chart.series(
                    "perfect scaling: steps ∝ 1/B",
                    self.knobs
                        .batches
                        .iter()
                        .map(|&b| (log2(b), s0 as f64 * b0 / b as f64))
                        .filter(|p| p.1 >= 1.0)
                        .collect(),
                );
            }
        }
        chart.render()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn momentum_and_preconditioning_raise_the_critical_batch() {
        let study = CriticalBatch::lesson().run().unwrap();
        let [sgd, momentum, adam] = study.critical().map(Option::unwrap);
        assert!(sgd < momentum && momentum < adam, "{sgd} {momentum} {adam}");
        assert_eq!(study.table().rows.len(), 14);
        study.chart().unwrap();
    }

    #[test]
    fn bad_knobs_are_refused() {
        let bad = |c: CriticalBatch| c.run().unwrap_err();
        let lesson = CriticalBatch::lesson;
        assert!(matches!(
            bad(CriticalBatch {
                target: 1.5,
                ..lesson()
            }),
            Error::Hyperparameter { name: "target", .. }
        ));
        assert!(matches!(
            bad(CriticalBatch {
                batches: vec![4, 2],
                ..lesson()
            }),
            Error::Hyperparameter {
                name: "batches",
                ..
            }
        ));
        assert!(matches!(
            bad(CriticalBatch {
                momenta: vec![1.5],
                ..lesson()
            }),
            Error::Hyperparameter {
                name: "momentum",
                ..
            }
        ));
        assert!(matches!(
            bad(CriticalBatch {
                lrs: vec![],
                ..lesson()
            }),
            Error::Empty { .. }
        ));
    }
}
