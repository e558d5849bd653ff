//! Objectives $J(\theta)$: value, gradient $\nabla_\theta J$ and (where it exists)
//! the Hessian $H = \nabla^2_\theta J$ as an nalgebra matrix.
//!
//! The three two-parameter test functions of the reference cases live here:
//!
//! | name | $J(x, y)$ | minimum |
//! |---|---|---|
//! | `quadratic` | $0.1x^2 + 2y^2$ | $(0, 0)$ |
//! | `rosenbrock` | $(1-x)^2 + 100(y-x^2)^2$ | $(1, 1)$ |
//! | `beale` | $\sum_{i=1}^3 (c_i - x + xy^i)^2$, $c = (1.5, 2.25, 2.625)$ | $(3, 0.5)$ |
//! | `saddle` ([`Saddle`]) | $x^2 - y^2$ | none (a saddle at $(0, 0)$) |
//!
//! Only `+ − × ÷` are used (powers by repeated multiplication), so values are
//! identical on every IEEE-754 machine.

use crate::error::{Error, Result};
#[cfg(feature = "nalgebra")]
use nalgebra::DMatrix;
use ndarray::{Array1, ArrayView1, ArrayViewMut1};

/// A differentiable function of the parameters.
pub trait Objective {
    /// Short name, as `optrace --problem` spells it.
    fn name(&self) -> String;
    /// Number of parameters.
    fn dim(&self) -> usize;
    /// $J(\theta)$. A θ without [`Objective::dim`] entries gives NaN in the
    /// objectives of this workspace (never a panic, never a truncated sum);
    /// [`Objective::try_value`] says why instead.
    fn value(&self, theta: ArrayView1<f64>) -> f64;
    /// Writes $\nabla_\theta J(\theta)$ into `grad` (no allocation). With θ or
    /// `grad` of the wrong length the objectives of this workspace fill `grad`
    /// with NaN; [`Objective::try_gradient`] says why instead.
    fn gradient_into(&self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>);
    /// [`Objective::value`], or [`Error::Dimension`] for a θ of the wrong length.
    fn try_value(&self, theta: ArrayView1<f64>) -> Result<f64> {
        crate::error::check_dim("objective: θ", self.dim(), theta.len())?;
        Ok(self.value(theta))
    }
    /// [`Objective::gradient`], or [`Error::Dimension`] for a θ of the wrong length.
    fn try_gradient(&self, theta: ArrayView1<f64>) -> Result<Array1<f64>> {
        crate::error::check_dim("objective: θ", self.dim(), theta.len())?;
        Ok(self.gradient(theta))
    }
    /// $\nabla_\theta J(\theta)$ as a new vector.
    fn gradient(&self, theta: ArrayView1<f64>) -> Array1<f64> {
        let mut g = Array1::zeros(self.dim());
        self.gradient_into(theta, g.view_mut());
        g
    }
    /// The Hessian $\nabla^2_\theta J(\theta)$, where the objective knows it.
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, _theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        None
    }
    /// The minimiser, where it is known in closed form.
    fn minimum(&self) -> Option<Array1<f64>> {
        None
    }
}

/// Whether θ and the gradient buffer both have `dim` entries. The objectives of
/// this workspace check it first and answer NaN otherwise.
pub fn fits(dim: usize, theta: usize, grad: usize) -> bool {
    theta == dim && grad == dim
}

impl<T: Objective + ?Sized> Objective for &T {
    fn name(&self) -> String {
        (**self).name()
    }
    fn dim(&self) -> usize {
        (**self).dim()
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        (**self).value(theta)
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, grad: ArrayViewMut1<f64>) {
        (**self).gradient_into(theta, grad)
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        (**self).hessian(theta)
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        (**self).minimum()
    }
}

/// $J(\theta) = \sum_i c_i \theta_i^2$: a separable quadratic bowl whose condition
/// number is $\max c_i / \min c_i$. [`Quadratic::reference`] is the reference
/// cases' $0.1x^2 + 2y^2$ (condition number 20).
#[derive(Debug, Clone, PartialEq)]
pub struct Quadratic {
    pub coeffs: Array1<f64>,
}

impl Quadratic {
    pub fn new(coeffs: &[f64]) -> Self {
        Quadratic {
            coeffs: Array1::from(coeffs.to_vec()),
        }
    }
    /// $0.1x^2 + 2y^2$.
    pub fn reference() -> Self {
        Quadratic::new(&[0.1, 2.0])
    }
}

/// $\theta_0 = (-5, -2)$: where every run on [`Quadratic::reference`] starts, in
/// the reference cases (`reference/cases.json`, `reference/cases-beyond.json`)
/// and in the notebooks and their examples.
pub fn reference_start() -> Array1<f64> {
    Array1::from(vec![-5.0, -2.0])
}

impl Objective for Quadratic {
    fn name(&self) -> String {
        "quadratic".into()
    }
    fn dim(&self) -> usize {
        self.coeffs.len()
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        if !fits(self.dim(), theta.len(), theta.len()) {
            return f64::NAN;
        }
        self.coeffs
            .iter()
            .zip(theta.iter())
            .map(|(c, x)| c * (x * x))
            .sum()
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) {
        if !fits(self.dim(), theta.len(), grad.len()) {
            return grad.fill(f64::NAN);
        }
        ndarray::Zip::from(&mut grad)
            .and(&self.coeffs)
            .and(&theta)
            .for_each(|g, &c, &x| *g = c * (2.0 * x));
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, _theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        let d = nalgebra::DVector::from_iterator(self.dim(), self.coeffs.iter().map(|c| 2.0 * c));
        Some(DMatrix::from_diagonal(&d))
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        Some(Array1::zeros(self.dim()))
    }
}

/// Rosenbrock's banana valley $J(x, y) = (a-x)^2 + b(y-x^2)^2$ with $a = 1$, $b = 100$.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rosenbrock {
    pub a: f64,
    pub b: f64,
}

impl Default for Rosenbrock {
    fn default() -> Self {
        Rosenbrock { a: 1.0, b: 100.0 }
    }
}

impl Objective for Rosenbrock {
    fn name(&self) -> String {
        "rosenbrock".into()
    }
    fn dim(&self) -> usize {
        2
    }
    fn value(&self, t: ArrayView1<f64>) -> f64 {
        if !fits(2, t.len(), t.len()) {
            return f64::NAN;
        }
        let (x, y) = (t[0], t[1]);
        let (u, w) = (self.a - x, y - x * x);
        u * u + self.b * (w * w)
    }
    fn gradient_into(&self, t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>) {
        if !fits(2, t.len(), g.len()) {
            return g.fill(f64::NAN);
        }
        let (x, y) = (t[0], t[1]);
        let w = y - x * x;
        g[0] = -2.0 * (self.a - x) - 4.0 * self.b * x * w;
        g[1] = 2.0 * self.b * w;
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, t: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        if t.len() != 2 {
            return None;
        }
        let (x, y) = (t[0], t[1]);
        let b = self.b;
        let hxx = 2.0 - 4.0 * b * (y - x * x) + 8.0 * b * x * x;
        let hxy = -4.0 * b * x;
        Some(DMatrix::from_row_slice(2, 2, &[hxx, hxy, hxy, 2.0 * b]))
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        Some(Array1::from(vec![self.a, self.a * self.a]))
    }
}

/// Beale's function $\sum_{i=1}^{3}(c_i - x + x y^i)^2$, $c = (1.5, 2.25, 2.625)$.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Beale;

const BEALE_C: [f64; 3] = [1.5, 2.25, 2.625];

impl Objective for Beale {
    fn name(&self) -> String {
        "beale".into()
    }
    fn dim(&self) -> usize {
        2
    }
    fn value(&self, t: ArrayView1<f64>) -> f64 {
        if !fits(2, t.len(), t.len()) {
            return f64::NAN;
        }
        let (x, y) = (t[0], t[1]);
        let mut yi = 1.0;
        let mut s = 0.0;
        for c in BEALE_C {
            yi *= y;
            let r = c - x + x * yi;
            s += r * r;
        }
        s
    }
    fn gradient_into(&self, t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>) {
        if !fits(2, t.len(), g.len()) {
            return g.fill(f64::NAN);
        }
        let (x, y) = (t[0], t[1]);
        let (mut gx, mut gy) = (0.0, 0.0);
        let mut yim1 = 1.0; // y^(i-1)
        for (k, c) in BEALE_C.iter().enumerate() {
            let i = (k + 1) as f64;
            let yi = yim1 * y;
            let r = c - x + x * yi;
            gx += 2.0 * r * (yi - 1.0);
            gy += 2.0 * r * (i * x * yim1);
            yim1 = yi;
        }
        g[0] = gx;
        g[1] = gy;
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, t: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        if t.len() != 2 {
            return None;
        }
        let (x, y) = (t[0], t[1]);
        let (mut hxx, mut hxy, mut hyy) = (0.0, 0.0, 0.0);
        let mut yim2 = 0.0; // y^(i-2), unused for i = 1
        let mut yim1 = 1.0;
        for (k, c) in BEALE_C.iter().enumerate() {
            let i = (k + 1) as f64;
            let yi = yim1 * y;
            let r = c - x + x * yi;
            let (rx, ry) = (yi - 1.0, i * x * yim1);
            let rxy = i * yim1;
            let ryy = if k == 0 {
                0.0
            } else {
                i * (i - 1.0) * x * yim2
            };
            hxx += 2.0 * rx * rx;
            hxy += 2.0 * (rx * ry + r * rxy);
            hyy += 2.0 * (ry * ry + r * ryy);
            yim2 = yim1;
            yim1 = yi;
        }
        Some(DMatrix::from_row_slice(2, 2, &[hxx, hxy, hxy, hyy]))
    }
    fn minimum(&self) -> Option<Array1<f64>> {
        Some(Array1::from(vec![3.0, 0.5]))
    }
}

/// The saddle $J(x, y) = x^2 - y^2$: a stationary point at the origin that is a
/// minimum along $x$ and a maximum along $y$, with no minimum at all
/// ($J \to -\infty$ as $|y|$ grows). Gradient $\nabla J = (2x, -2y)$, Hessian
/// $\operatorname{diag}(2, -2)$. Started near the $x$-axis, gradient descent is
/// first pulled toward the saddle along $x$ while the small $y$ grows by a factor
/// $1 + 2\eta$ per step: how fast a method *escapes* is the question it asks.
/// [`Objective::minimum`] is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Saddle;

impl Objective for Saddle {
    fn name(&self) -> String {
        "saddle".into()
    }
    fn dim(&self) -> usize {
        2
    }
    fn value(&self, t: ArrayView1<f64>) -> f64 {
        if !fits(2, t.len(), t.len()) {
            return f64::NAN;
        }
        t[0] * t[0] - t[1] * t[1]
    }
    fn gradient_into(&self, t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>) {
        if !fits(2, t.len(), g.len()) {
            return g.fill(f64::NAN);
        }
        g[0] = 2.0 * t[0];
        g[1] = -2.0 * t[1];
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, t: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        if t.len() != 2 {
            return None;
        }
        Some(DMatrix::from_row_slice(2, 2, &[2.0, 0.0, 0.0, -2.0]))
    }
}

/// The reference problems by the name `optrace --problem` takes.
pub fn problem_by_name(name: &str) -> Result<Box<dyn Objective>> {
    match name {
        "quadratic" => Ok(Box::new(Quadratic::reference())),
        "rosenbrock" => Ok(Box::new(Rosenbrock::default())),
        "beale" => Ok(Box::new(Beale)),
        other => Err(Error::Parse {
            what: "--problem".into(),
            message: format!("unknown problem '{other}'; expected quadratic, rosenbrock or beale"),
        }),
    }
}

type ValueFn = Box<dyn Fn(ArrayView1<f64>) -> f64>;
type GradFn = Box<dyn Fn(ArrayView1<f64>, ArrayViewMut1<f64>)>;

/// An objective made of closures, for one-off functions in a notebook (a plateau,
/// a long flat plane, a 1-D parabola).
pub struct FnObjective {
    name: String,
    dim: usize,
    value: ValueFn,
    gradient: GradFn,
}

impl FnObjective {
    pub fn new(
        name: impl Into<String>,
        dim: usize,
        value: impl Fn(ArrayView1<f64>) -> f64 + 'static,
        gradient: impl Fn(ArrayView1<f64>, ArrayViewMut1<f64>) + 'static,
    ) -> Self {
        FnObjective {
            name: name.into(),
            dim,
            value: Box::new(value),
            gradient: Box::new(gradient),
        }
    }
}

impl Objective for FnObjective {
    fn name(&self) -> String {
        self.name.clone()
    }
    fn dim(&self) -> usize {
        self.dim
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        if !fits(self.dim, theta.len(), theta.len()) {
            return f64::NAN;
        }
        (self.value)(theta)
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) {
        if !fits(self.dim, theta.len(), grad.len()) {
            return grad.fill(f64::NAN);
        }
        (self.gradient)(theta, grad)
    }
}

/// $J(\theta) = c\\,\theta$ in one dimension: the same gradient $c$ everywhere
/// and no minimum. What a method does under a constant gradient (bias
/// correction, a growing velocity, a shrinking rate) shows on it undisturbed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slope {
    /// The gradient $c$.
    pub c: f64,
}

impl Slope {
    pub fn new(c: f64) -> Self {
        Slope { c }
    }
}

impl Objective for Slope {
    fn name(&self) -> String {
        format!("slope {}", self.c)
    }
    fn dim(&self) -> usize {
        1
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        if !fits(1, theta.len(), theta.len()) {
            return f64::NAN;
        }
        self.c * theta[0]
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) {
        if !fits(1, theta.len(), grad.len()) {
            return grad.fill(f64::NAN);
        }
        grad[0] = self.c;
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, _theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        Some(DMatrix::zeros(1, 1))
    }
}

/// An objective seen in rescaled coordinates $\theta' = k\theta$ (metres to
/// centimetres is $k = 100$): $J'(\theta') = J(\theta'/k)$, so
/// $\nabla J'(\theta') = \nabla J(\theta'/k)/k$ and $H' = H/k^2$. A method whose
/// trajectory maps back ($\theta'_t/k = \theta_t$) does not care about the unit
/// of θ (Newton's method does not, gradient descent does).
#[derive(Debug, Clone, PartialEq)]
pub struct Rescaled<O> {
    pub inner: O,
    pub k: f64,
}

impl<O: Objective> Rescaled<O> {
    /// $\theta'/k$: the point of the inner objective.
    fn back(&self, theta: ArrayView1<f64>) -> Array1<f64> {
        theta.mapv(|x| x / self.k)
    }
}

impl<O: Objective> Objective for Rescaled<O> {
    fn name(&self) -> String {
        format!("{} in units ×{}", self.inner.name(), self.k)
    }
    fn dim(&self) -> usize {
        self.inner.dim()
    }
    fn value(&self, theta: ArrayView1<f64>) -> f64 {
        self.inner.value(self.back(theta).view())
    }
    fn gradient_into(&self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) {
        self.inner
            .gradient_into(self.back(theta).view(), grad.view_mut());
        grad.mapv_inplace(|g| g / self.k);
    }
    #[cfg(feature = "nalgebra")]
    fn hessian(&self, theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        let k2 = self.k * self.k;
        self.inner
            .hessian(self.back(theta).view())
            .map(|h| h.map(|x| x / k2))
    }
}

/// Largest relative difference between the analytic gradient and central finite
/// differences with step `h` (a check for tests and for new objectives).
pub fn gradient_check(obj: &dyn Objective, theta: ArrayView1<f64>, h: f64) -> f64 {
    let g = obj.gradient(theta);
    let mut worst: f64 = 0.0;
    let mut p = theta.to_owned();
    for i in 0..obj.dim() {
        let x = p[i];
        p[i] = x + h;
        let up = obj.value(p.view());
        p[i] = x - h;
        let down = obj.value(p.view());
        p[i] = x;
        let fd = (up - down) / (2.0 * h);
        worst = worst.max((fd - g[i]).abs() / (1.0 + g[i].abs()));
    }
    worst
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn gradients_match_finite_differences() {
        let points = [array![-1.5, 2.0], array![0.3, -0.7], array![2.0, 0.2]];
        for name in ["quadratic", "rosenbrock", "beale"] {
            let obj = problem_by_name(name).unwrap();
            for p in &points {
                assert!(
                    gradient_check(obj.as_ref(), p.view(), 1e-6) < 1e-6,
                    "{name} at {p}"
                );
            }
        }
    }

    #[test]
    fn hessians_match_finite_differences_of_gradients() {
        let p = array![0.7, -0.4];
        let h = 1e-6;
        for name in ["quadratic", "rosenbrock", "beale"] {
            let obj = problem_by_name(name).unwrap();
            let hess = obj.hessian(p.view()).unwrap();
            for j in 0..2 {
                let mut up = p.clone();
                up[j] += h;
                let mut down = p.clone();
                down[j] -= h;
                let col = (obj.gradient(up.view()) - obj.gradient(down.view())) / (2.0 * h);
                for i in 0..2 {
                    let err = (col[i] - hess[(i, j)]).abs() / (1.0 + hess[(i, j)].abs());
                    assert!(err < 1e-6, "{name} H[{i},{j}]");
                }
            }
        }
    }

    #[test]
    fn minima_are_stationary() {
        for name in ["quadratic", "rosenbrock", "beale"] {
            let obj = problem_by_name(name).unwrap();
            let m = obj.minimum().unwrap();
            assert_eq!(obj.value(m.view()), 0.0, "{name}");
            assert!(obj.gradient(m.view()).iter().all(|g| *g == 0.0), "{name}");
        }
    }

    #[test]
    fn saddle_gradient_hessian_and_stationary_point() {
        let j = Saddle;
        for p in [array![-1.5, 2.0], array![0.3, -0.7], array![1.0, 1e-3]] {
            assert!(gradient_check(&j, p.view(), 1e-6) < 1e-6, "saddle at {p}");
            let h = j.hessian(p.view()).unwrap();
            assert_eq!(h, DMatrix::from_row_slice(2, 2, &[2.0, 0.0, 0.0, -2.0]));
        }
        // The origin is stationary but not a minimum: J drops along y.
        assert!(j
            .gradient(array![0.0, 0.0].view())
            .iter()
            .all(|g| *g == 0.0));
        assert!(j.value(array![0.0, 0.5].view()) < j.value(array![0.0, 0.0].view()));
        assert!(j.value(array![1.0].view()).is_nan());
        assert!(j
            .gradient(array![1.0, 2.0, 3.0].view())
            .iter()
            .all(|g| g.is_nan()));
        assert!(j.minimum().is_none());
        assert_eq!(j.name(), "saddle");
    }

    #[test]
    fn slope_has_a_constant_gradient() {
        let j = Slope::new(-2.5);
        for x in [-3.0, 0.0, 7.0] {
            assert_eq!(j.value(array![x].view()), -2.5 * x);
            assert_eq!(j.gradient(array![x].view()), array![-2.5]);
        }
        assert!(j.value(array![1.0, 2.0].view()).is_nan());
        assert_eq!(j.name(), "slope -2.5");
    }

    #[test]
    fn rescaled_objective_is_the_chain_rule() {
        let r = Rescaled {
            inner: Rosenbrock::default(),
            k: 100.0,
        };
        let p = array![-120.0, 100.0];
        let back = array![-1.2, 1.0];
        assert_eq!(r.value(p.view()), Rosenbrock::default().value(back.view()));
        assert!(gradient_check(&r, p.view(), 1e-3) < 1e-6);
        let h = r.hessian(p.view()).unwrap();
        let h0 = Rosenbrock::default().hessian(back.view()).unwrap();
        assert_eq!(h[(0, 1)], h0[(0, 1)] / 1e4);
    }

    #[test]
    fn unknown_problem_is_an_error() {
        assert!(problem_by_name("himmelblau").is_err());
    }
}
