//! Principle 6 (a step is single pass and allocation free), measured: a counting
//! global allocator, per thread so that other test threads cannot interfere.
//!
//! Each test binary that uses it declares
//! `#[global_allocator] static GLOBAL: testkit::CountingAllocator = testkit::CountingAllocator;`.

use ndarray::Array1;
use optcore::{Exact, Objective, Optimizer, Oracle};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// The system allocator, counting each `alloc` and `realloc` of the calling thread.
pub struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for CountingAllocator {
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

/// Allocations the calling thread has made so far (only counted where
/// [`CountingAllocator`] is the global allocator).
pub fn allocations() -> usize {
    ALLOCATIONS.with(|c| c.get())
}

/// The counter sees this thread's allocations (else an allocation-free test could
/// not fail): panics if a fresh `Vec` goes uncounted.
pub fn assert_counter_counts() {
    let before = allocations();
    let probe = std::hint::black_box(vec![1u8; 8]);
    assert!(
        allocations() > before && probe.len() == 8,
        "the counter sees this thread"
    );
}

/// Allocations made by `steps` steps of `opt` (state made beforehand); panics,
/// naming the optimizer, if a step fails.
pub fn step_allocations<O: Optimizer>(
    opt: &O,
    oracle: &mut dyn Oracle,
    start: Array1<f64>,
    steps: usize,
) -> usize {
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

/// Asserts that `steps` steps of `opt` from each `(objective, start)`, with exact
/// gradients, allocate nothing.
pub fn assert_steps_allocation_free<O: Optimizer>(
    opt: &O,
    problems: &[(&dyn Objective, Array1<f64>)],
    steps: usize,
) {
    for (objective, start) in problems {
        let mut oracle = Exact::new(*objective);
        let n = step_allocations(opt, &mut oracle, start.clone(), steps);
        assert_eq!(
            n,
            0,
            "{} allocated {n} times in {steps} steps on {}",
            opt.describe(),
            objective.name()
        );
    }
}

#[cfg(test)]
mod tests {
    #[global_allocator]
    static GLOBAL: super::CountingAllocator = super::CountingAllocator;

    #[test]
    fn the_counter_counts_this_threads_allocations() {
        super::assert_counter_counts();
    }
}
