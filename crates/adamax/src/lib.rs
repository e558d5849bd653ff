//! # AdaMax
//!
//! Adam divides by $\sqrt{\hat v_t}$, the root of a decaying average of $g^2$: an
//! $\ell_2$ norm of the past gradients. Kingma & Ba (2015, section 7.1) let the
//! power go from 2 to $p$ and then to $\infty$; the $\ell_\infty$ limit is a
//! decaying maximum, which needs no bias correction:
//!
//! $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\\,g_t \qquad
//!   u_t = \max(\beta_2\\,u_{t-1},\ |g_t|) \qquad
//!   \theta_t = \theta_{t-1} - \frac{\eta}{1-\beta_1^t}\\,\frac{m_t}{u_t}$$
//!
//! ```text
//! Algorithm 2 (Kingma & Ba), defaults η = 0.002, β₁ = 0.9, β₂ = 0.999
//! m₀ ← 0, u₀ ← 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
//!     uₜ ← max(β₂ uₜ₋₁, |gₜ|)
//!     θₜ ← θₜ₋₁ − (η / (1 − β₁ᵗ)) mₜ / uₜ
//! ```
//!
//! | convention | η | β₁ | β₂ | ε | arithmetic |
//! |---|---|---|---|---|---|
//! | `paper` | 0.002 | 0.9 | 0.999 | none | Algorithm 2 as written; β₁ᵗ by repeated multiplication |
//! | `pytorch` | 0.002 | 0.9 | 0.999 | 1e-8 | `_single_tensor_adamax`, to the last bit |
//!
//! ## Where the conventions differ
//! `torch.optim.Adamax` puts ε **inside the max**:
//! $u_t = \max(\beta_2 u_{t-1},\ |g_t| + \epsilon)$, so $u_t \ge \epsilon$ and the
//! division is always defined. Its code: `exp_avg.lerp_(g, 1-beta1)`,
//! `torch.maximum(exp_inf.mul_(beta2), g.abs().add_(eps), out=exp_inf)`,
//! `clr = lr / (1 - beta1**step)`, `param.addcdiv_(exp_avg, exp_inf, value=-clr)`,
//! with torch's rounding ([`optcore::torch_ops`]). The paper has no ε at all.
//!
//! ## A zero denominator (the paper convention)
//! Algorithm 2 divides by $u_t$, and $u_t = 0$ in a coordinate whose gradients
//! have all been exactly 0 so far (a start on an axis of the quadratic: $g_1 = 0$
//! there), or with β₂ = 0 and $g_t = 0$. The paper leaves $m/u$ undefined there,
//! so this crate does not guess (no silent "0/0 = 0"): the step is refused with
//! [`optcore::Error::NonFinite`] naming $u$, before θ or the state change. The
//! `pytorch` convention never meets it while ε > 0; with ε = 0 it is refused the
//! same way, and a run reports it as [`optcore::Error::ZeroEps`].
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
use optcore::error::{Error, Result};
use optcore::pieces::{bias_correction, decay};
use optcore::quantity;
use optcore::torch_ops;
use optcore::{check_step, Convention, Field, Optimizer, Oracle, Record, Staged};

/// What a refused step reports when $u_t = 0$ in some coordinate.
pub const ZERO_U: &str =
    "update: u = 0 in a coordinate whose gradients have all been 0 (m/u is 0/0)";

optcore::hyperparameters! {
    /// Hyperparameters of AdaMax: Kingma & Ba's defaults, which
    /// `torch.optim.Adamax` shares, with torch's ε (`pytorch`) or none (`paper`).
    pub struct Adamax("adamax") {
        /// The step size η (α in Kingma & Ba).
        lr = 2e-3;
        /// β₁, the decay of the first moment $m_t$.
        beta1 = 0.9;
        /// β₂, the decay of the infinity norm $u_t$.
        beta2 = 0.999;
        /// ε inside the max (`pytorch`); must be 0 with `paper`, whose Algorithm 2
        /// has none (so `--eps` is not taken there).
        eps = { paper: 0.0, pytorch: 1e-8 }, listed if pytorch;
    }
    also Adamax::no_eps_in_paper;
}

/// State of AdaMax.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamaxState {
    pub t: usize,
    /// $g_t$.
    pub grad: Staged,
    /// $m_t$ (torch's `exp_avg`).
    pub m: Array1<f64>,
    /// $u_t$ (torch's `exp_inf`).
    pub u: Array1<f64>,
    /// $\beta_1^t$ (`paper`), a running product: one multiply per step.
    pub beta1_power: f64,
}

/// What one AdaMax step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamaxRecord {
    pub grad: Array1<f64>,
    pub m: Array1<f64>,
    pub u: Array1<f64>,
    /// The rate each coordinate got, $\eta / ((1-\beta_1^t)\\,u_t)$.
    pub effective_lr: Array1<f64>,
}

impl Record for AdamaxRecord {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::FIRST_MOMENT, self.m.view()),
            Field::of(quantity::INF_NORM, self.u.view()),
            Field::of(quantity::EFFECTIVE_LR, self.effective_lr.view()),
        ]
    }
}

impl Adamax {
    /// Algorithm 2 has no ε: with `paper` it must be 0.
    fn no_eps_in_paper(&self) -> Result<()> {
        if self.convention == Convention::Paper && self.eps != 0.0 {
            return Err(Error::Hyperparameter {
                name: "eps",
                value: self.eps,
                accepts: "0 with the paper convention (Kingma & Ba's Algorithm 2 has no ε); use pytorch for ε inside the max",
            });
        }
        Ok(())
    }

    /// $1 - \beta_1^t$ after step $t$ of this state, as the step computed it.
    pub fn bias_correction(&self, s: &AdamaxState) -> f64 {
        match self.convention {
            Convention::Paper => bias_correction(s.beta1_power),
            Convention::Pytorch => 1.0 - torch_ops::pow_step(self.beta1, s.t),
        }
    }

    /// $u_t$ of one coordinate from $u_{t-1}$ and $g_t$: `paper`
    /// $\max(\beta_2 u, |g|)$, `pytorch` $\max(\beta_2 u, |g| + \epsilon)$.
    #[inline]
    pub fn next_u(&self, u: f64, g: f64) -> f64 {
        match self.convention {
            Convention::Paper => (self.beta2 * u).max(g.abs()),
            Convention::Pytorch => (self.beta2 * u).max(g.abs() + self.eps),
        }
    }

    /// One step of Algorithm 2 (Kingma & Ba), $g_t$ already in the state:
    ///
    /// ```text
    /// mₜ ← β₁ mₜ₋₁ + (1 − β₁) gₜ
    /// uₜ ← max(β₂ uₜ₋₁, |gₜ|)
    /// θₜ ← θₜ₋₁ − (η / (1 − β₁ᵗ)) mₜ / uₜ
    /// ```
    fn step_paper(&self, s: &mut AdamaxState, theta: ArrayViewMut1<f64>) {
        let (lr, b1) = (self.lr, self.beta1);
        s.beta1_power *= b1;
        let clr = lr / bias_correction(s.beta1_power);
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.u)
            .for_each(|x, &g, m, u| {
                *m = decay(*m, g, b1);
                *u = self.next_u(*u, g);
                *x -= clr * *m / *u;
            });
    }

    /// One step of torch's `_single_tensor_adamax`, $g_t$ already in the state:
    ///
    /// ```text
    /// exp_avg.lerp_(g, 1-beta1)
    /// torch.maximum(exp_inf.mul_(beta2), g.abs().add_(eps), out=exp_inf)
    /// clr = lr / (1 - beta1**step)
    /// param.addcdiv_(exp_avg, exp_inf, value=-clr)
    /// ```
    fn step_pytorch(&self, s: &mut AdamaxState, theta: ArrayViewMut1<f64>, t: usize) {
        let b1 = self.beta1;
        let clr = self.lr / (1.0 - torch_ops::pow_step(b1, t));
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.m)
            .and(&mut s.u)
            .for_each(|x, &g, m, u| {
                *m = torch_ops::lerp(*m, g, 1.0 - b1);
                *u = self.next_u(*u, g);
                *x = torch_ops::addcdiv(*x, -clr, *m, *u);
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Adamax);

impl Optimizer for Adamax {
    optcore::declared_methods!();
    type State = AdamaxState;
    type Record = AdamaxRecord;

    fn init(&self, theta: ArrayView1<f64>) -> AdamaxState {
        AdamaxState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            m: Array1::zeros(theta.len()),
            u: Array1::zeros(theta.len()),
            beta1_power: 1.0,
        }
    }
    /// Refuses the step, θ and the state unchanged, if some $u_t$ would be 0
    /// (see the crate docs: a zero denominator).
    fn step(
        &self,
        s: &mut AdamaxState,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        oracle.checked_eval(t, theta.view(), s.grad.stage())?;
        let zero_u = Zip::from(s.grad.staged())
            .and(&s.u)
            .any(|&g, &u| self.next_u(u, g) == 0.0);
        if zero_u {
            return Err(Error::NonFinite {
                step: t,
                what: ZERO_U,
            });
        }
        s.grad.commit();
        match self.convention {
            Convention::Paper => self.step_paper(s, theta),
            Convention::Pytorch => self.step_pytorch(s, theta, t),
        }
        s.t = t;
        Ok(())
    }
    fn record(&self, s: &AdamaxState) -> AdamaxRecord {
        let bc = self.bias_correction(s);
        AdamaxRecord {
            grad: s.grad.view().to_owned(),
            m: s.m.clone(),
            u: s.u.clone(),
            effective_lr: s.u.mapv(|u| self.lr / bc / u),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{run, Quadratic};
    use optcore::{Flags, FromFlags};

    #[test]
    fn first_step_moves_eta_per_coordinate() {
        // m₁ = (1 − β₁)g, u₁ = |g|, so Δθ₁ = −η/(1 − β₁) · (1 − β₁) g/|g| = −η sign(g).
        let opt = Adamax {
            lr: 0.1,
            ..Adamax::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), array![-5.0, -2.0].view(), 1).unwrap();
        assert!((tr.rows[1].theta[0] - -4.9).abs() < 1e-14);
        assert!((tr.rows[1].theta[1] - -1.9).abs() < 1e-14);
        let r = tr.rows[1].record.as_ref().unwrap();
        assert_eq!(r.u.to_vec(), vec![1.0, 8.0]);
    }

    #[test]
    fn a_zero_u_is_refused_before_anything_changes() {
        // The quadratic from (−5, 0): g₁ = (−1, 0), so u₁ = 0 in the second coordinate.
        let opt = Adamax::defaults(Convention::Paper);
        let mut theta = array![-5.0, 0.0];
        let mut state = opt.init(theta.view());
        let before = state.clone();
        let mut oracle = optcore::Exact::new(Quadratic::reference());
        let e = opt
            .step(&mut state, theta.view_mut(), &mut oracle)
            .unwrap_err();
        assert_eq!(
            e,
            Error::NonFinite {
                step: 1,
                what: ZERO_U
            }
        );
        assert_eq!((theta, state), (array![-5.0, 0.0], before));
        // torch's ε inside the max makes the same start fine.
        let torch = Adamax::defaults(Convention::Pytorch);
        let tr = run(&torch, Quadratic::reference(), array![-5.0, 0.0].view(), 3).unwrap();
        assert_eq!(tr.rows[3].theta[1], 0.0);
    }

    #[test]
    fn paper_refuses_an_eps() {
        let a = Adamax {
            eps: 1e-8,
            ..Adamax::defaults(Convention::Paper)
        };
        let msg = a.validated().unwrap_err().to_string();
        assert!(msg.contains("eps") && !msg.contains('\n'), "{msg}");
    }

    #[test]
    fn paper_takes_no_eps() {
        let eps = Flags {
            eps: Some(0.5),
            ..Flags::default()
        };
        let a = Adamax::from_flags(Convention::Paper, &eps).unwrap();
        assert_eq!(a, Adamax::defaults(Convention::Paper));
        let names = |c| {
            Adamax::defaults(c)
                .hyperparameters()
                .iter()
                .map(|(k, _)| *k)
                .collect::<Vec<_>>()
        };
        assert!(!names(Convention::Paper).contains(&"eps"));
        assert!(names(Convention::Pytorch).contains(&"eps"));
    }
}
