//! # The plain update over slices, fast
//!
//! An element-wise optimizer step is memory-bound: Adam on $n$ parameters reads
//! $\theta, g, m, v$ and writes $\theta, m, v$, seven streams of $n$ numbers, and
//! the arithmetic per element (a square root, a division, a few multiply-adds)
//! costs less than moving those numbers. The step-through crates (`adam`, …)
//! are written to be read: ndarray `Zip`s over the state they record, one thread,
//! and the `pytorch` convention's [`f64::mul_add`] calls go to a library routine
//! on the default x86-64 target. This crate is the same arithmetic for a user
//! who computes:
//!
//! - **One pass, only the arrays the method needs.** Each optimizer keeps its
//!   state as plain `Vec<F>` buffers allocated once ([`Adam`](adam::Adam) keeps $m, v$;
//!   the recorded copies — Adagrad's effective rates, Adadelta's RMS — are not
//!   kept). A step allocates nothing of its own.
//! - **The hyperparameters come from the optimizer crates.** A fast optimizer is
//!   built from the crate's own struct (`AdamSlices::new(&Adam { .. }, n)`),
//!   which is validated there ([`optcore::Optimizer::validate`]): one source of
//!   truth for defaults, domains and conventions. Every one is a [`Slices`]
//!   (`AdamSlices<F>` is `Slices<Adam, F>`): one wrapper that keeps the state
//!   and checks the lengths, and per optimizer a [`FastStep`] that says which
//!   arrays it keeps and which kernel its step runs.
//! - **Real fused multiply-adds.** Where the `pytorch` convention rounds as
//!   torch's fused multiply-adds do ([`optcore::torch_ops`]), the kernels call
//!   `mul_add` inside a function compiled with `#[target_feature(enable =
//!   "avx2,fma")]` (or `"avx512f,avx2,fma"` for f64 where the CPU has AVX-512),
//!   chosen at run time ([`kernels()`]); elsewhere the same source runs as
//!   portable code. `mul_add` is correctly rounded either way, so the numbers
//!   are the same to the last bit on every path (tested on each), only the speed
//!   differs. The `paper` convention has no fused operation of its own and the
//!   compiler never fuses on its own (Rust does not contract `a * b + c`).
//! - **The bias corrections without the divider.** Adam's family divides every
//!   element by a number fixed for the step, $1 - \beta^t$ or its square root.
//!   In f64 on a CPU with FMA those quotients are computed from
//!   $\mathrm{RN}(1/b)$ with one multiply and four fused multiply-adds whose
//!   result is proven to be the correctly rounded $a/b$ — the divider's number,
//!   bit for bit — for every dividend but the near-subnormal and near-overflow
//!   ones, for which a block of 64 elements is computed again with the divider
//!   (module `exact_div`, tested on 3.6·10⁶ hard and random pairs): the
//!   divider, which the square root shares, would otherwise hold the
//!   Adam-family steps below the memory's speed.
//! - **Adadelta's square roots without the divider.** With AVX-512, each of
//!   Adadelta's two roots per element is a candidate made from multiply-adds
//!   and a check of two fused multiply-adds that proves it is the correctly
//!   rounded $\sqrt{a}$; a block of 64 with any root not proven takes its
//!   roots from the instruction (module `exact_sqrt`).
//! - **The memory asked for ahead.** The kernels that do more than a few
//!   multiply-adds per element run in blocks of 64 and, before each, ask for
//!   the cache lines 2 KiB ahead in every array (`_mm_prefetch`, a hint): a core
//!   busy with square roots and divisions otherwise waits for its loads.
//! - **Both cores for large n.** Above [`PARALLEL_MIN`] elements the slices are cut
//!   into contiguous pieces, one per rayon thread ([`rayon::join`] halving
//!   recursively), each piece run by the same kernel. Every element's arithmetic
//!   is independent of the others, so the result cannot depend on the number of
//!   threads (tested).
//! - **f32 and f64.** Generic over the sealed [`Float`]. The per-step scalars
//!   (bias corrections, $\eta_t$, $\mu_t$) are computed in f64 exactly as the
//!   step-through crates compute them and rounded once to `F`; the per-element
//!   arithmetic is done in `F`.
//!
//! Why rayon itself rather than ndarray's `rayon` feature and its parallel `Zip`:
//! the kernels work on slices (no ndarray here), and a workspace build that
//! includes this crate would switch that feature on for every crate's ndarray
//! (cargo unifies features); notebooks, which compile the optimizer crates,
//! must not pay for rayon.
//!
//! What a step checks: the lengths (a typed [`optcore::Error::Dimension`]). It does
//! not check that the gradient is finite — that would be a second pass over $g$,
//! one more stream of $n$ numbers (about 15 % of an Adam step); torch's fused
//! optimizers do not check either. [`all_finite`] is there for a caller who
//! wants it. A NaN gradient makes NaN parameters, as in torch. Nor does it
//! check AdaMax's $u_t \ne 0$, which the step-through `paper` step refuses:
//! there 0/0 makes NaN parameters too ([`AdamaxSlices`]).
//!
//! [`floor`] is the yardstick of the benchmark (`cargo bench -p fastupdate`): a
//! streaming kernel over a step's own arrays, with the same threads, that reads
//! and writes every element and leaves its value as it was. The results per
//! machine and kernel path, how to reproduce them, and what was measured on
//! the way: the crate's README (`crates/fast/README.md`).

use optcore::{Error, Result};

mod exact_div;
mod exact_sqrt;
mod kernels;
mod slices;
pub use kernels::{
    AdadeltaSlices, AdagradSlices, AdamSlices, AdamWSlices, AdamaxSlices, AmsgradSlices,
    MomentumSlices, NadamSlices, NagSlices, RmspropSlices, SgdSlices,
};
pub use slices::{FastStep, Moments, Slices, Step};

/// The crate's README (`crates/fast/README.md`), its Rust examples compiled and
/// run as doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// Re-exported so that a user of this crate names the same hyperparameter structs.
pub use {adadelta, adagrad, adam, adamax, adamw, amsgrad, gd, momentum, nadam, nag, rmsprop};

mod private {
    pub trait Sealed {}
    impl Sealed for f32 {}
    impl Sealed for f64 {}
}

/// The two floating-point types the kernels run in (sealed: f32 and f64).
pub trait Float:
    private::Sealed
    + Copy
    + Send
    + Sync
    + Default
    + PartialEq
    + PartialOrd
    + std::fmt::Debug
    + std::ops::Add<Output = Self>
    + std::ops::Sub<Output = Self>
    + std::ops::Mul<Output = Self>
    + std::ops::Div<Output = Self>
    + std::ops::Neg<Output = Self>
    + 'static
{
    /// `"f32"` or `"f64"`.
    const NAME: &'static str;
    /// Whether the correctly rounded multiply-add sequences replace the divider
    /// where the kernels have hardware FMA: a division by a step's fixed
    /// divisor, a bias correction (`exact_div`), and Adadelta's square roots
    /// (`exact_sqrt`, AVX-512 kernels only). f64 only.
    const BY_FMA: bool;
    /// Whether steps in this type run the AVX-512 kernels where the CPU has them
    /// ([`Kernels::Avx512`]): f64 only.
    const AVX512: bool;
    /// An f64 rounded once to this type.
    fn of(x: f64) -> Self;
    /// The value as f64 (exact).
    fn to_f64(self) -> f64;
    /// $\sqrt{x}$, correctly rounded.
    fn sqrt(self) -> Self;
    /// $a\\,b + c$ with one rounding (a fused multiply-add).
    fn mul_add(self, b: Self, c: Self) -> Self;
    /// The magnitude of `self` with the sign of `sign`.
    fn copysign(self, sign: Self) -> Self;
    /// Finite (not NaN, not ±∞).
    fn is_finite(self) -> bool;
    /// $|x|$ (the sign bit cleared).
    fn abs(self) -> Self;
    /// The larger of the two, the standard library's `max` (a NaN argument
    /// gives the other one), as the step-through crates call it.
    fn max(self, other: Self) -> Self;
    /// The float whose bit pattern is one more: for a positive finite value
    /// the next float up (`exact_sqrt`'s $z^+$).
    fn next_up_bits(self) -> Self;
    /// The float whose bit pattern is one less: for a positive finite value
    /// the next float down (`exact_sqrt`'s $z^-$).
    fn next_down_bits(self) -> Self;
    /// $1/\sqrt{x}$ within 3.5 % for a positive normal $x$, from the bit
    /// pattern alone (a constant minus half of it, read as an integer; the
    /// constants are Robertson's for f64 and Lomont's for f32): `exact_sqrt`'s first estimate.
    fn rsqrt_seed(self) -> Self;
}

/// The two impls of [`Float`]: each method is the type's own (`f64::sqrt`, …)
/// or its bit pattern as the unsigned integer `$bits`.
macro_rules! float_impl {
    ($t:ident, $bits:ident, $name:literal, by_fma: $by_fma:literal, avx512: $avx512:literal,
     rsqrt_magic: $magic:literal, of: |$x:ident| $of:expr) => {
        impl Float for $t {
            const NAME: &'static str = $name;
            const BY_FMA: bool = $by_fma;
            const AVX512: bool = $avx512;
            #[inline(always)]
            fn of($x: f64) -> Self {
                $of
            }
            #[inline(always)]
            fn to_f64(self) -> f64 {
                f64::from(self)
            }
            #[inline(always)]
            fn sqrt(self) -> Self {
                $t::sqrt(self)
            }
            #[inline(always)]
            fn mul_add(self, b: Self, c: Self) -> Self {
                $t::mul_add(self, b, c)
            }
            #[inline(always)]
            fn copysign(self, sign: Self) -> Self {
                $t::copysign(self, sign)
            }
            #[inline(always)]
            fn is_finite(self) -> bool {
                $t::is_finite(self)
            }
            #[inline(always)]
            fn abs(self) -> Self {
                $t::abs(self)
            }
            #[inline(always)]
            fn max(self, other: Self) -> Self {
                $t::max(self, other)
            }
            #[inline(always)]
            fn next_up_bits(self) -> Self {
                $t::from_bits(self.to_bits().wrapping_add(1))
            }
            #[inline(always)]
            fn next_down_bits(self) -> Self {
                $t::from_bits(self.to_bits().wrapping_sub(1))
            }
            #[inline(always)]
            fn rsqrt_seed(self) -> Self {
                $t::from_bits(($magic as $bits).wrapping_sub(self.to_bits() >> 1))
            }
        }
    };
}

float_impl!(f64, u64, "f64", by_fma: true, avx512: true,
    rsqrt_magic: 0x5FE6_EB50_C7B5_37A9u64, of: |x| x);
float_impl!(f32, u32, "f32", by_fma: false, avx512: false,
    rsqrt_magic: 0x5F37_5A86u32, of: |x| x as f32);

/// Every element finite: the check a step leaves out (one read of `x`).
pub fn all_finite<F: Float>(x: &[F]) -> bool {
    x.iter().all(|v| v.is_finite())
}

/// A fast optimizer over slices: its state, built once for `n` parameters.
pub trait SliceUpdate<F: Float>: Send {
    /// `name/convention` and variants, as the step-through optimizer describes itself.
    fn describe(&self) -> String;
    /// The number of parameters it was built for.
    fn len(&self) -> usize;
    /// Built for no parameters.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Steps taken so far.
    fn steps(&self) -> usize;
    /// One update of `theta` in place from `grad` ($\nabla J$ where the method
    /// takes it: at θ, except NAG under `paper`, at [`NagSlices::lookahead`]).
    /// A length mismatch is a typed error and changes nothing.
    fn update(&mut self, theta: &mut [F], grad: &[F]) -> Result<()>;
    /// The state arrays a step reads and writes (besides θ and g): the floor of
    /// the benchmark streams over as many.
    fn state_arrays(&mut self) -> Vec<&mut [F]>;
}

/// Below this many elements a step runs on the calling thread alone; above,
/// it is cut into one contiguous piece per rayon thread (pieces not smaller
/// than half of this). Chosen, not tuned: handing work to another thread costs
/// microseconds, a step on 2¹⁵ f64 elements several times that; the
/// benchmark's n = 10³ (one thread) and 10⁵ (split) rows show each side of it.
pub const PARALLEL_MIN: usize = 1 << 15;

pub(crate) use optcore::error::check_dim as check_len;

/// The kernels a step runs: the same source compiled three ways, chosen at run
/// time. Every path gives the same numbers to the last bit (`tests/equal.rs`,
/// run on each path by `./test.sh`); only the speed differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kernels {
    /// AVX-512F with FMA, eight f64 lanes: f64 steps on a CPU that has it,
    /// because the f64 steps heavy in divisions need half the instructions to
    /// keep up with the memory. f32 steps run [`Kernels::Avx2Fma`] there: they
    /// keep up on AVX2 already and gain nothing (the crate's README).
    Avx512,
    /// AVX2 with FMA: `mul_add` is one `vfmadd` instruction.
    Avx2Fma,
    /// The default target's code: `mul_add` is the library's `fma`.
    Portable,
}

impl Kernels {
    /// `"avx512"`, `"avx2+fma"`, `"portable"`.
    pub fn name(self) -> &'static str {
        match self {
            Kernels::Avx512 => "avx512",
            Kernels::Avx2Fma => "avx2+fma",
            Kernels::Portable => "portable",
        }
    }
}

/// The widest kernels this CPU has, read once per process. The environment
/// variable `FASTUPDATE_KERNELS=avx2` or `=portable` narrows the choice (never
/// widens it): the tests run each path that way on one machine.
pub fn kernels() -> Kernels {
    static CHOICE: std::sync::OnceLock<Kernels> = std::sync::OnceLock::new();
    *CHOICE.get_or_init(|| {
        let detected = detect();
        match std::env::var("FASTUPDATE_KERNELS").as_deref() {
            Ok("portable") => Kernels::Portable,
            Ok("avx2") if detected != Kernels::Portable => Kernels::Avx2Fma,
            _ => detected,
        }
    })
}

fn detect() -> Kernels {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        if !(has!("fma") && has!("avx2")) {
            Kernels::Portable
        } else if has!("avx512f") {
            Kernels::Avx512
        } else {
            Kernels::Avx2Fma
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    {
        Kernels::Portable
    }
}

/// The kernels a step in `F` runs: [`kernels()`], with AVX-512 for f64 only.
pub fn kernels_for<F: Float>() -> Kernels {
    match kernels() {
        Kernels::Avx512 if !F::AVX512 => Kernels::Avx2Fma,
        k => k,
    }
}

/// Do the kernels have hardware FMA ([`kernels()`] is not portable)?
#[inline]
pub(crate) fn has_fma() -> bool {
    kernels() != Kernels::Portable
}

/// One element-wise kernel over `K` state arrays with parameters `P`. Every
/// `#[inline(always)]` kernel function is one (the blanket impl); a kernel too
/// large for the compiler to inline through the `Fn` call shim is instead a
/// unit struct whose `run` calls it directly, so that it is compiled inside
/// the target-feature leaf (out of line it would run without FMA, calling the
/// library's `fma` per element).
pub(crate) trait Kernel<F, P, const K: usize> {
    fn run(&self, p: &P, x: &mut [F], g: &[F], state: [&mut [F]; K]);
}

impl<F, P, const K: usize, T: Fn(&P, &mut [F], &[F], [&mut [F]; K])> Kernel<F, P, K> for T {
    #[inline(always)]
    fn run(&self, p: &P, x: &mut [F], g: &[F], state: [&mut [F]; K]) {
        self(p, x, g, state)
    }
}

/// Runs `kernel` over `theta`, `grad` and the `K` state arrays (all of one
/// length `n`, or an array empty where a variant does not keep it): on the
/// calling thread, one piece, for `n < PARALLEL_MIN`; else cut into contiguous
/// pieces of about `n` / threads, none smaller than `PARALLEL_MIN / 2`, over
/// rayon's threads ([`split`]).
pub(crate) fn drive<F, P, const K: usize, Kn>(
    theta: &mut [F],
    grad: &[F],
    state: [&mut [F]; K],
    p: &P,
    kernel: Kn,
) where
    F: Float,
    P: Sync,
    Kn: Kernel<F, P, K> + Copy + Sync,
{
    let n = theta.len();
    let min = if n < PARALLEL_MIN {
        n
    } else {
        let pieces = rayon::current_num_threads().max(1);
        n.div_ceil(pieces).max(PARALLEL_MIN / 2)
    };
    split(kernels_for::<F>(), min, theta, grad, state, p, kernel);
}

/// Halves the slices ([`rayon::join`]) until a piece has at most `min`
/// elements, then runs `kernel` on it with the kernels of `path`: inside a
/// function compiled with AVX-512 or AVX2 and FMA ([`leaf_avx512`],
/// [`leaf_fma`]), or portably.
fn split<F, P, const K: usize, Kn>(
    path: Kernels,
    min: usize,
    theta: &mut [F],
    grad: &[F],
    state: [&mut [F]; K],
    p: &P,
    kernel: Kn,
) where
    F: Float,
    P: Sync,
    Kn: Kernel<F, P, K> + Copy + Sync,
{
    let n = theta.len();
    if n <= min {
        #[cfg(target_arch = "x86_64")]
        match path {
            // SAFETY: `kernels` chose Avx512 only on a CPU with AVX-512F, AVX2 and FMA.
            Kernels::Avx512 => unsafe { leaf_avx512(theta, grad, state, p, kernel) },
            // SAFETY: `kernels` chose Avx2Fma only on a CPU with AVX2 and FMA.
            Kernels::Avx2Fma => unsafe { leaf_fma(theta, grad, state, p, kernel) },
            Kernels::Portable => kernel.run(p, theta, grad, state),
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = path;
            kernel.run(p, theta, grad, state);
        }
        return;
    }
    let mid = n / 2;
    let (t0, t1) = theta.split_at_mut(mid);
    let (g0, g1) = grad.split_at(mid);
    let mut lo: [&mut [F]; K] = std::array::from_fn(|_| -> &mut [F] { &mut [] });
    let mut hi: [&mut [F]; K] = std::array::from_fn(|_| -> &mut [F] { &mut [] });
    for (i, s) in state.into_iter().enumerate() {
        // An unused buffer of a variant (empty) stays empty.
        let (a, b) = s.split_at_mut(mid.min(s.len()));
        lo[i] = a;
        hi[i] = b;
    }
    rayon::join(
        || split(path, min, t0, g0, lo, p, kernel),
        || split(path, min, t1, g1, hi, p, kernel),
    );
}

/// A leaf: `kernel.run` inside a function compiled with the given target
/// features, so that the always-inlined kernel is compiled with them too.
macro_rules! leaf_with {
    ($(#[$doc:meta])* $name:ident, $features:literal) => {
        $(#[$doc])*
        #[cfg(target_arch = "x86_64")]
        #[target_feature(enable = $features)]
        unsafe fn $name<F, P, const K: usize, Kn>(
            theta: &mut [F],
            grad: &[F],
            state: [&mut [F]; K],
            p: &P,
            kernel: Kn,
        ) where
            F: Float,
            Kn: Kernel<F, P, K>,
        {
            kernel.run(p, theta, grad, state);
        }
    };
}

leaf_with!(
    /// The same kernel, compiled with AVX2 and FMA: `mul_add` becomes one
    /// `vfmadd` instruction, loops run 4 (f64) or 8 (f32) lanes wide. A kernel is
    /// a function item marked `#[inline(always)]` with its parameters in `p` —
    /// not a closure: a closure is compiled as a function of its own, without
    /// these features, and the compiler need not inline it here; out of line,
    /// every `mul_add` would be a call to the library's software `fma`.
    leaf_fma,
    "avx2,fma"
);

leaf_with!(
    /// The same kernel compiled with AVX-512F as well: the loops run 8 f64 lanes
    /// wide, half the instructions of [`leaf_fma`] for the same work.
    leaf_avx512,
    "avx512f,avx2,fma"
);

/// The floor of the benchmark: a streaming kernel that reads θ, g and every
/// state array and writes θ and every state array — the memory traffic of a
/// step with no arithmetic to speak of — with the same threads and pieces as a
/// step. It leaves every value as it was: $x \leftarrow 1\cdot x + 0\cdot g$ and
/// $s \leftarrow 1\cdot s$ per element, with the 1 and the 0 hidden from the
/// compiler ([`std::hint::black_box`]) so that the loads and stores stay (only a
/// $-0$ in θ may come back as $+0$). So the benchmark runs it over a step's own
/// θ and state ([`SliceUpdate::state_arrays`]): the same memory, the same pages
/// and alignment, without disturbing the optimizer.
pub fn floor<F: Float>(theta: &mut [F], grad: &[F], state: Vec<&mut [F]>) -> Result<()> {
    let n = theta.len();
    check_len("floor: g against θ", n, grad.len())?;
    for s in &state {
        check_len("floor: a state array against θ", n, s.len())?;
    }
    if state.len() > 3 {
        return Err(Error::Dimension {
            what: "floor: state arrays (at most 3, as many as a step has)",
            expected: 3,
            found: state.len(),
        });
    }
    let p = (
        std::hint::black_box(F::of(1.0)),
        std::hint::black_box(F::of(0.0)),
    );
    let mut it = state.into_iter();
    match (it.next(), it.next(), it.next()) {
        (None, _, _) => drive(theta, grad, [], &p, floor0::<F>),
        (Some(a), None, _) => drive(theta, grad, [a], &p, floor1::<F>),
        (Some(a), Some(b), None) => drive(theta, grad, [a, b], &p, floor2::<F>),
        (Some(a), Some(b), Some(c)) => drive(theta, grad, [a, b, c], &p, floor3::<F>),
    }
    Ok(())
}

#[inline(always)]
fn floor0<F: Float>(&(one, zero): &(F, F), x: &mut [F], g: &[F], []: [&mut [F]; 0]) {
    for (x, &g) in x.iter_mut().zip(g) {
        *x = *x * one + g * zero;
    }
}

#[inline(always)]
fn floor1<F: Float>(&(one, zero): &(F, F), x: &mut [F], g: &[F], [a]: [&mut [F]; 1]) {
    for ((x, &g), a) in x.iter_mut().zip(g).zip(a.iter_mut()) {
        *x = *x * one + g * zero;
        *a = *a * one;
    }
}

#[inline(always)]
fn floor2<F: Float>(&(one, zero): &(F, F), x: &mut [F], g: &[F], [a, b]: [&mut [F]; 2]) {
    for (((x, &g), a), b) in x.iter_mut().zip(g).zip(a.iter_mut()).zip(b.iter_mut()) {
        *x = *x * one + g * zero;
        *a = *a * one;
        *b = *b * one;
    }
}

#[inline(always)]
fn floor3<F: Float>(&(one, zero): &(F, F), x: &mut [F], g: &[F], [a, b, c]: [&mut [F]; 3]) {
    for ((((x, &g), a), b), c) in x
        .iter_mut()
        .zip(g)
        .zip(a.iter_mut())
        .zip(b.iter_mut())
        .zip(c.iter_mut())
    {
        *x = *x * one + g * zero;
        *a = *a * one;
        *b = *b * one;
        *c = *c * one;
    }
}
