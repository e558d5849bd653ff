//! Loss per update and per epoch: what each variant's updates do to the full
//! loss $J(\theta_t)$, as tables and as the series the charts draw.

use super::three_kinds::label;
use super::{iris_regression, runs, IrisRegression, EPOCHS};
use optcore::{Error, ExampleLoss, Result, Table};
use plots::Series;

/// Number of updates plotted per variant in [`loss_per_update_series`]: one
/// epoch of SGD.
pub fn updates_shown(p: &IrisRegression) -> usize {
    p.loss.len()
}

/// Updates listed in [`loss_per_update`]: one epoch of the m = 10 mini-batch.
pub const UPDATES_LISTED: usize = 15;

/// (c) The full loss $J(\theta_t)$ for the first updates of each variant (batch
/// GD has made only one update per epoch), and the one-example loss SGD saw.
pub fn loss_per_update() -> Result<Table> {
    let p = iris_regression()?;
    let runs = runs(&p)?;
    let shown = UPDATES_LISTED;
    let mut header = vec!["t".to_string()];
    header.extend(runs.iter().map(label));
    header.push("stochastic GD: L(x⁽ⁱ⁾) its update saw".into());
    let mut t = Table::with_header(
        format!("J(θ_t) per update t, first {shown} updates"),
        header,
    );
    let sgd = runs
        .iter()
        .find(|r| r.batch_size == 1)
        .ok_or(Error::Empty {
            what: "the stochastic GD run (m = 1) of the comparison",
        })?;
    for step in 0..=shown {
        let mut row = vec![step.into()];
        for run in &runs {
            row.push(match run.trace.rows.get(step) {
                Some(r) => r.loss.into(),
                None => "".into(),
            });
        }
        row.push(
            match sgd.trace.rows.get(step).and_then(|r| r.record.as_ref()) {
                Some(rec) => rec.seen_loss.into(),
                None => "".into(),
            },
        );
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

/// (c) as plot series: (t, J(θ_t)) for t ≤ N, one series per variant, batch GD
/// last (drawn on top: its few points lie on the others' curve), then the
/// [`level_lines`].
pub fn loss_per_update_series() -> Result<Vec<Series>> {
    let p = iris_regression()?;
    let shown = updates_shown(&p);
    let mut runs = runs(&p)?;
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

/// (b) as plot series: (epochs = gradient evaluations / N, J(θ)) for every
/// update, then the [`level_lines`].
pub fn loss_per_epoch_series() -> Result<Vec<Series>> {
    let p = iris_regression()?;
    let mut series: Vec<_> = runs(&p)?
        .iter()
        .map(|r| (label(r), r.loss_per_epoch()))
        .collect();
    series.extend(level_lines(&p, EPOCHS as f64));
    Ok(series)
}
