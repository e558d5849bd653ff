//! Every optimizer of the registry exposes its η to a schedule
//! (`optcore::LearningRate`): `with_lr` sets exactly that rate on a copy,
//! refuses a bad one with the optimizer's own check, and a method without a
//! rate (Adadelta under `paper`) says so with a typed error.

use optcore::{Convention, Error, Flags, FromFlags, LearningRate, Optimizer};
use optimizers::registry::{Entry, Visitor};

#[test]
fn every_registered_optimizer_takes_a_rate_from_a_schedule() {
    struct Each(Convention, Vec<String>);
    impl Visitor for Each {
        fn visit<O: Optimizer + FromFlags + LearningRate>(&mut self, entry: Entry) {
            let opt = O::from_flags(self.0, &Flags::default()).expect("defaults");
            match opt.lr() {
                Some(lr) => {
                    let half = opt.with_lr(lr / 2.0).expect("half the default rate");
                    assert_eq!(half.lr(), Some(lr / 2.0), "{}", entry.name);
                    assert_eq!(
                        opt.lr(),
                        Some(lr),
                        "{}: the original is untouched",
                        entry.name
                    );
                    for bad in [0.0, -1.0, f64::NAN] {
                        assert!(
                            opt.with_lr(bad).is_err(),
                            "{}: with_lr({bad}) accepted",
                            entry.name
                        );
                    }
                    self.1.push(format!("{} {lr}", entry.name));
                }
                None => {
                    let err = opt.with_lr(0.1).expect_err("no rate to set");
                    assert!(
                        matches!(err, Error::NoLearningRate { .. }),
                        "{}: {err}",
                        entry.name
                    );
                    self.1.push(format!("{} none", entry.name));
                }
            }
        }
    }
    for c in [Convention::Paper, Convention::Pytorch] {
        let mut each = Each(c, Vec::new());
        optimizers::registry::visit(&mut each);
        assert_eq!(each.1.len(), optimizers::registry::METHODS.len());
        let without: Vec<_> = each.1.iter().filter(|s| s.ends_with("none")).collect();
        // Only Adadelta's paper form (Zeiler's rule) has no learning rate.
        match c {
            Convention::Paper => assert_eq!(without, ["adadelta none"]),
            Convention::Pytorch => assert!(without.is_empty(), "{without:?}"),
        }
    }
}
