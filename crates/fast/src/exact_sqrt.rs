//! Square roots correctly rounded without the divider, each one checked.
//!
//! Adadelta takes two square roots and a division per element,
//! $\sqrt{E[\Delta\theta^2] + \epsilon} / \sqrt{E[g^2] + \epsilon}$, and a
//! vector square root runs on the same unit as the division: in f64, that
//! unit's time per element is about the memory's, so at large n the step
//! waits for it (the crate's README has the numbers). Here both roots are
//! made from multiplications and fused multiply-adds instead, and each is
//! used only where it is proven to be the number the square root instruction
//! gives; the divider is left with the division.
//!
//! **A candidate.** $y_0$, within 3.5 % of $1/\sqrt{a}$, comes from the bit
//! pattern (half the exponent, negated, by one integer subtraction:
//! [`Float::rsqrt_seed`]); two Newton steps $y \leftarrow y\\,(3/2 - (a/2)\\,y^2)$
//! bring it to about $2^{-17}$; one coupled (Goldschmidt) step on
//! $g = a y \approx \sqrt{a}$ and $s = y/2 \approx 1/(2\sqrt{a})$,
//! $r = \tfrac12 - g s$, $g \leftarrow g + g r$, $s \leftarrow s + s r$, and a
//! last correction from the residual, $z = g + (a - g^2)\\,s$, give $z$
//! ([`candidate`]). No claim is made about $z$: it is usually
//! $\mathrm{RN}(\sqrt{a})$, but not always (in the tests 7 of 3.1·10⁶ radicands,
//! random and next to the rounding boundaries, are missed, each one ulp off).
//!
//! **A check that proves it.** Let $z > 0$ be a normal float with ulp $u$
//! ($2^e \le z < 2^{e+1}$, $u = 2^{e-52}$), $z^+$ the next float up and $z^-$
//! the next float down (their bit patterns $\pm 1$; $z - z^- = u^-$, which is
//! $u/2$ when $z > 2^{-1022}$ is a power of two, else $u$). Then
//! $z = \mathrm{RN}(\sqrt{a})$ exactly when $\sqrt{a}$ lies strictly between the
//! midpoints $z - u^-/2$ and $z + u/2$, and for a finite $a \ge 2^{-900}$
//!
//! $$z = \mathrm{RN}(\sqrt{a}) \iff \mathrm{RN}(a - z\\,z^+) \le 0
//!   \ \text{ and }\ \mathrm{RN}(a - z\\,z^-) > 0,$$
//!
//! each side one fused multiply-add ([`is_root`]):
//!
//! 1. $\sqrt{a} < z + u/2 \iff a < z z^+ + u^2/4$. If $a > z z^+$, then
//!    $a > 2^{2e}$, so $a$ is a multiple of its ulp, $\ge 2^{2e-52} = 2^{52}u^2$,
//!    and $z z^+ = Z (Z + 1) u^2$ ($Z = z/u$ an integer) is a multiple of $u^2$:
//!    $a - z z^+ \ge u^2 > u^2/4$. So the condition is $a \le z z^+$, and
//!    $\sqrt{a}$ is never the midpoint itself (no ties).
//! 2. $\sqrt{a} > z - u^-/2 \iff a > z z^- + (u^-)^2/4$. If $a > z z^-$, then
//!    $a \ge 2^{2e-1}$, a multiple of $2^{51}u^2$, and $z z^-$ is a multiple of
//!    $(u^-)^2$ (of $u^2$, or of $2^{51}u^2$ when $z = 2^e$): $a - z z^- \ge
//!    (u^-)^2$. So the condition is $a > z z^-$, and here too $\sqrt{a}$ is
//!    never the midpoint. (An exact $a = z z^\pm$ gives $+0$: the first test
//!    passes, rightly, and the second fails, rightly.)
//! 3. The fused multiply-add rounds the exact $a - z z^\pm$ once, and rounding
//!    keeps the sign; it could only turn a positive value into $+0$ (and pass
//!    the first test wrongly, or fail the second) if that value were at most
//!    $2^{-1075}$. A positive $a - z z^\pm$ is at least $(u^-)^2 \ge u^2/4 \ge
//!    2^{-1006}$ when $z \ge 2^{-450}$ (steps 1 and 2); when $z$ is smaller,
//!    $z \le 2^{-450} - 2^{-503}$ and $z^\pm \le 2^{-450}$, so $z z^\pm \le
//!    2^{-900} - 2^{-953}$ and $a - z z^\pm \ge 2^{-953}$. A difference below
//!    $-$`f64::MAX` (a huge $z$) rounds to $-\infty$: the sign is still right.
//! 4. Anything else fails: $z \le 0$ and NaN by the test $z > 0$; $z = +\infty$
//!    because $z^+$ is then a NaN pattern; a subnormal $z$ because
//!    $a - z z^+ \approx a > 0$. And $a = +\infty$ (or NaN) fails whatever $z$
//!    is (for $+\infty$ the check says no where $\sqrt{a} = +\infty$: such a
//!    block goes to the instruction, as below).
//!
//! So the candidate can be anything; what stands is proven, lane by lane. A
//! kernel computes a block of [`BLOCK`] roots this way ([`roots`]) and when any
//! one fails the check (an $a$ below $2^{-900}$ or not finite, or a candidate
//! one ulp off) it takes the whole block's roots from the square root
//! instruction: a branch per block, taken for about one block in 10⁴ on random
//! data. The tests check the equivalence both ways on 3.1·10⁶ radicands.
//!
//! **Where.** f64 on the AVX-512 kernels ([`by_fma`]): there a step whose
//! arrays are in cache is markedly faster, and at large n, where both cores
//! wait for the memory, about as fast. With AVX2's four lanes the sequence costs
//! as much as the instruction and the loops it adds cost more, so AVX2 and
//! f32 keep the instruction. The measurements: the crate's README.

use crate::exact_div::BLOCK;
use crate::Float;

/// $2^{-900}$: the smallest $a$ the check takes (see the module docs, step 3).
const LO: f64 = f64::from_bits((1023 - 900) << 52);

/// The candidate $z \approx \sqrt{a}$ of the module docs (for $a > 0$; any
/// value for other $a$, which [`is_root`] refuses).
#[inline(always)]
pub(crate) fn candidate<F: Float>(a: F) -> F {
    let half_a = F::of(0.5) * a;
    let mut y = a.rsqrt_seed();
    for _ in 0..2 {
        y = y * (-half_a).mul_add(y * y, F::of(1.5));
    }
    let (mut g, mut s) = (a * y, F::of(0.5) * y);
    let r = (-g).mul_add(s, F::of(0.5));
    g = g.mul_add(r, g);
    s = s.mul_add(r, s);
    (-g).mul_add(g, a).mul_add(s, g)
}

/// $z = \mathrm{RN}(\sqrt{a})$, proven for f64 by the module docs' check:
/// $a \ge 2^{-900}$, $z > 0$, $\mathrm{RN}(a - z z^+) \le 0$ and
/// $\mathrm{RN}(a - z z^-) > 0$.
#[inline(always)]
pub(crate) fn is_root<F: Float>(a: F, z: F) -> bool {
    // the proof and LO are binary64's (in f32, LO would round to 0)
    debug_assert!(F::BY_FMA, "exact_sqrt is for f64");
    (a >= F::of(LO))
        & (z > F::default())
        & ((-z).mul_add(z.next_up_bits(), a) <= F::default())
        & ((-z).mul_add(z.next_down_bits(), a) > F::default())
}

/// Whether kernels in `F` take roots this way: f64 on the AVX-512 kernels
/// (see the module docs, "Where").
#[inline]
pub(crate) fn by_fma<F: Float>() -> bool {
    F::BY_FMA && crate::kernels_for::<F>() == crate::Kernels::Avx512
}

/// `out[j]` = $\sqrt{a_j + \epsilon}$ for a block (an RMS of Adadelta's),
/// correctly rounded: the candidates when every one passes [`is_root`], else
/// the square root instruction for the whole block. For the kernels that
/// [`by_fma`] allows (elsewhere the instruction alone is faster).
#[inline(always)]
pub(crate) fn roots<F: Float>(a: &[F; BLOCK], eps: F, out: &mut [F; BLOCK]) {
    let mut all = true;
    for (z, &a) in out.iter_mut().zip(a) {
        let a = a + eps;
        *z = candidate(a);
        all &= is_root(a, *z);
    }
    if !all {
        for (z, &a) in out.iter_mut().zip(a) {
            *z = (a + eps).sqrt();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha8Rng;
    use rand_core::{Rng, SeedableRng};

    /// A positive float with a random significand and an exponent in `lo..=hi`
    /// (a power of two one time in 16).
    fn random(rng: &mut ChaCha8Rng, lo: i64, hi: i64) -> f64 {
        let e = lo + (rng.next_u64() % (hi - lo + 1) as u64) as i64;
        let m = if rng.next_u64().is_multiple_of(16) {
            0
        } else {
            rng.next_u64() & ((1 << 52) - 1)
        };
        f64::from_bits(((e + 1023) as u64) << 52 | m)
    }

    fn plus(x: f64, k: i64) -> f64 {
        f64::from_bits(x.to_bits().wrapping_add_signed(k))
    }

    /// Radicands next to the rounding boundaries: for a random z, the floats
    /// within two ulps of z², z·z⁺ and z·z⁻ (whose roots lie next to z or to the
    /// midpoints around it).
    fn hard(rng: &mut ChaCha8Rng, k: usize) -> Vec<f64> {
        let mut a = Vec::with_capacity(15 * k);
        for _ in 0..k {
            let z = random(rng, -449, 449);
            for base in [z * z, z * plus(z, 1), z * plus(z, -1)] {
                a.extend((-2..=2).map(|d| plus(base, d)));
            }
        }
        a
    }

    /// The check accepts a candidate exactly when it is the square root's
    /// number, for every radicand in range tried (random and hard, 3·10⁶),
    /// and it is not idle: wrong candidates occur and are refused; nor is it
    /// too strict: in range, no right candidate is refused.
    #[test]
    fn the_check_accepts_exactly_the_correctly_rounded_root() {
        let mut rng = ChaCha8Rng::seed_from_u64(11);
        let mut a: Vec<f64> = (0..1_000_000)
            .map(|_| random(&mut rng, -900, 1023))
            .collect();
        a.extend(hard(&mut rng, 140_000));
        let (mut wrong, mut tried) = (0usize, 0usize);
        for &a in &a {
            let z = candidate(a);
            let right = z.to_bits() == a.sqrt().to_bits();
            assert_eq!(
                is_root(a, z),
                right,
                "√{a:e}: candidate {z:e}, root {:e}",
                a.sqrt()
            );
            // one ulp off either way is refused too, whatever the candidate did
            assert!(!is_root(a, plus(a.sqrt(), 1)) && !is_root(a, plus(a.sqrt(), -1)));
            wrong += usize::from(!right);
            tried += 1;
        }
        assert!(
            wrong > 0,
            "the candidate was right for all {tried}: the check was never tested"
        );
        eprintln!("the candidate missed {wrong} of {tried} radicands; the check refused each");
    }

    /// Out of range the check refuses whatever it is given — below 2⁻⁹⁰⁰,
    /// subnormal, 0, negative, ±∞, NaN — and a block with one such radicand
    /// takes its roots from the instruction; so does a block with a candidate
    /// forced wrong.
    #[test]
    fn what_the_check_refuses_goes_to_the_instruction() {
        let mut rng = ChaCha8Rng::seed_from_u64(12);
        let mut odd: Vec<f64> = (0..2000).map(|_| random(&mut rng, -1022, -901)).collect();
        odd.extend((0..2000).map(|_| f64::from_bits(rng.next_u64() % (1 << 52))));
        odd.extend([
            0.0,
            -0.0,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            f64::MIN_POSITIVE,
        ]);
        for (i, &x) in odd.iter().enumerate() {
            for z in [
                candidate(x),
                x.sqrt(),
                plus(x.sqrt(), 1),
                plus(x.sqrt(), -1),
                1.0,
            ] {
                assert!(!is_root(x, z), "√{x:e}: {z:e} accepted");
            }
            let mut block = [2.0; BLOCK];
            block[i % BLOCK] = x;
            let mut out = [0.0; BLOCK];
            roots(&block, 0.0, &mut out);
            for (&a, &z) in block.iter().zip(&out) {
                let root = (a + 0.0).sqrt();
                assert!(z.to_bits() == root.to_bits() || (z.is_nan() && root.is_nan()));
            }
        }
        // a right root next to wrong neighbours: z⁺ and z⁻ of the true root fail
        for _ in 0..100_000 {
            let a = random(&mut rng, -900, 1023);
            let z = a.sqrt();
            assert!(is_root(a, z));
            assert!(!is_root(a, plus(z, 1)) && !is_root(a, plus(z, -1)) && !is_root(a, -z));
        }
    }
}
