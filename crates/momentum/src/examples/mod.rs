//! Worked examples: every table, equation and figure of `notebooks/03-momentum.ipynb`,
//! one module per part of the notebook. Each experiment is a struct of its knobs
//! ([`Valley`], [`Slide`], [`GammaSweep`], …) whose `lesson()` holds the
//! notebook's values and whose methods check every knob (a typed error) before
//! computing; the notebook writes the struct out in the cell, a snapshot test pins
//! the text at `lesson()` (figures: the series they draw, as `plots::series_text`).
//!
//! The lesson values are written here, once: the reference case of
//! `crates/optcore/reference/cases.json` ([`REFERENCE_LR`], [`REFERENCE_MOMENTUM`],
//! [`optcore::reference_start`], 20 steps on $0.1x^2 + 2y^2$), the post's γ = 0.9,
//! and the slide of [`slide`].
//!
//! | part of the notebook | module |
//! |---|---|
//! | The rule from scratch; the post's γ = 0.9 with a fitting η | [`from_scratch`] |
//! | Appendix: the update, two ways | [`two_forms`] |
//! | Unrolling $v_1 \dots v_4$ | [`unrolling`] |
//! | Beyond the post: how much do old gradients weigh? | [`weights`] |
//! | The slide with a flat end | [`flat_end`] |
//! | An ill-conditioned valley | [`ill_conditioned`] |
//! | Bad input | [`bad_input`] |

pub mod bad_input;
pub mod flat_end;
pub mod from_scratch;
pub mod ill_conditioned;
pub mod two_forms;
pub mod unrolling;
pub mod weights;

pub use bad_input::*;
pub use flat_end::*;
pub use from_scratch::*;
pub use ill_conditioned::*;
pub use two_forms::*;
pub use unrolling::*;
pub use weights::*;

use crate::Momentum;
use optcore::error::check_nonempty;
use optcore::render::fmt_short;
use optcore::{Convention, Error, Optimizer, Result};

/// lr of the reference case `*-momentum-quadratic` (cases.json).
pub const REFERENCE_LR: f64 = 0.4;
/// momentum of the reference case `*-momentum-quadratic` (cases.json).
pub const REFERENCE_MOMENTUM: f64 = 0.5;
/// Steps of the reference case.
pub const REFERENCE_STEPS: usize = 20;
/// The post: "γ 값은 보통 0.9를 사용한다고 한다".
pub const POST_GAMMA: f64 = 0.9;

pub use optcore::MAX_LESSON_STEPS;

/// The post's momentum (paper form) with η = `lr` and γ = `gamma`, validated: a
/// typed error names `lr` (must be > 0) or `momentum` (γ, in \[0, 1)).
pub fn post_momentum(lr: f64, gamma: f64) -> Result<Momentum> {
    Momentum {
        lr,
        momentum: gamma,
        ..Momentum::defaults(Convention::Paper)
    }
    .validated()
}

/// A start as a title writes it: `(−5, −2)` (shortest round-trip numbers, the
/// minus sign −).
pub fn fmt_point(p: &[f64]) -> String {
    let xs: Vec<String> = p.iter().map(|&x| fmt_short(x).replace('-', "−")).collect();
    format!("({})", xs.join(", "))
}

/// Momentum runs of an experiment must have distinct γ: tables and legends name
/// each run by its γ.
pub(crate) fn check_distinct(what: &'static str, values: &[f64]) -> Result<()> {
    check_nonempty(what, values)?;
    for (i, a) in values.iter().enumerate() {
        if values[..i].contains(a) {
            return Err(Error::DuplicateLabel {
                label: format!("{what}: {a}"),
            });
        }
    }
    Ok(())
}
