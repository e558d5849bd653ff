//! Adadelta's update: Zeiler's Algorithm 1 run, both conventions side by side,
//! refused hyperparameters (the race against Newton, SGD and Adagrad is in
//! [`newton_run`](super::newton_run)).

use crate::{Adadelta, AdadeltaRecord};
use optcore::reference::rel_diff;
use optcore::render::{fmt_short, Report};
use optcore::{
    reference_start, run, run_to_completion, Convention, Error, Optimizer, Quadratic, Result,
    Table, Trace,
};

/// Zeiler's Algorithm 1 (ρ = 0.95, ε = 1e-6) on $0.1x^2 + 2y^2$ from $(-5, -2)$,
/// the trace (the run the notebook's from-scratch rule is checked against).
pub fn paper_trace(steps: usize) -> Result<Trace<AdadeltaRecord>> {
    run(
        &Adadelta::defaults(Convention::Paper),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

/// The run the notebook's from-scratch cell is checked against, at the
/// student's own settings: Zeiler's Algorithm 1 with decay ρ = `gamma` (the
/// post's γ) and ε = `eps` on $0.1x^2 + 2y^2$ from `theta0`, `steps` steps. At
/// γ = 0.95, ε = 1e-6, θ₀ = (−5, −2) it is [`paper_trace`].
///
/// Settings the method refuses are a typed [`Error`] naming the knob: γ outside
/// (0, 1), ε ≤ 0, 0 steps or more than [`optcore::MAX_TRACE_STEPS`], a start
/// that is not finite.
pub fn scratch_trace(
    gamma: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<AdadeltaRecord>> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    let opt = Adadelta {
        rho: gamma,
        eps,
        ..Adadelta::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// [`paper_trace`] as two tables that each fit a notebook's width: the step
/// (θ, g and the update Δθ it makes) and the running averages behind it (E\[g²\],
/// RMS\[g\], RMS\[Δθ\]ₜ₋₁, E\[Δθ²\]). One wide table of sixteen columns would scroll
/// the averages, the lesson of the method, out of sight.
pub fn paper_run(steps: usize) -> Result<Report> {
    let wide = paper_trace(steps)?.table();
    let step = wide.select(
        format!("{}: the step", wide.title),
        &[
            "t", "loss", "θ[0]", "θ[1]", "g[0]", "g[1]", "Δθ[0]", "Δθ[1]",
        ],
    )?;
    let averages = wide.select(
        format!("{}: the running averages behind it", wide.title),
        &[
            "t",
            "E[g²][0]",
            "E[g²][1]",
            "RMS[g][0]",
            "RMS[g][1]",
            "RMS[Δθ]ₜ₋₁[0]",
            "RMS[Δθ]ₜ₋₁[1]",
            "E[Δθ²][0]",
            "E[Δθ²][1]",
        ],
    )?;
    Ok(Report::new().table(step).table(averages))
}

/// Both conventions on the quadratic, their own defaults, side by side; and the
/// two at the same ρ (0.9), which differ only by rounding (operation order).
pub fn conventions(steps: usize) -> Result<Table> {
    let paper = Adadelta::defaults(Convention::Paper);
    let torch = Adadelta::defaults(Convention::Pytorch);
    let same = Adadelta { rho: 0.9, ..paper };
    let a = run(
        &paper,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let b = run(
        &torch,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let c = run(
        &same,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let mut t = Table::new(
        format!(
            "paper ({}) vs torch ({}) on 0.1x² + 2y²",
            paper.symbols(),
            torch.symbols()
        ),
        &[
            "t",
            "θ[0] paper",
            "θ[0] torch",
            "θ[1] paper",
            "θ[1] torch",
            &format!("paper ρ={} vs torch: max rel diff", fmt_short(same.rho)),
        ],
    );
    for ((ra, rb), rc) in a.rows.iter().zip(&b.rows).zip(&c.rows) {
        let d = rel_diff(rc.theta[0], rb.theta[0]).max(rel_diff(rc.theta[1], rb.theta[1]));
        t.push(vec![
            ra.t.into(),
            ra.theta[0].into(),
            rb.theta[0].into(),
            ra.theta[1].into(),
            rb.theta[1].into(),
            d.into(),
        ]);
    }
    Ok(t)
}

/// Bad hyperparameters and the typed error each one gets (θ is never touched).
pub fn refusals() -> Table {
    let mut t = Table::new("refused hyperparameters", &["lr", "ρ", "ε", "error"]);
    for (lr, rho, eps) in [
        (1.0, 0.0, 1e-6),
        (1.0, 1.0, 1e-6),
        (1.0, 1.5, 1e-6),
        (1.0, 0.9, -1e-6),
        (1.0, 0.9, 0.0),
        (0.0, 0.9, 1e-6),
    ] {
        let msg = match (Adadelta {
            lr,
            rho,
            eps,
            ..Adadelta::defaults(Convention::Pytorch)
        })
        .validated()
        {
            Ok(_) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        t.push(vec![lr.into(), rho.into(), eps.into(), msg.into()]);
    }
    t
}
