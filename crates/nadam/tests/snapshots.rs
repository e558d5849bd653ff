//! Snapshot tests: every table the NAdam notebook shows.
use nadam::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn schedule() {
    snap!(
        "schedule",
        examples::TorchSchedule::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn first_steps() {
    snap!(
        "first_steps",
        examples::FirstSteps::lesson().table().unwrap().to_string()
    );
}

#[test]
fn forms_side_by_side() {
    snap!(
        "forms_side_by_side",
        examples::Forms::lesson().table().unwrap().to_string()
    );
}

#[test]
fn figures_render() {
    let fig = examples::Forms::lesson().contour().unwrap();
    assert!(fig.svg().starts_with("<svg"));
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::scratch_trace(0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5)
            .unwrap()
            .table()
            .to_string()
    );
}
