//! # Momentum (모멘텀)
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use momentum::Momentum;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Momentum { lr: 0.05, momentum: 0.9, ..Momentum::defaults(Convention::Paper) }.validated()?;
//! let mut theta = Array1::zeros(2);
//! let mut state = opt.init(theta.view());
//! for _ in 0..500 {
//!     let grad = x.t().dot(&(x.dot(&theta) - &y)) / 4.0;
//!     opt.update(&mut state, theta.view_mut(), grad.view())?;
//! }
//! assert!((theta[0] - 1.0).abs() < 1e-6 && (theta[1] - 2.0).abs() < 1e-6, "{theta}");
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! ## The method
//!
//! Add the previous step's direction (inertia) to the current gradient:
//! $$v_t = \gamma v_{t-1} + \eta\\,\nabla_{\theta}J(\theta_t), \qquad
//!   \theta_{t+1} = \theta_t - v_t .$$
//! With $g_t = \eta\nabla J(\theta_t)$ and $v_1 = g_1$ this unrolls to
//! $v_t = \sum_{k=1}^{t}\gamma^{t-k} g_k$ (see [`unroll`]): old gradients fade by a
//! factor γ per step, so the velocity neither forgets at once (it coasts over a
//! flat stretch) nor keeps going forever on a long flat plane.
//!
//! ```text
//! Momentum, convention = paper (the post, Qian 1999)
//! input: η > 0 (lr, default 0.01), γ ∈ [0, 1) (momentum, default 0.9), θ₀, oracle
//! v₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     vₜ ← γ vₜ₋₁ + η gₜ            (velocity)
//!     θₜ ← θₜ₋₁ − vₜ
//!
//! Momentum, convention = pytorch (torch.optim.SGD(lr, momentum=μ, dampening=0,
//!                                 nesterov=False, weight_decay=0), _single_tensor_sgd)
//! input: lr > 0 (default 1e-3, torch's), μ ∈ [0, 1) (momentum, default 0.9), θ₀
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     bₜ ← gₜ                 if t = 1 (torch clones the gradient into the buffer)
//!     bₜ ← μ bₜ₋₁ + gₜ         otherwise (buf.mul_(μ).add_(g))
//!     θₜ ← θₜ₋₁ − lr·bₜ        (param.add_(buf, alpha=−lr): one fused multiply-add)
//! ```
//!
//! torch's `add_(x, alpha=a)` computes `self + a·x` as a fused multiply-add on the
//! CPU (one rounding); the step does the same with `f64::mul_add` (correctly
//! rounded on every machine), which is what makes the `pytorch` trace identical to
//! the bits of the reference trace rather than merely within 1e-15 of it.
//!
//! **The two conventions are one method.** Multiply torch's recursion by lr:
//! $\mathrm{lr}\\,b_t = \mu\\,(\mathrm{lr}\\,b_{t-1}) + \mathrm{lr}\\,g_t$, which is the
//! post's recursion for $v_t = \mathrm{lr}\\,b_t$ with $\gamma = \mu$, $\eta = \mathrm{lr}$;
//! and $\theta_t = \theta_{t-1} - \mathrm{lr}\\,b_t = \theta_{t-1} - v_t$. So for a
//! constant learning rate the trajectories are the same (up to rounding: torch
//! multiplies by lr after the sum, the post before); they differ once lr changes
//! during training (a schedule rescales torch's whole buffer but only the post's
//! newest gradient). [`examples::TwoForms`] shows it in numbers.
//!
//! **Defaults.** The post says "γ 값은 보통 0.9를 사용한다" (γ is usually 0.9) and
//! gives no η, so `paper` uses γ = 0.9 and η = 0.01 (the same η as the `gd` crate's
//! paper default). torch's own defaults are lr = 1e-3 and momentum = 0, but
//! momentum 0 is plain SGD (the `sgd` optimizer), so `optrace --optimizer momentum
//! --convention pytorch` without `--momentum` uses μ = 0.9, the value of torch's
//! documentation example `SGD(model.parameters(), lr=0.1, momentum=0.9)`.
//!
//! **Errors.** `lr` must be finite and > 0, `momentum` in [0, 1) (γ ≥ 1 never
//! forgets: the weights γᵏ no longer sum to a finite 1/(1 − γ)).
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 03. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! only.
//!
//! `dynamics` (off by default; the umbrella crate turns it on): the module
//! `dynamics` (momentum on a quadratic by eigendirection, nalgebra's eigenvalues)
//! and, with `lessons`, notebook 11's tables, figures and exercises. A notebook
//! loads it with
//! `:dep momentum = { path = "../crates/momentum", features = ["dynamics"] }`;
//! without it nalgebra is not in the crate graph (notebooks 03 and 04 reach their
//! first output 5–11 s sooner; docs/latency.md).
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::TwoForms`]: #features"
)]

#[cfg(feature = "dynamics")]
pub mod dynamics;
#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
pub mod unroll;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::Result;
use optcore::quantity;
use optcore::torch_ops::add_scaled;
use optcore::{check_step, Convention, Field, Optimizer, Oracle, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of momentum (see the crate doc): `paper` η = 0.01, γ = 0.9;
    /// `pytorch` lr = 1e-3 (torch's), μ = 0.9 (torch's default 0 would be plain SGD).
    pub struct Momentum("momentum") {
        /// The learning rate η.
        lr = { paper: 0.01, pytorch: 1e-3 };
        /// γ (the post's γ, torch's μ).
        momentum = 0.9;
    }
}

/// State of momentum.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentumState {
    pub t: usize,
    /// $g_t = \nabla J(\theta_{t-1})$ of the last step.
    pub grad: Staged,
    /// `paper`: the velocity $v_t$ (θ moved by $-v_t$). `pytorch`: torch's
    /// `momentum_buffer` $b_t$ (θ moved by $-\mathrm{lr}\\,b_t$; $v_t = \mathrm{lr}\\,b_t$).
    pub velocity: Array1<f64>,
    /// The loss the optimizer saw at $\theta_{t-1}$.
    pub seen_loss: f64,
}

/// What one momentum step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentumRecord {
    pub convention: Convention,
    pub grad: Array1<f64>,
    /// $v_t$ (`paper`) or torch's buffer $b_t$ (`pytorch`).
    pub velocity: Array1<f64>,
    pub seen_loss: f64,
}

impl Record for MomentumRecord {
    fn fields(&self) -> Vec<Field> {
        let v = match self.convention {
            Convention::Paper => Field::of(quantity::VELOCITY, self.velocity.view()),
            Convention::Pytorch => Field::of(quantity::MOMENTUM_BUFFER, self.velocity.view()),
        };
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            v,
            Field::scalar_of(quantity::SEEN_LOSS, self.seen_loss),
        ]
    }
}

impl Momentum {
    /// One step of the post's momentum (Qian 1999), after `step` has evaluated gₜ:
    ///
    /// ```text
    /// vₜ ← γ vₜ₋₁ + η gₜ            (velocity)
    /// θₜ ← θₜ₋₁ − vₜ
    /// ```
    fn step_paper(&self, s: &mut MomentumState, theta: ArrayViewMut1<f64>) {
        let (lr, gamma) = (self.lr, self.momentum);
        Zip::from(theta)
            .and(&mut s.velocity)
            .and(&*s.grad)
            .for_each(|x, v, &g| {
                *v = gamma * *v + lr * g;
                *x -= *v;
            });
    }

    /// One step of torch's `_single_tensor_sgd` with momentum (dampening 0,
    /// nesterov False, weight decay 0), after `step` has evaluated gₜ:
    ///
    /// ```text
    /// bₜ ← gₜ                 if t = 1 (torch clones the gradient into the buffer)
    /// bₜ ← μ bₜ₋₁ + gₜ         otherwise (buf.mul_(μ).add_(g))
    /// θₜ ← θₜ₋₁ − lr·bₜ        (param.add_(buf, alpha=−lr): one fused multiply-add)
    /// ```
    fn step_pytorch(&self, s: &mut MomentumState, theta: ArrayViewMut1<f64>, t: usize) {
        let (lr, gamma) = (self.lr, self.momentum);
        let zip = Zip::from(theta).and(&mut s.velocity).and(&*s.grad);
        if t == 1 {
            zip.for_each(|x, b, &g| {
                *b = g;
                *x = add_scaled(*x, -lr, *b);
            })
        } else {
            // buf.mul_(momentum).add_(grad); param.add_(buf, alpha=-lr)
            zip.for_each(|x, b, &g| {
                *b = add_scaled(*b * gamma, 1.0, g);
                *x = add_scaled(*x, -lr, *b);
            })
        }
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Momentum);

impl Optimizer for Momentum {
    optcore::declared_methods!();
    type State = MomentumState;
    type Record = MomentumRecord;

    fn init(&self, theta: ArrayView1<f64>) -> MomentumState {
        MomentumState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            velocity: Array1::zeros(theta.len()),
            seen_loss: f64::NAN,
        }
    }
    fn step(
        &self,
        s: &mut MomentumState,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        s.seen_loss = s.grad.eval(oracle, t, theta.view())?;
        match self.convention {
            Convention::Paper => self.step_paper(s, theta),
            Convention::Pytorch => self.step_pytorch(s, theta, t),
        }
        s.t = t;
        Ok(())
    }
    fn record(&self, s: &MomentumState) -> MomentumRecord {
        MomentumRecord {
            convention: self.convention,
            grad: s.grad.view().to_owned(),
            velocity: s.velocity.clone(),
            seen_loss: s.seen_loss,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{reference_start, run, Quadratic};
    use optcore::{Flags, FromFlags};

    #[test]
    fn two_steps_by_hand() {
        let opt = Momentum {
            lr: 0.4,
            momentum: 0.5,
            ..Momentum::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), reference_start().view(), 2).unwrap();
        // ∇(0.1x² + 2y²) = (0.2x, 4y) = (−1, −8); v₁ = η g₁; θ₁ = θ₀ − v₁.
        let g1 = [-1.0, -8.0];
        let v1 = array![0.4 * g1[0], 0.4 * g1[1]];
        let th1 = array![-5.0 - v1[0], -2.0 - v1[1]];
        assert_eq!(tr.rows[1].theta, th1);
        let g2 = array![0.2 * th1[0], 4.0 * th1[1]];
        let v2 = array![0.5 * v1[0] + 0.4 * g2[0], 0.5 * v1[1] + 0.4 * g2[1]];
        assert_eq!(tr.rows[2].record.as_ref().unwrap().velocity, v2);
        assert_eq!(tr.rows[2].theta, &th1 - &v2);
    }

    #[test]
    fn momentum_outside_the_unit_interval_is_refused() {
        for bad in [1.0, 1.5, -0.1, f64::NAN] {
            let e = Momentum {
                lr: 0.1,
                momentum: bad,
                ..Momentum::defaults(Convention::Paper)
            }
            .validated()
            .unwrap_err()
            .to_string();
            assert!(
                e.starts_with("invalid momentum = ") && e.ends_with("momentum must be in [0, 1)"),
                "{e}"
            );
        }
        assert!(Momentum {
            lr: 0.0,
            momentum: 0.9,
            ..Momentum::defaults(Convention::Pytorch)
        }
        .validated()
        .is_err());
        let bad = Momentum {
            lr: 0.1,
            momentum: 1.0,
            convention: Convention::Paper,
        };
        assert!(run(&bad, Quadratic::reference(), array![1.0, 1.0].view(), 3).is_err());
    }

    #[test]
    fn flags_fill_in_the_documented_defaults() {
        let m = Momentum::from_flags(Convention::Pytorch, &Flags::default()).unwrap();
        assert_eq!((m.lr, m.momentum), (1e-3, 0.9));
        let flags = Flags {
            momentum: Some(0.5),
            ..Flags::default()
        };
        let m = Momentum::from_flags(Convention::Paper, &flags).unwrap();
        assert_eq!((m.lr, m.momentum), (0.01, 0.5));
        let flags = Flags {
            momentum: Some(1.0),
            ..Flags::default()
        };
        assert!(Momentum::from_flags(Convention::Paper, &flags).is_err());
    }
}
