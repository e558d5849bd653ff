//! The notebook's knobs: the rule check's library run follows the student's
//! settings, and every experiment refuses a bad knob with a typed error.
use optcore::exercise::Agreement;
use optcore::ndarray::Array1;
use schedule::examples::*;
use std::f64::consts::PI;
use testkit::knobs::*;
use testkit::refuses;

/// SGD under cosine annealing written out again, as a student would.
fn from_scratch(
    eta0: f64,
    t_max: usize,
    eta_min: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Vec<Array1<f64>> {
    let mut t = 0;
    scratch_run(theta0, steps, |theta| {
        t += 1;
        let k = (t - 1) as f64;
        let eta_t = eta_min + (eta0 - eta_min) * (1.0 + (PI * k / t_max as f64).cos()) / 2.0;
        *theta = &*theta - eta_t * &quadratic_gradient(theta);
    })
}

#[test]
fn scratch_trace_follows_the_settings() {
    let within = || Agreement::Within {
        rel: 1e-12,
        why: "a fused multiply-add, and std's cos against libm's",
    };
    for (eta0, t_max, eta_min, start, steps) in [
        (0.4, 50, 0.0, [-5.0, -2.0], 8),
        (0.2, 10, 0.01, [2.0, 1.0], 25),
        (0.45, 5, 0.0, [-1.0, 3.0], 5),
    ] {
        let mine = from_scratch(eta0, t_max, eta_min, start, steps);
        let tr = scratch_trace(eta0, t_max, eta_min, start, steps).unwrap();
        assert_rule_agrees(&mine, &tr, within());
    }
}

#[test]
fn scratch_trace_refuses_bad_settings() {
    let start = [-5.0, -2.0];
    refused(scratch_trace(-0.4, 50, 0.0, start, 8), "lr");
    refused(scratch_trace(0.4, 0, 0.0, start, 8), "t_max");
    refused(scratch_trace(0.4, 50, -1.0, start, 8), "eta_min");
    refused(scratch_trace(0.4, 50, 0.0, start, usize::MAX), "steps");
}

#[test]
fn bad_knobs_are_typed_errors() {
    use schedule::{CosineAnnealingLR, StepLR};
    let cosine = CosineAnnealingLR {
        t_max: 0,
        eta_min: 0.0,
    };
    let step = StepLR {
        step_size: 10,
        gamma: 2.0,
    };
    refuses!(Rates::lesson();
        eta0 = 0.0; table => "eta0",
        steps = 0; chart => "steps",
        steps = usize::MAX; table => "steps",
        schedules = vec![]; table => "schedules",
        schedules = vec![cosine.into()]; table => "t_max",
    );
    refuses!(OnQuadratic::lesson();
        sgd_lr = -1.0; table => "lr",
        steps = 0; loss_chart(Method::Sgd) => "steps",
        start = [f64::NAN, 0.0]; table => "start",
        schedules = vec![step.into()]; table => "gamma",
    );
    refuses!(OnIris::lesson();
        batch_size = 0; table => "batch size",
        batch_size = 151; loss_chart(Method::Adam) => "batch size",
        epochs = 0; table => "epochs",
        epochs = usize::MAX; table => "steps",
        adam_lr = f64::NAN; table => "lr",
    );
    refuses!(Adaptive::lesson();
        adagrad_lr = 0.0; adagrad_rates => "lr",
        adadelta_rho = 1.0; adadelta_ratios => "rho",
        quadratic_steps = 0; chart => "steps",
        batch_size = 0; adagrad_rates => "batch size",
    );
}

#[test]
fn other_values_run() {
    use schedule::CosineAnnealingLR;
    let cosine = vec![CosineAnnealingLR {
        t_max: 10,
        eta_min: 0.0,
    }
    .into()];
    Rates {
        steps: 30,
        schedules: cosine.clone(),
        ..Rates::lesson()
    }
    .chart()
    .unwrap();
    OnQuadratic {
        steps: 30,
        schedules: cosine.clone(),
        ..OnQuadratic::lesson()
    }
    .table()
    .unwrap();
    OnIris {
        batch_size: 7,
        epochs: 2,
        schedules: cosine,
        ..OnIris::lesson()
    }
    .table()
    .unwrap();
    Adaptive {
        batch_size: 150,
        epochs: 3,
        quadratic_steps: 5,
        ..Adaptive::lesson()
    }
    .adadelta_ratios()
    .unwrap();
}
