//! RMSprop against an independent transcription of torch.optim's formulas.
//!
//! There is no torch on this machine, and the shared reference traces hold no
//! RMSprop case. So this file writes `_single_tensor_rmsprop` out again as plain
//! scalar f64 code (plain `a + b·c`, no fused multiply-add, the gradients of the
//! three test functions from `testkit::independent_gradient`, not optcore's), and
//! the crate's `Pytorch` convention must agree with it to 1e-12 relative on cases
//! of our own choosing: every problem, plain, momentum and centered. The same is
//! done for the paper's (Hinton's) form.
#![allow(clippy::needless_range_loop)] // the transcriptions index coordinates as the formulas do
use optcore::Convention;
use rmsprop::Rmsprop;
use testkit::{independent_gradient, max_rel_diff, theta_rows};

struct Case {
    problem: &'static str,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    alpha: f64,
    eps: f64,
    momentum: f64,
    centered: bool,
}

/// torch: square_avg.mul_(alpha).addcmul_(g, g, value=1-alpha); centered:
/// grad_avg.lerp_(g, 1-alpha), avg = (square_avg - grad_avg²).sqrt() + eps, else
/// avg = square_avg.sqrt() + eps; momentum: buf = buf·μ + g/avg, p -= lr·buf;
/// else p -= lr·g/avg.
fn torch_rmsprop(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let (mut sq, mut ga, mut buf) = ([0.0; 2], [0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for _ in 0..c.steps {
        let g = independent_gradient(c.problem, p);
        for i in 0..2 {
            sq[i] = sq[i] * c.alpha + (1.0 - c.alpha) * g[i] * g[i];
            let avg = if c.centered {
                ga[i] = ga[i] + (1.0 - c.alpha) * (g[i] - ga[i]);
                (sq[i] - ga[i] * ga[i]).sqrt() + c.eps
            } else {
                sq[i].sqrt() + c.eps
            };
            if c.momentum > 0.0 {
                buf[i] = buf[i] * c.momentum + g[i] / avg;
                p[i] -= c.lr * buf[i];
            } else {
                p[i] -= c.lr * g[i] / avg;
            }
        }
        out.push(p);
    }
    out
}

/// Hinton: E[g²] = ρE[g²] + (1−ρ)g², θ -= η g / √(E[g²] + ε).
fn hinton_rmsprop(c: &Case) -> Vec<[f64; 2]> {
    let mut p = c.start;
    let mut e = [0.0; 2];
    let mut out = vec![p];
    for _ in 0..c.steps {
        let g = independent_gradient(c.problem, p);
        for i in 0..2 {
            e[i] = c.alpha * e[i] + (1.0 - c.alpha) * g[i] * g[i];
            p[i] -= c.lr * g[i] / (e[i] + c.eps).sqrt();
        }
        out.push(p);
    }
    out
}

fn worst(convention: Convention, c: &Case, expected: &[[f64; 2]]) -> f64 {
    let opt = Rmsprop {
        lr: c.lr,
        rho: c.alpha,
        eps: c.eps,
        momentum: c.momentum,
        centered: c.centered,
        ..Rmsprop::defaults(convention)
    };
    max_rel_diff(&theta_rows(&opt, c.problem, c.start, c.steps), expected)
}

fn cases() -> Vec<Case> {
    let c = |problem, start, steps, lr, momentum, centered| Case {
        problem,
        start,
        steps,
        lr,
        alpha: 0.99,
        eps: 1e-8,
        momentum,
        centered,
    };
    vec![
        c("quadratic", [-5.0, -2.0], 100, 0.01, 0.0, false),
        c("quadratic", [3.0, 1.5], 60, 0.05, 0.9, false),
        c("quadratic", [-5.0, -2.0], 60, 0.02, 0.0, true),
        c("rosenbrock", [-1.2, 1.0], 100, 1e-3, 0.0, false),
        c("rosenbrock", [-1.2, 1.0], 100, 1e-3, 0.5, true),
        c("beale", [1.0, 1.0], 80, 0.01, 0.0, false),
        c("beale", [1.0, 1.0], 80, 0.005, 0.9, true),
    ]
}

#[test]
fn pytorch_convention_matches_torch_formulas() {
    for c in cases() {
        let w = worst(Convention::Pytorch, &c, &torch_rmsprop(&c));
        assert!(
            w < 1e-12,
            "{} lr={} μ={} centered={}: {w:e}",
            c.problem,
            c.lr,
            c.momentum,
            c.centered
        );
    }
}

#[test]
fn paper_convention_matches_hinton() {
    for mut c in cases()
        .into_iter()
        .filter(|c| c.momentum == 0.0 && !c.centered)
    {
        c.alpha = 0.9;
        let w = worst(Convention::Paper, &c, &hinton_rmsprop(&c));
        assert!(w < 1e-12, "{}: {w:e}", c.problem);
    }
}
