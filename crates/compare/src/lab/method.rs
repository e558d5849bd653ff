//! One optimizer of an experiment behind a trait object, so that runs of
//! different optimizer types sit in one list ([`crate::lab::Lab::with`]).
//!
//! [`optcore::Optimizer`] has associated types (its state and record) and is
//! not object safe; [`Method`] keeps what the lab needs of it: the name, the
//! hyperparameters as text, validation, and a run reduced to losses and points.

use optcore::error::Result;
use optcore::{run_with, Optimizer, Oracle, RunOptions};

use super::runs::Recorded;

/// What the lab asks of an optimizer: implemented for every [`Optimizer`].
pub(crate) trait Method {
    /// `optrace`'s name of the method (`adam`, `momentum`, …).
    fn name(&self) -> &'static str;
    /// `lr = 0.1, beta1 = 0.9, …` by the flag names.
    fn hyperparameters(&self) -> String;
    /// Everything that decides its steps, exactly: the name, the convention,
    /// every hyperparameter (`{:?}`, all digits) and the switched-on variants.
    fn knobs(&self) -> String;
    /// The optimizer's own check of its hyperparameters.
    fn validate(&self) -> Result<()>;
    /// `steps` steps with `oracle`'s gradients from `start`, stopped past
    /// `diverge_above`.
    /// Refusals before the first step are `Err`; a fault during the run is kept
    /// in the result's `stop` after every row before it.
    fn run(&self, oracle: &mut dyn Oracle, start: &[f64], options: RunOptions) -> Result<Recorded>;
}

impl<O: Optimizer> Method for O {
    fn name(&self) -> &'static str {
        Optimizer::name(self)
    }

    fn hyperparameters(&self) -> String {
        crate::hyperparameter_text(self)
    }

    fn knobs(&self) -> String {
        let hp: Vec<String> = Optimizer::hyperparameters(self)
            .iter()
            .map(|(k, v)| format!("{k}: {v:?}"))
            .collect();
        format!(
            "{} {{ {}, {:?}{} }}",
            Optimizer::name(self),
            hp.join(", "),
            self.convention(),
            self.variants()
                .iter()
                .map(|v| format!(", {v}"))
                .collect::<String>()
        )
    }

    fn validate(&self) -> Result<()> {
        Optimizer::validate(self)
    }

    fn run(&self, oracle: &mut dyn Oracle, start: &[f64], options: RunOptions) -> Result<Recorded> {
        let start = ndarray::ArrayView1::from(start);
        let trace = run_with(self, oracle, start, options)?;
        Ok(Recorded {
            losses: trace.rows.iter().map(|r| r.loss).collect(),
            points: trace.rows.iter().map(|r| r.theta.to_vec()).collect(),
            stop: trace.stop,
        })
    }
}
