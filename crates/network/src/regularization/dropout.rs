//! Dropout: its two modes on one image, and what it does to the gap between
//! the training and the validation loss of a network that overfits.

use crate::lab::{Adam, Convention};
use crate::tune::{Run, Setup};
use optcore::error::{check_nonempty, Result};
use optcore::mlp::{Activation, Dropout, Dropped, Mlp};
use optcore::render::{fmt_short, Table};
use optcore::{ExampleLoss, Optimizer};
use plots::{Figure, LineChart};

/// One image through a small network, in evaluation mode and in training mode
/// with dropout's mask of step 1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DropoutModes {
    /// Hidden units (1 to 512; a handful keeps the table short).
    pub hidden: usize,
    /// The probability of dropping a unit, in [0, 1).
    pub p: f64,
    /// The seed of the masks.
    pub seed: u64,
    /// Which image: its row in the file, 0 to 1796.
    pub image: usize,
}

impl DropoutModes {
    /// The notebook's example: 8 units, p = 0.5, mask seed 3, image 0 (the
    /// network's θ₀ from seed 1, as in notebook 14).
    pub fn lesson() -> DropoutModes {
        DropoutModes {
            hidden: 8,
            p: 0.5,
            seed: 3,
            image: 0,
        }
    }

    /// Per hidden unit: $h_j$ as evaluation sees it, the mask $m_j$ (0 or
    /// $1/(1-p)$), and $h_j m_j$ as training sees it; the loss of each mode in
    /// the note.
    pub fn table(&self) -> Result<Table> {
        let one = crate::examples::OneExample {
            hidden: self.hidden,
            activation: Activation::Tanh,
            image: self.image,
            seed: 1,
        };
        let (net, theta): (Mlp, _) = one.network()?;
        let pass = net.example_pass(self.image, theta.view())?;
        let dropped = Dropped::new(
            &net,
            Dropout {
                p: self.p,
                seed: self.seed,
            },
        )?;
        let mask = dropped.mask(self.image);
        let mut t = Table::new(
            format!(
                "Image {}, dropout p = {}: the hidden layer in evaluation and in training mode",
                self.image,
                fmt_short(self.p)
            ),
            &[
                "unit j",
                "h_j (evaluation)",
                "mask m_j",
                "h_j · m_j (training)",
            ],
        );
        for (j, (&h, &m)) in pass.h.iter().zip(&mask).enumerate() {
            t.push(vec![j.into(), h.into(), m.into(), (h * m).into()]);
        }
        Ok(t.with_note(format!(
            "loss of the image: {} in evaluation mode, {} in training mode (this mask)",
            optcore::render::fmt_sig(pass.loss, 4),
            optcore::render::fmt_sig(dropped.example_loss(self.image, theta.view()), 4)
        )))
    }
}

/// Adam on `setup` from one seed, once per dropout probability of `ps` (0: no
/// dropout).
#[derive(Debug, Clone, PartialEq)]
pub struct DropoutGap {
    pub setup: Setup,
    pub optimizer: Adam,
    /// The dropout probabilities, each in [0, 1).
    pub ps: Vec<f64>,
    /// The seed of the masks.
    pub mask_seed: u64,
    /// The seed of θ₀ and of the batch order.
    pub seed: u64,
}

impl DropoutGap {
    /// The notebook's runs: the overfitting setup, Adam at η = 0.01, p = 0,
    /// 0.2, 0.5, mask seed 3, seed 2.
    pub fn lesson() -> DropoutGap {
        DropoutGap {
            setup: super::overfitting(),
            optimizer: Adam {
                lr: 0.01,
                ..Adam::defaults(Convention::Pytorch)
            },
            ps: vec![0.0, 0.2, 0.5],
            mask_seed: 3,
            seed: 2,
        }
    }

    /// One run per p (every knob checked first).
    pub fn run(&self) -> Result<Vec<(f64, Run)>> {
        check_nonempty("list of dropout probabilities", &self.ps)?;
        self.optimizer.validate()?;
        let setups: Vec<Setup> = self
            .ps
            .iter()
            .map(|&p| {
                let dropout = if p == 0.0 {
                    None
                } else {
                    Some(
                        Dropout {
                            p,
                            seed: self.mask_seed,
                        }
                        .validated()?,
                    )
                };
                Ok(Setup {
                    dropout,
                    ..self.setup
                })
            })
            .collect::<Result<_>>()?;
        let nets = self.setup.nets()?;
        let runs = crate::par::map(setups.len(), crate::par::threads(), |k| {
            setups[k].run(&nets, &self.optimizer, self.seed)
        });
        self.ps
            .iter()
            .zip(runs)
            .map(|(&p, r)| Ok((p, r?)))
            .collect()
    }

    /// Per p: the training and validation loss after the last epoch (both in
    /// evaluation mode), their gap, and the test accuracy.
    pub fn table(&self) -> Result<Table> {
        let mut t = Table::new(
            "Dropout on the network that overfits: after the last epoch",
            &[
                "dropout p",
                "train loss",
                "validation loss",
                "gap (validation − train)",
                "test accuracy",
            ],
        );
        for (p, run) in self.run()? {
            let last = run.trained.epochs.last();
            let (tr, va) = last.map_or((f64::NAN, f64::NAN), |e| (e.train_loss, e.validation_loss));
            t.push(vec![
                p.into(),
                tr.into(),
                va.into(),
                (va - tr).into(),
                run.test_accuracy.into(),
            ]);
        }
        Ok(t)
    }

    /// The gap between validation and training loss after each epoch, one curve
    /// per p.
    pub fn chart(&self) -> Result<Figure> {
        let mut chart = LineChart::new("The gap: validation loss − training loss after each epoch")
            .x_label("epoch")
            .y_label("validation − training loss");
        for (p, run) in self.run()? {
            chart = chart.series(
                format!("p = {}", fmt_short(p)),
                run.trained
                    .epochs
                    .iter()
                    .map(|e| (e.epoch as f64, e.validation_loss - e.train_loss))
                    .collect(),
            );
        }
        chart.render()
    }
}
