//! Snapshot tests: the numbers behind the figures (levels, contour sizes).
use optcore::{Quadratic, Rosenbrock};
use plots::Contour;

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
fn quadratic_levels() {
    let q = Quadratic::reference();
    let t = Contour::new(&q, (-10.0, 10.0), (-3.0, 3.0))
        .levels(12)
        .levels_table()
        .unwrap();
    snap!("quadratic_levels", t.to_string());
}

#[test]
fn rosenbrock_levels() {
    let r = Rosenbrock::default();
    let t = Contour::new(&r, (-2.0, 2.0), (-1.0, 3.0))
        .levels(15)
        .levels_table()
        .unwrap();
    snap!("rosenbrock_levels", t.to_string());
}
