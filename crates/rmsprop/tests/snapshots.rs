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
    use ndarray::{array, Array1};
    use optcore::exercise::{compare_with_trace, Agreement};
    for (eta, rho, eps, theta0, steps) in [
        (0.1, 0.9, 1e-8, [-5.0, -2.0], 5),
        (0.05, 0.5, 1e-8, [-5.0, -2.0], 5),
        (0.3, 0.99, 1e-3, [3.0, 1.5], 8),
    ] {
        let mut theta = Array1::from(theta0.to_vec());
        let mut eg2 = Array1::<f64>::zeros(2);
        let mut mine = Vec::new();
        for _ in 0..steps {
            let g = array![0.1 * (2.0 * theta[0]), 2.0 * (2.0 * theta[1])];
            eg2 = rho * &eg2 + (1.0 - rho) * (&g * &g);
            let step = eta / (&eg2 + eps).mapv(f64::sqrt) * &g;
            theta = &theta - &step;
            mine.push(theta.clone());
        }
        let trace = examples::scratch_trace(eta, rho, eps, theta0, steps).unwrap();
        let c = compare_with_trace(&mine, &trace, Agreement::Bits);
        assert!(c.agrees(), "{c}");
        if (eta, rho, eps, theta0) != (0.1, 0.9, 1e-8, [-5.0, -2.0]) {
            // Checked against the lesson's settings, the same rule parts at step 1.
            let lesson = examples::scratch_trace(0.1, 0.9, 1e-8, [-5.0, -2.0], steps).unwrap();
            assert_eq!(
                compare_with_trace(&mine, &lesson, Agreement::Bits).parts_at,
                Some(1)
            );
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
        let e = examples::scratch_trace(eta, rho, eps, [-5.0, -2.0], steps).unwrap_err();
        assert!(e.to_string().contains(name), "{e}");
    }
    assert!(examples::scratch_trace(0.1, 0.9, 1e-8, [-5.0, -2.0], usize::MAX).is_err());
}

/// Every experiment's knobs: a bad value is a typed error naming the knob (no
/// panic, no NaN), another valid value changes the numbers.
#[test]
fn knobs_are_checked() {
    use examples::{EpsPlacement, FirstHalf, FirstSteps, Variants, VsAdagrad, MAX_LESSON_STEPS};
    let named = |e: optcore::Error, name: &str| {
        let text = e.to_string();
        assert!(text.contains(name), "{name}: {text}");
    };
    let fs = FirstSteps::lesson();
    named(
        FirstSteps {
            lr: -0.1,
            ..fs.clone()
        }
        .report()
        .unwrap_err(),
        "lr",
    );
    named(
        FirstSteps {
            rho: 1.0,
            ..fs.clone()
        }
        .report()
        .unwrap_err(),
        "rho",
    );
    named(
        FirstSteps {
            steps: 0,
            ..fs.clone()
        }
        .report()
        .unwrap_err(),
        "steps",
    );
    assert!(FirstSteps {
        steps: MAX_LESSON_STEPS + 1,
        ..fs.clone()
    }
    .report()
    .is_err());
    named(
        FirstSteps {
            start: [f64::NAN, 0.0],
            ..fs.clone()
        }
        .report()
        .unwrap_err(),
        "start",
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
    named(
        EpsPlacement {
            gradients: vec![1.0, 0.0],
            ..ep.clone()
        }
        .table()
        .unwrap_err(),
        "gradients",
    );
    assert!(EpsPlacement {
        gradients: vec![],
        ..ep.clone()
    }
    .table()
    .is_err());
    named(
        EpsPlacement {
            eps: -1.0,
            ..ep.clone()
        }
        .table()
        .unwrap_err(),
        "eps",
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
    named(
        Variants {
            momentum: 1.5,
            ..v.clone()
        }
        .table()
        .unwrap_err(),
        "momentum",
    );
    named(
        Variants {
            torch_alpha: -0.5,
            ..v.clone()
        }
        .table()
        .unwrap_err(),
        "rho",
    );
    named(
        Variants {
            steps: 0,
            ..v.clone()
        }
        .contour()
        .unwrap_err(),
        "steps",
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
    named(
        FirstHalf {
            rho: 1.0,
            ..fh.clone()
        }
        .table()
        .unwrap_err(),
        "rho",
    );
    named(
        FirstHalf {
            eps: 0.0,
            ..fh.clone()
        }
        .table()
        .unwrap_err(),
        "eps",
    );
    named(
        FirstHalf {
            gradient: f64::INFINITY,
            ..fh.clone()
        }
        .table()
        .unwrap_err(),
        "gradient",
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
    named(
        VsAdagrad {
            lr: 0.0,
            ..va.clone()
        }
        .table()
        .unwrap_err(),
        "lr",
    );
    named(
        VsAdagrad {
            steps: 0,
            ..va.clone()
        }
        .chart()
        .unwrap_err(),
        "steps",
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
    let fs = FirstSteps::lesson();
    odd!(fs, lr, f, ODD, [report]);
    odd!(fs, rho, f, ODD, [report]);
    odd!(fs, eps, f, ODD, [report]);
    odd!(fs, start, p, ODD, [report]);
    odd!(fs, steps, u, STEPS, [report]);
    let ep = EpsPlacement::lesson();
    odd!(ep, lr, f, ODD, [table]);
    odd!(ep, rho, f, ODD, [table]);
    odd!(ep, eps, f, ODD, [table]);
    odd!(ep, gradients, |v| vec![v], ODD, [table]);
    let v = Variants {
        steps: 20,
        ..Variants::lesson()
    };
    odd!(v, lr, f, ODD, [table, contour]);
    odd!(v, paper_rho, f, ODD, [table]);
    odd!(v, torch_alpha, f, ODD, [table]);
    odd!(v, eps, f, ODD, [table]);
    odd!(v, momentum, f, ODD, [table]);
    odd!(v, quadratic_start, p, ODD, [table, contour]);
    odd!(v, rosenbrock_start, p, ODD, [table]);
    odd!(v, steps, u, STEPS, [table]);
    let fh = FirstHalf::lesson();
    odd!(fh, rho, f, ODD, [table]);
    odd!(fh, eps, f, ODD, [table]);
    odd!(fh, lr, f, ODD, [table]);
    odd!(fh, gradient, f, ODD, [table]);
    odd!(fh, steps, u, STEPS, [table]);
    let va = VsAdagrad::lesson();
    odd!(va, lr, f, ODD, [table, chart]);
    odd!(va, rho, f, ODD, [table]);
    odd!(va, eps, f, ODD, [table]);
    odd!(va, start, p, ODD, [table, chart]);
    odd!(va, steps, u, STEPS, [table]);
}
