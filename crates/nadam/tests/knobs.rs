//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use nadam::examples::*;
use optcore::ndarray::Array1;
use testkit::knobs::*;
use testkit::refuses;

/// Ruder's NAdam written out again, as a student would, at any settings.
fn from_scratch((eta, beta1, beta2, eps, theta0, steps): AdamSettings) -> Vec<Array1<f64>> {
    let mut moments = ScratchMoments::new(beta1, beta2);
    scratch_run(theta0, steps, |theta| {
        let g = quadratic_gradient(theta);
        let (m_hat, v_hat) = moments.update(&g);
        let ahead = beta1 * &m_hat + (1.0 - beta1) * &g / (1.0 - moments.b1t);
        let step = eta / (v_hat.mapv(f64::sqrt) + eps) * &ahead;
        *theta = &*theta - &step;
    })
}

testkit::adam_rule_tests!(from_scratch, scratch_trace);

#[test]
fn bad_knobs_are_typed_errors() {
    refuses!(TorchSchedule::lesson();
        beta1 = 1.0; table => "beta1",
        momentum_decay = -1.0; table => "momentum_decay",
    );
    refuses!(FirstSteps::lesson();
        steps = 0; table => "steps",
        steps = 5000; table => "steps",
        eps = f64::NAN; table => "eps",
        start = [f64::INFINITY, 0.0]; table => "start",
    );
    refuses!(Forms::lesson();
        lr = -0.1; table => "lr",
        steps = 0; contour => "steps",
        steps = usize::MAX; table => "steps",
        beta2 = 1.0; contour => "beta2",
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
