//! An ill-conditioned valley: GD, momentum γ = 0.5 and γ = 0.9 on
//! $0.1x^2 + 2y^2$ (condition number 20), as the experiment [`Valley`].

use super::{check_distinct, fmt_point, post_momentum, POST_GAMMA, REFERENCE_LR};
use crate::MomentumRecord;
use optcore::error::check_lesson_steps;
use optcore::measure::crossings;
use optcore::render::{table_steps, Cell};
use optcore::trace::sub;
use optcore::{reference_start, run_to_completion, Objective, Quadratic, Result, Table, Trace};
use plots::{bounding_box, Contour, Figure, LineChart, Series};

/// Steps of the valley runs.
pub const VALLEY_STEPS: usize = 100;

/// Steps drawn in the valley's contour figure (at most the run's steps).
pub const VALLEY_DRAWN: usize = 40;

/// The valley experiment: the post's momentum at one η and several γ on
/// $0.1x^2 + 2y^2$ (curvatures 0.2 and 4, condition number 20).
#[derive(Clone, Debug, PartialEq)]
pub struct Valley {
    /// The learning rate η of every run: a finite number > 0.
    pub lr: f64,
    /// γ of each run, in \[0, 1), all different (γ = 0 is plain GD); at least one.
    pub gammas: Vec<f64>,
    /// The start θ₀ = (x, y): finite.
    pub start: [f64; 2],
    /// Steps of each run: from 1 to [`super::MAX_LESSON_STEPS`].
    pub steps: usize,
}

impl Valley {
    /// The notebook's valley: η = 0.4 (the reference case's), γ = 0, 0.5, 0.9
    /// from (−5, −2), 100 steps.
    pub fn lesson() -> Valley {
        let s = reference_start();
        Valley {
            lr: REFERENCE_LR,
            gammas: vec![0.0, 0.5, POST_GAMMA],
            start: [s[0], s[1]],
            steps: VALLEY_STEPS,
        }
    }

    /// Every knob checked, with a typed error naming the first one out of range.
    pub fn validate(&self) -> Result<()> {
        check_lesson_steps("steps", self.steps)?;
        check_distinct("gammas", &self.gammas)?;
        for &g in &self.gammas {
            post_momentum(self.lr, g)?;
        }
        Ok(())
    }

    /// One run per γ, labelled `GD (γ = 0), η = …` or `momentum γ = …, η = …`.
    pub fn runs(&self) -> Result<Vec<(String, Trace<MomentumRecord>)>> {
        self.validate()?;
        let q = Quadratic::reference();
        let mut out = Vec::new();
        for &gamma in &self.gammas {
            let tr = run_to_completion(
                &post_momentum(self.lr, gamma)?,
                &q,
                ndarray::ArrayView1::from(&self.start[..]),
                self.steps,
            )?;
            let label = if gamma == 0.0 {
                "GD (γ = 0)".to_string()
            } else {
                format!("momentum γ = {gamma}")
            };
            out.push((format!("{label}, η = {}", self.lr), tr));
        }
        Ok(out)
    }

    /// The valley in numbers: the loss after 10, 20, 50, 100 steps (those within
    /// the run, and the last step), the first step with loss ≤ 1e-6, and how
    /// often each coordinate crossed 0.
    pub fn table(&self) -> Result<Table> {
        let runs = self.runs()?;
        let at = table_steps(&[10, 20, 50, 100], self.steps);
        let heads: Vec<String> = at.iter().map(|&t| format!("J(θ{})", sub(t))).collect();
        let mut cols: Vec<&str> = vec!["run"];
        cols.extend(heads.iter().map(|h| h.as_str()));
        cols.extend(["first t with J ≤ 1e-6", "x crossed 0", "y crossed 0"]);
        let lesson = *self == Valley::lesson();
        let mut t = Table::new(
            format!(
                "0.1x² + 2y² from {}: GD vs momentum",
                fmt_point(&self.start)
            ),
            &cols,
        );
        for (label, tr) in runs {
            let first = tr
                .first_below(1e-6)
                .map(|r| Cell::from(r.t))
                .unwrap_or_else(|| "—".into());
            let mut row: Vec<Cell> = vec![label.into()];
            row.extend(at.iter().map(|&k| Cell::from(tr.rows[k].loss)));
            row.extend([first, crossings(&tr, 0).into(), crossings(&tr, 1).into()]);
            t.push(row);
        }
        Ok(if lesson {
            t.with_note("GD crawls along the shallow x direction; momentum builds speed there; at γ = 0.9 it overshoots and spirals")
        } else {
            t.with_note("— = not within the run")
        })
    }

    /// Series: the valley paths (the first [`VALLEY_DRAWN`] steps), for the contour figure.
    pub fn paths(&self) -> Result<Vec<Series>> {
        let upto = VALLEY_DRAWN.min(self.steps);
        Ok(self
            .runs()?
            .into_iter()
            .map(|(l, tr)| (l, tr.path2()[..=upto].to_vec()))
            .collect())
    }

    /// Contours of $0.1x^2 + 2y^2$ with the valley paths.
    pub fn contour(&self) -> Result<Figure> {
        let q = Quadratic::reference();
        let paths = self.paths()?;
        let (xr, yr) = bounding_box(paths.iter().flat_map(|(_, p)| p.iter().copied()), 0.08)?;
        Contour::new(&q as &dyn Objective, xr, yr)
            .levels(12)
            .title(format!(
                "0.1x² + 2y²: GD vs momentum, first {} steps",
                VALLEY_DRAWN.min(self.steps)
            ))
            .paths(paths)
            .render()
    }

    /// Series: loss against t for the valley runs.
    pub fn loss_series(&self) -> Result<Vec<Series>> {
        Ok(self
            .runs()?
            .into_iter()
            .map(|(l, tr)| (l, tr.rows.iter().map(|r| (r.t as f64, r.loss)).collect()))
            .collect())
    }

    /// Figure of [`Valley::loss_series`] (log y).
    pub fn losses(&self) -> Result<Figure> {
        LineChart::new("loss J(θₜ) on 0.1x² + 2y²")
            .x_label("step t")
            .y_label("J(θₜ)")
            .log_y(true)
            .all_series(self.loss_series()?)
            .render()
    }
}
