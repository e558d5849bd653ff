//! A network with one hidden layer, as a loss over its flat parameter vector, so
//! that every optimizer of the course trains it unchanged.
//!
//! For an example $x \in \mathbb{R}^d$ with class $y$:
//! $$a = W_1 x + b_1,\quad h = \sigma(a),\quad z = W_2 h + b_2,\quad
//! L(x, \theta) = \log\textstyle\sum_c e^{z_c} - z_y,$$
//! with $\sigma = \tanh$ or $\mathrm{ReLU}$, $W_1 \in \mathbb{R}^{H\times d}$,
//! $W_2 \in \mathbb{R}^{K\times H}$. The backward pass is the chain rule, layer by
//! layer from the loss back to the input:
//! $$\frac{\partial L}{\partial z} = p - e_y \;(p = \mathrm{softmax}(z)),\quad
//! \frac{\partial L}{\partial W_2} = \frac{\partial L}{\partial z} h^\top,\quad
//! \frac{\partial L}{\partial h} = W_2^\top \frac{\partial L}{\partial z},\quad
//! \frac{\partial L}{\partial a} = \frac{\partial L}{\partial h} \odot \sigma'(a),\quad
//! \frac{\partial L}{\partial W_1} = \frac{\partial L}{\partial a} x^\top,$$
//! and the biases take $\partial L/\partial z$ and $\partial L/\partial a$.
//!
//! $\theta$ is laid out as $W_1$ (row by row), $b_1$, $W_2$ (row by row), $b_2$:
//! the order of the `--init` file of `optrace --problem digits-mlp`.

mod dropout;
pub mod files;
mod inspect;
mod pass;
mod single;

pub use dropout::{Dropout, Dropped};
pub use inspect::ExamplePass;
pub use pass::NetFloat;
pub use single::Mlp32;

use crate::data::{Dataset, ExampleLoss, MAX_CLASSES};
use crate::error::{Error, Result};
use ndarray::{Array1, ArrayView1, ArrayViewMut1};
use pass::{Forward, Shape};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};

/// The widest hidden layer (its activations live in a stack buffer, so that one
/// example's gradient allocates nothing).
pub const MAX_HIDDEN: usize = 512;

/// The hidden layer's nonlinearity $\sigma$.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Activation {
    /// $\tanh a$, with $\sigma'(a) = 1 - \tanh^2 a$.
    Tanh,
    /// $\max(a, 0)$, with $\sigma'(a) = 1$ for $a > 0$, else 0.
    Relu,
}

/// Softmax cross-entropy of a one-hidden-layer network on a data set whose
/// targets are class indices.
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp {
    pub data: Dataset,
    pub hidden: usize,
    pub classes: usize,
    pub activation: Activation,
}

impl Mlp {
    /// A network with `hidden` units over `data`, whose targets must be class
    /// indices below `classes`. A width of 0 or above [`MAX_HIDDEN`], or more
    /// classes than 16, is an [`Error::Hyperparameter`]; a target that is not a
    /// class index, an [`Error::Parse`].
    pub fn new(
        data: Dataset,
        hidden: usize,
        classes: usize,
        activation: Activation,
    ) -> Result<Mlp> {
        if !(1..=MAX_HIDDEN).contains(&hidden) {
            return Err(Error::Hyperparameter {
                name: "hidden",
                value: hidden as f64,
                accepts: "a hidden width from 1 to 512",
            });
        }
        if !(2..=MAX_CLASSES).contains(&classes) {
            return Err(Error::Hyperparameter {
                name: "classes",
                value: classes as f64,
                accepts: "2 to 16 classes",
            });
        }
        data.check_classes("network targets", classes)?;
        Ok(Mlp {
            data,
            hidden,
            classes,
            activation,
        })
    }

    fn inputs(&self) -> usize {
        self.data.features.ncols()
    }

    /// The sizes the passes need.
    fn shape(&self) -> Shape {
        Shape {
            d: self.inputs(),
            h: self.hidden,
            k: self.classes,
            activation: self.activation,
        }
    }

    /// Where $W_1$, $b_1$, $W_2$, $b_2$ start in $\theta$.
    fn offsets(&self) -> (usize, usize, usize) {
        self.shape().offsets()
    }

    /// Initial parameters as torch's `nn.Linear` draws them: every weight and
    /// bias of a layer uniform in $\pm 1/\sqrt{\text{fan-in}}$, from a ChaCha8
    /// generator seeded with `seed` (53 random bits per value).
    pub fn init(&self, seed: u64) -> Array1<f64> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut uniform = |bound: f64| {
            let u = (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            (2.0 * u - 1.0) * bound
        };
        let (d, h) = (self.inputs() as f64, self.hidden as f64);
        let (_, w2, _) = self.offsets();
        (0..self.num_params())
            .map(|i| uniform(1.0 / if i < w2 { d } else { h }.sqrt()))
            .collect()
    }

    fn forward(&self, i: usize, theta: ArrayView1<f64>) -> Forward<f64> {
        self.forward_masked(i, theta, None)
    }

    /// The forward pass with the hidden layer's outputs multiplied by `mask`
    /// (dropout's $m_j \in \{0, 1/(1-p)\}$; `None`: every unit as it is).
    /// `Forward::h` keeps the unmasked $h$, which $\sigma'$ needs.
    fn forward_masked(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        mask: Option<&[f64; MAX_HIDDEN]>,
    ) -> Forward<f64> {
        let x = self.data.features.row(i);
        with_slice(x, |x| {
            with_slice(theta, |theta| pass::forward(&self.shape(), x, theta, mask))
        })
    }

    /// The predicted class of example `i`: the largest logit (the first, on a tie).
    pub fn predict(&self, i: usize, theta: ArrayView1<f64>) -> usize {
        let f = self.forward(i, theta);
        (0..self.classes).fold(0, |best, c| if f.z[c] > f.z[best] { c } else { best })
    }

    /// The share of `rows` whose prediction is their class.
    pub fn accuracy(&self, rows: &[usize], theta: ArrayView1<f64>) -> f64 {
        let right = rows
            .iter()
            .filter(|&&i| self.predict(i, theta) as f64 == self.data.targets[i])
            .count();
        right as f64 / rows.len().max(1) as f64
    }
}

impl ExampleLoss for Mlp {
    fn loss_name(&self) -> String {
        let act = match self.activation {
            Activation::Tanh => "tanh",
            Activation::Relu => "ReLU",
        };
        format!(
            "{}–{}–{} {act} network on {}",
            self.inputs(),
            self.hidden,
            self.classes,
            self.data.name
        )
    }
    fn len(&self) -> usize {
        self.data.len()
    }
    fn num_params(&self) -> usize {
        let (d, h, k) = (self.inputs(), self.hidden, self.classes);
        h * d + h + k * h + k
    }
    fn example_loss(&self, i: usize, theta: ArrayView1<f64>) -> f64 {
        self.masked_loss(i, theta, None)
    }
    fn add_example_gradient(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        scale: f64,
        grad: ArrayViewMut1<f64>,
    ) -> f64 {
        self.add_masked_gradient(i, theta, scale, grad, None)
    }
}

/// `f` of the view's values as a slice: the view itself where it is contiguous
/// (every view the course makes), else a copy.
fn with_slice<T>(v: ArrayView1<f64>, f: impl FnOnce(&[f64]) -> T) -> T {
    match v.as_slice() {
        Some(s) => f(s),
        None => f(&v.to_vec()),
    }
}

impl Mlp {
    /// $L(x_i, \theta)$ with the hidden outputs multiplied by `mask`.
    fn masked_loss(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        mask: Option<&[f64; MAX_HIDDEN]>,
    ) -> f64 {
        let f = self.forward_masked(i, theta, mask);
        f.lse - f.z[self.data.targets[i] as usize]
    }

    /// [`ExampleLoss::add_example_gradient`] with the hidden outputs multiplied by
    /// `mask` ([`Mlp::forward_masked`]): $\partial L/\partial W_2$ sees $h \odot m$,
    /// and $\partial L/\partial h = m \odot W_2^\top \partial L/\partial z$.
    fn add_masked_gradient(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        scale: f64,
        mut grad: ArrayViewMut1<f64>,
        mask: Option<&[f64; MAX_HIDDEN]>,
    ) -> f64 {
        let shape = self.shape();
        let y = self.data.targets[i] as usize;
        with_slice(self.data.features.row(i), |x| {
            with_slice(theta, |theta| match grad.as_slice_mut() {
                Some(g) => pass::add_gradient(&shape, x, y, theta, scale, g, mask),
                None => {
                    let mut g = grad.to_vec();
                    let loss = pass::add_gradient(&shape, x, y, theta, scale, &mut g, mask);
                    grad.assign(&ndarray::ArrayView1::from(&g[..]));
                    loss
                }
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digits::digits;
    use crate::objective::{gradient_check, Objective};

    fn small(activation: Activation) -> Mlp {
        let d = digits();
        let rows: Vec<usize> = (0..40).collect();
        Mlp::new(d.rows(&rows), 7, 10, activation).unwrap()
    }

    #[test]
    fn the_backward_pass_matches_central_differences() {
        for activation in [Activation::Tanh, Activation::Relu] {
            let net = small(activation);
            let theta = net.init(7);
            let worst = gradient_check(&net, theta.view(), 1e-6);
            assert!(worst < 1e-7, "{activation:?}: {worst}");
        }
    }

    #[test]
    fn a_bad_width_or_target_is_refused() {
        let d = digits();
        for hidden in [0, MAX_HIDDEN + 1] {
            let e = Mlp::new(d.clone(), hidden, 10, Activation::Tanh).unwrap_err();
            assert!(e.to_string().contains("hidden"), "{e}");
        }
        assert!(
            Mlp::new(d, 8, 9, Activation::Tanh).is_err(),
            "digit 9 needs 10 classes"
        );
    }

    #[test]
    fn init_is_seeded_and_within_torchs_bounds() {
        let net = small(Activation::Tanh);
        assert_eq!(net.init(3), net.init(3));
        assert_ne!(net.init(3), net.init(4));
        let theta = net.init(3);
        let (_, w2, _) = net.offsets();
        let first = 1.0 / (net.inputs() as f64).sqrt();
        let second = 1.0 / (net.hidden as f64).sqrt();
        assert!(theta.iter().take(w2).all(|v| v.abs() <= first));
        assert!(theta.iter().skip(w2).all(|v| v.abs() <= second));
        assert!(net.value(theta.view()).is_finite());
    }
}
