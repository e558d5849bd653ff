//! Snapshot tests: every table the Adam notebook shows.
use adam::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_steps() {
    snap!(
        "first_steps",
        examples::FirstSteps::lesson().table().unwrap().to_string()
    );
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
        examples::ConstantGradient::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn bias_correction_first_steps() {
    snap!(
        "bias_correction_first_steps",
        examples::BiasCorrection::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

/// The report's text says Adam's iterates equal the pieces' "exactly: every
/// difference is 0"; this holds the table to that claim.
#[test]
fn momentum_plus_rmsprop_differences_are_zero() {
    let report = examples::TwoAverages::lesson().table().unwrap();
    let diffs = report.tables()[0].column("max |difference|").unwrap();
    assert_eq!(diffs.len(), examples::FIRST_STEPS);
    assert!(diffs.iter().all(|&d| d == 0.0), "{diffs:?}");
}

#[test]
fn momentum_plus_rmsprop() {
    snap!(
        "momentum_plus_rmsprop",
        examples::TwoAverages::lesson().table().unwrap().to_string()
    );
}

#[test]
fn eps_placement() {
    snap!(
        "eps_placement",
        examples::WhereEps::lesson().table().unwrap().to_string()
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
        examples::PaperVsPytorch::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn figures_render() {
    let fig = examples::BiasCorrection::lesson().contour().unwrap();
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
