//! Dropout on the hidden layer (Srivastava et al., 2014), inverted as torch's
//! `nn.Dropout` is: in training each hidden output is kept with probability
//! $1 - p$ and scaled by $1/(1-p)$, or dropped,
//! $$\tilde h_j = h_j\, m_j,\qquad m_j = \begin{cases} 1/(1-p) & \text{kept} \\ 0 &
//! \text{dropped,}\end{cases}$$
//! so that $\mathbb{E}[\tilde h_j] = h_j$ and evaluation uses the network as it is
//! (the [`Mlp`] itself: no mask, no scaling). The backward pass goes through the
//! same mask: $\partial L/\partial h_j = m_j\,(W_2^\top \partial L/\partial z)_j$.
//!
//! The masks are seeded and counter-based: the mask of example $i$ at step $t$
//! is drawn from ChaCha8 seeded with [`Dropout::seed`], stream $t$, at the
//! position of example $i$, so it is the same within a step (NAG's lookahead
//! sees the same network), new at each step, and the same on every run and
//! whatever the thread.

use super::{Mlp, MAX_HIDDEN};
use crate::data::ExampleLoss;
use crate::error::{Error, Result};
use ndarray::{ArrayView1, ArrayViewMut1};
use rand_chacha::ChaCha8Rng;
use rand_core::{Rng, SeedableRng};
use std::cell::Cell;

/// Dropout's settings: the probability of dropping a hidden unit and the seed
/// of the masks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dropout {
    /// $p \in [0, 1)$: 0 keeps every unit (the network as it is).
    pub p: f64,
    pub seed: u64,
}

impl Dropout {
    /// `self`, or an [`Error::Hyperparameter`] if $p$ is not in $[0, 1)$.
    pub fn validated(self) -> Result<Dropout> {
        if (0.0..1.0).contains(&self.p) {
            Ok(self)
        } else {
            Err(Error::Hyperparameter {
                name: "dropout p",
                value: self.p,
                accepts: "a probability in [0, 1)",
            })
        }
    }
}

/// The network in training mode: its loss and gradient with the masks of the
/// step set by [`Dropped::set_step`] (step 1 until then). Evaluate with the
/// [`Mlp`] itself.
#[derive(Debug, Clone)]
pub struct Dropped<'a> {
    pub net: &'a Mlp,
    pub dropout: Dropout,
    rng: ChaCha8Rng,
    step: Cell<u64>,
}

impl<'a> Dropped<'a> {
    /// `net` with dropout; an [`Error::Hyperparameter`] for $p \notin [0, 1)$.
    pub fn new(net: &'a Mlp, dropout: Dropout) -> Result<Dropped<'a>> {
        let dropout = dropout.validated()?;
        Ok(Dropped {
            net,
            dropout,
            rng: ChaCha8Rng::seed_from_u64(dropout.seed),
            step: Cell::new(1),
        })
    }

    /// The masks of step `t` from now on (call it with the oracle's `begin_step`).
    pub fn set_step(&self, t: usize) {
        self.step.set(t as u64);
    }

    /// The mask of example `i` at the current step: $1/(1-p)$ where the unit is
    /// kept (a uniform draw $u \ge p$), 0 where it is dropped.
    pub fn mask(&self, i: usize) -> [f64; MAX_HIDDEN] {
        let hidden = self.net.hidden;
        let keep = 1.0 / (1.0 - self.dropout.p);
        let mut rng = self.rng.clone();
        rng.set_stream(self.step.get());
        // Two 32-bit words per draw, one draw per hidden unit, example after example.
        rng.set_word_pos(2 * (i as u128) * hidden as u128);
        let mut m = [0.0; MAX_HIDDEN];
        for mj in m.iter_mut().take(hidden) {
            let u = (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64);
            *mj = if u >= self.dropout.p { keep } else { 0.0 };
        }
        m
    }
}

impl ExampleLoss for Dropped<'_> {
    fn loss_name(&self) -> String {
        format!(
            "{} with dropout p = {}",
            self.net.loss_name(),
            self.dropout.p
        )
    }
    fn len(&self) -> usize {
        self.net.len()
    }
    fn num_params(&self) -> usize {
        self.net.num_params()
    }
    fn example_loss(&self, i: usize, theta: ArrayView1<f64>) -> f64 {
        self.net.masked_loss(i, theta, Some(&self.mask(i)))
    }
    fn add_example_gradient(
        &self,
        i: usize,
        theta: ArrayView1<f64>,
        scale: f64,
        grad: ArrayViewMut1<f64>,
    ) -> f64 {
        self.net
            .add_masked_gradient(i, theta, scale, grad, Some(&self.mask(i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::digits::digits;
    use crate::mlp::Activation;
    use ndarray::Array1;

    fn net() -> Mlp {
        let rows: Vec<usize> = (0..30).collect();
        Mlp::new(digits().rows(&rows), 9, 10, Activation::Tanh).unwrap()
    }

    fn dropped(net: &Mlp, p: f64) -> Dropped<'_> {
        Dropped::new(net, Dropout { p, seed: 4 }).unwrap()
    }

    #[test]
    fn p_outside_zero_to_one_is_refused() {
        let n = net();
        for p in [-0.1, 1.0, 1.5, f64::NAN, f64::INFINITY] {
            let e = Dropped::new(&n, Dropout { p, seed: 0 }).unwrap_err();
            assert!(
                matches!(
                    e,
                    Error::Hyperparameter {
                        name: "dropout p",
                        ..
                    }
                ),
                "{p}: {e}"
            );
        }
    }

    /// p = 0 is the network itself, to the bit.
    #[test]
    fn no_dropout_is_the_network() {
        let n = net();
        let d = dropped(&n, 0.0);
        let theta = n.init(1);
        let (mut g1, mut g2) = (Array1::zeros(theta.len()), Array1::zeros(theta.len()));
        let rows: Vec<usize> = (0..30).collect();
        let l1 = n
            .batch_loss_and_gradient(&rows, theta.view(), g1.view_mut())
            .unwrap();
        let l2 = d
            .batch_loss_and_gradient(&rows, theta.view(), g2.view_mut())
            .unwrap();
        assert_eq!((l1, &g1), (l2, &g2));
    }

    /// The masks: the same within a step, new at the next, the same on a new
    /// `Dropped`; about a share p of units dropped, the rest scaled by 1/(1−p).
    #[test]
    fn masks_are_seeded_per_step_and_example() {
        let n = net();
        let d = dropped(&n, 0.5);
        let first = d.mask(3);
        assert_eq!(d.mask(3), first);
        assert_ne!(d.mask(4)[..9], first[..9]);
        d.set_step(2);
        assert_ne!(d.mask(3)[..9], first[..9]);
        d.set_step(1);
        assert_eq!(dropped(&n, 0.5).mask(3), first);
        let all: Vec<f64> = (0..30).flat_map(|i| d.mask(i)[..9].to_vec()).collect();
        assert!(all.iter().all(|&m| m == 0.0 || m == 2.0));
        let dropped_share = all.iter().filter(|&&m| m == 0.0).count() as f64 / all.len() as f64;
        assert!((dropped_share - 0.5).abs() < 0.1, "{dropped_share}");
        assert!(d.mask(0)[9..].iter().all(|&m| m == 0.0));
    }

    /// With the mask of the step held fixed, the backward pass is the gradient of
    /// the masked loss: central differences agree.
    #[test]
    fn the_masked_backward_pass_matches_central_differences() {
        let n = net();
        let d = dropped(&n, 0.3);
        d.set_step(7);
        let theta = n.init(2);
        let rows = [0, 5, 11];
        let mut g = Array1::zeros(theta.len());
        d.batch_loss_and_gradient(&rows, theta.view(), g.view_mut())
            .unwrap();
        let h = 1e-6;
        for k in (0..theta.len()).step_by(37) {
            let (mut up, mut down) = (theta.clone(), theta.clone());
            up[k] += h;
            down[k] -= h;
            let fd =
                (d.batch_loss(&rows, up.view()) - d.batch_loss(&rows, down.view())) / (2.0 * h);
            assert!(
                (fd - g[k]).abs() <= 1e-7 * (1.0 + fd.abs()),
                "{k}: {fd} vs {}",
                g[k]
            );
        }
    }
}
