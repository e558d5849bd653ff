//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use adam::exercises;
use testkit::snap;

#[test]
fn m_hat_2() {
    let ex = exercises::m_hat_2();
    ex.self_check().unwrap();
    snap!("exercise_m_hat_2", ex.solution());
}

#[test]
fn uncorrected_first_step() {
    let ex = exercises::uncorrected_first_step().unwrap();
    ex.self_check().unwrap();
    snap!("exercise_uncorrected_first_step", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 2);
}
