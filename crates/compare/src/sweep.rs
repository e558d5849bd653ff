//! Learning-rate robustness: each method's loss after the problem's fixed number
//! of steps, for every η of a log grid ([`LRS`]), on one of the analytic
//! problems, all in [`Convention::Paper`](optcore::Convention::Paper).
//!
//! The same η is handed to every method that has one (the grid replaces both
//! `lr_fixed` and `lr_adaptive` of [`Setup`]); every other
//! hyperparameter is the one of [`each_method`]. Adadelta has no η in Zeiler's
//! form, so it is run once and its row repeats that one result.
//!
//! A run is stopped, and marked as diverged, once its loss exceeds the problem's
//! `diverge_above` (or a value stops being finite): the cell shows `✗` and the
//! step where it stopped, taken from [`Trace::stop`](optcore::Trace).

use crate::{each_method, family, Problem, Setup, Visit};
use optcore::error::{Error, Result};
use optcore::render::fmt_short;
use optcore::{run_with, Exact, Optimizer, RunOptions, Table};

/// The grid of η: 1e-4 to 1 in half-decades, rounded to 1 and 3 per decade.
pub const LRS: [f64; 9] = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 1e-1, 3e-1, 1.0];

/// How one run ended.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The loss after every step was taken.
    Loss(f64),
    /// The run was stopped (diverged, or a non-finite value).
    Stopped(Error),
}

impl Outcome {
    /// The final loss, if the run finished.
    pub fn loss(&self) -> Option<f64> {
        match self {
            Outcome::Loss(l) => Some(*l),
            Outcome::Stopped(_) => None,
        }
    }

    fn cell(&self) -> optcore::render::Cell {
        match self {
            Outcome::Loss(l) => (*l).into(),
            Outcome::Stopped(Error::Diverged { step, .. }) => format!("✗ t = {step}").into(),
            Outcome::Stopped(Error::NonFinite { step, .. }) => {
                format!("✗ t = {step} (non-finite)").into()
            }
            Outcome::Stopped(e) => format!("✗ {e}").into(),
        }
    }
}

/// One method over the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub method: &'static str,
    /// Whether the method has an η at all (Adadelta in the paper's form does not).
    pub has_lr: bool,
    /// Every hyperparameter but η (all of them for Adadelta), from
    /// `Optimizer::hyperparameters`.
    pub others: String,
    /// One outcome per η of [`LRS`].
    pub outcomes: Vec<Outcome>,
}

/// The sweep of one problem.
#[derive(Debug, Clone, PartialEq)]
pub struct Sweep {
    pub problem: Problem,
    pub steps: usize,
    pub diverge_above: f64,
    pub rows: Vec<Row>,
}

struct Collect<'a> {
    setup: &'a Setup,
    lr: f64,
    out: Vec<(&'static str, bool, String, Outcome)>,
}

impl Visit for Collect<'_> {
    fn visit<O: Optimizer>(&mut self, method: &'static str, opt: &O) -> Result<()> {
        let hp = opt.hyperparameters();
        // An optimizer "has" η if its `lr` is the one handed in; Adadelta's paper
        // lr is the fixed 1 of Zeiler's algorithm.
        let has_lr = method != "Adadelta";
        let others: Vec<String> = hp
            .iter()
            .filter(|(k, _)| !has_lr || *k != "lr")
            .map(|(k, v)| format!("{k} = {}", fmt_short(*v)))
            .collect();
        let mut oracle = Exact::new(self.setup.objective.as_ref());
        let options = RunOptions {
            steps: self.setup.steps,
            diverge_above: Some(self.setup.diverge_above),
        };
        let tr = run_with(opt, &mut oracle, self.setup.start.view(), options)?;
        let outcome = match tr.stop {
            Some(e) => Outcome::Stopped(e),
            None => Outcome::Loss(tr.last().loss),
        };
        self.out.push((method, has_lr, others.join(", "), outcome));
        Ok(())
    }
}

/// Every method at every η of [`LRS`] on `problem` (Adadelta once).
pub fn sweep(problem: Problem) -> Result<Sweep> {
    let s = problem.setup();
    let mut rows: Vec<Row> = Vec::new();
    for (k, &lr) in LRS.iter().enumerate() {
        let mut c = Collect {
            setup: &s,
            lr,
            out: Vec::new(),
        };
        each_method(c.lr, c.lr, &mut c)?;
        for (i, (method, has_lr, others, outcome)) in c.out.into_iter().enumerate() {
            if k == 0 {
                rows.push(Row {
                    method,
                    has_lr,
                    others,
                    outcomes: Vec::new(),
                });
            }
            let row = &mut rows[i];
            if row.has_lr || k == 0 {
                row.outcomes.push(outcome);
            } else {
                let first = row.outcomes[0].clone();
                row.outcomes.push(first);
            }
        }
    }
    Ok(Sweep {
        problem,
        steps: s.steps,
        diverge_above: s.diverge_above,
        rows,
    })
}

impl Sweep {
    /// Rows: methods; columns: η; cells: the loss after every step, or `✗ t = k`.
    pub fn table(&self) -> Table {
        let s = self.problem.setup();
        let mut header = vec![
            "method".to_string(),
            "family".into(),
            "other hyperparameters".into(),
        ];
        header.extend(LRS.iter().map(|lr| format!("η = {}", fmt_short(*lr))));
        let mut t = Table::with_header(
            format!(
                "{} from ({}, {}): loss after {} steps for each η (paper convention)",
                s.objective.name(),
                s.start[0],
                s.start[1],
                self.steps
            ),
            header,
        );
        for r in &self.rows {
            let name = if r.has_lr {
                r.method.to_string()
            } else {
                format!("{} (no η)", r.method)
            };
            let mut row = vec![
                name.into(),
                family(r.method).label().into(),
                r.others.clone().into(),
            ];
            row.extend(r.outcomes.iter().map(Outcome::cell));
            t.push(row);
        }
        t.with_note(format!(
            "✗ t = k: stopped at step k, the loss exceeded {} (diverged). Adadelta has no η in Zeiler's form \
             (its lr is the algorithm's fixed 1): one run, repeated in every column.",
            fmt_short(self.diverge_above)
        ))
    }

    /// Final loss against log₁₀ η, one line per method (log scale); diverged runs
    /// are left out, Adadelta is a flat line.
    pub fn chart(&self) -> Result<plots::Figure> {
        let s = self.problem.setup();
        let mut c = plots::LineChart::new(format!(
            "{}: loss after {} steps against η (✗ runs left out)",
            s.objective.name(),
            self.steps
        ))
        .x_label("log₁₀ η")
        .y_label("loss")
        .log_y(true)
        .markers(true)
        .size(760, 480);
        for r in &self.rows {
            let pts: Vec<(f64, f64)> = LRS
                .iter()
                .zip(&r.outcomes)
                .filter_map(|(lr, o)| o.loss().map(|l| (libm::log10(*lr), l)))
                .collect();
            let label = if r.has_lr {
                r.method.to_string()
            } else {
                format!("{} (no η)", r.method)
            };
            c = c.series(label, pts);
        }
        c.render()
    }
}

/// [`sweep`]`(problem)`'s table.
pub fn table(problem: Problem) -> Result<Table> {
    Ok(sweep(problem)?.table())
}

/// [`sweep`]`(problem)`'s chart.
pub fn chart(problem: Problem) -> Result<plots::Figure> {
    sweep(problem)?.chart()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runs;

    /// Where the grid holds a problem's own η (both families at 0.1 on the
    /// quadratic), the sweep's column is the side-by-side run's final loss.
    #[test]
    fn the_grid_agrees_with_the_side_by_side_runs() {
        let p = Problem::Quadratic;
        let s = p.setup();
        assert_eq!(s.lr_fixed, s.lr_adaptive);
        let k = LRS.iter().position(|&lr| lr == s.lr_fixed).unwrap();
        let sw = sweep(p).unwrap();
        for (row, run) in sw.rows.iter().zip(runs(p).unwrap()) {
            assert_eq!(row.method, run.method);
            assert_eq!(row.outcomes[k], Outcome::Loss(*run.losses.last().unwrap()));
        }
    }

    #[test]
    fn a_diverged_run_is_marked_with_its_step() {
        let sw = sweep(Problem::Rosenbrock).unwrap();
        let gd = &sw.rows[0];
        match gd.outcomes.last().unwrap() {
            Outcome::Stopped(Error::Diverged { step, .. }) => assert!(*step >= 1),
            o => panic!("GD at η = 1 on Rosenbrock should diverge, got {o:?}"),
        }
    }
}
