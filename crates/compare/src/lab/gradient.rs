//! The check of a hand-written gradient: $\nabla J$ against central finite
//! differences $\frac{J(\theta + h e_i) - J(\theta - h e_i)}{2h}$ of the value,
//! coordinate by coordinate.
//!
//! [`optcore::objective::gradient_check`] measures the largest relative
//! difference $|d_i - g_i| / (1 + |g_i|)$; where it exceeds [`TOLERANCE`] the
//! worst coordinate is named in an [`Error::Gradient`] with both values.

use optcore::error::{Error, Result};
use optcore::objective::gradient_check;
use optcore::Objective;

/// Step $h$ of the central differences: their truncation error is
/// $O(h^2)$ and their rounding error $O(\epsilon_{\text{mach}} |J| / h)$, both
/// far below [`TOLERANCE`] at $h = 10^{-6}$ for the values a lab plots.
pub const STEP: f64 = 1e-6;

/// Largest relative difference $|d_i - g_i| / (1 + |g_i|)$ accepted. A wrong
/// formula (a dropped factor, a wrong sign) is off by far more; the differences'
/// own error is far less.
pub const TOLERANCE: f64 = 1e-4;

/// `Ok` if the objective's gradient at `theta` agrees with central finite
/// differences; otherwise an [`Error::Gradient`] naming the worst coordinate,
/// the difference quotient (expected) and the gradient's value (found).
/// A point where $J$ is not finite is not checked (there is nothing to compare).
pub fn check(objective: &dyn Objective, theta: &[f64]) -> Result<()> {
    let at = ndarray::ArrayView1::from(theta);
    if !objective.value(at).is_finite() || gradient_check(objective, at, STEP) <= TOLERANCE {
        return Ok(());
    }
    let g = objective.gradient(at);
    let mut p = at.to_owned();
    let mut worst: Option<(usize, f64, f64, f64)> = None;
    for i in 0..theta.len() {
        let x = p[i];
        p[i] = x + STEP;
        let up = objective.value(p.view());
        p[i] = x - STEP;
        let down = objective.value(p.view());
        p[i] = x;
        let expected = (up - down) / (2.0 * STEP);
        let off = (expected - g[i]).abs() / (1.0 + g[i].abs());
        // NaN (a gradient that is not finite) counts as the worst.
        if worst.is_none_or(|w| off > w.3 || off.is_nan()) {
            worst = Some((i, expected, g[i], off));
        }
    }
    match worst {
        Some((coordinate, expected, found, _)) => Err(Error::Gradient {
            coordinate,
            at: theta.to_vec(),
            expected,
            found,
        }),
        // No coordinate at all: gradient_check found nothing either.
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::{Beale, FnObjective};

    #[test]
    fn a_right_gradient_passes_and_a_wrong_one_is_named() {
        assert!(check(&Beale, &[1.0, 1.5]).is_ok());
        // J = x² + 3y², with ∂J/∂y written as 3y instead of 6y.
        let j = FnObjective::new(
            "bowl",
            2,
            |t| t[0] * t[0] + 3.0 * t[1] * t[1],
            |t, mut g| {
                g[0] = 2.0 * t[0];
                g[1] = 3.0 * t[1];
            },
        );
        match check(&j, &[1.0, 2.0]) {
            Err(Error::Gradient {
                coordinate,
                expected,
                found,
                ..
            }) => {
                assert_eq!(coordinate, 1);
                assert_eq!(found, 6.0);
                // Independent: the exact ∂J/∂y = 6y = 12.
                assert!((expected - 12.0).abs() < 1e-6);
            }
            other => panic!("expected a gradient error, got {other:?}"),
        }
    }
}
