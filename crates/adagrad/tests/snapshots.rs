//! Snapshot tests: every table the Adagrad notebook shows.
use adagrad::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn reference_run() {
    snap!(
        "reference_run",
        ex::reference_table(10).unwrap().to_string()
    );
}

#[test]
fn diagonal_vs_full() {
    snap!(
        "diagonal_vs_full",
        ex::diagonal_vs_full(20).unwrap().to_string()
    );
}

#[test]
fn conventions() {
    snap!(
        "conventions_first_step",
        ex::conventions_first_step().to_string()
    );
    snap!(
        "conventions_runs",
        ex::conventions_runs(10).unwrap().to_string()
    );
    snap!("torch_options", ex::torch_options(20).unwrap().to_string());
    snap!(
        "zero_denominator",
        ex::zero_denominator().unwrap().to_string()
    );
    snap!("refusals", ex::refusals().to_string());
}

#[test]
fn sparse_story() {
    snap!("sparse_data_head", ex::sparse_data_head(12).to_string());
    snap!("sparse_rates", ex::sparse_rates(0.5).unwrap().to_string());
    snap!("sparse_race", ex::sparse_race().unwrap().to_string());
}

#[test]
fn steady_gradient() {
    snap!(
        "steady_gradient",
        ex::steady_gradient().unwrap().to_string()
    );
    snap!("stall", ex::stall().unwrap().to_string());
}

#[test]
fn figures_render_and_are_deterministic() {
    for f in [ex::fig_reference, |_| ex::fig_sparse_rates(0.5)] {
        let (a, b) = (f(20).unwrap(), f(20).unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
    for f in [ex::fig_sparse_w2, ex::fig_stall, ex::fig_rate_decay] {
        let (a, b) = (f().unwrap(), f().unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
}

#[test]
fn rate_against_eta() {
    snap!(
        "rate_against_eta",
        ex::rate_against_eta(0.5).unwrap().to_string()
    );
}

#[test]
fn exercises_solutions() {
    snap!(
        "exercise_g_after_three",
        adagrad::exercises::g_after_three().unwrap().solution()
    );
    snap!(
        "exercise_rate_after_three",
        adagrad::exercises::rate_after_three().unwrap().solution()
    );
    snap!(
        "exercise_first_rare_step",
        adagrad::exercises::first_rare_step().unwrap().solution()
    );
}

/// The notebook's from-scratch cell, word for word: the post's rule over ndarray
/// agrees with the library's trace of the same run to the last bit.
#[test]
#[allow(non_snake_case)]
fn from_scratch_rule_agrees_to_the_bit() {
    use ndarray::{array, Array1};
    use optcore::exercise::{compare_with_trace, Agreement};
    let mut G = Array1::<f64>::zeros(2);
    let (eta, eps) = (0.4, 0.1);
    let mut theta = array![-5.0, -2.0];
    let mut mine = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        G = &G + &(&g * &g);
        theta = &theta - &(eta / (&G + eps).mapv(f64::sqrt) * &g);
        mine.push(theta.clone());
    }
    let trace = ex::reference_run(5).unwrap();
    let c = compare_with_trace(&mine, &trace, Agreement::Bits);
    assert!(c.agrees(), "{c}");
    // A slip (ε outside the root) is caught at step 1.
    let mut theta = array![-5.0, -2.0];
    let mut G = Array1::<f64>::zeros(2);
    let mut slip = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        G = &G + &(&g * &g);
        theta = &theta - &(eta / (G.mapv(f64::sqrt) + eps) * &g);
        slip.push(theta.clone());
    }
    assert_eq!(
        compare_with_trace(&slip, &trace, Agreement::Bits).parts_at,
        Some(1)
    );
}

/// The rule cell's check at the student's settings: the library's run at other
/// η, ε, θ₀ and steps agrees to the bit with the rule written from scratch, and
/// bad settings are typed errors naming the knob.
#[test]
#[allow(non_snake_case)]
fn scratch_trace_follows_the_settings() {
    use ndarray::Array1;
    use optcore::exercise::{compare_with_trace, Agreement};
    for (eta, eps, theta0, steps) in [
        (0.2, 0.1, [-5.0, -2.0], 5),
        (1.0, 1e-8, [3.0, 1.5], 8),
        (0.4, 0.5, [-1.0, 4.0], 3),
    ] {
        let mut theta = Array1::from(theta0.to_vec());
        let mut G = Array1::<f64>::zeros(2);
        let mut mine = Vec::new();
        for _ in 0..steps {
            let g = ndarray::array![0.2 * theta[0], 4.0 * theta[1]];
            G = &G + &(&g * &g);
            theta = &theta - &(eta / (&G + eps).mapv(f64::sqrt) * &g);
            mine.push(theta.clone());
        }
        let trace = ex::scratch_trace(eta, eps, theta0, steps).unwrap();
        let c = compare_with_trace(&mine, &trace, Agreement::Bits);
        assert!(c.agrees(), "{c}");
        // Checked against the lesson's settings instead, the same rule parts at step 1.
        let lesson = ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], steps).unwrap();
        assert_eq!(
            compare_with_trace(&mine, &lesson, Agreement::Bits).parts_at,
            Some(1)
        );
    }
    assert_eq!(
        ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], 5).unwrap().rows,
        ex::reference_run(5).unwrap().rows
    );
    for (eta, eps, theta0, steps, name) in [
        (-0.4, 0.1, [-5.0, -2.0], 5, "lr"),
        (0.4, -0.1, [-5.0, -2.0], 5, "eps"),
        (0.4, 0.1, [-5.0, -2.0], 0, "steps"),
        (f64::NAN, 0.1, [-5.0, -2.0], 5, "lr"),
    ] {
        let e = ex::scratch_trace(eta, eps, theta0, steps).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    assert!(ex::scratch_trace(0.4, 0.1, [f64::INFINITY, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.4, 0.0, [0.0, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], usize::MAX).is_err());
}
