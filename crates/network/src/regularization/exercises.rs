//! Checked exercises of `notebooks/16-regularization.ipynb`, every answer and
//! slip computed from the library's settings and runs (never typed).

use super::early::EarlyStopping;
use optcore::error::Result;
use optcore::exercise::Exercise;

/// Inverted dropout: the factor a kept unit is multiplied by in training.
pub fn kept_scale() -> Exercise {
    // Not the notebook's p = 0.5, where 1/p and 1/(1 − p) coincide.
    let p = 0.2;
    Exercise::new(
        format!("Dropout with $p = {p}$ in torch's form: the factor a kept hidden unit is multiplied by in training"),
        1.0 / (1.0 - p),
    )
    .near_miss(
        1.0 - p,
        "that is the old form, which scales at evaluation instead; torch scales the kept units in training by 1/(1 − p)",
    )
    .near_miss(1.0 / p, "the factor is 1/(1 − p), the inverse of the share kept, not of the share dropped")
}

/// Early stopping: the epochs a run trains, from its best epoch and patience.
pub fn epochs_trained() -> Result<Exercise> {
    let knobs = EarlyStopping::lesson();
    let stopped = knobs.run()?;
    let best = stopped.early.trained.best_epoch;
    let p = knobs.patience;
    Ok(Exercise::new(
        format!(
            "A run reaches its lowest validation loss at epoch {best} and never beats it; with patience {p}, after how many epochs does it stop?"
        ),
        (best + p) as f64,
    )
    .near_miss(best as f64, "the run only learns that epoch was the best once the patience has passed")
    .near_miss(
        (best + p - 1) as f64,
        "it stops after `patience` epochs without a new lowest loss: epochs best + 1 to best + patience",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![kept_scale(), epochs_trained()?])
}
