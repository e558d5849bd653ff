//! The post's warning: the rate only shrinks. Under a steady gradient Adagrad's
//! rate decays like $\eta/\sqrt t$ and the run stalls where SGD does not.

use crate::{Adagrad, AdagradRecord};
use gd::{Sgd, SgdRecord};
use ndarray::array;
use optcore::error::{check_finite_point, check_steps};
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::MAX_LESSON_STEPS;
use optcore::{run_to_completion, Convention, FnObjective, Optimizer, Result, Table, Trace};
use plots::{Figure, LineChart, Points, Series};

/// Where the long slope ends: $J(\theta) = \sqrt{1 + (\theta - 50)^2} - 1$.
pub const SLOPE_TARGET: f64 = 50.0;

/// A long, steady slope: $J(\theta) = \sqrt{1 + (\theta-50)^2} - 1$, whose gradient
/// is almost exactly −1 all the way from 0 to near 50 (only `sqrt`, portable).
pub fn long_slope() -> FnObjective {
    FnObjective::new(
        "long slope √(1+(θ−50)²) − 1",
        1,
        |t| {
            let u = t[0] - SLOPE_TARGET;
            (1.0 + u * u).sqrt() - 1.0
        },
        |t, mut g| {
            let u = t[0] - SLOPE_TARGET;
            g[0] = u / (1.0 + u * u).sqrt();
        },
    )
}

/// Steps of the slope runs.
pub const SLOPE_STEPS: usize = 3000;
/// η of the slope runs (both methods).
pub const SLOPE_LR: f64 = 0.5;

/// The long slope as an experiment: Adagrad and SGD at one η from one start;
/// Adagrad's rate decays like η/√t under the steady gradient and the run stalls
/// where SGD's does not.
#[derive(Clone, Debug, PartialEq)]
pub struct LongSlope {
    /// η of both runs: a finite number > 0.
    pub lr: f64,
    /// Adagrad's ε, inside the root: a finite number ≥ 0.
    pub eps: f64,
    /// The start θ₀ (the slope ends at θ = 50): finite.
    pub start: f64,
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl LongSlope {
    /// The notebook's values: η = 0.5, ε = 1e-8, from θ = 0, 3000 steps.
    pub fn lesson() -> LongSlope {
        LongSlope {
            lr: SLOPE_LR,
            eps: 1e-8,
            start: 0.0,
            steps: SLOPE_STEPS,
        }
    }

    /// Both runs, every knob checked first.
    pub fn runs(&self) -> Result<(Trace<AdagradRecord>, Trace<SgdRecord>)> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &[self.start])?;
        let ada = Adagrad {
            lr: self.lr,
            eps: self.eps,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        let sgd = Sgd {
            lr: self.lr,
            ..Sgd::defaults(Convention::Paper)
        }
        .validated()?;
        let start = array![self.start];
        let a = run_to_completion(&ada, long_slope(), start.view(), self.steps)?;
        let s = run_to_completion(&sgd, long_slope(), start.view(), self.steps)?;
        Ok((a, s))
    }

    /// Under a steady gradient $|g| \approx 1$, $G_t \approx t$ and the rate is
    /// $\approx \eta/\sqrt t$: Adagrad's distance after t steps is
    /// $\approx \sum \eta/\sqrt\tau \approx 2\eta\sqrt t$, SGD's is $\eta t$.
    pub fn table(&self) -> Result<Table> {
        let (a, s) = self.runs()?;
        let lr = self.lr;
        let mut t = Table::new(
            format!(
                "long slope from θ = {} to 50, η = {lr}: Adagrad's rate decays like η/√t",
                self.start
            ),
            &["t", "g", "rate η/√(Gₜ+ε)", "η/√t", "θ Adagrad", "θ SGD"],
        );
        for k in [1usize, 4, 16, 64, 100, 256, 1024, 2500, 3000] {
            if k > self.steps {
                break;
            }
            let (ra, rs) = (&a.rows[k], &s.rows[k]);
            let rec = step_record(ra)?;
            t.push(vec![
                k.into(),
                rec.grad[0].into(),
                rec.effective_lr[0].into(),
                (lr / (k as f64).sqrt()).into(),
                ra.theta[0].into(),
                rs.theta[0].into(),
            ]);
        }
        Ok(t)
    }

    /// The stall, measured: the first step at which each method is within 1 of
    /// the end of the slope.
    pub fn stall(&self) -> Result<Table> {
        let (a, s) = self.runs()?;
        let reach = |th: &[f64]| th.iter().position(|x| (x - SLOPE_TARGET).abs() <= 1.0);
        let ta: Vec<f64> = a.rows.iter().map(|r| r.theta[0]).collect();
        let ts: Vec<f64> = s.rows.iter().map(|r| r.theta[0]).collect();
        let (lr, steps) = (self.lr, self.steps);
        let at = 100.min(steps);
        let mut t = Table::new(
            format!("first step with |θ − 50| ≤ 1 (η = {lr}, at most {steps} steps)"),
            &["method", "step", &format!("θ at step {at}")],
        );
        for (name, th) in [("SGD", &ts), ("Adagrad", &ta)] {
            let cell: Cell = match reach(th) {
                Some(k) => k.into(),
                None => "not reached".into(),
            };
            t.push(vec![name.into(), cell, th[at].into()]);
        }
        Ok(t.with_note(format!(
            "SGD covers η·|g| ≈ {} per step; Adagrad's distance grows like 2η√t, so 50 takes about (50/(2η))² ≈ {} steps",
            lr,
            (50.0 / (2.0 * lr)).powi(2).round()
        )))
    }

    /// Series for the stall plot: θ over t for both methods, and Adagrad's rate.
    pub fn series(&self) -> Result<(Vec<Series>, Points)> {
        let (a, s) = self.runs()?;
        let theta = vec![
            (
                "Adagrad".to_string(),
                a.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect(),
            ),
            (
                "SGD".to_string(),
                s.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect(),
            ),
        ];
        let rate = a
            .rows
            .iter()
            .skip(1)
            .filter_map(|r| {
                r.record
                    .as_ref()
                    .map(|rec| (r.t as f64, rec.effective_lr[0]))
            })
            .collect();
        Ok((theta, rate))
    }

    /// The stall: θ along the long slope, Adagrad vs SGD.
    pub fn stall_chart(&self) -> Result<Figure> {
        let (theta, _) = self.series()?;
        LineChart::new(format!("long slope to θ = 50, η = {}", self.lr))
            .x_label("step t")
            .y_label("θ")
            .all_series(theta)
            .render()
    }

    /// Adagrad's rate on the slope against η/√t (log scale).
    pub fn rate_chart(&self) -> Result<Figure> {
        let (_, rate) = self.series()?;
        let reference: Vec<(f64, f64)> =
            rate.iter().map(|(t, _)| (*t, self.lr / t.sqrt())).collect();
        LineChart::new("Adagrad's rate under a steady gradient")
            .x_label("step t")
            .y_label("rate")
            .log_y(true)
            .series("η/√(Gₜ+ε)", rate)
            .series("η/√t", reference)
            .render()
    }
}
