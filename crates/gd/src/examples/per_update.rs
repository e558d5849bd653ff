//! Loss per update and per epoch: what each variant's updates do to the full
//! loss $J(\theta_t)$, as tables and as the series the charts draw.

use super::three_kinds::label;
use super::{iris_regression, IrisRegression, ThreeKinds};
use optcore::{ExampleLoss, Result, Table};
use plots::Series;

/// Number of updates plotted per variant in [`ThreeKinds::loss_per_update_series`]: one
/// epoch of SGD.
pub fn updates_shown(p: &IrisRegression) -> usize {
    p.loss.len()
}

/// Updates listed in [`ThreeKinds::loss_per_update`]: one epoch of the m = 10 mini-batch.
pub const UPDATES_LISTED: usize = 15;

impl ThreeKinds {
    /// (c) The full loss $J(\theta_t)$ for the first updates of each variant
    /// (batch GD has made only one update per epoch), and the one-example loss
    /// SGD saw (when a run has m = 1).
    pub fn loss_per_update(&self) -> Result<Table> {
        loss_per_update(self)
    }

    /// (c) as plot series: (t, J(θ_t)) for t ≤ N, one series per variant,
    /// batch GD last (drawn on top: its few points lie on the others' curve),
    /// then the [`level_lines`].
    pub fn loss_per_update_series(&self) -> Result<Vec<Series>> {
        loss_per_update_series(self)
    }

    /// (b) as plot series: (epochs = gradient evaluations / N, J(θ)) for every
    /// update, then the [`level_lines`].
    pub fn loss_per_epoch_series(&self) -> Result<Vec<Series>> {
        let p = iris_regression()?;
        let mut series: Vec<_> = self
            .runs(&p)?
            .iter()
            .map(|r| (label(r), r.loss_per_epoch()))
            .collect();
        series.extend(level_lines(&p, self.epochs as f64));
        Ok(series)
    }
}

fn loss_per_update(kinds: &ThreeKinds) -> Result<Table> {
    let p = iris_regression()?;
    let runs = kinds.runs(&p)?;
    let shown = UPDATES_LISTED;
    let sgd = runs.iter().find(|r| r.batch_size == 1);
    let mut header = vec!["t".to_string()];
    header.extend(runs.iter().map(label));
    if sgd.is_some() {
        header.push("stochastic GD: L(x⁽ⁱ⁾) its update saw".into());
    }
    let mut t = Table::with_header(
        format!("J(θ_t) per update t, first {shown} updates"),
        header,
    );
    for step in 0..=shown {
        let mut row = vec![step.into()];
        for run in &runs {
            row.push(match run.trace.rows.get(step) {
                Some(r) => r.loss.into(),
                None => "".into(),
            });
        }
        if let Some(sgd) = sgd {
            row.push(
                match sgd.trace.rows.get(step).and_then(|r| r.record.as_ref()) {
                    Some(rec) => rec.seen_loss.into(),
                    None => "".into(),
                },
            );
        }
        t.push(row);
    }
    Ok(t)
}

/// Flat lines at $J^\*$ and at the target loss from $x = 0$ to `x_end`, drawn
/// with the loss curves.
pub fn level_lines(p: &IrisRegression, x_end: f64) -> Vec<Series> {
    vec![
        (
            "J* (exact optimum)".into(),
            vec![(0.0, p.optimal_loss), (x_end, p.optimal_loss)],
        ),
        ("target".into(), vec![(0.0, p.target), (x_end, p.target)]),
    ]
}

fn loss_per_update_series(kinds: &ThreeKinds) -> Result<Vec<Series>> {
    let p = iris_regression()?;
    let shown = updates_shown(&p);
    let mut runs = kinds.runs(&p)?;
    runs.sort_by_key(|r| r.batch_size == p.loss.len());
    let mut series: Vec<_> = runs
        .iter()
        .map(|r| {
            (
                label(r),
                r.loss_per_update().into_iter().take(shown + 1).collect(),
            )
        })
        .collect();
    series.extend(level_lines(&p, shown as f64));
    Ok(series)
}
