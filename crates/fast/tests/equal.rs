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
//! - Every kernel path gives these numbers: `./test.sh` runs this file again with
//!   `FASTUPDATE_KERNELS=avx2` and `=portable` (on a CPU with AVX-512 the
//!   default run takes the AVX-512 path for f64), and the first test here checks
//!   that the path asked for is the one taken.
//! - AdaMax under `paper` runs on awkward values without 0 and −0 (subnormal
//!   ±10⁻³¹⁰ in their place): a coordinate whose gradients are all 0 has
//!   $u_t = 0$, which the step-through step refuses and the fast path turns into
//!   NaN (tested on its own).

use fastupdate::adadelta::Adadelta;
use fastupdate::adagrad::Adagrad;
use fastupdate::adam::{Adam, EpsPlacement};
use fastupdate::adamax::Adamax;
use fastupdate::adamw::AdamW;
use fastupdate::amsgrad::Amsgrad;
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

/// The awkward values without 0 and −0 (subnormals instead): every gradient
/// nonzero, for AdaMax under `paper`, whose step refuses $u_t = 0$.
const AWKWARD_NONZERO: [f64; 7] = [1e-310, -1e-310, 1e-300, -1e-300, 1e150, 1.0, -1.0];

fn vector(rng: &mut ChaCha8Rng, n: usize, awkward: bool) -> Vec<f64> {
    vector_with(rng, n, awkward.then_some(&AWKWARD[..]))
}

fn vector_with(rng: &mut ChaCha8Rng, n: usize, awkward: Option<&[f64]>) -> Vec<f64> {
    (0..n)
        .map(|i| {
            if let Some(values) = awkward.filter(|_| i % 5 == 0) {
                values[(i / 5) % values.len()]
            } else {
                uniform(rng) * 3.0
            }
        })
        .collect()
}

const STEPS: usize = 5;

/// `STEPS` steps of `opt` both ways: f64 bit for bit (with the awkward values
/// `values`, and without), f32 within the bound (without).
fn check_with<O: FastStep>(opt: O, values: &[f64]) {
    for (n, seed) in [(7, 1), (2 * PARALLEL_MIN + 13, 2)] {
        for awkward in [true, false] {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let values = awkward.then_some(values);
            let start = vector_with(&mut rng, n, values);
            let mut theta = Array1::from(start.clone());
            let mut state = opt.init(theta.view());
            let mut fast64 = Slices::<O, f64>::new(&opt, n).expect("valid");
            let mut theta64 = start.clone();
            let mut fast32 = Slices::<O, f32>::new(&opt, n).expect("valid");
            let mut theta32: Vec<f32> = start.iter().map(|&x| x as f32).collect();
            for step in 1..=STEPS {
                let g = vector_with(&mut rng, n, values);
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

/// [`check_with`] on the awkward values [`AWKWARD`].
fn check<O: FastStep>(opt: O) {
    check_with(opt, &AWKWARD)
}

#[test]
fn the_kernels_asked_for_are_the_ones_run() {
    let path = kernels();
    match std::env::var("FASTUPDATE_KERNELS").as_deref() {
        Ok("portable") => assert_eq!(path, Kernels::Portable),
        Ok("avx2") => assert_ne!(path, Kernels::Avx512),
        _ => {}
    }
    assert_ne!(
        kernels_for::<f32>(),
        Kernels::Avx512,
        "f32 steps run AVX2 at most"
    );
    eprintln!(
        "kernels: f32 {}, f64 {}",
        kernels_for::<f32>().name(),
        kernels_for::<f64>().name()
    );
}

#[test]
fn every_optimizer_equals_its_step_through_update() {
    for c in [Convention::Paper, Convention::Pytorch] {
        check(Sgd {
            lr: 0.1,
            ..Sgd::defaults(c)
        });
        check(Momentum {
            lr: 0.05,
            ..Momentum::defaults(c)
        });
        check(Nag {
            lr: 0.05,
            ..Nag::defaults(c)
        });
        check(Adagrad {
            lr: 0.1,
            ..Adagrad::defaults(c)
        });
        check(Adagrad {
            lr: 0.1,
            lr_decay: 0.01,
            initial_accumulator_value: 0.1,
            ..Adagrad::defaults(c)
        });
        check(Adadelta::defaults(c));
        // ε = 10⁻³⁰⁰: radicands below 2⁻⁹⁰⁰, whose blocks take the square root
        // instruction on the AVX-512 path (exact_sqrt), among ones that do not
        check(Adadelta {
            eps: 1e-300,
            ..Adadelta::defaults(c)
        });
        for (centered, momentum) in [(false, 0.0), (true, 0.0), (false, 0.9), (true, 0.9)] {
            check(Rmsprop {
                centered,
                momentum,
                ..Rmsprop::defaults(c)
            });
        }
        // β₁ = 0.3: torch's lerp takes its other branch (weight 0.7 ≥ ½).
        for beta1 in [0.9, 0.3] {
            check(Adam {
                lr: 0.01,
                beta1,
                ..Adam::defaults(c)
            });
            check(Nadam {
                lr: 0.01,
                beta1,
                ..Nadam::defaults(c)
            });
            // AdaMax: under `paper` no gradient is 0 (its step refuses u = 0).
            let values: &[f64] = match c {
                Convention::Paper => &AWKWARD_NONZERO,
                Convention::Pytorch => &AWKWARD,
            };
            check_with(
                Adamax {
                    lr: 0.01,
                    beta1,
                    ..Adamax::defaults(c)
                },
                values,
            );
            check(AdamW {
                lr: 0.01,
                beta1,
                ..AdamW::defaults(c)
            });
            // β₂ = 0.5: v falls below its running maximum often (with 0.999 over
            // five steps it hardly ever does), so the maximum is exercised.
            for beta2 in [0.999, 0.5] {
                check(Amsgrad {
                    lr: 0.01,
                    beta1,
                    beta2,
                    ..Amsgrad::defaults(c)
                });
            }
        }
        // AdaMax with β₂ = 0.5: uₜ = β₂uₜ₋₁ as often as |gₜ| (+ ε).
        check_with(
            Adamax {
                beta2: 0.5,
                ..Adamax::defaults(c)
            },
            &AWKWARD_NONZERO,
        );
        // A large λ: the decay is a visible part of every step (λθ, or ηλθ).
        check(AdamW {
            lr: 0.01,
            weight_decay: 0.1,
            ..AdamW::defaults(c)
        });
    }
    check(Adam {
        eps_placement: EpsPlacement::InsideRoot,
        ..Adam::defaults(Convention::Paper)
    });
    check(Adam {
        bias_correction: false,
        ..Adam::defaults(Convention::Paper)
    });
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

/// AdaMax `paper`, a coordinate whose gradient is 0 from the start: the
/// step-through step refuses (u₁ = 0), the fast path does not check and makes
/// 0/0 = NaN there; the other coordinate is the step-through's with its own
/// gradient alone.
#[test]
fn adamax_paper_zero_u_is_nan_in_that_coordinate() {
    let opt = Adamax::defaults(Convention::Paper);
    let g = [-1.0, 0.0];
    let mut theta = Array1::from(vec![-5.0, 1.0]);
    let mut state = opt.init(theta.view());
    assert!(matches!(
        opt.update(
            &mut state,
            theta.view_mut(),
            Array1::from(g.to_vec()).view()
        ),
        Err(optcore::Error::NonFinite { .. })
    ));
    let mut fast = AdamaxSlices::<f64>::new(&opt, 2).expect("valid");
    let mut theta64 = vec![-5.0, 1.0];
    for _ in 0..2 {
        fast.update(&mut theta64, &g).expect("no check");
    }
    assert!(theta64[1].is_nan(), "θ[1] = {}", theta64[1]);
    let (m, u) = fast.moments();
    assert_eq!((m[1], u[1]), (0.0, 0.0));
    // The first coordinate alone, through the step-through crate.
    let mut one = Array1::from(vec![-5.0]);
    let mut state = opt.init(one.view());
    for _ in 0..2 {
        opt.update(&mut state, one.view_mut(), Array1::from(vec![-1.0]).view())
            .expect("u ≠ 0");
    }
    assert_eq!(one[0].to_bits(), theta64[0].to_bits());
    // Under `pytorch` (ε > 0) the same gradient is fine both ways.
    let torch = Adamax::defaults(Convention::Pytorch);
    let mut fast = AdamaxSlices::<f64>::new(&torch, 2).expect("valid");
    let mut theta64 = vec![-5.0, 1.0];
    fast.update(&mut theta64, &g).expect("update");
    assert_eq!(theta64[1], 1.0);
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

/// The benchmark's floor runs over a step's own θ and state (`benches/updates.rs`),
/// so it must leave every value as it was: a step after it is the step it would
/// have been. On one piece and on several (n above `PARALLEL_MIN`), f64 and f32.
#[test]
fn the_floor_leaves_every_value_as_it_was() {
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    for n in [0, 1, 7, 1000, 3 * PARALLEL_MIN + 5] {
        for k in 0..=3 {
            let grad = vector(&mut rng, n, true);
            let theta0 = vector(&mut rng, n, true);
            let state0: Vec<Vec<f64>> = (0..k).map(|_| vector(&mut rng, n, true)).collect();
            let mut theta = theta0.clone();
            let mut state = state0.clone();
            for _ in 0..3 {
                floor(
                    &mut theta,
                    &grad,
                    state.iter_mut().map(|v| &mut v[..]).collect(),
                )
                .expect("lengths match");
            }
            // x·1 + g·0 is x, but for x = −0 (then +0): compare as numbers.
            assert_eq!(theta, theta0, "θ, n = {n}, {k} state arrays");
            let bits = |v: &Vec<Vec<f64>>| -> Vec<Vec<u64>> {
                v.iter()
                    .map(|a| a.iter().map(|x| x.to_bits()).collect())
                    .collect()
            };
            assert_eq!(bits(&state), bits(&state0), "state, n = {n}, {k} arrays");
            // f32 without the awkward values (1e150 is +∞ in f32, and ∞·0 is NaN).
            let mut t32: Vec<f32> = vector(&mut rng, n, false)
                .iter()
                .map(|&x| x as f32)
                .collect();
            let g32: Vec<f32> = vector(&mut rng, n, false)
                .iter()
                .map(|&x| x as f32)
                .collect();
            let before = t32.clone();
            floor(&mut t32, &g32, Vec::new()).expect("lengths match");
            assert_eq!(t32, before, "f32 θ, n = {n}");
        }
    }
    let mut short = [1.0; 3];
    assert!(floor(&mut [1.0, 2.0, 3.0], &[0.5, 0.5], Vec::new()).is_err());
    assert!(floor(&mut [1.0, 2.0, 3.0], &[0.5; 3], vec![&mut short[..2]]).is_err());
}
