//! One wrapper for every optimizer. [`Slices`] keeps what every fast optimizer
//! keeps — the hyperparameters, $n$, the step count, up to three state arrays
//! and two running products — and does what every step does: check the
//! lengths, count the step. The optimizer struct's [`FastStep`] supplies what
//! differs: which arrays it keeps and from what, and the step that computes
//! the step's scalars and calls its kernel.

use crate::{check_len, Float, SliceUpdate};
use optcore::{Optimizer, Result};

/// A fast optimizer over slices: the hyperparameters of `O` (one of the
/// optimizer structs, validated by its crate) and its state for `n`
/// parameters of type `F`, allocated once. Named per method by the aliases
/// ([`AdamSlices`](crate::AdamSlices), …), whose docs say what each keeps.
///
/// ```
/// use fastupdate::adam::Adam;
/// use fastupdate::{Slices, SliceUpdate};
/// use optcore::Convention;
///
/// let mut opt = Slices::<Adam, f32>::new(&Adam::defaults(Convention::Pytorch), 3)?;
/// let mut theta = [1.0f32, -2.0, 0.5];
/// opt.update(&mut theta, &[0.1, -0.3, 0.0])?;
/// assert_eq!(opt.steps(), 1);
/// // A gradient of another length is a typed error and changes nothing.
/// assert!(opt.update(&mut theta, &[0.1]).is_err());
/// assert_eq!(opt.steps(), 1);
/// # Ok::<(), optcore::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Slices<O, F> {
    opt: O,
    n: usize,
    t: usize,
    /// The state arrays in the method's order, each of length `n`, or empty
    /// where [`FastStep::fast_state`] says the method does not keep it.
    state: [Vec<F>; 3],
    /// The running products the step-through crate keeps beside its state
    /// ($\beta_1^t$, $\beta_2^t$, $\prod \mu_i$): each 1 before the first step.
    products: [f64; 2],
}

/// One step's arguments, which only [`Slices`] makes, after checking that θ,
/// g and every kept state array have one length (so a kernel may index them
/// all alike). Its fields are the crate's own.
pub struct Step<'a, F> {
    /// The step's number, 1 for the first.
    pub(crate) t: usize,
    /// [`Slices`]' running products, to update where the method keeps them.
    pub(crate) products: &'a mut [f64; 2],
    pub(crate) theta: &'a mut [F],
    pub(crate) grad: &'a [F],
    /// The three state arrays, an array the method does not keep empty.
    pub(crate) state: [&'a mut [F]; 3],
}

/// What an optimizer struct brings to [`Slices`]: the state arrays it keeps
/// and its step. Implemented by this crate for the eleven optimizers (the
/// kernels module, beside each method's kernels).
pub trait FastStep: Optimizer + Copy + std::fmt::Debug + Send + Sync + 'static {
    /// The initial value of each of the three state arrays, in the method's
    /// order, or `None` for an array this method (or this variant of it) does
    /// not keep: that one stays empty and the kernels never touch it.
    fn fast_state(&self) -> [Option<f64>; 3];
    /// One step: the step's scalars computed in f64 as the step-through crate
    /// computes them, rounded once to `F`, and the convention's kernel run
    /// over θ, g and the state.
    fn fast_step<F: Float>(&self, step: Step<'_, F>);
}

/// The methods that keep $m$ and a second moment as their first two state
/// arrays (Adam, NAdam, AdaMax, AMSGrad, AdamW): [`Slices::moments`].
pub trait Moments: FastStep {}

impl<O: FastStep, F: Float> Slices<O, F> {
    /// For `n` parameters; refuses what `O`'s [`Optimizer::validate`] refuses.
    pub fn new(opt: &O, n: usize) -> Result<Self> {
        opt.validate()?;
        Ok(Slices {
            opt: *opt,
            n,
            t: 0,
            state: opt
                .fast_state()
                .map(|init| init.map_or_else(Vec::new, |x| vec![F::of(x); n])),
            products: [1.0; 2],
        })
    }

    /// The hyperparameters.
    pub(crate) fn opt(&self) -> &O {
        &self.opt
    }

    /// State array `i` in the method's order (empty where it is not kept).
    pub(crate) fn array(&self, i: usize) -> &[F] {
        &self.state[i]
    }
}

impl<O: Moments, F: Float> Slices<O, F> {
    /// $m_t$ and the second moment: $v_t$ (AdaMax: $u_t$).
    pub fn moments(&self) -> (&[F], &[F]) {
        (self.array(0), self.array(1))
    }
}

/// θ and g against the `n` a fast optimizer was built for: a typed
/// [`optcore::Error::Dimension`] on a mismatch.
pub(crate) fn check_lengths<F>(n: usize, theta: &[F], grad: &[F]) -> Result<()> {
    check_len("update: θ against the state", n, theta.len())?;
    check_len("update: g against θ", n, grad.len())
}

impl<O: FastStep, F: Float> SliceUpdate<F> for Slices<O, F> {
    fn describe(&self) -> String {
        self.opt.describe()
    }
    fn len(&self) -> usize {
        self.n
    }
    fn steps(&self) -> usize {
        self.t
    }
    fn update(&mut self, theta: &mut [F], grad: &[F]) -> Result<()> {
        check_lengths(self.n, theta, grad)?;
        let t = self.t + 1;
        let [a, b, c] = &mut self.state;
        self.opt.fast_step(Step {
            t,
            products: &mut self.products,
            theta,
            grad,
            state: [a, b, c],
        });
        self.t = t;
        Ok(())
    }
    fn state_arrays(&mut self) -> Vec<&mut [F]> {
        self.state
            .iter_mut()
            .zip(self.opt.fast_state())
            .filter(|(_, init)| init.is_some())
            .map(|(s, _)| &mut s[..])
            .collect()
    }
}
