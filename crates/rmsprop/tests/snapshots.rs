//! Snapshot tests: every table the RMSprop notebook shows.
use rmsprop::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_steps() {
    snap!("first_steps", examples::first_steps().unwrap().to_string());
}

#[test]
fn eps_placement() {
    snap!(
        "eps_placement",
        examples::eps_placement().unwrap().to_string()
    );
}

#[test]
fn variants() {
    snap!(
        "variants",
        examples::variants(examples::VARIANT_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn vs_adagrad() {
    snap!(
        "vs_adagrad",
        examples::vs_adagrad(examples::VS_ADAGRAD_LR, examples::VS_ADAGRAD_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn figures_render() {
    for fig in [
        examples::vs_adagrad_chart(examples::VS_ADAGRAD_LR, examples::VS_ADAGRAD_STEPS).unwrap(),
        examples::variants_contour(examples::VARIANT_STEPS).unwrap(),
    ] {
        assert!(fig.svg().starts_with("<svg"));
    }
}

#[test]
fn first_half_of_adadelta() {
    snap!(
        "first_half_of_adadelta",
        examples::first_half_of_adadelta(examples::ADADELTA_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::library_run().unwrap().table().to_string()
    );
}
