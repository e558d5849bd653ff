//! A lab on data in mini-batches: the iris softmax classifier, two optimizers,
//! the same batches for both; bad batch sizes refused by name.
use compare::lab::*;
use testkit::snap;

fn iris_lab(batch: usize) -> Lab {
    Lab::minibatches(compare::iris::loss().unwrap(), batch, 7)
        .steps(60)
        .with(
            "SGD",
            Sgd {
                lr: 0.1,
                ..Sgd::defaults(Convention::Paper)
            },
        )
        .with(
            "Adam",
            Adam {
                lr: 0.05,
                ..Adam::defaults(Convention::Paper)
            },
        )
}

#[test]
fn iris_in_minibatches() {
    let runs = iris_lab(16).run().unwrap();
    snap!("lab_iris_minibatches", runs.table().to_string());
    for r in runs.runs() {
        assert!(r.stop.is_none(), "{}", r.label);
        assert!(r.losses[60] < r.losses[0], "{} learns", r.label);
    }
    // No contour for 15 parameters: a typed error, not a panic.
    assert!(matches!(runs.contour(), Err(Error::Dimension { .. })));
    assert!(runs.loss_chart().is_ok());
}

#[test]
fn the_batch_size_changes_the_run() {
    let a = iris_lab(16).run().unwrap();
    let b = iris_lab(8).run().unwrap();
    assert_ne!(a.runs()[0].losses, b.runs()[0].losses);
}

#[test]
fn bad_batch_sizes_are_refused() {
    for batch in [0, 151] {
        let e = iris_lab(batch).run().unwrap_err();
        assert!(matches!(e, Error::BatchSize { .. }), "{batch}: {e}");
    }
}
