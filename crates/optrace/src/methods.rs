//! # The optimizer registry: the ONE place where `optrace` learns an optimizer
//!
//! To add an optimizer whose crate implements [`optcore::Optimizer`] and
//! [`optcore::FromFlags`] (say `adam::Adam`):
//!
//! 1. `crates/optrace/Cargo.toml`, under `[dependencies]`: `adam.workspace = true`
//! 2. here, in [`method`], replace its arm `"adam" => None,` by
//!    `"adam" => Some(emit::<adam::Adam>),`
//!
//! Nothing else: `--optimizer adam` then runs, `--help` lists it as available, and
//! `tests/reference.rs` holds every `adam` case of `../shared/reference/cases.json`
//! to its trace (1e-9 relative).

use crate::{report, Args, Outcome, OPTIMIZERS};
use optcore::{problem_by_name, FromFlags, Optimizer};

/// Runs an optimizer of one concrete type for a parsed command line.
pub type Emit = fn(&Args) -> Outcome;

/// The runner of `--optimizer name`, or `None` if this build does not have it yet.
pub fn method(name: &str) -> Option<Emit> {
    match name {
        "sgd" => Some(emit::<gd::Sgd>),
        "momentum" => Some(emit::<momentum::Momentum>),
        "nag" => Some(emit::<nag::Nag>),
        "adagrad" => Some(emit::<adagrad::Adagrad>),
        "adadelta" => Some(emit::<adadelta::Adadelta>),
        "rmsprop" => Some(emit::<rmsprop::Rmsprop>),
        "adam" => Some(emit::<adam::Adam>),
        "nadam" => Some(emit::<nadam::Nadam>),
        _ => None,
    }
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
        Some(emit) => emit(args),
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
