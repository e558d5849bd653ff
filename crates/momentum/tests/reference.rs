//! Momentum against the shared reference traces (torch.optim.SGD(momentum) and
//! the post's equations in numpy, computed outside this project): 1e-9 relative,
//! the README's tolerance. The hyperparameters are read from `cases.json`.
use momentum::Momentum;
use ndarray::array;
use optcore::reference::{max_rel_diff_to_reference, parse_reference_csv, reference_dir};
use optcore::{run, Convention, Quadratic};

fn reference(name: &str) -> Vec<optcore::reference::ReferenceRow> {
    let path = reference_dir().join("traces").join(format!("{name}.csv"));
    parse_reference_csv(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}")))
        .unwrap()
}

/// `(lr, momentum, start, steps)` of a case of `cases.json`.
fn case(name: &str) -> (f64, f64, [f64; 2], usize) {
    let text = std::fs::read_to_string(reference_dir().join("cases.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let c = json
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .expect("case in cases.json");
    let f = |v: &serde_json::Value| v.as_f64().unwrap();
    (
        f(&c["hp"]["lr"]),
        f(&c["hp"]["momentum"]),
        [f(&c["start"][0]), f(&c["start"][1])],
        c["steps"].as_u64().unwrap() as usize,
    )
}

fn check(name: &str, convention: Convention) -> f64 {
    let (lr, mu, start, steps) = case(name);
    let opt = Momentum::new(lr, mu, convention).unwrap();
    let tr = run(
        &opt,
        Quadratic::reference(),
        array![start[0], start[1]].view(),
        steps,
    )
    .unwrap();
    let worst = max_rel_diff_to_reference(&tr, &reference(name)).unwrap();
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
