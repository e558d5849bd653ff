//! The playgrounds' labs (`compare::playground`, one module per notebook):
//! every lab its cells write out, run and pinned, then what each notebook's
//! markdown says of its playground, checked.
use compare::lab::*;
use compare::playground;
use testkit::snap;

/// Runs `lab` and checks that every run ran all its steps: no divergence, and
/// no refusal (an own $\nabla J$ passes the gradient check).
fn ran_all(lab: Lab) -> Runs {
    let runs = lab.run().unwrap();
    assert!(runs.runs().iter().all(|r| r.stop.is_none()), "{runs}");
    runs
}

/// The reference quadratic from $(-5, -2)$, 100 steps, as the playgrounds'
/// suggestions start.
fn quadratic() -> Lab {
    Lab::new(Problem::Quadratic).start([-5.0, -2.0]).steps(100)
}

/// Plain GD (the paper's form) at rate `lr`.
fn gd(lr: f64) -> Sgd {
    Sgd {
        lr,
        ..Sgd::defaults(Convention::Paper)
    }
}

/// Momentum (the paper's form) at rate `lr` and γ = `gamma`.
fn momentum(lr: f64, gamma: f64) -> Momentum {
    Momentum {
        lr,
        momentum: gamma,
        ..Momentum::defaults(Convention::Paper)
    }
}

/// For each notebook's module `m`: `m::lab()` and `m::own()` run all their
/// steps, and their tables are pinned as `playground_m` and
/// `playground_m_own`.
macro_rules! pinned {
    ($($m:ident),* $(,)?) => {$(
        mod $m {
            use super::*;

            #[test]
            fn lab_runs() {
                let runs = ran_all(playground::$m::lab());
                snap!(concat!("playground_", stringify!($m)), runs.to_string());
            }

            #[test]
            fn own_runs() {
                let runs = ran_all(playground::$m::own());
                snap!(concat!("playground_", stringify!($m), "_own"), runs.to_string());
            }
        }
    )*};
}

pinned!(
    adadelta,
    adagrad,
    adam,
    after_nadam,
    batching,
    comparison,
    gd,
    momentum,
    nadam,
    nag,
    rmsprop,
    schedules,
);

/// Notebook 01's mini-batch lab, the iris classifier.
#[test]
fn batching_iris_runs() {
    let runs = ran_all(playground::batching::iris().unwrap());
    snap!("playground_batching_iris", runs.to_string());
}

/// Every own-$J$ cell: a slip in the closures' gradient (∂J/∂y written $2y$,
/// not $20y$) is refused before any step, naming coordinate 1.
#[test]
fn a_slip_in_the_own_gradient_is_named() {
    let wrong = FnObjective::new(
        "x² + 10y², a slip in ∂J/∂y",
        2,
        |p| p[0] * p[0] + 10.0 * p[1] * p[1],
        |p, mut g| {
            g[0] = 2.0 * p[0];
            g[1] = 2.0 * p[1];
        },
    );
    let e = Lab::on(wrong)
        .start([3.0, 1.0])
        .with("GD", gd(0.01))
        .run()
        .unwrap_err();
    assert!(matches!(e, Error::Gradient { coordinate: 1, .. }), "{e:?}");
}

/// Notebook 03 (momentum): what the playground's markdown suggests trying
/// does what it says. At η = 1 both diverge, GD first; the saddle runs from
/// the suggested start.
#[test]
fn momentum_suggestions_do_what_the_notebook_says() {
    let diverging = quadratic()
        .with("momentum γ = 0.9", momentum(1.0, 0.9))
        .with("GD", gd(1.0))
        .run()
        .unwrap();
    let gd = diverging.get("GD").unwrap();
    let mo = diverging.get("momentum γ = 0.9").unwrap();
    assert!(matches!(gd.stop, Some(Error::Diverged { .. })), "{gd:?}");
    assert!(matches!(mo.stop, Some(Error::Diverged { .. })), "{mo:?}");
    assert!(gd.last_t() < mo.last_t());
    Lab::on(Saddle)
        .start([-1.0, 1e-3])
        .with("momentum", momentum(0.1, 0.9))
        .run()
        .unwrap();
}

/// Notebook 04 (NAG): what the playground's markdown suggests trying does
/// what it says.
#[test]
fn nag_suggestions_do_what_the_notebook_says() {
    let pair = |lr: f64, gamma: f64| {
        quadratic()
            .with(
                "NAG",
                Nag {
                    lr,
                    momentum: gamma,
                    ..Nag::defaults(Convention::Paper)
                },
            )
            .with("momentum", momentum(lr, gamma))
            .run()
            .unwrap()
    };
    // η = 0.4: NAG diverges, momentum does not.
    let r = pair(0.4, 0.9);
    assert!(matches!(
        r.get("NAG").unwrap().stop,
        Some(Error::Diverged { .. })
    ));
    assert!(r.get("momentum").unwrap().stop.is_none());
    // γ = 0.99: both swing, NAG's shrink faster: a lower last J.
    let r = pair(0.1, 0.99);
    let last = |l: &str| *r.get(l).unwrap().losses.last().unwrap();
    assert!(last("NAG") < last("momentum"));
}

/// Notebook 10 (comparing the methods): the lab's Adam and Momentum are the
/// race's (`compare::Race::lesson`): the same final losses as its table's runs.
#[test]
fn comparison_lab_runs_the_race_s_adam_and_momentum() {
    let race = compare::Race::lesson().runs().unwrap();
    let runs = playground::comparison::lab().run().unwrap();
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

/// Notebook 12 (after NAdam): "Beale from (1, 1): the paper's AdaMax is
/// refused at t = 1 (its u₁ is 0 in x), and the table says so; torch's form
/// carries on."
#[test]
fn after_nadam_beale_suggestion_does_what_it_says() {
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

/// Notebook 13 (schedules): "η₀ = 0.55 in both runs: above 2/λ_max = 0.5 the
/// constant rate diverges along y, while the cosine's run, whose rate falls
/// below 0.5 in time, converges."
#[test]
fn schedules_diverging_suggestion_does_what_it_says() {
    let sgd = |lr| Sgd {
        lr,
        ..Sgd::defaults(Convention::Pytorch)
    };
    let runs = quadratic()
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
