//! What notebook 12's prose says of AMSGrad's two forms, held to the library.

use amsgrad::Amsgrad;
use ndarray::array;
use optcore::{run, Convention, Optimizer, Quadratic};

/// "in its first steps Ruder's form moves (1 − β₁)/√(1 − β₂) times as far
/// (about 3.16 with the defaults)" — measured on a real first step of each.
#[test]
fn ruders_form_moves_about_three_times_as_far_at_first() {
    let first_step = |c: Convention| {
        let opt = Amsgrad::defaults(c).validated().unwrap();
        let tr = run(&opt, Quadratic::new(&[1.0]), array![2.0].view(), 1).unwrap();
        (tr.rows[1].theta[0] - tr.rows[0].theta[0]).abs()
    };
    let ratio = first_step(Convention::Paper) / first_step(Convention::Pytorch);
    let o = Amsgrad::defaults(Convention::Paper);
    let predicted = (1.0 - o.beta1) / (1.0 - o.beta2).sqrt();
    assert!(
        (ratio / predicted - 1.0).abs() < 1e-6,
        "{ratio} vs {predicted}"
    );
    assert_eq!(format!("{ratio:.2}"), "3.16");
}
