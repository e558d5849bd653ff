//! Adadelta's update: Zeiler's Algorithm 1 run, both conventions side by side,
//! refused hyperparameters (the race against Newton, SGD and Adagrad is in
//! [`newton_run`](super::newton_run)).

use crate::{Adadelta, AdadeltaRecord};
use optcore::error::{check_finite_point, check_steps};
use optcore::reference::rel_diff;
use optcore::render::{fmt_short, Report};
use optcore::MAX_LESSON_STEPS;
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

/// Zeiler's Algorithm 1 on the quadratic as an experiment: the step (θ, g and
/// the update Δθ) and the running averages behind it, as two tables that each
/// fit a notebook's width.
#[derive(Clone, Debug, PartialEq)]
pub struct PaperRun {
    /// The decay ρ (the post's γ): in (0, 1).
    pub rho: f64,
    /// ε inside both RMS: a finite number > 0.
    pub eps: f64,
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl PaperRun {
    /// The notebook's values: Zeiler's ρ = 0.95, ε = 1e-6, from (−5, −2), 8 steps
    /// (the run the from-scratch cell reproduces).
    pub fn lesson() -> PaperRun {
        let (opt, s) = (Adadelta::defaults(Convention::Paper), reference_start());
        PaperRun {
            rho: opt.rho,
            eps: opt.eps,
            start: [s[0], s[1]],
            steps: 8,
        }
    }

    /// The step and the running averages, one table each. (One wide table of
    /// sixteen columns would scroll the averages, the lesson of the method, out
    /// of sight.)
    pub fn report(&self) -> Result<Report> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        let wide = scratch_trace(self.rho, self.eps, self.start, self.steps)?.table();
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
}

/// Both conventions on the quadratic, their own defaults, side by side; and the
/// two at the same ρ, which differ only by rounding (operation order).
#[derive(Clone, Debug, PartialEq)]
pub struct Conventions {
    /// The ρ at which the paper's form is run again to compare with torch's
    /// (torch's default 0.9): in (0, 1).
    pub same_rho: f64,
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Conventions {
    /// The notebook's values: ρ = 0.9, from (−5, −2), 10 steps.
    pub fn lesson() -> Conventions {
        let s = reference_start();
        Conventions {
            same_rho: Adadelta::defaults(Convention::Pytorch).rho,
            start: [s[0], s[1]],
            steps: 10,
        }
    }

    /// One row per step: θ under both, and how far apart the two at one ρ are.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let paper = Adadelta::defaults(Convention::Paper);
        let torch = Adadelta::defaults(Convention::Pytorch);
        let same = Adadelta {
            rho: self.same_rho,
            ..paper
        };
        optcore::error::check_open_unit_interval("same_rho", self.same_rho)?;
        let start = ndarray::ArrayView1::from(&self.start[..]);
        let steps = self.steps;
        let a = run_to_completion(&paper, Quadratic::reference(), start, steps)?;
        let b = run_to_completion(&torch, Quadratic::reference(), start, steps)?;
        let c = run_to_completion(&same, Quadratic::reference(), start, steps)?;
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
