//! A schedule that reaches η = 0 takes a step of size zero, as torch does: the
//! run goes on, θ keeps its bits, the state moves on by the method's own
//! formulas with η = 0. A negative or non-finite rate is refused with a typed
//! error naming `lr`, and `lr` = 0 outside a schedule's step is still refused.
//!
//! The expected states are written out here from torch's update rules
//! (`torch/optim/sgd.py`, `adam.py`) on the previous step's record, not taken
//! from the optimizers under test.

use adadelta::Adadelta;
use adagrad::Adagrad;
use adam::Adam;
use gd::Sgd;
use momentum::Momentum;
use nadam::Nadam;
use nag::Nag;
use optcore::ndarray::{array, Array1};
use optcore::{
    run, Convention, Error, Exact, LearningRate, Objective, Optimizer, Quadratic, Row, Trace,
    ZeroRate,
};
use rmsprop::Rmsprop;
use schedule::{CosineAnnealingLR, LinearLR, Schedule, Scheduled, ScheduledRecord};

/// T of the cosine: η(T) = 0 is the rate of step T + 1.
const T: usize = 10;
/// Steps of each run: past T + 1, into the cosine's climb back.
const STEPS: usize = 14;

fn cosine_to_zero() -> CosineAnnealingLR {
    CosineAnnealingLR {
        t_max: T,
        eta_min: 0.0,
    }
}

/// Runs `opt` under [`cosine_to_zero`] on the quadratic from (−5, −2): every
/// step taken, step T + 1 at η = 0, θ unchanged by it to the bit, and the rate
/// positive again after it. Returns the trace.
fn runs_through_zero<O: Optimizer + LearningRate + Clone>(
    opt: O,
) -> Trace<ScheduledRecord<O::Record>> {
    let s = Scheduled::new(opt, cosine_to_zero()).unwrap();
    let tr = run(&s, Quadratic::reference(), array![-5.0, -2.0].view(), STEPS).unwrap();
    assert!(tr.stop.is_none(), "{}: {:?}", s.describe(), tr.stop);
    assert_eq!(tr.rows.len(), STEPS + 1);
    let rec = |t: usize| tr.rows[t].record.as_ref().unwrap();
    assert_eq!(rec(T + 1).lr, 0.0, "the cosine reaches 0 exactly");
    assert!(rec(T).lr > 0.0 && rec(T + 2).lr > 0.0);
    let bits = |row: &Row<_>| row.theta.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
    assert_eq!(bits(&tr.rows[T + 1]), bits(&tr.rows[T]), "{}", s.describe());
    assert_ne!(tr.rows[T + 2].theta, tr.rows[T + 1].theta);
    tr
}

/// ∇J at step `t`'s start, θ_{t−1}, from the objective itself.
fn grad_before<R>(tr: &Trace<R>, t: usize) -> Array1<f64> {
    Quadratic::reference().gradient(tr.rows[t - 1].theta.view())
}

#[test]
fn sgd_takes_a_zero_step() {
    let tr = runs_through_zero(Sgd {
        lr: 0.4,
        ..Sgd::defaults(Convention::Pytorch)
    });
    let r = tr.rows[T + 1].record.as_ref().unwrap();
    assert_eq!(r.inner.grad.to_vec(), grad_before(&tr, T + 1).to_vec());
    let loss = Quadratic::reference().value(tr.rows[T].theta.view());
    assert_eq!(r.inner.seen_loss, loss);
}

/// torch's momentum buffer at η = 0: `buf.mul_(μ).add_(g)`, θ untouched.
#[test]
fn torch_momentum_keeps_its_buffer_moving() {
    let mu = 0.9;
    let tr = runs_through_zero(Momentum {
        lr: 0.05,
        momentum: mu,
        convention: Convention::Pytorch,
    });
    let before = &tr.rows[T].record.as_ref().unwrap().inner.velocity;
    let g = grad_before(&tr, T + 1);
    let want: Vec<f64> = before.iter().zip(&g).map(|(b, g)| b * mu + g).collect();
    let at_zero = &tr.rows[T + 1].record.as_ref().unwrap().inner;
    assert_eq!(at_zero.velocity.to_vec(), want);
    assert_ne!(want, before.to_vec());
}

/// The post's momentum keeps η inside the velocity: at η = 0 it coasts,
/// v = γv, θ ← θ − v.
#[test]
fn the_posts_momentum_coasts() {
    let gamma = 0.9;
    let s = Scheduled::new(
        Momentum {
            lr: 0.05,
            momentum: gamma,
            convention: Convention::Paper,
        },
        cosine_to_zero(),
    )
    .unwrap();
    let tr = run(&s, Quadratic::reference(), array![-5.0, -2.0].view(), STEPS).unwrap();
    assert!(tr.stop.is_none(), "{:?}", tr.stop);
    let v_prev = &tr.rows[T].record.as_ref().unwrap().inner.velocity;
    let v: Vec<f64> = v_prev.iter().map(|v| gamma * v).collect();
    let at_zero = &tr.rows[T + 1];
    assert_eq!(at_zero.record.as_ref().unwrap().inner.velocity.to_vec(), v);
    let theta: Vec<f64> = tr.rows[T]
        .theta
        .iter()
        .zip(&v)
        .map(|(x, v)| x - v)
        .collect();
    assert_eq!(at_zero.theta.to_vec(), theta);
}

/// torch's Adam at η = 0: the moments and the step count move on
/// (`exp_avg.lerp_(g, 1-β₁)`, `exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1-β₂)`,
/// each a fused multiply-add on CPU), θ does not. The next step's bias
/// correction counts the zero step: t = T + 2.
#[test]
fn torch_adam_keeps_its_moments_moving() {
    let opt = Adam {
        lr: 0.3,
        ..Adam::defaults(Convention::Pytorch)
    };
    let (b1, b2, eps) = (opt.beta1, opt.beta2, opt.eps);
    let tr = runs_through_zero(opt);
    let rec = |t: usize| &tr.rows[t].record.as_ref().unwrap().inner;
    let g = grad_before(&tr, T + 1);
    let (m0, v0) = (&rec(T).m, &rec(T).v);
    // lerp with weight 1 − β₁ < ½: m + w(g − m), fused.
    let m: Vec<f64> = (0..2)
        .map(|i| (1.0 - b1).mul_add(g[i] - m0[i], m0[i]))
        .collect();
    let v: Vec<f64> = (0..2)
        .map(|i| ((1.0 - b2) * g[i]).mul_add(g[i], b2 * v0[i]))
        .collect();
    assert_eq!(rec(T + 1).m.to_vec(), m);
    assert_eq!(rec(T + 1).v.to_vec(), v);
    assert_ne!(m, m0.to_vec());

    // Step T + 2 from these moments, with t = T + 2 in the corrections (with
    // t = T + 1, a count that skipped the zero step, 1 − β₂ᵗ alone would change
    // by about 9%: far beyond the rounding this tolerance allows).
    let t = (T + 2) as i32;
    let lr = tr.rows[T + 2].record.as_ref().unwrap().lr;
    let g = grad_before(&tr, T + 2);
    let (bc1, bc2) = (1.0 - b1.powi(t), 1.0 - b2.powi(t));
    for i in 0..2 {
        let m = (1.0 - b1).mul_add(g[i] - m[i], m[i]);
        let v = ((1.0 - b2) * g[i]).mul_add(g[i], b2 * v[i]);
        let x = tr.rows[T + 1].theta[i] - lr / bc1 * m / (v.sqrt() / bc2.sqrt() + eps);
        let got = tr.rows[T + 2].theta[i];
        assert!((got - x).abs() <= 1e-14 * x.abs(), "θ[{i}]: {got} vs {x}");
    }
}

/// Every optimizer of the post with a learning rate takes steps at η = 0 under a
/// linear decay to 0 (η = 0 from step 2 on): θ keeps its bits where the method
/// steps by −η·u, and the post's momentum and NAG coast.
#[test]
fn every_optimizer_takes_zero_steps() {
    fn zero_steps<O: Optimizer + LearningRate + Clone>(opt: O, coasts: bool) {
        let s = Scheduled::new(
            opt,
            LinearLR {
                start_factor: 1.0,
                end_factor: 0.0,
                total_iters: 1,
            },
        )
        .unwrap();
        let tr = run(&s, Quadratic::reference(), array![-5.0, -2.0].view(), 4).unwrap();
        assert!(tr.stop.is_none(), "{}: {:?}", s.describe(), tr.stop);
        for t in 2..=4 {
            assert_eq!(tr.rows[t].record.as_ref().unwrap().lr, 0.0);
            let same = tr.rows[t].theta.iter().zip(&tr.rows[t - 1].theta);
            let kept = same.clone().all(|(a, b)| a.to_bits() == b.to_bits());
            assert_eq!(kept, !coasts, "{} at t = {t}", s.describe());
        }
    }
    for c in [Convention::Paper, Convention::Pytorch] {
        let paper = c == Convention::Paper;
        zero_steps(Sgd::defaults(c), false);
        zero_steps(Momentum::defaults(c), paper);
        zero_steps(Nag::defaults(c), paper);
        zero_steps(Adagrad::defaults(c), false);
        zero_steps(Rmsprop::defaults(c), false);
        zero_steps(Adam::defaults(c), false);
        zero_steps(Nadam::defaults(c), false);
    }
    zero_steps(Adadelta::defaults(Convention::Pytorch), false);
}

/// A schedule of one's own that goes below 0 at k = 3, or to NaN or ∞.
#[derive(Debug, Clone, Copy)]
struct Off {
    at: usize,
    rate: f64,
}

impl Schedule for Off {
    fn name(&self) -> &'static str {
        "Off"
    }
    fn validate(&self) -> optcore::Result<()> {
        Ok(())
    }
    fn lr_at(&self, base: f64, k: usize) -> f64 {
        if k < self.at {
            base
        } else {
            self.rate
        }
    }
    fn parameters(&self) -> String {
        String::new()
    }
}

/// A negative or non-finite scheduled rate stops the run at its step with an
/// error naming `lr`; every earlier step is kept.
#[test]
fn a_negative_or_non_finite_rate_is_refused() {
    for rate in [-0.1, f64::NAN, f64::INFINITY] {
        let s = Scheduled::new(Adam::defaults(Convention::Pytorch), Off { at: 3, rate }).unwrap();
        let tr = run(&s, Quadratic::reference(), array![-5.0, -2.0].view(), 6).unwrap();
        assert_eq!(tr.rows.len(), 4, "steps 1–3 kept, step 4 refused");
        match tr.stop {
            Some(Error::Hyperparameter {
                name: "lr", value, ..
            }) => assert!(value.to_bits() == rate.to_bits(), "{value}"),
            other => panic!("{rate}: {other:?}"),
        }
    }
}

/// `at_rate` accepts 0 and refuses what is below or not finite; `with_lr` and a
/// struct literal stepped on its own still refuse 0; a [`ZeroRate`] oracle is
/// the one place a step accepts it.
#[test]
fn zero_is_accepted_only_for_a_schedules_step() {
    let opt = Sgd::defaults(Convention::Pytorch);
    let zero = opt.at_rate(0.0).unwrap();
    assert_eq!(zero.lr, 0.0);
    for bad in [-1e-3, f64::NAN, f64::INFINITY] {
        match opt.at_rate(bad) {
            Err(Error::Hyperparameter { name: "lr", .. }) => {}
            other => panic!("{bad}: {other:?}"),
        }
    }
    assert!(opt.with_lr(0.0).is_err());
    assert!(zero.validated().is_err());

    let start = array![-5.0, -2.0];
    let mut theta = start.clone();
    let mut state = zero.init(theta.view());
    let mut oracle = Exact::new(Quadratic::reference());
    match zero.step(&mut state, theta.view_mut(), &mut oracle) {
        Err(Error::Hyperparameter { name: "lr", .. }) => {}
        other => panic!("{other:?}"),
    }
    assert_eq!(theta, start);
    zero.step(
        &mut state,
        theta.view_mut(),
        &mut ZeroRate::new(&mut oracle),
    )
    .unwrap();
    assert_eq!(theta, start);
    assert_eq!(state.t, 1);
}
