//! AdaMax against torch.optim.Adamax: the shared case of `cases-beyond.json` bit
//! for bit, and this project's own cases (`crates/optcore/reference/own/`,
//! written by `scripts/make-beyond-traces.py` with torch 2.15) to 1e-9 relative;
//! and the `paper` convention against Kingma & Ba's Algorithm 2 written out again
//! as plain scalar code (gradients from `testkit`, not optcore's).
#![allow(clippy::needless_range_loop)] // the transcription indexes coordinates as the formula does
use adamax::Adamax;
use optcore::Convention;
use testkit::{
    assert_bitwise_on_shared_beyond, assert_close_on_own_cases, independent_gradient,
    max_diff_relative_above_one, theta_rows, Case,
};

fn torch_opt(c: &Case) -> Adamax {
    Adamax {
        lr: c.hp("lr"),
        beta1: c.hp("beta1"),
        beta2: c.hp("beta2"),
        eps: c.hp("eps"),
        ..Adamax::defaults(Convention::Pytorch)
    }
}

#[test]
fn reproduces_the_shared_torch_trace_bit_for_bit() {
    assert_bitwise_on_shared_beyond("adamax", torch_opt);
}

#[test]
fn matches_torch_on_our_own_cases() {
    assert_close_on_own_cases("adamax", 5, torch_opt);
}

/// Algorithm 2: m = β₁m + (1−β₁)g; u = max(β₂u, |g|); θ −= (α/(1−β₁ᵗ)) m/u.
fn algorithm_2(
    problem: &str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    b1: f64,
    b2: f64,
) -> Vec<[f64; 2]> {
    let mut p = start;
    let (mut m, mut u) = ([0.0; 2], [0.0f64; 2]);
    let mut out = vec![p];
    for t in 1..=steps {
        let g = independent_gradient(problem, p);
        for i in 0..2 {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            u[i] = (b2 * u[i]).max(g[i].abs());
            p[i] -= lr / (1.0 - b1.powi(t as i32)) * m[i] / u[i];
        }
        out.push(p);
    }
    out
}

#[test]
fn paper_convention_is_algorithm_2() {
    for (problem, start, steps, lr, b1, b2) in [
        ("quadratic", [-5.0, -2.0], 60, 0.3, 0.9, 0.999),
        ("rosenbrock", [-1.2, 1.0], 100, 0.01, 0.9, 0.999),
        ("beale", [2.0, -0.5], 80, 0.05, 0.8, 0.99),
    ] {
        let opt = Adamax {
            lr,
            beta1: b1,
            beta2: b2,
            ..Adamax::defaults(Convention::Paper)
        };
        let w = max_diff_relative_above_one(
            &theta_rows(&opt, problem, start, steps),
            &algorithm_2(problem, start, steps, lr, b1, b2),
        );
        assert!(w < 1e-12, "{problem}: {w:e}");
    }
}

/// Beale at (1, 1) has ∂f/∂x = 0 (every residual's factor yⁱ − 1 is 0): u₁ = 0
/// there, and Algorithm 2 divides 0 by 0. The paper convention refuses that
/// first step with a typed error; torch's ε inside the max takes it (the own
/// case `pytorch-adamax-beale-2` starts there).
#[test]
fn paper_convention_refuses_a_zero_u_where_torch_goes_on() {
    let obj = optcore::problem_by_name("beale").unwrap();
    let start = optcore::ndarray::array![1.0, 1.0];
    let paper = Adamax::defaults(Convention::Paper);
    let tr = optcore::run(&paper, obj.as_ref(), start.view(), 5).unwrap();
    assert_eq!(tr.rows.len(), 1, "only the start row");
    assert_eq!(
        tr.stop,
        Some(optcore::Error::NonFinite {
            step: 1,
            what: adamax::ZERO_U
        })
    );
    let torch = Adamax::defaults(Convention::Pytorch);
    let tr = optcore::run(&torch, obj.as_ref(), start.view(), 5).unwrap();
    assert!(tr.completed().is_ok());
}
