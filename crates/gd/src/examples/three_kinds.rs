//! Three kinds of gradient descent, on real data: the iris regression, the
//! same η for batch, stochastic and mini-batch GD, and what their first update
//! sees.

use super::{vector, BATCH_SIZES, EPOCHS, LR, SEED, TARGET_FRACTION};
use crate::minibatch::{MiniBatchGd, Training};
use batching::LastBatch;
use ndarray::{Array1, Axis};
use optcore::error::check_positive;
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

fn variant_steps(kinds: &ThreeKinds) -> Result<Report> {
    let p = iris_regression()?;
    let runs = kinds.runs(&p)?;
    let mut report = Report::new();
    for run in &runs {
        let Some(row) = run.trace.rows.get(1) else {
            report = report.text(not_started(run));
            continue;
        };
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

/// A run's divergence limit: a run stops as diverged once $J(\theta_t)$
/// exceeds this times $J(\theta_0)$.
pub const DIVERGE_FACTOR: f64 = 1e6;

/// The most epochs [`ThreeKinds`] runs.
pub const MAX_EPOCHS: usize = 1000;

/// The experiment "three kinds of gradient descent, on real data": batch,
/// stochastic and mini-batch GD on the iris regression from $\theta_0 = 0$,
/// one run per batch size, the same η, epochs and seed for all.
#[derive(Clone, Debug, PartialEq)]
pub struct ThreeKinds {
    /// η of every run: a finite number > 0. Batch GD is stable below
    /// $2/\lambda_{\max}$ (the problem's table gives it); a run that passes
    /// [`DIVERGE_FACTOR`] · $J(\theta_0)$ stops there, its rows kept.
    pub lr: f64,
    /// The batch size $m$ of each run, in the order shown: each from 1 to
    /// $N = 150$ (150 is batch GD, 1 stochastic GD), at least one.
    pub batch_sizes: Vec<usize>,
    /// Passes over the data of every run: 1 to [`MAX_EPOCHS`].
    pub epochs: usize,
    /// The seed of the shuffles, one at the start of every epoch (any `u64`).
    pub seed: u64,
}

impl ThreeKinds {
    /// The notebook's values: η = [`LR`], [`BATCH_SIZES`], [`EPOCHS`], [`SEED`].
    pub fn lesson() -> ThreeKinds {
        ThreeKinds {
            lr: LR,
            batch_sizes: BATCH_SIZES.to_vec(),
            epochs: EPOCHS,
            seed: SEED,
        }
    }

    /// Every knob checked: η, the batch sizes (against $N$), the epochs.
    pub fn check(&self, n: usize) -> Result<()> {
        check_positive("lr", self.lr)?;
        if self.batch_sizes.is_empty() {
            return Err(Error::Empty {
                what: "the list of batch sizes `batch_sizes`",
            });
        }
        if let Some(&m) = self.batch_sizes.iter().find(|&&m| m == 0 || m > n) {
            return Err(Error::BatchSize {
                batch_size: m,
                len: n,
            });
        }
        if self.epochs == 0 || self.epochs > MAX_EPOCHS {
            return Err(Error::Hyperparameter {
                name: "epochs",
                value: self.epochs as f64,
                accepts: "a whole number of epochs from 1 to 1000",
            });
        }
        Ok(())
    }

    /// The runs, one per batch size, from $\theta_0 = 0$.
    pub fn runs(&self, p: &IrisRegression) -> Result<Vec<Training>> {
        self.check(p.loss.len())?;
        self.batch_sizes
            .iter()
            .map(|&m| {
                MiniBatchGd::new(self.lr, m, Some(self.seed), LastBatch::Keep)
                    .map(|gd| gd.diverge_above(DIVERGE_FACTOR * p.initial_loss))
                    .and_then(|gd| gd.train(&p.loss, p.start.view(), self.epochs))
            })
            .collect()
    }

    /// One update of each kind from $\theta_0 = 0$, with the numbers of the
    /// post's formulas: batch GD averages all N example gradients, stochastic GD
    /// uses one example $(x^{(i)}, y^{(i)})$, mini-batch GD averages m of them.
    /// For least squares the example gradient is $(w^\top x_i - y_i)\\,x_i$.
    pub fn variant_steps(&self) -> Result<Report> {
        variant_steps(self)
    }

    /// What each run's very first update sees: the batch, its gradient, and
    /// how well that gradient points along the full gradient $\nabla J(\theta_0)$.
    pub fn first_updates(&self) -> Result<Table> {
        first_updates(self)
    }
}

/// The line for a run that stopped before its first update.
fn not_started(run: &Training) -> String {
    let why = run
        .trace
        .stop
        .as_ref()
        .map_or_else(String::new, |e| format!(": {e}"));
    format!(
        "**{}** (m = {}): stopped before its first update{why}",
        run.variant, run.batch_size
    )
}

/// A run's legend label: `batch GD (m = 150)`.
pub(super) fn label(run: &Training) -> String {
    format!("{} (m = {})", run.variant, run.batch_size)
}

fn first_updates(kinds: &ThreeKinds) -> Result<Table> {
    let p = iris_regression()?;
    let full = p.loss.gradient(p.start.view());
    let mut t = Table::new(
        format!("the first update from θ₀ = 0 (η = {})", kinds.lr),
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
    for run in kinds.runs(&p)? {
        let Some(r1) = run.trace.rows.get(1) else {
            let mut row = vec![run.variant.into(), run.batch_size.into()];
            row.extend((0..6).map(|_| "".into()));
            t.push(row);
            continue;
        };
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
        for run in ThreeKinds::lesson().runs(&p).unwrap() {
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
        let sgd = ThreeKinds::lesson()
            .runs(&p)
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

    #[test]
    fn bad_knobs_are_typed_errors() {
        for bad in [
            ThreeKinds {
                lr: 0.0,
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                lr: f64::NAN,
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                batch_sizes: vec![],
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                batch_sizes: vec![10, 0],
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                batch_sizes: vec![151],
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                epochs: 0,
                ..ThreeKinds::lesson()
            },
            ThreeKinds {
                epochs: usize::MAX,
                ..ThreeKinds::lesson()
            },
        ] {
            assert!(bad.variant_steps().is_err(), "{bad:?}");
            assert!(bad.first_updates().is_err(), "{bad:?}");
            assert!(bad.comparison().is_err(), "{bad:?}");
            assert!(bad.loss_per_update().is_err(), "{bad:?}");
            assert!(bad.loss_per_update_series().is_err(), "{bad:?}");
            assert!(bad.loss_per_epoch_series().is_err(), "{bad:?}");
        }
        // A train asked for more updates than a trace holds is refused up front.
        let p = iris_regression().unwrap();
        let gd = MiniBatchGd::new(0.1, 1, None, LastBatch::Keep).unwrap();
        assert!(matches!(
            gd.train(&p.loss, p.start.view(), usize::MAX),
            Err(Error::Steps { .. })
        ));
    }

    #[test]
    fn other_settings_run_and_a_diverging_one_says_so() {
        let other = ThreeKinds {
            lr: 0.02,
            batch_sizes: vec![50, 7],
            epochs: 3,
            seed: 1,
        };
        let text = other.comparison().unwrap().to_string();
        assert!(text.contains("same η = 0.02, 3 epochs, seed 1"), "{text}");
        // No m = 1 run: no column of the one-example loss.
        let t = other.loss_per_update().unwrap();
        assert_eq!(t.header.len(), 3);
        other.variant_steps().unwrap();
        other.first_updates().unwrap();
        other.loss_per_update_series().unwrap();
        other.loss_per_epoch_series().unwrap();
        let wild = ThreeKinds {
            lr: 5.0,
            ..ThreeKinds::lesson()
        };
        let text = wild.comparison().unwrap().to_string();
        assert!(text.contains("stopped: diverged at step"), "{text}");
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
        for shown in [
            wild.variant_steps().unwrap().to_string(),
            wild.first_updates().unwrap().to_string(),
            wild.loss_per_update().unwrap().to_string(),
        ] {
            assert!(!shown.contains("NaN"), "{shown}");
        }
    }
}
