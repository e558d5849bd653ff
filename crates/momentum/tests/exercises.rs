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

#[test]
fn dynamics_checkers_accept_the_answer_and_name_each_slip() {
    let all = exercises::dynamics_all().unwrap();
    assert_eq!(all.len(), 3);
    for ex in &all {
        ex.self_check().unwrap();
    }
    // The answers by the formulas of the dynamics module doc.
    let el: f64 = exercises::CRITICAL_ETA_LAMBDA;
    assert!((all[0].answer[0] - (1.0 - el.sqrt()).powi(2)).abs() < 1e-15);
    assert!((all[1].answer[0] - exercises::UNDERDAMPED.2.sqrt()).abs() < 1e-15);
    let (gamma, lambda) = exercises::EDGE;
    assert_eq!(all[2].answer[0], 2.0 * (1.0 + gamma) / lambda);
    snap!("exercise_critical_gamma", all[0].solution());
    snap!("exercise_underdamped_radius", all[1].solution());
    snap!("exercise_largest_lr", all[2].solution());
}
