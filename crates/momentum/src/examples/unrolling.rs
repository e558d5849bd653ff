//! Unrolling $v_1 \dots v_4$: the post's expansion in symbols ([`crate::unroll`]),
//! and the same sums evaluated on the gradients of a real run, beside the
//! recursion the optimizer computes.

use super::{fmt_point, post_momentum, POST_GAMMA};
use crate::unroll;
use crate::MomentumRecord;
use ndarray::Array1;
use optcore::measure::step_record;
use optcore::{
    reference_start, run_to_completion, Markdown, Optimizer, Quadratic, Result, Table, Trace,
};

/// $v_1 \dots v_{t_{\max}}$ unrolled symbolically ([`unroll::momentum`]), as the post
/// writes them, and the general term.
pub fn unrolled_equations(t_max: usize) -> Markdown {
    let mut s = String::from("With $g_t = \\eta\\nabla_{\\theta_t}J(\\theta_t)$ and $v_1 = g_1$, applying $v_t = \\gamma v_{t-1} + g_t$ to symbols:\n\n$$\n\\begin{aligned}\n");
    for t in 1..=t_max {
        let lhs = format!(
            "v_{}",
            if t < 10 {
                t.to_string()
            } else {
                format!("{{{t}}}")
            }
        );
        s.push_str(&format!("{lhs} &= {} \\\\\n", unroll::momentum(t).latex()));
    }
    s.push_str("v_t &= \\textstyle\\sum_{k=1}^{t} \\gamma^{t-k} g_k\n\\end{aligned}\n$$");
    Markdown::new(s)
}

/// One unrolled $v_t$ for any $t$, as display LaTeX.
pub fn unrolled_equation(t: usize) -> Markdown {
    let lhs = if t < 10 {
        format!("v_{t}")
    } else {
        format!("v_{{{t}}}")
    };
    Markdown::new(format!("$${}$$", unroll::momentum(t).equation(&lhs)))
}

/// Most steps [`UnrolledNumbers`] tables (each row writes out its whole sum).
pub const UNROLLED_MAX_STEPS: usize = 100;

/// The unrolled sums in numbers: a real run of the post's momentum on
/// $0.1x^2 + 2y^2$, its gradients $g_k = \eta\nabla J(\theta_k)$ put into
/// $\sum_k \gamma^{t-k} g_k$ beside the $v_t$ the optimizer computed.
#[derive(Clone, Debug, PartialEq)]
pub struct UnrolledNumbers {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// γ, in \[0, 1).
    pub gamma: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps, one row each: from 1 to [`UNROLLED_MAX_STEPS`].
    pub steps: usize,
}

impl UnrolledNumbers {
    /// The notebook's run: η = 0.1, the post's γ = 0.9, from (−5, −2), 6 steps.
    pub fn lesson() -> UnrolledNumbers {
        let s = reference_start();
        UnrolledNumbers {
            lr: super::SCRATCH_LR,
            gamma: POST_GAMMA,
            start: [s[0], s[1]],
            steps: super::SCRATCH_STEPS,
        }
    }

    /// The run whose gradients feed [`UnrolledNumbers::table`] (every knob checked
    /// first, with a typed error).
    pub fn run(&self) -> Result<Trace<MomentumRecord>> {
        if !(1..=UNROLLED_MAX_STEPS).contains(&self.steps) {
            return Err(optcore::Error::Hyperparameter {
                name: "steps",
                value: self.steps as f64,
                accepts: "a whole number from 1 to 100",
            });
        }
        run_to_completion(
            &post_momentum(self.lr, self.gamma)?,
            Quadratic::reference(),
            ndarray::ArrayView1::from(&self.start[..]),
            self.steps,
        )
    }

    /// The unrolled expansion $\sum_k \gamma^{t-k} g_k$ evaluated on the real
    /// gradients $g_k = \eta\nabla J(\theta_k)$ of [`UnrolledNumbers::run`], beside
    /// the recursive $v_t$ the optimizer computed.
    pub fn table(&self) -> Result<Table> {
        let tr = self.run()?;
        let opt = post_momentum(self.lr, self.gamma)?;
        let lr = opt.lr;
        let g: Vec<Array1<f64>> = tr.rows[1..]
            .iter()
            .map(|r| Ok(step_record(r)?.grad.mapv(|x| lr * x)))
            .collect::<Result<_>>()?;
        let mut t = Table::new(
            format!("vₜ two ways ({}, 0.1x² + 2y² from {}): the recursion of the optimizer vs the unrolled sum", opt.symbols(), fmt_point(&self.start)),
            &["t", "unrolled", "vₜ (x) recursive", "vₜ (x) unrolled", "difference", "vₜ (y) recursive", "vₜ (y) unrolled", "difference"],
        );
        for (i, row) in tr.rows[1..].iter().enumerate() {
            let step = i + 1;
            let expansion = unroll::momentum(step);
            let sum = expansion.apply(self.gamma, |k| g[k - 1].view());
            let v = &step_record(row)?.velocity;
            t.push(vec![
                step.into(),
                expansion.text().into(),
                v[0].into(),
                sum[0].into(),
                (v[0] - sum[0]).into(),
                v[1].into(),
                sum[1].into(),
                (v[1] - sum[1]).into(),
            ]);
        }
        Ok(t.with_note("gₖ = η∇J(θₖ) from the run; differences are rounding (the recursion rounds after each step, the sum after each power)"))
    }
}
