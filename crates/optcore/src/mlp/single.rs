//! The network in single precision: the same passes ([`super::pass`]) over f32
//! inputs and parameters, as torch trains by default, for `fastupdate`'s f32
//! kernels. Its parameters are a plain `&[f32]` in the layout of [`Mlp`].

use super::pass::{self, Shape};
use super::Mlp;
use crate::error::{check_dim, Error, Result};
use ndarray::Array2;

/// [`Mlp`] in f32: its inputs rounded to f32 once, its passes in f32 throughout
/// (the batch's mean loss and gradient included).
#[derive(Debug, Clone, PartialEq)]
pub struct Mlp32 {
    inputs: Array2<f32>,
    targets: Vec<usize>,
    shape: Shape,
}

impl Mlp32 {
    /// The network `net`, over the same rows, in f32.
    pub fn new(net: &Mlp) -> Mlp32 {
        Mlp32 {
            inputs: net
                .data
                .features
                .mapv(|x| x as f32)
                .as_standard_layout()
                .to_owned(),
            targets: net.data.targets.iter().map(|&y| y as usize).collect(),
            shape: net.shape(),
        }
    }

    /// Number of parameters (as [`Mlp`]'s).
    pub fn num_params(&self) -> usize {
        self.shape.params()
    }

    /// Number of examples.
    pub fn len(&self) -> usize {
        self.targets.len()
    }

    /// No examples.
    pub fn is_empty(&self) -> bool {
        self.targets.is_empty()
    }

    fn check(&self, batch: &[usize], theta: &[f32]) -> Result<()> {
        if batch.is_empty() {
            return Err(Error::Empty { what: "mini-batch" });
        }
        check_dim("parameters", self.num_params(), theta.len())?;
        if let Some(&i) = batch.iter().find(|&&i| i >= self.len()) {
            return Err(Error::Dimension {
                what: "a mini-batch row index against the examples",
                expected: self.len(),
                found: i,
            });
        }
        Ok(())
    }

    fn row(&self, i: usize) -> &[f32] {
        let d = self.shape.d;
        let all = self
            .inputs
            .as_slice()
            .expect("inputs are kept in standard layout");
        &all[i * d..(i + 1) * d]
    }

    /// The mean loss over `batch` and its gradient, written into `grad`; an error
    /// for an empty batch, a row out of range, or a length that does not fit.
    pub fn batch_loss_and_gradient(
        &self,
        batch: &[usize],
        theta: &[f32],
        grad: &mut [f32],
    ) -> Result<f32> {
        self.check(batch, theta)?;
        check_dim("gradient buffer", self.num_params(), grad.len())?;
        grad.fill(0.0);
        let scale = 1.0 / batch.len() as f32;
        let mut loss = 0.0f32;
        for &i in batch {
            loss += pass::add_gradient(
                &self.shape,
                self.row(i),
                self.targets[i],
                theta,
                scale,
                grad,
                None,
            );
        }
        Ok(loss * scale)
    }

    /// The mean loss over `batch`.
    pub fn batch_loss(&self, batch: &[usize], theta: &[f32]) -> Result<f32> {
        self.check(batch, theta)?;
        let mut loss = 0.0f32;
        for &i in batch {
            let f = pass::forward(&self.shape, self.row(i), theta, None);
            loss += f.lse - f.z[self.targets[i]];
        }
        Ok(loss / batch.len() as f32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::ExampleLoss;
    use crate::digits::digits;
    use crate::mlp::Activation;
    use ndarray::Array1;

    /// The f32 network computes what the f64 one does, to f32's precision.
    #[test]
    fn single_precision_agrees_with_double() {
        for activation in [Activation::Tanh, Activation::Relu] {
            let net = Mlp::new(digits(), 24, 10, activation).unwrap();
            let net32 = Mlp32::new(&net);
            let theta = net.init(5);
            let theta32: Vec<f32> = theta.iter().map(|&x| x as f32).collect();
            let batch: Vec<usize> = (0..64).map(|i| i * 7).collect();
            let mut g = Array1::zeros(theta.len());
            let mut g32 = vec![0.0f32; theta.len()];
            let loss = net
                .batch_loss_and_gradient(&batch, theta.view(), g.view_mut())
                .unwrap();
            let loss32 = net32
                .batch_loss_and_gradient(&batch, &theta32, &mut g32)
                .unwrap();
            assert!(
                (loss32 as f64 - loss).abs() <= 1e-5 * loss,
                "{loss32} vs {loss}"
            );
            assert_eq!(net32.batch_loss(&batch, &theta32).unwrap(), loss32);
            let scale = g.iter().fold(0.0f64, |m, x| m.max(x.abs()));
            for (a, b) in g32.iter().zip(g.iter()) {
                assert!((*a as f64 - b).abs() <= 1e-5 * scale, "{a} vs {b}");
            }
        }
    }

    #[test]
    fn bad_input_is_refused() {
        let net32 = Mlp32::new(&Mlp::new(digits(), 4, 10, Activation::Tanh).unwrap());
        let theta = vec![0.0f32; net32.num_params()];
        let mut grad = vec![0.0f32; net32.num_params()];
        assert!(matches!(
            net32.batch_loss(&[], &theta),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            net32.batch_loss(&[1797], &theta),
            Err(Error::Dimension { .. })
        ));
        assert!(matches!(
            net32.batch_loss(&[0], &theta[1..]),
            Err(Error::Dimension { .. })
        ));
        assert!(matches!(
            net32.batch_loss_and_gradient(&[0], &theta, &mut grad[1..]),
            Err(Error::Dimension { .. })
        ));
    }
}
