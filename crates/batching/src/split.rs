//! Training, validation and test examples: one seeded shuffle of the data's rows,
//! cut in three. The network notebooks train on the first part, choose
//! hyperparameters and stopping points on the second, and report the third once.

use optcore::error::{Error, Result};
use rand_chacha::ChaCha8Rng;
use rand_core::SeedableRng;

/// The rows of a data set in three disjoint parts that together hold every row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    pub train: Vec<usize>,
    pub validation: Vec<usize>,
    pub test: Vec<usize>,
}

impl Split {
    /// Shuffles `0..len` with ChaCha8 seeded by `seed` ([`crate::shuffle`]) and
    /// cuts it: the first $\lfloor \text{validation}\cdot len \rfloor$ rows for
    /// validation, the next $\lfloor \text{test}\cdot len \rfloor$ for testing,
    /// the rest for training. Each share must be in $[0, 1)$ and leave at least one
    /// training row ([`Error::Hyperparameter`]); an empty data set is
    /// [`Error::Empty`].
    pub fn new(len: usize, validation: f64, test: f64, seed: u64) -> Result<Split> {
        if len == 0 {
            return Err(Error::Empty { what: "data set" });
        }
        for (name, share) in [("validation", validation), ("test", test)] {
            if !(0.0..1.0).contains(&share) {
                return Err(Error::Hyperparameter {
                    name,
                    value: share,
                    accepts: "a share of the rows in [0, 1)",
                });
            }
        }
        let n_val = (validation * len as f64) as usize;
        let n_test = (test * len as f64) as usize;
        if n_val + n_test >= len {
            return Err(Error::Hyperparameter {
                name: "test",
                value: test,
                accepts: "a share that, with the validation share, leaves a training row",
            });
        }
        let mut order: Vec<usize> = (0..len).collect();
        crate::shuffle(&mut ChaCha8Rng::seed_from_u64(seed), &mut order);
        let train = order.split_off(n_val + n_test);
        let test_rows = order.split_off(n_val);
        Ok(Split {
            train,
            validation: order,
            test: test_rows,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parts_are_disjoint_cover_every_row_and_follow_the_seed() {
        let s = Split::new(103, 0.2, 0.1, 7).unwrap();
        assert_eq!(s.validation.len(), (0.2 * 103.0) as usize);
        assert_eq!(s.test.len(), (0.1 * 103.0) as usize);
        let mut all: Vec<usize> = [&s.train[..], &s.validation[..], &s.test[..]].concat();
        all.sort_unstable();
        assert_eq!(all, (0..103).collect::<Vec<_>>());
        assert_eq!(Split::new(103, 0.2, 0.1, 7).unwrap(), s);
        assert_ne!(Split::new(103, 0.2, 0.1, 8).unwrap(), s);
    }

    #[test]
    fn shares_that_leave_no_training_row_are_refused() {
        assert!(matches!(
            Split::new(10, 1.0, 0.0, 1),
            Err(Error::Hyperparameter {
                name: "validation",
                ..
            })
        ));
        assert!(matches!(
            Split::new(10, 0.5, 0.5, 1),
            Err(Error::Hyperparameter { name: "test", .. })
        ));
        assert!(matches!(
            Split::new(10, f64::NAN, 0.0, 1),
            Err(Error::Hyperparameter { .. })
        ));
        assert_eq!(
            Split::new(0, 0.1, 0.1, 1),
            Err(Error::Empty { what: "data set" })
        );
    }
}
