//! Checked exercises of the batching notebook: each answer and each typical slip
//! is computed by the library ([`ExampleLoss::batch_loss_and_gradient`],
//! [`Batches`], [`minibatch_variance`]), never typed.

use crate::examples::minibatch_variance;
use crate::{Batches, LastBatch};
use ndarray::{array, Array1, Array2};
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{Dataset, ExampleLoss, LeastSquares};

/// The three examples of [`batch_mean_gradient`]: $x_i$ and $y_i$.
pub const TINY_X: [f64; 3] = [1.0, 2.0, 3.0];
pub const TINY_Y: [f64; 3] = [2.0, 2.0, 5.0];
/// The weight $w$ the gradient is taken at.
pub const TINY_W: f64 = 1.0;

fn tiny_loss() -> Result<LeastSquares> {
    let x = Array2::from_shape_fn((TINY_X.len(), 1), |(i, _)| TINY_X[i]);
    Ok(LeastSquares::new(Dataset::new(
        "three points",
        vec!["x".into()],
        x,
        Array1::from(TINY_Y.to_vec()),
    )?))
}

fn batch_gradient(loss: &LeastSquares, batch: &[usize]) -> Result<f64> {
    let mut g = array![0.0];
    loss.batch_loss_and_gradient(batch, array![TINY_W].view(), g.view_mut())?;
    Ok(g[0])
}

/// The gradient of $L(\mathbf{x}, w) = \frac1m\sum_i \tfrac12(w x_i - y_i)^2$ over a
/// batch of three examples.
pub fn batch_mean_gradient() -> Result<Exercise> {
    let loss = tiny_loss()?;
    let all = [0, 1, 2];
    let mean = batch_gradient(&loss, &all)?;
    let m = all.len() as f64;
    // Forgetting the factor xᵢ of the chain rule is the gradient of a loss whose
    // every xᵢ is 1 in the derivative: the mean residual.
    let residuals: f64 = TINY_X
        .iter()
        .zip(TINY_Y)
        .map(|(x, y)| TINY_W * x - y)
        .sum::<f64>()
        / m;
    Ok(Exercise::new(
        format!(
            "∇_w L(x, w) for the batch x = ({}, {}, {}) with targets y = ({}, {}, {}), \
             L(xᵢ, w) = ½(w xᵢ − yᵢ)², at w = {}",
            TINY_X[0], TINY_X[1], TINY_X[2], TINY_Y[0], TINY_Y[1], TINY_Y[2], TINY_W
        ),
        mean,
    )
    .near_miss(
        mean * m,
        "that is the sum Σ ∇L(xᵢ, w): the batch loss is the mean, divide by m",
    )
    .near_miss(
        residuals,
        "the factor xᵢ of the chain rule is missing: ∂/∂w ½(w xᵢ − yᵢ)² = (w xᵢ − yᵢ)·xᵢ",
    )
    .near_miss(
        -mean,
        "the sign is flipped: the residual is w xᵢ − yᵢ, not yᵢ − w xᵢ",
    ))
}

/// Updates per epoch for N = 150, m = 32, the last batch kept.
pub fn updates_per_epoch() -> Result<Exercise> {
    let (n, m) = (150, 32);
    let keep = Batches::new(n, m, None, LastBatch::Keep)?;
    let drop = Batches::new(n, m, None, LastBatch::Drop)?;
    Ok(Exercise::new(
        format!("Updates in one epoch: N = {n}, m = {m}, last batch kept (drop_last=False)"),
        keep.batches_per_epoch() as f64,
    )
    .near_miss(
        drop.batches_per_epoch() as f64,
        "⌊N/m⌋ counts full batches only: that is drop_last=True; the short last batch is one more update",
    )
    .near_miss(
        n as f64 / m as f64,
        "N/m is not a whole number of updates: round up, ⌈N/m⌉",
    )
    .near_miss(
        n as f64,
        "that is the per-example gradient evaluations of an epoch, not the updates",
    ))
}

/// σ² = 2, N = 150, m = 16: the variance of the mini-batch gradient.
pub fn gradient_noise() -> Exercise {
    let (sigma2, n, m) = (2.0, 150, 16);
    let answer = minibatch_variance(sigma2, m, n);
    Exercise::new(
        format!(
            "E‖ĝ_B − ∇L‖² for σ² = {sigma2}, N = {n}, m = {m} (batch drawn without replacement)"
        ),
        answer,
    )
    .near_miss(
        sigma2 / m as f64,
        "the finite-population correction (N − m)/(N − 1) is missing: σ²/m holds for draws with replacement",
    )
    .near_miss(
        sigma2 * (n - m) as f64 / (n - 1) as f64,
        "the division by m is missing",
    )
    .near_miss(
        sigma2 / m as f64 * (n - m) as f64 / n as f64,
        "N where N − 1 belongs in the correction (N − m)/(N − 1)",
    )
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![
        batch_mean_gradient()?,
        updates_per_epoch()?,
        gradient_noise(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_exercise_accepts_its_answer_names_its_slips_and_tells_them_apart() {
        for ex in all().unwrap() {
            ex.self_check().unwrap();
        }
    }
}
