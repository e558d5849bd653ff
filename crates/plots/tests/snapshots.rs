//! Snapshot tests: the numbers behind the figures (levels, contour sizes).
use optcore::{Quadratic, Rosenbrock};
use plots::Contour;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

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
