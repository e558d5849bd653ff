//! Property test of the command line: random argument lists (real flags in both
//! forms with edge values — empty, huge, negative, NaN, inf, `--`, non-ASCII,
//! newlines — every optimizer, problem, convention and format, a few steps)
//! through the library's entry point. Whatever the input: no panic, status 0, 1
//! or 2, nothing on stderr on 0, exactly one line on 1 (the fault), a message
//! on 2 whose first line starts with `error: ` (a clap usage error goes on with
//! its tip and usage lines) and in which no control character but those line
//! ends appears (the user's text is escaped), nothing on stdout on 2, and
//! stdout that parses in the format asked for.
use optcore::HYPERPARAMETERS;
use optrace::{parse, Command, Format, OPTIMIZERS, PROBLEMS};
use proptest::prelude::*;
use proptest::sample::select;

/// Every flag, without its `--`: the hyperparameters are optcore's table's.
fn flags() -> Vec<&'static str> {
    let mut all = vec![
        "optimizer",
        "problem",
        "start",
        "steps",
        "convention",
        "format",
        "defaults",
        "help",
        // The digits network's flags: refused beside a test function, and any
        // value here names no file of the network's format.
        "init",
        "batches",
        "activation",
    ];
    all.extend(HYPERPARAMETERS.iter().map(|h| &h.flag[2..]));
    all
}

/// Values no flag should choke on.
const EDGES: [&str; 24] = [
    "", "0", "-0", "1", "-1", "0.5", "0.9", "0.999", "1e-8", "1e308", "1e309", "-1e308", "5e-324",
    "NaN", "nan", "inf", "-inf", "--", "-", "1\nx", "é", "θ,θ", " 1 ", "0x10",
];

fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        select(&EDGES[..]).prop_map(String::from),
        any::<f64>().prop_map(|x| format!("{x:?}")),
        (-5.0..5.0f64).prop_map(|x| x.to_string()),
    ]
}

fn value_of(flag: &'static str) -> BoxedStrategy<String> {
    match flag {
        "optimizer" => prop_oneof![3 => select(OPTIMIZERS).prop_map(String::from), 1 => number()].boxed(),
        "problem" => prop_oneof![3 => select(&PROBLEMS[..]).prop_map(String::from), 1 => number()].boxed(),
        "convention" => prop_oneof![select(&["paper", "pytorch"][..]).prop_map(String::from), number()].boxed(),
        "format" => prop_oneof![3 => select(&["table", "csv", "json"][..]).prop_map(String::from), 1 => number()].boxed(),
        "start" => prop_oneof![
            (number(), number()).prop_map(|(x, y)| format!("{x},{y}")),
            select(&["-1.5,2", "0,0", "0,1", "3e52,0", "1e200,1e200", "1,1,1", ",", "1"][..]).prop_map(String::from),
        ]
        .boxed(),
        // Few steps: a run is cheap whatever else the command line says.
        "steps" => prop_oneof![
            4 => (0usize..25).prop_map(|n| n.to_string()),
            1 => select(&["", "-1", "1.5", "1000000001", "18446744073709551616", "--", "é"][..]).prop_map(String::from),
        ]
        .boxed(),
        _ => number().boxed(),
    }
}

/// One flag as `--flag=value`, `--flag value`, bare `--flag`, or a stray word.
fn argument() -> impl Strategy<Value = Vec<String>> {
    select(flags()).prop_flat_map(|flag| {
        prop_oneof![
            4 => value_of(flag).prop_map(move |v| vec![format!("--{flag}={v}")]),
            2 => value_of(flag).prop_map(move |v| vec![format!("--{flag}"), v]),
            1 => Just(vec![format!("--{flag}")]),
            1 => "\\PC{0,6}".prop_map(|w| vec![w]),
        ]
    })
}

/// A valid run (so that output is produced and checked) plus random flags, or
/// random flags alone.
fn command_line() -> impl Strategy<Value = Vec<String>> {
    let run = (
        select(OPTIMIZERS),
        select(&PROBLEMS[..]),
        select(&["-1.5,2", "1,1", "-5,-2", "0,1", "3e52,0", "0.5,-0.5"][..]),
        0usize..25,
        select(&["paper", "pytorch"][..]),
        select(&["table", "csv", "json"][..]),
    )
        .prop_map(|(o, p, s, n, c, f)| {
            vec![
                format!("--optimizer={o}"),
                format!("--problem={p}"),
                format!("--start={s}"),
                format!("--steps={n}"),
                format!("--convention={c}"),
                format!("--format={f}"),
            ]
        });
    prop_oneof![
        3 => (run, prop::collection::vec(argument(), 0..3)).prop_map(|(mut base, extra)| {
            base.extend(extra.into_iter().flatten());
            base
        }),
        1 => prop::collection::vec(argument(), 0..8).prop_map(|a| a.into_iter().flatten().collect()),
    ]
}

fn check_csv(out: &str) -> Result<(), TestCaseError> {
    let mut lines = out.lines();
    let header = lines.next().unwrap_or_default();
    prop_assert!(
        header.starts_with("t,loss,theta_0,theta_1"),
        "header {header:?}"
    );
    let width = header.split(',').count();
    for line in lines {
        let cells: Vec<&str> = line.split(',').collect();
        prop_assert_eq!(cells.len(), width, "{}", line);
        for c in cells {
            prop_assert!(
                c.is_empty() || c.parse::<f64>().is_ok(),
                "cell {:?} in {}",
                c,
                line
            );
        }
    }
    Ok(())
}

fn check_json(out: &str, code: i32) -> Result<(), TestCaseError> {
    let v: serde_json::Value =
        serde_json::from_str(out).map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
    let width = v["columns"].as_array().map(Vec::len);
    prop_assert!(
        width.is_some() && v["optimizer"].is_string() && v["problem"].is_string(),
        "{}",
        out
    );
    for row in v["rows"].as_array().expect("rows") {
        prop_assert_eq!(row.as_array().map(Vec::len), width);
    }
    // "stop" is null exactly when the run finished.
    prop_assert_eq!(v["stop"].is_null(), code == 0, "{}", out);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_command_line_ends_well(args in command_line()) {
        // Bounded work: a long run is not what this property is about.
        if let Ok(Command::Run(a)) = parse(args.clone()) {
            prop_assume!(a.steps <= 1000);
        }
        let out = optrace::run_cli(args.clone());
        prop_assert!([0, 1, 2].contains(&out.code), "status {}", out.code);
        match out.code {
            0 => prop_assert_eq!(&out.stderr, &None),
            code => {
                let message = out.stderr.as_deref().unwrap_or_default();
                prop_assert!(message.starts_with("error: "), "{:?}", message);
                // The user's text is escaped: no control character but the
                // message's own line ends, and the edge value "1\nx" never raw.
                prop_assert!(
                    !message.chars().any(|c| c.is_control() && c != '\n') && !message.contains("1\nx"),
                    "{:?}",
                    message
                );
                if code == 1 {
                    prop_assert!(!message.contains('\n'), "{:?}", message);
                }
            }
        }
        if out.code == 2 {
            prop_assert_eq!(&out.stdout, "");
            return Ok(());
        }
        match parse(args) {
            Ok(Command::Run(a)) => match a.format {
                Format::Csv => check_csv(&out.stdout)?,
                Format::Json => check_json(&out.stdout, out.code)?,
                Format::Table => {
                    prop_assert!(!out.stdout.is_empty() && out.stdout.ends_with('\n'));
                    prop_assert!(out.stdout.lines().all(|l| !l.trim().is_empty()), "{}", out.stdout);
                }
            },
            // --help, --defaults
            Ok(_) => prop_assert!(out.code == 0 && !out.stdout.is_empty()),
            Err(e) => prop_assert!(false, "status {} for bad input: {}", out.code, e),
        }
    }
}
