//! The slide with a flat end: GD stops where the slope ends, momentum coasts
//! on for $\gamma v/(1-\gamma)$.

use super::{post_momentum, POST_GAMMA};
use crate::MomentumRecord;
use ndarray::array;
use optcore::error::{check_lesson_steps, check_positive};
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::{run_to_completion, Error, FnObjective, Report, Result, Table, Trace};
use plots::{Figure, LineChart, Series};

/// Slope of the slide.
pub const SLIDE_SLOPE: f64 = 1.0;
/// Where the slide starts.
pub const SLIDE_START: f64 = -40.0;
/// Learning rate on the slide.
pub const SLIDE_LR: f64 = 0.5;
/// Steps simulated on the slide.
pub const SLIDE_STEPS: usize = 150;

/// The post's slide: $J(x) = -s\\,x$ for $x < 0$ (downhill towards $+x$), then a
/// flat plane $J = 0$, $\nabla J = 0$ for $x \ge 0$.
pub fn slide(slope: f64) -> FnObjective {
    FnObjective::new(
        "slide",
        1,
        move |t| if t[0] < 0.0 { -slope * t[0] } else { 0.0 },
        move |t, mut g| g[0] = if t[0] < 0.0 { -slope } else { 0.0 },
    )
}

/// The slide experiment: GD and momentum down the slope $J = -s\\,x$ onto the
/// flat plane $x \ge 0$.
#[derive(Clone, Debug, PartialEq)]
pub struct Slide {
    /// The slope s of the slide: a finite number > 0.
    pub slope: f64,
    /// Where both runs start, on the slope: a finite number < 0.
    pub start: f64,
    /// The learning rate η of both runs: a finite number > 0.
    pub lr: f64,
    /// γ of the momentum run, in \[0, 1) (GD is γ = 0).
    pub gamma: f64,
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Slide {
    /// The notebook's slide: s = 1 from x = −40, η = 0.5, the post's γ = 0.9, 150 steps.
    pub fn lesson() -> Slide {
        Slide {
            slope: SLIDE_SLOPE,
            start: SLIDE_START,
            lr: SLIDE_LR,
            gamma: POST_GAMMA,
            steps: SLIDE_STEPS,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_positive("slope", self.slope)?;
        if !(self.start.is_finite() && self.start < 0.0) {
            return Err(Error::Hyperparameter {
                name: "start",
                value: self.start,
                accepts: "a finite number < 0 (on the slope)",
            });
        }
        post_momentum(self.lr, self.gamma)?;
        check_lesson_steps("steps", self.steps)
    }

    /// GD (momentum 0: $v_t = \eta g_t$ exactly) and momentum down the slide.
    pub fn runs(&self) -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
        self.validate()?;
        let j = slide(self.slope);
        let start = array![self.start];
        let gd = run_to_completion(&post_momentum(self.lr, 0.0)?, &j, start.view(), self.steps)?;
        let mo = run_to_completion(
            &post_momentum(self.lr, self.gamma)?,
            &j,
            start.view(),
            self.steps,
        )?;
        Ok((gd, mo))
    }
}

/// The measured facts of the slide: where GD stops, when momentum leaves the
/// slope, its velocity then, and the coasting distance against $\gamma v/(1-\gamma)$.
#[derive(Debug, Clone, PartialEq)]
pub struct Coast {
    /// GD's last position and the first step at which it no longer moved.
    pub gd_final: f64,
    pub gd_stopped_at: usize,
    /// The last step whose gradient was not zero (still on the slope).
    pub last_slope_step: usize,
    /// $v$ of that step, and where it put θ (already on the plane).
    pub v_last: f64,
    pub theta_after: f64,
    /// θ after all steps, and the distance coasted on the plane since `theta_after`.
    pub theta_final: f64,
    pub coasted: f64,
    /// $\gamma v(1-\gamma^{n})/(1-\gamma)$ for the $n$ steps simulated on the plane.
    pub predicted_finite: f64,
    /// $\gamma v/(1-\gamma)$ (infinitely many steps).
    pub predicted_limit: f64,
    /// Steps on the plane until $v < v_{\text{last}}/100$: simulated and $\lceil \ln 0.01/\ln\gamma\rceil$.
    pub steps_to_1pc: usize,
    pub steps_to_1pc_formula: f64,
}

impl Slide {
    /// Measures [`Coast`] on [`Slide::runs`].
    pub fn coast(&self) -> Result<Coast> {
        let (gd, mo) = self.runs()?;
        let g = self.gamma;
        let gd_stopped_at = gd
            .rows
            .windows(2)
            .find(|w| w[1].theta[0] == w[0].theta[0])
            .map(|w| w[1].t)
            .unwrap_or(0);
        // records[t - 1] is the record of step t.
        let records: Vec<&MomentumRecord> = mo.rows[1..]
            .iter()
            .map(step_record)
            .collect::<Result<_>>()?;
        let rec = |t: usize| records[t - 1];
        let last = (1..mo.rows.len())
            .rev()
            .find(|&t| rec(t).grad[0] != 0.0)
            .ok_or(Error::Empty {
                what: "slope steps",
            })?;
        let v_last = rec(last).velocity[0].abs();
        let theta_after = mo.rows[last].theta[0];
        let theta_final = mo.last().theta[0];
        let n = mo.rows.len() - 1 - last;
        let steps_to_1pc = (last + 1..mo.rows.len())
            .find(|&t| rec(t).velocity[0].abs() < v_last / 100.0)
            .map(|t| t - last)
            .unwrap_or(0);
        Ok(Coast {
            gd_final: gd.last().theta[0],
            gd_stopped_at,
            last_slope_step: last,
            v_last,
            theta_after,
            theta_final,
            coasted: theta_final - theta_after,
            predicted_finite: g * v_last * (1.0 - optcore::pieces::pow_int(g, n)) / (1.0 - g),
            predicted_limit: g * v_last / (1.0 - g),
            steps_to_1pc,
            steps_to_1pc_formula: (libm::log(0.01) / libm::log(g)).ceil(),
        })
    }

    /// The slide in numbers: the speed-up on the slope, the coast, the decay.
    pub fn report(&self) -> Result<Report> {
        let (_, mo) = self.runs()?;
        let c = self.coast()?;
        let g = self.gamma;
        let (slope_s, lr, steps) = (self.slope, self.lr, self.steps);
        let step_gd = lr * slope_s;
        let mut slope = Table::new(
        format!("on the slope (∇J = −s = −{slope_s}): |vₜ|/(η·s) = Σₖ<ₜ γᵏ = (1 − γᵗ)/(1 − γ), γ = {g}, η = {lr}"),
        &["t", "θₜ", "|vₜ|", "|vₜ| / GD step ηs", "(1 − γᵗ)/(1 − γ)"],
    );
        for r in &mo.rows[1..=c.last_slope_step] {
            let v = -step_record(r)?.velocity[0];
            slope.push(vec![
                r.t.into(),
                r.theta[0].into(),
                v.into(),
                (v / step_gd).into(),
                ((1.0 - optcore::pieces::pow_int(g, r.t)) / (1.0 - g)).into(),
            ]);
        }
        let mut plane = Table::new(
            "on the flat plane (∇J = 0): vₜ = γvₜ₋₁, the momentum coasts and decays",
            &[
                "t",
                "θₜ",
                "|vₜ|",
                "vₜ / vₜ₋₁",
                "still to coast γ|vₜ|/(1 − γ)",
            ],
        );
        let last = c.last_slope_step;
        let mut ts: Vec<usize> = (last + 1..=last + 10)
            .chain([last + 22, last + 44, last + 66, steps])
            .filter(|&t| t <= steps && t > last)
            .collect();
        ts.sort_unstable();
        ts.dedup();
        for t in ts {
            let r = &mo.rows[t];
            let v = -step_record(r)?.velocity[0];
            let prev = -step_record(&mo.rows[t - 1])?.velocity[0];
            let ratio = if prev == 0.0 {
                Cell::from("—")
            } else {
                Cell::from(v / prev)
            };
            plane.push(vec![
                r.t.into(),
                r.theta[0].into(),
                v.into(),
                ratio,
                (g * v / (1.0 - g)).into(),
            ]);
        }
        let mut summary = Table::new(
            "GD stops, momentum coasts γv/(1 − γ)",
            &["quantity", "value"],
        );
        for (k, v) in [
            ("GD: final θ", Cell::from(c.gd_final)),
            ("GD: first step that did not move", c.gd_stopped_at.into()),
            (
                "momentum: last step on the slope T",
                c.last_slope_step.into(),
            ),
            ("momentum: |v_T|", c.v_last.into()),
            ("momentum: θ after step T", c.theta_after.into()),
            (
                &*format!("momentum: θ after {steps} steps"),
                c.theta_final.into(),
            ),
            (
                "distance coasted on the plane (simulated)",
                c.coasted.into(),
            ),
            (
                "γv_T(1 − γⁿ)/(1 − γ), n steps on the plane",
                c.predicted_finite.into(),
            ),
            ("γv_T/(1 − γ) (n → ∞)", c.predicted_limit.into()),
            (
                "steps on the plane until v < v_T/100 (simulated)",
                c.steps_to_1pc.into(),
            ),
            ("⌈ln 0.01 / ln γ⌉", (c.steps_to_1pc_formula as usize).into()),
        ] {
            summary.push(vec![k.into(), v]);
        }
        Ok(Report::new()
        .text(format!(
            "The slide $J(x) = -s\\,x$ ($s = {slope_s}$) for $x < 0$ and the flat plane $J = 0$ for $x \\ge 0$, from $x = {}$, $\\eta = {lr}$: GD (γ = 0) and momentum (γ = {g}), {steps} steps.", self.start
        ))
        .table(summary)
        .table(slope)
        .table(plane))
    }

    /// Series: θₜ against t for GD and momentum on the slide.
    pub fn series(&self) -> Result<Vec<Series>> {
        let (gd, mo) = self.runs()?;
        let pts =
            |tr: &Trace<MomentumRecord>| tr.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect();
        Ok(vec![
            ("GD (γ = 0)".to_string(), pts(&gd)),
            (format!("momentum (γ = {})", self.gamma), pts(&mo)),
            (
                "edge of the plane, x = 0".to_string(),
                vec![(0.0, 0.0), (self.steps as f64, 0.0)],
            ),
        ])
    }

    /// Figure of [`Slide::series`].
    pub fn figure(&self) -> Result<Figure> {
        LineChart::new("down the slide onto the flat plane")
            .x_label("step t")
            .y_label("position θₜ")
            .all_series(self.series()?)
            .render()
    }
}
