//! The playground of notebook 07: the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    snap!(
        "playground_rmsprop",
        compare::playground::rmsprop::lab()
            .run()
            .unwrap()
            .to_string()
    );
}

#[test]
fn own_runs() {
    snap!(
        "playground_rmsprop_own",
        compare::playground::rmsprop::own()
            .run()
            .unwrap()
            .to_string()
    );
}

#[test]
fn the_own_gradient_passes_the_check_and_a_slip_is_named() {
    use compare::lab::*;
    let runs = compare::playground::rmsprop::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    // The closures' gradient with a slip in coordinate 1: the check names it.
    let wrong = FnObjective::new(
        "x² + 10y², a slip in ∂J/∂y",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 2.0 * p[1];
        },
    );
    let e = Lab::on(wrong)
        .start([3.0, 1.0])
        .with(
            "GD",
            Sgd {
                lr: 0.01,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap_err();
    assert!(matches!(e, Error::Gradient { coordinate: 1, .. }), "{e:?}");
}
