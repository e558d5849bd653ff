//! Principle 5 through the public API: bad input gets a typed error, never a
//! panic, an abort, a hang or a silent NaN, and nothing computed before a fault is
//! lost. Every optimizer under both conventions.

use optimizers::optcore::ndarray::{array, Array1, ArrayView1, ArrayViewMut1};
use optimizers::optcore::{
    self, run, run_with, steps, Convention, Error, Exact, Flags, FromFlags, Objective, Optimizer,
    Oracle, Quadratic, Rosenbrock, RunOptions, MAX_STEPS, MAX_TRACE_STEPS,
};
use optimizers::{adadelta, adagrad, adam, gd, momentum, nadam, nag, rmsprop};
use proptest::prelude::*;

/// Calls `$f::<Type>(convention)` for every optimizer of the registry
/// (`optimizers::registry`, so a new optimizer is covered without a line here),
/// under both conventions.
macro_rules! for_each_optimizer {
    ($f:ident) => {{
        struct Each;
        impl optimizers::registry::Visitor for Each {
            fn visit<O: Optimizer + FromFlags>(&mut self, _: optimizers::registry::Entry) {
                for c in [Convention::Paper, Convention::Pytorch] {
                    $f::<O>(c);
                }
            }
        }
        optimizers::registry::visit(&mut Each);
    }};
}

fn defaults<O: Optimizer + FromFlags>(c: Convention) -> O {
    O::from_flags(c, &Flags::default()).expect("defaults are valid")
}

/// A step with a state made for another dimension, or θ of another length than
/// the oracle's, is an `Error::Dimension`; θ and the state stay as they were.
fn dimension_mismatch<O: Optimizer + FromFlags>(c: Convention) {
    let opt: O = defaults(c);
    let name = format!("{} {c}", opt.name());
    let mut oracle = Exact::new(Quadratic::reference());

    let mut state = opt.init(array![1.0, 2.0, 3.0].view());
    let before = format!("{state:?}");
    let mut theta = array![-5.0, -2.0];
    let e = opt
        .step(&mut state, theta.view_mut(), &mut oracle)
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Dimension {
                expected: 3,
                found: 2,
                ..
            }
        ),
        "{name}: {e:?}"
    );
    assert_eq!(
        (theta.clone(), format!("{state:?}")),
        (array![-5.0, -2.0], before),
        "{name}"
    );

    let mut theta3 = array![1.0, 2.0, 3.0];
    let mut state3 = opt.init(theta3.view());
    let e = opt
        .step(&mut state3, theta3.view_mut(), &mut oracle)
        .unwrap_err();
    assert!(
        matches!(
            e,
            Error::Dimension {
                expected: 2,
                found: 3,
                ..
            }
        ),
        "{name}: {e:?}"
    );
    assert_eq!(theta3, array![1.0, 2.0, 3.0], "{name}");
}

#[test]
fn a_state_or_theta_of_another_dimension_is_a_typed_error() {
    for_each_optimizer!(dimension_mismatch);
}

/// An oracle whose gradient turns NaN at step `bad`.
struct Poisoned {
    bad: usize,
    t: usize,
}

impl Oracle for Poisoned {
    fn dim(&self) -> usize {
        2
    }
    fn begin_step(&mut self, t: usize) {
        self.t = t;
    }
    fn eval(&mut self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        Quadratic::reference().gradient_into(theta, grad.view_mut());
        if self.t == self.bad {
            grad[1] = f64::NAN;
        }
        Quadratic::reference().value(theta)
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        Quadratic::reference().value(theta)
    }
    fn gradient_evaluations(&self) -> u64 {
        self.t as u64
    }
    fn problem_name(&self) -> String {
        "poisoned quadratic".into()
    }
}

/// A non-finite gradient at step 3 leaves θ and the whole state (its gₜ included)
/// as step 2 left them, and a run keeps rows 0–2.
fn nan_gradient_leaves_the_state<O: Optimizer + FromFlags>(c: Convention) {
    let opt: O = defaults(c);
    let name = format!("{} {c}", opt.name());
    let mut oracle = Poisoned { bad: 3, t: 0 };
    let mut theta = array![-5.0, -2.0];
    let mut state = opt.init(theta.view());
    for t in 1..=2 {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle).unwrap();
    }
    let (theta_before, state_before) = (theta.clone(), format!("{state:?}"));
    oracle.begin_step(3);
    let e = opt
        .step(&mut state, theta.view_mut(), &mut oracle)
        .unwrap_err();
    assert_eq!(
        e,
        Error::NonFinite {
            step: 3,
            what: "gradient"
        },
        "{name}"
    );
    assert_eq!(theta, theta_before, "{name}");
    assert_eq!(
        format!("{state:?}"),
        state_before,
        "{name}: the state changed"
    );

    let tr = run_with(
        &opt,
        &mut Poisoned { bad: 3, t: 0 },
        array![-5.0, -2.0].view(),
        RunOptions::steps(10),
    )
    .unwrap();
    assert_eq!(tr.rows.len(), 3, "{name}");
    assert_eq!(
        tr.stop,
        Some(Error::NonFinite {
            step: 3,
            what: "gradient"
        }),
        "{name}"
    );
}

#[test]
fn a_non_finite_gradient_leaves_theta_and_state_unchanged() {
    for_each_optimizer!(nan_gradient_leaves_the_state);
}

/// Hyperparameter fields are public, so a struct literal can hold anything: the
/// step refuses it with the flag's name, before touching θ.
#[test]
fn struct_literals_with_bad_hyperparameters_never_step() {
    fn refused<O: Optimizer>(opt: O, flag: &str) {
        let mut theta = array![-5.0, -2.0];
        let mut state = opt.init(theta.view());
        let e = opt
            .step(
                &mut state,
                theta.view_mut(),
                &mut Exact::new(Quadratic::reference()),
            )
            .unwrap_err();
        assert!(
            matches!(e, Error::Hyperparameter { name, .. } if name == flag),
            "{flag}: {e:?}"
        );
        assert_eq!(theta, array![-5.0, -2.0]);
        assert!(run(&opt, Quadratic::reference(), theta.view(), 1).is_err());
    }
    use Convention::{Paper, Pytorch};
    refused(
        gd::Sgd {
            lr: -1.0,
            ..gd::Sgd::defaults(Paper)
        },
        "lr",
    );
    refused(
        gd::Sgd {
            lr: f64::NAN,
            ..gd::Sgd::defaults(Paper)
        },
        "lr",
    );
    refused(
        momentum::Momentum {
            momentum: 1.5,
            ..momentum::Momentum::defaults(Paper)
        },
        "momentum",
    );
    refused(
        nag::Nag {
            lr: 0.0,
            ..nag::Nag::defaults(Pytorch)
        },
        "lr",
    );
    refused(
        adagrad::Adagrad {
            eps: -1.0,
            ..adagrad::Adagrad::defaults(Paper)
        },
        "eps",
    );
    refused(
        adadelta::Adadelta {
            rho: 1.0,
            ..adadelta::Adadelta::defaults(Paper)
        },
        "rho",
    );
    refused(
        rmsprop::Rmsprop {
            lr: f64::INFINITY,
            ..rmsprop::Rmsprop::defaults(Pytorch)
        },
        "lr",
    );
    refused(
        adam::Adam {
            lr: f64::NAN,
            ..adam::Adam::defaults(Paper)
        },
        "lr",
    );
    refused(
        adam::Adam {
            beta2: 1.0,
            ..adam::Adam::defaults(Pytorch)
        },
        "beta2",
    );
    refused(
        nadam::Nadam {
            momentum_decay: -1.0,
            ..nadam::Nadam::defaults(Pytorch)
        },
        "momentum_decay",
    );
}

/// Every hyperparameter an optimizer lists, given as NaN through its flag, is
/// refused with an error naming it: `validate` checks every declared field.
fn every_listed_hyperparameter_is_checked<O: Optimizer + FromFlags>(c: Convention) {
    for (name, _) in defaults::<O>(c).hyperparameters() {
        let Some(h) = optcore::hyper::by_name(name) else {
            continue; // no flag (Adagrad's lr_decay): struct literals cover it
        };
        let mut flags = Flags::default();
        h.set(&mut flags, Some(f64::NAN));
        match O::from_flags(c, &flags) {
            Err(Error::Hyperparameter { name: n, .. }) => assert_eq!(n, name),
            other => panic!("{name} = NaN under {c}: {:?}", other.map(|o| o.describe())),
        }
    }
}

#[test]
fn bad_flags_are_refused_naming_the_hyperparameter() {
    for_each_optimizer!(every_listed_hyperparameter_is_checked);
}

/// `run` keeps every row, so it refuses more than `MAX_TRACE_STEPS` up front
/// (10¹⁰ steps used to abort the process in `Vec::with_capacity`); a streamed run
/// refuses more than `MAX_STEPS` (`usize::MAX` used to wrap and loop forever).
#[test]
fn too_many_steps_is_a_typed_error() {
    let opt = gd::Sgd {
        lr: 0.1,
        ..gd::Sgd::defaults(Convention::Paper)
    };
    let start = array![-5.0, -2.0];
    for n in [10_000_000_000, usize::MAX, MAX_TRACE_STEPS + 1] {
        let e = run(&opt, Quadratic::reference(), start.view(), n).unwrap_err();
        assert_eq!(
            e,
            Error::Steps {
                steps: n,
                max: MAX_TRACE_STEPS
            }
        );
    }
    let mut oracle = Exact::new(Quadratic::reference());
    let e = steps(
        &opt,
        &mut oracle,
        start.view(),
        RunOptions::steps(usize::MAX),
    )
    .err()
    .unwrap();
    assert_eq!(
        e,
        Error::Steps {
            steps: usize::MAX,
            max: MAX_STEPS
        }
    );
    // The limits themselves are accepted (nothing runs until the rows are asked for).
    let mut it = steps(
        &opt,
        &mut oracle,
        start.view(),
        RunOptions::steps(MAX_STEPS),
    )
    .unwrap();
    assert_eq!(it.nth(3).map(|r| r.t), Some(3));
}

/// Edges of the trace and objective API that used to panic or truncate.
#[test]
fn empty_and_mismatched_parameters() {
    // A 0-parameter run has a path (drawn at the origin), not a panic.
    let tr = run(
        &gd::Sgd {
            lr: 0.1,
            ..gd::Sgd::defaults(Convention::Paper)
        },
        Quadratic::new(&[]),
        Array1::zeros(0).view(),
        2,
    )
    .unwrap();
    assert_eq!(tr.path2(), vec![(0.0, 0.0); 3]);
    // A θ longer than the quadratic's coefficients is not silently truncated.
    let q = Quadratic::reference();
    assert!(q.value(array![1.0, 1.0, 100.0].view()).is_nan());
    assert!(matches!(
        q.try_value(array![1.0, 1.0, 100.0].view()),
        Err(Error::Dimension { .. })
    ));
    assert!(matches!(
        Rosenbrock::default().try_gradient(array![1.0].view()),
        Err(Error::Dimension { .. })
    ));
    assert!(Rosenbrock::default().value(array![1.0].view()).is_nan());
    assert_eq!(q.try_value(array![1.0, 1.0].view()), Ok(2.1));
}

/// 10⁶ steps of every optimizer under both conventions. A step whose cost grew
/// with t (βᵗ recomputed by t multiplies each step, as Adam and NAdam once did)
/// would make this 5·10¹¹ multiplies per method: it could not finish.
fn a_million_steps<O: Optimizer + FromFlags>(c: Convention) {
    let opt: O = defaults(c);
    let mut oracle = Exact::new(Quadratic::reference());
    let mut theta = array![-5.0, -2.0];
    let mut state = opt.init(theta.view());
    for t in 1..=1_000_000 {
        oracle.begin_step(t);
        opt.step(&mut state, theta.view_mut(), &mut oracle)
            .unwrap_or_else(|e| panic!("{} {c} at step {t}: {e}", opt.name()));
    }
    assert!(theta.iter().all(|x| x.is_finite()), "{} {c}", opt.name());
}

#[test]
fn a_million_steps_cost_a_million_times_one_step() {
    for_each_optimizer!(a_million_steps);
}

/// Random flags for `FromFlags`: in and out of every domain, NaN and infinities.
fn any_value() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        Just(None),
        Just(Some(0.0)),
        Just(Some(1.0)),
        Just(Some(-1.0)),
        Just(Some(f64::NAN)),
        Just(Some(f64::INFINITY)),
        Just(Some(1e300)),
        Just(Some(f64::MIN_POSITIVE)),
        (-2.0f64..2.0).prop_map(Some),
        (0.0f64..1.0).prop_map(Some),
    ]
}

fn any_flags() -> impl Strategy<Value = Flags> {
    (
        any_value(),
        any_value(),
        any_value(),
        any_value(),
        any_value(),
        any_value(),
        any_value(),
        any_value(),
    )
        .prop_map(
            |(lr, momentum, rho, eps, beta1, beta2, momentum_decay, weight_decay)| Flags {
                lr,
                momentum,
                rho,
                eps,
                beta1,
                beta2,
                momentum_decay,
                weight_decay,
            },
        )
}

fn any_coordinate() -> impl Strategy<Value = f64> {
    prop_oneof![
        -10.0f64..10.0,
        Just(0.0),
        Just(1e52),
        Just(-3e200),
        Just(f64::NAN),
        Just(f64::INFINITY)
    ]
}

/// Builds `O` from random flags and runs it: either a typed error, or a trace
/// whose every row is finite (θ, loss and every record field), ending early
/// only with a reason.
fn build_and_run<O: Optimizer + FromFlags>(
    c: Convention,
    flags: &Flags,
    start: [f64; 2],
    n: usize,
    rosen: bool,
) {
    let Ok(opt) = O::from_flags(c, flags) else {
        return;
    };
    assert!(
        opt.validate().is_ok(),
        "from_flags returned an invalid optimizer"
    );
    let start = array![start[0], start[1]];
    let result = if rosen {
        run(&opt, Rosenbrock::default(), start.view(), n)
    } else {
        run(&opt, Quadratic::reference(), start.view(), n)
    };
    let Ok(tr) = result else { return };
    assert!(!tr.rows.is_empty());
    assert!(
        tr.rows.len() == n + 1 || tr.stop.is_some(),
        "short trace without a reason"
    );
    for row in &tr.rows {
        assert!(row.loss.is_finite() && row.theta.iter().all(|x| x.is_finite()));
        if let Some(rec) = &row.record {
            use optcore::Record;
            assert!(rec
                .fields()
                .iter()
                .all(|f| f.values.iter().all(|v| v.is_finite())));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_hyperparameters_and_starts_never_panic(
        flags in any_flags(),
        x in any_coordinate(),
        y in any_coordinate(),
        n in 0usize..40,
        pytorch in any::<bool>(),
        rosen in any::<bool>(),
    ) {
        let c = if pytorch { Convention::Pytorch } else { Convention::Paper };
        struct Each<'a>(Convention, &'a Flags, [f64; 2], usize, bool);
        impl optimizers::registry::Visitor for Each<'_> {
            fn visit<O: Optimizer + FromFlags>(&mut self, _: optimizers::registry::Entry) {
                build_and_run::<O>(self.0, self.1, self.2, self.3, self.4);
            }
        }
        optimizers::registry::visit(&mut Each(c, &flags, [x, y], n, rosen));
    }
}
