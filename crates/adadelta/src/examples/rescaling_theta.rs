//! Rescaling θ, metres to centimetres: each method run on $J$ and on
//! $J'(\theta') = J(\theta'/k)$ ([`Rescaled`]), the two trajectories compared.
//! Newton's maps exactly, Adadelta's with one ε does not, with each ε in its own
//! unit it does.

use super::rosenbrock_start;
use crate::newton::Newton;
use crate::{Adadelta, AdadeltaRecord};
use adagrad::Adagrad;
use gd::Sgd;
use ndarray::{Array1, ArrayView1};
use optcore::error::check_steps;
use optcore::pieces::decay_avg_sq;
use optcore::render::Cell;
use optcore::MAX_LESSON_STEPS;
use optcore::{
    reference_start, run, Convention, Objective, Optimizer, Quadratic, Record, Rescaled, Result,
    Rosenbrock, Table, Trace,
};
use plots::{Figure, LineChart};

/// How far apart two runs are once the second (in units ×k) is mapped back:
/// $\max_t \\|\theta'_t/k - \theta_t\\|_\infty$ divided by the distance the first run
/// travelled, $\max_t \\|\theta_t - \theta_0\\|_\infty$ (0 = the trajectories map, 1 =
/// as far apart as the run is long); then the two final losses.
pub fn mismatch(
    a: &[Array1<f64>],
    b: &[Array1<f64>],
    k: f64,
    losses: (f64, f64),
) -> (f64, f64, f64) {
    let mut worst: f64 = 0.0;
    let mut travel: f64 = 0.0;
    for (ta, tb) in a.iter().zip(b) {
        for i in 0..ta.len() {
            worst = worst.max((tb[i] / k - ta[i]).abs());
            travel = travel.max((ta[i] - a[0][i]).abs());
        }
    }
    (worst / travel, losses.0, losses.1)
}

fn thetas<R: Record>(tr: &Trace<R>) -> Result<Vec<Array1<f64>>> {
    tr.completed()?;
    Ok(tr.rows.iter().map(|r| r.theta.clone()).collect())
}

fn mismatch_of<R: Record>(a: &Trace<R>, b: &Trace<R>, k: f64) -> Result<(f64, f64, f64)> {
    Ok(mismatch(
        &thetas(a)?,
        &thetas(b)?,
        k,
        (a.last().loss, b.last().loss),
    ))
}

/// Adadelta (paper form) with a separate ε in each RMS:
/// $\Delta\theta = -\sqrt{E\[\Delta\theta^2\]+\epsilon_{\Delta}}/\sqrt{E\[g^2\]+\epsilon_g}\cdot g$.
/// With $\epsilon_\Delta = \epsilon_g$ it is [`Adadelta`] bit for bit (a test holds
/// them equal); giving each ε its own unit (m², J²/m²) makes Adadelta exactly
/// unit-consistent. Returns θ₀, θ₁, … and the final loss.
pub fn adadelta_two_eps(
    objective: &dyn Objective,
    start: ArrayView1<f64>,
    steps: usize,
    rho: f64,
    eps_update: f64,
    eps_grad: f64,
) -> (Vec<Array1<f64>>, f64) {
    let n = start.len();
    let mut theta = start.to_owned();
    let (mut g, mut eg2, mut edx2, mut d): (Array1<f64>, Array1<f64>, Array1<f64>, Array1<f64>) = (
        Array1::zeros(n),
        Array1::zeros(n),
        Array1::zeros(n),
        Array1::zeros(n),
    );
    let mut out = vec![theta.clone()];
    for _ in 0..steps {
        objective.gradient_into(theta.view(), g.view_mut());
        decay_avg_sq(eg2.view_mut(), g.view(), rho);
        for i in 0..n {
            d[i] = -((edx2[i] + eps_update).sqrt() / (eg2[i] + eps_grad).sqrt()) * g[i];
        }
        decay_avg_sq(edx2.view_mut(), d.view(), rho);
        for i in 0..n {
            theta[i] += 1.0 * d[i];
        }
        out.push(theta.clone());
    }
    let loss = objective.value(theta.view());
    (out, loss)
}

/// Runs `opt` on `objective` from `start` and on the rescaled problem from
/// $k\cdot$`start`: see [`mismatch`].
pub fn rescale_mismatch<O, J>(
    opt: &O,
    objective: J,
    start: ArrayView1<f64>,
    k: f64,
    steps: usize,
) -> Result<(f64, f64, f64)>
where
    O: Optimizer,
    J: Objective + Clone,
{
    let a = run(opt, objective.clone(), start, steps)?;
    let b = run(
        opt,
        Rescaled {
            inner: objective,
            k,
        },
        start.mapv(|x| k * x).view(),
        steps,
    )?;
    mismatch_of(&a, &b, k)
}

/// The same for Newton's method, whose Hessian must come from the rescaled problem.
pub fn newton_rescale_mismatch<J: Objective + Clone>(
    objective: J,
    start: ArrayView1<f64>,
    k: f64,
    steps: usize,
) -> Result<(f64, f64, f64)> {
    let a = run(
        &Newton::new(objective.clone()),
        objective.clone(),
        start,
        steps,
    )?;
    let scaled = Rescaled {
        inner: objective.clone(),
        k,
    };
    let b = run(
        &Newton::new(&scaled),
        &scaled,
        start.mapv(|x| k * x).view(),
        steps,
    )?;
    mismatch_of(&a, &b, k)
}

fn mismatch_row<O: Optimizer, J: Objective + Clone>(
    name: &str,
    opt: &O,
    objective: J,
    start: ArrayView1<f64>,
    k: f64,
    steps: usize,
) -> Result<Vec<Cell>> {
    let (m, la, lb) = rescale_mismatch(opt, objective, start, k, steps)?;
    Ok(vec![name.into(), m.into(), la.into(), lb.into()])
}

fn newton_row<J: Objective + Clone>(
    name: &str,
    objective: J,
    start: ArrayView1<f64>,
    k: f64,
    steps: usize,
) -> Result<Vec<Cell>> {
    let (m, la, lb) = newton_rescale_mismatch(objective, start, k, steps)?;
    Ok(vec![name.into(), m.into(), la.into(), lb.into()])
}

/// Rescaling θ as an experiment: each method run in metres and in units k times
/// smaller (k = 100: centimetres), the two runs compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Rescaling {
    /// The factor k of θ′ = kθ: a finite number from [`MIN_K`] to [`MAX_K`].
    pub k: f64,
    /// Steps of each run (Newton on Rosenbrock takes at most 10): from 1 to
    /// [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

/// The smallest factor a [`Rescaling`] takes.
pub const MIN_K: f64 = 1e-3;
/// The largest factor a [`Rescaling`] takes (k² scales ε: 10⁶ keeps it finite and
/// far from underflow).
pub const MAX_K: f64 = 1e3;

impl Rescaling {
    /// The notebook's values: k = 100 (m → cm), 200 steps.
    pub fn lesson() -> Rescaling {
        Rescaling {
            k: 100.0,
            steps: 200,
        }
    }

    fn check(&self) -> Result<()> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        if (MIN_K..=MAX_K).contains(&self.k) {
            Ok(())
        } else {
            Err(optcore::Error::Hyperparameter {
                name: "k",
                value: self.k,
                accepts: "a number from 0.001 to 1000",
            })
        }
    }

    /// The table: each method's mismatch and both final losses.
    pub fn table(&self) -> Result<Table> {
        self.check()?;
        rescaling(self.k, self.steps)
    }

    /// θ₀ along the run in metres and, divided by k, in the smaller unit.
    pub fn chart(&self) -> Result<Figure> {
        self.check()?;
        fig_rescaling(self.k, self.steps)
    }
}

/// The rescaling table: each method run in metres and in centimetres (k = 100).
fn rescaling(k: f64, steps: usize) -> Result<Table> {
    let q = Quadratic::reference();
    let r = Rosenbrock::default();
    let s = reference_start();
    let rs = rosenbrock_start();
    let mut t = Table::new(
        format!("θ′ = {k}·θ (m → cm), {steps} steps: mismatch = max over t of |θ′ₜ/{k} − θₜ| / distance travelled max|θₜ − θ₀|"),
        &["method (problem)", "mismatch", "final loss in m", "final loss in cm"],
    );
    t.push(newton_row(
        "Newton (quadratic)",
        q.clone(),
        s.view(),
        k,
        steps,
    )?);
    t.push(newton_row(
        "Newton (Rosenbrock)",
        r,
        rs.view(),
        k,
        steps.min(10),
    )?);
    for eps in [1e-6, 1e-4, 1e-8] {
        let opt = Adadelta {
            eps,
            ..Adadelta::defaults(Convention::Paper)
        };
        t.push(mismatch_row(
            &format!("Adadelta ε = {eps:e} (quadratic)"),
            &opt,
            q.clone(),
            s.view(),
            k,
            steps,
        )?);
    }
    for eps in [1e-6, 1e-4] {
        let (a, la) = adadelta_two_eps(&q, s.view(), steps, 0.95, eps, eps);
        let scaled = Rescaled {
            inner: q.clone(),
            k,
        };
        let (b, lb) = adadelta_two_eps(
            &scaled,
            s.mapv(|x| k * x).view(),
            steps,
            0.95,
            eps * k * k,
            eps / (k * k),
        );
        let (m, la, lb) = mismatch(&a, &b, k, (la, lb));
        t.push(vec![
            format!("Adadelta, ε_Δθ = {eps:e}·k² m², ε_g = {eps:e}/k² J²/m² (quadratic)").into(),
            m.into(),
            la.into(),
            lb.into(),
        ]);
    }
    t.push(mismatch_row(
        "SGD η = 0.4 (quadratic)",
        &Sgd {
            lr: 0.4,
            ..Sgd::defaults(Convention::Paper)
        },
        q.clone(),
        s.view(),
        k,
        steps,
    )?);
    t.push(mismatch_row(
        "Adagrad η = 0.4, ε = 1e-8 (quadratic)",
        &Adagrad {
            lr: 0.4,
            ..Adagrad::defaults(Convention::Paper)
        },
        q.clone(),
        s.view(),
        k,
        steps,
    )?);
    Ok(t.with_note("Newton maps to rounding error. Adadelta with one ε does not: its first step is √ε in whatever unit θ has, so in cm it starts k times slower and stays behind; given each ε in its own unit (ε_Δθ in m², ε_g in J²/m²) its trajectory maps to rounding error, so ε alone breaks the exactness. SGD in cm moves k² times less (in m), Adagrad k times less."))
}

/// θ₀ along the run in metres and, divided by k, in centimetres: Newton's two
/// curves coincide, Adadelta's (one ε) do not.
fn fig_rescaling(k: f64, steps: usize) -> Result<Figure> {
    let q = Quadratic::reference();
    let s = reference_start();
    let scaled = Rescaled {
        inner: q.clone(),
        k,
    };
    let ks = s.mapv(|x| k * x);
    let opt = Adadelta::defaults(Convention::Paper);
    let a = run(&opt, &q, s.view(), steps)?;
    let b = run(&opt, &scaled, ks.view(), steps)?;
    let (c2, _) = adadelta_two_eps(
        &scaled,
        ks.view(),
        steps,
        opt.rho,
        opt.eps * k * k,
        opt.eps / (k * k),
    );
    let path = |tr: &Trace<AdadeltaRecord>, div: f64| -> Vec<(f64, f64)> {
        tr.rows
            .iter()
            .map(|r| (r.t as f64, r.theta[0] / div))
            .collect()
    };
    LineChart::new(format!(
        "Adadelta, θ[0] in m and in cm (÷{k}), paper defaults"
    ))
    .x_label("step t")
    .y_label("θ[0] in metres")
    .series("run in m", path(&a, 1.0))
    .series("run in cm, one ε", path(&b, k))
    .series(
        "run in cm, each ε in its unit",
        c2.iter()
            .enumerate()
            .map(|(t, th)| (t as f64, th[0] / k))
            .collect(),
    )
    .render()
}
