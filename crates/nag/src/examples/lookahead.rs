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
