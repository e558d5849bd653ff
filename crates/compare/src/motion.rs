//! Motion: the eight methods' trajectories animated frame by frame, on Beale's
//! function and on a saddle.
//!
//! - [`Race::animation`]: the race's runs (on Beale in notebook 10: the same
//!   start, rates and 2000 steps as the static figure [`Race::contour`]), sampled
//!   at [`FRAMES`] steps $t_k = \operatorname{round}(2000\\,(k/(K-1))^2)$, dense
//!   at the start where the adaptive methods move most, sparse at the end.
//! - [`SaddleEscape`]: its table and animation, the saddle $J = x^2 - y^2$
//!   ([`optcore::Saddle`]) from $(1, 10^{-3})$, every step of [`SADDLE_STEPS`].
//!   The start sits on the saddle's attracting direction $x$, a thousandth off the
//!   line $y = 0$ that leads straight into the saddle: gradient descent is pulled
//!   toward $(0, 0)$ along $x$ while $y$ grows only by the factor $1 + 2\eta$ per
//!   step ($y_t = (1 + 2\eta)^t y_0$), so the small offset is what a method must
//!   amplify to get away. A method *escapes* at the first step $t$ with
//!   $|y_t| \ge 1$ ([`ESCAPE_Y`], a thousandfold growth).
//!
//! Every number shown is computed here from the runs: the frames of
//! [`Race::animation_frames`] and [`SaddleEscape::animation_frames`] and
//! [`SaddleEscape::table`] are pinned by snapshots.

use crate::{Race, Run, Setup};
use ndarray::array;
use optcore::error::{check_finite_point, check_lesson_steps, check_positive, Result};
use optcore::render::Cell;
use optcore::{Saddle, Table};
use plots::{Animated, Animation};

/// Frames of an animation (at most; fewer when a run has fewer steps).
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

impl Race {
    /// The race's animation, set up (its frames: [`Animation::frames_text`]):
    /// [`FRAMES`] frames at $t_k = \operatorname{round}(n\\,(k/(K-1))^2)$,
    /// every step when the race has fewer.
    pub fn animation_frames(&self) -> Result<Animation> {
        let s = self.setup()?;
        let runs = crate::runs_of(&s)?;
        let steps = frame_steps(s.steps, FRAMES);
        let note = if steps.len() == s.steps + 1 {
            format!("every step, {} steps", s.steps)
        } else {
            format!(
                "{} frames of {} steps,\nt = round({}·(k/{})²)",
                FRAMES,
                s.steps,
                s.steps,
                FRAMES - 1
            )
        };
        animation(
            &s,
            &runs,
            steps,
            format!(
                "{}: every method from ({}, {}), frame by frame",
                s.objective.name(),
                s.start[0],
                s.start[1]
            ),
            note,
        )
    }

    /// Every method of the race, animated (plays in the notebook).
    pub fn animation(&self) -> Result<Animated> {
        self.animation_frames()?.render()
    }
}

/// The saddle $J = x^2 - y^2$: the eight methods from a start just off the
/// line $y = 0$ that leads into the saddle; which escape, and when.
#[derive(Clone, Debug, PartialEq)]
pub struct SaddleEscape {
    /// $\theta_0 = (x, y)$: two finite numbers; $y$ is the offset a method must
    /// amplify (at $y = 0$ no method ever leaves the line).
    pub start: [f64; 2],
    /// Steps of every run (each one a frame of the animation while there are
    /// fewer than [`FRAMES`]): a whole number from 1 to [`crate::MAX_STEPS`].
    pub steps: usize,
    /// η of GD, Momentum and NAG: a finite number > 0.
    pub lr_fixed: f64,
    /// η of Adagrad, RMSprop, Adam and NAdam (Adadelta has none): a finite
    /// number > 0.
    pub lr_adaptive: f64,
    /// A run has escaped at the first step with $|y_t| \ge$ this: a finite
    /// number > 0.
    pub escape_y: f64,
}

impl SaddleEscape {
    /// Notebook 10's saddle: from $(1, 10^{-3})$, [`SADDLE_STEPS`] steps, η = 0.1
    /// for both families, escape at $|y| \ge 1$.
    pub fn lesson() -> SaddleEscape {
        SaddleEscape {
            start: [1.0, 1e-3],
            steps: SADDLE_STEPS,
            lr_fixed: SADDLE_LR_FIXED,
            lr_adaptive: SADDLE_LR_ADAPTIVE,
            escape_y: ESCAPE_Y,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_finite_point("start", &self.start)?;
        check_lesson_steps("steps", self.steps)?;
        check_positive("lr_fixed", self.lr_fixed)?;
        check_positive("lr_adaptive", self.lr_adaptive)?;
        check_positive("escape_y", self.escape_y)
    }

    /// The saddle problem: objective, start, steps, rates (checked).
    pub fn setup(&self) -> Result<Setup> {
        self.validate()?;
        Ok(Setup {
            objective: Box::new(Saddle),
            start: array![self.start[0], self.start[1]],
            steps: self.steps,
            lr_fixed: self.lr_fixed,
            lr_adaptive: self.lr_adaptive,
            x_range: (-1.5, 1.5),
            y_range: (-1.5, 1.5),
            // J is unbounded below: a run stops only once x runs away.
            diverge_above: 1e6,
        })
    }

    /// The eight methods on the saddle, in the post's order.
    pub fn runs(&self) -> Result<Vec<Run>> {
        crate::runs_of(&self.setup()?)
    }

    /// The saddle animation, set up: every step a frame (at most [`FRAMES`]).
    pub fn animation_frames(&self) -> Result<Animation> {
        let s = self.setup()?;
        let runs = crate::runs_of(&s)?;
        let steps = frame_steps(s.steps, FRAMES);
        let every = if steps.len() == s.steps + 1 {
            format!("every step, {} steps", s.steps)
        } else {
            format!("{} frames of {} steps", FRAMES, s.steps)
        };
        animation(
            &s,
            &runs,
            steps,
            format!(
                "saddle x² − y²: every method from ({}, {})",
                s.start[0], s.start[1]
            ),
            format!("{every};\na marker leaves the box\nonce |y| > 1.5"),
        )
        .map(|a| a.seconds_per_frame(0.15))
    }

    /// Every method on the saddle, animated.
    pub fn animation(&self) -> Result<Animated> {
        self.animation_frames()?.render()
    }

    /// Which methods escape the saddle and when: the first step with
    /// $|y_t| \ge$ `escape_y`, where $x$ is then, $y$ at the end and at
    /// $t = 10$ (`—` where a run has no such step).
    pub fn table(&self) -> Result<Table> {
        let s = self.setup()?;
        let runs = crate::runs_of(&s)?;
        let mut t = Table::with_header(
            format!(
                "saddle x² − y² from ({}, {}), {} steps: first t with |y| ≥ {}",
                s.start[0], s.start[1], s.steps, self.escape_y
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
            let escape = r.path.iter().position(|p| p.1.abs() >= self.escape_y);
            let y_at = |i: usize| -> Cell {
                match r.path.get(i) {
                    Some(p) => p.1.into(),
                    None => "—".into(),
                }
            };
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
                y_at(s.steps),
                y_at(10),
            ]);
        }
        t.note = crate::stop_note(&runs);
        Ok(t)
    }
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
        let runs = SaddleEscape::lesson().runs().unwrap();
        let gd = &runs[0];
        for w in gd.path.windows(2).take(20) {
            let ratio = w[1].1 / w[0].1;
            assert!((ratio - (1.0 + 2.0 * SADDLE_LR_FIXED)).abs() < 1e-12);
        }
    }

    #[test]
    fn animations_render_with_one_marker_per_method() {
        for a in [
            Race::lesson().animation().unwrap(),
            SaddleEscape::lesson().animation().unwrap(),
        ] {
            assert_eq!(a.svg().matches("<animateTransform").count(), 8);
            assert!(a.frames() <= FRAMES);
        }
    }
}
