//! Notebook 04's playground (NAG): the labs its cells start from, run and pinned.
use compare::playground::nag::{lab, own};
use testkit::snap;

#[test]
fn playground_nag() {
    snap!("playground_nag", lab().run().unwrap().to_string());
}

#[test]
fn playground_nag_own() {
    snap!("playground_nag_own", own().run().unwrap().to_string());
}

/// What the playground's markdown suggests trying does what it says.
#[test]
fn the_suggestions_do_what_the_notebook_says() {
    use compare::lab::*;
    let pair = |lr: f64, gamma: f64| {
        Lab::new(Problem::Quadratic)
            .start([-5.0, -2.0])
            .steps(100)
            .with(
                "NAG",
                Nag {
                    lr,
                    momentum: gamma,
                    ..Nag::defaults(Convention::Paper)
                },
            )
            .with(
                "momentum",
                Momentum {
                    lr,
                    momentum: gamma,
                    ..Momentum::defaults(Convention::Paper)
                },
            )
            .run()
            .unwrap()
    };
    // η = 0.4: NAG diverges, momentum does not.
    let r = pair(0.4, 0.9);
    assert!(matches!(
        r.get("NAG").unwrap().stop,
        Some(Error::Diverged { .. })
    ));
    assert!(r.get("momentum").unwrap().stop.is_none());
    // γ = 0.99: both swing, NAG's shrink faster: a lower last J.
    let r = pair(0.1, 0.99);
    let last = |l: &str| *r.get(l).unwrap().losses.last().unwrap();
    assert!(last("NAG") < last("momentum"));
}
