//! One learning rate per parameter: the reference case stepped by the post's
//! update, $G_{t,ii}$ and the rates $\eta/\sqrt{G_{t,ii} + \epsilon}$, drawn under
//! both conventions.

use crate::{Adagrad, AdagradRecord};
use optcore::{
    reference_start, run, run_to_completion, Convention, Error, Optimizer, Quadratic, Result,
    Table, Trace,
};
use plots::{Contour, Figure};

/// The reference case `paper-adagrad-quadratic`: $0.1x^2 + 2y^2$ from $(-5, -2)$,
/// η = 0.4, ε = 0.1.
pub fn reference_optimizer() -> Adagrad {
    Adagrad {
        lr: 0.4,
        eps: 0.1,
        ..Adagrad::defaults(Convention::Paper)
    }
}

/// The post's update on the reference case, `steps` steps: gₜ, Gₜ,ᵢᵢ, the rates
/// η/√(Gₜ,ᵢᵢ + ε) and Δθ per parameter.
pub fn reference_run(steps: usize) -> Result<Trace<AdagradRecord>> {
    run(
        &reference_optimizer(),
        Quadratic::reference(),
        reference_start().view(),
        steps,
    )
}

/// The run the notebook's from-scratch cell is checked against, at the
/// student's own settings: the post's update (ε inside the root) with η = `eta`
/// and ε = `eps` on $0.1x^2 + 2y^2$ from `theta0`, `steps` steps. At η = 0.4,
/// ε = 0.1, θ₀ = (−5, −2) it is [`reference_run`].
///
/// Settings the method refuses are a typed [`Error`] naming the knob: η ≤ 0,
/// ε < 0, 0 steps or more than [`optcore::MAX_TRACE_STEPS`], a start that is not
/// finite; so is a run that cannot finish (ε = 0 where a coordinate's gradient
/// is 0: the rate η/0).
pub fn scratch_trace(
    eta: f64,
    eps: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<Trace<AdagradRecord>> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts: "a whole number of steps ≥ 1",
        });
    }
    let opt = Adagrad {
        lr: eta,
        eps,
        ..Adagrad::defaults(Convention::Paper)
    }
    .validated()?;
    run_to_completion(
        &opt,
        Quadratic::reference(),
        ndarray::ArrayView1::from(&theta0[..]),
        steps,
    )
}

/// [`reference_run`] as a table (what the notebook shows).
pub fn reference_table(steps: usize) -> Result<Table> {
    Ok(reference_run(steps)?.table())
}

/// The reference case on its contour: the post's form and torch's ([`reference_optimizer`]).
pub fn fig_reference(steps: usize) -> Result<Figure> {
    let q = Quadratic::reference();
    let paper = reference_optimizer();
    let torch = Adagrad {
        convention: Convention::Pytorch,
        ..paper
    };
    let a = run(&paper, &q, reference_start().view(), steps)?;
    let b = run(&torch, &q, reference_start().view(), steps)?;
    Contour::new(&q, (-6.0, 6.0), (-2.5, 2.5))
        .levels(12)
        .title(format!(
            "Adagrad on 0.1x² + 2y², {}, {steps} steps",
            paper.symbols()
        ))
        .trace("post: η/√(G+ε)", &a)
        .trace("torch: η/(√G+ε)", &b)
        .render()
}
