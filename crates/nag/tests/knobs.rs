//! The experiments' knobs: every value a student can type gives a result or a
//! typed error (no panic, no NaN), and the rule check follows the settings.
use nag::examples as ex;
use ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// The post's NAG written out here, from scratch, on 0.1x² + 2y².
fn by_hand(eta: f64, gamma: f64, theta0: [f64; 2], steps: usize) -> Vec<Array1<f64>> {
    let mut v = Array1::<f64>::zeros(2);
    scratch_run(theta0, steps, |th| {
        let ahead = &*th - gamma * &v;
        v = gamma * &v + eta * &quadratic_gradient(&ahead);
        *th -= &v;
    })
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
        assert_close_to_trace(&by_hand(eta, gamma, theta0, steps), &tr, 1e-12);
    }
}

#[test]
fn bad_settings_are_typed_errors() {
    let s = [-5.0, -2.0];
    refused_hyperparameter(ex::nag_trace(-0.1, 0.9, s, 8), "lr");
    refused_hyperparameter(ex::nag_trace(0.1, 1.0, s, 8), "momentum");
    refused_hyperparameter(ex::nag_trace(0.1, 0.9, s, 0), "steps");
    assert!(ex::nag_trace(0.1, 0.9, [f64::NAN, 0.0], 8).is_err());
    let l = ex::Lookahead::lesson();
    refuses!(l;
        steps = 1001; table => "",
        gamma = -0.5; unrolled_check => "",
    );
    assert!(ex::Lookahead {
        steps: 30,
        gamma: 0.5,
        ..l
    }
    .unrolled_check()
    .is_ok());
    let o = ex::OneStep::lesson();
    assert!(o.figure("adam").is_err());
    refuses!(o;
        lr = 0.0; table => "",
        steps = 1; table => "",
    );
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
    refuses!(c;
        steps = 0; report => "",
        lr = -1.0; report => "",
        gamma = 1.0; report => "",
    );
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
