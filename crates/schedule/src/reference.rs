//! The rates and runs torch.optim.lr_scheduler produced
//! (`reference/torch-lr.csv`, `reference/torch-runs.csv`, written by
//! `reference/torch_schedules.py` with torch 2.15 in float64; see
//! `reference/SOURCE.md`), compiled in with `include_str!`, and the crate beside
//! them.

use crate::{
    AnySchedule, Constant, CosineAnnealingLR, ExponentialLR, LinearLR, Schedule, Scheduled, StepLR,
};
use adam::Adam;
use gd::Sgd;
use optcore::error::{Error, Result};
use optcore::{
    reference_start, run_to_completion, Convention, LearningRate, Optimizer, Quadratic, Table,
};

/// `case, base_lr, t, lr`: the rate of each step under torch.
pub const LR_CSV: &str = include_str!("../reference/torch-lr.csv");
/// `optimizer, schedule, t, lr, x, y`: θₜ of torch runs on the quadratic.
pub const RUNS_CSV: &str = include_str!("../reference/torch-runs.csv");

/// The schedule a case name of the two files stands for (the script's tables).
pub fn schedule_of(case: &str) -> Result<AnySchedule> {
    Ok(match case {
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
        other => {
            return Err(Error::Parse {
                what: "a schedule case".into(),
                message: format!("unknown case {other:?}"),
            })
        }
    })
}

/// The data rows of one of the two files, split at commas.
pub fn rows(csv: &str) -> Vec<Vec<&str>> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect()
}

/// A number of the two files.
pub fn num(s: &str) -> Result<f64> {
    s.parse().map_err(|_| Error::Parse {
        what: "a reference number".into(),
        message: format!("{s:?} is not a number"),
    })
}

/// Per case of `torch-lr.csv`: the steps, and the largest
/// $|\eta_t^{\text{ours}} - \eta_t^{\text{torch}}|/\eta_0$.
pub fn rates_check() -> Result<Table> {
    let mut t = Table::new(
        "our closed forms against the rates torch set (torch-lr.csv)",
        &["case", "schedule", "η₀", "steps", "max |ours − torch|/η₀"],
    );
    let rows = rows(LR_CSV);
    let mut cases: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    cases.dedup();
    for case in cases {
        let s = schedule_of(case)?;
        let mut worst: f64 = 0.0;
        let (mut base, mut steps) = (f64::NAN, 0usize);
        for r in rows.iter().filter(|r| r[0] == case) {
            base = num(r[1])?;
            let step = num(r[2])? as usize;
            worst = worst.max((s.lr_at(base, step - 1) - num(r[3])?).abs() / base);
            steps += 1;
        }
        t.push(vec![
            case.into(),
            s.describe().into(),
            base.into(),
            steps.into(),
            worst.into(),
        ]);
    }
    Ok(t)
}

fn run_check<O: Optimizer + LearningRate + Clone>(
    t: &mut Table,
    name: &str,
    label: &str,
    opt: O,
) -> Result<()> {
    let rows = rows(RUNS_CSV);
    let mut schedules: Vec<&str> = rows.iter().filter(|r| r[0] == name).map(|r| r[1]).collect();
    schedules.dedup();
    for sched in schedules {
        let torch: Vec<_> = rows
            .iter()
            .filter(|r| r[0] == name && r[1] == sched)
            .collect();
        let wrapped = Scheduled::new(opt.clone(), schedule_of(sched)?)?;
        let steps = torch.len().saturating_sub(1);
        let tr = run_to_completion(
            &wrapped,
            Quadratic::reference(),
            reference_start().view(),
            steps,
        )?;
        let (mut worst_theta, mut worst_lr): (f64, f64) = (0.0, 0.0);
        for (row, r) in tr.rows.iter().zip(&torch) {
            if let Some(rec) = &row.record {
                let lr = num(r[3])?;
                worst_lr = worst_lr.max((rec.lr - lr).abs() / lr);
            }
            for (i, col) in [4, 5].into_iter().enumerate() {
                let want = num(r[col])?;
                let d = (row.theta[i] - want).abs();
                if d > 0.0 {
                    worst_theta = worst_theta.max(d / want.abs());
                }
            }
        }
        t.push(vec![
            format!("{label} with {}", wrapped.schedule.describe()).into(),
            steps.into(),
            worst_lr.into(),
            worst_theta.into(),
        ]);
    }
    Ok(())
}

/// Every run of `torch-runs.csv` again with [`Scheduled`] (`pytorch`
/// convention): the largest relative difference in $\eta_t$ and in θ.
pub fn runs_check() -> Result<Table> {
    let mut t = Table::new(
        "Scheduled against torch.optim with lr_scheduler on 0.1x² + 2y² (torch-runs.csv)",
        &["run", "steps", "max rel. diff. ηₜ", "max rel. diff. θ"],
    );
    run_check(
        &mut t,
        "sgd",
        "SGD (η₀ = 0.4)",
        Sgd {
            lr: 0.4,
            ..Sgd::defaults(Convention::Pytorch)
        },
    )?;
    run_check(
        &mut t,
        "momentum",
        "SGD, momentum 0.9 (η₀ = 0.05)",
        momentum::Momentum {
            lr: 0.05,
            momentum: 0.9,
            convention: Convention::Pytorch,
        },
    )?;
    run_check(
        &mut t,
        "adam",
        "Adam (η₀ = 0.5)",
        Adam {
            lr: 0.5,
            ..Adam::defaults(Convention::Pytorch)
        },
    )?;
    Ok(t)
}
