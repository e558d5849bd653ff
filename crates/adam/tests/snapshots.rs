//! Snapshot tests: every table the Adam notebook shows.
use adam::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_steps() {
    snap!("first_steps", examples::first_steps().unwrap().to_string());
}

#[test]
fn unrolled_first_moment() {
    snap!(
        "unrolled_first_moment",
        examples::unrolled_first_moment(examples::UNROLL_T).to_string()
    );
}

#[test]
fn constant_gradient() {
    snap!(
        "constant_gradient",
        examples::constant_gradient(examples::CONSTANT_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn bias_correction_first_steps() {
    snap!(
        "bias_correction_first_steps",
        examples::bias_correction_first_steps(examples::FIRST_STEPS)
            .unwrap()
            .to_string()
    );
}

/// The report's text says Adam's iterates equal the pieces' "exactly: every
/// difference is 0"; this holds the table to that claim.
#[test]
fn momentum_plus_rmsprop_differences_are_zero() {
    let report = examples::momentum_plus_rmsprop(examples::FIRST_STEPS).unwrap();
    let diffs = report.tables()[0].column("max |difference|").unwrap();
    assert_eq!(diffs.len(), examples::FIRST_STEPS);
    assert!(diffs.iter().all(|&d| d == 0.0), "{diffs:?}");
}

#[test]
fn momentum_plus_rmsprop() {
    snap!(
        "momentum_plus_rmsprop",
        examples::momentum_plus_rmsprop(examples::FIRST_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn eps_placement() {
    snap!(
        "eps_placement",
        examples::eps_placement().unwrap().to_string()
    );
}

#[test]
fn torch_reference() {
    snap!(
        "torch_reference",
        examples::torch_reference().unwrap().to_string()
    );
}

#[test]
fn paper_vs_pytorch() {
    snap!(
        "paper_vs_pytorch",
        examples::paper_vs_pytorch(examples::COMPARE_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn figures_render() {
    let fig = examples::bias_correction_contour(examples::CONTOUR_STEPS).unwrap();
    assert!(fig.svg().starts_with("<svg"));
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::library_run().unwrap().table().to_string()
    );
}
