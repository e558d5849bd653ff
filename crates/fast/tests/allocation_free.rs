//! A step allocates nothing of its own: the counting allocator of
//! `tests/allocation_free.rs` (testkit's, per thread) over many steps of every
//! fast optimizer, on one piece (n below `PARALLEL_MIN`, the calling thread
//! alone). Above it, rayon's `join` hands half the work to its pool; rayon's
//! queue may then allocate now and then on the calling thread (its job blocks),
//! which is the pool's bookkeeping, not the step's: the test reports that count
//! and bounds it at one allocation per 10 steps.

use fastupdate::adam::Adam;
use fastupdate::rmsprop::Rmsprop;
use fastupdate::*;
use optcore::Convention;
use testkit::{allocations, assert_counter_counts};

#[global_allocator]
static GLOBAL: testkit::CountingAllocator = testkit::CountingAllocator;

fn count(opt: &mut dyn SliceUpdate<f64>, n: usize, steps: usize) -> usize {
    let mut theta = vec![1.0; n];
    let grad = vec![0.25; n];
    opt.update(&mut theta, &grad).expect("update");
    let before = allocations();
    for _ in 0..steps {
        opt.update(&mut theta, &grad).expect("update");
    }
    allocations() - before
}

/// `opt`'s fast optimizer for `n` parameters, as a trait object.
fn fast<O: FastStep>(opt: O, n: usize) -> Box<dyn SliceUpdate<f64>> {
    Box::new(Slices::new(&opt, n).expect("valid"))
}

#[test]
fn steps_are_allocation_free() {
    assert_counter_counts();
    let n = 1000;
    for c in [Convention::Paper, Convention::Pytorch] {
        let rms = Rmsprop {
            centered: true,
            momentum: 0.9,
            ..Rmsprop::defaults(c)
        };
        let mut all: Vec<Box<dyn SliceUpdate<f64>>> = vec![
            fast(gd::Sgd::defaults(c), n),
            fast(momentum::Momentum::defaults(c), n),
            fast(nag::Nag::defaults(c), n),
            fast(adagrad::Adagrad::defaults(c), n),
            fast(adadelta::Adadelta::defaults(c), n),
            fast(Rmsprop::defaults(c), n),
            fast(rms, n),
            fast(Adam::defaults(c), n),
            fast(nadam::Nadam::defaults(c), n),
            fast(adamax::Adamax::defaults(c), n),
            fast(amsgrad::Amsgrad::defaults(c), n),
            fast(adamw::AdamW::defaults(c), n),
        ];
        for opt in &mut all {
            let a = count(opt.as_mut(), n, 100);
            assert_eq!(a, 0, "{} allocated {a} times in 100 steps", opt.describe());
        }
    }
}

#[test]
fn parallel_steps_allocate_at_most_rayons_bookkeeping() {
    assert_counter_counts();
    let n = 4 * PARALLEL_MIN;
    let mut opt = AdamSlices::<f64>::new(&Adam::defaults(Convention::Pytorch), n).unwrap();
    let a = count(&mut opt, n, 200);
    println!("200 parallel Adam steps: {a} allocations on the calling thread");
    assert!(a <= 20, "{a} allocations in 200 parallel steps");
}
