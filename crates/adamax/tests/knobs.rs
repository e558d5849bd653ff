//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adamax::examples::*;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::ndarray::{array, Array1};

/// Algorithm 2 written out again, as a student would, at any settings.
fn from_scratch(
    eta: f64,
    beta1: f64,
    beta2: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut theta = array![theta0[0], theta0[1]];
    let (mut m, mut u) = (Array1::<f64>::zeros(2), Array1::<f64>::zeros(2));
    let mut b1t = 1.0;
    let mut out = Vec::new();
    for _ in 0..steps {
        let g = array![0.1 * (2.0 * theta[0]), 2.0 * (2.0 * theta[1])];
        b1t *= beta1;
        m = beta1 * &m + (1.0 - beta1) * &g;
        u = Array1::from_shape_fn(2, |i| (beta2 * u[i]).max(g[i].abs()));
        let clr = eta / (1.0 - b1t);
        theta = &theta - &(clr * &m / &u);
        out.push(theta.clone());
    }
    out
}

#[test]
fn scratch_trace_follows_the_settings() {
    for (eta, b1, b2, start, steps) in [
        (0.1, 0.9, 0.999, [-5.0, -2.0], 5),
        (0.3, 0.5, 0.99, [2.0, 1.0], 9),
        (0.05, 0.0, 0.9, [-1.0, 3.0], 3),
    ] {
        let mine = from_scratch(eta, b1, b2, start, steps);
        let tr = scratch_trace(eta, b1, b2, start, steps).unwrap();
        let check = compare_with_trace(&mine, &tr, Agreement::Bits).to_string();
        assert!(check.contains('✓') && !check.contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    for (r, name) in [
        (scratch_trace(-0.1, 0.9, 0.999, [-5.0, -2.0], 5), "lr"),
        (scratch_trace(0.1, 1.0, 0.999, [-5.0, -2.0], 5), "beta1"),
        (
            scratch_trace(0.1, 0.9, 0.999, [-5.0, -2.0], usize::MAX),
            "steps",
        ),
    ] {
        let e = r.unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    assert!(scratch_trace(0.1, 0.9, 0.999, [f64::NAN, -2.0], 5).is_err());
}

fn refused<T: std::fmt::Debug>(r: optcore::Result<T>, name: &str) {
    let e = r.expect_err("a bad knob must be refused");
    assert!(e.to_string().contains(name), "{e}");
}

#[test]
fn bad_knobs_are_typed_errors() {
    refused(
        Spike {
            beta2: 1.0,
            ..Spike::lesson()
        }
        .table(),
        "beta2",
    );
    refused(
        Spike {
            spike: f64::INFINITY,
            ..Spike::lesson()
        }
        .table(),
        "spike",
    );
    refused(
        Spike {
            steps: 0,
            ..Spike::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        FirstSteps {
            lr: 0.0,
            ..FirstSteps::lesson()
        }
        .table(),
        "lr",
    );
    refused(
        FirstSteps {
            eps: -1.0,
            ..FirstSteps::lesson()
        }
        .table(),
        "eps",
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
            start: [f64::NAN, 0.0],
            ..FirstSteps::lesson()
        }
        .table(),
        "start",
    );
    refused(
        ZeroGradientStart {
            steps: 0,
            ..ZeroGradientStart::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        ZeroGradientStart {
            start: [f64::NAN, 1.0],
            ..ZeroGradientStart::lesson()
        }
        .table(),
        "start",
    );
}

#[test]
fn other_values_run() {
    Spike {
        spike: 100.0,
        spike_at: 20,
        steps: 30,
        ..Spike::lesson()
    }
    .table()
    .unwrap();
    FirstSteps {
        eps: 0.0,
        start: [1.0, 1.0],
        ..FirstSteps::lesson()
    }
    .table()
    .unwrap();
    let t = ZeroGradientStart {
        start: [2.0, 0.5],
        ..ZeroGradientStart::lesson()
    }
    .table()
    .unwrap();
    assert!(
        t.title.contains("no gradient coordinate is 0"),
        "{}",
        t.title
    );
}
