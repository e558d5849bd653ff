//! Snapshot tests: every table the comparison cells show (notebook 09's last
//! cells and notebook 10).
use compare::{contour, loss_chart, table, Problem};

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn compare_quadratic() {
    snap!("compare_quadratic", table(Problem::Quadratic).unwrap().to_string());
}

#[test]
fn compare_rosenbrock() {
    snap!("compare_rosenbrock", table(Problem::Rosenbrock).unwrap().to_string());
}

#[test]
fn figures_render() {
    for p in [Problem::Quadratic, Problem::Rosenbrock] {
        assert!(contour(p).unwrap().svg().starts_with("<svg"));
        assert!(loss_chart(p).unwrap().svg().starts_with("<svg"));
    }
}
