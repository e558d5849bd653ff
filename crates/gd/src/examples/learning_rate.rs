//! The learning rate: batch GD with η too small, good, and above
//! $2/\lambda_{\max}$ (a divergent run, stopped by a typed error); bad settings
//! refused.

use super::per_update::level_lines;
use super::{iris_regression, IrisRegression, LR, SEED};
use crate::minibatch::{MiniBatchGd, Training};
use batching::LastBatch;
use optcore::render::fmt_num;
use optcore::{ExampleLoss, Report, Result, Table};
use plots::Series;

/// Batch GD learning rates of the sensitivity study: too small, good, too large.
pub const SENSITIVITY_LRS: [f64; 3] = [0.01, 0.5, 1.1];
/// Updates of the sensitivity study.
pub const SENSITIVITY_UPDATES: usize = 60;

/// The sensitivity runs: batch GD with each of [`SENSITIVITY_LRS`], stopping
/// with a typed `Diverged` error once the loss passes 100·J(θ₀).
pub fn sensitivity_runs(p: &IrisRegression) -> Result<Vec<Training>> {
    let n = p.loss.len();
    SENSITIVITY_LRS
        .iter()
        .map(|&lr| {
            MiniBatchGd::new(lr, n, Some(SEED), LastBatch::Keep)
                .map(|gd| gd.diverge_above(100.0 * p.initial_loss))
                .and_then(|gd| gd.train(&p.loss, p.start.view(), SENSITIVITY_UPDATES))
        })
        .collect()
}

/// (d) Batch GD's learning-rate sensitivity: too small, good, above $2/\lambda_{\max}$.
pub fn lr_sensitivity() -> Result<Report> {
    let p = iris_regression()?;
    let mut t = Table::new(
        format!("batch GD, {SENSITIVITY_UPDATES} updates from θ₀ = 0"),
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
    for run in sensitivity_runs(&p)? {
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

/// (d) as plot series: (t, J(θ_t)) of each sensitivity run, until it stopped,
/// then the [`level_lines`].
pub fn lr_sensitivity_series() -> Result<Vec<Series>> {
    let p = iris_regression()?;
    let mut series: Vec<_> = sensitivity_runs(&p)?
        .iter()
        .map(|r| (format!("η = {}", r.lr), r.loss_per_update()))
        .collect();
    series.extend(level_lines(&p, SENSITIVITY_UPDATES as f64));
    Ok(series)
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
