//! # optimizers — the whole companion in one crate
//!
//! Re-exports every section crate, so a Rust user (and the root's own tests, such
//! as `tests/fault_proof.rs`) needs one dependency, and owns the top-level
//! `snapshots/` directory that every snapshot test writes to (cargo-insta sees it
//! only because the workspace root is a package). The notebooks load the section
//! crates they use one `:dep` each.
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
