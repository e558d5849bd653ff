//! # optimizers — the whole companion in one crate
//!
//! Re-exports every section crate, so a Rust user (and the root's own tests, such
//! as `tests/fault_proof.rs`) needs one dependency, and owns the top-level
//! `snapshots/` directory that every snapshot test writes to (cargo-insta sees it
//! only because the workspace root is a package). The notebooks load the section
//! crates they use one `:dep` each.
//!
//! The optimizers themselves are listed once, in [`registry`]: their crates are
//! re-exported from there (`optimizers::adam`, …), and `optrace` reads its list
//! of methods from it.
//!
//! ## Features
//!
//! `lessons` (default): every section's examples, exercises and figures, the
//! optional parts that read a Hessian (nalgebra), and the re-exports of `plots`
//! and `compare`. With `default-features = false` (optrace's choice) this crate
//! is the registry and the methods alone, with no plotting library in its graph.
pub mod registry;

pub use registry::crates::*;

pub use batching;
#[cfg(feature = "lessons")]
pub use compare;
pub use optcore;
#[cfg(feature = "lessons")]
pub use plots;
pub use schedule;
