//! Adam against torch.optim: the shared reference trace (bit for bit) and, for
//! cases beyond it, an independent transcription of torch's formulas.
//!
//! There is no torch on this machine and the shared reference holds one Adam case.
//! So this file writes `_single_tensor_adam` out again as plain scalar f64 code
//! (plain `a + b·c`, no fused multiply-add, `powf` for `beta ** step`, the
//! gradients of `testkit::independent_gradient`, not optcore's), and the crate's
//! `Pytorch` convention must agree with it to 1e-12 on cases of our own choosing,
//! on all three problems (relative to max(|θ|, 1): where a coordinate converges
//! to 0, as on the quadratic, its relative error grows as 1e-17/|θ| although
//! nothing diverges). Kingma & Ba's
//! Algorithm 1 is transcribed the same way for the `paper` convention.
#![allow(clippy::needless_range_loop)] // the transcriptions index coordinates as the formulas do
use adam::Adam;
use optcore::reference::max_rel_diff_to_reference;
use optcore::Convention;
use testkit::{independent_gradient, max_diff_relative_above_one, theta_rows};

struct Case {
    problem: &'static str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
}

/// torch: exp_avg.lerp_(g, 1-β₁); exp_avg_sq = exp_avg_sq·β₂ + (1-β₂)g²;
/// step_size = lr/(1-β₁**t); denom = √exp_avg_sq/√(1-β₂**t) + eps;
/// p += -step_size·exp_avg/denom.
fn torch_adam(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let (mut m, mut v) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for t in 1..=c.steps {
        let g = independent_gradient(c.problem, p);
        let step = t as f64;
        let bc1 = 1.0 - c.beta1.powf(step);
        let bc2 = 1.0 - c.beta2.powf(step);
        for i in 0..2 {
            m[i] = m[i] + (1.0 - c.beta1) * (g[i] - m[i]);
            v[i] = v[i] * c.beta2 + (1.0 - c.beta2) * g[i] * g[i];
            let denom = v[i].sqrt() / bc2.sqrt() + c.eps;
            p[i] += -(c.lr / bc1) * m[i] / denom;
        }
        out.push(p);
    }
    out
}

/// Algorithm 1: m̂ = m/(1-β₁ᵗ), v̂ = v/(1-β₂ᵗ), θ -= α m̂/(√v̂ + ε).
fn kingma_ba(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let (mut m, mut v) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for t in 1..=c.steps {
        let g = independent_gradient(c.problem, p);
        for i in 0..2 {
            m[i] = c.beta1 * m[i] + (1.0 - c.beta1) * g[i];
            v[i] = c.beta2 * v[i] + (1.0 - c.beta2) * g[i] * g[i];
            let mh = m[i] / (1.0 - c.beta1.powi(t as i32));
            let vh = v[i] / (1.0 - c.beta2.powi(t as i32));
            p[i] -= c.lr * mh / (vh.sqrt() + c.eps);
        }
        out.push(p);
    }
    out
}

fn worst(convention: Convention, c: &Case, expected: &[[f64; 2]]) -> f64 {
    let opt = Adam {
        lr: c.lr,
        beta1: c.beta1,
        beta2: c.beta2,
        eps: c.eps,
        ..Adam::defaults(convention)
    };
    max_diff_relative_above_one(&theta_rows(&opt, c.problem, c.start, c.steps), expected)
}

fn cases() -> Vec<Case> {
    let c = |problem, start, steps, lr, beta1, beta2, eps| Case {
        problem,
        start,
        steps,
        lr,
        beta1,
        beta2,
        eps,
    };
    vec![
        c("quadratic", [-5.0, -2.0], 100, 0.1, 0.9, 0.999, 1e-8),
        c("quadratic", [2.0, -3.0], 80, 0.05, 0.5, 0.99, 1e-6),
        c("quadratic", [-5.0, -2.0], 60, 0.3, 0.3, 0.9, 1e-8),
        c("rosenbrock", [-1.2, 1.0], 150, 0.01, 0.9, 0.999, 1e-8),
        c("rosenbrock", [0.0, 0.0], 100, 0.005, 0.8, 0.99, 1e-8),
        c("beale", [1.0, 1.0], 100, 0.01, 0.9, 0.999, 1e-8),
        c("beale", [2.0, -0.5], 60, 0.02, 0.95, 0.9999, 1e-7),
    ]
}

#[test]
fn reproduces_the_shared_torch_trace_bit_for_bit() {
    let case = testkit::case("pytorch-adam-quadratic");
    let reference = case.trace();
    let opt = Adam {
        lr: case.hp("lr"),
        beta1: case.hp("beta1"),
        beta2: case.hp("beta2"),
        eps: case.hp("eps"),
        ..Adam::defaults(Convention::Pytorch)
    };
    let tr = case.run(&opt);
    assert!(max_rel_diff_to_reference(&tr, &reference).unwrap() < 1e-9);
    for (ours, theirs) in tr.rows.iter().zip(&reference) {
        assert_eq!(ours.theta.to_vec(), theirs.theta, "t = {}", ours.t);
        assert_eq!(ours.loss, theirs.loss, "t = {}", ours.t);
    }
}

#[test]
fn pytorch_convention_matches_torch_formulas() {
    for c in cases() {
        let w = worst(Convention::Pytorch, &c, &torch_adam(&c));
        assert!(
            w < 1e-12,
            "{} lr={} β=({}, {}): {w:e}",
            c.problem,
            c.lr,
            c.beta1,
            c.beta2
        );
    }
}

#[test]
fn paper_convention_matches_algorithm_1() {
    for c in cases() {
        let w = worst(Convention::Paper, &c, &kingma_ba(&c));
        assert!(w < 1e-12, "{}: {w:e}", c.problem);
    }
}
