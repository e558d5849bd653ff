//! Traces: the loop that drives an [`Optimizer`] (kept out of every method, as in
//! argmin's executor) and the record of every step it took.
//!
//! Row $t$ holds $\theta_t$ and the loss at $\theta_t$ ($t = 0$ is the start), plus
//! the record of step $t$ (the $g_t$, $v_t$, … computed while moving from
//! $\theta_{t-1}$ to $\theta_t$) and the per-example gradient evaluations so far.
//! A fault mid-run (a non-finite gradient, a diverging loss) ends the run there and
//! is kept in [`Trace::stop`]; every row before it stays.

use crate::error::{check_dim, Error, Result};
use crate::objective::Objective;
use crate::optimizer::{Exact, Optimizer, Oracle, Record};
use crate::render::{fmt_exact, Cell, Table};
use ndarray::{Array1, ArrayView1};
use std::fmt;

/// One row of a trace.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<R> {
    pub t: usize,
    /// The full objective at `theta`.
    pub loss: f64,
    pub theta: Array1<f64>,
    /// Per-example gradient evaluations spent up to this row.
    pub gradient_evaluations: u64,
    /// What step `t` computed (`None` for the start, t = 0).
    pub record: Option<R>,
}

/// Every step of one run.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace<R> {
    pub optimizer: String,
    pub problem: String,
    pub rows: Vec<Row<R>>,
    /// Why the run ended before its last step, if it did.
    pub stop: Option<Error>,
}

/// How long to run and when to call a run diverged.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunOptions {
    pub steps: usize,
    /// Stop with [`Error::Diverged`] once the loss exceeds this.
    pub diverge_above: Option<f64>,
}

impl RunOptions {
    pub fn steps(steps: usize) -> Self {
        RunOptions {
            steps,
            diverge_above: None,
        }
    }
}

/// The most steps a stored [`Trace`] may hold: every row is kept in memory
/// (10⁷ rows of a two-parameter problem are about a gigabyte). Longer runs go
/// through [`steps`], which keeps one row at a time.
pub const MAX_TRACE_STEPS: usize = 10_000_000;

/// The most steps a lesson experiment of a section crate takes: every row is
/// kept for a table or a figure, and a notebook cell should answer in seconds.
/// A lesson whose cap differs on purpose keeps its own constant and passes it to
/// [`crate::error::check_steps`].
pub const MAX_LESSON_STEPS: usize = 100_000;

/// The most steps any run may take (a run of 10⁹ steps of a two-parameter problem
/// takes minutes; more is a mistake, such as `usize::MAX`, not a plan).
pub const MAX_STEPS: usize = 1_000_000_000;

/// Runs `opt` for `steps` steps on an analytic objective, from `start`.
pub fn run<O: Optimizer + ?Sized, J: Objective>(
    opt: &O,
    objective: J,
    start: ArrayView1<f64>,
    steps: usize,
) -> Result<Trace<O::Record>> {
    run_with(
        opt,
        &mut Exact::new(objective),
        start,
        RunOptions::steps(steps),
    )
}

/// [`run`] for a run that must finish: a fault that stops it early (kept in
/// [`Trace::stop`] by [`run`]) is returned as the error instead. For the runs an
/// example or exercise is built on, whose steps are all meant to be taken.
pub fn run_to_completion<O: Optimizer + ?Sized, J: Objective>(
    opt: &O,
    objective: J,
    start: ArrayView1<f64>,
    steps: usize,
) -> Result<Trace<O::Record>> {
    let trace = run(opt, objective, start, steps)?;
    trace.completed()?;
    Ok(trace)
}

/// Runs `opt` against any gradient oracle (exact or mini-batch) and keeps every row.
///
/// Errors before the first step (invalid hyperparameters, more than
/// [`MAX_TRACE_STEPS`] steps, a start of the wrong length, not finite, or where the
/// loss is not finite) are returned as `Err`, so a returned trace always holds at
/// least its start row; a fault during the run is kept in the returned trace's
/// `stop`, after every row computed before it.
pub fn run_with<O: Optimizer + ?Sized>(
    opt: &O,
    oracle: &mut dyn Oracle,
    start: ArrayView1<f64>,
    options: RunOptions,
) -> Result<Trace<O::Record>> {
    if options.steps > MAX_TRACE_STEPS {
        return Err(Error::Steps {
            steps: options.steps,
            max: MAX_TRACE_STEPS,
        });
    }
    let mut it = steps(opt, oracle, start, options)?;
    let mut rows = Vec::with_capacity(options.steps.min(4096) + 1);
    rows.extend(it.by_ref());
    Ok(Trace {
        optimizer: it.optimizer,
        problem: it.problem,
        rows,
        stop: it.stop,
    })
}

/// Starts a run whose rows arrive one at a time, as an iterator: row 0 (the start),
/// then one row per step. Memory stays flat however long the run (this is what
/// `optrace` prints from); [`run_with`] collects the same rows into a [`Trace`].
///
/// The same refusals as [`run_with`] (but up to [`MAX_STEPS`] steps) come back as
/// `Err`. A fault during the run ends the iteration; [`Steps::stop`] then says why.
/// A step's fault is any of: the optimizer's own error (a non-finite gradient, a
/// dimension mismatch), a non-finite θ or loss, a non-finite value in any field of
/// the step's record (G overflowing, 1/√0 with ε = 0, …), or a loss above
/// [`RunOptions::diverge_above`].
pub fn steps<'a, O: Optimizer + ?Sized>(
    opt: &'a O,
    oracle: &'a mut dyn Oracle,
    start: ArrayView1<f64>,
    options: RunOptions,
) -> Result<Steps<'a, O>> {
    opt.validate()?;
    if options.steps > MAX_STEPS {
        return Err(Error::Steps {
            steps: options.steps,
            max: MAX_STEPS,
        });
    }
    check_dim("start point", oracle.dim(), start.len())?;
    if !start.iter().all(|x| x.is_finite()) {
        return Err(Error::NonFinite {
            step: 0,
            what: "start point",
        });
    }
    let theta = start.to_owned();
    let state = opt.init(theta.view());
    let loss0 = oracle.loss(theta.view());
    if !loss0.is_finite() {
        return Err(Error::NonFinite {
            step: 0,
            what: "loss",
        });
    }
    // The record of the state before any step names the columns every later
    // record fills (the values are the initial zeros, never shown).
    let columns = header(theta.len(), Some(&opt.record(&state)), false);
    Ok(Steps {
        optimizer: opt.describe(),
        problem: oracle.problem_name(),
        columns,
        opt,
        oracle,
        theta,
        state,
        loss0: Some(loss0),
        t: 0,
        options,
        stop: None,
        done: false,
    })
}

/// A run in progress: an iterator over its rows (see [`steps`]).
pub struct Steps<'a, O: Optimizer + ?Sized> {
    /// [`Optimizer::describe`] of the optimizer.
    pub optimizer: String,
    /// The oracle's problem name.
    pub problem: String,
    columns: Vec<String>,
    opt: &'a O,
    oracle: &'a mut dyn Oracle,
    theta: Array1<f64>,
    state: O::State,
    loss0: Option<f64>,
    t: usize,
    options: RunOptions,
    stop: Option<Error>,
    done: bool,
}

impl<O: Optimizer + ?Sized> Steps<'_, O> {
    /// Why the run ended before its last step (`None` while running or if it finished).
    pub fn stop(&self) -> Option<&Error> {
        self.stop.as_ref()
    }
    /// The column names of every row, as [`Trace::columns`] gives them.
    pub fn columns(&self) -> &[String] {
        &self.columns
    }

    /// A non-finite value from an optimizer with ε = 0 is, in every method of
    /// this workspace, a division by $\sqrt{0}$: say so, naming ε.
    fn explain(&self, e: Error) -> Error {
        match e {
            Error::NonFinite { step, what }
                if what != "gradient"
                    && self
                        .opt
                        .hyperparameters()
                        .iter()
                        .any(|&(k, v)| k == "eps" && v == 0.0) =>
            {
                Error::ZeroEps { step, what }
            }
            e => e,
        }
    }

    fn advance(&mut self) -> Result<Row<O::Record>> {
        let t = self.t + 1;
        self.oracle.begin_step(t);
        self.opt
            .step(&mut self.state, self.theta.view_mut(), self.oracle)?;
        if !self.theta.iter().all(|x| x.is_finite()) {
            return Err(Error::NonFinite {
                step: t,
                what: "parameter",
            });
        }
        let loss = self.oracle.loss(self.theta.view());
        if !loss.is_finite() {
            return Err(Error::NonFinite {
                step: t,
                what: "loss",
            });
        }
        let record = self.opt.record(&self.state);
        for f in record.fields() {
            if !f.values.iter().all(|v| v.is_finite()) {
                return Err(Error::NonFinite {
                    step: t,
                    what: f.name,
                });
            }
        }
        if let Some(limit) = self.options.diverge_above {
            if loss > limit {
                return Err(Error::Diverged {
                    step: t,
                    loss,
                    limit,
                });
            }
        }
        self.t = t;
        Ok(Row {
            t,
            loss,
            theta: self.theta.clone(),
            gradient_evaluations: self.oracle.gradient_evaluations(),
            record: Some(record),
        })
    }
}

impl<O: Optimizer + ?Sized> Iterator for Steps<'_, O> {
    type Item = Row<O::Record>;

    fn next(&mut self) -> Option<Row<O::Record>> {
        if let Some(loss) = self.loss0.take() {
            return Some(Row {
                t: 0,
                loss,
                theta: self.theta.clone(),
                gradient_evaluations: self.oracle.gradient_evaluations(),
                record: None,
            });
        }
        if self.done || self.t >= self.options.steps {
            self.done = true;
            return None;
        }
        match self.advance() {
            Ok(row) => Some(row),
            Err(e) => {
                self.stop = Some(self.explain(e));
                self.done = true;
                None
            }
        }
    }
}

/// Column names: `t, loss, theta_0, …` then every record field, indexed per
/// coordinate (`g_0, g_1, v_0, …`) or bare for scalars; with `symbols`, as the
/// post writes them, coordinates in brackets (`θ[0]`, `g[0]`): a subscript means time
/// (θₜ) in the post's equations, so a coordinate is never written as one.
fn header<R: Record>(dim: usize, record: Option<&R>, symbols: bool) -> Vec<String> {
    let mut h = vec!["t".to_string(), "loss".to_string()];
    for i in 0..dim {
        h.push(if symbols {
            format!("θ[{i}]")
        } else {
            format!("theta_{i}")
        });
    }
    if let Some(rec) = record {
        for f in rec.fields() {
            let base = if symbols { f.symbol } else { f.name };
            if f.values.len() == 1 {
                h.push(base.to_string());
            } else {
                for i in 0..f.values.len() {
                    h.push(if symbols {
                        format!("{base}[{i}]")
                    } else {
                        format!("{base}_{i}")
                    });
                }
            }
        }
    }
    h
}

impl<R: Record> Trace<R> {
    /// The last row (the start if no step was taken).
    pub fn last(&self) -> &Row<R> {
        // `run_with` never returns a trace without its start row.
        self.rows.last().expect("a trace always has its start row")
    }

    /// `Ok(self)` if the run finished, else the fault that stopped it.
    pub fn completed(&self) -> Result<&Self> {
        match &self.stop {
            None => Ok(self),
            Some(e) => Err(e.clone()),
        }
    }

    /// The losses, row by row.
    pub fn losses(&self) -> Vec<f64> {
        self.rows.iter().map(|r| r.loss).collect()
    }

    /// The path θ₀, θ₁, … as (θ₀, θ₁) pairs, for 2-D plots (a missing coordinate
    /// of a 0- or 1-parameter run is drawn at 0).
    pub fn path2(&self) -> Vec<(f64, f64)> {
        self.rows
            .iter()
            .map(|r| {
                (
                    r.theta.first().copied().unwrap_or(0.0),
                    r.theta.get(1).copied().unwrap_or(0.0),
                )
            })
            .collect()
    }

    /// The first t whose loss is at or below `target`.
    pub fn first_below(&self, target: f64) -> Option<&Row<R>> {
        self.rows.iter().find(|r| r.loss <= target)
    }

    /// Column names: `t, loss, theta_0, …` then every record field, indexed per
    /// coordinate (`g_0, g_1, v_0, …`) or bare for scalars.
    pub fn columns(&self) -> Vec<String> {
        self.header(false)
    }

    fn header(&self, symbols: bool) -> Vec<String> {
        let dim = self.rows.first().map_or(0, |r| r.theta.len());
        header(
            dim,
            self.rows.iter().find_map(|r| r.record.as_ref()),
            symbols,
        )
    }

    fn record_width(&self) -> usize {
        self.rows
            .iter()
            .find_map(|r| r.record.as_ref())
            .map(|rec| rec.fields().iter().map(|f| f.values.len()).sum())
            .unwrap_or(0)
    }

    fn row_numbers(&self, row: &Row<R>) -> Vec<f64> {
        let mut v = vec![row.loss];
        v.extend(row.theta.iter().copied());
        match &row.record {
            Some(rec) => {
                for f in rec.fields() {
                    v.extend(f.values);
                }
            }
            None => v.extend(std::iter::repeat_n(f64::NAN, self.record_width())),
        }
        v
    }

    /// CSV with the header of [`Trace::columns`], numbers in shortest round-trip
    /// form; the record cells of row 0 (no step yet) are empty.
    pub fn to_csv(&self) -> String {
        let mut s = self.columns().join(",");
        s.push('\n');
        for row in &self.rows {
            let mut cells = vec![row.t.to_string()];
            cells.extend(self.row_numbers(row).into_iter().map(|x| {
                if x.is_nan() {
                    String::new()
                } else {
                    fmt_exact(x)
                }
            }));
            s.push_str(&cells.join(","));
            s.push('\n');
        }
        s
    }

    /// JSON: `{"optimizer", "problem", "columns", "rows": [[…], …], "stop"}`; the
    /// record cells of row 0 are `null`.
    pub fn to_json(&self) -> String {
        // Every piece (strings, numbers) is written by serde_json: names and the
        // stop message are escaped, each f64 is its shortest round-trip decimal.
        let text = |s: &str| serde_json::to_string(s).expect("a string serializes");
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|row| {
                let mut cells = vec![serde_json::Value::from(row.t)];
                // NaN marks "no record yet" (row 0): null, as every non-finite value.
                cells.extend(
                    self.row_numbers(row)
                        .into_iter()
                        .map(serde_json::Value::from),
                );
                serde_json::to_string(&cells).expect("numbers serialize")
            })
            .collect();
        let stop = match &self.stop {
            Some(e) => text(&e.to_string()),
            None => "null".into(),
        };
        format!(
            "{{\"optimizer\":{},\"problem\":{},\"columns\":{},\"rows\":[{}],\"stop\":{}}}",
            text(&self.optimizer),
            text(&self.problem),
            serde_json::to_string(&self.columns()).expect("strings serialize"),
            rows.join(","),
            stop
        )
    }

    /// The trace as a [`Table`] (symbols as the post writes them).
    pub fn table(&self) -> Table {
        let mut t = Table::with_header(
            format!("{} on {}", self.optimizer, self.problem),
            self.header(true),
        );
        for row in &self.rows {
            let mut cells: Vec<Cell> = vec![row.t.into()];
            cells.extend(self.row_numbers(row).into_iter().map(|x| {
                if x.is_nan() {
                    Cell::Text(String::new())
                } else {
                    Cell::Num(x)
                }
            }));
            t.push(cells);
        }
        if let Some(e) = &self.stop {
            t.note = Some(format!("stopped: {e}"));
        }
        t
    }

    /// Shows the trace as an HTML table in a notebook.
    pub fn evcxr_display(&self) {
        self.table().evcxr_display()
    }
}

/// Stable text (what snapshots pin): the table form.
impl<R: Record> fmt::Display for Trace<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.table())
    }
}

/// Unicode subscript digits for θ₀, θ₁, ….
pub fn sub(i: usize) -> String {
    const D: [char; 10] = ['₀', '₁', '₂', '₃', '₄', '₅', '₆', '₇', '₈', '₉'];
    i.to_string()
        .chars()
        .map(|c| D[c.to_digit(10).unwrap() as usize])
        .collect()
}
