//! The checkers accept the right answer (also rounded to four significant
//! digits), name each typical slip, and tell every slip apart.
use momentum::exercises;
use testkit::snap;

#[test]
fn checkers_accept_the_answer_and_name_each_slip() {
    let all = exercises::all().unwrap();
    assert_eq!(all.len(), 2);
    for ex in &all {
        ex.self_check().unwrap();
        let neg: Vec<f64> = ex.answer.iter().map(|x| -x).collect();
        assert!(!ex.check(neg).is_right());
    }
}

#[test]
fn v3_is_the_unrolled_sum() {
    // v₃ = η(g₃ + γg₂ + γ²g₁), the post's unrolling, to rounding.
    let ex = exercises::v3().unwrap();
    let [g1, g2, g3] = exercises::GRADS;
    let (eta, gamma) = (exercises::ETA, exercises::GAMMA);
    let sum = eta * (g3 + gamma * g2 + gamma * gamma * g1);
    assert!(
        (ex.answer[0] - sum).abs() < 1e-15,
        "{} vs {sum}",
        ex.answer[0]
    );
}

#[test]
fn solutions() {
    snap!("exercise_v3", exercises::v3().unwrap().solution());
    snap!("exercise_theta2", exercises::theta2().unwrap().solution());
}
