//! Snapshot tests: every table the batching notebook shows.
use batching::examples::{
    self, BatchMean, EpochPlan, FirstEpochs, GradientNoise, HardExample, UpdateCost, DEMO_BATCH,
    SEED,
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
        BatchMean::lesson().report().unwrap().to_string()
    );
}

#[test]
fn epoch_plan() {
    snap!(
        "epoch_plan",
        EpochPlan::lesson().table().unwrap().to_string()
    );
}

#[test]
fn first_epochs() {
    snap!(
        "first_epochs",
        FirstEpochs::lesson().table().unwrap().to_string()
    );
}

#[test]
fn update_cost() {
    snap!(
        "update_cost",
        UpdateCost::lesson().table().unwrap().to_string()
    );
}

#[test]
fn outlier_share() {
    snap!(
        "outlier_share",
        HardExample::lesson().report().unwrap().to_string()
    );
}

#[test]
fn gradient_variance() {
    snap!(
        "gradient_variance",
        GradientNoise::lesson().table().unwrap().to_string()
    );
}

#[test]
fn gradient_variance_plot_series() {
    let text: Vec<String> = GradientNoise::lesson()
        .series()
        .unwrap()
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
