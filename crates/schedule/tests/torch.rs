//! The crate against torch.optim.lr_scheduler: the rates torch set, step by step
//! (`reference/torch-lr.csv`), and whole runs of SGD, SGD with momentum and Adam
//! under schedules (`reference/torch-runs.csv`). Both files were written by
//! `reference/torch_schedules.py` (torch 2.15, float64; see `reference/SOURCE.md`).

use adam::Adam;
use gd::Sgd;
use momentum::Momentum;
use optcore::ndarray::array;
use optcore::{run, Convention, LearningRate, Optimizer, Quadratic};
use schedule::{
    AnySchedule, Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Schedule, Scheduled, StepLR,
};

const LR_CSV: &str = include_str!("../reference/torch-lr.csv");
const RUNS_CSV: &str = include_str!("../reference/torch-runs.csv");

/// The schedule of each case name used in the two files (the script's tables).
fn schedule_of(case: &str) -> AnySchedule {
    match case {
        "constant" => Constant.into(),
        "step-10-0.5" => StepLR {
            step_size: 10,
            gamma: 0.5,
        }
        .into(),
        "step-3-0.1" => StepLR {
            step_size: 3,
            gamma: 0.1,
        }
        .into(),
        "exponential-0.95" => ExponentialLR { gamma: 0.95 }.into(),
        "exponential-0.5" => ExponentialLR { gamma: 0.5 }.into(),
        "cosine-50-0" => CosineAnnealingLR {
            t_max: 50,
            eta_min: 0.0,
        }
        .into(),
        "cosine-20-0.01" => CosineAnnealingLR {
            t_max: 20,
            eta_min: 0.01,
        }
        .into(),
        "linear-0.1-1-10" => LinearLR {
            start_factor: 0.1,
            end_factor: 1.0,
            total_iters: 10,
        }
        .into(),
        "linear-1-0.2-25" => LinearLR {
            start_factor: 1.0,
            end_factor: 0.2,
            total_iters: 25,
        }
        .into(),
        other => panic!("unknown case {other}"),
    }
}

fn rows(csv: &str) -> Vec<Vec<&str>> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect()
}

fn num(s: &str) -> f64 {
    s.parse().unwrap_or_else(|_| panic!("not a number: {s}"))
}

/// Every rate torch set, within 1e-12 of the base rate η₀ (the closed forms
/// and torch's chained forms round differently; near η_min = 0 a relative
/// measure would compare rounding noise with itself).
#[test]
fn rates_match_torch() {
    let rows = rows(LR_CSV);
    assert_eq!(rows.len(), 350);
    let mut cases = std::collections::BTreeSet::new();
    let mut worst: f64 = 0.0;
    for r in &rows {
        let (case, base, t, lr) = (r[0], num(r[1]), num(r[2]) as usize, num(r[3]));
        cases.insert(case);
        let s = schedule_of(case);
        s.validate().unwrap();
        let ours = s.lr_at(base, t - 1);
        let diff = (ours - lr).abs() / base;
        worst = worst.max(diff);
        assert!(diff <= 1e-12, "{case} t = {t}: ours {ours}, torch {lr}");
        assert_eq!(s.rates(base, t)[t - 1], ours);
    }
    assert_eq!(cases.len(), 8);
    assert!(worst > 0.0, "closed and chained forms never differ?");
}

/// The first step of every schedule but LinearLR runs at η₀ exactly, and the
/// warmup's at start_factor·η₀: torch's timing, not one step late.
#[test]
fn first_step_uses_eta_of_zero() {
    for r in rows(LR_CSV).iter().filter(|r| r[2] == "1") {
        let s = schedule_of(r[0]);
        let want = match s {
            AnySchedule::Linear(l) => l.start_factor * num(r[1]),
            _ => num(r[1]),
        };
        assert!((num(r[3]) - want).abs() <= 1e-15, "{:?}", r);
    }
}

fn check_runs<O: Optimizer + LearningRate + Clone>(name: &str, opt: O) {
    let runs = rows(RUNS_CSV);
    let mut seen = 0;
    for sched in [
        "constant",
        "step-10-0.5",
        "exponential-0.95",
        "cosine-50-0",
        "linear-0.1-1-10",
    ] {
        let torch: Vec<_> = runs
            .iter()
            .filter(|r| r[0] == name && r[1] == sched)
            .collect();
        assert_eq!(torch.len(), 51, "{name} {sched}");
        let wrapped = Scheduled::new(opt.clone(), schedule_of(sched)).unwrap();
        let tr = run(
            &wrapped,
            Quadratic::reference(),
            array![-5.0, -2.0].view(),
            50,
        )
        .unwrap();
        assert!(tr.stop.is_none());
        for (row, r) in tr.rows.iter().zip(&torch) {
            assert_eq!(row.t, num(r[2]) as usize);
            if let Some(rec) = &row.record {
                let lr = num(r[3]);
                assert!(
                    (rec.lr - lr).abs() <= 1e-12 * lr,
                    "{name} {sched} t={}",
                    row.t
                );
            }
            for (i, col) in [4, 5].into_iter().enumerate() {
                let want = num(r[col]);
                let ours = row.theta[i];
                let rel = (ours - want).abs() / want.abs().max(1e-300);
                assert!(
                    rel <= 1e-9 || (ours - want).abs() <= 1e-300,
                    "{name} {sched} t = {}: θ[{i}] ours {ours}, torch {want}",
                    row.t
                );
            }
        }
        seen += 1;
    }
    assert_eq!(seen, 5);
}

#[test]
fn sgd_runs_match_torch() {
    check_runs(
        "sgd",
        Sgd {
            lr: 0.4,
            ..Sgd::defaults(Convention::Pytorch)
        },
    );
}

#[test]
fn momentum_runs_match_torch() {
    check_runs(
        "momentum",
        Momentum {
            lr: 0.05,
            momentum: 0.9,
            convention: Convention::Pytorch,
        },
    );
}

#[test]
fn adam_runs_match_torch() {
    check_runs(
        "adam",
        Adam {
            lr: 0.5,
            ..Adam::defaults(Convention::Pytorch)
        },
    );
}
