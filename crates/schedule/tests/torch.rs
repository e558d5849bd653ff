//! The crate against torch.optim.lr_scheduler: the rates torch set, step by step
//! (`reference/torch-lr.csv`), and whole runs of SGD, SGD with momentum and Adam
//! under schedules (`reference/torch-runs.csv`). Both files were written by
//! `reference/torch_schedules.py` (torch 2.15, float64; see `reference/SOURCE.md`).

use adam::Adam;
use gd::Sgd;
use momentum::Momentum;
use optcore::ndarray::array;
use optcore::{run, Convention, LearningRate, Optimizer, Quadratic};
use schedule::{AnySchedule, Schedule, Scheduled};

use schedule::reference::{num as parse, rows, schedule_of as lookup, LR_CSV, RUNS_CSV};

fn schedule_of(case: &str) -> AnySchedule {
    lookup(case).unwrap()
}

fn num(s: &str) -> f64 {
    parse(s).unwrap()
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

/// The appendix tables say the same as the checks above: every rate within
/// 1e-12 of η₀, every run's rates and θ within 1e-9 relative.
#[test]
fn appendix_tables_are_within_tolerance() {
    let rates = schedule::reference::rates_check().unwrap();
    let d = rates.column("max |ours − torch|/η₀").unwrap();
    assert_eq!(d.len(), 8);
    assert!(d.iter().all(|&x| x <= 1e-12), "{d:?}");
    let runs = schedule::reference::runs_check().unwrap();
    assert_eq!(runs.rows.len(), 15);
    for col in ["max rel. diff. ηₜ", "max rel. diff. θ"] {
        let d = runs.column(col).unwrap();
        assert!(d.iter().all(|&x| x <= 1e-9), "{col}: {d:?}");
    }
}
