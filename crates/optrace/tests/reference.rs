//! The `optrace` binary against independent numbers: the shared reference traces
//! (torch.optim and the post's equations, computed outside this project), SGD
//! recomputed here from the README's formulas, and its bad-input contract; and
//! the methods after NAdam on the shared beyond cases and this project's own
//! torch cases (`crates/optcore/reference/own/`).
mod common;

use common::{first_four_columns, optrace, Run};
use optcore::reference::rel_diff;
use optcore::Convention;
use testkit::{case, cases, cases_beyond, independent_value_and_gradient, own_cases};

/// Every case of `cases.json` must match its trace to 1e-9 relative (the
/// README's tolerance): each names an optimizer of the registry.
#[test]
fn reference_cases_match_their_traces() {
    let ran = match_traces(cases());
    assert!(
        ran.iter().any(|n| n == "pytorch-sgd-quadratic"),
        "the sgd case must run"
    );
}

/// The methods after NAdam end to end (`--optimizer adamax|amsgrad|adamw`,
/// `--weight-decay`): every case of `cases-beyond.json` and of this project's
/// own torch cases (`crates/optcore/reference/own/`) to 1e-9 relative.
#[test]
fn beyond_and_own_cases_match_their_traces() {
    let ran = match_traces(cases_beyond().into_iter().chain(own_cases()).collect());
    for name in ["adamax", "amsgrad", "adamw"] {
        assert!(
            ran.iter()
                .filter(|n| n.contains(&format!("-{name}-")))
                .count()
                >= 2,
            "{name}: {ran:?}"
        );
    }
}

/// Runs `optrace --format csv` on each case and holds its t, loss and θ to the
/// case's trace (1e-9 relative); the names of the cases run.
fn match_traces(all: Vec<testkit::Case>) -> Vec<String> {
    let (mut ran, mut failures) = (vec![], vec![]);
    for case in all {
        let run = optrace(&case.args("csv"));
        assert!(
            optrace::OPTIMIZERS.contains(&case.optimizer.as_str()),
            "{}: {} is not in the registry",
            case.name,
            case.optimizer
        );
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{}", case.name);
        let ours = first_four_columns(&run.stdout);
        let theirs = first_four_columns(case.trace_csv());
        assert_eq!(
            ours.len(),
            case.steps as usize + 1,
            "{}: one row per t = 0..N",
            case.name
        );
        assert_eq!(ours.len(), theirs.len(), "{}", case.name);
        let mut worst: f64 = 0.0;
        for (a, b) in ours.iter().zip(&theirs) {
            assert_eq!(a.t, b.t, "{}", case.name);
            worst = worst.max(rel_diff(a.loss, b.loss));
            for (x, y) in a.theta.iter().zip(&b.theta) {
                worst = worst.max(rel_diff(*x, *y));
            }
        }
        println!(
            "ran     {:<32} max relative difference {worst:.1e}",
            case.name
        );
        if worst > 1e-9 {
            failures.push(format!(
                "{}: max relative difference {worst:e} > 1e-9",
                case.name
            ));
        }
        ran.push(case.name);
    }
    assert!(failures.is_empty(), "{failures:#?}");
    ran
}

/// θ_{t+1} = θ_t − η ∇f(θ_t) on all three problems, under both conventions (they
/// coincide for plain SGD), with `--lr` given and with each convention's default;
/// f and ∇f from the README's table, written out by hand in `testkit` (not
/// optcore's code).
#[test]
fn sgd_matches_an_independent_computation() {
    // (problem, start, lr, steps): a learning rate that converges on each.
    let runs = [
        ("quadratic", [-5.0, -2.0], Some(0.4), 30),
        ("rosenbrock", [-1.5, 2.0], Some(5e-4), 100),
        ("beale", [1.0, 1.0], Some(0.01), 100),
        ("beale", [1.0, 1.0], None, 50),
    ];
    for (problem, start, lr, steps) in runs {
        for convention in [Convention::Paper, Convention::Pytorch] {
            let mut args = vec![
                "--optimizer=sgd".to_string(),
                format!("--problem={problem}"),
                format!("--start={:?},{:?}", start[0], start[1]),
                format!("--steps={steps}"),
                format!("--convention={convention}"),
                "--format=csv".to_string(),
            ];
            if let Some(lr) = lr {
                args.push(format!("--lr={lr:?}"));
            }
            // Not given: the convention's documented default, from its one source.
            let eta = lr.unwrap_or(optimizers::gd::Sgd::defaults(convention).lr);
            let run = optrace(&args);
            assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
            let rows = first_four_columns(&run.stdout);
            assert_eq!(rows.len(), steps + 1);
            let [mut x, mut y] = start;
            for (t, row) in rows.iter().enumerate() {
                let (f, g) = independent_value_and_gradient(problem, [x, y]);
                assert_eq!(row.t, t);
                for (ours, expected) in [(row.loss, f), (row.theta[0], x), (row.theta[1], y)] {
                    assert!(
                        rel_diff(ours, expected) <= 1e-12,
                        "{problem} {convention} t={t}: {ours} vs {expected}"
                    );
                }
                x -= eta * g[0];
                y -= eta * g[1];
            }
        }
    }
}

/// The CSV contract: the README's header first, one row per t = 0..N, every row as
/// wide as the header, the step record's cells empty in row 0 (no step yet).
#[test]
fn csv_is_rectangular_with_the_readme_header() {
    let run = optrace(&case("pytorch-sgd-quadratic").args("csv"));
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with("t,loss,theta_0,theta_1"),
        "{}",
        lines[0]
    );
    let width = lines[0].split(',').count();
    assert!(
        width > 4,
        "sgd adds its record (g) after the four README columns"
    );
    for (t, line) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = line.split(',').collect();
        assert_eq!(cells.len(), width, "{line}");
        assert_eq!(cells[0], t.to_string());
        let (before, record) = cells[1..].split_at(3);
        assert!(before.iter().all(|c| c.parse::<f64>().is_ok()), "{line}");
        if t == 0 {
            assert!(record.iter().all(|c| c.is_empty()), "{line}");
        } else {
            assert!(record.iter().all(|c| c.parse::<f64>().is_ok()), "{line}");
        }
    }
}

/// Status 2, nothing on stdout, and stderr's first line names `flag`. A usage
/// error that clap finds (a bad or missing value, an unknown flag) goes on with
/// clap's tip and usage lines, so only its first line is held to naming the
/// flag; a refusal after parsing is that one line.
fn assert_usage_error(args: &[&str], flag: &str) {
    let run: Run = optrace(args);
    assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
    assert_eq!(run.stdout, "", "{args:?}");
    let first = run.stderr.lines().next().unwrap_or_default();
    assert!(
        run.stderr.ends_with('\n') && first.starts_with("error: "),
        "{args:?}: {:?}",
        run.stderr
    );
    assert!(
        first.contains(flag),
        "{args:?}: {} does not name {flag} on its first line",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{args:?}: {}", run.stderr);
}

/// Bad input: status 2, nothing on stdout, the first line on stderr naming the flag.
#[test]
fn bad_input_exits_2_with_one_line_naming_the_flag() {
    let base = [
        "--optimizer=sgd",
        "--problem=quadratic",
        "--start=-5,-2",
        "--steps=3",
    ];
    let with = |extra: &[&'static str]| -> Vec<&'static str> {
        base.iter().chain(extra).copied().collect()
    };
    for (extra, flag) in [
        (&["--lr=0"][..], "--lr"),
        (&["--lr=-1"], "--lr"),
        (&["--lr", "fast"], "--lr"),
        (&["--lr=inf"], "--lr"),
        (&["--lr"], "--lr"),
        (&["--momentum=1"], "--momentum"),
        (&["--momentum=-0.1"], "--momentum"),
        (&["--rho=0"], "--rho"),
        (&["--rho=1"], "--rho"),
        (&["--eps=-1"], "--eps"),
        (&["--beta1=1"], "--beta1"),
        (&["--beta2=1.5"], "--beta2"),
        (&["--momentum-decay=-0.004"], "--momentum-decay"),
        (&["--format=xml"], "--format"),
        (&["--convention=keras"], "--convention"),
        (&["--bogus=1"], "--bogus"),
        (&["--lr=0.1", "--lr=0.2"], "--lr"),
        (&["extra"], "extra"),
    ] {
        assert_usage_error(&with(extra), flag);
    }
    let args = |opt: &'static str,
                problem: &'static str,
                start: &'static str,
                steps: &'static str| { [opt, problem, start, steps] };
    for (a, flag) in [
        (
            args(
                "--optimizer=adamm",
                "--problem=beale",
                "--start=1,1",
                "--steps=1",
            ),
            "--optimizer",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=himmelblau",
                "--start=1,1",
                "--steps=1",
            ),
            "--problem",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=beale",
                "--start=1",
                "--steps=1",
            ),
            "--start",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=beale",
                "--start=nan,1",
                "--steps=1",
            ),
            "--start",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=beale",
                "--start=1,2,3",
                "--steps=1",
            ),
            "--start",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=beale",
                "--start=1,1",
                "--steps=-3",
            ),
            "--steps",
        ),
        (
            args(
                "--optimizer=sgd",
                "--problem=beale",
                "--start=1,1",
                "--steps=2.5",
            ),
            "--steps",
        ),
    ] {
        assert_usage_error(&a, flag);
    }
    assert_usage_error(
        &["--optimizer=sgd", "--start=1,1", "--steps=1"],
        "--problem",
    );
    assert_usage_error(
        &["--problem=beale", "--start=1,1", "--steps=1"],
        "--optimizer",
    );
    assert_usage_error(
        &["--optimizer=sgd", "--problem=beale", "--steps=1"],
        "--start",
    );
    assert_usage_error(
        &["--optimizer=sgd", "--problem=beale", "--start=1,1"],
        "--steps",
    );
    assert_usage_error(&[], "--optimizer");
}

/// `--help` (anywhere) prints the usage to stdout and exits 0.
#[test]
fn help_prints_usage_to_stdout() {
    for args in [
        &["--help"][..],
        &["-h"],
        &["--optimizer=sgd", "--help"],
        &["--bogus", "-h"],
    ] {
        let run = optrace(args);
        assert_eq!((run.code, run.stderr.as_str()), (0, ""));
        assert!(
            run.stdout.starts_with("optrace: ")
                && run.stdout.contains("Usage: optrace --optimizer"),
            "{}",
            run.stdout
        );
    }
}

/// A diverging run: every finite row before the fault is printed, then status 1
/// and one line on stderr naming the step (the first row not printed).
#[test]
fn a_non_finite_value_stops_the_run_after_the_finite_rows() {
    for format in ["csv", "table", "json"] {
        let fmt = format!("--format={format}");
        let run = optrace(&[
            "--optimizer=sgd",
            "--problem=rosenbrock",
            "--start=-1.5,2",
            "--steps=50",
            "--lr=1",
            &fmt,
        ]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.ends_with('\n') && run.stderr.lines().count() == 1,
            "{:?}",
            run.stderr
        );
        if format == "csv" {
            let rows = first_four_columns(&run.stdout);
            assert!(rows.len() >= 2 && rows.len() < 51, "{}", run.stdout);
            assert!(rows
                .iter()
                .all(|r| r.loss.is_finite() && r.theta.iter().all(|x| x.is_finite())));
            assert!(
                run.stderr.contains(&format!("at step {}:", rows.len())),
                "{}",
                run.stderr
            );
        }
    }
    // θ₀ finite but its loss is not (x⁴ overflows): no row to print, so the start
    // is bad input (status 2), not a run fault.
    for start in ["--start=1e100,0", "--start=1e200,1e200"] {
        let run = optrace(&[
            "--optimizer=sgd",
            "--problem=rosenbrock",
            start,
            "--steps=5",
            "--format=csv",
        ]);
        assert_usage_error(
            &[
                "--optimizer=sgd",
                "--problem=rosenbrock",
                start,
                "--steps=5",
                "--format=csv",
            ],
            "--start",
        );
        assert!(run.stderr.contains("is unusable"), "{}", run.stderr);
    }
}
