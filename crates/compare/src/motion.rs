//! Motion: the eight methods' trajectories animated frame by frame, on Beale's
//! function and on a saddle.
//!
//! - [`beale_animation`]: the runs of [`Problem::Beale`] (the same start, rates and
//!   2000 steps as the static figure [`crate::contour`]), sampled at
//!   [`FRAMES`] steps $t_k = \operatorname{round}(2000\\,(k/(K-1))^2)$, dense at
//!   the start where the adaptive methods move most, sparse at the end.
//! - [`saddle_animation`] and [`escape_table`]: the saddle $J = x^2 - y^2$
//!   ([`optcore::Saddle`]) from $(1, 10^{-3})$, every step of [`SADDLE_STEPS`].
//!   The start sits on the saddle's attracting direction $x$, a thousandth off the
//!   line $y = 0$ that leads straight into the saddle: gradient descent is pulled
//!   toward $(0, 0)$ along $x$ while $y$ grows only by the factor $1 + 2\eta$ per
//!   step ($y_t = (1 + 2\eta)^t y_0$), so the small offset is what a method must
//!   amplify to get away. A method *escapes* at the first step $t$ with
//!   $|y_t| \ge 1$ ([`ESCAPE_Y`], a thousandfold growth).
//!
//! Every number shown is computed here from the runs: [`beale_frames`],
//! [`saddle_frames`] and [`escape_table`] are pinned by snapshots.

use crate::{Problem, Run, Setup};
use ndarray::array;
use optcore::error::Result;
use optcore::{Saddle, Table};
use plots::{Animated, Animation};

/// Frames of the Beale animation.
pub const FRAMES: usize = 120;
/// Steps of the saddle runs (each one a frame).
pub const SADDLE_STEPS: usize = 60;
/// η of GD, Momentum and NAG on the saddle (the quadratic's).
pub const SADDLE_LR_FIXED: f64 = 0.1;
/// η of Adagrad, RMSprop, Adam and NAdam on the saddle (the quadratic's).
pub const SADDLE_LR_ADAPTIVE: f64 = 0.1;
/// A run has escaped the saddle once $|y_t| \ge$ this (the start has
/// $y_0 = 10^{-3}$).
pub const ESCAPE_Y: f64 = 1.0;

/// The saddle problem: objective, start, steps.
pub fn saddle_setup() -> Setup {
    Setup {
        objective: Box::new(Saddle),
        start: array![1.0, 1e-3],
        steps: SADDLE_STEPS,
        lr_fixed: SADDLE_LR_FIXED,
        lr_adaptive: SADDLE_LR_ADAPTIVE,
        x_range: (-1.5, 1.5),
        y_range: (-1.5, 1.5),
        // J is unbounded below: a run never stops for a large loss.
        diverge_above: 1e6,
    }
}

/// The eight methods on the saddle, in the post's order.
pub fn saddle_runs() -> Result<Vec<Run>> {
    crate::runs_of(&saddle_setup())
}

/// Frame steps $t_k = \operatorname{round}(n\\,(k/(K-1))^2)$, $k = 0, \dots, K-1$,
/// repeats dropped (all of $0..=n$ when $n < K$).
pub fn frame_steps(n: usize, frames: usize) -> Vec<usize> {
    if n < frames || frames < 2 {
        return (0..=n).collect();
    }
    let last = (frames - 1) as f64;
    let mut out: Vec<usize> = Vec::with_capacity(frames);
    for k in 0..frames {
        let f = k as f64 / last;
        let t = (n as f64 * f * f).round() as usize;
        if out.last() != Some(&t) {
            out.push(t);
        }
    }
    out
}

/// A run's position at each of `steps` (its last point once it stopped early).
fn at_steps(r: &Run, steps: &[usize]) -> Vec<(f64, f64)> {
    steps
        .iter()
        .map(|&t| {
            r.path
                .get(t)
                .or(r.path.last())
                .copied()
                .unwrap_or((f64::NAN, f64::NAN))
        })
        .collect()
}

fn animation(
    s: &Setup,
    runs: &[Run],
    steps: Vec<usize>,
    title: String,
    note: String,
) -> Result<Animation> {
    let background = plots::Contour::new(s.objective.as_ref(), s.x_range, s.y_range)
        .levels(14)
        .size(760, 560)
        .title(title)
        .render()?;
    let mut a = Animation::new(background, steps.clone()).note(note);
    for r in runs {
        a = a.series(r.method, at_steps(r, &steps));
    }
    Ok(a)
}

/// The Beale animation, set up (its frames: [`Animation::frames_text`]).
pub fn beale_frames() -> Result<Animation> {
    let s = Problem::Beale.setup();
    let runs = crate::runs(Problem::Beale)?;
    let steps = frame_steps(s.steps, FRAMES);
    animation(
        &s,
        &runs,
        steps,
        format!(
            "beale: every method from ({}, {}), frame by frame",
            s.start[0], s.start[1]
        ),
        format!(
            "{} frames of {} steps,\nt = round({}·(k/{})²)",
            FRAMES,
            s.steps,
            s.steps,
            FRAMES - 1
        ),
    )
}

/// Every method on Beale's function, animated (plays in the notebook).
pub fn beale_animation() -> Result<Animated> {
    beale_frames()?.render()
}

/// The saddle animation, set up.
pub fn saddle_frames() -> Result<Animation> {
    let s = saddle_setup();
    let runs = saddle_runs()?;
    animation(
        &s,
        &runs,
        (0..=s.steps).collect(),
        "saddle x² − y²: every method from (1, 0.001)".into(),
        format!(
            "every step, {} steps;\na marker leaves the box\nonce |y| > 1.5",
            s.steps
        ),
    )
    .map(|a| a.seconds_per_frame(0.15))
}

/// Every method on the saddle, animated.
pub fn saddle_animation() -> Result<Animated> {
    saddle_frames()?.render()
}

/// Which methods escape the saddle and when: the first step with
/// $|y_t| \ge$ [`ESCAPE_Y`], where $x$ is then, and $J$ at that step.
pub fn escape_table() -> Result<Table> {
    let s = saddle_setup();
    let runs = saddle_runs()?;
    let mut t = Table::with_header(
        format!(
            "saddle x² − y² from (1, 0.001), {} steps: first t with |y| ≥ {}",
            s.steps, ESCAPE_Y
        ),
        vec![
            "method".into(),
            "hyperparameters".into(),
            "escape step t".into(),
            "x at escape".into(),
            format!("y at t = {}", s.steps),
            "y at t = 10".into(),
        ],
    );
    for r in &runs {
        let escape = r.path.iter().position(|p| p.1.abs() >= ESCAPE_Y);
        let y_at = |i: usize| r.path.get(i).map(|p| p.1).unwrap_or(f64::NAN);
        t.push(vec![
            r.method.into(),
            r.hyperparameters.clone().into(),
            match escape {
                Some(i) => i.into(),
                None => format!("never in {} steps", s.steps).into(),
            },
            match escape {
                Some(i) => r.path[i].0.into(),
                None => "—".into(),
            },
            y_at(s.steps).into(),
            y_at(10).into(),
        ]);
    }
    t.note = crate::stop_note(&runs);
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_steps_start_at_0_end_at_n_and_increase() {
        let f = frame_steps(2000, FRAMES);
        assert_eq!(f[0], 0);
        assert_eq!(*f.last().unwrap(), 2000);
        assert!(f.windows(2).all(|w| w[0] < w[1]));
        assert!(f.len() <= FRAMES);
        assert_eq!(frame_steps(5, FRAMES), vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn gd_on_the_saddle_grows_y_by_1_plus_2_eta() {
        let runs = saddle_runs().unwrap();
        let gd = &runs[0];
        for w in gd.path.windows(2).take(20) {
            let ratio = w[1].1 / w[0].1;
            assert!((ratio - (1.0 + 2.0 * SADDLE_LR_FIXED)).abs() < 1e-12);
        }
    }

    #[test]
    fn animations_render_with_one_marker_per_method() {
        for a in [beale_animation().unwrap(), saddle_animation().unwrap()] {
            assert_eq!(a.svg().matches("<animateTransform").count(), 8);
            assert!(a.frames() <= FRAMES);
        }
    }
}
