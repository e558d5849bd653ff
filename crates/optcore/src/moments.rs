//! Adam's two decaying moments and their bias correction: the state the Adam
//! family shares (burn's `AdaptiveMomentum`, optax's `ScaleByAdamState`).
//!
//! $$m_t = \beta_1 m_{t-1} + (1-\beta_1)\\,g_t \qquad v_t = \beta_2 v_{t-1} + (1-\beta_2)\\,g_t^2
//!   \qquad \hat m_t = \frac{m_t}{1-\beta_1^t} \qquad \hat v_t = \frac{v_t}{1-\beta_2^t}$$
//!
//! Only the bookkeeping lives here: the step count, $g_t$, $m_t$, $v_t$ and the
//! running products $\beta^t$. Each method's step writes its own arithmetic out
//! under its algorithm box, reading and writing these fields.

use crate::optimizer::{begin_step, Field, Optimizer, Oracle, Record, Staged};
use crate::quantity;
use crate::torch_ops;
use crate::Result;
use ndarray::{Array1, ArrayView1};

/// The moments of Adam, AdamW (and AMSGrad, NAdam, AdaMax in part) after step `t`.
#[derive(Debug, Clone, PartialEq)]
pub struct Moments {
    /// Steps taken.
    pub t: usize,
    /// $g_t$.
    pub grad: Staged,
    /// $m_t$ (torch's `exp_avg`).
    pub m: Array1<f64>,
    /// $v_t$ (torch's `exp_avg_sq`).
    pub v: Array1<f64>,
    /// $\beta_1^t$ and $\beta_2^t$ (`paper`), kept as running products: one multiply
    /// per step, the same multiplies in the same order as $\beta\cdot\beta\cdots\beta$,
    /// so a step costs the same at t = 10⁶ as at t = 1.
    pub beta1_power: f64,
    pub beta2_power: f64,
}

impl Moments {
    /// Before the first step: everything 0, $\beta^0 = 1$.
    pub fn zeros(dim: usize) -> Self {
        Moments {
            t: 0,
            grad: Staged::zeros(dim),
            m: Array1::zeros(dim),
            v: Array1::zeros(dim),
            beta1_power: 1.0,
            beta2_power: 1.0,
        }
    }

    /// The start of a step ([`begin_step`]): the checks, then $g_t$ at θ from
    /// the oracle.
    /// Returns $t$, the number of the step under way ([`Moments::t`] is still
    /// $t-1$: the step sets it when it is done). On error nothing has changed.
    pub fn begin<O: Optimizer + ?Sized>(
        &mut self,
        opt: &O,
        theta: ArrayView1<f64>,
        oracle: &mut dyn Oracle,
    ) -> Result<usize> {
        begin_step(opt, &mut self.grad, self.t, theta, oracle)
    }

    /// $(1-\beta_1^t,\ 1-\beta_2^t)$ from the running products (`paper`).
    pub fn paper_corrections(&self) -> (f64, f64) {
        (
            crate::pieces::bias_correction(self.beta1_power),
            crate::pieces::bias_correction(self.beta2_power),
        )
    }

    /// torch's `1 - beta**step` for both betas (a Python float power, correctly
    /// rounded: [`torch_ops::pow_step`]).
    pub fn torch_corrections(beta1: f64, beta2: f64, t: usize) -> (f64, f64) {
        (
            1.0 - torch_ops::pow_step(beta1, t),
            1.0 - torch_ops::pow_step(beta2, t),
        )
    }

    /// What the step computed, with $\hat m_t = m_t/c_1$ and $\hat v_t = v_t/c_2$ for
    /// the corrections $(c_1, c_2)$ the step used.
    pub fn record(&self, (c1, c2): (f64, f64)) -> MomentsRecord {
        MomentsRecord {
            grad: self.grad.view().to_owned(),
            m: self.m.clone(),
            v: self.v.clone(),
            m_hat: self.m.mapv(|m| m / c1),
            v_hat: self.v.mapv(|v| v / c2),
        }
    }
}

/// What one step of a method built on [`Moments`] computed: $g_t$, $m_t$, $v_t$,
/// $\hat m_t$, $\hat v_t$.
#[derive(Debug, Clone, PartialEq)]
pub struct MomentsRecord {
    pub grad: Array1<f64>,
    pub m: Array1<f64>,
    pub v: Array1<f64>,
    pub m_hat: Array1<f64>,
    pub v_hat: Array1<f64>,
}

impl Record for MomentsRecord {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::of(quantity::GRAD, self.grad.view()),
            Field::of(quantity::FIRST_MOMENT, self.m.view()),
            Field::of(quantity::SECOND_MOMENT, self.v.view()),
            Field::of(quantity::M_HAT, self.m_hat.view()),
            Field::of(quantity::V_HAT, self.v_hat.view()),
        ]
    }
}
