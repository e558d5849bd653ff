//! The experiments' knobs: every value a student can type gives a result or a
//! typed error (no panic, no NaN), and the rule check follows the settings.
use nag::examples as ex;
use optcore::Error;

/// The post's NAG written out here, from scratch, on 0.1x² + 2y².
fn by_hand(eta: f64, gamma: f64, theta0: [f64; 2], steps: usize) -> Vec<[f64; 2]> {
    let (mut th, mut v) = (theta0, [0.0, 0.0]);
    let mut out = Vec::new();
    for _ in 0..steps {
        let ahead = [th[0] - gamma * v[0], th[1] - gamma * v[1]];
        let g = [0.1 * (2.0 * ahead[0]), 2.0 * (2.0 * ahead[1])];
        for c in 0..2 {
            v[c] = gamma * v[c] + eta * g[c];
            th[c] -= v[c];
        }
        out.push(th);
    }
    out
}

#[test]
fn nag_trace_follows_the_settings() {
    for (eta, gamma, theta0, steps) in [
        (0.1, 0.9, [-5.0, -2.0], 8),
        (0.2, 0.9, [-5.0, -2.0], 8),
        (0.05, 0.5, [3.0, 1.0], 12),
        (0.3, 0.0, [1.0, -1.0], 3),
    ] {
        let tr = ex::nag_trace(eta, gamma, theta0, steps).unwrap();
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
fn bad_settings_are_typed_errors() {
    let s = [-5.0, -2.0];
    assert!(is_hyper(ex::nag_trace(-0.1, 0.9, s, 8).unwrap_err(), "lr"));
    assert!(is_hyper(
        ex::nag_trace(0.1, 1.0, s, 8).unwrap_err(),
        "momentum"
    ));
    assert!(is_hyper(
        ex::nag_trace(0.1, 0.9, s, 0).unwrap_err(),
        "steps"
    ));
    assert!(ex::nag_trace(0.1, 0.9, [f64::NAN, 0.0], 8).is_err());
    let l = ex::Lookahead::lesson();
    assert!(ex::Lookahead {
        steps: 1001,
        ..l.clone()
    }
    .table()
    .is_err());
    assert!(ex::Lookahead {
        gamma: -0.5,
        ..l.clone()
    }
    .unrolled_check()
    .is_err());
    assert!(ex::Lookahead {
        steps: 30,
        gamma: 0.5,
        ..l
    }
    .unrolled_check()
    .is_ok());
    let o = ex::OneStep::lesson();
    assert!(o.figure("adam").is_err());
    assert!(ex::OneStep {
        lr: 0.0,
        ..o.clone()
    }
    .table()
    .is_err());
    assert!(ex::OneStep {
        steps: 1,
        ..o.clone()
    }
    .table()
    .is_err());
    ex::OneStep { gamma: 0.5, ..o }.figure("nag").unwrap();
}

#[test]
fn comparison_knobs() {
    let l = ex::LessOscillation::lesson();
    let bad = [
        ex::LessOscillation {
            price_lr: -1.0,
            ..l.clone()
        },
        ex::LessOscillation {
            quadratic: ex::MomentumVsNag {
                steps: 0,
                ..l.quadratic.clone()
            },
            ..l.clone()
        },
        ex::LessOscillation {
            quadratic: ex::MomentumVsNag {
                gamma: 1.0,
                ..l.quadratic.clone()
            },
            ..l.clone()
        },
    ];
    for b in bad {
        assert!(b.report().is_err(), "{b:?}");
    }
    let q = ex::MomentumVsNag {
        drawn: 0,
        ..l.quadratic.clone()
    };
    assert!(q.path_figure().is_err());
    for s in [
        ex::MomentumVsNag {
            lr: 0.6,
            ..l.quadratic.clone()
        },
        ex::MomentumVsNag {
            steps: 5,
            drawn: 40,
            ..l.quadratic.clone()
        },
        ex::MomentumVsNag {
            problem: ex::Surface::Rosenbrock,
            ..l.quadratic.clone()
        },
        ex::MomentumVsNag {
            lr: 0.01,
            ..l.rosenbrock.clone()
        },
    ] {
        s.path_figure().unwrap();
        s.distance_figure().unwrap();
        let r = ex::LessOscillation {
            quadratic: s,
            ..l.clone()
        }
        .report()
        .unwrap();
        assert!(!r.to_string().contains("NaN"));
    }
}

#[test]
fn crosswalk_knobs() {
    let c = ex::Crosswalk::lesson();
    assert!(ex::Crosswalk {
        steps: 0,
        ..c.clone()
    }
    .report()
    .is_err());
    assert!(ex::Crosswalk {
        lr: -1.0,
        ..c.clone()
    }
    .report()
    .is_err());
    assert!(ex::Crosswalk {
        gamma: 1.0,
        ..c.clone()
    }
    .report()
    .is_err());
    let r = ex::Crosswalk {
        lr: 1.0,
        steps: 50,
        ..c
    }
    .report()
    .unwrap()
    .to_string();
    assert!(!r.contains("NaN"), "{r}");
}
