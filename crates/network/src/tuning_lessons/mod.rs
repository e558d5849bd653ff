//! The lessons of `notebooks/15-tuning.ipynb`: which optimizer, once each is
//! tuned the same way (Choi et al. 2019; Schmidt, Schneider & Hennig 2021).
//!
//! - [`sweep`]: one optimizer's learning rate on a log grid over several
//!   seeds, scored on the validation images.
//! - [`ranked`]: every optimizer of the course at its defaults and tuned, the
//!   two rankings side by side; computed once and pinned
//!   (`studies/tuning.json`), with the tuned runs' curves and their spread.
//! - [`second_round`]: Adam's β₁ and ε around its tuned rate.
//! - [`exercises`]: the budget of a tuning, counted.

pub mod exercises;
pub mod ranked;
pub mod second_round;
pub mod sweep;
