//! Bridges the post leaves out: why $RMS\[\Delta\theta\]_{t-1}/RMS\[g\]_t$ stands in
//! for $H^{-1}$ (on a 1-D quadratic, in numbers), and the general $RMS\[x\]$ next
//! to the running $RMS\[g\]_t$.

use crate::Adadelta;
use ndarray::array;
use optcore::measure::step_record;
use optcore::pieces::pow_int;
use optcore::render::fmt_short;
use optcore::{run, Convention, Optimizer, Quadratic, Result, Table};

/// The curvatures $h$ of [`ratio_vs_inverse_hessian`]: $J = \tfrac h2\theta^2$.
pub const CURVATURES: [f64; 2] = [4.0, 0.4];
/// Steps at which [`ratio_vs_inverse_hessian`] shows the ratio.
pub const RATIO_STEPS: [usize; 10] = [1, 10, 100, 200, 300, 400, 500, 600, 800, 1600];

/// Adadelta (paper, ρ = 0.95, ε = 1e-6) on $J = \tfrac h2\theta^2$ from θ = 1 for
/// two curvatures $h$: the ratio $RMS\[\Delta\theta\]_{t-1}/RMS\[g\]_t$ that replaces η,
/// times $h$ (Newton's step $-H^{-1}g = -g/h$ is ratio·h = 1), and θₜ.
pub fn ratio_vs_inverse_hessian() -> Result<Table> {
    let opt = Adadelta::defaults(Convention::Paper);
    let steps = RATIO_STEPS[RATIO_STEPS.len() - 1];
    let mut header = vec!["t".to_string()];
    let mut traces = Vec::new();
    for h in CURVATURES {
        let q = Quadratic::new(&[h / 2.0]);
        traces.push(run(&opt, &q, array![1.0].view(), steps)?);
        header.push(format!("h = {}: ratio·h", fmt_short(h)));
        header.push(format!("h = {}: θₜ", fmt_short(h)));
    }
    let mut t = Table::with_header(
        format!(
            "Adadelta ({}) on J = (h/2)θ² from θ = 1: the ratio RMS[Δθ]ₜ₋₁/RMS[g]ₜ times h (Newton: ratio = H⁻¹ = 1/h, ratio·h = 1)",
            opt.symbols()
        ),
        header,
    );
    for &s in &RATIO_STEPS {
        let mut row = vec![s.into()];
        for (h, tr) in CURVATURES.iter().zip(&traces) {
            let rec = step_record(&tr.rows[s])?;
            let ratio = rec.rms_update_prev[0] / rec.rms_grad[0];
            row.push((ratio * h).into());
            row.push(tr.rows[s].theta[0].into());
        }
        t.push(row);
    }
    Ok(t.with_note(
        "while θ is large next to √ε, ratio·h is the same for both h: the ratio scales like H⁻¹ = 1/h; ratio·h = 2 is the edge of stability (θ flips sign each step); once θ is small, both RMS sit at √ε and the ratio goes to 1, which for h = 4 is ratio·h = 4 > 2: θ grows back and oscillates at the edge",
    ))
}

/// The general $RMS\[x\] = \sqrt{(x_1^2 + \dots + x_n^2)/n}$ of the post, over the
/// first $t$ gradients of a sequence, against Adadelta's running
/// $RMS\[g\]_t = \sqrt{E\[g^2\]_t + \epsilon}$ (ρ = 0.9, ε = 1e-6) on the same sequence,
/// and the bias of starting $E\[g^2\]_0 = 0$: $E\[g^2\]_t/(1-\rho^t)$.
pub fn rms_definitions() -> Table {
    let (rho, eps) = (0.9, 1e-6);
    let grads = [2.0, 2.0, 2.0, 2.0, 2.0, -1.0, -1.0, -1.0, -1.0, -1.0];
    let mut t = Table::new(
        format!(
            "RMS of the gradients 2, 2, 2, 2, 2, −1, −1, −1, −1, −1 (ρ = {}, ε = {})",
            fmt_short(rho),
            fmt_short(eps)
        ),
        &[
            "t",
            "gₜ",
            "RMS of g₁…gₜ (plain mean)",
            "E[g²]ₜ",
            "RMS[g]ₜ = √(E[g²]ₜ+ε)",
            "√(E[g²]ₜ/(1−ρᵗ))",
        ],
    );
    let (mut sum_sq, mut avg) = (0.0, 0.0);
    for (k, &g) in grads.iter().enumerate() {
        let n = k + 1;
        sum_sq += g * g;
        avg = optcore::pieces::decay_sq(avg, g, rho);
        t.push(vec![
            n.into(),
            g.into(),
            (sum_sq / n as f64).sqrt().into(),
            avg.into(),
            optcore::pieces::rms(avg, eps).into(),
            (avg / (1.0 - pow_int(rho, n))).sqrt().into(),
        ]);
    }
    t.with_note("the plain mean weighs every gradient alike; the running RMS forgets the 2s (weight ρᵏ) and starts low (E[g²]₀ = 0)")
}
