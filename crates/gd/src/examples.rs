//! The worked examples of the Gradient Descent notebook. Each function returns a
//! value that renders itself (a [`Report`] or [`Table`]) or the series a plot
//! draws; `tests/snapshots.rs` pins every one of them.
//!
//! The data problem: predict an iris flower's petal width (cm) from its
//! standardized sepal length, sepal width and petal length, plus a bias, by least
//! squares,
//!
//! $$J(w) = \frac{1}{N}\sum_{i=1}^{N} \tfrac12 (w^\top x_i - y_i)^2, \qquad N = 150.$$
//!
//! Its Hessian is the constant $H = \frac1N X^\top X$, so gradient descent with
//! the full batch is stable exactly when $\eta < 2/\lambda_{\max}(H)$.

use crate::minibatch::{MiniBatchGd, Training};
use crate::Sgd;
use batching::LastBatch;
use ndarray::{Array1, Array2, ArrayView1, Axis};
use optcore::render::{fmt_num, fmt_sig};
use optcore::{iris, run, Dataset, ExampleLoss, LeastSquares, Objective, Quadratic, Report, Table};
use optcore::{Convention, Optimizer};

/// Seed of every shuffle in these examples.
pub const SEED: u64 = 42;
/// Learning rate shared by every variant in the comparison.
pub const LR: f64 = 0.05;
/// Passes over the data in the comparison.
pub const EPOCHS: usize = 30;
/// The comparison's batch sizes: batch GD (N = 150), stochastic GD, two mini-batches.
pub const BATCH_SIZES: [usize; 4] = [150, 1, 10, 30];
/// The target loss is $J^\* + \text{TARGET\_FRACTION}\cdot(J(\theta_0) - J^\*)$.
pub const TARGET_FRACTION: f64 = 0.01;
/// Batch GD learning rates of the sensitivity study: too small, good, too large.
pub const SENSITIVITY_LRS: [f64; 3] = [0.01, 0.5, 1.1];
/// Updates of the sensitivity study.
pub const SENSITIVITY_UPDATES: usize = 60;
/// The reference case of the hand-worked steps: $0.1x^2 + 2y^2$ from $(-5, -2)$.
pub const QUADRATIC_START: [f64; 2] = [-5.0, -2.0];
/// Learning rates of the paths drawn on the quadratic's contours.
pub const QUADRATIC_LRS: [f64; 3] = [0.1, 0.4, 0.51];
/// Steps of those paths.
pub const QUADRATIC_STEPS: usize = 12;

/// The iris regression: petal width from standardized sepal length, sepal width
/// and petal length, with a leading bias column of ones.
pub fn iris_petal_width() -> LeastSquares {
    let raw = iris();
    let inputs = Dataset::new(
        "iris",
        raw.feature_names[..3].to_vec(),
        raw.features.select(Axis(1), &[0, 1, 2]),
        raw.features.column(3).to_owned(),
    )
    .expect("iris has 150 rows of 4 measurements");
    let mut data = inputs.standardized().with_bias();
    data.name =
        "iris: petal width ~ 1 + sepal length + sepal width + petal length (standardized)".into();
    LeastSquares::new(data)
}

/// The Hessian $H = \frac1N X^\top X$ of a least-squares loss, summed with plain
/// loops in example order (the same bits on every machine).
pub fn hessian(loss: &LeastSquares) -> Array2<f64> {
    let x = &loss.data.features;
    let (n, d) = x.dim();
    let mut h = Array2::zeros((d, d));
    for i in 0..n {
        for a in 0..d {
            for b in 0..d {
                h[(a, b)] += x[(i, a)] * x[(i, b)];
            }
        }
    }
    h.mapv_inplace(|v| v / n as f64);
    h
}

/// The largest eigenvalue of a symmetric positive semi-definite matrix by power
/// iteration (plain loops, a fixed number of rounds, then the Rayleigh quotient).
pub fn largest_eigenvalue(a: &Array2<f64>) -> f64 {
    let d = a.nrows();
    let mut v = Array1::from_elem(d, 1.0);
    let mut w = Array1::zeros(d);
    let matvec = |v: &Array1<f64>, w: &mut Array1<f64>| {
        for i in 0..d {
            let mut s = 0.0;
            for j in 0..d {
                s += a[(i, j)] * v[j];
            }
            w[i] = s;
        }
    };
    for _ in 0..2000 {
        matvec(&v, &mut w);
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm == 0.0 {
            return 0.0;
        }
        v.zip_mut_with(&w, |vi, wi| *vi = wi / norm);
    }
    matvec(&v, &mut w);
    let vav: f64 = v.iter().zip(w.iter()).map(|(a, b)| a * b).sum();
    let vv: f64 = v.iter().map(|x| x * x).sum();
    vav / vv
}

/// $(\lambda_{\min}, \lambda_{\max})$ of a symmetric positive semi-definite
/// matrix: $\lambda_{\min} = \lambda_{\max} - \lambda_{\max}(\lambda_{\max} I - A)$.
pub fn eigenvalue_range(a: &Array2<f64>) -> (f64, f64) {
    let top = largest_eigenvalue(a);
    let mut shifted = a.mapv(|v| -v);
    for i in 0..a.nrows() {
        shifted[(i, i)] += top;
    }
    (top - largest_eigenvalue(&shifted), top)
}

fn distance(a: ArrayView1<f64>, b: ArrayView1<f64>) -> f64 {
    a.iter()
        .zip(b.iter())
        .map(|(x, y)| (x - y) * (x - y))
        .sum::<f64>()
        .sqrt()
}

fn vector(v: ArrayView1<f64>) -> String {
    let parts: Vec<String> = v.iter().map(|x| fmt_num(*x)).collect();
    format!("({})", parts.join(", "))
}

/// Everything the comparison measures against: the data loss, the start
/// $\theta_0 = 0$, the exact optimum and the curvature.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub loss: LeastSquares,
    pub start: Array1<f64>,
    /// $w^\*$ from the normal equations.
    pub optimum: Array1<f64>,
    /// $J(\theta_0)$.
    pub initial_loss: f64,
    /// $J^\* = J(w^\*)$.
    pub optimal_loss: f64,
    /// $J^\* + 1\%\,(J(\theta_0) - J^\*)$.
    pub target: f64,
    /// Eigenvalues of $H = \frac1N X^\top X$.
    pub lambda_min: f64,
    pub lambda_max: f64,
}

impl Problem {
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

/// The iris regression, its optimum, target loss and curvature.
pub fn problem() -> Problem {
    let loss = iris_petal_width();
    let start = Array1::zeros(loss.num_params());
    let optimum = loss
        .solve_exact()
        .expect("XᵀX of the standardized iris features is positive definite");
    let initial_loss = loss.value(start.view());
    let optimal_loss = loss.value(optimum.view());
    let target = optimal_loss + TARGET_FRACTION * (initial_loss - optimal_loss);
    let (lambda_min, lambda_max) = eigenvalue_range(&hessian(&loss));
    Problem {
        loss,
        start,
        optimum,
        initial_loss,
        optimal_loss,
        target,
        lambda_min,
        lambda_max,
    }
}

/// (a) The update rule $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t)$
/// stepped by hand twice on the reference quadratic $0.1x^2 + 2y^2$ from
/// $(-5, -2)$ with $\eta = 0.4$ (the reference case `pytorch-sgd-quadratic`).
pub fn hand_steps() -> Report {
    let lr = 0.4;
    let q = Quadratic::reference();
    let mut theta = Array1::from(QUADRATIC_START.to_vec());
    let mut t = Table::new(
        format!("two steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = {lr}"),
        &[
            "t",
            "x_t",
            "y_t",
            "J(θ_t)",
            "∂J/∂x",
            "∂J/∂y",
            "η·∂J/∂x",
            "η·∂J/∂y",
            "x_t+1",
            "y_t+1",
            "J(θ_t+1)",
        ],
    );
    let mut lines = Vec::new();
    for step in 0..2usize {
        let g = q.gradient(theta.view());
        let eg = g.mapv(|v| lr * v);
        let next = &theta - &eg;
        t.push(vec![
            step.into(),
            theta[0].into(),
            theta[1].into(),
            q.value(theta.view()).into(),
            g[0].into(),
            g[1].into(),
            eg[0].into(),
            eg[1].into(),
            next[0].into(),
            next[1].into(),
            q.value(next.view()).into(),
        ]);
        lines.push(format!(
            "$$\\theta_{} = \\theta_{} - \\eta\\nabla J(\\theta_{}) = {} - {}\\cdot{} = {}$$",
            step + 1,
            step,
            step,
            vector(theta.view()),
            fmt_num(lr),
            vector(g.view()),
            vector(next.view())
        ));
        theta = next;
    }
    Report::new().text(lines.join("\n\n")).table(t)
}

/// One update of each kind from $\theta_0 = 0$, with the numbers of the post's
/// formulas: batch GD averages all N example gradients, stochastic GD uses one
/// example $(x^{(i)}, y^{(i)})$, mini-batch GD averages m of them. For least
/// squares the example gradient is $(w^\top x_i - y_i)\,x_i$.
pub fn variant_steps() -> Report {
    let p = problem();
    let runs = runs(&p);
    let mut report = Report::new();
    for run in &runs {
        let row = &run.trace.rows[1];
        let rec = row.record.as_ref().expect("row 1 has a record");
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
    report
}

/// The four runs of the comparison: batch sizes [`BATCH_SIZES`], the same
/// η = [`LR`], [`EPOCHS`] epochs and seed, from $\theta_0 = 0$.
pub fn runs(p: &Problem) -> Vec<Training> {
    BATCH_SIZES
        .iter()
        .map(|&m| {
            MiniBatchGd::new(LR, m, Some(SEED), LastBatch::Keep)
                .and_then(|gd| gd.train(&p.loss, p.start.view(), EPOCHS))
                .expect("the comparison's settings are valid")
        })
        .collect()
}

fn label(run: &Training) -> String {
    format!("{} (m = {})", run.variant, run.batch_size)
}

/// What each variant's very first update sees: the batch, its gradient, and how
/// well that gradient points along the full gradient $\nabla J(\theta_0)$.
pub fn first_updates() -> Table {
    let p = problem();
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
    let norm = |v: ArrayView1<f64>| v.iter().map(|x| x * x).sum::<f64>().sqrt();
    for run in runs(&p) {
        let r1 = &run.trace.rows[1];
        let rec = r1.record.as_ref().expect("row 1 has a record");
        let g = rec.grad.view();
        let cos = g.iter().zip(full.iter()).map(|(a, b)| a * b).sum::<f64>()
            / (norm(g) * norm(full.view()));
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
    t.with_note("cos = 1 means the batch gradient points exactly along the full gradient")
}

/// (b) The comparison: updates and gradient evaluations per epoch, the loss after
/// each epoch, the cost of reaching the target loss, the distance to $w^\*$.
pub fn comparison() -> Report {
    let p = problem();
    let runs = runs(&p);
    let mut summary = Table::new(
        format!(
            "same η = {LR}, {EPOCHS} epochs, seed {SEED}, θ₀ = 0; target J = {}",
            fmt_num(p.target)
        ),
        &[
            "variant",
            "m",
            "updates / epoch",
            "gradient evals / epoch",
            "updates to target",
            "gradient evals to target",
            "epochs to target",
            "updates that raised J",
            "final J(θ)",
            "final ‖θ − w*‖",
        ],
    );
    for run in &runs {
        let last = run.trace.last();
        let (updates, evals, epochs) = match run.first_below(p.target) {
            Some(r) => (
                r.t.to_string(),
                r.gradient_evaluations.to_string(),
                fmt_sig(r.gradient_evaluations as f64 / run.examples as f64, 4),
            ),
            None => (
                "not reached".into(),
                "not reached".into(),
                "not reached".into(),
            ),
        };
        summary.push(vec![
            run.variant.into(),
            run.batch_size.into(),
            run.updates_per_epoch.into(),
            run.evaluations_per_epoch().into(),
            updates.into(),
            evals.into(),
            epochs.into(),
            run.trace
                .rows
                .windows(2)
                .filter(|w| w[1].loss > w[0].loss)
                .count()
                .into(),
            last.loss.into(),
            distance(last.theta.view(), p.optimum.view()).into(),
        ]);
    }
    let mut header = vec!["epoch".to_string()];
    header.extend(runs.iter().map(label));
    let mut per_epoch = Table::with_header("J(θ) at the end of each epoch", header);
    let losses: Vec<Vec<f64>> = runs.iter().map(Training::epoch_losses).collect();
    for k in 0..=EPOCHS {
        let mut row = vec![k.into()];
        row.extend(losses.iter().map(|l| l[k].into()));
        per_epoch.push(row);
    }
    let batch = batch_gd_to_target(&p);
    let batch_note = match batch.first_below(p.target) {
        Some(r) => format!(
            "Run on past {EPOCHS} epochs with the same η = {LR}, batch GD reaches the target after \
             {} updates = {} gradient evaluations ({} epochs).",
            r.t,
            r.gradient_evaluations,
            r.t
        ),
        None => format!(
            "Batch GD with the same η does not reach the target in {BATCH_GD_MAX_UPDATES} updates."
        ),
    };
    Report::new()
        .text(format!(
            "$J^* = {}$, $J(\\theta_0) = {}$; \"to target\" is the first update whose full loss \
             is at most $J^* + 1\\%\\,(J(\\theta_0) - J^*) = {}$.",
            fmt_num(p.optimal_loss),
            fmt_num(p.initial_loss),
            fmt_num(p.target)
        ))
        .table(summary)
        .text(batch_note)
        .table(per_epoch)
}

/// Updates batch GD is given in [`batch_gd_to_target`].
pub const BATCH_GD_MAX_UPDATES: usize = 1000;

/// Batch GD with the comparison's η, run until it reaches the target loss (at
/// most [`BATCH_GD_MAX_UPDATES`] updates; one update per epoch).
pub fn batch_gd_to_target(p: &Problem) -> Training {
    let gd =
        MiniBatchGd::new(LR, p.loss.len(), Some(SEED), LastBatch::Keep).expect("valid settings");
    let full = gd
        .train(&p.loss, p.start.view(), BATCH_GD_MAX_UPDATES)
        .expect("valid settings");
    let end = full
        .first_below(p.target)
        .map(|r| r.t)
        .unwrap_or(BATCH_GD_MAX_UPDATES);
    Training {
        epochs: end,
        trace: optcore::Trace {
            rows: full.trace.rows[..=end].to_vec(),
            ..full.trace.clone()
        },
        batches: full.batches[..end].to_vec(),
        ..full
    }
}

/// Number of updates plotted per variant in [`loss_per_update_series`]: one
/// epoch of SGD.
pub fn updates_shown(p: &Problem) -> usize {
    p.loss.len()
}

/// Updates listed in [`loss_per_update`]: one epoch of the m = 10 mini-batch.
pub const UPDATES_LISTED: usize = 15;

/// (c) The full loss $J(\theta_t)$ for the first updates of each variant (batch
/// GD has made only one update per epoch), and the one-example loss SGD saw.
pub fn loss_per_update() -> Table {
    let p = problem();
    let runs = runs(&p);
    let shown = UPDATES_LISTED;
    let mut header = vec!["t".to_string()];
    header.extend(runs.iter().map(label));
    header.push("stochastic GD: L(x⁽ⁱ⁾) its update saw".into());
    let mut t = Table::with_header(
        format!("J(θ_t) per update t, first {shown} updates"),
        header,
    );
    let sgd = runs
        .iter()
        .find(|r| r.batch_size == 1)
        .expect("m = 1 is compared");
    for step in 0..=shown {
        let mut row = vec![step.into()];
        for run in &runs {
            row.push(match run.trace.rows.get(step) {
                Some(r) => r.loss.into(),
                None => "".into(),
            });
        }
        row.push(
            match sgd.trace.rows.get(step).and_then(|r| r.record.as_ref()) {
                Some(rec) => rec.seen_loss.into(),
                None => "".into(),
            },
        );
        t.push(row);
    }
    t
}

/// Flat lines at $J^\*$ and at the target loss from $x = 0$ to `x_end`, drawn
/// with the loss curves.
pub fn level_lines(p: &Problem, x_end: f64) -> Vec<(String, Vec<(f64, f64)>)> {
    vec![
        (
            "J* (exact optimum)".into(),
            vec![(0.0, p.optimal_loss), (x_end, p.optimal_loss)],
        ),
        ("target".into(), vec![(0.0, p.target), (x_end, p.target)]),
    ]
}

/// (c) as plot series: (t, J(θ_t)) for t ≤ N, one series per variant, batch GD
/// last (drawn on top: its few points lie on the others' curve), then the
/// [`level_lines`].
pub fn loss_per_update_series() -> Vec<(String, Vec<(f64, f64)>)> {
    let p = problem();
    let shown = updates_shown(&p);
    let mut runs = runs(&p);
    runs.sort_by_key(|r| r.batch_size == p.loss.len());
    let mut series: Vec<_> = runs
        .iter()
        .map(|r| {
            (
                label(r),
                r.loss_per_update().into_iter().take(shown + 1).collect(),
            )
        })
        .collect();
    series.extend(level_lines(&p, shown as f64));
    series
}

/// (b) as plot series: (epochs = gradient evaluations / N, J(θ)) for every
/// update, then the [`level_lines`].
pub fn loss_per_epoch_series() -> Vec<(String, Vec<(f64, f64)>)> {
    let p = problem();
    let mut series: Vec<_> = runs(&p)
        .iter()
        .map(|r| (label(r), r.loss_per_epoch()))
        .collect();
    series.extend(level_lines(&p, EPOCHS as f64));
    series
}

/// The sensitivity runs: batch GD with each of [`SENSITIVITY_LRS`], stopping
/// with a typed `Diverged` error once the loss passes 100·J(θ₀).
pub fn sensitivity_runs(p: &Problem) -> Vec<Training> {
    let n = p.loss.len();
    SENSITIVITY_LRS
        .iter()
        .map(|&lr| {
            MiniBatchGd::new(lr, n, Some(SEED), LastBatch::Keep)
                .map(|gd| gd.diverge_above(100.0 * p.initial_loss))
                .and_then(|gd| gd.train(&p.loss, p.start.view(), SENSITIVITY_UPDATES))
                .expect("the sensitivity settings are valid")
        })
        .collect()
}

/// (d) Batch GD's learning-rate sensitivity: too small, good, above $2/\lambda_{\max}$.
pub fn lr_sensitivity() -> Report {
    let p = problem();
    let mut t = Table::new(
        format!("batch GD, {SENSITIVITY_UPDATES} updates from θ₀ = 0"),
        &[
            "η",
            "η·λ_max",
            "updates run",
            "J after 10",
            "final J(θ)",
            "updates to target",
            "how it ended",
        ],
    );
    for run in sensitivity_runs(&p) {
        let last = run.trace.last();
        let at10 = run
            .trace
            .rows
            .get(10)
            .map(|r| r.loss.into())
            .unwrap_or_else(|| "".into());
        let reached = run
            .first_below(p.target)
            .map(|r| r.t.to_string())
            .unwrap_or_else(|| "not reached".into());
        let ended = match &run.trace.stop {
            Some(e) => format!("Err: {e}"),
            None => "finished".into(),
        };
        t.push(vec![
            run.lr.into(),
            (run.lr * p.lambda_max).into(),
            last.t.into(),
            at10,
            last.loss.into(),
            reached.into(),
            ended.into(),
        ]);
    }
    Report::new()
        .text(format!(
            "Batch GD on this quadratic loss contracts along each eigenvector of $H$ by \
             $|1 - \\eta\\lambda|$ per update, so it is stable only for \
             $\\eta < 2/\\lambda_{{\\max}} = 2/{} = {}$ (target $J = {}$).",
            fmt_num(p.lambda_max),
            fmt_num(p.max_stable_lr()),
            fmt_num(p.target)
        ))
        .table(t)
}

/// (d) as plot series: (t, J(θ_t)) of each sensitivity run, until it stopped,
/// then the [`level_lines`].
pub fn lr_sensitivity_series() -> Vec<(String, Vec<(f64, f64)>)> {
    let p = problem();
    let mut series: Vec<_> = sensitivity_runs(&p)
        .iter()
        .map(|r| (format!("η = {}", r.lr), r.loss_per_update()))
        .collect();
    series.extend(level_lines(&p, SENSITIVITY_UPDATES as f64));
    series
}

/// Plain GD on the reference quadratic from [`QUADRATIC_START`] with each of
/// [`QUADRATIC_LRS`]: (label, path) for a contour plot.
pub fn quadratic_paths() -> Vec<(String, Vec<(f64, f64)>)> {
    let start = Array1::from(QUADRATIC_START.to_vec());
    QUADRATIC_LRS
        .iter()
        .map(|&lr| {
            let tr = Sgd {
                lr,
                ..Sgd::defaults(Convention::Paper)
            }
            .validated()
            .and_then(|opt| run(&opt, Quadratic::reference(), start.view(), QUADRATIC_STEPS))
            .expect("the quadratic settings are valid");
            (format!("η = {lr}"), tr.path2())
        })
        .collect()
}

/// The paths of [`quadratic_paths`] as a table (x, y per step and lr).
pub fn quadratic_paths_table() -> Table {
    let paths = quadratic_paths();
    let mut header = vec!["t".to_string()];
    for (l, _) in &paths {
        header.push(format!("x ({l})"));
        header.push(format!("y ({l})"));
    }
    let q = Quadratic::reference();
    let h = q
        .hessian(Array1::zeros(2).view())
        .expect("a quadratic knows its Hessian");
    let (lo, hi) = (h[(0, 0)].min(h[(1, 1)]), h[(0, 0)].max(h[(1, 1)]));
    let mut t = Table::with_header(
        format!(
            "GD on 0.1x² + 2y² from (-5, -2): Hessian eigenvalues {} and {}, stable for η < 2/{} = {}",
            fmt_num(lo),
            fmt_num(hi),
            fmt_num(hi),
            fmt_num(2.0 / hi)
        ),
        header,
    );
    for step in 0..=QUADRATIC_STEPS {
        let mut row = vec![step.into()];
        for (_, path) in &paths {
            row.push(path[step].0.into());
            row.push(path[step].1.into());
        }
        t.push(row);
    }
    t
}

/// Bad settings and what they return: typed errors with one-line messages,
/// never a panic.
pub fn refusals() -> Table {
    let p = problem();
    let n = p.loss.len();
    let mut t = Table::new("bad settings are refused", &["setting", "result"]);
    let cases: [(String, f64, usize); 4] = [
        ("batch size m = 0".into(), LR, 0),
        (format!("batch size m = {} > N = {n}", n + 1), LR, n + 1),
        ("η = 0".into(), 0.0, 10),
        ("η = -0.1".into(), -0.1, 10),
    ];
    for (what, lr, m) in cases {
        let result = MiniBatchGd::new(lr, m, Some(SEED), LastBatch::Keep)
            .and_then(|gd| gd.train(&p.loss, p.start.view(), 1));
        let text = match result {
            Ok(_) => "Ok".to_string(),
            Err(e) => format!("Err: {e}"),
        };
        t.push(vec![what.into(), text.into()]);
    }
    t
}

/// Plot series as stable text (label, then one `x y` line per point), for
/// snapshots of what a chart draws.
pub fn series_text(series: &[(String, Vec<(f64, f64)>)]) -> String {
    let mut s = String::new();
    for (label, points) in series {
        s.push_str(&format!("{label}: {} points\n", points.len()));
        for (x, y) in points {
            s.push_str(&format!("{} {}\n", fmt_num(*x), fmt_num(*y)));
        }
    }
    s
}

/// Plot series summarized: points, first and last point, lowest y.
pub fn series_summary(title: &str, series: &[(String, Vec<(f64, f64)>)]) -> Table {
    let mut t = Table::new(
        title,
        &[
            "series", "points", "first x", "first y", "last x", "last y", "min y",
        ],
    );
    for (label, points) in series {
        let (fx, fy) = points.first().copied().unwrap_or((f64::NAN, f64::NAN));
        let (lx, ly) = points.last().copied().unwrap_or((f64::NAN, f64::NAN));
        let min = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
        t.push(vec![
            label.clone().into(),
            points.len().into(),
            fx.into(),
            fy.into(),
            lx.into(),
            ly.into(),
            min.into(),
        ]);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::reference::{self, max_rel_diff_to_reference};

    #[test]
    fn hand_steps_are_the_optimizer_and_torch() {
        let tr = run(
            &Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
            Quadratic::reference(),
            Array1::from(QUADRATIC_START.to_vec()).view(),
            2,
        )
        .unwrap();
        let table = hand_steps().tables()[0].clone();
        let xs = table.column("x_t+1").unwrap();
        let ys = table.column("y_t+1").unwrap();
        for k in 0..2 {
            assert_eq!(xs[k].to_bits(), tr.rows[k + 1].theta[0].to_bits());
            assert_eq!(ys[k].to_bits(), tr.rows[k + 1].theta[1].to_bits());
        }
        // torch.optim.SGD(lr=0.4) from (-5, -2): the shared reference trace.
        let reference = reference::trace("pytorch-sgd-quadratic").unwrap();
        let tr20 = run(
            &Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
            Quadratic::reference(),
            Array1::from(QUADRATIC_START.to_vec()).view(),
            reference.len() - 1,
        )
        .unwrap();
        assert!(max_rel_diff_to_reference(&tr20, &reference).unwrap() < 1e-12);
        assert_eq!(
            quadratic_paths()[1].1,
            tr20.path2()[..=QUADRATIC_STEPS].to_vec()
        );
    }

    #[test]
    fn eigenvalues_agree_with_nalgebra() {
        let h = hessian(&iris_petal_width());
        let (lo, hi) = eigenvalue_range(&h);
        let m = optcore::nalgebra::DMatrix::from_fn(4, 4, |i, j| h[(i, j)]);
        let eig = m.symmetric_eigen().eigenvalues;
        let nlo = eig.iter().copied().fold(f64::INFINITY, f64::min);
        let nhi = eig.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert!((lo - nlo).abs() < 1e-12, "{lo} vs {nlo}");
        assert!((hi - nhi).abs() < 1e-12, "{hi} vs {nhi}");
    }

    #[test]
    fn the_optimum_is_optimal_and_the_target_between() {
        let p = problem();
        assert!(p
            .loss
            .gradient(p.optimum.view())
            .iter()
            .all(|g| g.abs() < 1e-12));
        assert!(p.optimal_loss < p.target && p.target < p.initial_loss);
        for run in runs(&p) {
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
        let p = problem();
        let sgd = runs(&p).into_iter().find(|r| r.batch_size == 1).unwrap();
        let i = sgd.batches[0][0];
        let x = p.loss.data.features.row(i);
        let y = p.loss.data.targets[i];
        // θ₁ = θ₀ − η (w·x − y) x with θ₀ = 0.
        let expect: Vec<f64> = x.iter().map(|xj| 0.0 - LR * ((0.0 - y) * xj)).collect();
        assert_eq!(sgd.trace.rows[1].theta.to_vec(), expect);
    }
}
