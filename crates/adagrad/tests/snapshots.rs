//! Snapshot tests: every table the Adagrad notebook shows.
use adagrad::examples as ex;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn reference_run() {
    snap!(
        "reference_run",
        ex::ReferenceRun::lesson().table().unwrap().to_string()
    );
}

#[test]
fn diagonal_vs_full() {
    snap!(
        "diagonal_vs_full",
        ex::DiagonalVsFull::lesson().report().unwrap().to_string()
    );
}

#[test]
fn conventions() {
    snap!(
        "conventions_first_step",
        ex::FirstStepForms::lesson().table().unwrap().to_string()
    );
    snap!(
        "conventions_runs",
        ex::ReferenceRun::lesson()
            .conventions()
            .unwrap()
            .to_string()
    );
    snap!(
        "torch_options",
        ex::TorchOptions::lesson().table().unwrap().to_string()
    );
    snap!(
        "zero_denominator",
        ex::ZeroDenominator::lesson().table().unwrap().to_string()
    );
    snap!("refusals", ex::refusals().to_string());
}

#[test]
fn sparse_story() {
    snap!("sparse_data_head", ex::sparse_data_head(12).to_string());
    snap!(
        "sparse_rates",
        ex::SparseRates::lesson().table().unwrap().to_string()
    );
    snap!(
        "sparse_race",
        ex::SparseRace::lesson().table().unwrap().to_string()
    );
}

#[test]
fn steady_gradient() {
    snap!(
        "steady_gradient",
        ex::LongSlope::lesson().table().unwrap().to_string()
    );
    snap!(
        "stall",
        ex::LongSlope::lesson().stall().unwrap().to_string()
    );
}

#[test]
fn figures_render_and_are_deterministic() {
    let figures = || {
        [
            ex::ReferenceRun::lesson().contour(),
            ex::SparseRates::lesson().chart(),
            ex::RareWeight::lesson().chart(),
            ex::LongSlope::lesson().stall_chart(),
            ex::LongSlope::lesson().rate_chart(),
        ]
    };
    for (a, b) in figures().into_iter().zip(figures()) {
        let (a, b) = (a.unwrap(), b.unwrap());
        assert!(a.svg().starts_with("<svg"));
        assert_eq!(a, b);
    }
}

#[test]
fn rate_against_eta() {
    snap!(
        "rate_against_eta",
        ex::SparseRates::lesson().against_eta().unwrap().to_string()
    );
}

#[test]
fn exercises_solutions() {
    snap!(
        "exercise_g_after_three",
        adagrad::exercises::g_after_three().unwrap().solution()
    );
    snap!(
        "exercise_rate_after_three",
        adagrad::exercises::rate_after_three().unwrap().solution()
    );
    snap!(
        "exercise_first_rare_step",
        adagrad::exercises::first_rare_step().unwrap().solution()
    );
}

/// The notebook's from-scratch cell, word for word: the post's rule over ndarray
/// agrees with the library's trace of the same run to the last bit.
#[test]
#[allow(non_snake_case)]
fn from_scratch_rule_agrees_to_the_bit() {
    use ndarray::{array, Array1};
    use optcore::exercise::{compare_with_trace, Agreement};
    let mut G = Array1::<f64>::zeros(2);
    let (eta, eps) = (0.4, 0.1);
    let mut theta = array![-5.0, -2.0];
    let mut mine = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        G = &G + &(&g * &g);
        theta = &theta - &(eta / (&G + eps).mapv(f64::sqrt) * &g);
        mine.push(theta.clone());
    }
    let trace = ex::reference_run(5).unwrap();
    let c = compare_with_trace(&mine, &trace, Agreement::Bits);
    assert!(c.agrees(), "{c}");
    // A slip (ε outside the root) is caught at step 1.
    let mut theta = array![-5.0, -2.0];
    let mut G = Array1::<f64>::zeros(2);
    let mut slip = Vec::new();
    for _t in 1..=5 {
        let g = array![0.2 * theta[0], 4.0 * theta[1]];
        G = &G + &(&g * &g);
        theta = &theta - &(eta / (G.mapv(f64::sqrt) + eps) * &g);
        slip.push(theta.clone());
    }
    assert_eq!(
        compare_with_trace(&slip, &trace, Agreement::Bits).parts_at,
        Some(1)
    );
}

/// The rule cell's check at the student's settings: the library's run at other
/// η, ε, θ₀ and steps agrees to the bit with the rule written from scratch, and
/// bad settings are typed errors naming the knob.
#[test]
#[allow(non_snake_case)]
fn scratch_trace_follows_the_settings() {
    use optcore::exercise::Agreement;
    use testkit::knobs::*;
    for (eta, eps, theta0, steps) in [
        (0.2, 0.1, [-5.0, -2.0], 5),
        (1.0, 1e-8, [3.0, 1.5], 8),
        (0.4, 0.5, [-1.0, 4.0], 3),
    ] {
        let mut G = ndarray::Array1::<f64>::zeros(2);
        let mine = scratch_run(theta0, steps, |theta| {
            let g = quadratic_gradient(theta);
            G = &G + &(&g * &g);
            *theta = &*theta - &(eta / (&G + eps).mapv(f64::sqrt) * &g);
        });
        let trace = ex::scratch_trace(eta, eps, theta0, steps).unwrap();
        assert_rule_agrees(&mine, &trace, Agreement::Bits);
        // Checked against the lesson's settings instead, the same rule parts at step 1.
        let lesson = ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], steps).unwrap();
        assert_parts_at_first_step(&mine, &lesson);
    }
    assert_eq!(
        ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], 5).unwrap().rows,
        ex::reference_run(5).unwrap().rows
    );
    for (eta, eps, theta0, steps, name) in [
        (-0.4, 0.1, [-5.0, -2.0], 5, "lr"),
        (0.4, -0.1, [-5.0, -2.0], 5, "eps"),
        (0.4, 0.1, [-5.0, -2.0], 0, "steps"),
        (f64::NAN, 0.1, [-5.0, -2.0], 5, "lr"),
    ] {
        refused(ex::scratch_trace(eta, eps, theta0, steps), name);
    }
    assert!(ex::scratch_trace(0.4, 0.1, [f64::INFINITY, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.4, 0.0, [0.0, -2.0], 5).is_err());
    assert!(ex::scratch_trace(0.4, 0.1, [-5.0, -2.0], usize::MAX).is_err());
}

/// Every experiment's knobs: a bad value is a typed error naming the knob (no
/// panic, no NaN), another valid value changes the numbers.
#[test]
fn knobs_are_checked() {
    use ex::*;
    use testkit::refuses;
    let r = ReferenceRun::lesson();
    refuses!(r;
        lr = -0.4; table => "lr",
        eps = -1.0; contour => "eps",
        steps = 0; table => "steps",
        drawn = 0; contour => "drawn",
        steps = MAX_LESSON_STEPS + 1; table => "",
        start = [f64::NAN, 1.0]; conventions => "start",
    );
    assert_ne!(
        ReferenceRun {
            lr: 1.0,
            ..r.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        r.table().unwrap().to_string()
    );

    let s = SparseRates::lesson();
    refuses!(s;
        lr = 0.0; table => "lr",
        steps = 0; chart => "steps",
        eps = 0.0; against_eta => "",
    );
    let other = SparseRates {
        lr: 1.0,
        steps: 300,
        seed: 11,
        ..s.clone()
    };
    assert!(!other.table().unwrap().to_string().contains("NaN"));
    assert!(other.against_eta().is_ok() || other.against_eta().is_err());

    let race = SparseRace::lesson();
    refuses!(race;
        tol = 0.0; table => "tol",
        sgd_lrs = vec![-1.0]; table => "lr",
        adagrad_lrs = vec![], sgd_lrs = vec![]; table => "",
    );
    let short = SparseRace {
        steps: 50,
        ..race.clone()
    }
    .table()
    .unwrap()
    .to_string();
    assert!(!short.contains("NaN"));
    refuses!(RareWeight::lesson();
        adagrad_lrs = vec![f64::NAN]; chart => "lr",
        adagrad_lrs = vec![], sgd_lrs = vec![]; chart => "",
    );

    let slope = LongSlope::lesson();
    refuses!(slope;
        lr = -0.5; table => "lr",
        start = f64::INFINITY; stall => "start",
        eps = 0.0, start = 50.0; table => "",
    );
    let few = LongSlope {
        steps: 10,
        ..slope.clone()
    };
    assert!(few.table().is_ok() && few.stall().is_ok() && few.rate_chart().is_ok());

    refuses!(DiagonalVsFull::lesson();
        steps = 0; report => "steps",
        rosenbrock_start = [1.0, f64::NAN]; report => "rosenbrock_start",
    );

    let f = FirstStepForms::lesson();
    refuses!(f;
        gradients = vec![0.0]; table => "gradients",
        epsilons = vec![-1.0]; table => "eps",
        epsilons = vec![]; table => "",
    );
    assert!(!FirstStepForms {
        epsilons: vec![0.0],
        ..f.clone()
    }
    .table()
    .unwrap()
    .to_string()
    .contains("NaN"));

    refuses!(TorchOptions::lesson();
        options = vec![(-0.1, 0.0)]; table => "lr_decay",
        options = vec![]; table => "",
    );

    let z = ZeroDenominator::lesson();
    refuses!(z; lr = 0.0; table => "lr");
    assert_ne!(
        ZeroDenominator {
            eps: 1e-8,
            ..z.clone()
        }
        .table()
        .unwrap()
        .to_string(),
        z.table().unwrap().to_string()
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
    let r = ReferenceRun::lesson();
    odd!(r, lr, ODD, [table, contour, conventions]);
    odd!(r, eps, ODD, [table, contour, conventions]);
    odd!(r, start, p, ODD, [table, contour, conventions]);
    odd!(r, steps, steps, [table, conventions]);
    odd!(r, drawn, steps, [contour]);
    let s = SparseRates {
        steps: 300,
        ..SparseRates::lesson()
    };
    odd!(s, lr, ODD, [table, against_eta, chart]);
    odd!(s, eps, ODD, [table, against_eta, chart]);
    odd!(s, steps, steps, [table, against_eta]);
    odd!(s, seed, |v: u64| v, [0, 1, u64::MAX], [table, against_eta]);
    let race = SparseRace {
        steps: 200,
        ..SparseRace::lesson()
    };
    odd!(race, adagrad_lrs, l, ODD, [table]);
    odd!(race, sgd_lrs, l, ODD, [table]);
    odd!(race, tol, ODD, [table]);
    odd!(race, steps, steps, [table]);
    let w = RareWeight {
        steps: 200,
        ..RareWeight::lesson()
    };
    odd!(w, adagrad_lrs, l, ODD, [chart]);
    odd!(w, sgd_lrs, l, ODD, [chart]);
    odd!(w, steps, steps, [chart]);
    let slope = LongSlope {
        steps: 200,
        ..LongSlope::lesson()
    };
    odd!(slope, lr, ODD, [table, stall, stall_chart, rate_chart]);
    odd!(slope, eps, ODD, [table, stall, rate_chart]);
    odd!(slope, start, ODD, [table, stall, stall_chart]);
    odd!(slope, steps, steps, [table, stall]);
    let dv = DiagonalVsFull::lesson();
    odd!(dv, lr, ODD, [report]);
    odd!(dv, eps, ODD, [report]);
    odd!(dv, quadratic_start, p, ODD, [report]);
    odd!(dv, rosenbrock_start, p, ODD, [report]);
    odd!(dv, steps, steps, [report]);
    let fo = FirstStepForms::lesson();
    odd!(fo, lr, ODD, [table]);
    odd!(fo, gradients, l, ODD, [table]);
    odd!(fo, epsilons, l, ODD, [table]);
    let t = TorchOptions::lesson();
    odd!(t, lr, ODD, [table]);
    odd!(t, eps, ODD, [table]);
    odd!(t, options, |v| vec![(v, 0.0), (0.0, v)], ODD, [table]);
    odd!(t, start, p, ODD, [table]);
    odd!(t, steps, steps, [table]);
    let z = ZeroDenominator::lesson();
    odd!(z, lr, ODD, [table]);
    odd!(z, eps, ODD, [table]);
    odd!(z, start, p, ODD, [table]);
    odd!(z, steps, steps, [table]);
}
