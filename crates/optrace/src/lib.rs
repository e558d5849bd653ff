//! # optrace — one optimizer run, printed step by step
//!
//! ```text
//! optrace --optimizer <NAME> --problem <NAME> --start <X,Y> --steps <N> [OPTIONS]
//!         [--convention paper|pytorch]            (default: paper)
//!         [--lr F] [--momentum F] [--rho F] [--eps F]
//!         [--beta1 F] [--beta2 F] [--momentum-decay F]
//!         [--format table|csv|json]               (default: table)
//! optrace --optimizer <NAME> --problem digits-mlp --init FILE --batches FILE
//!         [--activation tanh|relu] [--params-out FILE] [OPTIONS]
//! optrace --defaults
//! optrace --help | -h
//! ```
//!
//! `--problem digits-mlp` trains the digits network from given parameters over a
//! given batch order instead of a test function ([`network`]).
//!
//! This is the command line that `crates/optcore/reference/README.md` specifies and its
//! reference traces assume, parsed by clap ([`command`]). Nothing in it is typed
//! twice: the `--optimizer` values are the registry's ([`optimizers::registry`],
//! read by [`methods`]), and the hyperparameter flags, their domains, checks and
//! `--help` lines are the rows of optcore's [`optcore::HYPERPARAMETERS`]. Every flag
//! takes `--flag value` or `--flag=value`; a separate value may be a negative
//! number (`--lr -1`, then refused as lr ≤ 0) and, for `--start`, anything
//! starting with `-` (`--start -1.5,2`); `--lr --format csv` says that `--lr`
//! needs a value. `--defaults` stands alone. `--help` or `-h` anywhere prints the
//! help (`-h` its summary) and nothing else.
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
//! - 2: bad input, before anything is written to stdout. The first line on stderr
//!   names the flag and what it accepts; the user's text is echoed escaped. A
//!   usage error found by clap (an unknown or misspelled flag, a value it does not
//!   take, a missing or repeated flag) is clap's message, a few lines with its
//!   suggestion and the usage; a refusal after parsing (a flag the optimizer does
//!   not take, a value its optimizer refuses, a start whose loss is not finite:
//!   there is no row to print) is one line.
//!
//! A closed pipe (`optrace … | head -1`) is not an error: the run stops there and
//! optrace exits quietly with the status of what it had computed — 0, or 1 (with
//! its one line) if the run had already stopped on a non-finite value.
//!
//! Layout: [`command`] is the clap command line, generated from the tables;
//! parsing ([`parse`]) and the whole outcome of a command line ([`run_cli_to`],
//! which writes to any [`Write`]; [`run_cli`] collects it for tests) are here,
//! `main.rs` only hands it stdout; [`output`] writes the rows; [`methods`] turns
//! the registry's optimizer types into what optrace runs. Adding an optimizer
//! touches none of these files (see [`optimizers::registry`]).

pub mod command;
pub mod methods;
pub mod network;
pub mod output;

pub use methods::Method;
pub use network::NetworkArgs;

use optcore::render::fmt_exact;
use optcore::{Convention, Flags, Optimizer, HYPERPARAMETERS};
use std::ffi::OsString;
use std::io::{self, Write};

/// Every optimizer name `--optimizer` takes: the registry's, in its order.
pub const OPTIMIZERS: &[&str] = optimizers::registry::NAMES;

/// The test functions `--problem` takes (optcore's [`optcore::problem_by_name`]
/// names), run from `--start` for `--steps`. `--problem` also takes
/// [`network::PROBLEM`], the digits network.
pub const PROBLEMS: [&str; 3] = ["quadratic", "rosenbrock", "beale"];

/// The flags of `--problem digits-mlp` alone ([`network`]).
pub const NETWORK_FLAGS: [&str; 4] = ["init", "batches", "activation", "params-out"];

/// The flags of the test functions alone.
pub const FUNCTION_FLAGS: [&str; 2] = ["start", "steps"];

/// The largest `--steps`: optcore's limit for a streamed run (rows are written as
/// they come, none is kept beyond [`output::TABLE_ALIGNED_STEPS`]).
pub const MAX_STEPS: usize = optcore::MAX_STEPS;

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
    /// The optimizer `--optimizer` names.
    pub method: &'static Method,
    /// One of optcore's [`optcore::problem_by_name`] names ([`PROBLEMS`]).
    pub problem: &'static str,
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
    /// `--help` (`long`) or `-h`.
    Help { long: bool },
    /// `--defaults`: every optimizer's defaults under both conventions.
    Defaults,
    /// A test function ([`PROBLEMS`]).
    Run(Args),
    /// The digits network ([`network::PROBLEM`]).
    Network(NetworkArgs),
}

/// Bad input (exit status 2): clap's message, or one line, whose first line
/// names the flag and what it accepts (without the leading `error: `).
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Parses the arguments after the program name. `--help` or `-h` anywhere wins.
pub fn parse<I, S>(args: I) -> Result<Command, UsageError>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    if let Some(h) = args.iter().find(|a| *a == "--help" || *a == "-h") {
        return Ok(Command::Help {
            long: h == "--help",
        });
    }
    let mut cmd = command::command();
    let program = OsString::from("optrace");
    let m = cmd
        .try_get_matches_from_mut(std::iter::once(program).chain(args))
        .map_err(|e| UsageError(command::usage_error(e, &mut cmd)))?;
    if m.get_flag("defaults") {
        return Ok(Command::Defaults);
    }
    let mut flags = Flags::default();
    for h in &HYPERPARAMETERS {
        h.set(&mut flags, m.get_one::<f64>(h.name).copied());
    }
    let problem: &'static str = one(&m, "problem");
    let network = problem == network::PROBLEM;
    // Each problem's own flags: clap requires them (required_if_eq); the other
    // kind's are refused here, naming the problem they belong to.
    let (own, others) = if network {
        (&NETWORK_FLAGS[..], &FUNCTION_FLAGS[..])
    } else {
        (&FUNCTION_FLAGS[..], &NETWORK_FLAGS[..])
    };
    debug_assert!(own.iter().all(|f| m.try_contains_id(f).is_ok()));
    if let Some(flag) = others.iter().find(|f| m.contains_id(f)) {
        return Err(UsageError(if network {
            format!(
                "--{flag} is for the test functions ({}); --problem {} takes --init and --batches",
                or_list(&PROBLEMS),
                network::PROBLEM
            )
        } else {
            format!("--{flag} is for --problem {}", network::PROBLEM)
        }));
    }
    if network {
        return Ok(Command::Network(NetworkArgs {
            method: one(&m, "optimizer"),
            convention: one(&m, "convention"),
            flags,
            format: one(&m, "format"),
            init: one(&m, "init"),
            batches: one(&m, "batches"),
            activation: m
                .get_one("activation")
                .copied()
                .unwrap_or(optcore::mlp::Activation::Tanh),
            params_out: m.get_one("params-out").cloned(),
        }));
    }
    Ok(Command::Run(Args {
        method: one(&m, "optimizer"),
        problem,
        start: one(&m, "start"),
        steps: one(&m, "steps"),
        convention: one(&m, "convention"),
        flags,
        format: one(&m, "format"),
    }))
}

/// The value of a flag that clap requires or gives a default.
fn one<T: Clone + Send + Sync + 'static>(m: &clap::ArgMatches, id: &str) -> T {
    m.get_one::<T>(id)
        .cloned()
        .unwrap_or_else(|| unreachable!("clap requires --{id} or gives its default"))
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
                None => optcore::hyper::by_name(name).map_or_else(
                    || format!("--{}", name.replace('_', "-")),
                    |h| h.flag.to_string(),
                ),
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

/// The help text: `--help` (`long`) or the summary of `-h`, generated by clap
/// from the registry and the hyperparameter table ([`command::command`]). The
/// optimizers each hyperparameter flag belongs to, and the ones with a narrower
/// domain than the flag's, are read off the optimizers ([`Method::takes`],
/// [`Method::refuses`]).
pub fn help(long: bool) -> String {
    let mut cmd = command::command();
    let text = if long {
        cmd.render_long_help()
    } else {
        cmd.render_help()
    };
    text.to_string()
}

/// How a command line ended: its exit status and what goes on stderr, if anything.
#[derive(Debug, Clone, PartialEq)]
pub struct Status {
    pub code: i32,
    /// The message (without its last newline), if any: one line, or a clap usage
    /// error of a few lines whose first names the flag.
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
    /// Bad input: the message on stderr, status 2 (nothing was written to stdout).
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
    /// As [`Status::stderr`].
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
    S: Into<OsString>,
    W: Write,
{
    let out: &mut dyn Write = out;
    let (status, written) = match parse(args) {
        Ok(Command::Help { long }) => (Status::ok(), out.write_all(help(long).as_bytes())),
        Ok(Command::Defaults) => match methods::defaults_table() {
            Ok(t) => (Status::ok(), write!(out, "{t}")),
            Err(e) => (Status::usage_error(e), Ok(())),
        },
        Ok(Command::Run(args)) => (args.method.emit)(&args, out),
        Ok(Command::Network(args)) => (args.method.network)(&args, out),
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
    S: Into<OsString>,
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
    optcore::hyper::by_name(name).map(|h| h.get(flags).is_some())
}

/// The table's first line: `sgd, convention paper: lr = 0.01 (default)`.
pub fn header_line<O: Optimizer>(opt: &O, convention: Convention, flags: &Flags) -> String {
    let hps: Vec<String> = opt
        .hyperparameters()
        .iter()
        .map(|&(name, value)| {
            let mark = if given(flags, name) == Some(false) {
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
        convention,
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

    /// The first line of a usage error.
    fn first_line(e: &UsageError) -> &str {
        e.0.lines().next().unwrap_or_default()
    }

    #[test]
    fn both_flag_forms_and_defaults() {
        let a = args(&["--lr", "0.4", "--momentum=0.5"]);
        assert_eq!(a.method.name, "sgd");
        assert_eq!(a.problem, "quadratic");
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

    /// `--help` or `-h` anywhere wins, whatever else the line holds.
    #[test]
    fn help_wins() {
        assert_eq!(parse(["--help"]), Ok(Command::Help { long: true }));
        assert_eq!(parse(["-h"]), Ok(Command::Help { long: false }));
        assert_eq!(parse(["--bogus", "-h"]), Ok(Command::Help { long: false }));
        assert_eq!(
            parse(["--lr=0", "--help"]),
            Ok(Command::Help { long: true })
        );
    }

    /// Bad input: the first line names the flag (clap's usage errors go on with
    /// its tip and usage lines; a value's error is one line and a blank one).
    #[test]
    fn bad_input_names_the_flag_on_the_first_line() {
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
            let e = with(extra).unwrap_err();
            assert!(first_line(&e).contains(flag), "{extra:?}: {e}");
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
            .unwrap_err();
            assert!(
                first_line(&e).contains("--start") && first_line(&e).contains("two finite"),
                "{start}: {e}"
            );
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
            .unwrap_err();
            assert!(
                first_line(&e).contains("--steps") && first_line(&e).contains("1000000000"),
                "{steps}: {e}"
            );
        }
        let e = parse(["--optimizer", "sgd", "--start=0,0", "--steps", "1"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "missing --problem <NAME>: quadratic, rosenbrock, beale or digits-mlp"
        );
        let e = parse([
            "--optimizer",
            "adamm",
            "--problem",
            "beale",
            "--start=0,0",
            "--steps",
            "1",
        ])
        .unwrap_err();
        assert_eq!(
            first_line(&e),
            format!(
                "invalid value 'adamm' for '--optimizer <NAME>': must be {}",
                or_list(OPTIMIZERS)
            )
        );
        // clap's suggestion of a similar value.
        assert!(e.0.contains("tip: a similar value exists: 'adam'"), "{e}");
    }

    /// A misspelled flag gets clap's suggestion.
    #[test]
    fn a_misspelled_flag_gets_a_suggestion() {
        let e = with(&["--momentun=0.9"]).unwrap_err();
        assert_eq!(first_line(&e), "unexpected argument '--momentun' found");
        assert!(
            e.0.contains("tip: a similar argument exists: '--momentum'"),
            "{e}"
        );
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
    /// A negative number is a value (`--lr -1`, refused as lr ≤ 0), and so is
    /// anything starting with one `-` after `--start`. Other values starting with
    /// `-` are clap's flags: they are given as `--flag=value`.
    #[test]
    fn a_value_may_not_start_with_two_dashes() {
        let e = with(&["--lr", "--format", "csv"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "a value is required for '--lr <F>' but none was supplied"
        );
        let e = with(&["--lr", "-1"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "invalid value '-1' for '--lr <F>': must be a finite number > 0"
        );
        let e = with(&["--lr=-.5"]).unwrap_err();
        assert!(
            first_line(&e).starts_with("invalid value '-.5' for '--lr <F>'"),
            "{e}"
        );
        let e = with(&["--eps=-1e-8"]).unwrap_err();
        assert!(
            first_line(&e).starts_with("invalid value '-1e-8' for '--eps <F>'"),
            "{e}"
        );
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
        let e = with(&["--lr=--format"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "invalid value '--format' for '--lr <F>': must be a finite number > 0"
        );
    }

    /// Every echo of the user's text is escaped: no control character gets out,
    /// and the text stays on its line.
    #[test]
    fn user_text_is_echoed_escaped() {
        let evil = "1\nx\u{1b}[31m\"";
        let escaped = r#"1\nx\u{1b}[31m""#;
        for extra in [
            vec![format!("--lr={evil}")],
            vec![format!("--format={evil}")],
            vec![format!("--convention={evil}")],
            vec![format!("--bogus{evil}=1")],
            vec![evil.to_string()],
        ] {
            let e = with(&extra.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_err();
            assert!(
                !e.0.contains('\u{1b}') && first_line(&e).contains(escaped),
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
            let e = parse(a).unwrap_err();
            assert!(
                !e.0.contains('\u{1b}')
                    && first_line(&e).contains(flag)
                    && first_line(&e).contains(escaped),
                "{flag}: {e}"
            );
        }
    }

    #[test]
    fn defaults_stands_alone() {
        assert_eq!(parse(["--defaults"]), Ok(Command::Defaults));
        for line in [
            &["--defaults", "--lr=1"][..],
            &["--optimizer=sgd", "--defaults"],
        ] {
            let e = parse(line.iter().copied()).unwrap_err();
            assert_eq!(
                first_line(&e),
                "the argument '--defaults' cannot be used with one or more of the other \
                 specified arguments",
                "{line:?}"
            );
        }
        let e = parse(["--defaults=1"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "unexpected value '1' for '--defaults' found; no more were expected"
        );
    }

    /// optcore's hyperparameter errors name the value as the library does
    /// (`eps`); optrace names the flag. A value outside the flag's shared
    /// domain is refused by clap with the domain as optcore's check words it.
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
        let e = with(&["--beta1=-5e-300"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "invalid value '-5e-300' for '--beta1 <F>': must be in [0, 1)"
        );
        let e = with(&["--rho=1e300"]).unwrap_err();
        assert_eq!(
            first_line(&e),
            "invalid value '1e300' for '--rho <F>': must be in (0, 1)"
        );
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
