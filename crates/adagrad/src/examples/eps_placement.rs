//! Where ε goes: the post's $\eta/\sqrt{G + \epsilon}$ vs torch's
//! $\eta/(\sqrt G + \epsilon)$, torch's extra options, a zero denominator, and
//! refused hyperparameters.

use super::reference_optimizer;
use crate::Adagrad;
use ndarray::ArrayView1;
use optcore::error::{check_finite_point, check_nonempty, check_positive, check_steps};
use optcore::measure::step_record;
use optcore::render::fmt_short;
use optcore::MAX_LESSON_STEPS;
use optcore::{
    reference_start, run, run_to_completion, Convention, FnObjective, Optimizer, Quadratic, Result,
    Table,
};

/// The first step's rate for one parameter under both forms, for gradients and
/// ε where they agree and where they do not: $\eta/\sqrt{g^2+\epsilon}$ (post) vs
/// $\eta/(|g|+\epsilon)$ (torch).
#[derive(Clone, Debug, PartialEq)]
pub struct FirstStepForms {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// The gradients |g|, one block of rows each: numbers > 0 whose square is
    /// finite; at least one.
    pub gradients: Vec<f64>,
    /// The ε of each row of a block: finite numbers ≥ 0; at least one.
    pub epsilons: Vec<f64>,
}

impl FirstStepForms {
    /// The notebook's values: η = 0.01, |g| = 1 and 0.01, ε from 1e-10 to 0.1.
    pub fn lesson() -> FirstStepForms {
        FirstStepForms {
            lr: 0.01,
            gradients: vec![1.0, 0.01],
            epsilons: vec![1e-10, 1e-8, 1e-4, 0.1],
        }
    }

    /// One row per (|g|, ε): both rates and their ratio.
    pub fn table(&self) -> Result<Table> {
        check_nonempty("the list of gradients", &self.gradients)?;
        check_nonempty("the list of epsilons", &self.epsilons)?;
        for &g in &self.gradients {
            check_positive("gradients", g)?;
            if !(g * g).is_finite() {
                return Err(optcore::Error::Hyperparameter {
                    name: "gradients",
                    value: g,
                    accepts: "a number > 0 whose square is finite (below 1e154)",
                });
            }
        }
        let mut t = Table::new(
            format!(
                "first step, G₁ = g²: post η/√(G+ε) vs torch η/(√G+ε), η = {}",
                self.lr
            ),
            &["|g|", "ε", "post", "torch", "post / torch"],
        );
        for &g in &self.gradients {
            for &eps in &self.epsilons {
                let paper = Adagrad {
                    lr: self.lr,
                    eps,
                    ..Adagrad::defaults(Convention::Paper)
                }
                .validated()?;
                let torch = Adagrad {
                    convention: Convention::Pytorch,
                    ..paper
                };
                let (p, q) = (paper.effective_lr(1, g * g), torch.effective_lr(1, g * g));
                t.push(vec![
                    g.into(),
                    eps.into(),
                    p.into(),
                    q.into(),
                    (p / q).into(),
                ]);
            }
        }
        Ok(t.with_note("without ε both are η/|g|: the first step moves every parameter by exactly η, whatever its gradient"))
    }
}

/// torch's extra knobs on the reference case: `initial_accumulator_value` $G_0$
/// (the first step is no longer exactly η per parameter) and `lr_decay`.
#[derive(Clone, Debug, PartialEq)]
pub struct TorchOptions {
    /// torch's `lr`: a finite number > 0.
    pub lr: f64,
    /// torch's `eps` (added to the root): a finite number ≥ 0.
    pub eps: f64,
    /// `(lr_decay, G₀)` of each row: finite numbers ≥ 0; at least one row.
    pub options: Vec<(f64, f64)>,
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl TorchOptions {
    /// The notebook's values: η = 0.4 (the reference case's), torch's ε = 1e-10,
    /// `lr_decay` 0 or 0.1 and G₀ 0 or 1, from (−5, −2), 20 steps.
    pub fn lesson() -> TorchOptions {
        let s = reference_start();
        TorchOptions {
            lr: reference_optimizer().lr,
            eps: Adagrad::defaults(Convention::Pytorch).eps,
            options: vec![(0.0, 0.0), (0.0, 1.0), (0.1, 0.0), (0.1, 1.0)],
            start: [s[0], s[1]],
            steps: 20,
        }
    }

    /// One row per option pair: the first step's rates and where the run ends.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        check_nonempty("the list of options", &self.options)?;
        let steps = self.steps;
        let mut t = Table::new(
            format!(
                "torch.optim.Adagrad(lr={}, eps={}) on the quadratic, {steps} steps",
                fmt_short(self.lr),
                fmt_short(self.eps)
            ),
            &[
                "lr_decay",
                "G₀",
                "step-1 rate θ[0]",
                "step-1 rate θ[1]",
                "θ[0]",
                "θ[1]",
                "loss",
            ],
        );
        for &(lr_decay, g0) in &self.options {
            let opt = Adagrad {
                lr: self.lr,
                eps: self.eps,
                lr_decay,
                initial_accumulator_value: g0,
                ..Adagrad::defaults(Convention::Pytorch)
            }
            .validated()?;
            let tr = run_to_completion(
                &opt,
                Quadratic::reference(),
                ArrayView1::from(&self.start[..]),
                steps,
            )?;
            let first = step_record(&tr.rows[1])?.effective_lr.clone();
            let last = tr.last();
            t.push(vec![
                lr_decay.into(),
                g0.into(),
                first[0].into(),
                first[1].into(),
                last.theta[0].into(),
                last.theta[1].into(),
                last.loss.into(),
            ]);
        }
        Ok(t)
    }
}

/// ε = 0 and a parameter that has never seen a gradient: its rate is $\eta/0$ at
/// step 1, so the run stops there with an error naming ε (torch would write NaN
/// into θ); the table keeps the start row and says why it stopped.
#[derive(Clone, Debug, PartialEq)]
pub struct ZeroDenominator {
    /// torch's `lr`: a finite number > 0.
    pub lr: f64,
    /// torch's `eps`: a finite number ≥ 0 (0 is the case shown).
    pub eps: f64,
    /// The start θ₀ = (x, y) on $J = y^2$: finite.
    pub start: [f64; 2],
    /// Steps: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl ZeroDenominator {
    /// The notebook's values: η = 0.1, ε = 0, from (1, 1), 3 steps.
    pub fn lesson() -> ZeroDenominator {
        ZeroDenominator {
            lr: 0.1,
            eps: 0.0,
            start: [1.0, 1.0],
            steps: 3,
        }
    }

    /// The run on $J = y^2$ (x unused) as far as it goes.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let j = FnObjective::new(
            "J = y² (x unused)",
            2,
            |t| t[1] * t[1],
            |t, mut g| {
                g[0] = 0.0;
                g[1] = 2.0 * t[1];
            },
        );
        let opt = Adagrad {
            lr: self.lr,
            eps: self.eps,
            ..Adagrad::defaults(Convention::Pytorch)
        }
        .validated()?;
        Ok(run(&opt, &j, ArrayView1::from(&self.start[..]), self.steps)?.table())
    }
}

/// Bad hyperparameters and the typed error each one gets (θ is never touched).
pub fn refusals() -> Table {
    let mut t = Table::new(
        "refused hyperparameters",
        &["lr", "eps", "lr_decay", "G₀", "error"],
    );
    for (lr, eps, lr_decay, g0) in [
        (0.01, -1e-8, 0.0, 0.0),
        (0.0, 1e-10, 0.0, 0.0),
        (0.01, 1e-10, -0.5, 0.0),
        (0.01, 1e-10, 0.0, -1.0),
        (0.01, f64::NAN, 0.0, 0.0),
    ] {
        let msg = match (Adagrad {
            lr,
            eps,
            lr_decay,
            initial_accumulator_value: g0,
            ..Adagrad::defaults(Convention::Pytorch)
        })
        .validated()
        {
            Ok(_) => "accepted".to_string(),
            Err(e) => e.to_string(),
        };
        t.push(vec![
            lr.into(),
            eps.into(),
            lr_decay.into(),
            g0.into(),
            msg.into(),
        ]);
    }
    t
}
