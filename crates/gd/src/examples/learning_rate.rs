//! The learning rate: batch GD with η too small, good, and above
//! $2/\lambda_{\max}$ (a divergent run, stopped by a typed error); bad settings
//! refused.

use super::per_update::level_lines;
use super::{iris_regression, IrisRegression, LR, SEED};
use crate::minibatch::{MiniBatchGd, Training};
use batching::LastBatch;
use optcore::render::fmt_num;
use optcore::{Error, ExampleLoss, Report, Result, Table};
use plots::Series;

/// Batch GD learning rates of the sensitivity study: too small, good, too large.
pub const SENSITIVITY_LRS: [f64; 3] = [0.01, 0.5, 1.1];
/// Updates of the sensitivity study.
pub const SENSITIVITY_UPDATES: usize = 60;

/// The most updates [`LrSensitivity`] runs (each one on all 150 examples).
pub const MAX_SENSITIVITY_UPDATES: usize = 100_000;

/// A sensitivity run stops with a typed `Diverged` error once its loss passes
/// this times $J(\theta_0)$.
pub const SENSITIVITY_DIVERGE_FACTOR: f64 = 100.0;

/// The experiment "the learning rate": batch GD on the iris regression from
/// $\theta_0 = 0$, one run per η.
#[derive(Clone, Debug, PartialEq)]
pub struct LrSensitivity {
    /// η of each run: finite numbers > 0, at least one. Stable below
    /// $2/\lambda_{\max}$; a run whose loss passes
    /// [`SENSITIVITY_DIVERGE_FACTOR`] · $J(\theta_0)$ stops there, its rows kept.
    pub lrs: Vec<f64>,
    /// Updates of every run (one per epoch): 1 to [`MAX_SENSITIVITY_UPDATES`].
    pub updates: usize,
}

impl LrSensitivity {
    /// The notebook's values: [`SENSITIVITY_LRS`], [`SENSITIVITY_UPDATES`].
    pub fn lesson() -> LrSensitivity {
        LrSensitivity {
            lrs: SENSITIVITY_LRS.to_vec(),
            updates: SENSITIVITY_UPDATES,
        }
    }

    /// The runs: batch GD with each η, stopping with a typed `Diverged` error
    /// once the loss passes [`SENSITIVITY_DIVERGE_FACTOR`] · J(θ₀).
    pub fn runs(&self, p: &IrisRegression) -> Result<Vec<Training>> {
        if self.lrs.is_empty() {
            return Err(Error::Empty {
                what: "the list of learning rates `lrs`",
            });
        }
        if self.updates == 0 || self.updates > MAX_SENSITIVITY_UPDATES {
            return Err(Error::Hyperparameter {
                name: "updates",
                value: self.updates as f64,
                accepts: "a whole number of updates from 1 to 100000",
            });
        }
        let n = p.loss.len();
        self.lrs
            .iter()
            .map(|&lr| {
                MiniBatchGd::new(lr, n, Some(SEED), LastBatch::Keep)
                    .map(|gd| gd.diverge_above(SENSITIVITY_DIVERGE_FACTOR * p.initial_loss))
                    .and_then(|gd| gd.train(&p.loss, p.start.view(), self.updates))
            })
            .collect()
    }

    /// (d) Batch GD's learning-rate sensitivity: each run's loss after 10
    /// updates and at its end, the updates it took to the target, how it ended.
    pub fn report(&self) -> Result<Report> {
        lr_sensitivity(self)
    }

    /// (d) as plot series: (t, J(θ_t)) of each run, until it stopped, then the
    /// [`level_lines`].
    pub fn series(&self) -> Result<Vec<Series>> {
        let p = iris_regression()?;
        let mut series: Vec<_> = self
            .runs(&p)?
            .iter()
            .map(|r| (format!("η = {}", r.lr), r.loss_per_update()))
            .collect();
        series.extend(level_lines(&p, self.updates as f64));
        Ok(series)
    }
}

fn lr_sensitivity(sens: &LrSensitivity) -> Result<Report> {
    let p = iris_regression()?;
    let mut t = Table::new(
        format!("batch GD, {} updates from θ₀ = 0", sens.updates),
        &[
            "η",
            "η·λ_max",
            "updates run",
            "J after 10",
            "final J(θ)",
            "updates to target",
            "how it ended",
        ],
    );
    for run in sens.runs(&p)? {
        let last = run.trace.last();
        let at10 = run
            .trace
            .rows
            .get(10)
            .map(|r| r.loss.into())
            .unwrap_or_else(|| "".into());
        let reached = run
            .first_below(p.target)
            .map(|r| r.t.to_string())
            .unwrap_or_else(|| "not reached".into());
        let ended = match &run.trace.stop {
            Some(e) => format!("Err: {e}"),
            None => "finished".into(),
        };
        t.push(vec![
            run.lr.into(),
            (run.lr * p.lambda_max).into(),
            last.t.into(),
            at10,
            last.loss.into(),
            reached.into(),
            ended.into(),
        ]);
    }
    Ok(Report::new()
        .text(format!(
            "Batch GD on this quadratic loss contracts along each eigenvector of $H$ by \
             $|1 - \\eta\\lambda|$ per update, so it is stable only for \
             $\\eta < 2/\\lambda_{{\\max}} = 2/{} = {}$ (target $J = {}$).",
            fmt_num(p.lambda_max),
            fmt_num(p.max_stable_lr()),
            fmt_num(p.target)
        ))
        .table(t))
}

/// Bad settings and what they return: typed errors with one-line messages,
/// never a panic.
pub fn refusals() -> Result<Table> {
    let p = iris_regression()?;
    let n = p.loss.len();
    let mut t = Table::new("bad settings are refused", &["setting", "result"]);
    let cases: [(String, f64, usize); 4] = [
        ("batch size m = 0".into(), LR, 0),
        (format!("batch size m = {} > N = {n}", n + 1), LR, n + 1),
        ("η = 0".into(), 0.0, 10),
        ("η = -0.1".into(), -0.1, 10),
    ];
    for (what, lr, m) in cases {
        let result = MiniBatchGd::new(lr, m, Some(SEED), LastBatch::Keep)
            .and_then(|gd| gd.train(&p.loss, p.start.view(), 1));
        let text = match result {
            Ok(_) => "Ok".to_string(),
            Err(e) => format!("Err: {e}"),
        };
        t.push(vec![what.into(), text.into()]);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_rates_run_and_bad_knobs_are_refused() {
        let other = LrSensitivity {
            lrs: vec![0.2, 3.0],
            updates: 20,
        };
        let text = other.report().unwrap().to_string();
        assert!(
            text.contains("batch GD, 20 updates") && text.contains("Err: diverged"),
            "{text}"
        );
        assert_eq!(other.series().unwrap().len(), 2 + 2);
        for bad in [
            LrSensitivity {
                lrs: vec![],
                ..LrSensitivity::lesson()
            },
            LrSensitivity {
                lrs: vec![0.1, -0.1],
                ..LrSensitivity::lesson()
            },
            LrSensitivity {
                updates: 0,
                ..LrSensitivity::lesson()
            },
            LrSensitivity {
                updates: usize::MAX,
                ..LrSensitivity::lesson()
            },
        ] {
            assert!(bad.report().is_err(), "{bad:?}");
            assert!(bad.series().is_err(), "{bad:?}");
        }
    }
}
