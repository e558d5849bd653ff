//! Every optimizer of the course on the digits network at its defaults and
//! tuned on one learning-rate grid with the same seeds: the ranking Choi et al.
//! and Schmidt et al. ask for, at student scale. The whole tuning (about 400
//! training runs) takes about half a minute on two cores in release, so it is
//! computed once and pinned (`studies/tuning.json`; `cargo run --release -p
//! network --example tuning-study` recomputes it).

use crate::tune::{at_rates, candidates, ranking_of, Score, Setup, Summary, Tuned};
use optcore::error::{Error, Result};
use optcore::render::{fmt_sig, Cell, Table};
use optcore::{Convention, Flags, FromFlags, LearningRate, Optimizer};
use optimizers::registry::{self, Entry, Visitor};
use plots::{Figure, LineChart};
use serde_json::{json, Value};

/// What the pinned tuning ran.
#[derive(Debug, Clone, PartialEq)]
pub struct RankingSettings {
    pub setup: Setup,
    /// The grid every optimizer's rate is tuned on.
    pub lrs: Vec<f64>,
    pub seeds: Vec<u64>,
    /// Whose defaults (and formulas) every optimizer takes.
    pub convention: Convention,
}

/// One optimizer of the pinned tuning: its summary, and the validation loss
/// after each epoch of its best rate's runs, one curve per seed.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub summary: Summary,
    pub curves: Vec<Vec<f64>>,
}

/// The pinned tuning.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranking {
    pub settings: RankingSettings,
    /// In the registry's order.
    pub optimizers: Vec<Ranked>,
}

impl RankingSettings {
    /// The settings of the pinned file: the lesson's setup (20 epochs), rates
    /// 10⁻⁴ to 10 at two per decade, seeds 1, 2, 3, torch's defaults.
    pub fn lesson() -> RankingSettings {
        RankingSettings {
            setup: Setup::lesson(),
            lrs: crate::tune::log_grid(-4, 1, 2).expect("a valid grid"),
            seeds: vec![1, 2, 3],
            convention: Convention::Pytorch,
        }
    }

    /// One optimizer tuned: its defaults and every rate, on every seed.
    fn tune<O: Optimizer + LearningRate + Sync>(&self, opt: &O) -> Result<Ranked> {
        let nets = self.setup.nets()?;
        let threads = crate::par::threads();
        let defaults = candidates(
            &self.setup,
            &nets,
            std::slice::from_ref(opt),
            &self.seeds,
            threads,
        )?
        .remove(0);
        let grid = candidates(
            &self.setup,
            &nets,
            &at_rates(opt, &self.lrs)?,
            &self.seeds,
            threads,
        )?;
        let tuned = Tuned { defaults, grid };
        let summary = tuned.summary();
        let curves = match tuned.best() {
            Some(p) => p
                .runs
                .iter()
                .map(|r| r.trained.epochs.iter().map(|e| e.validation_loss).collect())
                .collect(),
            None => Vec::new(),
        };
        Ok(Ranked { summary, curves })
    }

    /// One optimizer of the registry tuned, by name (a part of the whole: what
    /// the test recomputes).
    pub fn run_one(&self, name: &str) -> Result<Ranked> {
        struct One<'a> {
            settings: &'a RankingSettings,
            name: &'a str,
            found: Option<Result<Ranked>>,
        }
        impl Visitor for One<'_> {
            fn visit<O>(&mut self, entry: Entry)
            where
                O: Optimizer + FromFlags + LearningRate + Send + Sync + std::fmt::Debug + 'static,
            {
                if entry.name == self.name {
                    self.found = Some(
                        O::from_flags(self.settings.convention, &Flags::default())
                            .and_then(|opt| self.settings.tune(&opt)),
                    );
                }
            }
        }
        let mut one = One {
            settings: self,
            name,
            found: None,
        };
        registry::visit(&mut one);
        one.found.unwrap_or_else(|| {
            Err(Error::Column {
                name: name.to_string(),
                table: format!("the registry ({})", registry::NAMES.join(", ")),
            })
        })
    }

    /// Every optimizer of the registry tuned (about half a minute on two cores
    /// in release).
    pub fn compute(&self) -> Result<Ranking> {
        Ok(Ranking {
            settings: self.clone(),
            optimizers: registry::NAMES
                .iter()
                .map(|n| self.run_one(n))
                .collect::<Result<_>>()?,
        })
    }
}

fn bad(message: impl Into<String>) -> Error {
    Error::Parse {
        what: "the pinned tuning (studies/tuning.json)".to_string(),
        message: message.into(),
    }
}

/// A score as the file stores it: a loss of +∞ (a run stopped) as null.
fn score_json(s: &Score) -> Value {
    json!({
        "lr": s.lr,
        "validation_loss": s.validation_loss.is_finite().then_some(s.validation_loss),
        "test_accuracy": s.test_accuracy,
    })
}

fn score_from(v: &Value) -> Result<Score> {
    Ok(Score {
        lr: v["lr"].as_f64(),
        validation_loss: v["validation_loss"].as_f64().unwrap_or(f64::INFINITY),
        test_accuracy: v["test_accuracy"]
            .as_f64()
            .ok_or_else(|| bad("a score without a test accuracy"))?,
    })
}

impl Ranking {
    /// The tuning as the file stores it, its settings recorded.
    pub fn to_json(&self) -> String {
        let optimizers: Vec<Value> = self
            .optimizers
            .iter()
            .map(|r| {
                json!({
                    "optimizer": r.summary.optimizer,
                    "runs": r.summary.runs,
                    "defaults": score_json(&r.summary.defaults),
                    "grid": r.summary.grid.iter().map(score_json).collect::<Vec<_>>(),
                    "curves": r.curves,
                })
            })
            .collect();
        let v = json!({
            "settings": format!("{:?}", self.settings),
            "optimizers": optimizers,
        });
        serde_json::to_string_pretty(&v).expect("JSON of numbers and strings") + "\n"
    }

    /// The tuning from its file; an error if it is malformed or was made with
    /// other settings than `settings`.
    pub fn from_json(text: &str, settings: &RankingSettings) -> Result<Ranking> {
        let v: Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        if v["settings"].as_str() != Some(format!("{settings:?}").as_str()) {
            return Err(bad(
                "made with other settings than RankingSettings::lesson(): recompute it",
            ));
        }
        let optimizers = v["optimizers"]
            .as_array()
            .ok_or_else(|| bad("no optimizers"))?
            .iter()
            .map(|o| {
                let grid = o["grid"]
                    .as_array()
                    .ok_or_else(|| bad("no grid"))?
                    .iter()
                    .map(score_from)
                    .collect::<Result<_>>()?;
                let curves = o["curves"]
                    .as_array()
                    .ok_or_else(|| bad("no curves"))?
                    .iter()
                    .map(|c| {
                        c.as_array()
                            .ok_or_else(|| bad("a curve is not a list"))?
                            .iter()
                            .map(|x| x.as_f64().ok_or_else(|| bad("a loss is not a number")))
                            .collect()
                    })
                    .collect::<Result<_>>()?;
                Ok(Ranked {
                    summary: Summary {
                        optimizer: o["optimizer"]
                            .as_str()
                            .ok_or_else(|| bad("an optimizer without a name"))?
                            .to_string(),
                        defaults: score_from(&o["defaults"])?,
                        grid,
                        runs: o["runs"].as_u64().ok_or_else(|| bad("no run count"))? as usize,
                    },
                    curves,
                })
            })
            .collect::<Result<_>>()?;
        Ok(Ranking {
            settings: settings.clone(),
            optimizers,
        })
    }

    /// The optimizer called `name`.
    pub fn get(&self, name: &str) -> Result<&Ranked> {
        self.optimizers
            .iter()
            .find(|r| r.summary.optimizer == name)
            .ok_or_else(|| Error::Column {
                name: name.to_string(),
                table: "the pinned tuning".to_string(),
            })
    }

    /// The best rate of `name`'s grid.
    pub fn best_lr(&self, name: &str) -> Result<f64> {
        self.get(name)?
            .summary
            .best()
            .and_then(|s| s.lr)
            .ok_or(Error::Empty {
                what: "a rate of the grid that trained without a fault",
            })
    }

    /// Defaults against tuned, with the budget ([`ranking_of`]).
    pub fn table(&self) -> Result<Table> {
        let summaries: Vec<Summary> = self.optimizers.iter().map(|r| r.summary.clone()).collect();
        ranking_of(&summaries, self.settings.seeds.len())
    }

    /// The tuned runs' spread over seeds: the final validation loss of the best
    /// rate, mean, lowest and highest seed, and their difference.
    pub fn spread(&self) -> Table {
        let mut t = Table::new(
            "Tuned: the validation loss after the last epoch, over seeds",
            &[
                "optimizer",
                "best lr",
                "mean",
                "lowest seed",
                "highest seed",
                "highest − lowest",
            ],
        );
        for r in &self.optimizers {
            let last: Vec<f64> = r.curves.iter().filter_map(|c| c.last().copied()).collect();
            let n = last.len().max(1) as f64;
            let (lo, hi) = last
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                    (lo.min(x), hi.max(x))
                });
            t.push(vec![
                Cell::from(r.summary.optimizer.as_str()),
                r.summary
                    .best()
                    .and_then(|s| s.lr)
                    .map_or(Cell::from("none"), |lr| Cell::from(fmt_sig(lr, 3))),
                (last.iter().sum::<f64>() / n).into(),
                lo.into(),
                hi.into(),
                (hi - lo).into(),
            ]);
        }
        t
    }

    /// The tuned runs of the optimizers `names`: the validation loss after each
    /// epoch, the mean over seeds, with the lowest and highest seed of each as
    /// thin companions.
    pub fn curves(&self, names: &[&str]) -> Result<Figure> {
        optcore::error::check_nonempty("list of optimizers to draw", names)?;
        let mut chart = LineChart::new(
            "Tuned runs: validation loss after each epoch (mean, lowest and highest seed)",
        )
        .x_label("epoch")
        .y_label("validation loss")
        .log_y(true);
        for name in names {
            let r = self.get(name)?;
            let epochs = r.curves.iter().map(Vec::len).min().unwrap_or(0);
            let at = |e: usize, of: fn(&[f64]) -> f64| {
                let values: Vec<f64> = r.curves.iter().map(|c| c[e]).collect();
                ((e + 1) as f64, of(&values))
            };
            let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
            let lo = |v: &[f64]| v.iter().copied().fold(f64::INFINITY, f64::min);
            let hi = |v: &[f64]| v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            chart = chart
                .series(
                    format!("{name}, mean"),
                    (0..epochs).map(|e| at(e, mean)).collect(),
                )
                .series(
                    format!("{name}, lowest seed"),
                    (0..epochs).map(|e| at(e, lo)).collect(),
                )
                .series(
                    format!("{name}, highest seed"),
                    (0..epochs).map(|e| at(e, hi)).collect(),
                );
        }
        chart.render()
    }
}

/// The file, compiled in.
const PINNED: &str = include_str!("../../studies/tuning.json");

/// The pinned tuning ([`RankingSettings::lesson`]), read from
/// `studies/tuning.json`.
pub fn pinned() -> Result<Ranking> {
    Ranking::from_json(PINNED, &RankingSettings::lesson())
}

/// The optimizers `tests/tuning_study.rs` recomputes (a part of the whole).
pub const RECHECKED: [&str; 2] = ["sgd", "adam"];
