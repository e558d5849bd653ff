//! Checked exercises: a question whose right answer the library computes, the
//! typical wrong answers (each with why it is wrong), and a checker a student
//! passes their hand-computed answer to.
//!
//! ```
//! use optcore::exercise::{Exercise, Verdict};
//!
//! // v₂ of momentum with γ = 0.9, η = 0.1 and gradients g₁ = 2, g₂ = 1.
//! let (gamma, eta, g1, g2) = (0.9, 0.1, 2.0, 1.0);
//! let ex = Exercise::new("v₂ for g₁ = 2, g₂ = 1, γ = 0.9, η = 0.1", gamma * eta * g1 + eta * g2)
//!     .near_miss(gamma * g1 + g2, "η is missing: the post's v adds ηg, not g")
//!     .near_miss(eta * g2, "γv₁ is missing: the velocity remembers v₁");
//! assert_eq!(ex.check(0.28), Verdict::Right);
//! assert!(matches!(ex.check(2.8), Verdict::NearMiss { .. }));
//! assert!(ex.distinct().is_ok());
//! ```
//!
//! An answer counts as right within [`Exercise::rel_tol`] (default 5e-4, so four
//! significant digits, the precision a hand computation keeps). Every near miss
//! must lie farther than that from the answer and from each other
//! ([`Exercise::distinct`], which each section crate's tests call), so a verdict
//! is never ambiguous.

use crate::render::fmt_sig;
use std::fmt;

/// A slip a student typically makes, and the value it produces.
#[derive(Debug, Clone, PartialEq)]
pub struct NearMiss {
    pub value: Vec<f64>,
    pub why: String,
}

/// One question with a right answer (a number or a vector).
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The question, in Markdown.
    pub prompt: String,
    /// The right answer, computed by the library.
    pub answer: Vec<f64>,
    /// Typical wrong answers, each with its reason.
    pub near_misses: Vec<NearMiss>,
    /// Relative tolerance of a match (default 5e-4).
    pub rel_tol: f64,
}

/// What the checker says.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Right,
    /// A known slip: `why` says what went wrong.
    NearMiss {
        why: String,
    },
    /// Not the answer and no known slip.
    Wrong {
        hint: String,
    },
    /// An attempt with the wrong number of components.
    Shape {
        expected: usize,
        found: usize,
    },
    /// A from-scratch rule that agrees with the library (the message says how).
    Checked(String),
}

impl Verdict {
    pub fn is_right(&self) -> bool {
        matches!(self, Verdict::Right | Verdict::Checked(_))
    }
}

fn close(a: &[f64], b: &[f64], rel_tol: f64) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(&x, &y)| {
            x.is_finite() && (x - y).abs() <= rel_tol * y.abs().max(x.abs()).max(1e-12)
        })
}

fn show(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|&x| fmt_sig(x, 4)).collect();
    if parts.len() == 1 {
        parts[0].clone()
    } else {
        format!("({})", parts.join(", "))
    }
}

impl Exercise {
    /// A question whose right answer is `answer` (an `f64`, a `Vec<f64>` or an array).
    pub fn new(prompt: impl Into<String>, answer: impl Into<Answer>) -> Self {
        Exercise {
            prompt: prompt.into(),
            answer: answer.into().0,
            near_misses: Vec::new(),
            rel_tol: 5e-4,
        }
    }

    /// Adds a typical wrong answer and why it is wrong.
    pub fn near_miss(mut self, value: impl Into<Answer>, why: impl Into<String>) -> Self {
        self.near_misses.push(NearMiss {
            value: value.into().0,
            why: why.into(),
        });
        self
    }

    /// Checks an attempt: right, a named near miss, or wrong.
    pub fn check(&self, attempt: impl Into<Answer>) -> Verdict {
        let attempt = attempt.into().0;
        if attempt.len() != self.answer.len() {
            return Verdict::Shape {
                expected: self.answer.len(),
                found: attempt.len(),
            };
        }
        if close(&attempt, &self.answer, self.rel_tol) {
            return Verdict::Right;
        }
        if let Some(m) = self
            .near_misses
            .iter()
            .find(|m| close(&attempt, &m.value, self.rel_tol))
        {
            return Verdict::NearMiss { why: m.why.clone() };
        }
        let hint = if attempt
            .iter()
            .zip(&self.answer)
            .all(|(a, e)| a.signum() != e.signum() && close(&[-a], &[*e], self.rel_tol))
        {
            "the sign is wrong: a step goes against the gradient".to_string()
        } else {
            format!(
                "{} is not it, and not one of the usual slips; recompute step by step",
                show(&attempt)
            )
        };
        Verdict::Wrong { hint }
    }

    /// `Ok` if every near miss is told apart from the answer and from every other
    /// near miss (more than the tolerance away), and all values are finite.
    pub fn distinct(&self) -> Result<(), String> {
        let all: Vec<(&[f64], &str)> = std::iter::once((&self.answer[..], "the answer"))
            .chain(
                self.near_misses
                    .iter()
                    .map(|m| (&m.value[..], m.why.as_str())),
            )
            .collect();
        for (i, (a, wa)) in all.iter().enumerate() {
            if a.len() != self.answer.len() || a.iter().any(|x| !x.is_finite()) {
                return Err(format!(
                    "{}: {wa}: not {} finite numbers",
                    self.prompt,
                    self.answer.len()
                ));
            }
            for (b, wb) in &all[i + 1..] {
                if close(a, b, self.rel_tol) || close(b, a, self.rel_tol) {
                    return Err(format!(
                        "{}: '{wa}' and '{wb}' give the same value {}",
                        self.prompt,
                        show(a)
                    ));
                }
            }
        }
        Ok(())
    }

    /// What every exercise's test asserts: the checker accepts the answer and the
    /// answer rounded to four significant digits (what a student writes down),
    /// names every near miss as itself, has at least one near miss, and
    /// [`Exercise::distinct`] holds. `Err` says which part fails.
    pub fn self_check(&self) -> Result<(), String> {
        let fail = |what: String| Err(format!("{}: {what}", self.prompt));
        if self.check(self.answer.clone()) != Verdict::Right {
            return fail("the answer itself is not accepted".into());
        }
        let rounded: Vec<f64> = self
            .answer
            .iter()
            .map(|&x| fmt_sig(x, 4).parse().unwrap_or(f64::NAN))
            .collect();
        if self.check(rounded.clone()) != Verdict::Right {
            return fail(format!("the 4-digit answer {rounded:?} is not accepted"));
        }
        if self.near_misses.is_empty() {
            return fail("no near miss".into());
        }
        for m in &self.near_misses {
            let got = self.check(m.value.clone());
            if got != (Verdict::NearMiss { why: m.why.clone() }) {
                return fail(format!("the slip '{}' is answered {got}", m.why));
            }
        }
        self.distinct()
    }

    /// The answer, as the notebooks' answer section shows it (four significant digits).
    pub fn answer_text(&self) -> String {
        show(&self.answer)
    }

    /// The answer and every near miss with its reason, in Markdown.
    pub fn solution(&self) -> String {
        let mut s = format!("**{}** = {}", self.prompt, self.answer_text());
        for m in &self.near_misses {
            s.push_str(&format!("\n- {} would be: {}", show(&m.value), m.why));
        }
        s
    }
}

/// An answer: one number or several.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer(pub Vec<f64>);

impl From<f64> for Answer {
    fn from(x: f64) -> Self {
        Answer(vec![x])
    }
}
impl From<Vec<f64>> for Answer {
    fn from(v: Vec<f64>) -> Self {
        Answer(v)
    }
}
impl From<&[f64]> for Answer {
    fn from(v: &[f64]) -> Self {
        Answer(v.to_vec())
    }
}
impl<const N: usize> From<[f64; N]> for Answer {
    fn from(v: [f64; N]) -> Self {
        Answer(v.to_vec())
    }
}
impl From<ndarray::Array1<f64>> for Answer {
    fn from(v: ndarray::Array1<f64>) -> Self {
        Answer(v.to_vec())
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::Right => write!(f, "✓ right (맞았습니다)"),
            Verdict::Checked(message) => f.write_str(message),
            Verdict::NearMiss { why } => write!(f, "✗ not quite (아깝습니다): {why}"),
            Verdict::Wrong { hint } if hint.starts_with('✗') => f.write_str(hint),
            Verdict::Wrong { hint } => write!(f, "✗ wrong (틀렸습니다): {hint}"),
            Verdict::Shape { expected, found } => write!(
                f,
                "✗ give {expected} number{} (you gave {found})",
                if *expected == 1 { "" } else { "s" }
            ),
        }
    }
}

impl Verdict {
    /// The verdict as a coloured HTML box (green when right, orange otherwise).
    pub fn to_html(&self) -> String {
        let (bg, border) = if self.is_right() {
            ("#e9f7ef", "#009E73")
        } else {
            ("#fdf0e6", "#D55E00")
        };
        let text = crate::lang::tr(&self.to_string())
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        format!("<div style=\"background:{bg};border-left:4px solid {border};padding:6px 10px\">{text}</div>")
    }

    /// Shows the verdict in a notebook as a coloured box.
    pub fn evcxr_display(&self) {
        crate::lang::show("text/html", || self.to_html());
    }
}

/// How close a hand-written rule must come to the library's trace.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Agreement {
    /// Every θ equal to the last bit: the same operations in the same order.
    Bits,
    /// Within a relative difference, for a rule written in another (equally
    /// valid) order of operations; `why` says which.
    Within { rel: f64, why: &'static str },
}

/// The "Answers (정답)" section of a notebook: every exercise's
/// [`Exercise::solution`] (the answer and each slip), in order, as Markdown.
pub fn solutions(exercises: &[Exercise]) -> crate::render::Markdown {
    let parts: Vec<String> = exercises.iter().map(Exercise::solution).collect();
    crate::render::Markdown::new(parts.join("\n\n"))
}

/// The from-scratch check: θ₁, θ₂, … as the student's own code computed them,
/// beside the library's trace of the same run, and whether they agree.
#[derive(Debug, Clone, PartialEq)]
pub struct StepCheck {
    /// Every compared step with θ to [`crate::render::DIGITS`] significant
    /// digits: the text view (snapshots) and [`StepCheck::full`]'s.
    pub table: crate::render::Table,
    /// `None` if every step agrees; else the first step where they part.
    pub parts_at: Option<usize>,
    pub agreement: Agreement,
    pub steps: usize,
    /// θ after each compared step: (yours, the library's).
    thetas: Vec<(ndarray::Array1<f64>, ndarray::Array1<f64>)>,
    /// Significant digits of θ in the notebook view.
    shown_digits: usize,
}

/// Compares `mine` (θ after steps 1, 2, …, from the student's cell) with the
/// library's `trace` of the same run (its rows 1, 2, …).
pub fn compare_with_trace<R>(
    mine: &[ndarray::Array1<f64>],
    trace: &crate::trace::Trace<R>,
    agreement: Agreement,
) -> StepCheck {
    let mut thetas = Vec::new();
    let mut parts_at = None;
    let steps = mine.len().min(trace.rows.len().saturating_sub(1));
    if mine.len() != steps {
        parts_at = Some(steps + 1);
    }
    for (k, theta) in mine.iter().take(steps).enumerate() {
        let t = k + 1;
        let lib = &trace.rows[t].theta;
        let same = theta.len() == lib.len()
            && match agreement {
                Agreement::Bits => theta
                    .iter()
                    .zip(lib)
                    .all(|(a, b)| a.to_bits() == b.to_bits()),
                Agreement::Within { rel, .. } => theta
                    .iter()
                    .zip(lib)
                    .all(|(a, b)| (a - b).abs() <= rel * b.abs().max(1e-300)),
            };
        if !same && parts_at.is_none() {
            parts_at = Some(t);
        }
        thetas.push((theta.clone(), lib.clone()));
    }
    StepCheck {
        table: step_table(&thetas, crate::render::DIGITS),
        parts_at,
        agreement,
        steps,
        thetas,
        shown_digits: crate::render::SHOWN_DIGITS,
    }
}

/// The step-by-step table: t, both θ with `digits` significant digits, and the
/// largest difference of a coordinate.
fn step_table(
    thetas: &[(ndarray::Array1<f64>, ndarray::Array1<f64>)],
    digits: usize,
) -> crate::render::Table {
    let mut table = crate::render::Table::new(
        "your rule against the library, step by step",
        &["t", "your θ", "library θ", "max |difference|"],
    )
    .with_digits(digits);
    let vec = |v: &ndarray::Array1<f64>| {
        let p: Vec<String> = v.iter().map(|&x| fmt_sig(x, digits)).collect();
        format!("({})", p.join(", "))
    };
    for (k, (theta, lib)) in thetas.iter().enumerate() {
        let diff = if theta.len() == lib.len() {
            theta
                .iter()
                .zip(lib)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f64::max)
        } else {
            f64::INFINITY
        };
        table.push(vec![
            (k + 1).into(),
            vec(theta).into(),
            vec(lib).into(),
            diff.into(),
        ]);
    }
    if digits < crate::render::DIGITS {
        table = table.with_note(format!(
            "θ to {digits} significant digits; .full() on the check shows {}",
            crate::render::DIGITS
        ));
    }
    table
}

impl StepCheck {
    /// One line: agree (how) or where they part.
    pub fn verdict(&self) -> String {
        match (self.parts_at, self.agreement) {
            (None, Agreement::Bits) => format!(
                "✓ your rule and the library agree to the last bit at every one of the {} steps",
                self.steps
            ),
            (None, Agreement::Within { rel, why }) => format!(
                "✓ your rule and the library agree within {rel:e} relative at every one of the {} steps ({why})",
                self.steps
            ),
            (Some(t), _) => format!(
                "✗ your rule and the library part at step {t}: compare your update with the equation above"
            ),
        }
    }

    pub fn agrees(&self) -> bool {
        self.parts_at.is_none()
    }

    /// The same check shown with θ to every digit a snapshot holds
    /// ([`crate::render::DIGITS`]) instead of [`crate::render::SHOWN_DIGITS`].
    pub fn full(mut self) -> Self {
        self.shown_digits = crate::render::DIGITS;
        self
    }

    /// The table, then the verdict.
    /// The table, then the verdict box, as ONE HTML block: a notebook keeps only
    /// the last block of each MIME type a cell prints, so two blocks would lose the
    /// table.
    pub fn to_html(&self) -> String {
        format!(
            "{}\n{}",
            step_table(&self.thetas, self.shown_digits).to_html(),
            Verdict::from_check(self).to_html()
        )
    }

    /// Shows the step-by-step table and the verdict in a notebook.
    pub fn evcxr_display(&self) {
        crate::lang::show("text/html", || self.to_html());
    }
}

impl fmt::Display for StepCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.table, self.verdict())
    }
}

impl Verdict {
    fn from_check(c: &StepCheck) -> Verdict {
        if c.agrees() {
            Verdict::Checked(c.verdict())
        } else {
            Verdict::Wrong { hint: c.verdict() }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex() -> Exercise {
        Exercise::new("x", 0.28)
            .near_miss(2.8, "η missing")
            .near_miss(0.1, "γv missing")
    }

    #[test]
    fn right_within_four_digits_and_near_misses_named() {
        let e = ex();
        assert_eq!(e.check(0.28), Verdict::Right);
        assert_eq!(e.check(0.2801), Verdict::Right);
        assert!(!e.check(0.281).is_right());
        assert_eq!(
            e.check(2.8),
            Verdict::NearMiss {
                why: "η missing".into()
            }
        );
        assert!(matches!(e.check(-0.28), Verdict::Wrong { hint } if hint.contains("sign")));
        assert!(matches!(e.check(5.0), Verdict::Wrong { .. }));
        assert!(matches!(e.check(f64::NAN), Verdict::Wrong { .. }));
        assert_eq!(
            e.check(vec![1.0, 2.0]),
            Verdict::Shape {
                expected: 1,
                found: 2
            }
        );
        assert!(e.distinct().is_ok());
        assert!(e.self_check().is_ok());
        // A slip equal to the answer, or no slip at all, fails the self-check.
        assert!(ex().near_miss(0.28, "same").self_check().is_err());
        assert!(Exercise::new("bare", 1.0).self_check().is_err());
    }

    #[test]
    fn ambiguous_near_misses_are_caught() {
        let e = ex().near_miss(0.28, "same as the answer");
        assert!(e.distinct().unwrap_err().contains("same value"));
        let e = ex().near_miss(f64::INFINITY, "inf");
        assert!(e.distinct().is_err());
    }

    /// Gradient descent with η = 0.4, the smallest optimizer there is.
    #[derive(Debug, Clone)]
    struct Plain;
    #[derive(Debug, Clone)]
    struct Grad(crate::Staged);
    impl crate::Record for Grad {
        fn fields(&self) -> Vec<crate::Field> {
            Vec::new()
        }
    }
    impl crate::Optimizer for Plain {
        type State = Grad;
        type Record = Grad;
        fn name(&self) -> &'static str {
            "plain"
        }
        fn convention(&self) -> crate::Convention {
            crate::Convention::Paper
        }
        fn hyperparameters(&self) -> Vec<(&'static str, f64)> {
            vec![("lr", 0.4)]
        }
        fn validate(&self) -> crate::Result<()> {
            Ok(())
        }
        fn init(&self, theta: ndarray::ArrayView1<f64>) -> Grad {
            Grad(crate::Staged::zeros(theta.len()))
        }
        fn step(
            &self,
            s: &mut Grad,
            mut theta: ndarray::ArrayViewMut1<f64>,
            oracle: &mut dyn crate::Oracle,
        ) -> crate::Result<()> {
            s.0.eval(oracle, 1, theta.view())?;
            theta.zip_mut_with(&*s.0, |x, &g| *x -= 0.4 * g);
            Ok(())
        }
        fn record(&self, s: &Grad) -> Grad {
            s.clone()
        }
    }

    #[test]
    fn a_hand_written_rule_is_held_to_the_trace() {
        use crate::{reference_start, run, Quadratic};
        use ndarray::array;
        let opt = Plain;
        let trace = run(&opt, Quadratic::reference(), reference_start().view(), 3).unwrap();
        let mut theta = reference_start();
        let mut mine = Vec::new();
        for _ in 0..3 {
            let g = array![0.2 * theta[0], 4.0 * theta[1]];
            theta = &theta - &(0.4 * &g);
            mine.push(theta.clone());
        }
        let c = compare_with_trace(
            &mine,
            &trace,
            Agreement::Within {
                rel: 1e-15,
                why: "order",
            },
        );
        assert!(c.agrees(), "{c}");
        mine[1][0] += 1e-9;
        let c = compare_with_trace(&mine, &trace, Agreement::Bits);
        assert_eq!(c.parts_at, Some(2), "{c}");
        // One HTML block holds both the table and the verdict (a notebook keeps
        // only a cell's last block per MIME type).
        let html = c.to_html();
        assert!(html.ends_with(&Verdict::from_check(&c).to_html()), "{html}");
        // θ shown to SHOWN_DIGITS, with a note; `.full()` shows the text view's digits.
        let shown = step_table(&c.thetas, crate::render::SHOWN_DIGITS);
        assert!(html.starts_with(&shown.to_html()), "{html}");
        assert!(
            html.contains(&format!("(-4.600, {}", fmt_sig(mine[0][1], 4))),
            "{html}"
        );
        assert!(html.contains(".full() on the check"), "{html}");
        let full = c.clone().full().to_html();
        assert!(full.starts_with(&c.table.to_html()), "{full}");
        assert!(!full.contains(".full() on"), "{full}");
        let c = compare_with_trace(&mine[..1], &trace, Agreement::Bits);
        assert!(c.agrees() && c.steps == 1);
    }

    #[test]
    fn solutions_are_each_solution_in_order() {
        let a = Exercise::new("a", 1.0).near_miss(2.0, "doubled");
        let b = Exercise::new("b", 3.0);
        let md = solutions(&[a.clone(), b.clone()]).to_string();
        assert_eq!(md, format!("{}\n\n{}", a.solution(), b.solution()));
    }

    #[test]
    fn vectors() {
        let e = Exercise::new("G", [1.0, 4.0]).near_miss([1.0, 2.0], "forgot to square");
        assert!(e.check([1.0, 4.0]).is_right());
        assert!(matches!(e.check([1.0, 2.0]), Verdict::NearMiss { .. }));
        assert!(e.solution().contains("forgot to square"));
    }
}
