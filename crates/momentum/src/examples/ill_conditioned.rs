//! An ill-conditioned valley: GD, momentum γ = 0.5 and γ = 0.9 on
//! $0.1x^2 + 2y^2$ (condition number 20).

use super::{POST_GAMMA, REFERENCE_LR};
use crate::{Momentum, MomentumRecord};
use optcore::measure::crossings;
use optcore::render::Cell;
use optcore::{
    reference_start, run_to_completion, Convention, Objective, Quadratic, Result, Table, Trace,
};
use plots::{bounding_box, Contour, Figure, LineChart, Series};

/// Steps of the valley runs.
pub const VALLEY_STEPS: usize = 100;

/// GD, momentum γ = 0.5 (the reference case) and momentum γ = 0.9 (the post's
/// value), all with η = 0.4, on $0.1x^2 + 2y^2$ (condition number 20) from (−5, −2).
pub fn valley_runs() -> Result<Vec<(String, Trace<MomentumRecord>)>> {
    let q = Quadratic::reference();
    let start = reference_start();
    let mut out = Vec::new();
    for (label, gamma) in [
        ("GD (γ = 0)", 0.0),
        ("momentum γ = 0.5", 0.5),
        ("momentum γ = 0.9", POST_GAMMA),
    ] {
        let tr = run_to_completion(
            &Momentum {
                lr: REFERENCE_LR,
                momentum: gamma,
                ..Momentum::defaults(Convention::Paper)
            },
            &q,
            start.view(),
            VALLEY_STEPS,
        )?;
        out.push((format!("{label}, η = {REFERENCE_LR}"), tr));
    }
    Ok(out)
}

/// The valley in numbers: loss after 10, 20, 50, 100 steps, the first step with
/// loss ≤ 1e-6, and how often each coordinate crossed 0.
pub fn valley() -> Result<Table> {
    let mut t = Table::new(
        "0.1x² + 2y² from (−5, −2): GD vs momentum",
        &[
            "run",
            "J(θ₁₀)",
            "J(θ₂₀)",
            "J(θ₅₀)",
            "J(θ₁₀₀)",
            "first t with J ≤ 1e-6",
            "x crossed 0",
            "y crossed 0",
        ],
    );
    for (label, tr) in valley_runs()? {
        let first = tr
            .first_below(1e-6)
            .map(|r| Cell::from(r.t))
            .unwrap_or_else(|| "—".into());
        t.push(vec![
            label.into(),
            tr.rows[10].loss.into(),
            tr.rows[20].loss.into(),
            tr.rows[50].loss.into(),
            tr.rows[100].loss.into(),
            first,
            crossings(&tr, 0).into(),
            crossings(&tr, 1).into(),
        ]);
    }
    Ok(t.with_note("GD crawls along the shallow x direction; momentum builds speed there; at γ = 0.9 it overshoots and spirals"))
}

/// Series: the valley paths (first 40 steps), for the contour figure.
pub fn valley_paths() -> Result<Vec<Series>> {
    Ok(valley_runs()?
        .into_iter()
        .map(|(l, tr)| (l, tr.path2()[..=40].to_vec()))
        .collect())
}

/// Contours of $0.1x^2 + 2y^2$ with the three valley paths.
pub fn valley_contour() -> Result<Figure> {
    let q = Quadratic::reference();
    let paths = valley_paths()?;
    let (xr, yr) = bounding_box(paths.iter().flat_map(|(_, p)| p.iter().copied()), 0.08)?;
    Contour::new(&q as &dyn Objective, xr, yr)
        .levels(12)
        .title("0.1x² + 2y²: GD vs momentum, first 40 steps")
        .paths(paths)
        .render()
}

/// Series: loss against t for the three valley runs.
pub fn valley_loss_series() -> Result<Vec<Series>> {
    Ok(valley_runs()?
        .into_iter()
        .map(|(l, tr)| (l, tr.rows.iter().map(|r| (r.t as f64, r.loss)).collect()))
        .collect())
}

/// Figure of [`valley_loss_series`] (log y).
pub fn valley_losses() -> Result<Figure> {
    LineChart::new("loss J(θₜ) on 0.1x² + 2y²")
        .x_label("step t")
        .y_label("J(θₜ)")
        .log_y(true)
        .all_series(valley_loss_series()?)
        .render()
}
