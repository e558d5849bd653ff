//! The experiments' knobs: every value a student can type gives a result or a
//! typed error (no panic, no NaN), and the rule check follows the settings.
use momentum::examples as ex;
use optcore::Error;

/// The post's rule written out here, from scratch, on 0.1x² + 2y².
fn by_hand(eta: f64, gamma: f64, theta0: [f64; 2], steps: usize) -> Vec<[f64; 2]> {
    let (mut th, mut v) = (theta0, [0.0, 0.0]);
    let mut out = Vec::new();
    for _ in 0..steps {
        let g = [0.1 * (2.0 * th[0]), 2.0 * (2.0 * th[1])];
        for c in 0..2 {
            v[c] = gamma * v[c] + eta * g[c];
            th[c] -= v[c];
        }
        out.push(th);
    }
    out
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
        let mine = by_hand(eta, gamma, theta0, steps);
        assert_eq!(tr.rows.len(), steps + 1);
        for (r, m) in tr.rows[1..].iter().zip(&mine) {
            for (x, y) in r.theta.iter().zip(m) {
                let d = (x - y).abs();
                assert!(d <= 1e-12 * y.abs().max(1.0), "η {eta} γ {gamma}: {d}");
            }
        }
    }
}

fn is_hyper(e: Error, name: &str) -> bool {
    matches!(e, Error::Hyperparameter { name: n, .. } if n == name)
}

#[test]
fn bad_rule_settings_are_typed_errors() {
    let s = [-5.0, -2.0];
    assert!(is_hyper(
        ex::scratch_trace(-0.1, 0.9, s, 6).unwrap_err(),
        "lr"
    ));
    assert!(is_hyper(
        ex::scratch_trace(0.1, 1.0, s, 6).unwrap_err(),
        "momentum"
    ));
    assert!(is_hyper(
        ex::scratch_trace(0.1, 0.9, s, 0).unwrap_err(),
        "steps"
    ));
    assert!(ex::scratch_trace(0.1, 0.9, [f64::NAN, 0.0], 6).is_err());
}

#[test]
fn valley_knobs() {
    let l = ex::Valley::lesson();
    let bad = [
        ex::Valley {
            lr: -0.4,
            ..l.clone()
        },
        ex::Valley {
            lr: f64::NAN,
            ..l.clone()
        },
        ex::Valley {
            gammas: vec![],
            ..l.clone()
        },
        ex::Valley {
            gammas: vec![0.5, 0.5],
            ..l.clone()
        },
        ex::Valley {
            gammas: vec![1.0],
            ..l.clone()
        },
        ex::Valley {
            steps: 0,
            ..l.clone()
        },
        ex::Valley {
            steps: usize::MAX,
            ..l.clone()
        },
        ex::Valley {
            start: [f64::INFINITY, 0.0],
            ..l.clone()
        },
    ];
    for v in bad {
        assert!(v.table().is_err(), "{v:?}");
        assert!(v.contour().is_err(), "{v:?}");
    }
    for v in [
        ex::Valley {
            steps: 1,
            ..l.clone()
        },
        ex::Valley {
            steps: 15,
            ..l.clone()
        },
        ex::Valley {
            gammas: vec![0.99],
            ..l.clone()
        },
        ex::Valley {
            lr: 0.1,
            gammas: vec![0.5],
            ..l.clone()
        },
    ] {
        let t = v.table().unwrap().to_string();
        assert!(!t.contains("NaN"), "{t}");
        v.contour().unwrap();
        v.losses().unwrap();
    }
    // A run that diverges is a typed error, not a panic.
    let _ = ex::Valley { lr: 5.0, ..l }.table();
}

#[test]
fn other_knobs() {
    let w = ex::WeightsTable::lesson();
    assert!(ex::WeightsTable {
        gamma: 1.0,
        ..w.clone()
    }
    .table()
    .is_err());
    assert!(ex::WeightsTable { t: 0, ..w.clone() }.table().is_err());
    assert!(ex::WeightsTable { gamma: 0.0, t: 7 }.table().is_ok());
    let o = ex::OldGradients::lesson();
    assert!(ex::OldGradients {
        gammas: vec![],
        ..o.clone()
    }
    .table()
    .is_err());
    assert!(ex::OldGradients {
        gammas: vec![-0.1],
        ..o.clone()
    }
    .table()
    .is_err());
    assert!(ex::OldGradients {
        ages: 0,
        ..o.clone()
    }
    .weights_figure()
    .is_err());
    let t = ex::OldGradients {
        gammas: vec![0.0, 0.3],
        ages: 3,
        sums_steps: 2,
    }
    .table()
    .unwrap()
    .to_string();
    assert!(!t.contains("NaN"), "{t}");
    let s = ex::Slide::lesson();
    for bad in [
        ex::Slide {
            slope: 0.0,
            ..s.clone()
        },
        ex::Slide {
            start: 1.0,
            ..s.clone()
        },
        ex::Slide {
            lr: -1.0,
            ..s.clone()
        },
        ex::Slide {
            gamma: 1.5,
            ..s.clone()
        },
        ex::Slide {
            steps: 0,
            ..s.clone()
        },
    ] {
        assert!(bad.report().is_err(), "{bad:?}");
    }
    for ok in [
        ex::Slide {
            steps: 3,
            ..s.clone()
        },
        ex::Slide {
            steps: 30,
            ..s.clone()
        },
        ex::Slide {
            gamma: 0.0,
            ..s.clone()
        },
        ex::Slide {
            gamma: 0.99,
            ..s.clone()
        },
        ex::Slide {
            lr: 100.0,
            ..s.clone()
        },
    ] {
        let r = ok.report().unwrap().to_string();
        assert!(!r.contains("NaN"), "{ok:?}: {r}");
        ok.figure().unwrap();
    }
    let g = ex::GammaSweep::lesson();
    assert!(ex::GammaSweep {
        lrs: vec![],
        ..g.clone()
    }
    .table()
    .is_err());
    assert!(ex::GammaSweep {
        gamma: 1.0,
        ..g.clone()
    }
    .table()
    .is_err());
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
    assert!(ex::UnrolledNumbers {
        steps: 0,
        ..u.clone()
    }
    .table()
    .is_err());
    assert!(ex::UnrolledNumbers {
        steps: 101,
        ..u.clone()
    }
    .table()
    .is_err());
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
    assert!(is_hyper(
        dy::rule_run(0.1, 0.5, -4.0, 1.0, 12).unwrap_err(),
        "lambda"
    ));
    assert!(is_hyper(
        dy::rule_run(0.1, 1.0, 4.0, 1.0, 12).unwrap_err(),
        "momentum"
    ));
    assert!(is_hyper(
        dy::rule_run(0.1, 0.5, 4.0, 1.0, 0).unwrap_err(),
        "steps"
    ));
}

#[test]
fn dynamics_knobs() {
    use momentum::dynamics as dy;
    let d = dy::Decomposition::lesson();
    assert!(dy::Decomposition {
        every: 0,
        ..d.clone()
    }
    .table()
    .is_err());
    assert!(dy::Decomposition {
        steps: 0,
        ..d.clone()
    }
    .table()
    .is_err());
    assert!(dy::Decomposition {
        gamma: 0.5,
        steps: 10,
        ..d
    }
    .table()
    .is_ok());
    let c = dy::Decay::lesson();
    assert!(dy::Decay {
        lr: -1.0,
        ..c.clone()
    }
    .figure()
    .is_err());
    assert!(dy::Decay { gamma: 0.9, ..c }.figure().is_ok());
    let e = dy::Eigenvalues::lesson();
    assert!(dy::Eigenvalues {
        points: vec![],
        ..e.clone()
    }
    .table()
    .is_err());
    assert!(dy::Eigenvalues {
        lambdas: vec![0.0],
        ..e.clone()
    }
    .table()
    .is_err());
    assert!(dy::Eigenvalues {
        points: vec![(0.5, 1.0)],
        ..e
    }
    .table()
    .is_err());
    let m = dy::RateMap::lesson();
    assert!(dy::RateMap {
        cells: 0,
        ..m.clone()
    }
    .map()
    .is_err());
    assert!(dy::RateMap {
        cells: 10_000,
        ..m.clone()
    }
    .map()
    .is_err());
    assert!(dy::RateMap {
        points: vec![("x", 0.4, 1.0)],
        ..m.clone()
    }
    .table()
    .is_err());
    dy::RateMap {
        cells: 5,
        points: vec![("mine", 0.2, 0.6)],
        optimal: false,
        ..m
    }
    .map()
    .unwrap();
    let b = dy::Boundary::lesson();
    assert!(dy::Boundary {
        gammas: vec![],
        ..b.clone()
    }
    .table()
    .is_err());
    assert!(dy::Boundary {
        factors: vec![-1.0],
        ..b.clone()
    }
    .table()
    .is_err());
    assert!(dy::Boundary {
        steps: 0,
        ..b.clone()
    }
    .table()
    .is_err());
    assert!(dy::Boundary {
        steps: 50,
        gammas: vec![0.7],
        ..b
    }
    .table()
    .is_ok());
    assert!(dy::Critical {
        eta_lambdas: vec![]
    }
    .table()
    .is_err());
    assert!(dy::Critical {
        eta_lambdas: vec![4.0]
    }
    .table()
    .is_err());
    assert!(dy::Critical {
        eta_lambdas: vec![0.5]
    }
    .table()
    .is_ok());
    // γ_c = 0 at ηλ = 1: GD lands in one step, no rate to measure; a typed error.
    assert!(dy::Critical {
        eta_lambdas: vec![1.0]
    }
    .table()
    .is_err());
    let o = dy::OptimalVsGd::lesson();
    assert!(dy::OptimalVsGd {
        shrink: 0.0,
        ..o.clone()
    }
    .table()
    .is_err());
    assert!(dy::OptimalVsGd { shrink: 1e-3, ..o }.table().is_ok());
}

#[test]
fn appendix_knobs() {
    let f = ex::TwoForms::lesson();
    assert!(ex::TwoForms {
        lr: 0.0,
        ..f.clone()
    }
    .report()
    .is_err());
    assert!(ex::TwoForms {
        gamma: 1.0,
        ..f.clone()
    }
    .report()
    .is_err());
    assert!(ex::TwoForms {
        steps: 0,
        ..f.clone()
    }
    .report()
    .is_err());
    let r = ex::TwoForms { lr: 2.0, ..f }.report().unwrap().to_string();
    assert!(!r.contains("NaN"), "{r}");
    let m = momentum::dynamics::RateMap::lesson();
    assert!(momentum::dynamics::RateMap {
        points: vec![("x", -0.1, 0.5)],
        ..m
    }
    .conventions()
    .is_err());
}
