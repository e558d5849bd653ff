//! The cases of `crates/optcore/reference/cases.json` (and `cases-beyond.json`)
//! and their traces, as the tests read them: the text compiled into
//! `optcore::reference`, never a file at run time.

use optcore::reference::{self, ReferenceRow, CASES_BEYOND_JSON, CASES_JSON, OWN_CASES_JSON};

/// One entry of `cases.json`.
#[derive(Debug, Clone)]
pub struct Case {
    pub name: String,
    pub convention: String,
    pub optimizer: String,
    pub problem: String,
    pub start: [f64; 2],
    pub steps: u64,
    /// Hyperparameters by their `cases.json` key (`momentum_decay`, …), sorted by key.
    pub hp: Vec<(String, f64)>,
}

impl Case {
    /// The hyperparameter `key` (a `cases.json` key such as `lr`); panics if
    /// the case has none.
    pub fn hp(&self, key: &str) -> f64 {
        self.hp
            .iter()
            .find(|(k, _)| k == key)
            .unwrap_or_else(|| panic!("{}: no hp {key}", self.name))
            .1
    }

    /// The `optrace` command line of this case, as the reference README gives it
    /// (`--flag=value` throughout, so negatives pass; `{:?}` writes each f64 in
    /// round-trip form).
    pub fn args(&self, format: &str) -> Vec<String> {
        let mut a = vec![
            format!("--optimizer={}", self.optimizer),
            format!("--problem={}", self.problem),
            format!("--convention={}", self.convention),
            format!("--start={:?},{:?}", self.start[0], self.start[1]),
            format!("--steps={}", self.steps),
            format!("--format={format}"),
        ];
        for (key, value) in &self.hp {
            a.push(format!("--{}={value:?}", key.replace('_', "-")));
        }
        a
    }

    /// The reference trace's CSV text.
    pub fn trace_csv(&self) -> &'static str {
        trace_csv(&self.name)
    }

    /// The reference trace's rows.
    pub fn trace(&self) -> Vec<ReferenceRow> {
        reference_trace(&self.name)
    }

    /// `opt` run on this case's problem, start and steps (the case's
    /// hyperparameters are the caller's to pass into `opt`); panics on a refusal.
    pub fn run<O: optcore::Optimizer>(&self, opt: &O) -> optcore::Trace<O::Record> {
        let problem = optcore::problem_by_name(&self.problem)
            .unwrap_or_else(|e| panic!("{}: {e}", self.name));
        let start = optcore::ndarray::arr1(&self.start);
        optcore::run(opt, problem.as_ref(), start.view(), self.steps as usize)
            .unwrap_or_else(|e| panic!("{}: {e}", self.name))
    }
}

/// The CSV text of the reference trace `traces/<name>.csv`; panics if there is
/// no such trace.
pub fn trace_csv(name: &str) -> &'static str {
    reference::trace_csv(name).unwrap_or_else(|| {
        panic!(
            "no reference trace {name} (the traces are {})",
            reference::NAMES.join(", ")
        )
    })
}

/// The rows of the reference trace `traces/<name>.csv`; panics if there is none
/// or it does not parse.
pub fn reference_trace(name: &str) -> Vec<ReferenceRow> {
    reference::trace(name).unwrap_or_else(|e| panic!("{e}"))
}

/// Every case of `cases.json`, in file order.
pub fn cases() -> Vec<Case> {
    parse_cases("cases.json", CASES_JSON)
}

/// Every case of `cases-beyond.json` (AdaMax, AMSGrad, AdamW), in file order.
pub fn cases_beyond() -> Vec<Case> {
    parse_cases("cases-beyond.json", CASES_BEYOND_JSON)
}

/// Every case of `own/cases.json` (this project's own torch.optim cases for
/// AdaMax, AMSGrad and AdamW), in file order.
pub fn own_cases() -> Vec<Case> {
    parse_cases("own/cases.json", OWN_CASES_JSON)
}

/// The cases of one cases file (`file` names it in panics).
fn parse_cases(file: &str, text: &str) -> Vec<Case> {
    let json: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("{file} is not JSON: {e}"));
    let str_of = |c: &serde_json::Value, k: &str| {
        c[k].as_str()
            .unwrap_or_else(|| panic!("{k} in {c}"))
            .to_string()
    };
    json.as_array()
        .unwrap_or_else(|| panic!("{file} is not a list"))
        .iter()
        .map(|c| {
            let start: Vec<f64> = c["start"]
                .as_array()
                .expect("start")
                .iter()
                .map(|x| x.as_f64().expect("number"))
                .collect();
            Case {
                name: str_of(c, "name"),
                convention: str_of(c, "convention"),
                optimizer: str_of(c, "optimizer"),
                problem: str_of(c, "problem"),
                start: [start[0], start[1]],
                steps: c["steps"].as_u64().expect("steps"),
                hp: c["hp"]
                    .as_object()
                    .expect("hp")
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_f64().expect("hp value")))
                    .collect(),
            }
        })
        .collect()
}

/// The case called `name`, from `cases.json` or `cases-beyond.json`.
pub fn case(name: &str) -> Case {
    cases()
        .into_iter()
        .chain(cases_beyond())
        .chain(own_cases())
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}

/// The cases of `cases` whose optimizer is `optimizer` (panics if there are
/// none: a test over no case would check nothing).
pub fn cases_of(cases: Vec<Case>, optimizer: &str) -> Vec<Case> {
    let v: Vec<Case> = cases
        .into_iter()
        .filter(|c| c.optimizer == optimizer)
        .collect();
    assert!(!v.is_empty(), "no case for {optimizer}");
    v
}

/// Every case of `cases-beyond.json` for `optimizer`, run with the optimizer
/// `build` makes of it, reproduces torch's θ bit for bit (and so within 1e-9).
pub fn assert_bitwise_on_shared_beyond<O: optcore::Optimizer>(
    optimizer: &str,
    build: impl Fn(&Case) -> O,
) {
    for case in cases_of(cases_beyond(), optimizer) {
        let reference = case.trace();
        let tr = case.run(&build(&case));
        assert_eq!(tr.rows.len(), reference.len(), "{}: rows", case.name);
        assert!(optcore::reference::max_rel_diff_to_reference(&tr, &reference).unwrap() < 1e-9);
        for (ours, theirs) in tr.rows.iter().zip(&reference) {
            assert_eq!(
                ours.theta.to_vec(),
                theirs.theta,
                "{} t = {}",
                case.name,
                ours.t
            );
        }
    }
}

/// The `expected` own cases for `optimizer` (`crates/optcore/reference/own/`),
/// each run with the optimizer `build` makes of it, within 1e-9 relative of
/// torch's θ at every step; returns each case with its trace, for checks of
/// the method's own (e.g. that AMSGrad's maximum mattered).
pub fn assert_close_on_own_cases<O: optcore::Optimizer>(
    optimizer: &str,
    expected: usize,
    build: impl Fn(&Case) -> O,
) -> Vec<(Case, optcore::Trace<O::Record>)> {
    let cases = cases_of(own_cases(), optimizer);
    assert_eq!(cases.len(), expected, "own cases of {optimizer}");
    cases
        .into_iter()
        .map(|case| {
            let tr = case.run(&build(&case));
            let worst = optcore::reference::max_rel_diff_to_reference(&tr, &case.trace()).unwrap();
            println!("{}: max relative difference {worst:e}", case.name);
            assert!(worst < 1e-9, "{}: {worst:e}", case.name);
            (case, tr)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_cases_files_parse_and_every_case_has_its_trace() {
        let (main, beyond) = (cases(), cases_beyond());
        assert_eq!(main.len(), 5);
        assert_eq!(
            beyond
                .iter()
                .map(|c| c.optimizer.as_str())
                .collect::<Vec<_>>(),
            ["adamax", "amsgrad", "adamw"]
        );
        for c in main.iter().chain(&beyond) {
            assert_eq!(c.trace().len() as u64, c.steps + 1, "{}", c.name);
            assert_eq!(case(&c.name).name, c.name);
        }
        assert_eq!(case("pytorch-adamw-quadratic").hp("weight_decay"), 0.1);
    }
}
