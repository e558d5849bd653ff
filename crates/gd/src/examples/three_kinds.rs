//! Three kinds of gradient descent, on real data: the iris regression, the
//! same η for batch, stochastic and mini-batch GD, and what their first update
//! sees.

use super::{vector, BATCH_SIZES, EPOCHS, LR, SEED, TARGET_FRACTION};
use crate::minibatch::{MiniBatchGd, Training};
use batching::LastBatch;
use ndarray::{Array1, Axis};
use optcore::linalg::{cosine, eigenvalue_range, norm};
use optcore::measure::step_record;
use optcore::render::fmt_num;
use optcore::{iris, Dataset, Error, ExampleLoss, LeastSquares, Objective, Report, Result, Table};

/// The iris regression: petal width from standardized sepal length, sepal width
/// and petal length, with a leading bias column of ones.
pub fn iris_petal_width() -> Result<LeastSquares> {
    let raw = iris();
    let inputs = Dataset::new(
        "iris",
        raw.feature_names[..3].to_vec(),
        raw.features.select(Axis(1), &[0, 1, 2]),
        raw.features.column(3).to_owned(),
    )?;
    let mut data = inputs.standardized().with_bias();
    data.name =
        "iris: petal width ~ 1 + sepal length + sepal width + petal length (standardized)".into();
    Ok(LeastSquares::new(data))
}

/// The iris regression as the comparison measures against it: the data loss,
/// the start $\theta_0 = 0$, the exact optimum and the curvature.
#[derive(Debug, Clone, PartialEq)]
pub struct IrisRegression {
    pub loss: LeastSquares,
    pub start: Array1<f64>,
    /// $w^\*$ from the normal equations.
    pub optimum: Array1<f64>,
    /// $J(\theta_0)$.
    pub initial_loss: f64,
    /// $J^\* = J(w^\*)$.
    pub optimal_loss: f64,
    /// $J^\* + 1\%\\,(J(\theta_0) - J^\*)$.
    pub target: f64,
    /// Eigenvalues of $H = \frac1N X^\top X$.
    pub lambda_min: f64,
    pub lambda_max: f64,
}

impl IrisRegression {
    /// The largest stable batch-GD learning rate, $2/\lambda_{\max}$.
    pub fn max_stable_lr(&self) -> f64 {
        2.0 / self.lambda_max
    }

    /// The problem as the notebook introduces it.
    pub fn report(&self) -> Report {
        let names = self.loss.data.feature_names.join(", ");
        let mut t = Table::new("the problem in numbers", &["quantity", "value"]);
        t.push(vec!["examples N".into(), self.loss.len().into()]);
        t.push(vec![
            "parameters (bias + 3 weights)".into(),
            self.loss.num_params().into(),
        ]);
        t.push(vec!["J(θ₀) at θ₀ = 0".into(), self.initial_loss.into()]);
        t.push(vec!["J* = J(w*)".into(), self.optimal_loss.into()]);
        t.push(vec![
            "target J* + 1% (J(θ₀) − J*)".into(),
            self.target.into(),
        ]);
        t.push(vec!["λ_min of H = XᵀX / N".into(), self.lambda_min.into()]);
        t.push(vec!["λ_max of H".into(), self.lambda_max.into()]);
        t.push(vec![
            "condition number λ_max / λ_min".into(),
            (self.lambda_max / self.lambda_min).into(),
        ]);
        t.push(vec![
            "largest stable batch lr 2 / λ_max".into(),
            self.max_stable_lr().into(),
        ]);
        Report::new()
            .text(format!(
                "**Data**: {}. Columns of $X$: {names}; target $y$: petal width (cm).\n\n\
                 $J(w) = \\frac{{1}}{{N}}\\sum_{{i=1}}^{{N}} \\tfrac12 (w^\\top x_i - y_i)^2$, \
                 exact optimum from the normal equations $X^\\top X w^* = X^\\top y$: \
                 $w^* = {}$.",
                self.loss.data.name,
                vector(self.optimum.view())
            ))
            .table(t)
    }
}

/// The iris regression, its optimum, target loss and curvature (the
/// eigenvalues of $H = \frac1N X^\top X$, [`LeastSquares::hessian_matrix`]).
pub fn iris_regression() -> Result<IrisRegression> {
    let loss = iris_petal_width()?;
    let start = Array1::zeros(loss.num_params());
    let optimum = loss.solve_exact().ok_or(Error::Empty {
        what: "the exact minimiser (XᵀX is not positive definite, so the normal equations have no unique solution)",
    })?;
    let initial_loss = loss.value(start.view());
    let optimal_loss = loss.value(optimum.view());
    let target = optimal_loss + TARGET_FRACTION * (initial_loss - optimal_loss);
    let (lambda_min, lambda_max) = eigenvalue_range(&loss.hessian_matrix())?;
    Ok(IrisRegression {
        loss,
        start,
        optimum,
        initial_loss,
        optimal_loss,
        target,
        lambda_min,
        lambda_max,
    })
}

/// One update of each kind from $\theta_0 = 0$, with the numbers of the post's
/// formulas: batch GD averages all N example gradients, stochastic GD uses one
/// example $(x^{(i)}, y^{(i)})$, mini-batch GD averages m of them. For least
/// squares the example gradient is $(w^\top x_i - y_i)\\,x_i$.
pub fn variant_steps() -> Result<Report> {
    let p = iris_regression()?;
    let runs = runs(&p)?;
    let mut report = Report::new();
    for run in &runs {
        let row = &run.trace.rows[1];
        let rec = step_record(row)?;
        let b = &run.batches[0];
        let text = if run.batch_size == 1 {
            let i = b[0];
            let x = p.loss.data.features.row(i);
            let y = p.loss.data.targets[i];
            let pred: f64 = x.iter().zip(p.start.iter()).map(|(a, w)| a * w).sum();
            format!(
                concat!(
                    r"**{}** (m = 1): the update uses example $i = {i}$ only: ",
                    r"$x^{{({i})}} = {}$, $y^{{({i})}} = {}$, prediction $w^\top x = {}$, ",
                    r"$\nabla_\theta J(\theta_0; x^{{({i})}}, y^{{({i})}}) = ({} - {})\,x^{{({i})}} = {}$",
                    "\n\n",
                    r"$$\theta_1 = \theta_0 - {}\cdot{} = {}, \quad J(\theta_1) = {}$$"
                ),
                run.variant,
                vector(x),
                fmt_num(y),
                fmt_num(pred),
                fmt_num(pred),
                fmt_num(y),
                vector(rec.grad.view()),
                fmt_num(run.lr),
                vector(rec.grad.view()),
                vector(row.theta.view()),
                fmt_num(row.loss),
                i = i
            )
        } else {
            format!(
                concat!(
                    r"**{}** (m = {}): $g_1 = \frac{{1}}{{{}}}\sum_{{i \in B_1}} (w^\top x_i - y_i)\,x_i = {}$ ",
                    r"({} per-example gradients for one update)",
                    "\n\n",
                    r"$$\theta_1 = \theta_0 - {}\cdot{} = {}, \quad J(\theta_1) = {}$$"
                ),
                run.variant,
                run.batch_size,
                b.len(),
                vector(rec.grad.view()),
                b.len(),
                fmt_num(run.lr),
                vector(rec.grad.view()),
                vector(row.theta.view()),
                fmt_num(row.loss)
            )
        };
        report = report.text(text);
    }
    Ok(report)
}

/// The four runs of the comparison: batch sizes [`BATCH_SIZES`], the same
/// η = [`LR`], [`EPOCHS`] epochs and seed, from $\theta_0 = 0$.
pub fn runs(p: &IrisRegression) -> Result<Vec<Training>> {
    BATCH_SIZES
        .iter()
        .map(|&m| {
            MiniBatchGd::new(LR, m, Some(SEED), LastBatch::Keep)
                .and_then(|gd| gd.train(&p.loss, p.start.view(), EPOCHS))
        })
        .collect()
}

/// A run's legend label: `batch GD (m = 150)`.
pub(super) fn label(run: &Training) -> String {
    format!("{} (m = {})", run.variant, run.batch_size)
}

/// What each variant's very first update sees: the batch, its gradient, and how
/// well that gradient points along the full gradient $\nabla J(\theta_0)$.
pub fn first_updates() -> Result<Table> {
    let p = iris_regression()?;
    let full = p.loss.gradient(p.start.view());
    let mut t = Table::new(
        format!("the first update from θ₀ = 0 (η = {LR})"),
        &[
            "variant",
            "m",
            "first examples of B₁",
            "L(B₁)",
            "‖g₁‖",
            "‖∇J(θ₀)‖",
            "cos(g₁, ∇J(θ₀))",
            "J(θ₁)",
        ],
    );
    for run in runs(&p)? {
        let r1 = &run.trace.rows[1];
        let rec = step_record(r1)?;
        let g = rec.grad.view();
        let cos = cosine(g, full.view());
        let b = &run.batches[0];
        let shown: Vec<String> = b.iter().take(3).map(|i| i.to_string()).collect();
        let more = if b.len() > 3 {
            format!(", … ({} in all)", b.len())
        } else {
            String::new()
        };
        t.push(vec![
            run.variant.into(),
            run.batch_size.into(),
            format!("{}{more}", shown.join(", ")).into(),
            rec.seen_loss.into(),
            norm(g).into(),
            norm(full.view()).into(),
            cos.into(),
            r1.loss.into(),
        ]);
    }
    Ok(t.with_note("cos = 1 means the batch gradient points exactly along the full gradient"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_eigenvalues_bound_the_curvature() {
        // J is quadratic, so H v = ∇J(w + v) − ∇J(w) exactly (up to rounding), and
        // every Rayleigh quotient vᵀHv / vᵀv lies in [λ_min, λ_max].
        let p = iris_regression().unwrap();
        let w = p.optimum.clone();
        for k in 0..4 {
            let v = Array1::from_iter((0..4).map(|j| if j == k { 1.0 } else { 0.1 * j as f64 }));
            let hv = p.loss.gradient((&w + &v).view()) - p.loss.gradient(w.view());
            let rayleigh = v.dot(&hv) / v.dot(&v);
            assert!(p.lambda_min - 1e-12 <= rayleigh && rayleigh <= p.lambda_max + 1e-12);
        }
        assert!(0.0 < p.lambda_min && p.lambda_min < p.lambda_max);
    }

    #[test]
    fn the_optimum_is_optimal_and_the_target_between() {
        let p = iris_regression().unwrap();
        assert!(p
            .loss
            .gradient(p.optimum.view())
            .iter()
            .all(|g| g.abs() < 1e-12));
        assert!(p.optimal_loss < p.target && p.target < p.initial_loss);
        for run in runs(&p).unwrap() {
            assert!(run.trace.rows.iter().all(|r| r.loss >= p.optimal_loss));
            assert_eq!(run.evaluations_per_epoch(), 150);
        }
        // The stability limit: just below 2/λ_max batch GD converges, just above it does not.
        let n = p.loss.len();
        let below = MiniBatchGd::new(0.99 * p.max_stable_lr(), n, None, LastBatch::Keep)
            .unwrap()
            .train(&p.loss, p.start.view(), 400)
            .unwrap();
        assert!(below.trace.last().loss < p.target);
        let above = MiniBatchGd::new(1.01 * p.max_stable_lr(), n, None, LastBatch::Keep)
            .unwrap()
            .train(&p.loss, p.start.view(), 400)
            .unwrap();
        assert!(above.trace.last().loss > p.initial_loss);
    }

    #[test]
    fn the_one_example_step_is_the_post_formula() {
        let p = iris_regression().unwrap();
        let sgd = runs(&p)
            .unwrap()
            .into_iter()
            .find(|r| r.batch_size == 1)
            .unwrap();
        let i = sgd.batches[0][0];
        let x = p.loss.data.features.row(i);
        let y = p.loss.data.targets[i];
        // θ₁ = θ₀ − η (w·x − y) x with θ₀ = 0.
        let expect: Vec<f64> = x.iter().map(|xj| 0.0 - LR * ((0.0 - y) * xj)).collect();
        assert_eq!(sgd.trace.rows[1].theta.to_vec(), expect);
    }
}
