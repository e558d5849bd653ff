//! Principle 6: a step is single pass and allocation free. A counting global
//! allocator (per thread, so other test threads cannot interfere) measures the
//! allocations of many steps of every optimizer after its state was made.

use optimizers::optcore::ndarray::{array, Array1};
use optimizers::optcore::Convention;
use optimizers::optcore::{Flags, FromFlags, Objective, Optimizer, Oracle, Quadratic};
use optimizers::registry::{Entry, Visitor};
use testkit::{allocations, assert_counter_counts, assert_steps_allocation_free};

#[global_allocator]
static GLOBAL: testkit::CountingAllocator = testkit::CountingAllocator;

fn check<O: Optimizer>(opt: O) {
    let problems: [(&dyn Objective, Array1<f64>); 2] = [
        (&Quadratic::reference(), array![-5.0, -2.0]),
        (&Quadratic::new(&[0.1, 2.0, 0.5]), array![1.0, -1.0, 3.0]),
    ];
    assert_steps_allocation_free(&opt, &problems, 20);
}

#[test]
fn every_step_is_allocation_free() {
    // The counter sees this thread's allocations (else the test could not fail).
    assert_counter_counts();

    // Every optimizer of the registry, both conventions, at its defaults.
    struct Each;
    impl Visitor for Each {
        fn visit<O: Optimizer + FromFlags>(&mut self, _: Entry) {
            for c in [Convention::Paper, Convention::Pytorch] {
                check(O::from_flags(c, &Flags::default()).expect("defaults"));
            }
        }
    }
    optimizers::registry::visit(&mut Each);

    // A mini-batch oracle reshuffles in place at each epoch boundary.
    let loss = optimizers::optcore::Softmax::new(
        optimizers::optcore::iris().standardized().with_bias(),
        3,
    )
    .unwrap();
    let batches =
        optimizers::batching::Batches::new(150, 16, Some(3), optimizers::batching::LastBatch::Keep)
            .unwrap();
    let mut oracle = optimizers::batching::MiniBatchOracle::new(&loss, batches);
    oracle.begin_step(1);
    let opt = optimizers::gd::Sgd {
        lr: 0.1,
        ..gd::Sgd::defaults(Convention::Paper)
    };
    let mut theta = Array1::zeros(15);
    let mut state = opt.init(theta.view());
    let before = allocations();
    for t in 1..=40 {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle).unwrap();
    }
    assert_eq!(allocations() - before, 0, "mini-batch SGD allocated");
}

/// 59 Adam steps on the digits network's mini-batches of `loss` (the network,
/// or the network with dropout, whose masks `set_step` moves) after a first step
/// that sets everything up: how many allocations they made.
fn network_step_allocations<L>(loss: &L, set_step: impl Fn(usize)) -> usize
where
    L: optimizers::optcore::ExampleLoss + optimizers::optcore::Objective,
{
    let batches = optimizers::batching::Batches::new(
        loss.len(),
        32,
        Some(3),
        optimizers::batching::LastBatch::Keep,
    )
    .unwrap();
    let mut oracle = optimizers::batching::MiniBatchOracle::new(loss, batches);
    let opt = optimizers::adam::Adam::defaults(Convention::Pytorch);
    let mut theta = optimizers::optcore::ndarray::Array1::from_elem(loss.num_params(), 0.01);
    let mut state = opt.init(theta.view());
    set_step(1);
    oracle.begin_step(1);
    opt.step(&mut state, theta.view_mut(), &mut oracle).unwrap();
    let before = allocations();
    for t in 2..=60 {
        set_step(t);
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle).unwrap();
    }
    allocations() - before
}

/// The digits network's mini-batch gradient (forward and backward pass of every
/// example in stack buffers) allocates nothing either, nor does it with dropout
/// (each example's mask is drawn into a stack buffer).
#[test]
fn a_network_step_is_allocation_free() {
    use optimizers::optcore::mlp::{Activation, Dropout, Dropped, Mlp};
    assert_counter_counts();
    let net = Mlp::new(
        optimizers::optcore::digits::digits(),
        16,
        10,
        Activation::Relu,
    )
    .unwrap();
    assert_eq!(
        network_step_allocations(&net, |_| {}),
        0,
        "a network step allocated"
    );
    let dropped = Dropped::new(&net, Dropout { p: 0.5, seed: 2 }).unwrap();
    assert_eq!(
        network_step_allocations(&dropped, |t| dropped.set_step(t)),
        0,
        "a step with dropout allocated"
    );
}

/// The plain form `update(state, θ, gradient)` allocates nothing either.
fn check_update<O: Optimizer>(opt: O) {
    let mut theta = array![-5.0, -2.0, 1.0];
    let grad = array![0.5, -1.0, 0.25];
    let mut state = opt.init(theta.view());
    opt.update(&mut state, theta.view_mut(), grad.view())
        .unwrap();
    let before = allocations();
    for _ in 0..20 {
        opt.update(&mut state, theta.view_mut(), grad.view())
            .unwrap();
    }
    assert_eq!(
        allocations() - before,
        0,
        "{} allocated in update",
        opt.describe()
    );
}

#[test]
fn every_plain_update_is_allocation_free() {
    assert_counter_counts();
    struct Each;
    impl Visitor for Each {
        fn visit<O: Optimizer + FromFlags>(&mut self, _: Entry) {
            for c in [Convention::Paper, Convention::Pytorch] {
                check_update(O::from_flags(c, &Flags::default()).expect("defaults"));
            }
        }
    }
    optimizers::registry::visit(&mut Each);
}
