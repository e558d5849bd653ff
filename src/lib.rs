//! # optimizers — the whole companion in one crate
//!
//! Re-exports every section crate so a notebook needs one `:dep`, and owns the
//! top-level `snapshots/` directory that every snapshot test writes to.
pub use adadelta;
pub use adagrad;
pub use adam;
pub use batching;
pub use compare;
pub use gd;
pub use momentum;
pub use nadam;
pub use nag;
pub use optcore;
pub use plots;
pub use rmsprop;
