//! # The post's unrolling of $v_t$
//!
//! With $g_t = \eta\nabla J(\theta_t)$ and $v_1 = g_1$ the post writes
//! $$v_2 = g_2 + \gamma g_1,\quad v_3 = g_3 + \gamma g_2 + \gamma^2 g_1,\quad
//!   v_4 = g_4 + \gamma g_3 + \gamma^2 g_2 + \gamma^3 g_1 .$$
//! [`momentum`] produces these by applying $v_t = \gamma v_{t-1} + g_t$ to
//! symbols $t$ times. The symbolic machinery ([`Symbol`], [`Poly`], [`LinComb`],
//! [`unroll`]) is `optcore::unroll`, re-exported here; it unrolls any decaying
//! average $x_t = d\\,x_{t-1} + c\\,g_t$ (Adam's $m_t$, RMSprop's $E\[g^2\]_t$ too).
//!
//! ```
//! use momentum::unroll;
//! assert_eq!(
//!     unroll::momentum(4).equation("v_4"),
//!     r"v_4 = g_4 + \gamma g_3 + \gamma^2 g_2 + \gamma^3 g_1"
//! );
//! assert_eq!(unroll::momentum(3).weights(0.5), vec![(3, 1.0), (2, 0.5), (1, 0.25)]);
//! ```

pub use optcore::unroll::*;

/// The post's momentum unrolling: $v_t = \gamma v_{t-1} + g_t$, $v_0 = 0$
/// (so $v_1 = g_1$), i.e. $v_t = \sum_{k=1}^t \gamma^{t-k} g_k$.
pub fn momentum(t: usize) -> LinComb {
    unroll(&Symbol::gamma(), "g", &Poly::symbol(), &Poly::one(), t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    #[test]
    fn the_posts_four_lines() {
        let lines: Vec<String> = (1..=4)
            .map(|t| momentum(t).equation(&format!("v_{t}")))
            .collect();
        assert_eq!(
            lines,
            [
                "v_1 = g_1",
                r"v_2 = g_2 + \gamma g_1",
                r"v_3 = g_3 + \gamma g_2 + \gamma^2 g_1",
                r"v_4 = g_4 + \gamma g_3 + \gamma^2 g_2 + \gamma^3 g_1",
            ]
        );
        assert_eq!(momentum(4).text(), "g₄ + γg₃ + γ²g₂ + γ³g₁");
        assert_eq!(momentum(0).latex(), "0");
    }

    #[test]
    fn unrolling_matches_the_closed_form() {
        for t in 0..15 {
            let u = momentum(t);
            assert_eq!(u.terms.len(), t);
            for term in &u.terms {
                assert_eq!(term.coeff, Poly::monomial(1, t - term.index));
            }
        }
        assert_eq!(
            momentum(12).latex().split(" + ").last(),
            Some(r"\gamma^{11} g_1")
        );
        assert!(momentum(12).latex().starts_with(r"g_{12} + \gamma g_{11}"));
    }

    #[test]
    fn evaluation_on_vectors() {
        let gs = [array![1.0, 2.0], array![10.0, 20.0], array![100.0, 200.0]];
        let v3 = momentum(3).apply(0.5, |k| gs[k - 1].view());
        assert_eq!(v3, array![100.0 + 5.0 + 0.25, 200.0 + 10.0 + 0.5]);
        let w: f64 = momentum(3).weights(0.5).iter().map(|(_, w)| w).sum();
        assert_eq!(w, 1.75);
    }
}
