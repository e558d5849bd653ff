//! The post's example: a feature that is almost always 0. Adagrad gives the
//! rare feature's weight a larger rate; does it get there sooner than SGD?

use crate::sparse::{OnlineOracle, SparseData, STANDARD_SEED};
use crate::{Adagrad, AdagradRecord};
use gd::{Sgd, SgdRecord};
use ndarray::Array1;
use optcore::error::{check_positive, check_steps};
use optcore::measure::step_record;
use optcore::render::Cell;
use optcore::trace::sub;
use optcore::MAX_LESSON_STEPS;
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

/// Adagrad (paper form) online on the sparse data from w = 0, `steps` steps.
fn sparse_adagrad(d: &SparseData, opt: &Adagrad, steps: usize) -> Result<Trace<AdagradRecord>> {
    run_with(
        opt,
        &mut OnlineOracle::new(d),
        Array1::zeros(4).view(),
        RunOptions::steps(steps),
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

/// Plain SGD on the same data and schedule (stopped once the loss passes 1e6).
fn sparse_sgd(d: &SparseData, lr: f64, steps: usize) -> Result<Trace<SgdRecord>> {
    let opts = RunOptions {
        steps,
        diverge_above: Some(1e6),
    };
    let sgd = Sgd {
        lr,
        ..Sgd::defaults(Convention::Paper)
    }
    .validated()?;
    run_with(
        &sgd,
        &mut OnlineOracle::new(d),
        Array1::zeros(4).view(),
        opts,
    )
}

/// The first t from which $|w_i - w^\star_i| \le$ `tol` holds to the end of the
/// run (`thetas[t]` = $w_t$).
pub fn settled_at(thetas: &[Array1<f64>], i: usize, target: f64, tol: f64) -> Option<usize> {
    let mut at = None;
    for (t, th) in thetas.iter().enumerate() {
        if (th[i] - target).abs() <= tol {
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

/// Adagrad's per-parameter rates on the sparse data: one run, its rates in a
/// table, against η, and on a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseRates {
    /// The global learning rate η: a finite number > 0.
    pub lr: f64,
    /// ε, inside the root: a finite number ≥ 0 (0 stops the run at the rare
    /// weight's first step, whose G is still 0).
    pub eps: f64,
    /// Steps (one example each, in order, over and over): from 1 to
    /// [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// The seed of the generated data (ChaCha8).
    pub seed: u64,
}

impl SparseRates {
    /// The notebook's values: η = 0.5, ε = 1e-8, 2000 steps (five passes), seed 7.
    pub fn lesson() -> SparseRates {
        SparseRates {
            lr: 0.5,
            eps: 1e-8,
            steps: SPARSE_STEPS,
            seed: STANDARD_SEED,
        }
    }

    /// The data, the optimizer and its run, every knob checked first.
    fn run(&self) -> Result<(SparseData, Adagrad, Trace<AdagradRecord>)> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        let opt = Adagrad {
            eps: self.eps,
            ..sparse_optimizer(self.lr)
        }
        .validated()?;
        let d = SparseData::with_seed(self.seed);
        let tr = sparse_adagrad(&d, &opt, self.steps)?;
        tr.completed()?;
        Ok((d, opt, tr))
    }

    /// Per-parameter rates along the run: every step whose example has
    /// $a_2 \ne 0$ in the first 400 steps, and every 200th step.
    pub fn table(&self) -> Result<Table> {
        const RARE_ROWS: usize = 6;
        const EVERY: usize = 400;
        let (d, opt, tr) = self.run()?;
        let mut t = Table::new(
            format!(
                "Adagrad {}: effective rate η/√(Gₜ,ᵢᵢ + ε) per weight",
                opt.symbols()
            ),
            &["t", "a₂", "w₀ rate", "w₁ rate", "w₂ rate", "w₃ rate", "w₂"],
        );
        // Step 1, w₂'s first RARE_ROWS rare steps (where its rate falls), every
        // EVERY-th step and the last: about a dozen rows.
        let (mut rare_shown, last) = (0, tr.rows.len() - 1);
        for row in tr.rows.iter().skip(1) {
            let a2 = d.x[[(row.t - 1) % d.len(), d.rare]];
            let rare = a2 != 0.0 && rare_shown < RARE_ROWS;
            rare_shown += usize::from(rare);
            if row.t == 1 || rare || row.t % EVERY == 0 || row.t == last {
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

    /// The post says an often-updated parameter is updated "η보다 작게" (by less
    /// than η). The rate η/√(Gₜ,ᵢᵢ + ε) is below η only once Gₜ,ᵢᵢ + ε > 1: w₂'s
    /// rate before its first gradient and on its first rare step, and a dense
    /// weight's on step 1, each against η.
    pub fn against_eta(&self) -> Result<Table> {
        let (d, opt, tr) = self.run()?;
        let lr = self.lr;
        let mut t = Table::new(
            format!(
                "Adagrad {} on the sparse data: is the rate below η?",
                opt.symbols()
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

    /// Per-weight effective rates along the run (log scale), each from the first
    /// step at which that weight had a gradient.
    pub fn chart(&self) -> Result<Figure> {
        let (_, _, tr) = self.run()?;
        let series: Vec<Series> = (0..4)
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
            .collect();
        LineChart::new(format!(
            "Adagrad η = {}: effective rate η/√(Gₜ,ᵢᵢ+ε) per weight",
            self.lr
        ))
        .x_label("step t")
        .y_label("effective rate")
        .log_y(true)
        .all_series(series)
        .render()
    }
}

/// The race: for each η, the step from which each weight stays within `tol` of
/// its target, under Adagrad and under SGD.
#[derive(Clone, Debug, PartialEq)]
pub struct SparseRace {
    /// Adagrad's η of each run (ε = 1e-8): finite numbers > 0.
    pub adagrad_lrs: Vec<f64>,
    /// SGD's η of each run: finite numbers > 0. (At least one run in all.)
    pub sgd_lrs: Vec<f64>,
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// "Reached": $|w_i - w^\star_i| \le$ this from then on: a finite number > 0.
    pub tol: f64,
    /// The seed of the generated data (ChaCha8).
    pub seed: u64,
}

impl SparseRace {
    /// The notebook's values: [`SPARSE_ADAGRAD_LRS`], [`SPARSE_SGD_LRS`],
    /// [`SPARSE_STEPS`], [`SPARSE_TOL`], seed 7.
    pub fn lesson() -> SparseRace {
        SparseRace {
            adagrad_lrs: SPARSE_ADAGRAD_LRS.to_vec(),
            sgd_lrs: SPARSE_SGD_LRS.to_vec(),
            steps: SPARSE_STEPS,
            tol: SPARSE_TOL,
            seed: STANDARD_SEED,
        }
    }

    /// One row per run: when each weight settled, and the final loss.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_positive("tol", self.tol)?;
        if self.adagrad_lrs.is_empty() && self.sgd_lrs.is_empty() {
            return Err(Error::Empty {
                what: "the lists of runs (adagrad_lrs and sgd_lrs)",
            });
        }
        let (steps, tol) = (self.steps, self.tol);
        let d = SparseData::with_seed(self.seed);
        let mut t = Table::new(
            format!("online training, {steps} steps from w = 0: step from which |wᵢ − wᵢ*| ≤ {tol} stays true"),
            &["method", "η", "w₂ (rare)", "updates of w₂ by then", "w₁ (dense)", "w₃ (dense)", "final loss"],
        );
        let cell = |x: Option<usize>| -> Cell {
            match x {
                Some(v) => v.into(),
                None => "not reached".into(),
            }
        };
        let mut push = |name: &str, lr: f64, thetas: Vec<Array1<f64>>, end: Cell| {
            let settle = |i: usize| settled_at(&thetas, i, d.w_star[i], tol);
            let done = thetas.len() == steps + 1;
            let w2 = if done { settle(2) } else { None };
            let (w1, w3) = if done {
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
        for &lr in &self.adagrad_lrs {
            let tr = sparse_adagrad(&d, &sparse_optimizer(lr).validated()?, steps)?;
            let end = end_cell(&tr);
            push(
                "Adagrad",
                lr,
                tr.rows.into_iter().map(|r| r.theta).collect(),
                end,
            );
        }
        for &lr in &self.sgd_lrs {
            let tr = sparse_sgd(&d, lr, steps)?;
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
}

/// The rare weight $w_2$ along the run: Adagrad against SGD, each at a few η.
#[derive(Clone, Debug, PartialEq)]
pub struct RareWeight {
    /// Adagrad's η of each line (ε = 1e-8): finite numbers > 0.
    pub adagrad_lrs: Vec<f64>,
    /// SGD's η of each line: finite numbers > 0. (At least one line in all.)
    pub sgd_lrs: Vec<f64>,
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
    /// The seed of the generated data (ChaCha8).
    pub seed: u64,
}

impl RareWeight {
    /// The notebook's values: Adagrad at η = 0.5 and 1, SGD at 0.04 and 0.08,
    /// [`SPARSE_STEPS`] steps, seed 7.
    pub fn lesson() -> RareWeight {
        RareWeight {
            adagrad_lrs: vec![0.5, 1.0],
            sgd_lrs: vec![0.04, 0.08],
            steps: SPARSE_STEPS,
            seed: STANDARD_SEED,
        }
    }

    /// $w_2$ against t, one line per run.
    pub fn chart(&self) -> Result<Figure> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        if self.adagrad_lrs.is_empty() && self.sgd_lrs.is_empty() {
            return Err(Error::Empty {
                what: "the lists of runs (adagrad_lrs and sgd_lrs)",
            });
        }
        let d = SparseData::with_seed(self.seed);
        let target = d.w_star[d.rare];
        let mut c = LineChart::new(format!("rare feature's weight w₂ (target {target})"))
            .x_label("step t")
            .y_label("w₂");
        for &lr in &self.adagrad_lrs {
            let tr = sparse_adagrad(&d, &sparse_optimizer(lr).validated()?, self.steps)?;
            c = c.series(
                format!("Adagrad η = {lr}"),
                tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
            );
        }
        for &lr in &self.sgd_lrs {
            let tr = sparse_sgd(&d, lr, self.steps)?;
            c = c.series(
                format!("SGD η = {lr}"),
                tr.rows.iter().map(|r| (r.t as f64, r.theta[2])).collect(),
            );
        }
        c.render()
    }
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
