//! # optrace — one optimizer run, printed step by step
//!
//! ```text
//! optrace --optimizer sgd|momentum|nag|adagrad|adadelta|rmsprop|adam|nadam
//!         --problem quadratic|rosenbrock|beale --start X,Y --steps N
//!         [--convention paper|pytorch]            (default: paper)
//!         [--lr F] [--momentum F] [--rho F] [--eps F]
//!         [--beta1 F] [--beta2 F] [--momentum-decay F]
//!         [--format table|csv|json]               (default: table)
//! ```
//!
//! This is the command line that `crates/optcore/reference/README.md` specifies and its
//! reference traces assume. Every flag takes `--flag value` or `--flag=value`
//! (negative numbers: `--start=-1.5,2.0`). A hyperparameter that is not given
//! takes the convention's documented default (each optimizer's
//! [`optcore::FromFlags`] impl); a flag the optimizer does not use is ignored.
//!
//! Output, row t = 0..N holding θ_t and the loss at θ_t:
//! - `table`: a header line (optimizer, convention, every hyperparameter, the ones
//!   filled in by default marked so) and the trace's text table (optcore's
//!   `Display` of [`optcore::Trace`]).
//! - `csv`: `t,loss,theta_0,theta_1`, then the step record's columns (`g_0, g_1,
//!   …`; empty in row 0, before any step), numbers in shortest round-trip form
//!   ([`optcore::Trace::to_csv`]).
//! - `json`: [`optcore::Trace::to_json`] with a `"convention"` key in front.
//!
//! Exit status: 0 on success; 2 on bad input, with one line on stderr naming the
//! flag and what it accepts; 1 when the run produced a non-finite value: every
//! finite row before it is printed, and one line on stderr names the step.
//!
//! Layout: parsing ([`parse`]) and the whole outcome of a command line
//! ([`run_cli`]) are here, `main.rs` only prints; [`methods`] is the optimizer
//! registry, the one place where an optimizer is added.

pub mod methods;

use optcore::error::{check_non_negative, check_open_unit_interval, check_positive, check_unit_interval};
use optcore::render::fmt_exact;
use optcore::{problem_by_name, Convention, Flags, Optimizer, Trace};

/// Every optimizer name `--optimizer` knows (see [`methods::method`] for which
/// ones this build can run).
pub const OPTIMIZERS: [&str; 8] = ["sgd", "momentum", "nag", "adagrad", "adadelta", "rmsprop", "adam", "nadam"];

/// The largest `--steps` (every row is kept in memory).
pub const MAX_STEPS: usize = 1_000_000;

/// Every flag, without its leading `--`.
const FLAG_NAMES: [&str; 13] = [
    "optimizer",
    "problem",
    "start",
    "steps",
    "convention",
    "format",
    "lr",
    "momentum",
    "rho",
    "eps",
    "beta1",
    "beta2",
    "momentum-decay",
];

/// A domain check from `optcore::error`, and where a flag's value goes in [`Flags`].
type Check = fn(&'static str, f64) -> optcore::Result<()>;
type Slot = fn(&mut Flags) -> &mut Option<f64>;

/// The hyperparameter flags, each with the domain every optimizer shares
/// (optcore's checks, so the wording matches the library's errors).
const HYPERPARAMETERS: [(&str, Check, Slot); 7] = [
    ("--lr", check_positive, |f| &mut f.lr),
    ("--momentum", check_unit_interval, |f| &mut f.momentum),
    ("--rho", check_open_unit_interval, |f| &mut f.rho),
    ("--eps", check_non_negative, |f| &mut f.eps),
    ("--beta1", check_unit_interval, |f| &mut f.beta1),
    ("--beta2", check_unit_interval, |f| &mut f.beta2),
    ("--momentum-decay", check_non_negative, |f| &mut f.momentum_decay),
];

/// How the trace is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Table,
    Csv,
    Json,
}

/// A parsed, validated command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Args {
    /// One of [`OPTIMIZERS`].
    pub optimizer: String,
    /// One of optcore's [`problem_by_name`] names.
    pub problem: String,
    pub start: [f64; 2],
    pub steps: usize,
    pub convention: Convention,
    /// The hyperparameter flags given (`None`: take the convention's default).
    pub flags: Flags,
    pub format: Format,
}

/// What a command line asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Help,
    /// `--defaults`: every optimizer's defaults under both conventions.
    Defaults,
    Run(Args),
}

/// Bad input: one line naming the flag and what it accepts (exit status 2).
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn bad<T>(message: impl Into<String>) -> Result<T, UsageError> {
    Err(UsageError(message.into()))
}

/// Parses the arguments after the program name. `--help`/`-h` anywhere wins.
pub fn parse<I, S>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let args: Vec<String> = args.into_iter().map(Into::into).collect();
    if args.iter().any(|a| a == "--help" || a == "-h") {
        return Ok(Command::Help);
    }
    if args.len() == 1 && args[0] == "--defaults" {
        return Ok(Command::Defaults);
    }

    // Pass 1: collect `--name value` / `--name=value` pairs.
    let mut given: Vec<(&'static str, String)> = Vec::new();
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let Some(body) = arg.strip_prefix("--") else {
            return bad(format!("unexpected argument '{arg}': flags are --name value or --name=value (see --help)"));
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let Some(&name) = FLAG_NAMES.iter().find(|&&n| n == name) else {
            return bad(format!("unknown flag '--{name}' (see --help for the flags optrace accepts)"));
        };
        let value = match inline.or_else(|| it.next()) {
            Some(v) => v,
            None => return bad(format!("--{name} needs a value (--{name} VALUE or --{name}=VALUE)")),
        };
        if given.iter().any(|(n, _)| *n == name) {
            return bad(format!("--{name} is given twice; give it once"));
        }
        given.push((name, value));
    }
    let get = |name: &str| given.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_str());

    // Pass 2: each flag's value.
    let optimizer = match get("optimizer") {
        None => return bad(format!("missing --optimizer (one of {})", OPTIMIZERS.join(", "))),
        Some(o) if OPTIMIZERS.contains(&o) => o.to_string(),
        Some(o) => return bad(format!("unknown optimizer '{o}'; --optimizer accepts {}", OPTIMIZERS.join(", "))),
    };
    let problem = match get("problem") {
        None => return bad("missing --problem (quadratic, rosenbrock or beale)"),
        Some(p) => {
            problem_by_name(p).map_err(|e| UsageError(e.to_string()))?;
            p.to_string()
        }
    };
    let start = match get("start") {
        None => return bad("missing --start (two finite numbers X,Y; negatives as --start=-1.5,2.0)"),
        Some(s) => parse_start(s)?,
    };
    let steps = match get("steps") {
        None => return bad(format!("missing --steps (a whole number from 0 to {MAX_STEPS})")),
        Some(s) => match s.trim().parse::<usize>() {
            Ok(n) if n <= MAX_STEPS => n,
            _ => return bad(format!("--steps accepts a whole number from 0 to {MAX_STEPS}, not '{s}'")),
        },
    };
    let convention = match get("convention") {
        None => Convention::Paper,
        Some(c) => c.parse::<Convention>().map_err(|e| UsageError(e.to_string()))?,
    };
    let format = match get("format") {
        None => Format::Table,
        Some("table") => Format::Table,
        Some("csv") => Format::Csv,
        Some("json") => Format::Json,
        Some(f) => return bad(format!("unknown format '{f}'; --format accepts table, csv or json")),
    };
    let mut flags = Flags::default();
    for (flag, check, slot) in HYPERPARAMETERS {
        if let Some(text) = get(&flag[2..]) {
            let Ok(value) = text.trim().parse::<f64>() else {
                return bad(format!("{flag} accepts a number, not '{text}'"));
            };
            check(flag, value).map_err(|e| UsageError(e.to_string()))?;
            *slot(&mut flags) = Some(value);
        }
    }
    Ok(Command::Run(Args {
        optimizer,
        problem,
        start,
        steps,
        convention,
        flags,
        format,
    }))
}

fn parse_start(s: &str) -> Result<[f64; 2], UsageError> {
    let numbers: Vec<Option<f64>> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect();
    match numbers[..] {
        [Some(x), Some(y)] => Ok([x, y]),
        _ => bad(format!(
            "--start accepts two finite numbers X,Y (negatives as --start=-1.5,2.0), not '{s}'"
        )),
    }
}

/// The usage text of `--help` (it lists the optimizers this build can run).
pub fn usage() -> String {
    let available: Vec<&str> = OPTIMIZERS.iter().copied().filter(|n| methods::method(n).is_some()).collect();
    format!(
        "optrace: run one optimizer of the post on a test function and print every step

usage: optrace --optimizer NAME --problem NAME --start X,Y --steps N [options]
Every flag takes --flag VALUE or --flag=VALUE (negatives: --start=-1.5,2.0).

required:
  --optimizer NAME      {all}
                        (available in this build: {available})
  --problem NAME        quadratic (0.1x² + 2y²), rosenbrock, beale
  --start X,Y           two finite numbers: the start θ₀
  --steps N             a whole number from 0 to {MAX_STEPS}
options:
  --convention NAME     paper (the post and papers, default) or pytorch (torch.optim)
  --format NAME         table (default), csv or json
  --lr F                learning rate η, > 0
  --momentum F          momentum γ, in [0, 1)
  --rho F               decay rate ρ, in (0, 1) (torch's alpha for rmsprop)
  --eps F               ε, >= 0
  --beta1 F             β₁, in [0, 1)
  --beta2 F             β₂, in [0, 1)
  --momentum-decay F    NAdam's momentum decay ψ, >= 0
  -h, --help            this text
       --defaults        (alone) every optimizer's defaults under both conventions
A hyperparameter not given takes the convention's default for the optimizer; one
the optimizer does not use is ignored.

output: row t = 0..N holds θ_t and the loss at θ_t; csv columns t,loss,theta_0,theta_1
then the step's record (empty in row 0).
exit status: 0 done; 1 a non-finite value at some step (every row before it is
printed); 2 bad input (one line on stderr naming the flag).
",
        all = OPTIMIZERS.join(", "),
        available = available.join(", "),
    )
}

/// Everything a command line produces: what to print and the exit status.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    /// One line (without its newline), if any.
    pub stderr: Option<String>,
    pub code: i32,
}

impl Outcome {
    /// Bad input: nothing on stdout, one line on stderr, status 2.
    pub fn usage_error(message: impl std::fmt::Display) -> Self {
        Outcome {
            stdout: String::new(),
            stderr: Some(format!("error: {message}")),
            code: 2,
        }
    }
}

/// Parses `args` (without the program name) and runs them.
pub fn run_cli<I, S>(args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    match parse(args) {
        Ok(Command::Help) => Outcome {
            stdout: usage(),
            stderr: None,
            code: 0,
        },
        Ok(Command::Defaults) => match methods::defaults_table() {
            Ok(t) => Outcome {
                stdout: t.to_string(),
                stderr: None,
                code: 0,
            },
            Err(e) => Outcome::usage_error(e),
        },
        Ok(Command::Run(args)) => methods::run(&args),
        Err(e) => Outcome::usage_error(e),
    }
}

/// Was the hyperparameter called `name` (as [`Optimizer::hyperparameters`] names
/// it, `momentum_decay` or `momentum-decay`) given on the command line?
/// `None` for a name that is not an `optrace` flag.
pub fn given(flags: &Flags, name: &str) -> Option<bool> {
    let value = match name.replace('_', "-").as_str() {
        "lr" => flags.lr,
        "momentum" => flags.momentum,
        "rho" => flags.rho,
        "eps" => flags.eps,
        "beta1" => flags.beta1,
        "beta2" => flags.beta2,
        "momentum-decay" => flags.momentum_decay,
        _ => return None,
    };
    Some(value.is_some())
}

/// The table's first line: `sgd, convention paper: lr = 0.01 (default)`.
pub fn header_line<O: Optimizer>(opt: &O, args: &Args) -> String {
    let hps: Vec<String> = opt
        .hyperparameters()
        .iter()
        .map(|&(name, value)| {
            let mark = if given(&args.flags, name) == Some(false) { " (default)" } else { "" };
            format!("{name} = {}{mark}", fmt_exact(value))
        })
        .collect();
    format!("{}, convention {}: {}", opt.name(), args.convention, hps.join(", "))
}

/// The outcome of a finished (or stopped) run: the trace in the asked format,
/// and status 1 with the stop reason if a non-finite value ended it early.
pub fn report<O: Optimizer>(opt: &O, args: &Args, trace: &Trace<O::Record>) -> Outcome {
    let stdout = if trace.rows.is_empty() {
        // Not even θ₀ had a finite loss: there is no row (and no column list) to print.
        String::new()
    } else {
        match args.format {
            Format::Table => format!("{}\n{trace}", header_line(opt, args)),
            Format::Csv => trace.to_csv(),
            Format::Json => {
                let json = trace.to_json();
                format!("{{\"convention\":\"{}\",{}\n", args.convention, &json[1..])
            }
        }
    };
    match &trace.stop {
        None => Outcome {
            stdout,
            stderr: None,
            code: 0,
        },
        Some(e) => Outcome {
            stdout,
            stderr: Some(format!("error: {e}")),
            code: 1,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: [&str; 7] = ["--optimizer", "sgd", "--problem", "quadratic", "--start=-5,-2", "--steps", "3"];

    fn with(extra: &[&str]) -> Result<Command, UsageError> {
        parse(BASE.iter().chain(extra).map(|s| s.to_string()))
    }

    fn args(extra: &[&str]) -> Args {
        match with(extra) {
            Ok(Command::Run(a)) => a,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn both_flag_forms_and_defaults() {
        let a = args(&["--lr", "0.4", "--momentum=0.5"]);
        assert_eq!(a.start, [-5.0, -2.0]);
        assert_eq!(a.steps, 3);
        assert_eq!(a.flags.lr, Some(0.4));
        assert_eq!(a.flags.momentum, Some(0.5));
        assert_eq!(a.flags.eps, None);
        assert_eq!(a.convention, Convention::Paper);
        assert_eq!(a.format, Format::Table);
        let a = args(&["--convention=pytorch", "--format", "csv", "--momentum-decay", "0.004"]);
        assert_eq!((a.convention, a.format), (Convention::Pytorch, Format::Csv));
        assert_eq!(a.flags.momentum_decay, Some(0.004));
        // The separate form takes the next argument as it is, a negative too.
        let a = parse(["--optimizer", "sgd", "--problem", "beale", "--start", "-1.5,2", "--steps", "0"]).unwrap();
        assert!(matches!(a, Command::Run(Args { start: [-1.5, 2.0], steps: 0, .. })));
    }

    #[test]
    fn help_wins() {
        assert_eq!(parse(["--help"]), Ok(Command::Help));
        assert_eq!(parse(["--bogus", "-h"]), Ok(Command::Help));
    }

    #[test]
    fn bad_input_is_one_line_naming_the_flag() {
        let cases: [(&[&str], &str); 16] = [
            (&["--lr=0"], "--lr"),
            (&["--lr=-1"], "--lr"),
            (&["--lr=nan"], "--lr"),
            (&["--lr", "x"], "--lr"),
            (&["--momentum=1"], "--momentum"),
            (&["--rho=0"], "--rho"),
            (&["--rho=1"], "--rho"),
            (&["--eps=-1e-8"], "--eps"),
            (&["--beta2=1"], "--beta2"),
            (&["--momentum-decay=-1"], "--momentum-decay"),
            (&["--format=xml"], "--format"),
            (&["--convention=keras"], "--convention"),
            (&["--bogus=1"], "--bogus"),
            (&["--lr"], "--lr"),
            (&["--steps=4"], "--steps"),
            (&["quadratic"], "quadratic"),
        ];
        for (extra, flag) in cases {
            let e = with(extra).unwrap_err().0;
            assert!(e.contains(flag) && !e.contains('\n'), "{extra:?}: {e}");
        }
        for start in ["1", "1,2,3", "nan,1", "1,inf", "a,b", ""] {
            let e = parse(["--optimizer", "sgd", "--problem", "beale", "--steps", "1", "--start", start]).unwrap_err().0;
            assert!(e.contains("--start"), "{start}: {e}");
        }
        for steps in ["-3", "1.5", "1000001"] {
            let e = parse(["--optimizer", "sgd", "--problem", "beale", "--start=0,0", "--steps", steps]).unwrap_err().0;
            assert!(e.contains("--steps"), "{steps}: {e}");
        }
        let e = parse(["--optimizer", "sgd", "--start=0,0", "--steps", "1"]).unwrap_err().0;
        assert!(e.contains("missing --problem"), "{e}");
        let e = parse(["--optimizer", "adamw", "--problem", "beale", "--start=0,0", "--steps", "1"]).unwrap_err().0;
        assert!(e.contains("--optimizer") && e.contains("nadam"), "{e}");
    }

    #[test]
    fn given_knows_both_spellings() {
        let f = Flags {
            momentum_decay: Some(0.004),
            ..Flags::default()
        };
        assert_eq!(given(&f, "momentum_decay"), Some(true));
        assert_eq!(given(&f, "momentum-decay"), Some(true));
        assert_eq!(given(&f, "lr"), Some(false));
        assert_eq!(given(&f, "nesterov"), None);
    }
}
