//! The reference traces of `crates/optcore/reference/` (torch.optim and the post's
//! equations, computed outside this project; `SOURCE.md` there says where they
//! came from), compiled in with `include_str!`, and comparing runs with them.
//!
//! Nothing here reads a file at run time: [`CASES_JSON`], [`CASES_BEYOND_JSON`]
//! and every trace of [`NAMES`] are part of the binary, so a clone of the
//! repository is all the tests, examples and notebooks need.

use crate::error::{Error, Result};
use crate::flags::{Flags, FromFlags};
use crate::optimizer::{Convention, Optimizer, Record};
use crate::render::Table;
use crate::trace::Trace;

/// `cases.json`: the cases of the post's methods (name, convention, optimizer,
/// problem, start, steps, hyperparameters `hp`), as the reference README gives them.
pub const CASES_JSON: &str = include_str!("../reference/cases.json");

/// `cases-beyond.json`: cases in the same format for the methods after NAdam
/// (AdaMax, AMSGrad, AdamW).
pub const CASES_BEYOND_JSON: &str = include_str!("../reference/cases-beyond.json");

/// Every trace of `reference/traces/`, by name (the file name without `.csv`),
/// with its CSV text compiled in.
macro_rules! traces {
    ($list:ident, $dir:literal: $($name:literal),* $(,)?) => {
        const $list: [(&str, &str); [$($name),*].len()] = [
            $(($name, include_str!(concat!("../reference/", $dir, $name, ".csv")))),*
        ];
    };
}

traces!(TRACES, "traces/":
    "paper-adagrad-quadratic",
    "paper-momentum-quadratic",
    "pytorch-adam-quadratic",
    "pytorch-adamax-quadratic",
    "pytorch-adamw-quadratic",
    "pytorch-amsgrad-quadratic",
    "pytorch-momentum-quadratic",
    "pytorch-sgd-quadratic",
);

/// `own/cases.json`: this project's own torch.optim cases for AdaMax, AMSGrad
/// and AdamW beyond the shared ones (same format), written by
/// `scripts/make-beyond-traces.py` (`own/SOURCE.md` says how and with which torch).
pub const OWN_CASES_JSON: &str = include_str!("../reference/own/cases.json");

traces!(OWN_TRACES, "own/traces/":
    "pytorch-adamax-rosenbrock-1",
    "pytorch-adamax-beale-2",
    "pytorch-adamax-quadratic-3",
    "pytorch-adamax-quadratic-4",
    "pytorch-adamax-rosenbrock-5",
    "pytorch-amsgrad-rosenbrock-1",
    "pytorch-amsgrad-beale-2",
    "pytorch-amsgrad-quadratic-3",
    "pytorch-amsgrad-beale-4",
    "pytorch-amsgrad-rosenbrock-5",
    "pytorch-adamw-rosenbrock-1",
    "pytorch-adamw-beale-2",
    "pytorch-adamw-quadratic-3",
    "pytorch-adamw-quadratic-4",
    "pytorch-adamw-rosenbrock-5",
    "pytorch-adamw-beale-6",
);

/// The name of every trace of `own/traces/`, in `own/cases.json`'s order.
pub const OWN_NAMES: [&str; OWN_TRACES.len()] = {
    let mut names = [""; OWN_TRACES.len()];
    let mut i = 0;
    while i < OWN_TRACES.len() {
        names[i] = OWN_TRACES[i].0;
        i += 1;
    }
    names
};

/// The name of every vendored trace (`traces/<name>.csv`), sorted: the cases of
/// [`CASES_JSON`] and of [`CASES_BEYOND_JSON`], one trace each.
pub const NAMES: [&str; TRACES.len()] = {
    let mut names = [""; TRACES.len()];
    let mut i = 0;
    while i < TRACES.len() {
        names[i] = TRACES[i].0;
        i += 1;
    }
    names
};

/// The CSV text of the trace `traces/<name>.csv` or `own/traces/<name>.csv`
/// (`name` without `.csv`), or `None` if there is no such trace.
pub fn trace_csv(name: &str) -> Option<&'static str> {
    TRACES
        .iter()
        .chain(OWN_TRACES.iter())
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// The rows of the trace `traces/<name>.csv` (`name` without `.csv`); an
/// [`Error::Parse`] naming the trace if there is none by that name.
pub fn trace(name: &str) -> Result<Vec<ReferenceRow>> {
    let what = || format!("reference trace '{name}'");
    let text = trace_csv(name).ok_or_else(|| Error::Parse {
        what: what(),
        message: format!(
            "there is no such trace in crates/optcore/reference/traces (the traces are {})",
            NAMES.join(", ")
        ),
    })?;
    parse_reference_csv(text).map_err(|e| match e {
        Error::Parse { message, .. } => Error::Parse {
            what: what(),
            message,
        },
        other => other,
    })
}

/// One case of a cases file ([`CASES_JSON`], [`CASES_BEYOND_JSON`],
/// [`OWN_CASES_JSON`]): which optimizer, problem, start, steps and
/// hyperparameters made the trace of the same name.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceCase {
    pub name: String,
    pub convention: Convention,
    pub optimizer: String,
    pub problem: String,
    pub start: Vec<f64>,
    pub steps: usize,
    /// Hyperparameters by their cases-file key (`lr`, `weight_decay`, …).
    pub hp: Vec<(String, f64)>,
}

impl ReferenceCase {
    /// The hyperparameters as `optrace` flags (each key is a row of
    /// [`crate::hyper::HYPERPARAMETERS`]); an [`Error::Parse`] for an unknown key.
    pub fn flags(&self) -> Result<Flags> {
        let mut flags = Flags::default();
        for (k, v) in &self.hp {
            let h = crate::hyper::by_name(k).ok_or_else(|| Error::Parse {
                what: format!("case '{}'", self.name),
                message: format!("no hyperparameter flag for the key '{k}'"),
            })?;
            h.set(&mut flags, Some(*v));
        }
        Ok(flags)
    }

    /// The case's optimizer of type `O`, built from [`ReferenceCase::flags`]
    /// under the case's convention.
    pub fn optimizer<O: FromFlags>(&self) -> Result<O> {
        O::from_flags(self.convention, &self.flags()?)
    }
}

/// The cases of a cases file's text, in file order; an [`Error::Parse`] naming
/// what is missing if the text is not such a file.
pub fn parse_cases(json: &str) -> Result<Vec<ReferenceCase>> {
    let bad = |message: String| Error::Parse {
        what: "cases file".into(),
        message,
    };
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| bad(e.to_string()))?;
    let list = v.as_array().ok_or_else(|| bad("not a list".into()))?;
    list.iter()
        .map(|c| {
            let text = |k: &str| {
                c[k].as_str()
                    .map(str::to_string)
                    .ok_or_else(|| bad(format!("no text '{k}' in {c}")))
            };
            let start = c["start"]
                .as_array()
                .ok_or_else(|| bad(format!("no start in {c}")))?
                .iter()
                .map(|x| {
                    x.as_f64()
                        .ok_or_else(|| bad(format!("a start that is not numbers in {c}")))
                })
                .collect::<Result<Vec<f64>>>()?;
            let hp = c["hp"]
                .as_object()
                .ok_or_else(|| bad(format!("no hp in {c}")))?
                .iter()
                .map(|(k, v)| {
                    v.as_f64()
                        .map(|x| (k.clone(), x))
                        .ok_or_else(|| bad(format!("hp {k} is not a number")))
                })
                .collect::<Result<Vec<_>>>()?;
            Ok(ReferenceCase {
                name: text("name")?,
                convention: text("convention")?.parse()?,
                optimizer: text("optimizer")?,
                problem: text("problem")?,
                start,
                steps: c["steps"]
                    .as_u64()
                    .ok_or_else(|| bad(format!("no steps in {c}")))?
                    as usize,
                hp,
            })
        })
        .collect()
}

/// Every case of `cases-beyond.json` and `own/cases.json` whose optimizer is
/// `O`, run with `O` built from the case (its convention, its hyperparameters as
/// flags) and held to its trace: one row per case with the largest relative
/// difference over θ and the loss, and how many of its θ values are the same
/// f64 bit for bit. The notebooks' appendix "torch check".
pub fn agreement<O: Optimizer + FromFlags>() -> Result<Table> {
    let mut table = Table::new(
        "torch.optim's traces (crates/optcore/reference) vs this crate, pytorch convention",
        &[
            "case",
            "source",
            "problem",
            "steps",
            "max relative difference",
            "θ values bit-identical",
        ],
    );
    let shared = parse_cases(CASES_BEYOND_JSON)?;
    let own = parse_cases(OWN_CASES_JSON)?;
    let all = shared
        .iter()
        .map(|c| (c, "shared"))
        .chain(own.iter().map(|c| (c, "own")));
    let name = O::from_flags(Convention::Pytorch, &Flags::default())?.name();
    let mut count = 0;
    for (case, source) in all.filter(|(c, _)| c.optimizer == name) {
        let opt: O = case.optimizer()?;
        count += 1;
        let problem = crate::objective::problem_by_name(&case.problem)?;
        let start = ndarray::Array1::from(case.start.clone());
        let tr = crate::trace::run_to_completion(&opt, problem.as_ref(), start.view(), case.steps)?;
        let reference = trace(&case.name)?;
        let worst = max_rel_diff_to_reference(&tr, &reference)?;
        let (same, total) = tr
            .rows
            .iter()
            .zip(&reference)
            .fold((0, 0), |(s, n), (a, b)| {
                let eq = a
                    .theta
                    .iter()
                    .zip(&b.theta)
                    .filter(|(x, y)| x.to_bits() == y.to_bits())
                    .count();
                (s + eq, n + b.theta.len())
            });
        table.push(vec![
            case.name.as_str().into(),
            source.into(),
            case.problem.as_str().into(),
            case.steps.into(),
            worst.into(),
            format!("{same} of {total}").into(),
        ]);
    }
    if count == 0 {
        return Err(Error::Empty {
            what: "the reference cases of this optimizer",
        });
    }
    Ok(table)
}

/// One reference row: t, the loss at θ_t, θ_t.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceRow {
    pub t: usize,
    pub loss: f64,
    pub theta: Vec<f64>,
}

/// Parses `t,loss,theta_0,theta_1[,…]` CSV text (extra columns are ignored).
pub fn parse_reference_csv(text: &str) -> Result<Vec<ReferenceRow>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split(',').collect();
    if header.len() < 3 || header[0] != "t" || header[1] != "loss" {
        return Err(Error::Parse {
            what: "reference CSV".into(),
            message: "header must start with t,loss,theta_0".into(),
        });
    }
    let dim = header.iter().filter(|h| h.starts_with("theta_")).count();
    let mut rows = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(',').collect();
        let num = |j: usize| -> Result<f64> {
            cells
                .get(j)
                .and_then(|c| c.parse::<f64>().ok())
                .ok_or_else(|| Error::Parse {
                    what: "reference CSV".into(),
                    message: format!("bad cell {j} in line '{line}'"),
                })
        };
        rows.push(ReferenceRow {
            t: num(0)? as usize,
            loss: num(1)?,
            theta: (0..dim).map(|i| num(2 + i)).collect::<Result<_>>()?,
        });
    }
    Ok(rows)
}

/// |a − b| / max(|a|, |b|), with an absolute floor of 1e-300 so that 0 = 0.
pub fn rel_diff(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale < 1e-300 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// The largest relative difference between a trace and reference rows over
/// loss and θ; an error if they differ in length.
pub fn max_rel_diff_to_reference<R: Record>(
    trace: &Trace<R>,
    reference: &[ReferenceRow],
) -> Result<f64> {
    if trace.rows.len() != reference.len() {
        return Err(Error::Dimension {
            what: "trace rows vs reference rows",
            expected: reference.len(),
            found: trace.rows.len(),
        });
    }
    let mut worst: f64 = 0.0;
    for (ours, theirs) in trace.rows.iter().zip(reference) {
        worst = worst.max(rel_diff(ours.loss, theirs.loss));
        for (a, b) in ours.theta.iter().zip(&theirs.theta) {
            worst = worst.max(rel_diff(*a, *b));
        }
    }
    Ok(worst)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (name, start, steps) of every case of a cases file.
    fn cases_of(json: &str) -> Vec<(String, Vec<f64>, usize)> {
        let v: serde_json::Value = serde_json::from_str(json).expect("a cases file is JSON");
        v.as_array()
            .expect("a cases file is a list")
            .iter()
            .map(|c| {
                let name = c["name"].as_str().expect("name").to_string();
                let start = c["start"]
                    .as_array()
                    .expect("start")
                    .iter()
                    .map(|x| x.as_f64().expect("start is numbers"))
                    .collect();
                (name, start, c["steps"].as_u64().expect("steps") as usize)
            })
            .collect()
    }

    #[test]
    fn every_trace_parses_and_has_steps_plus_one_rows_of_its_case() {
        let cases: Vec<_> = cases_of(CASES_JSON)
            .into_iter()
            .chain(cases_of(CASES_BEYOND_JSON))
            .collect();
        assert_eq!(
            cases.len(),
            8,
            "5 cases in cases.json, 3 in cases-beyond.json"
        );
        for name in NAMES {
            let (_, start, steps) = cases.iter().find(|(n, _, _)| n == name).unwrap_or_else(|| {
                panic!("trace {name} has no case in cases.json or cases-beyond.json")
            });
            let text = trace_csv(name).expect("every name has its CSV");
            // The files keep the CRLF line ends they were written with (byte for byte).
            assert_eq!(
                text.lines().next(),
                Some("t,loss,theta_0,theta_1"),
                "{name}: header"
            );
            let rows = trace(name).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(rows.len(), steps + 1, "{name}: one row per t = 0..{steps}");
            for (t, row) in rows.iter().enumerate() {
                assert_eq!(row.t, t, "{name}");
                assert_eq!(row.theta.len(), 2, "{name}: t = {t}");
                assert!(
                    row.loss.is_finite() && row.theta.iter().all(|x| x.is_finite()),
                    "{name}: t = {t}"
                );
            }
            assert_eq!(&rows[0].theta, start, "{name}: row 0 is the case's start");
        }
    }

    /// `objective::reference_start` is the start of every quadratic case the
    /// reference traces were made from.
    #[test]
    fn every_shared_quadratic_case_starts_at_the_reference_start() {
        let start = crate::objective::reference_start().to_vec();
        for json in [CASES_JSON, CASES_BEYOND_JSON] {
            let quadratic: Vec<_> = parse_cases(json)
                .unwrap()
                .into_iter()
                .filter(|c| c.problem == "quadratic")
                .collect();
            assert!(!quadratic.is_empty());
            for c in quadratic {
                assert_eq!(c.start, start, "{}", c.name);
            }
        }
    }

    #[test]
    fn own_traces_are_their_cases_in_order_with_steps_plus_one_rows() {
        let cases = cases_of(OWN_CASES_JSON);
        assert_eq!(cases.len(), OWN_NAMES.len());
        for ((name, start, steps), own) in cases.iter().zip(OWN_NAMES) {
            assert_eq!(name, own);
            assert!(!NAMES.contains(&own), "{own} is not a shared name");
            let rows = trace(own).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(rows.len(), steps + 1, "{own}");
            assert!(rows.iter().enumerate().all(|(t, r)| r.t == t
                && r.theta.len() == 2
                && r.loss.is_finite()
                && r.theta.iter().all(|x| x.is_finite())));
            assert_eq!(&rows[0].theta, start, "{own}");
        }
    }

    #[test]
    fn every_case_has_a_trace_and_names_are_sorted_and_unique() {
        for (name, _, _) in cases_of(CASES_JSON)
            .into_iter()
            .chain(cases_of(CASES_BEYOND_JSON))
        {
            assert!(
                NAMES.contains(&name.as_str()),
                "case {name} has no vendored trace"
            );
        }
        assert!(NAMES.windows(2).all(|w| w[0] < w[1]), "{NAMES:?}");
        assert!(NAMES.iter().all(|n| !n.is_empty() && !n.ends_with(".csv")));
    }

    #[test]
    fn an_unknown_trace_is_a_typed_error_naming_it() {
        assert_eq!(trace_csv("pytorch-sgd-rosenbrock"), None);
        assert_eq!(
            trace_csv("pytorch-sgd-quadratic.csv"),
            None,
            "names carry no .csv"
        );
        match trace("pytorch-sgd-rosenbrock") {
            Err(e @ Error::Parse { .. }) => {
                let msg = e.to_string();
                assert!(msg.contains("'pytorch-sgd-rosenbrock'"), "{msg}");
                assert!(
                    msg.contains("pytorch-sgd-quadratic") && !msg.contains('\n'),
                    "{msg}"
                );
            }
            other => panic!("expected Error::Parse, got {other:?}"),
        }
    }

    #[test]
    fn parse_cases_reads_every_cases_file_and_refuses_what_is_not_one() {
        for json in [CASES_JSON, CASES_BEYOND_JSON, OWN_CASES_JSON] {
            let parsed = parse_cases(json).unwrap();
            let names: Vec<_> = cases_of(json).into_iter().map(|(n, _, _)| n).collect();
            assert_eq!(
                parsed.iter().map(|c| c.name.clone()).collect::<Vec<_>>(),
                names
            );
            for c in &parsed {
                let flags = c.flags().unwrap();
                for (k, v) in &c.hp {
                    assert_eq!(crate::hyper::by_name(k).unwrap().get(&flags), Some(*v));
                }
            }
        }
        assert!(matches!(parse_cases("{}"), Err(Error::Parse { .. })));
        let unknown = r#"[{"name": "x", "convention": "paper", "optimizer": "sgd",
            "problem": "quadratic", "start": [1.0, 2.0], "steps": 1, "hp": {"nesterov": 1.0}}]"#;
        let case = &parse_cases(unknown).unwrap()[0];
        assert!(matches!(case.flags(), Err(Error::Parse { .. })));
        let bad_convention = unknown.replace("\"paper\"", "\"jax\"");
        assert!(parse_cases(&bad_convention).is_err());
    }

    #[test]
    fn a_bad_csv_is_a_parse_error() {
        assert!(matches!(
            parse_reference_csv("x,y\n1,2\n"),
            Err(Error::Parse { .. })
        ));
        assert!(matches!(
            parse_reference_csv("t,loss,theta_0\n0,1,nope\n"),
            Err(Error::Parse { .. })
        ));
    }
}
