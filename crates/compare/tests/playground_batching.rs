//! The playground of notebook 01: the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    snap!(
        "playground_batching",
        compare::playground::batching::lab()
            .run()
            .unwrap()
            .to_string()
    );
}

#[test]
fn iris_runs() {
    let runs = compare::playground::batching::iris()
        .unwrap()
        .run()
        .unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_batching_iris", runs.to_string());
}

#[test]
fn own_runs() {
    snap!(
        "playground_batching_own",
        compare::playground::batching::own()
            .run()
            .unwrap()
            .to_string()
    );
}

#[test]
fn the_own_gradient_passes_the_check_and_a_slip_is_named() {
    use compare::lab::*;
    let runs = compare::playground::batching::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    // The closures' gradient with a slip in coordinate 1: the check names it.
    let wrong = FnObjective::new(
        "wrong",
        2,
        |p| p[0] * p[0] + p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = p[1];
        },
    );
    let e = Lab::on(wrong)
        .start([3.0, 1.0])
        .with(
            "GD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap_err();
    assert!(matches!(e, Error::Gradient { coordinate: 1, .. }), "{e:?}");
}
