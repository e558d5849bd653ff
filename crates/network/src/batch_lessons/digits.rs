//! Steps to a target training loss against batch size on the digits network
//! ([`crate::batch_size`]): live at a few batch sizes, and as a study of SGD,
//! momentum and Adam over B = 1 … 1024 that takes about a minute on two cores
//! in release,
//! so it is computed once and pinned ([`pinned`], `studies/batch-size.json`;
//! `cargo run --release -p network --example batch-size-study` recomputes it).

use crate::batch_size::{critical_batch, study, Point};
use crate::lab::{Adam, Convention, Momentum, Setup, Sgd};
use optcore::error::{check_steps, Error, Result};
use optcore::render::{fmt_sig, Cell, Table};
use optcore::{LearningRate, Optimizer};
use plots::{Figure, LineChart};
use serde_json::{json, Value};

/// One optimizer's steps to the target at several batch sizes, its learning
/// rate tuned at each on `lrs`.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchSizes<O> {
    /// The network and the split (its `batch_size` and `epochs` are not used:
    /// a run takes full batches of each size until it reaches the target).
    pub setup: Setup,
    /// The optimizer; its learning rate is replaced by each of `lrs`.
    pub optimizer: O,
    /// The batch sizes B (1 to the training images; larger is taken as all).
    pub batches: Vec<usize>,
    /// The rates tried at every batch size.
    pub lrs: Vec<f64>,
    /// The training loss to reach (over every training image).
    pub target: f64,
    /// A run that has not reached the target by then does not count.
    pub max_steps: usize,
    /// The seed of θ₀ and of the batch order.
    pub seed: u64,
}

impl BatchSizes<Sgd> {
    /// The notebook's live experiment: SGD, B = 2, 16, 128, 1024, rates 0.1 to 10,
    /// the training loss 0.3.
    pub fn lesson() -> BatchSizes<Sgd> {
        BatchSizes {
            setup: Setup::lesson(),
            optimizer: Sgd::defaults(Convention::Pytorch),
            batches: vec![2, 16, 128, 1024],
            lrs: crate::tune::log_grid(-1, 1, 2).expect("a valid grid"),
            target: 0.3,
            max_steps: 5000,
            seed: 1,
        }
    }
}

/// Notebook 17's playground as it opens: Adam on the digits network at B = 4
/// and 64, three rates, the training loss 0.3, another seed.
pub fn playground() -> BatchSizes<Adam> {
    BatchSizes {
        setup: Setup::lesson(),
        optimizer: Adam::defaults(Convention::Pytorch),
        batches: vec![4, 64],
        lrs: vec![0.003, 0.01, 0.03],
        target: 0.3,
        max_steps: 5000,
        seed: 2,
    }
}

/// Runs are at most this long.
pub const MAX_STEPS: usize = 100_000;

impl<O: Optimizer + LearningRate + Sync> BatchSizes<O> {
    /// Every knob checked, then the study.
    pub fn run(&self) -> Result<Vec<Point>> {
        check_steps(self.max_steps, MAX_STEPS)?;
        let nets = self.setup.nets()?;
        study(
            &nets,
            &self.optimizer,
            &self.batches,
            &self.lrs,
            self.target,
            self.max_steps,
            self.seed,
            crate::par::threads(),
        )
    }

    /// The steps and the rate that took them, at each batch size.
    pub fn table(&self) -> Result<Table> {
        let points = self.run()?;
        Ok(points_table(
            format!(
                "The digits network: steps to a training loss of {}, {} tuned at each B",
                self.target,
                self.optimizer.name()
            ),
            &[(self.optimizer.name(), points.as_slice())],
            self.max_steps,
        ))
    }
}

/// The table of one or more studies over the same batch sizes: steps and rate
/// per optimizer, critical batch sizes in the note.
fn points_table(title: String, runs: &[(&str, &[Point])], max_steps: usize) -> Table {
    let mut header = vec!["batch size B".to_string()];
    for (name, _) in runs {
        header.push(format!("{name}: steps"));
        header.push(format!("{name}: η"));
    }
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    let mut t = Table::new(title, &header);
    let n = runs.first().map_or(0, |(_, p)| p.len());
    for k in 0..n {
        let mut row = vec![Cell::from(runs[0].1[k].batch)];
        for (_, points) in runs {
            match points[k].best {
                Some((s, lr)) => {
                    row.push(s.into());
                    row.push(Cell::from(fmt_sig(lr, 3)));
                }
                None => row.extend([Cell::from("—"), Cell::from("—")]),
            }
        }
        t.push(row);
    }
    let critical: Vec<String> = runs
        .iter()
        .map(|(name, points)| match critical_batch(points) {
            Some(b) => format!("{name} {b}"),
            None => format!("{name} —"),
        })
        .collect();
    t.with_note(format!(
        "critical batch size (the largest B still within twice perfect scaling from the smallest): {}; — not reached within {max_steps} steps",
        critical.join(", ")
    ))
}

/// The pinned study: its settings and, per optimizer, its points.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    pub settings: PinnedSettings,
    /// (optimizer, points), SGD, momentum, Adam.
    pub runs: Vec<(String, Vec<Point>)>,
}

/// What the pinned study ran: the network of [`Setup::lesson`], B = 1, 2, 4, …,
/// 1024, rates 10⁻³ to 10 at four per decade, the training loss 0.1, at most
/// 20,000 steps, seed 1; SGD, momentum 0.9 and Adam at torch's defaults but for
/// the rate.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedSettings {
    pub setup: Setup,
    pub batches: Vec<usize>,
    pub lrs: Vec<f64>,
    pub target: f64,
    pub max_steps: usize,
    pub seed: u64,
}

impl PinnedSettings {
    /// The settings the pinned file was made with.
    pub fn lesson() -> PinnedSettings {
        PinnedSettings {
            setup: Setup::lesson(),
            batches: (0..11).map(|k| 1 << k).collect(),
            lrs: crate::tune::log_grid(-3, 1, 4).expect("a valid grid"),
            target: 0.1,
            max_steps: 20_000,
            seed: 1,
        }
    }

    fn at<O: Optimizer + LearningRate + Sync>(&self, optimizer: O) -> BatchSizes<O> {
        BatchSizes {
            setup: self.setup,
            optimizer,
            batches: self.batches.clone(),
            lrs: self.lrs.clone(),
            target: self.target,
            max_steps: self.max_steps,
            seed: self.seed,
        }
    }

    /// One optimizer of the study at these settings, by its name (`sgd`,
    /// `momentum`, `adam`), at the batch sizes `batches` (a part of the study:
    /// what the test recomputes).
    pub fn run_one(&self, name: &str, batches: &[usize]) -> Result<Vec<Point>> {
        let part = PinnedSettings {
            batches: batches.to_vec(),
            ..self.clone()
        };
        match name {
            "sgd" => part.at(Sgd::defaults(Convention::Pytorch)).run(),
            "momentum" => part
                .at(Momentum {
                    momentum: 0.9,
                    ..Momentum::defaults(Convention::Pytorch)
                })
                .run(),
            "adam" => part.at(Adam::defaults(Convention::Pytorch)).run(),
            other => Err(Error::Parse {
                what: "the pinned batch-size study".to_string(),
                message: format!("no optimizer {other} in it (sgd, momentum, adam)"),
            }),
        }
    }

    /// The whole study, computed (about a minute on two cores in release).
    pub fn compute(&self) -> Result<Pinned> {
        let runs = ["sgd", "momentum", "adam"]
            .into_iter()
            .map(|name| Ok((name.to_string(), self.run_one(name, &self.batches)?)))
            .collect::<Result<_>>()?;
        Ok(Pinned {
            settings: self.clone(),
            runs,
        })
    }
}

fn bad(message: impl Into<String>) -> Error {
    Error::Parse {
        what: "the pinned batch-size study (studies/batch-size.json)".to_string(),
        message: message.into(),
    }
}

impl Pinned {
    /// The study as the file stores it: its settings (to tell a stale file)
    /// and each optimizer's points.
    pub fn to_json(&self) -> String {
        let s = &self.settings;
        let runs: Vec<Value> = self
            .runs
            .iter()
            .map(|(name, points)| {
                json!({
                    "optimizer": name,
                    "points": points.iter().map(|p| json!({
                        "batch": p.batch,
                        "steps": p.best.map(|b| b.0),
                        "lr": p.best.map(|b| b.1),
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let v = json!({
            "settings": format!("{s:?}"),
            "runs": runs,
        });
        serde_json::to_string_pretty(&v).expect("JSON of numbers and strings") + "\n"
    }

    /// The study from its file; an error if the file is malformed or was made
    /// with other settings than `settings`.
    pub fn from_json(text: &str, settings: &PinnedSettings) -> Result<Pinned> {
        let v: Value = serde_json::from_str(text).map_err(|e| bad(e.to_string()))?;
        if v["settings"].as_str() != Some(format!("{settings:?}").as_str()) {
            return Err(bad(
                "made with other settings than PinnedSettings::lesson(): recompute it",
            ));
        }
        let runs = v["runs"]
            .as_array()
            .ok_or_else(|| bad("no runs"))?
            .iter()
            .map(|r| {
                let name = r["optimizer"]
                    .as_str()
                    .ok_or_else(|| bad("a run without a name"))?;
                let points = r["points"]
                    .as_array()
                    .ok_or_else(|| bad("a run without points"))?
                    .iter()
                    .map(|p| {
                        let batch = p["batch"]
                            .as_u64()
                            .ok_or_else(|| bad("a point without a batch"))?;
                        let best = match (p["steps"].as_u64(), p["lr"].as_f64()) {
                            (Some(s), Some(lr)) => Some((s as usize, lr)),
                            _ => None,
                        };
                        Ok(Point {
                            batch: batch as usize,
                            best,
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                Ok((name.to_string(), points))
            })
            .collect::<Result<_>>()?;
        Ok(Pinned {
            settings: settings.clone(),
            runs,
        })
    }

    /// Steps and tuned rate per batch size and optimizer.
    pub fn table(&self) -> Table {
        let runs: Vec<(&str, &[Point])> = self
            .runs
            .iter()
            .map(|(n, p)| (n.as_str(), p.as_slice()))
            .collect();
        points_table(
            format!(
                "The digits network: steps to a training loss of {}, each rate tuned at each B (seed {})",
                self.settings.target, self.settings.seed
            ),
            &runs,
            self.settings.max_steps,
        )
    }

    /// Each optimizer's critical batch size, in the study's order.
    pub fn critical(&self) -> Vec<(String, Option<usize>)> {
        self.runs
            .iter()
            .map(|(n, p)| (n.clone(), critical_batch(p)))
            .collect()
    }

    /// Steps against log₂ B, one curve per optimizer, a × at each critical
    /// batch size, and perfect scaling from SGD's smallest batch.
    pub fn chart(&self) -> Result<Figure> {
        let log2 = |b: usize| (b as f64).log2();
        let mut chart = LineChart::new(
            "The digits network: steps to the target against batch size (× critical B)",
        )
        .x_label("log₂ B")
        .y_label("steps")
        .log_y(true);
        for (name, points) in &self.runs {
            let xy: Vec<(f64, f64)> = points
                .iter()
                .filter_map(|p| p.best.map(|(s, _)| (log2(p.batch), s as f64)))
                .collect();
            chart = chart.series(name.clone(), xy.clone());
            if let Some(c) = critical_batch(points) {
                if let Some(&at) = xy.iter().find(|p| p.0 == log2(c)) {
                    chart = chart.stop_mark(at);
                }
            }
        }
        if let Some((_, points)) = self.runs.first() {
            if let Some(Point {
                batch,
                best: Some((s0, _)),
            }) = points.first()
            {
                chart = chart.series(
                    "perfect scaling: steps ∝ 1/B",
                    points
                        .iter()
                        .map(|p| (log2(p.batch), *s0 as f64 * *batch as f64 / p.batch as f64))
                        .filter(|p| p.1 >= 1.0)
                        .collect(),
                );
            }
        }
        chart.render()
    }
}

/// The points of the pinned study that `tests/batch_study.rs` recomputes (a
/// part of it: the whole takes a minute), by optimizer and batch size.
pub const RECHECKED: [(&str, [usize; 2]); 2] = [("sgd", [256, 1024]), ("adam", [128, 512])];

/// The file, compiled in.
const PINNED: &str = include_str!("../../studies/batch-size.json");

/// The pinned study of SGD, momentum and Adam on the digits network
/// ([`PinnedSettings::lesson`]), read from `studies/batch-size.json`.
pub fn pinned() -> Result<Pinned> {
    Pinned::from_json(PINNED, &PinnedSettings::lesson())
}
