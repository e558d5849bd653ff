//! Uncorrected vs corrected first steps: without the correction the first steps
//! are about three times too large, on a constant gradient and on the quadratic.

use crate::Adam;
use ndarray::array;
use ndarray::ArrayView1;
use optcore::error::{check_steps, Result};
use optcore::pieces::pow_int;
use optcore::render::fmt_point_minus;
use optcore::{run, Convention, Optimizer, Quadratic, Report, Slope, Table};
use plots::{Contour, Figure};

/// Adam with and without bias correction: the first steps on a constant
/// gradient and on the quadratic $0.1x^2 + 2y^2$ ([`BiasCorrection::table`]), and
/// both paths over the quadratic's contours ([`BiasCorrection::contour`]).
#[derive(Clone, Debug, PartialEq)]
pub struct BiasCorrection {
    /// The step size η of both runs (a finite number > 0).
    pub lr: f64,
    /// β₁, the decay of the first moment (in [0, 1)).
    pub beta1: f64,
    /// β₂, the decay of the second moment (in [0, 1)).
    pub beta2: f64,
    /// ε, added to the root (a finite number ≥ 0).
    pub eps: f64,
    /// θ₀ = (x, y) on the quadratic (finite).
    pub start: [f64; 2],
    /// Steps of the tables, one row each (1 to [`super::MAX_TABLE_STEPS`]).
    pub steps: usize,
    /// Steps drawn in the figure (1 to [`super::MAX_FIGURE_STEPS`]).
    pub contour_steps: usize,
}

impl BiasCorrection {
    /// The notebook's values: η = 0.1, Kingma & Ba's betas and ε, from (−5, −2),
    /// [`super::FIRST_STEPS`] rows and [`super::CONTOUR_STEPS`] drawn steps.
    pub fn lesson() -> BiasCorrection {
        BiasCorrection {
            lr: 0.1,
            beta1: 0.9,
            beta2: 0.999,
            eps: 1e-8,
            start: [-5.0, -2.0],
            steps: super::FIRST_STEPS,
            contour_steps: super::CONTOUR_STEPS,
        }
    }

    /// The corrected (Algorithm 1) and the uncorrected optimizer, checked.
    fn optimizers(&self) -> Result<(Adam, Adam)> {
        let corrected = Adam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        let uncorrected = Adam {
            bias_correction: false,
            ..corrected
        };
        Ok((corrected, uncorrected))
    }

    /// The first steps with and without bias correction. On a constant gradient the
    /// uncorrected step is $\eta\\,(1-\beta_1^t)/\sqrt{1-\beta_2^t}$: about 3.2η at
    /// $t = 1$ with the default betas, too large, not too small.
    pub fn table(&self) -> Result<Report> {
        let (corrected, uncorrected) = self.optimizers()?;
        check_steps(self.steps, super::MAX_TABLE_STEPS)?;
        let steps = self.steps;
        let start = ArrayView1::from(&self.start);
        let a = run(&corrected, Slope::new(1.0), array![0.0].view(), steps)?;
        let b = run(&uncorrected, Slope::new(1.0), array![0.0].view(), steps)?;
        let mut t1 = Table::new(
            format!(
                "constant gradient g = 1, η = {}: the step Δθₜ",
                corrected.lr
            ),
            &[
                "t",
                "corrected",
                "uncorrected",
                "uncorrected / corrected",
                "(1 − β₁ᵗ)/√(1 − β₂ᵗ)",
            ],
        );
        for (ra, rb) in a.rows.windows(2).zip(b.rows.windows(2)) {
            let t = ra[1].t;
            let (da, db) = (
                ra[1].theta[0] - ra[0].theta[0],
                rb[1].theta[0] - rb[0].theta[0],
            );
            let closed =
                (1.0 - pow_int(corrected.beta1, t)) / (1.0 - pow_int(corrected.beta2, t)).sqrt();
            t1.push(vec![
                t.into(),
                da.into(),
                db.into(),
                (db / da).into(),
                closed.into(),
            ]);
        }
        let qa = run(&corrected, Quadratic::reference(), start, steps)?;
        let qb = run(&uncorrected, Quadratic::reference(), start, steps)?;
        let mut t2 = Table::new(
            format!(
                "quadratic from {}, η = {}: θ and the loss",
                fmt_point_minus(&self.start),
                corrected.lr
            ),
            &[
                "t",
                "y corrected",
                "y uncorrected",
                "loss corrected",
                "loss uncorrected",
            ],
        );
        for (ra, rb) in qa.rows.iter().zip(&qb.rows) {
            t2.push(vec![
                ra.t.into(),
                ra.theta[1].into(),
                rb.theta[1].into(),
                ra.loss.into(),
                rb.loss.into(),
            ]);
        }
        Ok(Report::new()
            .text(
                "Without the correction the first step is $\\eta\\,m_1/\\sqrt{v_1} = \\eta\\,(1-\\beta_1)/\\sqrt{1-\\beta_2}$ \
                 times the gradient's sign: the second moment is biased far more (by $1-\\beta_2^t$, under a square \
                 root) than the first (by $1-\\beta_1^t$), so the uncorrected steps start about three times too large.",
            )
            .table(t1)
            .table(t2))
    }

    /// Both runs over the quadratic's contours, [`BiasCorrection::contour_steps`] steps.
    pub fn contour(&self) -> Result<Figure> {
        let (corrected, uncorrected) = self.optimizers()?;
        check_steps(self.contour_steps, super::MAX_FIGURE_STEPS)?;
        let steps = self.contour_steps;
        let start = ArrayView1::from(&self.start);
        let q = Quadratic::reference();
        let a = run(&corrected, &q, start, steps)?;
        let b = run(&uncorrected, &q, start, steps)?;
        Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
            .title(format!(
                "Adam on 0.1x² + 2y², η = {}, {steps} steps",
                corrected.lr
            ))
            .path("bias-corrected (Algorithm 1)", a.path2())
            .path("no bias correction", b.path2())
            .render()
    }
}
