//! Principle 6 for momentum and NAG (both conventions): a step is single pass and
//! allocation free. The counting allocator of `testkit` (per thread), as in the
//! workspace's `tests/allocation_free.rs`, applied to these two crates.

use ndarray::{array, Array1};
use optcore::Convention;
use optcore::{Objective, Optimizer, Quadratic, Rosenbrock};
use testkit::{assert_counter_counts, assert_steps_allocation_free};

#[global_allocator]
static GLOBAL: testkit::CountingAllocator = testkit::CountingAllocator;

fn check<O: Optimizer>(opt: O) {
    let problems: [(&dyn Objective, Array1<f64>); 2] = [
        (&Quadratic::reference(), array![-5.0, -2.0]),
        (&Rosenbrock::default(), array![-1.2, 1.0]),
    ];
    assert_steps_allocation_free(&opt, &problems, 50);
}

#[test]
fn momentum_and_nag_steps_are_allocation_free() {
    // The counter sees this thread's allocations (else the test could not fail).
    assert_counter_counts();

    check(momentum::Momentum {
        lr: 1e-3,
        momentum: 0.9,
        ..momentum::Momentum::defaults(Convention::Paper)
    });
    check(momentum::Momentum {
        lr: 1e-3,
        momentum: 0.9,
        ..momentum::Momentum::defaults(Convention::Pytorch)
    });
    check(nag::Nag {
        lr: 1e-3,
        momentum: 0.9,
        ..nag::Nag::defaults(Convention::Paper)
    });
    check(nag::Nag {
        lr: 1e-3,
        momentum: 0.9,
        ..nag::Nag::defaults(Convention::Pytorch)
    });
}
