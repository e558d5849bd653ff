//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use schedule::exercises;
use testkit::snap;

#[test]
fn step_rate() {
    let ex = exercises::step_rate();
    ex.self_check().unwrap();
    snap!("exercise_step_rate", ex.solution());
}

#[test]
fn cosine_rate() {
    let ex = exercises::cosine_rate();
    ex.self_check().unwrap();
    snap!("exercise_cosine_rate", ex.solution());
}

#[test]
fn warmup_first_rate() {
    let ex = exercises::warmup_first_rate().unwrap();
    ex.self_check().unwrap();
    snap!("exercise_warmup_first_rate", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 3);
}
