//! # Adadelta
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use adadelta::Adadelta;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Adadelta { rho: 0.99, eps: 1e-4, ..Adadelta::defaults(Convention::Paper) }.validated()?;
//! let mut theta = Array1::zeros(2);
//! let mut state = opt.init(theta.view());
//! for _ in 0..5000 {
//!     let grad = x.t().dot(&(x.dot(&theta) - &y)) / 4.0;
//!     opt.update(&mut state, theta.view_mut(), grad.view())?;
//! }
//! assert!((theta[0] - 1.0).abs() < 1e-6 && (theta[1] - 2.0).abs() < 1e-6, "{theta}");
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! ## The method
//!
//! Adagrad's rate only shrinks, and it still needs a global η. Adadelta (Zeiler
//! 2012) replaces the sum of all squared gradients by a decaying average,
//!
//! $$E\[g^2\]_t = \gamma\\,E\[g^2\]_{t-1} + (1-\gamma)\\,g_t^2,
//! \qquad RMS\[g\]_t = \sqrt{E\[g^2\]_t + \epsilon},$$
//!
//! which gives the intermediate rule $\Delta\theta_t = -\frac{\eta}{RMS\[g\]_t}\\,g_t$.
//! Then the unit argument: $\Delta\theta \propto g \propto 1/(\text{unit of }\theta)$,
//! while Newton's step $\Delta\theta = -H^{-1}g$ has the unit of θ ([`newton`],
//! [`units`]). Replacing η by the RMS of the past updates restores it:
//!
//! $$\Delta\theta_t = -\frac{RMS\[\Delta\theta\]_{t-1}}{RMS\[g\]_t}\\,g_t,\qquad
//! E\[\Delta\theta^2\]_t = \gamma\\,E\[\Delta\theta^2\]_{t-1} + (1-\gamma)\\,\Delta\theta_t^2,
//! \qquad \theta_{t+1} = \theta_t + \Delta\theta_t .$$
//!
//! ```text
//! Zeiler 2012, Algorithm 1 (paper)            torch.optim.Adadelta (pytorch)
//! input: ρ (decay), ε                         input: lr, ρ, ε
//! E[g²]₀ = 0, E[Δθ²]₀ = 0                     square_avg = 0, acc_delta = 0
//! for t = 1, 2, …                             for t = 1, 2, …
//!   gₜ ← ∇J(θₜ₋₁)                               g ← ∇J(θ)
//!   E[g²]ₜ ← ρE[g²]ₜ₋₁ + (1−ρ)gₜ²               square_avg ← square_avg·ρ + ((1−ρ)·g)·g
//!   Δθₜ ← −√(E[Δθ²]ₜ₋₁+ε)/√(E[g²]ₜ+ε)·gₜ        std ← √(square_avg + ε)
//!   E[Δθ²]ₜ ← ρE[Δθ²]ₜ₋₁ + (1−ρ)Δθₜ²            delta ← (√(acc_delta + ε) / std)·g
//!   θₜ ← θₜ₋₁ + lr·Δθₜ                          acc_delta ← acc_delta·ρ + ((1−ρ)·delta)·delta
//!                                               θ ← θ + (−lr)·delta
//! defaults: lr = 1 (Zeiler has no η),         defaults: lr = 1.0, ρ = 0.9, ε = 1e-6
//!           ρ = 0.95, ε = 1e-6
//! ```
//!
//! The post writes the decay as γ; the paper and torch call it ρ (`--rho`).
//! Both conventions keep $E\[\Delta\theta^2\]$ of the *unscaled* update, as torch does
//! (`acc_delta` is updated with `delta` before `lr` is applied); with lr = 1 the
//! `paper` convention is exactly Algorithm 1. The `pytorch` convention follows
//! torch's single-tensor path operation by operation, with ATen's CPU rounding
//! ([`optcore::torch_ops`]: `addcmul` is `self + (value·t1)·t2` and `add_(…, alpha)`
//! is `self + alpha·other`, each last multiply-add fused); the `paper` convention uses the shared
//! pieces (`optcore::pieces::decay_avg_sq`), whose `(1−ρ)·(g·g)` can differ from
//! torch's in the last bit.
//!
//! ## "Only the last w gradients"
//! The post says Adadelta keeps only the last w gradients. The method keeps a
//! decaying average instead: the gradient of k steps ago weighs $(1-\rho)\rho^k$,
//! never exactly 0. The effective window is $\approx 1/(1-\rho)$ (10 steps for
//! ρ = 0.9, 20 for 0.95), which holds $1-\rho^w \approx 1 - 1/e \approx 63\%$ of the
//! weight ([`examples::Window`]).
//!
//! ## Errors
//! ρ must be in (0, 1) and ε finite and > 0: with ε = 0,
//! $RMS\[\Delta\theta\]_0 = \sqrt{0} = 0$ and Adadelta never leaves its start (and a
//! zero gradient would make $0/0$). lr must be > 0.

//!
//! ## Checked against
//! There is no Adadelta trace in `crates/optcore/reference`. `tests/reference.rs` holds
//! the `pytorch` convention bit for bit to an independent transcription of
//! torch's `_single_tensor_adadelta` (including its unscaled `acc_delta`), and the
//! `paper` convention to 1e-9 relative to a transcription of Zeiler's Algorithm 1,
//! on five cases each (quadratic, Rosenbrock, Beale; lr ≠ 1, several ρ and ε).
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 06. `newton`:
//! Newton's method ([`newton`], nalgebra) and, with `lessons`, its examples and
//! exercise. With `default-features = false` this crate is the method alone,
//! depending on optcore only.
// Without the lessons or Newton, a link above to them points at this section
// (the empty line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::Window`]: #features"
)]
#![cfg_attr(not(feature = "newton"), doc = "", doc = "[`newton`]: #features")]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
// Newton's method solves Hδ = −g with nalgebra: the `newton` feature.
#[cfg(feature = "newton")]
pub mod newton;
pub mod units;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::{Error, Result};
use optcore::pieces::{decay_avg_sq, rms};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{Convention, Field, LearningRate, Optimizer, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of Adadelta: `paper` lr = 1, ρ = 0.95, ε = 1e-6;
    /// `pytorch` lr = 1.0, ρ = 0.9, ε = 1e-6.
    pub struct Adadelta("adadelta") {
        /// torch's `lr`: scales the applied step (1 in Zeiler's algorithm).
        lr = 1.0;
        /// The decay ρ (the post's γ).
        rho = { paper: 0.95, pytorch: 0.9 };
        /// ε inside both RMS; must be > 0 (with ε = 0, RMS[Δθ]₀ = 0 and Adadelta
        /// never moves).
        eps = 1e-6, check check_eps;
    }
}

/// Adadelta's ε: finite and > 0 (with ε = 0, RMS[Δθ]₀ = 0 and Adadelta never
/// moves), narrower than the shared ε ≥ 0.
fn check_eps(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value > 0.0 {
        return Ok(());
    }
    Err(Error::Hyperparameter {
        name,
        value,
        accepts: "a finite number > 0 (with eps = 0, RMS[Δθ]₀ = 0 and Adadelta never moves)",
    })
}

/// State of Adadelta.
#[derive(Debug, Clone, PartialEq)]
pub struct AdadeltaState {
    pub t: usize,
    /// $g_t$.
    pub grad: Staged,
    /// $E\[g^2\]_t$ (torch's `square_avg`).
    pub avg_sq_grad: Array1<f64>,
    /// $E\[\Delta\theta^2\]_t$ (torch's `acc_delta`).
    pub avg_sq_update: Array1<f64>,
    /// $RMS\[g\]_t$.
    pub rms_grad: Array1<f64>,
    /// $RMS\[\Delta\theta\]_{t-1}$, the numerator of this step.
    pub rms_update_prev: Array1<f64>,
    /// $\Delta\theta_t$ (unscaled by lr).
    pub update: Array1<f64>,
}

/// A step record is the whole state: nothing is kept for the record alone.
pub type AdadeltaRecord = AdadeltaState;

impl Record for AdadeltaState {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::AVG_SQ_GRAD, self.avg_sq_grad.view()),
            Field::of(quantity::RMS_GRAD, self.rms_grad.view()),
            Field::of(quantity::RMS_UPDATE_PREV, self.rms_update_prev.view()),
            Field::of(quantity::UPDATE, self.update.view()),
            Field::of(quantity::AVG_SQ_UPDATE, self.avg_sq_update.view()),
        ]
    }
}

impl Adadelta {
    /// One step of Zeiler 2012, Algorithm 1 (scaled by lr; lr = 1 is the paper),
    /// after `step` has evaluated gₜ:
    ///
    /// ```text
    /// E[g²]ₜ ← ρE[g²]ₜ₋₁ + (1−ρ)gₜ²
    /// Δθₜ ← −√(E[Δθ²]ₜ₋₁+ε)/√(E[g²]ₜ+ε)·gₜ
    /// E[Δθ²]ₜ ← ρE[Δθ²]ₜ₋₁ + (1−ρ)Δθₜ²
    /// θₜ ← θₜ₋₁ + lr·Δθₜ
    /// ```
    fn step_paper(&self, s: &mut AdadeltaState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (rho, eps, lr) = (self.rho, self.eps, self.lr);
        decay_avg_sq(s.avg_sq_grad.view_mut(), s.grad.view(), rho);
        Zip::from(&mut s.update)
            .and(&mut s.rms_grad)
            .and(&mut s.rms_update_prev)
            .and(&s.avg_sq_grad)
            .and(&s.avg_sq_update)
            .and(&*s.grad)
            .for_each(|d, rg, rd, &eg2, &edx2, &g| {
                *rg = rms(eg2, eps);
                *rd = rms(edx2, eps);
                *d = -(*rd / *rg) * g;
            });
        decay_avg_sq(s.avg_sq_update.view_mut(), s.update.view(), rho);
        Zip::from(theta)
            .and(&s.update)
            .for_each(|x, &d| *x += lr * d);
    }

    /// One step of torch's `_single_tensor_adadelta`, after `step` has evaluated g:
    ///
    /// ```text
    /// square_avg ← square_avg·ρ + ((1−ρ)·g)·g
    /// std ← √(square_avg + ε)
    /// delta ← (√(acc_delta + ε) / std)·g
    /// acc_delta ← acc_delta·ρ + ((1−ρ)·delta)·delta
    /// θ ← θ + (−lr)·delta
    /// ```
    ///
    /// operation by operation with ATen's CPU rounding ([`optcore::torch_ops`]).
    fn step_pytorch(&self, s: &mut AdadeltaState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (rho, eps, lr) = (self.rho, self.eps, self.lr);
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.avg_sq_grad)
            .and(&mut s.avg_sq_update)
            .and(&mut s.rms_grad)
            .and(&mut s.rms_update_prev)
            .for_each(|x, &g, sq, acc, rg, rd| {
                *sq = torch_ops::decay_sq(*sq, g, rho); // square_avg.mul_(rho).addcmul_(g, g, value=1-rho)
                *rg = (*sq + eps).sqrt(); // std = square_avg.add(eps).sqrt_()
                *rd = (*acc + eps).sqrt(); // delta = acc_delta.add(eps).sqrt_()
                let delta = (*rd / *rg) * g; // delta.div_(std).mul_(grad)
                *acc = torch_ops::decay_sq(*acc, delta, rho); // acc_delta.mul_(rho).addcmul_(…)
                *x = torch_ops::add_scaled(*x, -lr, delta); // param.add_(delta, alpha=-lr)
            });
        // Δθ is −delta; stored after the loop so the hot loop stays as torch writes it.
        Zip::from(&mut s.update)
            .and(&s.rms_update_prev)
            .and(&s.rms_grad)
            .and(&*s.grad)
            .for_each(|d, &rd, &rg, &g| *d = -((rd / rg) * g));
    }
}

/// Zeiler's Adadelta (`paper`) has no learning rate: $\mathrm{RMS}\[\Delta\theta\]_{t-1}$
/// takes η's place, and its `lr` field (1 in the paper) is only a fixed scale of
/// the step. So under `paper` there is nothing for a schedule to set: `lr()` is
/// `None` and `with_lr` is an [`Error::NoLearningRate`]. torch's Adadelta
/// (`pytorch`) has an `lr` that scales the step, and a schedule sets it.
impl LearningRate for Adadelta {
    fn lr(&self) -> Option<f64> {
        match self.convention {
            Convention::Paper => None,
            Convention::Pytorch => Some(self.lr),
        }
    }
    fn with_lr(&self, lr: f64) -> Result<Self> {
        match self.convention {
            Convention::Paper => Err(Error::NoLearningRate {
                optimizer: "adadelta",
                convention: self.convention,
            }),
            Convention::Pytorch => Adadelta { lr, ..*self }.validated(),
        }
    }
    /// As `with_lr`, with `lr` = 0 accepted under `pytorch`.
    fn at_rate(&self, lr: f64) -> Result<Self> {
        match self.convention {
            Convention::Paper => Err(Error::NoLearningRate {
                optimizer: "adadelta",
                convention: self.convention,
            }),
            Convention::Pytorch => {
                optcore::error::check_non_negative("lr", lr)?;
                let opt = Adadelta { lr, ..*self };
                opt.validate_zero_rate()?;
                Ok(opt)
            }
        }
    }
}

impl Optimizer for Adadelta {
    optcore::declared_methods!();
    type State = AdadeltaState;
    type Record = AdadeltaRecord;

    fn init(&self, theta: ArrayView1<f64>) -> AdadeltaState {
        let z = Array1::zeros(theta.len());
        AdadeltaState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            avg_sq_grad: z.clone(),
            avg_sq_update: z.clone(),
            rms_grad: z.clone(),
            rms_update_prev: z.clone(),
            update: z,
        }
    }
    optcore::step_by_convention!(AdadeltaState);
    fn record(&self, s: &AdadeltaState) -> AdadeltaRecord {
        s.clone()
    }
}

#[cfg(test)]
mod tests {
    use optcore::LearningRate;

    #[test]
    fn only_torchs_adadelta_has_a_learning_rate_to_schedule() {
        let paper = Adadelta::defaults(Convention::Paper);
        assert_eq!(paper.lr(), None);
        assert_eq!(
            paper.with_lr(0.5).unwrap_err(),
            Error::NoLearningRate {
                optimizer: "adadelta",
                convention: Convention::Paper
            }
        );
        let torch = Adadelta::defaults(Convention::Pytorch);
        assert_eq!(torch.lr(), Some(1.0));
        let set = torch.with_lr(0.5).unwrap();
        assert_eq!((set.lr, set.rho, set.eps), (0.5, torch.rho, torch.eps));
        let msg = torch.with_lr(-1.0).unwrap_err().to_string();
        assert!(msg.starts_with("invalid lr = -1"), "{msg}");
        // A schedule's rate 0: only torch's Adadelta has one to set.
        assert!(paper.at_rate(0.0).is_err());
        assert_eq!(torch.at_rate(0.0).unwrap().lr, 0.0);
        assert!(torch.with_lr(0.0).is_err());
        let msg = torch.at_rate(-1.0).unwrap_err().to_string();
        assert!(msg.starts_with("invalid lr = -1"), "{msg}");
    }
    use super::*;
    use optcore::{reference_start, run, Quadratic};

    #[test]
    fn first_step_by_hand() {
        let opt = Adadelta {
            rho: 0.9,
            eps: 1e-6,
            ..Adadelta::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), reference_start().view(), 1).unwrap();
        // g = (−1, −8); E[g²] = 0.1·g²; Δθ = −√ε/√(E[g²]+ε)·g.
        for (i, g) in [-1.0f64, -8.0].into_iter().enumerate() {
            let want = -((1e-6f64).sqrt() / (0.1 * g * g + 1e-6).sqrt()) * g;
            let got = tr.rows[1].theta[i] - tr.rows[0].theta[i];
            assert!((got - want).abs() < 1e-15, "{got} vs {want}");
        }
    }

    #[test]
    fn bad_hyperparameters_are_refused() {
        for rho in [0.0, 1.0, -0.1, 1.5, f64::NAN] {
            assert!(
                Adadelta {
                    rho,
                    eps: 1e-6,
                    ..Adadelta::defaults(Convention::Paper)
                }
                .validated()
                .is_err(),
                "rho {rho}"
            );
        }
        assert_eq!(
            Adadelta { rho: 0.9, eps: -1e-6, ..Adadelta::defaults(Convention::Paper) }.validated().unwrap_err().to_string(),
            "invalid eps = -0.000001: eps must be a finite number > 0 (with eps = 0, RMS[Δθ]₀ = 0 and Adadelta never moves)"
        );
        assert!(Adadelta {
            rho: 0.9,
            eps: 0.0,
            ..Adadelta::defaults(Convention::Paper)
        }
        .validated()
        .is_err());
        assert!(Adadelta {
            lr: 0.0,
            rho: 0.9,
            eps: 1e-6,
            ..Adadelta::defaults(Convention::Pytorch)
        }
        .validated()
        .is_err());
        let e = Adadelta {
            rho: 1.0,
            eps: 1e-6,
            ..Adadelta::defaults(Convention::Paper)
        }
        .validated()
        .unwrap_err()
        .to_string();
        assert_eq!(e, "invalid rho = 1: rho must be in (0, 1)");
    }

    #[test]
    fn conventions_agree_to_rounding() {
        let p = Adadelta {
            lr: 1.0,
            rho: 0.9,
            eps: 1e-6,
            convention: Convention::Paper,
        };
        let q = Adadelta {
            convention: Convention::Pytorch,
            ..p
        };
        let a = run(&p, Quadratic::reference(), reference_start().view(), 200).unwrap();
        let b = run(&q, Quadratic::reference(), reference_start().view(), 200).unwrap();
        for (ra, rb) in a.rows.iter().zip(&b.rows) {
            for i in 0..2 {
                let scale = ra.theta[i].abs().max(1e-300);
                assert!((ra.theta[i] - rb.theta[i]).abs() / scale < 1e-9);
            }
        }
    }
}
