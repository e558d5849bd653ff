//! The small pieces several methods share (optax's `scale_by_*` building blocks),
//! each written once, single pass and allocation free.

use ndarray::{ArrayView1, ArrayViewMut1, Zip};

/// Decaying average of squares, in place:
/// $E\[g^2\]_t = \rho\,E\[g^2\]_{t-1} + (1-\rho)\,g_t^2$ (Adadelta, RMSprop, Adam's $v_t$).
pub fn decay_avg_sq(mut avg: ArrayViewMut1<f64>, g: ArrayView1<f64>, rho: f64) {
    Zip::from(&mut avg).and(&g).for_each(|a, &g| *a = rho * *a + (1.0 - rho) * (g * g));
}

/// Decaying average, in place: $m_t = \beta\,m_{t-1} + (1-\beta)\,g_t$ (Adam's $m_t$).
pub fn decay_avg(mut avg: ArrayViewMut1<f64>, g: ArrayView1<f64>, beta: f64) {
    Zip::from(&mut avg).and(&g).for_each(|a, &g| *a = beta * *a + (1.0 - beta) * g);
}

/// Running sum of squares, in place: $G_t = G_{t-1} + g_t^2$ (Adagrad's diagonal).
pub fn accumulate_sq(mut sum: ArrayViewMut1<f64>, g: ArrayView1<f64>) {
    Zip::from(&mut sum).and(&g).for_each(|s, &g| *s += g * g);
}

/// $\beta^t$ by repeated multiplication (exact and portable, unlike `powi`).
pub fn pow_int(beta: f64, t: usize) -> f64 {
    let mut p = 1.0;
    for _ in 0..t {
        p *= beta;
    }
    p
}

/// Adam's bias-correction factor $1 - \beta^t$.
pub fn bias_correction(beta: f64, t: usize) -> f64 {
    1.0 - pow_int(beta, t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn pieces_compute_their_equations() {
        let mut a = array![1.0, 2.0];
        decay_avg_sq(a.view_mut(), array![3.0, -1.0].view(), 0.5);
        assert_eq!(a, array![0.5 + 4.5, 1.0 + 0.5]);
        let mut m = array![1.0];
        decay_avg(m.view_mut(), array![3.0].view(), 0.75);
        assert_eq!(m, array![0.75 + 0.75]);
        let mut s = array![1.0];
        accumulate_sq(s.view_mut(), array![2.0].view());
        assert_eq!(s, array![5.0]);
        assert_eq!(pow_int(0.5, 3), 0.125);
        assert_eq!(bias_correction(0.5, 2), 0.75);
    }
}
