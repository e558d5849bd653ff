//! L2 regularization through the gradient, for any optimizer: the gradient the
//! optimizer sees is $g_t + \lambda\theta_{t-1}$, as torch's `weight_decay`
//! argument of `SGD`, `Adam`, `RMSprop`, … adds it. For SGD this is weight
//! decay; for Adam it is not, since the term is divided by $\sqrt{\hat v_t}$
//! with the rest of the gradient (Loshchilov & Hutter 2019), which is what AdamW
//! changes.

use optcore::error::{check_non_negative, Result};
use optcore::ndarray::{ArrayView1, ArrayViewMut1};
use optcore::{Optimizer, Oracle};

/// `optimizer` with $\lambda\theta$ added to every gradient it takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct L2<O> {
    pub optimizer: O,
    /// λ ≥ 0, torch's `weight_decay`.
    pub weight_decay: f64,
}

/// The oracle the wrapped optimizer sees: the gradient plus λθ. The loss it
/// reports is the data's alone (torch adds the term to the gradient only).
struct PlusL2<'a> {
    inner: &'a mut dyn Oracle,
    weight_decay: f64,
}

impl Oracle for PlusL2<'_> {
    fn dim(&self) -> usize {
        self.inner.dim()
    }
    fn begin_step(&mut self, t: usize) {
        self.inner.begin_step(t);
    }
    fn eval(&mut self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        let loss = self.inner.eval(theta, grad.view_mut());
        grad.scaled_add(self.weight_decay, &theta);
        loss
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        self.inner.loss(theta)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.inner.gradient_evaluations()
    }
    fn problem_name(&self) -> String {
        self.inner.problem_name()
    }
    fn zero_rate(&self) -> bool {
        self.inner.zero_rate()
    }
}

impl<O: Optimizer> Optimizer for L2<O> {
    type State = O::State;
    type Record = O::Record;

    fn name(&self) -> &'static str {
        self.optimizer.name()
    }
    fn convention(&self) -> optcore::Convention {
        self.optimizer.convention()
    }
    fn hyperparameters(&self) -> Vec<(&'static str, f64)> {
        let mut h = self.optimizer.hyperparameters();
        h.push(("weight_decay", self.weight_decay));
        h
    }
    fn variants(&self) -> Vec<&'static str> {
        let mut v = self.optimizer.variants();
        v.push("L2 in the gradient");
        v
    }
    fn validate(&self) -> Result<()> {
        self.optimizer.validate()?;
        check_non_negative("weight_decay", self.weight_decay)
    }
    fn validate_zero_rate(&self) -> Result<()> {
        self.optimizer.validate_zero_rate()?;
        check_non_negative("weight_decay", self.weight_decay)
    }
    fn init(&self, theta: ArrayView1<f64>) -> Self::State {
        self.optimizer.init(theta)
    }
    fn step(
        &self,
        state: &mut Self::State,
        theta: ArrayViewMut1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<()> {
        check_non_negative("weight_decay", self.weight_decay)?;
        let mut plus = PlusL2 {
            inner: oracle,
            weight_decay: self.weight_decay,
        };
        self.optimizer.step(state, theta, &mut plus)
    }
    fn record(&self, state: &Self::State) -> Self::Record {
        self.optimizer.record(state)
    }
    fn gradient_point(
        &self,
        state: &Self::State,
        theta: ArrayView1<f64>,
        point: ArrayViewMut1<f64>,
    ) -> Result<()> {
        self.optimizer.gradient_point(state, theta, point)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::ndarray::array;
    use optcore::Convention;

    /// SGD with L2 is SGD on the gradient plus λθ: θ' = θ − η(g + λθ).
    #[test]
    fn sgd_with_l2_decays_the_weights() {
        let sgd = gd::Sgd {
            lr: 0.1,
            ..gd::Sgd::defaults(Convention::Pytorch)
        };
        let l2 = L2 {
            optimizer: sgd,
            weight_decay: 0.5,
        };
        let mut theta = array![1.0, -2.0];
        let g = array![0.3, 0.4];
        let mut state = l2.init(theta.view());
        l2.update(&mut state, theta.view_mut(), g.view()).unwrap();
        let want = [
            1.0 - 0.1 * (0.3 + 0.5 * 1.0),
            -2.0 - 0.1 * (0.4 + 0.5 * -2.0),
        ];
        for (a, b) in theta.iter().zip(want) {
            assert!((a - b).abs() < 1e-15, "{theta} vs {want:?}");
        }
        let bad = L2 {
            weight_decay: -1.0,
            ..l2
        };
        assert!(bad.validate().is_err());
    }
}
