//! Notebook 03's playground (momentum): the labs its cells start from, run and pinned.
use compare::playground::momentum::{lab, own};
use testkit::snap;

#[test]
fn playground_momentum() {
    snap!("playground_momentum", lab().run().unwrap().to_string());
}

#[test]
fn playground_momentum_own() {
    snap!("playground_momentum_own", own().run().unwrap().to_string());
}

/// What the playground's markdown suggests trying does what it says.
#[test]
fn the_suggestions_do_what_the_notebook_says() {
    use compare::lab::*;
    let diverging = Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with(
            "momentum γ = 0.9",
            Momentum {
                lr: 1.0,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
        .with(
            "GD",
            Sgd {
                lr: 1.0,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    let gd = diverging.get("GD").unwrap();
    let mo = diverging.get("momentum γ = 0.9").unwrap();
    assert!(matches!(gd.stop, Some(Error::Diverged { .. })), "{gd:?}");
    assert!(matches!(mo.stop, Some(Error::Diverged { .. })), "{mo:?}");
    assert!(gd.last_t() < mo.last_t());
    // The saddle runs from the suggested start.
    Lab::on(Saddle)
        .start([-1.0, 1e-3])
        .with(
            "momentum",
            Momentum {
                lr: 0.1,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap();
    // A wrong ∂J/∂y is named as coordinate 1.
    let wrong = FnObjective::new(
        "x² + 10y²",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 2.0 * p[1];
        },
    );
    let err = Lab::on(wrong)
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
    assert!(
        matches!(err, Error::Gradient { coordinate: 1, .. }),
        "{err}"
    );
}
