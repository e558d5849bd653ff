//! # Adagrad (Adaptive Gradient)
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use adagrad::Adagrad;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Adagrad { lr: 1.0, ..Adagrad::defaults(Convention::Paper) }.validated()?;
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
//! Plain gradient descent gives every parameter the same learning rate,
//! $\theta_{t+1,i} = \theta_{t,i} - \eta\\,g_{t,i}$. Adagrad gives each parameter its
//! own: it keeps, per parameter, the sum of its squared gradients so far,
//!
//! $$G_{t,ii} = g_{1,i}^2 + g_{2,i}^2 + \dots + g_{t,i}^2,$$
//!
//! the diagonal of the matrix $G_t = \sum_{\tau \le t} g_\tau g_\tau^\top$, and divides
//! the step by its root:
//!
//! $$\theta_{t+1,i} = \theta_{t,i} - \frac{\eta}{\sqrt{G_{t,ii} + \epsilon}}\\,g_{t,i},
//! \qquad
//! \theta_{t+1} = \theta_t - \frac{\eta}{\sqrt{G_t + \epsilon}} \odot g_t .$$
//!
//! A parameter that was updated often (large $G_{t,ii}$) takes smaller steps; a
//! rarely-updated one (a sparse feature) keeps a large rate. The price: under a
//! steady gradient $G_{t,ii}$ grows like $t$, so the rate decays like $1/\sqrt t$
//! and the method stalls (see [`examples`]).
//!
//! ```text
//! input: η > 0 (lr), ε ≥ 0 (eps), lr_decay ≥ 0, G₀ = initial_accumulator_value ≥ 0
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)
//!     ηₜ ← η / (1 + (t − 1)·lr_decay)                    (ηₜ = η when lr_decay = 0)
//!     Gₜ ← Gₜ₋₁ + gₜ²                                    (element-wise: the diagonal)
//!     paper:   θₜ ← θₜ₋₁ − ηₜ / √(Gₜ + ε) ⊙ gₜ            (ε inside the root)
//!     pytorch: θₜ ← θₜ₋₁ − ηₜ·gₜ / (√Gₜ + ε)              (ε outside the root)
//!
//! defaults   paper (post, Ruder 2016)     pytorch (torch.optim.Adagrad)
//! lr         0.01                          0.01
//! eps        1e-8                          1e-10
//! lr_decay   0                             0
//! G₀         0                             0 (initial_accumulator_value)
//! ```
//!
//! ## The two conventions
//! The post (and Ruder's overview it follows) puts ε inside the root,
//! $\eta/\sqrt{G + \epsilon}$; `torch.optim.Adagrad` adds it after the root,
//! $\eta/(\sqrt{G} + \epsilon)$. For $G \gg \epsilon$ they agree; they part when ε is
//! large next to $G$ (small gradients, first steps, a large ε): on the first step
//! $\sqrt{g^2 + \epsilon}$ vs $|g| + \epsilon$. The `pytorch` convention repeats
//! torch's single-tensor code path operation by operation:
//! `state_sum.addcmul_(grad, grad, value=1)`, `std = state_sum.sqrt().add_(eps)`,
//! `param.addcdiv_(grad, std, value=-clr)`, where ATen's CPU `addcdiv` computes
//! `param + (value·grad)/std`.
//!
//! ## A zero denominator
//! With ε = 0, a parameter whose gradients have all been exactly 0 so far has
//! $G_{t,ii} = 0$: its rate is $\eta/0$ and its update $0/0$ (torch writes NaN into
//! θ there). Here the run stops at that step with [`optcore::Error::ZeroEps`], whose
//! message names ε; every earlier row is kept. Give ε > 0.

//!
//! ## Checked against
//! `paper`: the shared reference trace `paper-adagrad-quadratic` (the post's
//! equations in numpy), to 1e-9 relative (`tests/reference.rs`, and `optrace`'s
//! reference test). `pytorch`: there is no torch Adagrad trace in
//! `crates/optcore/reference`, so `tests/reference.rs` holds the convention bit for bit to
//! an independent plain-loop transcription of torch's `_single_tensor_adagrad`
//! with ATen's CPU rounding (`addcmul` fused, as [`optcore::torch_ops`] does it)
//! on five cases (quadratic, Rosenbrock, Beale; with and without `lr_decay` and
//! `initial_accumulator_value`).
//!
//! ## Features
//!
//! `lessons` (default): the examples, exercises and sparse data of notebook 05;
//! `matrices` adds the full matrix G (nalgebra). With `default-features = false`
//! this crate is the method alone, depending on optcore only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(not(feature = "lessons"), doc = "", doc = "[`examples`]: #features")]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
#[cfg(feature = "lessons")]
pub mod sparse;

use ndarray::{Array1, ArrayView1, ArrayViewMut1, Zip};
use optcore::error::check_non_negative;
use optcore::pieces;
use optcore::quantity;
use optcore::torch_ops;
use optcore::{Convention, Field, Optimizer, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of Adagrad (the defaults of each convention: see the table
    /// in the crate docs).
    pub struct Adagrad("adagrad") {
        /// The global learning rate η.
        lr = 0.01;
        /// ε: inside the root (`paper`) or added to the root (`pytorch`).
        eps = { paper: 1e-8, pytorch: 1e-10 };
        /// torch's `lr_decay`: $\eta_t = \eta / (1 + (t-1)\\,\text{lr\_decay})$.
        lr_decay = 0.0, listed if nonzero, check check_non_negative, no flag;
        /// $G_0$, torch's `initial_accumulator_value`.
        initial_accumulator_value = 0.0, listed if nonzero, check check_non_negative, no flag;
    }
}

impl Adagrad {
    /// $\eta_t = \eta / (1 + (t-1)\\,\text{lr\_decay})$, as torch computes `clr`.
    pub fn lr_at(&self, t: usize) -> f64 {
        self.lr / (1.0 + (t as f64 - 1.0) * self.lr_decay)
    }

    /// The effective per-parameter rate for a sum of squares `g_sum` at step `t`:
    /// $\eta_t/\sqrt{G + \epsilon}$ (paper) or $\eta_t/(\sqrt G + \epsilon)$ (pytorch);
    /// $+\infty$ for a zero denominator.
    pub fn effective_lr(&self, t: usize, g_sum: f64) -> f64 {
        let denom = match self.convention {
            Convention::Paper => (g_sum + self.eps).sqrt(),
            Convention::Pytorch => g_sum.sqrt() + self.eps,
        };
        if denom == 0.0 {
            f64::INFINITY
        } else {
            self.lr_at(t) / denom
        }
    }
}

/// State of Adagrad: everything the post names, per parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct AdagradState {
    pub t: usize,
    /// $g_t$ of the last step.
    pub grad: Staged,
    /// $G_{t,ii}$: the sum of squared gradients (the diagonal of $G_t$; torch's `sum`).
    pub sum_sq_grad: Array1<f64>,
    /// The per-parameter rate of the last step, $\eta_t/\sqrt{G_{t,ii}+\epsilon}$
    /// (or torch's $\eta_t/(\sqrt{G_{t,ii}}+\epsilon)$).
    pub effective_lr: Array1<f64>,
    /// $\Delta\theta_t = \theta_t - \theta_{t-1}$.
    pub update: Array1<f64>,
}

/// A step record is the whole state: nothing is kept for the record alone.
pub type AdagradRecord = AdagradState;

impl Record for AdagradState {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::SUM_SQ_GRAD, self.sum_sq_grad.view()),
            Field::of(quantity::EFFECTIVE_LR, self.effective_lr.view()),
            Field::of(quantity::UPDATE, self.update.view()),
        ]
    }
}

impl Adagrad {
    /// One step of Adagrad as the post (and Ruder) write it, ε inside the root,
    /// after `step` has evaluated gₜ:
    ///
    /// ```text
    /// ηₜ ← η / (1 + (t − 1)·lr_decay)                    (ηₜ = η when lr_decay = 0)
    /// Gₜ ← Gₜ₋₁ + gₜ²                                    (element-wise: the diagonal)
    /// θₜ ← θₜ₋₁ − ηₜ / √(Gₜ + ε) ⊙ gₜ
    /// ```
    fn step_paper(&self, s: &mut AdagradState, theta: ArrayViewMut1<f64>, t: usize) {
        let lr_t = self.lr_at(t);
        let eps = self.eps;
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.sum_sq_grad)
            .and(&mut s.effective_lr)
            .and(&mut s.update)
            .for_each(|x, &g, big_g, lr_eff, d| {
                *big_g = pieces::accumulate_sq(*big_g, g);
                // G = ε = 0 (every gradient so far 0) makes this η/0: the run
                // stops there with an error naming ε (optcore's run loop).
                *lr_eff = lr_t / pieces::rms(*big_g, eps);
                *d = -(*lr_eff * g);
                *x += *d;
            });
    }

    /// One step of torch's `_single_tensor_adagrad`, ε added to the root, after
    /// `step` has evaluated `grad`:
    ///
    /// ```text
    /// clr = lr / (1 + (step - 1) * lr_decay)
    /// state_sum.addcmul_(grad, grad, value=1)
    /// std = state_sum.sqrt().add_(eps)
    /// param.addcdiv_(grad, std, value=-clr)
    /// ```
    ///
    /// with ATen's CPU rounding: `addcmul` fused ([`optcore::torch_ops`]), `addcdiv`
    /// as `param + (value·grad)/std`.
    fn step_pytorch(&self, s: &mut AdagradState, theta: ArrayViewMut1<f64>, t: usize) {
        let lr_t = self.lr_at(t);
        let eps = self.eps;
        Zip::from(theta)
            .and(&*s.grad)
            .and(&mut s.sum_sq_grad)
            .and(&mut s.effective_lr)
            .and(&mut s.update)
            .for_each(|x, &g, big_g, lr_eff, d| {
                *big_g = torch_ops::addcmul(*big_g, 1.0, g, g); // state_sum.addcmul_(grad, grad, value=1)
                let std = big_g.sqrt() + eps; // state_sum.sqrt().add_(eps)
                *lr_eff = lr_t / std;
                *d = (-lr_t * g) / std; // addcdiv_: param + (value·grad)/std (a division does not fuse)
                *x += *d;
            });
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Adagrad);

impl Optimizer for Adagrad {
    optcore::declared_methods!();
    type State = AdagradState;
    type Record = AdagradRecord;

    fn init(&self, theta: ArrayView1<f64>) -> AdagradState {
        let n = theta.len();
        AdagradState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            sum_sq_grad: Array1::from_elem(n, self.initial_accumulator_value),
            effective_lr: Array1::zeros(n),
            update: Array1::zeros(n),
        }
    }
    optcore::step_by_convention!(AdagradState);
    fn record(&self, s: &AdagradState) -> AdagradRecord {
        s.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;
    use optcore::{reference_start, run, FnObjective, Quadratic};

    #[test]
    fn first_step_by_hand() {
        let opt = Adagrad {
            lr: 0.4,
            eps: 0.1,
            ..Adagrad::defaults(Convention::Paper)
        };
        let tr = run(&opt, Quadratic::reference(), reference_start().view(), 1).unwrap();
        // g = (0.2x, 4y) = (−1, −8); G = (1, 64); θ₁ = θ₀ − 0.4/√(G+0.1)·g.
        let want = array![
            -5.0 + 0.4 / (1.1f64).sqrt(),
            -2.0 + 0.4 / (64.1f64).sqrt() * 8.0
        ];
        assert!((&tr.rows[1].theta - &want).iter().all(|d| d.abs() < 1e-15));
    }

    #[test]
    fn bad_hyperparameters_are_refused() {
        assert!(Adagrad {
            lr: 0.0,
            eps: 1e-8,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()
        .is_err());
        let e = Adagrad {
            lr: 0.1,
            eps: -1e-8,
            ..Adagrad::defaults(Convention::Paper)
        }
        .validated()
        .unwrap_err()
        .to_string();
        assert_eq!(
            e,
            "invalid eps = -0.00000001: eps must be a finite number >= 0"
        );
        assert!(Adagrad {
            lr: 0.1,
            eps: 1e-10,
            lr_decay: -1.0,
            initial_accumulator_value: 0.0,
            ..Adagrad::defaults(Convention::Pytorch)
        }
        .validated()
        .is_err());
        assert!(Adagrad {
            lr: 0.1,
            eps: 1e-10,
            lr_decay: 0.0,
            initial_accumulator_value: f64::NAN,
            ..Adagrad::defaults(Convention::Pytorch)
        }
        .validated()
        .is_err());
    }

    #[test]
    fn zero_denominator_stops_the_run_naming_eps() {
        // J(x, y) = y²: x never sees a gradient; with ε = 0 its G stays 0, and its
        // rate η/√0 is infinite at step 1. The run keeps its start and names ε.
        let j = FnObjective::new(
            "y²",
            2,
            |t| t[1] * t[1],
            |t, mut g| {
                g[0] = 0.0;
                g[1] = 2.0 * t[1];
            },
        );
        for conv in [Convention::Paper, Convention::Pytorch] {
            let opt = Adagrad {
                eps: 0.0,
                ..Adagrad::defaults(conv)
            };
            let tr = run(&opt, &j, array![1.0, 1.0].view(), 3).unwrap();
            assert_eq!(tr.rows.len(), 1, "{conv}");
            let e = tr.stop.clone().unwrap();
            assert!(
                matches!(e, optcore::Error::ZeroEps { step: 1, .. }),
                "{e:?}"
            );
            assert!(e.to_string().contains("eps > 0"), "{e}");
        }
    }
}
