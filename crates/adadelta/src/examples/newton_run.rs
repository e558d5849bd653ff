//! The units do not match, (a): Newton's method $\Delta\theta = -H^{-1}g$, whose
//! step has the unit of θ, run on the quadratic (one step), on Rosenbrock, and
//! on a singular Hessian (a typed error); the race of Newton, Adadelta, SGD and
//! Adagrad, and one Newton step beside their paths on the quadratic.

use super::rosenbrock_start;
use crate::newton::{Newton, NewtonRecord};
use crate::Adadelta;
use adagrad::Adagrad;
use gd::Sgd;
use ndarray::{array, ArrayView1};
use optcore::render::Cell;
use optcore::{
    fmt_num, reference_start, run, Convention, Objective, Quadratic, Result, Rosenbrock, Table,
    Trace,
};
use plots::{Contour, Figure};

/// Newton's method on the quadratic (one step to the minimum) for `steps` steps.
pub fn newton_quadratic(steps: usize) -> Result<Table> {
    Ok(run(
        &Newton::new(Quadratic::reference()),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?
    .table())
}

/// Newton's method on Rosenbrock from (−1.2, 1).
pub fn newton_rosenbrock_trace(steps: usize) -> Result<Trace<NewtonRecord>> {
    let r = Rosenbrock::default();
    run(&Newton::new(r), r, rosenbrock_start().view(), steps)
}

/// [`newton_rosenbrock_trace`] as a table.
pub fn newton_rosenbrock(steps: usize) -> Result<Table> {
    Ok(newton_rosenbrock_trace(steps)?.table())
}

/// A singular Hessian: $J = y^2$ (flat in x) stops at step 1 with a typed error.
pub fn newton_singular() -> Result<Table> {
    let flat = Quadratic::new(&[0.0, 1.0]);
    let tr = run(&Newton::new(flat.clone()), flat, array![1.0, 1.0].view(), 3)?;
    Ok(tr.table())
}

/// Newton's path and Adadelta's on Rosenbrock from (−1.2, 1).
pub fn fig_newton_rosenbrock() -> Result<Figure> {
    let r = Rosenbrock::default();
    let n = newton_rosenbrock_trace(7)?;
    let a = run(
        &Adadelta::defaults(Convention::Paper),
        r,
        rosenbrock_start().view(),
        2000,
    )?;
    Contour::new(&r, (-2.0, 2.0), (-3.5, 3.0))
        .levels(15)
        .title("Rosenbrock: Newton (7 steps), Adadelta (2000)")
        .trace("Newton −H⁻¹g", &n)
        .trace("Adadelta", &a)
        .render()
}

/// Loss after each step: Newton, Adadelta (paper), SGD and Adagrad on a problem.
pub fn race(objective: &dyn Objective, start: ArrayView1<f64>, steps: usize) -> Result<Table> {
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
            "SGD η = 0.001",
            "Adagrad η = 0.4",
        ],
    );
    let n = run(&Newton::new(objective), objective, start, steps)?;
    let a = run(
        &Adadelta::defaults(Convention::Paper),
        objective,
        start,
        steps,
    )?;
    let s = run(
        &Sgd {
            lr: 0.001,
            ..Sgd::defaults(Convention::Paper)
        },
        objective,
        start,
        steps,
    )?;
    let g = run(
        &Adagrad {
            lr: 0.4,
            ..Adagrad::defaults(Convention::Paper)
        },
        objective,
        start,
        steps,
    )?;
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

/// One Newton step on the quadratic (an arrow to the minimum) beside Adadelta,
/// SGD and Adagrad paths.
pub fn fig_newton_quadratic() -> Result<Figure> {
    let q = Quadratic::reference();
    let s = reference_start();
    let ad = run(&Adadelta::defaults(Convention::Paper), &q, s.view(), 500)?;
    let sgd = run(
        &Sgd {
            lr: 0.4,
            ..Sgd::defaults(Convention::Paper)
        },
        &q,
        s.view(),
        30,
    )?;
    let ag = run(
        &Adagrad {
            lr: 0.4,
            ..Adagrad::defaults(Convention::Paper)
        },
        &q,
        s.view(),
        30,
    )?;
    Contour::new(&q, (-6.0, 6.0), (-2.5, 2.5))
        .levels(12)
        .title("0.1x² + 2y²: one Newton step lands on the minimum")
        .arrow("Newton: −H⁻¹g", (s[0], s[1]), (0.0, 0.0))
        .trace("Adadelta (500 steps)", &ad)
        .trace("SGD η = 0.4 (30 steps)", &sgd)
        .trace("Adagrad η = 0.4 (30 steps)", &ag)
        .render()
}
