//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adamw::examples::*;
use optcore::exercise::Agreement;
use optcore::ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// Loshchilov & Hutter's Algorithm 2 written out again, as a student would.
fn from_scratch(
    eta: f64,
    (beta1, beta2, eps): (f64, f64, f64),
    lambda: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut moments = ScratchMoments::new(beta1, beta2);
    scratch_run(theta0, steps, |theta| {
        let (m_hat, v_hat) = moments.update(&quadratic_gradient(theta));
        let step = eta * &m_hat / (v_hat.mapv(f64::sqrt) + eps) + lambda * &*theta;
        *theta = &*theta - &step;
    })
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
        assert_rule_agrees(&mine, &tr, Agreement::Bits);
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    let s = [-5.0, -2.0];
    refused(scratch_trace(-0.1, 0.9, 0.999, 1e-8, 0.01, s, 5), "lr");
    refused(scratch_trace(0.1, 1.0, 0.999, 1e-8, 0.01, s, 5), "beta1");
    refused(
        scratch_trace(0.1, 0.9, 0.999, 1e-8, -0.01, s, 5),
        "weight_decay",
    );
    refused(
        scratch_trace(0.1, 0.9, 0.999, 1e-8, 0.01, s, usize::MAX),
        "steps",
    );
}

#[test]
fn bad_knobs_are_typed_errors() {
    refuses!(AdamwVsL2::lesson();
        lr = -0.05; table => "lr",
        lambda = -0.1; table => "lambda",
        lambda = f64::NAN; contour => "lambda",
        steps = 0; conventions => "steps",
        steps = usize::MAX; table => "steps",
        start = [f64::NAN, 0.0]; table => "start",
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
