//! Snapshot tests: every table the schedules notebook shows, and its figures'
//! data where a figure carries more than a table.
use schedule::examples::{self, Method};
use testkit::snap;

#[test]
fn rate_table() {
    snap!(
        "rate_table",
        examples::rate_table(examples::QUAD_SGD_LR).to_string()
    );
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::library_run().unwrap().table().to_string()
    );
}

#[test]
fn quadratic_runs() {
    snap!(
        "quadratic_runs",
        examples::quadratic_runs().unwrap().to_string()
    );
}

#[test]
fn iris_runs() {
    snap!("iris_runs", examples::iris_runs().unwrap().to_string());
}

#[test]
fn adagrad_rates() {
    snap!(
        "adagrad_rates",
        examples::adagrad_rates().unwrap().to_string()
    );
}

#[test]
fn adadelta_ratios() {
    snap!(
        "adadelta_ratios",
        examples::adadelta_ratios().unwrap().to_string()
    );
}

#[test]
fn figures_render() {
    for fig in [
        examples::rate_chart(examples::QUAD_SGD_LR).unwrap(),
        examples::quadratic_loss_chart(Method::Sgd).unwrap(),
        examples::quadratic_loss_chart(Method::Adam).unwrap(),
        examples::iris_loss_chart(Method::Sgd).unwrap(),
        examples::iris_loss_chart(Method::Adam).unwrap(),
        examples::adaptive_rate_chart().unwrap(),
    ] {
        assert!(fig.svg().starts_with("<svg"));
    }
}

#[test]
fn torch_rates_check() {
    snap!(
        "torch_rates_check",
        schedule::reference::rates_check().unwrap().to_string()
    );
}

#[test]
fn torch_runs_check() {
    snap!(
        "torch_runs_check",
        schedule::reference::runs_check().unwrap().to_string()
    );
}
