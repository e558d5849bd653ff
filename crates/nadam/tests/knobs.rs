//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use nadam::examples::*;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::ndarray::{array, Array1};
use optcore::Error;

/// Ruder's NAdam written out again, as a student would, at any settings.
fn from_scratch(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut theta = array![theta0[0], theta0[1]];
    let (mut m, mut v) = (Array1::<f64>::zeros(2), Array1::<f64>::zeros(2));
    let (mut b1t, mut b2t) = (1.0, 1.0);
    let mut out = Vec::new();
    for _ in 0..steps {
        let g = array![0.1 * (2.0 * theta[0]), 2.0 * (2.0 * theta[1])];
        b1t *= beta1;
        b2t *= beta2;
        m = beta1 * &m + (1.0 - beta1) * &g;
        v = beta2 * &v + (1.0 - beta2) * (&g * &g);
        let m_hat = &m / (1.0 - b1t);
        let v_hat = &v / (1.0 - b2t);
        let ahead = beta1 * &m_hat + (1.0 - beta1) * &g / (1.0 - b1t);
        let step = eta / (v_hat.mapv(f64::sqrt) + eps) * &ahead;
        theta = &theta - &step;
        out.push(theta.clone());
    }
    out
}

#[test]
fn scratch_trace_follows_the_settings() {
    for (eta, b1, b2, eps, start, steps) in [
        (0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5),
        (0.3, 0.5, 0.99, 1e-6, [2.0, 1.0], 9),
        (0.05, 0.0, 0.9, 0.0, [-1.0, 3.0], 3),
    ] {
        let mine = from_scratch(eta, b1, b2, eps, start, steps);
        let tr = scratch_trace(eta, b1, b2, eps, start, steps).unwrap();
        let check = compare_with_trace(&mine, &tr, Agreement::Bits).to_string();
        assert!(check.contains('✓') && !check.contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    let bad = |r: optcore::Result<_>, name: &str| {
        let e: Error = r.map(|_: optcore::Trace<_>| ()).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    };
    bad(scratch_trace(-0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5), "lr");
    bad(
        scratch_trace(0.1, 1.0, 0.999, 1e-8, [-5.0, -2.0], 5),
        "beta1",
    );
    bad(
        scratch_trace(0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], usize::MAX),
        "steps",
    );
    assert!(scratch_trace(0.1, 0.9, 0.999, 1e-8, [f64::NAN, -2.0], 5).is_err());
}

fn refused<T: std::fmt::Debug>(r: optcore::Result<T>, name: &str) {
    let e = r.expect_err("a bad knob must be refused");
    assert!(e.to_string().contains(name), "{e}");
}

#[test]
fn bad_knobs_are_typed_errors() {
    refused(
        TorchSchedule {
            beta1: 1.0,
            ..TorchSchedule::lesson()
        }
        .table(),
        "beta1",
    );
    refused(
        TorchSchedule {
            momentum_decay: -1.0,
            ..TorchSchedule::lesson()
        }
        .table(),
        "momentum_decay",
    );
    refused(
        FirstSteps {
            steps: 0,
            ..FirstSteps::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        FirstSteps {
            steps: 5000,
            ..FirstSteps::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        FirstSteps {
            eps: f64::NAN,
            ..FirstSteps::lesson()
        }
        .table(),
        "eps",
    );
    refused(
        FirstSteps {
            start: [f64::INFINITY, 0.0],
            ..FirstSteps::lesson()
        }
        .table(),
        "start",
    );
    refused(
        Forms {
            lr: -0.1,
            ..Forms::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        Forms {
            steps: 0,
            ..Forms::lesson()
        }
        .contour(),
        "steps",
    );
    refused(
        Forms {
            steps: usize::MAX,
            ..Forms::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        Forms {
            beta2: 1.0,
            ..Forms::lesson()
        }
        .contour(),
        "beta2",
    );
}

#[test]
fn other_values_run() {
    TorchSchedule {
        momentum_decay: 0.0,
        ..TorchSchedule::lesson()
    }
    .table()
    .unwrap();
    let forms = Forms {
        lr: 0.3,
        steps: 150,
        ..Forms::lesson()
    };
    let t = forms.table().unwrap();
    assert_eq!(t.column("t").unwrap().last(), Some(&150.0));
    forms.contour().unwrap();
    Forms {
        steps: 7,
        ..Forms::lesson()
    }
    .table()
    .unwrap();
}
