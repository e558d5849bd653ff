//! The playground of notebook 01 (batching): plain GD with the full batch on
//! the reference quadratic $0.1x^2 + 2y^2$ from $(-5, -2)$, at η = 0.4 and at the
//! batching notebook's η = 0.5 (exactly $2/\lambda_{\max}$ here: $y$ flips sign
//! and never shrinks), and a student's own $J$ that is a batch loss: the mean
//! of three example losses $\tfrac12(w_0 + w_1 x_i - y_i)^2$, written as
//! closures; then the post's data setting itself, the iris softmax classifier
//! trained in mini-batches ([`Lab::minibatches`]).
//!
//! The notebook's cells write these labs out knob by knob; its check holds
//! them to these functions (`format!("{lab:?}")`), and
//! `tests/playground_labs.rs` pins their runs.

use super::{adam, gd, gd_at, quadratic};
use crate::lab::{FnObjective, Lab, Result};

/// The playground's lab: GD with η = 0.4 and η = 0.5 on
/// [`crate::Problem::Quadratic`] from $(-5, -2)$, 100 steps.
pub fn lab() -> Lab {
    gd_at(quadratic(100), &[0.4, 0.5])
}

/// The own-$J$ lab: the batch loss of the three examples of the notebook's
/// first exercise, $x = (1, 2, 3)$, $y = (2, 2, 5)$, fitted by $w_0 + w_1 x$:
/// $J(w) = \frac13\sum_i \tfrac12(w_0 + w_1 x_i - y_i)^2$, with its gradient
/// $\frac13\sum_i r_i\\,(1, x_i)$, $r_i = w_0 + w_1 x_i - y_i$, as closures.
/// GD with η = 0.3 (under $2/\lambda_{\max} \approx 0.36$) and η = 0.1, from
/// $w = (0, 0)$, 200 steps; J's minimum is 1/4 (at $w = (0, 1.5)$: the three
/// points are not on one line), so the table's threshold is set just above it,
/// at 0.26.
pub fn own() -> Lab {
    let xs = [1.0, 2.0, 3.0];
    let ys = [2.0, 2.0, 5.0];
    let own = FnObjective::new(
        "batch loss of 3 examples",
        2,
        move |w| {
            (0..3)
                .map(|i| 0.5 * (w[0] + w[1] * xs[i] - ys[i]).powi(2))
                .sum::<f64>()
                / 3.0
        },
        move |w, mut g| {
            g.fill(0.0);
            for i in 0..3 {
                let r = w[0] + w[1] * xs[i] - ys[i];
                g[0] += r / 3.0;
                g[1] += r * xs[i] / 3.0;
            }
        },
    );
    let lab = Lab::on(own).start([0.0, 0.0]).steps(200).threshold(0.26);
    gd_at(lab, &[0.3, 0.1])
}

/// The mini-batch lab: the iris softmax classifier ([`crate::iris::loss`]) in
/// batches of 16 shuffled with seed 7, from $W = 0$, 100 steps: SGD with
/// η = 0.5 against Adam with η = 0.05, both on the same batches.
pub fn iris() -> Result<Lab> {
    Ok(Lab::minibatches(crate::iris::loss()?, 16, 7)
        .steps(100)
        .with("SGD η = 0.5", gd(0.5))
        .with("Adam η = 0.05", adam(0.05)))
}
