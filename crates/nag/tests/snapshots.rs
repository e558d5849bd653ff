//! Snapshot tests: every table, equation and figure series notebooks/04-nag.ipynb shows.
use nag::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn forms() {
    snap!("forms", ex::forms().to_string());
}

#[test]
fn one_step_two_ways() {
    snap!(
        "step_table",
        ex::OneStep::lesson().table().unwrap().to_string()
    );
    snap!("step_arrows", ex::OneStep::lesson().arrows_text().unwrap());
}

#[test]
fn trace_and_unrolling() {
    snap!(
        "nag_trace",
        ex::nag_trace(0.1, ex::POST_GAMMA, [-5.0, -2.0], 8)
            .unwrap()
            .to_string()
    );
    snap!(
        "lookahead_table",
        ex::Lookahead::lesson().table().unwrap().to_string()
    );
    snap!(
        "unrolled_check",
        ex::Lookahead::lesson()
            .unrolled_check()
            .unwrap()
            .to_string()
    );
}

#[test]
fn crosswalk() {
    snap!(
        "crosswalk",
        ex::Crosswalk::lesson().report().unwrap().to_string()
    );
}

#[test]
fn oscillation() {
    snap!(
        "oscillation",
        ex::LessOscillation::lesson().report().unwrap().to_string()
    );
    snap!(
        "figure_series",
        ex::LessOscillation::lesson().figure_series_text().unwrap()
    );
}
