//! A NAG run, lookahead recorded: the trace, and the velocity still unrolling
//! to momentum's sum $\sum_k \gamma^{t-k} g_k$.

use super::quadratic_setup;
use crate::{Nag, NagRecord};
use momentum::unroll;
use ndarray::Array1;
use optcore::measure::step_record;
use optcore::{run, Convention, Result, Table, Trace};

/// The first `steps` steps of NAG on the quadratic, lookahead recorded.
pub fn nag_trace(steps: usize) -> Result<Trace<NagRecord>> {
    let s = quadratic_setup();
    run(
        &Nag {
            lr: s.lr,
            momentum: s.gamma,
            ..Nag::defaults(Convention::Paper)
        },
        s.objective.as_ref(),
        s.start.view(),
        steps,
    )
}

/// The velocity still unrolls to $\sum_k \gamma^{t-k} g_k$ (the `momentum::unroll`
/// expansion), now with $g_k = \eta\nabla J$ at the lookahead points.
pub fn unrolled_check(steps: usize) -> Result<Table> {
    let s = quadratic_setup();
    let tr = nag_trace(steps)?;
    let g: Vec<Array1<f64>> = tr.rows[1..]
        .iter()
        .map(|r| Ok(step_record(r)?.grad.mapv(|x| s.lr * x)))
        .collect::<Result<_>>()?;
    let mut t = Table::new(
        "NAG's vₜ, recursive vs unrolled Σ γᵗ⁻ᵏ gₖ with gₖ = η∇J(lookaheadₖ)",
        &[
            "t",
            "vₜ (x)",
            "unrolled (x)",
            "vₜ (y)",
            "unrolled (y)",
            "max |difference|",
        ],
    );
    for (i, row) in tr.rows[1..].iter().enumerate() {
        let step = i + 1;
        let sum = unroll::momentum(step).apply(s.gamma, |k| g[k - 1].view());
        let v = &step_record(row)?.velocity;
        let d = (v[0] - sum[0]).abs().max((v[1] - sum[1]).abs());
        t.push(vec![
            step.into(),
            v[0].into(),
            sum[0].into(),
            v[1].into(),
            sum[1].into(),
            d.into(),
        ]);
    }
    Ok(t)
}

/// The first `steps` steps of [`nag_trace`] as a table whose columns name the
/// coordinates x and y (subscripts in the equations count steps).
pub fn lookahead_table(steps: usize) -> Result<Table> {
    let tr = nag_trace(steps)?;
    let mut t = Table::new(
        format!(
            "NAG on 0.1x² + 2y² from (−5, −2), η = {}, γ = {}: where each step took its gradient",
            quadratic_setup().lr,
            quadratic_setup().gamma
        ),
        &[
            "t",
            "J(θ)",
            "θ: x",
            "θ: y",
            "lookahead θ − γv: x",
            "lookahead: y",
            "∇J there: x",
            "∇J: y",
            "v: x",
            "v: y",
        ],
    );
    for row in &tr.rows {
        let mut cells: Vec<optcore::render::Cell> = vec![
            row.t.into(),
            row.loss.into(),
            row.theta[0].into(),
            row.theta[1].into(),
        ];
        match &row.record {
            Some(r) => cells.extend([
                r.lookahead[0].into(),
                r.lookahead[1].into(),
                r.grad[0].into(),
                r.grad[1].into(),
                r.velocity[0].into(),
                r.velocity[1].into(),
            ]),
            None => cells.extend((0..6).map(|_| optcore::render::Cell::from(""))),
        }
        t.push(cells);
    }
    Ok(t.with_note(
        "row t: the lookahead and ∇J of step t (taken from θ and v of row t − 1), then vₜ and θₜ",
    ))
}
