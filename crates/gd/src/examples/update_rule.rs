//! The update rule $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t)$:
//! two steps by hand on the reference quadratic, then paths for three learning
//! rates on its contours.

use super::{count_word, vector};
use crate::Sgd;
use optcore::error::{check_finite_point, check_steps, Error};
use optcore::render::fmt_num;
use optcore::{
    reference_start, run, run_with, Convention, Exact, Objective, Optimizer, Quadratic, Report,
    Result, RunOptions, Table,
};
use plots::Series;

/// Learning rates of the paths drawn on the quadratic's contours.
pub const QUADRATIC_LRS: [f64; 3] = [0.1, 0.4, 0.51];
/// Steps of those paths.
pub const QUADRATIC_STEPS: usize = 12;
/// Steps of the hand-stepped table.
pub const HAND_STEPS: usize = 2;
/// The most steps [`HandSteps`] writes out.
pub const MAX_HAND_STEPS: usize = 50;
/// The most steps a path of [`QuadraticPaths`] takes (its table lists each).
pub const MAX_PATH_STEPS: usize = 10_000;
/// A path of [`QuadraticPaths`] stops as diverged once $J(\theta_t)$ exceeds this
/// times $\max(1, J(\theta_0))$.
pub const PATH_DIVERGE_FACTOR: f64 = 1e6;

/// Learning rate of the from-scratch cell's run (the reference case's η).
pub const RULE_LR: f64 = 0.4;
/// Steps of the from-scratch cell's run.
pub const RULE_STEPS: usize = 5;

/// `steps` from 1 to `max` ([`check_steps`]), with 0 refused in the words
/// `accepts` (which state the cap: the lesson's tables list every step).
fn check_steps_saying(steps: usize, max: usize, accepts: &'static str) -> Result<()> {
    if steps == 0 {
        return Err(Error::Hyperparameter {
            name: "steps",
            value: 0.0,
            accepts,
        });
    }
    check_steps(steps, max)
}

/// The library's run the notebook's from-scratch cell is checked against, at
/// the cell's own settings: [`Sgd`] with η = `eta` on $0.1x^2 + 2y^2$ from
/// `theta0`, `steps` steps. At the lesson's values ([`RULE_LR`],
/// [`optcore::reference_start`], [`RULE_STEPS`]) its trace is pinned by a
/// snapshot. η ≤ 0 or not finite, a start that is not finite, and steps of 0
/// or above [`optcore::MAX_TRACE_STEPS`] are errors.
pub fn rule_trace(
    eta: f64,
    theta0: [f64; 2],
    steps: usize,
) -> Result<optcore::Trace<crate::SgdRecord>> {
    let opt = Sgd {
        lr: eta,
        ..Sgd::defaults(Convention::Paper)
    }
    .validated()?;
    check_finite_point("start", &theta0)?;
    check_steps(steps, optcore::MAX_TRACE_STEPS)?;
    run(
        &opt,
        Quadratic::reference(),
        ndarray::arr1(&theta0).view(),
        steps,
    )
}

/// The experiment "steps by hand": the update rule
/// $\theta_{t+1} = \theta_t - \eta\nabla_\theta J(\theta_t)$ on the reference
/// quadratic $0.1x^2 + 2y^2$, every intermediate number written out.
#[derive(Clone, Debug, PartialEq)]
pub struct HandSteps {
    /// η, the learning rate: a finite number > 0.
    pub lr: f64,
    /// $\theta_0 = (x, y)$: finite numbers.
    pub start: [f64; 2],
    /// How many steps to write out: 1 to [`MAX_HAND_STEPS`].
    pub steps: usize,
}

impl HandSteps {
    /// The notebook's values, the reference case `pytorch-sgd-quadratic`:
    /// η = [`RULE_LR`] from [`optcore::reference_start`], [`HAND_STEPS`] steps.
    pub fn lesson() -> HandSteps {
        let s = reference_start();
        HandSteps {
            lr: RULE_LR,
            start: [s[0], s[1]],
            steps: HAND_STEPS,
        }
    }

    /// Each step as an equation, then a table of every number it took.
    pub fn report(&self) -> Result<Report> {
        optcore::error::check_positive("lr", self.lr)?;
        check_finite_point("start", &self.start)?;
        check_steps_saying(
            self.steps,
            MAX_HAND_STEPS,
            "a whole number of steps from 1 to 50",
        )?;
        Ok(hand_steps(self.lr, self.start, self.steps))
    }
}

fn hand_steps(lr: f64, start: [f64; 2], steps: usize) -> Report {
    let q = Quadratic::reference();
    let mut theta = ndarray::arr1(&start);
    let what = if steps == 1 { "step" } else { "steps" };
    let mut t = Table::new(
        format!(
            "{} {what} by hand: J(x, y) = 0.1x² + 2y², ∇J = (0.2x, 4y), η = {lr}",
            count_word(steps)
        ),
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
    for step in 0..steps {
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

/// The experiment "paths for several learning rates": plain GD on the
/// reference quadratic $0.1x^2 + 2y^2$ from one start, one path per η.
#[derive(Clone, Debug, PartialEq)]
pub struct QuadraticPaths {
    /// η of each path: finite numbers > 0, at least one. Above $2/\lambda_{\max}
    /// = 0.5$ the path diverges (stopped once $J$ passes
    /// [`PATH_DIVERGE_FACTOR`] · max(1, J(θ₀))).
    pub lrs: Vec<f64>,
    /// $\theta_0 = (x, y)$: finite numbers.
    pub start: [f64; 2],
    /// Steps of every path: 1 to [`MAX_PATH_STEPS`] (the table lists each one).
    pub steps: usize,
}

impl QuadraticPaths {
    /// The notebook's values: [`QUADRATIC_LRS`] from
    /// [`optcore::reference_start`], [`QUADRATIC_STEPS`] steps.
    pub fn lesson() -> QuadraticPaths {
        let s = reference_start();
        QuadraticPaths {
            lrs: QUADRATIC_LRS.to_vec(),
            start: [s[0], s[1]],
            steps: QUADRATIC_STEPS,
        }
    }

    fn check(&self) -> Result<()> {
        if self.lrs.is_empty() {
            return Err(Error::Empty {
                what: "the list of learning rates `lrs`",
            });
        }
        for &lr in &self.lrs {
            optcore::error::check_positive("lr", lr)?;
        }
        check_finite_point("start", &self.start)?;
        check_steps_saying(
            self.steps,
            MAX_PATH_STEPS,
            "a whole number of steps from 1 to 10000",
        )
    }

    /// (label, path) of each η for a contour plot: $\theta_0, \theta_1, \dots$ up
    /// to the last step taken (a diverged path ends where it passed the limit).
    pub fn paths(&self) -> Result<Vec<Series>> {
        self.check()?;
        let q = Quadratic::reference();
        let start = ndarray::arr1(&self.start);
        let limit = PATH_DIVERGE_FACTOR * q.value(start.view()).max(1.0);
        self.lrs
            .iter()
            .map(|&lr| {
                let opt = Sgd {
                    lr,
                    ..Sgd::defaults(Convention::Paper)
                }
                .validated()?;
                let mut oracle = Exact::new(&q as &dyn Objective);
                let options = RunOptions {
                    steps: self.steps,
                    diverge_above: Some(limit),
                };
                let tr = run_with(&opt, &mut oracle, start.view(), options)?;
                Ok((format!("η = {lr}"), tr.path2()))
            })
            .collect()
    }

    /// The paths on the contours of $0.1x^2 + 2y^2$. The frame is
    /// $[-6, 1] \times [-4, 4]$, widened to hold every path and the minimum.
    pub fn contour(&self) -> Result<plots::Figure> {
        let paths = self.paths()?;
        let q = Quadratic::reference();
        let (mut x0, mut x1, mut y0, mut y1) = (-6.0f64, 1.0f64, -4.0f64, 4.0f64);
        let (mut lo_x, mut hi_x, mut lo_y, mut hi_y) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
        for (_, path) in &paths {
            for &(x, y) in path {
                lo_x = lo_x.min(x);
                hi_x = hi_x.max(x);
                lo_y = lo_y.min(y);
                hi_y = hi_y.max(y);
            }
        }
        let pad_x = 0.05 * (hi_x - lo_x).max(1.0);
        let pad_y = 0.05 * (hi_y - lo_y).max(1.0);
        if lo_x < x0 || hi_x > x1 {
            (x0, x1) = (x0.min(lo_x - pad_x), x1.max(hi_x + pad_x));
        }
        if lo_y < y0 || hi_y > y1 {
            (y0, y1) = (y0.min(lo_y - pad_y), y1.max(hi_y + pad_y));
        }
        let mut contour = plots::Contour::new(&q, (x0, x1), (y0, y1))
            .levels(12)
            .x_label("x")
            .y_label("y")
            .title(format!(
                "GD on 0.1x² + 2y² from ({}, {}), {} learning rate{}",
                self.start[0],
                self.start[1],
                count_word(self.lrs.len()),
                if self.lrs.len() == 1 { "" } else { "s" }
            ));
        for (label, path) in paths {
            contour = contour.path(label, path);
        }
        contour.render()
    }

    /// The paths as a table (x, y per step and η; empty past a diverged path's
    /// end), titled with the Hessian's eigenvalues (the `hessian` feature).
    #[cfg(feature = "hessian")]
    pub fn table(&self) -> Result<Table> {
        let paths = self.paths()?;
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
                "GD on 0.1x² + 2y² from ({}, {}): Hessian eigenvalues {} and {}, stable for η < 2/{} = {}",
                self.start[0],
                self.start[1],
                fmt_num(lo),
                fmt_num(hi),
                fmt_num(hi),
                fmt_num(2.0 / hi)
            ),
            header,
        );
        for step in 0..=self.steps {
            let mut row = vec![step.into()];
            for (_, path) in &paths {
                match path.get(step) {
                    Some(&(x, y)) => {
                        row.push(x.into());
                        row.push(y.into());
                    }
                    None => {
                        row.push("".into());
                        row.push("".into());
                    }
                }
            }
            t.push(row);
        }
        Ok(t)
    }
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
        let table = HandSteps::lesson().report().unwrap().tables()[0].clone();
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
            QuadraticPaths::lesson().paths().unwrap()[1].1,
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
        rule_at(RULE_LR, [-5.0, -2.0], RULE_STEPS, fused)
    }

    fn rule_at(eta: f64, theta0: [f64; 2], steps: usize, fused: bool) -> Vec<Array1<f64>> {
        let mut theta = ndarray::arr1(&theta0);
        let mut out = Vec::new();
        for _ in 0..steps {
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
        let tr = rule_trace(RULE_LR, [-5.0, -2.0], RULE_STEPS).unwrap();
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

    #[test]
    fn the_check_follows_other_settings() {
        for (eta, theta0, steps) in [
            (0.2, [-5.0, -2.0], 5),
            (0.45, [3.0, 1.0], 9),
            (0.6, [1.0, -1.0], 4),
        ] {
            let tr = rule_trace(eta, theta0, steps).unwrap();
            let mine = rule_at(eta, theta0, steps, true);
            assert!(compare_with_trace(&mine, &tr, Agreement::Bits).agrees());
            // Against the lesson's run the old fixed check would blame the rule.
            let lesson = rule_trace(RULE_LR, [-5.0, -2.0], RULE_STEPS).unwrap();
            assert!(!compare_with_trace(&mine, &lesson, Agreement::Bits).agrees());
            // A slip at step 3 is still caught there.
            let mut wrong = mine.clone();
            wrong[2][1] += 1e-9;
            assert_eq!(
                compare_with_trace(&wrong, &tr, Agreement::Bits).parts_at,
                Some(3)
            );
        }
    }

    #[test]
    fn bad_settings_are_typed_errors() {
        let start = [-5.0, -2.0];
        for bad in [0.0, -0.4, f64::NAN, f64::INFINITY] {
            assert!(rule_trace(bad, start, 5).is_err());
        }
        assert!(rule_trace(0.4, [f64::NAN, 0.0], 5).is_err());
        assert!(rule_trace(0.4, start, 0).is_err());
        assert!(rule_trace(0.4, start, optcore::MAX_TRACE_STEPS + 1).is_err());
        for bad in [
            HandSteps {
                lr: -1.0,
                ..HandSteps::lesson()
            },
            HandSteps {
                start: [f64::INFINITY, 0.0],
                ..HandSteps::lesson()
            },
            HandSteps {
                steps: 0,
                ..HandSteps::lesson()
            },
            HandSteps {
                steps: MAX_HAND_STEPS + 1,
                ..HandSteps::lesson()
            },
        ] {
            assert!(bad.report().is_err(), "{bad:?}");
        }
        for bad in [
            QuadraticPaths {
                lrs: vec![],
                ..QuadraticPaths::lesson()
            },
            QuadraticPaths {
                lrs: vec![0.1, 0.0],
                ..QuadraticPaths::lesson()
            },
            QuadraticPaths {
                start: [0.0, f64::NAN],
                ..QuadraticPaths::lesson()
            },
            QuadraticPaths {
                steps: 0,
                ..QuadraticPaths::lesson()
            },
            QuadraticPaths {
                steps: usize::MAX,
                ..QuadraticPaths::lesson()
            },
        ] {
            assert!(bad.paths().is_err(), "{bad:?}");
            assert!(bad.table().is_err(), "{bad:?}");
            assert!(bad.contour().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_diverging_path_stops_and_its_table_and_figure_hold() {
        let paths = QuadraticPaths {
            lrs: vec![0.4, 2.0],
            steps: 100,
            ..QuadraticPaths::lesson()
        };
        let p = paths.paths().unwrap();
        assert_eq!(p[0].1.len(), 101);
        assert!(p[1].1.len() < 101);
        assert!(p
            .iter()
            .all(|(_, path)| path.iter().all(|(x, y)| x.is_finite() && y.is_finite())));
        let text = paths.table().unwrap().to_string();
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
        paths.contour().unwrap();
        let one = HandSteps {
            steps: 1,
            ..HandSteps::lesson()
        }
        .report()
        .unwrap();
        assert!(one.to_string().contains("one step by hand"));
    }
}
