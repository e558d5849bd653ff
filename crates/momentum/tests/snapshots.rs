//! Snapshot tests: every table, equation and figure series notebooks/03-momentum.ipynb shows.
use momentum::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn conventions() {
    snap!(
        "conventions",
        ex::TwoForms::lesson().report().unwrap().to_string()
    );
}

#[test]
fn reference_agreement() {
    snap!(
        "reference_agreement",
        ex::reference_agreement().unwrap().to_string()
    );
}

#[test]
fn defaults_and_refusals() {
    snap!("defaults", ex::defaults().to_string());
    snap!("refusals", ex::refusals().to_string());
}

#[test]
fn unrolling() {
    snap!("unrolled_equations", ex::unrolled_equations(4).to_string());
    snap!(
        "unrolled_equation_10",
        ex::unrolled_equation(10).to_string()
    );
    snap!(
        "unrolled_numbers",
        ex::UnrolledNumbers::lesson().table().unwrap().to_string()
    );
    snap!(
        "weights_table",
        ex::WeightsTable::lesson().table().unwrap().to_string()
    );
    snap!(
        "effective_step",
        ex::OldGradients::lesson().table().unwrap().to_string()
    );
}

#[test]
fn unrolling_figures() {
    snap!(
        "weights_series",
        plots::series_text(&ex::OldGradients::lesson().weights_series().unwrap())
    );
    snap!(
        "sums_series",
        plots::series_text(&ex::OldGradients::lesson().sums_series().unwrap())
    );
    snap!(
        "half_life_series",
        plots::series_text(&ex::half_life_series())
    );
}

#[test]
fn plateau() {
    snap!("plateau", ex::Slide::lesson().report().unwrap().to_string());
    snap!(
        "slide_series",
        plots::series_text(&ex::Slide::lesson().series().unwrap())
    );
}

#[test]
fn valley() {
    snap!("valley", ex::Valley::lesson().table().unwrap().to_string());
    snap!(
        "valley_paths",
        plots::series_text(&ex::Valley::lesson().paths().unwrap())
    );
    snap!(
        "valley_loss_series",
        plots::series_text(&ex::Valley::lesson().loss_series().unwrap())
    );
}

#[test]
fn from_scratch() {
    snap!(
        "scratch_trace",
        ex::scratch_trace(
            ex::SCRATCH_LR,
            ex::POST_GAMMA,
            [-5.0, -2.0],
            ex::SCRATCH_STEPS
        )
        .unwrap()
        .table()
        .to_string()
    );
    snap!(
        "post_gamma_sweep",
        ex::GammaSweep::lesson().table().unwrap().to_string()
    );
}
