//! Snapshot tests: every table the RMSprop notebook shows.
use rmsprop::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_steps() {
    snap!(
        "first_steps",
        examples::FirstSteps::lesson().report().unwrap().to_string()
    );
}

#[test]
fn eps_placement() {
    snap!(
        "eps_placement",
        examples::EpsPlacement::lesson()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn variants() {
    snap!(
        "variants",
        examples::Variants::lesson().table().unwrap().to_string()
    );
}

#[test]
fn vs_adagrad() {
    snap!(
        "vs_adagrad",
        examples::VsAdagrad::lesson().table().unwrap().to_string()
    );
}

#[test]
fn figures_render() {
    for fig in [
        examples::VsAdagrad::lesson().chart().unwrap(),
        examples::Variants::lesson().contour().unwrap(),
    ] {
        assert!(fig.svg().starts_with("<svg"));
    }
}

#[test]
fn first_half_of_adadelta() {
    snap!(
        "first_half_of_adadelta",
        examples::FirstHalf::lesson().table().unwrap().to_string()
    );
}

#[test]
fn library_run() {
    snap!(
        "library_run",
        examples::library_run().unwrap().table().to_string()
    );
}

/// The rule cell's check at the student's settings: the library's run at other
/// η, ρ, ε, θ₀ and steps agrees to the bit with the rule written from scratch,
/// and bad settings are typed errors naming the knob.
#[test]
fn scratch_trace_follows_the_settings() {
    use optcore::exercise::Agreement;
    use testkit::knobs::*;
    for (eta, rho, eps, theta0, steps) in [
        (0.1, 0.9, 1e-8, [-5.0, -2.0], 5),
        (0.05, 0.5, 1e-8, [-5.0, -2.0], 5),
        (0.3, 0.99, 1e-3, [3.0, 1.5], 8),
    ] {
        let mut eg2 = ndarray::Array1::<f64>::zeros(2);
        let mine = scratch_run(theta0, steps, |theta| {
            let g = quadratic_gradient(theta);
            eg2 = rho * &eg2 + (1.0 - rho) * (&g * &g);
            let step = eta / (&eg2 + eps).mapv(f64::sqrt) * &g;
            *theta = &*theta - &step;
        });
        let trace = examples::scratch_trace(eta, rho, eps, theta0, steps).unwrap();
        assert_rule_agrees(&mine, &trace, Agreement::Bits);
        if (eta, rho, eps, theta0) != (0.1, 0.9, 1e-8, [-5.0, -2.0]) {
            // Checked against the lesson's settings, the same rule parts at step 1.
            let lesson = examples::scratch_trace(0.1, 0.9, 1e-8, [-5.0, -2.0], steps).unwrap();
            assert_parts_at_first_step(&mine, &lesson);
        }
    }
    assert_eq!(
        examples::scratch_trace(0.1, 0.9, 1e-8, [-5.0, -2.0], examples::SCRATCH_STEPS)
            .unwrap()
            .rows,
        examples::library_run().unwrap().rows
    );
    for (eta, rho, eps, steps, name) in [
        (-0.1, 0.9, 1e-8, 5, "lr"),
        (0.1, 1.5, 1e-8, 5, "rho"),
        (0.1, 0.9, -1.0, 5, "eps"),
        (0.1, 0.9, 1e-8, 0, "steps"),
    ] {
        refused(
            examples::scratch_trace(eta, rho, eps, [-5.0, -2.0], steps),
            name,
        );
    }
    assert!(examples::scratch_trace(0.1, 0.9, 1e-8, [-5.0, -2.0], usize::MAX).is_err());
}

/// Every experiment's knobs: a bad value is a typed error naming the knob (no
/// panic, no NaN), another valid value changes the numbers.
#[test]
fn knobs_are_checked() {
    use examples::{EpsPlacement, FirstHalf, FirstSteps, Variants, VsAdagrad, MAX_LESSON_STEPS};
    use testkit::refuses;
    let fs = FirstSteps::lesson();
    refuses!(fs;
        lr = -0.1; report => "lr",
        rho = 1.0; report => "rho",
        steps = 0; report => "steps",
        steps = MAX_LESSON_STEPS + 1; report => "",
        start = [f64::NAN, 0.0]; report => "start",
    );
    let other = FirstSteps {
        rho: 0.5,
        ..fs.clone()
    }
    .report()
    .unwrap()
    .to_string();
    assert_ne!(other, fs.report().unwrap().to_string());
    assert!(!other.contains("NaN"));

    let ep = EpsPlacement::lesson();
    refuses!(ep;
        gradients = vec![1.0, 0.0]; table => "gradients",
        gradients = vec![]; table => "",
        eps = -1.0; table => "eps",
    );
    assert!(!EpsPlacement {
        eps: 0.0,
        ..ep.clone()
    }
    .table()
    .unwrap()
    .to_string()
    .contains("NaN"));

    let v = Variants::lesson();
    refuses!(v;
        momentum = 1.5; table => "momentum",
        torch_alpha = -0.5; table => "rho",
        steps = 0; contour => "steps",
    );
    assert_ne!(
        Variants {
            momentum: 0.5,
            ..v.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        v.table().unwrap().to_string()
    );

    let fh = FirstHalf::lesson();
    refuses!(fh;
        rho = 1.0; table => "rho",
        eps = 0.0; table => "eps",
        gradient = f64::INFINITY; table => "gradient",
    );
    assert!(!FirstHalf {
        gradient: 0.0,
        ..fh.clone()
    }
    .table()
    .unwrap()
    .to_string()
    .contains("NaN"));

    let va = VsAdagrad::lesson();
    refuses!(va;
        lr = 0.0; table => "lr",
        steps = 0; chart => "steps",
    );
    let short = VsAdagrad {
        steps: 3,
        ..va.clone()
    }
    .table()
    .unwrap()
    .to_string();
    assert_ne!(short, va.table().unwrap().to_string());
}

/// Odd values a student might type, one knob at a time: never a panic, and a
/// result that is shown has no NaN.
#[test]
fn odd_knobs_never_panic() {
    use examples::*;
    use testkit::knobs::{alone as l, first_coordinate as p, odd_steps, ODD};
    use testkit::odd_knob as odd;
    let steps = odd_steps(MAX_LESSON_STEPS);
    let fs = FirstSteps::lesson();
    odd!(fs, lr, ODD, [report]);
    odd!(fs, rho, ODD, [report]);
    odd!(fs, eps, ODD, [report]);
    odd!(fs, start, p, ODD, [report]);
    odd!(fs, steps, steps, [report]);
    let ep = EpsPlacement::lesson();
    odd!(ep, lr, ODD, [table]);
    odd!(ep, rho, ODD, [table]);
    odd!(ep, eps, ODD, [table]);
    odd!(ep, gradients, l, ODD, [table]);
    let v = Variants {
        steps: 20,
        ..Variants::lesson()
    };
    odd!(v, lr, ODD, [table, contour]);
    odd!(v, paper_rho, ODD, [table]);
    odd!(v, torch_alpha, ODD, [table]);
    odd!(v, eps, ODD, [table]);
    odd!(v, momentum, ODD, [table]);
    odd!(v, quadratic_start, p, ODD, [table, contour]);
    odd!(v, rosenbrock_start, p, ODD, [table]);
    odd!(v, steps, steps, [table]);
    let fh = FirstHalf::lesson();
    odd!(fh, rho, ODD, [table]);
    odd!(fh, eps, ODD, [table]);
    odd!(fh, lr, ODD, [table]);
    odd!(fh, gradient, ODD, [table]);
    odd!(fh, steps, steps, [table]);
    let va = VsAdagrad::lesson();
    odd!(va, lr, ODD, [table, chart]);
    odd!(va, rho, ODD, [table]);
    odd!(va, eps, ODD, [table]);
    odd!(va, start, p, ODD, [table, chart]);
    odd!(va, steps, steps, [table]);
}
