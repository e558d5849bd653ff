//! Snapshot tests: every table the notebook shows for AdaMax.
use adamax::examples;
use testkit::snap;

#[test]
fn u_against_adam() {
    snap!(
        "u_against_adam",
        examples::Spike::lesson().table().unwrap().to_string()
    );
}

#[test]
fn first_steps() {
    snap!(
        "first_steps",
        examples::FirstSteps::lesson().table().unwrap().to_string()
    );
}

#[test]
fn zero_gradient_start() {
    snap!(
        "zero_gradient_start",
        examples::ZeroGradientStart::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn torch_check() {
    snap!("torch_check", examples::torch_check().unwrap().to_string());
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::scratch_trace(0.1, 0.9, 0.999, [-5.0, -2.0], 5)
            .unwrap()
            .table()
            .to_string()
    );
}
