//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adam::examples::*;
use optcore::ndarray::{array, Array1};
use optcore::Error;

/// Algorithm 1 written out again, as a student would, at any settings.
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
        let step = eta * &m_hat / (v_hat.mapv(f64::sqrt) + eps);
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
        let check =
            optcore::exercise::compare_with_trace(&mine, &tr, optcore::exercise::Agreement::Bits);
        assert!(check.to_string().contains('✓'), "{check}");
        assert!(!check.to_string().contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    assert!(matches!(
        scratch_trace(-0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5),
        Err(Error::Hyperparameter { name: "lr", .. })
    ));
    assert!(matches!(
        scratch_trace(0.1, 1.0, 0.999, 1e-8, [-5.0, -2.0], 5),
        Err(Error::Hyperparameter { name: "beta1", .. })
    ));
    assert!(scratch_trace(0.1, 0.9, 0.999, 1e-8, [f64::NAN, -2.0], 5).is_err());
    assert!(matches!(
        scratch_trace(0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], usize::MAX),
        Err(Error::Steps { .. })
    ));
}

fn refused<T: std::fmt::Debug>(r: optcore::Result<T>, name: &str) {
    let e = r.expect_err("a bad knob must be refused");
    assert!(e.to_string().contains(name), "{e}");
}

#[test]
fn bad_knobs_are_typed_errors() {
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
            steps: 1_000_000,
            ..FirstSteps::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        FirstSteps {
            lr: -1.0,
            ..FirstSteps::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        FirstSteps {
            beta1: 1.0,
            ..FirstSteps::lesson()
        }
        .table(),
        "beta1",
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
        ConstantGradient {
            beta2: 1.5,
            ..ConstantGradient::lesson()
        }
        .table(),
        "beta2",
    );
    refused(
        ConstantGradient {
            steps: 0,
            ..ConstantGradient::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        BiasCorrection {
            eps: -1.0,
            ..BiasCorrection::lesson()
        }
        .table(),
        "eps",
    );
    refused(
        BiasCorrection {
            contour_steps: 0,
            ..BiasCorrection::lesson()
        }
        .contour(),
        "steps",
    );
    refused(
        BiasCorrection {
            contour_steps: usize::MAX,
            ..BiasCorrection::lesson()
        }
        .contour(),
        "steps",
    );
    refused(
        TwoAverages {
            lr: f64::NAN,
            ..TwoAverages::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        TwoAverages {
            steps: 0,
            ..TwoAverages::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        WhereEps {
            gradients: vec![],
            ..WhereEps::lesson()
        }
        .table(),
        "gradients",
    );
    refused(
        WhereEps {
            gradients: vec![0.0],
            ..WhereEps::lesson()
        }
        .table(),
        "gradients",
    );
    refused(
        WhereEps {
            eps: f64::INFINITY,
            ..WhereEps::lesson()
        }
        .table(),
        "eps",
    );
    refused(
        PaperVsPytorch {
            steps: 0,
            ..PaperVsPytorch::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        PaperVsPytorch {
            beta2: -0.1,
            ..PaperVsPytorch::lesson()
        }
        .table(),
        "beta2",
    );
}

#[test]
fn other_values_run() {
    FirstSteps {
        lr: 0.5,
        start: [1.0, 1.0],
        steps: 20,
        ..FirstSteps::lesson()
    }
    .table()
    .unwrap();
    BiasCorrection {
        lr: 1.0,
        contour_steps: 200,
        ..BiasCorrection::lesson()
    }
    .contour()
    .unwrap();
    WhereEps {
        eps: 0.0,
        ..WhereEps::lesson()
    }
    .table()
    .unwrap();
}
