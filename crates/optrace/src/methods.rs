//! # The optimizer registry: the ONE place where `optrace` learns an optimizer
//!
//! To add an optimizer whose crate implements [`optcore::Optimizer`] and
//! [`optcore::FromFlags`] (say `adam::Adam`):
//!
//! 1. `crates/optrace/Cargo.toml`, under `[dependencies]`: `adam.workspace = true`
//! 2. here, in [`method`], give it an arm `"adam" => Some(Method::of::<adam::Adam>()),`
//!
//! Nothing else: `--optimizer adam` then runs, `--help` lists it as available and
//! under each flag it takes, a flag it does not take is refused (both read off
//! its `hyperparameters()`, see [`takes`]), `--defaults` lists its defaults under
//! both conventions, and
//! `tests/reference.rs` holds every `adam` case of `crates/optcore/reference/cases.json`
//! to its trace (1e-9 relative).

use crate::output::write_run;
use crate::{and_list, flag_message, Args, Status, HYPERPARAMETERS, OPTIMIZERS};
use optcore::render::{fmt_exact, Table};
use optcore::{problem_by_name, Convention, Exact, Flags, FromFlags, Optimizer, RunOptions};
use std::io::{self, Write};

/// Runs an optimizer of one concrete type for a parsed command line, writing to
/// `out`: the status of the run and whether writing worked.
pub type Emit = fn(&Args, &mut dyn Write) -> (Status, io::Result<()>);

/// An optimizer's hyperparameters (by their [`Optimizer::hyperparameters`] names)
/// when built from these flags under a convention, or its refusal.
pub type Build = fn(Convention, &Flags) -> optcore::Result<Vec<(&'static str, f64)>>;

/// What `optrace` knows of one optimizer type.
#[derive(Clone, Copy)]
pub struct Method {
    /// Runs it for a parsed command line.
    pub emit: Emit,
    /// Builds it from flags (its own `FromFlags`) and lists its hyperparameters.
    pub build: Build,
}

impl Method {
    pub fn of<O: Optimizer + FromFlags>() -> Method {
        Method {
            emit: emit::<O>,
            build: |c, flags| Ok(O::from_flags(c, flags)?.hyperparameters()),
        }
    }

    /// Its hyperparameters when no flag is given, under a convention.
    pub fn defaults(&self, convention: Convention) -> optcore::Result<Vec<(&'static str, f64)>> {
        (self.build)(convention, &Flags::default())
    }

    /// The hyperparameter flags it takes under a convention (see [`takes`]).
    pub fn takes(&self, convention: Convention) -> Vec<&'static str> {
        takes_by(self.build, convention)
    }

    /// Does it refuse `flag = value` (every other flag at its default) under a
    /// convention, though the value is in the flag's shared domain?
    pub fn refuses(&self, convention: Convention, flag: &str, value: f64) -> bool {
        let Some(h) = HYPERPARAMETERS.iter().find(|h| h.flag == flag) else {
            return false;
        };
        let mut flags = Flags::default();
        *(h.slot)(&mut flags) = Some(value);
        (self.build)(convention, &flags).is_err()
    }
}

/// A value every hyperparameter flag's shared domain holds, and that turns on
/// what it controls (RMSprop's momentum is listed only when it is not 0).
const PROBE: f64 = 0.5;

/// The hyperparameter flags an optimizer takes under a convention, read off the
/// optimizer itself: a flag is taken if [`Optimizer::hyperparameters`] lists its
/// name with every default, or with that flag given (RMSprop lists `momentum`
/// only when it is on; NAdam lists `momentum_decay` only under `pytorch`).
pub fn takes<O: Optimizer + FromFlags>(convention: Convention) -> Vec<&'static str> {
    takes_by(Method::of::<O>().build, convention)
}

fn takes_by(build: Build, convention: Convention) -> Vec<&'static str> {
    let mut names: Vec<&'static str> = Vec::new();
    let mut list = |flags: &Flags| {
        if let Ok(hp) = build(convention, flags) {
            names.extend(hp.iter().map(|(name, _)| *name));
        }
    };
    list(&Flags::default());
    for h in &HYPERPARAMETERS {
        let mut flags = Flags::default();
        *(h.slot)(&mut flags) = Some(PROBE);
        list(&flags);
    }
    HYPERPARAMETERS
        .iter()
        .map(|h| h.flag)
        .filter(|&flag| names.iter().any(|n| crate::flag_of(n) == Some(flag)))
        .collect()
}

/// The optimizers of this build that take `flag` under a convention.
pub fn takers(flag: &str, convention: Convention) -> Vec<&'static str> {
    OPTIMIZERS
        .iter()
        .copied()
        .filter(|n| method(n).is_some_and(|m| m.takes(convention).contains(&flag)))
        .collect()
}

/// `Err(message)` for the first hyperparameter flag given that the optimizer
/// `name` does not take under `convention`.
pub fn check_taken(name: &str, taken: &[&str], args: &Args) -> Result<(), String> {
    let c = args.convention;
    let other = match c {
        Convention::Paper => Convention::Pytorch,
        Convention::Pytorch => Convention::Paper,
    };
    for h in &HYPERPARAMETERS {
        let mut flags = args.flags;
        if (h.slot)(&mut flags).is_none() || taken.contains(&h.flag) {
            continue;
        }
        let flag = h.flag;
        let takes_it = |names: &[&str]| {
            if names.len() == 1 {
                format!("{} takes it", names[0])
            } else {
                format!("{} take it", and_list(names))
            }
        };
        let here = takers(flag, c);
        let there = takers(flag, other);
        let mut why = if here.is_empty() {
            format!("no optimizer takes it under {c}")
        } else {
            takes_it(&here)
        };
        if there != here && !there.is_empty() {
            why.push_str(&format!(
                "; under --convention={other}, {}",
                takes_it(&there)
            ));
        }
        return Err(format!(
            "{flag} is not a hyperparameter of {name} under the {c} convention ({why})"
        ));
    }
    Ok(())
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
            let hp: Vec<String> = m
                .defaults(c)?
                .iter()
                .map(|(k, v)| format!("{k} = {}", fmt_exact(*v)))
                .collect();
            Ok(hp.join(", "))
        };
        t.push(vec![
            (*name).into(),
            show(Convention::Paper)?.into(),
            show(Convention::Pytorch)?.into(),
        ]);
    }
    Ok(t)
}

/// Builds `O` from the flags (the convention's defaults for the rest; a flag it
/// does not take is refused), runs it on the problem from the start point and
/// writes each row as it is computed.
pub fn emit<O: Optimizer + FromFlags>(
    args: &Args,
    out: &mut dyn Write,
) -> (Status, io::Result<()>) {
    let refuse = |message: String| (Status::usage_error(message), Ok(()));
    if let Err(message) = check_taken(&args.optimizer, &takes::<O>(args.convention), args) {
        return refuse(message);
    }
    let opt = match O::from_flags(args.convention, &args.flags) {
        Ok(opt) => opt,
        Err(e) => return refuse(flag_message(&e)),
    };
    let problem = match problem_by_name(&args.problem) {
        Ok(p) => p,
        Err(e) => return refuse(e.to_string()),
    };
    let mut oracle = Exact::new(problem.as_ref());
    let start = optcore::ndarray::arr1(&args.start);
    let mut steps = match optcore::steps(
        &opt,
        &mut oracle,
        start.view(),
        RunOptions::steps(args.steps),
    ) {
        Ok(steps) => steps,
        // θ₀ is finite but its loss is not: no row to print, so bad input.
        Err(optcore::Error::NonFinite { step: 0, what }) => {
            let [x, y] = args.start;
            let problem = &args.problem;
            return refuse(format!(
                "--start={x:?},{y:?} is unusable: the {what} of {problem} there is not finite \
                 (it overflows f64); give a start nearer the minimum"
            ));
        }
        Err(e) => return refuse(flag_message(&e)),
    };
    let written = write_run(&mut steps, &opt, args, out);
    let status = match steps.stop() {
        None => Status::ok(),
        Some(e) => Status::fault(e),
    };
    (status, written)
}

/// Runs a parsed command line (status 2 for an optimizer this build lacks).
pub fn run(args: &Args, out: &mut dyn Write) -> (Status, io::Result<()>) {
    match method(&args.optimizer) {
        Some(m) => (m.emit)(args, out),
        None => {
            let available: Vec<&str> = OPTIMIZERS
                .iter()
                .copied()
                .filter(|n| method(n).is_some())
                .collect();
            let message = format!(
                "optimizer '{}' is not available yet; --optimizer accepts {} in this build",
                args.optimizer,
                available.join(", ")
            );
            (Status::usage_error(message), Ok(()))
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
