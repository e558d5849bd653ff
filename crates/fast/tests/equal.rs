//! The fast path's numbers are the step-through crates' numbers.
//!
//! - f64: every optimizer × convention × documented variant, on random θ and
//!   gradients (seeded ChaCha8) with awkward values mixed in (0, −0, 10⁻³⁰⁰ whose
//!   square underflows to a subnormal or 0, 10¹⁵⁰ whose square nearly overflows,
//!   ±1), several steps: θ equal **to the last bit** to the crate's own
//!   `Optimizer::update`. No departure is needed: where the `pytorch` convention
//!   fuses a multiply-add, both paths call a correctly rounded `mul_add` (the
//!   fast path as one `vfmadd` instruction on a CPU with FMA), so they agree
//!   bit for bit. Sizes: 7 (one piece) and 2·`PARALLEL_MIN` + 13 (split over the
//!   thread pool, uneven pieces).
//! - f32: the same runs in f32 stay within a relative 10⁻⁴ (plus 10⁻⁶ absolute) of
//!   the f64 step-through path after 5 steps. This is a sanity bound, not an
//!   equality: the f32 kernels are the f64 kernels' source instantiated at f32
//!   (the scalars of a step rounded once from f64), and the awkward values are
//!   left out (10¹⁵⁰ is not an f32).
//! - The result does not depend on the number of threads (1 or 3).

use fastupdate::adadelta::Adadelta;
use fastupdate::adagrad::Adagrad;
use fastupdate::adam::{Adam, EpsPlacement};
use fastupdate::gd::Sgd;
use fastupdate::momentum::Momentum;
use fastupdate::nadam::Nadam;
use fastupdate::nag::Nag;
use fastupdate::rmsprop::Rmsprop;
use fastupdate::*;
use optcore::ndarray::Array1;
use optcore::{Convention, Optimizer};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

fn uniform(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
}

const AWKWARD: [f64; 7] = [0.0, -0.0, 1e-300, -1e-300, 1e150, 1.0, -1.0];

fn vector(rng: &mut ChaCha8Rng, n: usize, awkward: bool) -> Vec<f64> {
    (0..n)
        .map(|i| {
            if awkward && i % 5 == 0 {
                AWKWARD[(i / 5) % AWKWARD.len()]
            } else {
                uniform(rng) * 3.0
            }
        })
        .collect()
}

const STEPS: usize = 5;

/// `STEPS` steps of `opt` both ways: f64 bit for bit (with awkward values), f32
/// within the bound (without).
fn check<O: Optimizer>(
    opt: &O,
    make64: &dyn Fn(usize) -> Box<dyn SliceUpdate<f64>>,
    make32: &dyn Fn(usize) -> Box<dyn SliceUpdate<f32>>,
) {
    for (n, seed) in [(7, 1), (2 * PARALLEL_MIN + 13, 2)] {
        for awkward in [true, false] {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let start = vector(&mut rng, n, awkward);
            let mut theta = Array1::from(start.clone());
            let mut state = opt.init(theta.view());
            let mut fast64 = make64(n);
            let mut theta64 = start.clone();
            let mut fast32 = make32(n);
            let mut theta32: Vec<f32> = start.iter().map(|&x| x as f32).collect();
            for step in 1..=STEPS {
                let g = vector(&mut rng, n, awkward);
                opt.update(&mut state, theta.view_mut(), Array1::from(g.clone()).view())
                    .expect("the step-through update");
                fast64.update(&mut theta64, &g).expect("the fast update");
                for (i, (a, b)) in theta.iter().zip(&theta64).enumerate() {
                    assert!(
                        a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
                        "{} (n = {n}) step {step} θ[{i}]: step-through {a:e}, fast {b:e}",
                        opt.describe()
                    );
                }
                if !awkward {
                    let g32: Vec<f32> = g.iter().map(|&x| x as f32).collect();
                    fast32.update(&mut theta32, &g32).expect("the fast update");
                }
            }
            assert_eq!(fast64.steps(), STEPS);
            if !awkward {
                for (i, (a, b)) in theta.iter().zip(&theta32).enumerate() {
                    let b = f64::from(*b);
                    assert!(
                        (a - b).abs() <= 1e-4 * a.abs() + 1e-6,
                        "{} f32 (n = {n}) θ[{i}]: f64 step-through {a:e}, f32 fast {b:e}",
                        opt.describe()
                    );
                }
            }
        }
    }
}

macro_rules! each {
    ($opt:expr, $fast:ident) => {{
        let opt = $opt;
        let o = opt.clone();
        let o2 = opt.clone();
        check(
            &opt,
            &move |n| Box::new($fast::<f64>::new(&o, n).expect("valid")),
            &move |n| Box::new($fast::<f32>::new(&o2, n).expect("valid")),
        );
    }};
}

#[test]
fn every_optimizer_equals_its_step_through_update() {
    for c in [Convention::Paper, Convention::Pytorch] {
        each!(
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(c)
            },
            SgdSlices
        );
        each!(
            Momentum {
                lr: 0.05,
                ..Momentum::defaults(c)
            },
            MomentumSlices
        );
        each!(
            Nag {
                lr: 0.05,
                ..Nag::defaults(c)
            },
            NagSlices
        );
        each!(
            Adagrad {
                lr: 0.1,
                ..Adagrad::defaults(c)
            },
            AdagradSlices
        );
        each!(
            Adagrad {
                lr: 0.1,
                lr_decay: 0.01,
                initial_accumulator_value: 0.1,
                ..Adagrad::defaults(c)
            },
            AdagradSlices
        );
        each!(Adadelta::defaults(c), AdadeltaSlices);
        for (centered, momentum) in [(false, 0.0), (true, 0.0), (false, 0.9), (true, 0.9)] {
            each!(
                Rmsprop {
                    centered,
                    momentum,
                    ..Rmsprop::defaults(c)
                },
                RmspropSlices
            );
        }
        // β₁ = 0.3: torch's lerp takes its other branch (weight 0.7 ≥ ½).
        for beta1 in [0.9, 0.3] {
            each!(
                Adam {
                    lr: 0.01,
                    beta1,
                    ..Adam::defaults(c)
                },
                AdamSlices
            );
            each!(
                Nadam {
                    lr: 0.01,
                    beta1,
                    ..Nadam::defaults(c)
                },
                NadamSlices
            );
        }
    }
    each!(
        Adam {
            eps_placement: EpsPlacement::InsideRoot,
            ..Adam::defaults(Convention::Paper)
        },
        AdamSlices
    );
    each!(
        Adam {
            bias_correction: false,
            ..Adam::defaults(Convention::Paper)
        },
        AdamSlices
    );
}

/// NAG under `paper` takes its gradient at the lookahead; the fast path's point
/// is the step-through crate's.
#[test]
fn nag_lookahead_is_the_crates() {
    for c in [Convention::Paper, Convention::Pytorch] {
        let opt = Nag::defaults(c);
        let mut rng = ChaCha8Rng::seed_from_u64(9);
        let start = vector(&mut rng, 11, false);
        let mut theta = Array1::from(start.clone());
        let mut state = opt.init(theta.view());
        let mut fast = NagSlices::<f64>::new(&opt, 11).expect("valid");
        let mut theta64 = start;
        for _ in 0..3 {
            let g = vector(&mut rng, 11, false);
            opt.update(&mut state, theta.view_mut(), Array1::from(g.clone()).view())
                .expect("update");
            fast.update(&mut theta64, &g).expect("update");
        }
        let mut want = Array1::zeros(11);
        opt.gradient_point(&state, theta.view(), want.view_mut())
            .expect("point");
        let mut got = vec![0.0; 11];
        fast.lookahead(&theta64, &mut got).expect("point");
        assert_eq!(want.to_vec(), got);
    }
}

/// Element-wise: the numbers cannot depend on how the slices are cut over threads.
#[test]
fn threads_do_not_change_the_numbers() {
    let n = 3 * PARALLEL_MIN + 5;
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a pool");
        pool.install(|| {
            let mut rng = ChaCha8Rng::seed_from_u64(3);
            let mut theta = vector(&mut rng, n, false);
            let mut opt =
                AdamSlices::<f64>::new(&Adam::defaults(Convention::Pytorch), n).expect("valid");
            for _ in 0..3 {
                let g = vector(&mut rng, n, false);
                opt.update(&mut theta, &g).expect("update");
            }
            theta.iter().map(|x| x.to_bits()).collect::<Vec<_>>()
        })
    };
    assert_eq!(run(1), run(3));
}

/// Bad input is a typed error and changes nothing.
#[test]
fn mismatched_lengths_are_typed_errors() {
    let mut opt = AdamSlices::<f64>::new(&Adam::defaults(Convention::Paper), 3).expect("valid");
    let mut theta = vec![1.0, 2.0, 3.0];
    let err = opt.update(&mut theta, &[0.5, 0.5]).unwrap_err();
    assert!(matches!(
        err,
        optcore::Error::Dimension {
            expected: 3,
            found: 2,
            ..
        }
    ));
    let err = opt.update(&mut [1.0, 2.0], &[0.5, 0.5]).unwrap_err();
    assert!(matches!(
        err,
        optcore::Error::Dimension {
            expected: 3,
            found: 2,
            ..
        }
    ));
    assert_eq!(theta, vec![1.0, 2.0, 3.0]);
    assert_eq!(opt.steps(), 0);
    let bad = Adam {
        lr: -1.0,
        ..Adam::defaults(Convention::Paper)
    };
    assert!(AdamSlices::<f32>::new(&bad, 3).is_err());
}
