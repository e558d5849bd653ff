//! Bridges the post leaves out: why $RMS\[\Delta\theta\]_{t-1}/RMS\[g\]_t$ stands in
//! for $H^{-1}$ (on a 1-D quadratic, in numbers), and the general $RMS\[x\]$ next
//! to the running $RMS\[g\]_t$.

use crate::Adadelta;
use ndarray::array;
use optcore::error::{
    check_finite_point, check_non_negative, check_nonempty, check_open_unit_interval,
    check_positive, check_steps_named,
};
use optcore::measure::step_record;
use optcore::pieces::pow_int;
use optcore::render::{fmt_minus, fmt_short};
use optcore::MAX_LESSON_STEPS;
use optcore::{run_to_completion, Convention, Optimizer, Quadratic, Result, Table};

/// The curvatures $h$ of [`RatioVsHessian::lesson`]: $J = \tfrac h2\theta^2$.
pub const CURVATURES: [f64; 2] = [4.0, 0.4];
/// Steps at which [`RatioVsHessian::lesson`] shows the ratio.
pub const RATIO_STEPS: [usize; 10] = [1, 10, 100, 200, 300, 400, 500, 600, 800, 1600];

/// Adadelta (paper form) on $J = \tfrac h2\theta^2$ from one start for several
/// curvatures $h$: the ratio $RMS\[\Delta\theta\]_{t-1}/RMS\[g\]_t$ that replaces η,
/// times $h$ (Newton's step $-H^{-1}g = -g/h$ is ratio·h = 1), and θₜ.
#[derive(Clone, Debug, PartialEq)]
pub struct RatioVsHessian {
    /// Adadelta's decay ρ: in (0, 1).
    pub rho: f64,
    /// Adadelta's ε: a finite number > 0.
    pub eps: f64,
    /// The curvatures h, one pair of columns each: finite numbers > 0; at least one.
    pub curvatures: Vec<f64>,
    /// The start θ₀: finite.
    pub start: f64,
    /// The steps shown, one row each: from 1 to [`super::MAX_LESSON_STEPS`]; at
    /// least one (the runs take as many steps as the largest).
    pub shown: Vec<usize>,
}

impl RatioVsHessian {
    /// The notebook's values: Zeiler's ρ = 0.95, ε = 1e-6, h = 4 and 0.4, from
    /// θ = 1, shown at [`RATIO_STEPS`].
    pub fn lesson() -> RatioVsHessian {
        let opt = Adadelta::defaults(Convention::Paper);
        RatioVsHessian {
            rho: opt.rho,
            eps: opt.eps,
            curvatures: CURVATURES.to_vec(),
            start: 1.0,
            shown: RATIO_STEPS.to_vec(),
        }
    }

    /// One row per step shown.
    pub fn table(&self) -> Result<Table> {
        let opt = Adadelta {
            rho: self.rho,
            eps: self.eps,
            ..Adadelta::defaults(Convention::Paper)
        }
        .validated()?;
        check_nonempty("the list of curvatures", &self.curvatures)?;
        check_nonempty("the list of steps shown", &self.shown)?;
        for &h in &self.curvatures {
            check_positive("curvatures", h)?;
        }
        for &s in &self.shown {
            check_steps_named("shown", s, MAX_LESSON_STEPS)?;
        }
        check_finite_point("start", &[self.start])?;
        let steps = self.shown.iter().copied().max().unwrap_or(1);
        let mut header = vec!["t".to_string()];
        let mut traces = Vec::new();
        for &h in &self.curvatures {
            let q = Quadratic::new(&[h / 2.0]);
            traces.push(run_to_completion(
                &opt,
                &q,
                array![self.start].view(),
                steps,
            )?);
            header.push(format!("h = {}: ratio·h", fmt_short(h)));
            header.push(format!("h = {}: θₜ", fmt_short(h)));
        }
        let mut t = Table::with_header(
            format!(
                "Adadelta ({}) on J = (h/2)θ² from θ = {}: the ratio RMS[Δθ]ₜ₋₁/RMS[g]ₜ times h (Newton: ratio = H⁻¹ = 1/h, ratio·h = 1)",
                opt.symbols(),
                fmt_minus(self.start)
            ),
            header,
        );
        for &s in &self.shown {
            let mut row = vec![s.into()];
            for (h, tr) in self.curvatures.iter().zip(&traces) {
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
}

/// The general $RMS\[x\] = \sqrt{(x_1^2 + \dots + x_n^2)/n}$ of the post, over the
/// first $t$ gradients of a sequence, against Adadelta's running
/// $RMS\[g\]_t = \sqrt{E\[g^2\]_t + \epsilon}$ on the same sequence, and the bias
/// of starting $E\[g^2\]_0 = 0$: $E\[g^2\]_t/(1-\rho^t)$.
#[derive(Clone, Debug, PartialEq)]
pub struct RmsDefinitions {
    /// The decay ρ: in (0, 1).
    pub rho: f64,
    /// ε inside the running RMS: a finite number ≥ 0.
    pub eps: f64,
    /// The gradients $g_1, g_2, \dots$: finite numbers; at least one.
    pub gradients: Vec<f64>,
}

impl RmsDefinitions {
    /// The notebook's values: ρ = 0.9, ε = 1e-6, five gradients 2 then five −1.
    pub fn lesson() -> RmsDefinitions {
        RmsDefinitions {
            rho: 0.9,
            eps: 1e-6,
            gradients: vec![2.0, 2.0, 2.0, 2.0, 2.0, -1.0, -1.0, -1.0, -1.0, -1.0],
        }
    }

    /// One row per gradient.
    pub fn table(&self) -> Result<Table> {
        let (rho, eps) = (self.rho, self.eps);
        check_open_unit_interval("rho", rho)?;
        check_non_negative("eps", eps)?;
        check_nonempty("the list of gradients", &self.gradients)?;
        check_finite_point("gradients", &self.gradients)?;
        let listed: Vec<String> = self.gradients.iter().map(|&g| fmt_minus(g)).collect();
        let mut t = Table::new(
            format!(
                "RMS of the gradients {} (ρ = {}, ε = {})",
                listed.join(", "),
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
        for (k, &g) in self.gradients.iter().enumerate() {
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
        Ok(t.with_note("the plain mean weighs every gradient alike; the running RMS forgets the 2s (weight ρᵏ) and starts low (E[g²]₀ = 0)"))
    }
}
