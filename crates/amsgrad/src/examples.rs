//! The worked examples `notebooks/12-after-nadam.ipynb` shows for AMSGrad; each
//! returns a value that renders itself, and `tests/snapshots.rs` pins its text.
//!
//! ## Reddi et al.'s counterexample
//! The online problem of Reddi, Kale & Kumar (2018, section 3): on
//! $x \in [-1, 1]$,
//!
//! $$f_t(x) = \begin{cases} C\\,x & t \bmod 3 = 1 \\\\ -x & \text{otherwise} \end{cases}
//!   \qquad C > 2$$
//!
//! Over each three steps the gradients sum to $C - 2 > 0$, so the best fixed
//! point is $x = -1$. Adam with β₁ = 0 and β₂ = 1/(1 + C²) sees the large
//! gradient $C$ once every three steps; by the next large gradient $v_t$ has
//! decayed, so each $-1$ moves x up by almost as much as the $C$ moved it down,
//! and x drifts to $+1$, the worst point. AMSGrad's $\max_\tau v_\tau$ remembers
//! $C^2$, so the two small steps stay small and x goes to $-1$. Both run here
//! with torch's arithmetic (the `pytorch` conventions of `adam::Adam` and
//! [`Amsgrad`]), which differ only in the max, and with the paper's decreasing
//! step $\eta_t = \eta/\sqrt t$ (a new hyperparameter struct per step: the state
//! carries over), each step followed by the projection onto $[-1, 1]$.

use crate::Amsgrad;
use adam::Adam;
use ndarray::{array, ArrayView1, ArrayViewMut1};
use optcore::error::{check_positive, check_steps, Error, Result};
use optcore::render::{fmt_point_minus, table_steps};
use optcore::{Convention, Optimizer, Oracle, Report, Table};

/// Reddi et al.'s $C$.
pub const C: f64 = 3.0;
/// η of the step $\eta_t = \eta/\sqrt t$.
pub const ETA: f64 = 0.5;
/// Steps of [`Reddi::lesson`].
pub const STEPS: usize = 30_000;
/// The steps [`Reddi::lesson`] draws (where the two part).
pub const CHART_STEPS: usize = 900;
/// The distance between two drawn points: one period of the problem, so every
/// point is taken after the same gradient.
pub const CHART_EVERY: usize = 3;
/// The steps [`Reddi::table`] tabulates.
pub const SHOWN: [usize; 10] = [1, 2, 3, 4, 5, 6, 30, 300, 3_000, 30_000];

/// The gradient oracle of $f_t$: $C$ at steps $t \equiv 1 \pmod 3$, else $-1$
/// (the same everywhere in x: $f_t$ is linear).
pub struct Counterexample {
    pub c: f64,
    t: usize,
}

impl Counterexample {
    pub fn new(c: f64) -> Self {
        Counterexample { c, t: 1 }
    }
    /// $f_t$'s slope.
    pub fn slope(&self, t: usize) -> f64 {
        if t % 3 == 1 {
            self.c
        } else {
            -1.0
        }
    }
}

impl Oracle for Counterexample {
    fn dim(&self) -> usize {
        1
    }
    fn begin_step(&mut self, t: usize) {
        self.t = t;
    }
    fn eval(&mut self, theta: ArrayView1<f64>, mut grad: ArrayViewMut1<f64>) -> f64 {
        let s = self.slope(self.t);
        grad.fill(s);
        s * theta[0]
    }
    fn loss(&self, theta: ArrayView1<f64>) -> f64 {
        self.slope(self.t) * theta[0]
    }
    fn problem_name(&self) -> String {
        "reddi".into()
    }
}

/// One run of the online problem with slope `c`: $x_t$ for t = 0..=`steps` (from $x_0 = 0$)
/// and the average regret $\frac1T\sum_{t\le T} (f_t(x_{t-1}) - f_t(-1))$ at
/// each T. `make(t)` gives the optimizer of step t (its η is $\eta/\sqrt t$).
pub fn online_run<O: Optimizer>(
    c: f64,
    make: impl Fn(usize) -> Result<O>,
    steps: usize,
) -> Result<(Vec<f64>, Vec<f64>)> {
    let mut oracle = Counterexample::new(c);
    let mut theta = array![0.0];
    let mut state = make(1)?.init(theta.view());
    let (mut xs, mut regret) = (vec![0.0], vec![0.0]);
    let mut total = 0.0;
    for t in 1..=steps {
        let opt = make(t)?;
        oracle.begin_step(t);
        let s = oracle.slope(t);
        // fₜ(xₜ₋₁) − fₜ(−1) = s·xₜ₋₁ + s
        total += s * theta[0] + s;
        opt.step(&mut state, theta.view_mut(), &mut oracle)?;
        if !theta[0].is_finite() {
            return Err(Error::NonFinite {
                step: t,
                what: "parameter",
            });
        }
        theta[0] = theta[0].clamp(-1.0, 1.0);
        xs.push(theta[0]);
        regret.push(total / t as f64);
    }
    Ok((xs, regret))
}

/// β₂ of the counterexample, $1/(1 + C^2)$, and β₁ = 0.
pub fn betas(c: f64) -> (f64, f64) {
    (0.0, 1.0 / (1.0 + c * c))
}

/// $x_t$ and the average regret of Adam and of AMSGrad on the counterexample,
/// t = 0..=`steps` (what [`Reddi::table`] tabulates and [`Reddi::chart`] plots).
#[derive(Debug, Clone, PartialEq)]
pub struct CounterexampleRuns {
    pub x_adam: Vec<f64>,
    pub x_amsgrad: Vec<f64>,
    pub regret_adam: Vec<f64>,
    pub regret_amsgrad: Vec<f64>,
}

impl CounterexampleRuns {
    /// $(t, x_t)$ of one run, every `every`-th step, for a line chart.
    pub fn points(xs: &[f64], every: usize) -> Vec<(f64, f64)> {
        xs.iter()
            .enumerate()
            .step_by(every.max(1))
            .map(|(t, &x)| (t as f64, x))
            .collect()
    }
}

/// Reddi et al.'s online problem: Adam and AMSGrad (torch's arithmetic, β₁ = 0,
/// β₂ = 1/(1 + C²), ε = 1e-8, $\eta_t = \eta/\sqrt t$), each step projected onto
/// [−1, 1]: $x_t$ and the average regret ([`Reddi::table`]) and $x_t$ drawn over
/// the first steps ([`Reddi::chart`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Reddi {
    /// C, the large gradient of every third step (a finite number > 0; the
    /// counterexample needs C > 2). β₂ = 1/(1 + C²) follows it.
    pub c: f64,
    /// η of the step $\eta_t = \eta/\sqrt t$ (a finite number > 0).
    pub eta: f64,
    /// Steps of both runs (1 to [`MAX_STEPS`]).
    pub steps: usize,
    /// Steps the chart draws, every third one (1 to `steps`).
    pub chart_steps: usize,
}

/// Most steps of [`Reddi`]'s runs.
pub const MAX_STEPS: usize = 1_000_000;

impl Reddi {
    /// The notebook's values: C = [`C`], η = [`ETA`], [`STEPS`] steps, the first
    /// [`CHART_STEPS`] drawn.
    pub fn lesson() -> Reddi {
        Reddi {
            c: C,
            eta: ETA,
            steps: STEPS,
            chart_steps: CHART_STEPS,
        }
    }

    /// Both runs, $t = 0..=$ `steps`, after every knob is checked.
    pub fn runs(&self) -> Result<CounterexampleRuns> {
        check_positive("c", self.c)?;
        check_positive("eta", self.eta)?;
        check_steps(self.steps, MAX_STEPS)?;
        if self.chart_steps == 0 || self.chart_steps > self.steps {
            return Err(Error::Hyperparameter {
                name: "chart_steps",
                value: self.chart_steps as f64,
                accepts: "a whole number from 1 to steps",
            });
        }
        let (beta1, beta2) = betas(self.c);
        let eta = self.eta;
        let lr = |t: usize| eta / (t as f64).sqrt();
        let adam = |t: usize| {
            Adam {
                lr: lr(t),
                beta1,
                beta2,
                ..Adam::defaults(Convention::Pytorch)
            }
            .validated()
        };
        let ams = |t: usize| {
            Amsgrad {
                lr: lr(t),
                beta1,
                beta2,
                ..Amsgrad::defaults(Convention::Pytorch)
            }
            .validated()
        };
        let (x_adam, regret_adam) = online_run(self.c, adam, self.steps)?;
        let (x_amsgrad, regret_amsgrad) = online_run(self.c, ams, self.steps)?;
        Ok(CounterexampleRuns {
            x_adam,
            x_amsgrad,
            regret_adam,
            regret_amsgrad,
        })
    }

    /// $x_t$ of both runs against t, every [`CHART_EVERY`]-th step of the first
    /// `chart_steps`.
    pub fn chart(&self) -> Result<plots::Figure> {
        let r = self.runs()?;
        let c = self.c;
        let first = |xs: &[f64]| CounterexampleRuns::points(&xs[..=self.chart_steps], CHART_EVERY);
        plots::LineChart::new(format!(
            "Reddi et al.'s online problem, C = {c}: xₜ at every third t (the best point is −1)"
        ))
        .x_label("t")
        .y_label("xₜ")
        .series("Adam", first(&r.x_adam))
        .series("AMSGrad", first(&r.x_amsgrad))
        .render()
    }

    /// The runs at the steps [`SHOWN`] (those up to `steps`, and the last):
    /// $x_t$ and the average regret.
    pub fn table(&self) -> Result<Report> {
        let runs = self.runs()?;
        let (c, eta) = (self.c, self.eta);
        let (xa, xm, ra, rm) = (
            &runs.x_adam,
            &runs.x_amsgrad,
            &runs.regret_adam,
            &runs.regret_amsgrad,
        );
        let mut table = Table::new(
            format!(
                "f_t(x) = {c}x if t mod 3 = 1 else −x on [−1, 1]; β₁ = 0, β₂ = 1/(1 + C²), η_t = {eta}/√t"
            ),
            &[
                "t",
                "gₜ",
                "xₜ Adam",
                "xₜ AMSGrad",
                "avg regret Adam",
                "avg regret AMSGrad",
            ],
        );
        let oracle = Counterexample::new(c);
        let shown = table_steps(&SHOWN, self.steps);
        for t in shown {
            table.push(vec![
                t.into(),
                oracle.slope(t).into(),
                xa[t].into(),
                xm[t].into(),
                ra[t].into(),
                rm[t].into(),
            ]);
        }
        Ok(Report::new()
            .text(
                "The best fixed point is $x = -1$ (the gradients sum to $C - 2 > 0$ over each three steps). \
                 Adam's $v_t$ forgets the large gradient within a step or two, so the two gradients $-1$ \
                 push x up nearly as far as $C$ pushed it down: x ends at $+1$ and the average regret stays \
                 away from 0. AMSGrad divides by the largest $v$ so far and goes to $-1$; its average regret \
                 goes to 0.",
            )
            .table(table))
    }
}

/// The `pytorch` convention against torch.optim.Adam(amsgrad=True) on every
/// reference case ([`optcore::reference::agreement`]).
pub fn torch_check() -> Result<Table> {
    optcore::reference::agreement::<Amsgrad>()
}

/// Steps of [`PaperVsPytorch::lesson`].
pub const COMPARE_STEPS: usize = 6;

/// Ruder's form and torch's on the quadratic $0.1x^2 + 2y^2$: the first steps
/// $\theta_t - \theta_{t-1}$ of each, and their ratio. At t = 1 the ratio is
/// $(1-\beta_1)/\sqrt{1-\beta_2}$ (torch's bias corrections make its first step η
/// per coordinate; Ruder's form has none); later it changes as Ruder's
/// uncorrected $m_t$ and $\hat v_t$ build up and as the two runs part.
#[derive(Clone, Debug, PartialEq)]
pub struct PaperVsPytorch {
    /// The step size η of both (a finite number > 0).
    pub lr: f64,
    /// β₁ (in [0, 1)).
    pub beta1: f64,
    /// β₂ (in [0, 1)).
    pub beta2: f64,
    /// ε (a finite number ≥ 0).
    pub eps: f64,
    /// θ₀ = (x, y) (finite).
    pub start: [f64; 2],
    /// Steps, one table row each (1 to [`MAX_TABLE_STEPS`]).
    pub steps: usize,
}

/// Most steps an experiment whose every step is a table row takes.
pub const MAX_TABLE_STEPS: usize = 1000;

impl PaperVsPytorch {
    /// The notebook's values: η = 0.1, the defaults otherwise, from (−5, −2),
    /// [`COMPARE_STEPS`] steps.
    pub fn lesson() -> PaperVsPytorch {
        let d = Amsgrad::defaults(Convention::Paper);
        PaperVsPytorch {
            lr: 0.1,
            beta1: d.beta1,
            beta2: d.beta2,
            eps: d.eps,
            start: [-5.0, -2.0],
            steps: COMPARE_STEPS,
        }
    }

    /// Both forms' steps and their ratio, per step.
    pub fn table(&self) -> Result<Report> {
        let make = |c| {
            Amsgrad {
                lr: self.lr,
                beta1: self.beta1,
                beta2: self.beta2,
                eps: self.eps,
                ..Amsgrad::defaults(c)
            }
            .validated()
        };
        let (paper, torch) = (make(Convention::Paper)?, make(Convention::Pytorch)?);
        check_steps(self.steps, MAX_TABLE_STEPS)?;
        let q = optcore::Quadratic::reference();
        let start = ArrayView1::from(&self.start);
        let a = optcore::run_to_completion(&paper, &q, start, self.steps)?;
        let b = optcore::run_to_completion(&torch, &q, start, self.steps)?;
        let mut table = Table::new(
            format!(
                "AMSGrad on 0.1x² + 2y² from {}, η = {}, β = ({}, {}): Ruder's form vs torch's",
                fmt_point_minus(&self.start),
                paper.lr,
                paper.beta1,
                paper.beta2
            ),
            &[
                "t",
                "Δθ[0] Ruder",
                "Δθ[0] torch",
                "ratio[0]",
                "Δθ[1] Ruder",
                "Δθ[1] torch",
                "ratio[1]",
            ],
        );
        for t in 1..=self.steps {
            let d = |tr: &optcore::Trace<crate::AmsgradRecord>, i: usize| {
                tr.rows[t].theta[i] - tr.rows[t - 1].theta[i]
            };
            table.push(vec![
                t.into(),
                d(&a, 0).into(),
                d(&b, 0).into(),
                (d(&a, 0) / d(&b, 0)).into(),
                d(&a, 1).into(),
                d(&b, 1).into(),
                (d(&a, 1) / d(&b, 1)).into(),
            ]);
        }
        let first = (1.0 - paper.beta1) / (1.0 - paper.beta2).sqrt();
        Ok(Report::new()
            .text(format!(
                "At $t = 1$ Ruder's step is $(1-\\beta_1)/\\sqrt{{1-\\beta_2}}$ = {} times torch's (torch moves η per \
                 coordinate, as Adam does); after that Ruder's uncorrected $m_t$ grows towards $g$ while \
                 $\\hat v_t$ stays near $t(1-\\beta_2)g^2$, so its steps grow, and the two runs part.",
                optcore::render::fmt_sig(first, 4)
            ))
            .table(table))
    }
}

/// The run the notebook's from-scratch rule is checked against, at the student's
/// settings: Ruder's form (`paper`) with step size `eta`, `beta1`, `beta2` and
/// `eps`, on the quadratic $0.1x^2 + 2y^2$ from `theta0`, `steps` steps.
/// `optcore::exercise::compare_with_trace` holds the student's rule against it, so
/// a changed setting is compared like for like; settings the optimizer refuses
/// and more than [`optcore::MAX_TRACE_STEPS`] steps are typed errors.
pub fn scratch_trace(
    eta: f64,
    beta1: f64,
    beta2: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<optcore::Trace<crate::AmsgradRecord>> {
    let opt = Amsgrad {
        lr: eta,
        beta1,
        beta2,
        eps,
        ..Amsgrad::defaults(Convention::Paper)
    }
    .validated()?;
    optcore::run_to_completion(
        &opt,
        optcore::Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0),
        steps,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oracle_is_c_then_minus_one_twice() {
        let o = Counterexample::new(C);
        let s: Vec<f64> = (1..=6).map(|t| o.slope(t)).collect();
        assert_eq!(s, vec![C, -1.0, -1.0, C, -1.0, -1.0]);
    }
}
