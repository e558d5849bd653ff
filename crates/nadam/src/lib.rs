//! # NAdam
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use nadam::Nadam;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Nadam { lr: 0.05, ..Nadam::defaults(Convention::Pytorch) }.validated()?;
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
//! NAG improves momentum by taking the gradient *after* the momentum step, at the
//! lookahead point $\theta - \gamma v_{t-1}$. Dozat (2016, *Incorporating Nesterov
//! Momentum into Adam*) folds the same idea into Adam without a second gradient:
//! instead of stepping with this step's momentum $\hat m_t$, step with an estimate
//! of the *next* one, $\beta_1 \hat m_t + (1-\beta_1)\hat g_t$, i.e. apply the
//! momentum term once more. Ruder's overview (arXiv 1609.04747) writes it as
//!
//! $$\theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}
//!   \Big(\beta_1 \hat m_t + \frac{(1-\beta_1)\\,g_t}{1-\beta_1^t}\Big),
//!   \qquad \hat m_t = \frac{m_t}{1-\beta_1^t},\ \hat v_t = \frac{v_t}{1-\beta_2^t}$$
//!
//! with $m_t$, $v_t$ Adam's moments. Dozat's algorithm also lets the momentum
//! coefficient change with $t$; `torch.optim.NAdam` uses the schedule of Dozat's
//! code, $\mu_t = \beta_1\big(1 - \tfrac12\\, 0.96^{t\psi}\big)$ with
//! $\psi$ = `momentum_decay` = 0.004, and divides by products of the $\mu$'s:
//!
//! $$\theta_t = \theta_{t-1}
//!   - \frac{\eta(1-\mu_t)}{1-\prod_{i\le t}\mu_i}\\,\frac{g_t}{\sqrt{\hat v_t}+\epsilon}
//!   - \frac{\eta\\,\mu_{t+1}}{1-\prod_{i\le t+1}\mu_i}\\,\frac{m_t}{\sqrt{\hat v_t}+\epsilon}$$
//!
//! The two forms differ: $\mu_t$ starts at $\beta_1/2$ and creeps towards β₁ over
//! thousands of steps, and even for $\psi\to\infty$ (every $\mu = \beta_1$) torch
//! divides the momentum term by $1-\beta_1^{t+1}$, Ruder by $1-\beta_1^t$
//! ([`examples::TorchSchedule`] shows the coefficients).
//!
//! ```text
//! input: η, β₁, β₂ ∈ [0, 1), ε ≥ 0, ψ ≥ 0 (pytorch), θ₀;  m₀ ← 0, v₀ ← 0, Π₀ ← 1
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ;   vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
//!     d ← √(vₜ / (1 − β₂ᵗ)) + ε
//!     paper (Ruder):  c_g ← η(1 − β₁)/(1 − β₁ᵗ),      c_m ← η β₁/(1 − β₁ᵗ)
//!     pytorch:        μₜ ← β₁(1 − ½·0.96^(tψ)), μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)ψ)), Πₜ ← Πₜ₋₁ μₜ
//!                     c_g ← η(1 − μₜ)/(1 − Πₜ),      c_m ← η μₜ₊₁/(1 − Πₜ μₜ₊₁)
//!     θₜ ← θₜ₋₁ − c_g gₜ/d − c_m mₜ/d
//! ```
//!
//! | convention | η | β₁ | β₂ | ε | ψ (`momentum_decay`) |
//! |---|---|---|---|---|---|
//! | `paper` (Ruder's simplified form) | 0.002 | 0.9 | 0.999 | 1e-8 | not used |
//! | `pytorch` (`torch.optim.NAdam`) | 0.002 | 0.9 | 0.999 | 1e-8 | 0.004 |
//!
//! `pytorch` follows `_single_tensor_nadam` operation by operation (`lerp_`,
//! `addcmul_`, `exp_avg_sq.div(bias_correction2).sqrt()`, `denom.add_(eps)`, two
//! `addcdiv_`) with torch's fused multiply-adds ([`optcore::torch_ops`]); Python's
//! `beta2 ** step` is [`optcore::torch_ops::pow_step`] and `0.96 ** (step *
//! momentum_decay)` is `libm::pow` (portable; it may differ from glibc's `pow` in
//! the last bit). One more caveat: torch keeps `mu_product` in a tensor of the default
//! scalar type, float64 only if `torch.set_default_dtype(torch.float64)`; with the
//! float32 default its rounding differs from ours at about 1e-8 relative. We
//! compute it in f64.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 09. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! and libm only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::TorchSchedule`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::pieces::{bias_correction, decay, decay_sq};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{Field, Moments, Optimizer, Record};

optcore::adam_hyperparameters! {
    /// Hyperparameters of NAdam: `torch.optim.NAdam`'s defaults for both
    /// conventions (Ruder gives none; Dozat used η = 0.002).
    pub struct Nadam("nadam", lr = 2e-3) {
        /// ψ in $\mu_t = \beta_1(1 - \frac12 0.96^{t\psi})$ (`pytorch` only).
        momentum_decay = 4e-3, listed if pytorch;
    }
}

/// NAdam's momentum schedule at step $t$, as the step computed it: what the
/// post's NAdam adds to Adam.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MuSchedule {
    /// $\mu_t$ (`paper`: β₁).
    pub mu: f64,
    /// $\mu_{t+1}$ (`paper`: β₁).
    pub mu_next: f64,
    /// $\prod_{i \le t} \mu_i$ (`paper`: β₁ᵗ; torch's `mu_product`).
    pub mu_product: f64,
    /// $c_g$, the coefficient of $g_t/d$ in the step.
    pub coef_grad: f64,
    /// $c_m$, the coefficient of $m_t/d$ in the step.
    pub coef_avg: f64,
}

/// State of NAdam: Adam's moments (their $\beta_2^t$ is `paper`'s; the product
/// of the μ's takes the place of $\beta_1^t$) and the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct NadamState {
    pub moments: Moments,
    pub schedule: MuSchedule,
}

/// What one NAdam step computed: $g_t$, $m_t$, $v_t$ and the schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct NadamRecord {
    pub grad: Array1<f64>,
    pub m: Array1<f64>,
    pub v: Array1<f64>,
    pub schedule: MuSchedule,
}

impl Record for NadamRecord {
    fn fields(&self) -> Vec<Field> {
        let sc = &self.schedule;
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::FIRST_MOMENT, self.m.view()),
            Field::of(quantity::SECOND_MOMENT, self.v.view()),
            Field::scalar_of(quantity::MU, sc.mu),
            Field::scalar_of(quantity::MU_NEXT, sc.mu_next),
            Field::scalar_of(quantity::MU_PRODUCT, sc.mu_product),
            Field::scalar_of(quantity::COEF_GRAD, sc.coef_grad),
            Field::scalar_of(quantity::COEF_AVG, sc.coef_avg),
        ]
    }
}

impl Nadam {
    /// torch's momentum schedule $\mu_t = \beta_1(1 - \frac12 0.96^{t\psi})$ (Python's
    /// `beta1 * (1.0 - 0.5 * (0.96 ** (step * momentum_decay)))`).
    pub fn mu_at(&self, t: usize) -> f64 {
        self.beta1 * (1.0 - 0.5 * libm::pow(0.96, t as f64 * self.momentum_decay))
    }

    /// One step of Ruder's simplified NAdam (constant μ = β₁), after `step` has
    /// evaluated gₜ:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ;   vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// d ← √(vₜ / (1 − β₂ᵗ)) + ε
    /// c_g ← η(1 − β₁)/(1 − β₁ᵗ),      c_m ← η β₁/(1 − β₁ᵗ)
    /// θₜ ← θₜ₋₁ − c_g gₜ/d − c_m mₜ/d
    /// ```
    ///
    /// computed as Ruder writes it, θₜ₋₁ − η/(√v̂ₜ + ε)·(β₁ m̂ₜ + (1 − β₁) gₜ/(1 − β₁ᵗ));
    /// c_g and c_m are recorded.
    fn step_paper(&self, s: &mut NadamState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, b1, b2, eps) = (self.lr, self.beta1, self.beta2, self.eps);
        // β₁ᵗ and β₂ᵗ as running products: the same multiplies, in the same
        // order, as β·β·…·β.
        let (mo, sc) = (&mut s.moments, &mut s.schedule);
        sc.mu_product *= b1;
        mo.beta2_power *= b2;
        let (bc1, bc2) = (
            bias_correction(sc.mu_product),
            bias_correction(mo.beta2_power),
        );
        sc.mu = b1;
        sc.mu_next = b1;
        sc.coef_grad = lr * (1.0 - b1) / bc1;
        sc.coef_avg = lr * b1 / bc1;
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .for_each(|x, &g, m, v| {
                *m = decay(*m, g, b1);
                *v = decay_sq(*v, g, b2);
                let m_hat = *m / bc1;
                let v_hat = *v / bc2;
                *x -= lr / (v_hat.sqrt() + eps) * (b1 * m_hat + (1.0 - b1) * g / bc1);
            });
    }

    /// One step of torch's `_single_tensor_nadam`, after `step` has evaluated gₜ:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ;   vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// d ← √(vₜ / (1 − β₂ᵗ)) + ε
    /// μₜ ← β₁(1 − ½·0.96^(tψ)), μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)ψ)), Πₜ ← Πₜ₋₁ μₜ
    /// c_g ← η(1 − μₜ)/(1 − Πₜ),      c_m ← η μₜ₊₁/(1 − Πₜ μₜ₊₁)
    /// θₜ ← θₜ₋₁ − c_g gₜ/d − c_m mₜ/d
    /// ```
    ///
    /// operation by operation: `lerp_`, `addcmul_`,
    /// `exp_avg_sq.div(bias_correction2).sqrt()`, `denom.add_(eps)`, two
    /// `addcdiv_`, with torch's fused multiply-adds ([`optcore::torch_ops`]).
    fn step_pytorch(&self, s: &mut NadamState, theta: ArrayViewMut1<f64>, t: usize) {
        let (lr, b1, b2, eps) = (self.lr, self.beta1, self.beta2, self.eps);
        let bc2 = 1.0 - torch_ops::pow_step(b2, t);
        let mu = self.mu_at(t);
        let mu_next = self.mu_at(t + 1);
        let mu_product = s.schedule.mu_product * mu;
        let mu_product_next = mu_product * mu_next;
        let value_grad = -lr * (1.0 - mu) / (1.0 - mu_product);
        let value_avg = (-lr * mu_next) / (1.0 - mu_product_next);
        let mo = &mut s.moments;
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .for_each(|x, &g, m, v| {
                *m = torch_ops::lerp(*m, g, 1.0 - b1);
                *v = torch_ops::decay_sq(*v, g, b2);
                let denom = (*v / bc2).sqrt() + eps;
                *x = torch_ops::addcdiv(*x, value_grad, g, denom);
                *x = torch_ops::addcdiv(*x, value_avg, *m, denom);
            });
        s.schedule = MuSchedule {
            mu,
            mu_next,
            mu_product,
            coef_grad: -value_grad,
            coef_avg: -value_avg,
        };
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Nadam);

impl Optimizer for Nadam {
    optcore::declared_methods!();
    type State = NadamState;
    type Record = NadamRecord;

    fn init(&self, theta: ArrayView1<f64>) -> NadamState {
        NadamState {
            moments: Moments::zeros(theta.len()),
            schedule: MuSchedule {
                mu: f64::NAN,
                mu_next: f64::NAN,
                mu_product: 1.0,
                coef_grad: f64::NAN,
                coef_avg: f64::NAN,
            },
        }
    }
    optcore::step_by_convention!(NadamState, moments);
    fn record(&self, s: &NadamState) -> NadamRecord {
        NadamRecord {
            grad: s.moments.grad.view().to_owned(),
            m: s.moments.m.clone(),
            v: s.moments.v.clone(),
            schedule: s.schedule,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Convention;

    #[test]
    fn schedule_starts_at_half_beta1() {
        let n = Nadam::defaults(Convention::Pytorch);
        assert_eq!(
            Nadam {
                momentum_decay: 0.0,
                ..n
            }
            .mu_at(7),
            0.45
        );
        assert!(n.mu_at(1) > 0.45 && n.mu_at(1) < n.mu_at(2) && n.mu_at(100_000) < 0.9);
    }
}
