//! Snapshot tests: every table the batching notebook shows.
use batching::{Batches, LastBatch};

/// Snapshots live in the workspace's top-level `snapshots/`, named `<crate>__<name>`.
macro_rules! snap {
    ($name:expr, $value:expr) => {
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/../../snapshots"),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(concat!(env!("CARGO_PKG_NAME"), "__", $name), $value);
        });
    };
}

#[test]
fn first_epoch_batches() {
    let mut b = Batches::new(10, 3, Some(42), LastBatch::Keep).unwrap();
    snap!("first_epoch_batches", format!("{:?}", b.next_epoch()));
}
