//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use nadam::exercises;
use testkit::snap;

#[test]
fn mu_1() {
    let ex = exercises::mu_1();
    ex.self_check().unwrap();
    snap!("exercise_mu_1", ex.solution());
}

#[test]
fn first_step_ruder() {
    let ex = exercises::first_step_ruder().unwrap();
    ex.self_check().unwrap();
    snap!("exercise_first_step_ruder", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 2);
}
