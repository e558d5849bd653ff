//! The rule from scratch: the run the notebook's hand-written update is held to
//! ([`scratch_trace`]), and the post's γ = 0.9 with learning rates that suit it
//! ([`post_gamma_sweep`]).

use super::{unrolling_optimizer, POST_GAMMA};
use crate::{Momentum, MomentumRecord};
use optcore::render::{fmt_sig, Cell};
use optcore::{
    reference_start, run, run_to_completion, Convention, Quadratic, Result, Table, Trace,
};

/// Steps of the notebook's from-scratch cell.
pub const SCRATCH_STEPS: usize = 6;

/// The library's trace of the from-scratch cell's run: the post's momentum with
/// γ = 0.9, η = 0.1 ([`unrolling_optimizer`]) on $0.1x^2 + 2y^2$ from (−5, −2),
/// [`SCRATCH_STEPS`] steps.
pub fn scratch_trace() -> Result<Trace<MomentumRecord>> {
    run_to_completion(
        &unrolling_optimizer()?,
        Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}

/// Learning rates of [`post_gamma_sweep`].
pub const SWEEP_LRS: [f64; 6] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.4];
/// Steps of each run of [`post_gamma_sweep`].
pub const SWEEP_STEPS: usize = 300;

fn first_below(tr: &Trace<MomentumRecord>, target: f64) -> Option<usize> {
    tr.first_below(target).map(|r| r.t)
}

/// The post's γ = 0.9 on $0.1x^2 + 2y^2$ from (−5, −2) with several η, beside GD
/// (γ = 0) with the same η: the first step with $J \le 10^{-6}$ and the loss after
/// 50 steps.
pub fn post_gamma_sweep() -> Result<Table> {
    let q = Quadratic::reference();
    let start = reference_start();
    let mut t = Table::new(
        format!("γ = {POST_GAMMA} (the post's) against GD at the same η, on 0.1x² + 2y² from (−5, −2), {SWEEP_STEPS} steps"),
        &[
            "η",
            "momentum: J(θ₅₀)",
            "momentum: first t with J ≤ 1e-6",
            "GD: J(θ₅₀)",
            "GD: first t with J ≤ 1e-6",
        ],
    );
    let mut best: Option<(f64, usize)> = None;
    let when = |x: Option<usize>| x.map(Cell::from).unwrap_or_else(|| "—".into());
    for &lr in &SWEEP_LRS {
        let runs = [POST_GAMMA, 0.0].map(|gamma| {
            run(
                &Momentum {
                    lr,
                    momentum: gamma,
                    ..Momentum::defaults(Convention::Paper)
                },
                &q,
                start.view(),
                SWEEP_STEPS,
            )
        });
        let [m, gd] = runs;
        let (m, gd) = (m?, gd?);
        let fm = first_below(&m, 1e-6);
        if let Some(f) = fm {
            if best.is_none_or(|(_, b)| f < b) {
                best = Some((lr, f));
            }
        }
        t.push(vec![
            lr.into(),
            m.rows[50].loss.into(),
            when(fm),
            gd.rows[50].loss.into(),
            when(first_below(&gd, 1e-6)),
        ]);
    }
    let note = match best {
        Some((lr, f)) => format!(
            "fastest with γ = {POST_GAMMA}: η = {} (J ≤ 1e-6 at t = {f}); — = not within {SWEEP_STEPS} steps",
            fmt_sig(lr, 3)
        ),
        None => format!("no η reached J ≤ 1e-6 within {SWEEP_STEPS} steps"),
    };
    Ok(t.with_note(note))
}
