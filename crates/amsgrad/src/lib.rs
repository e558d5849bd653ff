//! # AMSGrad
//!
//! Reddi, Kale & Kumar (2018, *On the Convergence of Adam and Beyond*) showed that
//! Adam can fail to converge even on a convex problem: a rare large gradient
//! raises $v_t$ for a moment, then $v_t$ decays and the step size $\eta/\sqrt{v_t}$
//! grows back, so the many small gradients pointing the wrong way win. AMSGrad
//! keeps the largest second moment seen so far, so the per-coordinate rate never
//! grows. As Ruder's overview writes it (no bias correction):
//!
//! $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\\,g_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\\,g_t^2$$
//! $$\hat v_t = \max(\hat v_{t-1}, v_t) \qquad
//!   \theta_t = \theta_{t-1} - \frac{\eta}{\sqrt{\hat v_t} + \epsilon}\\,m_t$$
//!
//! ```text
//! AMSGrad (Ruder's overview), defaults η = 0.001, β₁ = 0.9, β₂ = 0.999, ε = 1e-8
//! m₀ ← 0, v₀ ← 0, v̂₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
//!     vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
//!     v̂ₜ ← max(v̂ₜ₋₁, vₜ)
//!     θₜ ← θₜ₋₁ − η mₜ / (√v̂ₜ + ε)
//! ```
//!
//! | convention | η | β₁ | β₂ | ε | bias correction | arithmetic |
//! |---|---|---|---|---|---|---|
//! | `paper` | 0.001 | 0.9 | 0.999 | 1e-8 | none | Ruder's form as written |
//! | `pytorch` | 0.001 | 0.9 | 0.999 | 1e-8 | Adam's | `_single_tensor_adam` with `amsgrad=True`, to the last bit |
//!
//! (Reddi et al. give no defaults; these are Adam's, which torch uses.)
//!
//! ## Where the conventions differ
//! `torch.optim.Adam(amsgrad=True)` keeps Adam's bias corrections, and takes the
//! maximum over the **uncorrected** $v_t$, correcting afterwards:
//! `torch.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)`,
//! `denom = (max_exp_avg_sq.sqrt() / sqrt(1 - beta2**step)).add_(eps)`,
//! `param.addcdiv_(exp_avg, denom, value=-lr / (1 - beta1**step))`. So torch's
//! step is $\eta\\,\hat m_t / (\sqrt{\max_{\tau\le t} v_\tau / (1-\beta_2^t)} + \epsilon)$:
//! the maximum of the $v_\tau$ divided by *today's* $1-\beta_2^t$, not the maximum
//! of the corrected $\hat v_\tau$. Ruder's form has no correction at all, so its
//! first steps are $(1-\beta_1)/\sqrt{1-\beta_2}$ times torch's (about 3.16 with
//! the defaults) until the corrections fade.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 12. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! only.

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::pieces::{decay, decay_sq};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{Convention, Field, Moments, Optimizer, Record};

optcore::adam_hyperparameters! {
    /// Hyperparameters of AMSGrad: Adam's defaults, which
    /// `torch.optim.Adam(amsgrad=True)` uses, under both conventions.
    pub struct Amsgrad("amsgrad", lr = 1e-3) {
    }
}

/// State of AMSGrad: Adam's moments (their βᵗ unused: neither form corrects
/// with running products) and the running maximum.
#[derive(Debug, Clone, PartialEq)]
pub struct AmsgradState {
    pub moments: Moments,
    /// $\hat v_t = \max(\hat v_{t-1}, v_t)$ (torch's `max_exp_avg_sq`).
    pub v_max: Array1<f64>,
}

/// What one AMSGrad step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct AmsgradRecord {
    pub grad: Array1<f64>,
    pub m: Array1<f64>,
    pub v: Array1<f64>,
    pub v_max: Array1<f64>,
    /// The rate each coordinate's $m_t$ got: $\eta/(\sqrt{\hat v_t} + \epsilon)$
    /// (`paper`), $\eta/(1-\beta_1^t)$ over torch's denominator (`pytorch`).
    pub effective_lr: Array1<f64>,
}

impl Record for AmsgradRecord {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::FIRST_MOMENT, self.m.view()),
            Field::of(quantity::SECOND_MOMENT, self.v.view()),
            Field::of(quantity::MAX_SECOND_MOMENT, self.v_max.view()),
            Field::of(quantity::EFFECTIVE_LR, self.effective_lr.view()),
        ]
    }
}

impl Amsgrad {
    /// The rate a coordinate with $\hat v_t$ = `v_max` gets after step `t`, as
    /// the step computed it.
    pub fn rate(&self, v_max: f64, t: usize) -> f64 {
        match self.convention {
            Convention::Paper => self.lr / (v_max.sqrt() + self.eps),
            Convention::Pytorch => {
                let (bc1, bc2) = Moments::torch_corrections(self.beta1, self.beta2, t);
                (self.lr / bc1) / (v_max.sqrt() / bc2.sqrt() + self.eps)
            }
        }
    }

    /// One step as Ruder writes AMSGrad, $g_t$ already in the state:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
    /// vₜ ← β₂ vₜ₋₁ + (1 − β₂) gₜ²
    /// v̂ₜ ← max(v̂ₜ₋₁, vₜ)
    /// θₜ ← θₜ₋₁ − η mₜ / (√v̂ₜ + ε)
    /// ```
    fn step_paper(&self, s: &mut AmsgradState, theta: ArrayViewMut1<f64>, _t: usize) {
        let (lr, b1, b2, eps) = (self.lr, self.beta1, self.beta2, self.eps);
        let mo = &mut s.moments;
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .and(&mut s.v_max)
            .for_each(|x, &g, m, v, vm| {
                *m = decay(*m, g, b1);
                *v = decay_sq(*v, g, b2);
                *vm = vm.max(*v);
                *x -= lr * *m / (vm.sqrt() + eps);
            });
    }

    /// One step of torch's `_single_tensor_adam` with `amsgrad=True`:
    ///
    /// ```text
    /// exp_avg.lerp_(g, 1-beta1)
    /// exp_avg_sq.mul_(beta2).addcmul_(g, g, value=1-beta2)
    /// step_size = lr / (1 - beta1**step)
    /// torch.maximum(max_exp_avg_sq, exp_avg_sq, out=max_exp_avg_sq)
    /// denom = (max_exp_avg_sq.sqrt() / sqrt(1 - beta2**step)).add_(eps)
    /// param.addcdiv_(exp_avg, denom, value=-step_size)
    /// ```
    fn step_pytorch(&self, s: &mut AmsgradState, theta: ArrayViewMut1<f64>, t: usize) {
        let (b1, b2, eps) = (self.beta1, self.beta2, self.eps);
        let (bc1, bc2) = Moments::torch_corrections(self.beta1, self.beta2, t);
        let step_size = self.lr / bc1;
        let bc2_sqrt = bc2.sqrt();
        let mo = &mut s.moments;
        Zip::from(theta)
            .and(&*mo.grad)
            .and(&mut mo.m)
            .and(&mut mo.v)
            .and(&mut s.v_max)
            .for_each(|x, &g, m, v, vm| {
                *m = torch_ops::lerp(*m, g, 1.0 - b1);
                *v = torch_ops::decay_sq(*v, g, b2);
                *vm = vm.max(*v);
                let denom = vm.sqrt() / bc2_sqrt + eps;
                *x = torch_ops::addcdiv(*x, -step_size, *m, denom);
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Amsgrad);

impl Optimizer for Amsgrad {
    optcore::declared_methods!();
    type State = AmsgradState;
    type Record = AmsgradRecord;

    fn init(&self, theta: ArrayView1<f64>) -> AmsgradState {
        AmsgradState {
            moments: Moments::zeros(theta.len()),
            v_max: Array1::zeros(theta.len()),
        }
    }
    optcore::step_by_convention!(AmsgradState, moments);
    fn record(&self, s: &AmsgradState) -> AmsgradRecord {
        let mo = &s.moments;
        AmsgradRecord {
            grad: mo.grad.view().to_owned(),
            m: mo.m.clone(),
            v: mo.v.clone(),
            v_max: s.v_max.clone(),
            effective_lr: s.v_max.mapv(|vm| self.rate(vm, mo.t)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{run, Quadratic};

    #[test]
    fn v_max_never_decreases_and_is_the_running_max_of_v() {
        let opt = Amsgrad {
            lr: 0.3,
            ..Amsgrad::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), array![-5.0, -2.0].view(), 60).unwrap();
        let mut max_v = [0.0f64; 2];
        for row in &tr.rows[1..] {
            let r = row.record.as_ref().unwrap();
            for (i, mv) in max_v.iter_mut().enumerate() {
                *mv = mv.max(r.v[i]);
                assert_eq!(r.v_max[i], *mv, "t = {}", row.t);
            }
        }
        // and on this run the max does hold v up somewhere (v decays below it)
        let last = tr.rows[60].record.as_ref().unwrap();
        assert!(last.v[1] < last.v_max[1]);
    }

    #[test]
    fn first_paper_step_is_uncorrected() {
        // m₁ = (1 − β₁)g, v̂₁ = (1 − β₂)g²: Δθ₁ = −η (1 − β₁)/√(1 − β₂) sign(g) (ε = 0).
        let opt = Amsgrad {
            lr: 0.1,
            beta1: 0.5,
            beta2: 0.75,
            eps: 0.0,
            ..Amsgrad::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), array![-5.0, -2.0].view(), 1).unwrap();
        assert!((tr.rows[1].theta[0] - (-5.0 + 0.1)).abs() < 1e-14);
        assert!((tr.rows[1].theta[1] - (-2.0 + 0.1)).abs() < 1e-14);
    }
}
