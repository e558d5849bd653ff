//! The small pieces several methods share (optax's `update_moment`,
//! `bias_correction`, …), each rule written once. Every `paper` step calls the
//! scalar forms inside its single pass over the parameters; the array forms apply
//! the same scalar to every coordinate (notebooks use them to rebuild a method
//! from its pieces, and get its numbers to the last bit).
//!
//! The `pytorch` convention rounds as torch's kernels do and uses
//! [`crate::torch_ops`] instead.

use ndarray::{ArrayView1, ArrayViewMut1, Zip};

/// A decaying average: $m_t = \beta\\,m_{t-1} + (1-\beta)\\,x_t$ (Adam's $m_t$,
/// centered RMSprop's $E\[g\]_t$).
#[inline]
pub fn decay(avg: f64, x: f64, beta: f64) -> f64 {
    beta * avg + (1.0 - beta) * x
}

/// A decaying average of squares: $E\[x^2\]_t = \rho\\,E\[x^2\]_{t-1} + (1-\rho)\\,x_t^2$
/// (Adadelta's $E\[g^2\]$ and $E\[\Delta\theta^2\]$, RMSprop's $E\[g^2\]$, Adam's $v_t$).
#[inline]
pub fn decay_sq(avg: f64, x: f64, rho: f64) -> f64 {
    rho * avg + (1.0 - rho) * (x * x)
}

/// A running sum of squares: $G_t = G_{t-1} + g_t^2$ (Adagrad's diagonal).
#[inline]
pub fn accumulate_sq(sum: f64, g: f64) -> f64 {
    sum + g * g
}

/// The root mean square with ε inside the root: $\mathrm{RMS}\[x\] = \sqrt{E\[x^2\] + \epsilon}$
/// (Adadelta; the post's Adagrad and RMSprop denominators).
#[inline]
pub fn rms(avg_sq: f64, eps: f64) -> f64 {
    (avg_sq + eps).sqrt()
}

/// Adam's bias-correction factor $1 - \beta^t$, from $\beta^t$ kept as a running
/// product in the state (one multiply per step: a step costs the same at any t).
#[inline]
pub fn bias_correction(beta_power: f64) -> f64 {
    1.0 - beta_power
}

/// [`decay`] on every coordinate, in place.
pub fn decay_avg(mut avg: ArrayViewMut1<f64>, x: ArrayView1<f64>, beta: f64) {
    Zip::from(&mut avg)
        .and(&x)
        .for_each(|a, &x| *a = decay(*a, x, beta));
}

/// [`decay_sq`] on every coordinate, in place.
pub fn decay_avg_sq(mut avg: ArrayViewMut1<f64>, x: ArrayView1<f64>, rho: f64) {
    Zip::from(&mut avg)
        .and(&x)
        .for_each(|a, &x| *a = decay_sq(*a, x, rho));
}

/// $\beta^t$ by repeated multiplication, the same products as the running
/// product of [`bias_correction`] (exact and portable, unlike `powi`). O(t): for
/// closed forms in tables, never inside a step.
pub fn pow_int(beta: f64, t: usize) -> f64 {
    let mut p = 1.0;
    for _ in 0..t {
        p *= beta;
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn pieces_compute_their_equations() {
        assert_eq!(decay(1.0, 3.0, 0.75), 0.75 + 0.75);
        assert_eq!(decay_sq(1.0, 3.0, 0.5), 0.5 + 4.5);
        assert_eq!(accumulate_sq(1.0, 2.0), 5.0);
        assert_eq!(rms(3.0, 1.0), 2.0);
        assert_eq!(bias_correction(0.25), 0.75);
        let mut a = array![1.0, 2.0];
        decay_avg_sq(a.view_mut(), array![3.0, -1.0].view(), 0.5);
        assert_eq!(a, array![0.5 + 4.5, 1.0 + 0.5]);
        let mut m = array![1.0];
        decay_avg(m.view_mut(), array![3.0].view(), 0.75);
        assert_eq!(m, array![0.75 + 0.75]);
        assert_eq!(pow_int(0.5, 3), 0.125);
    }

    #[test]
    fn the_running_product_is_pow_int() {
        let mut p = 1.0;
        for t in 1..=200 {
            p *= 0.999;
            assert_eq!(p, pow_int(0.999, t));
        }
    }
}
