//! Snapshot tests: every value the Gradient Descent notebook shows.
use gd::examples::*;
use plots::{series_summary, series_text};

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn problem_report() {
    snap!("problem", iris_regression().unwrap().report().to_string());
}

#[test]
fn hand_steps_report() {
    snap!(
        "hand_steps",
        HandSteps::lesson().report().unwrap().to_string()
    );
}

#[test]
fn variant_steps_report() {
    snap!(
        "variant_steps",
        ThreeKinds::lesson().variant_steps().unwrap().to_string()
    );
}

#[test]
fn first_updates_table() {
    snap!(
        "first_updates",
        ThreeKinds::lesson().first_updates().unwrap().to_string()
    );
}

#[test]
fn comparison_report() {
    snap!(
        "comparison",
        ThreeKinds::lesson().comparison().unwrap().to_string()
    );
}

#[test]
fn loss_per_update_table() {
    snap!(
        "loss_per_update",
        ThreeKinds::lesson().loss_per_update().unwrap().to_string()
    );
}

#[test]
fn loss_per_update_plot() {
    snap!(
        "loss_per_update_series",
        series_text(&ThreeKinds::lesson().loss_per_update_series().unwrap())
    );
}

#[test]
fn loss_per_epoch_plot() {
    snap!(
        "loss_per_epoch_series",
        series_summary(
            "loss per epoch: the plotted series",
            &ThreeKinds::lesson().loss_per_epoch_series().unwrap()
        )
        .to_string()
    );
}

#[test]
fn lr_sensitivity_report() {
    snap!(
        "lr_sensitivity",
        LrSensitivity::lesson().report().unwrap().to_string()
    );
}

#[test]
fn lr_sensitivity_plot() {
    snap!(
        "lr_sensitivity_series",
        series_text(&LrSensitivity::lesson().series().unwrap())
    );
}

#[test]
fn quadratic_paths_plot() {
    snap!(
        "quadratic_paths",
        QuadraticPaths::lesson().table().unwrap().to_string()
    );
}

#[test]
fn refusals_table() {
    snap!("refusals", refusals().unwrap().to_string());
}

#[test]
fn rule_trace() {
    snap!(
        "rule_trace",
        gd::examples::rule_trace(RULE_LR, [-5.0, -2.0], RULE_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn exercise_solutions() {
    let text: Vec<String> = gd::exercises::all()
        .unwrap()
        .iter()
        .map(|e| e.solution())
        .collect();
    snap!("exercise_solutions", text.join("\n\n"));
}
