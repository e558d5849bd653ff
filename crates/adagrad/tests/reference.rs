//! Adagrad against the shared reference traces and an independent implementation
//! of torch.optim.Adagrad's equations.
//!
//! There is no `pytorch-adagrad-*` trace in `crates/optcore/reference`, so the `pytorch`
//! convention is checked against `torch_adagrad` below: a second, plain-loop
//! transcription of `torch/optim/adagrad.py::_single_tensor_adagrad`
//! (`clr = lr / (1 + (step − 1)·lr_decay)`; `state_sum.addcmul_(grad, grad, value=1)`
//! starting from `initial_accumulator_value`; `std = state_sum.sqrt().add_(eps)`;
//! `param.addcdiv_(grad, std, value=−clr)`, ATen computing `param + (−clr·grad)/std`),
//! written without the crate's code, on cases chosen to exercise each knob. ATen's
//! CPU `addcmul` fuses its last multiply-add (one rounding: the rounding that
//! reproduces the shared torch traces of SGD, momentum and Adam bit for bit), written
//! here with `f64::mul_add`; a division does not fuse.
use adagrad::Adagrad;
use ndarray::array;
use optcore::reference::max_rel_diff_to_reference;
use optcore::{problem_by_name, run, Convention, Objective};

#[test]
fn paper_adagrad_quadratic_matches_the_reference_trace() {
    let case = testkit::case("paper-adagrad-quadratic");
    let reference = case.trace();
    let opt = Adagrad {
        lr: case.hp("lr"),
        eps: case.hp("eps"),
        ..Adagrad::defaults(Convention::Paper)
    };
    let tr = case.run(&opt);
    let d = max_rel_diff_to_reference(&tr, &reference).unwrap();
    assert!(d < 1e-9, "max relative difference {d}");
}

/// torch.optim.Adagrad's single-tensor step, transcribed independently.
fn torch_adagrad(
    obj: &dyn Objective,
    start: [f64; 2],
    steps: usize,
    lr: f64,
    lr_decay: f64,
    init: f64,
    eps: f64,
) -> Vec<[f64; 2]> {
    let mut p = start;
    let mut state_sum = [init, init];
    let mut out = vec![p];
    for step in 1..=steps {
        let grad = obj.gradient(array![p[0], p[1]].view());
        let clr = lr / (1.0 + (step as f64 - 1.0) * lr_decay);
        for i in 0..2 {
            state_sum[i] = (1.0 * grad[i]).mul_add(grad[i], state_sum[i]);
            let std = state_sum[i].sqrt() + eps;
            p[i] += -clr * grad[i] / std;
        }
        out.push(p);
    }
    out
}

#[test]
#[allow(clippy::type_complexity)]
fn pytorch_convention_matches_torch_equations_bit_for_bit() {
    let cases: [(&str, [f64; 2], f64, f64, f64, f64); 5] = [
        ("quadratic", [-5.0, -2.0], 0.4, 0.0, 0.0, 1e-10),
        ("quadratic", [-5.0, -2.0], 0.4, 0.1, 0.5, 0.1),
        ("rosenbrock", [-1.5, 2.0], 0.01, 0.0, 0.0, 1e-10),
        ("rosenbrock", [-1.5, 2.0], 0.05, 0.01, 0.1, 1e-10),
        ("beale", [1.0, 1.5], 0.1, 0.0, 0.0, 1e-10),
    ];
    for (problem, start, lr, lr_decay, init, eps) in cases {
        let obj = problem_by_name(problem).unwrap();
        let want = torch_adagrad(obj.as_ref(), start, 100, lr, lr_decay, init, eps);
        let opt = Adagrad {
            lr,
            eps,
            lr_decay,
            initial_accumulator_value: init,
            ..Adagrad::defaults(Convention::Pytorch)
        };
        let tr = run(&opt, obj.as_ref(), array![start[0], start[1]].view(), 100).unwrap();
        assert_eq!(tr.rows.len(), 101);
        for (row, w) in tr.rows.iter().zip(&want) {
            assert_eq!(
                [row.theta[0], row.theta[1]],
                *w,
                "{problem} lr {lr} t {}",
                row.t
            );
        }
    }
}

#[test]
fn conventions_differ_where_eps_matters_and_agree_where_not() {
    let q = problem_by_name("quadratic").unwrap();
    let run_with = |conv, eps| {
        let opt = Adagrad {
            lr: 0.4,
            eps,
            ..Adagrad::defaults(conv)
        };
        run(&opt, q.as_ref(), array![-5.0, -2.0].view(), 20)
            .unwrap()
            .last()
            .theta
            .clone()
    };
    let (a, b) = (
        run_with(Convention::Paper, 1e-12),
        run_with(Convention::Pytorch, 1e-12),
    );
    assert!((&a - &b).iter().all(|d| d.abs() < 1e-9));
    let (a, b) = (
        run_with(Convention::Paper, 1.0),
        run_with(Convention::Pytorch, 1.0),
    );
    assert!((&a - &b).iter().any(|d| d.abs() > 1e-2));
}

#[test]
fn full_outer_product_has_the_diagonal_adagrad_keeps() {
    let (diag, full) = adagrad::examples::outer_product_and_diagonal(
        &adagrad::examples::reference_optimizer(),
        &optcore::Rosenbrock::default(),
        &[-1.5, 2.0],
        10,
    )
    .unwrap();
    for i in 0..2 {
        assert_eq!(diag[(i, i)], full[(i, i)]);
    }
    assert_eq!(diag[(0, 1)], 0.0);
    assert_eq!(full[(0, 1)], full[(1, 0)]);
}
