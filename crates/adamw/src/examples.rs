//! The worked examples `notebooks/12-after-nadam.ipynb` shows for AdamW; each
//! returns a value that renders itself, and `tests/snapshots.rs` pins its text.

use crate::AdamW;
use adam::Adam;
use ndarray::ArrayView1;
use optcore::error::{check_non_negative, check_steps, Result};
use optcore::render::{fmt_sig, table_steps};
use optcore::{run_to_completion, Convention, Optimizer, Quadratic, Report, Table, Trace};

/// η of [`AdamwVsL2::lesson`].
pub const L2_LR: f64 = 0.05;
/// λ of [`AdamwVsL2::lesson`].
pub const L2_LAMBDA: f64 = 0.1;
/// Steps of [`AdamwVsL2::lesson`].
pub const L2_STEPS: usize = 200;
/// The steps [`AdamwVsL2::table`] tabulates.
pub const L2_SHOWN: [usize; 8] = [1, 2, 5, 10, 20, 50, 100, 200];

/// $J(\theta) + \frac{\lambda}{2}\lVert\theta\rVert^2$ for the reference quadratic
/// $J = \sum_i c_i\theta_i^2$: a quadratic again, with $c_i + \lambda/2$.
pub fn with_l2(lambda: f64) -> Quadratic {
    let j = Quadratic::reference();
    Quadratic {
        coeffs: j.coeffs.mapv(|c| c + lambda / 2.0),
    }
}

/// The two optimizers [`AdamwVsL2`] compares, under the `paper` convention:
/// Adam (η) on $J + \frac{\lambda}{2}\lVert\theta\rVert^2$, and AdamW (η, decay
/// ηλ per step: Loshchilov & Hutter's λ is `eta * lambda`, torch's
/// `weight_decay` would be `lambda`) on $J$. With plain SGD the two would be one
/// method.
pub fn l2_pair(eta: f64, lambda: f64) -> Result<(Adam, AdamW)> {
    let adam = Adam {
        lr: eta,
        ..Adam::defaults(Convention::Paper)
    }
    .validated()?;
    let adamw = AdamW {
        lr: eta,
        weight_decay: eta * lambda,
        ..AdamW::defaults(Convention::Paper)
    }
    .validated()?;
    Ok((adam, adamw))
}

/// AdamW against Adam with L2 on the quadratic $0.1x^2 + 2y^2$, per coordinate:
/// Adam (η) on $J + \frac{\lambda}{2}\lVert\theta\rVert^2$ and AdamW (η, decay
/// ηλ per step) on $J$ ([`AdamwVsL2::table`], [`AdamwVsL2::contour`]), and AdamW's
/// two conventions with the same decay per step ([`AdamwVsL2::conventions`]).
///
/// The L2 gradient $\lambda\theta$ goes through Adam's $m_t$ and is divided by
/// $\sqrt{\hat v_t} + \epsilon$, so with θ changing slowly it removes about
/// $\eta\lambda/(\sqrt{\hat v_t} + \epsilon)$ of θ per step: a different fraction
/// in each coordinate, largest where the gradients are smallest. AdamW removes
/// $\eta\lambda$ of θ per step in every coordinate.
#[derive(Clone, Debug, PartialEq)]
pub struct AdamwVsL2 {
    /// The step size η of both (a finite number > 0).
    pub lr: f64,
    /// λ, the L2 coefficient; AdamW's decay per step is ηλ (a finite number ≥ 0).
    pub lambda: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps of both runs (1 to [`MAX_STEPS`]).
    pub steps: usize,
}

/// Most steps of [`AdamwVsL2`]'s runs.
pub const MAX_STEPS: usize = 10_000;

impl AdamwVsL2 {
    /// The notebook's values: η = [`L2_LR`], λ = [`L2_LAMBDA`], from (−5, −2),
    /// [`L2_STEPS`] steps.
    pub fn lesson() -> AdamwVsL2 {
        AdamwVsL2 {
            lr: L2_LR,
            lambda: L2_LAMBDA,
            start: [-5.0, -2.0],
            steps: L2_STEPS,
        }
    }

    /// The two optimizers, under the `paper` convention: Adam (η), and AdamW (η,
    /// decay ηλ per step: Loshchilov & Hutter's λ is `lr * lambda`, torch's
    /// `weight_decay` would be `lambda`). With plain SGD the two would be one
    /// method. Every knob is checked here.
    fn pair(&self) -> Result<(Adam, AdamW)> {
        check_non_negative("lambda", self.lambda)?;
        check_steps(self.steps, MAX_STEPS)?;
        l2_pair(self.lr, self.lambda)
    }

    /// Both iterates and both decay fractions at a few steps.
    pub fn table(&self) -> Result<Report> {
        let (adam, adamw) = self.pair()?;
        let start = ArrayView1::from(&self.start);
        let l2 = run_to_completion(&adam, with_l2(self.lambda), start, self.steps)?;
        let w = run_to_completion(&adamw, Quadratic::reference(), start, self.steps)?;
        let shown = table_steps(&L2_SHOWN, self.steps);
        let mut table = Table::new(
            format!(
                "Adam on J + (λ/2)‖θ‖² vs AdamW on J, η = {}, λ = {} (AdamW's decay ηλ = {} per step)",
                self.lr,
                self.lambda,
                fmt_sig(adamw.weight_decay, 4)
            ),
            &[
                "t",
                "θ[0] Adam+L2",
                "θ[0] AdamW",
                "θ[1] Adam+L2",
                "θ[1] AdamW",
                "L2 decay/step θ[0]",
                "L2 decay/step θ[1]",
                "AdamW decay/step",
            ],
        );
        for t in shown {
            let (a, b) = (&l2.rows[t], &w.rows[t]);
            let r = a.record.as_ref().expect("a step row has its record");
            let frac = |i: usize| self.lr * self.lambda / (r.v_hat[i].sqrt() + adam.eps);
            let rw = b.record.as_ref().expect("a step row has its record");
            // AdamW's record holds the decay it took off: λθₜ₋₁ = (ηλ)θₜ₋₁.
            let wfrac = rw.decay[0] / w.rows[t - 1].theta[0];
            table.push(vec![
                t.into(),
                a.theta[0].into(),
                b.theta[0].into(),
                a.theta[1].into(),
                b.theta[1].into(),
                frac(0).into(),
                frac(1).into(),
                wfrac.into(),
            ]);
        }
        let last = l2.rows[self.steps].record.as_ref().expect("record");
        let ratio = (last.v_hat[1].sqrt() + adam.eps) / (last.v_hat[0].sqrt() + adam.eps);
        Ok(Report::new()
            .text(format!(
                "L2 through Adam: the decay gradient $\\lambda\\theta$ is divided by $\\sqrt{{\\hat v_t}}+\\epsilon$ \
                 like every gradient, so it removes about $\\eta\\lambda/(\\sqrt{{\\hat v_t}}+\\epsilon)$ of θ per step \
                 (θ changing slowly). AdamW removes $\\eta\\lambda$ = {} of θ per step in every coordinate. \
                 After {} steps the L2 decay of θ[0] is {} times that of θ[1]: the coordinate with the steep \
                 gradient (θ[1], $c = 2$) is regularised less.",
                fmt_sig(adamw.weight_decay, 4),
                self.steps,
                fmt_sig(ratio, 3)
            ))
            .table(table))
    }

    /// The two runs: Adam on $J + \frac{\lambda}{2}\lVert\theta\rVert^2$ and AdamW on $J$.
    pub fn runs(&self) -> Result<(Trace<adam::AdamRecord>, Trace<crate::AdamWRecord>)> {
        let (adam, adamw) = self.pair()?;
        let start = ArrayView1::from(&self.start);
        let l2 = run_to_completion(&adam, with_l2(self.lambda), start, self.steps)?;
        let w = run_to_completion(&adamw, Quadratic::reference(), start, self.steps)?;
        Ok((l2, w))
    }

    /// The two runs over the contours of $J$ (the quadratic).
    pub fn contour(&self) -> Result<plots::Figure> {
        let (l2, w) = self.runs()?;
        let q = Quadratic::reference();
        plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0))
            .title(format!(
                "Adam + L2 vs AdamW on 0.1x² + 2y², η = {}, λ = {}, {} steps",
                self.lr, self.lambda, self.steps
            ))
            .path("Adam on J + (λ/2)‖θ‖²", l2.path2())
            .path("AdamW on J", w.path2())
            .render()
    }

    /// The `paper` and `pytorch` conventions with the same per-step decay: `paper`
    /// with ηλ, `pytorch` with `weight_decay` = λ. The two differ only in
    /// rounding (and in the order: torch decays θ before the Adam step, the paper
    /// subtracts both from θₜ₋₁, which is the same sum): their largest relative
    /// difference in θ over `steps` steps.
    pub fn conventions(&self) -> Result<Table> {
        self.pair()?;
        let paper = AdamW {
            lr: self.lr,
            weight_decay: self.lr * self.lambda,
            ..AdamW::defaults(Convention::Paper)
        }
        .validated()?;
        let torch = AdamW {
            lr: self.lr,
            weight_decay: self.lambda,
            ..AdamW::defaults(Convention::Pytorch)
        }
        .validated()?;
        let start = ArrayView1::from(&self.start);
        let a = run_to_completion(&paper, Quadratic::reference(), start, self.steps)?;
        let b = run_to_completion(&torch, Quadratic::reference(), start, self.steps)?;
        let mut worst: f64 = 0.0;
        for (x, y) in a.rows.iter().zip(&b.rows) {
            for i in 0..2 {
                worst = worst.max(optcore::reference::rel_diff(x.theta[i], y.theta[i]));
            }
        }
        let mut t = Table::new(
            "AdamW paper (λ) vs pytorch (weight_decay = λ/η), same decay per step",
            &[
                "convention",
                "λ as given",
                "decay per step",
                "θ[0] at the end",
                "θ[1] at the end",
            ],
        );
        t.push(vec![
            "paper".into(),
            paper.weight_decay.into(),
            paper.weight_decay.into(),
            a.last().theta[0].into(),
            a.last().theta[1].into(),
        ]);
        t.push(vec![
            "pytorch".into(),
            torch.weight_decay.into(),
            (torch.lr * torch.weight_decay).into(),
            b.last().theta[0].into(),
            b.last().theta[1].into(),
        ]);
        Ok(t.with_note(format!(
            "largest relative difference in θ over {} steps: {}",
            self.steps,
            optcore::render::fmt_sig(worst, 4)
        )))
    }
}

/// The `pytorch` convention against torch.optim.AdamW on every reference case
/// ([`optcore::reference::agreement`]).
pub fn torch_check() -> Result<Table> {
    optcore::reference::agreement::<AdamW>()
}

/// The run the notebook's from-scratch rule is checked against, at the student's
/// settings: Loshchilov & Hutter's Algorithm 2 (`paper`) with step size `eta`,
/// `beta1`, `beta2`, `eps` and the decay per step `weight_decay` (λ), on the
/// quadratic $0.1x^2 + 2y^2$ from `theta0`, `steps` steps.
/// `optcore::exercise::compare_with_trace` holds the student's rule against it, so
/// a changed setting is compared like for like; settings the optimizer refuses
/// and more than [`optcore::MAX_TRACE_STEPS`] steps are typed errors.
pub fn scratch_trace(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    weight_decay: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<crate::AdamWRecord>> {
    let opt = AdamW {
        lr: eta,
        beta1,
        beta2,
        eps,
        weight_decay,
        ..AdamW::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0),
        steps,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::array;

    /// With SGD, L2 and decoupled decay are the same method: the gradient of
    /// J + (λ/2)‖θ‖² is ∇J + λθ, and η(∇J + λθ) = η∇J + ηλθ. The quadratic with
    /// L2 is the quadratic with c + λ/2.
    #[test]
    fn with_l2_adds_lambda_theta_to_the_gradient() {
        let theta = array![1.5, -2.0];
        let g = optcore::Objective::gradient(&with_l2(0.5), theta.view());
        let g0 = optcore::Objective::gradient(&Quadratic::reference(), theta.view());
        let expected = g0 + 0.5 * &theta;
        assert!(
            (&g - &expected).iter().all(|d| d.abs() < 1e-15),
            "{g} vs {expected}"
        );
    }
}
