//! The update, two ways: the post's $v_t = \gamma v_{t-1} + \eta\nabla J$ and
//! torch's buffer $b_t = \mu b_{t-1} + \nabla J$ are one method; both against the
//! shared reference traces; the defaults of each convention.

use super::{REFERENCE_LR, REFERENCE_MOMENTUM, REFERENCE_STEPS};
use crate::{Momentum, MomentumRecord};
use optcore::error::check_lesson_steps;
use optcore::reference::{self, max_rel_diff_to_reference};
use optcore::render::{fmt_sig, Cell};
use optcore::{
    reference_start, run, Convention, Optimizer, Quadratic, Report, Result, Table, Trace,
};

/// The reference case under both conventions ([`TwoForms::lesson`]).
pub fn reference_runs() -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
    TwoForms::lesson().runs()
}

/// The two forms side by side: the post's momentum and torch's at the same
/// lr = η and γ = μ on $0.1x^2 + 2y^2$.
#[derive(Clone, Debug, PartialEq)]
pub struct TwoForms {
    /// lr = η of both forms: a finite number > 0.
    pub lr: f64,
    /// γ = μ of both forms, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl TwoForms {
    /// The reference case `*-momentum-quadratic` (cases.json): lr 0.4, momentum
    /// 0.5, from (−5, −2), 20 steps.
    pub fn lesson() -> TwoForms {
        let s = reference_start();
        TwoForms {
            lr: REFERENCE_LR,
            gamma: REFERENCE_MOMENTUM,
            start: [s[0], s[1]],
            steps: REFERENCE_STEPS,
        }
    }

    /// Both runs (every knob checked first, with a typed error).
    pub fn runs(&self) -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
        check_lesson_steps("steps", self.steps)?;
        let q = Quadratic::reference();
        let start = ndarray::ArrayView1::from(&self.start[..]);
        let form = |c| {
            Momentum {
                lr: self.lr,
                momentum: self.gamma,
                ..Momentum::defaults(c)
            }
            .validated()
        };
        let paper = run(&form(Convention::Paper)?, &q, start, self.steps)?;
        let torch = run(&form(Convention::Pytorch)?, &q, start, self.steps)?;
        Ok((paper, torch))
    }

    /// The post's $v_t$ beside torch's $\mathrm{lr}\\,b_t$, and both trajectories, step by step.
    pub fn report(&self) -> Result<Report> {
        let (paper, torch) = self.runs()?;
        let (lr, gamma, steps) = (self.lr, self.gamma, self.steps);
        let mut t = Table::new(
        format!("paper (v = γv + η∇J) vs pytorch (b = μb + ∇J, θ ← θ − lr·b), lr = η = {lr}, γ = μ = {gamma}, on 0.1x² + 2y²"),
        &["t", "x paper", "x torch", "y paper", "y torch", "v[x] paper", "lr·b[x] torch", "v[y] paper", "lr·b[y] torch", "max |Δθ|", "max |v − lr·b|"],
    );
        let (mut worst_theta, mut worst_v): (f64, f64) = (0.0, 0.0);
        for (p, q) in paper.rows.iter().zip(&torch.rows) {
            let dth = (p.theta[0] - q.theta[0])
                .abs()
                .max((p.theta[1] - q.theta[1]).abs());
            worst_theta = worst_theta.max(dth);
            let mut row: Vec<Cell> = vec![
                p.t.into(),
                p.theta[0].into(),
                q.theta[0].into(),
                p.theta[1].into(),
                q.theta[1].into(),
            ];
            match (&p.record, &q.record) {
                (Some(a), Some(b)) => {
                    let lb = [lr * b.velocity[0], lr * b.velocity[1]];
                    let dv = (a.velocity[0] - lb[0])
                        .abs()
                        .max((a.velocity[1] - lb[1]).abs());
                    worst_v = worst_v.max(dv);
                    row.extend([
                        a.velocity[0].into(),
                        lb[0].into(),
                        a.velocity[1].into(),
                        lb[1].into(),
                        dth.into(),
                        dv.into(),
                    ]);
                }
                _ => row.extend([
                    Cell::from(""),
                    "".into(),
                    "".into(),
                    "".into(),
                    dth.into(),
                    "".into(),
                ]),
            }
            t.push(row);
        }
        let t = t.with_note(format!(
        "over {steps} steps: max |θ_paper − θ_torch| = {}, max |v − lr·b| = {} (rounding only: torch multiplies by lr after the sum, the post before)",
        fmt_sig(worst_theta, 3),
        fmt_sig(worst_v, 3)
    ));
        Ok(Report::new()
        .text(
            r"Multiply torch's buffer recursion by lr: $\mathrm{lr}\,b_t = \mu\,(\mathrm{lr}\,b_{t-1}) + \mathrm{lr}\,\nabla J(\theta_t)$ is the post's $v_t = \gamma v_{t-1} + \eta\nabla J(\theta_t)$ with $v_t = \mathrm{lr}\,b_t$, $\gamma = \mu$, $\eta = \mathrm{lr}$, and $\theta_{t+1} = \theta_t - \mathrm{lr}\,b_t = \theta_t - v_t$. Same trajectory for a constant rate:",
        )
        .table(t))
    }
}

/// Both conventions against the shared reference traces (torch.optim and the
/// post's equations in numpy): the largest relative difference over loss and θ.
pub fn reference_agreement() -> Result<Table> {
    let (paper, torch) = reference_runs()?;
    let mut t = Table::new(
        "momentum against the shared reference traces (20 steps from (−5, −2), lr 0.4, momentum 0.5)",
        &["reference trace", "computed by", "our convention", "max relative difference"],
    );
    for (name, by, conv, trace) in [
        (
            "pytorch-momentum-quadratic",
            "torch.optim.SGD(momentum=0.5)",
            "pytorch",
            &torch,
        ),
        (
            "paper-momentum-quadratic",
            "the post's equations (numpy)",
            "paper",
            &paper,
        ),
    ] {
        let d = max_rel_diff_to_reference(trace, &reference::trace(name)?)?;
        t.push(vec![
            format!("{name}.csv").into(),
            by.into(),
            conv.into(),
            d.into(),
        ]);
    }
    Ok(t.with_note("0 means the same bits: each convention repeats its reference's operations in the same order"))
}

/// The conventions' defaults (the algorithm box of the crate doc).
pub fn defaults() -> Table {
    let mut t = Table::new(
        "defaults when a hyperparameter is not given",
        &["convention", "lr", "momentum", "why"],
    );
    for (c, why) in [
        (
            Convention::Paper,
            "the post: γ usually 0.9; η as gd's paper default",
        ),
        (
            Convention::Pytorch,
            "torch's lr default; momentum 0.9 (torch's 0 would be plain SGD)",
        ),
    ] {
        let d = Momentum::defaults(c);
        t.push(vec![
            c.to_string().into(),
            d.lr.into(),
            d.momentum.into(),
            why.into(),
        ]);
    }
    t
}
