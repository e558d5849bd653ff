//! The worked examples `notebooks/07-rmsprop.ipynb` shows; each returns a value
//! that renders itself, and `tests/snapshots.rs` pins its text.
//!
//! Each experiment of the notebook is a struct with one pub field per knob,
//! written out in its cell at the values of its `lesson()`: [`FirstSteps`],
//! [`VsAdagrad`], [`FirstHalf`], [`EpsPlacement`], [`Variants`]. Their methods
//! check every knob first and refuse a bad one with a typed error naming it.

use crate::Rmsprop;
use ndarray::{array, Array1, ArrayView1};
use optcore::error::{check_finite_point, check_positive, check_steps, Error, Result};
use optcore::measure::step_record;
use optcore::render::fmt_minus;
use optcore::{
    fmt_num, reference_start, run, run_to_completion, Convention, Objective, Optimizer, Quadratic,
    Report, Rosenbrock, Slope, Table, Trace,
};

pub use optcore::MAX_LESSON_STEPS;

/// A gradient size |g| of a lesson's slope: > 0 and with a finite square
/// (else $E\[g^2\]$ is infinite and the step 0/0), or a typed error naming `name`.
fn check_gradient(name: &'static str, g: f64) -> Result<()> {
    check_positive(name, g)?;
    if (g * g).is_finite() {
        Ok(())
    } else {
        Err(Error::Hyperparameter {
            name,
            value: g,
            accepts: "a number > 0 whose square is finite (below 1e154)",
        })
    }
}

/// The paper's RMSprop (ε inside the root) at η, ρ, ε, checked.
fn paper_rmsprop(lr: f64, rho: f64, eps: f64) -> Result<Rmsprop> {
    Rmsprop {
        lr,
        rho,
        eps,
        ..Rmsprop::defaults(Convention::Paper)
    }
    .validated()
}

/// Steps of [`Variants::lesson`].
pub const VARIANT_STEPS: usize = 200;
/// η and steps of the Adagrad comparison ([`VsAdagrad::lesson`]).
pub const VS_ADAGRAD_LR: f64 = 0.1;
pub const VS_ADAGRAD_STEPS: usize = 200;

/// Rosenbrock's classic start $(-1.2, 1)$.
pub fn rosenbrock_start() -> Array1<f64> {
    array![-1.2, 1.0]
}

/// The first steps of the paper's RMSprop on $0.1x^2 + 2y^2$, every quantity of
/// the update in its column.
#[derive(Clone, Debug, PartialEq)]
pub struct FirstSteps {
    /// The learning rate η: a finite number > 0.
    pub lr: f64,
    /// The decay ρ of $E\[g^2\]$: in \[0, 1).
    pub rho: f64,
    /// ε inside the root: a finite number ≥ 0.
    pub eps: f64,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// How many steps: from 1 to [`MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl FirstSteps {
    /// The notebook's values: η = 0.1 (larger than Ruder's suggested 0.001, so the steps
    /// show), ρ = 0.9, ε = 1e-8, from (−5, −2), 5 steps.
    pub fn lesson() -> FirstSteps {
        let s = reference_start();
        FirstSteps {
            lr: 0.1,
            rho: 0.9,
            eps: 1e-8,
            start: [s[0], s[1]],
            steps: 5,
        }
    }

    /// The run, every step in a table, with the first step's size explained.
    pub fn report(&self) -> Result<Report> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let opt = paper_rmsprop(self.lr, self.rho, self.eps)?;
        let tr = run_to_completion(
            &opt,
            Quadratic::reference(),
            ArrayView1::from(&self.start[..]),
            self.steps,
        )?;
        let jump = 1.0 / (1.0 - opt.rho).sqrt();
        let g1 = &step_record(&tr.rows[1])?.grad;
        Ok(Report::new()
            .text(format!(
                "RMSprop, paper convention (η = {}, ρ = {}, ε = {:e}), on $J = 0.1x^2 + 2y^2$ from $({}, {})$. \
                 Columns: $g_t$, $E[g^2]_t = \\rho E[g^2]_{{t-1}} + (1-\\rho)g_t^2$, \
                 $d = \\sqrt{{E[g^2]_t + \\epsilon}}$, the effective rate $\\eta/d$, and $\\theta_t$.",
                opt.lr,
                opt.rho,
                opt.eps,
                self.start[0],
                self.start[1]
            ))
            .table(tr.table())
            .text(format!(
                "At $t = 1$, $E[g^2]_1 = (1-\\rho)g_1^2$, so every coordinate moves by \
                 $\\eta/\\sqrt{{1-\\rho}} = {}\\,\\eta$ whatever the size of its gradient: \
                 $x$ (gradient {}) and $y$ (gradient {}) both move by about {}. The step is \
                 scaled per coordinate by the gradient's own recent size.",
                fmt_num(jump),
                fmt_minus(g1[0]),
                fmt_minus(g1[1]),
                fmt_num(tr.rows[1].theta[0] - tr.rows[0].theta[0])
            )))
    }
}

/// The first step $\Delta\theta_1$ with ε inside the root (`paper`) and added to
/// it (`pytorch`), same η, ρ, ε, on slopes of decreasing gradient $|g|$: with ε
/// inside, ε = 1e-8 acts like 1e-4 outside.
#[derive(Clone, Debug, PartialEq)]
pub struct EpsPlacement {
    /// The learning rate η of both forms: a finite number > 0.
    pub lr: f64,
    /// The decay ρ of both forms: in \[0, 1).
    pub rho: f64,
    /// ε of both forms: a finite number ≥ 0.
    pub eps: f64,
    /// The gradients |g| of the slopes, one row each: numbers > 0 whose square is
    /// finite; at least one.
    pub gradients: Vec<f64>,
}

impl EpsPlacement {
    /// The notebook's values: torch's η = 0.01, ρ = 0.99, ε = 1e-8, on slopes
    /// with |g| from 1 down to 1e-8.
    pub fn lesson() -> EpsPlacement {
        EpsPlacement {
            lr: 0.01,
            rho: 0.99,
            eps: 1e-8,
            gradients: vec![1.0, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8],
        }
    }

    /// One row per gradient: both first steps and their ratio.
    pub fn table(&self) -> Result<Table> {
        let (lr, rho, eps) = (self.lr, self.rho, self.eps);
        let inside = paper_rmsprop(lr, rho, eps)?;
        let outside = Rmsprop {
            lr,
            rho,
            eps,
            ..Rmsprop::defaults(Convention::Pytorch)
        }
        .validated()?;
        if self.gradients.is_empty() {
            return Err(Error::Empty {
                what: "the list of gradients",
            });
        }
        for &c in &self.gradients {
            check_gradient("gradients", c)?;
        }
        let mut t = Table::new(
            format!("RMSprop's first step, η = {lr}, ρ = {rho}, ε = {eps:e}: where ε goes"),
            &[
                "|g|",
                "√E[g²]₁",
                "Δθ, ε inside √ (paper)",
                "Δθ, ε outside (pytorch)",
                "inside / outside",
            ],
        );
        for &c in &self.gradients {
            let a = run_to_completion(&inside, Slope::new(c), array![0.0].view(), 1)?;
            let b = run_to_completion(&outside, Slope::new(c), array![0.0].view(), 1)?;
            let (da, db) = (a.rows[1].theta[0], b.rows[1].theta[0]);
            let sq = step_record(&b.rows[1])?.avg_sq_grad[0].sqrt();
            t.push(vec![
                c.into(),
                sq.into(),
                da.into(),
                db.into(),
                (da / db).into(),
            ]);
        }
        Ok(t.with_note(
            "with ε inside the root the step shrinks once √E[g²] nears √ε = 1e-4; outside, only once it nears ε = 1e-8",
        ))
    }
}

/// The momentum of the momentum variants in [`Variants::lesson`].
pub const VARIANT_MOMENTUM: f64 = 0.9;

/// The paper's form (at torch's η) and torch's variants (momentum, centered,
/// both) on the quadratic and on Rosenbrock.
#[derive(Clone, Debug, PartialEq)]
pub struct Variants {
    /// The learning rate η of every variant: a finite number > 0.
    pub lr: f64,
    /// ρ of the paper's form: in \[0, 1).
    pub paper_rho: f64,
    /// torch's α (its ρ) of the four torch variants: in \[0, 1).
    pub torch_alpha: f64,
    /// ε of every variant (inside the root in the paper's form, outside in
    /// torch's): a finite number ≥ 0.
    pub eps: f64,
    /// torch's momentum μ of the momentum variants: in \[0, 1).
    pub momentum: f64,
    /// The start on $0.1x^2 + 2y^2$: finite.
    pub quadratic_start: [f64; 2],
    /// The start on Rosenbrock: finite.
    pub rosenbrock_start: [f64; 2],
    /// Steps of every run: from 1 to [`MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Variants {
    /// The notebook's values: torch's defaults (η = 0.01, α = 0.99, ε = 1e-8),
    /// the paper's ρ = 0.9, momentum 0.9, from (−5, −2) and (−1.2, 1), 200 steps.
    pub fn lesson() -> Variants {
        let torch = Rmsprop::defaults(Convention::Pytorch);
        let paper = Rmsprop::defaults(Convention::Paper);
        let (q, r) = (reference_start(), rosenbrock_start());
        Variants {
            lr: torch.lr,
            paper_rho: paper.rho,
            torch_alpha: torch.rho,
            eps: torch.eps,
            momentum: VARIANT_MOMENTUM,
            quadratic_start: [q[0], q[1]],
            rosenbrock_start: [r[0], r[1]],
            steps: VARIANT_STEPS,
        }
    }

    /// The five variants, labelled from their own hyperparameters, each checked.
    pub fn list(&self) -> Result<Vec<(String, Rmsprop)>> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("quadratic_start", &self.quadratic_start)?;
        check_finite_point("rosenbrock_start", &self.rosenbrock_start)?;
        let torch = Rmsprop {
            lr: self.lr,
            rho: self.torch_alpha,
            eps: self.eps,
            ..Rmsprop::defaults(Convention::Pytorch)
        };
        let paper = Rmsprop {
            lr: self.lr,
            rho: self.paper_rho,
            eps: self.eps,
            ..Rmsprop::defaults(Convention::Paper)
        };
        let m = self.momentum;
        let list = vec![
            (format!("paper: ρ = {}, ε inside", paper.rho), paper),
            ("pytorch defaults".to_string(), torch),
            (
                format!("pytorch, momentum {m}"),
                Rmsprop {
                    momentum: m,
                    ..torch
                },
            ),
            (
                "pytorch, centered".to_string(),
                Rmsprop {
                    centered: true,
                    ..torch
                },
            ),
            (
                format!("pytorch, centered + momentum {m}"),
                Rmsprop {
                    momentum: m,
                    centered: true,
                    ..torch
                },
            ),
        ];
        for (_, opt) in &list {
            opt.validate()?;
        }
        Ok(list)
    }

    /// The loss and θ each variant reaches on each problem.
    pub fn table(&self) -> Result<Table> {
        let list = self.list()?;
        let steps = self.steps;
        let mut t = Table::new(
            format!("RMSprop variants, η = {}, {steps} steps", self.lr),
            &["variant", "problem", "loss", "θ[0]", "θ[1]"],
        );
        let problems: [(&dyn Objective, &[f64]); 2] = [
            (&Quadratic::reference(), &self.quadratic_start),
            (&Rosenbrock::default(), &self.rosenbrock_start),
        ];
        for (obj, start) in &problems {
            for (label, opt) in &list {
                let tr = run_to_completion(opt, *obj, ArrayView1::from(*start), steps)?;
                let last = tr.last();
                t.push(vec![
                    label.as_str().into(),
                    obj.name().into(),
                    last.loss.into(),
                    last.theta[0].into(),
                    last.theta[1].into(),
                ]);
            }
        }
        Ok(t)
    }

    /// The paths of the paper form and of torch's first three variants on the
    /// quadratic, over its contours.
    pub fn contour(&self) -> Result<plots::Figure> {
        // The first four of the list: the fifth, both variants at once, would hide
        // under the others.
        let list: Vec<(String, Rmsprop)> = self.list()?.into_iter().take(4).collect();
        let q = Quadratic::reference();
        let mut c = plots::Contour::new(&q, (-6.0, 6.0), (-3.0, 3.0)).title(format!(
            "RMSprop on 0.1x² + 2y², η = {}, {} steps",
            self.lr, self.steps
        ));
        for (label, opt) in &list {
            let tr = run(
                opt,
                &q,
                ArrayView1::from(&self.quadratic_start[..]),
                self.steps,
            )?;
            c = c.path(label.as_str(), tr.path2());
        }
        c.render()
    }
}

/// Steps of [`FirstHalf::lesson`].
pub const ADADELTA_STEPS: usize = 8;

/// RMSprop and Adadelta (Zeiler's form) with one ρ and ε on a constant gradient
/// $g$: the same $E\[g^2\]_t$ and the same denominator $\sqrt{E\[g^2\]_t +
/// \epsilon}$; only the numerator differs (η vs $RMS\[\Delta\theta\]_{t-1}$).
#[derive(Clone, Debug, PartialEq)]
pub struct FirstHalf {
    /// The decay ρ of both: in (0, 1).
    pub rho: f64,
    /// ε of both: a finite number > 0 (Adadelta's ε).
    pub eps: f64,
    /// RMSprop's learning rate η: a finite number > 0.
    pub lr: f64,
    /// The constant gradient g of the slope $J(\theta) = g\theta$: a number whose
    /// square is finite.
    pub gradient: f64,
    /// How many steps: from 1 to [`MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl FirstHalf {
    /// The notebook's values: Zeiler's ρ = 0.95, ε = 1e-6, RMSprop η = 0.01, g = 2,
    /// 8 steps.
    pub fn lesson() -> FirstHalf {
        FirstHalf {
            rho: 0.95,
            eps: 1e-6,
            lr: 0.01,
            gradient: 2.0,
            steps: ADADELTA_STEPS,
        }
    }

    /// Both runs side by side, step by step.
    pub fn table(&self) -> Result<Table> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        if !(self.gradient * self.gradient).is_finite() {
            return Err(Error::Hyperparameter {
                name: "gradient",
                value: self.gradient,
                accepts: "a number whose square is finite (|g| below 1e154)",
            });
        }
        let ada = adadelta::Adadelta {
            rho: self.rho,
            eps: self.eps,
            ..adadelta::Adadelta::defaults(Convention::Paper)
        }
        .validated()?;
        let rms = paper_rmsprop(self.lr, ada.rho, ada.eps)?;
        let slope = || Slope::new(self.gradient);
        let a = run_to_completion(&ada, slope(), array![0.0].view(), self.steps)?;
        let b = run_to_completion(&rms, slope(), array![0.0].view(), self.steps)?;
        let mut t = Table::new(
            format!(
                "a constant gradient g = {}; ρ = {}, ε = {:e}; RMSprop η = {}",
                self.gradient, ada.rho, ada.eps, rms.lr
            ),
            &[
                "t",
                "E[g²] Adadelta",
                "E[g²] RMSprop",
                "RMS[g] = √(E[g²]+ε)",
                "d (RMSprop)",
                "numerator: RMS[Δθ]ₜ₋₁",
                "numerator: η",
                "Δθ Adadelta",
                "Δθ RMSprop",
            ],
        );
        for (ra, rb) in a.rows.iter().zip(&b.rows).skip(1) {
            let (x, y) = (step_record(ra)?, step_record(rb)?);
            t.push(vec![
                ra.t.into(),
                x.avg_sq_grad[0].into(),
                y.avg_sq_grad[0].into(),
                x.rms_grad[0].into(),
                y.denom[0].into(),
                x.rms_update_prev[0].into(),
                rms.lr.into(),
                x.update[0].into(),
                (rb.theta[0] - b.rows[rb.t - 1].theta[0]).into(),
            ]);
        }
        Ok(t)
    }
}

/// Adagrad and RMSprop (both the paper's form) with the same η and ε on the
/// quadratic: the effective rates $\eta/\sqrt{G_t+\epsilon}$ and
/// $\eta/\sqrt{E\[g^2\]_t+\epsilon}$.
#[derive(Clone, Debug, PartialEq)]
pub struct VsAdagrad {
    /// The learning rate η of both: a finite number > 0.
    pub lr: f64,
    /// RMSprop's decay ρ: in \[0, 1).
    pub rho: f64,
    /// ε of both, inside the root: a finite number ≥ 0.
    pub eps: f64,
    /// The start θ₀ = (x, y) on $0.1x^2 + 2y^2$: finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl VsAdagrad {
    /// The notebook's values: η = 0.1, ρ = 0.9, ε = 1e-8, from (−5, −2), 200 steps.
    pub fn lesson() -> VsAdagrad {
        let s = reference_start();
        VsAdagrad {
            lr: VS_ADAGRAD_LR,
            rho: 0.9,
            eps: 1e-8,
            start: [s[0], s[1]],
            steps: VS_ADAGRAD_STEPS,
        }
    }

    /// The two optimizers, checked.
    pub fn optimizers(&self) -> Result<(adagrad::Adagrad, Rmsprop)> {
        check_steps(self.steps, MAX_LESSON_STEPS)?;
        check_finite_point("start", &self.start)?;
        let ada = adagrad::Adagrad {
            lr: self.lr,
            eps: self.eps,
            ..adagrad::Adagrad::defaults(Convention::Paper)
        }
        .validated()?;
        Ok((ada, paper_rmsprop(self.lr, self.rho, self.eps)?))
    }

    /// Both runs.
    pub fn runs(&self) -> Result<(Trace<adagrad::AdagradRecord>, Trace<crate::RmspropRecord>)> {
        let (ada, rms) = self.optimizers()?;
        let start = ArrayView1::from(&self.start[..]);
        let ada = run_to_completion(&ada, Quadratic::reference(), start, self.steps)?;
        let rms = run_to_completion(&rms, Quadratic::reference(), start, self.steps)?;
        Ok((ada, rms))
    }

    /// The effective rates and losses at a few steps.
    pub fn table(&self) -> Result<Table> {
        let (ada, rms) = self.runs()?;
        let (ada_opt, rms_opt) = self.optimizers()?;
        let mut t = Table::new(
            format!(
                "effective rates on the quadratic: Adagrad {}, RMSprop {}",
                ada_opt.symbols(),
                rms_opt.symbols()
            ),
            &[
                "t",
                "Adagrad η/√(G+ε) [0]",
                "RMSprop η/√(E[g²]+ε) [0]",
                "Adagrad [1]",
                "RMSprop [1]",
                "loss Adagrad",
                "loss RMSprop",
            ],
        );
        for t_ in [1, 2, 5, 10, 20, 50, 100, 150, 200, 300, 400] {
            if t_ > self.steps {
                break;
            }
            let (a, r) = (&ada.rows[t_], &rms.rows[t_]);
            let (ra, rr) = (step_record(a)?, step_record(r)?);
            t.push(vec![
                t_.into(),
                ra.effective_lr[0].into(),
                rr.effective_lr[0].into(),
                ra.effective_lr[1].into(),
                rr.effective_lr[1].into(),
                a.loss.into(),
                r.loss.into(),
            ]);
        }
        Ok(t.with_note("Adagrad's rate only falls (G only grows); RMSprop's follows the recent gradient size and rises again as the gradient shrinks near the minimum"))
    }

    /// The same effective rates, every step, on one log-scale chart.
    pub fn chart(&self) -> Result<plots::Figure> {
        let (ada, rms) = self.runs()?;
        let ada_rate = |i: usize| -> Vec<(f64, f64)> {
            ada.rows
                .iter()
                .filter_map(|r| r.record.as_ref().map(|x| (r.t as f64, x.effective_lr[i])))
                .collect()
        };
        let rms_rate = |i: usize| -> Vec<(f64, f64)> {
            rms.rows
                .iter()
                .filter_map(|r| r.record.as_ref().map(|x| (r.t as f64, x.effective_lr[i])))
                .collect()
        };
        plots::LineChart::new(format!(
            "effective learning rate per coordinate, η = {}",
            self.lr
        ))
        .x_label("step t")
        .y_label("η / √(· + ε)")
        .log_y(true)
        .series("Adagrad, θ[0]", ada_rate(0))
        .series("Adagrad, θ[1]", ada_rate(1))
        .series("RMSprop, θ[0]", rms_rate(0))
        .series("RMSprop, θ[1]", rms_rate(1))
        .render()
    }
}

/// The run the notebook's from-scratch cell is checked against, at the
/// student's own settings: the paper's RMSprop (ε inside the root) with η =
/// `eta`, ρ = `rho`, ε = `eps` on $0.1x^2 + 2y^2$ from `theta0`, `steps` steps.
/// At η = 0.1, ρ = 0.9, ε = 1e-8, θ₀ = (−5, −2) and [`SCRATCH_STEPS`] steps it
/// is [`library_run`].
///
/// Settings the method refuses are a typed error naming the knob: η ≤ 0, ρ
/// outside its range, ε < 0, 0 steps or more than [`optcore::MAX_TRACE_STEPS`],
/// a start that is not finite; so is a run that cannot finish.
pub fn scratch_trace(
    eta: f64,
    rho: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<crate::RmspropRecord>> {
    if steps == 0 {
        return Err(optcore::Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    let opt = Rmsprop {
        lr: eta,
        rho,
        eps,
        ..Rmsprop::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// Steps of [`library_run`], the run the notebook's from-scratch cell repeats.
pub const SCRATCH_STEPS: usize = 5;

/// The library's trace of the run the notebook writes out by hand: the paper's
/// RMSprop (η = 0.1, ρ = 0.9, ε = 1e-8, as [`FirstSteps::lesson`]) on $0.1x^2 + 2y^2$ from
/// $(-5, -2)$, [`SCRATCH_STEPS`] steps. `optcore::exercise::compare_with_trace`
/// holds the student's rule against it.
pub fn library_run() -> Result<Trace<crate::RmspropRecord>> {
    let opt = Rmsprop {
        lr: 0.1,
        rho: 0.9,
        eps: 1e-8,
        ..Rmsprop::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        SCRATCH_STEPS,
    )
}
