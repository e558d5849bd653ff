//! # optrace — one optimizer run, printed step by step
//!
//! ```text
//! optrace --optimizer sgd|momentum|nag|adagrad|adadelta|rmsprop|adam|nadam
//!         --problem quadratic|rosenbrock|beale --start X,Y --steps N
//!         [--convention paper|pytorch]            (default: paper)
//!         [--lr F] [--momentum F] [--rho F] [--eps F]
//!         [--beta1 F] [--beta2 F] [--momentum-decay F]
//!         [--format table|csv|json]               (default: table)
//! optrace --defaults | --help
//! ```
//!
//! This is the command line that `crates/optcore/reference/README.md` specifies and its
//! reference traces assume. Every flag takes `--flag value` or `--flag=value`. A
//! separate value may start with one `-` (`--start -1.5,2`, `--lr -1`, which is
//! then refused as lr ≤ 0) but not with `--`: `--lr --format csv` says that `--lr`
//! needs a value. `--defaults` stands alone.
//!
//! A hyperparameter that is not given takes the convention's documented default
//! (each optimizer's [`optcore::FromFlags`] impl). A hyperparameter flag that the
//! chosen optimizer does not take under the chosen convention is refused (status 2),
//! naming the optimizers that take it. Which flags an optimizer takes is read off
//! the optimizer itself ([`methods::takes`]: the names its
//! [`optcore::Optimizer::hyperparameters`] lists with the defaults, or with that
//! flag given, since RMSprop lists `momentum` only when it is on). NAdam takes
//! `--momentum-decay` only under `pytorch`.
//!
//! Output, row t = 0..N holding θ_t and the loss at θ_t, written as the run
//! computes it (memory stays flat however many steps; `--steps` goes up to
//! optcore's [`optcore::MAX_STEPS`], 10⁹):
//! - `table`: a header line (optimizer, convention, every hyperparameter, the ones
//!   filled in by default marked so) and the trace's text table (optcore's
//!   `Display` of [`optcore::Trace`]) for up to [`output::TABLE_ALIGNED_STEPS`]
//!   steps; a longer run gets the same table with fixed-width columns (see
//!   [`output`]).
//! - `csv`: `t,loss,theta_0,theta_1`, then the step record's columns (`g_0, g_1,
//!   …`; empty in row 0, before any step), numbers in shortest round-trip form
//!   (the bytes of [`optcore::Trace::to_csv`]).
//! - `json`: [`optcore::Trace::to_json`] with a `"convention"` key in front:
//!   `{"convention", "optimizer", "problem", "columns", "rows": [[…], …], "stop"}`,
//!   written by serde_json piece by piece, so it is valid JSON whatever the names
//!   and however the run ends (`"stop"` holds the fault's message, or `null`).
//!
//! Exit status:
//! - 0: the run finished and everything was written.
//! - 1: the run produced a non-finite value (or, with eps = 0, divided by √0):
//!   every finite row before it is printed (JSON: closed, with a non-null `"stop"`)
//!   and one line on stderr names the step. Also 1 when the output cannot be
//!   written (`optrace … > /dev/full`): one line on stderr,
//!   `error: cannot write the output: …`.
//! - 2: bad input, before anything is written to stdout: one line on stderr naming
//!   the flag and what it accepts; the user's text is echoed escaped (`{:?}`). A
//!   start whose loss is not finite is bad input too (there is no row to print).
//!
//! A closed pipe (`optrace … | head -1`) is not an error: the run stops there and
//! optrace exits quietly with the status of what it had computed — 0, or 1 (with
//! its one line) if the run had already stopped on a non-finite value.
//!
//! Layout: parsing ([`parse`]) and the whole outcome of a command line
//! ([`run_cli_to`], which writes to any [`Write`]; [`run_cli`] collects it for
//! tests) are here, `main.rs` only hands it stdout; [`output`] writes the rows;
//! [`methods`] is the optimizer registry, the one place where an optimizer is added.

pub mod methods;
pub mod output;

use optcore::error::{
    check_non_negative, check_open_unit_interval, check_positive, check_unit_interval,
};
use optcore::render::fmt_exact;
use optcore::{Convention, Flags, Optimizer};
use std::io::{self, Write};

/// Every optimizer name `--optimizer` knows (see [`methods::method`] for which
/// ones this build can run).
pub const OPTIMIZERS: [&str; 8] = [
    "sgd", "momentum", "nag", "adagrad", "adadelta", "rmsprop", "adam", "nadam",
];

/// Every problem name `--problem` takes (optcore's [`optcore::problem_by_name`] names).
pub const PROBLEMS: [&str; 3] = ["quadratic", "rosenbrock", "beale"];

/// The largest `--steps`: optcore's limit for a streamed run (rows are written as
/// they come, none is kept beyond [`output::TABLE_ALIGNED_STEPS`]).
pub const MAX_STEPS: usize = optcore::MAX_STEPS;

/// Every flag, without its leading `--` (`--help` and `--defaults` stand apart).
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

/// One hyperparameter flag.
pub struct Hyperparameter {
    /// `--lr`.
    pub flag: &'static str,
    /// The domain every optimizer shares (optcore's checks, so the wording
    /// matches the library's errors).
    check: Check,
    /// Where its value goes.
    pub slot: Slot,
    /// For `--help`: what it is, and the shared domain.
    pub what: &'static str,
    pub domain: &'static str,
    /// The edge of the shared domain that some optimizer may refuse, and the
    /// domain it then has (`--help` lists who: Adadelta refuses eps = 0).
    pub edge: Option<(f64, &'static str)>,
}

/// Every hyperparameter flag.
pub const HYPERPARAMETERS: [Hyperparameter; 7] = [
    Hyperparameter {
        flag: "--lr",
        check: check_positive,
        slot: |f| &mut f.lr,
        what: "learning rate η",
        domain: "> 0",
        edge: None,
    },
    Hyperparameter {
        flag: "--momentum",
        check: check_unit_interval,
        slot: |f| &mut f.momentum,
        what: "momentum γ",
        domain: "in [0, 1)",
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        flag: "--rho",
        check: check_open_unit_interval,
        slot: |f| &mut f.rho,
        what: "decay rate ρ (torch's alpha for rmsprop)",
        domain: "in (0, 1)",
        edge: None,
    },
    Hyperparameter {
        flag: "--eps",
        check: check_non_negative,
        slot: |f| &mut f.eps,
        what: "ε",
        domain: ">= 0",
        edge: Some((0.0, "> 0")),
    },
    Hyperparameter {
        flag: "--beta1",
        check: check_unit_interval,
        slot: |f| &mut f.beta1,
        what: "β₁",
        domain: "in [0, 1)",
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        flag: "--beta2",
        check: check_unit_interval,
        slot: |f| &mut f.beta2,
        what: "β₂",
        domain: "in [0, 1)",
        edge: Some((0.0, "in (0, 1)")),
    },
    Hyperparameter {
        flag: "--momentum-decay",
        check: check_non_negative,
        slot: |f| &mut f.momentum_decay,
        what: "NAdam's momentum decay ψ",
        domain: ">= 0",
        edge: Some((0.0, "> 0")),
    },
];

/// The flag of a hyperparameter named as [`Optimizer::hyperparameters`] names it
/// (`momentum_decay` → `--momentum-decay`), if `optrace` has one.
pub fn flag_of(name: &str) -> Option<&'static str> {
    let flag = format!("--{}", name.replace('_', "-"));
    HYPERPARAMETERS.iter().map(|h| h.flag).find(|f| *f == flag)
}

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
    /// One of optcore's [`optcore::problem_by_name`] names.
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
    if args
        .iter()
        .any(|a| a == "--defaults" || a.starts_with("--defaults="))
    {
        return match &args[..] {
            [a] if a == "--defaults" => Ok(Command::Defaults),
            [_] => bad("--defaults takes no value: give it alone, as optrace --defaults"),
            _ => bad("--defaults stands alone: give it without other flags, as optrace --defaults"),
        };
    }

    // Pass 1: collect `--name value` / `--name=value` pairs.
    let mut given: Vec<(&'static str, String)> = Vec::new();
    let mut it = args.into_iter().peekable();
    while let Some(arg) = it.next() {
        let Some(body) = arg.strip_prefix("--") else {
            return bad(format!(
                "unexpected argument {arg:?}: flags are --name value or --name=value (see --help)"
            ));
        };
        let (name, inline) = match body.split_once('=') {
            Some((n, v)) => (n, Some(v.to_string())),
            None => (body, None),
        };
        let Some(&name) = FLAG_NAMES.iter().find(|&&n| n == name) else {
            let flag = format!("--{name}");
            return bad(format!(
                "unknown flag {flag:?} (see --help for the flags optrace accepts)"
            ));
        };
        // A separate value may start with one `-` (a negative number) but not with
        // `--`: that is the next flag, and this one is missing its value.
        let value = match inline.or_else(|| it.next_if(|next| !next.starts_with("--"))) {
            Some(v) => v,
            None => {
                return bad(format!(
                    "--{name} needs a value (--{name} VALUE or --{name}=VALUE)"
                ))
            }
        };
        if given.iter().any(|(n, _)| *n == name) {
            return bad(format!("--{name} is given twice; give it once"));
        }
        given.push((name, value));
    }
    let get = |name: &str| {
        given
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };

    // Pass 2: each flag's value.
    let optimizer = match get("optimizer") {
        None => {
            return bad(format!(
                "missing --optimizer (one of {})",
                OPTIMIZERS.join(", ")
            ))
        }
        Some(o) if OPTIMIZERS.contains(&o) => o.to_string(),
        Some(o) => {
            return bad(format!(
                "unknown optimizer {o:?}; --optimizer accepts {}",
                OPTIMIZERS.join(", ")
            ))
        }
    };
    let problem = match get("problem") {
        None => return bad(format!("missing --problem ({})", or_list(&PROBLEMS))),
        Some(p) if PROBLEMS.contains(&p) => p.to_string(),
        Some(p) => {
            return bad(format!(
                "unknown problem {p:?}; --problem accepts {}",
                or_list(&PROBLEMS)
            ))
        }
    };
    let start = match get("start") {
        None => {
            return bad("missing --start (two finite numbers X,Y; negatives as --start=-1.5,2.0)")
        }
        Some(s) => parse_start(s)?,
    };
    let steps = match get("steps") {
        None => {
            return bad(format!(
                "missing --steps (a whole number from 0 to {MAX_STEPS})"
            ))
        }
        Some(s) => match s.trim().parse::<usize>() {
            Ok(n) if n <= MAX_STEPS => n,
            _ => {
                return bad(format!(
                    "--steps accepts a whole number from 0 to {MAX_STEPS}, not {s:?}"
                ))
            }
        },
    };
    let convention = match get("convention") {
        None => Convention::Paper,
        Some(c) => match c.parse::<Convention>() {
            Ok(c) => c,
            Err(_) => {
                return bad(format!(
                    "unknown convention {c:?}; --convention accepts paper or pytorch"
                ))
            }
        },
    };
    let format = match get("format") {
        None => Format::Table,
        Some("table") => Format::Table,
        Some("csv") => Format::Csv,
        Some("json") => Format::Json,
        Some(f) => {
            return bad(format!(
                "unknown format {f:?}; --format accepts table, csv or json"
            ))
        }
    };
    let mut flags = Flags::default();
    for h in &HYPERPARAMETERS {
        if let Some(text) = get(&h.flag[2..]) {
            let Ok(value) = text.trim().parse::<f64>() else {
                return bad(format!("{} accepts a number, not {text:?}", h.flag));
            };
            (h.check)(h.flag, value).map_err(|e| UsageError(flag_message(&e)))?;
            *(h.slot)(&mut flags) = Some(value);
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
            "--start accepts two finite numbers X,Y (negatives as --start=-1.5,2.0), not {s:?}"
        )),
    }
}

/// `a, b or c`.
pub fn or_list(names: &[&str]) -> String {
    join_last(names, "or")
}

/// `a, b and c`.
pub fn and_list(names: &[&str]) -> String {
    join_last(names, "and")
}

fn join_last(names: &[&str], word: &str) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

/// An optcore error as optrace says it: a hyperparameter named as its flag
/// (`invalid --eps = 0: --eps must be …`, not `eps`), its value short (`1e-300`,
/// not three hundred digits).
pub fn flag_message(e: &optcore::Error) -> String {
    match e {
        optcore::Error::Hyperparameter {
            name,
            value,
            accepts,
        } => {
            let flag = match name.strip_prefix("--") {
                Some(_) => name.to_string(),
                None => flag_of(name)
                    .map_or_else(|| format!("--{}", name.replace('_', "-")), str::to_string),
            };
            let mut shown = value.to_string();
            if shown.len() > 20 {
                shown = format!("{value:e}");
            }
            format!("invalid {flag} = {shown}: {flag} must be {accepts}")
        }
        e => e.to_string(),
    }
}

/// The usage text of `--help`. The optimizers each hyperparameter flag belongs
/// to, and the ones with a narrower domain than the flag's, are read off the
/// optimizers this build has ([`methods::Method::takes`], [`methods::Method::refuses`]).
pub fn usage() -> String {
    let available: Vec<&str> = OPTIMIZERS
        .iter()
        .copied()
        .filter(|n| methods::method(n).is_some())
        .collect();
    let mut hyperparameters = String::new();
    for h in &HYPERPARAMETERS {
        let mut takers: Vec<String> = Vec::new();
        let mut narrower: Vec<&str> = Vec::new();
        for name in &available {
            let m = methods::method(name).expect("available");
            let under: Vec<Convention> = [Convention::Paper, Convention::Pytorch]
                .into_iter()
                .filter(|&c| m.takes(c).contains(&h.flag))
                .collect();
            match under[..] {
                [] => continue,
                [only] => takers.push(format!("{name} ({only} convention only)")),
                _ => takers.push(name.to_string()),
            }
            if let Some((edge, _)) = h.edge {
                if under.iter().any(|&c| m.refuses(c, h.flag, edge)) {
                    narrower.push(name);
                }
            }
        }
        let takers = if takers.len() == available.len() {
            "every optimizer".to_string()
        } else {
            takers.join(", ")
        };
        let domain = match h.edge {
            Some((_, strict)) if !narrower.is_empty() => {
                format!("{} ({strict} for {})", h.domain, and_list(&narrower))
            }
            _ => h.domain.to_string(),
        };
        let left = format!("  {} F", h.flag);
        hyperparameters.push_str(&format!(
            "{left:<24}{}, {domain}\n{:24}taken by: {takers}\n",
            h.what, ""
        ));
    }
    format!(
        "optrace: run one optimizer of the post on a test function and print every step

usage: optrace --optimizer NAME --problem NAME --start X,Y --steps N [options]
       optrace --defaults | --help
Every flag takes --flag VALUE or --flag=VALUE. A separate VALUE may start with
one '-' (--start -1.5,2) but not with '--' (that is the next flag).

required:
  --optimizer NAME      {all}
                        {available}
  --problem NAME        quadratic (0.1x² + 2y²), rosenbrock, beale
  --start X,Y           two finite numbers: the start θ₀ (its loss must be finite)
  --steps N             a whole number from 0 to {MAX_STEPS}
options:
  --convention NAME     paper (the post and papers, default) or pytorch (torch.optim)
  --format NAME         table (default), csv or json
  -h, --help            this text
  --defaults            (alone) every optimizer's defaults under both conventions
hyperparameters (a flag not given takes the convention's default; a flag the
optimizer does not take under the convention is refused):
{hyperparameters}
output: row t = 0..N holds θ_t and the loss at θ_t, written as it is computed;
csv columns t,loss,theta_0,theta_1 then the step's record (empty in row 0); json
{{\"convention\", \"optimizer\", \"problem\", \"columns\", \"rows\", \"stop\"}}; a table
of more than {aligned} steps has fixed-width columns.
exit status: 0 done; 1 a non-finite value at some step (every row before it is
printed, and one line on stderr names the step) or the output cannot be written;
2 bad input (one line on stderr naming the flag). A closed pipe (optrace … | head)
ends the run quietly with the status of what was computed so far.
",
        all = OPTIMIZERS.join(", "),
        available = if available.len() == OPTIMIZERS.len() {
            "(all available in this build)".to_string()
        } else {
            format!("(available in this build: {})", available.join(", "))
        },
        aligned = output::TABLE_ALIGNED_STEPS,
    )
}

/// How a command line ended: its exit status and the one line for stderr, if any.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub code: i32,
    /// One line (without its newline), if any.
    pub stderr: Option<String>,
}

impl Status {
    /// Done.
    pub fn ok() -> Self {
        Status {
            code: 0,
            stderr: None,
        }
    }
    /// Bad input: one line on stderr, status 2 (nothing was written to stdout).
    pub fn usage_error(message: impl std::fmt::Display) -> Self {
        Status {
            code: 2,
            stderr: Some(format!("error: {message}")),
        }
    }
    /// The run stopped on a fault after its finite rows: status 1.
    pub fn fault(message: impl std::fmt::Display) -> Self {
        Status {
            code: 1,
            stderr: Some(format!("error: {message}")),
        }
    }
}

/// Everything a command line produces, collected: what it printed and the exit
/// status ([`run_cli`], for tests).
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    /// One line (without its newline), if any.
    pub stderr: Option<String>,
    pub code: i32,
}

/// Parses `args` (without the program name), runs them and writes the output to
/// `out` as it is computed (flushing it at the end). The returned status says how
/// it ended: a write error other than a closed pipe is status 1 with
/// `error: cannot write the output: …`; a closed pipe
/// ([`io::ErrorKind::BrokenPipe`]) ends quietly with the status of what was
/// computed until then.
pub fn run_cli_to<I, S, W>(args: I, out: &mut W) -> Status
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
    W: Write,
{
    let out: &mut dyn Write = out;
    let (status, written) = match parse(args) {
        Ok(Command::Help) => (Status::ok(), out.write_all(usage().as_bytes())),
        Ok(Command::Defaults) => match methods::defaults_table() {
            Ok(t) => (Status::ok(), write!(out, "{t}")),
            Err(e) => (Status::usage_error(e), Ok(())),
        },
        Ok(Command::Run(args)) => methods::run(&args, out),
        Err(e) => (Status::usage_error(e), Ok(())),
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => status,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => status,
        Err(e) => Status {
            code: 1,
            stderr: Some(format!("error: cannot write the output: {e}")),
        },
    }
}

/// [`run_cli_to`] into memory: what a test looks at.
pub fn run_cli<I, S>(args: I) -> Outcome
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut stdout = Vec::new();
    let status = run_cli_to(args, &mut stdout);
    Outcome {
        stdout: String::from_utf8(stdout).expect("optrace writes UTF-8"),
        stderr: status.stderr,
        code: status.code,
    }
}

/// Was the hyperparameter called `name` (as [`Optimizer::hyperparameters`] names
/// it, `momentum_decay` or `momentum-decay`) given on the command line?
/// `None` for a name that is not an `optrace` flag.
pub fn given(flags: &Flags, name: &str) -> Option<bool> {
    let flag = flag_of(name)?;
    let h = HYPERPARAMETERS.iter().find(|h| h.flag == flag)?;
    let mut flags = *flags;
    Some((h.slot)(&mut flags).is_some())
}

/// The table's first line: `sgd, convention paper: lr = 0.01 (default)`.
pub fn header_line<O: Optimizer>(opt: &O, args: &Args) -> String {
    let hps: Vec<String> = opt
        .hyperparameters()
        .iter()
        .map(|&(name, value)| {
            let mark = if given(&args.flags, name) == Some(false) {
                " (default)"
            } else {
                ""
            };
            format!("{name} = {}{mark}", fmt_exact(value))
        })
        .collect();
    format!(
        "{}, convention {}: {}",
        opt.name(),
        args.convention,
        hps.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: [&str; 7] = [
        "--optimizer",
        "sgd",
        "--problem",
        "quadratic",
        "--start=-5,-2",
        "--steps",
        "3",
    ];

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
        let a = args(&[
            "--convention=pytorch",
            "--format",
            "csv",
            "--momentum-decay",
            "0.004",
        ]);
        assert_eq!((a.convention, a.format), (Convention::Pytorch, Format::Csv));
        assert_eq!(a.flags.momentum_decay, Some(0.004));
        // The separate form takes the next argument as it is, a negative too.
        let a = parse([
            "--optimizer",
            "sgd",
            "--problem",
            "beale",
            "--start",
            "-1.5,2",
            "--steps",
            "0",
        ])
        .unwrap();
        assert!(matches!(
            a,
            Command::Run(Args {
                start: [-1.5, 2.0],
                steps: 0,
                ..
            })
        ));
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
            let e = parse([
                "--optimizer",
                "sgd",
                "--problem",
                "beale",
                "--steps",
                "1",
                "--start",
                start,
            ])
            .unwrap_err()
            .0;
            assert!(e.contains("--start"), "{start}: {e}");
        }
        for steps in ["-3", "1.5", "1000000001", "18446744073709551616"] {
            let e = parse([
                "--optimizer",
                "sgd",
                "--problem",
                "beale",
                "--start=0,0",
                "--steps",
                steps,
            ])
            .unwrap_err()
            .0;
            assert!(e.contains("--steps"), "{steps}: {e}");
        }
        let e = parse(["--optimizer", "sgd", "--start=0,0", "--steps", "1"])
            .unwrap_err()
            .0;
        assert!(e.contains("missing --problem"), "{e}");
        let e = parse([
            "--optimizer",
            "adamw",
            "--problem",
            "beale",
            "--start=0,0",
            "--steps",
            "1",
        ])
        .unwrap_err()
        .0;
        assert!(e.contains("--optimizer") && e.contains("nadam"), "{e}");
    }

    /// `--steps` goes up to optcore's limit for streamed runs, 10⁹.
    #[test]
    fn steps_up_to_optcores_streamed_limit() {
        assert_eq!(MAX_STEPS, 1_000_000_000);
        let a = parse([
            "--optimizer=sgd",
            "--problem=beale",
            "--start=0,0",
            "--steps=1000000000",
        ])
        .unwrap();
        assert!(matches!(
            a,
            Command::Run(Args {
                steps: 1_000_000_000,
                ..
            })
        ));
    }

    /// A would-be value starting with `--` is the next flag: the value is missing.
    /// One `-` and a digit (or anything else) is a value.
    #[test]
    fn a_value_may_not_start_with_two_dashes() {
        let e = with(&["--lr", "--format", "csv"]).unwrap_err().0;
        assert_eq!(e, "--lr needs a value (--lr VALUE or --lr=VALUE)");
        let e = with(&["--lr", "-1"]).unwrap_err().0;
        assert_eq!(e, "invalid --lr = -1: --lr must be a finite number > 0");
        let e = with(&["--lr", "-.5"]).unwrap_err().0;
        assert!(e.starts_with("invalid --lr = -0.5"), "{e}");
        let a = args(&["--lr", "0.1", "--format", "csv"]);
        assert_eq!((a.flags.lr, a.format), (Some(0.1), Format::Csv));
        let a = parse([
            "--optimizer",
            "sgd",
            "--problem",
            "beale",
            "--start",
            "-1.5,-2",
            "--steps",
            "0",
        ])
        .unwrap();
        assert!(matches!(
            a,
            Command::Run(Args {
                start: [-1.5, -2.0],
                ..
            })
        ));
        // The inline form takes its value as it is.
        let e = with(&["--lr=--format"]).unwrap_err().0;
        assert_eq!(e, r#"--lr accepts a number, not "--format""#);
    }

    /// Every echo of the user's text is escaped: one line whatever it holds.
    #[test]
    fn user_text_is_echoed_escaped() {
        let evil = "1\nx\u{1b}[31m\"";
        for extra in [
            vec![format!("--lr={evil}")],
            vec![format!("--format={evil}")],
            vec![format!("--convention={evil}")],
            vec![format!("--bogus{evil}=1")],
            vec![evil.to_string()],
        ] {
            let e = with(&extra.iter().map(String::as_str).collect::<Vec<_>>())
                .unwrap_err()
                .0;
            assert!(
                !e.contains('\n') && !e.contains('\u{1b}') && e.contains(r#"1\nx\u{1b}[31m\""#),
                "{extra:?}: {e}"
            );
        }
        for (flag, text) in [
            ("--optimizer", evil),
            ("--problem", evil),
            ("--start", evil),
            ("--steps", evil),
        ] {
            let mut a: Vec<String> = [
                "--optimizer=sgd",
                "--problem=beale",
                "--start=0,0",
                "--steps=1",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect();
            a.retain(|x| !x.starts_with(flag));
            a.push(format!("{flag}={text}"));
            let e = parse(a).unwrap_err().0;
            assert!(
                !e.contains('\n') && e.contains(flag) && e.contains(r#""1\nx"#),
                "{flag}: {e}"
            );
        }
    }

    #[test]
    fn defaults_stands_alone() {
        assert_eq!(parse(["--defaults"]), Ok(Command::Defaults));
        let e = parse(["--defaults", "--lr=1"]).unwrap_err().0;
        assert!(e.contains("--defaults stands alone"), "{e}");
        let e = parse(["--optimizer=sgd", "--defaults"]).unwrap_err().0;
        assert!(e.contains("--defaults stands alone"), "{e}");
        let e = parse(["--defaults=1"]).unwrap_err().0;
        assert!(e.contains("--defaults takes no value"), "{e}");
    }

    /// optcore's hyperparameter errors name the value as the library does
    /// (`eps`); optrace names the flag.
    #[test]
    fn library_errors_name_the_flag() {
        let e = optcore::Error::Hyperparameter {
            name: "momentum_decay",
            value: -1.0,
            accepts: "a finite number >= 0",
        };
        assert_eq!(
            flag_message(&e),
            "invalid --momentum-decay = -1: --momentum-decay must be a finite number >= 0"
        );
        let e = with(&["--beta1=-5e-300"]).unwrap_err().0;
        assert_eq!(e, "invalid --beta1 = -5e-300: --beta1 must be in [0, 1)");
        let e = with(&["--rho=1e300"]).unwrap_err().0;
        assert_eq!(e, "invalid --rho = 1e300: --rho must be in (0, 1)");
    }

    #[test]
    fn problems_are_optcores() {
        for p in PROBLEMS {
            assert!(optcore::problem_by_name(p).is_ok(), "{p}");
        }
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
