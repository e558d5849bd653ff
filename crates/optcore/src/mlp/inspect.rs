//! One example's pass with every intermediate value kept, for a lesson that
//! shows the chain rule step by step. The training passes ([`super::pass`])
//! keep nothing; this one allocates its vectors and is checked against them.

use super::pass::{self, NetFloat};
use super::Mlp;
use crate::data::ExampleLoss;
use crate::error::{check_dim, Error, Result};
use ndarray::{Array1, ArrayView1};

/// Every value of one example's forward and backward pass.
#[derive(Debug, Clone, PartialEq)]
pub struct ExamplePass {
    /// The example's class $y$.
    pub class: usize,
    /// $a = W_1 x + b_1$ (H values).
    pub a: Vec<f64>,
    /// $h = \sigma(a)$.
    pub h: Vec<f64>,
    /// $z = W_2 h + b_2$ (K values).
    pub z: Vec<f64>,
    /// $p = \mathrm{softmax}(z)$.
    pub p: Vec<f64>,
    /// $L = -\log p_y$.
    pub loss: f64,
    /// $\partial L/\partial z = p - e_y$.
    pub dz: Vec<f64>,
    /// $\partial L/\partial h = W_2^\top\, \partial L/\partial z$.
    pub dh: Vec<f64>,
    /// $\sigma'(a)$.
    pub slope: Vec<f64>,
    /// $\partial L/\partial a = \partial L/\partial h \odot \sigma'(a)$.
    pub da: Vec<f64>,
    /// The whole gradient $\nabla_\theta L$ in $\theta$'s layout, as training
    /// computes it.
    pub gradient: Array1<f64>,
}

impl Mlp {
    /// Example `i`'s pass at `theta`, every value kept. An
    /// [`Error::Dimension`] for a row or a θ that does not fit.
    pub fn example_pass(&self, i: usize, theta: ArrayView1<f64>) -> Result<ExamplePass> {
        check_dim("parameters", self.num_params(), theta.len())?;
        if i >= self.len() {
            return Err(Error::Dimension {
                what: "an example's row index against the examples",
                expected: self.len(),
                found: i,
            });
        }
        let s = self.shape();
        let (_, w2, _) = s.offsets();
        let x: Vec<f64> = self.data.features.row(i).to_vec();
        let t = theta.to_vec();
        let f = pass::forward(&s, &x, &t, None);
        let class = self.data.targets[i] as usize;
        let h = f.h[..s.h].to_vec();
        let z = f.z[..s.k].to_vec();
        // libm's exp, as the training pass's ∂L/∂z uses it.
        let p: Vec<f64> = z.iter().map(|&zc| NetFloat::exp(zc - f.lse)).collect();
        let dz: Vec<f64> = (0..s.k).map(|c| pass::output_slope(&f, c, class)).collect();
        let dh: Vec<f64> = (0..s.h)
            .map(|j| (0..s.k).map(|c| dz[c] * t[w2 + c * s.h + j]).sum())
            .collect();
        let slope: Vec<f64> = (0..s.h).map(|j| s.slope(f.a[j], h[j])).collect();
        let da = dh.iter().zip(&slope).map(|(d, s)| d * s).collect();
        let mut gradient = vec![0.0; t.len()];
        let loss = pass::add_gradient(&s, &x, class, &t, 1.0, &mut gradient, None);
        Ok(ExamplePass {
            class,
            a: f.a[..s.h].to_vec(),
            h,
            z,
            p,
            loss,
            dz,
            dh,
            slope,
            da,
            gradient: Array1::from(gradient),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::data::ExampleLoss;
    use crate::digits::digits;
    use crate::mlp::{Activation, Mlp};
    use ndarray::Array1;

    /// The kept values are the training pass's: the same loss and gradient, and
    /// the gradient's blocks are the outer products the chain rule names.
    #[test]
    fn the_kept_values_are_the_training_passs() {
        for activation in [Activation::Tanh, Activation::Relu] {
            let net = Mlp::new(digits(), 5, 10, activation).unwrap();
            let theta = net.init(4);
            let e = net.example_pass(17, theta.view()).unwrap();
            let mut g = Array1::zeros(theta.len());
            let loss = net.add_example_gradient(17, theta.view(), 1.0, g.view_mut());
            assert_eq!((e.loss, &e.gradient), (loss, &g));
            assert!((e.p.iter().sum::<f64>() - 1.0).abs() < 1e-15);
            assert!((e.loss + e.p[e.class].ln()).abs() < 1e-12);
            let (d, h, k) = (64, 5, 10);
            let (b1, w2, b2) = (h * d, h * d + h, h * d + h + k * h);
            let x = net.data.features.row(17);
            for c in 0..k {
                assert!((g[b2 + c] - e.dz[c]).abs() < 1e-15);
                for j in 0..h {
                    assert!((g[w2 + c * h + j] - e.dz[c] * e.h[j]).abs() < 1e-15);
                }
            }
            for j in 0..h {
                assert!((g[b1 + j] - e.da[j]).abs() < 1e-14);
                for p in 0..d {
                    assert!((g[j * d + p] - e.da[j] * x[p]).abs() < 1e-14);
                }
            }
        }
        let net = Mlp::new(digits(), 5, 10, Activation::Tanh).unwrap();
        assert!(net.example_pass(1797, net.init(0).view()).is_err());
        assert!(net.example_pass(0, Array1::zeros(3).view()).is_err());
    }
}
