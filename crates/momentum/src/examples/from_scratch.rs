//! The rule from scratch: the run the notebook's hand-written update is held to
//! ([`scratch_trace`], at the student's η, γ, θ₀ and steps), and the post's
//! γ = 0.9 with learning rates that suit it ([`GammaSweep`]).

use super::{fmt_point, post_momentum, POST_GAMMA};
use crate::MomentumRecord;
use ndarray::ArrayView1;
use optcore::error::check_lesson_steps;
use optcore::render::{fmt_sig, Cell};
use optcore::{reference_start, run, run_to_completion, Quadratic, Result, Table, Trace};

/// Steps of the notebook's from-scratch cell.
pub const SCRATCH_STEPS: usize = 6;

/// The learning rate of the notebook's from-scratch cell.
pub const SCRATCH_LR: f64 = 0.1;

/// The library's trace of the from-scratch cell's run at the cell's settings: the
/// post's momentum with η = `eta`, γ = `gamma` on $0.1x^2 + 2y^2$ from `theta0`,
/// `steps` steps. The notebook's values are [`SCRATCH_LR`], [`POST_GAMMA`],
/// (−5, −2) and [`SCRATCH_STEPS`]. A typed error names `lr` (η ≤ 0),
/// `momentum` (γ outside \[0, 1)) or `steps` (0 or too many).
pub fn scratch_trace(
    eta: f64,
    gamma: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<MomentumRecord>> {
    check_lesson_steps("steps", steps)?;
    run_to_completion(
        &post_momentum(eta, gamma)?,
        Quadratic::reference(),
        ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// Learning rates of [`GammaSweep::lesson`].
pub const SWEEP_LRS: [f64; 6] = [0.01, 0.02, 0.05, 0.1, 0.2, 0.4];
/// Steps of each run of [`GammaSweep::lesson`].
pub const SWEEP_STEPS: usize = 300;
/// The step at which [`GammaSweep::table`] reads the loss (or the last step, if earlier).
pub const SWEEP_READ_AT: usize = 50;

fn first_below(tr: &Trace<MomentumRecord>, target: f64) -> Option<usize> {
    tr.first_below(target).map(|r| r.t)
}

/// The post's γ on $0.1x^2 + 2y^2$ with several η, beside GD (γ = 0) with the
/// same η.
#[derive(Clone, Debug, PartialEq)]
pub struct GammaSweep {
    /// γ of the momentum runs, in \[0, 1) (the post's is 0.9).
    pub gamma: f64,
    /// The learning rates η, one row each: finite numbers > 0; at least one.
    pub lrs: Vec<f64>,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl GammaSweep {
    /// The notebook's sweep: γ = 0.9, η from 0.01 to 0.4, from (−5, −2), 300 steps.
    pub fn lesson() -> GammaSweep {
        let s = reference_start();
        GammaSweep {
            gamma: POST_GAMMA,
            lrs: SWEEP_LRS.to_vec(),
            start: [s[0], s[1]],
            steps: SWEEP_STEPS,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_lesson_steps("steps", self.steps)?;
        super::check_distinct("lrs", &self.lrs)?;
        for &lr in &self.lrs {
            post_momentum(lr, self.gamma)?;
        }
        Ok(())
    }

    /// Per η: the loss at step 50 and the first step with $J \le 10^{-6}$, for
    /// momentum and for GD; the fastest η in the note. A run that stops early
    /// (diverges) shows "—" past its last step.
    pub fn table(&self) -> Result<Table> {
        self.validate()?;
        let q = Quadratic::reference();
        let start = ArrayView1::from(&self.start[..]);
        let (gamma, steps) = (self.gamma, self.steps);
        let at = SWEEP_READ_AT.min(steps);
        let (j_m, j_gd) = (
            format!("momentum: J(θ{})", optcore::trace::sub(at)),
            format!("GD: J(θ{})", optcore::trace::sub(at)),
        );
        let mut t = Table::new(
            format!(
                "γ = {gamma}{} against GD at the same η, on 0.1x² + 2y² from {}, {steps} steps",
                if gamma == POST_GAMMA {
                    " (the post's)"
                } else {
                    ""
                },
                fmt_point(&self.start)
            ),
            &[
                "η",
                &j_m,
                "momentum: first t with J ≤ 1e-6",
                &j_gd,
                "GD: first t with J ≤ 1e-6",
            ],
        );
        let mut best: Option<(f64, usize)> = None;
        let when = |x: Option<usize>| x.map(Cell::from).unwrap_or_else(|| "—".into());
        let loss_at = |tr: &Trace<MomentumRecord>| {
            tr.rows
                .get(at)
                .map(|r| Cell::from(r.loss))
                .unwrap_or_else(|| "—".into())
        };
        for &lr in &self.lrs {
            let m = run(&post_momentum(lr, gamma)?, &q, start, steps)?;
            let gd = run(&post_momentum(lr, 0.0)?, &q, start, steps)?;
            let fm = first_below(&m, 1e-6);
            if let Some(f) = fm {
                if best.is_none_or(|(_, b)| f < b) {
                    best = Some((lr, f));
                }
            }
            t.push(vec![
                lr.into(),
                loss_at(&m),
                when(fm),
                loss_at(&gd),
                when(first_below(&gd, 1e-6)),
            ]);
        }
        let note = match best {
            Some((lr, f)) => format!(
                "fastest with γ = {gamma}: η = {} (J ≤ 1e-6 at t = {f}); — = not within {steps} steps",
                fmt_sig(lr, 3)
            ),
            None => format!("no η reached J ≤ 1e-6 within {steps} steps"),
        };
        Ok(t.with_note(note))
    }
}
