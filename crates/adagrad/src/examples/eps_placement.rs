//! Where ε goes: the post's $\eta/\sqrt{G + \epsilon}$ vs torch's
//! $\eta/(\sqrt G + \epsilon)$, torch's extra options, a zero denominator, and
//! refused hyperparameters.

use super::reference_optimizer;
use crate::Adagrad;
use ndarray::array;
use optcore::measure::step_record;
use optcore::render::fmt_short;
use optcore::{
    reference_start, run, run_to_completion, Convention, FnObjective, Optimizer, Quadratic, Result,
    Table,
};

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
            "θ[0] post",
            "θ[0] torch",
            "θ[1] post",
            "θ[1] torch",
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
            "step-1 rate θ[0]",
            "step-1 rate θ[1]",
            "θ[0]",
            "θ[1]",
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
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            reference_start().view(),
            steps,
        )?;
        let first = step_record(&tr.rows[1])?.effective_lr.clone();
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
