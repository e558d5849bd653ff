//! A schedule's rate is Loshchilov & Hutter's multiplier ηₜ: under `paper` it
//! scales the decay as well as the step (`LearningRate::with_lr`), so a
//! scheduled paper AdamW with λ runs as a scheduled torch AdamW with
//! `weight_decay` λ/η — the equivalence the notebook states for a constant rate.

use adamw::AdamW;
use ndarray::array;
use optcore::{Convention, Exact, LearningRate, Optimizer, Rosenbrock};

#[test]
fn a_scheduled_paper_adamw_decays_with_the_multiplier() {
    let eta0 = 0.01;
    let lambda = 1e-3;
    let paper = AdamW {
        lr: eta0,
        weight_decay: lambda,
        ..AdamW::defaults(Convention::Paper)
    }
    .validated()
    .unwrap();
    let torch = AdamW {
        lr: eta0,
        weight_decay: lambda / eta0,
        ..AdamW::defaults(Convention::Pytorch)
    }
    .validated()
    .unwrap();
    let start = array![-1.2, 1.0];
    let (mut tp, mut tt) = (start.clone(), start.clone());
    let (mut sp, mut st) = (paper.init(start.view()), torch.init(start.view()));
    let (mut op, mut ot) = (
        Exact::new(Rosenbrock::default()),
        Exact::new(Rosenbrock::default()),
    );
    let mut worst: f64 = 0.0;
    for t in 1..=200 {
        // An exponential schedule, η(t − 1) = η₀·0.97^(t−1), as `schedule` applies it.
        let eta = eta0 * 0.97f64.powi(t - 1);
        let (p, q) = (paper.with_lr(eta).unwrap(), torch.with_lr(eta).unwrap());
        assert_eq!(p.weight_decay, lambda * (eta / eta0));
        assert_eq!(
            q.weight_decay,
            lambda / eta0,
            "torch's λ stays; ηλ follows η"
        );
        p.step(&mut sp, tp.view_mut(), &mut op).unwrap();
        q.step(&mut st, tt.view_mut(), &mut ot).unwrap();
        for (a, b) in tp.iter().zip(&tt) {
            worst = worst.max((a - b).abs() / b.abs().max(1e-300));
        }
    }
    assert!(
        worst < 1e-12,
        "paper and torch forms part by {worst:e} relative"
    );
    // Without the multiplier on λ (the decay left at its η₀ value) they part.
    let fixed = AdamW {
        lr: eta0 * 0.5,
        ..paper
    };
    let mut tf = start.clone();
    let mut sf = fixed.init(start.view());
    let mut of = Exact::new(Rosenbrock::default());
    let (q, mut tq, mut sq, mut oq) = (
        torch.with_lr(eta0 * 0.5).unwrap(),
        start.clone(),
        torch.init(start.view()),
        Exact::new(Rosenbrock::default()),
    );
    for _ in 0..50 {
        fixed.step(&mut sf, tf.view_mut(), &mut of).unwrap();
        q.step(&mut sq, tq.view_mut(), &mut oq).unwrap();
    }
    assert!((tf[0] - tq[0]).abs() > 1e-9 * tq[0].abs());
}
