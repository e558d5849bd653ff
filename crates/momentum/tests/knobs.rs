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
