//! # AdamW
//!
//! L2 regularisation adds $\frac{\lambda}{2}\lVert\theta\rVert^2$ to the loss, so its
//! gradient $\lambda\theta$ joins $g_t$. With plain SGD that is the same as
//! shrinking θ by a factor each step ("weight decay"). With Adam it is not:
//! $\lambda\theta$ goes through $m_t$ and is divided by $\sqrt{\hat v_t}$, so a
//! coordinate with large gradients is hardly decayed at all. Loshchilov & Hutter
//! (2019, *Decoupled Weight Decay Regularization*) take the decay out of the
//! gradient and apply it to θ directly, beside the Adam step:
//!
//! $$\theta_t = \theta_{t-1} - \Big(\eta\\,\frac{\hat m_t}{\sqrt{\hat v_t} + \epsilon}
//!   + \lambda\\,\theta_{t-1}\Big)$$
//!
//! with $m_t$, $v_t$, $\hat m_t$, $\hat v_t$ exactly Adam's, of the gradient of the
//! loss alone.
//!
//! ```text
//! Algorithm 2 (Loshchilov & Hutter), schedule multiplier ηₜ = 1,
//! defaults η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, λ = 1e-5 (see below)
//! m₀ ← 0, v₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
//!     vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
//!     m̂ₜ ← mₜ / (1 − β₁ᵗ)
//!     v̂ₜ ← vₜ / (1 − β₂ᵗ)
//!     θₜ ← θₜ₋₁ − (η m̂ₜ / (√v̂ₜ + ε) + λ θₜ₋₁)
//! ```
//!
//! | convention | η | β₁ | β₂ | ε | λ | decay per step |
//! |---|---|---|---|---|---|---|
//! | `paper` | 0.001 | 0.9 | 0.999 | 1e-8 | 1e-5 | $\lambda\theta$ |
//! | `pytorch` | 0.001 | 0.9 | 0.999 | 1e-8 | 0.01 | $\eta\lambda\theta$ |
//!
//! ## Where the conventions differ
//! In the paper the decay is **not** multiplied by η (only by the schedule
//! multiplier $\eta_t$, here 1). `torch.optim.AdamW` multiplies it by the
//! learning rate and applies it first: `param.mul_(1 - lr * weight_decay)`, then
//! Adam's step (`_single_tensor_adam` with decoupled weight decay), with torch's
//! rounding ([`optcore::torch_ops`]). So the same `λ` means a decay η times
//! smaller in torch: torch's `weight_decay = λ/η` is the paper's λ.
//!
//! The paper gives no single default λ (it tunes a normalised one per budget).
//! This crate's `paper` default is λ = 1e-5, chosen so that the decay per step
//! equals torch's default one, $\eta\lambda = 0.001 \cdot 0.01$.
//!
//! [`examples::AdamwVsL2`] shows the difference from Adam on
//! $J + \frac{\lambda}{2}\lVert\theta\rVert^2$ in numbers.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 12. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::AdamwVsL2`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::Result;
use optcore::pieces::{decay, decay_sq};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{Convention, Field, Moments, MomentsRecord, Optimizer, Record};

optcore::adam_hyperparameters! {
    /// Hyperparameters of AdamW: Adam's defaults, with λ = 1e-2 (torch's default)
    /// under `pytorch` and λ = 1e-5 under `paper`: the same decay per step,
    /// $10^{-3}\cdot 10^{-2}$ (see the crate docs).
    pub struct AdamW("adamw", lr = 1e-3) {
        /// λ, the decoupled weight decay (`paper`: θ shrinks by λθ per step;
        /// `pytorch`: by ηλθ).
        weight_decay = { paper: 1e-5, pytorch: 1e-2 };
    }
}

/// State of AdamW: Adam's moments ($g_t$ is the gradient of the loss alone, no
/// decay in it) and the decay the step took off θ.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamWState {
    pub moments: Moments,
    /// The decay this step took off θ: $\lambda\theta_{t-1}$ (`paper`),
    /// $\theta_{t-1} - \theta_{t-1}(1-\eta\lambda)$ (`pytorch`).
    pub decay: Array1<f64>,
}

/// What one AdamW step computed: Adam's record and the decay.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamWRecord {
    pub moments: MomentsRecord,
    pub decay: Array1<f64>,
}

impl Record for AdamWRecord {
    fn fields(&self) -> Vec<Field> {
        let mut fields = self.moments.fields();
        fields.push(Field::of(quantity::DECAY, self.decay.view()));
        fields
    }
}

impl AdamW {
    /// $(1-\beta_1^t,\ 1-\beta_2^t)$ after step $t$ of this state, as the step
    /// computed them.
    pub fn bias_corrections(&self, s: &Moments) -> (f64, f64) {
        match self.convention {
            Convention::Paper => s.paper_corrections(),
            Convention::Pytorch => Moments::torch_corrections(self.beta1, self.beta2, s.t),
        }
    }

    /// One step of Algorithm 2 (Loshchilov & Hutter) with $\eta_t = 1$:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
    /// vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// m̂ₜ ← mₜ / (1 − β₁ᵗ),  v̂ₜ ← vₜ / (1 − β₂ᵗ)
    /// θₜ ← θₜ₋₁ − (η m̂ₜ / (√v̂ₜ + ε) + λ θₜ₋₁)
    /// ```
    fn step_paper(&self, s: &mut AdamWState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, b1, b2, eps, wd) = (self.lr, self.beta1, self.beta2, self.eps, self.weight_decay);
        let (mo, decays) = (&mut s.moments, &mut s.decay);
        mo.beta1_power *= b1;
        mo.beta2_power *= b2;
        let (bc1, bc2) = self.bias_corrections(mo);
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .and(decays)
            .for_each(|x, &g, m, v, d| {
                *m = decay(*m, g, b1);
                *v = decay_sq(*v, g, b2);
                *d = wd * *x;
                *x -= lr * (*m / bc1) / ((*v / bc2).sqrt() + eps) + *d;
            });
    }

    /// One step of torch's `_single_tensor_adam` with decoupled weight decay
    /// (`torch.optim.AdamW`):
    ///
    /// ```text
    /// param.mul_(1 - lr * weight_decay)
    /// exp_avg.lerp_(g, 1-beta1)
    /// exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1-beta2)
    /// step_size = lr / (1 - beta1**step)
    /// denom = (exp_avg_sq.sqrt() / sqrt(1 - beta2**step)).add_(eps)
    /// param.addcdiv_(exp_avg, denom, value=-step_size)
    /// ```
    fn step_pytorch(&self, s: &mut AdamWState, theta: ArrayViewMut1<f64>, t: usize) {
        let (b1, b2, eps) = (self.beta1, self.beta2, self.eps);
        let shrink = 1.0 - self.lr * self.weight_decay;
        let (bc1, bc2) = Moments::torch_corrections(b1, b2, t);
        let step_size = self.lr / bc1;
        let bc2_sqrt = bc2.sqrt();
        let mo = &mut s.moments;
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .and(&mut s.decay)
            .for_each(|x, &g, m, v, d| {
                let decayed = *x * shrink;
                *d = *x - decayed;
                *m = torch_ops::lerp(*m, g, 1.0 - b1);
                *v = torch_ops::decay_sq(*v, g, b2);
                let denom = v.sqrt() / bc2_sqrt + eps;
                *x = torch_ops::addcdiv(decayed, -step_size, *m, denom);
            });
    }
}

/// A learning-rate schedule sets η through this. Loshchilov & Hutter's
/// schedule multiplier $\eta_t$ scales **both** terms of the paper's step,
/// $\theta_t = \theta_{t-1} - \eta_t\big(\alpha\\,\hat m_t/(\sqrt{\hat v_t}+\epsilon) + \lambda\\,\theta_{t-1}\big)$,
/// so under `paper` a new rate $\eta'$ is read as the multiplier $\eta'/\eta$
/// and `weight_decay` is scaled by it too (torch's decay $\eta\lambda$ follows
/// its rate by itself: there only `lr` changes). Then a scheduled `paper`
/// AdamW with λ runs as a scheduled `pytorch` one with `weight_decay` λ/η.
impl optcore::LearningRate for AdamW {
    fn lr(&self) -> Option<f64> {
        Some(self.lr)
    }
    fn with_lr(&self, lr: f64) -> Result<Self> {
        self.rescaled(lr).validated()
    }
    /// At `lr` = 0 the paper's multiplier is 0 and so is the decay λ·0/η.
    fn at_rate(&self, lr: f64) -> Result<Self> {
        optcore::error::check_non_negative("lr", lr)?;
        let opt = self.rescaled(lr);
        opt.validate_zero_rate()?;
        Ok(opt)
    }
}

impl AdamW {
    /// A copy at rate `lr`, `weight_decay` scaled by `lr/η` under `paper`
    /// (see the `LearningRate` impl), not validated.
    fn rescaled(&self, lr: f64) -> Self {
        let mut opt = AdamW { lr, ..*self };
        if self.convention == Convention::Paper {
            opt.weight_decay = self.weight_decay * (lr / self.lr);
        }
        opt
    }
}

impl Optimizer for AdamW {
    optcore::declared_methods!();
    type State = AdamWState;
    type Record = AdamWRecord;

    fn init(&self, theta: ArrayView1<f64>) -> AdamWState {
        AdamWState {
            moments: Moments::zeros(theta.len()),
            decay: Array1::zeros(theta.len()),
        }
    }
    optcore::step_by_convention!(AdamWState, moments);
    fn record(&self, s: &AdamWState) -> AdamWRecord {
        AdamWRecord {
            moments: s.moments.record(self.bias_corrections(&s.moments)),
            decay: s.decay.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{run, Flags, FromFlags, Quadratic};

    #[test]
    fn with_no_decay_it_is_adam_and_the_decay_is_lambda_theta() {
        // λ = 0: θ₁ = θ₀ − η sign(g) (ε = 0), as Adam's first step.
        let plain = AdamW {
            lr: 0.1,
            eps: 0.0,
            weight_decay: 0.0,
            ..AdamW::defaults(Convention::Paper)
        };
        let tr = run(&plain, Quadratic::reference(), array![-5.0, -2.0].view(), 1).unwrap();
        assert_eq!(tr.rows[1].theta.to_vec(), vec![-4.9, -1.9]);
        // λ = 0.5: the decay takes half of θ₀ off on top.
        let decayed = AdamW {
            weight_decay: 0.5,
            ..plain
        };
        let tr = run(
            &decayed,
            Quadratic::reference(),
            array![-5.0, -2.0].view(),
            1,
        )
        .unwrap();
        let r = tr.rows[1].record.as_ref().unwrap();
        assert_eq!(r.decay.to_vec(), vec![-2.5, -1.0]);
        assert!((tr.rows[1].theta[0] - (-4.9 + 2.5)).abs() < 1e-14);
    }

    /// At a schedule's rate 0 the paper's multiplier is 0, so the decay λ·0/η
    /// is 0 too; torch's keeps λ (its decay is η·λ = 0). Both refuse a negative rate.
    #[test]
    fn at_rate_zero_scales_the_papers_decay_to_zero() {
        use optcore::LearningRate;
        for c in [Convention::Paper, Convention::Pytorch] {
            let opt = AdamW::defaults(c);
            let zero = opt.at_rate(0.0).unwrap();
            let decay = match c {
                Convention::Paper => 0.0,
                Convention::Pytorch => opt.weight_decay,
            };
            assert_eq!((zero.lr, zero.weight_decay), (0.0, decay));
            assert!(opt.with_lr(0.0).is_err());
            assert!(opt.at_rate(-0.1).unwrap_err().to_string().contains("lr"));
        }
    }

    #[test]
    fn flags_take_weight_decay() {
        let f = Flags {
            weight_decay: Some(0.25),
            ..Flags::default()
        };
        let w = AdamW::from_flags(Convention::Pytorch, &f).unwrap();
        assert_eq!(w.weight_decay, 0.25);
    }
}
