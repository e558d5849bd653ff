//! # The playgrounds' starting labs
//!
//! Each section notebook (and notebook 10) ends with a playground: a
//! [`crate::lab::Lab`] written out in the cell, every knob at hand. The lab a
//! notebook stores is the one a function here returns, so its numbers are the
//! ones this crate's snapshots pin: the notebook check holds the cell's lab to
//! it (`format!("{lab:?}")`, every knob to the last digit).
//!
//! One file per notebook.

pub mod adadelta;
pub mod adagrad;
pub mod adam;
pub mod after_nadam;
pub mod batching;
pub mod comparison;
pub mod gd;
pub mod momentum;
pub mod nadam;
pub mod nag;
pub mod rmsprop;
pub mod schedules;
