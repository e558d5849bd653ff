//! Steps to a target loss against batch size on the digits network: the noisy
//! quadratic model's question ([`crate::nqm`]) asked of a real network.
//!
//! A run trains from the parameters of its seed on seeded, reshuffled batches of
//! `batch` training rows (every batch full: the epoch's last, smaller one is
//! skipped, as `drop_last=True`; a batch of every row is full-batch gradient
//! descent) until the mean training loss over all the training rows is at or
//! below the target. That loss is measured after every step up to step 64 and
//! then after every $\lceil t/64 \rceil$ steps, so a count is exact up to 64 and
//! within about 1.6 % beyond, at a cost that grows with the logarithm of the
//! steps. At each batch size the learning rates of a grid are tried, largest
//! first (a rate too large diverges at once, cheaply), each stopped once it has
//! taken as many steps as the best so far, and the fewest steps kept.

use crate::par;
use crate::tune::Nets;
use batching::{Batches, LastBatch, MiniBatchOracle};
use optcore::error::{Error, Result};
use optcore::{ExampleLoss, LearningRate, Objective, Optimizer, Oracle};

/// Below this many steps the training loss is measured after every step; from
/// there on after every $\lceil t / 64 \rceil$ steps.
const EXACT_STEPS: usize = 64;

/// A run whose training loss passes this multiple of its initial loss has
/// diverged: it stops there (a rate that large cannot be the best).
const DIVERGED: f64 = 2.0;

/// The step after `t` at which the training loss is measured next.
pub fn next_check(t: usize) -> usize {
    t + t.div_ceil(EXACT_STEPS).max(1)
}

/// The first measured step at which the training loss of `opt`'s run at batch
/// size `batch` (seed `seed`) is at or below `target`; `None` within `max_steps`
/// or if the run diverges (a loss above twice the initial one or not finite, an
/// optimizer's refusal).
pub fn steps_to_target<O: Optimizer>(
    nets: &Nets,
    opt: &O,
    batch: usize,
    target: f64,
    max_steps: usize,
    seed: u64,
) -> Result<Option<usize>> {
    let net = &nets.train;
    let batch = batch.min(net.len());
    let batches = Batches::new(
        net.len(),
        batch,
        Some(crate::tune::batch_seed(seed)),
        LastBatch::Drop,
    )?;
    let mut oracle = MiniBatchOracle::new(net, batches);
    let mut theta = net.init(seed);
    let mut state = opt.init(theta.view());
    let limit = DIVERGED * net.value(theta.view());
    let mut check = 1;
    for t in 1..=max_steps {
        oracle.begin_step(t);
        if opt.step(&mut state, theta.view_mut(), &mut oracle).is_err() {
            return Ok(None);
        }
        if t == check {
            check = next_check(t);
            let loss = net.value(theta.view());
            if !(loss.is_finite() && loss <= limit) {
                return Ok(None);
            }
            if loss <= target {
                return Ok(Some(t));
            }
        }
    }
    Ok(None)
}

/// One batch size of a study: the fewest steps to the target and the learning
/// rate that took them (`None`: no rate of the grid reached it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub batch: usize,
    pub best: Option<(usize, f64)>,
}

/// Steps to `target` against batch size for `opt` at each learning rate of `lrs`
/// (tried largest first; the best kept, the larger rate on a tie; a rate is
/// stopped once it has taken as many steps as the best so far). Batch sizes are spread over `threads` threads; the points are in the
/// order of `batches`, the same whatever `threads`. A batch size of 0, an empty
/// list, a rate the optimizer refuses, or a target that is not a finite positive
/// number is an error before any run.
#[allow(clippy::too_many_arguments)]
pub fn study<O: Optimizer + LearningRate + Sync>(
    nets: &Nets,
    opt: &O,
    batches: &[usize],
    lrs: &[f64],
    target: f64,
    max_steps: usize,
    seed: u64,
    threads: usize,
) -> Result<Vec<Point>> {
    if batches.is_empty() || lrs.is_empty() {
        return Err(Error::Empty {
            what: "list of batch sizes or learning rates",
        });
    }
    if let Some(&b) = batches.iter().find(|&&b| b == 0) {
        return Err(Error::BatchSize {
            batch_size: b,
            len: nets.train.len(),
        });
    }
    if !(target.is_finite() && target > 0.0) {
        return Err(Error::Hyperparameter {
            name: "target",
            value: target,
            accepts: "a training loss > 0",
        });
    }
    let mut each: Vec<(f64, O)> = lrs
        .iter()
        .copied()
        .zip(crate::tune::at_rates(opt, lrs)?)
        .collect();
    each.sort_by(|a, b| b.0.total_cmp(&a.0));
    par::map(batches.len(), threads, |k| {
        let batch = batches[k];
        let mut best: Option<(usize, f64)> = None;
        for (lr, o) in &each {
            let cap = best.map_or(max_steps, |(s, _)| s.saturating_sub(1));
            if cap == 0 {
                break;
            }
            if let Some(s) = steps_to_target(nets, o, batch, target, cap, seed)? {
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, *lr));
                }
            }
        }
        Ok(Point { batch, best })
    })
    .into_iter()
    .collect()
}

/// The critical batch size of a study, as [`crate::nqm::critical_batch`]
/// defines it: the largest batch size $B$ at which the steps are still within
/// twice perfect scaling from the smallest batch $B_0$, $S(B) \le 2 S(B_0) B_0 / B$.
pub fn critical_batch(points: &[Point]) -> Option<usize> {
    crate::nqm::critical_of(points.iter().map(|p| (p.batch, p.best.map(|(s, _)| s))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Convention;

    fn nets() -> Nets {
        crate::tune::test_setup(1).nets().unwrap()
    }

    #[test]
    fn larger_batches_need_fewer_steps_until_they_do_not() {
        let n = nets();
        let sgd = gd::Sgd::defaults(Convention::Pytorch);
        let lrs = [0.1, 0.3, 1.0, 3.0];
        let batches = [4, 16, 64, 256, 1024];
        let points = study(&n, &sgd, &batches, &lrs, 0.5, 5000, 1, 2).unwrap();
        let steps: Vec<usize> = points.iter().map(|p| p.best.unwrap().0).collect();
        assert!(steps.windows(2).all(|w| w[1] <= w[0]), "{points:?}");
        assert!(critical_batch(&points).is_some());
        assert_eq!(
            study(&n, &sgd, &batches, &lrs, 0.5, 5000, 1, 1).unwrap(),
            points
        );
    }

    #[test]
    fn checks_are_every_step_then_every_sixty_fourth_of_the_way() {
        let mut t = 1;
        let mut checks = vec![];
        while t <= 200 {
            checks.push(t);
            t = next_check(t);
        }
        assert_eq!(checks[..65], (1..=65).collect::<Vec<_>>());
        assert_eq!(checks[65..70], [67, 69, 71, 73, 75]);
        assert!(checks
            .windows(2)
            .all(|w| (w[1] - w[0]) as f64 <= 1.0 + w[0] as f64 / 64.0));
    }

    #[test]
    fn bad_settings_are_refused() {
        let n = nets();
        let sgd = gd::Sgd::defaults(Convention::Pytorch);
        assert!(matches!(
            study(&n, &sgd, &[0], &[0.1], 0.5, 10, 1, 1),
            Err(Error::BatchSize { .. })
        ));
        assert!(matches!(
            study(&n, &sgd, &[4], &[-0.1], 0.5, 10, 1, 1),
            Err(Error::Hyperparameter { name: "lr", .. })
        ));
        assert!(matches!(
            study(&n, &sgd, &[4], &[0.1], 0.0, 10, 1, 1),
            Err(Error::Hyperparameter { name: "target", .. })
        ));
        assert!(study(&n, &sgd, &[], &[0.1], 0.5, 10, 1, 1).is_err());
        // A rate that diverges never reaches the target.
        assert_eq!(
            steps_to_target(&n, &gd::Sgd { lr: 1e6, ..sgd }, 8, 0.5, 200, 1).unwrap(),
            None
        );
    }
}
