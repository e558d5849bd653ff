//! Snapshot tests: every table the NAdam notebook shows.
use nadam::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn schedule() {
    snap!("schedule", examples::schedule().unwrap().to_string());
}

#[test]
fn first_steps() {
    snap!("first_steps", examples::first_steps().unwrap().to_string());
}

#[test]
fn forms_side_by_side() {
    snap!(
        "forms_side_by_side",
        examples::forms_side_by_side(examples::FORMS_LR, examples::FORMS_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn figures_render() {
    let fig = examples::forms_contour(examples::FORMS_LR, examples::FORMS_STEPS).unwrap();
    assert!(fig.svg().starts_with("<svg"));
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::library_run().unwrap().table().to_string()
    );
}
