//! The notebook's checked exercises: each checker accepts the right answer (also
//! rounded to four significant digits), names each typical slip, tells them all
//! apart, and its solution is pinned.
use adam::exercises;
use optcore::exercise::{Exercise, Verdict};
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
fn m_hat_2() {
    let ex = exercises::m_hat_2();
    proves(&ex);
    snap!("exercise_m_hat_2", ex.solution());
}

#[test]
fn uncorrected_first_step() {
    let ex = exercises::uncorrected_first_step().unwrap();
    proves(&ex);
    snap!("exercise_uncorrected_first_step", ex.solution());
}

#[test]
fn all_lists_every_exercise() {
    assert_eq!(exercises::all().unwrap().len(), 2);
}
