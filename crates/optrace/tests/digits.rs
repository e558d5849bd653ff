//! `optrace --problem digits-mlp` against torch: every case of
//! `crates/optcore/reference/digits-mlp/` (torch.optim in float64 from the same
//! initial parameters over the same batches: every optimizer of the registry,
//! tanh and relu) is run through the command line, and the loss it prints before
//! each step and the parameters it writes with `--params-out` must match torch's
//! within 1e-9 relative. Then the command line's refusals: files that are missing
//! or not of their format, flags that belong to the other problems.

use optcore::digits::{CLASSES, PIXELS};
use optcore::mlp::files::parse_params;
use optcore::reference::rel_diff;
use std::path::{Path, PathBuf};

const TOLERANCE: f64 = 1e-9;

fn reference_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../optcore/reference/digits-mlp")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A file in a folder of this test's own under the target dir.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("digits-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// The command line of a case: the reference's files, the case's flags.
fn case_args(case: &serde_json::Value, format: &str, params_out: Option<&Path>) -> Vec<String> {
    let dir = reference_dir();
    let mut a = vec![
        format!("--optimizer={}", case["optimizer"].as_str().unwrap()),
        "--problem=digits-mlp".into(),
        "--convention=pytorch".into(),
        format!("--init={}", dir.join("init.json").display()),
        format!("--batches={}", dir.join("batches.json").display()),
        format!("--activation={}", case["activation"].as_str().unwrap()),
        format!("--format={format}"),
    ];
    for (key, value) in case["hp"].as_object().unwrap() {
        a.push(format!(
            "--{}={:?}",
            key.replace('_', "-"),
            value.as_f64().unwrap()
        ));
    }
    if let Some(p) = params_out {
        a.push(format!("--params-out={}", p.display()));
    }
    a
}

fn cases() -> Vec<serde_json::Value> {
    let v: serde_json::Value =
        serde_json::from_str(&read(&reference_dir().join("cases.json"))).unwrap();
    v.as_array().unwrap().clone()
}

/// Every registered optimizer has a torch case, and each matches torch.
#[test]
fn every_optimizer_reproduces_torch() {
    let cases = cases();
    for name in optrace::OPTIMIZERS {
        assert!(
            cases.iter().any(|c| c["optimizer"] == *name),
            "no torch case for {name} in digits-mlp/cases.json"
        );
    }
    let mut worst = (0.0f64, String::new());
    for case in &cases {
        let name = case["name"].as_str().unwrap();
        let out_path = scratch(&format!("{name}.json"));
        let _ = std::fs::remove_file(&out_path);
        let out = optrace::run_cli(case_args(case, "csv", Some(&out_path)));
        assert_eq!((out.code, &out.stderr), (0, &None), "{name}");
        let run: serde_json::Value =
            serde_json::from_str(&read(&reference_dir().join(format!("runs/{name}.json"))))
                .unwrap();
        let torch_losses: Vec<f64> = run["losses"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_f64().unwrap())
            .collect();
        let mut lines = out.stdout.lines();
        assert_eq!(lines.next(), Some("t,loss"), "{name}");
        let losses: Vec<f64> = lines
            .enumerate()
            .map(|(t, line)| {
                let (step, loss) = line.split_once(',').unwrap();
                assert_eq!(step, t.to_string(), "{name}");
                loss.parse().unwrap()
            })
            .collect();
        assert_eq!(losses.len(), torch_losses.len(), "{name}");
        assert_eq!(
            losses.len(),
            case["steps"].as_u64().unwrap() as usize,
            "{name}"
        );
        let (_, mine) = parse_params(&read(&out_path), PIXELS, CLASSES).unwrap();
        let (_, theirs) = parse_params(&run["params"].to_string(), PIXELS, CLASSES).unwrap();
        let pairs = losses
            .iter()
            .zip(&torch_losses)
            .chain(mine.iter().zip(theirs.iter()));
        for (i, (a, b)) in pairs.enumerate() {
            let d = rel_diff(*a, *b);
            assert!(
                d <= TOLERANCE,
                "{name}: value {i}: {a} vs torch {b} ({d:e} relative)"
            );
            if d > worst.0 {
                worst = (d, name.to_string());
            }
        }
    }
    eprintln!(
        "largest relative difference to torch: {:e} ({})",
        worst.0, worst.1
    );
}

/// The three formats carry the same losses; the table says what ran.
#[test]
fn the_formats_agree() {
    let case = &cases()[0];
    let csv = optrace::run_cli(case_args(case, "csv", None));
    let json = optrace::run_cli(case_args(case, "json", None));
    let table = optrace::run_cli(case_args(case, "table", None));
    for out in [&csv, &json, &table] {
        assert_eq!((out.code, &out.stderr), (0, &None));
    }
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["problem"], "digits-mlp");
    assert_eq!(v["columns"], serde_json::json!(["t", "loss"]));
    assert!(v["stop"].is_null());
    let from_json: Vec<f64> = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r[1].as_f64().unwrap())
        .collect();
    let from_csv: Vec<f64> = csv
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.split_once(',').unwrap().1.parse().unwrap())
        .collect();
    assert_eq!(from_json, from_csv);
    let mut lines = table.stdout.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("sgd, convention pytorch: lr = 0.1"),
        "{}",
        table.stdout
    );
    assert_eq!(lines.next(), Some("sgd on digits-mlp"));
    assert_eq!(table.stdout.lines().count(), 3 + from_csv.len());
}

fn refused(args: &[String]) -> String {
    let out = optrace::run_cli(args.iter().cloned());
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (2, ""),
        "{args:?}: {:?}",
        out.stderr
    );
    out.stderr.unwrap()
}

#[test]
fn bad_files_and_flags_are_refused() {
    let base = case_args(&cases()[0], "csv", None);
    let with = |flag: &str, value: &str| -> Vec<String> {
        let mut a: Vec<String> = base
            .iter()
            .filter(|a| !a.starts_with(&format!("--{flag}=")))
            .cloned()
            .collect();
        a.push(format!("--{flag}={value}"));
        a
    };
    let bad = scratch("bad.json");
    std::fs::write(&bad, "[[0, 1], []]").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            with("init", "/nonexistent/init.json"),
            "error: cannot read --init /nonexistent/init.json: ",
        ),
        (
            with("batches", &bad.display().to_string()),
            "error: --batches: cannot read the batches file: batch 1 is empty",
        ),
        (
            with("init", &bad.display().to_string()),
            "error: --init: cannot read the parameters file: not an object",
        ),
        (
            with("activation", "sigmoid"),
            "invalid value 'sigmoid' for '--activation <NAME>': must be tanh or relu",
        ),
        (with("start", "0,0"), "--start is for the test functions"),
        (with("steps", "3"), "--steps is for the test functions"),
        (
            with("momentum", "0.9"),
            "--momentum is not a hyperparameter of sgd",
        ),
        (
            base.iter()
                .filter(|a| !a.starts_with("--batches"))
                .cloned()
                .collect(),
            "missing --batches <FILE>",
        ),
    ];
    for (args, says) in cases {
        let e = refused(&args);
        assert!(e.contains(says), "{args:?}: {e}");
    }
    // The network's flags on a test function.
    let e = refused(&[
        "--optimizer=sgd".into(),
        "--problem=quadratic".into(),
        "--start=1,1".into(),
        "--steps=3".into(),
        "--activation=relu".into(),
    ]);
    assert!(
        e.contains("--activation is for --problem digits-mlp"),
        "{e}"
    );
}

/// A run that stops mid-way keeps its rows, says why on one line, and writes no
/// parameters: Kingma & Ba's AdaMax has no ε, and a pixel that is 0 in every image
/// of the batch has u = 0 and m/u = 0/0 at its first step.
#[test]
fn a_run_that_stops_keeps_its_rows() {
    let out_path = scratch("stopped.json");
    let _ = std::fs::remove_file(&out_path);
    let args: Vec<String> = case_args(&cases()[0], "csv", Some(&out_path))
        .into_iter()
        .filter(|a| !a.starts_with("--lr=") && !a.starts_with("--convention="))
        .map(|a| {
            if a.starts_with("--optimizer=") {
                "--optimizer=adamax".into()
            } else {
                a
            }
        })
        .collect();
    let out = optrace::run_cli(args);
    assert_eq!(out.code, 1, "{:?}", out.stderr);
    let e = out.stderr.unwrap();
    assert!(
        e.starts_with("error: non-finite update") && e.contains("at step 1") && !e.contains('\n'),
        "{e}"
    );
    assert_eq!(out.stdout.lines().count(), 2, "{}", out.stdout);
    assert!(!out_path.exists());
}
