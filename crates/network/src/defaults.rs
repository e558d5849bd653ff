//! Every optimizer of the course on the digits network at its defaults: the
//! first experiment of notebook 14, the question the post is read for ("which
//! optimizer?") asked the way a first try asks it, with every method as its
//! library ships it.

use crate::lab::{NetLab, NetRuns};
use crate::tune::Setup;
use optcore::error::Result;
use optcore::mlp::Activation;
use optcore::{Convention, Flags, FromFlags, LearningRate, Optimizer};
use optimizers::registry::{self, Entry, Visitor};

/// Every registered optimizer, at the defaults of `convention`, trained on
/// `setup` over `seeds`.
#[derive(Debug, Clone, PartialEq)]
pub struct AtDefaults {
    /// The network, the split, the batches and the epochs every run shares.
    pub setup: Setup,
    /// One run per seed and optimizer (a seed fixes the initial parameters and
    /// the batch order; every optimizer sees the same ones).
    pub seeds: Vec<u64>,
    /// Whose defaults: `Pytorch` (each torch.optim class's default arguments)
    /// or `Paper` (the papers' and the post's); `optrace --defaults` lists both.
    pub convention: Convention,
}

impl AtDefaults {
    /// The notebook's experiment: 32 hidden tanh units, 60 % of the rows to
    /// train, 20 % each to validate and to test, batches of 32, 20 epochs, three
    /// seeds, torch's defaults.
    pub fn lesson() -> AtDefaults {
        AtDefaults {
            setup: Setup::lesson(),
            seeds: vec![1, 2, 3],
            convention: Convention::Pytorch,
        }
    }

    /// The lab: one run per registered optimizer, labelled by its name, in the
    /// registry's (the post's) order.
    pub fn lab(&self) -> NetLab {
        struct Add {
            lab: Option<NetLab>,
            convention: Convention,
        }
        impl Visitor for Add {
            fn visit<O>(&mut self, entry: Entry)
            where
                O: Optimizer + FromFlags + LearningRate + Send + Sync + std::fmt::Debug + 'static,
            {
                let opt = O::from_flags(self.convention, &Flags::default())
                    .expect("an optimizer's defaults are valid (the registry's test)");
                self.lab = self.lab.take().map(|lab| lab.with(entry.name, opt));
            }
        }
        let mut add = Add {
            lab: Some(NetLab::new(self.setup).seeds(self.seeds.clone())),
            convention: self.convention,
        };
        registry::visit(&mut add);
        add.lab.expect("the visitor keeps the lab")
    }

    /// Every run trained (the setup and the seeds checked first).
    pub fn run(&self) -> Result<NetRuns> {
        self.lab().run()
    }
}

impl Setup {
    /// The notebooks' network and split: 64–32–10 with tanh, 60/20/20 % of the
    /// rows split with seed 1, batches of 32, 20 epochs, no early stopping, no
    /// dropout.
    pub fn lesson() -> Setup {
        Setup {
            hidden: 32,
            activation: Activation::Tanh,
            validation: 0.2,
            test: 0.2,
            split_seed: 1,
            batch_size: 32,
            epochs: 20,
            patience: None,
            dropout: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_registered_optimizer_runs_in_the_registrys_order() {
        let at = AtDefaults {
            setup: crate::tune::test_setup(2),
            seeds: vec![1],
            convention: Convention::Pytorch,
        };
        let runs = at.run().unwrap();
        let labels: Vec<&str> = runs.results.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, registry::NAMES);
    }

    #[test]
    fn bad_knobs_are_refused() {
        let no_seeds = AtDefaults {
            seeds: vec![],
            ..AtDefaults::lesson()
        };
        assert!(matches!(no_seeds.run(), Err(optcore::Error::Empty { .. })));
    }
}
