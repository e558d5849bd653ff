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
    use ndarray::{array, Array1};
    use optcore::exercise::{compare_with_trace, Agreement};
    for (gamma, eps, theta0, steps) in [
        (0.9, 1e-6, [-5.0, -2.0], 5),
        (0.5, 1e-2, [3.0, 1.5], 8),
        (0.99, 1e-4, [-1.0, 4.0], 3),
    ] {
        let mut theta = Array1::from(theta0.to_vec());
        let mut eg2 = Array1::<f64>::zeros(2);
        let mut edx2 = Array1::<f64>::zeros(2);
        let mut mine = Vec::new();
        for _ in 0..steps {
            let g = array![0.2 * theta[0], 4.0 * theta[1]];
            eg2 = gamma * &eg2 + (1.0 - gamma) * (&g * &g);
            let rms_g = (&eg2 + eps).mapv(f64::sqrt);
            let rms_dx = (&edx2 + eps).mapv(f64::sqrt);
            let dtheta = -(&rms_dx / &rms_g) * &g;
            edx2 = gamma * &edx2 + (1.0 - gamma) * (&dtheta * &dtheta);
            theta = &theta + &dtheta;
            mine.push(theta.clone());
        }
        let trace = ex::scratch_trace(gamma, eps, theta0, steps).unwrap();
        let c = compare_with_trace(&mine, &trace, Agreement::Bits);
        assert!(c.agrees(), "{c}");
        // Checked against the lesson's settings instead, the same rule parts at step 1.
        let lesson = ex::scratch_trace(0.95, 1e-6, [-5.0, -2.0], steps).unwrap();
        assert_eq!(
            compare_with_trace(&mine, &lesson, Agreement::Bits).parts_at,
            Some(1)
        );
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
        let e = ex::scratch_trace(gamma, eps, [-5.0, -2.0], steps).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    assert!(ex::scratch_trace(0.95, 1e-6, [f64::NAN, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.95, 1e-6, [-5.0, -2.0], usize::MAX).is_err());
}

/// Every experiment's knobs: a bad value is a typed error naming the knob (no
/// panic, no NaN), another valid value changes the numbers.
#[test]
fn knobs_are_checked() {
    use ex::*;
    let named = |e: optcore::Error, name: &str| {
        let text = e.to_string();
        assert!(text.contains(name), "{name}: {text}");
    };
    let ir = IntermediateRule::lesson();
    named(
        IntermediateRule {
            gamma: 1.0,
            ..ir.clone()
        }
        .table()
        .unwrap_err(),
        "gamma",
    );
    named(
        IntermediateRule {
            eps: 0.0,
            ..ir.clone()
        }
        .table()
        .unwrap_err(),
        "eps",
    );
    named(
        IntermediateRule {
            lr: -1.0,
            ..ir.clone()
        }
        .table()
        .unwrap_err(),
        "lr",
    );
    named(
        IntermediateRule {
            steps: 0,
            ..ir.clone()
        }
        .table()
        .unwrap_err(),
        "steps",
    );
    assert!(IntermediateRule {
        steps: MAX_LESSON_STEPS + 1,
        ..ir.clone()
    }
    .table()
    .is_err());
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
    named(Window { rho: 1.0 }.weights().unwrap_err(), "rho");
    named(Window { rho: 0.0 }.chart().unwrap_err(), "rho");
    assert!(Window { rho: 0.999 }.weights().is_ok());
    named(
        WindowSummary {
            rhos: vec![0.9, 1.5],
        }
        .table()
        .unwrap_err(),
        "rhos",
    );
    assert!(WindowSummary { rhos: vec![] }.table().is_err());
    let rd = RmsDefinitions::lesson();
    named(
        RmsDefinitions {
            rho: 1.0,
            ..rd.clone()
        }
        .table()
        .unwrap_err(),
        "rho",
    );
    named(
        RmsDefinitions {
            gradients: vec![f64::NAN],
            ..rd.clone()
        }
        .table()
        .unwrap_err(),
        "gradients",
    );
    assert!(RmsDefinitions {
        gradients: vec![],
        ..rd.clone()
    }
    .table()
    .is_err());
    let pr = PaperRun::lesson();
    named(
        PaperRun {
            rho: 1.0,
            ..pr.clone()
        }
        .report()
        .unwrap_err(),
        "rho",
    );
    named(
        PaperRun {
            eps: 0.0,
            ..pr.clone()
        }
        .report()
        .unwrap_err(),
        "eps",
    );
    named(
        PaperRun {
            steps: 0,
            ..pr.clone()
        }
        .report()
        .unwrap_err(),
        "steps",
    );
    let r = RatioVsHessian::lesson();
    named(
        RatioVsHessian {
            curvatures: vec![0.0],
            ..r.clone()
        }
        .table()
        .unwrap_err(),
        "curvatures",
    );
    named(
        RatioVsHessian {
            shown: vec![0],
            ..r.clone()
        }
        .table()
        .unwrap_err(),
        "shown",
    );
    assert!(RatioVsHessian {
        shown: vec![],
        ..r.clone()
    }
    .table()
    .is_err());
    assert!(RatioVsHessian {
        shown: vec![1, 5],
        ..r.clone()
    }
    .table()
    .is_ok());
    let c = Conventions::lesson();
    named(
        Conventions {
            same_rho: 1.0,
            ..c.clone()
        }
        .table()
        .unwrap_err(),
        "same_rho",
    );
    named(
        Conventions {
            start: [f64::NAN, 0.0],
            ..c.clone()
        }
        .table()
        .unwrap_err(),
        "start",
    );
    named(
        NewtonQuadratic {
            steps: 0,
            ..NewtonQuadratic::lesson()
        }
        .table()
        .unwrap_err(),
        "steps",
    );
    let nr = NewtonRosenbrock::lesson();
    named(
        NewtonRosenbrock {
            adadelta_steps: 0,
            ..nr.clone()
        }
        .contour()
        .unwrap_err(),
        "adadelta_steps",
    );
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
    named(
        NewtonSingular {
            steps: 0,
            ..NewtonSingular::lesson()
        }
        .table()
        .unwrap_err(),
        "steps",
    );
    let race = Race::lesson();
    named(
        Race {
            sgd_lr: 0.0,
            ..race.clone()
        }
        .table()
        .unwrap_err(),
        "lr",
    );
    assert!(!Race {
        sgd_lr: 0.1,
        ..race.clone()
    }
    .table()
    .unwrap()
    .to_string()
    .contains("NaN"));
    named(
        OneNewtonStep {
            lr: -0.4,
            ..OneNewtonStep::lesson()
        }
        .contour()
        .unwrap_err(),
        "lr",
    );
    let rs = Rescaling::lesson();
    named(
        Rescaling {
            k: 0.0,
            ..rs.clone()
        }
        .table()
        .unwrap_err(),
        "k",
    );
    named(
        Rescaling {
            k: 1e9,
            ..rs.clone()
        }
        .chart()
        .unwrap_err(),
        "k",
    );
    named(
        Rescaling {
            steps: 0,
            ..rs.clone()
        }
        .table()
        .unwrap_err(),
        "steps",
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
    const ODD: [f64; 8] = [
        0.0,
        -0.0,
        -1.0,
        1e-300,
        1e300,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ];
    const STEPS: [usize; 4] = [0, 1, MAX_LESSON_STEPS + 1, usize::MAX];
    macro_rules! odd {
        ($base:expr, $field:ident, $make:expr, $values:expr, [$($m:ident),*]) => {
            for v in $values {
                let mut x = $base.clone();
                x.$field = $make(v);
                $(
                    if let Ok(shown) = x.$m() {
                        let text = shown.to_string();
                        assert!(!text.contains("NaN"), "{x:?}.{}()", stringify!($m));
                    }
                )*
            }
        };
    }
    let f = |v: f64| v;
    let p = |v: f64| [v, 1.0];
    let u = |v: usize| v;
    let l = |v: f64| vec![v];
    let ir = IntermediateRule::lesson();
    odd!(ir, lr, f, ODD, [table]);
    odd!(ir, gamma, f, ODD, [table]);
    odd!(ir, eps, f, ODD, [table]);
    odd!(ir, start, p, ODD, [table]);
    odd!(ir, steps, u, STEPS, [table]);
    odd!(Window::lesson(), rho, f, ODD, [weights, chart]);
    odd!(WindowSummary::lesson(), rhos, l, ODD, [table]);
    let rd = RmsDefinitions::lesson();
    odd!(rd, rho, f, ODD, [table]);
    odd!(rd, eps, f, ODD, [table]);
    odd!(rd, gradients, l, ODD, [table]);
    let pr = PaperRun::lesson();
    odd!(pr, rho, f, ODD, [report]);
    odd!(pr, eps, f, ODD, [report]);
    odd!(pr, start, p, ODD, [report]);
    odd!(pr, steps, u, STEPS, [report]);
    let r = RatioVsHessian {
        shown: vec![1, 10, 100],
        ..RatioVsHessian::lesson()
    };
    odd!(r, rho, f, ODD, [table]);
    odd!(r, eps, f, ODD, [table]);
    odd!(r, curvatures, l, ODD, [table]);
    odd!(r, start, f, ODD, [table]);
    odd!(r, shown, |v| vec![v], STEPS, [table]);
    let c = Conventions::lesson();
    odd!(c, same_rho, f, ODD, [table]);
    odd!(c, start, p, ODD, [table]);
    odd!(c, steps, u, STEPS, [table]);
    let nq = NewtonQuadratic::lesson();
    odd!(nq, start, p, ODD, [table]);
    odd!(nq, steps, u, STEPS, [table]);
    let nr = NewtonRosenbrock {
        adadelta_steps: 50,
        ..NewtonRosenbrock::lesson()
    };
    odd!(nr, start, p, ODD, [table, contour]);
    odd!(nr, steps, u, STEPS, [table]);
    odd!(nr, adadelta_steps, u, STEPS, [contour]);
    let ns = NewtonSingular::lesson();
    odd!(ns, start, p, ODD, [table]);
    odd!(ns, steps, u, STEPS, [table]);
    let race = Race::lesson();
    odd!(race, sgd_lr, f, ODD, [table]);
    odd!(race, adagrad_lr, f, ODD, [table]);
    odd!(race, start, p, ODD, [table]);
    odd!(race, steps, u, STEPS, [table]);
    let one = OneNewtonStep {
        adadelta_steps: 50,
        ..OneNewtonStep::lesson()
    };
    odd!(one, start, p, ODD, [contour]);
    odd!(one, lr, f, ODD, [contour]);
    odd!(one, steps, u, STEPS, [contour]);
    odd!(one, adadelta_steps, u, STEPS, [contour]);
    let rs = Rescaling {
        steps: 20,
        ..Rescaling::lesson()
    };
    odd!(rs, k, f, ODD, [table, chart]);
    odd!(rs, steps, u, STEPS, [table]);
}
