//! The checkers accept the right answer (also rounded to four significant
//! digits), name each typical slip, and tell every slip apart.
use nag::exercises;
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
fn the_lookahead_is_theta_minus_gamma_v() {
    // θ₁ = θ₀ − η·2θ₀ (v₁ = η∇J(θ₀) since v₀ = 0), lookahead θ₁ − γv₁.
    let (eta, gamma, t0) = (
        nag::exercises::ETA,
        nag::exercises::GAMMA,
        nag::exercises::THETA0,
    );
    let v1 = eta * (2.0 * t0);
    let expected = (t0 - v1) - gamma * v1;
    let ex = exercises::lookahead2().unwrap();
    assert!(
        (ex.answer[0] - expected).abs() < 1e-15,
        "{} vs {expected}",
        ex.answer[0]
    );
}

#[test]
fn solutions() {
    snap!(
        "exercise_lookahead2",
        exercises::lookahead2().unwrap().solution()
    );
    snap!("exercise_theta2", exercises::theta2().unwrap().solution());
}
