//! Newton's method, the post's unit argument made runnable:
//!
//! $$\Delta\theta = -H^{-1}g = -\frac{\partial f/\partial\theta}{\partial^2 f/\partial\theta^2}
//! \\;\propto\\; \text{unit of }\theta .$$
//!
//! The Hessian $H$ comes from the objective (`optcore::Objective::hessian`, an
//! nalgebra matrix). For two parameters the system $H\\,\Delta\theta = -g$ is solved
//! in closed form with `+ − × ÷` only (Cramer's rule: the same bits on every
//! machine); for more, by nalgebra's LU decomposition. A singular Hessian (or one
//! whose determinant is negligible next to its entries) stops the run with a typed
//! error: the step $-H^{-1}g$ would not be finite.
//!
//! ```text
//! input: θ₀, lr (1 = the pure Newton step), an objective with a Hessian
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁),  Hₜ ← ∇²J(θₜ₋₁)
//!     solve Hₜ Δθₜ = −gₜ           (error if Hₜ is singular)
//!     θₜ ← θₜ₋₁ + lr·Δθₜ
//! ```
//!
//! On a quadratic, one pure Newton step lands on the minimum. Newton does not check
//! that $H$ is positive definite: where it is not, the step heads for a saddle or
//! a maximum.

use ndarray::{Array1, ArrayView1, ArrayViewMut1};
use optcore::error::{check_positive, Error, Result};
use optcore::quantity;
use optcore::{check_step, Field, Objective, Optimizer, Oracle, Record, Staged};

/// Newton's method on an objective that knows its Hessian.
#[derive(Debug, Clone)]
pub struct Newton<O> {
    /// Step scale (1 = the pure Newton step).
    pub lr: f64,
    pub objective: O,
}

impl<O: Objective> Newton<O> {
    /// The pure Newton step (lr = 1).
    pub fn new(objective: O) -> Self {
        Newton { lr: 1.0, objective }
    }
}

/// $\Delta\theta$ solving $H\\,\Delta\theta = -g$. Two parameters: Cramer's rule with
/// plain arithmetic; otherwise nalgebra's LU. `Err` (naming step `t`) if $H$ is
/// singular: $|\det H| \le 10^{-14}\\,(|h_{00}h_{11}| + |h_{01}h_{10}|)$ for 2×2, or
/// LU finds no inverse.
pub fn newton_direction(
    h: &nalgebra::DMatrix<f64>,
    g: ArrayView1<f64>,
    t: usize,
) -> Result<Array1<f64>> {
    let n = g.len();
    let singular = Error::NonFinite {
        step: t,
        what: "Newton step (the Hessian is singular, −H⁻¹g does not exist)",
    };
    if h.nrows() != n || h.ncols() != n {
        return Err(Error::Dimension {
            what: "Hessian",
            expected: n * n,
            found: h.len(),
        });
    }
    if n == 2 {
        let (a, b, c, d) = (h[(0, 0)], h[(0, 1)], h[(1, 0)], h[(1, 1)]);
        let det = a * d - b * c;
        if !det.is_finite() || det.abs() <= 1e-14 * ((a * d).abs() + (b * c).abs()) {
            return Err(singular);
        }
        // H⁻¹ = [d −b; −c a]/det, Δθ = −H⁻¹g.
        return Ok(Array1::from(vec![
            -(d * g[0] - b * g[1]) / det,
            -(a * g[1] - c * g[0]) / det,
        ]));
    }
    let rhs = nalgebra::DVector::from_iterator(n, g.iter().map(|x| -x));
    match h.clone().lu().solve(&rhs) {
        Some(x) if x.iter().all(|v| v.is_finite()) => Ok(Array1::from(x.as_slice().to_vec())),
        _ => Err(singular),
    }
}

/// State of Newton's method.
#[derive(Debug, Clone, PartialEq)]
pub struct NewtonState {
    pub t: usize,
    pub grad: Staged,
    /// $H_t$ row by row.
    pub hessian: Array1<f64>,
    /// $\Delta\theta_t = -H_t^{-1}g_t$.
    pub update: Array1<f64>,
}

/// What one Newton step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct NewtonRecord {
    pub grad: Array1<f64>,
    pub hessian: Array1<f64>,
    pub update: Array1<f64>,
}

impl Record for NewtonRecord {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::HESSIAN, self.hessian.view()),
            Field::of(quantity::UPDATE, self.update.view()),
        ]
    }
}

impl<O: Objective> Optimizer for Newton<O> {
    type State = NewtonState;
    type Record = NewtonRecord;

    fn name(&self) -> &'static str {
        "newton"
    }
    /// One form: Newton's method has no torch counterpart.
    fn convention(&self) -> optcore::Convention {
        optcore::Convention::Paper
    }
    fn hyperparameters(&self) -> Vec<(&'static str, f64)> {
        vec![("lr", self.lr)]
    }
    fn validate(&self) -> Result<()> {
        check_positive("lr", self.lr)?;
        if self
            .objective
            .hessian(Array1::zeros(self.objective.dim()).view())
            .is_none()
        {
            return Err(Error::Empty {
                what: "the objective's Hessian (Newton's method needs one)",
            });
        }
        Ok(())
    }
    fn init(&self, theta: ArrayView1<f64>) -> NewtonState {
        let n = theta.len();
        NewtonState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            hessian: Array1::zeros(n * n),
            update: Array1::zeros(n),
        }
    }
    fn step(
        &self,
        s: &mut NewtonState,
        mut theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        s.grad.eval(oracle, t, theta.view())?;
        let h = self.objective.hessian(theta.view()).ok_or(Error::Empty {
            what: "the objective's Hessian (Newton's method needs one)",
        })?;
        let d = newton_direction(&h, s.grad.view(), t)?;
        let n = d.len();
        for i in 0..n {
            for j in 0..n {
                s.hessian[i * n + j] = h[(i, j)];
            }
        }
        s.update.assign(&d);
        for i in 0..n {
            theta[i] += self.lr * d[i];
        }
        s.t = t;
        Ok(())
    }
    fn record(&self, s: &NewtonState) -> NewtonRecord {
        NewtonRecord {
            grad: s.grad.view().to_owned(),
            hessian: s.hessian.clone(),
            update: s.update.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{reference_start, run, Quadratic, Rosenbrock};

    #[test]
    fn one_step_solves_a_quadratic() {
        let tr = run(
            &Newton::new(Quadratic::reference()),
            Quadratic::reference(),
            reference_start().view(),
            1,
        )
        .unwrap();
        assert_eq!(tr.rows[1].theta, array![0.0, 0.0]);
    }

    #[test]
    fn closed_form_agrees_with_lu() {
        let r = Rosenbrock::default();
        let p = array![-1.2, 1.0];
        let h = r.hessian(p.view()).unwrap();
        let g = r.gradient(p.view());
        let ours = newton_direction(&h, g.view(), 1).unwrap();
        let rhs = nalgebra::DVector::from_iterator(2, g.iter().map(|x| -x));
        let lu = h.lu().solve(&rhs).unwrap();
        for i in 0..2 {
            assert!((ours[i] - lu[i]).abs() <= 1e-12 * lu[i].abs().max(1.0));
        }
    }

    #[test]
    fn converges_on_rosenbrock() {
        let r = Rosenbrock::default();
        let tr = run(&Newton::new(r), r, array![-1.2, 1.0].view(), 10).unwrap();
        assert!(tr.last().loss < 1e-20, "{}", tr.last().loss);
    }

    #[test]
    fn singular_hessian_is_a_typed_error() {
        let flat = Quadratic::new(&[0.0, 1.0]);
        let tr = run(&Newton::new(flat.clone()), flat, array![1.0, 1.0].view(), 3).unwrap();
        assert_eq!(tr.rows.len(), 1);
        let msg = tr.stop.unwrap().to_string();
        assert!(msg.contains("singular") && msg.contains("step 1"), "{msg}");
    }
}
