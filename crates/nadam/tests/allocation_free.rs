//! Principle 6 for RMSprop, Adam and NAdam: a step is allocation free, in every
//! convention and variant. A counting global allocator (per thread, `testkit`'s)
//! measures the allocations of 50 steps after the state was made.
use ndarray::{array, Array1};
use optcore::{Convention, Objective, Optimizer, Quadratic, Rosenbrock};
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
fn rmsprop_adam_nadam_steps_are_allocation_free() {
    assert_counter_counts();
    for c in [Convention::Paper, Convention::Pytorch] {
        let r = rmsprop::Rmsprop::defaults(c);
        check(r);
        check(rmsprop::Rmsprop {
            momentum: 0.9,
            centered: true,
            ..r
        });
        check(adam::Adam::defaults(c));
        check(nadam::Nadam::defaults(c));
    }
    check(adam::Adam {
        bias_correction: false,
        ..adam::Adam::defaults(Convention::Paper)
    });
    check(adam::Adam {
        eps_placement: adam::EpsPlacement::InsideRoot,
        ..adam::Adam::defaults(Convention::Paper)
    });
}
