//! The cases of `../shared/reference/cases.json` and their traces, as the tests
//! read them.

use optcore::reference::{parse_reference_csv, reference_dir, ReferenceRow};

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
    pub fn trace_csv(&self) -> String {
        trace_csv(&self.name)
    }

    /// The reference trace's rows.
    pub fn trace(&self) -> Vec<ReferenceRow> {
        reference_trace(&self.name)
    }
}

/// The CSV text of the reference trace `traces/<name>.csv`.
pub fn trace_csv(name: &str) -> String {
    let path = reference_dir().join("traces").join(format!("{name}.csv"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The rows of the reference trace `traces/<name>.csv`.
pub fn reference_trace(name: &str) -> Vec<ReferenceRow> {
    parse_reference_csv(&trace_csv(name)).unwrap_or_else(|e| panic!("traces/{name}.csv: {e}"))
}

/// Every case of `cases.json`, in file order.
pub fn cases() -> Vec<Case> {
    let path = reference_dir().join("cases.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json: serde_json::Value = serde_json::from_str(&text).expect("cases.json is JSON");
    let str_of = |c: &serde_json::Value, k: &str| {
        c[k].as_str()
            .unwrap_or_else(|| panic!("{k} in {c}"))
            .to_string()
    };
    json.as_array()
        .expect("cases.json is a list")
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

/// The case called `name`.
pub fn case(name: &str) -> Case {
    cases()
        .into_iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no case {name}"))
}
