//! Snapshot tests: every table the RMSprop notebook shows.
use rmsprop::examples;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_steps() {
    snap!("first_steps", examples::first_steps().unwrap().to_string());
}

#[test]
fn eps_placement() {
    snap!(
        "eps_placement",
        examples::eps_placement().unwrap().to_string()
    );
}

#[test]
fn variants() {
    snap!(
        "variants",
        examples::variants(examples::VARIANT_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn vs_adagrad() {
    snap!(
        "vs_adagrad",
        examples::vs_adagrad(examples::VS_ADAGRAD_LR, examples::VS_ADAGRAD_STEPS)
            .unwrap()
            .to_string()
    );
}

#[test]
fn figures_render() {
    for fig in [
        examples::vs_adagrad_chart(examples::VS_ADAGRAD_LR, examples::VS_ADAGRAD_STEPS).unwrap(),
        examples::variants_contour(examples::VARIANT_STEPS).unwrap(),
    ] {
        assert!(fig.svg().starts_with("<svg"));
    }
}

#[test]
fn first_half_of_adadelta() {
    snap!(
        "first_half_of_adadelta",
        examples::first_half_of_adadelta(examples::ADADELTA_STEPS)
            .unwrap()
            .to_string()
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
