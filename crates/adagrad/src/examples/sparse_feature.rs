//! The post's example: a feature that is almost always 0. Adagrad gives the
//! rare feature's weight a larger rate; does it get there sooner than SGD?

use crate::sparse::{OnlineOracle, SparseData};
use crate::{Adagrad, AdagradRecord};
use gd::{Sgd, SgdRecord};
use ndarray::Array1;
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::trace::sub;
use optcore::{run_with, Convention, Error, Optimizer, Record, Result, RunOptions, Table, Trace};
use plots::{Figure, LineChart, Series};

/// The first `n` examples of [`SparseData::standard`].
pub fn sparse_data_head(n: usize) -> Table {
    let d = SparseData::standard();
    let mut t = Table::new(
        format!(
            "linear unit data: {} examples, a₂ ≠ 0 on {} of them; w* = (0.5, −1, 2, 1.5)",
            d.len(),
            d.rare_count()
        ),
        &["i", "a₁", "a₂", "a₃", "y"],
    );
    for i in 0..n.min(d.len()) {
        t.push(vec![
            i.into(),
            d.x[[i, 1]].into(),
            d.x[[i, 2]].into(),
            d.x[[i, 3]].into(),
            d.y[i].into(),
        ]);
    }
    t
}

/// The η tried for Adagrad in the sparse race.
pub const SPARSE_ADAGRAD_LRS: [f64; 3] = [0.1, 0.5, 1.0];
/// The η tried for SGD: online SGD on features of size 5 is stable only for
/// roughly η·‖x‖² < 2, ‖x‖² up to 51.
pub const SPARSE_SGD_LRS: [f64; 5] = [0.01, 0.02, 0.04, 0.08, 0.16];
/// Steps of the sparse runs: five passes over the data.
pub const SPARSE_STEPS: usize = 2000;
/// "Reached": $|w_i - w^\star_i| \le$ this, from that step to the end of the run.
pub const SPARSE_TOL: f64 = 0.05;

/// Adagrad (paper form, ε = 1e-8) on the sparse data, online, from w = 0.
pub fn sparse_adagrad(lr: f64) -> Result<Trace<AdagradRecord>> {
    let d = SparseData::standard();
    run_with(
        &sparse_optimizer(lr),
        &mut OnlineOracle::new(&d),
        Array1::zeros(4).view(),
        RunOptions::steps(SPARSE_STEPS),
    )
}

/// The Adagrad of the sparse-feature story (the post's form, ε = 1e-8).
pub fn sparse_optimizer(lr: f64) -> Adagrad {
    Adagrad {
        lr,
        eps: 1e-8,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// Plain SGD on the same data and schedule.
pub fn sparse_sgd(lr: f64) -> Result<Trace<SgdRecord>> {
    let d = SparseData::standard();
    let opts = RunOptions {
        steps: SPARSE_STEPS,
        diverge_above: Some(1e6),
    };
    run_with(
        &Sgd {
            lr,
            ..Sgd::defaults(Convention::Paper)
        },
        &mut OnlineOracle::new(&d),
        Array1::zeros(4).view(),
        opts,
    )
}

/// The first t from which $|w_i - w^\star_i| \le$ [`SPARSE_TOL`] holds to the end
/// of the run (`thetas[t]` = $w_t$).
pub fn settled_at(thetas: &[Array1<f64>], i: usize, target: f64) -> Option<usize> {
    let mut at = None;
    for (t, th) in thetas.iter().enumerate() {
        if (th[i] - target).abs() <= SPARSE_TOL {
            at.get_or_insert(t);
        } else {
            at = None;
        }
    }
    at
}

fn rare_seen_by(d: &SparseData, t: usize) -> usize {
    (0..t).filter(|s| d.x[[s % d.len(), d.rare]] != 0.0).count()
}

/// Per-parameter rates of Adagrad (η = `lr`) along the run: every step whose
/// example has $a_2 \ne 0$ in the first pass, and every 200th step.
pub fn sparse_rates(lr: f64) -> Result<Table> {
    let d = SparseData::standard();
    let tr = sparse_adagrad(lr)?;
    let mut t = Table::new(
        format!(
            "Adagrad {}: effective rate η/√(Gₜ,ᵢᵢ + ε) per weight",
            sparse_optimizer(lr).symbols()
        ),
        &["t", "a₂", "w₀ rate", "w₁ rate", "w₂ rate", "w₃ rate", "w₂"],
    );
    for row in tr.rows.iter().skip(1) {
        let a2 = d.x[[(row.t - 1) % d.len(), d.rare]];
        if row.t == 1 || (a2 != 0.0 && row.t <= 400) || row.t % 200 == 0 {
            let r = &step_record(row)?.effective_lr;
            t.push(vec![
                row.t.into(),
                a2.into(),
                r[0].into(),
                r[1].into(),
                r[2].into(),
                r[3].into(),
                row.theta[2].into(),
            ]);
        }
    }
    Ok(t.with_note("before the first a₂ ≠ 0, G₂₂ = 0 and w₂'s rate is η/√ε; afterwards it shrinks only on the rare steps"))
}

/// Per-parameter rate series `(t, η/√(Gₜ,ᵢᵢ+ε))` of Adagrad on the sparse data,
/// one per weight, from the first step at which that weight had a gradient.
pub fn sparse_rate_series(lr: f64) -> Result<Vec<Series>> {
    let tr = sparse_adagrad(lr)?;
    Ok((0..4)
        .map(|i| {
            let pts = tr
                .rows
                .iter()
                .skip(1)
                .filter_map(|row| {
                    let rec = row.record.as_ref()?;
                    (rec.sum_sq_grad[i] > 0.0).then(|| (row.t as f64, rec.effective_lr[i]))
                })
                .collect();
            (format!("w{} rate", sub(i)), pts)
        })
        .collect())
}

/// The race: for each η, the step from which each weight stays within
/// [`SPARSE_TOL`] of its target, under Adagrad and under SGD.
pub fn sparse_race() -> Result<Table> {
    let d = SparseData::standard();
    let mut t = Table::new(
        format!("online training, {SPARSE_STEPS} steps from w = 0: step from which |wᵢ − wᵢ*| ≤ {SPARSE_TOL} stays true"),
        &["method", "η", "w₂ (rare)", "updates of w₂ by then", "w₁ (dense)", "w₃ (dense)", "final loss"],
    );
    let cell = |x: Option<usize>| -> Cell {
        match x {
            Some(v) => v.into(),
            None => "not reached".into(),
        }
    };
    let mut push = |name: &str, lr: f64, thetas: Vec<Array1<f64>>, end: Cell| {
        let settle = |i: usize| settled_at(&thetas, i, d.w_star[i]);
        let w2 = if thetas.len() == SPARSE_STEPS + 1 {
            settle(2)
        } else {
            None
        };
        let (w1, w3) = if thetas.len() == SPARSE_STEPS + 1 {
            (settle(1), settle(3))
        } else {
            (None, None)
        };
        t.push(vec![
            name.into(),
            lr.into(),
            cell(w2),
            cell(w2.map(|s| rare_seen_by(&d, s))),
            cell(w1),
            cell(w3),
            end,
        ]);
    };
    for lr in SPARSE_ADAGRAD_LRS {
        let tr = sparse_adagrad(lr)?;
        let end = end_cell(&tr);
        push(
            "Adagrad",
            lr,
            tr.rows.into_iter().map(|r| r.theta).collect(),
            end,
        );
    }
    for lr in SPARSE_SGD_LRS {
        let tr = sparse_sgd(lr)?;
        let end = end_cell(&tr);
        push(
            "SGD",
            lr,
            tr.rows.into_iter().map(|r| r.theta).collect(),
            end,
        );
    }
    Ok(t.with_note(
        "updates of w₂ = steps whose example has a₂ ≠ 0 (every other step leaves w₂ where it is)",
    ))
}

fn end_cell<R: Record>(tr: &Trace<R>) -> Cell {
    match &tr.stop {
        None => tr.last().loss.into(),
        Some(Error::Diverged { step, .. }) | Some(Error::NonFinite { step, .. }) => {
            format!("diverged at step {step}").into()
        }
        Some(e) => e.to_string().into(),
    }
}

/// Per-weight effective rates of Adagrad on the sparse data (log scale).
pub fn fig_sparse_rates(lr: f64) -> Result<Figure> {
    LineChart::new(format!(
        "Adagrad η = {lr}: effective rate η/√(Gₜ,ᵢᵢ+ε) per weight"
    ))
    .x_label("step t")
    .y_label("effective rate")
    .log_y(true)
    .all_series(sparse_rate_series(lr)?)
    .render()
}

/// The rare weight $w_2$ along the run: Adagrad vs SGD, each at two η.
pub fn fig_sparse_w2() -> Result<Figure> {
    let mut c = LineChart::new("rare feature's weight w₂ (target 2)")
        .x_label("step t")
        .y_label("w₂");
    for lr in [0.5, 1.0] {
        let tr = sparse_adagrad(lr)?;
        c = c.series(
            format!("Adagrad η = {lr}"),
            tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
        );
    }
    for lr in [0.04, 0.08] {
        let tr = sparse_sgd(lr)?;
        c = c.series(
            format!("SGD η = {lr}"),
            tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
        );
    }
    c.render()
}

/// The post says an often-updated parameter is updated "η보다 작게" (by less than
/// η). The rate η/√(Gₜ,ᵢᵢ + ε) is below η only once Gₜ,ᵢᵢ + ε > 1: on the sparse
/// data, w₂'s rate before its first gradient and on its first rare step, and a
/// dense weight's on step 1, each against η.
pub fn rate_against_eta(lr: f64) -> Result<Table> {
    let d = SparseData::standard();
    let tr = sparse_adagrad(lr)?;
    let mut t = Table::new(
        format!(
            "Adagrad {} on the sparse data: is the rate below η?",
            sparse_optimizer(lr).symbols()
        ),
        &[
            "weight",
            "when",
            "t",
            "Gₜ,ᵢᵢ",
            "rate η/√(Gₜ,ᵢᵢ + ε)",
            "rate / η",
        ],
    );
    let first_rare = (1..=tr.rows.len().saturating_sub(1))
        .find(|&s| d.x[[(s - 1) % d.len(), d.rare]] != 0.0)
        .ok_or(Error::Empty {
            what: "a step whose example has a₂ ≠ 0",
        })?;
    let last = tr.rows.len() - 1;
    let mut push = |name: &str, when: &str, step: usize, i: usize| -> Result<()> {
        let rec = step_record(&tr.rows[step])?;
        t.push(vec![
            name.into(),
            when.into(),
            step.into(),
            rec.sum_sq_grad[i].into(),
            rec.effective_lr[i].into(),
            (rec.effective_lr[i] / lr).into(),
        ]);
        Ok(())
    };
    push("w₂ (rare)", "before its first gradient", 1, 2)?;
    push("w₂ (rare)", "first step with a₂ ≠ 0", first_rare, 2)?;
    push("w₂ (rare)", "end of the run", last, 2)?;
    push("w₁ (dense)", "step 1", 1, 1)?;
    push("w₁ (dense)", "end of the run", last, 1)?;
    Ok(t.with_note("rate / η > 1 wherever Gₜ,ᵢᵢ + ε < 1"))
}
