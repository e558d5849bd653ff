//! AMSGrad against torch.optim.Adam(amsgrad=True): the shared case of
//! `cases-beyond.json` bit for bit, and this project's own cases
//! (`crates/optcore/reference/own/`, written by `scripts/make-beyond-traces.py`
//! with torch 2.15, each chosen so that the max holds v up at some step) to 1e-9
//! relative; and the `paper` convention against Ruder's form written out again
//! as plain scalar code (gradients from `testkit`, not optcore's).
#![allow(clippy::needless_range_loop)] // the transcription indexes coordinates as the formula does
use amsgrad::Amsgrad;
use optcore::Convention;
use testkit::{
    assert_bitwise_on_shared_beyond, assert_close_on_own_cases, independent_gradient,
    max_diff_relative_above_one, theta_rows, Case,
};

fn torch_opt(c: &Case) -> Amsgrad {
    Amsgrad {
        lr: c.hp("lr"),
        beta1: c.hp("beta1"),
        beta2: c.hp("beta2"),
        eps: c.hp("eps"),
        ..Amsgrad::defaults(Convention::Pytorch)
    }
}

#[test]
fn reproduces_the_shared_torch_trace_bit_for_bit() {
    assert_bitwise_on_shared_beyond("amsgrad", torch_opt);
}

#[test]
fn matches_torch_on_our_own_cases_where_the_max_switches() {
    for (case, tr) in assert_close_on_own_cases("amsgrad", 5, torch_opt) {
        let held = tr.rows[1..]
            .iter()
            .filter(|r| {
                let rec = r.record.as_ref().unwrap();
                rec.v.iter().zip(&rec.v_max).any(|(v, m)| v < m)
            })
            .count();
        println!("{}: the max held v up at {held} steps", case.name);
        assert!(held > 0, "{}: the max never mattered", case.name);
    }
}

/// Ruder: m = β₁m + (1−β₁)g; v = β₂v + (1−β₂)g²; v̂ = max(v̂, v); θ −= η m/(√v̂ + ε).
fn ruder(
    problem: &str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    b1: f64,
    b2: f64,
    eps: f64,
) -> Vec<[f64; 2]> {
    let mut p = start;
    let (mut m, mut v, mut vh) = ([0.0; 2], [0.0; 2], [0.0f64; 2]);
    let mut out = vec![p];
    for _ in 1..=steps {
        let g = independent_gradient(problem, p);
        for i in 0..2 {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            vh[i] = vh[i].max(v[i]);
            p[i] -= lr * m[i] / (vh[i].sqrt() + eps);
        }
        out.push(p);
    }
    out
}

#[test]
fn paper_convention_is_ruders_form() {
    for (problem, start, steps, lr, b1, b2, eps) in [
        ("quadratic", [-5.0, -2.0], 60, 0.3, 0.9, 0.99, 1e-8),
        ("rosenbrock", [-1.2, 1.0], 150, 0.005, 0.9, 0.999, 1e-8),
        ("beale", [1.0, 1.0], 100, 0.01, 0.9, 0.99, 1e-6),
    ] {
        let opt = Amsgrad {
            lr,
            beta1: b1,
            beta2: b2,
            eps,
            ..Amsgrad::defaults(Convention::Paper)
        };
        let w = max_diff_relative_above_one(
            &theta_rows(&opt, problem, start, steps),
            &ruder(problem, start, steps, lr, b1, b2, eps),
        );
        assert!(w < 1e-12, "{problem}: {w:e}");
    }
}
