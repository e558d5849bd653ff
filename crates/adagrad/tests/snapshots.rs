//! Snapshot tests: every table the Adagrad notebook shows.
use adagrad::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn reference_run() {
    snap!(
        "reference_run",
        ex::reference_table(10).unwrap().to_string()
    );
}

#[test]
fn diagonal_vs_full() {
    snap!(
        "diagonal_vs_full",
        ex::diagonal_vs_full(20).unwrap().to_string()
    );
}

#[test]
fn conventions() {
    snap!(
        "conventions_first_step",
        ex::conventions_first_step().to_string()
    );
    snap!(
        "conventions_runs",
        ex::conventions_runs(10).unwrap().to_string()
    );
    snap!("torch_options", ex::torch_options(20).unwrap().to_string());
    snap!(
        "zero_denominator",
        ex::zero_denominator().unwrap().to_string()
    );
    snap!("refusals", ex::refusals().to_string());
}

#[test]
fn sparse_story() {
    snap!("sparse_data_head", ex::sparse_data_head(12).to_string());
    snap!("sparse_rates", ex::sparse_rates(0.5).unwrap().to_string());
    snap!("sparse_race", ex::sparse_race().unwrap().to_string());
}

#[test]
fn steady_gradient() {
    snap!(
        "steady_gradient",
        ex::steady_gradient().unwrap().to_string()
    );
    snap!("stall", ex::stall().unwrap().to_string());
}

#[test]
fn figures_render_and_are_deterministic() {
    for f in [ex::fig_reference, |_| ex::fig_sparse_rates(0.5)] {
        let (a, b) = (f(20).unwrap(), f(20).unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
    for f in [ex::fig_sparse_w2, ex::fig_stall, ex::fig_rate_decay] {
        let (a, b) = (f().unwrap(), f().unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
}
