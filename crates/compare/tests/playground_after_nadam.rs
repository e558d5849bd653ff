//! The playground of notebook 12 (after NAdam): the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    let runs = compare::playground::after_nadam::lab().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_after_nadam", runs.to_string());
}

#[test]
fn own_runs() {
    let runs = compare::playground::after_nadam::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_after_nadam_own", runs.to_string());
}

/// "Beale from (1, 1): the paper's AdaMax is refused at t = 1 (its u₁ is 0 in
/// x), and the table says so; torch's form carries on."
#[test]
fn the_beale_suggestion_does_what_it_says() {
    use compare::lab::*;
    let runs = Lab::new(Problem::Beale)
        .start([1.0, 1.0])
        .with(
            "AdaMax",
            Adamax {
                lr: 0.1,
                ..Adamax::defaults(Convention::Paper)
            },
        )
        .with(
            "AdaMax, torch",
            Adamax {
                lr: 0.1,
                ..Adamax::defaults(Convention::Pytorch)
            },
        )
        .run()
        .unwrap();
    let paper = runs.get("AdaMax").unwrap();
    assert_eq!(paper.stopped_at(), Some(1), "{runs}");
    assert!(
        paper.stop.as_ref().unwrap().to_string().contains('u'),
        "{runs}"
    );
    assert!(runs.get("AdaMax, torch").unwrap().stop.is_none(), "{runs}");
}
