//! Worked examples the notebook `05-adagrad.ipynb` shows. Each returns a value that
//! renders itself; the snapshot tests pin `value.to_string()`.

use crate::sparse::{OnlineOracle, SparseData};
use crate::Adagrad;
use gd::Sgd;
use nalgebra::{DMatrix, DVector};
use ndarray::{array, Array1};
use optcore::render::{fmt_short, Cell};
use optcore::trace::sub;
use optcore::{
    fmt_num, run, run_with, Convention, FnObjective, Objective, Optimizer, Quadratic, Report,
    Result, Rosenbrock, RunOptions, Table, Trace,
};

/// A labelled series of points, for a line chart.
pub type Points = Vec<(f64, f64)>;
/// A labelled series of points.
pub type Series = (String, Points);

/// The reference case `paper-adagrad-quadratic`: $0.1x^2 + 2y^2$ from $(-5, -2)$,
/// η = 0.4, ε = 0.1.
pub fn reference_optimizer() -> Adagrad {
    Adagrad {
        lr: 0.4,
        eps: 0.1,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// The start of the reference cases.
pub fn reference_start() -> Array1<f64> {
    array![-5.0, -2.0]
}

/// The post's update on the reference case, `steps` steps: gₜ, Gₜ,ᵢᵢ, the rates
/// η/√(Gₜ,ᵢᵢ + ε) and Δθ per parameter.
pub fn reference_run(steps: usize) -> Result<Trace<crate::AdagradRecord>> {
    run(
        &reference_optimizer(),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

fn matrix_table(title: &str, m: &DMatrix<f64>) -> Table {
    let mut header = vec![String::new()];
    header.extend((0..m.ncols()).map(|j| format!("θ{}", sub(j))));
    let mut t = Table::with_header(title, header);
    for i in 0..m.nrows() {
        let mut row: Vec<Cell> = vec![format!("θ{}", sub(i)).into()];
        row.extend((0..m.ncols()).map(|j| Cell::Num(m[(i, j)])));
        t.push(row);
    }
    t
}

/// After `steps` Adagrad steps on `objective`: $G_t$ as the diagonal matrix the
/// post writes, and the full outer-product sum $\sum_\tau g_\tau g_\tau^\top$
/// (summed with plain loops) whose diagonal it is.
pub fn outer_product_and_diagonal(
    objective: &dyn Objective,
    start: &[f64],
    steps: usize,
) -> Result<(DMatrix<f64>, DMatrix<f64>)> {
    let opt = reference_optimizer();
    let tr = run(&opt, objective, Array1::from(start.to_vec()).view(), steps)?;
    tr.completed()?;
    let n = objective.dim();
    let mut full = DMatrix::zeros(n, n);
    for row in tr.rows.iter().skip(1) {
        let g = &row.record.as_ref().expect("every step has a record").grad;
        for i in 0..n {
            for j in 0..n {
                full[(i, j)] += g[i] * g[j];
            }
        }
    }
    let diag = &tr.last().record.as_ref().expect("steps > 0").sum_sq_grad;
    let diagonal = DMatrix::from_diagonal(&DVector::from_iterator(n, diag.iter().copied()));
    Ok((diagonal, full))
}

/// The diagonal $G_t$ next to the full $\sum g g^\top$ on the quadratic (whose
/// Hessian is diagonal) and on Rosenbrock (whose valley couples x and y), with the
/// correlation $G_{01}/\sqrt{G_{00}G_{11}}$ the diagonal throws away.
pub fn diagonal_vs_full(steps: usize) -> Result<Report> {
    let mut r = Report::new().text(format!(
        "After {steps} Adagrad steps ({}). Adagrad keeps only the diagonal; \
         the full matrix $G_t = \\sum_\\tau g_\\tau g_\\tau^\\top$ also records how the \
         gradient's components move together.",
        reference_optimizer().symbols()
    ));
    let cases: [(&str, Box<dyn Objective>, [f64; 2]); 2] = [
        (
            "quadratic 0.1x² + 2y²",
            Box::new(Quadratic::reference()),
            [-5.0, -2.0],
        ),
        ("Rosenbrock", Box::new(Rosenbrock::default()), [-1.5, 2.0]),
    ];
    // The update as the post writes it with the matrix: Δθ = −(G + εI)^{-1/2} g.
    let opt = reference_optimizer();
    let tr = reference_run(steps)?;
    let rec = tr.last().record.clone().expect("steps > 0");
    let inv_root = DMatrix::from_diagonal(&DVector::from_iterator(
        2,
        rec.sum_sq_grad
            .iter()
            .map(|g| opt.lr / (g + opt.eps).sqrt()),
    ));
    let mut by_matrix = Table::new(
        format!("step {steps} on the quadratic: −η(Gₜ + εI)^(−1/2) gₜ with the diagonal matrix vs the element-wise form"),
        &["i", "gₜ,ᵢ", "η/√(Gₜ,ᵢᵢ+ε)", "matrix form Δθᵢ", "element-wise Δθᵢ"],
    );
    for i in 0..2 {
        let mut m = 0.0;
        for j in 0..2 {
            m += inv_root[(i, j)] * rec.grad[j];
        }
        by_matrix.push(vec![
            i.into(),
            rec.grad[i].into(),
            inv_root[(i, i)].into(),
            (-m).into(),
            rec.update[i].into(),
        ]);
    }
    r = r.table(by_matrix);
    for (name, obj, start) in cases {
        let (diagonal, full) = outer_product_and_diagonal(obj.as_ref(), &start, steps)?;
        let corr = full[(0, 1)] / (full[(0, 0)] * full[(1, 1)]).sqrt();
        r = r
            .table(matrix_table(&format!("{name}: Gₜ as Adagrad keeps it (diagonal)"), &diagonal))
            .table(matrix_table(&format!("{name}: full Σ g gᵀ"), &full))
            .text(format!(
                "{name}: off-diagonal $G_{{01}}$ = {}, correlation $G_{{01}}/\\sqrt{{G_{{00}}G_{{11}}}}$ = {}.",
                fmt_num(full[(0, 1)]),
                fmt_num(corr)
            ));
    }
    Ok(r)
}

/// The first step's rate for one parameter under both forms, for gradients and
/// ε where they agree and where they do not: $\eta/\sqrt{g^2+\epsilon}$ (post) vs
/// $\eta/(|g|+\epsilon)$ (torch), η = 0.01.
pub fn conventions_first_step() -> Table {
    let mut t = Table::new(
        "first step, G₁ = g²: post η/√(G+ε) vs torch η/(√G+ε), η = 0.01",
        &["|g|", "ε", "post", "torch", "post / torch"],
    );
    for g in [1.0, 0.01] {
        for eps in [1e-10, 1e-8, 1e-4, 0.1] {
            let paper = Adagrad {
                lr: 0.01,
                eps,
                ..Adagrad::defaults(Convention::Paper)
            };
            let torch = Adagrad {
                lr: 0.01,
                eps,
                ..Adagrad::defaults(Convention::Pytorch)
            };
            let (p, q) = (paper.effective_lr(1, g * g), torch.effective_lr(1, g * g));
            t.push(vec![
                g.into(),
                eps.into(),
                p.into(),
                q.into(),
                (p / q).into(),
            ]);
        }
    }
    t.with_note("without ε both are η/|g|: the first step moves every parameter by exactly η, whatever its gradient")
}

/// Both conventions on the reference case ([`reference_optimizer`]), side by side.
pub fn conventions_runs(steps: usize) -> Result<Table> {
    let paper = reference_optimizer();
    let torch = Adagrad {
        convention: Convention::Pytorch,
        ..paper
    };
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
    let mut t = Table::new(
        format!(
            "quadratic from (−5, −2), {}: post vs torch",
            paper.symbols()
        ),
        &[
            "t",
            "θ₀ post",
            "θ₀ torch",
            "θ₁ post",
            "θ₁ torch",
            "loss post",
            "loss torch",
        ],
    );
    for (ra, rb) in a.rows.iter().zip(&b.rows) {
        t.push(vec![
            ra.t.into(),
            ra.theta[0].into(),
            rb.theta[0].into(),
            ra.theta[1].into(),
            rb.theta[1].into(),
            ra.loss.into(),
            rb.loss.into(),
        ]);
    }
    Ok(t)
}

/// torch's extra knobs on the reference case: `initial_accumulator_value` $G_0$
/// (the first step is no longer exactly η per parameter) and `lr_decay`.
pub fn torch_options(steps: usize) -> Result<Table> {
    let base = Adagrad {
        lr: reference_optimizer().lr,
        ..Adagrad::defaults(Convention::Pytorch)
    };
    let mut t = Table::new(
        format!(
            "torch.optim.Adagrad(lr={}, eps={}) on the quadratic, {steps} steps",
            fmt_short(base.lr),
            fmt_short(base.eps)
        ),
        &[
            "lr_decay",
            "G₀",
            "step-1 rate θ₀",
            "step-1 rate θ₁",
            "θ₀",
            "θ₁",
            "loss",
        ],
    );
    for (lr_decay, g0) in [(0.0, 0.0), (0.0, 1.0), (0.1, 0.0), (0.1, 1.0)] {
        let opt = Adagrad {
            lr: base.lr,
            eps: base.eps,
            lr_decay,
            initial_accumulator_value: g0,
            ..Adagrad::defaults(Convention::Pytorch)
        };
        let tr = run(
            &opt,
            Quadratic::reference(),
            reference_start().view(),
            steps,
        )?;
        let first = tr.rows[1]
            .record
            .as_ref()
            .expect("a first step")
            .effective_lr
            .clone();
        let last = tr.last();
        t.push(vec![
            lr_decay.into(),
            g0.into(),
            first[0].into(),
            first[1].into(),
            last.theta[0].into(),
            last.theta[1].into(),
            last.loss.into(),
        ]);
    }
    Ok(t)
}

/// ε = 0 and a parameter that has never seen a gradient: its rate is $\eta/0$ at
/// step 1, so the run stops there with an error naming ε (torch would write NaN
/// into θ); the table keeps the start row and says why it stopped.
pub fn zero_denominator() -> Result<Table> {
    let j = FnObjective::new(
        "J = y² (x unused)",
        2,
        |t| t[1] * t[1],
        |t, mut g| {
            g[0] = 0.0;
            g[1] = 2.0 * t[1];
        },
    );
    let opt = Adagrad {
        lr: 0.1,
        eps: 0.0,
        ..Adagrad::defaults(Convention::Pytorch)
    };
    Ok(run(&opt, &j, array![1.0, 1.0].view(), 3)?.table())
}

// ---------------------------------------------------------------------------
// The sparse-feature story.

/// The first `n` examples of [`SparseData::standard`].
pub fn sparse_data_head(n: usize) -> Table {
    let d = SparseData::standard();
    let mut t = Table::new(
        format!(
            "linear unit data: {} examples, a₂ ≠ 0 on {} of them; w* = (0.5, −1, 2, 1.5)",
            d.len(),
            d.rare_count()
        ),
        &["i", "a₁", "a₂", "a₃", "y"],
    );
    for i in 0..n.min(d.len()) {
        t.push(vec![
            i.into(),
            d.x[[i, 1]].into(),
            d.x[[i, 2]].into(),
            d.x[[i, 3]].into(),
            d.y[i].into(),
        ]);
    }
    t
}

/// The η tried for Adagrad in the sparse race.
pub const SPARSE_ADAGRAD_LRS: [f64; 3] = [0.1, 0.5, 1.0];
/// The η tried for SGD: online SGD on features of size 5 is stable only for
/// roughly η·‖x‖² < 2, ‖x‖² up to 51.
pub const SPARSE_SGD_LRS: [f64; 5] = [0.01, 0.02, 0.04, 0.08, 0.16];
/// Steps of the sparse runs: five passes over the data.
pub const SPARSE_STEPS: usize = 2000;
/// "Reached": $|w_i - w^\star_i| \le$ this, from that step to the end of the run.
pub const SPARSE_TOL: f64 = 0.05;

/// Adagrad (paper form, ε = 1e-8) on the sparse data, online, from w = 0.
pub fn sparse_adagrad(lr: f64) -> Result<Trace<crate::AdagradRecord>> {
    let d = SparseData::standard();
    run_with(
        &sparse_optimizer(lr),
        &mut OnlineOracle::new(&d),
        Array1::zeros(4).view(),
        RunOptions::steps(SPARSE_STEPS),
    )
}

/// The Adagrad of the sparse-feature story (the post's form, ε = 1e-8).
pub fn sparse_optimizer(lr: f64) -> Adagrad {
    Adagrad {
        lr,
        eps: 1e-8,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// Plain SGD on the same data and schedule.
pub fn sparse_sgd(lr: f64) -> Result<Trace<gd::SgdRecord>> {
    let d = SparseData::standard();
    let opts = RunOptions {
        steps: SPARSE_STEPS,
        diverge_above: Some(1e6),
    };
    run_with(
        &Sgd {
            lr,
            ..Sgd::defaults(Convention::Paper)
        },
        &mut OnlineOracle::new(&d),
        Array1::zeros(4).view(),
        opts,
    )
}

/// The first t from which $|w_i - w^\star_i| \le$ [`SPARSE_TOL`] holds to the end
/// of the run (`thetas[t]` = $w_t$).
pub fn settled_at(thetas: &[Array1<f64>], i: usize, target: f64) -> Option<usize> {
    let mut at = None;
    for (t, th) in thetas.iter().enumerate() {
        if (th[i] - target).abs() <= SPARSE_TOL {
            at.get_or_insert(t);
        } else {
            at = None;
        }
    }
    at
}

fn rare_seen_by(d: &SparseData, t: usize) -> usize {
    (0..t).filter(|s| d.x[[s % d.len(), d.rare]] != 0.0).count()
}

/// Per-parameter rates of Adagrad (η = `lr`) along the run: every step whose
/// example has $a_2 \ne 0$ in the first pass, and every 200th step.
pub fn sparse_rates(lr: f64) -> Result<Table> {
    let d = SparseData::standard();
    let tr = sparse_adagrad(lr)?;
    let mut t = Table::new(
        format!(
            "Adagrad {}: effective rate η/√(Gₜ,ᵢᵢ + ε) per weight",
            sparse_optimizer(lr).symbols()
        ),
        &["t", "a₂", "w₀ rate", "w₁ rate", "w₂ rate", "w₃ rate", "w₂"],
    );
    for row in tr.rows.iter().skip(1) {
        let a2 = d.x[[(row.t - 1) % d.len(), d.rare]];
        if row.t == 1 || (a2 != 0.0 && row.t <= 400) || row.t % 200 == 0 {
            let r = &row.record.as_ref().expect("a step").effective_lr;
            t.push(vec![
                row.t.into(),
                a2.into(),
                r[0].into(),
                r[1].into(),
                r[2].into(),
                r[3].into(),
                row.theta[2].into(),
            ]);
        }
    }
    Ok(t.with_note("before the first a₂ ≠ 0, G₂₂ = 0 and w₂'s rate is η/√ε; afterwards it shrinks only on the rare steps"))
}

/// Per-parameter rate series `(t, η/√(Gₜ,ᵢᵢ+ε))` of Adagrad on the sparse data,
/// one per weight, from the first step at which that weight had a gradient.
pub fn sparse_rate_series(lr: f64) -> Result<Vec<Series>> {
    let tr = sparse_adagrad(lr)?;
    Ok((0..4)
        .map(|i| {
            let pts = tr
                .rows
                .iter()
                .skip(1)
                .filter_map(|row| {
                    let rec = row.record.as_ref()?;
                    (rec.sum_sq_grad[i] > 0.0).then(|| (row.t as f64, rec.effective_lr[i]))
                })
                .collect();
            (format!("w{} rate", sub(i)), pts)
        })
        .collect())
}

/// The race: for each η, the step from which each weight stays within
/// [`SPARSE_TOL`] of its target, under Adagrad and under SGD.
pub fn sparse_race() -> Result<Table> {
    let d = SparseData::standard();
    let mut t = Table::new(
        format!("online training, {SPARSE_STEPS} steps from w = 0: step from which |wᵢ − wᵢ*| ≤ {SPARSE_TOL} stays true"),
        &["method", "η", "w₂ (rare)", "updates of w₂ by then", "w₁ (dense)", "w₃ (dense)", "final loss"],
    );
    let cell = |x: Option<usize>| -> Cell {
        match x {
            Some(v) => v.into(),
            None => "not reached".into(),
        }
    };
    let mut push = |name: &str, lr: f64, thetas: Vec<Array1<f64>>, end: Cell| {
        let settle = |i: usize| settled_at(&thetas, i, d.w_star[i]);
        let w2 = if thetas.len() == SPARSE_STEPS + 1 {
            settle(2)
        } else {
            None
        };
        let (w1, w3) = if thetas.len() == SPARSE_STEPS + 1 {
            (settle(1), settle(3))
        } else {
            (None, None)
        };
        t.push(vec![
            name.into(),
            lr.into(),
            cell(w2),
            cell(w2.map(|s| rare_seen_by(&d, s))),
            cell(w1),
            cell(w3),
            end,
        ]);
    };
    for lr in SPARSE_ADAGRAD_LRS {
        let tr = sparse_adagrad(lr)?;
        let end = end_cell(&tr);
        push(
            "Adagrad",
            lr,
            tr.rows.into_iter().map(|r| r.theta).collect(),
            end,
        );
    }
    for lr in SPARSE_SGD_LRS {
        let tr = sparse_sgd(lr)?;
        let end = end_cell(&tr);
        push(
            "SGD",
            lr,
            tr.rows.into_iter().map(|r| r.theta).collect(),
            end,
        );
    }
    Ok(t.with_note(
        "updates of w₂ = steps whose example has a₂ ≠ 0 (every other step leaves w₂ where it is)",
    ))
}

fn end_cell<R: optcore::Record>(tr: &Trace<R>) -> Cell {
    match &tr.stop {
        None => tr.last().loss.into(),
        Some(optcore::Error::Diverged { step, .. })
        | Some(optcore::Error::NonFinite { step, .. }) => format!("diverged at step {step}").into(),
        Some(e) => e.to_string().into(),
    }
}

// ---------------------------------------------------------------------------
// The warning: a steady gradient makes the rate decay like 1/√t.

/// Where the long slope ends: $J(\theta) = \sqrt{1 + (\theta - 50)^2} - 1$.
pub const SLOPE_TARGET: f64 = 50.0;

/// A long, steady slope: $J(\theta) = \sqrt{1 + (\theta-50)^2} - 1$, whose gradient
/// is almost exactly −1 all the way from 0 to near 50 (only `sqrt`, portable).
pub fn long_slope() -> FnObjective {
    FnObjective::new(
        "long slope √(1+(θ−50)²) − 1",
        1,
        |t| {
            let u = t[0] - SLOPE_TARGET;
            (1.0 + u * u).sqrt() - 1.0
        },
        |t, mut g| {
            let u = t[0] - SLOPE_TARGET;
            g[0] = u / (1.0 + u * u).sqrt();
        },
    )
}

/// Steps of the slope runs.
pub const SLOPE_STEPS: usize = 3000;
/// η of the slope runs (both methods).
pub const SLOPE_LR: f64 = 0.5;

fn slope_runs() -> Result<(Trace<crate::AdagradRecord>, Trace<gd::SgdRecord>)> {
    let ada = Adagrad {
        lr: SLOPE_LR,
        eps: 1e-8,
        ..Adagrad::defaults(Convention::Paper)
    };
    let a = run(&ada, long_slope(), array![0.0].view(), SLOPE_STEPS)?;
    let s = run(
        &Sgd {
            lr: SLOPE_LR,
            ..Sgd::defaults(Convention::Paper)
        },
        long_slope(),
        array![0.0].view(),
        SLOPE_STEPS,
    )?;
    Ok((a, s))
}

/// Under a steady gradient $|g| \approx 1$, $G_t \approx t$ and the rate is
/// $\approx \eta/\sqrt t$: Adagrad's distance after t steps is
/// $\approx \sum \eta/\sqrt\tau \approx 2\eta\sqrt t$, SGD's is $\eta t$.
pub fn steady_gradient() -> Result<Table> {
    let (a, s) = slope_runs()?;
    let mut t = Table::new(
        format!("long slope from θ = 0 to 50, η = {SLOPE_LR}: Adagrad's rate decays like η/√t"),
        &["t", "g", "rate η/√(Gₜ+ε)", "η/√t", "θ Adagrad", "θ SGD"],
    );
    for k in [1usize, 4, 16, 64, 100, 256, 1024, 2500, 3000] {
        let (ra, rs) = (&a.rows[k], &s.rows[k]);
        let rec = ra.record.as_ref().expect("a step");
        t.push(vec![
            k.into(),
            rec.grad[0].into(),
            rec.effective_lr[0].into(),
            (SLOPE_LR / (k as f64).sqrt()).into(),
            ra.theta[0].into(),
            rs.theta[0].into(),
        ]);
    }
    Ok(t)
}

/// The stall, measured: the first step at which each method is within 1 of the
/// end of the slope.
pub fn stall() -> Result<Table> {
    let (a, s) = slope_runs()?;
    let reach = |th: &[f64]| th.iter().position(|x| (x - SLOPE_TARGET).abs() <= 1.0);
    let ta: Vec<f64> = a.rows.iter().map(|r| r.theta[0]).collect();
    let ts: Vec<f64> = s.rows.iter().map(|r| r.theta[0]).collect();
    let mut t = Table::new(
        format!("first step with |θ − 50| ≤ 1 (η = {SLOPE_LR}, at most {SLOPE_STEPS} steps)"),
        &["method", "step", "θ at step 100"],
    );
    for (name, th) in [("SGD", &ts), ("Adagrad", &ta)] {
        let cell: Cell = match reach(th) {
            Some(k) => k.into(),
            None => "not reached".into(),
        };
        t.push(vec![name.into(), cell, th[100].into()]);
    }
    Ok(t.with_note("SGD covers η·|g| ≈ 0.5 per step; Adagrad's distance grows like 2η√t, so 50 takes about (50/(2η))² ≈ 2500 steps"))
}

/// Series for the stall plot: θ over t for both methods, and Adagrad's rate.
pub fn stall_series() -> Result<(Vec<Series>, Points)> {
    let (a, s) = slope_runs()?;
    let theta = vec![
        (
            "Adagrad".to_string(),
            a.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect(),
        ),
        (
            "SGD".to_string(),
            s.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect(),
        ),
    ];
    let rate = a
        .rows
        .iter()
        .skip(1)
        .map(|r| {
            (
                r.t as f64,
                r.record
                    .as_ref()
                    .map_or(f64::NAN, |rec| rec.effective_lr[0]),
            )
        })
        .collect();
    Ok((theta, rate))
}

// ---------------------------------------------------------------------------
// Figures (the numbers behind them are in the tables above).

/// The reference case on its contour: the post's form and torch's ([`reference_optimizer`]).
pub fn fig_reference(steps: usize) -> Result<plots::Figure> {
    let q = Quadratic::reference();
    let paper = reference_optimizer();
    let torch = Adagrad {
        convention: Convention::Pytorch,
        ..paper
    };
    let a = run(&paper, &q, reference_start().view(), steps)?;
    let b = run(&torch, &q, reference_start().view(), steps)?;
    plots::Contour::new(&q, (-6.0, 6.0), (-2.5, 2.5))
        .levels(12)
        .title(format!(
            "Adagrad on 0.1x² + 2y², {}, {steps} steps",
            paper.symbols()
        ))
        .trace("post: η/√(G+ε)", &a)
        .trace("torch: η/(√G+ε)", &b)
        .render()
}

/// Per-weight effective rates of Adagrad on the sparse data (log scale).
pub fn fig_sparse_rates(lr: f64) -> Result<plots::Figure> {
    let mut c = plots::LineChart::new(format!(
        "Adagrad η = {lr}: effective rate η/√(Gₜ,ᵢᵢ+ε) per weight"
    ))
    .x_label("step t")
    .y_label("effective rate")
    .log_y(true);
    for (label, pts) in sparse_rate_series(lr)? {
        c = c.series(label, pts);
    }
    c.render()
}

/// The rare weight $w_2$ along the run: Adagrad vs SGD, each at two η.
pub fn fig_sparse_w2() -> Result<plots::Figure> {
    let mut c = plots::LineChart::new("rare feature's weight w₂ (target 2)")
        .x_label("step t")
        .y_label("w₂");
    for lr in [0.5, 1.0] {
        let tr = sparse_adagrad(lr)?;
        c = c.series(
            format!("Adagrad η = {lr}"),
            tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
        );
    }
    for lr in [0.04, 0.08] {
        let tr = sparse_sgd(lr)?;
        c = c.series(
            format!("SGD η = {lr}"),
            tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
        );
    }
    c.render()
}

/// The stall: θ along the long slope, Adagrad vs SGD.
pub fn fig_stall() -> Result<plots::Figure> {
    let (theta, _) = stall_series()?;
    let mut c = plots::LineChart::new(format!("long slope to θ = 50, η = {SLOPE_LR}"))
        .x_label("step t")
        .y_label("θ");
    for (label, pts) in theta {
        c = c.series(label, pts);
    }
    c.render()
}

/// Adagrad's rate on the slope against η/√t (log scale).
pub fn fig_rate_decay() -> Result<plots::Figure> {
    let (_, rate) = stall_series()?;
    let reference: Vec<(f64, f64)> = rate
        .iter()
        .map(|(t, _)| (*t, SLOPE_LR / t.sqrt()))
        .collect();
    plots::LineChart::new("Adagrad's rate under a steady gradient")
        .x_label("step t")
        .y_label("rate")
        .log_y(true)
        .series("η/√(Gₜ+ε)", rate)
        .series("η/√t", reference)
        .render()
}

/// Bad hyperparameters and the typed error each one gets (θ is never touched).
pub fn refusals() -> Table {
    let mut t = Table::new(
        "refused hyperparameters",
        &["lr", "eps", "lr_decay", "G₀", "error"],
    );
    for (lr, eps, lr_decay, g0) in [
        (0.01, -1e-8, 0.0, 0.0),
        (0.0, 1e-10, 0.0, 0.0),
        (0.01, 1e-10, -0.5, 0.0),
        (0.01, 1e-10, 0.0, -1.0),
        (0.01, f64::NAN, 0.0, 0.0),
    ] {
        let msg = match (Adagrad {
            lr,
            eps,
            lr_decay,
            initial_accumulator_value: g0,
            ..Adagrad::defaults(Convention::Pytorch)
        })
        .validated()
        {
            Ok(_) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        t.push(vec![
            lr.into(),
            eps.into(),
            lr_decay.into(),
            g0.into(),
            msg.into(),
        ]);
    }
    t
}

/// [`reference_run`] as a table (what the notebook shows).
pub fn reference_table(steps: usize) -> Result<Table> {
    Ok(reference_run(steps)?.table())
}
