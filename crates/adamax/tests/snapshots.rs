//! Snapshot tests: every table the notebook shows for AdaMax.
use adamax::examples;
use testkit::snap;

#[test]
fn u_against_adam() {
    snap!(
        "u_against_adam",
        examples::u_against_adam().unwrap().to_string()
    );
}

#[test]
fn first_steps() {
    snap!("first_steps", examples::first_steps().unwrap().to_string());
}

#[test]
fn zero_gradient_start() {
    snap!(
        "zero_gradient_start",
        examples::zero_gradient_start().unwrap().to_string()
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
        examples::library_run().unwrap().table().to_string()
    );
}
