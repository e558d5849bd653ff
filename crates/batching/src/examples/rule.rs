//! The rule in code: mini-batch steps $W \leftarrow W - \eta\\,\nabla_W L(\mathbf{x}_B, W)$
//! with $L(\mathbf{x}_B, W) = \frac1m\sum_{i\in B} L(x_i, W)$, as the library takes
//! them, for the notebook's from-scratch cell to be checked against.

use super::{iris_softmax, reference_weights};
use crate::{Batches, LastBatch};
use ndarray::Array1;
use optcore::error::{check_positive, check_steps, Result};
use optcore::quantity;
use optcore::{ExampleLoss, Field, Objective, Record, Row, Trace};

/// Learning rate η of the from-scratch steps (the one [`reference_weights`] used).
pub const RULE_LR: f64 = 0.5;
/// Number of from-scratch steps.
pub const RULE_STEPS: usize = 3;

/// What one mini-batch step computed.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchStep {
    /// The example indices of the step's batch.
    pub batch: Vec<usize>,
    /// $L(\mathbf{x}_B, W)$ at the step's start.
    pub batch_loss: f64,
    /// $\nabla_W L(\mathbf{x}_B, W)$, the mean of the batch's example gradients.
    pub grad: Array1<f64>,
}

impl Record for BatchStep {
    fn fields(&self) -> Vec<Field> {
        vec![
            Field::scalar_of(quantity::SEEN_LOSS, self.batch_loss),
            Field::of(quantity::GRAD, self.grad.view()),
        ]
    }
}

/// `steps` mini-batch steps of size `m` on the iris softmax loss, from
/// [`reference_weights`], batches drawn by a seeded [`Batches`] (last batch kept):
/// each step takes the library's batch gradient
/// ([`ExampleLoss::batch_loss_and_gradient`]) and moves $W \leftarrow W - \eta g$.
/// Row $t$ holds $W_t$ and the full loss there.
///
/// The notebook's check calls it with the rule cell's own `m`, `eta`, `steps`
/// and `seed`, so a changed setting is compared like for like. η ≤ 0 or not
/// finite, a batch size of 0 or above 150, and steps of 0 or above
/// [`optcore::MAX_TRACE_STEPS`] are errors.
pub fn minibatch_trace(m: usize, eta: f64, steps: usize, seed: u64) -> Result<Trace<BatchStep>> {
    check_positive("lr", eta)?;
    check_steps(steps, optcore::MAX_TRACE_STEPS)?;
    let loss = iris_softmax()?;
    let mut w = reference_weights(&loss);
    let mut batches = Batches::new(loss.len(), m, Some(seed), LastBatch::Keep)?;
    let mut rows = vec![Row {
        t: 0,
        loss: loss.value(w.view()),
        theta: w.clone(),
        gradient_evaluations: 0,
        record: None,
    }];
    let mut g = Array1::zeros(loss.num_params());
    let mut evaluations = 0u64;
    for t in 1..=steps {
        let batch = batches.next_batch().to_vec();
        let batch_loss = loss.batch_loss_and_gradient(&batch, w.view(), g.view_mut())?;
        evaluations += batch.len() as u64;
        w.zip_mut_with(&g, |wi, &gi| *wi -= eta * gi);
        rows.push(Row {
            t,
            loss: loss.value(w.view()),
            theta: w.clone(),
            gradient_evaluations: evaluations,
            record: Some(BatchStep {
                batch,
                batch_loss,
                grad: g.clone(),
            }),
        });
    }
    Ok(Trace {
        optimizer: format!("mini-batch steps, η = {eta}"),
        problem: format!("{} (batch size {m}, seed {seed})", loss.loss_name()),
        rows,
        stop: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::{DEMO_BATCH, SEED};
    use optcore::exercise::{compare_with_trace, Agreement};
    use optcore::Error;

    /// The notebook's from-scratch cell, as written there: the batch gradient as
    /// the sum of the example gradients divided by m.
    fn from_scratch(m: usize, eta: f64, steps: usize, seed: u64) -> Vec<Array1<f64>> {
        let loss = iris_softmax().unwrap();
        let mut w = reference_weights(&loss);
        let mut batches = Batches::new(loss.len(), m, Some(seed), LastBatch::Keep).unwrap();
        let mut out = Vec::new();
        for _ in 0..steps {
            let batch = batches.next_batch().to_vec();
            let mut sum = Array1::zeros(w.len());
            for &i in &batch {
                loss.add_example_gradient(i, w.view(), 1.0, sum.view_mut());
            }
            let g = sum / m as f64;
            w = &w - &(eta * &g);
            out.push(w.clone());
        }
        out
    }

    #[test]
    fn the_hand_written_rule_agrees_within_the_stated_tolerance() {
        let tr = minibatch_trace(DEMO_BATCH, RULE_LR, RULE_STEPS, SEED).unwrap();
        let mine = from_scratch(DEMO_BATCH, RULE_LR, RULE_STEPS, SEED);
        let check = compare_with_trace(
            &mine,
            &tr,
            Agreement::Within {
                rel: 1e-12,
                why: "",
            },
        );
        assert!(check.agrees(), "{check}");
        // A rule that parts from the library at step 2 is caught there.
        let mut wrong = mine.clone();
        wrong[1][0] += 1e-6;
        let c = compare_with_trace(
            &wrong,
            &tr,
            Agreement::Within {
                rel: 1e-12,
                why: "",
            },
        );
        assert_eq!(c.parts_at, Some(2));
    }

    #[test]
    fn the_check_follows_other_settings() {
        let within = Agreement::Within {
            rel: 1e-12,
            why: "",
        };
        for (m, eta, steps, seed) in [(1, 0.1, 7, 3), (30, 2.0, 4, 0), (150, 0.05, 5, 42)] {
            let tr = minibatch_trace(m, eta, steps, seed).unwrap();
            let mine = from_scratch(m, eta, steps, seed);
            let check = compare_with_trace(&mine, &tr, within);
            assert!(check.agrees(), "m = {m}, η = {eta}: {check}");
            // The lesson's run is not this one: the old fixed check would blame the rule.
            let lesson = minibatch_trace(DEMO_BATCH, RULE_LR, RULE_STEPS, SEED).unwrap();
            assert!(!compare_with_trace(&mine, &lesson, within).agrees());
            // A slip at step 2 is still caught there.
            let mut wrong = mine.clone();
            wrong[1][3] *= 1.0 + 1e-9;
            assert_eq!(compare_with_trace(&wrong, &tr, within).parts_at, Some(2));
        }
    }

    #[test]
    fn bad_input_is_an_error() {
        assert!(minibatch_trace(0, RULE_LR, 1, SEED).is_err());
        assert!(minibatch_trace(151, RULE_LR, 1, SEED).is_err());
        assert!(minibatch_trace(8, f64::NAN, 1, SEED).is_err());
        assert!(minibatch_trace(8, -0.5, 1, SEED).is_err());
        assert!(minibatch_trace(8, RULE_LR, 0, SEED).is_err());
        assert_eq!(
            minibatch_trace(8, RULE_LR, optcore::MAX_TRACE_STEPS + 1, SEED).unwrap_err(),
            Error::Steps {
                steps: optcore::MAX_TRACE_STEPS + 1,
                max: optcore::MAX_TRACE_STEPS
            }
        );
    }
}
