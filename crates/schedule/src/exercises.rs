//! Checked exercises of `notebooks/13-schedules.ipynb`: the student computes a
//! rate by hand and passes it to [`Exercise::check`]. Every answer and every
//! slip is computed here from the crate's own schedules (never typed);
//! `tests/exercises.rs` proves each checker.

use crate::{CosineAnnealingLR, LinearLR, Schedule, StepLR};
use optcore::error::Result;
use optcore::exercise::Exercise;

/// η₀ of every exercise.
pub const BASE: f64 = 0.4;

/// StepLR(step_size = 10, γ = 0.5), η₀ = 0.4: the rate of step t = 10.
pub fn step_rate() -> Exercise {
    let s = StepLR {
        step_size: 10,
        gamma: 0.5,
    };
    let t = 10;
    Exercise::new(
        format!(
            "`StepLR(step_size = 10, gamma = 0.5)` with $\\eta_0 = {BASE}$: the rate step $t = {t}$ runs with"
        ),
        s.lr_at(BASE, t - 1),
    )
    .near_miss(
        s.lr_at(BASE, t),
        "that is η(10), set by the 10th scheduler.step() after step 10: step t runs with η(t − 1)",
    )
}

/// Cosine annealing over T = 50 to η_min = 0, η₀ = 0.4: the rate of step t = 26.
pub fn cosine_rate() -> Exercise {
    let s = CosineAnnealingLR {
        t_max: 50,
        eta_min: 0.0,
    };
    let t = 26;
    let half_turn = CosineAnnealingLR {
        t_max: 100,
        eta_min: 0.0,
    };
    Exercise::new(
        format!(
            "`CosineAnnealingLR(T_max = 50, eta_min = 0)` with $\\eta_0 = {BASE}$: the rate step $t = {t}$ runs with"
        ),
        s.lr_at(BASE, t - 1),
    )
    .near_miss(
        s.lr_at(BASE, t),
        "that is η(26): step t runs with η(t − 1), here k = 25, halfway down the cosine",
    )
    .near_miss(
        half_turn.lr_at(BASE, t - 1),
        "the cosine's argument is πk/T (half a turn over T steps), not πk/(2T)",
    )
}

/// Linear warmup from 0.1·η₀ over 10 steps, η₀ = 0.4: the rate of step t = 1.
pub fn warmup_first_rate() -> Result<Exercise> {
    let s = LinearLR {
        start_factor: 0.1,
        end_factor: 1.0,
        total_iters: 10,
    };
    s.validate()?;
    Ok(Exercise::new(
        format!(
            "`LinearLR(start_factor = 0.1, end_factor = 1, total_iters = 10)` with $\\eta_0 = {BASE}$: the rate of the first step, $t = 1$"
        ),
        s.lr_at(BASE, 0),
    )
    .near_miss(
        BASE,
        "the warmup starts at start_factor·η₀: torch multiplies lr by start_factor when the scheduler is built",
    )
    .near_miss(
        s.lr_at(BASE, 1),
        "that is η(1), the rate of step 2: step t runs with η(t − 1)",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![step_rate(), cosine_rate(), warmup_first_rate()?])
}
