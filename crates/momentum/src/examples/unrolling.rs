//! Unrolling $v_1 \dots v_4$: the post's expansion in symbols ([`crate::unroll`]),
//! and the same sums evaluated on the gradients of a real run, beside the
//! recursion the optimizer computes.

use super::POST_GAMMA;
use crate::unroll;
use crate::{Momentum, MomentumRecord};
use ndarray::Array1;
use optcore::measure::step_record;
use optcore::{
    reference_start, run, Convention, Markdown, Optimizer, Quadratic, Result, Table, Trace,
};

/// $v_1 \dots v_{t_{\max}}$ unrolled symbolically ([`unroll::momentum`]), as the post
/// writes them, and the general term.
pub fn unrolled_equations(t_max: usize) -> Markdown {
    let mut s = String::from("With $g_t = \\eta\\nabla_{\\theta_t}J(\\theta_t)$ and $v_1 = g_1$, applying $v_t = \\gamma v_{t-1} + g_t$ to symbols:\n\n$$\n\\begin{aligned}\n");
    for t in 1..=t_max {
        let lhs = format!(
            "v_{}",
            if t < 10 {
                t.to_string()
            } else {
                format!("{{{t}}}")
            }
        );
        s.push_str(&format!("{lhs} &= {} \\\\\n", unroll::momentum(t).latex()));
    }
    s.push_str("v_t &= \\textstyle\\sum_{k=1}^{t} \\gamma^{t-k} g_k\n\\end{aligned}\n$$");
    Markdown::new(s)
}

/// One unrolled $v_t$ for any $t$, as display LaTeX.
pub fn unrolled_equation(t: usize) -> Markdown {
    let lhs = if t < 10 {
        format!("v_{t}")
    } else {
        format!("v_{{{t}}}")
    };
    Markdown::new(format!("$${}$$", unroll::momentum(t).equation(&lhs)))
}

/// The optimizer of [`unrolling_run`]: the post's momentum, γ = 0.9, η = 0.1.
pub fn unrolling_optimizer() -> Result<Momentum> {
    Momentum {
        lr: 0.1,
        momentum: POST_GAMMA,
        ..Momentum::defaults(Convention::Paper)
    }
    .validated()
}

/// The run whose gradients feed [`unrolled_numbers`]: the post's momentum with
/// γ = 0.9, η = 0.1 on the reference quadratic from (−5, −2).
pub fn unrolling_run(steps: usize) -> Result<Trace<MomentumRecord>> {
    run(
        &unrolling_optimizer()?,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

/// The unrolled expansion $\sum_k \gamma^{t-k} g_k$ evaluated at γ = 0.9 on the real
/// gradients $g_k = \eta\nabla J(\theta_k)$ of [`unrolling_run`], beside the
/// recursive $v_t$ the optimizer computed.
pub fn unrolled_numbers(steps: usize) -> Result<Table> {
    let opt = unrolling_optimizer()?;
    let tr = unrolling_run(steps)?;
    let lr = opt.lr;
    let g: Vec<Array1<f64>> = tr.rows[1..]
        .iter()
        .map(|r| Ok(step_record(r)?.grad.mapv(|x| lr * x)))
        .collect::<Result<_>>()?;
    let mut t = Table::new(
        format!("vₜ two ways ({}, 0.1x² + 2y² from (−5, −2)): the recursion of the optimizer vs the unrolled sum", opt.symbols()),
        &["t", "unrolled", "vₜ (x) recursive", "vₜ (x) unrolled", "difference", "vₜ (y) recursive", "vₜ (y) unrolled", "difference"],
    );
    for (i, row) in tr.rows[1..].iter().enumerate() {
        let step = i + 1;
        let expansion = unroll::momentum(step);
        let sum = expansion.apply(POST_GAMMA, |k| g[k - 1].view());
        let v = &step_record(row)?.velocity;
        t.push(vec![
            step.into(),
            expansion.text().into(),
            v[0].into(),
            sum[0].into(),
            (v[0] - sum[0]).into(),
            v[1].into(),
            sum[1].into(),
            (v[1] - sum[1]).into(),
        ]);
    }
    Ok(t.with_note("gₖ = η∇J(θₖ) from the run; differences are rounding (the recursion rounds after each step, the sum after each power)"))
}
