//! The digits network trains under every optimizer of the registry, both
//! conventions, unchanged: its parameters are one flat vector, its gradient a
//! mean over a mini-batch (`batching::MiniBatchOracle`), as for any other loss.

use optimizers::batching::{Batches, LastBatch, MiniBatchOracle, Split};
use optimizers::optcore::digits::{digits, CLASSES};
use optimizers::optcore::mlp::{Activation, Mlp};
use optimizers::optcore::{Convention, Error, Flags, FromFlags, Objective, Optimizer, Oracle};

/// One epoch over the training rows in batches of 32 lowers the training loss.
fn one_epoch_lowers_the_loss<O: Optimizer + FromFlags>(c: Convention) {
    let data = digits();
    let split = Split::new(data.len(), 0.2, 0.2, 1).unwrap();
    let net = Mlp::new(data.rows(&split.train), 16, CLASSES, Activation::Tanh).unwrap();
    let opt = O::from_flags(c, &Flags::default()).expect("defaults are valid");
    let mut theta = net.init(1);
    let before = net.value(theta.view());
    let batches = Batches::new(net.data.len(), 32, Some(2), LastBatch::Keep).unwrap();
    let per_epoch = batches.batches_per_epoch();
    let mut oracle = MiniBatchOracle::new(&net, batches);
    let mut state = opt.init(theta.view());
    for t in 1..=per_epoch {
        oracle.begin_step(t);
        if let Err(e) = opt.step(&mut state, theta.view_mut(), &mut oracle) {
            // Kingma & Ba's AdaMax has no ε: a pixel that is 0 in every image has
            // a zero gradient, so u = 0 and m/u = 0/0 at once; it refuses, typed.
            assert_eq!((opt.name(), c), ("adamax", Convention::Paper), "{e}");
            assert!(matches!(e, Error::NonFinite { step: 1, .. }), "{e:?}");
            return;
        }
    }
    let after = net.value(theta.view());
    assert!(after < before, "{} {c}: {before} → {after}", opt.name());
}

#[test]
fn every_optimizer_trains_the_digits_network() {
    struct Each;
    impl optimizers::registry::Visitor for Each {
        fn visit<O: Optimizer + FromFlags>(&mut self, _: optimizers::registry::Entry) {
            for c in [Convention::Paper, Convention::Pytorch] {
                one_epoch_lowers_the_loss::<O>(c);
            }
        }
    }
    optimizers::registry::visit(&mut Each);
}
