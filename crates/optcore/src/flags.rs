//! Hyperparameters as `optrace` takes them: every flag optional, each method
//! filling what is missing with its convention's documented defaults.

use crate::error::Result;
use crate::optimizer::Convention;

/// The hyperparameter flags of `optrace` (`--lr`, `--momentum`, `--rho`, `--eps`,
/// `--beta1`, `--beta2`, `--momentum-decay`,
/// `--weight-decay`); `None` means "not given". Each field
/// is the slot of one row of [`crate::hyper::HYPERPARAMETERS`].
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Flags {
    pub lr: Option<f64>,
    pub momentum: Option<f64>,
    pub rho: Option<f64>,
    pub eps: Option<f64>,
    pub beta1: Option<f64>,
    pub beta2: Option<f64>,
    pub momentum_decay: Option<f64>,
    pub weight_decay: Option<f64>,
}

/// A method that can be built from [`Flags`] under a [`Convention`]: the flags it
/// does not use are ignored, the ones not given take the convention's defaults,
/// and the result is validated.
pub trait FromFlags: Sized {
    fn from_flags(convention: Convention, flags: &Flags) -> Result<Self>;
}
