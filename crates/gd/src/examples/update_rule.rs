//! The update rule $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t)$:
//! two steps by hand on the reference quadratic, then paths for three learning
//! rates on its contours.

use super::vector;
use crate::Sgd;
use optcore::render::fmt_num;
use optcore::{
    reference_start, run, Convention, Objective, Optimizer, Quadratic, Report, Result, Table,
};
use plots::Series;

/// Learning rates of the paths drawn on the quadratic's contours.
pub const QUADRATIC_LRS: [f64; 3] = [0.1, 0.4, 0.51];
/// Steps of those paths.
pub const QUADRATIC_STEPS: usize = 12;

/// Learning rate of the from-scratch cell's run (the reference case's η).
pub const RULE_LR: f64 = 0.4;
/// Steps of the from-scratch cell's run.
pub const RULE_STEPS: usize = 5;

/// The library's run the notebook's from-scratch cell is checked against:
/// [`Sgd`] with η = [`RULE_LR`] on $0.1x^2 + 2y^2$ from [`optcore::reference_start`],
/// [`RULE_STEPS`] steps.
pub fn rule_trace() -> Result<optcore::Trace<crate::SgdRecord>> {
    let opt = Sgd {
        lr: RULE_LR,
        ..Sgd::defaults(Convention::Paper)
    }
    .validated()?;
    run(
        &opt,
        Quadratic::reference(),
        reference_start().view(),
        RULE_STEPS,
    )
}

/// (a) The update rule $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t)$
/// stepped by hand twice on the reference quadratic $0.1x^2 + 2y^2$ from
/// $(-5, -2)$ with $\eta = 0.4$ (the reference case `pytorch-sgd-quadratic`).
pub fn hand_steps() -> Report {
    let lr = 0.4;
    let q = Quadratic::reference();
    let mut theta = reference_start();
    let mut t = Table::new(
        format!("two steps by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = {lr}"),
        &[
            "t",
            "x_t",
            "y_t",
            "J(θ_t)",
            "∂J/∂x",
            "∂J/∂y",
            "η·∂J/∂x",
            "η·∂J/∂y",
            "x_t+1",
            "y_t+1",
            "J(θ_t+1)",
        ],
    );
    let mut lines = Vec::new();
    for step in 0..2usize {
        let g = q.gradient(theta.view());
        let eg = g.mapv(|v| lr * v);
        let next = &theta - &eg;
        t.push(vec![
            step.into(),
            theta[0].into(),
            theta[1].into(),
            q.value(theta.view()).into(),
            g[0].into(),
            g[1].into(),
            eg[0].into(),
            eg[1].into(),
            next[0].into(),
            next[1].into(),
            q.value(next.view()).into(),
        ]);
        lines.push(format!(
            "$$\\theta_{} = \\theta_{} - \\eta\\nabla J(\\theta_{}) = {} - {}\\cdot{} = {}$$",
            step + 1,
            step,
            step,
            vector(theta.view()),
            fmt_num(lr),
            vector(g.view()),
            vector(next.view())
        ));
        theta = next;
    }
    Report::new().text(lines.join("\n\n")).table(t)
}

/// Plain GD on the reference quadratic from [`optcore::reference_start`] with each of
/// [`QUADRATIC_LRS`]: (label, path) for a contour plot.
pub fn quadratic_paths() -> Result<Vec<Series>> {
    let start = reference_start();
    QUADRATIC_LRS
        .iter()
        .map(|&lr| {
            let opt = Sgd {
                lr,
                ..Sgd::defaults(Convention::Paper)
            }
            .validated()?;
            let tr = run(&opt, Quadratic::reference(), start.view(), QUADRATIC_STEPS)?;
            Ok((format!("η = {lr}"), tr.path2()))
        })
        .collect()
}

/// The paths of [`quadratic_paths`] as a table (x, y per step and lr), titled
/// with the Hessian's eigenvalues (the `hessian` feature).
#[cfg(feature = "hessian")]
pub fn quadratic_paths_table() -> Result<Table> {
    let paths = quadratic_paths()?;
    let mut header = vec!["t".to_string()];
    for (l, _) in &paths {
        header.push(format!("x ({l})"));
        header.push(format!("y ({l})"));
    }
    let q = Quadratic::reference();
    let h = q
        .hessian(ndarray::Array1::zeros(2).view())
        .ok_or(optcore::Error::Empty {
            what: "the quadratic's Hessian",
        })?;
    let (lo, hi) = optcore::linalg::eigenvalue_range(&h)?;
    let mut t = Table::with_header(
        format!(
            "GD on 0.1x² + 2y² from (-5, -2): Hessian eigenvalues {} and {}, stable for η < 2/{} = {}",
            fmt_num(lo),
            fmt_num(hi),
            fmt_num(hi),
            fmt_num(2.0 / hi)
        ),
        header,
    );
    for step in 0..=QUADRATIC_STEPS {
        let mut row = vec![step.into()];
        for (_, path) in &paths {
            row.push(path[step].0.into());
            row.push(path[step].1.into());
        }
        t.push(row);
    }
    Ok(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use optcore::reference::{self, max_rel_diff_to_reference};

    #[test]
    fn hand_steps_are_the_optimizer_and_torch() {
        let tr = run(
            &Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
            Quadratic::reference(),
            reference_start().view(),
            2,
        )
        .unwrap();
        let table = hand_steps().tables()[0].clone();
        let xs = table.column("x_t+1").unwrap();
        let ys = table.column("y_t+1").unwrap();
        for k in 0..2 {
            assert_eq!(xs[k].to_bits(), tr.rows[k + 1].theta[0].to_bits());
            assert_eq!(ys[k].to_bits(), tr.rows[k + 1].theta[1].to_bits());
        }
        // torch.optim.SGD(lr=0.4) from (-5, -2): the shared reference trace.
        let reference = reference::trace("pytorch-sgd-quadratic").unwrap();
        let tr20 = run(
            &Sgd {
                lr: 0.4,
                ..Sgd::defaults(Convention::Paper)
            },
            Quadratic::reference(),
            reference_start().view(),
            reference.len() - 1,
        )
        .unwrap();
        assert!(max_rel_diff_to_reference(&tr20, &reference).unwrap() < 1e-12);
        assert_eq!(
            quadratic_paths().unwrap()[1].1,
            tr20.path2()[..=QUADRATIC_STEPS].to_vec()
        );
    }
}

#[cfg(test)]
mod rule_tests {
    use super::*;
    use ndarray::Array1;
    use optcore::exercise::{compare_with_trace, Agreement};

    /// The notebook's from-scratch cell as written there: `θ − η g` with the
    /// gradient (0.2x, 4y) typed out.
    fn from_scratch(fused: bool) -> Vec<Array1<f64>> {
        let eta = RULE_LR;
        let mut theta = reference_start();
        let mut out = Vec::new();
        for _ in 0..RULE_STEPS {
            let g = ndarray::array![0.2 * theta[0], 4.0 * theta[1]];
            theta = if fused {
                ndarray::Zip::from(&theta)
                    .and(&g)
                    .map_collect(|&x, &gi| (-eta).mul_add(gi, x))
            } else {
                &theta - &(eta * &g)
            };
            out.push(theta.clone());
        }
        out
    }

    #[test]
    fn the_hand_written_rule_agrees_with_the_library() {
        let tr = rule_trace().unwrap();
        // Written with one rounding (mul_add, as the library and torch do): every bit.
        assert!(compare_with_trace(&from_scratch(true), &tr, Agreement::Bits).agrees());
        // Written as θ − ηg (two roundings): within a few ulps.
        let plain = compare_with_trace(
            &from_scratch(false),
            &tr,
            Agreement::Within {
                rel: 1e-14,
                why: "",
            },
        );
        assert!(plain.agrees(), "{plain}");
    }
}
