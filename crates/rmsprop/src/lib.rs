//! # RMSprop
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use rmsprop::Rmsprop;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Rmsprop { lr: 0.001, ..Rmsprop::defaults(Convention::Paper) }.validated()?;
//! let mut theta = Array1::zeros(2);
//! let mut state = opt.init(theta.view());
//! for _ in 0..3000 {
//!     let grad = x.t().dot(&(x.dot(&theta) - &y)) / 4.0;
//!     opt.update(&mut state, theta.view_mut(), grad.view())?;
//! }
//! assert!((theta[0] - 1.0).abs() < 0.001 && (theta[1] - 2.0).abs() < 0.001, "{theta}");
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! ## The method
//!
//! Adagrad divides by the root of *every* squared gradient so far, $G_t = \sum g^2$,
//! so its rate $\eta/\sqrt{G_t + \epsilon}$ only shrinks and eventually stalls.
//! RMSprop (Hinton, *Neural Networks for Machine Learning*, lecture 6e) keeps a
//! **decaying average** instead, the first half of Adadelta:
//!
//! $$E\[g^2\]_t = \rho\\,E\[g^2\]_{t-1} + (1-\rho)\\,g_t^2$$
//!
//! $$\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{E\[g^2\]_t + \epsilon}}\\,g_t$$
//!
//! Old gradients fade by ρ per step, so the denominator tracks the *recent* RMS of
//! the gradient and the effective rate $\eta/\sqrt{E\[g^2\]_t+\epsilon}$ no longer
//! decays to zero.
//!
//! ```text
//! input: η > 0, ρ ∈ (0, 1), ε ≥ 0, momentum μ ∈ [0, 1), centered, θ₀
//! E[g²]₀ ← 0, ḡ₀ ← 0, b₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     E[g²]ₜ ← ρ E[g²]ₜ₋₁ + (1 − ρ) gₜ²
//!     if centered: ḡₜ ← ρ ḡₜ₋₁ + (1 − ρ) gₜ;  s ← E[g²]ₜ − ḡₜ²   else s ← E[g²]ₜ
//!     paper:   d ← √(s + ε)          pytorch:  d ← √s + ε
//!     if μ > 0: bₜ ← μ bₜ₋₁ + gₜ / d;  θₜ ← θₜ₋₁ − η bₜ
//!     else:     θₜ ← θₜ₋₁ − η gₜ / d
//! ```
//!
//! | convention | η | ρ | ε | where ε goes | μ | centered |
//! |---|---|---|---|---|---|---|
//! | `paper` (Ruder's overview, after Hinton's slide) | 0.001 | 0.9 | 1e-8 | inside the root | 0 | no |
//! | `pytorch` (`torch.optim.RMSprop`) | 0.01 | 0.99 (`alpha`) | 1e-8 | added to the root | 0 | no |
//!
//! `pytorch` follows `_single_tensor_rmsprop` operation by operation, with torch's
//! fused multiply-adds ([`optcore::torch_ops`]): `square_avg.mul_(alpha).addcmul_(g, g,
//! value=1-alpha)`, `grad_avg.lerp_(g, 1-alpha)`, `avg = square_avg.sqrt().add_(eps)`
//! (centered: `square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_().add_(eps)`),
//! `buf.mul_(momentum).addcdiv_(g, avg)`, `param.add_(buf, alpha=-lr)` or
//! `param.addcdiv_(g, avg, value=-lr)`. `optrace --rho` is torch's `alpha`.
//!
//! Where ε goes matters only when $\sqrt{E\[g^2\]}$ is near $\sqrt\epsilon$: inside the
//! root ε = 1e-8 acts like adding 1e-4 outside it, see
//! [`examples::EpsPlacement`].
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 07. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::EpsPlacement`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::pieces;
use optcore::quantity;
use optcore::{Field, Optimizer, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of RMSprop. The documented defaults: `paper` η = 0.001,
    /// ρ = 0.9 (Hinton's suggestion as Ruder's overview reports it), ε = 1e-8;
    /// `pytorch` η = 0.01, α = 0.99, ε = 1e-8 (`torch.optim.RMSprop`). Both: no
    /// momentum, not centered.
    pub struct Rmsprop("rmsprop") {
        /// The learning rate η.
        lr = { paper: 1e-3, pytorch: 1e-2 };
        /// The decay ρ of $E\[g^2\]$ (torch's `alpha`, `optrace --rho`).
        rho = { paper: 0.9, pytorch: 0.99 };
        /// ε, inside the root (`paper`) or added to it (`pytorch`).
        eps = 1e-8;
        /// Momentum μ on the scaled gradient (0: none; listed only when on).
        momentum = 0.0, listed if nonzero;
    }
    switches {
        /// Divide by the root of the variance estimate $E\[g^2\] - \bar g^2$ (Graves 2013).
        centered: bool = false;
    }
}

/// State of RMSprop: everything the last step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct RmspropState {
    pub t: usize,
    /// $g_t$.
    pub grad: Staged,
    /// $E\[g^2\]_t$ (torch's `square_avg`).
    pub avg_sq_grad: Array1<f64>,
    /// $\bar g_t$, the decaying average of the gradient (centered only; torch's `grad_avg`).
    pub avg_grad: Array1<f64>,
    /// $b_t$, the momentum buffer (momentum only; torch's `momentum_buffer`).
    pub velocity: Array1<f64>,
    /// The denominator $d$: $\sqrt{E\[g^2\]_t + \epsilon}$ or $\sqrt{E\[g^2\]_t} + \epsilon$.
    pub denom: Array1<f64>,
}

/// What one RMSprop step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct RmspropRecord {
    pub grad: Array1<f64>,
    pub avg_sq_grad: Array1<f64>,
    /// Present when centered.
    pub avg_grad: Option<Array1<f64>>,
    /// Present with momentum.
    pub velocity: Option<Array1<f64>>,
    pub denom: Array1<f64>,
    /// $\eta / d$ per coordinate: the effective learning rate.
    pub effective_lr: Array1<f64>,
}

impl Record for RmspropRecord {
    fn fields(&self) -> Vec<Field> {
        let mut f = vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::AVG_SQ_GRAD, self.avg_sq_grad.view()),
        ];
        if let Some(a) = &self.avg_grad {
            f.push(Field::of(quantity::AVG_GRAD, a.view()));
        }
        if let Some(v) = &self.velocity {
            f.push(Field::of(quantity::MOMENTUM_BUFFER, v.view()));
        }
        f.push(Field::of(quantity::DENOM, self.denom.view()));
        f.push(Field::of(quantity::EFFECTIVE_LR, self.effective_lr.view()));
        f
    }
}

impl Rmsprop {
    /// One step of RMSprop as Ruder writes it (ε inside the root; Hinton's slide has no ε), after
    /// `step` has evaluated gₜ:
    ///
    /// ```text
    /// E[g²]ₜ ← ρ E[g²]ₜ₋₁ + (1 − ρ) gₜ²
    /// if centered: ḡₜ ← ρ ḡₜ₋₁ + (1 − ρ) gₜ;  s ← E[g²]ₜ − ḡₜ²   else s ← E[g²]ₜ
    /// d ← √(s + ε)
    /// if μ > 0: bₜ ← μ bₜ₋₁ + gₜ / d;  θₜ ← θₜ₋₁ − η bₜ
    /// else:     θₜ ← θₜ₋₁ − η gₜ / d
    /// ```
    fn step_paper(&self, s: &mut RmspropState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, rho, eps, mu, centered) =
            (self.lr, self.rho, self.eps, self.momentum, self.centered);
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.avg_sq_grad)
            .and(&mut s.avg_grad)
            .and(&mut s.velocity)
            .and(&mut s.denom)
            .for_each(|x, &g, sq, ga, b, d| {
                *sq = pieces::decay_sq(*sq, g, rho);
                let mut var = *sq;
                if centered {
                    *ga = pieces::decay(*ga, g, rho);
                    var = *sq - *ga * *ga;
                }
                *d = pieces::rms(var, eps);
                if mu > 0.0 {
                    *b = mu * *b + g / *d;
                    *x -= lr * *b;
                } else {
                    *x -= lr / *d * g;
                }
            });
    }

    /// One step of torch's `_single_tensor_rmsprop` (ε added to the root), after
    /// `step` has evaluated gₜ:
    ///
    /// ```text
    /// square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha)
    /// centered: grad_avg.lerp_(g, 1-alpha)
    ///           avg = square_avg.addcmul(grad_avg, grad_avg, value=-1).sqrt_().add_(eps)
    /// else:     avg = square_avg.sqrt().add_(eps)
    /// momentum > 0: buf.mul_(momentum).addcdiv_(g, avg); param.add_(buf, alpha=-lr)
    /// else:         param.addcdiv_(g, avg, value=-lr)
    /// ```
    ///
    /// with torch's fused multiply-adds ([`optcore::torch_ops`]); `alpha` is ρ.
    fn step_pytorch(&self, s: &mut RmspropState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, rho, eps, mu, centered) =
            (self.lr, self.rho, self.eps, self.momentum, self.centered);
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.avg_sq_grad)
            .and(&mut s.avg_grad)
            .and(&mut s.velocity)
            .and(&mut s.denom)
            .for_each(|x, &g, sq, ga, b, d| {
                use optcore::torch_ops::*;
                *sq = decay_sq(*sq, g, rho);
                *d = if centered {
                    *ga = lerp(*ga, g, 1.0 - rho);
                    addcmul(*sq, -1.0, *ga, *ga).sqrt() + eps
                } else {
                    sq.sqrt() + eps
                };
                if mu > 0.0 {
                    *b = addcdiv(mu * *b, 1.0, g, *d);
                    *x = add_scaled(*x, -lr, *b);
                } else {
                    *x = addcdiv(*x, -lr, g, *d);
                }
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Rmsprop);

impl Optimizer for Rmsprop {
    optcore::declared_methods!();
    type State = RmspropState;
    type Record = RmspropRecord;

    fn variants(&self) -> Vec<&'static str> {
        if self.centered {
            vec!["centered"]
        } else {
            Vec::new()
        }
    }
    fn init(&self, theta: ArrayView1<f64>) -> RmspropState {
        let z = Array1::zeros(theta.len());
        RmspropState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            avg_sq_grad: z.clone(),
            avg_grad: z.clone(),
            velocity: z.clone(),
            denom: z,
        }
    }
    optcore::step_by_convention!(RmspropState);
    fn record(&self, s: &RmspropState) -> RmspropRecord {
        RmspropRecord {
            grad: s.grad.view().to_owned(),
            avg_sq_grad: s.avg_sq_grad.clone(),
            avg_grad: self.centered.then(|| s.avg_grad.clone()),
            velocity: (self.momentum > 0.0).then(|| s.velocity.clone()),
            denom: s.denom.clone(),
            effective_lr: s.denom.mapv(|d| self.lr / d),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::Convention;
    use optcore::{reference_start, run, Quadratic};
    use optcore::{Flags, FromFlags};

    #[test]
    fn first_step_by_hand() {
        // g = (0.2·(−5), 4·(−2)) = (−1, −8); E[g²]₁ = (1 − ρ)g²; θ₁ = θ₀ − η g/√(E + ε).
        let opt = Rmsprop {
            lr: 0.1,
            rho: 0.9,
            eps: 0.0,
            ..Rmsprop::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), reference_start().view(), 1).unwrap();
        let rec = tr.rows[1].record.as_ref().unwrap();
        let w = 1.0 - 0.9;
        assert_eq!(rec.avg_sq_grad, array![w * 1.0, w * 64.0]);
        assert_eq!(tr.rows[1].theta[0], -5.0 + 0.1 / (w * 1.0f64).sqrt());
        assert_eq!(
            tr.rows[1].theta[1],
            -2.0 - 0.1 / (w * 64.0f64).sqrt() * -8.0
        );
    }

    #[test]
    fn bad_hyperparameters_are_refused_with_the_flag_name() {
        let e = Rmsprop {
            lr: 0.0,
            rho: 0.99,
            eps: 1e-8,
            ..Rmsprop::defaults(Convention::Pytorch)
        }
        .validated()
        .unwrap_err()
        .to_string();
        assert!(e.contains("lr"), "{e}");
        let e = Rmsprop {
            lr: 0.01,
            rho: 1.0,
            eps: 1e-8,
            ..Rmsprop::defaults(Convention::Pytorch)
        }
        .validated()
        .unwrap_err()
        .to_string();
        assert!(e.contains("rho") && e.contains("(0, 1)"), "{e}");
        assert!(Rmsprop {
            lr: 0.01,
            rho: 0.0,
            eps: 1e-8,
            ..Rmsprop::defaults(Convention::Pytorch)
        }
        .validated()
        .is_err());
        let e = Rmsprop {
            lr: 0.01,
            rho: 0.9,
            eps: -1e-8,
            ..Rmsprop::defaults(Convention::Pytorch)
        }
        .validated()
        .unwrap_err()
        .to_string();
        assert!(e.contains("eps"), "{e}");
        let opt = Rmsprop::defaults(Convention::Pytorch);
        for momentum in [1.0, -0.1] {
            assert!(Rmsprop { momentum, ..opt }.validated().is_err());
        }
    }

    #[test]
    fn flags_take_defaults() {
        let r = Rmsprop::from_flags(Convention::Pytorch, &Flags::default()).unwrap();
        assert_eq!(r, Rmsprop::defaults(Convention::Pytorch));
        let f = Flags {
            rho: Some(1.5),
            ..Flags::default()
        };
        assert!(Rmsprop::from_flags(Convention::Paper, &f).is_err());
    }
}
