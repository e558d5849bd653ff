//! What notebook 13's prose says of its tables and figures, held to the
//! library: if a number moves, the sentence that quotes it fails here.

use schedule::examples::{self, Method};
use schedule::reference::{rows, LR_CSV, RUNS_CSV};
use std::collections::BTreeSet;

/// (label, final, lowest, spread of the last `last` points) of each curve.
fn curves(fig: &plots::Figure, last: usize) -> Vec<(String, f64, f64, f64)> {
    fig.data()
        .iter()
        .map(|(label, pts)| {
            let ys: Vec<f64> = pts.iter().map(|p| p.1).collect();
            let tail = &ys[ys.len() - last..];
            let spread = tail.iter().copied().fold(f64::NEG_INFINITY, f64::max)
                - tail.iter().copied().fold(f64::INFINITY, f64::min);
            let lowest = ys.iter().copied().fold(f64::INFINITY, f64::min);
            (label.clone(), *ys.last().unwrap(), lowest, spread)
        })
        .collect()
}

#[test]
fn the_quadratic_runs_say_what_the_notebook_says() {
    // SGD: "the constant rate ends lowest, the warmup … next, and the decays far behind".
    let sgd = curves(
        &examples::OnQuadratic::lesson()
            .loss_chart(Method::Sgd)
            .unwrap(),
        1,
    );
    assert!(sgd[0].0.starts_with("Constant"));
    let warmup = sgd.iter().find(|c| c.0.starts_with("LinearLR")).unwrap();
    assert!(warmup.1 > sgd[0].1, "{sgd:?}");
    for c in sgd[1..].iter().filter(|c| !c.0.starts_with("LinearLR")) {
        assert!(
            c.1 > 10.0 * warmup.1,
            "{}: {} not far behind {}",
            c.0,
            c.1,
            warmup.1
        );
    }
    // Adam: "the decays damp the bounce (their final loss is their lowest), but in
    // 50 steps they do not end lower than the constant rate's bouncing run".
    let adam = curves(
        &examples::OnQuadratic::lesson()
            .loss_chart(Method::Adam)
            .unwrap(),
        1,
    );
    assert!(adam[0].0.starts_with("Constant"));
    // "its lowest loss along the way is far below its final one"
    assert!(adam[0].2 < 0.2 * adam[0].1, "{:?}", adam[0]);
    for c in adam[1..].iter().filter(|c| !c.0.starts_with("LinearLR")) {
        assert_eq!(c.1, c.2, "{}: final = lowest", c.0);
        assert!(c.1 > adam[0].1, "{} ends below the constant rate", c.0);
    }
}

#[test]
fn the_iris_runs_say_what_the_notebook_says() {
    let per_epoch = optcore::iris().len().div_ceil(examples::IRIS_BATCH);
    // SGD at η₀ = 5: "every decay calms it: the spread of the last epoch falls by
    // orders of magnitude, and cosine annealing ends lowest of the SGD runs. The
    // warmup … ends as shaken as the constant run."
    let sgd = curves(
        &examples::OnIris::lesson().loss_chart(Method::Sgd).unwrap(),
        per_epoch,
    );
    let constant = &sgd[0];
    assert!(constant.0.starts_with("Constant"));
    for c in sgd
        .iter()
        .filter(|c| !c.0.starts_with("Constant") && !c.0.starts_with("LinearLR"))
    {
        assert!(
            c.3 < 1e-2 * constant.3,
            "{}: spread {} vs {}",
            c.0,
            c.3,
            constant.3
        );
    }
    let lowest = sgd.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert!(lowest.0.starts_with("CosineAnnealingLR"), "{}", lowest.0);
    let warmup = sgd.iter().find(|c| c.0.starts_with("LinearLR")).unwrap();
    assert!(warmup.3 > 0.1 * constant.3, "the warmup ends shaken");
    // Adam at η₀ = 0.3: "the constant rate ends lowest, the decays smoother but higher".
    let adam = curves(
        &examples::OnIris::lesson().loss_chart(Method::Adam).unwrap(),
        per_epoch,
    );
    let lowest = adam.iter().min_by(|a, b| a.1.total_cmp(&b.1)).unwrap();
    assert!(lowest.0.starts_with("Constant"), "{}", lowest.0);
}

#[test]
fn the_appendix_counts_what_torch_wrote() {
    // "the rate of every step of eight schedule configurations … and 15 whole runs"
    let configs: BTreeSet<&str> = rows(LR_CSV).iter().map(|r| r[0]).collect();
    assert_eq!(configs.len(), 8);
    let runs: BTreeSet<(&str, &str)> = rows(RUNS_CSV).iter().map(|r| (r[0], r[1])).collect();
    assert_eq!(runs.len(), 15);
}
