//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use amsgrad::examples::*;
use optcore::ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// Ruder's AMSGrad written out again, as a student would, at any settings.
fn from_scratch((eta, beta1, beta2, eps, theta0, steps): AdamSettings) -> Vec<Array1<f64>> {
    // m and v as Adam's, without the bias corrections; v_max their running max.
    let mut moments = ScratchMoments::new(beta1, beta2);
    let mut v_max = Array1::<f64>::zeros(2);
    scratch_run(theta0, steps, |theta| {
        moments.update(&quadratic_gradient(theta));
        let (m, v) = (&moments.m, &moments.v);
        v_max = Array1::from_shape_fn(2, |i| v_max[i].max(v[i]));
        *theta = &*theta - &(eta * m / (v_max.mapv(f64::sqrt) + eps));
    })
}

testkit::adam_rule_tests!(from_scratch, scratch_trace);

#[test]
fn bad_knobs_are_typed_errors() {
    refuses!(Reddi::lesson();
        c = f64::NAN; table => "c",
        eta = 0.0; table => "eta",
        steps = 0; table => "steps",
        steps = usize::MAX; table => "steps",
        chart_steps = 0; chart => "chart_steps",
        steps = 100; chart => "chart_steps",
    );
    refuses!(PaperVsPytorch::lesson();
        beta1 = 1.0; table => "beta1",
        steps = 0; table => "steps",
        start = [f64::NAN, 0.0]; table => "start",
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
