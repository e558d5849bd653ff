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
}

impl Verdict {
    pub fn is_right(&self) -> bool {
        matches!(self, Verdict::Right)
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
            Verdict::NearMiss { why } => write!(f, "✗ not quite (아깝습니다): {why}"),
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
    /// Shows the verdict in a notebook as a coloured box.
    pub fn evcxr_display(&self) {
        let (bg, border) = if self.is_right() {
            ("#e9f7ef", "#009E73")
        } else {
            ("#fdf0e6", "#D55E00")
        };
        let text = self
            .to_string()
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        println!(
            "EVCXR_BEGIN_CONTENT text/html\n<div style=\"background:{bg};border-left:4px solid {border};padding:6px 10px\">{text}</div>\nEVCXR_END_CONTENT"
        );
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
    }

    #[test]
    fn ambiguous_near_misses_are_caught() {
        let e = ex().near_miss(0.28, "same as the answer");
        assert!(e.distinct().unwrap_err().contains("same value"));
        let e = ex().near_miss(f64::INFINITY, "inf");
        assert!(e.distinct().is_err());
    }

    #[test]
    fn vectors() {
        let e = Exercise::new("G", [1.0, 4.0]).near_miss([1.0, 2.0], "forgot to square");
        assert!(e.check([1.0, 4.0]).is_right());
        assert!(matches!(e.check([1.0, 2.0]), Verdict::NearMiss { .. }));
        assert!(e.solution().contains("forgot to square"));
    }
}
