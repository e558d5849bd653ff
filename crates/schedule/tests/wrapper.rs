//! The wrapper's contract: validation with typed errors, every optimizer of the
//! post wrapped, the record. A rate of zero: `tests/zero_rate.rs`.

use adadelta::Adadelta;
use adagrad::Adagrad;
use adam::Adam;
use gd::Sgd;
use momentum::Momentum;
use nadam::Nadam;
use nag::Nag;
use optcore::ndarray::array;
use optcore::{run, Convention, Error, LearningRate, Optimizer, Quadratic, Record};
use rmsprop::Rmsprop;
use schedule::{
    AnySchedule, Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Schedule, Scheduled, StepLR,
};

fn refused(s: impl Schedule, name: &str) {
    match s.validate() {
        Err(Error::Hyperparameter { name: n, .. }) => assert_eq!(n, name),
        other => panic!("{s:?}: {other:?}"),
    }
}

#[test]
fn bad_schedules_are_typed_errors() {
    refused(
        StepLR {
            step_size: 0,
            gamma: 0.5,
        },
        "step_size",
    );
    for g in [0.0, -0.5, 1.5, f64::NAN] {
        refused(
            StepLR {
                step_size: 3,
                gamma: g,
            },
            "gamma",
        );
        refused(ExponentialLR { gamma: g }, "gamma");
    }
    refused(
        CosineAnnealingLR {
            t_max: 0,
            eta_min: 0.0,
        },
        "t_max",
    );
    refused(
        CosineAnnealingLR {
            t_max: 10,
            eta_min: -1.0,
        },
        "eta_min",
    );
    for (s, e, t, name) in [
        (0.0, 1.0, 5, "start_factor"),
        (1.5, 1.0, 5, "start_factor"),
        (0.5, 1.1, 5, "end_factor"),
        (0.5, 1.0, 0, "total_iters"),
    ] {
        refused(
            LinearLR {
                start_factor: s,
                end_factor: e,
                total_iters: t,
            },
            name,
        );
    }
    let bad = Scheduled::new(
        Sgd::defaults(Convention::Paper),
        AnySchedule::from(ExponentialLR { gamma: 2.0 }),
    );
    assert!(bad.unwrap_err().to_string().contains("gamma"));
}

fn wraps<O: Optimizer + LearningRate + Clone>(opt: O) {
    let base = opt.lr().expect("a learning rate");
    let s = Scheduled::new(opt, ExponentialLR { gamma: 0.5 }).unwrap();
    let tr = run(&s, Quadratic::reference(), array![-5.0, -2.0].view(), 3).unwrap();
    assert!(tr.stop.is_none(), "{}: {:?}", s.describe(), tr.stop);
    for row in &tr.rows[1..] {
        let rec = row.record.as_ref().unwrap();
        assert_eq!(rec.lr, base * 0.5f64.powi(row.t as i32 - 1));
        let fields = rec.fields();
        assert_eq!(
            (fields[0].name, fields[0].values.clone()),
            ("lr", vec![rec.lr])
        );
        assert_eq!(fields.len(), rec.inner.fields().len() + 1);
    }
    assert!(s.describe().ends_with("with ExponentialLR(gamma = 0.5)"));
}

/// Every optimizer of the post (src/registry.rs), in both conventions where it
/// has a learning rate.
#[test]
fn every_optimizer_takes_a_schedule() {
    for c in [Convention::Paper, Convention::Pytorch] {
        wraps(Sgd::defaults(c));
        wraps(Momentum::defaults(c));
        wraps(Nag::defaults(c));
        wraps(Adagrad::defaults(c));
        wraps(Rmsprop::defaults(c));
        wraps(Adam::defaults(c));
        wraps(Nadam::defaults(c));
    }
    wraps(Adadelta::defaults(Convention::Pytorch));
    assert_eq!(
        Scheduled::new(Adadelta::defaults(Convention::Paper), Constant).unwrap_err(),
        Error::NoLearningRate {
            optimizer: "adadelta",
            convention: Convention::Paper
        }
    );
}

/// A constant schedule changes nothing: the same θ, bit for bit.
#[test]
fn constant_is_the_method_alone() {
    let opt = Adam {
        lr: 0.3,
        ..Adam::defaults(Convention::Paper)
    };
    let start = array![-5.0, -2.0];
    let alone = run(&opt, Quadratic::reference(), start.view(), 40).unwrap();
    let wrapped = Scheduled::new(opt, Constant).unwrap();
    let sched = run(&wrapped, Quadratic::reference(), start.view(), 40).unwrap();
    for (a, b) in alone.rows.iter().zip(&sched.rows) {
        assert_eq!(a.theta, b.theta);
    }
}

/// The post's momentum carries η inside v; torch's keeps it outside. Under the
/// same schedule the two conventions therefore part (they agree without one).
#[test]
fn momentum_conventions_part_under_a_schedule() {
    let start = array![-5.0, -2.0];
    let s = StepLR {
        step_size: 5,
        gamma: 0.1,
    };
    let mut last = Vec::new();
    for c in [Convention::Paper, Convention::Pytorch] {
        let m = Momentum {
            lr: 0.05,
            momentum: 0.9,
            convention: c,
        };
        let alone = run(&m, Quadratic::reference(), start.view(), 8).unwrap();
        let tr = run(
            &Scheduled::new(m, s).unwrap(),
            Quadratic::reference(),
            start.view(),
            8,
        )
        .unwrap();
        last.push((alone.last().theta.clone(), tr.last().theta.clone()));
    }
    let close = |a: &optcore::ndarray::Array1<f64>, b: &optcore::ndarray::Array1<f64>| {
        (a - b).iter().all(|d| d.abs() < 1e-12)
    };
    assert!(close(&last[0].0, &last[1].0));
    assert!(!close(&last[0].1, &last[1].1));
}
