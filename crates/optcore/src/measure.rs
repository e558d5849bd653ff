//! Measurements along a recorded run ([`Trace`]): the record of a step as a
//! `Result` instead of an `Option`, and sign changes, the count of times a
//! quantity crossed 0 (an iterate overshooting the minimum's axis, a path
//! crossing a valley floor).

use crate::error::{Error, Result};
use crate::trace::{Row, Trace};

/// The step record of `row`: what the optimizer computed in that step. Row 0
/// (the start $\theta_0$, before any step) has none, which is an
/// [`Error::Empty`] here rather than a panic.
pub fn step_record<R>(row: &Row<R>) -> Result<&R> {
    row.record.as_ref().ok_or(Error::Empty {
        what: "the step record of this row (row 0, the start, has none)",
    })
}

/// The indices $t \ge 1$ at which `values` changes sign:
/// $v_{t-1}\\,v_t < 0$. A value of exactly 0 (or NaN) is no crossing on
/// either side, so touching 0 is not counted.
///
/// ```
/// assert_eq!(optcore::measure::sign_changes(&[2.0, -1.0, 0.0, 3.0, -0.5]), vec![1, 4]);
/// ```
pub fn sign_changes(values: &[f64]) -> Vec<usize> {
    (1..values.len())
        .filter(|&t| values[t - 1] * values[t] < 0.0)
        .collect()
}

/// How often coordinate `i` of $\theta_t$ changed sign along the trace: for a
/// minimum on that axis, how often the run overshot it. A trace whose θ has no
/// coordinate `i` has no crossings.
pub fn crossings<R>(trace: &Trace<R>, i: usize) -> usize {
    let values: Vec<f64> = trace
        .rows
        .iter()
        .map(|r| r.theta.get(i).copied().unwrap_or(f64::NAN))
        .collect();
    sign_changes(&values).len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn sign_changes_count_strict_crossings() {
        assert!(sign_changes(&[]).is_empty());
        assert!(sign_changes(&[1.0]).is_empty());
        assert_eq!(sign_changes(&[1.0, -1.0, 1.0, -1.0]), vec![1, 2, 3]);
        assert!(sign_changes(&[1.0, 0.0, -1.0]).is_empty());
        assert!(sign_changes(&[1.0, f64::NAN, -1.0]).is_empty());
    }

    /// θ₀ = (1, 1), then (−1, 1), (1, 2); step t records t.
    #[test]
    fn crossings_and_records_of_a_trace() {
        let row = |t: usize, theta: [f64; 2]| Row {
            t,
            loss: 0.0,
            theta: array![theta[0], theta[1]],
            gradient_evaluations: t as u64,
            record: (t > 0).then_some(t),
        };
        let tr = Trace {
            optimizer: "by hand".into(),
            problem: "none".into(),
            rows: vec![row(0, [1.0, 1.0]), row(1, [-1.0, 1.0]), row(2, [1.0, 2.0])],
            stop: None,
        };
        assert_eq!(crossings(&tr, 0), 2);
        assert_eq!(crossings(&tr, 1), 0);
        assert_eq!(crossings(&tr, 7), 0);
        assert!(matches!(step_record(&tr.rows[0]), Err(Error::Empty { .. })));
        assert_eq!(step_record(&tr.rows[2]), Ok(&2));
    }
}
