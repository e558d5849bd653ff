//! Snapshot tests: every table the batching notebook shows.
use batching::examples::{
    self, BATCH_SIZES, DEMO_BATCH, N, OUTLIER_EPOCHS, SEED, SMALL_EPOCHS, SMALL_M, SMALL_N,
    VARIANCE_DRAWS,
};
use batching::{Batches, LastBatch};

/// Snapshots land in the workspace's top-level `snapshots/` as `<crate>__<name>`.
use testkit::snap;

#[test]
fn first_epoch_batches() {
    let mut b = Batches::new(10, 3, Some(42), LastBatch::Keep).unwrap();
    snap!("first_epoch_batches", format!("{:?}", b.next_epoch()));
}

#[test]
fn batch_loss_is_mean() {
    snap!(
        "batch_loss_is_mean",
        examples::batch_loss_is_mean(DEMO_BATCH, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn epoch_plan() {
    snap!(
        "epoch_plan",
        examples::epoch_plan(N, &BATCH_SIZES, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn first_epochs() {
    snap!(
        "first_epochs",
        examples::first_epochs(SMALL_N, SMALL_M, SMALL_EPOCHS, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn update_cost() {
    snap!(
        "update_cost",
        examples::update_cost(&BATCH_SIZES, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn outlier_share() {
    snap!(
        "outlier_share",
        examples::outlier_share(&BATCH_SIZES, OUTLIER_EPOCHS, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn gradient_variance() {
    let study = examples::gradient_variance(&BATCH_SIZES, VARIANCE_DRAWS, SEED).unwrap();
    snap!("gradient_variance", study.table().to_string());
}

#[test]
fn gradient_variance_plot_series() {
    let study = examples::gradient_variance(&BATCH_SIZES, VARIANCE_DRAWS, SEED).unwrap();
    let text: Vec<String> = study
        .plot_series()
        .iter()
        .map(|(label, pts)| {
            let p: Vec<String> = pts
                .iter()
                .map(|(x, y)| format!("({}, {})", optcore::fmt_num(*x), optcore::fmt_num(*y)))
                .collect();
            format!("{label}: {}", p.join(" "))
        })
        .collect();
    snap!("gradient_variance_plot_series", text.join("\n"));
}

#[test]
fn minibatch_trace() {
    snap!(
        "minibatch_trace",
        examples::minibatch_trace(DEMO_BATCH, examples::RULE_LR, examples::RULE_STEPS, SEED)
            .unwrap()
            .to_string()
    );
}

#[test]
fn exercise_solutions() {
    let text: Vec<String> = batching::exercises::all()
        .unwrap()
        .iter()
        .map(|e| e.solution())
        .collect();
    snap!("exercise_solutions", text.join("\n\n"));
}
