//! Cutting an epoch into batches: how many updates, the last batch kept or
//! dropped, and the actual batches of a small case.

use crate::{Batches, LastBatch};
use optcore::error::Result;
use optcore::Table;

/// The small case of [`first_epochs`]: N, m and epochs shown.
pub const SMALL_N: usize = 10;
pub const SMALL_M: usize = 4;
pub const SMALL_EPOCHS: usize = 2;

/// How `n` examples are cut into batches of each size in `sizes`, with the last
/// partial batch kept or dropped. Every count is measured by running one epoch of
/// [`Batches`], not computed from a formula.
pub fn epoch_plan(n: usize, sizes: &[usize], seed: u64) -> Result<Table> {
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

/// The actual batches of the first `epochs` epochs for a small case: `n`
/// examples, batch size `m`, seeded shuffle, Keep and Drop.
pub fn first_epochs(n: usize, m: usize, epochs: usize, seed: u64) -> Result<Table> {
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
    use crate::examples::{BATCH_SIZES, SEED};

    #[test]
    fn epoch_plan_counts_match_the_formulas() {
        let n = 150;
        let t = epoch_plan(n, &BATCH_SIZES, SEED).unwrap();
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
}
