//! Snapshot tests: every table the Adadelta notebook shows.
use adadelta::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn adadelta_runs() {
    snap!("intermediate_rule", ex::intermediate_rule(5).to_string());
    snap!("paper_run", ex::paper_run(8).unwrap().to_string());
    snap!("conventions", ex::conventions(10).unwrap().to_string());
}

#[test]
fn window() {
    snap!("window_summary", ex::window_summary().to_string());
    snap!("window_weights_0.9", ex::window_weights(0.9).to_string());
}

#[test]
fn newton() {
    snap!(
        "newton_quadratic",
        ex::newton_quadratic(2).unwrap().to_string()
    );
    snap!(
        "newton_rosenbrock",
        ex::newton_rosenbrock(7).unwrap().to_string()
    );
    snap!(
        "newton_singular",
        ex::newton_singular().unwrap().to_string()
    );
    snap!("refusals", ex::refusals().to_string());
    snap!(
        "race_rosenbrock",
        ex::race(
            &optcore::Rosenbrock::default(),
            ex::rosenbrock_start().view(),
            10
        )
        .unwrap()
        .to_string()
    );
}

#[test]
fn units_and_rescaling() {
    snap!("units", ex::units_table().to_string());
    snap!("rescaling", ex::rescaling(100.0, 200).unwrap().to_string());
}

#[test]
fn figures_render_and_are_deterministic() {
    let figs: [fn() -> optcore::Result<plots::Figure>; 4] = [
        || ex::fig_window(0.9),
        ex::fig_newton_rosenbrock,
        ex::fig_newton_quadratic,
        || ex::fig_rescaling(100.0, 200),
    ];
    for f in figs {
        let (a, b) = (f().unwrap(), f().unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
}
