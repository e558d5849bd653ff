//! Bad knobs of `compare::lab`: each is refused by `Lab::run` as a typed error
//! that names the knob (a notebook cell shows its one-line message).
use compare::lab::*;

fn gd() -> Sgd {
    Sgd {
        lr: 0.01,
        ..Sgd::defaults(Convention::Paper)
    }
}

fn beale() -> Lab {
    Lab::new(Problem::Beale).steps(10).with("GD", gd())
}

#[test]
fn zero_steps() {
    let e = beale().steps(0).run().unwrap_err();
    assert!(
        matches!(e, Error::Hyperparameter { name: "steps", .. }),
        "{e:?}"
    );
    assert!(e.to_string().contains("steps = 0"), "{e}");
}

#[test]
fn too_many_steps() {
    let e = beale()
        .steps(optcore::MAX_TRACE_STEPS + 1)
        .run()
        .unwrap_err();
    assert_eq!(
        e,
        Error::Steps {
            steps: optcore::MAX_TRACE_STEPS + 1,
            max: optcore::MAX_TRACE_STEPS
        }
    );
}

#[test]
fn start_of_the_wrong_dimension() {
    let e = beale().start([1.0, 1.5, 0.0]).run().unwrap_err();
    assert!(
        matches!(
            e,
            Error::Dimension {
                expected: 2,
                found: 3,
                ..
            }
        ),
        "{e:?}"
    );
}

#[test]
fn start_not_finite() {
    let e = beale().start([1.0, f64::NAN]).run().unwrap_err();
    assert!(
        matches!(e, Error::Hyperparameter { name: "start", .. }),
        "{e:?}"
    );
}

#[test]
fn start_never_set_on_a_custom_objective() {
    let e = Lab::on(Saddle).with("GD", gd()).run().unwrap_err();
    assert!(matches!(e, Error::Empty { .. }), "{e:?}");
    assert!(e.to_string().contains(".start("), "{e}");
}

#[test]
fn threshold_not_positive() {
    for bad in [0.0, -1e-3, f64::NAN] {
        let e = beale().threshold(bad).run().unwrap_err();
        assert!(
            matches!(
                e,
                Error::Hyperparameter {
                    name: "threshold",
                    ..
                }
            ),
            "{e:?}"
        );
    }
}

#[test]
fn no_runs() {
    let e = Lab::new(Problem::Beale).run().unwrap_err();
    assert!(matches!(e, Error::Empty { .. }), "{e:?}");
    assert!(e.to_string().contains(".with("), "{e}");
}

#[test]
fn duplicate_labels() {
    let e = beale().with("GD", gd()).run().unwrap_err();
    assert_eq!(e, Error::DuplicateLabel { label: "GD".into() });
}

#[test]
fn bad_hyperparameter() {
    let e = beale()
        .with(
            "bad Adam",
            Adam {
                lr: -0.1,
                ..Adam::defaults(Convention::Paper)
            },
        )
        .run()
        .unwrap_err();
    assert!(
        matches!(e, Error::Hyperparameter { name: "lr", .. }),
        "{e:?}"
    );
}

/// A refusal during a run stops that run only and keeps its rows; the other
/// runs go on.
#[test]
fn a_refused_step_keeps_the_rows_before_it() {
    // ε = 0 on a start with a zero gradient coordinate: Adagrad divides by √0.
    let j = FnObjective::new(
        "x² only",
        2,
        |t: ArrayView1<f64>| t[0] * t[0],
        |t: ArrayView1<f64>, mut g: ArrayViewMut1<f64>| {
            g[0] = 2.0 * t[0];
            g[1] = 0.0;
        },
    );
    let runs = Lab::on(j)
        .start([1.0, 1.0])
        .steps(5)
        .with(
            "Adagrad ε = 0",
            Adagrad {
                lr: 0.1,
                eps: 0.0,
                ..Adagrad::defaults(Convention::Paper)
            },
        )
        .with("GD", gd())
        .run()
        .unwrap();
    let refused = &runs.runs()[0];
    assert!(refused.stop.is_some());
    assert!(
        refused.stop_text(5).starts_with("refused at t = "),
        "{}",
        refused.stop_text(5)
    );
    assert_eq!(refused.losses.len(), refused.last_t() + 1);
    assert_eq!(runs.runs()[1].stop_text(5), "ran all 5 steps");
}
