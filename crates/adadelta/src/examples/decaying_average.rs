//! A decaying average instead of a sum: the intermediate rule
//! $\Delta\theta_t = -\frac{\eta}{RMS\[g\]_t} g_t$, and the post's "only the last
//! $w$ gradients" against the weights $(1-\rho)\rho^k$ a decaying average gives.

use ndarray::Array1;
use optcore::error::{
    check_finite_point, check_nonempty, check_open_unit_interval, check_positive, check_steps,
};
use optcore::pieces::{decay_avg_sq, pow_int};
use optcore::render::{fmt_short, fmt_sig};
use optcore::MAX_LESSON_STEPS;
use optcore::{reference_start, Error, Objective, Quadratic, Result, Table};
use plots::{Figure, LineChart, Series};

/// The intermediate rule $\Delta\theta_t = -\frac{\eta}{RMS\[g\]_t} g_t$ on the
/// quadratic: the step is about η per parameter, whatever the size of the
/// gradient, and still in the unit of $g$ times η.
#[derive(Clone, Debug, PartialEq)]
pub struct IntermediateRule {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// The decay γ of $E\[g^2\]$: in (0, 1).
    pub gamma: f64,
    /// ε inside the root: a finite number > 0.
    pub eps: f64,
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl IntermediateRule {
    /// The notebook's values: η = 0.1, γ = 0.9, ε = 1e-6, from (−5, −2), 5 steps.
    pub fn lesson() -> IntermediateRule {
        let s = reference_start();
        IntermediateRule {
            lr: 0.1,
            gamma: 0.9,
            eps: 1e-6,
            start: [s[0], s[1]],
            steps: 5,
        }
    }

    /// Every quantity of each step.
    pub fn table(&self) -> Result<Table> {
        check_positive("lr", self.lr)?;
        check_open_unit_interval("gamma", self.gamma)?;
        check_positive("eps", self.eps)?;
        check_finite_point("start", &self.start)?;
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        let (lr, gamma, eps) = (self.lr, self.gamma, self.eps);
        let obj = Quadratic::reference();
        let mut theta = Array1::from(self.start.to_vec());
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
        let mut g1 = [0.0; 2];
        for step in 1..=self.steps {
            obj.gradient_into(theta.view(), g.view_mut());
            if step == 1 {
                g1 = [g[0], g[1]];
            }
            decay_avg_sq(avg.view_mut(), g.view(), gamma);
            let rms: Vec<f64> = avg.iter().map(|a: &f64| (a + eps).sqrt()).collect();
            let d: Vec<f64> = (0..2).map(|i| -(lr / rms[i]) * g[i]).collect();
            if d.iter().any(|x| !x.is_finite()) {
                return Err(Error::NonFinite {
                    step,
                    what: "the step Δθ",
                });
            }
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
        Ok(t.with_note(format!(
            "the first step is −η·g/√((1−γ)g²+ε) ≈ −η/√(1−γ)·sign(g) ≈ {} for both parameters, though g[1] = {}·g[0]",
            fmt_sig(lr / (1.0 - gamma).sqrt(), 3),
            fmt_short(g1[1] / g1[0])
        )))
    }
}

/// The weight of the gradient k steps ago in $E\[g^2\]_t$, $(1-\rho)\rho^k$,
/// against the post's "last w gradients" box.
#[derive(Clone, Debug, PartialEq)]
pub struct Window {
    /// The decay ρ: in (0, [`MAX_WINDOW_RHO`]\] (the window 1/(1−ρ) at most 1000 steps).
    pub rho: f64,
}

/// The largest ρ a [`Window`] draws (its window 1/(1−ρ) = 1000 steps).
pub const MAX_WINDOW_RHO: f64 = 0.999;

fn check_window_rho(name: &'static str, rho: f64) -> Result<usize> {
    if rho > 0.0 && rho <= MAX_WINDOW_RHO {
        Ok((1.0 / (1.0 - rho)).round() as usize)
    } else {
        Err(Error::Hyperparameter {
            name,
            value: rho,
            accepts: "in (0, 0.999]",
        })
    }
}

impl Window {
    /// The notebook's value: ρ = 0.9 (window ≈ 10).
    pub fn lesson() -> Window {
        Window { rho: 0.9 }
    }

    /// $(1-\rho)\rho^k$ with the running total, for k = 0 … 3/(1−ρ).
    pub fn weights(&self) -> Result<Table> {
        let rho = self.rho;
        let w = check_window_rho("rho", rho)?;
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
        Ok(t)
    }

    /// Series for the window plot: the decaying weights and the box of the last w.
    pub fn series(&self) -> Result<Vec<Series>> {
        let rho = self.rho;
        let w = check_window_rho("rho", rho)?;
        let decay = (0..=4 * w)
            .map(|k| (k as f64, (1.0 - rho) * pow_int(rho, k)))
            .collect();
        let boxed = (0..=4 * w)
            .map(|k| (k as f64, if k < w { 1.0 / w as f64 } else { 0.0 }))
            .collect();
        Ok(vec![
            (format!("decaying average, ρ = {rho}"), decay),
            (format!("last w = {w} gradients"), boxed),
        ])
    }

    /// The decaying weights against the box, on one chart.
    pub fn chart(&self) -> Result<Figure> {
        LineChart::new(format!("weight of g²ₜ₋ₖ in E[g²]ₜ, ρ = {}", self.rho))
            .x_label("k (steps ago)")
            .y_label("weight")
            .all_series(self.series()?)
            .render()
    }
}

/// For several ρ: the window $w \approx 1/(1-\rho)$, the share of the weight the
/// last w gradients carry ($1-\rho^w$), and the weight left beyond 3w.
#[derive(Clone, Debug, PartialEq)]
pub struct WindowSummary {
    /// The decays ρ, one row each: in (0, [`MAX_WINDOW_RHO`]\]; at least one.
    pub rhos: Vec<f64>,
}

impl WindowSummary {
    /// The notebook's values: ρ = 0.5, 0.9, 0.95, 0.99.
    pub fn lesson() -> WindowSummary {
        WindowSummary {
            rhos: vec![0.5, 0.9, 0.95, 0.99],
        }
    }

    /// One row per ρ.
    pub fn table(&self) -> Result<Table> {
        check_nonempty("the list rhos", &self.rhos)?;
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
        for &rho in &self.rhos {
            let w = check_window_rho("rhos", rho)?;
            t.push(vec![
                rho.into(),
                w.into(),
                (1.0 - pow_int(rho, w)).into(),
                (1.0 - 1.0 / std::f64::consts::E).into(),
                pow_int(rho, 3 * w).into(),
            ]);
        }
        Ok(t)
    }
}
