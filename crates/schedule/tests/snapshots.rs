//! Snapshot tests: every table the schedules notebook shows, and the data of
//! every figure it draws (`plots::Figure::data`).
use schedule::examples::{self, Method};
use testkit::snap;

#[test]
fn rate_table() {
    snap!(
        "rate_table",
        examples::Rates::lesson().table().unwrap().to_string()
    );
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::scratch_trace(0.4, 50, 0.0, [-5.0, -2.0], 8)
            .unwrap()
            .table()
            .to_string()
    );
}

#[test]
fn quadratic_runs() {
    snap!(
        "quadratic_runs",
        examples::OnQuadratic::lesson().table().unwrap().to_string()
    );
}

#[test]
fn iris_runs() {
    snap!(
        "iris_runs",
        examples::OnIris::lesson().table().unwrap().to_string()
    );
}

#[test]
fn adagrad_rates() {
    snap!(
        "adagrad_rates",
        examples::Adaptive::lesson()
            .adagrad_rates()
            .unwrap()
            .to_string()
    );
}

#[test]
fn adadelta_ratios() {
    snap!(
        "adadelta_ratios",
        examples::Adaptive::lesson()
            .adadelta_ratios()
            .unwrap()
            .to_string()
    );
}

/// What each chart draws (its series, point by point): the SVG bytes may
/// change, the numbers may not.
#[test]
fn figures() {
    let data = |fig: plots::Figure| {
        assert!(fig.svg().starts_with("<svg"));
        assert!(!fig.data().is_empty(), "a chart that draws nothing");
        plots::series_text(fig.data())
    };
    snap!(
        "rate_chart",
        data(examples::Rates::lesson().chart().unwrap())
    );
    snap!(
        "quadratic_sgd_chart",
        data(
            examples::OnQuadratic::lesson()
                .loss_chart(Method::Sgd)
                .unwrap()
        )
    );
    snap!(
        "quadratic_adam_chart",
        data(
            examples::OnQuadratic::lesson()
                .loss_chart(Method::Adam)
                .unwrap()
        )
    );
    snap!(
        "iris_sgd_chart",
        data(examples::OnIris::lesson().loss_chart(Method::Sgd).unwrap())
    );
    snap!(
        "iris_adam_chart",
        data(examples::OnIris::lesson().loss_chart(Method::Adam).unwrap())
    );
    snap!(
        "adaptive_rate_chart",
        data(examples::Adaptive::lesson().chart().unwrap())
    );
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
