//! Adadelta against independent transcriptions of Zeiler's Algorithm 1 and of
//! torch.optim.Adadelta's single-tensor step (`torch/optim/adadelta.py`,
//! `_single_tensor_adadelta`):
//!
//! ```text
//! square_avg.mul_(rho).addcmul_(grad, grad, value=1 - rho)
//! std = square_avg.add(eps).sqrt_()
//! delta = acc_delta.add(eps).sqrt_().div_(std).mul_(grad)
//! acc_delta.mul_(rho).addcmul_(delta, delta, value=1 - rho)   # unscaled delta
//! param.add_(delta, alpha=-lr)
//! ```
//! ATen's CPU kernels compute `addcmul` as `self + (value·t1)·t2` and `add_(…, alpha)`
//! as `self + alpha·other`, each last multiply-add fused (one rounding): the rounding
//! that reproduces the shared torch traces of SGD, momentum and Adam bit for bit. The
//! transcription writes those fusions out with `f64::mul_add`. There is no Adadelta
//! trace in `crates/optcore/reference`; these transcriptions are written without the crate's
//! code.
use adadelta::Adadelta;
use ndarray::array;
use optcore::Convention;
use optcore::{problem_by_name, run, Objective};

fn torch_adadelta(
    obj: &dyn Objective,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    rho: f64,
    eps: f64,
) -> Vec<[f64; 2]> {
    let mut p = start;
    let (mut square_avg, mut acc_delta) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![p];
    for _ in 0..steps {
        let grad = obj.gradient(array![p[0], p[1]].view());
        for i in 0..2 {
            square_avg[i] = ((1.0 - rho) * grad[i]).mul_add(grad[i], square_avg[i] * rho);
            let std = (square_avg[i] + eps).sqrt();
            let delta = (acc_delta[i] + eps).sqrt() / std * grad[i];
            acc_delta[i] = ((1.0 - rho) * delta).mul_add(delta, acc_delta[i] * rho);
            p[i] = (-lr).mul_add(delta, p[i]);
        }
        out.push(p);
    }
    out
}

/// Zeiler 2012, Algorithm 1, as written (no lr).
fn zeiler(obj: &dyn Objective, start: [f64; 2], steps: usize, rho: f64, eps: f64) -> Vec<[f64; 2]> {
    let mut x = start;
    let (mut eg2, mut edx2) = ([0.0; 2], [0.0; 2]);
    let mut out = vec![x];
    for _ in 0..steps {
        let g = obj.gradient(array![x[0], x[1]].view());
        for i in 0..2 {
            eg2[i] = rho * eg2[i] + (1.0 - rho) * g[i] * g[i];
            let dx = -((edx2[i] + eps).sqrt() / (eg2[i] + eps).sqrt()) * g[i];
            edx2[i] = rho * edx2[i] + (1.0 - rho) * dx * dx;
            x[i] += dx;
        }
        out.push(x);
    }
    out
}

const CASES: [(&str, [f64; 2], f64, f64, f64); 5] = [
    ("quadratic", [-5.0, -2.0], 1.0, 0.9, 1e-6),
    ("quadratic", [-5.0, -2.0], 0.5, 0.95, 1e-4),
    ("rosenbrock", [-1.5, 2.0], 1.0, 0.9, 1e-6),
    ("rosenbrock", [-1.5, 2.0], 2.0, 0.5, 1e-3),
    ("beale", [1.0, 1.5], 1.0, 0.95, 1e-6),
];

#[test]
fn pytorch_convention_matches_torch_equations_bit_for_bit() {
    for (problem, start, lr, rho, eps) in CASES {
        let obj = problem_by_name(problem).unwrap();
        let want = torch_adadelta(obj.as_ref(), start, 200, lr, rho, eps);
        let tr = run(
            &Adadelta {
                lr,
                rho,
                eps,
                ..Adadelta::defaults(Convention::Pytorch)
            },
            obj.as_ref(),
            array![start[0], start[1]].view(),
            200,
        )
        .unwrap();
        assert_eq!(tr.rows.len(), 201);
        for (row, w) in tr.rows.iter().zip(&want) {
            assert_eq!(
                [row.theta[0], row.theta[1]],
                *w,
                "{problem} lr {lr} rho {rho} t {}",
                row.t
            );
        }
    }
}

#[test]
#[allow(clippy::needless_range_loop)]
fn paper_convention_is_zeilers_algorithm_1() {
    for (problem, start, _, rho, eps) in CASES {
        let obj = problem_by_name(problem).unwrap();
        let want = zeiler(obj.as_ref(), start, 200, rho, eps);
        let tr = run(
            &Adadelta {
                rho,
                eps,
                ..Adadelta::defaults(Convention::Paper)
            },
            obj.as_ref(),
            array![start[0], start[1]].view(),
            200,
        )
        .unwrap();
        for (row, w) in tr.rows.iter().zip(&want) {
            for i in 0..2 {
                let d = (row.theta[i] - w[i]).abs() / w[i].abs().max(1e-300);
                assert!(
                    d < 1e-9,
                    "{problem} t {} θ{i}: {} vs {}",
                    row.t,
                    row.theta[i],
                    w[i]
                );
            }
        }
    }
}

#[test]
fn rescaling_maps_newton_exactly_and_the_others_not() {
    use adadelta::examples::{newton_rescale_mismatch, rescale_mismatch};
    let q = optcore::Quadratic::reference();
    let s = array![-5.0, -2.0];
    let (m, _, _) = newton_rescale_mismatch(q.clone(), s.view(), 100.0, 5).unwrap();
    assert!(m < 1e-14, "newton {m}");
    let (m, _, _) = newton_rescale_mismatch(
        optcore::Rosenbrock::default(),
        array![-1.2, 1.0].view(),
        100.0,
        8,
    )
    .unwrap();
    assert!(m < 1e-12, "newton rosenbrock {m}");
    let (m, _, _) = rescale_mismatch(
        &gd::Sgd {
            lr: 0.4,
            ..gd::Sgd::defaults(Convention::Paper)
        },
        q.clone(),
        s.view(),
        100.0,
        20,
    )
    .unwrap();
    assert!(m > 0.1, "sgd {m}");
}

#[test]
fn two_eps_adadelta_with_equal_eps_is_the_optimizer() {
    let obj = problem_by_name("rosenbrock").unwrap();
    let (thetas, _) = adadelta::examples::adadelta_two_eps(
        obj.as_ref(),
        array![-1.5, 2.0].view(),
        100,
        0.95,
        1e-6,
        1e-6,
    );
    let tr = run(
        &Adadelta {
            rho: 0.95,
            eps: 1e-6,
            ..Adadelta::defaults(Convention::Paper)
        },
        obj.as_ref(),
        array![-1.5, 2.0].view(),
        100,
    )
    .unwrap();
    for (row, th) in tr.rows.iter().zip(&thetas) {
        assert_eq!(row.theta, *th);
    }
}
