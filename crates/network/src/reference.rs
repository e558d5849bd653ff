//! The digits network against torch, through the crates: the vendored torch
//! float64 runs of `crates/optcore/reference/digits-mlp/` (the same initial
//! parameters, the same 100 batches of 32, one case per optimizer of the
//! registry and two with ReLU; how they were made is in its SOURCE.md) set
//! beside the same runs of the crates, driven as a torch user drives
//! torch.optim: the batch's loss and gradient by the backward pass
//! ([`Mlp::batch_loss_and_gradient`]), then [`Optimizer::update`].
//!
//! The files are compiled in: nothing is read at run time.

use ndarray::Array1;
use optcore::digits::{digits, CLASSES, PIXELS};
use optcore::error::{Error, Result};
use optcore::hyper::by_name;
use optcore::mlp::files::{parse_batches, parse_params};
use optcore::mlp::{Activation, Mlp};
use optcore::reference::rel_diff;
use optcore::render::{Cell, Table};
use optcore::{Convention, ExampleLoss, Flags, FromFlags, LearningRate, Optimizer};
use optimizers::registry::{self, Entry, Visitor};
use serde_json::Value;

/// How far the crates may be from torch: every loss and every final parameter
/// within this, relative.
pub const TOLERANCE: f64 = 1e-9;

macro_rules! vendored {
    ($($name:literal),* $(,)?) => {
        /// Each torch run's file, by its case's name.
        const RUNS: &[(&str, &str)] = &[$(
            ($name, include_str!(concat!("../../optcore/reference/digits-mlp/runs/", $name, ".json"))),
        )*];
    };
}

vendored!(
    "sgd-tanh",
    "momentum-tanh",
    "nag-tanh",
    "adagrad-tanh",
    "adadelta-tanh",
    "rmsprop-tanh",
    "adam-tanh",
    "nadam-tanh",
    "adamax-tanh",
    "amsgrad-tanh",
    "adamw-tanh",
    "sgd-relu",
    "adam-relu",
);

const CASES: &str = include_str!("../../optcore/reference/digits-mlp/cases.json");
const INIT: &str = include_str!("../../optcore/reference/digits-mlp/init.json");
const BATCHES: &str = include_str!("../../optcore/reference/digits-mlp/batches.json");

/// One torch run beside the crates'.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    /// The case's name (`adam-tanh`): its file in `runs/`.
    pub name: String,
    /// The optimizer as the registry names it.
    pub optimizer: &'static str,
    pub activation: Activation,
    /// The hyperparameters torch was given (the rest at torch's defaults).
    pub hyperparameters: Vec<(String, f64)>,
    /// Every hyperparameter of the crates' optimizer, in the post's symbols
    /// ([`Optimizer::symbols`]): `η = 0.05, γ = 0.9`.
    pub settings: String,
    pub steps: usize,
    /// The largest relative difference of a loss before a step.
    pub loss_diff: f64,
    /// The largest relative difference of a final parameter.
    pub theta_diff: f64,
}

fn bad(what: &str, message: impl std::fmt::Display) -> Error {
    Error::Parse {
        what: format!("the vendored torch reference ({what})"),
        message: message.to_string(),
    }
}

fn json(what: &str, text: &str) -> Result<Value> {
    serde_json::from_str(text).map_err(|e| bad(what, e))
}

/// The inputs every case shares: hidden width, θ₀, the batches.
struct Shared {
    hidden: usize,
    theta0: Array1<f64>,
    batches: Vec<Vec<usize>>,
}

/// A case's run through the crates under the `pytorch` convention: (losses
/// before each step, final θ, the optimizer's settings).
fn run<O: Optimizer + FromFlags>(
    hp: &[(String, f64)],
    net: &Mlp,
    shared: &Shared,
) -> Result<(Vec<f64>, Array1<f64>, String)> {
    let mut flags = Flags::default();
    for (key, value) in hp {
        by_name(key)
            .ok_or_else(|| bad("cases.json", format!("no hyperparameter called {key}")))?
            .set(&mut flags, Some(*value));
    }
    let opt = O::from_flags(Convention::Pytorch, &flags)?;
    let mut theta = shared.theta0.clone();
    let mut grad = Array1::zeros(theta.len());
    let mut state = opt.init(theta.view());
    let mut losses = Vec::with_capacity(shared.batches.len());
    for batch in &shared.batches {
        losses.push(net.batch_loss_and_gradient(batch, theta.view(), grad.view_mut())?);
        opt.update(&mut state, theta.view_mut(), grad.view())?;
    }
    Ok((losses, theta, opt.symbols()))
}

/// Every case of the reference, run by the crates and compared with torch's
/// file, in the order of `cases.json`.
pub fn cases() -> Result<Vec<Case>> {
    let cases = json("cases.json", CASES)?;
    let cases = cases
        .as_array()
        .ok_or_else(|| bad("cases.json", "not a list"))?;
    let (hidden, theta0) = parse_params(INIT, PIXELS, CLASSES)?;
    let shared = Shared {
        hidden,
        theta0,
        batches: parse_batches(BATCHES, digits().len())?,
    };

    struct Each<'a> {
        case: &'a Value,
        shared: &'a Shared,
        found: Option<Result<Case>>,
    }
    impl Visitor for Each<'_> {
        fn visit<O>(&mut self, entry: Entry)
        where
            O: Optimizer + FromFlags + LearningRate + Send + Sync + std::fmt::Debug + 'static,
        {
            if self.case["optimizer"] == entry.name {
                self.found = Some(compare::<O>(entry.name, self.case, self.shared));
            }
        }
    }

    cases
        .iter()
        .map(|case| {
            let mut each = Each {
                case,
                shared: &shared,
                found: None,
            };
            registry::visit(&mut each);
            each.found.unwrap_or_else(|| {
                Err(bad(
                    "cases.json",
                    format!("{} names no optimizer of the registry", case["optimizer"]),
                ))
            })
        })
        .collect()
}

fn compare<O: Optimizer + FromFlags>(
    optimizer: &'static str,
    case: &Value,
    shared: &Shared,
) -> Result<Case> {
    let name = case["name"]
        .as_str()
        .ok_or_else(|| bad("cases.json", "a case without a name"))?;
    let activation = match case["activation"].as_str() {
        Some("tanh") => Activation::Tanh,
        Some("relu") => Activation::Relu,
        other => return Err(bad("cases.json", format!("{name}: activation {other:?}"))),
    };
    let hyperparameters: Vec<(String, f64)> = case["hp"]
        .as_object()
        .ok_or_else(|| bad("cases.json", format!("{name}: no hp")))?
        .iter()
        .map(|(k, v)| {
            v.as_f64()
                .map(|x| (k.clone(), x))
                .ok_or_else(|| bad("cases.json", format!("{name}: {k} is not a number")))
        })
        .collect::<Result<_>>()?;
    let file = RUNS
        .iter()
        .find(|(n, _)| *n == name)
        .ok_or_else(|| bad("runs/", format!("no file for the case {name}")))?
        .1;
    let torch = json(name, file)?;
    let torch_losses: Vec<f64> = torch["losses"]
        .as_array()
        .ok_or_else(|| bad(name, "no losses"))?
        .iter()
        .map(|x| {
            x.as_f64()
                .ok_or_else(|| bad(name, "a loss is not a number"))
        })
        .collect::<Result<_>>()?;
    let (_, torch_theta) = parse_params(&torch["params"].to_string(), PIXELS, CLASSES)?;

    let net = Mlp::new(digits(), shared.hidden, CLASSES, activation)?;
    let (losses, theta, settings) = run::<O>(&hyperparameters, &net, shared)?;
    if losses.len() != torch_losses.len() {
        return Err(bad(name, "torch's losses and the batches differ in number"));
    }
    let worst = |pairs: &mut dyn Iterator<Item = (&f64, &f64)>| {
        pairs.map(|(a, b)| rel_diff(*a, *b)).fold(0.0, f64::max)
    };
    Ok(Case {
        name: name.to_string(),
        optimizer,
        activation,
        hyperparameters,
        settings,
        steps: losses.len(),
        loss_diff: worst(&mut losses.iter().zip(&torch_losses)),
        theta_diff: worst(&mut theta.iter().zip(torch_theta.iter())),
    })
}

/// The appendix's table: every case, its largest differences and a verdict
/// against [`TOLERANCE`].
pub fn torch_check() -> Result<Table> {
    let mut t = Table::new(
        "The digits network against torch.optim (float64, the same θ₀ and batches)",
        &[
            "case",
            "hyperparameters",
            "steps",
            "max rel. diff. loss",
            "max rel. diff. θ",
            "within 1e-9",
        ],
    );
    for c in cases()? {
        let ok = c.loss_diff <= TOLERANCE && c.theta_diff <= TOLERANCE;
        t.push(vec![
            Cell::from(c.name.as_str()),
            Cell::from(c.settings.as_str()),
            c.steps.into(),
            c.loss_diff.into(),
            c.theta_diff.into(),
            Cell::from(if ok { "✓" } else { "✗" }),
        ]);
    }
    Ok(t)
}
