//! Division by a number fixed for a whole step, correctly rounded, without the
//! divider.
//!
//! Adam's bias corrections divide every element by the same
//! $b = 1 - \beta^t$ (or $\sqrt{1 - \beta_2^t}$): `m / bc1`, `v / bc2`. A vector
//! division is the slowest arithmetic a core has (a few times a
//! multiplication; the square root shares its unit), and Adam `paper` does
//! three per element besides a square root: with two cores streaming from
//! memory, about as much time as the memory takes (the crate's README has the
//! numbers). A multiplication by $1/b$ is fast but is not
//! the step-through crate's number: $\mathrm{RN}(a \cdot \mathrm{RN}(1/b))$ can be
//! off by one unit in the last place (ulp) from $\mathrm{RN}(a/b)$ (in the
//! tests, a quarter of 3.6·10⁶ pairs chosen to include hard cases).
//!
//! [`Divisor::quotient`] gets $\mathrm{RN}(a/b)$ exactly with one multiply and
//! four fused multiply-adds, all pipelined as the divider is not,
//! $y = \mathrm{RN}(1/b)$ computed once per step:
//!
//! $$q_0 = \mathrm{RN}(a y),\quad r_0 = \mathrm{RN}(a - b q_0),\quad
//!   q_1 = \mathrm{RN}(q_0 + r_0 y),\quad r_1 = \mathrm{RN}(a - b q_1),\quad
//!   q_2 = \mathrm{RN}(q_1 + r_1 y).$$
//!
//! **Why $q_2 = \mathrm{RN}(a/b)$.** Write $u = 2^{-p}$ ($p$ = 53 for f64) and
//! $b y = 1 + \delta$, $|\delta| \le u$ ($y$ is $1/b$ correctly rounded).
//!
//! 1. $q_0 = a y (1 + \delta_0)$, so $e_0 = a/b - q_0$ has
//!    $|e_0| \le (2u + u^2)\\,|a/b|$: up to about 1.5 ulp, not always one of the
//!    two floating-point numbers around $a/b$ ("faithful").
//! 2. $r_0 = b e_0 (1 + \delta_1)$, one rounding of the fused multiply-add, and
//!    $q_0 + r_0 y = a/b + e_0\\,[(1 + \delta_1)(1 + \delta) - 1]$: within
//!    $(2u + u^2)^2 |a/b| \approx 4u^2 |a/b|$ of $a/b$, far less than half an
//!    ulp, so its rounding $q_1$ is one of the two floating-point neighbours of
//!    $a/b$: faithful.
//! 3. Markstein's theorem (P. Markstein, *Computation of elementary functions on
//!    the IBM RISC System/6000 processor*, IBM J. Res. Dev. 34(1), 1990; in
//!    J.-M. Muller et al., *Handbook of Floating-Point Arithmetic*, the chapter
//!    on division with an FMA; machine-checked by Russinoff in ACL2's RTL
//!    library and by Harrison for IA-64): if $y$ is within half an ulp of $1/b$
//!    and $q$ is faithful, then $r = a - b q$ is exactly representable (the FMA
//!    computes it without error) and $\mathrm{RN}(q + r y) = \mathrm{RN}(a/b)$.
//!    Applied to $q_1$: $q_2 = \mathrm{RN}(a/b)$.
//!
//! The model "one rounding = a factor $(1+\delta)$" and the exact remainder both
//! need every intermediate away from underflow and overflow: the exponents of
//! $b$ and $q$ must sum to at least $e_{\min} + p - 1$ (−970 for f64). So a
//! [`Divisor`] is exact only for $b \in [2^{-60}, 1]$ (every bias correction:
//! $1 - \beta^t \ge 1 - \beta \ge 2^{-53}$ for β < 1 in f64) and dividends
//! $a = \pm 0$ or $2^{-900} \le |a| \le 2^{900}$ ([`fits`]). A kernel runs a
//! block of [`BLOCK`] elements with the sequence, checking every dividend as it
//! goes, and when any one was outside (a subnormal $m$ after many zero
//! gradients, an overflowing $v$, ±∞, NaN) it computes θ of that block again
//! with the divider, from θ's old values kept aside (`moments_paper` in the
//! kernels): a branch per block, almost never taken. A dividend that is a
//! square root needs no check ([`Divisor::root_quotient`]). A zero keeps its
//! sign ($q_2$ of $-0$ would be $+0$; the sign is copied from $a$, which is the
//! quotient's sign since $b > 0$).
//!
//! Only f64 uses it, and only with hardware FMA (without it, `mul_add` is a
//! library call, slower than the division): f32 divides — its division is
//! twice as wide per instruction, its steps spend under half of the memory's
//! time in arithmetic, and f32's narrow exponent range would send more blocks
//! to the divider.

use crate::Float;

/// Elements per block: a kernel that divides by a [`Divisor`] decides once per
/// block whether the sequence's results stand or the block is redone with the
/// divider; the kernels also ask for the memory ahead one block at a time
/// (`blocks!` in the kernels). Long enough for the loops over a block to
/// vectorize, short enough that a block redone costs little.
pub(crate) const BLOCK: usize = 64;

/// $b$ and $y = \mathrm{RN}(1/b)$, for one step.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Divisor<F> {
    b: F,
    y: F,
    /// The sequence is exact for this `b` (f64, hardware FMA, $b \in [2^{-60}, 1]$).
    exact: bool,
}

/// $2^{-900}$ and $2^{900}$: the dividends (besides ±0) for which every
/// intermediate of the sequence is a normal number (see the module docs).
const LO: f64 = f64::from_bits((1023 - 900) << 52);
const HI: f64 = f64::from_bits((1023 + 900) << 52);

/// $q_2$ of the module docs, its sign copied from `a`: $\mathrm{RN}(a/b)$ where
/// the divisor and the dividend are in range.
#[inline(always)]
fn sequence<F: Float>(a: F, b: F, y: F) -> F {
    let q0 = a * y;
    let r0 = (-q0).mul_add(b, a);
    let q1 = r0.mul_add(y, q0);
    let r1 = (-q1).mul_add(b, a);
    r1.mul_add(y, q1).copysign(a)
}

/// A dividend for which the sequence is exact: ±0, or
/// $2^{-900} \le |a| \le 2^{900}$ (false for ±∞ and NaN).
#[inline(always)]
pub(crate) fn fits<F: Float>(a: F) -> bool {
    let m = a.abs();
    (m >= F::of(LO)) & (m <= F::of(HI)) | (a == F::default())
}

impl<F: Float> Divisor<F> {
    /// For the divisor `b`, on the kernels this process runs
    /// ([`crate::kernels()`]: the sequence only where they have hardware FMA).
    #[inline]
    pub(crate) fn new(b: F) -> Self {
        Self::with_fma(b, crate::has_fma())
    }

    /// For the divisor `b`, as if the kernels had hardware FMA or not (the
    /// tests use the sequence whatever the machine).
    #[inline]
    pub(crate) fn with_fma(b: F, fma: bool) -> Self {
        let bf = b.to_f64();
        let exact = F::BY_FMA && fma && (f64::from_bits((1023 - 60) << 52)..=1.0).contains(&bf);
        Divisor {
            b,
            y: F::of(1.0) / b,
            exact,
        }
    }

    /// The sequence may be used for this divisor (f64, hardware FMA, $b$ in range);
    /// each dividend must still [`fits`].
    #[inline(always)]
    pub(crate) fn is_exact(&self) -> bool {
        F::BY_FMA && self.exact
    }

    /// $\mathrm{RN}(a/b)$: the sequence if `EXACT` (the caller has checked
    /// [`Self::is_exact`], and [`fits`] for `a` or will redo it with the divider
    /// if it does not: see `moments_paper` in the kernels), else the divider.
    #[inline(always)]
    pub(crate) fn quotient<const EXACT: bool>(&self, a: F) -> F {
        if EXACT {
            sequence(a, self.b, self.y)
        } else {
            a / self.b
        }
    }

    /// $\mathrm{RN}(a/b)$ for a dividend that is a square root ($a \ge 0$,
    /// $\sqrt{v}$): such an $a$ is never below $2^{-537}$ but for 0, so only +∞
    /// and NaN are out of range, and for those $a/b = a$. A select per lane,
    /// no branch: the sequence if `EXACT` (the caller has checked
    /// [`Self::is_exact`]), else the divider.
    #[inline(always)]
    pub(crate) fn root_quotient<const EXACT: bool>(&self, a: F) -> F {
        if EXACT {
            let q = sequence(a, self.b, self.y);
            if a <= F::of(HI) {
                q
            } else {
                a
            }
        } else {
            a / self.b
        }
    }

    /// `a[i] / b` for a block as a kernel does it (the tests' entry): the
    /// sequence when the divisor allows and every dividend [`fits`], else the divider.
    #[cfg(test)]
    fn quotients(&self, a: &[F; BLOCK]) -> [F; BLOCK] {
        let mut q = [F::default(); BLOCK];
        if self.is_exact() && a.iter().all(|&a| fits(a)) {
            for (q, &a) in q.iter_mut().zip(a) {
                *q = self.quotient::<true>(a);
            }
        } else {
            for (q, &a) in q.iter_mut().zip(a) {
                *q = self.quotient::<false>(a);
            }
        }
        q
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{Rng, SeedableRng};

    /// A float with a random significand and sign and an exponent in `lo..=hi`.
    fn random(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> f64 {
        let e = lo + (rng.next_u64() % (hi - lo + 1) as u64) as i64;
        let bits = ((e + 1023) as u64) << 52 | (rng.next_u64() & ((1 << 52) - 1));
        let x = f64::from_bits(bits);
        if rng.next_u64() & 1 == 1 {
            -x
        } else {
            x
        }
    }

    /// The divisors a step makes, and awkward ones: Adam's bias corrections
    /// 1 − βᵗ and torch's √(1 − β₂ᵗ) for common and extreme β, powers of two,
    /// the largest float below 1 (significand all ones), random ones in [2⁻⁶⁰, 1].
    fn divisors(rng: &mut ChaCha8Rng) -> Vec<f64> {
        let mut d = vec![
            1.0,
            0.5,
            f64::from_bits((1023 - 60) << 52),
            1.0 - f64::EPSILON / 2.0,
        ];
        for beta in [0.9, 0.99, 0.999, 0.9999, 0.5, 0.1, 1.0 - f64::EPSILON / 2.0] {
            let mut power = 1.0;
            for t in 1..=3000 {
                power *= beta;
                if t <= 20 || t % 97 == 0 {
                    d.push(1.0 - power);
                    d.push((1.0 - power).sqrt());
                }
            }
        }
        d.extend((0..200).map(|_| random(rng, -60, -1).abs()));
        d.retain(|&b| b > 0.0);
        d
    }

    /// Dividends for `b`: random over the in-range exponents, and ones whose
    /// quotient lies next to a midpoint between two floats (the hard cases for
    /// rounding): a = RN(b·(q + ulp/2)) for a random q.
    fn dividends(rng: &mut ChaCha8Rng, b: f64, k: usize) -> Vec<f64> {
        let mut a: Vec<f64> = (0..k).map(|_| random(rng, -899, 899)).collect();
        for _ in 0..k {
            let q = random(rng, -840, 840);
            let half_ulp = f64::from_bits(q.to_bits() + 1) - q;
            let mid = q + half_ulp / 2.0;
            for x in [b * mid, b * q, b * (q + half_ulp)] {
                let x =
                    f64::from_bits(x.to_bits().wrapping_add(rng.next_u64() % 3).wrapping_sub(1));
                a.push(x);
            }
        }
        a
    }

    fn quotients(d: &Divisor<f64>, a: &[f64]) -> Vec<f64> {
        a.chunks(BLOCK)
            .flat_map(|c| {
                let mut block = [0.0; BLOCK];
                block[..c.len()].copy_from_slice(c);
                d.quotients(&block)[..c.len()].to_vec()
            })
            .collect()
    }

    fn same(x: f64, y: f64) -> bool {
        x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan())
    }

    /// The sequence is the divider's number for every divisor and dividend tried
    /// (about 3·10⁶ pairs), and the tries are not easy ones: a multiplication by
    /// RN(1/b) misses in thousands of them, one correction step alone in some.
    #[test]
    fn the_sequence_is_the_correctly_rounded_quotient() {
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let (mut pairs, mut by_reciprocal, mut one_step) = (0usize, 0usize, 0usize);
        for b in divisors(&mut rng) {
            let d = Divisor::with_fma(b, true);
            assert!(d.exact, "{b:e} is a divisor the sequence takes");
            let a = dividends(&mut rng, b, 1000);
            for (&a, q) in a.iter().zip(quotients(&d, &a)) {
                assert!(same(q, a / b), "{a:e} / {b:e}: {q:e}, not {:e}", a / b);
                let y = 1.0 / b;
                let q0 = a * y;
                by_reciprocal += usize::from(!same(q0, a / b));
                one_step += usize::from(!same((-q0).mul_add(b, a).mul_add(y, q0), a / b));
                pairs += 1;
            }
        }
        assert!(pairs > 2_000_000, "{pairs} pairs");
        assert!(
            by_reciprocal > pairs / 100,
            "RN(a·RN(1/b)) missed {by_reciprocal} of {pairs}"
        );
        eprintln!(
            "{pairs} pairs; a·RN(1/b) missed {by_reciprocal}, one correction step {one_step}"
        );
    }

    /// Outside the range (±0 aside) a block goes to the divider, and has to: on
    /// dividends near and below the subnormals, or near overflow, the sequence
    /// alone misses (counted here); ±∞ and NaN would become NaN. A −0 keeps
    /// its sign.
    #[test]
    fn dividends_out_of_range_take_the_divider() {
        let mut rng = ChaCha8Rng::seed_from_u64(8);
        let (mut raw_misses, mut tried) = (0usize, 0usize);
        for b in divisors(&mut rng) {
            let d = Divisor::with_fma(b, true);
            let mut a: Vec<f64> = (0..400).map(|_| random(&mut rng, -1022, -901)).collect();
            a.extend((0..400).map(|_| f64::from_bits(rng.next_u64() % (1 << 52))));
            a.extend((0..400).map(|_| random(&mut rng, 901, 1023)));
            a.extend([
                0.0,
                -0.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NAN,
                f64::MAX,
                f64::MIN_POSITIVE,
            ]);
            // one out-of-range dividend among in-range ones sends its block to the divider
            for (i, x) in a.clone().into_iter().enumerate() {
                let mut block = [1.5; BLOCK];
                block[i % BLOCK] = x;
                let q = d.quotients(&block);
                for (&a, &q) in block.iter().zip(&q) {
                    assert!(same(q, a / b), "{a:e} / {b:e}: {q:e}, not {:e}", a / b);
                }
            }
            for &x in &a {
                tried += 1;
                raw_misses += usize::from(!same(sequence(x, b, 1.0 / b), x / b));
            }
            // ±0 are in range: the sequence, with the sign of the dividend
            for z in [0.0, -0.0] {
                assert!(same(d.quotients(&[z; BLOCK])[0], z / b));
            }
        }
        assert!(raw_misses > 0, "the sequence alone missed none of {tried}");
        eprintln!("the sequence alone missed {raw_misses} of {tried} out-of-range dividends");
    }
}
