//! Principle 6: a step is single pass and allocation free. A counting global
//! allocator (per thread, so other test threads cannot interfere) measures the
//! allocations of many steps of every optimizer after its state was made.

use optimizers::optcore::ndarray::{array, Array1};
use optimizers::optcore::{Exact, Objective, Optimizer, Oracle, Quadratic};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|c| c.set(c.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations() -> usize {
    ALLOCATIONS.with(|c| c.get())
}

/// Allocations made by `steps` steps of `opt` (state made beforehand).
fn step_allocations<O: Optimizer>(opt: &O, oracle: &mut dyn Oracle, start: Array1<f64>, steps: usize) -> usize {
    let mut theta = start;
    let mut state = opt.init(theta.view());
    let before = allocations();
    for _ in 0..steps {
        if let Err(e) = opt.step(&mut state, theta.view_mut(), oracle) {
            panic!("{}: {e}", opt.describe());
        }
    }
    allocations() - before
}

fn check<O: Optimizer>(opt: O) {
    let problems: [(&dyn Objective, Array1<f64>); 2] =
        [(&Quadratic::reference(), array![-5.0, -2.0]), (&Quadratic::new(&[0.1, 2.0, 0.5]), array![1.0, -1.0, 3.0])];
    for (objective, start) in problems {
        let mut oracle = Exact::new(objective);
        let n = step_allocations(&opt, &mut oracle, start, 20);
        assert_eq!(n, 0, "{} allocated {n} times in 20 steps on {}", opt.describe(), objective.name());
    }
}

#[test]
fn every_step_is_allocation_free() {
    // The counter sees this thread's allocations (else the test could not fail).
    let before = allocations();
    let probe = std::hint::black_box(vec![1u8; 8]);
    assert!(allocations() > before && probe.len() == 8);

    use optimizers::optcore::Convention::{Paper, Pytorch};
    for convention in [Paper, Pytorch] {
        check(optimizers::gd::Sgd::defaults(convention));
        check(optimizers::momentum::Momentum::defaults(convention));
        check(optimizers::nag::Nag::defaults(convention));
        check(optimizers::adagrad::Adagrad::defaults(convention));
        check(optimizers::adadelta::Adadelta::defaults(convention));
        check(optimizers::rmsprop::Rmsprop::defaults(convention));
        check(optimizers::adam::Adam::defaults(convention));
        check(optimizers::nadam::Nadam::defaults(convention));
    }

    // A mini-batch oracle reshuffles in place at each epoch boundary.
    let loss = optimizers::optcore::Softmax::new(optimizers::optcore::iris().standardized().with_bias(), 3).unwrap();
    let batches = optimizers::batching::Batches::new(150, 16, Some(3), optimizers::batching::LastBatch::Keep).unwrap();
    let mut oracle = optimizers::batching::MiniBatchOracle::new(&loss, batches);
    oracle.begin_step(1);
    let opt = optimizers::gd::Sgd::new(0.1).unwrap();
    let mut theta = Array1::zeros(15);
    let mut state = opt.init(theta.view());
    let before = allocations();
    for t in 1..=40 {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle).unwrap();
    }
    assert_eq!(allocations() - before, 0, "mini-batch SGD allocated");
}
