//! # What `optrace` knows of each optimizer, read off the registry
//!
//! The optimizers are listed once, in the umbrella crate's registry
//! (`src/registry.rs` at the workspace root, [`optimizers::registry`]). [`methods`]
//! turns each of its types into a [`Method`]: how to run it ([`emit`]) and how
//! to build it from flags (its own [`FromFlags`]). Everything else is read off
//! these: the `--optimizer` values and their `--help` lines (the registry's
//! names and one-liners), which flags each optimizer takes ([`takes`]: its own
//! `hyperparameters()`) and so `--help`'s "taken by" and the refusal of a flag
//! it does not take ([`check_taken`]), `--defaults` ([`defaults_table`]), and the
//! tests (`tests/reference.rs` holds every case of
//! `crates/optcore/reference/cases.json` to its trace, 1e-9 relative).
//!
//! Adding an optimizer touches nothing here: see [`optimizers::registry`].

use crate::output::write_run;
use crate::{and_list, flag_message, Args, Status};
use optcore::render::{fmt_exact, Table};
use optcore::{
    problem_by_name, Convention, Exact, Flags, FromFlags, Optimizer, RunOptions, HYPERPARAMETERS,
};
use optimizers::registry::{self, Entry, Visitor};
use std::io::{self, Write};
use std::sync::LazyLock;

/// Runs an optimizer of one concrete type for a parsed command line, writing to
/// `out`: the status of the run and whether writing worked.
pub type Emit = fn(&Args, &mut dyn Write) -> (Status, io::Result<()>);

/// An optimizer's hyperparameters (by their [`Optimizer::hyperparameters`] names)
/// when built from these flags under a convention, or its refusal.
pub type Build = fn(Convention, &Flags) -> optcore::Result<Vec<(&'static str, f64)>>;

/// What `optrace` knows of one optimizer type.
#[derive(Clone, Copy)]
pub struct Method {
    /// As `--optimizer` takes it (the registry's name, the optimizer's own).
    pub name: &'static str,
    /// The registry's line for `--help`.
    pub about: &'static str,
    /// Runs it for a parsed command line.
    pub emit: Emit,
    /// Builds it from flags (its own `FromFlags`) and lists its hyperparameters.
    pub build: Build,
    /// Runs it on the digits network ([`crate::network`]).
    pub network: NetworkEmit,
}

/// Runs an optimizer of one concrete type on the digits network.
pub type NetworkEmit = fn(&crate::NetworkArgs, &mut dyn Write) -> (Status, io::Result<()>);

impl Method {
    /// The method of the optimizer type `O`, described by its registry entry.
    pub fn of<O: Optimizer + FromFlags>(entry: Entry) -> Method {
        Method {
            name: entry.name,
            about: entry.about,
            emit: emit::<O>,
            network: crate::network::emit::<O>,
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
        let Some(h) = optcore::hyper::by_flag(flag) else {
            return false;
        };
        let mut flags = Flags::default();
        h.set(&mut flags, Some(value));
        (self.build)(convention, &flags).is_err()
    }
}

/// A method is known by its name (the registry's names are unique).
impl PartialEq for Method {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name
    }
}

impl std::fmt::Debug for Method {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Method({:?})", self.name)
    }
}

/// Every optimizer of the registry, in its order.
pub fn methods() -> &'static [Method] {
    static METHODS: LazyLock<Vec<Method>> = LazyLock::new(|| {
        struct Collect(Vec<Method>);
        impl Visitor for Collect {
            fn visit<O: Optimizer + FromFlags>(&mut self, entry: Entry) {
                self.0.push(Method::of::<O>(entry));
            }
        }
        let mut all = Collect(Vec::with_capacity(registry::METHODS.len()));
        registry::visit(&mut all);
        all.0
    });
    &METHODS
}

/// A value every hyperparameter flag's shared domain holds, and that turns on
/// what it controls (RMSprop's momentum is listed only when it is not 0).
const PROBE: f64 = 0.5;

/// The hyperparameter flags an optimizer takes under a convention, read off the
/// optimizer itself: a flag is taken if [`Optimizer::hyperparameters`] lists its
/// name with every default, or with that flag given (RMSprop lists `momentum`
/// only when it is on; NAdam lists `momentum_decay` only under `pytorch`).
pub fn takes<O: Optimizer + FromFlags>(convention: Convention) -> Vec<&'static str> {
    takes_by(
        |c, flags| Ok(O::from_flags(c, flags)?.hyperparameters()),
        convention,
    )
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
        h.set(&mut flags, Some(PROBE));
        list(&flags);
    }
    HYPERPARAMETERS
        .iter()
        .filter(|h| names.contains(&h.name))
        .map(|h| h.flag)
        .collect()
}

/// The optimizers that take `flag` under a convention.
pub fn takers(flag: &str, convention: Convention) -> Vec<&'static str> {
    methods()
        .iter()
        .filter(|m| m.takes(convention).contains(&flag))
        .map(|m| m.name)
        .collect()
}

/// `Err(message)` for the first hyperparameter flag given that the optimizer
/// `name` does not take under `convention`.
pub fn check_taken(
    name: &str,
    taken: &[&str],
    convention: Convention,
    flags: &Flags,
) -> Result<(), String> {
    let c = convention;
    let other = match c {
        Convention::Paper => Convention::Pytorch,
        Convention::Pytorch => Convention::Paper,
    };
    for h in &HYPERPARAMETERS {
        if h.get(flags).is_none() || taken.contains(&h.flag) {
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

/// Every optimizer's hyperparameters when no flag is given, under each
/// convention (`optrace --defaults`): where `paper` and `pytorch` differ at a glance.
pub fn defaults_table() -> optcore::Result<Table> {
    let mut t = Table::new(
        "Defaults of each optimizer (what a flag not given takes)",
        &["optimizer", "paper", "pytorch"],
    );
    for m in methods() {
        let show = |c| -> optcore::Result<String> {
            let hp: Vec<String> = m
                .defaults(c)?
                .iter()
                .map(|(k, v)| format!("{k} = {}", fmt_exact(*v)))
                .collect();
            Ok(hp.join(", "))
        };
        t.push(vec![
            m.name.into(),
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
    let taken = takes::<O>(args.convention);
    if let Err(message) = check_taken(args.method.name, &taken, args.convention, &args.flags) {
        return refuse(message);
    }
    let opt = match O::from_flags(args.convention, &args.flags) {
        Ok(opt) => opt,
        Err(e) => return refuse(flag_message(&e)),
    };
    let problem = match problem_by_name(args.problem) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// One method per registry entry, in its order, each running the type the
    /// registry names (its `name()` is the entry's).
    #[test]
    fn methods_are_the_registrys() {
        let names: Vec<&str> = methods().iter().map(|m| m.name).collect();
        assert_eq!(names, registry::NAMES);
        for (m, entry) in methods().iter().zip(registry::METHODS) {
            assert_eq!(m.about, entry.about);
            assert!(m.defaults(Convention::Paper).is_ok(), "{}", m.name);
        }
    }
}
