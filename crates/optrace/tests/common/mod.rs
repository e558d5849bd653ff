//! Shared by the integration tests: running the real `optrace` binary and reading
//! what it prints (the cases of `crates/optcore/reference/cases.json`, as command
//! lines too, are `testkit`'s).
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
        code: out
            .status
            .code()
            .expect("optrace exits with a status (no signal)"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
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
