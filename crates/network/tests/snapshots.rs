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
        one.check(g.as_slice().unwrap()).unwrap().to_string()
    );
}
