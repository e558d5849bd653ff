//! The worked examples `notebooks/08-adam.ipynb` shows; each returns a value that
//! renders itself, and `tests/snapshots.rs` pins its text.

use crate::{Adam, EpsPlacement};
use ndarray::{array, Array1};
use optcore::error::Result;
use optcore::pieces::{decay_avg, decay_avg_sq, pow_int};
use optcore::measure::step_record;
use optcore::reference::{self, rel_diff};
use optcore::unroll::{self, Poly, Symbol};
use optcore::{
    fmt_num, problem_by_name, run, Convention, Optimizer, Quadratic, Report, Slope, Table,
};

/// How far [`unrolled_first_moment`] unrolls $m_t$.
pub const UNROLL_T: usize = 6;
/// Steps of [`constant_gradient`].
pub const CONSTANT_STEPS: usize = 10;
/// Steps of [`bias_correction_first_steps`] and [`momentum_plus_rmsprop`].
pub const FIRST_STEPS: usize = 8;
/// Steps of [`paper_vs_pytorch`].
pub const COMPARE_STEPS: usize = 200;
/// Steps of [`bias_correction_contour`].
pub const CONTOUR_STEPS: usize = 60;

/// The quadratic's start in every example: $(-5, -2)$ (the reference cases' start).
pub fn quadratic_start() -> Array1<f64> {
    array![-5.0, -2.0]
}

/// The first five steps of Algorithm 1 (η = 0.1, defaults otherwise) on
/// $0.1x^2 + 2y^2$ from $(-5, -2)$: $g$, $m$, $v$, $\hat m$, $\hat v$, θ.
pub fn first_steps() -> Result<Report> {
    let opt = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Paper)
    };
    let tr = run(&opt, Quadratic::reference(), quadratic_start().view(), 5)?;
    tr.completed()?;
    Ok(Report::new()
        .text(format!(
            "Adam, Algorithm 1 (η = {}, β₁ = {}, β₂ = {}, ε = {:e}) on $J = 0.1x^2 + 2y^2$ from $(-5, -2)$.",
            opt.lr, opt.beta1, opt.beta2, opt.eps
        ))
        .table(tr.table())
        .text(format!(
            "At $t = 1$: $m_1 = (1-\\beta_1)g_1$ is a tenth of the gradient and $v_1 = (1-\\beta_2)g_1^2$ a \
             thousandth of its square, but $\\hat m_1 = g_1$ and $\\hat v_1 = g_1^2$ exactly undo that, so \
             both coordinates move by $\\eta\\,|g|/(|g| + \\epsilon) \\approx \\eta$: here {} and {}.",
            fmt_num(tr.rows[1].theta[0] - tr.rows[0].theta[0]),
            fmt_num(tr.rows[1].theta[1] - tr.rows[0].theta[1])
        )))
}

/// $m_t$ unrolled symbolically ([`optcore::unroll`], the unrolling the momentum crate uses for $v_t$), the sum of its
/// weights as a polynomial in β₁ (it collapses to $1-\beta_1^t$), and both
/// evaluated at β₁ = 0.9.
pub fn unrolled_first_moment(t_max: usize) -> Report {
    let b1 = Symbol::beta(1);
    let beta1 = 0.9;
    let mut eqs = Vec::new();
    let mut table = Table::new(
        format!(
            "the weights of m_t = (1 − β₁) Σ β₁^(t−i) gᵢ sum to 1 − β₁ᵗ (numbers at β₁ = {beta1})"
        ),
        &["t", "Σ weights (expanded)", "Σ weights at β₁", "1 − β₁ᵗ"],
    );
    for t in 1..=t_max {
        let m = unroll::unroll(&b1, "g", &Poly::symbol(), &Poly::one_minus(), t);
        if t <= 4 {
            eqs.push(format!("$$ {} $$", m.equation(&format!("m_{t}"))));
        }
        let sum = m
            .terms
            .iter()
            .fold(Poly::zero(), |acc, term| acc.add(&term.coeff))
            .mul(&m.factor);
        let numeric: f64 = m.weights(beta1).iter().map(|(_, w)| w).sum();
        table.push(vec![
            t.into(),
            sum.text(&b1).into(),
            numeric.into(),
            (1.0 - pow_int(beta1, t)).into(),
        ]);
    }
    Report::new()
        .text(format!(
            "With $m_0 = 0$, unrolling $m_t = \\beta_1 m_{{t-1}} + (1-\\beta_1) g_t$:\n\n{}",
            eqs.join("\n\n")
        ))
        .table(table)
        .text(
            "If the gradients are stationary, $\\mathbb E[g_i] = \\mathbb E[g]$ for every $i$, so \
             $\\mathbb E[m_t] = (1-\\beta_1)\\sum_{i=1}^t \\beta_1^{t-i}\\,\\mathbb E[g] = (1-\\beta_1^t)\\,\\mathbb E[g]$: \
             $m_t$ underestimates the mean gradient by the factor $1-\\beta_1^t$, most at the start. \
             Dividing by it, $\\hat m_t = m_t/(1-\\beta_1^t)$, removes the bias; the same argument with \
             $g_i^2$ gives $\\hat v_t = v_t/(1-\\beta_2^t)$.",
        )
}

/// A constant gradient ($J = \theta$, $g \equiv 1$): $m_t = 1-\beta_1^t$ and
/// $v_t = 1-\beta_2^t$ are biased, $\hat m_t = \hat v_t = 1$ are not.
pub fn constant_gradient(steps: usize) -> Result<Table> {
    let opt = Adam::defaults(Convention::Paper);
    let tr = run(&opt, Slope::new(1.0), array![0.0].view(), steps)?;
    tr.completed()?;
    let mut t = Table::new(
        format!(
            "Adam's moments for a constant gradient g = 1 (β₁ = {}, β₂ = {})",
            opt.beta1, opt.beta2
        ),
        &["t", "m", "1 − β₁ᵗ", "m̂", "v", "1 − β₂ᵗ", "v̂"],
    );
    for row in tr.rows.iter().skip(1) {
        let r = step_record(row)?;
        t.push(vec![
            row.t.into(),
            r.m[0].into(),
            (1.0 - pow_int(opt.beta1, row.t)).into(),
            r.m_hat[0].into(),
            r.v[0].into(),
            (1.0 - pow_int(opt.beta2, row.t)).into(),
            r.v_hat[0].into(),
        ]);
    }
    Ok(t)
}

/// The first steps with and without bias correction. On a constant gradient the
/// uncorrected step is $\eta\,(1-\beta_1^t)/\sqrt{1-\beta_2^t}$: about 3.2η at
/// $t = 1$ with the default betas, too large, not too small.
pub fn bias_correction_first_steps(steps: usize) -> Result<Report> {
    let corrected = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Paper)
    };
    let uncorrected = Adam {
        bias_correction: false,
        ..corrected
    };
    let a = run(&corrected, Slope::new(1.0), array![0.0].view(), steps)?;
    let b = run(&uncorrected, Slope::new(1.0), array![0.0].view(), steps)?;
    let mut t1 = Table::new(
        format!(
            "constant gradient g = 1, η = {}: the step Δθₜ",
            corrected.lr
        ),
        &[
            "t",
            "corrected",
            "uncorrected",
            "uncorrected / corrected",
            "(1 − β₁ᵗ)/√(1 − β₂ᵗ)",
        ],
    );
    for (ra, rb) in a.rows.windows(2).zip(b.rows.windows(2)) {
        let t = ra[1].t;
        let (da, db) = (
            ra[1].theta[0] - ra[0].theta[0],
            rb[1].theta[0] - rb[0].theta[0],
        );
        let closed =
            (1.0 - pow_int(corrected.beta1, t)) / (1.0 - pow_int(corrected.beta2, t)).sqrt();
        t1.push(vec![
            t.into(),
            da.into(),
            db.into(),
            (db / da).into(),
            closed.into(),
        ]);
    }
    let qa = run(
        &corrected,
        Quadratic::reference(),
        quadratic_start().view(),
        steps,
    )?;
    let qb = run(
        &uncorrected,
        Quadratic::reference(),
        quadratic_start().view(),
        steps,
    )?;
    let mut t2 = Table::new(
        format!(
            "quadratic from (−5, −2), η = {}: θ and the loss",
            corrected.lr
        ),
        &[
            "t",
            "θ₁ corrected",
            "θ₁ uncorrected",
            "loss corrected",
            "loss uncorrected",
        ],
    );
    for (ra, rb) in qa.rows.iter().zip(&qb.rows) {
        t2.push(vec![
            ra.t.into(),
            ra.theta[1].into(),
            rb.theta[1].into(),
            ra.loss.into(),
            rb.loss.into(),
        ]);
    }
    Ok(Report::new()
        .text(
            "Without the correction the first step is $\\eta\\,m_1/\\sqrt{v_1} = \\eta\\,(1-\\beta_1)/\\sqrt{1-\\beta_2}$ \
             times the gradient's sign: the second moment is biased far more (by $1-\\beta_2^t$, under a square \
             root) than the first (by $1-\\beta_1^t$), so the uncorrected steps start about three times too large.",
        )
        .table(t1)
        .table(t2))
}

/// Adam without bias correction is the momentum EMA of the gradient divided by
/// RMSprop's RMS: the pieces `decay_avg` (β₁) and `decay_avg_sq` (ρ = β₂) applied
/// to Adam's own gradients give its iterates to the last bit (Adam's step calls
/// the same pieces).
pub fn momentum_plus_rmsprop(steps: usize) -> Result<Report> {
    let opt = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        bias_correction: false,
        ..Adam::defaults(Convention::Paper)
    };
    let tr = run(
        &opt,
        Quadratic::reference(),
        quadratic_start().view(),
        steps,
    )?;
    tr.completed()?;
    let mut ema = Array1::zeros(2);
    let mut avg_sq = Array1::zeros(2);
    let mut t = Table::new(
        format!("Adam without bias correction (η = {}) vs momentum EMA / RMSprop RMS, on its own gradients", opt.lr),
        &["t", "EMA m[0]", "√E[g²][0]", "θₜ₋₁ − η m/(√E[g²]+ε) [0]", "Adam θₜ[0]", "θₜ₋₁ − η m/(√E[g²]+ε) [1]", "Adam θₜ[1]", "max |difference|"],
    );
    for w in tr.rows.windows(2) {
        let r = step_record(&w[1])?;
        decay_avg(ema.view_mut(), r.grad.view(), opt.beta1);
        decay_avg_sq(avg_sq.view_mut(), r.grad.view(), opt.beta2);
        let pieces: Vec<f64> = (0..2)
            .map(|i| w[0].theta[i] - opt.lr * ema[i] / (avg_sq[i].sqrt() + opt.eps))
            .collect();
        let adam: Vec<f64> = (0..2).map(|i| w[1].theta[i]).collect();
        let diff = (pieces[0] - adam[0]).abs().max((pieces[1] - adam[1]).abs());
        t.push(vec![
            w[1].t.into(),
            ema[0].into(),
            avg_sq[0].sqrt().into(),
            pieces[0].into(),
            adam[0].into(),
            pieces[1].into(),
            adam[1].into(),
            diff.into(),
        ]);
    }
    Ok(Report::new()
        .text(
            "$m_t$ is momentum written as an average, $m_t = \\beta_1 m_{t-1} + (1-\\beta_1)g_t$ (momentum's \
             $v_t = \\gamma v_{t-1} + \\eta g_t$ with the step size moved out and a factor $1-\\beta_1$ in), and \
             $v_t$ is RMSprop's $E[g^2]_t$ with $\\rho = \\beta_2$. Feeding Adam's gradients to those two pieces \
             (`optcore::pieces`, the very functions Adam's step calls) and dividing reproduces Adam's iterates \
             exactly: every difference is 0.",
        )
        .table(t)
        .text(
            "With bias correction Adam is the same quotient times $\\sqrt{1-\\beta_2^t}/(1-\\beta_1^t)$ (ε aside). \
             It is not RMSprop with momentum as torch implements it, $b_t = \\mu b_{t-1} + g_t/\\sqrt{E[g^2]_t}$, \
             which averages already-scaled gradients: Adam averages first and scales once.",
        ))
}

/// Adam's first step on slopes of decreasing gradient, ε = 1e-8 added to
/// $\sqrt{\hat v}$ (Kingma & Ba, torch) or inside the root (optax's `eps_root`).
pub fn eps_placement() -> Result<Table> {
    let added = Adam::defaults(Convention::Paper);
    let inside = Adam {
        eps_placement: EpsPlacement::InsideRoot,
        ..added
    };
    let mut t = Table::new(
        format!(
            "Adam's first step, η = {}, ε = {:e}: √v̂ + ε vs √(v̂ + ε)",
            added.lr, added.eps
        ),
        &["|g|", "Δθ, √v̂ + ε", "Δθ, √(v̂ + ε)", "inside / added"],
    );
    for c in [1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8] {
        let a = run(&added, Slope::new(c), array![0.0].view(), 1)?;
        let b = run(&inside, Slope::new(c), array![0.0].view(), 1)?;
        let (da, db) = (a.rows[1].theta[0], b.rows[1].theta[0]);
        t.push(vec![c.into(), da.into(), db.into(), (db / da).into()]);
    }
    Ok(t.with_note(
        "after the bias correction v̂₁ = g², so the first step is η·g/(|g| + ε) or η·g/√(g² + ε): inside the root ε = 1e-8 damps every gradient below √ε = 1e-4",
    ))
}

/// The shared reference case `pytorch-adam-quadratic` (cases.json: lr 0.5,
/// betas (0.9, 0.999), eps 1e-8, from (−5, −2), 20 steps) next to our `pytorch`
/// convention, row by row, with the distance in units in the last place.
pub fn torch_reference() -> Result<Table> {
    let reference = reference::trace("pytorch-adam-quadratic")?;
    let opt = Adam {
        lr: 0.5,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Pytorch)
    };
    let tr = run(&opt, Quadratic::reference(), quadratic_start().view(), 20)?;
    let mut t = Table::new(
        "torch.optim.Adam (reference trace) vs adam::Adam, pytorch convention",
        &[
            "t",
            "θ₀ torch",
            "θ₀ ours",
            "θ₁ torch",
            "θ₁ ours",
            "ulps apart",
        ],
    );
    let mut worst: f64 = 0.0;
    for (ours, theirs) in tr.rows.iter().zip(&reference) {
        let ulps = (0..2)
            .map(|i| (ours.theta[i].to_bits() as i64 - theirs.theta[i].to_bits() as i64).abs())
            .max()
            .unwrap_or(0);
        for i in 0..2 {
            worst = worst.max(rel_diff(ours.theta[i], theirs.theta[i]));
        }
        t.push(vec![
            ours.t.into(),
            theirs.theta[0].into(),
            ours.theta[0].into(),
            theirs.theta[1].into(),
            ours.theta[1].into(),
            ulps.into(),
        ]);
    }
    Ok(t.with_note(format!("largest relative difference: {worst:e}")))
}

/// The `paper` and `pytorch` conventions run the same formula in different
/// rounding: their largest relative difference in θ over `steps` steps.
pub fn paper_vs_pytorch(steps: usize) -> Result<Table> {
    let d = Adam::defaults(Convention::Paper);
    let paper = Adam {
        lr: 0.01,
        beta1: d.beta1,
        beta2: d.beta2,
        eps: d.eps,
        ..Adam::defaults(Convention::Paper)
    };
    let torch = Adam {
        lr: paper.lr,
        beta1: d.beta1,
        beta2: d.beta2,
        eps: d.eps,
        ..Adam::defaults(Convention::Pytorch)
    };
    let mut t = Table::new(
        format!(
            "Adam, paper vs pytorch arithmetic ({}), {steps} steps",
            paper.symbols()
        ),
        &["problem", "start", "max relative difference in θ"],
    );
    for (name, start) in [
        ("quadratic", [-5.0, -2.0]),
        ("rosenbrock", [-1.2, 1.0]),
        ("beale", [1.0, 1.0]),
    ] {
        let obj = problem_by_name(name)?;
        let start = Array1::from(start.to_vec());
        let a = run(&paper, obj.as_ref(), start.view(), steps)?;
        let b = run(&torch, obj.as_ref(), start.view(), steps)?;
        let mut worst: f64 = 0.0;
        for (ra, rb) in a.rows.iter().zip(&b.rows) {
            for i in 0..2 {
                worst = worst.max(rel_diff(ra.theta[i], rb.theta[i]));
            }
        }
        t.push(vec![
            name.into(),
            format!("({}, {})", start[0], start[1]).into(),
            worst.into(),
        ]);
    }
    Ok(t)
}

/// Adam with and without bias correction (η = 0.1) on the quadratic, drawn over
/// its contours.
pub fn bias_correction_contour(steps: usize) -> Result<plots::Figure> {
    let corrected = Adam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Paper)
    };
    let uncorrected = Adam {
        bias_correction: false,
        ..corrected
    };
    let q = Quadratic::reference();
    let a = run(&corrected, &q, quadratic_start().view(), steps)?;
    let b = run(&uncorrected, &q, quadratic_start().view(), steps)?;
    plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
        .title(format!(
            "Adam on 0.1x² + 2y², η = {}, {steps} steps",
            corrected.lr
        ))
        .path("bias-corrected (Algorithm 1)", a.path2())
        .path("no bias correction", b.path2())
        .render()
}
