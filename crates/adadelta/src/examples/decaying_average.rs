//! A decaying average instead of a sum: the intermediate rule
//! $\Delta\theta_t = -\frac{\eta}{RMS\[g\]_t} g_t$, and the post's "only the last
//! $w$ gradients" against the weights $(1-\rho)\rho^k$ a decaying average gives.

use ndarray::Array1;
use optcore::pieces::{decay_avg_sq, pow_int};
use optcore::render::fmt_short;
use optcore::{reference_start, Objective, Quadratic, Result, Table};
use plots::{Figure, LineChart, Series};

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
            "g[0]",
            "g[1]",
            "E[g²][0]",
            "E[g²][1]",
            "RMS[g][0]",
            "RMS[g][1]",
            "Δθ[0]",
            "Δθ[1]",
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
    t.with_note("the first step is −η·g/√((1−γ)g²+ε) ≈ −η/√(1−γ)·sign(g) ≈ 0.316 for both parameters, though g[1] = 8·g[0]")
}

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
pub fn window_series(rho: f64) -> Vec<Series> {
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

/// The decaying weights $(1-\rho)\rho^k$ against the post's "last w gradients" box.
pub fn fig_window(rho: f64) -> Result<Figure> {
    LineChart::new(format!("weight of g²ₜ₋ₖ in E[g²]ₜ, ρ = {rho}"))
        .x_label("k (steps ago)")
        .y_label("weight")
        .all_series(window_series(rho))
        .render()
}
