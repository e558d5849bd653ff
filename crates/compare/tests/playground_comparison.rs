//! Notebook 10's playground: the labs its cells start from, run and pinned.
use compare::playground::comparison::{lab, own};
use testkit::snap;

#[test]
fn playground_comparison() {
    snap!("playground_comparison", lab().run().unwrap().to_string());
}

#[test]
fn playground_comparison_own() {
    snap!(
        "playground_comparison_own",
        own().run().unwrap().to_string()
    );
}

/// The lab's Adam and Momentum are the race's (`compare::Race::lesson`):
/// the same final losses as its table's runs.
#[test]
fn the_lab_runs_the_race_s_adam_and_momentum() {
    let race = compare::Race::lesson().runs().unwrap();
    let runs = lab().run().unwrap();
    for (label, method) in [("Adam", "Adam"), ("Momentum", "Momentum")] {
        let a = runs.get(label).unwrap().losses.last().copied();
        let b = race
            .iter()
            .find(|r| r.method == method)
            .unwrap()
            .losses
            .last()
            .copied();
        assert_eq!(a, b, "{label}");
    }
}
