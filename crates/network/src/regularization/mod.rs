//! The lessons of `notebooks/16-regularization.ipynb`: what keeps a network
//! that can memorize its training images from doing so, on a setup that
//! overfits (few training images, many hidden units).
//!
//! - [`early`]: early stopping on the validation loss with patience, the best
//!   parameters restored.
//! - [`dropout`]: dropout's two modes on one image, and its effect on the gap
//!   between training and validation loss.
//! - [`decay`]: L2 through Adam's gradient (torch's `Adam(weight_decay=λ)`,
//!   [`l2::L2`]) against AdamW's decoupled decay.
//! - [`l2`]: the L2 term added to any optimizer's gradient.
//! - [`scheduled`]: a learning-rate schedule on the network.
//! - [`exercises`]: checked exercises.

pub mod decay;
pub mod dropout;
pub mod early;
pub mod exercises;
pub mod l2;
pub mod scheduled;

use crate::tune::Setup;
use optcore::mlp::Activation;

/// The setup that overfits: 64 tanh units, 30 % of the images to validate and
/// 65 % to test, so that 90 images train; batches of 16, 100 epochs.
pub fn overfitting() -> Setup {
    Setup {
        hidden: 64,
        activation: Activation::Tanh,
        validation: 0.3,
        test: 0.65,
        split_seed: 1,
        batch_size: 16,
        epochs: 100,
        patience: None,
        dropout: None,
    }
}

/// Notebook 16's playground as it opens: the overfitting setup with early
/// stopping (patience 10) and dropout (p = 0.5), Adam against AdamW (λ = 0.1),
/// two seeds.
pub fn playground() -> crate::lab::NetLab {
    use crate::lab::{Adam, AdamW, Convention, Dropout, NetLab};
    NetLab::new(Setup {
        patience: Some(10),
        dropout: Some(Dropout { p: 0.5, seed: 3 }),
        ..overfitting()
    })
    .seeds([1, 2])
    .with(
        "Adam",
        Adam {
            lr: 0.01,
            ..Adam::defaults(Convention::Pytorch)
        },
    )
    .with(
        "AdamW",
        AdamW {
            lr: 0.01,
            weight_decay: 0.1,
            ..AdamW::defaults(Convention::Pytorch)
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::Error;

    #[test]
    fn bad_knobs_are_refused() {
        let e = early::EarlyStopping {
            patience: 0,
            ..early::EarlyStopping::lesson()
        };
        assert!(matches!(
            e.run(),
            Err(Error::Hyperparameter {
                name: "patience",
                ..
            })
        ));
        let d = dropout::DropoutGap {
            ps: vec![1.0],
            ..dropout::DropoutGap::lesson()
        };
        assert!(matches!(d.run(), Err(Error::Hyperparameter { .. })));
        let m = dropout::DropoutModes {
            p: -0.1,
            ..dropout::DropoutModes::lesson()
        };
        assert!(m.table().is_err());
        let w = decay::DecayOnNetwork {
            weight_decays: vec![-1.0],
            ..decay::DecayOnNetwork::lesson()
        };
        assert!(matches!(
            w.run(),
            Err(Error::Hyperparameter {
                name: "weight_decay",
                ..
            })
        ));
    }

    /// Early stopping returns the epoch of the lowest validation loss and stops
    /// `patience` epochs after it; the full run overfits past that epoch.
    #[test]
    fn early_stopping_on_the_overfitting_setup() {
        let s = early::EarlyStopping::lesson().run().unwrap();
        let best = s.early.trained.best_epoch;
        assert_eq!(s.early.trained.epochs.len(), best + 10);
        let full = &s.full.trained.epochs;
        let last = full.last().unwrap();
        assert!(last.train_loss < full[best - 1].train_loss);
        assert!(last.validation_loss > full[best - 1].validation_loss);
        assert!(s.early.score < s.full.score);
    }
}
