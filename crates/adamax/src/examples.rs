//! The worked examples `notebooks/12-after-nadam.ipynb` shows for AdaMax; each
//! returns a value that renders itself, and `tests/snapshots.rs` pins its text.

use crate::{Adamax, ZERO_U};
use adam::Adam;
use ndarray::array;
use optcore::error::Result;
use optcore::render::fmt_short;
use optcore::{
    reference_start, run, run_to_completion, Convention, Objective, Optimizer, Report, Table,
};

/// The gradient sequence of [`u_against_adam`]: 1 every step but one spike of
/// [`SPIKE`] at step [`SPIKE_AT`].
pub const SPIKE: f64 = 10.0;
pub const SPIKE_AT: usize = 3;
pub const SPIKE_STEPS: usize = 12;

/// $g_t$ of [`u_against_adam`].
pub fn spiky_gradient(t: usize) -> f64 {
    if t == SPIKE_AT {
        SPIKE
    } else {
        1.0
    }
}

/// AdaMax's denominator $u_t$ against Adam's $\sqrt{\hat v_t}$ on the gradients
/// 1, 1, 10, 1, 1, … (one parameter, `paper` conventions, default β's, Adam's
/// ε = 0 so that only the norms differ). $u_t$ is a maximum: after the spike it
/// stays at $10\\,\beta_2^{t-3}$, decaying by β₂ per step. Adam's
/// $\sqrt{\hat v_t}$ is a root mean square: the spike enters with weight
/// $(1-\beta_2)/(1-\beta_2^t)$, so it moves the average less while $t$ is small
/// only because of the bias correction, and it too decays by about β₂ per step.
pub fn u_against_adam() -> Result<Table> {
    let ax = Adamax::defaults(Convention::Paper);
    let ad = Adam {
        lr: ax.lr,
        eps: 0.0,
        ..Adam::defaults(Convention::Paper)
    };
    let mut theta_x = array![0.0];
    let mut theta_a = array![0.0];
    let mut sx = ax.init(theta_x.view());
    let mut sa = ad.init(theta_a.view());
    let mut table = Table::new(
        format!(
            "AdaMax's u against Adam's √v̂ on g = 1, 1, {}, 1, … (η = {}, β₂ = {})",
            fmt_short(SPIKE),
            ax.lr,
            ax.beta2
        ),
        &["t", "gₜ", "u AdaMax", "√v̂ Adam", "step AdaMax", "step Adam"],
    );
    for t in 1..=SPIKE_STEPS {
        let g = array![spiky_gradient(t)];
        let (x0, a0) = (theta_x[0], theta_a[0]);
        ax.update(&mut sx, theta_x.view_mut(), g.view())?;
        ad.update(&mut sa, theta_a.view_mut(), g.view())?;
        let rx = ax.record(&sx);
        let ra = ad.record(&sa);
        table.push(vec![
            t.into(),
            g[0].into(),
            rx.u[0].into(),
            ra.v_hat[0].sqrt().into(),
            (theta_x[0] - x0).into(),
            (theta_a[0] - a0).into(),
        ]);
    }
    Ok(table)
}

/// The first steps of both conventions on the quadratic from (−5, −2), η = 0.1:
/// torch's ε inside the max changes $u_t$ by ε, so θ differs in the last digits.
pub fn first_steps() -> Result<Report> {
    let paper = Adamax {
        lr: FIRST_LR,
        ..Adamax::defaults(Convention::Paper)
    };
    let torch = Adamax {
        lr: FIRST_LR,
        ..Adamax::defaults(Convention::Pytorch)
    };
    let q = optcore::Quadratic::reference();
    let start = reference_start();
    let a = run_to_completion(&paper, &q, start.view(), FIRST_STEPS)?;
    let b = run_to_completion(&torch, &q, start.view(), FIRST_STEPS)?;
    let mut table = Table::new(
        format!("AdaMax on 0.1x² + 2y² from (−5, −2), η = {FIRST_LR}: paper vs pytorch"),
        &[
            "t",
            "u[0]",
            "u[1]",
            "θ[0] paper",
            "θ[1] paper",
            "θ[0] − θ[0] torch",
            "θ[1] − θ[1] torch",
        ],
    );
    for (ra, rb) in a.rows.iter().zip(&b.rows).skip(1) {
        let rec = ra.record.as_ref().expect("a step row has its record");
        table.push(vec![
            ra.t.into(),
            rec.u[0].into(),
            rec.u[1].into(),
            ra.theta[0].into(),
            ra.theta[1].into(),
            (ra.theta[0] - rb.theta[0]).into(),
            (ra.theta[1] - rb.theta[1]).into(),
        ]);
    }
    Ok(Report::new()
        .text(
            "The first step moves every coordinate by exactly η (m₁/u₁ = (1 − β₁)·sign g₁, and the \
             bias correction divides by 1 − β₁); Kingma & Ba note that AdaMax's steps have the simple \
             bound |Δθ| ≤ η. torch's ε inside the max makes u larger by up to ε, so its θ trails the \
             paper's by about η·ε/u per step.",
        )
        .table(table))
}

/// η and steps of [`first_steps`].
pub const FIRST_LR: f64 = 0.1;
pub const FIRST_STEPS: usize = 5;

/// A start where a gradient coordinate is 0 (Beale at (1, 1): ∂f/∂x = 0): the
/// paper's Algorithm 2 meets $u_1 = 0$ and the step is refused; torch's ε keeps
/// going. The refusal's message and both runs' lengths.
pub fn zero_gradient_start() -> Result<Table> {
    let obj = optcore::Beale;
    let start = array![1.0, 1.0];
    let g = obj.gradient(start.view());
    let mut table = Table::new(
        "Beale from (1, 1), where ∂f/∂x = 0: the step divides by u₁ = 0 in the paper's form",
        &["convention", "g₁", "rows computed", "how the run ended"],
    );
    for c in [Convention::Paper, Convention::Pytorch] {
        let opt = Adamax::defaults(c);
        let tr = run(&opt, obj, start.view(), ZERO_STEPS)?;
        let ended = match &tr.stop {
            Some(e) => e.to_string(),
            None => format!("all {ZERO_STEPS} steps"),
        };
        table.push(vec![
            c.to_string().into(),
            format!("({}, {})", fmt_short(g[0]), fmt_short(g[1])).into(),
            tr.rows.len().into(),
            ended.into(),
        ]);
    }
    Ok(table.with_note(format!(
        "the paper convention's refusal names u: \"{ZERO_U}\""
    )))
}

/// Steps of [`zero_gradient_start`].
pub const ZERO_STEPS: usize = 10;

/// The `pytorch` convention against torch.optim.Adamax on every reference case
/// ([`optcore::reference::agreement`]).
pub fn torch_check() -> Result<Table> {
    optcore::reference::agreement::<Adamax>()
}

/// Steps of the notebook's from-scratch rule and of [`library_run`].
pub const SCRATCH_STEPS: usize = 5;

/// The run the notebook's from-scratch rule is checked against: the `paper`
/// convention, η = 0.1, β₁ = 0.9, β₂ = 0.999, on the quadratic from (−5, −2).
pub fn library_run() -> Result<optcore::Trace<crate::AdamaxRecord>> {
    let opt = Adamax {
        lr: 0.1,
        beta1: 0.9,
        beta2: 0.999,
        ..Adamax::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        optcore::Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}
