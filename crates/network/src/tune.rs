//! Tuning on the digits network: the same runs for every candidate setting of an
//! optimizer, over several seeds, scored on the validation rows and reported on
//! the test rows — the protocol of Choi et al. (2019) and Schmidt, Schneider &
//! Hennig (2021) at student scale.
//!
//! A [`Setup`] fixes what every run shares (the network, the split of the rows,
//! batch size, epochs, early stopping, dropout). A seed fixes what varies
//! between runs of one setting: the initial parameters and the batch order. A
//! candidate is an optimizer with all its hyperparameters set; [`candidates`]
//! runs each candidate on each seed across the machine's cores ([`crate::par`]),
//! and [`sweep_lr`] does it for an optimizer's learning rate on a grid
//! ([`log_grid`]). A candidate's score is the mean over seeds of the validation
//! loss of the parameters its runs return; the best candidate is the one with
//! the lowest score, and only then is its test loss and accuracy read.

use crate::par;
use crate::train::{train, Trained, Training};
use batching::Split;
use optcore::digits::{digits, CLASSES};
use optcore::error::{Error, Result};
use optcore::mlp::{Activation, Dropout, Mlp};
use optcore::{LearningRate, Objective, Optimizer};

/// What every run of a comparison shares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Setup {
    /// Hidden units.
    pub hidden: usize,
    pub activation: Activation,
    /// Shares of the 1,797 rows held out for validation and for the test; the
    /// rest trains.
    pub validation: f64,
    pub test: f64,
    /// The seed of the split: every run sees the same rows.
    pub split_seed: u64,
    pub batch_size: usize,
    pub epochs: usize,
    /// Early stopping's patience in epochs (`None`: every epoch, the last
    /// parameters).
    pub patience: Option<usize>,
    pub dropout: Option<Dropout>,
}

/// The three networks of a [`Setup`]: one shape over the training, validation
/// and test rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Nets {
    pub train: Mlp,
    pub validation: Mlp,
    pub test: Mlp,
}

/// One run: a seed's training and the test rows' verdict on what it returned.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub seed: u64,
    pub trained: Trained,
    /// The validation loss of the returned parameters (+∞ if the run stopped on
    /// a fault: a setting that diverges on some seed is not a candidate).
    pub score: f64,
    pub test_loss: f64,
    pub test_accuracy: f64,
}

/// A candidate setting and its runs, one per seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The optimizer's name and its hyperparameters as it lists them.
    pub optimizer: &'static str,
    pub hyperparameters: Vec<(&'static str, f64)>,
    pub runs: Vec<Run>,
}

impl Point {
    /// The hyperparameter `name`, if the optimizer has it.
    pub fn get(&self, name: &str) -> Option<f64> {
        self.hyperparameters
            .iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, v)| v)
    }

    fn mean(&self, of: impl Fn(&Run) -> f64) -> f64 {
        self.runs.iter().map(of).sum::<f64>() / self.runs.len() as f64
    }

    /// The mean score over seeds: the candidate's rank (lower is better).
    pub fn score(&self) -> f64 {
        self.mean(|r| r.score)
    }

    /// The mean test accuracy over seeds.
    pub fn test_accuracy(&self) -> f64 {
        self.mean(|r| r.test_accuracy)
    }

    /// The lowest and highest test accuracy over seeds: the spread a single run
    /// hides.
    pub fn test_accuracy_range(&self) -> (f64, f64) {
        self.runs
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), r| {
                (lo.min(r.test_accuracy), hi.max(r.test_accuracy))
            })
    }
}

/// The seed of a run's batch order, from the run's seed: another ChaCha8 stream
/// than the initial parameters' ([`Mlp::init`] seeds its generator with the run's
/// seed itself), so that the two draws are not the same numbers.
pub fn batch_seed(seed: u64) -> u64 {
    seed ^ 0x5EED_BA7C_4E55_0000
}

impl Setup {
    /// The networks over the split rows. A share outside [0, 1) or leaving no
    /// training row, or a hidden width outside 1 to 512, is an error.
    pub fn nets(&self) -> Result<Nets> {
        let data = digits();
        let split = Split::new(data.len(), self.validation, self.test, self.split_seed)?;
        if split.test.is_empty() || split.validation.is_empty() {
            return Err(Error::Empty {
                what: "validation or test rows (give each a share of at least 1/1797)",
            });
        }
        let net = |rows: &[usize]| Mlp::new(data.rows(rows), self.hidden, CLASSES, self.activation);
        Ok(Nets {
            train: net(&split.train)?,
            validation: net(&split.validation)?,
            test: net(&split.test)?,
        })
    }

    fn training(&self, seed: u64) -> Training {
        Training {
            batch_size: self.batch_size,
            epochs: self.epochs,
            seed: batch_seed(seed),
            patience: self.patience,
            dropout: self.dropout,
        }
    }

    /// One run of `opt` from the parameters of `seed` ([`Mlp::init`]) over the
    /// batches of [`batch_seed`]`(seed)`.
    pub fn run<O: Optimizer>(&self, nets: &Nets, opt: &O, seed: u64) -> Result<Run> {
        let trained = train(
            opt,
            &nets.train,
            &nets.validation,
            nets.train.init(seed),
            self.training(seed),
        )?;
        let theta = trained.theta.view();
        let all: Vec<usize> = (0..nets.test.data.len()).collect();
        let score = match trained.stop {
            Some(_) => f64::INFINITY,
            None => nets.validation.value(theta),
        };
        Ok(Run {
            seed,
            score,
            test_loss: nets.test.value(theta),
            test_accuracy: nets.test.accuracy(&all, theta),
            trained,
        })
    }
}

/// Every candidate on every seed, spread over `threads` threads; the points in
/// the candidates' order, each point's runs in the seeds' order — the same
/// whatever `threads`. No candidate or no seed is an [`Error::Empty`]; a setting
/// refused before any step (a batch size too large, …) is that error.
pub fn candidates<O: Optimizer + Sync>(
    setup: &Setup,
    nets: &Nets,
    candidates: &[O],
    seeds: &[u64],
    threads: usize,
) -> Result<Vec<Point>> {
    if candidates.is_empty() {
        return Err(Error::Empty {
            what: "list of candidates",
        });
    }
    if seeds.is_empty() {
        return Err(Error::Empty {
            what: "list of seeds",
        });
    }
    for c in candidates {
        c.validate()?;
    }
    let n = seeds.len();
    let runs = par::map(candidates.len() * n, threads, |k| {
        setup.run(nets, &candidates[k / n], seeds[k % n])
    });
    let mut runs = runs.into_iter();
    candidates
        .iter()
        .map(|c| {
            Ok(Point {
                optimizer: c.name(),
                hyperparameters: c.hyperparameters(),
                runs: runs.by_ref().take(n).collect::<Result<_>>()?,
            })
        })
        .collect()
}

/// `opt` at each learning rate of `lrs` (its other hyperparameters as they are),
/// on every seed: [`candidates`] of `opt.with_lr(lr)`. A rate the optimizer
/// refuses is its error, before any run; an optimizer without a rate (Adadelta
/// under `paper`) is an [`Error::NoLearningRate`].
pub fn sweep_lr<O: Optimizer + LearningRate + Sync>(
    setup: &Setup,
    nets: &Nets,
    opt: &O,
    lrs: &[f64],
    seeds: &[u64],
    threads: usize,
) -> Result<Vec<Point>> {
    let each = at_rates(opt, lrs)?;
    candidates(setup, nets, &each, seeds, threads)
}

/// `opt` at each rate of `lrs` (its other hyperparameters as they are); the
/// first rate it refuses is the error.
pub fn at_rates<O: LearningRate>(opt: &O, lrs: &[f64]) -> Result<Vec<O>> {
    lrs.iter().map(|&lr| opt.with_lr(lr)).collect()
}

/// The point with the lowest score; `None` if every point diverged (+∞) or there
/// is none.
pub fn best(points: &[Point]) -> Option<&Point> {
    points
        .iter()
        .filter(|p| p.score().is_finite())
        .min_by(|a, b| a.score().total_cmp(&b.score()))
}

/// One optimizer at its defaults and tuned on a learning-rate grid, with the
/// same seeds (Choi et al.'s and Schmidt et al.'s protocol): what a comparison
/// at defaults would report beside what it reports once each is tuned.
#[derive(Debug, Clone, PartialEq)]
pub struct Tuned {
    /// The optimizer as given (its defaults, or what the caller set).
    pub defaults: Point,
    /// Every rate of the grid.
    pub grid: Vec<Point>,
}

impl Tuned {
    /// The best point of the grid (`None` if every rate stopped on a fault).
    pub fn best(&self) -> Option<&Point> {
        best(&self.grid)
    }

    /// Runs trained: the tuning budget, defaults included.
    pub fn runs(&self) -> usize {
        self.defaults.runs.len() + self.grid.iter().map(|p| p.runs.len()).sum::<usize>()
    }
}

/// `opt` as given and at each rate of `lrs`, on every seed ([`candidates`] and
/// [`sweep_lr`] in one call, spread over `threads` threads).
pub fn tune_lr<O: Optimizer + LearningRate + Clone + Sync>(
    setup: &Setup,
    nets: &Nets,
    opt: &O,
    lrs: &[f64],
    seeds: &[u64],
    threads: usize,
) -> Result<Tuned> {
    let mut each = vec![opt.clone()];
    each.extend(at_rates(opt, lrs)?);
    let mut points = candidates(setup, nets, &each, seeds, threads)?.into_iter();
    let defaults = points.next().expect("the defaults are the first candidate");
    Ok(Tuned {
        defaults,
        grid: points.collect(),
    })
}

/// The place of each entry when sorted by `score` (1 = lowest; equal scores share
/// the better place; a non-finite score comes last).
fn places(scores: &[f64]) -> Vec<usize> {
    scores
        .iter()
        .map(|&s| {
            1 + scores
                .iter()
                .filter(|&&o| o < s || (!s.is_finite() && o.is_finite()))
                .count()
        })
        .collect()
}

/// One candidate as a ranking reads it: its learning rate (if it has one), and
/// means over its seeds.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    pub lr: Option<f64>,
    /// The mean validation loss of what the runs returned (+∞ if one stopped on
    /// a fault).
    pub validation_loss: f64,
    pub test_accuracy: f64,
}

impl Point {
    /// This point as a ranking reads it.
    pub fn summary(&self) -> Score {
        Score {
            lr: self.get("lr"),
            validation_loss: self.score(),
            test_accuracy: self.test_accuracy(),
        }
    }
}

/// What a ranking needs of one tuned optimizer: its defaults, every rate of its
/// grid, and the training runs that cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub optimizer: String,
    pub defaults: Score,
    pub grid: Vec<Score>,
    /// Training runs behind it: the tuning budget, defaults included.
    pub runs: usize,
}

impl Summary {
    /// The rate of the grid with the lowest validation loss (`None` if every
    /// rate stopped on a fault).
    pub fn best(&self) -> Option<&Score> {
        self.grid
            .iter()
            .filter(|s| s.validation_loss.is_finite())
            .min_by(|a, b| a.validation_loss.total_cmp(&b.validation_loss))
    }
}

impl Tuned {
    /// This tuning as a ranking reads it.
    pub fn summary(&self) -> Summary {
        Summary {
            optimizer: self.defaults.optimizer.to_string(),
            defaults: self.defaults.summary(),
            grid: self.grid.iter().map(Point::summary).collect(),
            runs: self.runs(),
        }
    }
}

/// Defaults against tuned, one row per optimizer: the mean validation loss over
/// seeds at its defaults and its place among the optimizers, the best rate of the
/// grid with its loss and place, and the test accuracy of each. The note states
/// the budget (runs per optimizer, seeds) the ranking rests on.
pub fn ranking(tuned: &[Tuned], seeds: usize) -> Result<optcore::render::Table> {
    ranking_of(&tuned.iter().map(Tuned::summary).collect::<Vec<_>>(), seeds)
}

/// [`ranking`] of summaries (a tuning computed once and read back).
pub fn ranking_of(tuned: &[Summary], seeds: usize) -> Result<optcore::render::Table> {
    use optcore::render::{Cell, Table};
    if tuned.is_empty() {
        return Err(Error::Empty {
            what: "list of tuned optimizers",
        });
    }
    let at_defaults: Vec<f64> = tuned.iter().map(|t| t.defaults.validation_loss).collect();
    let at_best: Vec<f64> = tuned
        .iter()
        .map(|t| t.best().map_or(f64::INFINITY, |s| s.validation_loss))
        .collect();
    let (p_def, p_best) = (places(&at_defaults), places(&at_best));
    let mut t = Table::new(
        "Which optimizer? At its defaults, and tuned on a learning-rate grid (means over seeds)",
        &[
            "optimizer",
            "lr at defaults",
            "validation loss at defaults",
            "place at defaults",
            "test accuracy at defaults",
            "best lr of the grid",
            "validation loss tuned",
            "place tuned",
            "test accuracy tuned",
        ],
    );
    for (k, tu) in tuned.iter().enumerate() {
        let best = tu.best();
        t.push(vec![
            Cell::from(tu.optimizer.as_str()),
            tu.defaults.lr.map_or(Cell::from("none"), Cell::from),
            at_defaults[k].into(),
            p_def[k].into(),
            tu.defaults.test_accuracy.into(),
            best.and_then(|s| s.lr)
                .map_or(Cell::from("none"), Cell::from),
            at_best[k].into(),
            p_best[k].into(),
            best.map_or(f64::NAN, |s| s.test_accuracy).into(),
        ]);
    }
    let budget = tuned.iter().map(|t| t.runs).max().unwrap_or(0);
    Ok(t.with_note(format!(
        "budget: {budget} training runs per optimizer ({} rates of the grid and the defaults, {seeds} seed(s) each)",
        tuned[0].grid.len()
    )))
}

/// $10^{e}$ for $e$ from `low` to `high` in steps of 1/`per_decade`: `log_grid(-3,
/// -1, 2)` is 1e-3, 3.16e-3, 1e-2, 3.16e-2, 1e-1. `high` < `low`, an exponent
/// outside −22 to 22 or `per_decade` = 0 is an [`Error::Hyperparameter`].
pub fn log_grid(low: i32, high: i32, per_decade: u32) -> Result<Vec<f64>> {
    if per_decade == 0 || high < low || low < -22 || high > 22 {
        return Err(Error::Hyperparameter {
            name: "log grid",
            value: per_decade as f64,
            accepts: "at least one point per decade, from a low exponent up to a high one, both in -22..=22",
        });
    }
    let steps = (high - low) as u32 * per_decade;
    Ok((0..=steps)
        .map(|k| {
            let e = low as f64 + k as f64 / per_decade as f64;
            // Whole exponents exactly: 10ⁿ is exact in f64 up to n = 22, and one
            // division rounds 1/10ⁿ to the literal 1e-n.
            if k % per_decade == 0 {
                let n = low + (k / per_decade) as i32;
                if n >= 0 {
                    10f64.powi(n)
                } else {
                    1.0 / 10f64.powi(-n)
                }
            } else {
                10f64.powf(e)
            }
        })
        .collect())
}

/// The small setup the crate's tests train: 16 tanh units, a fifth of the rows
/// each for validation and test, batches of 32, `epochs` epochs.
#[cfg(test)]
pub(crate) fn test_setup(epochs: usize) -> Setup {
    Setup {
        hidden: 16,
        activation: Activation::Tanh,
        validation: 0.2,
        test: 0.2,
        split_seed: 0,
        batch_size: 32,
        epochs,
        patience: None,
        dropout: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Convention;

    fn setup() -> Setup {
        test_setup(3)
    }

    fn sgd() -> gd::Sgd {
        gd::Sgd::defaults(Convention::Pytorch)
    }

    #[test]
    fn log_grid_is_exact_at_whole_exponents() {
        let g = log_grid(-3, -1, 2).unwrap();
        assert_eq!(g.len(), 5);
        assert_eq!((g[0], g[2], g[4]), (1e-3, 1e-2, 1e-1));
        assert!((g[1] - 10f64.powf(-2.5)).abs() < 1e-18);
        assert!(log_grid(0, -1, 2).is_err() && log_grid(-1, 0, 0).is_err());
        assert!(log_grid(-23, 0, 1).is_err() && log_grid(0, 23, 1).is_err());
        let whole = log_grid(-22, 22, 1).unwrap();
        for (n, x) in (-22..=22).zip(whole) {
            assert_eq!(x, format!("1e{n}").parse::<f64>().unwrap(), "1e{n}");
        }
    }

    /// The same points whatever the threads, in the candidates' and seeds' order.
    #[test]
    fn a_sweep_is_the_same_on_one_thread_or_many() {
        let s = setup();
        let nets = s.nets().unwrap();
        let lrs = [0.03, 0.3];
        let one = sweep_lr(&s, &nets, &sgd(), &lrs, &[1, 2], 1).unwrap();
        let two = sweep_lr(&s, &nets, &sgd(), &lrs, &[1, 2], 2).unwrap();
        assert_eq!(one, two);
        assert_eq!(
            one.iter().map(|p| p.get("lr")).collect::<Vec<_>>(),
            vec![Some(0.03), Some(0.3)]
        );
        assert_eq!(
            one[1].runs.iter().map(|r| r.seed).collect::<Vec<_>>(),
            vec![1, 2]
        );
        // Each run is the one Setup::run gives alone.
        let alone = s.run(&nets, &sgd().with_lr(0.3).unwrap(), 2).unwrap();
        assert_eq!(one[1].runs[1], alone);
        // Seeds differ: initial parameters and batch order both change the run.
        assert_ne!(one[1].runs[0].score, one[1].runs[1].score);
        // At 3 epochs the larger rate is further along.
        assert_eq!(best(&one).unwrap().get("lr"), Some(0.3));
    }

    #[test]
    fn places_share_ties_and_put_faults_last() {
        assert_eq!(
            places(&[0.3, 0.1, f64::INFINITY, 0.1, 0.2]),
            vec![4, 1, 5, 1, 3]
        );
    }

    /// Tuning includes the defaults' run and every rate of the grid; the ranking
    /// table has one row per optimizer and states the budget.
    #[test]
    fn defaults_against_tuned() {
        let s = setup();
        let nets = s.nets().unwrap();
        let lrs = [0.01, 0.1, 1.0];
        let sgd = tune_lr(&s, &nets, &sgd(), &lrs, &[1, 2], 2).unwrap();
        let adam = tune_lr(
            &s,
            &nets,
            &adam::Adam::defaults(Convention::Pytorch),
            &lrs,
            &[1, 2],
            2,
        )
        .unwrap();
        assert_eq!(sgd.runs(), 8);
        assert_eq!(
            sgd.defaults.get("lr"),
            gd::Sgd::defaults(Convention::Pytorch)
                .lr()
                .map(Some)
                .unwrap()
        );
        assert_eq!(
            sgd.grid,
            sweep_lr(
                &s,
                &nets,
                &gd::Sgd::defaults(Convention::Pytorch),
                &lrs,
                &[1, 2],
                1
            )
            .unwrap()
        );
        let table = ranking(&[sgd, adam], 2).unwrap();
        assert_eq!(table.rows.len(), 2);
        assert!(
            table
                .note
                .as_deref()
                .unwrap()
                .starts_with("budget: 8 training runs per optimizer"),
            "{table}"
        );
        assert!(ranking(&[], 2).is_err());
    }

    #[test]
    fn a_diverged_setting_scores_infinity_and_is_never_best() {
        let s = Setup {
            activation: Activation::Relu,
            ..setup()
        };
        let nets = s.nets().unwrap();
        let points = sweep_lr(&s, &nets, &sgd(), &[1e200, 0.1], &[1], 2).unwrap();
        assert!(points[0].runs[0].trained.stop.is_some());
        assert_eq!(points[0].score(), f64::INFINITY);
        assert_eq!(best(&points).unwrap().get("lr"), Some(0.1));
        assert!(best(&points[..1]).is_none());
    }

    #[test]
    fn bad_settings_are_refused_before_any_run() {
        let s = setup();
        let nets = s.nets().unwrap();
        assert!(matches!(
            sweep_lr(&s, &nets, &sgd(), &[0.1, -1.0], &[1], 2),
            Err(Error::Hyperparameter { name: "lr", .. })
        ));
        assert!(matches!(
            sweep_lr(&s, &nets, &sgd(), &[], &[1], 2),
            Err(Error::Empty { .. })
        ));
        assert!(matches!(
            sweep_lr(&s, &nets, &sgd(), &[0.1], &[], 2),
            Err(Error::Empty { .. })
        ));
        let too_big = Setup {
            batch_size: 5000,
            ..s
        };
        assert!(matches!(
            sweep_lr(&too_big, &nets, &sgd(), &[0.1], &[1], 2),
            Err(Error::BatchSize { .. })
        ));
        assert!(Setup { hidden: 0, ..s }.nets().is_err());
        assert!(Setup { test: 0.0, ..s }.nets().is_err());
        let paper_adadelta = adadelta::Adadelta::defaults(Convention::Paper);
        assert!(matches!(
            sweep_lr(&s, &nets, &paper_adadelta, &[0.1], &[1], 2),
            Err(Error::NoLearningRate { .. })
        ));
    }
}
