//! Checked exercises of `notebooks/17-batch-size.ipynb`: every answer and every
//! slip computed here from the library's model and study (never typed);
//! `tests/exercises.rs` proves each checker.

use super::critical::{Critical, CriticalBatch};
use crate::nqm::Nqm;
use optcore::error::{Error, Result};
use optcore::exercise::Exercise;

/// One coordinate with h = 1 and c = 1, SGD at η = 0.5, batches of 4: the
/// expected loss it settles on.
pub fn floor() -> Result<Exercise> {
    let (h, c, lr, batch) = (1.0, 1.0, 0.5, 4);
    let one = Nqm {
        h: vec![h],
        c: vec![c],
        start: vec![1.0],
    };
    let k = 1.0 - lr * h;
    let a_without_b = lr * lr * c / (1.0 - k * k);
    Ok(Exercise::new(
        format!(
            "One coordinate with $h = {h}$, $c = {c}$, SGD at $\\eta = {lr}$ with batches of $B = {batch}$: the expected loss $\\tfrac12 h A$ it settles on"
        ),
        one.sgd_floor(lr, batch)?,
    )
    .near_miss(
        0.5 * h * a_without_b,
        "the noise of a batch of B examples has variance c/B, not c",
    )
    .near_miss(
        0.5 * h * lr * lr * (c / batch as f64) / (1.0 - k),
        "the shrinking factor is (1 − ηh)², squared: A' = (1 − ηh)²A + η²c/B",
    )
    .near_miss(
        h * lr * lr * (c / batch as f64) / (1.0 - k * k),
        "that is h A; the loss is ½ h A",
    ))
}

/// From SGD's steps at B = 1, perfect scaling's prediction at B = 64.
pub fn perfect_scaling(study: &Critical) -> Result<Exercise> {
    let s1 = study.steps("SGD", 1)? as f64;
    let b = 64.0;
    Ok(Exercise::new(
        format!("SGD needs {s1} steps at $B = 1$: the steps perfect scaling predicts at $B = {b}$"),
        s1 / b,
    )
    .near_miss(
        s1 / b.sqrt(),
        "the noise's standard deviation falls as 1/√B, but perfect scaling divides the steps by B itself",
    )
    .near_miss(s1 * b, "a larger batch takes fewer steps, not more"))
}

/// How many times more examples SGD uses at the largest batch than at B = 1.
pub fn examples_used(study: &Critical) -> Result<Exercise> {
    let big = *study.knobs.batches.last().ok_or(Error::Empty {
        what: "list of batch sizes",
    })?;
    let (s1, sb) = (
        study.steps("SGD", 1)? as f64,
        study.steps("SGD", big)? as f64,
    );
    Ok(Exercise::new(
        format!(
            "SGD needs {s1} steps at $B = 1$ and {sb} at $B = {big}$: how many times more examples (gradients of one example) does the large batch use in all?"
        ),
        sb * big as f64 / s1,
    )
    .near_miss(s1 / sb, "that is how many times fewer steps; each step now reads B examples")
    .near_miss(big as f64, "the steps did not stay the same: multiply B by the steps"))
}

/// Every exercise of the notebook, in order (the study of
/// [`CriticalBatch::lesson`] computed once).
pub fn all() -> Result<Vec<Exercise>> {
    let study = CriticalBatch::lesson().run()?;
    Ok(vec![
        floor()?,
        perfect_scaling(&study)?,
        examples_used(&study)?,
    ])
}
