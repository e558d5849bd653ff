//! The command line's output contract (issue 8): JSON that always parses, write
//! errors that are reported, flags an optimizer does not take refused, a help
//! text that says what each optimizer accepts, and streamed output that is the
//! same, byte for byte, as optcore's rendering of the stored trace.
mod common;

use common::optrace;
use optcore::{problem_by_name, Convention, FromFlags, Optimizer, Trace, HYPERPARAMETERS};
use optimizers::registry::{self, Entry, Visitor};
use optrace::methods::methods;
use optrace::{header_line, parse, Args, Command, OPTIMIZERS};
use serde_json::Value;
use std::fs::File;
use std::io::Read;
use std::process::{Command as Process, Stdio};

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// The shape every JSON output has.
fn assert_json_shape(v: &Value) {
    let keys: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "convention",
        "optimizer",
        "problem",
        "columns",
        "rows",
        "stop",
    ] {
        assert!(keys.contains(&key), "{key} missing: {v}");
    }
    let width = v["columns"].as_array().unwrap().len();
    for row in v["rows"].as_array().unwrap() {
        assert_eq!(row.as_array().unwrap().len(), width, "{row}");
    }
}

/// Runs that fault: status 1, the finite rows kept, the step named on stderr,
/// and stdout valid JSON with a non-null "stop" (the same message).
#[test]
fn a_faulting_run_still_writes_valid_json() {
    for (args, step) in [
        // G = g² overflows at the first step.
        (
            &[
                "--optimizer=adagrad",
                "--problem=rosenbrock",
                "--start=3e52,0",
                "--steps=5",
            ][..],
            1,
        ),
        // eps = 0 and a coordinate with gradient 0: 0/√0 (optcore's ZeroEps).
        (
            &[
                "--optimizer=adagrad",
                "--problem=quadratic",
                "--start=0,1",
                "--steps=5",
                "--eps=0",
            ],
            1,
        ),
        (
            &[
                "--optimizer=sgd",
                "--problem=rosenbrock",
                "--start=-1.5,2",
                "--steps=50",
                "--lr=1",
            ],
            4,
        ),
    ] {
        let mut a = args.to_vec();
        a.push("--format=json");
        let run = optrace(&a);
        assert_eq!(run.code, 1, "{a:?}: {}", run.stderr);
        assert!(
            run.stderr.ends_with('\n') && run.stderr.lines().count() == 1,
            "{:?}",
            run.stderr
        );
        assert!(
            run.stderr.contains(&format!("at step {step}:")),
            "{}",
            run.stderr
        );
        let v = json(&run.stdout);
        assert_json_shape(&v);
        let stop = v["stop"].as_str().expect("a non-null stop");
        assert_eq!(format!("error: {stop}\n"), run.stderr);
        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len(), step, "{a:?}: the rows before step {step}");
        for (t, row) in rows.iter().enumerate() {
            assert_eq!(row[0].as_u64(), Some(t as u64));
            // Row 0's record cells are null; every other cell is a finite number.
            for cell in &row.as_array().unwrap()[1..] {
                assert!(
                    (cell.is_null() && t == 0) || cell.as_f64().is_some_and(f64::is_finite),
                    "{row}"
                );
            }
        }
    }
    // The eps = 0 fault names eps.
    let run = optrace(&[
        "--optimizer=adagrad",
        "--problem=quadratic",
        "--start=0,1",
        "--steps=5",
        "--eps=0",
    ]);
    assert!(
        run.stderr.contains("eps = 0") && run.stderr.contains("give eps > 0"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("note: stopped: non-finite parameter at step 1"),
        "{}",
        run.stdout
    );
}

/// serde_json writes shortest round-trip numbers, not always in the same form
/// as before (`-0.00007312316880125974` for `-7.312316880125974e-5`): every
/// number of the JSON snapshot parses to the same f64, bit for bit, as the CSV
/// of the same run (written with Rust's `{:?}`, as before).
#[test]
fn json_numbers_are_the_csv_numbers_bit_for_bit() {
    for case in testkit::cases() {
        let v = json(&optrace(&case.args("json")).stdout);
        let csv = optrace(&case.args("csv")).stdout;
        let rows = v["rows"].as_array().unwrap();
        let lines: Vec<&str> = csv.lines().skip(1).collect();
        assert_eq!(rows.len(), lines.len(), "{}", case.name);
        for (row, line) in rows.iter().zip(lines) {
            for (cell, text) in row.as_array().unwrap().iter().zip(line.split(',')) {
                match cell.as_f64() {
                    Some(x) => assert_eq!(
                        x.to_bits(),
                        text.parse::<f64>().unwrap().to_bits(),
                        "{}: {text}",
                        case.name
                    ),
                    None => assert!(
                        cell.is_null() && text.is_empty(),
                        "{}: {cell} vs {text:?}",
                        case.name
                    ),
                }
            }
        }
    }
    // The snapshot from before serde_json holds the same values, bit for bit.
    let old = r#"[20,0.0890129418703443,-0.9434666458139824,-7.312316880125974e-5,-0.2051014447421701,0.0004874877920083982,0.10516653629385705]"#;
    let v = json(&optrace(&testkit::case("pytorch-sgd-quadratic").args("json")).stdout);
    let new = &v["rows"][20];
    for (a, b) in json(old)
        .as_array()
        .unwrap()
        .iter()
        .zip(new.as_array().unwrap())
    {
        assert_eq!(a.as_f64().unwrap().to_bits(), b.as_f64().unwrap().to_bits());
    }
}

/// optcore's `Trace::to_json` escapes what it writes: a problem name or a stop
/// message with quotes, backslashes or a newline still parses.
#[test]
fn trace_to_json_escapes_names() {
    let name = "a \"quoted\"\\ name\nwith a newline";
    let objective = optcore::FnObjective::new(
        name,
        2,
        |t| t[0] * t[0] + t[1] * t[1],
        |t, mut g| {
            g[0] = 2.0 * t[0];
            g[1] = 2.0 * t[1];
        },
    );
    let mut trace = optcore::run(
        &optimizers::gd::Sgd {
            lr: 0.1,
            ..optimizers::gd::Sgd::defaults(optcore::Convention::Paper)
        },
        &objective,
        optcore::ndarray::arr1(&[1.0, 2.0]).view(),
        3,
    )
    .unwrap();
    trace.stop = Some(optcore::Error::Parse {
        what: "\"x\"".into(),
        message: "tab\tand \u{1b}".into(),
    });
    let v = json(&trace.to_json());
    assert_eq!(v["problem"], name);
    assert_eq!(v["stop"], "cannot read \"x\": tab\tand \u{1b}");
    assert_eq!(v["rows"].as_array().unwrap().len(), 4);
    assert!(v["rows"][0][4].is_null());
}

/// What optrace streams is what optcore renders from the stored trace of the
/// same run: the CSV bytes of `Trace::to_csv`, the JSON of `Trace::to_json` with
/// `"convention"` in front (as parsed values: both come from serde_json), the
/// table of `Trace`'s `Display` after the header line. Every optimizer, both
/// conventions, a run that stops and one that does not.
#[test]
fn streamed_output_is_the_stored_traces() {
    let runs = [
        ("quadratic", "--start=-5,-2", "30", None),
        ("rosenbrock", "--start=-1.5,2", "20", None),
        ("beale", "--start=1,1", "25", None),
        // A run that stops (a large learning rate diverges).
        ("rosenbrock", "--start=-1.5,2", "60", Some("--lr=3")),
    ];
    for name in OPTIMIZERS {
        for convention in ["paper", "pytorch"] {
            for (problem, start, steps, extra) in runs {
                let mut a: Vec<String> = vec![
                    format!("--optimizer={name}"),
                    format!("--problem={problem}"),
                    start.into(),
                    format!("--steps={steps}"),
                    format!("--convention={convention}"),
                ];
                a.extend(extra.map(String::from));
                let Ok(Command::Run(args)) = parse(a.clone()) else {
                    panic!("{a:?}")
                };
                let stored = stored(&args);
                // A run refused at its first step (AdaMax's paper form on Beale
                // from (1, 1), where u₁ = 0) stores only its start row, which has
                // no record: the stored trace cannot name the record's columns,
                // the stream (which knows them from the state) names them and
                // leaves their cells empty. The t, loss and θ columns must agree.
                let first_four = |csv: &str| {
                    csv.lines()
                        .map(|l| l.split(',').take(4).collect::<Vec<_>>().join(",") + "\n")
                        .collect::<String>()
                };
                for (format, expected) in [("csv", stored.csv), ("table", stored.table)] {
                    let mut b = a.clone();
                    b.push(format!("--format={format}"));
                    let out = optrace::run_cli(b.clone());
                    if stored.start_only && format == "csv" {
                        assert_eq!(first_four(&out.stdout), expected, "{b:?}");
                        assert!(out.stdout.lines().nth(1).unwrap().ends_with(",,"), "{b:?}");
                    } else {
                        assert_eq!(out.stdout, expected, "{b:?}");
                    }
                    assert_eq!(out.code, if stored.stopped { 1 } else { 0 }, "{b:?}");
                }
                let mut b = a.clone();
                b.push("--format=json".into());
                let out = optrace::run_cli(b.clone());
                assert!(out.stdout.ends_with("}\n"), "{b:?}");
                let mut streamed = json(&out.stdout);
                if stored.start_only {
                    let cut = |v: &mut Value| {
                        if let Some(list) = v.as_array_mut() {
                            list.truncate(4);
                        }
                    };
                    cut(&mut streamed["columns"]);
                    for row in streamed["rows"].as_array_mut().unwrap() {
                        assert!(
                            row.as_array().unwrap()[4..].iter().all(Value::is_null),
                            "{b:?}"
                        );
                        cut(row);
                    }
                }
                assert_eq!(streamed, json(&stored.json), "{b:?}");
            }
        }
    }
}

struct Stored {
    csv: String,
    json: String,
    table: String,
    stopped: bool,
    /// The run stopped before its first step: only the start row.
    start_only: bool,
}

/// optcore's renderings of the stored trace (`run`), for the optimizer `args`
/// names (its type found in the registry).
fn stored(args: &Args) -> Stored {
    struct Find<'a>(&'a Args, Option<Stored>);
    impl Visitor for Find<'_> {
        fn visit<O: Optimizer + FromFlags>(&mut self, entry: Entry) {
            if entry.name == self.0.method.name {
                self.1 = Some(of::<O>(self.0));
            }
        }
    }
    fn of<O: Optimizer + FromFlags>(args: &Args) -> Stored {
        let opt = O::from_flags(args.convention, &args.flags).unwrap();
        let problem = problem_by_name(args.problem).unwrap();
        let trace: Trace<O::Record> = optcore::run(
            &opt,
            problem.as_ref(),
            optcore::ndarray::arr1(&args.start).view(),
            args.steps,
        )
        .unwrap();
        Stored {
            csv: trace.to_csv(),
            json: format!(
                "{{\"convention\":\"{}\",{}",
                args.convention,
                &trace.to_json()[1..]
            ),
            table: format!(
                "{}\n{trace}",
                header_line(&opt, args.convention, &args.flags)
            ),
            stopped: trace.stop.is_some(),
            start_only: trace.rows.len() == 1,
        }
    }
    let mut find = Find(args, None);
    registry::visit(&mut find);
    find.1
        .expect("every optimizer optrace runs is in the registry")
}

/// A table of more than `TABLE_ALIGNED_STEPS` steps is streamed with fixed
/// widths: every full row as wide as the header line, the same numbers (to the
/// table's 10 digits) as the CSV of the run.
#[test]
fn a_long_table_is_streamed_with_fixed_widths() {
    let steps = optrace::output::TABLE_ALIGNED_STEPS + 1;
    let base = [
        "--optimizer=adam",
        "--problem=rosenbrock",
        "--start=-1.5,2",
        "--lr=0.01",
    ];
    let with = |format: &str| {
        let mut a: Vec<String> = base.iter().map(|s| s.to_string()).collect();
        a.push(format!("--steps={steps}"));
        a.push(format!("--format={format}"));
        optrace::run_cli(a)
    };
    let table = with("table");
    assert_eq!(table.code, 0);
    let lines: Vec<&str> = table.stdout.lines().collect();
    assert!(
        lines[0].starts_with("adam, convention paper: lr = 0.01"),
        "{}",
        lines[0]
    );
    assert!(lines[1].ends_with(" on rosenbrock"), "{}", lines[1]);
    assert_eq!(lines.len(), 3 + steps + 1);
    let header = lines[2];
    assert!(
        header.trim_start().starts_with("t ") && header.contains("θ[0]"),
        "{header}"
    );
    let width = header.chars().count();
    let csv = with("csv").stdout;
    for (line, csv_line) in lines[3..].iter().zip(csv.lines().skip(1)) {
        let cells: Vec<&str> = line.split_whitespace().collect();
        let numbers: Vec<&str> = csv_line.split(',').filter(|c| !c.is_empty()).collect();
        assert_eq!(cells.len(), numbers.len(), "{line}");
        if cells[0] != "0" {
            assert_eq!(line.chars().count(), width, "{line}");
        }
        assert_eq!(cells[0], numbers[0], "t");
        for (cell, number) in cells[1..].iter().zip(&numbers[1..]) {
            assert_eq!(*cell, optcore::fmt_num(number.parse().unwrap()), "{line}");
        }
    }
}

/// `optrace … > /dev/full`: status 1 and one line on stderr naming the failure,
/// in every format, for help and for `--defaults` too.
#[test]
fn a_write_error_is_reported() {
    let run = [
        "--optimizer=sgd",
        "--problem=quadratic",
        "--start=-5,-2",
        "--steps=20",
    ];
    let mut cases: Vec<Vec<&str>> = vec![vec!["--help"], vec!["--defaults"]];
    for format in ["--format=table", "--format=csv", "--format=json"] {
        cases.push(run.iter().copied().chain([format]).collect());
    }
    for args in cases {
        let out = Process::new(env!("CARGO_BIN_EXE_optrace"))
            .args(&args)
            .stdout(Stdio::from(File::create("/dev/full").expect("/dev/full")))
            .output()
            .expect("optrace runs");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with("error: cannot write the output: No space left on device"),
            "{args:?}: {stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    }
}

/// `optrace … | head -1`: once the reader is gone, a long run ends quietly
/// (status 0, nothing on stderr) and at once, without computing the rest.
#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    for format in ["csv", "json", "table"] {
        let mut child = Process::new(env!("CARGO_BIN_EXE_optrace"))
            .args([
                "--optimizer=adam",
                "--problem=quadratic",
                "--start=-5,-2",
                "--steps=1000000000",
            ])
            .arg(format!("--format={format}"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("optrace runs");
        // The first bytes only (the JSON is one line, as long as the run).
        let mut first = [0u8; 64];
        child.stdout.take().unwrap().read_exact(&mut first).unwrap();
        // The reader (and with it the pipe) is dropped here: 10⁹ steps would take
        // minutes, so finishing at all shows the run stopped at the closed pipe.
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");
    }
}

/// A hyperparameter flag is refused (status 2) exactly when the optimizer's own
/// `hyperparameters()` does not list it under the convention — checked here
/// against each optimizer built with the flag given — and the message says
/// which optimizers take it.
#[test]
fn a_flag_the_optimizer_does_not_take_is_refused() {
    for m in methods() {
        let name = m.name;
        for convention in [Convention::Paper, Convention::Pytorch] {
            for h in &HYPERPARAMETERS {
                // 0.5 is in every flag's domain, and turns on what it controls.
                let mut flags = optcore::Flags::default();
                h.set(&mut flags, Some(0.5));
                let listed = (m.build)(convention, &flags)
                    .unwrap()
                    .iter()
                    .any(|(k, _)| *k == h.name);
                let args = [
                    format!("--optimizer={name}"),
                    "--problem=quadratic".into(),
                    "--start=1,1".into(),
                    "--steps=2".into(),
                    format!("--convention={convention}"),
                    format!("{}=0.5", h.flag),
                ];
                let out = optrace::run_cli(args.clone());
                if listed {
                    assert_eq!(out.code, 0, "{args:?}: {:?}", out.stderr);
                } else {
                    assert_eq!(out.code, 2, "{args:?}");
                    let e = out.stderr.unwrap();
                    assert!(
                        e.starts_with(&format!("error: {} is not a hyperparameter of {name} under the {convention} convention (", h.flag)),
                        "{e}"
                    );
                    assert_eq!(out.stdout, "");
                }
            }
        }
    }
    let e = optrace::run_cli([
        "--optimizer=sgd",
        "--problem=quadratic",
        "--start=1,1",
        "--steps=2",
        "--momentum=0.9",
    ])
    .stderr
    .unwrap();
    assert_eq!(e, "error: --momentum is not a hyperparameter of sgd under the paper convention (momentum, nag and rmsprop take it)");
    // NAdam lists ψ only under pytorch: the message says where it is taken.
    let e = optrace::run_cli([
        "--optimizer=nadam",
        "--problem=quadratic",
        "--start=1,1",
        "--steps=2",
        "--momentum-decay=0.004",
    ])
    .stderr
    .unwrap();
    assert!(
        e.contains("not a hyperparameter of nadam under the paper convention")
            && e.contains("under --convention=pytorch, nadam takes it"),
        "{e}"
    );
    let out = optrace::run_cli([
        "--optimizer=nadam",
        "--problem=quadratic",
        "--start=1,1",
        "--steps=2",
        "--momentum-decay=0.004",
        "--convention=pytorch",
    ]);
    assert_eq!(out.code, 0, "{:?}", out.stderr);
    // RMSprop takes momentum, 0 (off) included.
    let out = optrace::run_cli([
        "--optimizer=rmsprop",
        "--problem=quadratic",
        "--start=1,1",
        "--steps=2",
        "--momentum=0",
    ]);
    assert_eq!(out.code, 0, "{:?}", out.stderr);
}

/// `--help` says, for each hyperparameter flag, which optimizers take it and
/// where one is narrower than the flag's domain; what it says holds. (`-h`
/// says the same, one flag to a line; it is clap's summary, whose lines listing
/// possible values are longer than 100 characters.)
#[test]
fn help_says_who_takes_each_flag_and_where_domains_differ() {
    let help = optrace::help(true);
    assert!(
        help.contains(
            "      --eps <F>\n          ε, >= 0 (> 0 for adadelta)\n          \
             taken by: adagrad, adadelta, rmsprop, adam, nadam, adamax (pytorch convention only),\n          \
             amsgrad, adamw\n"
        ),
        "{help}"
    );
    let summary = optrace::help(false);
    for text in [&help, &summary] {
        assert!(text.contains("ε, >= 0 (> 0 for adadelta)\n"), "{text}");
        assert!(
            text.contains("taken by: adagrad, adadelta, rmsprop, adam, nadam, adamax (pytorch convention only),\n"),
            "{text}"
        );
        assert!(text.contains("taken by: adamw\n"), "{text}");
        assert!(
            text.contains("taken by: momentum, nag, rmsprop\n"),
            "{text}"
        );
        assert!(
            text.contains("taken by: nadam (pytorch convention only)\n"),
            "{text}"
        );
        assert!(text.contains("taken by: every optimizer\n"), "{text}");
    }
    for name in ["adagrad", "adadelta", "rmsprop", "adam", "nadam"] {
        let out = optrace::run_cli([
            &format!("--optimizer={name}"),
            "--problem=quadratic",
            "--start=1,1",
            "--steps=2",
            "--eps=0",
        ]);
        if name == "adadelta" {
            assert_eq!(out.code, 2);
            // The flag is named as a flag, not as the library's `eps`.
            assert!(out
                .stderr
                .unwrap()
                .starts_with("error: invalid --eps = 0: --eps must be a finite number > 0"));
        } else {
            assert_eq!(out.code, 0, "{name}: {:?}", out.stderr);
        }
    }
    assert!(help.lines().all(|l| l.chars().count() <= 100), "{help}");
}

/// `--help` lists every optimizer of the registry with its line, every problem
/// and every hyperparameter flag of optcore's table with its domain; `-h` lists
/// the same names.
#[test]
fn help_lists_the_registry_and_the_hyperparameter_table() {
    let help = optrace::help(true);
    let summary = optrace::help(false);
    for entry in registry::METHODS {
        let line = format!(
            "          - {:<9} {}\n",
            format!("{}:", entry.name),
            entry.about
        );
        assert!(help.contains(&line), "{line:?} in {help}");
    }
    assert!(
        summary.contains(&format!("[possible values: {}]", OPTIMIZERS.join(", "))),
        "{summary}"
    );
    for problem in optrace::PROBLEMS.iter().chain([&optrace::network::PROBLEM]) {
        assert!(
            help.contains(&format!("          - {problem}:")),
            "{problem}"
        );
    }
    for h in &HYPERPARAMETERS {
        for text in [&help, &summary] {
            assert!(
                text.contains(&format!("      {} <F>", h.flag)),
                "{}",
                h.flag
            );
            assert!(
                text.contains(&format!("{}, {}", h.what, h.domain)),
                "{}",
                h.flag
            );
        }
    }
    assert!(help.starts_with("optrace: "), "{help}");
    assert!(
        help.contains("\nUsage: optrace --optimizer <NAME> --problem <NAME> --start <X,Y> --steps <N> [OPTIONS]\n       optrace --optimizer <NAME> --problem digits-mlp --init <FILE> --batches <FILE> [OPTIONS]\n       optrace --defaults\n"),
        "{help}"
    );
}
