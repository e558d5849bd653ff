//! Checked exercises of `notebooks/14-network.ipynb`: the student computes a
//! number of the network by hand and passes it to [`Exercise::check`]. Every
//! answer and every slip is computed here from the library's own network and
//! split (never typed); `tests/exercises.rs` proves each checker.

use crate::tune::Setup;
use optcore::digits::{CLASSES, PIXELS};
use optcore::error::Result;
use optcore::exercise::Exercise;
use optcore::{ExampleLoss, Objective};

/// The parameters of the notebook's 64–32–10 network.
pub fn parameters() -> Result<Exercise> {
    let setup = Setup::lesson();
    let (d, h, k) = (PIXELS, setup.hidden, CLASSES);
    let net = setup.nets()?.train;
    Ok(Exercise::new(
        format!("How many parameters does the {d}–{h}–{k} network have (θ's length)?"),
        net.dim() as f64,
    )
    .near_miss(
        (d * h + h * k) as f64,
        "the weights alone: each hidden unit and each class also has a bias (b₁, b₂)",
    )
    .near_miss(
        (d * h * k) as f64,
        "the layers add, they do not multiply: W₁ is H × 64 and W₂ is 10 × H",
    ))
}

/// The loss of an image when all ten outputs z are equal.
pub fn uniform_loss() -> Exercise {
    let k = CLASSES as f64;
    Exercise::new(
        "All ten outputs $z_c$ are equal (as for a network whose last layer is 0): the loss $L = -\\log p_y$ of any image",
        k.ln(),
    )
    .near_miss(
        k.log10(),
        "log is the natural logarithm, as in torch's cross-entropy",
    )
    .near_miss(1.0 / k, "that is p_y = 1/10 itself; the loss is −log p_y")
}

/// ∂L/∂z of the image's own class when the network gives it probability 0.3.
pub fn output_slope() -> Exercise {
    let p_y = 0.3;
    Exercise::new(
        "The network gives an image's own class $y$ the probability $p_y = 0.3$: $\\partial L/\\partial z_y$",
        p_y - 1.0,
    )
    .near_miss(
        p_y,
        "that is ∂L/∂z_c of every other class (p_c); the image's own class also has the −1 of e_y",
    )
    .near_miss(
        1.0 - p_y,
        "the sign: raising z_y lowers the loss, so ∂L/∂z_y is negative",
    )
}

/// The optimizer steps of the notebook's training: epochs × batches per epoch.
pub fn steps() -> Result<Exercise> {
    let setup = Setup::lesson();
    let n = setup.nets()?.train.len();
    let b = setup.batch_size;
    Ok(Exercise::new(
        format!(
            "{n} training images in batches of {b} (the last batch keeps what is left), {} epochs: how many optimizer steps?",
            setup.epochs
        ),
        (setup.epochs * n.div_ceil(b)) as f64,
    )
    .near_miss(
        (setup.epochs * (n / b)) as f64,
        "the last, smaller batch is a step too (torch's DataLoader keeps it unless drop_last=True)",
    )
    .near_miss(
        setup.epochs as f64,
        "one step per batch, not per epoch: an epoch is a pass over every batch",
    ))
}

/// Every exercise of the notebook, in order.
pub fn all() -> Result<Vec<Exercise>> {
    Ok(vec![
        parameters()?,
        uniform_loss(),
        output_slope(),
        steps()?,
    ])
}
