//! Typed errors. Every message is one line and names what was wrong and what is
//! accepted, so that a notebook, a test and `optrace` all say the same thing.

use std::fmt;

/// Everything that can go wrong in this workspace, as data.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A hyperparameter outside its domain. `name` is the flag name `optrace` uses.
    Hyperparameter {
        name: &'static str,
        value: f64,
        accepts: &'static str,
    },
    /// A batch size of 0, or larger than the data set.
    BatchSize { batch_size: usize, len: usize },
    /// Two things that must have the same length do not.
    Dimension {
        what: &'static str,
        expected: usize,
        found: usize,
    },
    /// A gradient, loss or parameter that is NaN or infinite, at step `step`
    /// (step 0 is the starting point).
    NonFinite { step: usize, what: &'static str },
    /// A non-finite value at step `step` from an optimizer run with ε = 0: a
    /// coordinate whose gradients have all been 0 makes its denominator
    /// $\sqrt{0}$, and the step divides by it. The message says to give ε > 0.
    ZeroEps { step: usize, what: &'static str },
    /// The loss grew past the run's divergence limit at step `step`.
    Diverged { step: usize, loss: f64, limit: f64 },
    /// More steps than a run may take ([`crate::trace::MAX_TRACE_STEPS`] for a
    /// stored trace, [`crate::trace::MAX_STEPS`] for any run).
    Steps { steps: usize, max: usize },
    /// A data set or index set with nothing in it.
    Empty { what: &'static str },
    /// Input text that could not be understood (a command-line value, a CSV cell).
    Parse { what: String, message: String },
    /// A table has no column of that name (a split or a lookup by name).
    Column { name: String, table: String },
    /// A hand-written gradient that disagrees with central finite differences of
    /// the value: coordinate `coordinate` at the point `at`, where the differences
    /// give `expected` and the gradient gave `found`.
    Gradient {
        coordinate: usize,
        at: Vec<f64>,
        expected: f64,
        found: f64,
    },
    /// Two runs of one experiment under the same label: tables and legends name
    /// runs by label, so each must be its own.
    DuplicateLabel { label: String },
    /// A learning rate was asked of an optimizer that has none: Adadelta in
    /// Zeiler's (`paper`) form, which replaces η by $\mathrm{RMS}\[\Delta\theta\]_{t-1}$.
    /// A learning-rate schedule cannot wrap it (see `optcore::LearningRate`).
    NoLearningRate {
        optimizer: &'static str,
        convention: crate::optimizer::Convention,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Hyperparameter {
                name,
                value,
                accepts,
            } => write!(f, "invalid {name} = {value}: {name} must be {accepts}"),
            Error::BatchSize { batch_size, len } => write!(
                f,
                "invalid batch size {batch_size}: it must be between 1 and the number of examples ({len})"
            ),
            Error::Dimension {
                what,
                expected,
                found,
            } => write!(
                f,
                "dimension mismatch in {what}: expected {expected} values, found {found}"
            ),
            Error::NonFinite { step, what } => {
                write!(f, "non-finite {what} at step {step}: the run stops here, every earlier step is kept")
            }
            Error::ZeroEps { step, what } => write!(
                f,
                "non-finite {what} at step {step}: with eps = 0 a coordinate whose gradients have all been 0 divides by sqrt(0); give eps > 0. Every earlier step is kept"
            ),
            Error::Diverged { step, loss, limit } => write!(
                f,
                "diverged at step {step}: loss {loss} exceeds the limit {limit}; every earlier step is kept"
            ),
            Error::Steps { steps, max } => write!(
                f,
                "invalid steps = {steps}: a run of this kind takes at most {max} steps"
            ),
            Error::Empty { what } => write!(f, "{what} is empty"),
            Error::Parse { what, message } => write!(f, "cannot read {what}: {message}"),
            Error::Column { name, table } => {
                write!(f, "no column {name:?} in the table \"{table}\"")
            }
            Error::Gradient {
                coordinate,
                at,
                expected,
                found,
            } => {
                let point: Vec<String> = at.iter().map(|v| v.to_string()).collect();
                write!(
                    f,
                    "wrong gradient at θ = ({}): coordinate {coordinate} should be {expected} (central finite differences of J), the gradient gave {found}",
                    point.join(", ")
                )
            }
            Error::DuplicateLabel { label } => write!(
                f,
                "two runs are labelled {label:?}: give each run its own label"
            ),
            Error::NoLearningRate {
                optimizer,
                convention,
            } => write!(
                f,
                "{optimizer}/{convention} has no learning rate to set or schedule; use the pytorch convention, whose lr scales the step"
            ),
        }
    }
}

impl std::error::Error for Error {}

/// `lr`-like values: finite and strictly positive.
pub fn check_positive(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value > 0.0 {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value,
            accepts: "a finite number > 0",
        })
    }
}

/// `momentum`/`beta`-like values: in [0, 1).
pub fn check_unit_interval(name: &'static str, value: f64) -> Result<()> {
    if (0.0..1.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value,
            accepts: "in [0, 1)",
        })
    }
}

/// `rho`-like decay rates: in (0, 1).
pub fn check_open_unit_interval(name: &'static str, value: f64) -> Result<()> {
    if value > 0.0 && value < 1.0 {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value,
            accepts: "in (0, 1)",
        })
    }
}

/// `eps`-like values: finite and ≥ 0.
pub fn check_non_negative(name: &'static str, value: f64) -> Result<()> {
    if value.is_finite() && value >= 0.0 {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value,
            accepts: "a finite number >= 0",
        })
    }
}

/// Equal lengths, or a [`Error::Dimension`] naming `what`.
pub fn check_dim(what: &'static str, expected: usize, found: usize) -> Result<()> {
    if expected == found {
        Ok(())
    } else {
        Err(Error::Dimension {
            what,
            expected,
            found,
        })
    }
}

/// What a step count of 0 is told it must be (the `accepts` of the
/// [`Error::Hyperparameter`] from [`check_steps`]).
pub const STEPS_ACCEPTS: &str = "a whole number of steps ≥ 1";

/// A step count from 1 to `max`: 0 is an [`Error::Hyperparameter`] named `steps`
/// (accepting [`STEPS_ACCEPTS`]), more than `max` an [`Error::Steps`]. `max` is
/// usually [`crate::MAX_LESSON_STEPS`], or a lesson's own cap.
pub fn check_steps(steps: usize, max: usize) -> Result<()> {
    check_steps_named("steps", steps, max)
}

/// [`check_steps`] for a step count whose knob is called `name` (a lesson with
/// two runs of different lengths names each).
pub fn check_steps_named(name: &'static str, steps: usize, max: usize) -> Result<()> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name,
            value: 0.0,
            accepts: STEPS_ACCEPTS,
        });
    }
    if steps > max {
        return Err(Error::Steps { steps, max });
    }
    Ok(())
}

/// What [`check_lesson_steps`] says a step count must be: its range, with
/// [`crate::MAX_LESSON_STEPS`] written out.
pub const LESSON_STEPS_ACCEPTS: &str = "a whole number from 1 to 100000";

/// A step count from 1 to [`crate::MAX_LESSON_STEPS`] in the form the momentum,
/// NAG and comparison lessons give it: a count out of range at either end is one
/// [`Error::Hyperparameter`] named `name` that holds the count and states the
/// range ([`LESSON_STEPS_ACCEPTS`]). [`check_steps`] is the other form, with an
/// [`Error::Steps`] above the cap.
pub fn check_lesson_steps(name: &'static str, steps: usize) -> Result<()> {
    if (1..=crate::MAX_LESSON_STEPS).contains(&steps) {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value: steps as f64,
            accepts: LESSON_STEPS_ACCEPTS,
        })
    }
}

/// A point (a start θ₀) whose every coordinate is a finite number, else an
/// [`Error::Hyperparameter`] named `name` that holds the first bad coordinate.
pub fn check_finite_point(name: &'static str, point: &[f64]) -> Result<()> {
    match point.iter().find(|v| !v.is_finite()) {
        Some(&bad) => Err(Error::Hyperparameter {
            name,
            value: bad,
            accepts: "a point whose every coordinate is a finite number",
        }),
        None => Ok(()),
    }
}

/// A list with something in it, else an [`Error::Empty`] naming `what`.
pub fn check_nonempty<T>(what: &'static str, list: &[T]) -> Result<()> {
    if list.is_empty() {
        Err(Error::Empty { what })
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_accept_and_refuse() {
        assert!(check_positive("lr", 0.1).is_ok());
        for bad in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            assert!(check_positive("lr", bad).is_err(), "{bad}");
        }
        assert!(check_unit_interval("momentum", 0.0).is_ok());
        assert!(check_unit_interval("momentum", 1.0).is_err());
        assert!(check_unit_interval("momentum", f64::NAN).is_err());
        assert!(check_open_unit_interval("rho", 0.0).is_err());
        assert!(check_open_unit_interval("rho", 0.9).is_ok());
        assert!(check_non_negative("eps", 0.0).is_ok());
        assert!(check_non_negative("eps", -1e-8).is_err());
    }

    #[test]
    fn steps_points_and_lists_are_checked() {
        assert!(check_steps(1, 10).is_ok());
        assert!(check_steps(10, 10).is_ok());
        assert_eq!(
            check_steps(0, 10).unwrap_err().to_string(),
            "invalid steps = 0: steps must be a whole number of steps ≥ 1"
        );
        assert_eq!(
            check_steps(11, 10),
            Err(Error::Steps { steps: 11, max: 10 })
        );
        assert_eq!(
            check_steps(crate::MAX_LESSON_STEPS + 1, crate::MAX_LESSON_STEPS)
                .unwrap_err()
                .to_string(),
            "invalid steps = 100001: a run of this kind takes at most 100000 steps"
        );
        let e = check_steps_named("shown", 0, 10).unwrap_err();
        assert!(
            matches!(e, Error::Hyperparameter { name: "shown", .. }),
            "{e}"
        );

        assert!(check_lesson_steps("steps", 1).is_ok());
        assert!(check_lesson_steps("steps", crate::MAX_LESSON_STEPS).is_ok());
        assert_eq!(
            LESSON_STEPS_ACCEPTS,
            format!("a whole number from 1 to {}", crate::MAX_LESSON_STEPS)
        );
        for bad in [0, crate::MAX_LESSON_STEPS + 1] {
            assert_eq!(
                check_lesson_steps("ages", bad),
                Err(Error::Hyperparameter {
                    name: "ages",
                    value: bad as f64,
                    accepts: LESSON_STEPS_ACCEPTS,
                })
            );
        }

        assert!(check_finite_point("start", &[1.0, -2.0]).is_ok());
        assert!(check_finite_point("start", &[]).is_ok());
        assert_eq!(
            check_finite_point("start", &[1.0, f64::NAN, f64::INFINITY])
                .unwrap_err()
                .to_string(),
            "invalid start = NaN: start must be a point whose every coordinate is a finite number"
        );

        assert!(check_nonempty("the list of rates", &[0.1]).is_ok());
        assert_eq!(
            check_nonempty::<f64>("the list of rates", &[]),
            Err(Error::Empty {
                what: "the list of rates"
            })
        );
    }

    #[test]
    fn messages_are_one_line_and_name_the_flag() {
        let e = check_positive("lr", -0.5).unwrap_err().to_string();
        assert_eq!(e, "invalid lr = -0.5: lr must be a finite number > 0");
        let e = Error::BatchSize {
            batch_size: 0,
            len: 150,
        }
        .to_string();
        assert!(!e.contains('\n') && e.contains("150"));
        let e = Error::DuplicateLabel {
            label: "Adam".into(),
        }
        .to_string();
        assert!(!e.contains('\n') && e.contains("\"Adam\""), "{e}");
        let e = Error::Gradient {
            coordinate: 1,
            at: vec![-2.0, 1.0],
            expected: 60.0,
            found: 30.0,
        }
        .to_string();
        assert!(!e.contains('\n'), "{e}");
        for part in ["(-2, 1)", "coordinate 1", "60", "30"] {
            assert!(e.contains(part), "{e} lacks {part}");
        }
    }
}
