//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use rmsprop::exercises;
use testkit::snap;

#[test]
fn avg_sq_grad_2() {
    let ex = exercises::avg_sq_grad_2();
    ex.self_check().unwrap();
    snap!("exercise_avg_sq_grad_2", ex.solution());
}

#[test]
fn first_step_x() {
    let ex = exercises::first_step_x().unwrap();
    ex.self_check().unwrap();
    snap!("exercise_first_step_x", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 2);
}
