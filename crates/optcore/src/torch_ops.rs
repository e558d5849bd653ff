//! torch.optim's tensor operations on one element, in the rounding torch's CPU
//! kernels use, so that the `Pytorch` convention reproduces torch to the last bit.
//!
//! torch's CPU kernels for `lerp`, `addcmul` and `add(…, alpha=)` are compiled with
//! FMA enabled and the compiler fuses `a + b·c` into one fused multiply-add (one
//! rounding instead of two); the vectorised paths call `fmadd` explicitly. We
//! learned this from the shared reference trace `pytorch-adam-quadratic.csv`: with
//! plain `a + b·c` our Adam agreed with torch to 1e-15 but only 8 of its 40
//! coordinates were bit-identical; with the fused forms below all 40 are.
//! [`f64::mul_add`] is correctly rounded on every platform, so the result does not
//! depend on the CPU.
//!
//! Python's `beta ** step` (a float power, glibc's `pow`, correctly rounded in
//! practice) is [`pow_step`]: β^t in double-double arithmetic, rounded once.

/// `start.lerp_(end, weight)`: ATen's `lerp`, which switches formula at weight ½
/// for accuracy: $s + w(e - s)$ for $|w| < ½$, else $e - (e - s)(1 - w)$, each a
/// fused multiply-add.
#[inline]
pub fn lerp(start: f64, end: f64, weight: f64) -> f64 {
    if weight.abs() < 0.5 {
        weight.mul_add(end - start, start)
    } else {
        (-(end - start)).mul_add(1.0 - weight, end)
    }
}

/// `x.addcmul_(t1, t2, value=v)`: $x + (v\\,t_1)\\,t_2$, the last multiply-add fused.
#[inline]
pub fn addcmul(x: f64, value: f64, t1: f64, t2: f64) -> f64 {
    (value * t1).mul_add(t2, x)
}

/// `x.addcdiv_(t1, t2, value=v)`: $x + (v\\,t_1)/t_2$ (a division cannot fuse).
#[inline]
pub fn addcdiv(x: f64, value: f64, t1: f64, t2: f64) -> f64 {
    x + value * t1 / t2
}

/// `x.add_(y, alpha=a)`: $x + a\\,y$ as one fused multiply-add.
#[inline]
pub fn add_scaled(x: f64, alpha: f64, y: f64) -> f64 {
    alpha.mul_add(y, x)
}

/// `avg.mul_(beta).addcmul_(g, g, value=1 - beta)`: the decaying average of
/// squares as torch rounds it.
#[inline]
pub fn decay_sq(avg: f64, g: f64, beta: f64) -> f64 {
    addcmul(beta * avg, 1.0 - beta, g, g)
}

/// Python's `beta ** t` for a whole step count `t`: $\beta^t$ correctly rounded
/// (as glibc's `pow` returns it), computed with double-double squaring (about
/// 100 significant bits) and rounded once. Portable: only `+ − ×` and `mul_add`.
///
/// [`crate::pieces::pow_int`] (repeated rounded products) is the paper
/// convention's βᵗ; it drifts from this by a few ulps after a dozen steps.
pub fn pow_step(beta: f64, t: usize) -> f64 {
    let mut result = (1.0, 0.0);
    let mut base = (beta, 0.0);
    let mut n = t;
    while n > 0 {
        if n & 1 == 1 {
            result = dd_mul(result, base);
        }
        n >>= 1;
        if n > 0 {
            base = dd_mul(base, base);
        }
    }
    result.0 + result.1
}

/// Double-double product (Dekker/Knuth with a fused multiply-add), renormalised.
fn dd_mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    let p = a.0 * b.0;
    let e = a.0.mul_add(b.0, -p);
    let e = e + (a.0 * b.1 + a.1 * b.0);
    let s = p + e;
    (s, e - (s - p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pow_step_is_exact_where_exact_is_known() {
        assert_eq!(pow_step(0.5, 10), 1.0 / 1024.0);
        assert_eq!(pow_step(0.9, 0), 1.0);
        assert_eq!(pow_step(0.9, 1), 0.9);
        assert_eq!(pow_step(3.0, 5), 243.0);
        // 0.9² rounded once: 0.81 in f64 is the correctly rounded square of the
        // double nearest 0.9 (checked: 0.9·0.9 happens to round the same way).
        assert_eq!(pow_step(0.9, 2), 0.9 * 0.9);
    }

    #[test]
    fn lerp_uses_both_branches() {
        assert_eq!(lerp(1.0, 3.0, 0.25), 1.5);
        assert_eq!(lerp(1.0, 3.0, 0.75), 2.5);
        assert_eq!(lerp(1.0, 3.0, 1.0), 3.0);
    }
}
