//! The reference problems of `crates/optcore/reference/README.md` written out
//! again by hand from its table, independently of optcore's `Quadratic`,
//! `Rosenbrock` and `Beale` (that is the point: an independent transcription of an
//! optimizer must not share the crate's gradient code), and the comparisons the
//! tests make between a run of a crate's optimizer and such a transcription.

use ndarray::Array1;
use optcore::reference::rel_diff;
use optcore::{problem_by_name, run, Optimizer};

/// f(x, y) and ∇f(x, y) of `problem` (`quadratic`, `rosenbrock` or `beale`), from
/// the README's table; panics on another name.
pub fn independent_value_and_gradient(problem: &str, p: [f64; 2]) -> (f64, [f64; 2]) {
    let (x, y) = (p[0], p[1]);
    match problem {
        // 0.1x² + 2y²
        "quadratic" => (0.1 * x * x + 2.0 * y * y, [0.2 * x, 4.0 * y]),
        // (1 − x)² + 100(y − x²)²
        "rosenbrock" => {
            let w = y - x * x;
            (
                (1.0 - x) * (1.0 - x) + 100.0 * w * w,
                [-2.0 * (1.0 - x) - 400.0 * x * w, 200.0 * w],
            )
        }
        // Σᵢ (cᵢ − x + x yⁱ)², c = (1.5, 2.25, 2.625)
        "beale" => {
            let r1 = 1.5 - x + x * y;
            let r2 = 2.25 - x + x * y * y;
            let r3 = 2.625 - x + x * y * y * y;
            let f = r1 * r1 + r2 * r2 + r3 * r3;
            let gx = 2.0 * r1 * (y - 1.0) + 2.0 * r2 * (y * y - 1.0) + 2.0 * r3 * (y * y * y - 1.0);
            let gy = 2.0 * r1 * x + 2.0 * r2 * (2.0 * x * y) + 2.0 * r3 * (3.0 * x * y * y);
            (f, [gx, gy])
        }
        other => panic!("no problem {other}"),
    }
}

/// ∇f(x, y) of `problem`, as [`independent_value_and_gradient`].
pub fn independent_gradient(problem: &str, p: [f64; 2]) -> [f64; 2] {
    independent_value_and_gradient(problem, p).1
}

/// f(x, y) of `problem`, as [`independent_value_and_gradient`].
pub fn independent_value(problem: &str, p: [f64; 2]) -> f64 {
    independent_value_and_gradient(problem, p).0
}

/// θ₀…θₙ of `steps` steps of the crate's `opt` on optcore's `problem` (by the
/// name `optrace --problem` takes) from `start`; panics unless the run completes.
pub fn theta_rows<O: Optimizer>(
    opt: &O,
    problem: &str,
    start: [f64; 2],
    steps: usize,
) -> Vec<[f64; 2]> {
    let obj = problem_by_name(problem).unwrap();
    let tr = run(
        opt,
        obj.as_ref(),
        Array1::from(start.to_vec()).view(),
        steps,
    )
    .unwrap();
    tr.completed().unwrap();
    tr.rows.iter().map(|r| [r.theta[0], r.theta[1]]).collect()
}

/// The largest [`rel_diff`] between two runs' θ, coordinate by coordinate;
/// panics if they differ in length.
pub fn max_rel_diff(a: &[[f64; 2]], b: &[[f64; 2]]) -> f64 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .flat_map(|(x, y)| [rel_diff(x[0], y[0]), rel_diff(x[1], y[1])])
        .fold(0.0, f64::max)
}

/// The largest |a − b| / max(|a|, |b|, 1) between two runs' θ, coordinate by
/// coordinate: relative, but absolute below 1, so that a coordinate converging
/// to 0 (where the relative error grows as 1e-17/|θ| although nothing diverges)
/// is not held to more than the others. Panics if they differ in length.
pub fn max_diff_relative_above_one(a: &[[f64; 2]], b: &[[f64; 2]]) -> f64 {
    assert_eq!(a.len(), b.len());
    let mut w: f64 = 0.0;
    for (x, y) in a.iter().zip(b) {
        for i in 0..2 {
            w = w.max((x[i] - y[i]).abs() / x[i].abs().max(y[i].abs()).max(1.0));
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written ∇f is the gradient of the hand-written f: central
    /// differences agree to 1e-6 relative at points away from each minimum.
    #[test]
    fn gradients_are_the_derivatives_of_the_values() {
        for problem in ["quadratic", "rosenbrock", "beale"] {
            for p in [[-1.2, 1.0], [0.5, -0.3], [2.0, 0.7]] {
                let g = independent_gradient(problem, p);
                for i in 0..2 {
                    let h = 1e-6;
                    let (mut a, mut b) = (p, p);
                    a[i] += h;
                    b[i] -= h;
                    let fd =
                        (independent_value(problem, a) - independent_value(problem, b)) / (2.0 * h);
                    assert!(
                        (fd - g[i]).abs() <= 1e-6 * g[i].abs().max(1.0),
                        "{problem} at {p:?}, coordinate {i}: {fd} vs {}",
                        g[i]
                    );
                }
            }
        }
    }
}
