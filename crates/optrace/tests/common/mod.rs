//! Shared by the integration tests: running the real `optrace` binary, and the
//! cases of `../shared/reference/cases.json` as command lines.
#![allow(dead_code)]

use std::process::Command;

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the `optrace` binary built for this test.
pub fn optrace<S: AsRef<str>>(args: &[S]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_optrace"))
        .args(args.iter().map(|a| a.as_ref()))
        .output()
        .expect("the optrace binary runs");
    Run {
        code: out.status.code().expect("optrace exits with a status (no signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

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
    /// The `optrace` command line of this case (`--flag=value` throughout, so
    /// negatives pass; `{:?}` writes each f64 in round-trip form).
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
    pub fn trace_csv(&self) -> String {
        let path = optcore::reference::reference_dir().join("traces").join(format!("{}.csv", self.name));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }
}

/// Every case of `cases.json`, in file order.
pub fn cases() -> Vec<Case> {
    let path = optcore::reference::reference_dir().join("cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("cases.json is JSON");
    let str_of = |c: &serde_json::Value, k: &str| c[k].as_str().unwrap_or_else(|| panic!("{k} in {c}")).to_string();
    json.as_array()
        .expect("cases.json is a list")
        .iter()
        .map(|c| {
            let start: Vec<f64> = c["start"].as_array().expect("start").iter().map(|x| x.as_f64().expect("number")).collect();
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

/// The case called `name`.
pub fn case(name: &str) -> Case {
    cases().into_iter().find(|c| c.name == name).unwrap_or_else(|| panic!("no case {name}"))
}

/// `t, loss, θ₀, θ₁` of each row of a CSV with header `t,loss,theta_0,theta_1[,…]`
/// (further columns, the step record, are dropped), via optcore's reference parser.
pub fn first_four_columns(csv: &str) -> Vec<optcore::reference::ReferenceRow> {
    let cut: String = csv
        .lines()
        .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(",") + "\n")
        .collect();
    let rows = optcore::reference::parse_reference_csv(&cut).expect("a t,loss,theta_0,theta_1 CSV");
    assert!(rows.iter().all(|r| r.theta.len() == 2));
    rows
}
