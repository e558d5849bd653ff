//! The slide with a flat end: GD stops where the slope ends, momentum coasts
//! on for $\gamma v/(1-\gamma)$.

use super::POST_GAMMA;
use crate::{Momentum, MomentumRecord};
use ndarray::array;
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::{run_to_completion, Convention, Error, FnObjective, Report, Result, Table, Trace};
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
pub fn slide() -> FnObjective {
    FnObjective::new(
        "slide",
        1,
        |t| if t[0] < 0.0 { -SLIDE_SLOPE * t[0] } else { 0.0 },
        |t, mut g| g[0] = if t[0] < 0.0 { -SLIDE_SLOPE } else { 0.0 },
    )
}

/// GD (momentum 0: $v_t = \eta g_t$ exactly) and momentum (γ = 0.9) down the slide.
pub fn slide_runs() -> Result<(Trace<MomentumRecord>, Trace<MomentumRecord>)> {
    let j = slide();
    let start = array![SLIDE_START];
    let gd = run_to_completion(
        &Momentum {
            lr: SLIDE_LR,
            momentum: 0.0,
            ..Momentum::defaults(Convention::Paper)
        },
        &j,
        start.view(),
        SLIDE_STEPS,
    )?;
    let mo = run_to_completion(
        &Momentum {
            lr: SLIDE_LR,
            momentum: POST_GAMMA,
            ..Momentum::defaults(Convention::Paper)
        },
        &j,
        start.view(),
        SLIDE_STEPS,
    )?;
    Ok((gd, mo))
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

/// Measures [`Coast`] on [`slide_runs`].
pub fn coast() -> Result<Coast> {
    let (gd, mo) = slide_runs()?;
    let g = POST_GAMMA;
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
pub fn plateau() -> Result<Report> {
    let (_, mo) = slide_runs()?;
    let c = coast()?;
    let g = POST_GAMMA;
    let step_gd = SLIDE_LR * SLIDE_SLOPE;
    let mut slope = Table::new(
        format!("on the slope (∇J = −s = −{SLIDE_SLOPE}): |vₜ|/(η·s) = Σₖ<ₜ γᵏ = (1 − γᵗ)/(1 − γ), γ = {g}, η = {SLIDE_LR}"),
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
    for t in (last + 1..=last + 10).chain([last + 22, last + 44, last + 66, SLIDE_STEPS]) {
        let r = &mo.rows[t];
        let v = -step_record(r)?.velocity[0];
        let prev = -step_record(&mo.rows[t - 1])?.velocity[0];
        plane.push(vec![
            r.t.into(),
            r.theta[0].into(),
            v.into(),
            (v / prev).into(),
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
            &*format!("momentum: θ after {SLIDE_STEPS} steps"),
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
            "The slide $J(x) = -s\\,x$ ($s = {SLIDE_SLOPE}$) for $x < 0$ and the flat plane $J = 0$ for $x \\ge 0$, from $x = {SLIDE_START}$, $\\eta = {SLIDE_LR}$: GD (γ = 0) and momentum (γ = {g}), {SLIDE_STEPS} steps."
        ))
        .table(summary)
        .table(slope)
        .table(plane))
}

/// Series: θₜ against t for GD and momentum on the slide.
pub fn slide_series() -> Result<Vec<Series>> {
    let (gd, mo) = slide_runs()?;
    let pts =
        |tr: &Trace<MomentumRecord>| tr.rows.iter().map(|r| (r.t as f64, r.theta[0])).collect();
    Ok(vec![
        ("GD (γ = 0)".to_string(), pts(&gd)),
        (format!("momentum (γ = {POST_GAMMA})"), pts(&mo)),
        (
            "edge of the plane, x = 0".to_string(),
            vec![(0.0, 0.0), (SLIDE_STEPS as f64, 0.0)],
        ),
    ])
}

/// Figure of [`slide_series`].
pub fn slide_figure() -> Result<Figure> {
    LineChart::new("down the slide onto the flat plane")
        .x_label("step t")
        .y_label("position θₜ")
        .all_series(slide_series()?)
        .render()
}
