//! The playground of notebook 09 (NAdam): the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    let runs = compare::playground::nadam::lab().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_nadam", runs.to_string());
}

#[test]
fn own_runs() {
    let runs = compare::playground::nadam::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_nadam_own", runs.to_string());
}
