//! # Gradient Descent (경사 하강법)
//!
//! ## Quick start: on your own model
//!
//! The plain form [`optcore::Optimizer::update`] takes a gradient you computed,
//! as a torch or optax training loop does. Least squares on four rows, fitting
//! $\theta_0 + \theta_1 x \approx y$ to $y = 1 + 2x$ with
//! $\nabla J = X^\top (X\theta - y)/n$:
//!
//! ```
//! use gd::Sgd;
//! use optcore::ndarray::{array, Array1};
//! use optcore::{Convention, Optimizer};
//!
//! let x = array![[1.0, 0.0], [1.0, 1.0], [1.0, 2.0], [1.0, 3.0]];
//! let y = array![1.0, 3.0, 5.0, 7.0];
//! let opt = Sgd { lr: 0.2, ..Sgd::defaults(Convention::Paper) }.validated()?;
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
//! $$\theta_{t+1} = \theta_t - \eta\\,\nabla_\theta J(\theta_t)$$
//!
//! From the current position, move against the gradient by the learning rate η.
//! Batch, stochastic and mini-batch GD are this one update; they differ only in
//! the data the gradient is averaged over (all N examples, one example
//! $(x^{(i)}, y^{(i)})$, or a mini-batch of m), which is the oracle's business
//! (see the `batching` crate), not the optimizer's.
//!
//! ```text
//! input: η > 0, θ₀, oracle
//! for t = 1, 2, …
//!     gₜ ← ∇J(θₜ₋₁)            (exact, or the mean over this step's batch)
//!     θₜ ← θₜ₋₁ − η gₜ
//! ```
//!
//! The `paper` and `pytorch` conventions coincide for plain SGD
//! (`torch.optim.SGD(lr=η)` with momentum 0, dampening 0, weight decay 0).
//!
//! ## Batch, stochastic and mini-batch GD
//!
//! [`MiniBatchGd`] runs [`Sgd`] on a data loss through a
//! [`batching::MiniBatchOracle`]: batch size $m = N$ is batch GD (one update per
//! pass over the data), $m = 1$ is stochastic GD,
//! $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t; x^{(i)}, y^{(i)})$
//! ($N$ updates per pass), anything between is mini-batch GD. See [`minibatch`].
//!
//! [`examples`] holds what the notebook `02-gradient-descent.ipynb` shows: two
//! steps by hand, the three variants on the iris data, the learning-rate
//! sensitivity. Wall-clock cost per epoch is measured by `cargo bench -p gd`
//! (`benches/updates.rs`), never in the notebook.
//!
//! ## Features
//!
//! `lessons` (default): the examples and exercises of notebook 02, with
//! `minibatch`; `minibatch`: [`MiniBatchGd`] over the `batching` crate's
//! mini-batches; `hessian` adds the lessons that read a Hessian (nalgebra). With
//! `default-features = false` this crate is [`Sgd`] alone, depending on optcore only.
// Without the lessons, a link above to them points at this section (the empty
// line ends the paragraph, so that the definition is one).
#![cfg_attr(not(feature = "lessons"), doc = "", doc = "[`examples`]: #features")]
#![cfg_attr(
    not(feature = "minibatch"),
    doc = "",
    doc = "[`MiniBatchGd`]: #features",
    doc = "[`minibatch`]: #features",
    doc = "[`batching::MiniBatchOracle`]: #features"
)]

#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
#[cfg(feature = "minibatch")]
pub mod minibatch;

#[cfg(feature = "minibatch")]
pub use minibatch::{variant, MiniBatchGd, Training};

use ndarray::{ArrayView1, ArrayViewMut1, Zip};
use optcore::error::Result;
use optcore::quantity;
use optcore::torch_ops::add_scaled;
use optcore::{check_step, Field, Optimizer, Oracle, Record, Staged};

optcore::hyperparameters! {
    /// Hyperparameters of gradient descent. Built like every optimizer here, from a
    /// convention's defaults: `Sgd { lr: 0.4, ..Sgd::defaults(Convention::Paper) }`.
    /// `pytorch` takes `torch.optim.SGD`'s default `lr = 1e-3`; the post gives no
    /// value, so `paper` uses 0.01 (the post's usual η for Adagrad). Only the
    /// default η depends on the convention: the update is the same in both.
    pub struct Sgd("sgd") {
        /// The learning rate η (`lr` must be finite and > 0).
        lr = { paper: 0.01, pytorch: 1e-3 };
    }
}

/// State of gradient descent: the step count and the last gradient.
#[derive(Debug, Clone, PartialEq)]
pub struct SgdState {
    pub t: usize,
    /// $g_t = \nabla J(\theta_{t-1})$ of the last step.
    pub grad: Staged,
    /// The loss the optimizer saw at $\theta_{t-1}$ (a mini-batch loss if stochastic).
    pub seen_loss: f64,
}

/// A step record is the whole state: nothing is kept for the record alone.
pub type SgdRecord = SgdState;

impl Record for SgdState {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::scalar_of(quantity::SEEN_LOSS, self.seen_loss),
        ]
    }
}

// η is the `lr` field: a learning-rate schedule (the `schedule` crate) sets it.
optcore::learning_rate_field!(Sgd);

impl Optimizer for Sgd {
    optcore::declared_methods!();
    type State = SgdState;
    type Record = SgdRecord;

    fn init(&self, theta: ArrayView1<f64>) -> SgdState {
        SgdState {
            t: 0,
            grad: Staged::zeros(theta.len()),
            seen_loss: f64::NAN,
        }
    }
    fn step(
        &self,
        s: &mut SgdState,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_step(self, theta.view(), s.grad.len(), oracle)?;
        let t = s.t + 1;
        s.seen_loss = s.grad.eval(oracle, t, theta.view())?;
        // θ − ηg rounded once, as torch's `param.add_(grad, alpha=-lr)` rounds it
        // (bit-identical to the torch reference trace).
        let neg_lr = -self.lr;
        Zip::from(theta)
            .and(&*s.grad)
            .for_each(|x, &g| *x = add_scaled(*x, neg_lr, g));
        s.t = t;
        Ok(())
    }
    fn record(&self, s: &SgdState) -> SgdRecord {
        s.clone()
    }
}

#[cfg(test)]
mod tests {
    use optcore::LearningRate;

    /// `learning_rate_field!` reads and sets `lr` and validates the copy.
    #[test]
    fn learning_rate_is_the_lr_field() {
        let opt = Sgd::defaults(Convention::Pytorch);
        assert_eq!(opt.lr(), Some(opt.lr));
        let set = opt.with_lr(0.25).unwrap();
        assert_eq!(set, Sgd { lr: 0.25, ..opt });
        for bad in [0.0, -0.1, f64::NAN] {
            let e = opt.with_lr(bad).unwrap_err().to_string();
            assert!(e.contains("lr"), "{e}");
        }
    }
    use super::*;
    use ndarray::array;
    use optcore::Convention;
    use optcore::{run, Quadratic};

    #[test]
    fn one_step_by_hand() {
        let tr = run(
            &Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
            Quadratic::reference(),
            array![-5.0, -2.0].view(),
            1,
        )
        .unwrap();
        // ∇(0.1x² + 2y²) = (0.2x, 4y) = (-1, -8); θ₁ = θ₀ − 0.4·g.
        assert_eq!(tr.rows[1].theta, array![-5.0 + 0.4, -2.0 + 3.2]);
    }

    #[test]
    fn bad_lr_is_refused() {
        assert!(Sgd {
            lr: 0.0,
            ..Sgd::defaults(Convention::Paper)
        }
        .validated()
        .is_err());
        assert!(Sgd {
            lr: f64::NAN,
            ..Sgd::defaults(Convention::Paper)
        }
        .validated()
        .is_err());
        let bad = Sgd {
            lr: -1.0,
            ..Sgd::defaults(Convention::Paper)
        };
        assert!(run(&bad, Quadratic::reference(), array![1.0, 1.0].view(), 3).is_err());
    }

    /// `optcore::run_to_completion` returns, as its error, the fault that `run`
    /// keeps in the trace: η = 20 on $2y^2$ multiplies y by −79 per step.
    #[test]
    fn run_to_completion_returns_the_fault() {
        let opt = Sgd {
            lr: 20.0,
            ..Sgd::defaults(Convention::Paper)
        };
        let start = optcore::reference_start();
        let tr = run(&opt, Quadratic::reference(), start.view(), 1000).unwrap();
        let fault = tr.stop.expect("the run diverges");
        let e = optcore::run_to_completion(&opt, Quadratic::reference(), start.view(), 1000);
        assert_eq!(e.unwrap_err(), fault);
    }
}
