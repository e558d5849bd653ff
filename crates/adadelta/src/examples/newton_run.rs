//! The units do not match, (a): Newton's method $\Delta\theta = -H^{-1}g$, whose
//! step has the unit of θ, run on the quadratic (one step), on Rosenbrock, and
//! on a singular Hessian (a typed error).

use super::{reference_start, rosenbrock_start};
use crate::newton::{Newton, NewtonRecord};
use crate::Adadelta;
use ndarray::array;
use optcore::{run, Convention, Quadratic, Result, Rosenbrock, Table, Trace};
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
