//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use adam::examples::*;
use optcore::ndarray::Array1;
use optcore::Error;
use testkit::knobs::*;
use testkit::refuses;

/// Algorithm 1 written out again, as a student would, at any settings.
fn from_scratch((eta, beta1, beta2, eps, theta0, steps): AdamSettings) -> Vec<Array1<f64>> {
    let mut moments = ScratchMoments::new(beta1, beta2);
    scratch_run(theta0, steps, |theta| {
        let (m_hat, v_hat) = moments.update(&quadratic_gradient(theta));
        let step = eta * &m_hat / (v_hat.mapv(f64::sqrt) + eps);
        *theta = &*theta - &step;
    })
}

testkit::adam_rule_tests!(from_scratch, scratch_trace);

/// Adam's refusals by their type, too.
#[test]
fn scratch_trace_errors_are_typed() {
    let start = [-5.0, -2.0];
    refused_hyperparameter(scratch_trace(-0.1, 0.9, 0.999, 1e-8, start, 5), "lr");
    refused_hyperparameter(scratch_trace(0.1, 1.0, 0.999, 1e-8, start, 5), "beta1");
    assert!(matches!(
        scratch_trace(0.1, 0.9, 0.999, 1e-8, start, usize::MAX),
        Err(Error::Steps { .. })
    ));
}

#[test]
fn bad_knobs_are_typed_errors() {
    refuses!(FirstSteps::lesson();
        steps = 0; table => "steps",
        steps = 1_000_000; table => "steps",
        lr = -1.0; table => "lr",
        beta1 = 1.0; table => "beta1",
        start = [f64::INFINITY, 0.0]; table => "start",
    );
    refuses!(ConstantGradient::lesson();
        beta2 = 1.5; table => "beta2",
        steps = 0; table => "steps",
    );
    refuses!(BiasCorrection::lesson();
        eps = -1.0; table => "eps",
        contour_steps = 0; contour => "steps",
        contour_steps = usize::MAX; contour => "steps",
    );
    refuses!(TwoAverages::lesson();
        lr = f64::NAN; table => "lr",
        steps = 0; table => "steps",
    );
    refuses!(WhereEps::lesson();
        gradients = vec![]; table => "gradients",
        gradients = vec![0.0]; table => "gradients",
        eps = f64::INFINITY; table => "eps",
    );
    refuses!(PaperVsPytorch::lesson();
        steps = 0; table => "steps",
        beta2 = -0.1; table => "beta2",
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
