//! Learning-rate robustness: each method's loss after the problem's fixed number
//! of steps, for every η of a grid ([`Sweep::rates`]; the lesson's is the log
//! grid [`LRS`]), on one of the analytic problems, all in
//! [`Convention::Paper`](optcore::Convention::Paper).
//!
//! The same η is handed to every method that has one (the grid replaces both
//! `lr_fixed` and `lr_adaptive` of [`Setup`]); every other
//! hyperparameter is the one of [`each_method`]. Adadelta has no η in Zeiler's
//! form, so it is run once and its row repeats that one result.
//!
//! A run is stopped, and marked as diverged, once its loss exceeds the problem's
//! `diverge_above` (or a value stops being finite): the cell shows `✗` and the
//! step where it stopped, taken from [`Trace::stop`](optcore::Trace).

use crate::{each_method, family, Problem, Race, Setup, Visit};
use optcore::error::{check_finite_point, check_lesson_steps, check_positive, Error, Result};
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
    /// One outcome per η of [`Sweep::rates`].
    pub outcomes: Vec<Outcome>,
}

/// The sweep's knobs: the problem, its start and steps, and the grid of η.
#[derive(Clone, Debug, PartialEq)]
pub struct Sweep {
    /// The function minimised: [`Problem::Quadratic`], [`Problem::Rosenbrock`]
    /// or [`Problem::Beale`].
    pub problem: Problem,
    /// $\theta_0 = (x, y)$, where every run starts: two finite numbers.
    pub start: [f64; 2],
    /// Steps of every run: a whole number from 1 to [`crate::MAX_STEPS`].
    pub steps: usize,
    /// The η handed to every method that has one, one column each: from 1 to
    /// [`MAX_RATES`] finite numbers > 0 (the chart puts them at log₁₀ η).
    pub rates: Vec<f64>,
}

/// The most values of η one sweep runs (each one runs all eight methods).
pub const MAX_RATES: usize = 20;

/// The outcome of a [`Sweep`]: every method at every η.
#[derive(Debug, Clone, PartialEq)]
pub struct SweepRuns {
    pub problem: Problem,
    /// The problem's name and start, as the titles print them.
    pub title: String,
    pub steps: usize,
    pub diverge_above: f64,
    /// The η of the columns.
    pub rates: Vec<f64>,
    pub rows: Vec<Row>,
}

struct Collect<'a> {
    setup: &'a Setup,
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

impl Sweep {
    /// Notebook 10's sweep of `problem`: its own start and steps
    /// ([`Problem::setup`]), η over [`LRS`].
    pub fn lesson(problem: Problem) -> Sweep {
        let race = Race::on(problem);
        Sweep {
            problem,
            start: race.start,
            steps: race.steps,
            rates: LRS.to_vec(),
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_finite_point("start", &self.start)?;
        check_lesson_steps("steps", self.steps)?;
        if self.rates.is_empty() {
            return Err(Error::Empty {
                what: "rates (the grid of η)",
            });
        }
        if self.rates.len() > MAX_RATES {
            return Err(Error::Hyperparameter {
                name: "rates",
                value: self.rates.len() as f64,
                accepts: "a list of at most 20 values of η",
            });
        }
        for &lr in &self.rates {
            check_positive("rates", lr)?;
        }
        Ok(())
    }

    /// Every method at every η of `rates` (Adadelta once).
    pub fn runs(&self) -> Result<SweepRuns> {
        self.validate()?;
        let race = Race {
            problem: self.problem,
            start: self.start,
            steps: self.steps,
            ..Race::on(self.problem)
        };
        let s = race.setup()?;
        let mut rows: Vec<Row> = Vec::new();
        for (k, &lr) in self.rates.iter().enumerate() {
            let mut c = Collect {
                setup: &s,
                out: Vec::new(),
            };
            each_method(lr, lr, &mut c)?;
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
        Ok(SweepRuns {
            problem: self.problem,
            title: format!(
                "{} from ({}, {})",
                s.objective.name(),
                s.start[0],
                s.start[1]
            ),
            steps: s.steps,
            diverge_above: s.diverge_above,
            rates: self.rates.clone(),
            rows,
        })
    }

    /// [`SweepRuns::table`] of this sweep.
    pub fn table(&self) -> Result<Table> {
        Ok(self.runs()?.table())
    }

    /// [`SweepRuns::chart`] of this sweep.
    pub fn chart(&self) -> Result<plots::Figure> {
        self.runs()?.chart()
    }
}

impl SweepRuns {
    /// Rows: methods; columns: η; cells: the loss after every step, or `✗ t = k`.
    pub fn table(&self) -> Table {
        let mut header = vec![
            "method".to_string(),
            "family".into(),
            "other hyperparameters".into(),
        ];
        header.extend(
            self.rates
                .iter()
                .map(|lr| format!("η = {}", fmt_short(*lr))),
        );
        let mut t = Table::with_header(
            format!(
                "{}: loss after {} steps for each η (paper convention)",
                self.title, self.steps
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
        let name = self.problem.setup().objective.name();
        let mut c = plots::LineChart::new(format!(
            "{name}: loss after {} steps against η (✗ runs left out)",
            self.steps
        ))
        .x_label("log₁₀ η")
        .y_label("loss")
        .log_y(true)
        .markers(true)
        .size(760, 480);
        for r in &self.rows {
            let pts: Vec<(f64, f64)> = self
                .rates
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
        let sw = Sweep::lesson(p).runs().unwrap();
        for (row, run) in sw.rows.iter().zip(runs(p).unwrap()) {
            assert_eq!(row.method, run.method);
            assert_eq!(row.outcomes[k], Outcome::Loss(*run.losses.last().unwrap()));
        }
    }

    #[test]
    fn a_diverged_run_is_marked_with_its_step() {
        let sw = Sweep::lesson(Problem::Rosenbrock).runs().unwrap();
        let gd = &sw.rows[0];
        match gd.outcomes.last().unwrap() {
            Outcome::Stopped(Error::Diverged { step, .. }) => assert!(*step >= 1),
            o => panic!("GD at η = 1 on Rosenbrock should diverge, got {o:?}"),
        }
    }
}
