//! Test helpers shared by the workspace's tests. A dev-dependency only: no
//! library or notebook depends on it.
//!
//! - [`snap!`]: an insta snapshot in the workspace's top-level `snapshots/`,
//!   named `<crate>__<name>`.
//! - [`CountingAllocator`], [`allocations`], [`assert_counter_counts`],
//!   [`step_allocations`], [`assert_steps_allocation_free`]: principle 6 measured.
//! - [`independent_gradient`] (and value) of the three reference problems,
//!   written from `crates/optcore/reference/README.md` without optcore's code, and
//!   [`theta_rows`], [`max_rel_diff`], [`max_diff_relative_above_one`] to compare a
//!   crate's run with an independent transcription.
//! - [`cases`], [`cases_beyond`], [`case`], [`reference_trace`], [`trace_csv`]:
//!   `crates/optcore/reference/cases.json`, `cases-beyond.json` and their traces,
//!   as compiled into `optcore::reference` (no file is read at run time).
//! - [`knobs`], [`odd_knob!`], [`refuses!`], [`adam_rule_tests!`]: the
//!   notebooks' knobs under test (a rule from scratch against the library at
//!   other settings, bad knobs refused naming the knob, odd values giving no
//!   panic and no NaN).
//! - [`prose`]: the notebooks' sentences, found by a phrase, held to the numbers
//!   they quote.

mod alloc;
mod cases;
pub mod knobs;
mod problems;
pub mod prose;
pub use alloc::{
    allocations, assert_counter_counts, assert_steps_allocation_free, step_allocations,
    CountingAllocator,
};
pub use cases::{
    assert_bitwise_on_shared_beyond, assert_close_on_own_cases, case, cases, cases_beyond,
    cases_of, own_cases, reference_trace, trace_csv, Case,
};
pub use problems::{
    independent_gradient, independent_value, independent_value_and_gradient,
    max_diff_relative_above_one, max_rel_diff, theta_rows,
};

/// Re-exported so that [`snap!`] expands to `$crate::insta::…` in any crate.
pub use insta;

/// Snapshots live in the workspace's top-level `snapshots/`, named `<crate>__<name>`.
///
/// `env!("CARGO_MANIFEST_DIR")` and `env!("CARGO_PKG_NAME")` expand where the
/// macro is called, so each crate's snapshots carry that crate's name.
#[macro_export]
macro_rules! snap {
    ($name:expr, $value:expr) => {
        $crate::insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            $crate::insta::assert_snapshot!(concat!(env!("CARGO_PKG_NAME"), "__", $name), $value);
        });
    };
}
