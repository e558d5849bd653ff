//! The update, step by step: the first five steps of Kingma & Ba's Algorithm 1.

use crate::Adam;
use optcore::error::Result;
use optcore::{
    fmt_num, reference_start, run_to_completion, Convention, Optimizer, Quadratic, Report,
};

/// The first five steps of Algorithm 1 (η = 0.1, defaults otherwise) on
/// $0.1x^2 + 2y^2$ from $(-5, -2)$: $g$, $m$, $v$, $\hat m$, $\hat v$, θ.
pub fn first_steps() -> Result<Report> {
    let opt = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Paper)
    };
    let tr = run_to_completion(&opt, Quadratic::reference(), reference_start().view(), 5)?;
    Ok(Report::new()
        .text(format!(
            "Adam, Algorithm 1 (η = {}, β₁ = {}, β₂ = {}, ε = {:e}) on $J = 0.1x^2 + 2y^2$ from $(-5, -2)$.",
            opt.lr, opt.beta1, opt.beta2, opt.eps
        ))
        .table(tr.table())
        .text(format!(
            "At $t = 1$: $m_1 = (1-\\beta_1)g_1$ is a tenth of the gradient and $v_1 = (1-\\beta_2)g_1^2$ a \
             thousandth of its square, but $\\hat m_1 = g_1$ and $\\hat v_1 = g_1^2$ exactly undo that, so \
             both coordinates move by $\\eta\\,|g|/(|g| + \\epsilon) \\approx \\eta$: here {} and {}.",
            fmt_num(tr.rows[1].theta[0] - tr.rows[0].theta[0]),
            fmt_num(tr.rows[1].theta[1] - tr.rows[0].theta[1])
        )))
}

/// Steps of [`library_run`], the run the notebook's from-scratch cell repeats.
pub const SCRATCH_STEPS: usize = 5;

/// The library's trace of the run the notebook writes out by hand: Algorithm 1
/// (η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, as [`first_steps`]) on $0.1x^2 + 2y^2$
/// from $(-5, -2)$, [`SCRATCH_STEPS`] steps; `optcore::exercise::compare_with_trace`
/// holds the student's rule against it.
pub fn library_run() -> Result<optcore::Trace<crate::AdamRecord>> {
    let opt = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}
