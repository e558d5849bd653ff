//! Cutting an epoch into batches: how many updates, the last batch kept or
//! dropped, and the actual batches of a small case.

use super::{check_count, check_sizes, BATCH_SIZES, N, SEED};
use crate::{Batches, LastBatch};
use optcore::error::Result;
use optcore::Table;

/// The small case of [`FirstEpochs`]: N, m and epochs shown.
pub const SMALL_N: usize = 10;
pub const SMALL_M: usize = 4;
pub const SMALL_EPOCHS: usize = 2;

/// The most examples [`EpochPlan`] cuts (it runs one epoch of each batch size).
pub const MAX_PLAN_EXAMPLES: usize = 1_000_000;
/// The most examples [`FirstEpochs`] lists, index by index.
pub const MAX_LISTED_EXAMPLES: usize = 1000;
/// The most epochs [`FirstEpochs`] lists.
pub const MAX_LISTED_EPOCHS: usize = 100;

/// The experiment "cutting an epoch into batches": how `n` examples are cut
/// into batches of each size, the last partial batch kept or dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct EpochPlan {
    /// $N$, the examples of the epoch: 1 to [`MAX_PLAN_EXAMPLES`] (the data
    /// are not read, only counted).
    pub n: usize,
    /// The batch sizes $m$, one pair of rows (Keep, Drop) each: every one from 1
    /// to `n`, at least one.
    pub sizes: Vec<usize>,
    /// The seed of the shuffle at the start of the epoch (any `u64`).
    pub seed: u64,
}

impl EpochPlan {
    /// The notebook's values: $N$ = [`N`], [`BATCH_SIZES`], [`SEED`].
    pub fn lesson() -> EpochPlan {
        EpochPlan {
            n: N,
            sizes: BATCH_SIZES.to_vec(),
            seed: SEED,
        }
    }

    /// One row per batch size and last-batch rule. Every count is measured by
    /// running one epoch of [`Batches`], not computed from a formula.
    pub fn table(&self) -> Result<Table> {
        check_count(
            "n",
            self.n,
            1,
            MAX_PLAN_EXAMPLES,
            "a whole number of examples from 1 to 1000000",
        )?;
        check_sizes(&self.sizes, self.n)?;
        epoch_plan(self.n, &self.sizes, self.seed)
    }
}

fn epoch_plan(n: usize, sizes: &[usize], seed: u64) -> Result<Table> {
    let mut t = Table::new(
        format!("One epoch over N = {n} examples"),
        &[
            "m",
            "last batch",
            "updates per epoch",
            "last batch size",
            "examples used",
            "examples dropped",
        ],
    );
    for &m in sizes {
        for last in [LastBatch::Keep, LastBatch::Drop] {
            let mut b = Batches::new(n, m, Some(seed), last)?;
            let epoch = b.next_epoch();
            let used: usize = epoch.iter().map(Vec::len).sum();
            t.push(vec![
                m.into(),
                format!("{last:?}").into(),
                epoch.len().into(),
                epoch.last().map_or(0, Vec::len).into(),
                used.into(),
                (n - used).into(),
            ]);
        }
    }
    Ok(t.with_note("Keep: ⌈N/m⌉ updates, the last one on N mod m examples when m does not divide N. Drop: ⌊N/m⌋ updates of exactly m examples; the N mod m left over are skipped this epoch (a different set each epoch, since every epoch reshuffles)."))
}

fn indices(batch: &[usize]) -> String {
    let items: Vec<String> = batch.iter().map(usize::to_string).collect();
    format!("[{}]", items.join(" "))
}

/// The experiment "the actual batches of the first epochs" for a small case,
/// last batch kept and dropped.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstEpochs {
    /// $N$, the examples (numbered 0 to N − 1): 1 to [`MAX_LISTED_EXAMPLES`].
    pub n: usize,
    /// $m$, the batch size: 1 to `n`.
    pub m: usize,
    /// How many epochs to list: 1 to [`MAX_LISTED_EPOCHS`].
    pub epochs: usize,
    /// The seed of the shuffles, one at the start of every epoch (any `u64`).
    pub seed: u64,
}

impl FirstEpochs {
    /// The notebook's values: [`SMALL_N`], [`SMALL_M`], [`SMALL_EPOCHS`], [`SEED`].
    pub fn lesson() -> FirstEpochs {
        FirstEpochs {
            n: SMALL_N,
            m: SMALL_M,
            epochs: SMALL_EPOCHS,
            seed: SEED,
        }
    }

    /// Each epoch's batches and the examples it dropped, Keep then Drop.
    pub fn table(&self) -> Result<Table> {
        check_count(
            "n",
            self.n,
            1,
            MAX_LISTED_EXAMPLES,
            "a whole number of examples from 1 to 1000",
        )?;
        check_count(
            "epochs",
            self.epochs,
            1,
            MAX_LISTED_EPOCHS,
            "a whole number of epochs from 1 to 100",
        )?;
        check_sizes(&[self.m], self.n)?;
        first_epochs(self.n, self.m, self.epochs, self.seed)
    }
}

fn first_epochs(n: usize, m: usize, epochs: usize, seed: u64) -> Result<Table> {
    let mut t = Table::new(
        format!("The first {epochs} epochs: N = {n}, m = {m}, seed {seed}"),
        &["last batch", "epoch", "batches", "dropped"],
    );
    for last in [LastBatch::Keep, LastBatch::Drop] {
        let mut b = Batches::new(n, m, Some(seed), last)?;
        for e in 1..=epochs {
            let epoch = b.next_epoch();
            let mut used: Vec<usize> = epoch.concat();
            used.sort_unstable();
            let dropped: Vec<usize> = (0..n).filter(|i| used.binary_search(i).is_err()).collect();
            let shown: Vec<String> = epoch.iter().map(|x| indices(x)).collect();
            t.push(vec![
                format!("{last:?}").into(),
                e.into(),
                shown.join(" ").into(),
                indices(&dropped).into(),
            ]);
        }
    }
    Ok(t.with_note(
        "Same seed, same first shuffle: Keep and Drop see the same order; Drop skips its tail.",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_plan_counts_match_the_formulas() {
        let n = 150;
        let t = EpochPlan::lesson().table().unwrap();
        let m = t.column("m").unwrap();
        let updates = t.column("updates per epoch").unwrap();
        let last = t.column("last batch size").unwrap();
        let dropped = t.column("examples dropped").unwrap();
        for (r, &mf) in m.iter().enumerate() {
            let mm = mf as usize;
            let keep = r % 2 == 0;
            let b = Batches::new(
                n,
                mm,
                None,
                if keep {
                    LastBatch::Keep
                } else {
                    LastBatch::Drop
                },
            )
            .unwrap();
            assert_eq!(
                updates[r] as usize,
                if keep { n.div_ceil(mm) } else { n / mm }
            );
            assert_eq!(updates[r] as usize, b.batches_per_epoch());
            assert_eq!(last[r] as usize, b.last_batch_size());
            assert_eq!(dropped[r] as usize, b.dropped_per_epoch());
            assert_eq!(dropped[r] as usize, if keep { 0 } else { n % mm });
        }
    }

    #[test]
    fn other_settings_run_and_bad_ones_are_refused() {
        let plan = EpochPlan {
            n: 7,
            sizes: vec![7, 2, 3],
            seed: 1,
        };
        assert_eq!(plan.table().unwrap().rows.len(), 6);
        let first = FirstEpochs {
            n: 5,
            m: 5,
            epochs: 3,
            seed: 0,
        };
        assert_eq!(first.table().unwrap().rows.len(), 6);
        for bad in [
            EpochPlan {
                n: 0,
                ..EpochPlan::lesson()
            },
            EpochPlan {
                n: usize::MAX,
                ..EpochPlan::lesson()
            },
            EpochPlan {
                sizes: vec![],
                ..EpochPlan::lesson()
            },
            EpochPlan {
                sizes: vec![0],
                ..EpochPlan::lesson()
            },
            EpochPlan {
                sizes: vec![151],
                ..EpochPlan::lesson()
            },
        ] {
            assert!(bad.table().is_err(), "{bad:?}");
        }
        for bad in [
            FirstEpochs {
                n: 0,
                ..FirstEpochs::lesson()
            },
            FirstEpochs {
                n: 1001,
                ..FirstEpochs::lesson()
            },
            FirstEpochs {
                m: 0,
                ..FirstEpochs::lesson()
            },
            FirstEpochs {
                m: 11,
                ..FirstEpochs::lesson()
            },
            FirstEpochs {
                epochs: 0,
                ..FirstEpochs::lesson()
            },
            FirstEpochs {
                epochs: 101,
                ..FirstEpochs::lesson()
            },
        ] {
            assert!(bad.table().is_err(), "{bad:?}");
        }
    }
}
