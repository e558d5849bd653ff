//! Principle 6 for RMSprop, Adam and NAdam: a step is allocation free, in every
//! convention and variant. A counting global allocator (per thread) measures the
//! allocations of 50 steps after the state was made.
use ndarray::{array, Array1};
use optcore::{Convention, Exact, Objective, Optimizer, Quadratic, Rosenbrock};
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

fn check<O: Optimizer>(opt: O) {
    let problems: [(&dyn Objective, Array1<f64>); 2] =
        [(&Quadratic::reference(), array![-5.0, -2.0]), (&Rosenbrock::default(), array![-1.2, 1.0])];
    for (objective, start) in problems {
        let mut oracle = Exact::new(objective);
        let mut theta = start;
        let mut state = opt.init(theta.view());
        let before = allocations();
        for _ in 0..50 {
            opt.step(&mut state, theta.view_mut(), &mut oracle).expect("finite run");
        }
        let n = allocations() - before;
        assert_eq!(n, 0, "{} allocated {n} times in 50 steps on {}", opt.describe(), objective.name());
    }
}

#[test]
fn rmsprop_adam_nadam_steps_are_allocation_free() {
    let before = allocations();
    let probe = std::hint::black_box(vec![1u8; 8]);
    assert!(allocations() > before && probe.len() == 8, "the counter sees this thread");
    for c in [Convention::Paper, Convention::Pytorch] {
        let r = rmsprop::Rmsprop::defaults(c);
        check(r);
        check(r.with_momentum(0.9).unwrap().with_centered(true));
        check(adam::Adam::defaults(c));
        check(nadam::Nadam::defaults(c));
    }
    check(adam::Adam::defaults(Convention::Paper).without_bias_correction().unwrap());
    check(adam::Adam::defaults(Convention::Paper).with_eps_placement(adam::EpsPlacement::InsideRoot).unwrap());
}
