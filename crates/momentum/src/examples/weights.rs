//! Beyond the post: how much do old gradients weigh? The weight $\gamma^k$ of a
//! gradient $k$ steps old, the weight sums $(1-\gamma^t)/(1-\gamma) \to 1/(1-\gamma)$,
//! and the half-life $\ln\frac12/\ln\gamma$.

use super::{check_distinct, POST_GAMMA};
use crate::unroll;
use optcore::error::{check_lesson_steps, check_unit_interval};
use optcore::render::{fmt_num, fmt_sig, Cell};
use optcore::{Error, Result, Table};
use plots::{Figure, LineChart, Series};

/// Most gradients [`WeightsTable`] lists.
pub const WEIGHTS_MAX_T: usize = 1000;

/// The weights of an unrolled $v_t$ at one γ: weight of $g_{t-k}$ is $\gamma^k$;
/// their running sum against the closed form $(1-\gamma^{k+1})/(1-\gamma)$.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightsTable {
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The step t of $v_t$, one row per gradient: from 1 to [`WEIGHTS_MAX_T`].
    pub t: usize,
}

impl WeightsTable {
    /// The notebook's table: the post's γ = 0.9, $v_4$.
    pub fn lesson() -> WeightsTable {
        WeightsTable {
            gamma: POST_GAMMA,
            t: 4,
        }
    }

    /// The table (every knob checked first, with a typed error).
    pub fn table(&self) -> Result<Table> {
        let (gamma, t) = (self.gamma, self.t);
        check_unit_interval("gamma", gamma)?;
        if !(1..=WEIGHTS_MAX_T).contains(&t) {
            return Err(Error::Hyperparameter {
                name: "t",
                value: t as f64,
                accepts: "a whole number from 1 to 1000",
            });
        }
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
        Ok(table.with_note(format!(
            "limit t → ∞: 1/(1 − γ) = {}",
            fmt_num(1.0 / (1.0 - gamma))
        )))
    }
}

/// The γ values of [`OldGradients::lesson`].
pub const GAMMAS: [f64; 3] = [0.5, 0.9, 0.99];

/// Half-life of an old gradient: the $k$ with $\gamma^k = \frac12$, i.e. $\ln\frac12 / \ln\gamma$
/// (libm's `log`, portable).
pub fn half_life(gamma: f64) -> f64 {
    libm::log(0.5) / libm::log(gamma)
}

/// The memory of momentum at several γ: the weight sums, their limit
/// $1/(1-\gamma)$, the half-life of a gradient, and the figures of the weights
/// $\gamma^k$ and of the sums against $t$.
#[derive(Clone, Debug, PartialEq)]
pub struct OldGradients {
    /// The γ compared, each in \[0, 1), all different; at least one.
    pub gammas: Vec<f64>,
    /// The oldest age k drawn in the weights figure: from 1 to
    /// [`super::MAX_LESSON_STEPS`].
    pub ages: usize,
    /// The last t drawn in the sums figure: from 1 to [`super::MAX_LESSON_STEPS`].
    pub sums_steps: usize,
}

impl OldGradients {
    /// The notebook's values: γ = 0.5, 0.9, 0.99; ages up to 60; sums up to t = 200.
    pub fn lesson() -> OldGradients {
        OldGradients {
            gammas: GAMMAS.to_vec(),
            ages: 60,
            sums_steps: 200,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_distinct("gammas", &self.gammas)?;
        for &g in &self.gammas {
            check_unit_interval("gamma", g)?;
        }
        check_lesson_steps("ages", self.ages)?;
        check_lesson_steps("sums_steps", self.sums_steps)
    }

    /// For each γ: the weight sum after t steps (closed form), its limit
    /// $1/(1-\gamma)$ (the effective step multiplier on a constant slope) and the
    /// half-life $\ln\frac12/\ln\gamma$ with its check $\gamma^{h}$ (libm `pow`).
    pub fn table(&self) -> Result<Table> {
        self.validate()?;
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
        for &g in &self.gammas {
            let mut row: Vec<Cell> = vec![g.into()];
            for n in [1, 5, 10, 50, 100] {
                row.push(((1.0 - optcore::pieces::pow_int(g, n)) / (1.0 - g)).into());
            }
            let h = half_life(g);
            row.extend([(1.0 / (1.0 - g)).into(), h.into(), libm::pow(g, h).into()]);
            t.push(row);
        }
        Ok(t.with_note(format!(
            "at the post's γ = {POST_GAMMA} a constant gradient ends up taking steps {}× as long as GD's, and a gradient's weight halves every {} steps",
            fmt_sig(1.0 / (1.0 - POST_GAMMA), 3),
            fmt_sig(half_life(POST_GAMMA), 2)
        )))
    }

    /// Series: the weight $\gamma^k$ of a gradient $k$ steps old, $k = 0 \dots$ `ages`, per γ.
    pub fn weights_series(&self) -> Result<Vec<Series>> {
        self.validate()?;
        Ok(self
            .gammas
            .iter()
            .map(|&g| {
                let pts = (0..=self.ages)
                    .map(|k| (k as f64, optcore::pieces::pow_int(g, k)))
                    .collect();
                (
                    format!("γ = {g} (half-life {} steps)", fmt_sig(half_life(g), 3)),
                    pts,
                )
            })
            .collect())
    }

    /// Figure of [`OldGradients::weights_series`].
    pub fn weights_figure(&self) -> Result<Figure> {
        LineChart::new("weight γᵏ of a gradient k steps old")
            .x_label("age k (steps)")
            .y_label("weight γᵏ")
            .all_series(self.weights_series()?)
            .render()
    }

    /// Series: each limit $1/(1-\gamma)$, then $\sum_{k<t}\gamma^k$ against
    /// $t = 1 \dots$ `sums_steps`, per γ.
    pub fn sums_series(&self) -> Result<Vec<Series>> {
        self.validate()?;
        let t_max = self.sums_steps;
        let mut s = Vec::new();
        for &g in &self.gammas {
            let limit = 1.0 / (1.0 - g);
            s.push((
                format!("limit 1/(1 − γ) = {}", fmt_sig(limit, 3)),
                vec![(1.0, limit), (t_max as f64, limit)],
            ));
        }
        for &g in &self.gammas {
            let pts = (1..=t_max)
                .map(|t| (t as f64, (1.0 - optcore::pieces::pow_int(g, t)) / (1.0 - g)))
                .collect();
            s.push((format!("Σ γᵏ, γ = {g}"), pts));
        }
        Ok(s)
    }

    /// Figure of [`OldGradients::sums_series`] (log y: the limits 2, 10, 100 are a
    /// decade apart).
    pub fn sums_figure(&self) -> Result<Figure> {
        LineChart::new("weights of t gradients: Σ γᵏ = (1 − γᵗ)/(1 − γ)")
            .x_label("step t")
            .y_label("Σ γᵏ, k = 0 … t − 1")
            .log_y(true)
            .all_series(self.sums_series()?)
            .render()
    }
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
