//! The lessons of `notebooks/17-batch-size.ipynb`: what the mini-batch noise of
//! the post's first section does to a run, first on the noisy quadratic model
//! ([`crate::nqm`]), where every expected loss is exact, then on the digits
//! network ([`crate::batch_size`]).
//!
//! - [`floor`]: at a fixed rate a run settles on a floor that falls as $1/B$,
//!   and the rule of that expected loss written by hand, checked.
//! - [`critical`]: steps to a target against batch size, each method tuned at
//!   each batch size; the critical batch size of SGD, momentum and Adam.
//! - [`digits`]: the same question on the network, live at a few batch sizes and
//!   as a study computed once and pinned ([`digits::pinned`]).

pub mod critical;
pub mod digits;
pub mod exercises;
pub mod floor;
