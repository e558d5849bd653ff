//! fastupdate trains the digits network unchanged: its parameters are one flat
//! slice (`optcore::mlp`'s layout), in f64 and in f32.
//!
//! - f64: every method under both conventions, 40 mini-batch steps of the
//!   network's own gradient (`Mlp::batch_loss_and_gradient`), gives θ equal to
//!   the last bit to the method's own `Optimizer::update` on the same gradients.
//!   (AdaMax under `paper` is left out: a pixel that is 0 in every image of a
//!   batch has a zero gradient, so u = 0, which its step refuses and the fast
//!   path turns into NaN; `equal.rs` tests that case on its own.)
//! - f32: every method at its `pytorch` defaults, one epoch over the images in
//!   batches of 32 with `Mlp32`'s gradient, lowers the f32 loss.

use fastupdate::adadelta::Adadelta;
use fastupdate::adagrad::Adagrad;
use fastupdate::adam::Adam;
use fastupdate::adamax::Adamax;
use fastupdate::adamw::AdamW;
use fastupdate::amsgrad::Amsgrad;
use fastupdate::gd::Sgd;
use fastupdate::momentum::Momentum;
use fastupdate::nadam::Nadam;
use fastupdate::nag::Nag;
use fastupdate::rmsprop::Rmsprop;
use fastupdate::{FastStep, SliceUpdate, Slices};
use optcore::digits::{digits, CLASSES};
use optcore::mlp::{Activation, Mlp, Mlp32};
use optcore::ndarray::Array1;
use optcore::{Convention, ExampleLoss, Flags, FromFlags};

const BATCH: usize = 32;

/// Batch t: 32 rows spread over the images, a different set each step.
fn batch(t: usize, len: usize) -> Vec<usize> {
    (0..BATCH).map(|i| (t * 97 + i * 53) % len).collect()
}

fn net() -> Mlp {
    Mlp::new(digits(), 16, CLASSES, Activation::Tanh).unwrap()
}

fn same_bits_in_f64<O: FastStep + FromFlags>(net: &Mlp, c: Convention) {
    let opt = O::from_flags(c, &Flags::default()).unwrap();
    let mut theta = net.init(3);
    let mut fast_theta: Vec<f64> = theta.to_vec();
    let mut state = opt.init(theta.view());
    let mut fast = Slices::<O, f64>::new(&opt, theta.len()).unwrap();
    let mut grad = Array1::zeros(theta.len());
    for t in 0..40 {
        let b = batch(t, net.len());
        net.batch_loss_and_gradient(&b, theta.view(), grad.view_mut())
            .unwrap();
        opt.update(&mut state, theta.view_mut(), grad.view())
            .unwrap();
        let fast_view = Array1::from(fast_theta.clone());
        net.batch_loss_and_gradient(&b, fast_view.view(), grad.view_mut())
            .unwrap();
        fast.update(&mut fast_theta, grad.as_slice().unwrap())
            .unwrap();
    }
    assert_eq!(fast_theta, theta.to_vec(), "{} {c}", opt.name());
}

fn f32_epoch_lowers_the_loss<O: FastStep + FromFlags>(net: &Mlp) {
    let net32 = Mlp32::new(net);
    let opt = O::from_flags(Convention::Pytorch, &Flags::default()).unwrap();
    let mut theta: Vec<f32> = net.init(3).iter().map(|&x| x as f32).collect();
    let mut grad = vec![0.0f32; theta.len()];
    let all: Vec<usize> = (0..net32.len()).collect();
    let before = net32.batch_loss(&all, &theta).unwrap();
    let mut fast = Slices::<O, f32>::new(&opt, theta.len()).unwrap();
    for b in all.chunks(BATCH) {
        net32.batch_loss_and_gradient(b, &theta, &mut grad).unwrap();
        fast.update(&mut theta, &grad).unwrap();
    }
    let after = net32.batch_loss(&all, &theta).unwrap();
    assert!(after < before, "{}: {before} -> {after}", opt.name());
}

fn both<O: FastStep + FromFlags>(net: &Mlp) {
    for c in [Convention::Paper, Convention::Pytorch] {
        let opt = O::from_flags(c, &Flags::default()).unwrap();
        if (opt.name(), c) != ("adamax", Convention::Paper) {
            same_bits_in_f64::<O>(net, c);
        }
    }
    f32_epoch_lowers_the_loss::<O>(net);
}

#[test]
fn every_method_trains_the_network_in_f64_and_f32() {
    let n = net();
    both::<Sgd>(&n);
    both::<Momentum>(&n);
    both::<Nag>(&n);
    both::<Adagrad>(&n);
    both::<Adadelta>(&n);
    both::<Rmsprop>(&n);
    both::<Adam>(&n);
    both::<Nadam>(&n);
    both::<Adamax>(&n);
    both::<Amsgrad>(&n);
    both::<AdamW>(&n);
}
