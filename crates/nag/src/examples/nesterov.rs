//! torch's `nesterov=True`: the same method in shifted variables, its iterates
//! the post's lookahead points.

use super::MomentumVsNag;
use crate::{Nag, NagRecord};
use momentum::examples::fmt_point;
use ndarray::{array, Array1};
use optcore::render::{fmt_sig, Cell};
use optcore::{run, Convention, Quadratic, Report, Result, Table, Trace};

/// The crosswalk: the post's NAG and torch's `nesterov=True` at the same
/// lr = η and γ = μ on $0.1x^2 + 2y^2$.
#[derive(Clone, Debug, PartialEq)]
pub struct Crosswalk {
    /// lr = η of both forms: a finite number > 0.
    pub lr: f64,
    /// γ = μ of both forms, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of each run, one row each: from 1 to 1000.
    pub steps: usize,
}

impl Crosswalk {
    /// The notebook's values: the quadratic comparison's η = 0.1, γ = 0.9 from
    /// (−5, −2), 20 steps.
    pub fn lesson() -> Crosswalk {
        let q = MomentumVsNag::quadratic();
        Crosswalk {
            lr: q.lr,
            gamma: q.gamma,
            start: q.start,
            steps: 20,
        }
    }

    /// Both runs (every knob checked first, with a typed error).
    pub fn runs(&self) -> Result<(Trace<NagRecord>, Trace<NagRecord>)> {
        if !(1..=1000).contains(&self.steps) {
            return Err(optcore::Error::Hyperparameter {
                name: "steps",
                value: self.steps as f64,
                accepts: "a whole number from 1 to 1000",
            });
        }
        let s = self;
        let steps = self.steps;
        let objective = Quadratic::reference();
        let paper = run(
            &Nag {
                lr: s.lr,
                momentum: s.gamma,
                ..Nag::defaults(Convention::Paper)
            },
            &objective,
            ndarray::ArrayView1::from(&s.start[..]),
            steps,
        )?;
        let torch = run(
            &Nag {
                lr: s.lr,
                momentum: s.gamma,
                ..Nag::defaults(Convention::Pytorch)
            },
            &objective,
            ndarray::ArrayView1::from(&s.start[..]),
            steps,
        )?;
        Ok((paper, torch))
    }

    /// The post's lookahead $\theta_t - \gamma v_t$ beside torch's iterate $\theta'_t$.
    pub fn report(&self) -> Result<Report> {
        let s = self;
        let steps = self.steps;
        let (paper, torch) = self.runs()?;
        let mut t = Table::new(
        format!("post's NAG vs torch.optim.SGD(nesterov=True), η = lr = {}, γ = μ = {}, on 0.1x² + 2y² from {}", s.lr, s.gamma, fmt_point(&s.start)),
        &["t", "θₜ (x)", "θₜ (y)", "θₜ − γvₜ (x)", "θₜ − γvₜ (y)", "torch θ′ₜ (x)", "torch θ′ₜ (y)", "max |Δ|", "max |v − lr·b|", "max |Δ∇J|"],
    );
        let (mut w_pos, mut w_v, mut w_g): (f64, f64, f64) = (0.0, 0.0, 0.0);
        for (p, q) in paper.rows.iter().zip(&torch.rows) {
            let v = p
                .record
                .as_ref()
                .map(|r| r.velocity.clone())
                .unwrap_or_else(|| Array1::zeros(2));
            let look = array![p.theta[0] - s.gamma * v[0], p.theta[1] - s.gamma * v[1]];
            let d = (look[0] - q.theta[0])
                .abs()
                .max((look[1] - q.theta[1]).abs());
            w_pos = w_pos.max(d);
            let mut row: Vec<Cell> = vec![
                p.t.into(),
                p.theta[0].into(),
                p.theta[1].into(),
                look[0].into(),
                look[1].into(),
                q.theta[0].into(),
                q.theta[1].into(),
                d.into(),
            ];
            match (&p.record, &q.record) {
                (Some(a), Some(b)) => {
                    let dv = (a.velocity[0] - s.lr * b.velocity[0])
                        .abs()
                        .max((a.velocity[1] - s.lr * b.velocity[1]).abs());
                    let dg = (a.grad[0] - b.grad[0])
                        .abs()
                        .max((a.grad[1] - b.grad[1]).abs());
                    w_v = w_v.max(dv);
                    w_g = w_g.max(dg);
                    row.extend([dv.into(), dg.into()]);
                }
                _ => row.extend([Cell::from(""), "".into()]),
            }
            t.push(row);
        }
        let t = t.with_note(format!(
        "over {steps} steps: max |θₜ − γvₜ − θ′ₜ| = {}, max |vₜ − lr·bₜ| = {}, max |Δ∇J| = {} (the gradient of step t: the post's at its lookahead, torch's at θ′ₜ₋₁)",
        fmt_sig(w_pos, 3),
        fmt_sig(w_v, 3),
        fmt_sig(w_g, 3)
    ));
        Ok(Report::new()
        .text(
            r"With $\varphi_t = \theta_t - \gamma v_t$ (the point where the *next* gradient is taken) the post's two lines become $\varphi_{t} = \varphi_{t-1} - \eta\nabla J(\varphi_{t-1}) - \gamma v_t$, which is torch's $\theta'_t = \theta'_{t-1} - \mathrm{lr}\,(\nabla J(\theta'_{t-1}) + \mu b_t)$ with $v = \mathrm{lr}\,b$. Both start at $\theta_0$, so torch's iterates are the post's lookahead points:",
        )
        .table(t))
    }
}
