//! Beyond the post: how much do old gradients weigh? The weight $\gamma^k$ of a
//! gradient $k$ steps old, the weight sums $(1-\gamma^t)/(1-\gamma) \to 1/(1-\gamma)$,
//! and the half-life $\ln\frac12/\ln\gamma$.

use super::POST_GAMMA;
use crate::unroll;
use optcore::render::{fmt_num, fmt_sig, Cell};
use optcore::{Result, Table};
use plots::{Figure, LineChart, Series};

/// The weights of an unrolled $v_t$ at γ: weight of $g_{t-k}$ is $\gamma^k$; their
/// running sum against the closed form $(1-\gamma^{k+1})/(1-\gamma)$.
pub fn weights_table(gamma: f64, t: usize) -> Table {
    let w = unroll::momentum(t).weights(gamma);
    let mut table = Table::new(
        format!("weights of v_{t} = Σ γᵗ⁻ᵏ gₖ at γ = {gamma}"),
        &[
            "gradient",
            "weight γᵗ⁻ᵏ",
            "running sum",
            "(1 − γⁿ)/(1 − γ), n terms",
            "difference",
        ],
    );
    let mut sum = 0.0;
    for (n, (k, wk)) in w.iter().enumerate() {
        sum += wk;
        let closed = (1.0 - optcore::pieces::pow_int(gamma, n + 1)) / (1.0 - gamma);
        table.push(vec![
            format!("g{}", optcore::trace::sub(*k)).into(),
            (*wk).into(),
            sum.into(),
            closed.into(),
            (sum - closed).into(),
        ]);
    }
    table.with_note(format!(
        "limit t → ∞: 1/(1 − γ) = {}",
        fmt_num(1.0 / (1.0 - gamma))
    ))
}

/// The γ values compared in the weight tables and figures.
pub const GAMMAS: [f64; 3] = [0.5, 0.9, 0.99];

/// Half-life of an old gradient: the $k$ with $\gamma^k = \frac12$, i.e. $\ln\frac12 / \ln\gamma$
/// (libm's `log`, portable).
pub fn half_life(gamma: f64) -> f64 {
    libm::log(0.5) / libm::log(gamma)
}

/// For each γ: the weight sum after t steps (closed form), its limit
/// $1/(1-\gamma)$ (the effective step multiplier on a constant slope) and the
/// half-life $\ln\frac12/\ln\gamma$ with its check $\gamma^{h}$ (libm `pow`).
pub fn effective_step() -> Table {
    let mut t = Table::new(
        "Σₖ γᵏ = (1 − γᵗ)/(1 − γ) → 1/(1 − γ), and the half-life of a gradient",
        &[
            "γ",
            "t = 1",
            "t = 5",
            "t = 10",
            "t = 50",
            "t = 100",
            "1/(1 − γ)",
            "half-life ln½/ln γ",
            "γ^half-life",
        ],
    );
    for &g in &GAMMAS {
        let mut row: Vec<Cell> = vec![g.into()];
        for n in [1, 5, 10, 50, 100] {
            row.push(((1.0 - optcore::pieces::pow_int(g, n)) / (1.0 - g)).into());
        }
        let h = half_life(g);
        row.extend([(1.0 / (1.0 - g)).into(), h.into(), libm::pow(g, h).into()]);
        t.push(row);
    }
    t.with_note(format!(
        "at the post's γ = {POST_GAMMA} a constant gradient ends up taking steps {}× as long as GD's, and a gradient's weight halves every {} steps",
        fmt_sig(1.0 / (1.0 - POST_GAMMA), 3),
        fmt_sig(half_life(POST_GAMMA), 2)
    ))
}

/// Series: the weight $\gamma^k$ of a gradient $k$ steps old, for each γ of [`GAMMAS`].
pub fn weights_series(k_max: usize) -> Vec<Series> {
    GAMMAS
        .iter()
        .map(|&g| {
            let pts = (0..=k_max)
                .map(|k| (k as f64, optcore::pieces::pow_int(g, k)))
                .collect();
            (
                format!("γ = {g} (half-life {} steps)", fmt_sig(half_life(g), 3)),
                pts,
            )
        })
        .collect()
}

/// Figure of [`weights_series`].
pub fn weights_figure() -> Result<Figure> {
    LineChart::new("weight γᵏ of a gradient k steps old")
        .x_label("age k (steps)")
        .y_label("weight γᵏ")
        .all_series(weights_series(60))
        .render()
}

/// Series: the half-life $\ln\frac12/\ln\gamma$ against γ, on the grid
/// $\gamma_i = 1 - \frac12\\,0.8^i$, $i = 0 \dots 20$ (0.5 up to 0.9942), beside the
/// approximation $\ln 2/(1-\gamma)$ (from $\ln\gamma \approx -(1-\gamma)$).
pub fn half_life_series() -> Vec<Series> {
    let grid: Vec<f64> = (0..=20)
        .map(|i| 1.0 - 0.5 * optcore::pieces::pow_int(0.8, i))
        .collect();
    vec![
        (
            "half-life ln½ / ln γ".to_string(),
            grid.iter().map(|&g| (g, half_life(g))).collect(),
        ),
        (
            "ln 2 / (1 − γ)".to_string(),
            grid.iter()
                .map(|&g| (g, libm::log(2.0) / (1.0 - g)))
                .collect(),
        ),
    ]
}

/// Figure of [`half_life_series`] (log y).
pub fn half_life_figure() -> Result<Figure> {
    LineChart::new("half-life of a gradient's weight")
        .x_label("γ")
        .y_label("steps until γᵏ = ½")
        .log_y(true)
        .all_series(half_life_series())
        .render()
}

/// Series: each limit $1/(1-\gamma)$, then $\sum_{k<t}\gamma^k$ against $t$, for each γ of [`GAMMAS`].
pub fn sums_series(t_max: usize) -> Vec<Series> {
    let mut s = Vec::new();
    for &g in &GAMMAS {
        let limit = 1.0 / (1.0 - g);
        s.push((
            format!("limit 1/(1 − γ) = {}", fmt_sig(limit, 3)),
            vec![(1.0, limit), (t_max as f64, limit)],
        ));
    }
    for &g in &GAMMAS {
        let pts = (1..=t_max)
            .map(|t| (t as f64, (1.0 - optcore::pieces::pow_int(g, t)) / (1.0 - g)))
            .collect();
        s.push((format!("Σ γᵏ, γ = {g}"), pts));
    }
    s
}

/// Figure of [`sums_series`] (log y: the limits 2, 10, 100 are a decade apart).
pub fn sums_figure() -> Result<Figure> {
    LineChart::new("weights of t gradients: Σ γᵏ = (1 − γᵗ)/(1 − γ)")
        .x_label("step t")
        .y_label("Σ γᵏ, k = 0 … t − 1")
        .log_y(true)
        .all_series(sums_series(200))
        .render()
}
