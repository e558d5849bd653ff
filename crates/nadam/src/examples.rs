//! The worked examples `notebooks/09-nadam.ipynb` shows; each returns a value that
//! renders itself, and `tests/snapshots.rs` pins its text.

use crate::{Nadam, NadamRecord};
use adam::Adam;
use ndarray::array;
use optcore::error::Result;
use optcore::{
    fmt_num, reference_start, run, run_to_completion, Convention, Exact, Optimizer, Oracle,
    Quadratic, Report, Slope, Table, Trace,
};

/// η and steps of [`forms_side_by_side`] and [`forms_contour`].
pub const FORMS_LR: f64 = 0.1;
pub const FORMS_STEPS: usize = 100;

/// torch's momentum schedule $\psi$ large enough that every $\mu_t = \beta_1$ in
/// f64 ($0.96^{1000} \approx 2\cdot10^{-18}$): the "ψ → ∞" limit.
pub const PSI_LIMIT: f64 = 1000.0;

/// The records of `opt` at steps `ts` (ascending) on a constant gradient (the
/// coefficients depend on t only).
fn records_at(opt: &Nadam, ts: &[usize]) -> Result<Vec<(usize, NadamRecord)>> {
    let mut oracle = Exact::new(Slope::new(1.0));
    let mut theta = array![0.0];
    let mut state = opt.init(theta.view());
    let mut out = Vec::new();
    let last = ts.iter().copied().max().unwrap_or(0);
    for t in 1..=last {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle)?;
        if ts.contains(&t) {
            out.push((t, opt.record(&state)));
        }
    }
    Ok(out)
}

/// torch's μ schedule and the coefficients of $g_t/d$ and $m_t/d$ (divided by η)
/// at a few steps, next to Ruder's simplified form, and the ψ → ∞ limit.
pub fn schedule() -> Result<Report> {
    let torch = Nadam::defaults(Convention::Pytorch);
    let limit = Nadam {
        momentum_decay: PSI_LIMIT,
        ..torch
    };
    let ruder = Nadam::defaults(Convention::Paper);
    let ts = [1, 2, 3, 5, 10, 100, 250, 1000, 5000, 20000];
    let (a, b, c) = (
        records_at(&torch, &ts)?,
        records_at(&limit, &ts)?,
        records_at(&ruder, &ts)?,
    );
    let eta = torch.lr;
    let mut t1 = Table::new(
        format!(
            "torch.optim.NAdam's schedule, β₁ = {}, ψ = {}",
            torch.beta1, torch.momentum_decay
        ),
        &["t", "μₜ", "μₜ₊₁", "Πμ", "c_g/η", "c_m/η"],
    );
    for (t, r) in &a {
        t1.push(vec![
            (*t).into(),
            r.schedule.mu.into(),
            r.schedule.mu_next.into(),
            r.schedule.mu_product.into(),
            (r.schedule.coef_grad / eta).into(),
            (r.schedule.coef_avg / eta).into(),
        ]);
    }
    let mut t2 = Table::new(
        "the coefficients c_g/η (of g/d) and c_m/η (of m/d): torch with ψ → ∞ vs Ruder's form",
        &[
            "t",
            "c_g/η torch ψ→∞",
            "c_g/η Ruder",
            "c_m/η torch ψ→∞",
            "c_m/η Ruder",
            "β₁/(1 − β₁ᵗ⁺¹)",
            "β₁/(1 − β₁ᵗ)",
        ],
    );
    for ((t, rb), (_, rc)) in b.iter().zip(&c).take(6) {
        let b1 = ruder.beta1;
        t2.push(vec![
            (*t).into(),
            (rb.schedule.coef_grad / eta).into(),
            (rc.schedule.coef_grad / eta).into(),
            (rb.schedule.coef_avg / eta).into(),
            (rc.schedule.coef_avg / eta).into(),
            (b1 / (1.0 - optcore::pieces::pow_int(b1, t + 1))).into(),
            (b1 / (1.0 - optcore::pieces::pow_int(b1, *t))).into(),
        ]);
    }
    let mu_1000 = a
        .iter()
        .find(|(t, _)| *t == 1000)
        .map(|(_, r)| r.schedule.mu)
        .unwrap_or(f64::NAN);
    Ok(Report::new()
        .text(format!(
            "torch's $\\mu_t = \\beta_1(1 - \\tfrac12\\,0.96^{{t\\psi}})$ starts at $\\beta_1/2$ and reaches only \
             {} after 1000 steps: for a long time NAdam in torch uses much less momentum than $\\beta_1$. \
             $c_g$ and $c_m$ are the coefficients in $\\theta_t = \\theta_{{t-1}} - c_g\\,g_t/d - c_m\\,m_t/d$.",
            fmt_num(mu_1000)
        ))
        .table(t1)
        .text(
            "With $\\psi \\to \\infty$ every $\\mu = \\beta_1$, the gradient coefficients agree, but torch divides the \
             momentum term by $1-\\beta_1^{t+1}$ (Dozat's $\\prod_{i\\le t+1}\\mu_i$), Ruder's form by $1-\\beta_1^t$: \
             the two forms are different algorithms, not two roundings of one.",
        )
        .table(t2))
}

/// The first five NAdam steps (torch's form, η = 0.1) on the quadratic.
pub fn first_steps() -> Result<Report> {
    let opt = Nadam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        momentum_decay: 4e-3,
        ..Nadam::defaults(Convention::Pytorch)
    };
    let tr = run_to_completion(&opt, Quadratic::reference(), reference_start().view(), 5)?;
    Ok(Report::new()
        .text(format!(
            "torch.optim.NAdam (η = {}, β = ({}, {}), ε = {:e}, ψ = {}) on $J = 0.1x^2 + 2y^2$ from $(-5, -2)$: \
             $d = \\sqrt{{v_t/(1-\\beta_2^t)}} + \\epsilon$ and $\\theta_t = \\theta_{{t-1}} - c_g\\,g_t/d - c_m\\,m_t/d$.",
            opt.lr, opt.beta1, opt.beta2, opt.eps, opt.momentum_decay
        ))
        .table(tr.table()))
}

/// Traces of Adam, NAdam in Ruder's form, torch's NAdam and torch's NAdam with
/// ψ → ∞, all η = `lr`, on the quadratic from $(-5, -2)$.
pub type Runs = (
    Trace<<Adam as Optimizer>::Record>,
    Trace<NadamRecord>,
    Trace<NadamRecord>,
    Trace<NadamRecord>,
);

/// The four runs of [`forms_side_by_side`] (also drawn in the notebook).
pub fn forms_runs(lr: f64, steps: usize) -> Result<Runs> {
    let q = Quadratic::reference();
    let start = reference_start();
    let adam = run(
        &Adam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            ..Adam::defaults(Convention::Paper)
        },
        &q,
        start.view(),
        steps,
    )?;
    let ruder = run(
        &Nadam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: 4e-3,
            ..Nadam::defaults(Convention::Paper)
        },
        &q,
        start.view(),
        steps,
    )?;
    let torch = run(
        &Nadam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: 4e-3,
            ..Nadam::defaults(Convention::Pytorch)
        },
        &q,
        start.view(),
        steps,
    )?;
    let limit = run(
        &Nadam {
            lr,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            momentum_decay: PSI_LIMIT,
            ..Nadam::defaults(Convention::Pytorch)
        },
        &q,
        start.view(),
        steps,
    )?;
    if let Some(e) = [&adam.stop, &ruder.stop, &torch.stop, &limit.stop]
        .into_iter()
        .flatten()
        .next()
    {
        return Err(e.clone());
    }
    Ok((adam, ruder, torch, limit))
}

/// Loss per step of Adam and the three NAdam forms, and how far torch's and
/// Ruder's NAdam are apart.
pub fn forms_side_by_side(lr: f64, steps: usize) -> Result<Table> {
    let (adam, ruder, torch, limit) = forms_runs(lr, steps)?;
    let mut t = Table::new(
        format!("quadratic from (−5, −2), η = {lr}: the loss J(θₜ)"),
        &[
            "t",
            "Adam",
            "NAdam, Ruder",
            "NAdam, torch ψ = 0.004",
            "NAdam, torch ψ → ∞",
            "|θ torch − θ Ruder|",
        ],
    );
    for t_ in [1, 2, 3, 5, 10, 20, 30, 50, 75, 100] {
        if t_ > steps {
            break;
        }
        let d = (&torch.rows[t_].theta - &ruder.rows[t_].theta)
            .mapv(f64::abs)
            .fold(0.0f64, |a, &b| a.max(b));
        t.push(vec![
            t_.into(),
            adam.rows[t_].loss.into(),
            ruder.rows[t_].loss.into(),
            torch.rows[t_].loss.into(),
            limit.rows[t_].loss.into(),
            d.into(),
        ]);
    }
    Ok(t)
}

/// The four runs of [`forms_runs`] over the quadratic's contours.
pub fn forms_contour(lr: f64, steps: usize) -> Result<plots::Figure> {
    let (adam, ruder, torch, limit) = forms_runs(lr, steps)?;
    let q = Quadratic::reference();
    plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
        .title(format!(
            "Adam and three NAdams on 0.1x² + 2y², η = {lr}, {steps} steps"
        ))
        .path("Adam", adam.path2())
        .path("NAdam, Ruder", ruder.path2())
        .path("NAdam, torch ψ = 0.004", torch.path2())
        .path("NAdam, torch ψ → ∞", limit.path2())
        .render()
}

/// Steps of [`library_run`], the run the notebook's from-scratch cell repeats.
pub const SCRATCH_STEPS: usize = 5;

/// The library's trace of the run the notebook writes out by hand: NAdam in
/// Ruder's form (η = 0.1, β₁ = 0.9, β₂ = 0.999, ε = 1e-8) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, [`SCRATCH_STEPS`] steps; `optcore::exercise::compare_with_trace`
/// holds the student's rule against it.
pub fn library_run() -> Result<Trace<NadamRecord>> {
    let opt = Nadam {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Nadam::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}
