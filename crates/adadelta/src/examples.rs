//! Worked examples the notebook `06-adadelta.ipynb` shows. Each returns a value
//! that renders itself; the snapshot tests pin `value.to_string()`.

use crate::newton::Newton;
use crate::units::{self, Quantity};
use crate::Adadelta;
use adagrad::Adagrad;
use gd::Sgd;
use nalgebra::DMatrix;
use ndarray::{array, Array1, ArrayView1, ArrayViewMut1};
use optcore::pieces::{decay_avg_sq, pow_int};
use optcore::reference::rel_diff;
use optcore::render::{fmt_short, Cell};
use optcore::{
    fmt_num, run, Convention, Objective, Optimizer, Quadratic, Record, Result, Rosenbrock, Table,
    Trace,
};

/// The start of the reference cases.
pub fn reference_start() -> Array1<f64> {
    array![-5.0, -2.0]
}

/// Zeiler's Algorithm 1 (ρ = 0.95, ε = 1e-6) on $0.1x^2 + 2y^2$ from $(-5, -2)$.
pub fn paper_run(steps: usize) -> Result<Table> {
    Ok(run(
        &Adadelta::defaults(Convention::Paper),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?
    .table())
}

/// The intermediate rule $\Delta\theta_t = -\frac{\eta}{RMS\[g\]_t} g_t$ (γ = 0.9,
/// η = 0.1, ε = 1e-6) on the quadratic: the step is about η per parameter,
/// whatever the size of the gradient, and still in the unit of $g$ times η.
pub fn intermediate_rule(steps: usize) -> Table {
    let (lr, gamma, eps) = (0.1, 0.9, 1e-6);
    let obj = Quadratic::reference();
    let mut theta = reference_start();
    let mut g = Array1::zeros(2);
    let mut avg = Array1::zeros(2);
    let mut t = Table::new(
        format!(
            "intermediate rule Δθ = −η/RMS[g]·g (η = {}, γ = {}, ε = {}) on 0.1x² + 2y²",
            fmt_short(lr),
            fmt_short(gamma),
            fmt_short(eps)
        ),
        &[
            "t",
            "g₀",
            "g₁",
            "E[g²]₀",
            "E[g²]₁",
            "RMS[g]₀",
            "RMS[g]₁",
            "Δθ₀",
            "Δθ₁",
        ],
    );
    for step in 1..=steps {
        obj.gradient_into(theta.view(), g.view_mut());
        decay_avg_sq(avg.view_mut(), g.view(), gamma);
        let rms: Vec<f64> = avg.iter().map(|a: &f64| (a + eps).sqrt()).collect();
        let d: Vec<f64> = (0..2).map(|i| -(lr / rms[i]) * g[i]).collect();
        t.push(vec![
            step.into(),
            g[0].into(),
            g[1].into(),
            avg[0].into(),
            avg[1].into(),
            rms[0].into(),
            rms[1].into(),
            d[0].into(),
            d[1].into(),
        ]);
        theta[0] += d[0];
        theta[1] += d[1];
    }
    t.with_note("the first step is −η·g/√((1−γ)g²+ε) ≈ −η/√(1−γ)·sign(g) ≈ 0.316 for both parameters, though g₁ = 8·g₀")
}

/// Both conventions on the quadratic, their own defaults, side by side; and the
/// two at the same ρ (0.9), which differ only by rounding (operation order).
pub fn conventions(steps: usize) -> Result<Table> {
    let paper = Adadelta::defaults(Convention::Paper);
    let torch = Adadelta::defaults(Convention::Pytorch);
    let same = Adadelta { rho: 0.9, ..paper };
    let a = run(
        &paper,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let b = run(
        &torch,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let c = run(
        &same,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let mut t = Table::new(
        format!(
            "paper ({}) vs torch ({}) on 0.1x² + 2y²",
            paper.symbols(),
            torch.symbols()
        ),
        &[
            "t",
            "θ₀ paper",
            "θ₀ torch",
            "θ₁ paper",
            "θ₁ torch",
            &format!("paper ρ={} vs torch: max rel diff", fmt_short(same.rho)),
        ],
    );
    for ((ra, rb), rc) in a.rows.iter().zip(&b.rows).zip(&c.rows) {
        let d = rel_diff(rc.theta[0], rb.theta[0]).max(rel_diff(rc.theta[1], rb.theta[1]));
        t.push(vec![
            ra.t.into(),
            ra.theta[0].into(),
            rb.theta[0].into(),
            ra.theta[1].into(),
            rb.theta[1].into(),
            d.into(),
        ]);
    }
    Ok(t)
}

// ---------------------------------------------------------------------------
// "Only the last w gradients" vs the decaying average.

/// The weight of the gradient k steps ago in $E\[g^2\]_t$: $(1-\rho)\rho^k$, with the
/// running total, for k = 0 … 3/(1−ρ).
pub fn window_weights(rho: f64) -> Table {
    let w = (1.0 / (1.0 - rho)).round() as usize;
    let mut t = Table::new(
        format!("ρ = {rho}: weight of g²ₜ₋ₖ in E[g²]ₜ (window ≈ 1/(1−ρ) = {w})"),
        &[
            "k",
            "(1−ρ)ρᵏ",
            "weight of the last k+1",
            "a 'last w' box: 1/w",
        ],
    );
    let mut total = 0.0;
    for k in 0..=3 * w {
        let wk = (1.0 - rho) * pow_int(rho, k);
        total += wk;
        if k < 5 || k % (w / 2).max(1) == 0 || k + 1 == w {
            let boxed = if k < w { 1.0 / w as f64 } else { 0.0 };
            t.push(vec![k.into(), wk.into(), total.into(), boxed.into()]);
        }
    }
    t
}

/// For several ρ: the window $w \approx 1/(1-\rho)$, the share of the weight the
/// last w gradients carry ($1-\rho^w$), and the weight left beyond 3w.
pub fn window_summary() -> Table {
    let mut t = Table::new(
        "decaying average vs 'the last w gradients'",
        &[
            "ρ",
            "w = 1/(1−ρ)",
            "weight of last w: 1−ρʷ",
            "1 − 1/e",
            "weight older than 3w: ρ³ʷ",
        ],
    );
    for rho in [0.5f64, 0.9, 0.95, 0.99] {
        let w = (1.0 / (1.0 - rho)).round() as usize;
        t.push(vec![
            rho.into(),
            w.into(),
            (1.0 - pow_int(rho, w)).into(),
            (1.0 - 1.0 / std::f64::consts::E).into(),
            pow_int(rho, 3 * w).into(),
        ]);
    }
    t
}

/// Series for the window plot: the decaying weights and the box of the last w.
pub fn window_series(rho: f64) -> Vec<(String, Vec<(f64, f64)>)> {
    let w = (1.0 / (1.0 - rho)).round() as usize;
    let decay = (0..=4 * w)
        .map(|k| (k as f64, (1.0 - rho) * pow_int(rho, k)))
        .collect();
    let boxed = (0..=4 * w)
        .map(|k| (k as f64, if k < w { 1.0 / w as f64 } else { 0.0 }))
        .collect();
    vec![
        (format!("decaying average, ρ = {rho}"), decay),
        (format!("last w = {w} gradients"), boxed),
    ]
}

// ---------------------------------------------------------------------------
// Newton's method.

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

/// The start for Rosenbrock runs.
pub fn rosenbrock_start() -> Array1<f64> {
    array![-1.2, 1.0]
}

/// Newton's method on Rosenbrock from (−1.2, 1).
pub fn newton_rosenbrock_trace(steps: usize) -> Result<Trace<crate::newton::NewtonRecord>> {
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

// ---------------------------------------------------------------------------
// Units.

/// The unit of each method's Δθ when θ is in metres and J in joules, as the
/// compiler computes it ([`units`]), on one number: g = 0.5 J/m, H = 0.25 J/m²,
/// E\[g²\] = g², E\[Δθ²\] = 0.04 m², η = 0.1.
pub fn units_table() -> Table {
    let g = Quantity::<units::JoulePerMetre>::new(0.5);
    let h = Quantity::<units::JoulePerSquareMetre>::new(0.25);
    let mut t = Table::new(
        "θ in m, J in joules: g = 0.5 J/m, H = 0.25 J/m², E[g²] = g², E[Δθ²] = 0.04 m², η = 0.1, ε = 0",
        &["method", "Δθ", "value", "unit (from the types)", "θ + Δθ compiles?"],
    );
    let sgd = units::sgd_step(0.1, g);
    let ada = units::adagrad_step(0.1, g * g, g);
    let newton = units::newton_step(g, h);
    let zero_m2 = Quantity::<units::SquareMetre>::new(0.0);
    let zero_g2 = Quantity::<units::SquareJoulePerSquareMetre>::new(0.0);
    let delta = units::adadelta_step(Quantity::new(0.04), g * g, zero_m2, zero_g2, g);
    let rows: [(&str, &str, f64, &str, &str); 4] = [
        (
            "SGD",
            "−η·g",
            sgd.value,
            units::unit_of(&sgd),
            "no (compile_fail doctest)",
        ),
        (
            "Adagrad",
            "−η/√G·g",
            ada.value,
            units::unit_of(&ada),
            "no (compile_fail doctest)",
        ),
        (
            "Newton",
            "−H⁻¹g",
            newton.value,
            units::unit_of(&newton),
            "yes",
        ),
        (
            "Adadelta",
            "−RMS[Δθ]/RMS[g]·g",
            delta.value,
            units::unit_of(&delta),
            "yes",
        ),
    ];
    for (m, f, v, u, ok) in rows {
        t.push(vec![m.into(), f.into(), v.into(), u.into(), ok.into()]);
    }
    let (e_num, e_den) = units::adadelta_eps_units();
    t.with_note(format!(
        "Adadelta's two ε would need the units {e_num} (numerator) and {e_den} (denominator): one plain number is not unit-consistent"
    ))
}

// ---------------------------------------------------------------------------
// Rescaling θ (metres → centimetres).

/// $f$ seen in rescaled coordinates $\theta' = k\theta$: $f'(\theta') = f(\theta'/k)$,
/// $\nabla f' = \nabla f/k$, $H' = H/k^2$.
pub struct Rescaled<O> {
    pub inner: O,
    pub k: f64,
}

impl<O: Objective> Rescaled<O> {
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
    fn hessian(&self, theta: ArrayView1<f64>) -> Option<DMatrix<f64>> {
        let k2 = self.k * self.k;
        self.inner
            .hessian(self.back(theta).view())
            .map(|h| h.map(|x| x / k2))
    }
}

/// How far apart two runs are once the second (in units ×k) is mapped back:
/// $\max_t \|\theta'_t/k - \theta_t\|_\infty$ divided by the distance the first run
/// travelled, $\max_t \|\theta_t - \theta_0\|_\infty$ (0 = the trajectories map, 1 =
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

/// The rescaling table: each method run in metres and in centimetres (k = 100).
pub fn rescaling(k: f64, steps: usize) -> Result<Table> {
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

// ---------------------------------------------------------------------------
// Figures (the numbers behind them are in the tables above).

/// The decaying weights $(1-\rho)\rho^k$ against the post's "last w gradients" box.
pub fn fig_window(rho: f64) -> Result<plots::Figure> {
    let mut c = plots::LineChart::new(format!("weight of g²ₜ₋ₖ in E[g²]ₜ, ρ = {rho}"))
        .x_label("k (steps ago)")
        .y_label("weight");
    for (label, pts) in window_series(rho) {
        c = c.series(label, pts);
    }
    c.render()
}

/// Newton's path and Adadelta's on Rosenbrock from (−1.2, 1).
pub fn fig_newton_rosenbrock() -> Result<plots::Figure> {
    let r = Rosenbrock::default();
    let n = newton_rosenbrock_trace(7)?;
    let a = run(
        &Adadelta::defaults(Convention::Paper),
        r,
        rosenbrock_start().view(),
        2000,
    )?;
    plots::Contour::new(&r, (-2.0, 2.0), (-3.5, 3.0))
        .levels(15)
        .title("Rosenbrock: Newton (7 steps), Adadelta (2000)")
        .trace("Newton −H⁻¹g", &n)
        .trace("Adadelta", &a)
        .render()
}

/// One Newton step on the quadratic (an arrow to the minimum) beside Adadelta,
/// SGD and Adagrad paths.
pub fn fig_newton_quadratic() -> Result<plots::Figure> {
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
    plots::Contour::new(&q, (-6.0, 6.0), (-2.5, 2.5))
        .levels(12)
        .title("0.1x² + 2y²: one Newton step lands on the minimum")
        .arrow("Newton: −H⁻¹g", (s[0], s[1]), (0.0, 0.0))
        .trace("Adadelta (500 steps)", &ad)
        .trace("SGD η = 0.4 (30 steps)", &sgd)
        .trace("Adagrad η = 0.4 (30 steps)", &ag)
        .render()
}

/// θ₀ along the run in metres and, divided by k, in centimetres: Newton's two
/// curves coincide, Adadelta's (one ε) do not.
pub fn fig_rescaling(k: f64, steps: usize) -> Result<plots::Figure> {
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
    let path = |tr: &Trace<crate::AdadeltaRecord>, div: f64| -> Vec<(f64, f64)> {
        tr.rows
            .iter()
            .map(|r| (r.t as f64, r.theta[0] / div))
            .collect()
    };
    plots::LineChart::new(format!(
        "Adadelta, θ₀ in m and in cm (÷{k}), paper defaults"
    ))
    .x_label("step t")
    .y_label("θ₀ in metres")
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

/// Bad hyperparameters and the typed error each one gets (θ is never touched).
pub fn refusals() -> Table {
    let mut t = Table::new("refused hyperparameters", &["lr", "ρ", "ε", "error"]);
    for (lr, rho, eps) in [
        (1.0, 0.0, 1e-6),
        (1.0, 1.0, 1e-6),
        (1.0, 1.5, 1e-6),
        (1.0, 0.9, -1e-6),
        (1.0, 0.9, 0.0),
        (0.0, 0.9, 1e-6),
    ] {
        let msg = match (Adadelta {
            lr,
            rho,
            eps,
            ..Adadelta::defaults(Convention::Pytorch)
        })
        .validated()
        {
            Ok(_) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        t.push(vec![lr.into(), rho.into(), eps.into(), msg.into()]);
    }
    t
}
