//! One training epoch of the digits network, timed: all 1,797 images in shuffled
//! batches of 32 (57 steps, the last of 5), hidden width 32, tanh, Adam in torch's
//! form, f64, one thread. `scripts/bench-network-torch.py` times torch doing the
//! same and prints both; crates/network/README.md keeps the measured ratio.
//!
//! ```text
//! cargo run --release -q -p network --example epoch
//! ```

use batching::{Batches, LastBatch, MiniBatchOracle};
use optcore::digits::{digits, CLASSES};
use optcore::mlp::{Activation, Mlp};
use optcore::{Convention, Optimizer, Oracle};
use std::time::Instant;

fn main() -> optcore::Result<()> {
    let net = Mlp::new(digits(), 32, CLASSES, Activation::Tanh)?;
    let opt = adam::Adam::defaults(Convention::Pytorch);
    let mut theta = net.init(0);
    let mut state = opt.init(theta.view());
    let batches = Batches::new(net.data.len(), 32, Some(0), LastBatch::Keep)?;
    let per_epoch = batches.batches_per_epoch();
    let mut oracle = MiniBatchOracle::new(&net, batches);
    let mut t = 0;
    let mut epoch = || -> optcore::Result<f64> {
        let start = Instant::now();
        for _ in 0..per_epoch {
            t += 1;
            oracle.begin_step(t);
            opt.step(&mut state, theta.view_mut(), &mut oracle)?;
        }
        Ok(start.elapsed().as_secs_f64())
    };
    for _ in 0..3 {
        epoch()?;
    }
    let mut times: Vec<f64> = (0..21).map(|_| epoch()).collect::<optcore::Result<_>>()?;
    times.sort_by(f64::total_cmp);
    println!(
        "ours: one epoch ({per_epoch} steps, batch 32, H = 32, f64, 1 thread): median {:.3} ms of 21",
        times[10] * 1e3
    );
    Ok(())
}
