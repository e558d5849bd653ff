//! Snapshot tests: every table of the backward-pass lesson at the notebook's
//! settings (`OneExample::lesson()`).
use network::examples::OneExample;
use testkit::snap;

#[test]
fn output_layer() {
    snap!(
        "output_layer",
        OneExample::lesson().outputs().unwrap().to_string()
    );
}

#[test]
fn hidden_layer() {
    snap!(
        "hidden_layer",
        OneExample::lesson().hidden().unwrap().to_string()
    );
}

#[test]
fn finite_differences() {
    snap!(
        "finite_differences",
        OneExample::lesson()
            .finite_differences()
            .unwrap()
            .to_string()
    );
}

#[test]
fn check_of_the_library_gradient() {
    let one = OneExample::lesson();
    let g = one.gradient().unwrap();
    snap!(
        "gradient_check",
        one.compare(g.as_slice().unwrap()).unwrap().to_string()
    );
}

#[test]
fn picture() {
    snap!("picture", OneExample::lesson().picture().unwrap().text());
}

/// The chart's data, as `plots::Figure::data` has it.
fn data(fig: plots::Figure) -> String {
    assert!(!fig.data().is_empty(), "a chart that draws nothing");
    plots::series_text(fig.data())
}

/// Every optimizer at torch's defaults: the table and the three charts the
/// notebook draws from one training (it takes seconds: trained once here).
#[test]
fn at_defaults() {
    let runs = network::defaults::AtDefaults::lesson().run().unwrap();
    snap!("at_defaults", runs.table().to_string());
    snap!(
        "at_defaults_train_loss",
        data(runs.train_loss_chart().unwrap())
    );
    snap!("at_defaults_accuracy", data(runs.accuracy_chart().unwrap()));
    snap!("at_defaults_gap", data(runs.gap_chart("rmsprop").unwrap()));
}

#[test]
fn playground() {
    let runs = network::lab::playground().run().unwrap();
    snap!("playground", runs.table().to_string());
    snap!("playground_loss", data(runs.loss_chart().unwrap()));
}

/// Notebook 17: the noise floor, the rule check at the lesson's settings (the
/// library's own losses), the critical batch on the model, the live and the
/// pinned study on the network.
#[test]
fn batch_size_lessons() {
    use network::batch_lessons::{critical, digits, floor};
    let f = floor::NoiseFloor::lesson();
    snap!("noise_floor", f.table().unwrap().to_string());
    snap!("noise_floor_chart", data(f.chart().unwrap()));
    let (dims, lr, batch, steps) = (100, 0.5, 4, 50);
    let lib = network::nqm::Nqm::harmonic(dims)
        .unwrap()
        .expected_losses(
            network::nqm::Method {
                lr,
                momentum: 0.0,
                power: 0.0,
            },
            batch,
            steps,
        )
        .unwrap();
    snap!(
        "noise_rule_check",
        floor::rule_check(dims, lr, batch, steps, &lib[1..])
            .unwrap()
            .to_string()
    );
    let c = critical::CriticalBatch::lesson().run().unwrap();
    snap!("critical", c.table().to_string());
    snap!("critical_settings", c.settings().to_string());
    snap!("critical_chart", data(c.chart().unwrap()));
    snap!(
        "batch_sizes_live",
        digits::BatchSizes::lesson().table().unwrap().to_string()
    );
    let p = digits::pinned().unwrap();
    snap!("batch_sizes_pinned", p.table().to_string());
    snap!("batch_sizes_pinned_chart", data(p.chart().unwrap()));
}

#[test]
fn nqm_sampled_check() {
    snap!(
        "nqm_sampled_check",
        network::batch_lessons::floor::sampled_check()
            .unwrap()
            .to_string()
    );
}

#[test]
fn batch_size_playground() {
    snap!(
        "batch_size_playground",
        network::batch_lessons::digits::playground()
            .table()
            .unwrap()
            .to_string()
    );
}

/// Notebook 15: the live sweep, the pinned ranking and its spread and curves,
/// Adam's second round.
#[test]
fn tuning_lessons() {
    use network::tuning_lessons::{ranked, second_round, sweep};
    let s = sweep::LrSweep::lesson();
    snap!("lr_sweep", s.table().unwrap().to_string());
    snap!("lr_sweep_chart", data(s.chart().unwrap()));
    let r = ranked::pinned().unwrap();
    snap!("ranking", r.table().unwrap().to_string());
    snap!("ranking_spread", r.spread().to_string());
    snap!(
        "ranking_curves",
        data(r.curves(&["sgd", "adam", "rmsprop"]).unwrap())
    );
    snap!(
        "second_round",
        second_round::SecondRound::lesson()
            .unwrap()
            .table()
            .unwrap()
            .to_string()
    );
}

#[test]
fn tuning_playground() {
    snap!(
        "tuning_playground",
        network::tuning_lessons::sweep::playground()
            .table()
            .unwrap()
            .to_string()
    );
}

/// Notebook 16: early stopping, dropout's modes and its gap, L2 against
/// AdamW, the schedule lab.
#[test]
fn regularization_lessons() {
    use network::regularization::{decay, dropout, early, scheduled};
    let s = early::EarlyStopping::lesson().run().unwrap();
    snap!("early_stopping", s.table().to_string());
    snap!("early_stopping_chart", data(s.chart().unwrap()));
    snap!(
        "dropout_modes",
        dropout::DropoutModes::lesson().table().unwrap().to_string()
    );
    let d = dropout::DropoutGap::lesson();
    snap!("dropout_gap", d.table().unwrap().to_string());
    snap!("dropout_gap_chart", data(d.chart().unwrap()));
    snap!(
        "decay_on_network",
        decay::DecayOnNetwork::lesson().table().unwrap().to_string()
    );
    let runs = scheduled::schedule_lab().run().unwrap();
    snap!("schedule_on_network", runs.table().to_string());
    snap!(
        "schedule_on_network_chart",
        data(runs.loss_chart().unwrap())
    );
}

#[test]
fn regularization_playground() {
    let runs = network::regularization::playground().run().unwrap();
    snap!("regularization_playground", runs.table().to_string());
    snap!(
        "regularization_playground_gap",
        data(runs.gap_chart("Adam").unwrap())
    );
}
