//! A NAG run, lookahead recorded: the trace, and the velocity still unrolling
//! to momentum's sum $\sum_k \gamma^{t-k} g_k$.

use super::{post_nag, MomentumVsNag};
use crate::NagRecord;
use momentum::examples::fmt_point;
use momentum::unroll;
use ndarray::{Array1, ArrayView1};
use optcore::error::check_lesson_steps;
use optcore::measure::step_record;
use optcore::{run, Error, Quadratic, Result, Table, Trace};

/// The first `steps` steps of NAG (the post's form, η = `eta`, γ = `gamma`) on
/// $0.1x^2 + 2y^2$ from `theta0`, lookahead recorded: the run the notebook's
/// hand-written rule is held to, at the rule cell's settings. A typed error names
/// `lr` (η ≤ 0), `momentum` (γ outside \[0, 1)) or `steps`.
pub fn nag_trace(eta: f64, gamma: f64, theta0: [f64; 2], steps: usize) -> Result<Trace<NagRecord>> {
    check_lesson_steps("steps", steps)?;
    run(
        &post_nag(eta, gamma)?,
        Quadratic::reference(),
        ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// Most steps [`Lookahead`] tables (each row of the unrolled check sums every
/// earlier gradient).
pub const LOOKAHEAD_MAX_STEPS: usize = 1000;

/// A NAG run on $0.1x^2 + 2y^2$ with its lookahead points, and its velocity
/// unrolled.
#[derive(Clone, Debug, PartialEq)]
pub struct Lookahead {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps, one row each: from 1 to [`LOOKAHEAD_MAX_STEPS`].
    pub steps: usize,
}

impl Lookahead {
    /// The notebook's run: the quadratic comparison's η = 0.1, γ = 0.9 from
    /// (−5, −2), 8 steps.
    pub fn lesson() -> Lookahead {
        let q = MomentumVsNag::quadratic();
        Lookahead {
            lr: q.lr,
            gamma: q.gamma,
            start: q.start,
            steps: 8,
        }
    }

    /// The run (every knob checked first, with a typed error).
    pub fn run(&self) -> Result<Trace<NagRecord>> {
        if !(1..=LOOKAHEAD_MAX_STEPS).contains(&self.steps) {
            return Err(Error::Hyperparameter {
                name: "steps",
                value: self.steps as f64,
                accepts: "a whole number from 1 to 1000",
            });
        }
        nag_trace(self.lr, self.gamma, self.start, self.steps)
    }
}

impl Lookahead {
    /// The velocity still unrolls to $\sum_k \gamma^{t-k} g_k$ (the `momentum::unroll`
    /// expansion), now with $g_k = \eta\nabla J$ at the lookahead points.
    pub fn unrolled_check(&self) -> Result<Table> {
        let tr = self.run()?;
        let g: Vec<Array1<f64>> = tr.rows[1..]
            .iter()
            .map(|r| Ok(step_record(r)?.grad.mapv(|x| self.lr * x)))
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
            let sum = unroll::momentum(step).apply(self.gamma, |k| g[k - 1].view());
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

    /// The run as a table whose columns name the coordinates x and y (subscripts
    /// in the equations count steps).
    pub fn table(&self) -> Result<Table> {
        let tr = self.run()?;
        let mut t = Table::new(
            format!(
                "NAG on 0.1x² + 2y² from {}, η = {}, γ = {}: where each step took its gradient",
                fmt_point(&self.start),
                self.lr,
                self.gamma
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
}
