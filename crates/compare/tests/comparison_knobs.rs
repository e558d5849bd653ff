//! Notebook 10's experiments: every value a student can type gives a result or
//! a typed error (no panic, no NaN in a table).
use compare::iris::IrisRace;
use compare::knobs::MomentumGrid;
use compare::motion::SaddleEscape;
use compare::sweep::Sweep;
use compare::{Problem, Race};
use optcore::Error;

fn named(e: Error, name: &str) -> bool {
    matches!(e, Error::Hyperparameter { name: n, .. } if n == name)
}

fn no_nan(text: String) -> String {
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    text
}

#[test]
fn race_knobs() {
    let l = Race::lesson();
    for (bad, name) in [
        (
            Race {
                steps: 0,
                ..l.clone()
            },
            "steps",
        ),
        (
            Race {
                steps: usize::MAX,
                ..l.clone()
            },
            "steps",
        ),
        (
            Race {
                start: [f64::NAN, 1.0],
                ..l.clone()
            },
            "start",
        ),
        (
            Race {
                lr_fixed: -1e-3,
                ..l.clone()
            },
            "lr_fixed",
        ),
        (
            Race {
                lr_fixed: 0.0,
                ..l.clone()
            },
            "lr_fixed",
        ),
        (
            Race {
                lr_adaptive: f64::INFINITY,
                ..l.clone()
            },
            "lr_adaptive",
        ),
    ] {
        assert!(named(bad.table().unwrap_err(), name), "{bad:?}");
        assert!(bad.contour().is_err() && bad.loss_chart().is_err());
        assert!(bad.animation().is_err());
    }
    // Fewer steps than the table's columns, a diverging η, another problem.
    for ok in [
        Race {
            steps: 3,
            ..l.clone()
        },
        Race {
            lr_fixed: 0.1,
            steps: 50,
            ..l.clone()
        },
        Race {
            problem: Problem::Quadratic,
            steps: 30,
            ..l.clone()
        },
    ] {
        let t = no_nan(ok.table().unwrap().to_string());
        assert!(t.contains('—'), "{t}");
        ok.contour().unwrap();
        ok.loss_chart().unwrap();
        ok.animation().unwrap();
    }
    let t = Race {
        lr_fixed: 0.1,
        steps: 50,
        ..l.clone()
    }
    .table()
    .unwrap();
    assert!(t.note.unwrap().contains("diverged"));
}

#[test]
fn race_on_keeps_each_problem_s_setup() {
    for p in Problem::ALL {
        let r = Race::on(p);
        let s = p.setup();
        assert_eq!(
            (r.steps, r.lr_fixed, r.lr_adaptive),
            (s.steps, s.lr_fixed, s.lr_adaptive)
        );
        assert_eq!(r.start.to_vec(), s.start.to_vec());
    }
    assert_eq!(Race::lesson(), Race::on(Problem::Beale));
}

#[test]
fn sweep_knobs() {
    let l = Sweep::lesson(Problem::Quadratic);
    for (bad, name) in [
        (
            Sweep {
                rates: vec![0.1, -0.1],
                ..l.clone()
            },
            "rates",
        ),
        (
            Sweep {
                rates: vec![0.0],
                ..l.clone()
            },
            "rates",
        ),
        (
            Sweep {
                rates: vec![f64::NAN],
                ..l.clone()
            },
            "rates",
        ),
        (
            Sweep {
                rates: vec![0.1; 21],
                ..l.clone()
            },
            "rates",
        ),
        (
            Sweep {
                steps: 0,
                ..l.clone()
            },
            "steps",
        ),
        (
            Sweep {
                start: [0.0, f64::INFINITY],
                ..l.clone()
            },
            "start",
        ),
    ] {
        assert!(named(bad.table().unwrap_err(), name), "{bad:?}");
        assert!(bad.chart().is_err());
    }
    assert!(matches!(
        Sweep {
            rates: vec![],
            ..l.clone()
        }
        .table()
        .unwrap_err(),
        Error::Empty { .. }
    ));
    let two = Sweep {
        rates: vec![0.01, 0.5],
        steps: 20,
        ..l.clone()
    };
    let t = no_nan(two.table().unwrap().to_string());
    assert!(t.contains("η = 0.5") && !t.contains("η = 0.3"), "{t}");
    two.chart().unwrap();
    // A huge η: the direction family diverges, marked, not NaN.
    let t = no_nan(
        Sweep {
            rates: vec![1e6],
            ..l
        }
        .table()
        .unwrap()
        .to_string(),
    );
    assert!(t.contains("✗ t = "), "{t}");
}

#[test]
fn iris_knobs() {
    let l = IrisRace::lesson();
    assert!(matches!(
        IrisRace {
            batch: 0,
            ..l.clone()
        }
        .table()
        .unwrap_err(),
        Error::BatchSize {
            batch_size: 0,
            len: 150
        }
    ));
    assert!(matches!(
        IrisRace {
            batch: 151,
            ..l.clone()
        }
        .chart()
        .unwrap_err(),
        Error::BatchSize { .. }
    ));
    for (bad, name) in [
        (
            IrisRace {
                epochs: 0,
                ..l.clone()
            },
            "epochs",
        ),
        (
            IrisRace {
                epochs: 1_000_000,
                ..l.clone()
            },
            "epochs",
        ),
        (
            IrisRace {
                lr_fixed: -0.1,
                ..l.clone()
            },
            "lr_fixed",
        ),
        (
            IrisRace {
                lr_adaptive: 0.0,
                ..l.clone()
            },
            "lr_adaptive",
        ),
    ] {
        assert!(named(bad.table().unwrap_err(), name), "{bad:?}");
    }
    let full = IrisRace {
        batch: 150,
        seed: 0,
        epochs: 2,
        ..l.clone()
    };
    let t = no_nan(full.table().unwrap().to_string());
    assert!(t.contains("mini-batches of 150, 2 epochs"), "{t}");
    full.chart().unwrap();
    // Another seed, other batches: other numbers.
    let a = IrisRace {
        epochs: 2,
        ..l.clone()
    }
    .table()
    .unwrap()
    .to_string();
    let b = IrisRace {
        epochs: 2,
        seed: 8,
        ..l.clone()
    }
    .table()
    .unwrap()
    .to_string();
    assert_ne!(a, b);
    no_nan(
        IrisRace {
            lr_fixed: 1e3,
            epochs: 3,
            ..l
        }
        .table()
        .unwrap()
        .to_string(),
    );
}

#[test]
fn saddle_knobs() {
    let l = SaddleEscape::lesson();
    for (bad, name) in [
        (
            SaddleEscape {
                steps: 0,
                ..l.clone()
            },
            "steps",
        ),
        (
            SaddleEscape {
                start: [1.0, f64::NAN],
                ..l.clone()
            },
            "start",
        ),
        (
            SaddleEscape {
                lr_fixed: 0.0,
                ..l.clone()
            },
            "lr_fixed",
        ),
        (
            SaddleEscape {
                lr_adaptive: -1.0,
                ..l.clone()
            },
            "lr_adaptive",
        ),
        (
            SaddleEscape {
                escape_y: 0.0,
                ..l.clone()
            },
            "escape_y",
        ),
    ] {
        assert!(named(bad.table().unwrap_err(), name), "{bad:?}");
        assert!(bad.animation().is_err());
    }
    for ok in [
        SaddleEscape {
            steps: 5,
            ..l.clone()
        },
        SaddleEscape {
            start: [1.0, 0.0],
            ..l.clone()
        },
        SaddleEscape {
            lr_fixed: 2.0,
            ..l.clone()
        },
        SaddleEscape {
            steps: 500,
            ..l.clone()
        },
    ] {
        no_nan(ok.table().unwrap().to_string());
        let a = ok.animation().unwrap();
        assert!(a.frames() <= compare::motion::FRAMES + 1, "{}", a.frames());
    }
    // On the line y = 0 nothing ever escapes.
    let t = SaddleEscape {
        start: [1.0, 0.0],
        ..l
    }
    .table()
    .unwrap()
    .to_string();
    assert_eq!(t.matches("never in 60 steps").count(), 8, "{t}");
}

#[test]
fn grid_knobs() {
    let l = MomentumGrid::lesson();
    for (bad, name) in [
        (
            MomentumGrid {
                etas: vec![0.1, 0.1],
                ..l.clone()
            },
            "etas",
        ),
        (
            MomentumGrid {
                etas: vec![-0.1],
                ..l.clone()
            },
            "etas",
        ),
        (
            MomentumGrid {
                gammas: vec![1.0],
                ..l.clone()
            },
            "gammas",
        ),
        (
            MomentumGrid {
                gammas: vec![0.5; 30],
                ..l.clone()
            },
            "gammas",
        ),
        (
            MomentumGrid {
                start: [1e9, 0.0],
                ..l.clone()
            },
            "start",
        ),
        (
            MomentumGrid {
                steps: 0,
                ..l.clone()
            },
            "steps",
        ),
        (
            MomentumGrid {
                steps: 5000,
                ..l.clone()
            },
            "steps",
        ),
        (
            MomentumGrid {
                shown: (0.3, 0.5),
                ..l.clone()
            },
            "shown",
        ),
        (
            MomentumGrid {
                shown: (0.4, 0.3),
                ..l.clone()
            },
            "shown",
        ),
    ] {
        assert!(named(bad.table().unwrap_err(), name), "{bad:?}");
        assert!(bad.widget().is_err() && bad.paths().is_err());
    }
    assert!(matches!(
        MomentumGrid {
            etas: vec![],
            ..l.clone()
        }
        .widget()
        .unwrap_err(),
        Error::Empty { .. }
    ));
    let small = MomentumGrid {
        etas: vec![0.1, 0.6],
        gammas: vec![0.0],
        start: [-20.0, 4.0],
        steps: 7,
        shown: (0.6, 0.0),
    };
    let t = no_nan(small.table().unwrap().to_string());
    assert!(t.contains("from (−20, 4): loss after 7 steps"), "{t}");
    let w = small.widget().unwrap();
    assert!(!w.html().contains("NaN") && w.html().contains("\"etas\":[\"0.1\",\"0.6\"]"));
}
