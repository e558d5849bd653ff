//! Principle 6 for momentum and NAG (both conventions): a step is single pass and
//! allocation free. The counting allocator of the workspace's
//! `tests/allocation_free.rs` (per thread), applied to these two crates.

use ndarray::{array, Array1};
use optcore::{Exact, Objective, Optimizer, Oracle, Quadratic, Rosenbrock};
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
fn step_allocations<O: Optimizer>(
    opt: &O,
    oracle: &mut dyn Oracle,
    start: Array1<f64>,
    steps: usize,
) -> usize {
    let mut theta = start;
    let mut state = opt.init(theta.view());
    let before = allocations();
    for _ in 0..steps {
        opt.step(&mut state, theta.view_mut(), oracle)
            .expect("finite run");
    }
    allocations() - before
}

fn check<O: Optimizer>(opt: O) {
    let problems: [(&dyn Objective, Array1<f64>); 2] = [
        (&Quadratic::reference(), array![-5.0, -2.0]),
        (&Rosenbrock::default(), array![-1.2, 1.0]),
    ];
    for (objective, start) in problems {
        let mut oracle = Exact::new(objective);
        let n = step_allocations(&opt, &mut oracle, start, 50);
        assert_eq!(
            n,
            0,
            "{} allocated {n} times in 50 steps on {}",
            opt.describe(),
            objective.name()
        );
    }
}

#[test]
fn momentum_and_nag_steps_are_allocation_free() {
    // The counter sees this thread's allocations (else the test could not fail).
    let before = allocations();
    let probe = std::hint::black_box(vec![1u8; 8]);
    assert!(allocations() > before && probe.len() == 8);

    check(momentum::Momentum::paper(1e-3, 0.9).unwrap());
    check(momentum::Momentum::pytorch(1e-3, 0.9).unwrap());
    check(nag::Nag::paper(1e-3, 0.9).unwrap());
    check(nag::Nag::pytorch(1e-3, 0.9).unwrap());
}
