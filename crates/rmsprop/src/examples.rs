//! The worked examples `notebooks/07-rmsprop.ipynb` shows; each returns a value
//! that renders itself, and `tests/snapshots.rs` pins its text.

use crate::Rmsprop;
use ndarray::{array, Array1};
use optcore::error::Result;
use optcore::measure::step_record;
use optcore::{
    fmt_num, reference_start, run, run_to_completion, Convention, Objective, Optimizer, Quadratic,
    Report, Rosenbrock, Slope, Table, Trace,
};

/// Steps of [`variants`] and [`variants_contour`].
pub const VARIANT_STEPS: usize = 200;
/// η and steps of the Adagrad comparison ([`vs_adagrad`], [`vs_adagrad_chart`]).
pub const VS_ADAGRAD_LR: f64 = 0.1;
pub const VS_ADAGRAD_STEPS: usize = 200;

/// Rosenbrock's classic start $(-1.2, 1)$.
pub fn rosenbrock_start() -> Array1<f64> {
    array![-1.2, 1.0]
}

/// The first five steps of the paper's RMSprop (η = 0.1, ρ = 0.9, ε = 1e-8) on
/// $0.1x^2 + 2y^2$ from $(-5, -2)$, every quantity of the update in its column.
pub fn first_steps() -> Result<Report> {
    let opt = Rmsprop {
        lr: 0.1,
        rho: 0.9,
        eps: 1e-8,
        ..Rmsprop::defaults(Convention::Paper)
    };
    let tr = run_to_completion(&opt, Quadratic::reference(), reference_start().view(), 5)?;
    let jump = 1.0 / (1.0 - opt.rho).sqrt();
    Ok(Report::new()
        .text(format!(
            "RMSprop, paper convention (η = {}, ρ = {}, ε = {:e}), on $J = 0.1x^2 + 2y^2$ from $(-5, -2)$. \
             Columns: $g_t$, $E[g^2]_t = \\rho E[g^2]_{{t-1}} + (1-\\rho)g_t^2$, \
             $d = \\sqrt{{E[g^2]_t + \\epsilon}}$, the effective rate $\\eta/d$, and $\\theta_t$.",
            opt.lr, opt.rho, opt.eps
        ))
        .table(tr.table())
        .text(format!(
            "At $t = 1$, $E[g^2]_1 = (1-\\rho)g_1^2$, so every coordinate moves by \
             $\\eta/\\sqrt{{1-\\rho}} = {}\\,\\eta$ whatever the size of its gradient: \
             $x$ (gradient −1) and $y$ (gradient −8) both move by about {}. The step is \
             scaled per coordinate by the gradient's own recent size.",
            fmt_num(jump),
            fmt_num(tr.rows[1].theta[0] - tr.rows[0].theta[0])
        )))
}

/// The first step $\Delta\theta_1$ with ε inside the root (`paper`) and added to
/// it (`pytorch`), same η = 0.01, ρ = 0.99, ε = 1e-8, on slopes of decreasing
/// gradient $|g|$: with ε inside, ε = 1e-8 acts like 1e-4 outside.
pub fn eps_placement() -> Result<Table> {
    let (lr, rho, eps) = (0.01, 0.99, 1e-8);
    let inside = Rmsprop {
        lr,
        rho,
        eps,
        ..Rmsprop::defaults(Convention::Paper)
    };
    let outside = Rmsprop {
        lr,
        rho,
        eps,
        ..Rmsprop::defaults(Convention::Pytorch)
    };
    let mut t = Table::new(
        format!("RMSprop's first step, η = {lr}, ρ = {rho}, ε = {eps:e}: where ε goes"),
        &[
            "|g|",
            "√E[g²]₁",
            "Δθ, ε inside √ (paper)",
            "Δθ, ε outside (pytorch)",
            "inside / outside",
        ],
    );
    for c in [1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8] {
        let a = run(&inside, Slope::new(c), array![0.0].view(), 1)?;
        let b = run(&outside, Slope::new(c), array![0.0].view(), 1)?;
        let (da, db) = (a.rows[1].theta[0], b.rows[1].theta[0]);
        let sq = b.rows[1]
            .record
            .as_ref()
            .map(|r| r.avg_sq_grad[0].sqrt())
            .unwrap_or(f64::NAN);
        t.push(vec![
            c.into(),
            sq.into(),
            da.into(),
            db.into(),
            (da / db).into(),
        ]);
    }
    Ok(t.with_note(
        "with ε inside the root the step shrinks once √E[g²] nears √ε = 1e-4; outside, only once it nears ε = 1e-8",
    ))
}

/// The momentum of the momentum variants below.
pub const VARIANT_MOMENTUM: f64 = 0.9;

/// The paper's form (at torch's η) and torch's variants, labelled from their own
/// hyperparameters: paper, torch's defaults, momentum, centered, both.
pub fn variant_list() -> Result<Vec<(String, Rmsprop)>> {
    let torch = Rmsprop::defaults(Convention::Pytorch);
    let paper = Rmsprop {
        lr: torch.lr,
        ..Rmsprop::defaults(Convention::Paper)
    };
    let m = VARIANT_MOMENTUM;
    Ok(vec![
        (format!("paper: ρ = {}, ε inside", paper.rho), paper),
        ("pytorch defaults".to_string(), torch),
        (
            format!("pytorch, momentum {m}"),
            Rmsprop {
                momentum: m,
                ..torch
            },
        ),
        (
            "pytorch, centered".to_string(),
            Rmsprop {
                centered: true,
                ..torch
            },
        ),
        (
            format!("pytorch, centered + momentum {m}"),
            Rmsprop {
                momentum: m,
                centered: true,
                ..torch
            },
        ),
    ])
}

/// The variants torch offers (momentum, centered) and the paper's form, on the
/// quadratic and on Rosenbrock, `steps` steps each: the loss and θ reached.
pub fn variants(steps: usize) -> Result<Table> {
    let list = variant_list()?;
    let torch = list[1].1;
    let mut t = Table::new(
        format!("RMSprop variants, η = {}, {steps} steps", torch.lr),
        &["variant", "problem", "loss", "θ[0]", "θ[1]"],
    );
    let problems: [(&dyn Objective, Array1<f64>); 2] = [
        (&Quadratic::reference(), reference_start()),
        (&Rosenbrock::default(), rosenbrock_start()),
    ];
    for (obj, start) in &problems {
        for (label, opt) in &list {
            let tr = run_to_completion(opt, *obj, start.view(), steps)?;
            let last = tr.last();
            t.push(vec![
                label.as_str().into(),
                obj.name().into(),
                last.loss.into(),
                last.theta[0].into(),
                last.theta[1].into(),
            ]);
        }
    }
    Ok(t)
}

/// The paths of the paper form and of torch's variants on the quadratic, drawn
/// over its contours.
pub fn variants_contour(steps: usize) -> Result<plots::Figure> {
    // The first four of the list: the fifth, both variants at once, would hide
    // under the others.
    let list: Vec<(String, Rmsprop)> = variant_list()?.into_iter().take(4).collect();
    let torch = list[1].1;
    let q = Quadratic::reference();
    let mut c = plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0)).title(format!(
        "RMSprop on 0.1x² + 2y², η = {}, {steps} steps",
        torch.lr
    ));
    for (label, opt) in &list {
        let tr = run(opt, &q, reference_start().view(), steps)?;
        c = c.path(label.as_str(), tr.path2());
    }
    c.render()
}

/// Steps of [`first_half_of_adadelta`].
pub const ADADELTA_STEPS: usize = 8;

/// RMSprop and Adadelta (Zeiler's form, ρ = 0.95, ε = 1e-6, both) on a constant
/// gradient $g \equiv 2$: the same $E\[g^2\]_t$ and the same denominator
/// $\sqrt{E\[g^2\]_t + \epsilon}$; only the numerator differs (η vs
/// $RMS\[\Delta\theta\]_{t-1}$).
pub fn first_half_of_adadelta(steps: usize) -> Result<Table> {
    let ada = adadelta::Adadelta {
        rho: 0.95,
        eps: 1e-6,
        ..adadelta::Adadelta::defaults(Convention::Paper)
    };
    let rms = Rmsprop {
        lr: 0.01,
        rho: ada.rho,
        eps: ada.eps,
        ..Rmsprop::defaults(Convention::Paper)
    };
    let a = run_to_completion(&ada, Slope::new(2.0), array![0.0].view(), steps)?;
    let b = run_to_completion(&rms, Slope::new(2.0), array![0.0].view(), steps)?;
    let mut t = Table::new(
        format!(
            "a constant gradient g = 2; ρ = {}, ε = {:e}; RMSprop η = {}",
            ada.rho, ada.eps, rms.lr
        ),
        &[
            "t",
            "E[g²] Adadelta",
            "E[g²] RMSprop",
            "RMS[g] = √(E[g²]+ε)",
            "d (RMSprop)",
            "numerator: RMS[Δθ]ₜ₋₁",
            "numerator: η",
            "Δθ Adadelta",
            "Δθ RMSprop",
        ],
    );
    for (ra, rb) in a.rows.iter().zip(&b.rows).skip(1) {
        let (x, y) = (step_record(ra)?, step_record(rb)?);
        t.push(vec![
            ra.t.into(),
            x.avg_sq_grad[0].into(),
            y.avg_sq_grad[0].into(),
            x.rms_grad[0].into(),
            y.denom[0].into(),
            x.rms_update_prev[0].into(),
            rms.lr.into(),
            x.update[0].into(),
            (rb.theta[0] - b.rows[rb.t - 1].theta[0]).into(),
        ]);
    }
    Ok(t)
}

/// Adagrad and RMSprop (paper, ρ = 0.9) with the same η = `lr` and ε = 1e-8.
pub fn vs_adagrad_optimizers(lr: f64) -> Result<(adagrad::Adagrad, Rmsprop)> {
    Ok((
        adagrad::Adagrad {
            lr,
            eps: 1e-8,
            ..adagrad::Adagrad::defaults(Convention::Paper)
        },
        Rmsprop {
            lr,
            rho: 0.9,
            eps: 1e-8,
            ..Rmsprop::defaults(Convention::Paper)
        },
    ))
}

/// The runs of [`vs_adagrad_optimizers`] on the quadratic from $(-5, -2)$.
pub fn vs_adagrad_runs(
    lr: f64,
    steps: usize,
) -> Result<(Trace<adagrad::AdagradRecord>, Trace<crate::RmspropRecord>)> {
    let (ada, rms) = vs_adagrad_optimizers(lr)?;
    let ada = run_to_completion(
        &ada,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let rms = run_to_completion(
        &rms,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    Ok((ada, rms))
}

/// The effective rates $\eta/\sqrt{G_t+\epsilon}$ (Adagrad) and
/// $\eta/\sqrt{E\[g^2\]_t+\epsilon}$ (RMSprop) on the same problem, at a few steps.
pub fn vs_adagrad(lr: f64, steps: usize) -> Result<Table> {
    let (ada, rms) = vs_adagrad_runs(lr, steps)?;
    let mut t = Table::new(
        {
            let (ada, rms) = vs_adagrad_optimizers(lr)?;
            format!(
                "effective rates on the quadratic: Adagrad {}, RMSprop {}",
                ada.symbols(),
                rms.symbols()
            )
        },
        &[
            "t",
            "Adagrad η/√(G+ε) [0]",
            "RMSprop η/√(E[g²]+ε) [0]",
            "Adagrad [1]",
            "RMSprop [1]",
            "loss Adagrad",
            "loss RMSprop",
        ],
    );
    for t_ in [1, 2, 5, 10, 20, 50, 100, 150, 200, 300, 400] {
        if t_ > steps {
            break;
        }
        let (a, r) = (&ada.rows[t_], &rms.rows[t_]);
        let (ra, rr) = (step_record(a)?, step_record(r)?);
        t.push(vec![
            t_.into(),
            ra.effective_lr[0].into(),
            rr.effective_lr[0].into(),
            ra.effective_lr[1].into(),
            rr.effective_lr[1].into(),
            a.loss.into(),
            r.loss.into(),
        ]);
    }
    Ok(t.with_note("Adagrad's rate only falls (G only grows); RMSprop's follows the recent gradient size and rises again as the gradient shrinks near the minimum"))
}

/// The same effective rates, every step, on one log-scale chart.
pub fn vs_adagrad_chart(lr: f64, steps: usize) -> Result<plots::Figure> {
    let (ada, rms) = vs_adagrad_runs(lr, steps)?;
    let pick = |rows: Vec<(usize, f64)>| {
        rows.into_iter()
            .map(|(t, y)| (t as f64, y))
            .collect::<Vec<_>>()
    };
    let ada_rate = |i: usize| {
        pick(
            ada.rows
                .iter()
                .filter_map(|r| r.record.as_ref().map(|x| (r.t, x.effective_lr[i])))
                .collect(),
        )
    };
    let rms_rate = |i: usize| {
        pick(
            rms.rows
                .iter()
                .filter_map(|r| r.record.as_ref().map(|x| (r.t, x.effective_lr[i])))
                .collect(),
        )
    };
    plots::LineChart::new(format!("effective learning rate per coordinate, η = {lr}"))
        .x_label("step t")
        .y_label("η / √(· + ε)")
        .log_y(true)
        .series("Adagrad, θ[0]", ada_rate(0))
        .series("Adagrad, θ[1]", ada_rate(1))
        .series("RMSprop, θ[0]", rms_rate(0))
        .series("RMSprop, θ[1]", rms_rate(1))
        .render()
}

/// The run the notebook's from-scratch cell is checked against, at the
/// student's own settings: the paper's RMSprop (ε inside the root) with η =
/// `eta`, ρ = `rho`, ε = `eps` on $0.1x^2 + 2y^2$ from `theta0`, `steps` steps.
/// At η = 0.1, ρ = 0.9, ε = 1e-8, θ₀ = (−5, −2) and [`SCRATCH_STEPS`] steps it
/// is [`library_run`].
///
/// Settings the method refuses are a typed error naming the knob: η ≤ 0, ρ
/// outside its range, ε < 0, 0 steps or more than [`optcore::MAX_TRACE_STEPS`],
/// a start that is not finite; so is a run that cannot finish.
pub fn scratch_trace(
    eta: f64,
    rho: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<crate::RmspropRecord>> {
    if steps == 0 {
        return Err(optcore::Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    let opt = Rmsprop {
        lr: eta,
        rho,
        eps,
        ..Rmsprop::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// Steps of [`library_run`], the run the notebook's from-scratch cell repeats.
pub const SCRATCH_STEPS: usize = 5;

/// The library's trace of the run the notebook writes out by hand: the paper's
/// RMSprop (η = 0.1, ρ = 0.9, ε = 1e-8, as [`first_steps`]) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, [`SCRATCH_STEPS`] steps. `optcore::exercise::compare_with_trace`
/// holds the student's rule against it.
pub fn library_run() -> Result<Trace<crate::RmspropRecord>> {
    let opt = Rmsprop {
        lr: 0.1,
        rho: 0.9,
        eps: 1e-8,
        ..Rmsprop::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}
