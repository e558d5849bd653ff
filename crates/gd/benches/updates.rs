//! Wall-clock cost of one epoch of batch, mini-batch and stochastic GD on the
//! iris regression of `gd::examples` (`cargo bench -p gd`).
//!
//! Every variant spends the same N = 150 per-example gradient evaluations per
//! epoch; what differs is how many updates (and so how much per-update overhead)
//! they are split into. Two measurements per batch size:
//!
//! - `updates only`: the bare loop `oracle.begin_step(t); sgd.step(…)` over one
//!   epoch (no trace, no full-loss evaluation), allocation free;
//! - `train (with trace)`: `MiniBatchGd::train`, which also records θ and the
//!   full loss J(θ) after every update (N example losses per row), as the notebook's
//!   runs do.
//!
//! A plain `main` (no criterion): each sample times a batch of epochs with
//! `std::time::Instant`; the median over the samples is printed. Timings stay out
//! of the notebooks, whose outputs must be byte-for-byte reproducible.

use batching::{Batches, LastBatch, MiniBatchOracle};
use gd::examples::{iris_petal_width, LR, SEED};
use gd::{MiniBatchGd, Sgd};
use ndarray::Array1;
use optcore::Convention;
use optcore::{ExampleLoss, Optimizer, Oracle};
use std::hint::black_box;
use std::time::Instant;

const SAMPLES: usize = 31;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

/// Median seconds per epoch of the bare update loop.
fn updates_only(m: usize, epochs_per_sample: usize) -> f64 {
    let loss = iris_petal_width().unwrap();
    let sgd = Sgd {
        lr: LR,
        ..Sgd::defaults(Convention::Paper)
    };
    let batches = Batches::new(loss.len(), m, Some(SEED), LastBatch::Keep).unwrap();
    let per_epoch = batches.batches_per_epoch();
    let mut oracle = MiniBatchOracle::new(&loss, batches);
    let mut theta = Array1::zeros(loss.num_params());
    let mut state = sgd.init(theta.view());
    let mut t = 0;
    let mut epoch = |oracle: &mut MiniBatchOracle<_>, theta: &mut Array1<f64>| {
        for _ in 0..per_epoch {
            t += 1;
            oracle.begin_step(t);
            sgd.step(&mut state, theta.view_mut(), oracle).unwrap();
        }
    };
    epoch(&mut oracle, &mut theta); // warm-up
    let samples = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..epochs_per_sample {
                epoch(&mut oracle, &mut theta);
            }
            black_box(&theta);
            start.elapsed().as_secs_f64() / epochs_per_sample as f64
        })
        .collect();
    median(samples)
}

/// Median seconds per epoch of `MiniBatchGd::train` (trace and full loss included).
fn train_with_trace(m: usize, epochs: usize) -> f64 {
    let loss = iris_petal_width().unwrap();
    let gd = MiniBatchGd::new(LR, m, Some(SEED), LastBatch::Keep).unwrap();
    let start = Array1::zeros(loss.num_params());
    black_box(gd.train(&loss, start.view(), 1).unwrap()); // warm-up
    let samples = (0..SAMPLES)
        .map(|_| {
            let t0 = Instant::now();
            let run = gd.train(&loss, start.view(), epochs).unwrap();
            black_box(&run);
            t0.elapsed().as_secs_f64() / epochs as f64
        })
        .collect();
    median(samples)
}

fn main() {
    let n = iris_petal_width().unwrap().len();
    println!("gd: wall-clock per epoch (N = {n} examples, η = {LR}), median of {SAMPLES} samples");
    println!(
        "{:>6} {:>15} {:>20} {:>20} {:>24}",
        "m", "updates/epoch", "updates only µs", "per update ns", "train (with trace) µs"
    );
    for m in [1, 10, 150] {
        let updates = n.div_ceil(m);
        let bare = updates_only(m, 200);
        let traced = train_with_trace(m, 20);
        println!(
            "{:>6} {:>15} {:>20.2} {:>20.1} {:>24.2}",
            m,
            updates,
            bare * 1e6,
            bare * 1e9 / updates as f64,
            traced * 1e6
        );
    }
}
