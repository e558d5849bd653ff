//! Snapshot tests: what `optrace` prints for the sgd reference case, and the
//! wording of its bad-input messages.
mod common;

use common::optrace;
use testkit::case;

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn sgd_reference_case_table() {
    let run = optrace(&case("pytorch-sgd-quadratic").args("table"));
    assert_eq!(run.code, 0);
    snap!("sgd_reference_case_table", run.stdout);
}

#[test]
fn sgd_reference_case_json() {
    let run = optrace(&case("pytorch-sgd-quadratic").args("json"));
    assert_eq!(run.code, 0);
    snap!("sgd_reference_case_json", run.stdout);
}

/// A hyperparameter not given is marked as the convention's default.
#[test]
fn sgd_default_lr_table() {
    let run = optrace(&[
        "--optimizer=sgd",
        "--problem=beale",
        "--start=1,1",
        "--steps=3",
    ]);
    assert_eq!(run.code, 0);
    snap!("sgd_default_lr_table", run.stdout);
}

/// What optrace says on stderr, each line indented, under each bad (or
/// diverging) command line: its arguments (split at spaces; a newline shown as
/// `\n`). A usage error found by clap is its message of a few lines (the first
/// names the flag and what it accepts, then clap's tip and the usage); a refusal
/// after parsing and a run's fault are one line. A value outside the flag's own
/// domain is refused before the optimizer is asked whether it takes the flag
/// (sgd and `--momentum=1`).
#[test]
fn error_messages() {
    let indented = |stderr: String| -> String {
        stderr
            .lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_string()
                } else {
                    format!("  {l}\n")
                }
            })
            .collect()
    };
    let base = "--optimizer=sgd --problem=quadratic --start=-5,-2 --steps=3";
    let mut out = String::new();
    for extra in [
        "--lr=0",
        "--lr=fast",
        "--momentum=1",
        "--rho=1",
        "--eps=-1",
        "--beta2=1",
        "--momentum-decay=-1",
        "--format=xml",
        "--convention=keras",
        "--bogus=1",
        "--lr",
        "--momentun=0.9",
        "--steps=4",
        "--lr --format=csv",
        "--lr=1\nx",
        "--momentum=0.9",
        "--defaults",
    ] {
        let args: Vec<&str> = base.split(' ').chain(extra.split(' ')).collect();
        out.push_str(&format!(
            "{}\n{}",
            extra.escape_debug(),
            indented(optrace(&args).stderr)
        ));
    }
    for args in [
        "--optimizer=adamm --problem=beale --start=1,1 --steps=1",
        "--optimizer=sgd --problem=beale --start=1,1 --steps=1 --format=jsno",
        "--problem=beale --steps=1",
        "--optimizer=sgd --problem=himmelblau --start=1,1 --steps=1",
        "--optimizer=sgd --problem=beale --start=1 --steps=1",
        "--optimizer=sgd --problem=beale --start=1,1 --steps=-3",
        "--optimizer=sgd --start=1,1 --steps=1",
        "--optimizer=sgd --problem=rosenbrock --start=-1.5,2 --steps=50 --lr=1 --format=csv",
        "--optimizer=sgd --problem=rosenbrock --start=1e200,1e200 --steps=3",
        "--optimizer=adadelta --problem=quadratic --start=0,1 --steps=3 --eps=0",
        "--optimizer=adagrad --problem=quadratic --start=0,1 --steps=3 --eps=0 --format=csv",
        "--optimizer=adagrad --problem=rosenbrock --start=3e52,0 --steps=5 --format=json",
        "--optimizer=nadam --problem=quadratic --start=0,1 --steps=3 --momentum-decay=0.004",
        "--optimizer=adam --problem=quadratic --start=0,1 --steps=3 --convention=pytorch --rho=0.9",
        // The digits network: its files and its flags.
        "--optimizer=sgd --problem=digits-mlp --batches=../optcore/reference/digits-mlp/batches.json",
        "--optimizer=sgd --problem=digits-mlp --init=no-such-file.json --batches=../optcore/reference/digits-mlp/batches.json",
        "--optimizer=sgd --problem=digits-mlp --init=../optcore/reference/digits-mlp/batches.json --batches=../optcore/reference/digits-mlp/batches.json",
        "--optimizer=sgd --problem=digits-mlp --init=../optcore/reference/digits-mlp/init.json --batches=../optcore/reference/digits-mlp/init.json",
        "--optimizer=sgd --problem=digits-mlp --init=../optcore/reference/digits-mlp/init.json --batches=../optcore/reference/digits-mlp/batches.json --steps=3",
        "--optimizer=sgd --problem=digits-mlp --init=../optcore/reference/digits-mlp/init.json --batches=../optcore/reference/digits-mlp/batches.json --activation=sigmoid",
        "--optimizer=sgd --problem=quadratic --start=1,1 --steps=1 --activation=relu",
        "--optimizer=adamax --problem=digits-mlp --init=../optcore/reference/digits-mlp/init.json --batches=../optcore/reference/digits-mlp/batches.json",
    ] {
        out.push_str(&format!(
            "{args}\n{}",
            indented(optrace(&args.split(' ').collect::<Vec<_>>()).stderr)
        ));
    }
    // The list of optimizers is the registry's (tests in src/lib.rs hold the
    // message to it): shown as a placeholder, so that adding an optimizer does
    // not change this snapshot.
    let optimizers = optrace::or_list(optrace::OPTIMIZERS);
    assert!(out.contains(&optimizers));
    snap!(
        "error_messages",
        out.replace(&optimizers, "<the registry's optimizers>")
    );
}

/// `optrace --defaults`: every optimizer's defaults under both conventions, each
/// built by the optimizer's own `FromFlags` with no flag given.
#[test]
fn defaults_table() {
    let run = optrace(&["--defaults"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    snap!("defaults", run.stdout);
}
