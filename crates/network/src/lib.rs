//! # network — the post's optimizers on a real network
//!
//! The post's tags name what its sections leave out: a neural network trained in
//! mini-batches, a validation set, early stopping. This crate trains the digits
//! network of [`optcore::mlp`] on the 8×8 digits of [`optcore::digits`], split by
//! [`batching::Split`], with any optimizer of the course:
//!
//! - [`train`]: epochs of seeded mini-batches; after each epoch the loss and
//!   accuracy on the training and validation rows ([`Epoch`]); with a
//!   [`Training::patience`], early stopping on the validation loss that returns
//!   the best parameters seen; with a [`Training::dropout`], dropout on the
//!   hidden layer while training ([`optcore::mlp::Dropout`]).
//! - [`tune`]: the same runs for every candidate setting of an optimizer over
//!   several seeds, scored on validation and reported on test rows, spread over
//!   the cores by [`par::map`] (the same results whatever the thread count).
//! - `examples` (feature `lessons`): the backward pass of one image as a lesson,
//!   every number of the chain rule, held to central differences, and a check
//!   for a backward pass written by hand.
//! - `defaults` (feature `lessons`): every optimizer of the registry at its
//!   defaults on one setup, the first question a student asks the network.
//! - `lab` (feature `lessons`): several optimizers or settings trained on one
//!   setup over the same seeds, as a table and validation curves.
//! - `exercises`, `reference` (feature `lessons`): notebook 14's checked
//!   exercises, and its appendix: the vendored torch runs through the crates.
//! - [`batch_size`]: steps to a target training loss against batch size on the
//!   network, the learning rate tuned at each batch size, and its critical batch
//!   size.
//! - [`nqm`]: the noisy quadratic model, the expected loss of SGD, momentum and
//!   preconditioned momentum exactly, steps to a target against batch size and
//!   the critical batch size.

#[cfg(feature = "lessons")]
pub mod batch_lessons;
pub mod batch_size;
#[cfg(feature = "lessons")]
pub mod defaults;
#[cfg(feature = "lessons")]
pub mod examples;
#[cfg(feature = "lessons")]
pub mod exercises;
#[cfg(feature = "lessons")]
pub mod lab;
pub mod nqm;
pub mod par;
#[cfg(feature = "lessons")]
pub mod reference;
#[cfg(feature = "lessons")]
pub mod regularization;
mod train;
pub mod tune;
#[cfg(feature = "lessons")]
pub mod tuning_lessons;

pub use train::{train, Epoch, Trained, Training};
pub use tune::{Nets, Point, Run, Setup};
