//! # The command line as clap sees it, generated from the tables
//!
//! [`command`] builds the clap [`clap::Command`] (builder API): the
//! `--optimizer` values and their help lines from the registry
//! ([`crate::methods::methods`]), one flag per row of optcore's
//! [`HYPERPARAMETERS`] (its domain, its check and who takes it, read off the
//! optimizers), and the rest from this file. clap then gives the usage line,
//! `--help`, suggestions for a misspelled flag or value, and its usage errors;
//! [`usage_error`] makes each of those say on its first line which flag is
//! wrong and what it accepts, with the user's text escaped.
//!
//! Values: `--flag value` or `--flag=value`. A separate value may be a negative
//! number for the hyperparameters and `--steps` (`--lr -1`, refused as lr ≤ 0),
//! and may start with `-` for `--start` (`--start -1.5,2`); any other value that
//! starts with `-` is given as `--flag=value` (`--eps=-1e-8`), since clap reads
//! it as a flag. `--lr --format csv` says that `--lr` needs a value.

use crate::methods::methods;
use crate::{and_list, network, or_list, output, Format, MAX_STEPS, PROBLEMS};
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction};
use optcore::mlp::Activation;
use optcore::{Convention, Hyperparameter, HYPERPARAMETERS};
use std::ffi::OsStr;
use std::path::PathBuf;

/// Each problem's one line for `--help` (the names are optcore's
/// [`optcore::problem_by_name`] names, [`PROBLEMS`]).
fn problem_about(name: &str) -> &'static str {
    match name {
        "quadratic" => "0.1x² + 2y², minimum (0, 0)",
        "rosenbrock" => "(1 − x)² + 100(y − x²)², minimum (1, 1)",
        "beale" => "Beale's function, minimum (3, 0.5)",
        network::PROBLEM => "the 8×8 digits network 64–H–10, from --init over --batches",
        _ => "",
    }
}

/// What a flag that is not a hyperparameter accepts, for its errors.
fn accepts(id: &str) -> String {
    let names = |all: &[&str]| or_list(all);
    match id {
        "optimizer" => names(&methods().iter().map(|m| m.name).collect::<Vec<_>>()),
        "problem" => names(&all_problems()),
        "init" => "a JSON file {\"W1\": [[64 values] × H], \"b1\": [H], \"W2\": [[H values] × 10], \"b2\": [10]}".into(),
        "batches" => "a JSON file: a list of lists of row indices (0 to 1796)".into(),
        "activation" => names(&["tanh", "relu"]),
        "params-out" => "a file to write the final parameters to (the --init format)".into(),
        "start" => "two finite numbers X,Y, such as -1.5,2".into(),
        "steps" => format!("a whole number from 0 to {MAX_STEPS}"),
        "convention" => names(&["paper", "pytorch"]),
        "format" => names(&["table", "csv", "json"]),
        _ => match HYPERPARAMETERS.iter().find(|h| h.name == id) {
            Some(h) => domain_of(h),
            None => String::new(),
        },
    }
}

/// Every `--problem` value: the test functions, then the digits network.
fn all_problems() -> Vec<&'static str> {
    PROBLEMS.iter().copied().chain([network::PROBLEM]).collect()
}

/// A hyperparameter's shared domain as its check words it (`a finite number > 0`).
fn domain_of(h: &Hyperparameter) -> String {
    match (h.check)(h.name, f64::NAN) {
        Err(optcore::Error::Hyperparameter { accepts, .. }) => accepts.to_string(),
        _ => h.domain.to_string(),
    }
}

/// A value of a hyperparameter flag: a number in the flag's shared domain
/// (optcore's check of it).
fn hyperparameter_value(h: &'static Hyperparameter) -> impl TypedValueParser<Value = f64> {
    move |text: &str| -> Result<f64, String> {
        match text.trim().parse::<f64>() {
            Ok(x) if (h.check)(h.name, x).is_ok() => Ok(x),
            _ => Err(format!("must be {}", domain_of(h))),
        }
    }
}

fn start_value(text: &str) -> Result<[f64; 2], String> {
    let numbers: Vec<Option<f64>> = text
        .split(',')
        .map(|s| s.trim().parse::<f64>().ok().filter(|x| x.is_finite()))
        .collect();
    match numbers[..] {
        [Some(x), Some(y)] => Ok([x, y]),
        _ => Err(format!("must be {}", accepts("start"))),
    }
}

fn steps_value(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n <= MAX_STEPS => Ok(n),
        _ => Err(format!("must be {}", accepts("steps"))),
    }
}

/// A value out of a fixed list, each with its line for `--help`. clap's own
/// [`PossibleValuesParser`] lists the accepted values on the line after the
/// error; this one says them on the error's first line (`invalid value 'xml'
/// for '--format <NAME>': must be table, csv or json`) and keeps clap's
/// suggestion of a similar value.
#[derive(Clone)]
struct Choice<T: Clone + Send + Sync + 'static> {
    values: Vec<(&'static str, &'static str, T)>,
}

impl<T: Clone + Send + Sync + 'static> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        if let Some((_, _, v)) = self.values.iter().find(|(name, ..)| value == *name) {
            return Ok(v.clone());
        }
        let names: Vec<&str> = self.values.iter().map(|(name, ..)| *name).collect();
        // clap's own parser, for the similar value it suggests.
        let suggested = PossibleValuesParser::new(names.clone())
            .parse_ref(cmd, arg, value)
            .err()
            .and_then(|e| e.get(ContextKind::SuggestedValue).cloned());
        // A parser of text builds clap's "invalid value" error, with our reason.
        let message = format!("must be {}", or_list(&names));
        let refuse = move |_: &str| -> Result<(), String> { Err(message.clone()) };
        let mut e = match refuse.parse_ref(cmd, arg, value) {
            Err(e) => e,
            Ok(()) => unreachable!("refuse refuses"),
        };
        if let Some(s) = suggested {
            e.insert(ContextKind::SuggestedValue, s);
        }
        Err(e)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().map(|(name, about, _)| {
            PossibleValue::new(*name).help(*about)
        })))
    }
}

/// The `--help` line of a hyperparameter flag, and the line saying which
/// optimizers take it: read off the optimizers ([`crate::Method::takes`], and
/// [`crate::Method::refuses`] for those with a narrower domain).
fn hyperparameter_help(h: &Hyperparameter) -> (String, String) {
    let all = methods();
    let mut takers: Vec<String> = Vec::new();
    let mut narrower: Vec<&str> = Vec::new();
    for m in all {
        let under: Vec<Convention> = [Convention::Paper, Convention::Pytorch]
            .into_iter()
            .filter(|&c| m.takes(c).contains(&h.flag))
            .collect();
        match under[..] {
            [] => continue,
            [only] => takers.push(format!("{} ({only} convention only)", m.name)),
            _ => takers.push(m.name.to_string()),
        }
        if let Some((edge, _)) = h.edge {
            if under.iter().any(|&c| m.refuses(c, h.flag, edge)) {
                narrower.push(m.name);
            }
        }
    }
    let takers = if takers.len() == all.len() {
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
    (
        format!("{}, {domain}", h.what),
        wrap_list(&format!("taken by: {takers}")),
    )
}

/// The widest a line of `--help`'s text may be after clap's indent of 10
/// columns (the whole line stays within 100).
const HELP_TEXT_WIDTH: usize = 90;

/// `text` broken after a ", " wherever a line would pass [`HELP_TEXT_WIDTH`].
fn wrap_list(text: &str) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for (i, item) in text.split(", ").enumerate() {
        let piece = if i == 0 {
            item.to_string()
        } else {
            format!(", {item}")
        };
        let last = lines.last_mut().expect("one line at least");
        if i > 0 && last.chars().count() + piece.chars().count() > HELP_TEXT_WIDTH {
            last.push(',');
            lines.push(item.to_string());
        } else {
            last.push_str(&piece);
        }
    }
    lines.join("\n")
}

const ABOUT: &str =
    "optrace: run one optimizer of the post on a test function or the digits network, step by step";

const USAGE: &str =
    "optrace --optimizer <NAME> --problem <NAME> --start <X,Y> --steps <N> [OPTIONS]
       optrace --optimizer <NAME> --problem digits-mlp --init <FILE> --batches <FILE> [OPTIONS]
       optrace --defaults";

/// The command line, its help text generated from the registry and the
/// hyperparameter table.
pub fn command() -> clap::Command {
    let optimizers = Choice {
        values: methods().iter().map(|m| (m.name, m.about, m)).collect(),
    };
    let problems = Choice {
        values: all_problems()
            .into_iter()
            .map(|p| (p, problem_about(p), p))
            .collect(),
    };
    let activations = Choice {
        values: vec![
            ("tanh", "σ(a) = tanh a (the default)", Activation::Tanh),
            ("relu", "σ(a) = max(a, 0)", Activation::Relu),
        ],
    };
    // The test functions' own flags are required for them, the network's for it.
    let functions: Vec<(&str, &str)> = PROBLEMS.iter().map(|&p| ("problem", p)).collect();
    let conventions = Choice {
        values: vec![
            (
                "paper",
                "the post and the original papers",
                Convention::Paper,
            ),
            (
                "pytorch",
                "torch.optim, operation by operation",
                Convention::Pytorch,
            ),
        ],
    };
    let formats = Choice {
        values: vec![
            (
                "table",
                "a header line, then the trace's table",
                Format::Table,
            ),
            (
                "csv",
                "t,loss,theta_0,theta_1, then the step's record (empty in row 0)",
                Format::Csv,
            ),
            (
                "json",
                "{\"convention\", \"optimizer\", \"problem\", \"columns\", \"rows\", \"stop\"}",
                Format::Json,
            ),
        ],
    };
    let mut cmd = clap::Command::new("optrace")
        .about(ABOUT)
        .override_usage(USAGE)
        .after_help(
            "A hyperparameter not given takes the convention's default (optrace --defaults lists \
             them);\na flag that the optimizer does not take under the convention is refused.",
        )
        .after_long_help(format!(
            "A hyperparameter not given takes the convention's default (optrace --defaults lists \
             them);
a flag that the optimizer does not take under the convention is refused.

Output: row t = 0..N holds θ_t and the loss at θ_t, written as it is computed; a table of
more than {aligned} steps has fixed-width columns. For --problem digits-mlp, row t holds the
loss of batch t at θ_t, before the step on it; --params-out writes the final parameters.

Exit status: 0 done; 1 a non-finite value at some step (every row before it is printed,
and one line on stderr names the step) or the output cannot be written; 2 bad input
(the first line on stderr names the flag and what it accepts). A closed pipe
(optrace … | head) ends the run quietly with the status of what was computed so far.",
            aligned = output::TABLE_ALIGNED_STEPS
        ))
        .arg(
            Arg::new("optimizer")
                .long("optimizer")
                .value_name("NAME")
                .required(true)
                .value_parser(optimizers)
                .help("the optimizer to run"),
        )
        .arg(
            Arg::new("problem")
                .long("problem")
                .value_name("NAME")
                .required(true)
                .value_parser(problems)
                .help("the test function"),
        )
        .arg(
            Arg::new("start")
                .long("start")
                .value_name("X,Y")
                .required_if_eq_any(functions.clone())
                .allow_hyphen_values(true)
                .value_parser(start_value)
                .help("the start θ₀: two finite numbers (its loss must be finite)"),
        )
        .arg(
            Arg::new("steps")
                .long("steps")
                .value_name("N")
                .required_if_eq_any(functions)
                .allow_negative_numbers(true)
                .value_parser(steps_value)
                .help(format!("how many steps: {}", accepts("steps"))),
        )
        .arg(
            Arg::new("init")
                .long("init")
                .value_name("FILE")
                .required_if_eq("problem", network::PROBLEM)
                .value_parser(clap::value_parser!(PathBuf))
                .help("digits-mlp: the initial parameters {\"W1\", \"b1\", \"W2\", \"b2\"}"),
        )
        .arg(
            Arg::new("batches")
                .long("batches")
                .value_name("FILE")
                .required_if_eq("problem", network::PROBLEM)
                .value_parser(clap::value_parser!(PathBuf))
                .help("digits-mlp: a list of lists of row indices, one step per list"),
        )
        .arg(
            Arg::new("activation")
                .long("activation")
                .value_name("NAME")
                .value_parser(activations)
                .help("digits-mlp: the hidden layer's σ [default: tanh]"),
        )
        .arg(
            Arg::new("params-out")
                .long("params-out")
                .value_name("FILE")
                .value_parser(clap::value_parser!(PathBuf))
                .help("digits-mlp: write the final parameters there, in the --init format"),
        )
        .arg(
            Arg::new("convention")
                .long("convention")
                .value_name("NAME")
                .default_value("paper")
                .value_parser(conventions)
                .help("whose formulas, where the literature disagrees"),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_name("NAME")
                .default_value("table")
                .value_parser(formats)
                .help("how the trace is printed"),
        )
        .arg(
            Arg::new("defaults")
                .long("defaults")
                .action(ArgAction::SetTrue)
                .exclusive(true)
                .help("(alone) every optimizer's defaults under both conventions"),
        )
        .next_help_heading("Hyperparameters");
    for h in &HYPERPARAMETERS {
        let (what, takers) = hyperparameter_help(h);
        cmd = cmd.arg(
            Arg::new(h.name)
                .long(&h.flag[2..])
                .value_name("F")
                .allow_negative_numbers(true)
                .value_parser(hyperparameter_value(h))
                .help(format!("{what}\n{takers}"))
                .long_help(format!("{what}\n{takers}")),
        );
    }
    cmd
}

/// A clap error as optrace reports it (status 2): clap's text, with the user's
/// text escaped (`{:?}`-style, so it stays on its line and no control character
/// reaches the terminal), and a missing flag named on the first line with what
/// it accepts. Without the leading `error: `, which [`crate::Status`] adds.
pub fn usage_error(e: clap::Error, cmd: &mut clap::Command) -> String {
    let mut e = match e.get(ContextKind::InvalidArg) {
        Some(ContextValue::Strings(missing)) if e.kind() == ErrorKind::MissingRequiredArgument => {
            let lines: Vec<String> = missing
                .iter()
                .map(|arg| {
                    let id = arg.trim_start_matches('-').split(' ').next().unwrap_or("");
                    format!("missing {arg}: {}", accepts(id))
                })
                .collect();
            cmd.error(ErrorKind::MissingRequiredArgument, lines.join("\n  and "))
        }
        _ => e,
    };
    let user_text: Vec<(ContextKind, ContextValue)> = e
        .context()
        .filter(|(kind, _)| {
            matches!(
                kind,
                ContextKind::InvalidArg
                    | ContextKind::InvalidValue
                    | ContextKind::PriorArg
                    | ContextKind::Suggested
                    | ContextKind::SuggestedArg
                    | ContextKind::SuggestedValue
            )
        })
        .map(|(kind, value)| (kind, value.clone()))
        .collect();
    for (kind, value) in user_text {
        let escaped = match value {
            ContextValue::String(s) => ContextValue::String(escape(&s)),
            ContextValue::Strings(v) => {
                ContextValue::Strings(v.iter().map(|s| escape(s)).collect())
            }
            ContextValue::StyledStr(s) => ContextValue::StyledStr(escape(&s.to_string()).into()),
            ContextValue::StyledStrs(v) => {
                ContextValue::StyledStrs(v.iter().map(|s| escape(&s.to_string()).into()).collect())
            }
            other => other,
        };
        e.insert(kind, escaped);
    }
    let text = e.render().to_string();
    text.strip_prefix("error: ")
        .unwrap_or(&text)
        .trim_end()
        .to_string()
}

/// `s` with every control character, backslash and invisible character escaped
/// as Rust's `{:?}` does (quotes left as they are: clap quotes with `'`).
pub fn escape(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\'' | '"' => c.to_string(),
            c => c.escape_debug().to_string(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn escape_keeps_one_line() {
        assert_eq!(escape("1\nx\u{1b}[31m'\"\\"), r#"1\nx\u{1b}[31m'"\\"#);
        assert_eq!(escape("θ,é"), "θ,é");
    }
}
