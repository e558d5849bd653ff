//! Data losses: a loss per example $L(x_i, W)$, and the batch loss the post writes as
//!
//! $$L(\mathbf{x}, W) = \frac{1}{m}\sum_{i=1}^{m} L(x_i, W)$$
//!
//! computed as that mean over any index set (a mini-batch, one example, or all
//! of them), never assumed. Exponentials and logarithms go through `libm` so the
//! numbers are the same on every machine.

use crate::error::{check_dim, Error, Result};
use ndarray::{Array1, Array2, ArrayView1, ArrayViewMut1, Axis};

/// A table of examples: `features` is m × d, `targets` holds one number per example
/// (a real value for regression, a class index for classification).
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub name: String,
    pub feature_names: Vec<String>,
    pub features: Array2<f64>,
    pub targets: Array1<f64>,
}

impl Dataset {
    pub fn new(
        name: impl Into<String>,
        feature_names: Vec<String>,
        features: Array2<f64>,
        targets: Array1<f64>,
    ) -> Result<Self> {
        check_dim("targets (one per example)", features.nrows(), targets.len())?;
        check_dim("feature names", features.ncols(), feature_names.len())?;
        if features.nrows() == 0 {
            return Err(Error::Empty { what: "data set" });
        }
        Ok(Dataset {
            name: name.into(),
            feature_names,
            features,
            targets,
        })
    }

    /// Number of examples m.
    pub fn len(&self) -> usize {
        self.features.nrows()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Each feature shifted to mean 0 and scaled to standard deviation 1
    /// (population s.d.), so that one learning rate suits every coordinate.
    pub fn standardized(&self) -> Dataset {
        let m = self.len() as f64;
        let mut x = self.features.clone();
        for mut col in x.axis_iter_mut(Axis(1)) {
            let mean = col.sum() / m;
            let var = col.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / m;
            let sd = var.sqrt();
            col.mapv_inplace(|v| if sd > 0.0 { (v - mean) / sd } else { 0.0 });
        }
        Dataset {
            name: format!("{} (standardized)", self.name),
            feature_names: self.feature_names.clone(),
            features: x,
            targets: self.targets.clone(),
        }
    }

    /// Features with a leading column of ones, so that $w_0$ is the bias.
    pub fn with_bias(&self) -> Dataset {
        let m = self.len();
        let mut x = Array2::ones((m, self.features.ncols() + 1));
        x.slice_mut(ndarray::s![.., 1..]).assign(&self.features);
        let mut names = vec!["1".to_string()];
        names.extend(self.feature_names.iter().cloned());
        Dataset {
            name: self.name.clone(),
            feature_names: names,
            features: x,
            targets: self.targets.clone(),
        }
    }

    /// Every target is a class index `0 .. classes`, else an [`Error::Parse`]
    /// naming `what` and the first target that is not.
    pub fn check_classes(&self, what: &str, classes: usize) -> Result<()> {
        match self
            .targets
            .iter()
            .find(|t| t.fract() != 0.0 || **t < 0.0 || **t >= classes as f64)
        {
            Some(bad) => Err(Error::Parse {
                what: what.into(),
                message: format!("{bad} is not a class index below {classes}"),
            }),
            None => Ok(()),
        }
    }

    /// The examples `rows` (in that order), every column kept.
    pub fn rows(&self, rows: &[usize]) -> Dataset {
        Dataset {
            name: self.name.clone(),
            feature_names: self.feature_names.clone(),
            features: self.features.select(Axis(0), rows),
            targets: self.targets.select(Axis(0), rows),
        }
    }

    /// Keeps the named feature columns (in the given order) and the targets.
    pub fn select(&self, columns: &[usize]) -> Dataset {
        Dataset {
            name: self.name.clone(),
            feature_names: columns
                .iter()
                .map(|&c| self.feature_names[c].clone())
                .collect(),
            features: self.features.select(Axis(1), columns),
            targets: self.targets.clone(),
        }
    }
}

const IRIS_CSV: &str = include_str!("../data/iris.csv");

/// Fisher's iris data (150 × 4, species 0/1/2 as targets), compiled into the
/// crate; see `data/README.md` for its source.
pub fn iris() -> Dataset {
    let mut rows = Vec::with_capacity(150 * 4);
    let mut targets = Vec::with_capacity(150);
    for line in IRIS_CSV.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<f64> = line
            .split(',')
            .map(|c| {
                c.trim()
                    .parse::<f64>()
                    .expect("iris.csv is a fixed, valid file")
            })
            .collect();
        rows.extend_from_slice(&cells[..4]);
        targets.push(cells[4]);
    }
    let m = targets.len();
    let names = ["sepal length", "sepal width", "petal length", "petal width"];
    Dataset::new(
        "iris",
        names.iter().map(|s| s.to_string()).collect(),
        Array2::from_shape_vec((m, 4), rows).expect("4 columns"),
        Array1::from(targets),
    )
    .expect("iris is consistent")
}

/// A loss defined example by example. The batch loss over an index set $B$ is the
/// mean $\frac{1}{|B|}\sum_{i\in B} L(x_i, W)$, and its gradient is the mean of the
/// per-example gradients.
pub trait ExampleLoss {
    /// Short name for tables.
    fn loss_name(&self) -> String;
    /// Number of examples m.
    fn len(&self) -> usize;
    /// No examples at all.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Number of parameters.
    fn num_params(&self) -> usize;
    /// $L(x_i, W)$.
    fn example_loss(&self, i: usize, theta: ArrayView1<f64>) -> f64;
    /// `grad += scale · ∇_W L(x_i, W)` (no allocation); returns $L(x_i, W)$.
    fn add_example_gradient(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        scale: f64,
        grad: ArrayViewMut1<f64>,
    ) -> f64;

    /// The Hessian of the full-data loss $L(\mathbf{x}, W)$ at `theta`, where it
    /// has a closed form (least squares: the constant $\frac1N X^\top X$). It is
    /// what [`Objective::hessian`](crate::objective::Objective::hessian) answers
    /// for this loss; `None` by default.
    #[cfg(feature = "nalgebra")]
    fn mean_hessian(&self, _theta: ArrayView1<f64>) -> Option<nalgebra::DMatrix<f64>> {
        None
    }

    /// The mean loss over `batch` and its gradient (written into `grad`).
    fn batch_loss_and_gradient(
        &self,
        batch: &[usize],
        theta: ArrayView1<f64>,
        mut grad: ArrayViewMut1<f64>,
    ) -> Result<f64> {
        if batch.is_empty() {
            return Err(Error::Empty { what: "mini-batch" });
        }
        check_dim("parameters", self.num_params(), theta.len())?;
        check_dim("gradient buffer", self.num_params(), grad.len())?;
        grad.fill(0.0);
        let scale = 1.0 / batch.len() as f64;
        let mut loss = 0.0;
        for &i in batch {
            loss += self.add_example_gradient(i, theta, scale, grad.view_mut());
        }
        Ok(loss * scale)
    }

    /// The mean loss over `batch`.
    fn batch_loss(&self, batch: &[usize], theta: ArrayView1<f64>) -> f64 {
        batch
            .iter()
            .map(|&i| self.example_loss(i, theta))
            .sum::<f64>()
            / batch.len() as f64
    }

    /// Every example's own gradient, one row each (m × p), for variance studies.
    fn example_gradients(&self, theta: ArrayView1<f64>) -> Array2<f64> {
        let mut out = Array2::zeros((self.len(), self.num_params()));
        for (i, row) in out.axis_iter_mut(Axis(0)).enumerate() {
            self.add_example_gradient(i, theta, 1.0, row);
        }
        out
    }
}

/// Makes an [`ExampleLoss`] type an [`Objective`](crate::objective::Objective): the full-batch mean
/// $L(\mathbf{x}, W)$ and its gradient (and, with the `nalgebra` feature, its Hessian).
/// Local to optcore: the `#[cfg(feature = "nalgebra")]` it writes must be read
/// against optcore's own features, which only holds where it is expanded here.
macro_rules! full_batch_objective {
    ($($ty:ty),*) => {$(
        impl $crate::objective::Objective for $ty {
            fn name(&self) -> String {
                $crate::data::ExampleLoss::loss_name(self)
            }
            fn dim(&self) -> usize {
                $crate::data::ExampleLoss::num_params(self)
            }
            fn value(&self, theta: $crate::ndarray::ArrayView1<f64>) -> f64 {
                if !$crate::objective::fits(self.dim(), theta.len(), theta.len()) {
                    return f64::NAN;
                }
                let m = $crate::data::ExampleLoss::len(self);
                (0..m).map(|i| $crate::data::ExampleLoss::example_loss(self, i, theta)).sum::<f64>() / m as f64
            }
            fn gradient_into(&self, theta: $crate::ndarray::ArrayView1<f64>, mut grad: $crate::ndarray::ArrayViewMut1<f64>) {
                if !$crate::objective::fits(self.dim(), theta.len(), grad.len()) {
                    return grad.fill(f64::NAN);
                }
                let m = $crate::data::ExampleLoss::len(self);
                grad.fill(0.0);
                for i in 0..m {
                    $crate::data::ExampleLoss::add_example_gradient(self, i, theta, 1.0 / m as f64, grad.view_mut());
                }
            }
            #[cfg(feature = "nalgebra")]
            fn hessian(&self, theta: $crate::ndarray::ArrayView1<f64>) -> Option<$crate::nalgebra::DMatrix<f64>> {
                $crate::data::ExampleLoss::mean_hessian(self, theta)
            }
        }
    )*};
}

full_batch_objective!(
    LeastSquares,
    Logistic,
    Softmax,
    crate::mlp::Mlp,
    crate::mlp::Dropped<'_>
);

/// Least squares: $L(x_i, w) = \tfrac12 (w^\top x_i - y_i)^2$, gradient $(w^\top x_i - y_i)\\,x_i$.
#[derive(Debug, Clone, PartialEq)]
pub struct LeastSquares {
    pub data: Dataset,
}

impl LeastSquares {
    pub fn new(data: Dataset) -> Self {
        LeastSquares { data }
    }

    fn residual(&self, i: usize, w: ArrayView1<f64>) -> f64 {
        self.data.features.row(i).dot(&w) - self.data.targets[i]
    }

    /// $X^\top X = \sum_i x_i x_i^\top$ (d × d), summed with plain loops in
    /// example order: nalgebra's matrix product goes through `matrixmultiply`,
    /// whose run-time SIMD kernels can change the last bits from one CPU to
    /// another.
    #[cfg(feature = "nalgebra")]
    pub fn gram(&self) -> nalgebra::DMatrix<f64> {
        let x = &self.data.features;
        let (m, d) = x.dim();
        let mut xtx = nalgebra::DMatrix::<f64>::zeros(d, d);
        for i in 0..m {
            for a in 0..d {
                for b in 0..d {
                    xtx[(a, b)] += x[(i, a)] * x[(i, b)];
                }
            }
        }
        xtx
    }

    /// The Hessian of $J(w) = \frac1N\sum_i \tfrac12 (w^\top x_i - y_i)^2$:
    /// $H = \frac1N X^\top X$, the same at every $w$ (the loss is quadratic).
    /// Gradient descent with the full batch is stable exactly when
    /// $\eta < 2/\lambda_{\max}(H)$ (see [`crate::linalg::eigenvalue_range`]).
    #[cfg(feature = "nalgebra")]
    pub fn hessian_matrix(&self) -> nalgebra::DMatrix<f64> {
        let n = self.data.len() as f64;
        self.gram().map(|v| v / n)
    }

    /// The exact minimiser from the normal equations $X^\top X w = X^\top y$
    /// (nalgebra Cholesky), to measure how far an optimizer still is. `None` if
    /// $X^\top X$ is not positive definite (a column that is a combination of
    /// others).
    ///
    /// $X^\top X$ ([`LeastSquares::gram`]) and $X^\top y$ are summed with plain
    /// loops in example order.
    #[cfg(feature = "nalgebra")]
    pub fn solve_exact(&self) -> Option<Array1<f64>> {
        let x = &self.data.features;
        let y = &self.data.targets;
        let (m, d) = x.dim();
        let mut xty = nalgebra::DVector::<f64>::zeros(d);
        for i in 0..m {
            for a in 0..d {
                xty[a] += x[(i, a)] * y[i];
            }
        }
        let w = self.gram().cholesky()?.solve(&xty);
        Some(Array1::from_iter(w.iter().copied()))
    }
}

impl ExampleLoss for LeastSquares {
    fn loss_name(&self) -> String {
        format!("least squares on {}", self.data.name)
    }
    #[cfg(feature = "nalgebra")]
    fn mean_hessian(&self, _theta: ArrayView1<f64>) -> Option<nalgebra::DMatrix<f64>> {
        Some(self.hessian_matrix())
    }
    fn len(&self) -> usize {
        self.data.len()
    }
    fn num_params(&self) -> usize {
        self.data.features.ncols()
    }
    fn example_loss(&self, i: usize, w: ArrayView1<f64>) -> f64 {
        let r = self.residual(i, w);
        0.5 * r * r
    }
    fn add_example_gradient(
        &self,
        i: usize,
        w: ArrayView1<f64>,
        scale: f64,
        mut grad: ArrayViewMut1<f64>,
    ) -> f64 {
        let r = self.residual(i, w);
        grad.scaled_add(scale * r, &self.data.features.row(i));
        0.5 * r * r
    }
}

/// Binary logistic regression: targets in {0, 1}, $p_i = \sigma(w^\top x_i)$,
/// $L(x_i, w) = -y_i \ln p_i - (1-y_i)\ln(1-p_i)$, gradient $(p_i - y_i)\\,x_i$.
#[derive(Debug, Clone, PartialEq)]
pub struct Logistic {
    pub data: Dataset,
}

impl Logistic {
    /// Targets must be 0 or 1.
    pub fn new(data: Dataset) -> Result<Self> {
        if let Some(bad) = data.targets.iter().find(|t| **t != 0.0 && **t != 1.0) {
            return Err(Error::Parse {
                what: "logistic targets".into(),
                message: format!("{bad} is not 0 or 1"),
            });
        }
        Ok(Logistic { data })
    }
}

/// $\ln(1 + e^{z})$ without overflow.
fn softplus(z: f64) -> f64 {
    if z > 0.0 {
        z + libm::log1p(libm::exp(-z))
    } else {
        libm::log1p(libm::exp(z))
    }
}

fn sigmoid(z: f64) -> f64 {
    if z >= 0.0 {
        1.0 / (1.0 + libm::exp(-z))
    } else {
        let e = libm::exp(z);
        e / (1.0 + e)
    }
}

impl ExampleLoss for Logistic {
    fn loss_name(&self) -> String {
        format!("logistic loss on {}", self.data.name)
    }
    fn len(&self) -> usize {
        self.data.len()
    }
    fn num_params(&self) -> usize {
        self.data.features.ncols()
    }
    fn example_loss(&self, i: usize, w: ArrayView1<f64>) -> f64 {
        let z = self.data.features.row(i).dot(&w);
        // -y ln σ(z) - (1-y) ln(1-σ(z)) = softplus(z) - y z
        softplus(z) - self.data.targets[i] * z
    }
    fn add_example_gradient(
        &self,
        i: usize,
        w: ArrayView1<f64>,
        scale: f64,
        mut grad: ArrayViewMut1<f64>,
    ) -> f64 {
        let x = self.data.features.row(i);
        let z = x.dot(&w);
        let y = self.data.targets[i];
        grad.scaled_add(scale * (sigmoid(z) - y), &x);
        softplus(z) - y * z
    }
}

/// Softmax (multinomial logistic) regression with k classes: $W$ is k × d, stored
/// row-major in θ; $L(x_i, W) = -\ln \mathrm{softmax}(W x_i)_{y_i}$, gradient
/// $(p - e_{y_i})\\,x_i^\top$.
#[derive(Debug, Clone, PartialEq)]
pub struct Softmax {
    pub data: Dataset,
    pub classes: usize,
}

impl Softmax {
    /// Targets must be class indices 0..classes.
    pub fn new(data: Dataset, classes: usize) -> Result<Self> {
        data.check_classes("softmax targets", classes)?;
        Ok(Softmax { data, classes })
    }

    /// Logits and their log-sum-exp for example i, into a small stack buffer.
    fn logits(&self, i: usize, w: ArrayView1<f64>, z: &mut [f64]) -> f64 {
        let x = self.data.features.row(i);
        let d = x.len();
        let mut max = f64::NEG_INFINITY;
        for (c, zc) in z.iter_mut().enumerate() {
            *zc = w.slice(ndarray::s![c * d..(c + 1) * d]).dot(&x);
            max = max.max(*zc);
        }
        let s: f64 = z.iter().map(|zc| libm::exp(zc - max)).sum();
        max + libm::log(s)
    }
}

pub(crate) const MAX_CLASSES: usize = 16;

impl ExampleLoss for Softmax {
    fn loss_name(&self) -> String {
        format!("softmax loss on {}", self.data.name)
    }
    fn len(&self) -> usize {
        self.data.len()
    }
    fn num_params(&self) -> usize {
        self.classes * self.data.features.ncols()
    }
    fn example_loss(&self, i: usize, w: ArrayView1<f64>) -> f64 {
        let mut z = [0.0; MAX_CLASSES];
        let lse = self.logits(i, w, &mut z[..self.classes]);
        lse - z[self.data.targets[i] as usize]
    }
    fn add_example_gradient(
        &self,
        i: usize,
        w: ArrayView1<f64>,
        scale: f64,
        mut grad: ArrayViewMut1<f64>,
    ) -> f64 {
        let mut z = [0.0; MAX_CLASSES];
        let k = self.classes;
        let lse = self.logits(i, w, &mut z[..k]);
        let x = self.data.features.row(i);
        let d = x.len();
        let y = self.data.targets[i] as usize;
        for (c, zc) in z[..k].iter().enumerate() {
            let p = libm::exp(zc - lse);
            let coef = p - if c == y { 1.0 } else { 0.0 };
            grad.slice_mut(ndarray::s![c * d..(c + 1) * d])
                .scaled_add(scale * coef, &x);
        }
        lse - z[y]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objective::{gradient_check, Objective};

    #[test]
    fn iris_loads() {
        let d = iris();
        assert_eq!(d.features.dim(), (150, 4));
        assert_eq!(d.targets.iter().filter(|t| **t == 2.0).count(), 50);
    }

    #[test]
    fn losses_have_correct_gradients() {
        let d = iris().standardized().with_bias();
        let ls = LeastSquares::new(d.select(&[0, 1, 2, 3]).clone());
        let theta = Array1::from(vec![0.1, -0.2, 0.3, 0.05]);
        assert!(gradient_check(&ls, theta.view(), 1e-6) < 1e-6);
        let mut bin = d.clone();
        bin.targets
            .mapv_inplace(|t| if t == 0.0 { 1.0 } else { 0.0 });
        let lg = Logistic::new(bin).unwrap();
        let theta = Array1::from(vec![0.1, -0.2, 0.3, 0.05, 0.4]);
        assert!(gradient_check(&lg, theta.view(), 1e-6) < 1e-6);
        let sm = Softmax::new(d, 3).unwrap();
        let theta = Array1::from_iter((0..15).map(|i| (i as f64 - 7.0) * 0.05));
        assert!(gradient_check(&sm, theta.view(), 1e-6) < 1e-6);
    }

    #[test]
    fn batch_loss_is_the_mean_of_example_losses() {
        let sm = Softmax::new(iris().standardized().with_bias(), 3).unwrap();
        let theta = Array1::from_iter((0..15).map(|i| (i as f64) * 0.01));
        let batch = [3, 77, 140, 5];
        let mut g = Array1::zeros(15);
        let l = sm
            .batch_loss_and_gradient(&batch, theta.view(), g.view_mut())
            .unwrap();
        let mean = batch
            .iter()
            .map(|&i| sm.example_loss(i, theta.view()))
            .sum::<f64>()
            / 4.0;
        assert!((l - mean).abs() < 1e-15);
        assert!(sm
            .batch_loss_and_gradient(&[], theta.view(), g.view_mut())
            .is_err());
        let short = Array1::zeros(3);
        assert!(matches!(
            sm.batch_loss_and_gradient(&batch, short.view(), g.view_mut()),
            Err(Error::Dimension { .. })
        ));
    }

    #[test]
    fn exact_least_squares_is_stationary() {
        let ls = LeastSquares::new(iris().standardized().with_bias().select(&[0, 1, 2, 3]));
        let w = ls.solve_exact().unwrap();
        let g = ls.gradient(w.view());
        assert!(g.iter().all(|v| v.abs() < 1e-12));
    }

    #[test]
    fn least_squares_hessian_is_xtx_over_n() {
        let ls = LeastSquares::new(iris().standardized().with_bias().select(&[0, 1, 2, 3]));
        let w = Array1::from(vec![0.3, -0.1, 0.2, 0.4]);
        let h = ls.hessian(w.view()).unwrap();
        assert_eq!(h, ls.hessian_matrix());
        // Column j of H is the change of the gradient along e_j (exact: J is quadratic).
        for j in 0..4 {
            let mut up = w.clone();
            up[j] += 1.0;
            let col = ls.gradient(up.view()) - ls.gradient(w.view());
            for i in 0..4 {
                assert!((col[i] - h[(i, j)]).abs() < 1e-12, "H[{i},{j}]");
            }
        }
        // The other losses have no closed-form Hessian here.
        let sm = Softmax::new(iris().standardized().with_bias(), 3).unwrap();
        assert!(sm.hessian(Array1::zeros(15).view()).is_none());
    }
}
