//! L2 through Adam's gradient against AdamW's decoupled decay on the network
//! that overfits (Loshchilov & Hutter 2019, "Decoupled Weight Decay
//! Regularization"): the same λ means different things to the two.

use super::l2::L2;
use crate::lab::{Adam, AdamW, Convention};
use crate::tune::{Run, Setup};
use optcore::error::{check_non_negative, check_nonempty, Result};
use optcore::render::{fmt_short, Cell, Table};
use optcore::Optimizer;

/// Adam with λθ in its gradient, and AdamW with decay λ, at each λ.
#[derive(Debug, Clone, PartialEq)]
pub struct DecayOnNetwork {
    pub setup: Setup,
    /// η of both.
    pub lr: f64,
    /// The λ of both, each ≥ 0 (0: plain Adam twice).
    pub weight_decays: Vec<f64>,
    /// The seed of θ₀ and of the batch order.
    pub seed: u64,
}

impl DecayOnNetwork {
    /// The notebook's runs: the overfitting setup, η = 0.01, λ = 0, 10⁻³,
    /// 10⁻², 10⁻¹, seed 2.
    pub fn lesson() -> DecayOnNetwork {
        DecayOnNetwork {
            setup: super::overfitting(),
            lr: 0.01,
            weight_decays: vec![0.0, 1e-3, 1e-2, 1e-1],
            seed: 2,
        }
    }

    fn optimizers(&self, lambda: f64) -> (L2<Adam>, AdamW) {
        let adam = Adam {
            lr: self.lr,
            ..Adam::defaults(Convention::Pytorch)
        };
        let adamw = AdamW {
            lr: self.lr,
            weight_decay: lambda,
            ..AdamW::defaults(Convention::Pytorch)
        };
        (
            L2 {
                optimizer: adam,
                weight_decay: lambda,
            },
            adamw,
        )
    }

    /// Every (λ, optimizer) run, λ by λ: Adam with L2, then AdamW.
    pub fn run(&self) -> Result<Vec<(f64, Run, Run)>> {
        check_nonempty("list of weight decays", &self.weight_decays)?;
        for &lambda in &self.weight_decays {
            check_non_negative("weight_decay", lambda)?;
            let (a, w) = self.optimizers(lambda);
            a.validate()?;
            w.validate()?;
        }
        let nets = self.setup.nets()?;
        let n = self.weight_decays.len();
        let runs = crate::par::map(2 * n, crate::par::threads(), |k| {
            let (a, w) = self.optimizers(self.weight_decays[k / 2]);
            if k % 2 == 0 {
                self.setup.run(&nets, &a, self.seed)
            } else {
                self.setup.run(&nets, &w, self.seed)
            }
        });
        let mut runs = runs.into_iter();
        self.weight_decays
            .iter()
            .map(|&lambda| {
                let a = runs.next().expect("two runs per λ")?;
                let w = runs.next().expect("two runs per λ")?;
                Ok((lambda, a, w))
            })
            .collect()
    }

    /// Per λ and optimizer: the validation loss, the test accuracy and the size
    /// of the parameters ‖θ‖ after the last epoch.
    pub fn table(&self) -> Result<Table> {
        let mut t = Table::new(
            format!(
                "L2 in Adam's gradient against AdamW's decoupled decay (η = {})",
                fmt_short(self.lr)
            ),
            &[
                "λ",
                "optimizer",
                "validation loss",
                "test accuracy",
                "‖θ‖ at the end",
            ],
        );
        for (lambda, a, w) in self.run()? {
            for (name, run) in [("Adam + L2", &a), ("AdamW", &w)] {
                let norm = run.trained.theta.iter().map(|x| x * x).sum::<f64>().sqrt();
                t.push(vec![
                    Cell::from(fmt_short(lambda)),
                    Cell::from(name),
                    run.score.into(),
                    run.test_accuracy.into(),
                    norm.into(),
                ]);
            }
        }
        Ok(t)
    }
}
