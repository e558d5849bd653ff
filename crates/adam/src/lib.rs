//! # Adam
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use adam::Adam;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Adam { lr: 0.05, ..Adam::defaults(Convention::Pytorch) }.validated()?;
//! let mut theta = Array1::zeros(2);
//! let mut state = opt.init(theta.view());
//! for _ in 0..1000 {
//!     let grad = x.t().dot(&(x.dot(&theta) - &y)) / 4.0;
//!     opt.update(&mut state, theta.view_mut(), grad.view())?;
//! }
//! assert!((theta[0] - 1.0).abs() < 1e-6 && (theta[1] - 2.0).abs() < 1e-6, "{theta}");
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! ## The method
//!
//! Adam (Kingma & Ba 2015, *Adam: A Method for Stochastic Optimization*) keeps two
//! decaying averages: of the gradient, as momentum does, and of its square, as
//! RMSprop does, and divides one by the root of the other:
//!
//! $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\\,g_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\\,g_t^2$$
//!
//! Both start at 0, so early on they are biased towards 0. Unrolled,
//! $m_t = (1-\beta_1)\sum_{i=1}^t \beta_1^{t-i} g_i$, and for a stationary gradient
//! $\mathbb E\[m_t\] = (1-\beta_1^t)\\,\mathbb E\[g\]$ (the weights sum to $1-\beta_1^t$).
//! Dividing by that sum removes the bias:
//!
//! $$\hat m_t = \frac{m_t}{1-\beta_1^t} \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}
//!   \qquad \theta_t = \theta_{t-1} - \eta\\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}$$
//!
//! ```text
//! Algorithm 1 (Kingma & Ba), defaults η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8
//! m₀ ← 0, v₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
//!     vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
//!     m̂ₜ ← mₜ / (1 − β₁ᵗ)          (bias_correction = false: m̂ₜ ← mₜ)
//!     v̂ₜ ← vₜ / (1 − β₂ᵗ)          (bias_correction = false: v̂ₜ ← vₜ)
//!     θₜ ← θₜ₋₁ − η m̂ₜ / (√v̂ₜ + ε)  (EpsPlacement::InsideRoot: / √(v̂ₜ + ε))
//! ```
//!
//! | convention | η | β₁ | β₂ | ε | arithmetic |
//! |---|---|---|---|---|---|
//! | `paper` | 0.001 | 0.9 | 0.999 | 1e-8 | Algorithm 1 as written; βᵗ by repeated multiplication |
//! | `pytorch` | 0.001 | 0.9 | 0.999 | 1e-8 | `_single_tensor_adam`, to the last bit |
//!
//! `pytorch` follows `torch.optim.Adam`'s single-tensor path: `exp_avg.lerp_(g,
//! 1-beta1)`, `exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1-beta2)`,
//! `bias_correction1 = 1 - beta1**step` (a Python float power: correctly rounded,
//! [`optcore::torch_ops::pow_step`]), `step_size = lr / bias_correction1`,
//! `denom = (exp_avg_sq.sqrt() / sqrt(bias_correction2)).add_(eps)`,
//! `param.addcdiv_(exp_avg, denom, value=-step_size)`, with torch's fused
//! multiply-adds ([`optcore::torch_ops`]). It reproduces the shared reference trace
//! `pytorch-adam-quadratic.csv` bit for bit. The same formula, so `paper` and
//! `pytorch` differ only in rounding (about 1e-16).
//!
//! The two teaching variants, [`Adam::bias_correction`] off and
//! [`EpsPlacement::InsideRoot`], exist in the `paper` convention only (torch has
//! neither); with `pytorch` they are refused.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 08. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! only.

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{ArrayView1, ArrayViewMut1, Zip};
use optcore::error::{Error, Result};
use optcore::pieces::{decay, decay_sq};
use optcore::torch_ops;
use optcore::{Convention, Moments, MomentsRecord, Optimizer};

/// Where ε enters the denominator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EpsPlacement {
    /// $\sqrt{\hat v_t} + \epsilon$: Kingma & Ba, torch.optim.
    #[default]
    AddedToRoot,
    /// $\sqrt{\hat v_t + \epsilon}$: where optax's `eps_root` and Ruder's RMSprop
    /// place it.
    InsideRoot,
}

optcore::adam_hyperparameters! {
    /// Hyperparameters of Adam: Kingma & Ba's defaults, which `torch.optim.Adam`
    /// shares under both conventions.
    pub struct Adam("adam", lr = 1e-3) {}
    switches {
        /// Divide by $1-\beta^t$ (Algorithm 1). `false` only with `paper`.
        bias_correction: bool = true;
        /// Where ε goes. [`EpsPlacement::InsideRoot`] only with `paper`.
        eps_placement: EpsPlacement = EpsPlacement::AddedToRoot;
    }
    also Adam::teaching_variants_only_in_paper;
}

/// State of Adam: $t$, $g_t$, $m_t$, $v_t$ and $\beta_1^t$, $\beta_2^t$.
pub type AdamState = Moments;

/// What one Adam step computed: $g_t$, $m_t$, $v_t$, $\hat m_t$, $\hat v_t$.
pub type AdamRecord = MomentsRecord;

impl Adam {
    /// $(1-\beta_1^t,\ 1-\beta_2^t)$ after step $t$ of this state, as the step
    /// computed them: `paper` from the running products βᵗ (both 1 without bias
    /// correction), `pytorch` as torch does. The record divides by them to show
    /// $\hat m_t$ and $\hat v_t$, with the step's own bits.
    pub fn bias_corrections(&self, s: &AdamState) -> (f64, f64) {
        match self.convention {
            Convention::Paper if self.bias_correction => s.paper_corrections(),
            Convention::Paper => (1.0, 1.0),
            Convention::Pytorch => Moments::torch_corrections(self.beta1, self.beta2, s.t),
        }
    }

    /// torch has neither teaching variant: with `pytorch` both are refused.
    fn teaching_variants_only_in_paper(&self) -> Result<()> {
        if self.convention == Convention::Pytorch && !self.bias_correction {
            return Err(Error::Hyperparameter {
                name: "bias_correction",
                value: 0.0,
                accepts:
                    "on with the pytorch convention (torch.optim.Adam always corrects); use paper",
            });
        }
        if self.convention == Convention::Pytorch && self.eps_placement == EpsPlacement::InsideRoot
        {
            return Err(Error::Hyperparameter {
                name: "eps_placement",
                value: self.eps,
                accepts:
                    "added to the root with the pytorch convention; use paper for ε inside the root",
            });
        }
        Ok(())
    }

    /// One step of Algorithm 1 (Kingma & Ba), after `step` has evaluated gₜ:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
    /// vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// m̂ₜ ← mₜ / (1 − β₁ᵗ)          (bias_correction = false: m̂ₜ ← mₜ)
    /// v̂ₜ ← vₜ / (1 − β₂ᵗ)          (bias_correction = false: v̂ₜ ← vₜ)
    /// θₜ ← θₜ₋₁ − η m̂ₜ / (√v̂ₜ + ε)  (EpsPlacement::InsideRoot: / √(v̂ₜ + ε))
    /// ```
    ///
    /// βᵗ by repeated multiplication (the running products in the state).
    fn step_paper(&self, s: &mut AdamState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, b1, b2, eps) = (self.lr, self.beta1, self.beta2, self.eps);
        s.beta1_power *= b1;
        s.beta2_power *= b2;
        let (bc1, bc2) = self.bias_corrections(s);
        let inside = self.eps_placement == EpsPlacement::InsideRoot;
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.v)
            .for_each(|x, &g, m, v| {
                *m = decay(*m, g, b1);
                *v = decay_sq(*v, g, b2);
                let (mh, vh) = (*m / bc1, *v / bc2);
                let denom = if inside {
                    (vh + eps).sqrt()
                } else {
                    vh.sqrt() + eps
                };
                *x -= lr * mh / denom;
            });
    }

    /// One step of torch's `_single_tensor_adam`, after `step` has evaluated g:
    ///
    /// ```text
    /// exp_avg.lerp_(g, 1-beta1)
    /// exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1-beta2)
    /// bias_correction1 = 1 - beta1**step
    /// bias_correction2 = 1 - beta2**step
    /// step_size = lr / bias_correction1
    /// denom = (exp_avg_sq.sqrt() / sqrt(bias_correction2)).add_(eps)
    /// param.addcdiv_(exp_avg, denom, value=-step_size)
    /// ```
    ///
    /// With torch's fused multiply-adds ([`optcore::torch_ops`]). torch never
    /// forms $\hat m_t$, $\hat v_t$; [`Adam::bias_corrections`] gives the record them.
    fn step_pytorch(&self, s: &mut AdamState, theta: ArrayViewMut1<f64>, t: usize) {
        let (lr, b1, b2, eps) = (self.lr, self.beta1, self.beta2, self.eps);
        let (bc1, bc2) = Moments::torch_corrections(b1, b2, t);
        let step_size = lr / bc1;
        let bc2_sqrt = bc2.sqrt();
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.v)
            .for_each(|x, &g, m, v| {
                *m = torch_ops::lerp(*m, g, 1.0 - b1);
                *v = torch_ops::decay_sq(*v, g, b2);
                let denom = v.sqrt() / bc2_sqrt + eps;
                *x = torch_ops::addcdiv(*x, -step_size, *m, denom);
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Adam);

impl Optimizer for Adam {
    optcore::declared_methods!();
    type State = AdamState;
    type Record = AdamRecord;

    fn variants(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if !self.bias_correction {
            v.push("without bias correction");
        }
        if self.eps_placement == EpsPlacement::InsideRoot {
            v.push("ε inside the root");
        }
        v
    }
    fn init(&self, theta: ArrayView1<f64>) -> AdamState {
        Moments::zeros(theta.len())
    }
    optcore::step_by_convention!(AdamState);
    fn record(&self, s: &AdamState) -> AdamRecord {
        s.record(self.bias_corrections(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{run, Quadratic};

    #[test]
    fn first_step_moves_eta_per_coordinate() {
        // m̂₁ = g₁, v̂₁ = g₁², so Δθ₁ = −η g/(|g| + ε) ≈ −η sign(g).
        let opt = Adam {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 0.0,
            ..Adam::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), array![-5.0, -2.0].view(), 1).unwrap();
        let r = tr.rows[1].record.as_ref().unwrap();
        assert!((r.m_hat[0] - -1.0).abs() < 1e-15 && (r.m_hat[1] - -8.0).abs() < 1e-14);
        assert!((tr.rows[1].theta[0] - -4.9).abs() < 1e-14);
        assert!((tr.rows[1].theta[1] - -1.9).abs() < 1e-14);
    }

    #[test]
    fn the_teaching_variants_are_refused_with_pytorch() {
        let p = Convention::Pytorch;
        let uncorrected = |convention| Adam {
            bias_correction: false,
            ..Adam::defaults(convention)
        };
        let inside = Adam {
            eps_placement: EpsPlacement::InsideRoot,
            ..Adam::defaults(p)
        };
        assert!(uncorrected(p).validated().is_err());
        assert!(inside.validated().is_err());
        assert!(uncorrected(Convention::Paper).validated().is_ok());
    }
}
