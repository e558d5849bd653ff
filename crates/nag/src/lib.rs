//! # NAG — Nesterov Accelerated Gradient
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use nag::Nag;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Nag { lr: 0.05, momentum: 0.9, ..Nag::defaults(Convention::Paper) }.validated()?;
//! let mut theta = Array1::zeros(2);
//! let mut state = opt.init(theta.view());
//! for _ in 0..500 {
//!     // NAG (paper) takes its gradient at the lookahead θ − γv, not at θ.
//!     let at = opt.lookahead(&state, theta.view())?;
//!     let grad = x.t().dot(&(x.dot(&at) - &y)) / 4.0;
//!     opt.update(&mut state, theta.view_mut(), grad.view())?;
//! }
//! assert!((theta[0] - 1.0).abs() < 1e-6 && (theta[1] - 2.0).abs() < 1e-6, "{theta}");
//! # Ok::<(), optcore::Error>(())
//! ```
//!
//! ## The method
//!
//! Momentum, but the gradient is taken where the momentum is about to carry θ
//! (the *lookahead* point $\theta_t - \gamma v_{t-1}$) instead of at θ itself:
//! $$v_t = \gamma v_{t-1} + \eta\\,\nabla_\theta J(\theta_t - \gamma v_{t-1}), \qquad
//!   \theta_{t+1} = \theta_t - v_t .$$
//! If the momentum is about to overshoot, the gradient at the lookahead point
//! already points back, and the step is corrected before it is taken: the post's
//! "수렴지점에서 요동치는 것을 방지해준다" (it damps the oscillation near the minimum).
//!
//! ```text
//! NAG, convention = paper (the post; Sutskever et al. 2013's form of Nesterov 1983)
//! input: η > 0 (lr, default 0.01), γ ∈ [0, 1) (momentum, default 0.9), θ₀, oracle
//! v₀ ← 0
//! for t = 1, 2, …
//!     φₜ ← θₜ₋₁ − γ vₜ₋₁           (lookahead, recorded)
//!     gₜ ← ∇J(φₜ)
//!     vₜ ← γ vₜ₋₁ + η gₜ            (velocity)
//!     θₜ ← θₜ₋₁ − vₜ
//!
//! NAG, convention = pytorch (torch.optim.SGD(lr, momentum=μ, nesterov=True,
//!                            dampening=0, weight_decay=0), _single_tensor_sgd)
//! input: lr > 0 (default 1e-3, torch's), μ ∈ [0, 1) (momentum, default 0.9), θ'₀
//! for t = 1, 2, …
//!     gₜ ← ∇J(θ'ₜ₋₁)                (the gradient is taken at the iterate itself)
//!     bₜ ← gₜ if t = 1, else μ bₜ₋₁ + gₜ      (buf.mul_(μ).add_(g))
//!     dₜ ← gₜ + μ bₜ                (grad.add(buf, alpha=μ): one fused multiply-add)
//!     θ'ₜ ← θ'ₜ₋₁ − lr·dₜ           (param.add_(d, alpha=−lr): one fused multiply-add)
//! ```
//!
//! **torch's iterate is the post's lookahead point.** Write $\varphi_t = \theta_{t-1} -
//! \gamma v_{t-1}$ for the post's lookahead at step $t$ and $v = \mathrm{lr}\\,b$. Then
//! $$\varphi_{t+1} = \theta_t - \gamma v_t = \varphi_t + \gamma v_{t-1} - (1+\gamma) v_t
//!   = \varphi_t - \eta\nabla J(\varphi_t) - \gamma v_t
//!   = \varphi_t - \mathrm{lr}\\,(\nabla J(\varphi_t) + \mu b_t),$$
//! using $v_t = \gamma v_{t-1} + \eta\nabla J(\varphi_t)$, which is exactly torch's
//! update with $\theta' = \varphi$, and $\varphi_1 = \theta_0$ (as $v_0 = 0$). So
//! after the change of variables $\theta' = \theta - \gamma v$ the two are one
//! method: torch's $\theta'_t$ equals the post's $\theta_t - \gamma v_t$, both see the
//! same gradients, and $\mathrm{lr}\\,b_t = v_t$ (up to rounding). The record's
//! `lookahead` is the point where the gradient was taken in either convention
//! ($\varphi_t$ for `paper`, $\theta'_{t-1}$ for `pytorch`); the
//! [`examples::Crosswalk`] table shows the equality in numbers.
//!
//! **Defaults** as in the `momentum` crate: `paper` η = 0.01, γ = 0.9 (the post's
//! usual γ); `pytorch` lr = 1e-3 (torch's) and μ = 0.9 (torch's momentum default 0
//! is refused by torch with `nesterov=True`).
//!
//! **Errors.** `lr` must be finite and > 0, `momentum` in [0, 1). With momentum 0
//! both conventions are plain gradient descent; torch itself refuses
//! `nesterov=True` with momentum 0, this crate accepts it (the reference README's
//! contract is [0, 1) for every method).
//!
//! **Stability.** On a quadratic direction of curvature λ the post's momentum is
//! stable for ηλ < 2(1 + γ), NAG only for ηλ < 2(1 + γ)/(1 + 2γ) (3.8 vs 1.36 at
//! γ = 0.9): the lookahead brakes oscillations but tolerates a smaller η.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 04. With
//! `default-features = false` this crate is the method alone, depending on optcore
//! and momentum's method only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(
    not(feature = "lessons"),
    doc = "",
    doc = "[`examples::Crosswalk`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::Result;
use optcore::quantity;
use optcore::torch_ops::add_scaled;
use optcore::{check_step, Convention, Field, Optimizer, Oracle, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of NAG, momentum's own defaults: `paper` η = 0.01, γ = 0.9;
    /// `pytorch` lr = 1e-3, μ = 0.9.
    pub struct Nag("nag") {
        /// The learning rate η.
        lr = { paper: 0.01, pytorch: 1e-3 };
        /// γ (torch's μ with `nesterov=True`).
        momentum = 0.9;
    }
}

impl Nag {
    /// φ = θ − γv (`paper`) or θ (`pytorch`) into `point`: the one place the
    /// lookahead is computed ([`Optimizer::step`] and [`Optimizer::gradient_point`]).
    fn lookahead_point(
        &self,
        theta: ArrayView1<f64>,
        velocity: ArrayView1<f64>,
        point: ArrayViewMut1<f64>,
    ) {
        match self.convention {
            Convention::Paper => {
                let gamma = self.momentum;
                Zip::from(point)
                    .and(&theta)
                    .and(&velocity)
                    .for_each(|p, &x, &v| *p = x - gamma * v);
            }
            Convention::Pytorch => {
                let mut point = point;
                point.assign(&theta);
            }
        }
    }

    /// The lookahead θ − γv (`paper`) or θ (`pytorch`): [`Optimizer::gradient_point`]
    /// into a new vector.
    pub fn lookahead(&self, state: &NagState, theta: ArrayView1<f64>) -> Result<Array1<f64>> {
        let mut point = Array1::zeros(theta.len());
        self.gradient_point(state, theta, point.view_mut())?;
        Ok(point)
    }
}

/// State of NAG.
#[derive(Debug, Clone, PartialEq)]
pub struct NagState {
    pub t: usize,
    /// Where the last gradient was taken: $\varphi_t = \theta_{t-1} - \gamma v_{t-1}$
    /// (`paper`) or the iterate $\theta'_{t-1}$ (`pytorch`).
    pub lookahead: Staged,
    /// $g_t$, the gradient at `lookahead`.
    pub grad: Staged,
    /// `paper`: the velocity $v_t$. `pytorch`: torch's `momentum_buffer` $b_t$.
    pub velocity: Array1<f64>,
    /// The loss the optimizer saw at `lookahead`.
    pub seen_loss: f64,
}

/// What one NAG step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct NagRecord {
    pub convention: Convention,
    pub lookahead: Array1<f64>,
    pub grad: Array1<f64>,
    pub velocity: Array1<f64>,
    pub seen_loss: f64,
}

impl Record for NagRecord {
    fn fields(&self) -> Vec<Field> {
        let (look, v) = match self.convention {
            Convention::Paper => (
                Field::of(quantity::LOOKAHEAD, self.lookahead.view()),
                Field::of(quantity::VELOCITY, self.velocity.view()),
            ),
            Convention::Pytorch => (
                Field::of(quantity::NESTEROV_ITERATE, self.lookahead.view()),
                Field::of(quantity::MOMENTUM_BUFFER, self.velocity.view()),
            ),
        };
        vec![
            look,
            Field::of(quantity::GRAD, self.grad.view()),
            v,
            Field::scalar_of(quantity::SEEN_LOSS, self.seen_loss),
        ]
    }
}

impl Nag {
    /// One step of the post's NAG (Sutskever et al. 2013's form), after `step` has
    /// staged the lookahead and evaluated the gradient there:
    ///
    /// ```text
    /// φₜ ← θₜ₋₁ − γ vₜ₋₁           (lookahead, recorded; done by `step`)
    /// gₜ ← ∇J(φₜ)                   (done by `step`)
    /// vₜ ← γ vₜ₋₁ + η gₜ            (velocity)
    /// θₜ ← θₜ₋₁ − vₜ
    /// ```
    fn step_paper(&self, s: &mut NagState, theta: ArrayViewMut1<f64>) {
        let (lr, gamma) = (self.lr, self.momentum);
        Zip::from(theta)
            .and(&mut s.velocity)
            .and(&*s.grad)
            .for_each(|x, v, &g| {
                *v = gamma * *v + lr * g;
                *x -= *v;
            });
    }

    /// One step of torch's `_single_tensor_sgd` with `nesterov=True` (dampening 0,
    /// weight decay 0), after `step` has evaluated the gradient at the iterate:
    ///
    /// ```text
    /// gₜ ← ∇J(θ'ₜ₋₁)                (the gradient is taken at the iterate itself; done by `step`)
    /// bₜ ← gₜ if t = 1, else μ bₜ₋₁ + gₜ      (buf.mul_(μ).add_(g))
    /// dₜ ← gₜ + μ bₜ                (grad.add(buf, alpha=μ): one fused multiply-add)
    /// θ'ₜ ← θ'ₜ₋₁ − lr·dₜ           (param.add_(d, alpha=−lr): one fused multiply-add)
    /// ```
    fn step_pytorch(&self, s: &mut NagState, theta: ArrayViewMut1<f64>, t: usize) {
        let (lr, gamma) = (self.lr, self.momentum);
        let first = t == 1;
        Zip::from(theta)
            .and(&mut s.velocity)
            .and(&*s.grad)
            .for_each(|x, b, &g| {
                // buf.mul_(μ).add_(g); g = g.add(buf, alpha=μ); param.add_(g, alpha=-lr)
                *b = if first {
                    g
                } else {
                    add_scaled(*b * gamma, 1.0, g)
                };
                let d = add_scaled(g, gamma, *b);
                *x = add_scaled(*x, -lr, d);
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Nag);

impl Optimizer for Nag {
    optcore::declared_methods!();
    type State = NagState;
    type Record = NagRecord;

    fn init(&self, theta: ArrayView1<f64>) -> NagState {
        NagState {
            t: 0,
            lookahead: Staged::new(theta.to_owned()),
            grad: Staged::zeros(theta.len()),
            velocity: Array1::zeros(theta.len()),
            seen_loss: f64::NAN,
        }
    }
    fn step(
        &self,
        s: &mut NagState,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        // Where the gradient is taken: the lookahead φₜ = θₜ₋₁ − γ vₜ₋₁ (`paper`) or
        // the iterate θ'ₜ₋₁ itself (`pytorch`). Staged, and committed only once the
        // evaluation has succeeded: a failed evaluation leaves the state unchanged.
        self.lookahead_point(theta.view(), s.velocity.view(), s.lookahead.stage());
        let at = s.lookahead.staged();
        s.seen_loss = s.grad.eval(oracle, t, at)?;
        s.lookahead.commit();
        match self.convention {
            Convention::Paper => self.step_paper(s, theta),
            Convention::Pytorch => self.step_pytorch(s, theta, t),
        }
        s.t = t;
        Ok(())
    }
    /// Where NAG takes its next gradient, for the plain form
    /// [`Optimizer::update`]: the post's lookahead $\varphi_t = \theta_{t-1} -
    /// \gamma v_{t-1}$ (`paper`), or the iterate itself (`pytorch`). Computed as
    /// [`Optimizer::step`] computes it, so `update` with $\nabla J$ there gives
    /// `step`'s numbers to the last bit. Allocation free.
    fn gradient_point(
        &self,
        state: &NagState,
        theta: ArrayView1<f64>,
        point: ArrayViewMut1<f64>,
    ) -> Result<()> {
        optcore::error::check_dim(
            "lookahead: θ against the state",
            state.velocity.len(),
            theta.len(),
        )?;
        optcore::error::check_dim("lookahead: the output against θ", theta.len(), point.len())?;
        self.lookahead_point(theta, state.velocity.view(), point);
        Ok(())
    }

    fn record(&self, s: &NagState) -> NagRecord {
        NagRecord {
            convention: self.convention,
            lookahead: s.lookahead.view().to_owned(),
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
    fn the_gradient_is_taken_at_the_lookahead() {
        let opt = Nag {
            lr: 0.4,
            momentum: 0.5,
            ..Nag::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), reference_start().view(), 2).unwrap();
        let r1 = tr.rows[1].record.as_ref().unwrap();
        let r2 = tr.rows[2].record.as_ref().unwrap();
        // Step 1: v₀ = 0, so the lookahead is θ₀ itself.
        assert_eq!(r1.lookahead, reference_start());
        // Step 2: lookahead θ₁ − γv₁, gradient (0.2x, 4y) there.
        let th1 = &tr.rows[1].theta;
        let look = array![th1[0] - 0.5 * r1.velocity[0], th1[1] - 0.5 * r1.velocity[1]];
        assert_eq!(r2.lookahead, look);
        assert_eq!(
            r2.grad,
            array![0.1 * (2.0 * look[0]), 2.0 * (2.0 * look[1])]
        );
    }

    #[test]
    fn momentum_outside_the_unit_interval_is_refused() {
        for bad in [1.0, -0.5, f64::INFINITY] {
            let e = Nag {
                lr: 0.1,
                momentum: bad,
                ..Nag::defaults(Convention::Pytorch)
            }
            .validated()
            .unwrap_err()
            .to_string();
            assert!(e.ends_with("momentum must be in [0, 1)"), "{e}");
        }
        let flags = Flags {
            lr: Some(-1.0),
            ..Flags::default()
        };
        assert!(Nag::from_flags(Convention::Paper, &flags).is_err());
        let d = Nag::from_flags(Convention::Paper, &Flags::default()).unwrap();
        assert_eq!((d.lr, d.momentum), (0.01, 0.9));
    }
}
