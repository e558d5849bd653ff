//! The post's two figures, from real vectors: one step of momentum and one of
//! NAG from the same (θ, v), the gradient taken at θ or at the lookahead θ − γv.

use super::MomentumVsNag;
use ndarray::Array1;
use optcore::measure::step_record;
use optcore::render::{fmt_num, fmt_short};
use optcore::{Error, Objective, Quadratic, Result, Table};
use plots::{bounding_box, Contour, Figure};

/// Where the post's two figures come from: a NAG run on $0.1x^2 + 2y^2$, searched
/// for the first step at which momentum is about to overshoot the valley floor.
#[derive(Clone, Debug, PartialEq)]
pub struct OneStep {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps searched for the step: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl OneStep {
    /// The notebook's values: the quadratic comparison's η = 0.1, γ = 0.9 from
    /// (−5, −2), searching its 100 steps.
    pub fn lesson() -> OneStep {
        let q = MomentumVsNag::quadratic();
        OneStep {
            lr: q.lr,
            gamma: q.gamma,
            start: q.start,
            steps: q.steps,
        }
    }
}

/// The vectors of one step from the same (θ, v): momentum's gradient at θ,
/// NAG's at the lookahead θ − γv.
#[derive(Debug, Clone, PartialEq)]
pub struct StepVectors {
    /// The step $t$ of the NAG run this (θ, v) comes from: θ = θₜ₋₁, v = vₜ₋₁.
    pub t: usize,
    pub theta: Array1<f64>,
    pub velocity: Array1<f64>,
    /// $-\gamma v$.
    pub momentum_step: Array1<f64>,
    /// $\theta - \gamma v$.
    pub lookahead: Array1<f64>,
    /// $-\eta\nabla J(\theta)$ (momentum's gradient step).
    pub grad_step_here: Array1<f64>,
    /// $-\eta\nabla J(\theta - \gamma v)$ (NAG's gradient step).
    pub grad_step_ahead: Array1<f64>,
    /// Where momentum goes: $\theta - \gamma v - \eta\nabla J(\theta)$.
    pub momentum_next: Array1<f64>,
    /// Where NAG goes: $\theta - \gamma v - \eta\nabla J(\theta - \gamma v)$.
    pub nag_next: Array1<f64>,
}

/// One arrow of the step figures: `(figure, label, from, to)`.
pub type Arrow = (&'static str, &'static str, (f64, f64), (f64, f64));

impl OneStep {
    /// The first step of the quadratic NAG run at which the gradient's y-component
    /// at the lookahead has the opposite sign to the one at θ: momentum is about to
    /// overshoot the valley floor, and the lookahead gradient already pulls back.
    pub fn vectors(&self) -> Result<StepVectors> {
        let s = self;
        let tr = super::nag_trace(s.lr, s.gamma, s.start, s.steps)?;
        let j = Quadratic::reference();
        for t in 2..tr.rows.len() {
            let theta = tr.rows[t - 1].theta.clone();
            let velocity = step_record(&tr.rows[t - 1])?.velocity.clone();
            let momentum_step = velocity.mapv(|v| -s.gamma * v);
            let lookahead = &theta + &momentum_step;
            let here = j.gradient(theta.view());
            let ahead = j.gradient(lookahead.view());
            if here[1] * ahead[1] < 0.0 {
                let grad_step_here = here.mapv(|g| -s.lr * g);
                let grad_step_ahead = ahead.mapv(|g| -s.lr * g);
                return Ok(StepVectors {
                    t,
                    momentum_next: &lookahead + &grad_step_here,
                    nag_next: &lookahead + &grad_step_ahead,
                    theta,
                    velocity,
                    momentum_step,
                    lookahead,
                    grad_step_here,
                    grad_step_ahead,
                });
            }
        }
        Err(Error::Empty {
            what: "steps where the lookahead gradient turns",
        })
    }
}

fn pair(a: &Array1<f64>) -> (f64, f64) {
    (a[0], a[1])
}

impl OneStep {
    /// The vectors of [`OneStep::vectors`] as a table.
    pub fn table(&self) -> Result<Table> {
        let setup = self;
        let v = self.vectors()?;
        let mut t = Table::new(
            format!(
            "one step from the same θ = θ{} and v = v{} of the quadratic NAG run (η = {}, γ = {})",
            optcore::trace::sub(v.t - 1),
            optcore::trace::sub(v.t - 1),
            fmt_short(setup.lr),
            fmt_short(setup.gamma)
        ),
            &["vector", "x", "y"],
        );
        for (name, a) in [
            ("θ", &v.theta),
            ("v", &v.velocity),
            ("momentum step −γv", &v.momentum_step),
            ("lookahead θ − γv", &v.lookahead),
            ("momentum's gradient step −η∇J(θ)", &v.grad_step_here),
            ("NAG's gradient step −η∇J(θ − γv)", &v.grad_step_ahead),
            ("momentum lands at θ − γv − η∇J(θ)", &v.momentum_next),
            ("NAG lands at θ − γv − η∇J(θ − γv)", &v.nag_next),
        ] {
            t.push(vec![name.into(), a[0].into(), a[1].into()]);
        }
        Ok(t.with_note(format!(
        "the y-gradient changes sign between θ and the lookahead: NAG lands at y = {}, momentum at y = {} (the valley floor is y = 0)",
        fmt_num(v.nag_next[1]),
        fmt_num(v.momentum_next[1])
    )))
    }

    /// The arrows of the two figures. Colours follow the
    /// order within a figure, so the gradient step comes first in both.
    pub fn arrows(&self) -> Result<Vec<Arrow>> {
        let v = self.vectors()?;
        let here_end = &v.theta + &v.grad_step_here;
        Ok(vec![
            (
                "momentum",
                "gradient step −η∇J(θ)",
                pair(&v.theta),
                pair(&here_end),
            ),
            (
                "momentum",
                "momentum step −γv",
                pair(&here_end),
                pair(&v.momentum_next),
            ),
            (
                "momentum",
                "actual step",
                pair(&v.theta),
                pair(&v.momentum_next),
            ),
            (
                "nag",
                "gradient step at the lookahead −η∇J(θ − γv)",
                pair(&v.lookahead),
                pair(&v.nag_next),
            ),
            (
                "nag",
                "momentum step −γv",
                pair(&v.theta),
                pair(&v.lookahead),
            ),
            ("nag", "actual step", pair(&v.theta), pair(&v.nag_next)),
        ])
    }

    /// The arrows of [`OneStep::arrows`] as stable text.
    pub fn arrows_text(&self) -> Result<String> {
        Ok(self
            .arrows()?
            .iter()
            .map(|(f, l, a, b)| {
                format!(
                    "{f}: {l}: ({}, {}) -> ({}, {})\n",
                    fmt_num(a.0),
                    fmt_num(a.1),
                    fmt_num(b.0),
                    fmt_num(b.1)
                )
            })
            .collect())
    }

    /// The post's figure for `which` = `"momentum"` or `"nag"`, drawn from the real
    /// vectors of [`OneStep::vectors`] on the contours of the quadratic; any other
    /// `which` is a typed error.
    pub fn figure(&self, which: &str) -> Result<Figure> {
        let title = match which {
            "momentum" => "momentum: gradient at θ, plus the momentum step",
            "nag" => "NAG: the momentum step first, then the gradient at the lookahead",
            _ => {
                return Err(Error::Parse {
                    what: format!("figure {which:?}"),
                    message: "the figures are \"momentum\" and \"nag\"".into(),
                })
            }
        };
        let all = self.arrows()?;
        // One box for both figures, so that they can be compared side by side.
        let (xr, yr) = bounding_box(all.iter().flat_map(|a| [a.2, a.3]), 0.08)?;
        let arrows: Vec<_> = all.into_iter().filter(|a| a.0 == which).collect();
        let q = Quadratic::reference();
        let mut c = Contour::new(&q as &dyn Objective, xr, yr)
            .levels(10)
            .title(title)
            .show_minimum(false);
        for (_, label, from, to) in arrows {
            c = c.arrow(label, from, to);
        }
        c.render()
    }
}
