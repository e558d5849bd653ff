//! Snapshot tests: every table of the backward-pass lesson at the notebook's
//! settings (`OneExample::lesson()`).
use network::examples::OneExample;
use testkit::snap;

#[test]
fn output_layer() {
    snap!(
        "output_layer",
        OneExample::lesson().outputs().unwrap().to_string()
    );
}

#[test]
fn hidden_layer() {
    snap!(
        "hidden_layer",
        OneExample::lesson().hidden().unwrap().to_string()
    );
}

#[test]
fn finite_differences() {
    snap!(
        "finite_differences",
        OneExample::lesson()
            .finite_differences()
            .unwrap()
            .to_string()
    );
}

#[test]
fn check_of_the_library_gradient() {
    let one = OneExample::lesson();
    let g = one.gradient().unwrap();
    snap!(
        "gradient_check",
        one.compare(g.as_slice().unwrap()).unwrap().to_string()
    );
}

#[test]
fn picture() {
    snap!("picture", OneExample::lesson().picture().unwrap().text());
}

/// The chart's data, as `plots::Figure::data` has it.
fn data(fig: plots::Figure) -> String {
    assert!(!fig.data().is_empty(), "a chart that draws nothing");
    plots::series_text(fig.data())
}

/// Every optimizer at torch's defaults: the table and the three charts the
/// notebook draws from one training (it takes seconds: trained once here).
#[test]
fn at_defaults() {
    let runs = network::defaults::AtDefaults::lesson().run().unwrap();
    snap!("at_defaults", runs.table().to_string());
    snap!(
        "at_defaults_train_loss",
        data(runs.train_loss_chart().unwrap())
    );
    snap!("at_defaults_accuracy", data(runs.accuracy_chart().unwrap()));
    snap!("at_defaults_gap", data(runs.gap_chart("rmsprop").unwrap()));
}

#[test]
fn playground() {
    let runs = network::lab::playground().run().unwrap();
    snap!("playground", runs.table().to_string());
    snap!("playground_loss", data(runs.loss_chart().unwrap()));
}
