//! # The optimizer registry: the ONE place where `optrace` learns an optimizer
//!
//! To add an optimizer whose crate implements [`optcore::Optimizer`] and
//! [`optcore::FromFlags`] (say `adam::Adam`):
//!
//! 1. `crates/optrace/Cargo.toml`, under `[dependencies]`: `adam.workspace = true`
//! 2. here, in [`method`], give it an arm `"adam" => Some(Method::of::<adam::Adam>()),`
//!
//! Nothing else: `--optimizer adam` then runs, `--help` lists it as available,
//! `--defaults` lists its defaults under both conventions, and
//! `tests/reference.rs` holds every `adam` case of `crates/optcore/reference/cases.json`
//! to its trace (1e-9 relative).

use crate::{report, Args, Outcome, OPTIMIZERS};
use optcore::render::{fmt_exact, Table};
use optcore::{problem_by_name, Convention, Flags, FromFlags, Optimizer};

/// Runs an optimizer of one concrete type for a parsed command line.
pub type Emit = fn(&Args) -> Outcome;

/// An optimizer's hyperparameters when no flag is given, under a convention.
pub type Defaults = fn(Convention) -> optcore::Result<Vec<(&'static str, f64)>>;

/// What `optrace` knows of one optimizer type.
#[derive(Clone, Copy)]
pub struct Method {
    /// Runs it for a parsed command line.
    pub emit: Emit,
    /// Its hyperparameters when no flag is given, under a convention.
    pub defaults: Defaults,
}

impl Method {
    pub fn of<O: Optimizer + FromFlags>() -> Method {
        Method {
            emit: emit::<O>,
            defaults: |c| Ok(O::from_flags(c, &Flags::default())?.hyperparameters()),
        }
    }
}

/// The optimizer `--optimizer name` names, or `None` if this build does not have it yet.
pub fn method(name: &str) -> Option<Method> {
    match name {
        "sgd" => Some(Method::of::<gd::Sgd>()),
        "momentum" => Some(Method::of::<momentum::Momentum>()),
        "nag" => Some(Method::of::<nag::Nag>()),
        "adagrad" => Some(Method::of::<adagrad::Adagrad>()),
        "adadelta" => Some(Method::of::<adadelta::Adadelta>()),
        "rmsprop" => Some(Method::of::<rmsprop::Rmsprop>()),
        "adam" => Some(Method::of::<adam::Adam>()),
        "nadam" => Some(Method::of::<nadam::Nadam>()),
        _ => None,
    }
}

/// Every available optimizer's hyperparameters when no flag is given, under each
/// convention (`optrace --defaults`): where `paper` and `pytorch` differ at a glance.
pub fn defaults_table() -> optcore::Result<Table> {
    let mut t = Table::new(
        "Defaults of each optimizer (what a flag not given takes)",
        &["optimizer", "paper", "pytorch"],
    );
    for name in OPTIMIZERS {
        let Some(m) = method(name) else { continue };
        let show = |c| -> optcore::Result<String> {
            let hp: Vec<String> = (m.defaults)(c)?
                .iter()
                .map(|(k, v)| format!("{k} = {}", fmt_exact(*v)))
                .collect();
            Ok(hp.join(", "))
        };
        t.push(vec![(*name).into(), show(Convention::Paper)?.into(), show(Convention::Pytorch)?.into()]);
    }
    Ok(t)
}

/// Builds `O` from the flags (the convention's defaults for the rest), runs it on
/// the problem from the start point and reports the trace.
pub fn emit<O: Optimizer + FromFlags>(args: &Args) -> Outcome {
    let opt = match O::from_flags(args.convention, &args.flags) {
        Ok(opt) => opt,
        Err(e) => return Outcome::usage_error(e),
    };
    let problem = match problem_by_name(&args.problem) {
        Ok(p) => p,
        Err(e) => return Outcome::usage_error(e),
    };
    let start = optcore::ndarray::arr1(&args.start);
    match optcore::run(&opt, problem.as_ref(), start.view(), args.steps) {
        Ok(trace) => report(&opt, args, &trace),
        // θ₀ is finite but its loss is not: a run fault at step 0, not bad input.
        Err(e @ optcore::Error::NonFinite { .. }) => Outcome {
            stdout: String::new(),
            stderr: Some(format!("error: {e}")),
            code: 1,
        },
        Err(e) => Outcome::usage_error(e),
    }
}

/// Runs a parsed command line (status 2 for an optimizer this build lacks).
pub fn run(args: &Args) -> Outcome {
    match method(&args.optimizer) {
        Some(m) => (m.emit)(args),
        None => {
            let available: Vec<&str> = OPTIMIZERS.iter().copied().filter(|n| method(n).is_some()).collect();
            Outcome::usage_error(format!(
                "optimizer '{}' is not available yet; --optimizer accepts {} in this build",
                args.optimizer,
                available.join(", ")
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgd_is_available() {
        assert!(method("sgd").is_some());
        assert!(method("adamw").is_none());
    }
}
