//! The network's forward and backward pass for one example, written once for
//! both float types ([`NetFloat`]: f64, the course's, and f32, single precision
//! as torch's default), over plain slices in the layout of [`super::Mlp`]:
//! $\theta = (W_1, b_1, W_2, b_2)$, the weights row by row. Everything lives in
//! stack buffers: a pass allocates nothing.

use super::{Activation, MAX_HIDDEN};
use crate::data::MAX_CLASSES;
use std::ops::{Add, AddAssign, Div, Mul, Sub};

mod private {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The float types the network runs in: f64 and f32 (sealed). The elementary
/// functions are libm's, the same on every machine.
pub trait NetFloat:
    private::Sealed
    + Copy
    + PartialOrd
    + Add<Output = Self>
    + Sub<Output = Self>
    + Mul<Output = Self>
    + Div<Output = Self>
    + AddAssign
    + std::fmt::Debug
    + Send
    + Sync
    + 'static
{
    const ZERO: Self;
    const ONE: Self;
    const NEG_INFINITY: Self;
    /// The nearest value of this type.
    fn from_f64(x: f64) -> Self;
    fn to_f64(self) -> f64;
    fn tanh(self) -> Self;
    fn exp(self) -> Self;
    fn ln(self) -> Self;
    fn max(self, other: Self) -> Self;
}

impl NetFloat for f64 {
    const ZERO: f64 = 0.0;
    const ONE: f64 = 1.0;
    const NEG_INFINITY: f64 = f64::NEG_INFINITY;
    fn from_f64(x: f64) -> f64 {
        x
    }
    fn to_f64(self) -> f64 {
        self
    }
    fn tanh(self) -> f64 {
        libm::tanh(self)
    }
    fn exp(self) -> f64 {
        libm::exp(self)
    }
    fn ln(self) -> f64 {
        libm::log(self)
    }
    fn max(self, other: f64) -> f64 {
        f64::max(self, other)
    }
}

impl NetFloat for f32 {
    const ZERO: f32 = 0.0;
    const ONE: f32 = 1.0;
    const NEG_INFINITY: f32 = f32::NEG_INFINITY;
    fn from_f64(x: f64) -> f32 {
        x as f32
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
    fn tanh(self) -> f32 {
        libm::tanhf(self)
    }
    fn exp(self) -> f32 {
        libm::expf(self)
    }
    fn ln(self) -> f32 {
        libm::logf(self)
    }
    fn max(self, other: f32) -> f32 {
        f32::max(self, other)
    }
}

/// The network's sizes: inputs d, hidden units H, classes K, and its σ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    pub d: usize,
    pub h: usize,
    pub k: usize,
    pub activation: Activation,
}

impl Shape {
    /// Where $W_1$, $b_1$, $W_2$, $b_2$ start in $\theta$: (0, b1, w2, b2).
    pub fn offsets(&self) -> (usize, usize, usize) {
        let b1 = self.h * self.d;
        let w2 = b1 + self.h;
        (b1, w2, w2 + self.k * self.h)
    }

    pub fn params(&self) -> usize {
        let (_, _, b2) = self.offsets();
        b2 + self.k
    }

    fn apply<F: NetFloat>(&self, a: F) -> F {
        match self.activation {
            Activation::Tanh => a.tanh(),
            Activation::Relu => a.max(F::ZERO),
        }
    }

    /// $\sigma'(a)$ from $a$ and $h = \sigma(a)$.
    pub fn slope<F: NetFloat>(&self, a: F, h: F) -> F {
        match self.activation {
            Activation::Tanh => F::ONE - h * h,
            Activation::Relu => {
                if a > F::ZERO {
                    F::ONE
                } else {
                    F::ZERO
                }
            }
        }
    }
}

/// One example's forward pass.
pub(crate) struct Forward<F> {
    pub a: [F; MAX_HIDDEN],
    /// $h = \sigma(a)$, before any dropout mask.
    pub h: [F; MAX_HIDDEN],
    pub z: [F; MAX_CLASSES],
    /// $\log\sum_c e^{z_c}$.
    pub lse: F,
}

/// $h_j m_j$, or $h_j$ without a mask.
#[inline]
fn masked<F: NetFloat>(h: F, mask: Option<&[F; MAX_HIDDEN]>, j: usize) -> F {
    match mask {
        Some(m) => h * m[j],
        None => h,
    }
}

/// The forward pass of input `x` (d values) with the hidden outputs multiplied
/// by `mask` (dropout's; `None`: none).
pub(crate) fn forward<F: NetFloat>(
    s: &Shape,
    x: &[F],
    theta: &[F],
    mask: Option<&[F; MAX_HIDDEN]>,
) -> Forward<F> {
    let (b1, w2, b2) = s.offsets();
    let mut f = Forward {
        a: [F::ZERO; MAX_HIDDEN],
        h: [F::ZERO; MAX_HIDDEN],
        z: [F::ZERO; MAX_CLASSES],
        lse: F::ZERO,
    };
    for j in 0..s.h {
        let row = &theta[j * s.d..(j + 1) * s.d];
        let mut a = F::ZERO;
        for (w, xp) in row.iter().zip(x) {
            a += *w * *xp;
        }
        f.a[j] = a + theta[b1 + j];
        f.h[j] = s.apply(f.a[j]);
    }
    let mut max = F::NEG_INFINITY;
    for c in 0..s.k {
        let mut z = theta[b2 + c];
        for j in 0..s.h {
            z += theta[w2 + c * s.h + j] * masked(f.h[j], mask, j);
        }
        f.z[c] = z;
        max = max.max(z);
    }
    let mut sum = F::ZERO;
    for &z in &f.z[..s.k] {
        sum += (z - max).exp();
    }
    f.lse = max + sum.ln();
    f
}

/// $\partial L/\partial z_c = p_c - [c = y]$, with $p_c = e^{z_c - \log\sum e^z}$.
pub(crate) fn output_slope<F: NetFloat>(f: &Forward<F>, c: usize, y: usize) -> F {
    let one_hot = if c == y { F::ONE } else { F::ZERO };
    (f.z[c] - f.lse).exp() - one_hot
}

/// `grad += scale · ∇θ L(x, y)` through the same mask, and the loss $L(x, y) =
/// \log\sum_c e^{z_c} - z_y$. The chain rule from the loss back to the input:
/// $\partial L/\partial z = p - e_y$, $\partial L/\partial W_2 = (\partial L/\partial
/// z)\,\tilde h^\top$, $\partial L/\partial h = m \odot W_2^\top \partial L/\partial
/// z$, $\partial L/\partial a = \partial L/\partial h \odot \sigma'(a)$, $\partial
/// L/\partial W_1 = (\partial L/\partial a)\, x^\top$; the biases take $\partial
/// L/\partial z$ and $\partial L/\partial a$.
pub(crate) fn add_gradient<F: NetFloat>(
    s: &Shape,
    x: &[F],
    y: usize,
    theta: &[F],
    scale: F,
    grad: &mut [F],
    mask: Option<&[F; MAX_HIDDEN]>,
) -> F {
    let f = forward(s, x, theta, mask);
    let (b1, w2, b2) = s.offsets();
    // ∂L/∂h, summed over the classes as ∂L/∂z flows back through W₂.
    let mut dh = [F::ZERO; MAX_HIDDEN];
    for c in 0..s.k {
        let dz = output_slope(&f, c, y);
        grad[b2 + c] += scale * dz;
        for j in 0..s.h {
            grad[w2 + c * s.h + j] += scale * dz * masked(f.h[j], mask, j);
            dh[j] += dz * theta[w2 + c * s.h + j];
        }
    }
    for j in 0..s.h {
        let da = masked(dh[j], mask, j) * s.slope(f.a[j], f.h[j]);
        grad[b1 + j] += scale * da;
        let step = scale * da;
        for (g, xp) in grad[j * s.d..(j + 1) * s.d].iter_mut().zip(x) {
            *g += step * *xp;
        }
    }
    f.lse - f.z[y]
}
