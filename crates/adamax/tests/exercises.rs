//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use adamax::exercises;
use testkit::snap;

#[test]
fn every_exercise_checks_itself_and_its_solution_is_pinned() {
    let all = exercises::all().unwrap();
    assert!(!all.is_empty());
    assert_eq!(all.len(), 1);
    all[0].self_check().unwrap();
    snap!("exercise_1", all[0].solution());
}
