//! Snapshot tests: every table the Adadelta notebook shows.
use adadelta::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn adadelta_runs() {
    snap!(
        "intermediate_rule",
        ex::IntermediateRule::lesson().table().unwrap().to_string()
    );
    snap!(
        "paper_run",
        ex::PaperRun::lesson().report().unwrap().to_string()
    );
    snap!(
        "conventions",
        ex::Conventions::lesson().table().unwrap().to_string()
    );
}

#[test]
fn window() {
    snap!(
        "window_summary",
        ex::WindowSummary::lesson().table().unwrap().to_string()
    );
    snap!(
        "window_weights_0.9",
        ex::Window::lesson().weights().unwrap().to_string()
    );
}

#[test]
fn newton() {
    snap!(
        "newton_quadratic",
        ex::NewtonQuadratic::lesson().table().unwrap().to_string()
    );
    snap!(
        "newton_rosenbrock",
        ex::NewtonRosenbrock::lesson().table().unwrap().to_string()
    );
    snap!(
        "newton_singular",
        ex::NewtonSingular::lesson().table().unwrap().to_string()
    );
    snap!("refusals", ex::refusals().to_string());
    snap!(
        "race_rosenbrock",
        ex::Race::lesson().table().unwrap().to_string()
    );
}

#[test]
fn units_and_rescaling() {
    snap!("units", ex::units_table().to_string());
    snap!(
        "rescaling",
        ex::Rescaling::lesson().table().unwrap().to_string()
    );
}

#[test]
fn figures_render_and_are_deterministic() {
    let figs: [fn() -> optcore::Result<plots::Figure>; 4] = [
        || ex::Window::lesson().chart(),
        || ex::NewtonRosenbrock::lesson().contour(),
        || ex::OneNewtonStep::lesson().contour(),
        || ex::Rescaling::lesson().chart(),
    ];
    for f in figs {
        let (a, b) = (f().unwrap(), f().unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
}

#[test]
fn bridges() {
    snap!(
        "ratio_vs_inverse_hessian",
        ex::RatioVsHessian::lesson().table().unwrap().to_string()
    );
    snap!(
        "rms_definitions",
        ex::RmsDefinitions::lesson().table().unwrap().to_string()
    );
}

#[test]
fn exercises_solutions() {
    snap!(
        "exercise_eg2_after_two",
        adadelta::exercises::eg2_after_two().unwrap().solution()
    );
    snap!(
        "exercise_first_step",
        adadelta::exercises::first_step().unwrap().solution()
    );
    snap!(
        "exercise_newton_step",
        adadelta::exercises::newton_step().unwrap().solution()
    );
}

/// The notebook's from-scratch cell, word for word: Zeiler's Algorithm 1 over
/// ndarray agrees with the library's trace of the same run to the last bit.
#[test]
fn from_scratch_rule_agrees_to_the_bit() {
    use ndarray::{array, Array1};
    use optcore::exercise::{compare_with_trace, Agreement};
    let (gamma, eps) = (0.95, 1e-6);
    let mut theta = array![-5.0, -2.0];
    let mut eg2 = Array1::<f64>::zeros(2);
    let mut edx2 = Array1::<f64>::zeros(2);
    let mut mine = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        eg2 = gamma * &eg2 + (1.0 - gamma) * (&g * &g);
        let rms_g = (&eg2 + eps).mapv(f64::sqrt);
        let rms_dx = (&edx2 + eps).mapv(f64::sqrt);
        let dtheta = -(&rms_dx / &rms_g) * &g;
        edx2 = gamma * &edx2 + (1.0 - gamma) * (&dtheta * &dtheta);
        theta = &theta + &dtheta;
        mine.push(theta.clone());
    }
    let trace = ex::paper_trace(5).unwrap();
    let c = compare_with_trace(&mine, &trace, Agreement::Bits);
    assert!(c.agrees(), "{c}");
    // A slip (E[Δθ²] updated before the step uses it) is caught at step 1.
    let mut theta = array![-5.0, -2.0];
    let mut eg2 = Array1::<f64>::zeros(2);
    let mut edx2 = Array1::<f64>::zeros(2);
    let mut slip = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        eg2 = gamma * &eg2 + (1.0 - gamma) * (&g * &g);
        let rms_g = (&eg2 + eps).mapv(f64::sqrt);
        let dtheta = -(eps.sqrt() / &rms_g) * &g;
        edx2 = gamma * &edx2 + (1.0 - gamma) * (&dtheta * &dtheta);
        let dtheta = -((&edx2 + eps).mapv(f64::sqrt) / &rms_g) * &g;
        theta = &theta + &dtheta;
        slip.push(theta.clone());
    }
    assert_eq!(
        compare_with_trace(&slip, &trace, Agreement::Bits).parts_at,
        Some(1)
    );
}

/// The rule cell's check at the student's settings: the library's run at other
/// γ, ε, θ₀ and steps agrees to the bit with the rule written from scratch, and
/// bad settings are typed errors naming the knob.
#[test]
fn scratch_trace_follows_the_settings() {
    use ndarray::Array1;
    use optcore::exercise::Agreement;
    use testkit::knobs::*;
    for (gamma, eps, theta0, steps) in [
        (0.9, 1e-6, [-5.0, -2.0], 5),
        (0.5, 1e-2, [3.0, 1.5], 8),
        (0.99, 1e-4, [-1.0, 4.0], 3),
    ] {
        let mut eg2 = Array1::<f64>::zeros(2);
        let mut edx2 = Array1::<f64>::zeros(2);
        let mine = scratch_run(theta0, steps, |theta| {
            let g = quadratic_gradient(theta);
            eg2 = gamma * &eg2 + (1.0 - gamma) * (&g * &g);
            let rms_g = (&eg2 + eps).mapv(f64::sqrt);
            let rms_dx = (&edx2 + eps).mapv(f64::sqrt);
            let dtheta = -(&rms_dx / &rms_g) * &g;
            edx2 = gamma * &edx2 + (1.0 - gamma) * (&dtheta * &dtheta);
            *theta = &*theta + &dtheta;
        });
        let trace = ex::scratch_trace(gamma, eps, theta0, steps).unwrap();
        assert_rule_agrees(&mine, &trace, Agreement::Bits);
        // Checked against the lesson's settings instead, the same rule parts at step 1.
        let lesson = ex::scratch_trace(0.95, 1e-6, [-5.0, -2.0], steps).unwrap();
        assert_parts_at_first_step(&mine, &lesson);
    }
    assert_eq!(
        ex::scratch_trace(0.95, 1e-6, [-5.0, -2.0], 5).unwrap().rows,
        ex::paper_trace(5).unwrap().rows
    );
    for (gamma, eps, steps, name) in [
        (1.0, 1e-6, 5, "rho"),
        (-0.1, 1e-6, 5, "rho"),
        (0.95, 0.0, 5, "eps"),
        (0.95, 1e-6, 0, "steps"),
    ] {
        refused(ex::scratch_trace(gamma, eps, [-5.0, -2.0], steps), name);
    }
    assert!(ex::scratch_trace(0.95, 1e-6, [f64::NAN, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.95, 1e-6, [-5.0, -2.0], usize::MAX).is_err());
}

/// Every experiment's knobs: a bad value is a typed error naming the knob (no
/// panic, no NaN), another valid value changes the numbers.
#[test]
fn knobs_are_checked() {
    use ex::*;
    use testkit::refuses;
    let ir = IntermediateRule::lesson();
    refuses!(ir;
        gamma = 1.0; table => "gamma",
        eps = 0.0; table => "eps",
        lr = -1.0; table => "lr",
        steps = 0; table => "steps",
        steps = MAX_LESSON_STEPS + 1; table => "",
    );
    assert_ne!(
        IntermediateRule {
            gamma: 0.5,
            ..ir.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        ir.table().unwrap().to_string()
    );
    refuses!(Window { rho: 1.0 }; rho = 1.0; weights => "rho", rho = 0.0; chart => "rho");
    assert!(Window { rho: 0.999 }.weights().is_ok());
    refuses!(WindowSummary::lesson();
        rhos = vec![0.9, 1.5]; table => "rhos",
        rhos = vec![]; table => "",
    );
    refuses!(RmsDefinitions::lesson();
        rho = 1.0; table => "rho",
        gradients = vec![f64::NAN]; table => "gradients",
        gradients = vec![]; table => "",
    );
    refuses!(PaperRun::lesson();
        rho = 1.0; report => "rho",
        eps = 0.0; report => "eps",
        steps = 0; report => "steps",
    );
    let r = RatioVsHessian::lesson();
    refuses!(r;
        curvatures = vec![0.0]; table => "curvatures",
        shown = vec![0]; table => "shown",
        shown = vec![]; table => "",
    );
    assert!(RatioVsHessian {
        shown: vec![1, 5],
        ..r.clone()
    }
    .table()
    .is_ok());
    refuses!(Conventions::lesson();
        same_rho = 1.0; table => "same_rho",
        start = [f64::NAN, 0.0]; table => "start",
    );
    refuses!(NewtonQuadratic::lesson(); steps = 0; table => "steps");
    let nr = NewtonRosenbrock::lesson();
    refuses!(nr; adadelta_steps = 0; contour => "adadelta_steps");
    assert_ne!(
        NewtonRosenbrock {
            steps: 3,
            ..nr.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        nr.table().unwrap().to_string()
    );
    refuses!(NewtonSingular::lesson(); steps = 0; table => "steps");
    let race = Race::lesson();
    refuses!(race; sgd_lr = 0.0; table => "lr");
    assert!(!Race {
        sgd_lr: 0.1,
        ..race.clone()
    }
    .table()
    .unwrap()
    .to_string()
    .contains("NaN"));
    refuses!(OneNewtonStep::lesson(); lr = -0.4; contour => "lr");
    let rs = Rescaling::lesson();
    refuses!(rs;
        k = 0.0; table => "k",
        k = 1e9; chart => "k",
        steps = 0; table => "steps",
    );
    assert_ne!(
        Rescaling {
            k: 10.0,
            ..rs.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        rs.table().unwrap().to_string()
    );
}

/// Odd values a student might type, one knob at a time: never a panic, and a
/// result that is shown has no NaN.
#[test]
fn odd_knobs_never_panic() {
    use ex::*;
    use testkit::knobs::{alone as l, first_coordinate as p, odd_steps, ODD};
    use testkit::odd_knob as odd;
    let steps = odd_steps(MAX_LESSON_STEPS);
    let ir = IntermediateRule::lesson();
    odd!(ir, lr, ODD, [table]);
    odd!(ir, gamma, ODD, [table]);
    odd!(ir, eps, ODD, [table]);
    odd!(ir, start, p, ODD, [table]);
    odd!(ir, steps, steps, [table]);
    odd!(Window::lesson(), rho, ODD, [weights, chart]);
    odd!(WindowSummary::lesson(), rhos, l, ODD, [table]);
    let rd = RmsDefinitions::lesson();
    odd!(rd, rho, ODD, [table]);
    odd!(rd, eps, ODD, [table]);
    odd!(rd, gradients, l, ODD, [table]);
    let pr = PaperRun::lesson();
    odd!(pr, rho, ODD, [report]);
    odd!(pr, eps, ODD, [report]);
    odd!(pr, start, p, ODD, [report]);
    odd!(pr, steps, steps, [report]);
    let r = RatioVsHessian {
        shown: vec![1, 10, 100],
        ..RatioVsHessian::lesson()
    };
    odd!(r, rho, ODD, [table]);
    odd!(r, eps, ODD, [table]);
    odd!(r, curvatures, l, ODD, [table]);
    odd!(r, start, ODD, [table]);
    odd!(r, shown, l, steps, [table]);
    let c = Conventions::lesson();
    odd!(c, same_rho, ODD, [table]);
    odd!(c, start, p, ODD, [table]);
    odd!(c, steps, steps, [table]);
    let nq = NewtonQuadratic::lesson();
    odd!(nq, start, p, ODD, [table]);
    odd!(nq, steps, steps, [table]);
    let nr = NewtonRosenbrock {
        adadelta_steps: 50,
        ..NewtonRosenbrock::lesson()
    };
    odd!(nr, start, p, ODD, [table, contour]);
    odd!(nr, steps, steps, [table]);
    odd!(nr, adadelta_steps, steps, [contour]);
    let ns = NewtonSingular::lesson();
    odd!(ns, start, p, ODD, [table]);
    odd!(ns, steps, steps, [table]);
    let race = Race::lesson();
    odd!(race, sgd_lr, ODD, [table]);
    odd!(race, adagrad_lr, ODD, [table]);
    odd!(race, start, p, ODD, [table]);
    odd!(race, steps, steps, [table]);
    let one = OneNewtonStep {
        adadelta_steps: 50,
        ..OneNewtonStep::lesson()
    };
    odd!(one, start, p, ODD, [contour]);
    odd!(one, lr, ODD, [contour]);
    odd!(one, steps, steps, [contour]);
    odd!(one, adadelta_steps, steps, [contour]);
    let rs = Rescaling {
        steps: 20,
        ..Rescaling::lesson()
    };
    odd!(rs, k, ODD, [table, chart]);
    odd!(rs, steps, steps, [table]);
}
