//! The notebooks' knobs under test: a rule written from scratch against the
//! library's run at other settings, a bad knob refused with a typed error that
//! names it, and odd values typed one knob at a time giving no panic and no NaN.
//!
//! What is the same from one section to the next lives here; each crate's test
//! states its rule, its experiments and their knobs.

use ndarray::Array1;
use optcore::exercise::{compare_with_trace, Agreement};
use optcore::trace::Trace;
use optcore::{Error, Result};
use std::fmt::{Debug, Display};

/// Odd values a student might type into a real-valued knob: zero of both signs,
/// a negative, the tiny and the huge, NaN and both infinities.
pub const ODD: [f64; 8] = [
    0.0,
    -0.0,
    -1.0,
    1e-300,
    1e300,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
];

/// Odd step counts: none, one, one past the lesson's limit, and the largest.
pub fn odd_steps(max_lesson_steps: usize) -> [usize; 4] {
    [0, 1, max_lesson_steps + 1, usize::MAX]
}

/// A value typed into a knob that holds one point: `[v, 1.0]`.
pub fn first_coordinate(v: f64) -> [f64; 2] {
    [v, 1.0]
}

/// A value typed into a knob that holds a list: `vec![v]`.
pub fn alone<T>(v: T) -> Vec<T> {
    vec![v]
}

/// Asserts that `r` is an error whose message names `knob`; returns the error.
#[track_caller]
pub fn refused<T>(r: Result<T>, knob: &str) -> Error {
    match r {
        Ok(_) => panic!("a bad `{knob}` must be refused, and was accepted"),
        Err(e) => {
            assert!(e.to_string().contains(knob), "{knob}: {e}");
            e
        }
    }
}

/// Asserts that `r` is [`Error::Hyperparameter`] for the hyperparameter `name`.
#[track_caller]
pub fn refused_hyperparameter<T>(r: Result<T>, name: &str) {
    match r {
        Err(Error::Hyperparameter { name: n, .. }) if n == name => {}
        Err(e) => panic!("expected the hyperparameter `{name}` refused, got: {e}"),
        Ok(_) => panic!("a bad `{name}` must be refused, and was accepted"),
    }
}

/// Runs `check` on a copy of `base` with each of `values` set into it by `set`,
/// one value at a time (a panic in `check` or in the code it calls fails).
pub fn each_value<K: Clone, V>(
    base: &K,
    values: impl IntoIterator<Item = V>,
    set: impl Fn(&mut K, V),
    mut check: impl FnMut(&K),
) {
    for v in values {
        let mut x = base.clone();
        set(&mut x, v);
        check(&x);
    }
}

/// Asserts that a result that is shown (an `Ok`) has no NaN in its text; an
/// `Err` is a typed refusal and passes. `what` names the call for the message.
#[track_caller]
pub fn shown_without_nan<S: Display>(r: Result<S>, what: impl Debug) {
    if let Ok(shown) = r {
        assert!(!shown.to_string().contains("NaN"), "{what:?}");
    }
}

/// Sets one knob of an experiment to each of several values and calls the
/// named methods: never a panic, and a result that is shown has no NaN.
///
/// `odd_knob!(base, field, values, [method, …])` sets `field` to each `v` of
/// `values`; `odd_knob!(base, field, make, values, [method, …])` to `make(v)`.
#[macro_export]
macro_rules! odd_knob {
    ($base:expr, $field:ident, $values:expr, [$($m:ident),*]) => {
        $crate::odd_knob!($base, $field, |v| v, $values, [$($m),*])
    };
    ($base:expr, $field:ident, $make:expr, $values:expr, [$($m:ident),*]) => {
        $crate::knobs::each_value(&$base, $values, |x, v| x.$field = ($make)(v), |x| {
            $( $crate::knobs::shown_without_nan(x.$m(), (x, stringify!($m))); )*
        })
    };
}

/// Each bad setting of an experiment refused with an error naming the knob:
/// `refuses!(base; field = value, …; method => "knob", …)`, each line a copy of
/// `base` with those fields set, whose `method()` (or `method(args)`) must fail
/// with a message naming `knob` (`""`: any error).
#[macro_export]
macro_rules! refuses {
    ($base:expr;
     $($($field:ident = $value:expr),+; $m:ident $(($($arg:expr),*))? => $knob:expr),+ $(,)?) => {{
        let base = &$base;
        $({
            let mut x = base.clone();
            $( x.$field = $value; )+
            $crate::knobs::refused(x.$m($($($arg),*)?), $knob);
        })+
    }};
}

/// ∇(0.1x² + 2y²) at θ, the reference quadratic the from-scratch cells use,
/// written as in [`crate::independent_gradient`] (0.2x is 0.1·(2x) to the bit:
/// doubling is exact, and 0.2 is twice 0.1 as an f64).
pub fn quadratic_gradient(theta: &Array1<f64>) -> Array1<f64> {
    Array1::from(crate::independent_gradient("quadratic", [theta[0], theta[1]]).to_vec())
}

/// A rule written from scratch, run `steps` times from `theta0`: θ after each
/// step. `step` moves θ once (it takes the gradient it needs itself, e.g.
/// [`quadratic_gradient`]).
pub fn scratch_run(
    theta0: [f64; 2],
    steps: usize,
    mut step: impl FnMut(&mut Array1<f64>),
) -> Vec<Array1<f64>> {
    let mut theta = Array1::from(theta0.to_vec());
    (0..steps)
        .map(|_| {
            step(&mut theta);
            theta.clone()
        })
        .collect()
}

/// Adam's two moments written out from the paper (Kingma & Ba, Algorithm 1),
/// independently of `optcore::Moments`, for the Adam family's from-scratch
/// rules: m and v, and βᵗ for the bias corrections.
#[derive(Debug, Clone)]
pub struct ScratchMoments {
    pub beta1: f64,
    pub beta2: f64,
    pub m: Array1<f64>,
    pub v: Array1<f64>,
    pub b1t: f64,
    pub b2t: f64,
}

impl ScratchMoments {
    /// m = v = 0 in two coordinates, β₁⁰ = β₂⁰ = 1.
    pub fn new(beta1: f64, beta2: f64) -> Self {
        let zeros = Array1::<f64>::zeros(2);
        let (m, v) = (zeros.clone(), zeros);
        ScratchMoments {
            beta1,
            beta2,
            m,
            v,
            b1t: 1.0,
            b2t: 1.0,
        }
    }

    /// One step's update with the gradient `g`: βᵗ, m ← β₁m + (1 − β₁)g,
    /// v ← β₂v + (1 − β₂)g²; returns the bias-corrected (m̂, v̂).
    pub fn update(&mut self, g: &Array1<f64>) -> (Array1<f64>, Array1<f64>) {
        let (beta1, beta2) = (self.beta1, self.beta2);
        self.b1t *= beta1;
        self.b2t *= beta2;
        self.m = beta1 * &self.m + (1.0 - beta1) * g;
        self.v = beta2 * &self.v + (1.0 - beta2) * (g * g);
        (&self.m / (1.0 - self.b1t), &self.v / (1.0 - self.b2t))
    }
}

/// Asserts that the rule cell's check passes: `mine` (θ after steps 1, 2, …)
/// agrees with the library's `trace` as `agreement` asks.
#[track_caller]
pub fn assert_rule_agrees<R>(mine: &[Array1<f64>], trace: &Trace<R>, agreement: Agreement) {
    let c = compare_with_trace(mine, trace, agreement);
    assert!(c.agrees(), "{c}");
}

/// Asserts that `mine`, run at other settings than `lesson`, parts from it at
/// step 1 (the check tells the settings apart).
#[track_caller]
pub fn assert_parts_at_first_step<R>(mine: &[Array1<f64>], lesson: &Trace<R>) {
    assert_eq!(
        compare_with_trace(mine, lesson, Agreement::Bits).parts_at,
        Some(1)
    );
}

/// Asserts that `trace` has a row per step of `mine` after θ₀, each θ within
/// `rel` of `mine`'s (relative, or absolute below 1).
#[track_caller]
pub fn assert_close_to_trace<R>(mine: &[Array1<f64>], trace: &Trace<R>, rel: f64) {
    assert_eq!(trace.rows.len(), mine.len() + 1);
    for (r, m) in trace.rows[1..].iter().zip(mine) {
        for (x, y) in r.theta.iter().zip(m) {
            let d = (x - y).abs();
            assert!(d <= rel * y.abs().max(1.0), "{d}: {x} against {y}");
        }
    }
}

/// (η, β₁, β₂, ε, θ₀, steps): the arguments of adam's, nadam's and amsgrad's
/// `scratch_trace`.
pub type AdamSettings = (f64, f64, f64, f64, [f64; 2], usize);

/// The settings the Adam family's rule checks run at, as `scratch_trace(η, β₁,
/// β₂, ε, θ₀, steps)` of adam, nadam and amsgrad takes them: the lesson's, two
/// others, and β₁ = 0 with ε = 0 and with ε > 0.
pub const ADAM_SETTINGS: [AdamSettings; 4] = [
    (0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5),
    (0.3, 0.5, 0.99, 1e-6, [2.0, 1.0], 9),
    (0.05, 0.0, 0.9, 0.0, [-1.0, 3.0], 3),
    (0.05, 0.0, 0.9, 1e-8, [-1.0, 3.0], 3),
];

/// Bad settings of the same `scratch_trace`, one knob at a time, each with the
/// knob its error must name (`""`: a non-finite θ₀, any error).
pub const ADAM_BAD_SETTINGS: [(AdamSettings, &str); 5] = [
    ((-0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], 5), "lr"),
    ((0.1, 1.0, 0.999, 1e-8, [-5.0, -2.0], 5), "beta1"),
    ((0.1, 0.9, 0.999, -1.0, [-5.0, -2.0], 5), "eps"),
    ((0.1, 0.9, 0.999, 1e-8, [-5.0, -2.0], usize::MAX), "steps"),
    ((0.1, 0.9, 0.999, 1e-8, [f64::NAN, -2.0], 5), ""),
];

/// An Adam-family rule from scratch agrees to the bit with the library's
/// `scratch_trace` at each of [`ADAM_SETTINGS`].
#[track_caller]
pub fn assert_adam_rule_follows_the_settings<R>(
    mine: impl Fn(AdamSettings) -> Vec<Array1<f64>>,
    library: impl Fn(f64, f64, f64, f64, [f64; 2], usize) -> Result<Trace<R>>,
) {
    for settings in ADAM_SETTINGS {
        let (eta, b1, b2, eps, start, steps) = settings;
        let trace = library(eta, b1, b2, eps, start, steps).unwrap();
        assert_rule_agrees(&mine(settings), &trace, Agreement::Bits);
    }
}

/// The library's Adam-family `scratch_trace` refuses each of
/// [`ADAM_BAD_SETTINGS`] with an error naming the knob.
#[track_caller]
pub fn assert_adam_refuses_bad_settings<R>(
    library: impl Fn(f64, f64, f64, f64, [f64; 2], usize) -> Result<Trace<R>>,
) {
    for ((eta, b1, b2, eps, start, steps), knob) in ADAM_BAD_SETTINGS {
        refused(library(eta, b1, b2, eps, start, steps), knob);
    }
}

/// The two rule-check tests of an Adam-family crate whose `scratch_trace` takes
/// [`AdamSettings`]: `adam_rule_tests!(from_scratch, scratch_trace);` writes
/// `scratch_trace_follows_the_settings` ([`assert_adam_rule_follows_the_settings`])
/// and `scratch_trace_refuses_bad_settings` ([`assert_adam_refuses_bad_settings`]).
#[macro_export]
macro_rules! adam_rule_tests {
    ($mine:expr, $library:expr) => {
        #[test]
        fn scratch_trace_follows_the_settings() {
            $crate::knobs::assert_adam_rule_follows_the_settings($mine, $library);
        }

        #[test]
        fn scratch_trace_refuses_bad_settings() {
            $crate::knobs::assert_adam_refuses_bad_settings($library);
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone)]
    struct Knob {
        x: f64,
    }

    impl Knob {
        fn shown(&self) -> Result<String> {
            if self.x < 0.0 {
                return Err(Error::Hyperparameter {
                    name: "x",
                    value: self.x,
                    accepts: "x ≥ 0",
                });
            }
            Ok(format!("{}", self.x))
        }
    }

    #[test]
    fn refused_passes_an_error_naming_the_knob() {
        refused(Knob { x: -1.0 }.shown(), "x");
        refused_hyperparameter(Knob { x: -1.0 }.shown(), "x");
        refuses!(Knob { x: 1.0 }; x = -1.0; shown => "x", x = -2.0; shown() => "");
    }

    #[test]
    #[should_panic(expected = "must be refused")]
    fn refused_fails_on_ok() {
        refused(Knob { x: 1.0 }.shown(), "x");
    }

    #[test]
    #[should_panic(expected = "must be refused")]
    fn refuses_fails_on_an_accepted_value() {
        refuses!(Knob { x: 1.0 }; x = -1.0; shown => "x", x = 2.0; shown => "x");
    }

    #[test]
    #[should_panic]
    fn refused_fails_on_an_error_naming_another_knob() {
        refused(Knob { x: -1.0 }.shown(), "y");
    }

    #[test]
    #[should_panic(expected = "expected the hyperparameter `y`")]
    fn refused_hyperparameter_fails_on_another_name() {
        refused_hyperparameter(Knob { x: -1.0 }.shown(), "y");
    }

    #[test]
    fn odd_knob_passes_refusals_and_finite_results() {
        odd_knob!(Knob { x: 1.0 }, x, |v: f64| v, [-1.0, 0.0, 1e300], [shown]);
    }

    #[test]
    #[should_panic]
    fn odd_knob_fails_on_a_shown_nan() {
        odd_knob!(Knob { x: 1.0 }, x, ODD, [shown]);
    }

    #[test]
    fn each_value_sets_each_value_once() {
        let mut seen = Vec::new();
        each_value(
            &Knob { x: 0.0 },
            [1.0, 2.0],
            |k, v| k.x = v,
            |k| seen.push(k.x),
        );
        assert_eq!(seen, [1.0, 2.0]);
        assert_eq!(odd_steps(10), [0, 1, 11, usize::MAX]);
    }

    #[test]
    fn scratch_run_returns_theta_after_each_step() {
        let run = scratch_run([1.0, 2.0], 2, |th| *th *= 2.0);
        assert_eq!(run, [ndarray::array![2.0, 4.0], ndarray::array![4.0, 8.0]]);
        assert_eq!(
            quadratic_gradient(&ndarray::array![1.0, 1.0]),
            ndarray::array![0.2, 4.0]
        );
    }
}
