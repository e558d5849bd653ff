//! NAdam against independent transcriptions of torch.optim.NAdam and of Ruder's
//! simplified form.
//!
//! There is no torch on this machine and the shared reference holds no NAdam case.
//! So this file writes `_single_tensor_nadam` out again as plain scalar f64 code
//! (plain `a + b·c`, no fused multiply-add, `powf` for every Python `**`, the
//! gradients of `testkit::independent_gradient`, not optcore's) and the crate's
//! `Pytorch` convention must agree with it to 1e-12 on cases of our own choosing,
//! all three problems (relative to max(|θ|, 1), as a coordinate converging to 0
//! has relative errors 1e-17/|θ|). Ruder's form
//! (arXiv 1609.04747, eq. for NAdam) is transcribed the same way for `paper`.
#![allow(clippy::needless_range_loop)] // the transcriptions index coordinates as the formulas do
use nadam::Nadam;
use optcore::Convention;
use testkit::{independent_gradient, max_diff_relative_above_one, theta_rows};

#[derive(Clone, Copy)]
struct Case {
    problem: &'static str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    psi: f64,
}

/// torch: bias_correction2 = 1 - β₂**t; μ = β₁(1 - ½·0.96**(tψ)); μ' = β₁(1 - ½·0.96**((t+1)ψ));
/// Π *= μ; m.lerp_(g, 1-β₁); v = vβ₂ + (1-β₂)g²; d = √(v/bc2) + ε;
/// p += (-lr(1-μ)/(1-Π))·g/d; p += (-lr μ'/(1-Πμ'))·m/d.
fn torch_nadam(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let (mut m, mut v, mut prod) = ([0.0; 2], [0.0; 2], 1.0f64);
    let mut out = vec![p];
    for t in 1..=c.steps {
        let g = independent_gradient(c.problem, p);
        let step = t as f64;
        let bc2 = 1.0 - c.beta2.powf(step);
        let mu = c.beta1 * (1.0 - 0.5 * 0.96f64.powf(step * c.psi));
        let mu_next = c.beta1 * (1.0 - 0.5 * 0.96f64.powf((step + 1.0) * c.psi));
        prod *= mu;
        for i in 0..2 {
            m[i] = m[i] + (1.0 - c.beta1) * (g[i] - m[i]);
            v[i] = v[i] * c.beta2 + (1.0 - c.beta2) * g[i] * g[i];
            let d = (v[i] / bc2).sqrt() + c.eps;
            p[i] += (-c.lr * (1.0 - mu) / (1.0 - prod)) * g[i] / d;
            p[i] += (-c.lr * mu_next / (1.0 - prod * mu_next)) * m[i] / d;
        }
        out.push(p);
    }
    out
}

/// Ruder: θ -= η/(√v̂ + ε)·(β₁ m̂ + (1-β₁) g/(1-β₁ᵗ)).
fn ruder_nadam(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let (mut m, mut v) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for t in 1..=c.steps {
        let g = independent_gradient(c.problem, p);
        let (bc1, bc2) = (1.0 - c.beta1.powi(t as i32), 1.0 - c.beta2.powi(t as i32));
        for i in 0..2 {
            m[i] = c.beta1 * m[i] + (1.0 - c.beta1) * g[i];
            v[i] = c.beta2 * v[i] + (1.0 - c.beta2) * g[i] * g[i];
            let (mh, vh) = (m[i] / bc1, v[i] / bc2);
            p[i] -= c.lr / (vh.sqrt() + c.eps) * (c.beta1 * mh + (1.0 - c.beta1) * g[i] / bc1);
        }
        out.push(p);
    }
    out
}

fn worst(convention: Convention, c: &Case, expected: &[[f64; 2]]) -> f64 {
    let opt = Nadam {
        lr: c.lr,
        beta1: c.beta1,
        beta2: c.beta2,
        eps: c.eps,
        momentum_decay: c.psi,
        ..Nadam::defaults(convention)
    };
    max_diff_relative_above_one(&theta_rows(&opt, c.problem, c.start, c.steps), expected)
}

fn cases() -> Vec<Case> {
    let c = |problem, start, steps, lr, beta1, beta2, psi| Case {
        problem,
        start,
        steps,
        lr,
        beta1,
        beta2,
        eps: 1e-8,
        psi,
    };
    vec![
        c("quadratic", [-5.0, -2.0], 100, 0.1, 0.9, 0.999, 4e-3),
        c("quadratic", [2.0, -3.0], 80, 0.05, 0.6, 0.99, 0.5),
        c("quadratic", [-5.0, -2.0], 60, 0.2, 0.9, 0.999, 0.0),
        c("rosenbrock", [-1.2, 1.0], 150, 0.01, 0.9, 0.999, 4e-3),
        c("rosenbrock", [0.0, 0.0], 100, 0.005, 0.95, 0.99, 0.04),
        c("beale", [1.0, 1.0], 100, 0.01, 0.9, 0.999, 4e-3),
        c("beale", [2.0, -0.5], 60, 0.02, 0.8, 0.9999, 1.0),
    ]
}

#[test]
fn pytorch_convention_matches_torch_formulas() {
    for c in cases() {
        let w = worst(Convention::Pytorch, &c, &torch_nadam(&c));
        assert!(w < 1e-12, "{} lr={} ψ={}: {w:e}", c.problem, c.lr, c.psi);
    }
}

#[test]
fn paper_convention_matches_ruder() {
    for c in cases() {
        let w = worst(Convention::Paper, &c, &ruder_nadam(&c));
        assert!(w < 1e-12, "{}: {w:e}", c.problem);
    }
}
