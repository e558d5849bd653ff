//! Checked exercises of the Gradient Descent notebook: each answer and each
//! typical slip is computed by the library ([`Sgd`] run on the quadratic, the
//! quadratic's own Hessian, a least-squares example's gradient), never typed.

use crate::Sgd;
use ndarray::{array, Array1, Array2};
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{
    reference_start, run, Convention, Dataset, ExampleLoss, LeastSquares, Objective, Quadratic,
};

/// η of [`one_step`].
pub const STEP_LR: f64 = 0.4;

/// θ₁ of one GD step on $0.1x^2 + 2y^2$ from $(-5, -2)$ with η = 0.4.
pub fn one_step() -> Result<Exercise> {
    let q = Quadratic::reference();
    let start = reference_start();
    let opt = Sgd {
        lr: STEP_LR,
        ..Sgd::defaults(Convention::Paper)
    };
    let tr = run(&opt, q.clone(), start.view(), 1)?;
    let answer = tr.rows[1].theta.clone();
    let g = q.gradient(start.view());
    // ∇(c x²) written as c x instead of 2c x: the Quadratic with halved coefficients.
    let half = Quadratic::new(&[0.05, 1.0]).gradient(start.view());
    Ok(Exercise::new(
        format!(
            "θ₁ = (x₁, y₁) after one gradient-descent step on J(x, y) = 0.1x² + 2y² from θ₀ = ({}, {}) with η = {STEP_LR}",
            start[0], start[1]
        ),
        answer,
    )
    .near_miss(
        &start + &(STEP_LR * &g),
        "the wrong sign: θ + η∇J climbs the slope; gradient descent steps against the gradient",
    )
    .near_miss(&start - &g, "η is missing: the step is η∇J, not ∇J")
    .near_miss(
        &start - &(STEP_LR * &half),
        "∂(0.1x²)/∂x = 0.2x (and ∂(2y²)/∂y = 4y): the factor 2 of the derivative is missing",
    ))
}

/// The largest stable η of GD on $0.1x^2 + 2y^2$ (reads the quadratic's Hessian:
/// the `hessian` feature).
#[cfg(feature = "hessian")]
pub fn stable_lr() -> Result<Exercise> {
    let q = Quadratic::reference();
    let h = q
        .hessian(reference_start().view())
        .ok_or(optcore::Error::Empty { what: "Hessian" })?;
    let eig: Vec<f64> = (0..h.nrows()).map(|k| h[(k, k)]).collect();
    let lmax = eig.iter().cloned().fold(f64::MIN, f64::max);
    let lmin = eig.iter().cloned().fold(f64::MAX, f64::min);
    Ok(Exercise::new(
        "The learning rate η above which gradient descent on J(x, y) = 0.1x² + 2y² diverges (the curvatures λ are the second derivatives)",
        2.0 / lmax,
    )
    .near_miss(
        1.0 / lmax,
        "1/λ_max is the η that ends the steep direction in one step; the limit is where |1 − ηλ_max| reaches 1, η = 2/λ_max",
    )
    .near_miss(
        2.0 / lmin,
        "the steepest direction sets the limit: use λ_max (along y), not λ_min",
    )
    .near_miss(
        2.0 / (lmax / 2.0),
        "λ is the second derivative 2c of c·y², not the coefficient c",
    ))
}

/// One SGD step on one least-squares example.
pub fn sgd_step() -> Result<Exercise> {
    let (eta, w0) = (0.1, array![0.5, 0.0]);
    let x = array![[1.0, 2.0]];
    let y = array![3.0];
    let loss = LeastSquares::new(Dataset::new(
        "one example",
        vec!["1".into(), "x".into()],
        x.clone(),
        y.clone(),
    )?);
    let mut g = Array1::zeros(2);
    loss.batch_loss_and_gradient(&[0], w0.view(), g.view_mut())?;
    let opt = Sgd {
        lr: eta,
        ..Sgd::defaults(Convention::Paper)
    };
    let mut s = optcore::Optimizer::init(&opt, w0.view());
    let mut w = w0.clone();
    optcore::Optimizer::update(&opt, &mut s, w.view_mut(), g.view())?;
    let residual = x.row(0).dot(&w0) - y[0];
    let residual_only = &w0 - &(eta * &Array1::from_elem(2, residual));
    let row: Array2<f64> = x;
    Ok(Exercise::new(
        format!(
            "w₁ after one SGD step with η = {eta} from w₀ = ({}, {}) on the one example x = ({}, {}), y = {}, L = ½(wᵀx − y)²",
            w0[0], w0[1], row[(0, 0)], row[(0, 1)], y[0]
        ),
        w.clone(),
    )
    .near_miss(
        &w0 + &(eta * &g),
        "the wrong sign: the residual wᵀx − y is negative here, so w must grow",
    )
    .near_miss(
        residual_only,
        "the gradient is (wᵀx − y)·x: each coordinate is multiplied by its own xₖ",
    ))
}

/// Every exercise of the notebook, in order (one of them reads a Hessian: the
/// `hessian` feature).
#[cfg(feature = "hessian")]
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![one_step()?, stable_lr()?, sgd_step()?])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exercise_accepts_its_answer_names_its_slips_and_tells_them_apart() {
        for ex in all().unwrap() {
            ex.self_check().unwrap();
        }
    }
}
