//! Adam's second round of tuning: β₁ and ε on a grid at the rate the first
//! round chose (Choi et al. tune ε over many decades and find it matters).

use crate::lab::Adam;
use crate::tune::{best, candidates, Setup};
use optcore::error::{check_nonempty, Result};
use optcore::render::{fmt_short, fmt_sig, Cell, Table};
use optcore::Optimizer;

/// Adam at `lr` with each (β₁, ε) of the grid, on every seed.
#[derive(Debug, Clone, PartialEq)]
pub struct SecondRound {
    pub setup: Setup,
    /// The rate of the first round.
    pub lr: f64,
    pub beta1s: Vec<f64>,
    pub epss: Vec<f64>,
    pub seeds: Vec<u64>,
}

impl SecondRound {
    /// The notebook's round: the pinned tuning's best rate for Adam, β₁ ∈ {0.5,
    /// 0.9, 0.99}, ε ∈ {10⁻⁸, 10⁻⁴, 10⁻¹}, three seeds.
    pub fn lesson() -> Result<SecondRound> {
        Ok(SecondRound {
            setup: Setup::lesson(),
            lr: super::ranked::pinned()?.best_lr("adam")?,
            beta1s: vec![0.5, 0.9, 0.99],
            epss: vec![1e-8, 1e-4, 1e-1],
            seeds: vec![1, 2, 3],
        })
    }

    /// Every (β₁, ε) on every seed: the mean validation loss and test accuracy;
    /// the best setting and the first round's (β₁ = 0.9, ε = 10⁻⁸) in the note.
    pub fn table(&self) -> Result<Table> {
        check_nonempty("list of β₁", &self.beta1s)?;
        check_nonempty("list of ε", &self.epss)?;
        let mut each = Vec::new();
        for &beta1 in &self.beta1s {
            for &eps in &self.epss {
                let adam = Adam {
                    lr: self.lr,
                    beta1,
                    eps,
                    ..Adam::defaults(optcore::Convention::Pytorch)
                };
                adam.validate()?;
                each.push(adam);
            }
        }
        let nets = self.setup.nets()?;
        let points = candidates(
            &self.setup,
            &nets,
            &each,
            &self.seeds,
            crate::par::threads(),
        )?;
        let mut t = Table::new(
            format!(
                "Adam at lr = {}: β₁ and ε, {} seed(s) each",
                fmt_sig(self.lr, 3),
                self.seeds.len()
            ),
            &["β₁", "ε", "validation loss", "test accuracy"],
        );
        for p in &points {
            t.push(vec![
                p.get("beta1").map_or(Cell::from("none"), Cell::from),
                Cell::from(p.get("eps").map_or("none".to_string(), fmt_short)),
                p.score().into(),
                p.test_accuracy().into(),
            ]);
        }
        Ok(match best(&points) {
            Some(b) => t.with_note(format!(
                "best by validation loss: β₁ = {}, ε = {}",
                b.get("beta1").map_or("none".to_string(), fmt_short),
                b.get("eps").map_or("none".to_string(), fmt_short)
            )),
            None => t,
        })
    }
}
