//! AdamW against torch.optim.AdamW: the shared case of `cases-beyond.json` bit
//! for bit, and this project's own cases (`crates/optcore/reference/own/`,
//! written by `scripts/make-beyond-traces.py` with torch 2.15) to 1e-9 relative;
//! and the `paper` convention against Loshchilov & Hutter's Algorithm 2
//! (schedule multiplier 1) written out again as plain scalar code (gradients
//! from `testkit`, not optcore's).
#![allow(clippy::needless_range_loop)] // the transcription indexes coordinates as the formula does
use adamw::AdamW;
use optcore::Convention;
use testkit::{
    assert_bitwise_on_shared_beyond, assert_close_on_own_cases, independent_gradient,
    max_diff_relative_above_one, theta_rows, Case,
};

fn torch_opt(c: &Case) -> AdamW {
    AdamW {
        lr: c.hp("lr"),
        beta1: c.hp("beta1"),
        beta2: c.hp("beta2"),
        eps: c.hp("eps"),
        weight_decay: c.hp("weight_decay"),
        ..AdamW::defaults(Convention::Pytorch)
    }
}

#[test]
fn reproduces_the_shared_torch_trace_bit_for_bit() {
    assert_bitwise_on_shared_beyond("adamw", torch_opt);
}

#[test]
fn matches_torch_on_our_own_cases() {
    assert_close_on_own_cases("adamw", 6, torch_opt);
}

/// Algorithm 2 with ηₜ = 1: Adam's m̂, v̂; θ −= α m̂/(√v̂ + ε) + λθ.
#[allow(clippy::too_many_arguments)]
fn loshchilov_hutter(
    problem: &str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    b1: f64,
    b2: f64,
    eps: f64,
    wd: f64,
) -> Vec<[f64; 2]> {
    let mut p = start;
    let (mut m, mut v) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for t in 1..=steps {
        let g = independent_gradient(problem, p);
        for i in 0..2 {
            m[i] = b1 * m[i] + (1.0 - b1) * g[i];
            v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
            let mh = m[i] / (1.0 - b1.powi(t as i32));
            let vh = v[i] / (1.0 - b2.powi(t as i32));
            p[i] -= lr * mh / (vh.sqrt() + eps) + wd * p[i];
        }
        out.push(p);
    }
    out
}

#[test]
fn paper_convention_is_algorithm_2() {
    for (problem, start, steps, lr, b1, b2, eps, wd) in [
        ("quadratic", [-5.0, -2.0], 60, 0.3, 0.9, 0.999, 1e-8, 0.01),
        ("rosenbrock", [-1.2, 1.0], 150, 0.01, 0.9, 0.999, 1e-8, 1e-4),
        ("beale", [1.0, 1.0], 100, 0.01, 0.9, 0.99, 1e-6, 0.001),
    ] {
        let opt = AdamW {
            lr,
            beta1: b1,
            beta2: b2,
            eps,
            weight_decay: wd,
            ..AdamW::defaults(Convention::Paper)
        };
        let w = max_diff_relative_above_one(
            &theta_rows(&opt, problem, start, steps),
            &loshchilov_hutter(problem, start, steps, lr, b1, b2, eps, wd),
        );
        assert!(w < 1e-12, "{problem}: {w:e}");
    }
}
