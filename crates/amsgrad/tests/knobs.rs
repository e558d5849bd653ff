//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use amsgrad::examples::*;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::ndarray::{array, Array1};

/// Ruder's AMSGrad written out again, as a student would, at any settings.
fn from_scratch(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut theta = array![theta0[0], theta0[1]];
    let (mut m, mut v, mut v_max) = (
        Array1::<f64>::zeros(2),
        Array1::<f64>::zeros(2),
        Array1::<f64>::zeros(2),
    );
    let mut out = Vec::new();
    for _ in 0..steps {
        let g = array![0.1 * (2.0 * theta[0]), 2.0 * (2.0 * theta[1])];
        m = beta1 * &m + (1.0 - beta1) * &g;
        v = beta2 * &v + (1.0 - beta2) * (&g * &g);
        v_max = Array1::from_shape_fn(2, |i| v_max[i].max(v[i]));
        theta = &theta - &(eta * &m / (v_max.mapv(f64::sqrt) + eps));
        out.push(theta.clone());
    }
    out
}

#[test]
fn scratch_trace_follows_the_settings() {
    for (eta, b1, b2, eps, start, steps) in [
        (0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5),
        (0.3, 0.5, 0.99, 1e-6, [2.0, 1.0], 9),
        (0.05, 0.0, 0.9, 1e-8, [-1.0, 3.0], 3),
    ] {
        let mine = from_scratch(eta, b1, b2, eps, start, steps);
        let tr = scratch_trace(eta, b1, b2, eps, start, steps).unwrap();
        let check = compare_with_trace(&mine, &tr, Agreement::Bits).to_string();
        assert!(check.contains('✓') && !check.contains('✗'), "{check}");
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    for (r, name) in [
        (scratch_trace(-0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5), "lr"),
        (
            scratch_trace(0.1, 1.0, 0.999, 1e-8, [-5.0, -2.0], 5),
            "beta1",
        ),
        (scratch_trace(0.1, 0.9, 0.999, -1.0, [-5.0, -2.0], 5), "eps"),
        (
            scratch_trace(0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], usize::MAX),
            "steps",
        ),
    ] {
        let e = r.unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    assert!(scratch_trace(0.1, 0.9, 0.999, 1e-8, [f64::NAN, -2.0], 5).is_err());
}

fn refused<T: std::fmt::Debug>(r: optcore::Result<T>, name: &str) {
    let e = r.expect_err("a bad knob must be refused");
    assert!(e.to_string().contains(name), "{e}");
}

#[test]
fn bad_knobs_are_typed_errors() {
    refused(
        Reddi {
            c: f64::NAN,
            ..Reddi::lesson()
        }
        .table(),
        "c",
    );
    refused(
        Reddi {
            eta: 0.0,
            ..Reddi::lesson()
        }
        .table(),
        "eta",
    );
    refused(
        Reddi {
            steps: 0,
            ..Reddi::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        Reddi {
            steps: usize::MAX,
            ..Reddi::lesson()
        }
        .table(),
        "steps",
    );
    refused(
        Reddi {
            chart_steps: 0,
            ..Reddi::lesson()
        }
        .chart(),
        "chart_steps",
    );
    refused(
        Reddi {
            steps: 100,
            ..Reddi::lesson()
        }
        .chart(),
        "chart_steps",
    );
    refused(
        PaperVsPytorch {
            beta1: 1.0,
            ..PaperVsPytorch::lesson()
        }
        .table(),
        "beta1",
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
            start: [f64::NAN, 0.0],
            ..PaperVsPytorch::lesson()
        }
        .table(),
        "start",
    );
}

#[test]
fn other_values_run() {
    let reddi = Reddi {
        c: 5.0,
        steps: 3000,
        chart_steps: 300,
        ..Reddi::lesson()
    };
    reddi.table().unwrap();
    reddi.chart().unwrap();
    Reddi {
        steps: 7,
        chart_steps: 7,
        ..Reddi::lesson()
    }
    .table()
    .unwrap();
    PaperVsPytorch {
        lr: 0.5,
        steps: 20,
        ..PaperVsPytorch::lesson()
    }
    .table()
    .unwrap();
}
