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
//! [`examples::adamw_vs_l2`] shows the difference from Adam on
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
    doc = "[`examples::adamw_vs_l2`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::{check_non_negative, check_positive, check_unit_interval, Result};
use optcore::pieces::{bias_correction, decay, decay_sq};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{check_step, Convention, Field, Flags, FromFlags, Optimizer, Oracle, Record, Staged};

/// Hyperparameters of AdamW.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AdamW {
    /// The step size η (α in Loshchilov & Hutter).
    pub lr: f64,
    /// β₁, the decay of the first moment $m_t$.
    pub beta1: f64,
    /// β₂, the decay of the second moment $v_t$.
    pub beta2: f64,
    /// ε, added to the root.
    pub eps: f64,
    /// λ, the decoupled weight decay (`paper`: θ shrinks by λθ per step;
    /// `pytorch`: by ηλθ).
    pub weight_decay: f64,
    pub convention: Convention,
}

impl AdamW {
    /// Adam's η, β₁, β₂, ε under both conventions; λ = 0.01 (`torch.optim.AdamW`'s
    /// default) with `pytorch`, and λ = 1e-5 with `paper`: the same decay per step,
    /// $10^{-3}\cdot 10^{-2}$ (see the crate docs).
    pub fn defaults(convention: Convention) -> Self {
        AdamW {
            lr: 1e-3,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            weight_decay: match convention {
                Convention::Paper => 1e-5,
                Convention::Pytorch => 1e-2,
            },
            convention,
        }
    }
}

impl FromFlags for AdamW {
    /// Uses `--lr`, `--beta1`, `--beta2`, `--eps`, `--weight-decay`.
    fn from_flags(convention: Convention, flags: &Flags) -> Result<Self> {
        let d = AdamW::defaults(convention);
        AdamW {
            lr: flags.lr.unwrap_or(d.lr),
            beta1: flags.beta1.unwrap_or(d.beta1),
            beta2: flags.beta2.unwrap_or(d.beta2),
            eps: flags.eps.unwrap_or(d.eps),
            weight_decay: flags.weight_decay.unwrap_or(d.weight_decay),
            ..d
        }
        .validated()
    }
}

/// State of AdamW.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamWState {
    pub t: usize,
    /// $g_t$, the gradient of the loss alone (no decay in it).
    pub grad: Staged,
    /// $m_t$ (torch's `exp_avg`).
    pub m: Array1<f64>,
    /// $v_t$ (torch's `exp_avg_sq`).
    pub v: Array1<f64>,
    /// The decay this step took off θ: $\lambda\theta_{t-1}$ (`paper`),
    /// $\theta_{t-1} - \theta_{t-1}(1-\eta\lambda)$ (`pytorch`).
    pub decay: Array1<f64>,
    /// $\beta_1^t$, $\beta_2^t$ (`paper`), running products.
    pub beta1_power: f64,
    pub beta2_power: f64,
}

/// What one AdamW step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamWRecord {
    pub grad: Array1<f64>,
    pub m: Array1<f64>,
    pub v: Array1<f64>,
    pub m_hat: Array1<f64>,
    pub v_hat: Array1<f64>,
    pub decay: Array1<f64>,
}

impl Record for AdamWRecord {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::FIRST_MOMENT, self.m.view()),
            Field::of(quantity::SECOND_MOMENT, self.v.view()),
            Field::of(quantity::M_HAT, self.m_hat.view()),
            Field::of(quantity::V_HAT, self.v_hat.view()),
            Field::of(quantity::DECAY, self.decay.view()),
        ]
    }
}

impl AdamW {
    /// $(1-\beta_1^t,\ 1-\beta_2^t)$ after step $t$ of this state, as the step
    /// computed them.
    pub fn bias_corrections(&self, s: &AdamWState) -> (f64, f64) {
        match self.convention {
            Convention::Paper => (
                bias_correction(s.beta1_power),
                bias_correction(s.beta2_power),
            ),
            Convention::Pytorch => self.torch_bias_corrections(s.t),
        }
    }

    fn torch_bias_corrections(&self, t: usize) -> (f64, f64) {
        (
            1.0 - torch_ops::pow_step(self.beta1, t),
            1.0 - torch_ops::pow_step(self.beta2, t),
        )
    }

    /// One step of Algorithm 2 (Loshchilov & Hutter) with $\eta_t = 1$:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
    /// vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// m̂ₜ ← mₜ / (1 − β₁ᵗ),  v̂ₜ ← vₜ / (1 − β₂ᵗ)
    /// θₜ ← θₜ₋₁ − (η m̂ₜ / (√v̂ₜ + ε) + λ θₜ₋₁)
    /// ```
    fn step_paper(&self, s: &mut AdamWState, theta: ArrayViewMut1<f64>) {
        let (lr, b1, b2, eps, wd) = (self.lr, self.beta1, self.beta2, self.eps, self.weight_decay);
        s.beta1_power *= b1;
        s.beta2_power *= b2;
        let (bc1, bc2) = self.bias_corrections(s);
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.v)
            .and(&mut s.decay)
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
        let (bc1, bc2) = self.torch_bias_corrections(t);
        let step_size = self.lr / bc1;
        let bc2_sqrt = bc2.sqrt();
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.v)
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
        let mut opt = AdamW { lr, ..*self };
        if self.convention == Convention::Paper {
            opt.weight_decay = self.weight_decay * (lr / self.lr);
        }
        opt.validated()
    }
}

impl Optimizer for AdamW {
    type State = AdamWState;
    type Record = AdamWRecord;

    fn name(&self) -> &'static str {
        "adamw"
    }
    fn convention(&self) -> Convention {
        self.convention
    }
    fn hyperparameters(&self) -> Vec<(&'static str, f64)> {
        vec![
            ("lr", self.lr),
            ("beta1", self.beta1),
            ("beta2", self.beta2),
            ("eps", self.eps),
            ("weight_decay", self.weight_decay),
        ]
    }
    fn validate(&self) -> Result<()> {
        check_positive("lr", self.lr)?;
        check_unit_interval("beta1", self.beta1)?;
        check_unit_interval("beta2", self.beta2)?;
        check_non_negative("eps", self.eps)?;
        check_non_negative("weight_decay", self.weight_decay)
    }
    fn init(&self, theta: ArrayView1<f64>) -> AdamWState {
        let z = Array1::zeros(theta.len());
        AdamWState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            m: z.clone(),
            v: z.clone(),
            decay: z,
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }
    fn step(
        &self,
        s: &mut AdamWState,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        s.grad.eval(oracle, t, theta.view())?;
        match self.convention {
            Convention::Paper => self.step_paper(s, theta),
            Convention::Pytorch => self.step_pytorch(s, theta, t),
        }
        s.t = t;
        Ok(())
    }
    fn record(&self, s: &AdamWState) -> AdamWRecord {
        let (bc1, bc2) = self.bias_corrections(s);
        AdamWRecord {
            grad: s.grad.view().to_owned(),
            m: s.m.clone(),
            v: s.v.clone(),
            m_hat: s.m.mapv(|m| m / bc1),
            v_hat: s.v.mapv(|v| v / bc2),
            decay: s.decay.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{run, Quadratic};

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

    #[test]
    fn bad_hyperparameters_are_refused_with_the_flag_name() {
        let d = AdamW::defaults(Convention::Pytorch);
        for (opt, flag) in [
            (AdamW { lr: 0.0, ..d }, "lr"),
            (AdamW { beta1: 1.0, ..d }, "beta1"),
            (AdamW { beta2: -0.1, ..d }, "beta2"),
            (AdamW { eps: -1.0, ..d }, "eps"),
            (
                AdamW {
                    weight_decay: -0.01,
                    ..d
                },
                "weight_decay",
            ),
        ] {
            let msg = opt.validated().unwrap_err().to_string();
            assert!(msg.contains(flag) && !msg.contains('\n'), "{msg}");
        }
    }

    #[test]
    fn flags_take_defaults_and_weight_decay() {
        for c in [Convention::Paper, Convention::Pytorch] {
            assert_eq!(
                AdamW::from_flags(c, &Flags::default()).unwrap(),
                AdamW::defaults(c)
            );
        }
        let f = Flags {
            weight_decay: Some(0.25),
            ..Flags::default()
        };
        let w = AdamW::from_flags(Convention::Pytorch, &f).unwrap();
        assert_eq!(w.weight_decay, 0.25);
    }
}
