//! Agreement with torch.optim.Adam: the shared reference trace row by row, and
//! the two conventions' rounding against each other.

use crate::Adam;
use ndarray::array;
use optcore::error::{check_steps, Result};
use optcore::reference::{self, rel_diff};
use optcore::{problem_by_name, reference_start, run, Convention, Optimizer, Quadratic, Table};

/// The shared reference case `pytorch-adam-quadratic` (cases.json: lr 0.5,
/// betas (0.9, 0.999), eps 1e-8, from (−5, −2), 20 steps) next to our `pytorch`
/// convention, row by row, with the distance in units in the last place.
pub fn torch_reference() -> Result<Table> {
    let reference = reference::trace("pytorch-adam-quadratic")?;
    let opt = Adam {
        lr: 0.5,
        beta1: 0.9,
        beta2: 0.999,
        eps: 1e-8,
        ..Adam::defaults(Convention::Pytorch)
    };
    let tr = run(&opt, Quadratic::reference(), reference_start().view(), 20)?;
    let mut t = Table::new(
        "torch.optim.Adam (reference trace) vs adam::Adam, pytorch convention",
        &["t", "x torch", "x ours", "y torch", "y ours", "ulps apart"],
    );
    let mut worst: f64 = 0.0;
    for (ours, theirs) in tr.rows.iter().zip(&reference) {
        let ulps = (0..2)
            .map(|i| (ours.theta[i].to_bits() as i64 - theirs.theta[i].to_bits() as i64).abs())
            .max()
            .unwrap_or(0);
        for i in 0..2 {
            worst = worst.max(rel_diff(ours.theta[i], theirs.theta[i]));
        }
        t.push(vec![
            ours.t.into(),
            theirs.theta[0].into(),
            ours.theta[0].into(),
            theirs.theta[1].into(),
            ours.theta[1].into(),
            ulps.into(),
        ]);
    }
    Ok(t.with_note(format!("largest relative difference: {worst:e}")))
}

/// The `paper` and `pytorch` conventions run the same formula in different
/// rounding: their largest relative difference in θ over `steps` steps, on the
/// quadratic from (−5, −2), Rosenbrock from (−1.2, 1) and Beale from (1, 1).
#[derive(Clone, Debug, PartialEq)]
pub struct PaperVsPytorch {
    /// The step size η of both runs (a finite number > 0).
    pub lr: f64,
    /// β₁ (in [0, 1)).
    pub beta1: f64,
    /// β₂ (in [0, 1)).
    pub beta2: f64,
    /// ε (a finite number ≥ 0).
    pub eps: f64,
    /// Steps of every run (1 to [`super::MAX_FIGURE_STEPS`]).
    pub steps: usize,
}

impl PaperVsPytorch {
    /// The notebook's values: η = 0.01, Kingma & Ba's betas and ε,
    /// [`super::COMPARE_STEPS`] steps.
    pub fn lesson() -> PaperVsPytorch {
        let d = Adam::defaults(Convention::Paper);
        PaperVsPytorch {
            lr: 0.01,
            beta1: d.beta1,
            beta2: d.beta2,
            eps: d.eps,
            steps: super::COMPARE_STEPS,
        }
    }

    /// The largest relative difference per problem.
    pub fn table(&self) -> Result<Table> {
        let steps = self.steps;
        let paper = Adam {
            lr: self.lr,
            beta1: self.beta1,
            beta2: self.beta2,
            eps: self.eps,
            ..Adam::defaults(Convention::Paper)
        }
        .validated()?;
        let torch = Adam {
            lr: paper.lr,
            beta1: paper.beta1,
            beta2: paper.beta2,
            eps: paper.eps,
            ..Adam::defaults(Convention::Pytorch)
        }
        .validated()?;
        check_steps(steps, super::MAX_FIGURE_STEPS)?;
        let mut t = Table::new(
            format!(
                "Adam, paper vs pytorch arithmetic ({}), {steps} steps",
                paper.symbols()
            ),
            &["problem", "start", "max relative difference in θ"],
        );
        for (name, start) in [
            ("quadratic", reference_start()),
            ("rosenbrock", array![-1.2, 1.0]),
            ("beale", array![1.0, 1.0]),
        ] {
            let obj = problem_by_name(name)?;
            let a = run(&paper, obj.as_ref(), start.view(), steps)?;
            let b = run(&torch, obj.as_ref(), start.view(), steps)?;
            let mut worst: f64 = 0.0;
            for (ra, rb) in a.rows.iter().zip(&b.rows) {
                for i in 0..2 {
                    worst = worst.max(rel_diff(ra.theta[i], rb.theta[i]));
                }
            }
            t.push(vec![
                name.into(),
                format!("({}, {})", start[0], start[1]).into(),
                worst.into(),
            ]);
        }
        Ok(t)
    }
}
