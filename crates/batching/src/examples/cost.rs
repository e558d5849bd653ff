//! What one update costs: per-example gradient evaluations, counted.

use super::{check_sizes, iris_softmax, reference_weights, BATCH_SIZES, SEED};
use crate::{Batches, LastBatch, MiniBatchOracle};
use ndarray::Array1;
use optcore::error::Result;
use optcore::{ExampleLoss, Oracle, Table};

/// The experiment "what one update costs": one epoch of updates on the 150
/// iris flowers for each batch size, the gradient evaluations counted.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateCost {
    /// The batch sizes $m$, one row each: every one from 1 to $N = 150$, at
    /// least one.
    pub sizes: Vec<usize>,
    /// The seed of the epoch's shuffle (any `u64`; the counts do not depend on it).
    pub seed: u64,
}

impl UpdateCost {
    /// The notebook's values: [`BATCH_SIZES`], [`SEED`].
    pub fn lesson() -> UpdateCost {
        UpdateCost {
            sizes: BATCH_SIZES.to_vec(),
            seed: SEED,
        }
    }

    /// The cost of one update, counted by [`MiniBatchOracle`]'s per-example
    /// gradient counter while it serves one epoch of updates (last batch kept).
    pub fn table(&self) -> Result<Table> {
        update_cost(&self.sizes, self.seed)
    }
}

fn update_cost(sizes: &[usize], seed: u64) -> Result<Table> {
    let loss = iris_softmax()?;
    let n = loss.len();
    check_sizes(sizes, n)?;
    let w = reference_weights(&loss);
    let mut g = Array1::zeros(loss.num_params());
    let mut t = Table::new(
        format!("Per-example gradient evaluations ∇L(xᵢ, W), counted (N = {n})"),
        &[
            "m",
            "evaluations for update 1",
            "updates per epoch",
            "evaluations per epoch",
            "mean evaluations per update",
        ],
    );
    for &m in sizes {
        let batches = Batches::new(n, m, Some(seed), LastBatch::Keep)?;
        let updates = batches.batches_per_epoch();
        let mut oracle = MiniBatchOracle::new(&loss, batches);
        let mut first = 0;
        for step in 1..=updates {
            oracle.begin_step(step);
            oracle.eval(w.view(), g.view_mut());
            if step == 1 {
                first = oracle.gradient_evaluations();
            }
        }
        let total = oracle.gradient_evaluations();
        t.push(vec![
            m.into(),
            first.into(),
            updates.into(),
            total.into(),
            (total as f64 / updates as f64).into(),
        ]);
    }
    Ok(t.with_note("One update costs m gradient evaluations; one epoch costs N whatever m is. A smaller m buys more updates for the same work."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_update_costs_m_evaluations() {
        let t = UpdateCost::lesson().table().unwrap();
        let m = t.column("m").unwrap();
        let first = t.column("evaluations for update 1").unwrap();
        let epoch = t.column("evaluations per epoch").unwrap();
        assert_eq!(m, first);
        assert!(epoch.iter().all(|&e| e == 150.0));
    }

    #[test]
    fn other_sizes_count_alike_and_bad_ones_are_refused() {
        let t = UpdateCost {
            sizes: vec![3, 7],
            seed: 9,
        }
        .table()
        .unwrap();
        assert_eq!(t.column("updates per epoch").unwrap(), vec![50.0, 22.0]);
        for sizes in [vec![], vec![0], vec![8, 151]] {
            assert!(UpdateCost { sizes, seed: SEED }.table().is_err());
        }
    }
}
