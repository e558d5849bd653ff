//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adamax::examples::*;
use optcore::exercise::Agreement;
use optcore::ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// Algorithm 2 written out again, as a student would, at any settings.
fn from_scratch(
    eta: f64,
    beta1: f64,
    beta2: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let (mut m, mut u) = (Array1::<f64>::zeros(2), Array1::<f64>::zeros(2));
    let mut b1t = 1.0;
    scratch_run(theta0, steps, |theta| {
        let g = quadratic_gradient(theta);
        b1t *= beta1;
        m = beta1 * &m + (1.0 - beta1) * &g;
        u = Array1::from_shape_fn(2, |i| (beta2 * u[i]).max(g[i].abs()));
        let clr = eta / (1.0 - b1t);
        *theta = &*theta - &(clr * &m / &u);
    })
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
        assert_rule_agrees(&mine, &tr, Agreement::Bits);
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    let start = [-5.0, -2.0];
    refused(scratch_trace(-0.1, 0.9, 0.999, start, 5), "lr");
    refused(scratch_trace(0.1, 1.0, 0.999, start, 5), "beta1");
    refused(scratch_trace(0.1, 0.9, 0.999, start, usize::MAX), "steps");
    assert!(scratch_trace(0.1, 0.9, 0.999, [f64::NAN, -2.0], 5).is_err());
}

#[test]
fn bad_knobs_are_typed_errors() {
    refuses!(Spike::lesson();
        beta2 = 1.0; table => "beta2",
        spike = f64::INFINITY; table => "spike",
        steps = 0; table => "steps",
    );
    refuses!(FirstSteps::lesson();
        lr = 0.0; table => "lr",
        eps = -1.0; table => "eps",
        steps = 1_000_000; table => "steps",
        start = [f64::NAN, 0.0]; table => "start",
    );
    refuses!(ZeroGradientStart::lesson();
        steps = 0; table => "steps",
        start = [f64::NAN, 1.0]; table => "start",
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
