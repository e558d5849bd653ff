//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adamw::examples::*;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::ndarray::{array, Array1};

/// Loshchilov & Hutter's Algorithm 2 written out again, as a student would.
fn from_scratch(
    eta: f64,
    (beta1, beta2, eps): (f64, f64, f64),
    lambda: f64,
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
        let step = eta * &m_hat / (v_hat.mapv(f64::sqrt) + eps) + lambda * &theta;
        theta = &theta - &step;
        out.push(theta.clone());
    }
    out
}

#[test]
fn scratch_trace_follows_the_settings() {
    for (eta, betas, lambda, start, steps) in [
        (0.1, (0.9, 0.999, 1e-8), 0.01, [-5.0, -2.0], 5),
        (0.3, (0.5, 0.99, 1e-6), 0.1, [2.0, 1.0], 9),
        (0.05, (0.0, 0.9, 1e-8), 0.0, [-1.0, 3.0], 3),
    ] {
        let mine = from_scratch(eta, betas, lambda, start, steps);
        let (b1, b2, eps) = betas;
        let tr = scratch_trace(eta, b1, b2, eps, lambda, start, steps).unwrap();
        let check = compare_with_trace(&mine, &tr, Agreement::Bits).to_string();
        assert!(check.contains('✓') && !check.contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    for (r, name) in [
        (
            scratch_trace(-0.1, 0.9, 0.999, 1e-8, 0.01, [-5.0, -2.0], 5),
            "lr",
        ),
        (
            scratch_trace(0.1, 1.0, 0.999, 1e-8, 0.01, [-5.0, -2.0], 5),
            "beta1",
        ),
        (
            scratch_trace(0.1, 0.9, 0.999, 1e-8, -0.01, [-5.0, -2.0], 5),
            "weight_decay",
        ),
        (
            scratch_trace(0.1, 0.9, 0.999, 1e-8, 0.01, [-5.0, -2.0], usize::MAX),
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
    refused(
        AdamwVsL2 {
            lr: -0.05,
            ..AdamwVsL2::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        AdamwVsL2 {
            lambda: -0.1,
            ..AdamwVsL2::lesson()
        }
        .table(),
        "lambda",
    );
    refused(
        AdamwVsL2 {
            lambda: f64::NAN,
            ..AdamwVsL2::lesson()
        }
        .contour(),
        "lambda",
    );
    refused(
        AdamwVsL2 {
            steps: 0,
            ..AdamwVsL2::lesson()
        }
        .conventions(),
        "steps",
    );
    refused(
        AdamwVsL2 {
            steps: usize::MAX,
            ..AdamwVsL2::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        AdamwVsL2 {
            start: [f64::NAN, 0.0],
            ..AdamwVsL2::lesson()
        }
        .table(),
        "start",
    );
}

#[test]
fn other_values_run() {
    let l2 = AdamwVsL2 {
        lambda: 0.5,
        steps: 37,
        ..AdamwVsL2::lesson()
    };
    l2.table().unwrap();
    l2.contour().unwrap();
    l2.conventions().unwrap();
    AdamwVsL2 {
        lambda: 0.0,
        steps: 1,
        ..AdamwVsL2::lesson()
    }
    .table()
    .unwrap();
}
