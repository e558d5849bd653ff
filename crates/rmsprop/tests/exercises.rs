//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use optcore::exercise::{Exercise, Verdict};
use rmsprop::exercises;
use testkit::snap;

fn round4(x: f64) -> f64 {
    let p = 10f64.powi(3 - x.abs().log10().floor() as i32);
    (x * p).round() / p
}

fn proves(ex: &Exercise) {
    assert_eq!(ex.check(ex.answer.clone()), Verdict::Right, "{}", ex.prompt);
    let rounded: Vec<f64> = ex.answer.iter().map(|&x| round4(x)).collect();
    assert_eq!(ex.check(rounded), Verdict::Right, "{}", ex.prompt);
    assert!(!ex.near_misses.is_empty());
    for m in &ex.near_misses {
        assert_eq!(
            ex.check(m.value.clone()),
            Verdict::NearMiss { why: m.why.clone() },
            "{}",
            ex.prompt
        );
    }
    ex.distinct().unwrap();
}

#[test]
fn avg_sq_grad_2() {
    let ex = exercises::avg_sq_grad_2();
    proves(&ex);
    snap!("exercise_avg_sq_grad_2", ex.solution());
}

#[test]
fn first_step_x() {
    let ex = exercises::first_step_x().unwrap();
    proves(&ex);
    snap!("exercise_first_step_x", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 2);
}
