//! Momentum against the shared reference traces (torch.optim.SGD(momentum) and
//! the post's equations in numpy, computed outside this project): 1e-9 relative,
//! the README's tolerance. The hyperparameters are read from `cases.json`.
use momentum::Momentum;
use ndarray::array;
use optcore::reference::max_rel_diff_to_reference;
use optcore::{run, Convention, Quadratic};
use testkit::case;

fn check(name: &str, convention: Convention) -> f64 {
    let c = case(name);
    let (lr, mu, start, steps) = (c.hp("lr"), c.hp("momentum"), c.start, c.steps as usize);
    let opt = Momentum {
        lr,
        momentum: mu,
        ..Momentum::defaults(convention)
    };
    let tr = run(
        &opt,
        Quadratic::reference(),
        array![start[0], start[1]].view(),
        steps,
    )
    .unwrap();
    let worst = max_rel_diff_to_reference(&tr, &c.trace()).unwrap();
    println!("{name}: max relative difference {worst:e}");
    assert!(worst <= 1e-9, "{name}: {worst:e}");
    // Stronger than the README asks: the same operations in the same order as
    // torch's single-tensor path and the numpy script give the very same bits.
    assert_eq!(worst, 0.0, "{name}");
    worst
}

#[test]
fn pytorch_momentum_matches_torch_optim() {
    check("pytorch-momentum-quadratic", Convention::Pytorch);
}

#[test]
fn paper_momentum_matches_the_posts_equations() {
    check("paper-momentum-quadratic", Convention::Paper);
}
