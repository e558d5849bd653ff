//! # Unrolling a decaying recurrence into a weighted sum of gradients
//!
//! The post unrolls momentum by hand: with $g_t = \eta\nabla J(\theta_t)$ and
//! $v_1 = g_1$,
//! $$v_2 = g_2 + \gamma g_1,\quad v_3 = g_3 + \gamma g_2 + \gamma^2 g_1,\quad
//!   v_4 = g_4 + \gamma g_3 + \gamma^2 g_2 + \gamma^3 g_1 .$$
//! This module does that unrolling symbolically for any recurrence of the form
//! $$x_t = d\\,x_{t-1} + c\\,g_t,\qquad x_0 = 0
//!   \quad\Longrightarrow\quad x_t = c\sum_{k=1}^{t} d^{\\,t-k} g_k ,$$
//! where the decay $d$ and the input factor $c$ are polynomials in one named
//! scalar symbol. Momentum is $d = \gamma$, $c = 1$ (`momentum::unroll::momentum`);
//! Adam's first moment $m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t$ is $d = \beta_1$,
//! $c = 1 - \beta_1$; RMSprop's $E\[g^2\]_t$ is $d = \rho$, $c = 1-\rho$ with
//! $g_k^2$ as the "vectors". Every section that unrolls a decaying average uses
//! this one module.
//!
//! ## API
//! - [`Symbol`]: a named scalar, rendered as LaTeX (`\gamma`, `\beta_1`) and as
//!   Unicode text (`γ`, `β₁`): [`Symbol::gamma`], [`Symbol::beta`], [`Symbol::rho`],
//!   [`Symbol::new`].
//! - [`Poly`]: a polynomial $\sum_i a_i s^i$ with integer coefficients in the
//!   symbol $s$ (the symbol is supplied when rendering): [`Poly::one`],
//!   [`Poly::constant`], [`Poly::monomial`], [`Poly::symbol`], [`Poly::one_minus`],
//!   [`Poly::add`], [`Poly::mul`], [`Poly::pow`], [`Poly::eval`] (powers by
//!   repeated multiplication: exact and portable), [`Poly::latex`], [`Poly::text`].
//! - [`LinComb`]: $c\cdot\sum_k p_k(s)\\, g_k$, a common factor $c$ times a linear
//!   combination of indexed vectors $g_k$ (newest first), with
//!   [`LinComb::term`], [`LinComb::scaled`], [`LinComb::plus`],
//!   [`LinComb::distributed`] (factor multiplied into every coefficient),
//!   [`LinComb::weights`] (the numeric weight of each $g_k$ at a value of $s$),
//!   [`LinComb::apply`] (evaluate on real vectors), [`LinComb::latex`] /
//!   [`LinComb::equation`] and [`LinComb::text`].
//! - [`unroll`]: the recurrence above, unrolled by literally applying it $t$
//!   times to symbolic values.
//!
//! ```
//! use optcore::unroll::{unroll, Poly, Symbol};
//! // Momentum, v_t = γ v_{t−1} + g_t:
//! assert_eq!(
//!     unroll(&Symbol::gamma(), "g", &Poly::symbol(), &Poly::one(), 4).equation("v_4"),
//!     r"v_4 = g_4 + \gamma g_3 + \gamma^2 g_2 + \gamma^3 g_1"
//! );
//! // Adam's first moment, the factor (1 − β₁) kept outside the sum:
//! let b1 = Symbol::beta(1);
//! let m3 = unroll(&b1, "g", &Poly::symbol(), &Poly::one_minus(), 3);
//! assert_eq!(m3.latex(), r"(1 - \beta_1)(g_3 + \beta_1 g_2 + \beta_1^2 g_1)");
//! assert_eq!(m3.text(), "(1 − β₁)(g₃ + β₁g₂ + β₁²g₁)");
//! // …and evaluated: the weights of g₃, g₂, g₁ at β₁ = 0.5.
//! assert_eq!(m3.weights(0.5), vec![(3, 0.5), (2, 0.25), (1, 0.125)]);
//! ```

use crate::pieces::pow_int;
use crate::trace::sub;
use ndarray::{Array1, ArrayView1};

/// A named scalar symbol: how it is written in LaTeX and in Unicode text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    /// LaTeX, e.g. `\gamma`, `\beta_1`.
    pub latex: String,
    /// Unicode text, e.g. `γ`, `β₁`.
    pub text: String,
}

impl Symbol {
    pub fn new(latex: impl Into<String>, text: impl Into<String>) -> Self {
        Symbol {
            latex: latex.into(),
            text: text.into(),
        }
    }
    /// $\gamma$, the post's momentum coefficient.
    pub fn gamma() -> Self {
        Symbol::new(r"\gamma", "γ")
    }
    /// $\beta_i$ (Adam's $\beta_1$, $\beta_2$).
    pub fn beta(i: usize) -> Self {
        Symbol::new(
            format!(r"\beta_{}", braced(&i.to_string())),
            format!("β{}", sub(i)),
        )
    }
    /// $\rho$ (Adadelta, RMSprop).
    pub fn rho() -> Self {
        Symbol::new(r"\rho", "ρ")
    }
}

/// A polynomial $\sum_i a_i s^i$ with integer coefficients (`coeffs[i]` is $a_i$)
/// in a symbol $s$ given at rendering time. Trailing zero coefficients are
/// trimmed, so equal polynomials compare equal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poly {
    pub coeffs: Vec<i64>,
}

impl Poly {
    pub fn new(coeffs: Vec<i64>) -> Self {
        let mut p = Poly { coeffs };
        while p.coeffs.last() == Some(&0) {
            p.coeffs.pop();
        }
        p
    }
    pub fn zero() -> Self {
        Poly::new(vec![])
    }
    pub fn one() -> Self {
        Poly::constant(1)
    }
    pub fn constant(c: i64) -> Self {
        Poly::new(vec![c])
    }
    /// $c\\,s^p$.
    pub fn monomial(c: i64, p: usize) -> Self {
        let mut v = vec![0; p + 1];
        v[p] = c;
        Poly::new(v)
    }
    /// $s$ itself.
    pub fn symbol() -> Self {
        Poly::monomial(1, 1)
    }
    /// $1 - s$ (Adam's $1-\beta_1$, RMSprop's $1-\rho$).
    pub fn one_minus() -> Self {
        Poly::new(vec![1, -1])
    }
    pub fn is_zero(&self) -> bool {
        self.coeffs.is_empty()
    }
    pub fn is_one(&self) -> bool {
        self.coeffs == [1]
    }
    /// `Some((c, p))` if this is a single term $c\\,s^p$.
    pub fn as_monomial(&self) -> Option<(i64, usize)> {
        let nz: Vec<usize> = (0..self.coeffs.len())
            .filter(|&i| self.coeffs[i] != 0)
            .collect();
        match nz.as_slice() {
            [p] => Some((self.coeffs[*p], *p)),
            _ => None,
        }
    }
    pub fn add(&self, other: &Poly) -> Poly {
        let n = self.coeffs.len().max(other.coeffs.len());
        let at = |v: &Vec<i64>, i: usize| v.get(i).copied().unwrap_or(0);
        Poly::new(
            (0..n)
                .map(|i| at(&self.coeffs, i) + at(&other.coeffs, i))
                .collect(),
        )
    }
    pub fn mul(&self, other: &Poly) -> Poly {
        if self.is_zero() || other.is_zero() {
            return Poly::zero();
        }
        let mut v = vec![0; self.coeffs.len() + other.coeffs.len() - 1];
        for (i, a) in self.coeffs.iter().enumerate() {
            for (j, b) in other.coeffs.iter().enumerate() {
                v[i + j] += a * b;
            }
        }
        Poly::new(v)
    }
    /// $p^n$.
    pub fn pow(&self, n: usize) -> Poly {
        (0..n).fold(Poly::one(), |acc, _| acc.mul(self))
    }
    /// $\sum_i a_i x^i$, summed from $i = 0$ up, $x^i$ by repeated multiplication
    /// ([`pow_int`]), so a monomial $s^k$ evaluates to exactly `pow_int(x, k)`.
    pub fn eval(&self, x: f64) -> f64 {
        let mut s = 0.0;
        for (i, &a) in self.coeffs.iter().enumerate() {
            if a != 0 {
                s += a as f64 * pow_int(x, i);
            }
        }
        s
    }
    /// LaTeX in ascending powers: `1 - \gamma`, `\gamma^2`, `3\beta_1^{10}`.
    pub fn latex(&self, s: &Symbol) -> String {
        self.render(s, Style::Latex)
    }
    /// Unicode text: `1 − γ`, `γ²`, `3β₁¹⁰`.
    pub fn text(&self, s: &Symbol) -> String {
        self.render(s, Style::Text)
    }

    fn render(&self, s: &Symbol, style: Style) -> String {
        if self.is_zero() {
            return "0".into();
        }
        let mut out = String::new();
        for (i, &a) in self.coeffs.iter().enumerate() {
            if a == 0 {
                continue;
            }
            let body = monomial_body(a.unsigned_abs(), i, s, style);
            if out.is_empty() {
                if a < 0 {
                    out.push_str(style.minus_prefix());
                }
            } else {
                out.push_str(if a < 0 { style.minus() } else { " + " });
            }
            out.push_str(&body);
        }
        out
    }
}

/// `|c| s^p` without sign; `1` for `c = 1, p = 0`.
fn monomial_body(c: u64, p: usize, s: &Symbol, style: Style) -> String {
    let power = match p {
        0 => String::new(),
        1 => style.sym(s).to_string(),
        _ => match style {
            Style::Latex => format!("{}^{}", s.latex, braced(&p.to_string())),
            Style::Text => format!("{}{}", s.text, superscript(p)),
        },
    };
    match (c, p) {
        (_, 0) => c.to_string(),
        (1, _) => power,
        _ => format!("{c}{power}"),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Style {
    Latex,
    Text,
}

impl Style {
    fn sym(self, s: &Symbol) -> &str {
        match self {
            Style::Latex => &s.latex,
            Style::Text => &s.text,
        }
    }
    fn minus(self) -> &'static str {
        match self {
            Style::Latex => " - ",
            Style::Text => " − ",
        }
    }
    fn minus_prefix(self) -> &'static str {
        match self {
            Style::Latex => "-",
            Style::Text => "−",
        }
    }
}

/// One term $p_k(s)\\,g_k$ of a [`LinComb`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// $k$ in $g_k$.
    pub index: usize,
    pub coeff: Poly,
}

/// $c(s)\cdot\sum_k p_k(s)\\,g_k$: a common factor times a linear combination of
/// the indexed vectors $g_k$, terms ordered by index, newest (largest) first,
/// with no zero coefficients.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinComb {
    pub symbol: Symbol,
    /// The name of the vectors: `g` renders $g_k$.
    pub vector: String,
    /// The common factor $c(s)$ (1 for momentum, $1-\beta_1$ for Adam).
    pub factor: Poly,
    pub terms: Vec<Term>,
}

impl LinComb {
    /// The empty combination ($0$), factor 1.
    pub fn zero(symbol: &Symbol, vector: &str) -> Self {
        LinComb {
            symbol: symbol.clone(),
            vector: vector.into(),
            factor: Poly::one(),
            terms: Vec::new(),
        }
    }
    /// The single vector $g_k$.
    pub fn term(symbol: &Symbol, vector: &str, index: usize) -> Self {
        let mut l = LinComb::zero(symbol, vector);
        l.terms.push(Term {
            index,
            coeff: Poly::one(),
        });
        l
    }
    /// The same combination with common factor `factor` (replacing the old one).
    pub fn with_factor(mut self, factor: Poly) -> Self {
        self.factor = factor;
        self
    }
    /// Every coefficient multiplied by `p` (the factor is unchanged).
    pub fn scaled(&self, p: &Poly) -> Self {
        let mut l = self.clone();
        l.terms = self
            .terms
            .iter()
            .map(|t| Term {
                index: t.index,
                coeff: t.coeff.mul(p),
            })
            .filter(|t| !t.coeff.is_zero())
            .collect();
        l
    }
    /// The sum of two combinations over the same symbol and vectors. Their
    /// factors must be equal (distribute them first otherwise); the result keeps it.
    pub fn plus(&self, other: &LinComb) -> Self {
        assert_eq!(
            self.factor, other.factor,
            "LinComb::plus needs equal factors"
        );
        let mut l = self.clone();
        for t in &other.terms {
            match l.terms.iter_mut().find(|u| u.index == t.index) {
                Some(u) => u.coeff = u.coeff.add(&t.coeff),
                None => l.terms.push(t.clone()),
            }
        }
        l.terms.retain(|t| !t.coeff.is_zero());
        l.terms.sort_by_key(|t| std::cmp::Reverse(t.index));
        l
    }
    /// The factor multiplied into every coefficient, leaving factor 1:
    /// $(1-\beta)(g_2 + \beta g_1) \to (1 - \beta) g_2 + (\beta - \beta^2) g_1$.
    pub fn distributed(&self) -> Self {
        let f = self.factor.clone();
        self.clone().with_factor(Poly::one()).scaled(&f)
    }
    /// The numeric weight of each $g_k$ at $s = x$: `(k, c(x)·p_k(x))`, newest first.
    /// With factor 1 the weight is `p_k(x)` exactly.
    pub fn weights(&self, x: f64) -> Vec<(usize, f64)> {
        let c = self.factor.eval(x);
        self.terms
            .iter()
            .map(|t| {
                let w = t.coeff.eval(x);
                (t.index, if self.factor.is_one() { w } else { c * w })
            })
            .collect()
    }
    /// Evaluates the combination on real vectors: `g(k)` is $g_k$. The weighted
    /// vectors are summed in term order (newest first), as the LaTeX reads.
    pub fn apply<'a>(&self, x: f64, g: impl Fn(usize) -> ArrayView1<'a, f64>) -> Array1<f64> {
        let mut out: Option<Array1<f64>> = None;
        for (k, w) in self.weights(x) {
            let gk = g(k);
            match out.as_mut() {
                None => out = Some(gk.mapv(|v| w * v)),
                Some(o) => o.zip_mut_with(&gk, |a, &b| *a += w * b),
            }
        }
        out.unwrap_or_else(|| Array1::zeros(0))
    }
    /// The right-hand side in LaTeX: `g_4 + \gamma g_3 + \gamma^2 g_2`, or
    /// `(1 - \beta_1)(g_2 + \beta_1 g_1)` with a factor.
    pub fn latex(&self) -> String {
        self.render(Style::Latex)
    }
    /// `lhs = ` [`LinComb::latex`].
    pub fn equation(&self, lhs: &str) -> String {
        format!("{lhs} = {}", self.latex())
    }
    /// The right-hand side as Unicode text: `g₄ + γg₃ + γ²g₂ + γ³g₁`.
    pub fn text(&self) -> String {
        self.render(Style::Text)
    }

    fn render(&self, style: Style) -> String {
        let sum = self.render_sum(style);
        if self.factor.is_one() {
            return sum;
        }
        let f = self.factor.render(&self.symbol, style);
        let f = if self.factor.as_monomial().is_some() {
            f
        } else {
            format!("({f})")
        };
        if self.terms.len() == 1 && self.terms[0].coeff.is_one() {
            let sep = if style == Style::Latex { " " } else { "" };
            format!("{f}{sep}{sum}")
        } else {
            format!("{f}({sum})")
        }
    }

    fn render_sum(&self, style: Style) -> String {
        if self.terms.is_empty() {
            return "0".into();
        }
        let mut out = String::new();
        for (n, t) in self.terms.iter().enumerate() {
            let v = match style {
                Style::Latex => format!("{}_{}", self.vector, braced(&t.index.to_string())),
                Style::Text => format!("{}{}", self.vector, sub(t.index)),
            };
            let (neg, coeff) = match t.coeff.as_monomial() {
                Some((c, p)) => {
                    let body = if c.unsigned_abs() == 1 && p == 0 {
                        String::new()
                    } else {
                        monomial_body(c.unsigned_abs(), p, &self.symbol, style)
                    };
                    (c < 0, body)
                }
                None => (false, format!("({})", t.coeff.render(&self.symbol, style))),
            };
            if n == 0 {
                if neg {
                    out.push_str(style.minus_prefix());
                }
            } else {
                out.push_str(if neg { style.minus() } else { " + " });
            }
            out.push_str(&coeff);
            if !coeff.is_empty() && style == Style::Latex {
                out.push(' ');
            }
            out.push_str(&v);
        }
        out
    }
}

impl std::fmt::Display for LinComb {
    /// The LaTeX form.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.latex())
    }
}

/// Unrolls $x_t = d\\,x_{t-1} + c\\,g_t$, $x_0 = 0$, by applying the recurrence $t$
/// times to symbolic values: the result is $c\sum_{k=1}^t d^{\\,t-k} g_k$ with the
/// factor $c$ kept outside the sum.
pub fn unroll(symbol: &Symbol, vector: &str, decay: &Poly, input: &Poly, t: usize) -> LinComb {
    let mut x = LinComb::zero(symbol, vector);
    for k in 1..=t {
        x = x.scaled(decay).plus(&LinComb::term(symbol, vector, k));
    }
    x.with_factor(input.clone())
}

/// `x` if it is one character, else `{x}` (LaTeX sub/superscripts).
fn braced(x: &str) -> String {
    if x.chars().count() == 1 {
        x.to_string()
    } else {
        format!("{{{x}}}")
    }
}

/// Unicode superscript digits.
pub fn superscript(n: usize) -> String {
    const D: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|c| D[c.to_digit(10).unwrap() as usize])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    /// Momentum's instance, v_t = γ v_{t−1} + g_t (the momentum crate's `unroll::momentum`).
    fn momentum(t: usize) -> LinComb {
        unroll(&Symbol::gamma(), "g", &Poly::symbol(), &Poly::one(), t)
    }

    #[test]
    fn the_decay_powers_are_the_closed_form() {
        for t in 0..15 {
            let u = momentum(t);
            assert_eq!(u.terms.len(), t);
            for term in &u.terms {
                assert_eq!(term.coeff, Poly::monomial(1, t - term.index));
            }
        }
        assert_eq!(momentum(0).latex(), "0");
        assert_eq!(
            momentum(12).latex().split(" + ").last(),
            Some(r"\gamma^{11} g_1")
        );
    }

    #[test]
    fn adam_style_factor_and_distribution() {
        let b = Symbol::beta(1);
        let m = unroll(&b, "g", &Poly::symbol(), &Poly::one_minus(), 2);
        assert_eq!(m.latex(), r"(1 - \beta_1)(g_2 + \beta_1 g_1)");
        assert_eq!(
            m.distributed().latex(),
            r"(1 - \beta_1) g_2 + (\beta_1 - \beta_1^2) g_1"
        );
        assert_eq!(
            unroll(&b, "g", &Poly::symbol(), &Poly::one_minus(), 1).latex(),
            r"(1 - \beta_1) g_1"
        );
        assert_eq!(Poly::one_minus().text(&Symbol::rho()), "1 − ρ");
        assert_eq!(
            Poly::new(vec![0, -2, 0, 1]).latex(&Symbol::gamma()),
            r"-2\gamma + \gamma^3"
        );
        assert_eq!(Symbol::beta(12).latex, r"\beta_{12}");
    }

    #[test]
    fn evaluation_on_vectors() {
        let gs = [array![1.0, 2.0], array![10.0, 20.0], array![100.0, 200.0]];
        let v3 = momentum(3).apply(0.5, |k| gs[k - 1].view());
        assert_eq!(v3, array![100.0 + 5.0 + 0.25, 200.0 + 10.0 + 0.5]);
        let w: f64 = momentum(3).weights(0.5).iter().map(|(_, w)| w).sum();
        assert_eq!(w, 1.75);
        let m = unroll(
            &Symbol::beta(1),
            "g",
            &Poly::symbol(),
            &Poly::one_minus(),
            2,
        );
        assert_eq!(m.weights(0.75), vec![(2, 0.25), (1, 0.25 * 0.75)]);
    }
}
