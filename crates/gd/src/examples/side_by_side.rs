//! The comparison: the same η and the same number of epochs for every batch
//! size; updates and gradient evaluations to a target loss.

use super::three_kinds::label;
use super::{iris_regression, IrisRegression, ThreeKinds};
use crate::minibatch::{MiniBatchGd, Training};
use batching::LastBatch;
use optcore::linalg::distance;
use optcore::render::{fmt_num, fmt_sig};
use optcore::{ExampleLoss, Report, Result, Table};

impl ThreeKinds {
    /// (b) The comparison: updates and gradient evaluations per epoch, the loss
    /// after each epoch, the cost of reaching the target loss, the distance to
    /// $w^\*$; a run that stopped (diverged) says so under the table.
    pub fn comparison(&self) -> Result<Report> {
        comparison(self)
    }
}

fn comparison(kinds: &ThreeKinds) -> Result<Report> {
    let (lr, epochs, seed) = (kinds.lr, kinds.epochs, kinds.seed);
    let p = iris_regression()?;
    let runs = kinds.runs(&p)?;
    let mut summary = Table::new(
        format!(
            "same η = {lr}, {epochs} epochs, seed {seed}, θ₀ = 0; target J = {}",
            fmt_num(p.target)
        ),
        &[
            "variant",
            "m",
            "updates / epoch",
            "gradient evals / epoch",
            "updates to target",
            "gradient evals to target",
            "epochs to target",
            "updates that raised J",
            "final J(θ)",
            "final ‖θ − w*‖",
        ],
    );
    for run in &runs {
        let last = run.trace.last();
        let (updates, evals, epochs) = match run.first_below(p.target) {
            Some(r) => (
                r.t.to_string(),
                r.gradient_evaluations.to_string(),
                fmt_sig(r.gradient_evaluations as f64 / run.examples as f64, 4),
            ),
            None => (
                "not reached".into(),
                "not reached".into(),
                "not reached".into(),
            ),
        };
        summary.push(vec![
            run.variant.into(),
            run.batch_size.into(),
            run.updates_per_epoch.into(),
            run.evaluations_per_epoch().into(),
            updates.into(),
            evals.into(),
            epochs.into(),
            run.trace
                .rows
                .windows(2)
                .filter(|w| w[1].loss > w[0].loss)
                .count()
                .into(),
            last.loss.into(),
            distance(last.theta.view(), p.optimum.view()).into(),
        ]);
    }
    let mut header = vec!["epoch".to_string()];
    header.extend(runs.iter().map(label));
    let mut per_epoch = Table::with_header("J(θ) at the end of each epoch", header);
    let losses: Vec<Vec<f64>> = runs.iter().map(Training::epoch_losses).collect();
    for k in 0..=epochs {
        let mut row = vec![k.into()];
        row.extend(losses.iter().map(|l| match l.get(k) {
            Some(&v) => v.into(),
            None => "".into(),
        }));
        per_epoch.push(row);
    }
    let batch = batch_gd_to_target(lr, seed, &p)?;
    let batch_note = match batch.first_below(p.target) {
        Some(r) => format!(
            "Run on past {epochs} epochs with the same η = {lr}, batch GD reaches the target after \
             {} updates = {} gradient evaluations ({} epochs).",
            r.t,
            r.gradient_evaluations,
            r.t
        ),
        None => format!(
            "Batch GD with the same η does not reach the target in {BATCH_GD_MAX_UPDATES} updates."
        ),
    };
    let stopped: Vec<String> = runs
        .iter()
        .filter_map(|r| {
            r.trace
                .stop
                .as_ref()
                .map(|e| format!("{} stopped: {e}", label(r)))
        })
        .collect();
    let summary = if stopped.is_empty() {
        summary
    } else {
        summary.with_note(stopped.join("; "))
    };
    Ok(Report::new()
        .text(format!(
            "$J^* = {}$, $J(\\theta_0) = {}$; \"to target\" is the first update whose full loss \
             is at most $J^* + 1\\%\\,(J(\\theta_0) - J^*) = {}$.",
            fmt_num(p.optimal_loss),
            fmt_num(p.initial_loss),
            fmt_num(p.target)
        ))
        .table(summary)
        .text(batch_note)
        .table(per_epoch))
}

/// Updates batch GD is given in [`batch_gd_to_target`].
pub const BATCH_GD_MAX_UPDATES: usize = 1000;

/// Batch GD with the comparison's η, run until it reaches the target loss (at
/// most [`BATCH_GD_MAX_UPDATES`] updates, one per epoch; a diverging run stops
/// where its loss passes [`super::DIVERGE_FACTOR`] · J(θ₀)).
pub fn batch_gd_to_target(lr: f64, seed: u64, p: &IrisRegression) -> Result<Training> {
    let gd = MiniBatchGd::new(lr, p.loss.len(), Some(seed), LastBatch::Keep)?
        .diverge_above(super::DIVERGE_FACTOR * p.initial_loss);
    let full = gd.train(&p.loss, p.start.view(), BATCH_GD_MAX_UPDATES)?;
    let end = full
        .first_below(p.target)
        .map(|r| r.t)
        .unwrap_or(BATCH_GD_MAX_UPDATES)
        .min(full.trace.rows.len() - 1);
    Ok(Training {
        epochs: end,
        trace: optcore::Trace {
            rows: full.trace.rows[..=end].to_vec(),
            ..full.trace.clone()
        },
        batches: full.batches[..end].to_vec(),
        ..full
    })
}
