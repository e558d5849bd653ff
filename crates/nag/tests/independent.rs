//! NAG against an independent implementation of its equations (plain loops,
//! gradients written out by hand in `testkit::independent_gradient`, not
//! optcore's code), torch's nesterov=True against the post's lookahead points,
//! and the notebook's claims from computation.
//! There is no NAG reference trace in crates/optcore/reference: these are the references.
use momentum::Momentum;
use nag::examples as ex;
use nag::Nag;
use ndarray::array;
use optcore::Convention;
use optcore::{run, Quadratic};
use testkit::{independent_gradient, max_rel_diff, theta_rows};

/// The post's equations: φ = θ − γv; v = γv + η∇J(φ); θ = θ − v. Returns θ₀…θₙ.
fn paper_nag(problem: &str, start: [f64; 2], lr: f64, gamma: f64, steps: usize) -> Vec<[f64; 2]> {
    let (mut th, mut v) = (start, [0.0; 2]);
    let mut out = vec![th];
    for _ in 0..steps {
        let phi = [th[0] - gamma * v[0], th[1] - gamma * v[1]];
        let g = independent_gradient(problem, phi);
        for i in 0..2 {
            v[i] = gamma * v[i] + lr * g[i];
            th[i] -= v[i];
        }
        out.push(th);
    }
    out
}

/// torch.optim.SGD(nesterov=True)'s _single_tensor_sgd, op by op: buf = clone(g)
/// then buf.mul_(μ).add_(g); g = g.add(buf, alpha=μ); p.add_(g, alpha=−lr), the
/// `add` with alpha as one fused multiply-add as torch's CPU kernel does it.
fn torch_nesterov(problem: &str, start: [f64; 2], lr: f64, mu: f64, steps: usize) -> Vec<[f64; 2]> {
    let (mut p, mut buf): ([f64; 2], Option<[f64; 2]>) = (start, None);
    let mut out = vec![p];
    for _ in 0..steps {
        let g = independent_gradient(problem, p);
        let b = match buf {
            None => g,
            Some(b) => [b[0] * mu + g[0], b[1] * mu + g[1]],
        };
        buf = Some(b);
        for i in 0..2 {
            let d = mu.mul_add(b[i], g[i]);
            p[i] = (-lr).mul_add(d, p[i]);
        }
        out.push(p);
    }
    out
}

const CASES: [(&str, [f64; 2], f64, f64, usize); 5] = [
    ("quadratic", [-5.0, -2.0], 0.1, 0.9, 200),
    ("quadratic", [-5.0, -2.0], 0.3, 0.5, 100),
    ("quadratic", [3.0, 1.0], 0.05, 0.99, 300),
    ("rosenbrock", [-1.5, 2.0], 1e-3, 0.9, 1000),
    ("rosenbrock", [0.0, 0.0], 1e-3, 0.5, 500),
];

#[test]
fn paper_nag_matches_the_equations() {
    for (problem, start, lr, gamma, steps) in CASES {
        let w = max_rel_diff(
            &theta_rows(
                &Nag {
                    lr,
                    momentum: gamma,
                    ..Nag::defaults(Convention::Paper)
                },
                problem,
                start,
                steps,
            ),
            &paper_nag(problem, start, lr, gamma, steps),
        );
        println!("paper {problem} lr {lr} γ {gamma}: {w:e}");
        // The same operations in the same order: observed 0 (identical bits);
        // the README's 1e-9 is the contract.
        assert!(w < 1e-9, "{problem} lr {lr} γ {gamma}: {w:e}");
    }
}

#[test]
fn pytorch_nag_matches_torchs_operations() {
    for (problem, start, lr, mu, steps) in CASES {
        let w = max_rel_diff(
            &theta_rows(
                &Nag {
                    lr,
                    momentum: mu,
                    ..Nag::defaults(Convention::Pytorch)
                },
                problem,
                start,
                steps,
            ),
            &torch_nesterov(problem, start, lr, mu, steps),
        );
        println!("pytorch {problem} lr {lr} μ {mu}: {w:e}");
        assert!(w < 1e-9, "{problem} lr {lr} μ {mu}: {w:e}");
    }
}

/// torch's iterate θ′ₜ is the post's θₜ − γvₜ (the change of variables), computed
/// from the two independent implementations above.
#[test]
fn torch_iterates_are_the_posts_lookahead_points() {
    for (problem, start, lr, gamma, steps) in CASES {
        let paper = paper_nag(problem, start, lr, gamma, steps);
        let torch = torch_nesterov(problem, start, lr, gamma, steps);
        // vₜ = θₜ₋₁ − θₜ, so the lookahead θₜ − γvₜ = θₜ − γ(θₜ₋₁ − θₜ).
        for t in 1..=steps {
            let look: Vec<f64> = (0..2)
                .map(|i| paper[t][i] - gamma * (paper[t - 1][i] - paper[t][i]))
                .collect();
            for i in 0..2 {
                let scale = 1.0 + start[i].abs();
                assert!(
                    (look[i] - torch[t][i]).abs() < 1e-12 * scale,
                    "{problem} t {t}: {} vs {}",
                    look[i],
                    torch[t][i]
                );
            }
        }
    }
}

#[test]
fn with_momentum_zero_nag_is_gradient_descent() {
    let s = array![-5.0, -2.0];
    let a = run(
        &Nag {
            lr: 0.3,
            momentum: 0.0,
            ..Nag::defaults(Convention::Paper)
        },
        Quadratic::reference(),
        s.view(),
        30,
    )
    .unwrap();
    let b = run(
        &Momentum {
            lr: 0.3,
            momentum: 0.0,
            ..Momentum::defaults(Convention::Paper)
        },
        Quadratic::reference(),
        s.view(),
        30,
    )
    .unwrap();
    for (x, y) in a.rows.iter().zip(&b.rows) {
        assert_eq!(x.theta, y.theta);
    }
}

#[test]
fn nag_oscillates_less_near_the_minimum() {
    for s in [
        ex::MomentumVsNag::quadratic(),
        ex::MomentumVsNag::rosenbrock(),
    ] {
        let m = ex::oscillation(&s, &s.momentum().unwrap());
        let n = ex::oscillation(&s, &s.nag().unwrap());
        assert!(
            n.visible_crossings * 3 < m.visible_crossings,
            "{}: {n:?} vs {m:?}",
            s.problem.name()
        );
        assert!(n.last_visible < m.last_visible, "{}", s.problem.name());
        assert!(n.loss_increases < m.loss_increases, "{}", s.problem.name());
        assert!(
            n.distances.last() < m.distances.last(),
            "{}",
            s.problem.name()
        );
    }
}

#[test]
fn the_lookahead_gradient_pulls_back() {
    let v = ex::OneStep::lesson().vectors().unwrap();
    // NAG's y-gradient step points the other way than momentum's, and NAG lands
    // nearer the valley floor y = 0.
    assert!(v.grad_step_here[1] * v.grad_step_ahead[1] < 0.0);
    assert!(v.nag_next[1].abs() < v.momentum_next[1].abs());
    // Both land at θ − γv plus their gradient step.
    for i in 0..2 {
        assert_eq!(v.lookahead[i], v.theta[i] - 0.9 * v.velocity[i]);
    }
}

/// A non-finite gradient is a typed error, and the failing step leaves θ as it was.
#[test]
fn a_non_finite_gradient_leaves_theta_unchanged() {
    use optcore::{Exact, FnObjective, Optimizer};
    // Downhill towards +x; past x = 0.5 the gradient is NaN.
    let j = FnObjective::new(
        "cliff",
        1,
        |t| -t[0],
        |t, mut g| g[0] = if t[0] > 0.5 { f64::NAN } else { -1.0 },
    );
    fn until_error<O: Optimizer>(opt: &O, j: &FnObjective) -> (usize, String) {
        let mut oracle = Exact::new(j);
        let mut theta = array![0.0];
        let mut state = opt.init(theta.view());
        for t in 1..100 {
            let before = theta.clone();
            if let Err(e) = opt.step(&mut state, theta.view_mut(), &mut oracle) {
                assert_eq!(theta, before, "{}", opt.describe());
                return (t, e.to_string());
            }
        }
        panic!("no error");
    }
    for (t, e) in [
        until_error(
            &Momentum {
                lr: 0.1,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Paper)
            },
            &j,
        ),
        until_error(
            &Momentum {
                lr: 0.1,
                momentum: 0.9,
                ..Momentum::defaults(Convention::Pytorch)
            },
            &j,
        ),
        until_error(
            &Nag {
                lr: 0.1,
                momentum: 0.9,
                ..Nag::defaults(Convention::Paper)
            },
            &j,
        ),
        until_error(
            &Nag {
                lr: 0.1,
                momentum: 0.9,
                ..Nag::defaults(Convention::Pytorch)
            },
            &j,
        ),
    ] {
        assert_eq!(
            e,
            format!(
                "non-finite gradient at step {t}: the run stops here, every earlier step is kept"
            )
        );
    }
}
