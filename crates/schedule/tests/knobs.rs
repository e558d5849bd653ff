//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::ndarray::{array, Array1};
use schedule::examples::*;
use std::f64::consts::PI;

/// SGD under cosine annealing written out again, as a student would.
fn from_scratch(
    eta0: f64,
    t_max: usize,
    eta_min: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut theta = array![theta0[0], theta0[1]];
    let mut out = Vec::new();
    for t in 1..=steps {
        let k = (t - 1) as f64;
        let eta_t = eta_min + (eta0 - eta_min) * (1.0 + (PI * k / t_max as f64).cos()) / 2.0;
        let g = array![0.1 * (2.0 * theta[0]), 2.0 * (2.0 * theta[1])];
        theta = &theta - eta_t * &g;
        out.push(theta.clone());
    }
    out
}

#[test]
fn scratch_trace_follows_the_settings() {
    let within = || Agreement::Within {
        rel: 1e-12,
        why: "a fused multiply-add, and std's cos against libm's",
    };
    for (eta0, t_max, eta_min, start, steps) in [
        (0.4, 50, 0.0, [-5.0, -2.0], 8),
        (0.2, 10, 0.01, [2.0, 1.0], 25),
        (0.45, 5, 0.0, [-1.0, 3.0], 5),
    ] {
        let mine = from_scratch(eta0, t_max, eta_min, start, steps);
        let tr = scratch_trace(eta0, t_max, eta_min, start, steps).unwrap();
        let check = compare_with_trace(&mine, &tr, within()).to_string();
        assert!(check.contains('✓') && !check.contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    for (r, name) in [
        (scratch_trace(-0.4, 50, 0.0, [-5.0, -2.0], 8), "lr"),
        (scratch_trace(0.4, 0, 0.0, [-5.0, -2.0], 8), "t_max"),
        (scratch_trace(0.4, 50, -1.0, [-5.0, -2.0], 8), "eta_min"),
        (
            scratch_trace(0.4, 50, 0.0, [-5.0, -2.0], usize::MAX),
            "steps",
        ),
    ] {
        let e = r.unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
}

fn refused<T: std::fmt::Debug>(r: optcore::Result<T>, name: &str) {
    let e = r.expect_err("a bad knob must be refused");
    assert!(e.to_string().contains(name), "{e}");
}

#[test]
fn bad_knobs_are_typed_errors() {
    use schedule::{CosineAnnealingLR, StepLR};
    refused(
        Rates {
            eta0: 0.0,
            ..Rates::lesson()
        }
        .table(),
        "eta0",
    );
    refused(
        Rates {
            steps: 0,
            ..Rates::lesson()
        }
        .chart(),
        "steps",
    );
    refused(
        Rates {
            steps: usize::MAX,
            ..Rates::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        Rates {
            schedules: vec![],
            ..Rates::lesson()
        }
        .table(),
        "schedules",
    );
    refused(
        Rates {
            schedules: vec![CosineAnnealingLR {
                t_max: 0,
                eta_min: 0.0,
            }
            .into()],
            ..Rates::lesson()
        }
        .table(),
        "t_max",
    );
    refused(
        OnQuadratic {
            sgd_lr: -1.0,
            ..OnQuadratic::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        OnQuadratic {
            steps: 0,
            ..OnQuadratic::lesson()
        }
        .loss_chart(Method::Sgd),
        "steps",
    );
    refused(
        OnQuadratic {
            start: [f64::NAN, 0.0],
            ..OnQuadratic::lesson()
        }
        .table(),
        "start",
    );
    refused(
        OnQuadratic {
            schedules: vec![StepLR {
                step_size: 10,
                gamma: 2.0,
            }
            .into()],
            ..OnQuadratic::lesson()
        }
        .table(),
        "gamma",
    );
    refused(
        OnIris {
            batch_size: 0,
            ..OnIris::lesson()
        }
        .table(),
        "batch size",
    );
    refused(
        OnIris {
            batch_size: 151,
            ..OnIris::lesson()
        }
        .loss_chart(Method::Adam),
        "batch size",
    );
    refused(
        OnIris {
            epochs: 0,
            ..OnIris::lesson()
        }
        .table(),
        "epochs",
    );
    refused(
        OnIris {
            epochs: usize::MAX,
            ..OnIris::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        OnIris {
            adam_lr: f64::NAN,
            ..OnIris::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        Adaptive {
            adagrad_lr: 0.0,
            ..Adaptive::lesson()
        }
        .adagrad_rates(),
        "lr",
    );
    refused(
        Adaptive {
            adadelta_rho: 1.0,
            ..Adaptive::lesson()
        }
        .adadelta_ratios(),
        "rho",
    );
    refused(
        Adaptive {
            quadratic_steps: 0,
            ..Adaptive::lesson()
        }
        .chart(),
        "steps",
    );
    refused(
        Adaptive {
            batch_size: 0,
            ..Adaptive::lesson()
        }
        .adagrad_rates(),
        "batch size",
    );
}

#[test]
fn other_values_run() {
    use schedule::CosineAnnealingLR;
    let cosine = vec![CosineAnnealingLR {
        t_max: 10,
        eta_min: 0.0,
    }
    .into()];
    Rates {
        steps: 30,
        schedules: cosine.clone(),
        ..Rates::lesson()
    }
    .chart()
    .unwrap();
    OnQuadratic {
        steps: 30,
        schedules: cosine.clone(),
        ..OnQuadratic::lesson()
    }
    .table()
    .unwrap();
    OnIris {
        batch_size: 7,
        epochs: 2,
        schedules: cosine,
        ..OnIris::lesson()
    }
    .table()
    .unwrap();
    Adaptive {
        batch_size: 150,
        epochs: 3,
        quadratic_steps: 5,
        ..Adaptive::lesson()
    }
    .adadelta_ratios()
    .unwrap();
}
