//! The playground of notebook 08 (Adam): the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    let runs = compare::playground::adam::lab().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_adam", runs.to_string());
}

#[test]
fn own_runs() {
    let runs = compare::playground::adam::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_adam_own", runs.to_string());
}

#[test]
fn a_slip_in_the_own_gradient_is_named() {
    use compare::lab::*;
    let wrong = FnObjective::new(
        "x² + 10y², a slip in ∂J/∂y",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 10.0 * p[1];
        },
    );
    let e = Lab::on(wrong)
        .start([3.0, 1.0])
        .with(
            "Adam",
            Adam {
                lr: 0.1,
                ..Adam::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap_err();
    assert!(matches!(e, Error::Gradient { coordinate: 1, .. }), "{e:?}");
}
