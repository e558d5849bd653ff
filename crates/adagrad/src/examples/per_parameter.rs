//! One learning rate per parameter: the reference case stepped by the post's
//! update, $G_{t,ii}$ and the rates $\eta/\sqrt{G_{t,ii} + \epsilon}$, drawn under
//! both conventions.

use crate::{Adagrad, AdagradRecord};
use optcore::error::{check_finite_point, check_steps, check_steps_named};
use optcore::render::fmt_point_minus;
use optcore::MAX_LESSON_STEPS;
use optcore::{
    reference_start, run, run_to_completion, Convention, Error, Optimizer, Quadratic, Result,
    Table, Trace,
};
use plots::{Contour, Figure};

/// The reference case `paper-adagrad-quadratic`: $0.1x^2 + 2y^2$ from $(-5, -2)$,
/// η = 0.4, ε = 0.1.
pub fn reference_optimizer() -> Adagrad {
    Adagrad {
        lr: 0.4,
        eps: 0.1,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// The post's update on the reference case, `steps` steps: gₜ, Gₜ,ᵢᵢ, the rates
/// η/√(Gₜ,ᵢᵢ + ε) and Δθ per parameter.
pub fn reference_run(steps: usize) -> Result<Trace<AdagradRecord>> {
    run(
        &reference_optimizer(),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

/// The run the notebook's from-scratch cell is checked against, at the
/// student's own settings: the post's update (ε inside the root) with η = `eta`
/// and ε = `eps` on $0.1x^2 + 2y^2$ from `theta0`, `steps` steps. At η = 0.4,
/// ε = 0.1, θ₀ = (−5, −2) it is [`reference_run`].
///
/// Settings the method refuses are a typed [`Error`] naming the knob: η ≤ 0,
/// ε < 0, 0 steps or more than [`optcore::MAX_TRACE_STEPS`], a start that is not
/// finite; so is a run that cannot finish (ε = 0 where a coordinate's gradient
/// is 0: the rate η/0).
pub fn scratch_trace(
    eta: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<AdagradRecord>> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    let opt = Adagrad {
        lr: eta,
        eps,
        ..Adagrad::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// The reference case as an experiment: the post's Adagrad (and torch's form
/// beside it) on $0.1x^2 + 2y^2$, every quantity of each step in a table, and
/// the paths on the contour.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceRun {
    /// The global learning rate η: a finite number > 0.
    pub lr: f64,
    /// ε (inside the root in the post's form, outside in torch's): a finite
    /// number ≥ 0.
    pub eps: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps in the tables: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// Steps drawn on the contour: from 1 to [`super::MAX_LESSON_STEPS`].
    pub drawn: usize,
}

impl ReferenceRun {
    /// The notebook's values: η = 0.4, ε = 0.1 ([`reference_optimizer`]) from
    /// (−5, −2), 10 steps in the tables, 20 drawn.
    pub fn lesson() -> ReferenceRun {
        let (opt, s) = (reference_optimizer(), reference_start());
        ReferenceRun {
            lr: opt.lr,
            eps: opt.eps,
            start: [s[0], s[1]],
            steps: 10,
            drawn: 20,
        }
    }

    /// The two forms, checked: the post's and torch's.
    fn optimizers(&self) -> Result<(Adagrad, Adagrad)> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_steps_named("drawn", self.drawn, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let paper = Adagrad {
            lr: self.lr,
            eps: self.eps,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        let torch = Adagrad {
            convention: Convention::Pytorch,
            ..paper
        };
        Ok((paper, torch))
    }

    fn run<O: Optimizer>(&self, opt: &O, steps: usize) -> Result<Trace<O::Record>> {
        run(
            opt,
            Quadratic::reference(),
            ndarray::ArrayView1::from(&self.start[..]),
            steps,
        )
    }

    /// The post's update, `steps` steps: gₜ, Gₜ,ᵢᵢ, the rates η/√(Gₜ,ᵢᵢ + ε) and
    /// Δθ per parameter.
    pub fn table(&self) -> Result<Table> {
        let (paper, _) = self.optimizers()?;
        Ok(self.run(&paper, self.steps)?.table())
    }

    /// The post's form and torch's on the contour, `drawn` steps.
    pub fn contour(&self) -> Result<Figure> {
        let (paper, torch) = self.optimizers()?;
        let steps = self.drawn;
        let a = self.run(&paper, steps)?;
        let b = self.run(&torch, steps)?;
        Contour::new(&Quadratic::reference(), (-6.0, 6.0), (-2.5, 2.5))
            .levels(12)
            .title(format!(
                "Adagrad on 0.1x² + 2y², {}, {steps} steps",
                paper.symbols()
            ))
            .trace("post: η/√(G+ε)", &a)
            .trace("torch: η/(√G+ε)", &b)
            .render()
    }

    /// Both forms side by side, `steps` steps: θ and the loss of each.
    pub fn conventions(&self) -> Result<Table> {
        let (paper, torch) = self.optimizers()?;
        let a = self.run(&paper, self.steps)?;
        let b = self.run(&torch, self.steps)?;
        let mut t = Table::new(
            format!(
                "quadratic from {}, {}: post vs torch",
                fmt_point_minus(&self.start),
                paper.symbols()
            ),
            &[
                "t",
                "θ[0] post",
                "θ[0] torch",
                "θ[1] post",
                "θ[1] torch",
                "loss post",
                "loss torch",
            ],
        );
        for (ra, rb) in a.rows.iter().zip(&b.rows) {
            t.push(vec![
                ra.t.into(),
                ra.theta[0].into(),
                rb.theta[0].into(),
                ra.theta[1].into(),
                rb.theta[1].into(),
                ra.loss.into(),
                rb.loss.into(),
            ]);
        }
        Ok(t)
    }
}
