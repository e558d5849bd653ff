//! One fast optimizer per method of the registry. Each kernel is the
//! step-through crate's arithmetic, operation by operation, in the order that
//! crate rounds it (its `step_paper` / `step_pytorch`); the comments name the
//! torch operation where the `pytorch` convention follows one. The scalars of a
//! step are computed in f64 as that crate computes them, then rounded to `F`.
//! Two operations are computed another way to the same number: a division by a
//! step's bias correction ([`Divisor`], correctly rounded like the `/` it
//! replaces; the kernels that use it run in blocks of [`BLOCK`] elements), and
//! Adadelta's square roots with AVX-512 ([`roots`], each proven correctly
//! rounded or taken from the instruction).

use crate::exact_div::{fits, Divisor, BLOCK};
use crate::exact_sqrt::{self, roots};
use crate::slices::{check_lengths, FastStep, Moments, Slices, Step};
use crate::{drive, Float, SliceUpdate};
use adadelta::Adadelta;
use adagrad::Adagrad;
use adam::{Adam, EpsPlacement};
use adamax::Adamax;
use adamw::AdamW;
use amsgrad::Amsgrad;
use gd::Sgd;
use momentum::Momentum;
use nadam::Nadam;
use nag::Nag;
use optcore::torch_ops::pow_step;
use optcore::{Convention, Result};
use rmsprop::Rmsprop;

/// ATen's `lerp` (see [`optcore::torch_ops::lerp`]) with a weight $w$ fixed
/// for the step: $s + w(e - s)$ for $|w| < ½$, else $e - (e - s)(1 - w)$.
#[derive(Clone, Copy)]
struct Lerp<F> {
    w: F,
    one_minus_w: F,
    low: bool,
}

impl<F: Float> Lerp<F> {
    /// For the weight `w`: $w$ and $1 - w$ computed in f64 and rounded once
    /// to `F`, the formula chosen by $|w| < ½$ as ATen chooses it.
    fn new(w: f64) -> Self {
        Lerp {
            w: F::of(w),
            one_minus_w: F::of(1.0 - w),
            low: w.abs() < 0.5,
        }
    }
    /// On one element, from `start` towards `end`.
    #[inline(always)]
    fn at(&self, start: F, end: F) -> F {
        // Both formulas, then a select: a branch-free loop body vectorizes.
        let a = self.w.mul_add(end - start, start);
        let b = (-(end - start)).mul_add(self.one_minus_w, end);
        if self.low {
            a
        } else {
            b
        }
    }
}

/// How far ahead of the block being computed `blocks!` and `prefetched!`
/// ask for the cache lines of every array: 2 KiB. The heavier kernels keep the
/// core busy with divisions and square roots between loads and are
/// memory-bound at large n; asked for this far ahead, the loads overlap the
/// arithmetic. The floor has no hints: a plain stream gains nothing from them.
/// The distances tried and their effect: the crate's README.
const PREFETCH_BYTES: usize = 2048;

/// Asks the core to start loading the cache lines of `s[at..at + BLOCK]`
/// (nothing if that is past the end). A hint, no effect on any value.
#[inline(always)]
fn prefetch<F>(s: &[F], at: usize) {
    #[cfg(target_arch = "x86_64")]
    if at + BLOCK <= s.len() {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        let line = (64 / std::mem::size_of::<F>()).max(1);
        let mut k = 0;
        while k < BLOCK {
            // SAFETY: at + k < s.len(), checked above; SSE is part of x86-64.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(s.as_ptr().add(at + k).cast()) };
            k += line;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (s, at);
}

/// Runs `body` for each block `lo..hi` of [`BLOCK`] indices below `n` (the last
/// one shorter), first asking for the cache lines of every array listed
/// [`PREFETCH_BYTES`] ahead ([`prefetch`]; an empty array is skipped). For the
/// kernels that index their arrays over a range; `blocks!` builds on it.
macro_rules! prefetched {
    ($F:ty; $n:expr, [$($a:ident),*] => |$lo:ident, $hi:ident| $body:block) => {{
        let n = $n;
        let ahead = PREFETCH_BYTES / std::mem::size_of::<$F>();
        let mut $lo = 0;
        while $lo < n {
            let $hi = ($lo + BLOCK).min(n);
            $(prefetch(&$a[..], $lo + ahead);)*
            $body
            $lo = $hi;
        }
    }};
}

/// [`prefetched!`] over θ, g and the state arrays with each name rebound, for
/// the body, to its block as a fixed-size array (`&mut [F; BLOCK]`, g
/// `&[F; BLOCK]`): loops of a constant length, and a whole block of dividends
/// to check before its results stand ([`Divisor`]). The last, shorter block
/// runs on zero-padded copies and only its own elements are copied back (the
/// padding's lanes compute harmless values, NaN at worst, that nobody reads).
macro_rules! blocks {
    ($F:ty; $x:ident, $g:ident, [$($s:ident),*] => $body:block) => {{
        prefetched!($F; $x.len(), [$x, $g $(, $s)*] => |lo, hi| {
            if hi - lo == BLOCK {
                let $x: &mut [$F; BLOCK] = (&mut $x[lo..hi]).try_into().unwrap();
                let $g: &[$F; BLOCK] = (&$g[lo..hi]).try_into().unwrap();
                $(let $s: &mut [$F; BLOCK] = (&mut $s[lo..hi]).try_into().unwrap();)*
                $body
            } else {
                let tail = hi - lo;
                let mut xb = ([<$F>::default(); BLOCK], &mut $x[lo..hi]);
                xb.0[..tail].copy_from_slice(xb.1);
                let mut gb = [<$F>::default(); BLOCK];
                gb[..tail].copy_from_slice(&$g[lo..hi]);
                $(
                    let mut $s = {
                        let r = &mut $s[lo..hi];
                        let mut b = [<$F>::default(); BLOCK];
                        b[..tail].copy_from_slice(r);
                        (b, r)
                    };
                )*
                {
                    let $x = &mut xb.0;
                    let $g = &gb;
                    $(let $s = &mut $s.0;)*
                    $body
                }
                xb.1.copy_from_slice(&xb.0[..tail]);
                $($s.1.copy_from_slice(&$s.0[..tail]);)*
            }
        });
    }};
}

/// A blocked kernel function as a [`crate::Kernel`] unit struct: a direct call,
/// always inlined into the AVX2+FMA piece. Through the `Fn` shim the compiler
/// need not inline these kernels, and the shim, compiled without FMA, would
/// call the library's `fma` per operation.
macro_rules! direct_kernel {
    ($name:ident, $func:ident, $k:literal, $p:ty) => {
        #[derive(Clone, Copy)]
        struct $name;
        impl<F: Float> crate::Kernel<F, $p, $k> for $name {
            #[inline(always)]
            fn run(&self, p: &$p, x: &mut [F], g: &[F], state: [&mut [F]; $k]) {
                $func::<F>(p, x, g, state)
            }
        }
    };
}

/// `body` compiled twice, with the constant `EXACT` true and false, and run as
/// `cond` says: each is a branch-free loop (`Divisor::quotient::<EXACT>`), and
/// the choice is one branch per step.
macro_rules! exact_or_divide {
    ($cond:expr, $exact:ident => $body:block) => {
        if $cond {
            const $exact: bool = true;
            $body
        } else {
            const $exact: bool = false;
            $body
        }
    };
}

/// [`FastStep::fast_state`] of a method whose first `k` state arrays start at 0.
fn zeros(k: usize) -> [Option<f64>; 3] {
    std::array::from_fn(|i| (i < k).then_some(0.0))
}

/// Gradient descent $\theta \leftarrow \theta - \eta g$ as one fused multiply-add
/// (both conventions: `gd::Sgd` rounds it as torch's `param.add_(grad, alpha=-lr)`).
/// No state arrays.
pub type SgdSlices<F> = Slices<Sgd, F>;

impl FastStep for Sgd {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(0)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        drive(s.theta, s.grad, [], &F::of(-self.lr), sgd_kernel::<F>);
    }
}

#[inline(always)]
fn sgd_kernel<F: Float>(&neg_lr: &F, x: &mut [F], g: &[F], []: [&mut [F]; 0]) {
    for (x, &g) in x.iter_mut().zip(g) {
        *x = neg_lr.mul_add(g, *x);
    }
}

/// The momentum kernels, shared by Momentum and NAG (same state: one velocity).
/// `paper`: $v \leftarrow \gamma v + \eta g$, $\theta \leftarrow \theta - v$.
/// `pytorch`: `buf.mul_(γ).add_(g)` (its `add_` with α = 1 is an exact product
/// and one rounding: a plain `+`), then `param.add_(d, alpha=-lr)` fused, where
/// d is `buf` (momentum) or `g.add(buf, alpha=γ)` fused (NAG).
fn momentum_update<F: Float>(
    convention: Convention,
    nesterov: bool,
    lr: f64,
    gamma: f64,
    s: Step<'_, F>,
) {
    let Step {
        t,
        theta,
        grad,
        state: [velocity, ..],
        ..
    } = s;
    let p = (F::of(lr), F::of(gamma), t == 1, nesterov);
    match convention {
        Convention::Paper => drive(theta, grad, [velocity], &p, momentum_paper::<F>),
        Convention::Pytorch => drive(theta, grad, [velocity], &p, momentum_torch::<F>),
    }
}

#[inline(always)]
fn momentum_paper<F: Float>(
    &(lr, gamma, _, _): &(F, F, bool, bool),
    x: &mut [F],
    g: &[F],
    [v]: [&mut [F]; 1],
) {
    for ((x, &g), v) in x.iter_mut().zip(g).zip(v.iter_mut()) {
        *v = gamma * *v + lr * g;
        *x = *x - *v;
    }
}

#[inline(always)]
fn momentum_torch<F: Float>(
    &(lr, gamma, first, nesterov): &(F, F, bool, bool),
    x: &mut [F],
    g: &[F],
    [b]: [&mut [F]; 1],
) {
    let neg_lr = -lr;
    for ((x, &g), b) in x.iter_mut().zip(g).zip(b.iter_mut()) {
        *b = if first { g } else { *b * gamma + g };
        let d = if nesterov { gamma.mul_add(*b, g) } else { *b };
        *x = neg_lr.mul_add(d, *x);
    }
}

/// Momentum (see `momentum`): one velocity buffer.
pub type MomentumSlices<F> = Slices<Momentum, F>;

impl FastStep for Momentum {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(1)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        momentum_update(self.convention, false, self.lr, self.momentum, s);
    }
}

impl<F: Float> MomentumSlices<F> {
    /// $v_t$ (torch's `momentum_buffer`).
    pub fn velocity(&self) -> &[F] {
        self.array(0)
    }
}

/// NAG (see `nag`): one velocity buffer. Under `paper` the gradient is taken at
/// the lookahead $\theta - \gamma v$ ([`NagSlices::lookahead`]); under `pytorch`
/// at θ itself.
pub type NagSlices<F> = Slices<Nag, F>;

impl FastStep for Nag {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(1)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        momentum_update(self.convention, true, self.lr, self.momentum, s);
    }
}

impl<F: Float> NagSlices<F> {
    /// $v_t$.
    pub fn velocity(&self) -> &[F] {
        self.array(0)
    }
    /// Where the next gradient is taken, written into `point`: $\theta - \gamma v$
    /// under `paper` (the lookahead), θ under `pytorch`
    /// ([`optcore::Optimizer::gradient_point`]). A length mismatch is a typed
    /// error and writes nothing.
    pub fn lookahead(&self, theta: &[F], point: &mut [F]) -> Result<()> {
        check_lengths(self.len(), theta, point)?;
        let opt = self.opt();
        match opt.convention {
            Convention::Paper => {
                let gamma = F::of(opt.momentum);
                for ((p, &x), &v) in point.iter_mut().zip(theta).zip(self.array(0)) {
                    *p = x - gamma * v;
                }
            }
            Convention::Pytorch => point.copy_from_slice(theta),
        }
        Ok(())
    }
}

/// Adagrad (see `adagrad`): the sum of squares $G$ alone, $G_0$ =
/// `initial_accumulator_value` (the step-through crate's recorded effective
/// rates and updates are not kept).
pub type AdagradSlices<F> = Slices<Adagrad, F>;

impl FastStep for Adagrad {
    fn fast_state(&self) -> [Option<f64>; 3] {
        [Some(self.initial_accumulator_value), None, None]
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            theta,
            grad,
            state: [sum_sq_grad, ..],
            ..
        } = s;
        let lr_t = F::of(self.lr_at(t));
        let eps = F::of(self.eps);
        match self.convention {
            // G ← G + g²; Δθ = −(η_t/√(G + ε))·g
            Convention::Paper => drive(theta, grad, [sum_sq_grad], &(lr_t, eps), AdagradPaper),
            // state_sum.addcmul_(g, g, value=1); std = state_sum.sqrt().add_(eps);
            // param.addcdiv_(g, std, value=-clr)
            Convention::Pytorch => drive(theta, grad, [sum_sq_grad], &(-lr_t, eps), AdagradTorch),
        }
    }
}

impl<F: Float> AdagradSlices<F> {
    /// $G_t$.
    pub fn sum_sq_grad(&self) -> &[F] {
        self.array(0)
    }
}

direct_kernel!(AdagradPaper, adagrad_paper, 1, (F, F));

#[inline(always)]
fn adagrad_paper<F: Float>(&(lr_t, eps): &(F, F), x: &mut [F], g: &[F], [big_g]: [&mut [F]; 1]) {
    prefetched!(F; x.len(), [x, g, big_g] => |lo, hi| {
        for ((x, &g), big_g) in x[lo..hi].iter_mut().zip(&g[lo..hi]).zip(&mut big_g[lo..hi]) {
            *big_g = *big_g + g * g;
            let lr_eff = lr_t / (*big_g + eps).sqrt();
            *x = *x + -(lr_eff * g);
        }
    });
}

direct_kernel!(AdagradTorch, adagrad_torch, 1, (F, F));

#[inline(always)]
fn adagrad_torch<F: Float>(
    &(neg_lr_t, eps): &(F, F),
    x: &mut [F],
    g: &[F],
    [big_g]: [&mut [F]; 1],
) {
    prefetched!(F; x.len(), [x, g, big_g] => |lo, hi| {
        for ((x, &g), big_g) in x[lo..hi].iter_mut().zip(&g[lo..hi]).zip(&mut big_g[lo..hi]) {
            *big_g = g.mul_add(g, *big_g);
            let std = big_g.sqrt() + eps;
            *x = *x + (neg_lr_t * g) / std;
        }
    });
}

/// Adadelta (see `adadelta`): $E\[g^2\]$ and $E\[\Delta\theta^2\]$, in one pass
/// (the step-through `paper` step makes three; every element's operations are
/// the same and in the same order, so the numbers are too).
pub type AdadeltaSlices<F> = Slices<Adadelta, F>;

impl FastStep for Adadelta {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(2)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            theta,
            grad,
            state: [sq, acc, _],
            ..
        } = s;
        let (rho, one_minus_rho, eps) = (F::of(self.rho), F::of(1.0 - self.rho), F::of(self.eps));
        match self.convention {
            Convention::Paper => {
                let rule = AdadeltaPaperRule {
                    rho,
                    one_minus_rho,
                    lr: F::of(self.lr),
                };
                drive(theta, grad, [sq, acc], &(eps, rule), AdadeltaKernel)
            }
            Convention::Pytorch => {
                let rule = AdadeltaTorchRule {
                    rho,
                    one_minus_rho,
                    neg_lr: -F::of(self.lr),
                };
                drive(theta, grad, [sq, acc], &(eps, rule), AdadeltaKernel)
            }
        }
    }
}

impl<F: Float> AdadeltaSlices<F> {
    /// $E\[g^2\]_t$ and $E\[\Delta\theta^2\]_t$.
    pub fn averages(&self) -> (&[F], &[F]) {
        (self.array(0), self.array(1))
    }
}

/// Where Adadelta's two conventions differ: $E\[g^2\]_t$ from $E\[g^2\]_{t-1}$
/// and g, and the rest of the step from $RMS\[\Delta\theta\]_{t-1}$ and
/// $RMS\[g\]_t$. A trait with always-inlined methods, not a closure (see
/// `direct_kernel!`), like [`PaperTheta`].
trait AdadeltaRule<F: Float>: Copy {
    /// $E\[g^2\]_t$.
    fn mean_sq(&self, sq: F, g: F) -> F;
    /// $E\[\Delta\theta^2\]_t$ into `acc` and θ into `x`, given
    /// $RMS\[\Delta\theta\]_{t-1}$ (`rd`) and $RMS\[g\]_t$ (`rg`).
    fn apply(&self, rd: F, rg: F, g: F, acc: &mut F, x: &mut F);
}

/// `paper`: $E\[g^2\] \leftarrow \rho E\[g^2\] + (1-\rho) g^2$;
/// $\Delta\theta = -(RMS\[\Delta\theta\]/RMS\[g\])\\,g$;
/// $E\[\Delta\theta^2\] \leftarrow \rho E\[\Delta\theta^2\] + (1-\rho)\Delta\theta^2$;
/// $\theta \leftarrow \theta + \eta\Delta\theta$.
#[derive(Clone, Copy)]
struct AdadeltaPaperRule<F> {
    rho: F,
    one_minus_rho: F,
    lr: F,
}

impl<F: Float> AdadeltaRule<F> for AdadeltaPaperRule<F> {
    #[inline(always)]
    fn mean_sq(&self, sq: F, g: F) -> F {
        self.rho * sq + self.one_minus_rho * (g * g)
    }
    #[inline(always)]
    fn apply(&self, rd: F, rg: F, g: F, acc: &mut F, x: &mut F) {
        let d = -(rd / rg) * g;
        *acc = self.rho * *acc + self.one_minus_rho * (d * d);
        *x = *x + self.lr * d;
    }
}

/// `pytorch`: `square_avg.mul_(ρ).addcmul_(g, g, value=1−ρ)`;
/// `std = (square_avg + ε).sqrt_()`; `delta = (acc_delta + ε).sqrt_().div_(std).mul_(g)`;
/// `acc_delta.mul_(ρ).addcmul_(delta, delta, value=1−ρ)`; `param.add_(delta, alpha=−lr)`.
#[derive(Clone, Copy)]
struct AdadeltaTorchRule<F> {
    rho: F,
    one_minus_rho: F,
    neg_lr: F,
}

impl<F: Float> AdadeltaRule<F> for AdadeltaTorchRule<F> {
    #[inline(always)]
    fn mean_sq(&self, sq: F, g: F) -> F {
        (self.one_minus_rho * g).mul_add(g, self.rho * sq)
    }
    #[inline(always)]
    fn apply(&self, rd: F, rg: F, g: F, acc: &mut F, x: &mut F) {
        let delta = (rd / rg) * g;
        *acc = (self.one_minus_rho * delta).mul_add(delta, self.rho * *acc);
        *x = self.neg_lr.mul_add(delta, *x);
    }
}

/// Adadelta's pass for both conventions (`rule`). Each RMS is
/// $\sqrt{\cdot + \epsilon}$: with AVX-512, a block of them at a time from
/// multiply-adds, each proven correctly rounded ([`roots`]); else the
/// instruction, in one loop (without AVX-512 the first way's extra loops per
/// block cost more than they save, even with the instruction; the crate's
/// README).
#[inline(always)]
fn adadelta_pass<F: Float, R: AdadeltaRule<F>>(
    eps: F,
    rule: R,
    x: &mut [F],
    g: &[F],
    [sq, acc]: [&mut [F]; 2],
) {
    if exact_sqrt::by_fma::<F>() {
        let (mut rd, mut rg) = ([F::default(); BLOCK], [F::default(); BLOCK]);
        blocks!(F; x, g, [sq, acc] => {
            roots(acc, eps, &mut rd);
            for j in 0..BLOCK {
                sq[j] = rule.mean_sq(sq[j], g[j]);
            }
            roots(sq, eps, &mut rg);
            for j in 0..BLOCK {
                rule.apply(rd[j], rg[j], g[j], &mut acc[j], &mut x[j]);
            }
        });
    } else {
        blocks!(F; x, g, [sq, acc] => {
            for j in 0..BLOCK {
                sq[j] = rule.mean_sq(sq[j], g[j]);
                let (rd, rg) = ((acc[j] + eps).sqrt(), (sq[j] + eps).sqrt());
                rule.apply(rd, rg, g[j], &mut acc[j], &mut x[j]);
            }
        });
    }
}

/// [`adadelta_pass`] as a [`crate::Kernel`], its parameters ε and the
/// convention's [`AdadeltaRule`] (a direct call, as `direct_kernel!` makes).
#[derive(Clone, Copy)]
struct AdadeltaKernel;

impl<F: Float, R: AdadeltaRule<F>> crate::Kernel<F, (F, R), 2> for AdadeltaKernel {
    #[inline(always)]
    fn run(&self, &(eps, rule): &(F, R), x: &mut [F], g: &[F], state: [&mut [F]; 2]) {
        adadelta_pass(eps, rule, x, g, state)
    }
}

/// RMSprop (see `rmsprop`): $E\[g^2\]$, plus $E\[g\]$ when centered and the
/// buffer $b$ when momentum > 0 (a variant that is off keeps an empty buffer).
pub type RmspropSlices<F> = Slices<Rmsprop, F>;

impl FastStep for Rmsprop {
    fn fast_state(&self) -> [Option<f64>; 3] {
        [
            Some(0.0),
            self.centered.then_some(0.0),
            (self.momentum > 0.0).then_some(0.0),
        ]
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            theta, grad, state, ..
        } = s;
        let o = self;
        let p = RmspropParams {
            lr: F::of(o.lr),
            rho: F::of(o.rho),
            one_minus_rho: F::of(1.0 - o.rho),
            eps: F::of(o.eps),
            mu: F::of(o.momentum),
            // centered, `grad_avg.lerp_(g, 1−ρ)`
            lerp: Lerp::new(1.0 - o.rho),
        };
        // One `drive` per arm: each kernel is its own function item, inlined into
        // the AVX2+FMA piece (a `match` yielding them would make a function
        // pointer, which is not inlined).
        match (o.convention, o.centered, o.momentum > 0.0) {
            (Convention::Paper, false, false) => {
                drive(theta, grad, state, &p, RmspropKernel::<false, false, false>)
            }
            (Convention::Paper, true, false) => {
                drive(theta, grad, state, &p, RmspropKernel::<false, true, false>)
            }
            (Convention::Paper, false, true) => {
                drive(theta, grad, state, &p, RmspropKernel::<false, false, true>)
            }
            (Convention::Paper, true, true) => {
                drive(theta, grad, state, &p, RmspropKernel::<false, true, true>)
            }
            (Convention::Pytorch, false, false) => {
                drive(theta, grad, state, &p, RmspropKernel::<true, false, false>)
            }
            (Convention::Pytorch, true, false) => {
                drive(theta, grad, state, &p, RmspropKernel::<true, true, false>)
            }
            (Convention::Pytorch, false, true) => {
                drive(theta, grad, state, &p, RmspropKernel::<true, false, true>)
            }
            (Convention::Pytorch, true, true) => {
                drive(theta, grad, state, &p, RmspropKernel::<true, true, true>)
            }
        }
    }
}

#[derive(Clone, Copy)]
struct RmspropParams<F> {
    lr: F,
    rho: F,
    one_minus_rho: F,
    eps: F,
    mu: F,
    lerp: Lerp<F>,
}

/// [`rmsprop_kernel`] as a [`crate::Kernel`]: a direct call, always inlined
/// into the AVX2+FMA piece (through the `Fn` shim the compiler need not inline
/// the largest variant; see `direct_kernel!`).
#[derive(Clone, Copy)]
struct RmspropKernel<const TORCH: bool, const CENTERED: bool, const MOMENTUM: bool>;

impl<F: Float, const TORCH: bool, const CENTERED: bool, const MOMENTUM: bool>
    crate::Kernel<F, RmspropParams<F>, 3> for RmspropKernel<TORCH, CENTERED, MOMENTUM>
{
    #[inline(always)]
    fn run(&self, p: &RmspropParams<F>, x: &mut [F], g: &[F], state: [&mut [F]; 3]) {
        rmsprop_kernel::<F, TORCH, CENTERED, MOMENTUM>(p, x, g, state)
    }
}

/// RMSprop's eight kernels (convention × centered × momentum) as one function
/// whose switches are constants, so each compiles to its own branch-free loop.
/// `paper`: $E\[g^2\] \leftarrow \rho E\[g^2\] + (1-\rho)g^2$, $d = \sqrt{E\[g^2\] (- E\[g\]^2) + \epsilon}$,
/// θ ← θ − (η/d)g, or b ← μb + g/d, θ ← θ − ηb. `pytorch`: `addcmul_`, `lerp_`,
/// $d = \sqrt{\cdot} + \epsilon$, `addcdiv_` and `add_(buf, alpha=-lr)` fused.
#[inline(always)]
fn rmsprop_kernel<F: Float, const TORCH: bool, const CENTERED: bool, const MOMENTUM: bool>(
    p: &RmspropParams<F>,
    x: &mut [F],
    g: &[F],
    [sq, ga, b]: [&mut [F]; 3],
) {
    let RmspropParams {
        lr,
        rho,
        one_minus_rho,
        eps,
        mu,
        lerp,
    } = *p;
    let n = x.len();
    let (g, sq) = (&g[..n], &mut sq[..n]);
    let ga = if CENTERED { &mut ga[..n] } else { ga };
    let b = if MOMENTUM { &mut b[..n] } else { b };
    let neg_lr = -lr;
    prefetched!(F; n, [x, g, sq, ga, b] => |lo, hi| {
        for i in lo..hi {
            let gi = g[i];
            sq[i] = if TORCH {
                (one_minus_rho * gi).mul_add(gi, rho * sq[i])
            } else {
                rho * sq[i] + one_minus_rho * (gi * gi)
            };
            let var = if CENTERED {
                ga[i] = if TORCH {
                    lerp.at(ga[i], gi)
                } else {
                    rho * ga[i] + one_minus_rho * gi
                };
                if TORCH {
                    (-ga[i]).mul_add(ga[i], sq[i])
                } else {
                    sq[i] - ga[i] * ga[i]
                }
            } else {
                sq[i]
            };
            let d = if TORCH {
                var.sqrt() + eps
            } else {
                (var + eps).sqrt()
            };
            x[i] = if MOMENTUM {
                b[i] = mu * b[i] + gi / d;
                if TORCH {
                    neg_lr.mul_add(b[i], x[i])
                } else {
                    x[i] - lr * b[i]
                }
            } else if TORCH {
                x[i] + (neg_lr * gi) / d
            } else {
                x[i] - lr / d * gi
            };
        }
    });
}

/// Adam's, AdamW's and NAdam's moments under `paper` for one step:
/// $m \leftarrow \beta_1 m + (1-\beta_1) g$, $v \leftarrow \beta_2 v + (1-\beta_2) g^2$,
/// and the bias corrections $1-\beta_1^t$, $1-\beta_2^t$ that divide them.
#[derive(Clone, Copy)]
struct PaperMoments<F> {
    b1: F,
    b2: F,
    c1: F,
    c2: F,
    bc1: Divisor<F>,
    bc2: Divisor<F>,
}

impl<F: Float> PaperMoments<F> {
    /// Step $t$'s: the running products $\beta_1^t, \beta_2^t$ (`powers`)
    /// advanced by one multiply each, as the step-through crates keep them;
    /// without `bias_correction` both corrections are 1.
    fn next(beta1: f64, beta2: f64, powers: &mut [f64; 2], bias_correction: bool) -> Self {
        powers[0] *= beta1;
        powers[1] *= beta2;
        let (bc1, bc2) = if bias_correction {
            (F::of(1.0 - powers[0]), F::of(1.0 - powers[1]))
        } else {
            (F::of(1.0), F::of(1.0))
        };
        PaperMoments {
            b1: F::of(beta1),
            b2: F::of(beta2),
            c1: F::of(1.0 - beta1),
            c2: F::of(1.0 - beta2),
            bc1: Divisor::new(bc1),
            bc2: Divisor::new(bc2),
        }
    }
}

/// torch's moment updates, `exp_avg.lerp_(g, 1−β₁)` and
/// `exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂)` (one fused multiply-add).
#[derive(Clone, Copy)]
struct TorchMoments<F> {
    lerp: Lerp<F>,
    b2: F,
    c2: F,
}

impl<F: Float> TorchMoments<F> {
    fn new(beta1: f64, beta2: f64) -> Self {
        TorchMoments {
            lerp: Lerp::new(1.0 - beta1),
            b2: F::of(beta2),
            c2: F::of(1.0 - beta2),
        }
    }
    /// $m_t$ and $v_t$ in place, from $g_t$.
    #[inline(always)]
    fn update(&self, m: &mut F, v: &mut F, g: F) {
        *m = self.lerp.at(*m, g);
        *v = (self.c2 * g).mul_add(g, self.b2 * *v);
    }
}

/// torch's Adam step after the moments (also AMSGrad's, AdamW's):
/// `denom = √v/√(1−β₂ᵗ) + ε`; `param.addcdiv_(m, denom, value=−η/(1−β₁ᵗ))`.
#[derive(Clone, Copy)]
struct TorchAdam<F> {
    moments: TorchMoments<F>,
    bc2_sqrt: Divisor<F>,
    eps: F,
    neg_step_size: F,
}

impl<F: Float> TorchAdam<F> {
    /// Step `t`'s, the bias corrections from [`pow_step`] as torch computes them.
    fn at(beta1: f64, beta2: f64, eps: f64, lr: f64, t: usize) -> Self {
        let bc1 = 1.0 - pow_step(beta1, t);
        let bc2 = 1.0 - pow_step(beta2, t);
        TorchAdam {
            moments: TorchMoments::new(beta1, beta2),
            bc2_sqrt: Divisor::new(F::of(bc2.sqrt())),
            eps: F::of(eps),
            neg_step_size: F::of(-(lr / bc1)),
        }
    }
    /// The new θ from `x` and $m_t$, $v$ (AMSGrad: $\hat v_t$), the quotient
    /// $\sqrt{v}/\sqrt{1-\beta_2^t}$ correctly rounded (`EXACT` as in
    /// [`Divisor::root_quotient`]).
    #[inline(always)]
    fn theta<const EXACT: bool>(&self, x: F, m: F, v: F) -> F {
        let denom = self.bc2_sqrt.root_quotient::<EXACT>(v.sqrt()) + self.eps;
        x + self.neg_step_size * m / denom
    }
}

/// Adam (see `adam`): $m$ and $v$, and under `paper` the running products
/// $\beta_1^t, \beta_2^t$ (the same multiplies as the step-through crate).
pub type AdamSlices<F> = Slices<Adam, F>;

impl Moments for Adam {}

impl FastStep for Adam {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(2)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            products,
            theta,
            grad,
            state: [m, v, _],
        } = s;
        let (lr, eps) = (F::of(self.lr), F::of(self.eps));
        match self.convention {
            // m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; θ ← θ − η m̂/(√v̂ + ε) (or √(v̂ + ε))
            Convention::Paper => {
                let moments =
                    PaperMoments::next(self.beta1, self.beta2, products, self.bias_correction);
                match self.eps_placement {
                    EpsPlacement::AddedToRoot => {
                        let p = (moments, AdamTheta::<F, false> { lr, eps });
                        drive(theta, grad, [m, v], &p, MomentsPaper)
                    }
                    EpsPlacement::InsideRoot => {
                        let p = (moments, AdamTheta::<F, true> { lr, eps });
                        drive(theta, grad, [m, v], &p, MomentsPaper)
                    }
                }
            }
            Convention::Pytorch => {
                let p = TorchAdam::at(self.beta1, self.beta2, self.eps, self.lr, t);
                drive(theta, grad, [m, v], &p, AdamTorch);
            }
        }
    }
}

/// θ's new value from $\hat m$ and $\hat v$ (and g): where Adam, AdamW and
/// NAdam (`paper`) differ. A trait with always-inlined methods, not a closure
/// (see `direct_kernel!`).
trait PaperTheta<F: Float>: Copy {
    /// A dividend of the method's own besides m and v (NAdam's $(1-\beta_1)g$)
    /// [`fits`] the exact sequence; none by default.
    #[inline(always)]
    fn fits(&self, _g: F) -> bool {
        true
    }
    /// The new θ; `bc1` divides the method's own dividend, `EXACT` as in
    /// [`Divisor::quotient`].
    fn theta<const EXACT: bool>(&self, x: F, m_hat: F, v_hat: F, g: F, bc1: &Divisor<F>) -> F;
}

/// Adam: $\theta - \eta \hat m / (\sqrt{\hat v} + \epsilon)$, or
/// $\sqrt{\hat v + \epsilon}$ with `INSIDE`.
#[derive(Clone, Copy)]
struct AdamTheta<F, const INSIDE: bool> {
    lr: F,
    eps: F,
}

impl<F: Float, const INSIDE: bool> PaperTheta<F> for AdamTheta<F, INSIDE> {
    #[inline(always)]
    fn theta<const EXACT: bool>(&self, x: F, m_hat: F, v_hat: F, _g: F, _: &Divisor<F>) -> F {
        let denom = if INSIDE {
            (v_hat + self.eps).sqrt()
        } else {
            v_hat.sqrt() + self.eps
        };
        x - self.lr * m_hat / denom
    }
}

/// AdamW: $\theta - (\eta \hat m / (\sqrt{\hat v} + \epsilon) + \lambda\theta)$.
#[derive(Clone, Copy)]
struct AdamwTheta<F> {
    lr: F,
    eps: F,
    wd: F,
}

impl<F: Float> PaperTheta<F> for AdamwTheta<F> {
    #[inline(always)]
    fn theta<const EXACT: bool>(&self, x: F, m_hat: F, v_hat: F, _g: F, _: &Divisor<F>) -> F {
        let decay = self.wd * x;
        x - (self.lr * m_hat / (v_hat.sqrt() + self.eps) + decay)
    }
}

/// NAdam: $\theta - \eta/(\sqrt{\hat v} + \epsilon)\\,(\beta_1 \hat m +
/// (1-\beta_1) g/(1-\beta_1^t))$, the last quotient its own dividend.
#[derive(Clone, Copy)]
struct NadamTheta<F> {
    b1: F,
    c1: F,
    lr: F,
    eps: F,
}

impl<F: Float> PaperTheta<F> for NadamTheta<F> {
    #[inline(always)]
    fn fits(&self, g: F) -> bool {
        fits(self.c1 * g)
    }
    #[inline(always)]
    fn theta<const EXACT: bool>(&self, x: F, m_hat: F, v_hat: F, g: F, bc1: &Divisor<F>) -> F {
        let g_hat = bc1.quotient::<EXACT>(self.c1 * g);
        x - self.lr / (v_hat.sqrt() + self.eps) * (self.b1 * m_hat + g_hat)
    }
}

/// Adam's, AdamW's and NAdam's `paper` step ([`PaperMoments`], then θ from
/// $\hat m = m/(1-\beta_1^t)$ and $\hat v = v/(1-\beta_2^t)$, each correctly
/// rounded): one pass over a block with the multiply-add sequence
/// (`exact_div`), every dividend checked on the way and θ's old values kept;
/// if one did not fit, the block's θ is computed again with the divider. One
/// pass rather than a check and then a pass: two loops per block cost more
/// at large n (the crate's README).
#[inline(always)]
fn moments_paper<F: Float, T: PaperTheta<F>>(
    p: &PaperMoments<F>,
    update: T,
    x: &mut [F],
    g: &[F],
    [m, v]: [&mut [F]; 2],
) {
    let PaperMoments {
        b1,
        b2,
        c1,
        c2,
        bc1,
        bc2,
    } = *p;
    let mut x_old = [F::default(); BLOCK];
    exact_or_divide!(bc1.is_exact() && bc2.is_exact(), EXACT => {
        blocks!(F; x, g, [m, v] => {
            let mut fit = true;
            for j in 0..BLOCK {
                m[j] = b1 * m[j] + c1 * g[j];
                v[j] = b2 * v[j] + c2 * (g[j] * g[j]);
                fit &= fits(m[j]) & fits(v[j]) & update.fits(g[j]);
                x_old[j] = x[j];
                let (mh, vh) = (bc1.quotient::<EXACT>(m[j]), bc2.quotient::<EXACT>(v[j]));
                x[j] = update.theta::<EXACT>(x[j], mh, vh, g[j], &bc1);
            }
            if EXACT && !fit {
                for j in 0..BLOCK {
                    let (mh, vh) = (bc1.quotient::<false>(m[j]), bc2.quotient::<false>(v[j]));
                    x[j] = update.theta::<false>(x_old[j], mh, vh, g[j], &bc1);
                }
            }
        });
    });
}

/// [`moments_paper`] as a [`crate::Kernel`], its parameters the step's
/// [`PaperMoments`] and the method's [`PaperTheta`] (a direct call, as
/// `direct_kernel!` makes).
#[derive(Clone, Copy)]
struct MomentsPaper;

impl<F: Float, T: PaperTheta<F>> crate::Kernel<F, (PaperMoments<F>, T), 2> for MomentsPaper {
    #[inline(always)]
    fn run(&self, (p, update): &(PaperMoments<F>, T), x: &mut [F], g: &[F], state: [&mut [F]; 2]) {
        moments_paper(p, *update, x, g, state)
    }
}

direct_kernel!(AdamTorch, adam_torch, 2, TorchAdam<F>);

#[inline(always)]
fn adam_torch<F: Float>(&p: &TorchAdam<F>, x: &mut [F], g: &[F], [m, v]: [&mut [F]; 2]) {
    exact_or_divide!(p.bc2_sqrt.is_exact(), EXACT => {
        blocks!(F; x, g, [m, v] => {
            for j in 0..BLOCK {
                p.moments.update(&mut m[j], &mut v[j], g[j]);
                x[j] = p.theta::<EXACT>(x[j], m[j], v[j]);
            }
        });
    });
}

/// NAdam (see `nadam`): $m$ and $v$; `paper` keeps $\beta_1^t, \beta_2^t$ as
/// running products, `pytorch` the product $\prod \mu_i$ (torch's `mu_product`).
pub type NadamSlices<F> = Slices<Nadam, F>;

impl Moments for Nadam {}

impl FastStep for Nadam {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(2)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            products,
            theta,
            grad,
            state: [m, v, _],
        } = s;
        let o = self;
        let (eps, lr) = (F::of(o.eps), F::of(o.lr));
        match o.convention {
            // θ ← θ − η/(√v̂ + ε)·(β₁ m̂ + (1−β₁)g/(1−β₁ᵗ))
            Convention::Paper => {
                let moments = PaperMoments::next(o.beta1, o.beta2, products, true);
                let (b1, c1) = (moments.b1, moments.c1);
                let p = (moments, NadamTheta { b1, c1, lr, eps });
                drive(theta, grad, [m, v], &p, MomentsPaper)
            }
            // denom = √(v/(1−β₂ᵗ)) + ε; param.addcdiv_(g, denom, value=c_g);
            // param.addcdiv_(m, denom, value=c_m)
            Convention::Pytorch => {
                // Under `pytorch` the first product is ∏μᵢ (torch's `mu_product`).
                let bc2 = Divisor::new(F::of(1.0 - pow_step(o.beta2, t)));
                let mu = o.mu_at(t);
                let mu_next = o.mu_at(t + 1);
                let mu_product = products[0] * mu;
                let mu_product_next = mu_product * mu_next;
                let value_grad = F::of(-o.lr * (1.0 - mu) / (1.0 - mu_product));
                let value_avg = F::of((-o.lr * mu_next) / (1.0 - mu_product_next));
                let p = NadamTorch {
                    moments: TorchMoments::new(o.beta1, o.beta2),
                    bc2,
                    eps,
                    value_grad,
                    value_avg,
                };
                drive(theta, grad, [m, v], &p, NadamTorchKernel);
                products[0] = mu_product;
            }
        }
    }
}

/// NAdam's `pytorch` step after the moments:
/// `denom = √(v/(1−β₂ᵗ)) + ε`, then θ takes `value_grad`·g/denom and
/// `value_avg`·m/denom, in that order.
#[derive(Clone, Copy)]
struct NadamTorch<F> {
    moments: TorchMoments<F>,
    bc2: Divisor<F>,
    eps: F,
    value_grad: F,
    value_avg: F,
}

impl<F: Float> NadamTorch<F> {
    /// The new θ from `x`, g, $m_t$ and $v_t/(1-\beta_2^t)$.
    #[inline(always)]
    fn theta(&self, x: F, g: F, m: F, v_hat: F) -> F {
        let denom = v_hat.sqrt() + self.eps;
        let x = x + self.value_grad * g / denom;
        x + self.value_avg * m / denom
    }
}

direct_kernel!(NadamTorchKernel, nadam_torch, 2, NadamTorch<F>);

#[inline(always)]
fn nadam_torch<F: Float>(&p: &NadamTorch<F>, x: &mut [F], g: &[F], [m, v]: [&mut [F]; 2]) {
    let bc2 = p.bc2;
    // v/(1 − β₂ᵗ), correctly rounded (see `moments_paper`)
    let mut x_old = [F::default(); BLOCK];
    exact_or_divide!(bc2.is_exact(), EXACT => {
        blocks!(F; x, g, [m, v] => {
            let mut fit = true;
            for j in 0..BLOCK {
                p.moments.update(&mut m[j], &mut v[j], g[j]);
                fit &= fits(v[j]);
                x_old[j] = x[j];
                x[j] = p.theta(x[j], g[j], m[j], bc2.quotient::<EXACT>(v[j]));
            }
            if EXACT && !fit {
                for j in 0..BLOCK {
                    x[j] = p.theta(x_old[j], g[j], m[j], bc2.quotient::<false>(v[j]));
                }
            }
        });
    });
}

/// AdaMax (see `adamax`): $m$ and $u$, and under `paper` the running product
/// $\beta_1^t$ (the same multiplies as the step-through crate).
///
/// **A zero $u_t$.** The step-through step refuses a step in which some
/// $u_t = \max(\beta_2 u_{t-1}, |g_t|)$ would be 0 (`paper`; `pytorch` only
/// with ε = 0): a typed error, θ and the state unchanged. This one does not
/// look — refusing before anything changes would be a pass over $g$ and $u$
/// ahead of the step; like the finiteness of $g$ (see the crate docs) it is
/// left to the caller — and divides. In a coordinate whose gradients have all
/// been exactly 0, $m_t = u_t = 0$ and $m_t/u_t$ is 0/0 = NaN: θ becomes NaN
/// there and stays NaN, as after a NaN gradient. Where $u_t = 0$ but
/// $m_t \ne 0$ (β₂ = 0 or $\beta_2 u_{t-1}$ underflowing, then $g_t = 0$), θ
/// becomes ±∞. The other coordinates are updated as usual. A caller who wants
/// the refusal checks [`Adamax::next_u`] of [`Slices::moments`]' $u$ and
/// the gradient first, or uses `pytorch` with ε > 0, whose $u_t \ge \epsilon$.
pub type AdamaxSlices<F> = Slices<Adamax, F>;

impl Moments for Adamax {}

impl FastStep for Adamax {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(2)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            products: [beta1_power, _],
            theta,
            grad,
            state: [m, u, _],
        } = s;
        let o = self;
        let (b1, b2, eps) = (F::of(o.beta1), F::of(o.beta2), F::of(o.eps));
        match o.convention {
            // m ← β₁m + (1−β₁)g; u ← max(β₂u, |g|); θ ← θ − (η/(1−β₁ᵗ))·m/u
            Convention::Paper => {
                *beta1_power *= o.beta1;
                let clr = F::of(o.lr / (1.0 - *beta1_power));
                let p = (b1, b2, F::of(1.0 - o.beta1), clr);
                drive(theta, grad, [m, u], &p, AdamaxPaper);
            }
            // exp_avg.lerp_(g, 1−β₁); torch.maximum(exp_inf.mul_(β₂), g.abs().add_(ε));
            // clr = η/(1−β₁ᵗ); param.addcdiv_(exp_avg, exp_inf, value=−clr)
            Convention::Pytorch => {
                let clr = o.lr / (1.0 - pow_step(o.beta1, t));
                let p = (Lerp::new(1.0 - o.beta1), b2, eps, F::of(-clr));
                drive(theta, grad, [m, u], &p, AdamaxTorch);
            }
        }
    }
}

direct_kernel!(AdamaxPaper, adamax_paper, 2, (F, F, F, F));

#[inline(always)]
fn adamax_paper<F: Float>(
    &(b1, b2, c1, clr): &(F, F, F, F),
    x: &mut [F],
    g: &[F],
    [m, u]: [&mut [F]; 2],
) {
    blocks!(F; x, g, [m, u] => {
        for j in 0..BLOCK {
            m[j] = b1 * m[j] + c1 * g[j];
            u[j] = (b2 * u[j]).max(g[j].abs());
            x[j] = x[j] - clr * m[j] / u[j];
        }
    });
}

direct_kernel!(AdamaxTorch, adamax_torch, 2, (Lerp<F>, F, F, F));

#[inline(always)]
fn adamax_torch<F: Float>(
    &(lerp, b2, eps, neg_clr): &(Lerp<F>, F, F, F),
    x: &mut [F],
    g: &[F],
    [m, u]: [&mut [F]; 2],
) {
    blocks!(F; x, g, [m, u] => {
        for j in 0..BLOCK {
            m[j] = lerp.at(m[j], g[j]);
            u[j] = (b2 * u[j]).max(g[j].abs() + eps);
            x[j] = x[j] + neg_clr * m[j] / u[j];
        }
    });
}

/// AMSGrad (see `amsgrad`): $m$, $v$ and the running maximum $\hat v$.
/// `paper` is Ruder's form (no bias correction); `pytorch` is
/// `torch.optim.Adam(amsgrad=True)`, the maximum taken over the uncorrected
/// $v$ and divided by today's $\sqrt{1-\beta_2^t}$.
pub type AmsgradSlices<F> = Slices<Amsgrad, F>;

impl Moments for Amsgrad {}

impl FastStep for Amsgrad {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(3)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            theta,
            grad,
            state,
            ..
        } = s;
        let o = self;
        match o.convention {
            // m ← β₁m + (1−β₁)g; v ← β₂v + (1−β₂)g²; v̂ ← max(v̂, v); θ ← θ − η m/(√v̂ + ε)
            Convention::Paper => {
                let (b1, b2, eps, lr) = (F::of(o.beta1), F::of(o.beta2), F::of(o.eps), F::of(o.lr));
                let (c1, c2) = (F::of(1.0 - o.beta1), F::of(1.0 - o.beta2));
                let p = (b1, b2, c1, c2, lr, eps);
                drive(theta, grad, state, &p, AmsgradPaper);
            }
            // Adam's, the maximum v̂ ← max(v̂, v) (torch.maximum(max_exp_avg_sq,
            // exp_avg_sq)) in the place of v
            Convention::Pytorch => {
                let p = TorchAdam::at(o.beta1, o.beta2, o.eps, o.lr, t);
                drive(theta, grad, state, &p, AmsgradTorch);
            }
        }
    }
}

impl<F: Float> AmsgradSlices<F> {
    /// $\hat v_t = \max(\hat v_{t-1}, v_t)$ (torch's `max_exp_avg_sq`).
    pub fn v_max(&self) -> &[F] {
        self.array(2)
    }
}

direct_kernel!(AmsgradPaper, amsgrad_paper, 3, (F, F, F, F, F, F));

#[inline(always)]
fn amsgrad_paper<F: Float>(
    &(b1, b2, c1, c2, lr, eps): &(F, F, F, F, F, F),
    x: &mut [F],
    g: &[F],
    [m, v, vm]: [&mut [F]; 3],
) {
    blocks!(F; x, g, [m, v, vm] => {
        for j in 0..BLOCK {
            m[j] = b1 * m[j] + c1 * g[j];
            v[j] = b2 * v[j] + c2 * (g[j] * g[j]);
            vm[j] = vm[j].max(v[j]);
            x[j] = x[j] - lr * m[j] / (vm[j].sqrt() + eps);
        }
    });
}

direct_kernel!(AmsgradTorch, amsgrad_torch, 3, TorchAdam<F>);

#[inline(always)]
fn amsgrad_torch<F: Float>(&p: &TorchAdam<F>, x: &mut [F], g: &[F], [m, v, vm]: [&mut [F]; 3]) {
    exact_or_divide!(p.bc2_sqrt.is_exact(), EXACT => {
        blocks!(F; x, g, [m, v, vm] => {
            for j in 0..BLOCK {
                p.moments.update(&mut m[j], &mut v[j], g[j]);
                vm[j] = vm[j].max(v[j]);
                x[j] = p.theta::<EXACT>(x[j], m[j], vm[j]);
            }
        });
    });
}

/// AdamW (see `adamw`): $m$ and $v$, and under `paper` the running products
/// $\beta_1^t, \beta_2^t$. The decay is applied in the same pass: `paper`
/// takes $\lambda\theta_{t-1}$ off beside the Adam step (λ **not** multiplied
/// by η), `pytorch` first shrinks θ by $1 - \eta\lambda$ (`param.mul_`). The
/// step-through crate's recorded decay is not kept.
pub type AdamWSlices<F> = Slices<AdamW, F>;

impl Moments for AdamW {}

impl FastStep for AdamW {
    fn fast_state(&self) -> [Option<f64>; 3] {
        zeros(2)
    }
    fn fast_step<F: Float>(&self, s: Step<'_, F>) {
        let Step {
            t,
            products,
            theta,
            grad,
            state: [m, v, _],
        } = s;
        let o = self;
        match o.convention {
            // m, v as Adam's; θ ← θ − (η m̂/(√v̂ + ε) + λθ)
            Convention::Paper => {
                let moments = PaperMoments::next(o.beta1, o.beta2, products, true);
                let (lr, eps, wd) = (F::of(o.lr), F::of(o.eps), F::of(o.weight_decay));
                let p = (moments, AdamwTheta { lr, eps, wd });
                drive(theta, grad, [m, v], &p, MomentsPaper);
            }
            // param.mul_(1 − η λ); then Adam's step
            Convention::Pytorch => {
                let shrink = F::of(1.0 - o.lr * o.weight_decay);
                let p = (TorchAdam::at(o.beta1, o.beta2, o.eps, o.lr, t), shrink);
                drive(theta, grad, [m, v], &p, AdamwTorch);
            }
        }
    }
}

direct_kernel!(AdamwTorch, adamw_torch, 2, (TorchAdam<F>, F));

#[inline(always)]
fn adamw_torch<F: Float>(
    &(p, shrink): &(TorchAdam<F>, F),
    x: &mut [F],
    g: &[F],
    [m, v]: [&mut [F]; 2],
) {
    exact_or_divide!(p.bc2_sqrt.is_exact(), EXACT => {
        blocks!(F; x, g, [m, v] => {
            for j in 0..BLOCK {
                let decayed = x[j] * shrink;
                p.moments.update(&mut m[j], &mut v[j], g[j]);
                x[j] = p.theta::<EXACT>(decayed, m[j], v[j]);
            }
        });
    });
}
