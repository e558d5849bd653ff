//! Uncorrected vs corrected first steps: without the correction the first steps
//! are about three times too large, on a constant gradient and on the quadratic.

use crate::Adam;
use ndarray::array;
use optcore::error::Result;
use optcore::pieces::pow_int;
use optcore::{reference_start, run, Convention, Quadratic, Report, Slope, Table};
use plots::{Contour, Figure};

/// The first steps with and without bias correction. On a constant gradient the
/// uncorrected step is $\eta\\,(1-\beta_1^t)/\sqrt{1-\beta_2^t}$: about 3.2η at
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
        reference_start().view(),
        steps,
    )?;
    let qb = run(
        &uncorrected,
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )?;
    let mut t2 = Table::new(
        format!(
            "quadratic from (−5, −2), η = {}: θ and the loss",
            corrected.lr
        ),
        &[
            "t",
            "y corrected",
            "y uncorrected",
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

/// Adam with and without bias correction (η = 0.1) on the quadratic, drawn over
/// its contours.
pub fn bias_correction_contour(steps: usize) -> Result<Figure> {
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
    let a = run(&corrected, &q, reference_start().view(), steps)?;
    let b = run(&uncorrected, &q, reference_start().view(), steps)?;
    Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
        .title(format!(
            "Adam on 0.1x² + 2y², η = {}, {steps} steps",
            corrected.lr
        ))
        .path("bias-corrected (Algorithm 1)", a.path2())
        .path("no bias correction", b.path2())
        .render()
}
