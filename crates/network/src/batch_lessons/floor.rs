//! The noise floor: plain SGD on the noisy quadratic model at one rate and
//! several batch sizes. The expected loss falls, then settles where the pull of
//! the curvature balances the push of the batch noise, at a floor that falls as
//! $1/B$ ([`Nqm::sgd_floor`]) — the variance $1/m$ of notebook 01 as a loss.

use crate::nqm::{Method, Nqm};
use optcore::error::{check_nonempty, check_steps, Error, Result};
use optcore::render::{Cell, Table};
use plots::{Figure, LineChart};

/// Runs of the expected loss are this long at most (each step costs one pass
/// over the coordinates).
pub const MAX_STEPS: usize = 1_000_000;

/// SGD on the model $h_i = 1/i$, $c_i = h_i$ of `dims` coordinates at rate `lr`,
/// once per batch size.
#[derive(Debug, Clone, PartialEq)]
pub struct NoiseFloor {
    /// Coordinates d of the model (curvatures 1, 1/2, …, 1/d).
    pub dims: usize,
    /// η, the same at every batch size (below 2, where SGD converges).
    pub lr: f64,
    /// The batch sizes B, each ≥ 1.
    pub batches: Vec<usize>,
    /// Steps of each run.
    pub steps: usize,
}

impl NoiseFloor {
    /// The notebook's experiment: d = 100, η = 0.5, B = 1, 4, 16, 64, 2000 steps.
    pub fn lesson() -> NoiseFloor {
        NoiseFloor {
            dims: 100,
            lr: 0.5,
            batches: vec![1, 4, 16, 64],
            steps: 2000,
        }
    }

    fn model(&self) -> Result<Nqm> {
        check_nonempty("list of batch sizes", &self.batches)?;
        check_steps(self.steps, MAX_STEPS)?;
        let nqm = Nqm::harmonic(self.dims)?;
        for &b in &self.batches {
            nqm.sgd_floor(self.lr, b)?;
        }
        Ok(nqm)
    }

    fn sgd(&self) -> Method {
        Method {
            lr: self.lr,
            momentum: 0.0,
            power: 0.0,
        }
    }

    /// Each batch size's expected loss at the end of the run, its floor, and the
    /// floor times B (constant: the floor is proportional to 1/B).
    pub fn table(&self) -> Result<Table> {
        let nqm = self.model()?;
        let mut t = Table::new(
            format!(
                "SGD on the noisy quadratic (d = {}, η = {}): the expected loss settles on a floor ∝ 1/B",
                self.dims, self.lr
            ),
            &[
                "batch size B",
                "E[L] after the last step",
                "floor (t → ∞)",
                "floor × B",
            ],
        );
        for &b in &self.batches {
            let losses = nqm.expected_losses(self.sgd(), b, self.steps)?;
            let last = *losses.last().expect("the loss at t = 0 at least");
            let floor = nqm.sgd_floor(self.lr, b)?;
            t.push(vec![
                b.into(),
                last.into(),
                floor.into(),
                (floor * b as f64).into(),
            ]);
        }
        Ok(t.with_note(format!(
            "at the start E[L] = {}",
            optcore::render::fmt_sig(nqm.initial_loss(), 4)
        )))
    }

    /// The expected loss after every step, one curve per batch size.
    pub fn chart(&self) -> Result<Figure> {
        let nqm = self.model()?;
        let mut chart = LineChart::new(format!(
            "SGD on the noisy quadratic, η = {}: expected loss",
            self.lr
        ))
        .x_label("step t")
        .y_label("E[L]")
        .log_y(true);
        for &b in &self.batches {
            let losses = nqm.expected_losses(self.sgd(), b, self.steps)?;
            chart = chart.by_step(format!("B = {b}"), &losses);
        }
        chart.render()
    }
}

/// How close a hand-written expected loss must come to the library's: the same
/// recursion, the noise divided by B in another order.
pub const RULE_REL: f64 = 1e-12;

/// Steps a rule check shows: the first three, then every tenth of the way.
fn shown(steps: usize) -> Vec<usize> {
    let mut t: Vec<usize> = (1..=steps.min(3)).collect();
    for k in 1..=10 {
        let s = steps * k / 10;
        if s > 3 && !t.contains(&s) {
            t.push(s);
        }
    }
    t
}

/// A hand-written expected loss of SGD on the model (`E[L]` after steps 1, 2, …,
/// `steps`) against the library's at the same settings, with a verdict: ✓ where
/// every step is within [`RULE_REL`] relative.
pub fn rule_check(dims: usize, lr: f64, batch: usize, steps: usize, mine: &[f64]) -> Result<Table> {
    let knobs = NoiseFloor {
        dims,
        lr,
        batches: vec![batch],
        steps,
    };
    let nqm = knobs.model()?;
    let lib = nqm.expected_losses(knobs.sgd(), batch, steps)?;
    optcore::error::check_dim("your expected losses against the steps", steps, mine.len())?;
    if lib.len() != steps + 1 {
        return Err(Error::Empty {
            what: "the library's run (it diverged before the last step)",
        });
    }
    let rel = |t: usize| {
        let (a, b) = (mine[t - 1], lib[t]);
        let d = (a - b).abs() / b.abs().max(f64::MIN_POSITIVE);
        if d.is_nan() {
            f64::INFINITY
        } else {
            d
        }
    };
    let first_wrong = (1..=steps).find(|&t| rel(t) > RULE_REL);
    let mut table = Table::new(
        format!("Your expected loss against the library's (d = {dims}, η = {lr}, B = {batch})"),
        &[
            "step t",
            "yours",
            "library",
            "relative difference",
            "verdict",
        ],
    );
    for t in shown(steps) {
        table.push(vec![
            t.into(),
            mine[t - 1].into(),
            lib[t].into(),
            rel(t).into(),
            Cell::from(if rel(t) <= RULE_REL { "✓" } else { "✗" }),
        ]);
    }
    Ok(table.with_note(match first_wrong {
        None => "✓ your expected loss is the library's at every step".to_string(),
        Some(t) => format!("✗ your expected loss parts from the library's at step {t}"),
    }))
}

/// The appendix's check of the moment equations every table of the notebook
/// rests on: for SGD, momentum and momentum with the preconditioner $h^{-1/2}$,
/// the exact expected loss against the mean of 20,000 sampled runs
/// ([`Nqm::sampled_losses`]) on a model of 10 coordinates, B = 4, 30 steps; the
/// largest gap in standard errors, and a verdict at 4.
pub fn sampled_check() -> Result<Table> {
    let (dims, batch, steps, runs, seed) = (10, 4, 30, 20_000, 7);
    let nqm = Nqm::harmonic(dims)?;
    let mut t = Table::new(
        format!(
            "The moment equations against {runs} sampled runs (d = {dims}, B = {batch}, steps 0 to {steps})"
        ),
        &[
            "method",
            "η",
            "β",
            "p",
            "largest |sampled − exact| / standard error",
            "within 4",
        ],
    );
    let methods = [
        ("SGD", 0.5, 0.0, 0.0),
        ("momentum", 0.2, 0.8, 0.0),
        ("Adam (momentum, h^(−1/2))", 0.1, 0.8, 0.5),
    ];
    for (name, lr, momentum, power) in methods {
        let m = Method {
            lr,
            momentum,
            power,
        };
        let exact = nqm.expected_losses(m, batch, steps)?;
        let sampled = nqm.sampled_losses(m, batch, steps, runs, seed)?;
        let worst = exact
            .iter()
            .zip(&sampled)
            .map(|(e, (mean, se))| (mean - e).abs() / se.max(f64::MIN_POSITIVE))
            .fold(0.0, f64::max);
        t.push(vec![
            Cell::from(name),
            lr.into(),
            momentum.into(),
            power.into(),
            worst.into(),
            Cell::from(if worst <= 4.0 { "✓" } else { "✗" }),
        ]);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_floor_falls_as_one_over_b_and_the_runs_reach_it() {
        let t = NoiseFloor::lesson().table().unwrap();
        let floor_b = t.column(&t.header[3]).unwrap();
        for w in floor_b.windows(2) {
            assert!((w[1] / w[0] - 1.0).abs() < 1e-12, "{t}");
        }
        let (last, floor) = (
            t.column(&t.header[1]).unwrap(),
            t.column(&t.header[2]).unwrap(),
        );
        for (l, f) in last.iter().zip(&floor) {
            assert!((l / f - 1.0).abs() < 0.05, "{t}");
        }
    }

    #[test]
    fn the_rule_written_out_checks_and_a_slip_is_caught() {
        let (d, lr, b, steps) = (10, 0.5, 4, 30);
        let h: Vec<f64> = (1..=d).map(|i| 1.0 / i as f64).collect();
        let run = |noise: f64| {
            let mut a = vec![1.0; d];
            (1..=steps)
                .map(|_| {
                    for i in 0..d {
                        a[i] = (1.0 - lr * h[i]).powi(2) * a[i] + lr * lr * noise * h[i] / b as f64;
                    }
                    0.5 * (0..d).map(|i| h[i] * a[i]).sum::<f64>()
                })
                .collect::<Vec<f64>>()
        };
        let ok = rule_check(d, lr, b, steps, &run(1.0)).unwrap();
        assert!(ok.note.as_deref().unwrap().starts_with('✓'), "{ok}");
        let slip = rule_check(d, lr, b, steps, &run(2.0)).unwrap();
        assert_eq!(
            slip.note.as_deref(),
            Some("✗ your expected loss parts from the library's at step 1")
        );
        assert!(rule_check(d, lr, b, steps, &run(1.0)[1..]).is_err());
    }

    #[test]
    fn the_moments_agree_with_sampled_runs() {
        let t = sampled_check().unwrap();
        assert!(t.rows.iter().all(|r| r[5] == Cell::from("✓")), "{t}");
    }

    #[test]
    fn bad_knobs_are_refused() {
        let bad = |f: NoiseFloor| f.table().unwrap_err();
        assert!(matches!(
            bad(NoiseFloor {
                lr: 2.5,
                ..NoiseFloor::lesson()
            }),
            Error::Hyperparameter { name: "lr", .. }
        ));
        assert!(matches!(
            bad(NoiseFloor {
                batches: vec![0],
                ..NoiseFloor::lesson()
            }),
            Error::Hyperparameter {
                name: "batch size",
                ..
            }
        ));
        assert!(matches!(
            bad(NoiseFloor {
                batches: vec![],
                ..NoiseFloor::lesson()
            }),
            Error::Empty { .. }
        ));
        assert!(matches!(
            bad(NoiseFloor {
                steps: 0,
                ..NoiseFloor::lesson()
            }),
            Error::Hyperparameter { name: "steps", .. }
        ));
        assert!(matches!(
            bad(NoiseFloor {
                dims: 0,
                ..NoiseFloor::lesson()
            }),
            Error::Empty { .. }
        ));
    }
}
