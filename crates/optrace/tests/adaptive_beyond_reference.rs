//! `optrace` for RMSprop, Adam and NAdam on cases beyond the shared reference
//! (which holds one Adam case and none for RMSprop or NAdam), against torch.optim's
//! single-tensor formulas written out here as plain scalar code (no torch on this
//! machine; f and ∇f from `testkit`, written by hand, not optcore's code). The
//! command line is exercised end to end: `--rho` is torch's `alpha`, `--momentum`
//! RMSprop's momentum, `--momentum-decay` NAdam's ψ, and a flag not given takes
//! torch's default. Tolerance: 1e-9 relative (the README's), on θ and
//! the loss.
// Case tables are tuples in the order of the formulas' arguments; the
// transcriptions index coordinates as the formulas do.
#![allow(clippy::type_complexity, clippy::needless_range_loop)]
mod common;

use common::{first_four_columns, optrace};
use optcore::reference::rel_diff;
use testkit::{independent_gradient, independent_value};

/// Rows (t, loss, θ) of torch's update `step(t, θ, g)` applied `steps` times.
fn rows(
    problem: &str,
    start: [f64; 2],
    steps: usize,
    mut step: impl FnMut(usize, &mut [f64; 2], [f64; 2]),
) -> Vec<(f64, [f64; 2])> {
    let mut p = start;
    let mut out = vec![(independent_value(problem, p), p)];
    for t in 1..=steps {
        let g = independent_gradient(problem, p);
        step(t, &mut p, g);
        out.push((independent_value(problem, p), p));
    }
    out
}

fn check(args: &[String], expected: &[(f64, [f64; 2])]) {
    let run = optrace(args);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{args:?}");
    let ours = first_four_columns(&run.stdout);
    assert_eq!(ours.len(), expected.len(), "{args:?}");
    let mut worst: f64 = 0.0;
    for (a, (loss, theta)) in ours.iter().zip(expected) {
        worst = worst.max(rel_diff(a.loss, *loss));
        for i in 0..2 {
            worst = worst.max(rel_diff(a.theta[i], theta[i]));
        }
    }
    println!(
        "{:<70} max relative difference {worst:.1e}",
        args[..4].join(" ")
    );
    assert!(worst < 1e-9, "{args:?}: {worst:e}");
}

fn args(
    opt: &str,
    problem: &str,
    start: [f64; 2],
    steps: usize,
    flags: &[(&str, f64)],
) -> Vec<String> {
    let mut a = vec![
        format!("--optimizer={opt}"),
        format!("--problem={problem}"),
        "--convention=pytorch".to_string(),
        format!("--start={:?},{:?}", start[0], start[1]),
        format!("--steps={steps}"),
        "--format=csv".to_string(),
    ];
    for (k, v) in flags {
        a.push(format!("--{k}={v:?}"));
    }
    a
}

#[test]
fn rmsprop_matches_torch_formulas() {
    // (problem, start, steps, lr, alpha, eps, momentum); None = torch's default.
    let cases: [(
        &str,
        [f64; 2],
        usize,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
    ); 5] = [
        (
            "quadratic",
            [-5.0, -2.0],
            50,
            Some(0.1),
            Some(0.9),
            None,
            None,
        ),
        ("quadratic", [3.0, 1.0], 40, None, None, None, None),
        (
            "rosenbrock",
            [-1.2, 1.0],
            100,
            Some(1e-3),
            Some(0.99),
            Some(1e-6),
            Some(0.9),
        ),
        (
            "beale",
            [1.0, 1.0],
            60,
            Some(0.01),
            Some(0.95),
            None,
            Some(0.5),
        ),
        (
            "beale",
            [2.0, -0.5],
            40,
            Some(0.005),
            None,
            Some(1e-4),
            None,
        ),
    ];
    for (problem, start, steps, lr, alpha, eps, mom) in cases {
        let (l, a, e, m) = (
            lr.unwrap_or(0.01),
            alpha.unwrap_or(0.99),
            eps.unwrap_or(1e-8),
            mom.unwrap_or(0.0),
        );
        let (mut sq, mut buf) = ([0.0; 2], [0.0; 2]);
        let expected = rows(problem, start, steps, |_, p, g| {
            for i in 0..2 {
                sq[i] = sq[i] * a + (1.0 - a) * g[i] * g[i];
                let avg = sq[i].sqrt() + e;
                if m > 0.0 {
                    buf[i] = buf[i] * m + g[i] / avg;
                    p[i] -= l * buf[i];
                } else {
                    p[i] -= l * g[i] / avg;
                }
            }
        });
        let mut flags = vec![];
        for (k, v) in [("lr", lr), ("rho", alpha), ("eps", eps), ("momentum", mom)] {
            if let Some(v) = v {
                flags.push((k, v));
            }
        }
        check(&args("rmsprop", problem, start, steps, &flags), &expected);
    }
}

#[test]
fn adam_matches_torch_formulas() {
    let cases: [(&str, [f64; 2], usize, f64, f64, f64, f64); 4] = [
        ("quadratic", [-5.0, -2.0], 60, 0.1, 0.9, 0.999, 1e-8),
        ("rosenbrock", [-1.2, 1.0], 150, 0.01, 0.9, 0.999, 1e-8),
        ("rosenbrock", [0.5, -0.5], 100, 0.02, 0.5, 0.99, 1e-6),
        ("beale", [1.0, 1.0], 100, 0.01, 0.8, 0.9999, 1e-8),
    ];
    for (problem, start, steps, lr, b1, b2, eps) in cases {
        let (mut m, mut v) = ([0.0; 2], [0.0; 2]);
        let expected = rows(problem, start, steps, |t, p, g| {
            let (bc1, bc2) = (1.0 - b1.powf(t as f64), 1.0 - b2.powf(t as f64));
            for i in 0..2 {
                m[i] += (1.0 - b1) * (g[i] - m[i]);
                v[i] = v[i] * b2 + (1.0 - b2) * g[i] * g[i];
                p[i] += -(lr / bc1) * m[i] / (v[i].sqrt() / bc2.sqrt() + eps);
            }
        });
        let flags = [("lr", lr), ("beta1", b1), ("beta2", b2), ("eps", eps)];
        check(&args("adam", problem, start, steps, &flags), &expected);
    }
}

#[test]
fn nadam_matches_torch_formulas() {
    let cases: [(&str, [f64; 2], usize, f64, f64, f64, f64); 4] = [
        ("quadratic", [-5.0, -2.0], 60, 0.1, 0.9, 0.999, 4e-3),
        ("rosenbrock", [-1.2, 1.0], 150, 0.01, 0.9, 0.999, 4e-3),
        ("rosenbrock", [0.5, -0.5], 100, 0.02, 0.6, 0.99, 0.1),
        ("beale", [1.0, 1.0], 100, 0.01, 0.9, 0.999, 0.0),
    ];
    for (problem, start, steps, lr, b1, b2, psi) in cases {
        let (mut m, mut v, mut prod) = ([0.0; 2], [0.0; 2], 1.0f64);
        let expected = rows(problem, start, steps, |t, p, g| {
            let s = t as f64;
            let bc2 = 1.0 - b2.powf(s);
            let mu = b1 * (1.0 - 0.5 * 0.96f64.powf(s * psi));
            let mu_next = b1 * (1.0 - 0.5 * 0.96f64.powf((s + 1.0) * psi));
            prod *= mu;
            for i in 0..2 {
                m[i] += (1.0 - b1) * (g[i] - m[i]);
                v[i] = v[i] * b2 + (1.0 - b2) * g[i] * g[i];
                let d = (v[i] / bc2).sqrt() + 1e-8;
                p[i] += (-lr * (1.0 - mu) / (1.0 - prod)) * g[i] / d;
                p[i] += (-lr * mu_next / (1.0 - prod * mu_next)) * m[i] / d;
            }
        });
        let flags = [
            ("lr", lr),
            ("beta1", b1),
            ("beta2", b2),
            ("momentum-decay", psi),
        ];
        check(&args("nadam", problem, start, steps, &flags), &expected);
    }
}

#[test]
fn bad_hyperparameters_exit_2_naming_the_flag() {
    for (opt, flag) in [
        ("rmsprop", "--rho=1.0"),
        ("rmsprop", "--eps=-1e-8"),
        ("adam", "--beta1=1.0"),
        ("adam", "--beta2=-0.1"),
        ("adam", "--lr=0"),
        ("nadam", "--momentum-decay=-0.004"),
        ("nadam", "--beta1=1.5"),
    ] {
        let run = optrace(&[
            format!("--optimizer={opt}"),
            "--problem=quadratic".into(),
            "--start=1,1".into(),
            "--steps=3".into(),
            "--convention=pytorch".into(),
            flag.to_string(),
        ]);
        let name = flag.split('=').next().unwrap();
        assert_eq!(run.code, 2, "{opt} {flag}: {}", run.stderr);
        // clap refuses a value outside the flag's domain: its first line names
        // the flag (a blank line and clap's pointer to --help follow).
        let first = run.stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with("error: ") && first.contains(name),
            "{opt} {flag}: {}",
            run.stderr
        );
    }
}
