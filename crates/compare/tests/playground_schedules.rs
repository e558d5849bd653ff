//! The playground of notebook 13 (schedules): the labs its cells write out, run and pinned.
use testkit::snap;

#[test]
fn lab_runs() {
    let runs = compare::playground::schedules::lab().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_schedules", runs.to_string());
}

#[test]
fn own_runs() {
    let runs = compare::playground::schedules::own().run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    snap!("playground_schedules_own", runs.to_string());
}

/// "η₀ = 0.55 in both runs: above 2/λ_max = 0.5 the constant rate diverges
/// along y, while the cosine's run, whose rate falls below 0.5 in time,
/// converges."
#[test]
fn the_diverging_suggestion_does_what_it_says() {
    use compare::lab::*;
    let sgd = |lr| Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    };
    let runs = Lab::new(Problem::Quadratic)
        .start([-5.0, -2.0])
        .steps(100)
        .with("constant", sgd(0.55))
        .with(
            "cosine",
            Scheduled {
                optimizer: sgd(0.55),
                schedule: CosineAnnealingLR {
                    t_max: 100,
                    eta_min: 0.0,
                },
            },
        )
        .run()
        .unwrap();
    assert!(runs.get("constant").unwrap().stop.is_some(), "{runs}");
    assert!(runs.get("cosine").unwrap().stop.is_none(), "{runs}");
}
