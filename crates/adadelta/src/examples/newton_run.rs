//! The units do not match, (a): Newton's method $\Delta\theta = -H^{-1}g$, whose
//! step has the unit of θ, run on the quadratic (one step), on Rosenbrock, and
//! on a singular Hessian (a typed error); the race of Newton, Adadelta, SGD and
//! Adagrad, and one Newton step beside their paths on the quadratic.

use super::rosenbrock_start;
use crate::newton::{Newton, NewtonRecord};
use crate::Adadelta;
use adagrad::Adagrad;
use gd::Sgd;
use ndarray::ArrayView1;
use optcore::error::{check_finite_point, check_steps, check_steps_named};
use optcore::render::Cell;
use optcore::MAX_LESSON_STEPS;
use optcore::{
    fmt_num, reference_start, run, Convention, Objective, Optimizer, Quadratic, Result, Rosenbrock,
    Table, Trace,
};
use plots::{Contour, Figure};

/// Newton's method on the quadratic $0.1x^2 + 2y^2$ (one step to the minimum).
#[derive(Clone, Debug, PartialEq)]
pub struct NewtonQuadratic {
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl NewtonQuadratic {
    /// The notebook's values: from (−5, −2), 2 steps.
    pub fn lesson() -> NewtonQuadratic {
        let s = reference_start();
        NewtonQuadratic {
            start: [s[0], s[1]],
            steps: 2,
        }
    }

    /// Every step of the run.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let q = Quadratic::reference();
        Ok(run(
            &Newton::new(q.clone()),
            q,
            ArrayView1::from(&self.start[..]),
            self.steps,
        )?
        .table())
    }
}

/// Newton's method on Rosenbrock, in a table and beside Adadelta on the contour.
#[derive(Clone, Debug, PartialEq)]
pub struct NewtonRosenbrock {
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Newton's steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// Adadelta's steps (ρ and ε of Zeiler's experiments) on the contour: from 1 to
    /// [`super::MAX_LESSON_STEPS`].
    pub adadelta_steps: usize,
}

impl NewtonRosenbrock {
    /// The notebook's values: from (−1.2, 1), Newton 7 steps, Adadelta 2000.
    pub fn lesson() -> NewtonRosenbrock {
        let s = rosenbrock_start();
        NewtonRosenbrock {
            start: [s[0], s[1]],
            steps: 7,
            adadelta_steps: 2000,
        }
    }

    /// Newton's run, every knob checked first.
    pub fn trace(&self) -> Result<Trace<NewtonRecord>> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_steps_named("adadelta_steps", self.adadelta_steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let r = Rosenbrock::default();
        run(
            &Newton::new(r),
            r,
            ArrayView1::from(&self.start[..]),
            self.steps,
        )
    }

    /// Newton's run as a table.
    pub fn table(&self) -> Result<Table> {
        Ok(self.trace()?.table())
    }

    /// Newton's path and Adadelta's on the contour.
    pub fn contour(&self) -> Result<Figure> {
        let n = self.trace()?;
        let r = Rosenbrock::default();
        let a = run(
            &Adadelta::defaults(Convention::Paper),
            r,
            ArrayView1::from(&self.start[..]),
            self.adadelta_steps,
        )?;
        Contour::new(&r, (-2.0, 2.0), (-3.5, 3.0))
            .levels(15)
            .title(format!(
                "Rosenbrock: Newton ({} steps), Adadelta ({})",
                self.steps, self.adadelta_steps
            ))
            .trace("Newton −H⁻¹g", &n)
            .trace("Adadelta", &a)
            .render()
    }
}

/// A singular Hessian: $J = y^2$ (flat in x) stops at step 1 with a typed error.
#[derive(Clone, Debug, PartialEq)]
pub struct NewtonSingular {
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl NewtonSingular {
    /// The notebook's values: from (1, 1), 3 steps.
    pub fn lesson() -> NewtonSingular {
        NewtonSingular {
            start: [1.0, 1.0],
            steps: 3,
        }
    }

    /// The run as far as it goes.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let flat = Quadratic::new(&[0.0, 1.0]);
        let tr = run(
            &Newton::new(flat.clone()),
            flat,
            ArrayView1::from(&self.start[..]),
            self.steps,
        )?;
        Ok(tr.table())
    }
}

/// Loss after each step: Newton, Adadelta (paper), SGD and Adagrad on Rosenbrock.
#[derive(Clone, Debug, PartialEq)]
pub struct Race {
    /// SGD's η: a finite number > 0.
    pub sgd_lr: f64,
    /// Adagrad's η (ε = 1e-8, inside the root): a finite number > 0.
    pub adagrad_lr: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Race {
    /// The notebook's values: SGD η = 0.001, Adagrad η = 0.4, from (−1.2, 1), 10 steps.
    pub fn lesson() -> Race {
        let s = rosenbrock_start();
        Race {
            sgd_lr: 0.001,
            adagrad_lr: 0.4,
            start: [s[0], s[1]],
            steps: 10,
        }
    }

    /// One row per step, one column per method ("stopped" once a run stops).
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let sgd = Sgd {
            lr: self.sgd_lr,
            ..Sgd::defaults(Convention::Paper)
        }
        .validated()?;
        let adagrad = Adagrad {
            lr: self.adagrad_lr,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        let objective = Rosenbrock::default();
        let start = ArrayView1::from(&self.start[..]);
        let steps = self.steps;
        let mut t = Table::new(
            format!(
                "loss on {} from ({}, {})",
                objective.name(),
                fmt_num(start[0]),
                fmt_num(start[1])
            ),
            &[
                "t",
                "Newton",
                "Adadelta (paper)",
                &format!("SGD η = {}", self.sgd_lr),
                &format!("Adagrad η = {}", self.adagrad_lr),
            ],
        );
        let n = run(&Newton::new(objective), objective, start, steps)?;
        let a = run(
            &Adadelta::defaults(Convention::Paper),
            objective,
            start,
            steps,
        )?;
        let s = run(&sgd, objective, start, steps)?;
        let g = run(&adagrad, objective, start, steps)?;
        let losses = [n.losses(), a.losses(), s.losses(), g.losses()];
        for k in 0..=steps {
            let mut row: Vec<Cell> = vec![k.into()];
            row.extend(losses.iter().map(|l| {
                l.get(k)
                    .map_or(Cell::Text("stopped".into()), |x| Cell::Num(*x))
            }));
            t.push(row);
        }
        Ok(t)
    }
}

/// One Newton step on the quadratic (an arrow to the minimum) beside Adadelta,
/// SGD and Adagrad paths.
#[derive(Clone, Debug, PartialEq)]
pub struct OneNewtonStep {
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// Adadelta's steps (ρ and ε of Zeiler's experiments): from 1 to [`super::MAX_LESSON_STEPS`].
    pub adadelta_steps: usize,
    /// η of SGD and of Adagrad (ε = 1e-8): a finite number > 0.
    pub lr: f64,
    /// Steps of SGD and of Adagrad: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl OneNewtonStep {
    /// The notebook's values: from (−5, −2), Adadelta 500 steps, SGD and Adagrad
    /// at η = 0.4 for 30.
    pub fn lesson() -> OneNewtonStep {
        let s = reference_start();
        OneNewtonStep {
            start: [s[0], s[1]],
            adadelta_steps: 500,
            lr: 0.4,
            steps: 30,
        }
    }

    /// The arrow and the three paths on the contour.
    pub fn contour(&self) -> Result<Figure> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_steps_named("adadelta_steps", self.adadelta_steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let sgd = Sgd {
            lr: self.lr,
            ..Sgd::defaults(Convention::Paper)
        }
        .validated()?;
        let adagrad = Adagrad {
            lr: self.lr,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        let q = Quadratic::reference();
        let s = ArrayView1::from(&self.start[..]);
        let ad = run(
            &Adadelta::defaults(Convention::Paper),
            &q,
            s,
            self.adadelta_steps,
        )?;
        let sg = run(&sgd, &q, s, self.steps)?;
        let ag = run(&adagrad, &q, s, self.steps)?;
        let (lr, steps) = (self.lr, self.steps);
        Contour::new(&q, (-6.0, 6.0), (-2.5, 2.5))
            .levels(12)
            .title("0.1x² + 2y²: one Newton step lands on the minimum")
            .arrow("Newton: −H⁻¹g", (s[0], s[1]), (0.0, 0.0))
            .trace(format!("Adadelta ({} steps)", self.adadelta_steps), &ad)
            .trace(format!("SGD η = {lr} ({steps} steps)"), &sg)
            .trace(format!("Adagrad η = {lr} ({steps} steps)"), &ag)
            .render()
    }
}
