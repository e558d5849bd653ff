//! The experiments' knobs: every value a student can type gives a result or a
//! typed error (no panic, no NaN), and the rule check follows the settings.
use momentum::examples as ex;
use ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// The post's rule written out here, from scratch, on 0.1x² + 2y².
fn by_hand(eta: f64, gamma: f64, theta0: [f64; 2], steps: usize) -> Vec<Array1<f64>> {
    let mut v = Array1::<f64>::zeros(2);
    scratch_run(theta0, steps, |th| {
        v = gamma * &v + eta * &quadratic_gradient(th);
        *th -= &v;
    })
}

#[test]
fn scratch_trace_follows_the_settings() {
    for (eta, gamma, theta0, steps) in [
        (0.1, 0.9, [-5.0, -2.0], 6),
        (0.2, 0.9, [-5.0, -2.0], 6),
        (0.05, 0.5, [3.0, 1.0], 10),
        (0.3, 0.0, [1.0, -1.0], 3),
    ] {
        let tr = ex::scratch_trace(eta, gamma, theta0, steps).unwrap();
        assert_close_to_trace(&by_hand(eta, gamma, theta0, steps), &tr, 1e-12);
    }
}

#[test]
fn bad_rule_settings_are_typed_errors() {
    let s = [-5.0, -2.0];
    refused_hyperparameter(ex::scratch_trace(-0.1, 0.9, s, 6), "lr");
    refused_hyperparameter(ex::scratch_trace(0.1, 1.0, s, 6), "momentum");
    refused_hyperparameter(ex::scratch_trace(0.1, 0.9, s, 0), "steps");
    assert!(ex::scratch_trace(0.1, 0.9, [f64::NAN, 0.0], 6).is_err());
}

#[test]
fn valley_knobs() {
    let l = ex::Valley::lesson();
    let bad = |set: fn(&mut ex::Valley)| {
        let mut v = l.clone();
        set(&mut v);
        assert!(v.table().is_err(), "{v:?}");
        assert!(v.contour().is_err(), "{v:?}");
    };
    bad(|v| v.lr = -0.4);
    bad(|v| v.lr = f64::NAN);
    bad(|v| v.gammas = vec![]);
    bad(|v| v.gammas = vec![0.5, 0.5]);
    bad(|v| v.gammas = vec![1.0]);
    bad(|v| v.steps = 0);
    bad(|v| v.steps = usize::MAX);
    bad(|v| v.start = [f64::INFINITY, 0.0]);
    let ok = |set: fn(&mut ex::Valley)| {
        let mut v = l.clone();
        set(&mut v);
        let t = v.table().unwrap().to_string();
        assert!(!t.contains("NaN"), "{t}");
        v.contour().unwrap();
        v.losses().unwrap();
    };
    ok(|v| v.steps = 1);
    ok(|v| v.steps = 15);
    ok(|v| v.gammas = vec![0.99]);
    ok(|v| (v.lr, v.gammas) = (0.1, vec![0.5]));
    // A run that diverges is a typed error, not a panic.
    let _ = ex::Valley { lr: 5.0, ..l }.table();
}

#[test]
fn other_knobs() {
    refuses!(ex::WeightsTable::lesson();
        gamma = 1.0; table => "",
        t = 0; table => "",
    );
    assert!(ex::WeightsTable { gamma: 0.0, t: 7 }.table().is_ok());
    refuses!(ex::OldGradients::lesson();
        gammas = vec![]; table => "",
        gammas = vec![-0.1]; table => "",
        ages = 0; weights_figure => "",
    );
    let t = ex::OldGradients {
        gammas: vec![0.0, 0.3],
        ages: 3,
        sums_steps: 2,
    }
    .table()
    .unwrap()
    .to_string();
    assert!(!t.contains("NaN"), "{t}");
    refuses!(ex::Slide::lesson();
        slope = 0.0; report => "",
        start = 1.0; report => "",
        lr = -1.0; report => "",
        gamma = 1.5; report => "",
        steps = 0; report => "",
    );
    let s = ex::Slide::lesson();
    let ok = |set: fn(&mut ex::Slide)| {
        let mut ok = s.clone();
        set(&mut ok);
        let r = ok.report().unwrap().to_string();
        assert!(!r.contains("NaN"), "{ok:?}: {r}");
        ok.figure().unwrap();
    };
    ok(|s| s.steps = 3);
    ok(|s| s.steps = 30);
    ok(|s| s.gamma = 0.0);
    ok(|s| s.gamma = 0.99);
    ok(|s| s.lr = 100.0);
    let g = ex::GammaSweep::lesson();
    refuses!(g;
        lrs = vec![]; table => "",
        gamma = 1.0; table => "",
    );
    let t = ex::GammaSweep {
        lrs: vec![0.5, 2.0],
        steps: 20,
        ..g
    }
    .table()
    .unwrap()
    .to_string();
    assert!(!t.contains("NaN"), "{t}");
    let u = ex::UnrolledNumbers::lesson();
    refuses!(u;
        steps = 0; table => "",
        steps = 101; table => "",
    );
    assert!(ex::UnrolledNumbers {
        gamma: 0.5,
        steps: 10,
        ..u
    }
    .table()
    .is_ok());
}

/// Notebook 11's rule check at other settings: the library's run agrees with
/// s ← R s written out here (within the rounding RULE_AGREEMENT allows).
#[test]
fn rule_run_follows_the_settings() {
    use momentum::dynamics as dy;
    use optcore::exercise::compare_with_trace;
    for (eta, gamma, lambda, x0, steps) in [
        (0.1, 0.5, 4.0, 1.0, 12),
        (0.2, 0.5, 4.0, 1.0, 12),
        (0.05, 0.9, 1.0, -3.0, 30),
        (0.3, 0.0, 2.0, 0.5, 5),
    ] {
        let (mut w, mut x) = (0.0f64, x0);
        let mut mine = Vec::new();
        for _ in 0..steps {
            let w_new = gamma * w + eta * lambda * x;
            let x_new = -gamma * w + (1.0 - eta * lambda) * x;
            (w, x) = (w_new, x_new);
            mine.push(ndarray::array![x]);
        }
        let lib = dy::rule_run(eta, gamma, lambda, x0, steps).unwrap();
        let c = compare_with_trace(&mine, &lib, dy::RULE_AGREEMENT);
        assert!(c.agrees(), "η {eta} γ {gamma} λ {lambda}: {c}");
    }
    refused_hyperparameter(dy::rule_run(0.1, 0.5, -4.0, 1.0, 12), "lambda");
    refused_hyperparameter(dy::rule_run(0.1, 1.0, 4.0, 1.0, 12), "momentum");
    refused_hyperparameter(dy::rule_run(0.1, 0.5, 4.0, 1.0, 0), "steps");
}

#[test]
fn dynamics_knobs() {
    use momentum::dynamics as dy;
    let d = dy::Decomposition::lesson();
    refuses!(d;
        every = 0; table => "",
        steps = 0; table => "",
    );
    assert!(dy::Decomposition {
        gamma: 0.5,
        steps: 10,
        ..d
    }
    .table()
    .is_ok());
    let c = dy::Decay::lesson();
    refuses!(c; lr = -1.0; figure => "");
    assert!(dy::Decay { gamma: 0.9, ..c }.figure().is_ok());
    refuses!(dy::Eigenvalues::lesson();
        points = vec![]; table => "",
        lambdas = vec![0.0]; table => "",
        points = vec![(0.5, 1.0)]; table => "",
    );
    let m = dy::RateMap::lesson();
    refuses!(m;
        cells = 0; map => "",
        cells = 10_000; map => "",
        points = vec![("x", 0.4, 1.0)]; table => "",
    );
    dy::RateMap {
        cells: 5,
        points: vec![("mine", 0.2, 0.6)],
        optimal: false,
        ..m
    }
    .map()
    .unwrap();
    let b = dy::Boundary::lesson();
    refuses!(b;
        gammas = vec![]; table => "",
        factors = vec![-1.0]; table => "",
        steps = 0; table => "",
    );
    assert!(dy::Boundary {
        steps: 50,
        gammas: vec![0.7],
        ..b
    }
    .table()
    .is_ok());
    let critical = |eta_lambdas: Vec<f64>| dy::Critical { eta_lambdas }.table();
    assert!(critical(vec![]).is_err());
    assert!(critical(vec![4.0]).is_err());
    assert!(critical(vec![0.5]).is_ok());
    // γ_c = 0 at ηλ = 1: GD lands in one step, no rate to measure; a typed error.
    assert!(critical(vec![1.0]).is_err());
    let o = dy::OptimalVsGd::lesson();
    refuses!(o; shrink = 0.0; table => "");
    assert!(dy::OptimalVsGd { shrink: 1e-3, ..o }.table().is_ok());
}

#[test]
fn appendix_knobs() {
    let f = ex::TwoForms::lesson();
    refuses!(f;
        lr = 0.0; report => "",
        gamma = 1.0; report => "",
        steps = 0; report => "",
    );
    let r = ex::TwoForms { lr: 2.0, ..f }.report().unwrap().to_string();
    assert!(!r.contains("NaN"), "{r}");
    refuses!(momentum::dynamics::RateMap::lesson();
        points = vec![("x", -0.1, 0.5)]; conventions => "",
    );
}
