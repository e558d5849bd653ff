//! # optimizers — the whole companion in one crate
//!
//! Re-exports every section crate so a notebook needs one `:dep`, and owns the
//! top-level `snapshots/` directory that every snapshot test writes to.
pub use batching;
pub use gd;
pub use momentum;
pub use nag;
pub use rmsprop;
pub use adam;
pub use nadam;
pub use adagrad;
pub use adadelta;
pub use compare;
pub use optcore;
pub use plots;
